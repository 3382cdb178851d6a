"""`rag eval` and the gate: malformed datasets, exit codes, and one end-to-end smoke run.

The smoke run (slow: the real embedder, Chroma and the embedded LLM, about 10 questions) is the
CI gate: it must pass against the committed reference evals/reference/smoke_summary.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evals import EXIT_REGRESSION, DatasetError, load_dataset, run_eval
from evals.gate import main as gate_main
from rag.cli import app
from tests.conftest import ROOT, SEEDS

SMOKE = ROOT / "evals" / "datasets" / "seeds_smoke.jsonl"
REFERENCE = ROOT / "evals" / "reference" / "smoke_summary.json"

GOOD = {"id": "q1", "question": "Who met Xi?", "answer": "Blinken.", "answerable": True,
        "sources": ["a.txt"]}


def write_lines(path: Path, *lines: object) -> Path:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    return path


# --- datasets ----------------------------------------------------------------------------------


def test_malformed_lines_stop_the_run_before_any_work(tmp_path: Path) -> None:
    dataset = write_lines(
        tmp_path / "bad.jsonl",
        GOOD,
        '{"id": "q2", "question": "Where?"',  # line 2: cut off
        {k: v for k, v in GOOD.items() if k != "answerable"} | {"id": "q3"},  # line 3
        "",  # blank lines are skipped
        GOOD,  # line 5: duplicate id
    )
    out, data_dir = tmp_path / "run", tmp_path / ".rag"
    result = CliRunner().invoke(app, ["eval", "--dataset", str(dataset), "--out", str(out),
                                      "--data-dir", str(data_dir)])
    assert result.exit_code == 1, result.output
    text = " ".join(result.output.split())
    assert "3 malformed lines" in text
    assert "line 2: not valid JSON" in text
    assert "line 3: missing 'answerable'" in text
    assert "line 5: duplicate id 'q1' (first on line 1)" in text
    assert not out.exists() and not data_dir.exists()  # nothing was ingested or written


@pytest.mark.parametrize(("line", "problem"), [
    ("[1, 2]", "expected a JSON object"),
    (GOOD | {"question": "  "}, "'question' must be a non-empty string"),
    (GOOD | {"answerable": "yes"}, "'answerable' must be true or false"),
    (GOOD | {"sources": "a.txt"}, "'sources' must be a list of file names"),
    (GOOD | {"key_phrases": [1]}, "'key_phrases' must be a list of strings"),
    (GOOD | {"answer": ""}, "an answerable question needs a reference 'answer'"),
    (GOOD | {"answerable": False}, "an unanswerable question must have an empty 'answer'"),
])
def test_each_kind_of_malformed_line(tmp_path: Path, line: object, problem: str) -> None:
    dataset = write_lines(tmp_path / "d.jsonl", GOOD | {"id": "q0"}, line)
    with pytest.raises(DatasetError) as info:
        load_dataset(dataset)
    assert info.value.problems == [f"line 2: {problem}"] or info.value.problems[0].startswith(
        f"line 2: {problem}")


def test_extra_fields_are_ignored_and_optional_ones_read(tmp_path: Path) -> None:
    dataset = write_lines(tmp_path / "d.jsonl", GOOD | {"type": "fact", "notes": "x",
                                                        "key_phrases": ["Blinken"]})
    (item,) = load_dataset(dataset).items
    assert item.type == "fact" and item.key_phrases == ("Blinken",) and item.line == 1


def test_the_shipped_datasets_load() -> None:
    assert len(load_dataset(SMOKE).items) == 10
    assert len(load_dataset(ROOT / "evals" / "datasets" / "seeds_qa.jsonl").items) == 59
    held_out = load_dataset(ROOT / "evals" / "datasets" / "wikinews_qa.jsonl").items
    assert len(held_out) == 24 and sum(not item.answerable for item in held_out) == 8


@pytest.mark.parametrize("content", [None, "\n\n"])
def test_missing_or_empty_dataset_is_an_error(tmp_path: Path, content: str | None) -> None:
    path = tmp_path / "d.jsonl"
    if content is not None:
        path.write_text(content)
    result = CliRunner().invoke(app, ["eval", "--dataset", str(path)])
    assert result.exit_code == 1
    assert ("cannot read dataset" if content is None else "has no questions") in result.output


def test_unknown_system_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["eval", "--dataset", str(SMOKE), "--system", "gpt"])
    assert result.exit_code == 2


# --- the gate ----------------------------------------------------------------------------------


def write_summary(path: Path, n: int = 10, **metrics: float) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    data = {"dataset": {"sha256": "x"},
            "systems": {"newsrag": {"metrics": metrics, "counts": dict.fromkeys(metrics, n)}}}
    (path / "summary.json").write_text(json.dumps(data))
    return path


def test_gate_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = write_summary(tmp_path / "ref", correct=0.8, **{"hit@5": 1.0})
    same = write_summary(tmp_path / "same", correct=0.7, **{"hit@5": 1.0})
    worse = write_summary(tmp_path / "worse", correct=0.5, **{"hit@5": 1.0})
    assert gate_main([str(same), str(ref)]) == 0
    assert "gate: passed" in capsys.readouterr().out
    assert gate_main([str(worse / "summary.json"), str(ref)]) == EXIT_REGRESSION == 3
    assert "gate: FAILED (newsrag correct)" in capsys.readouterr().out
    assert gate_main([str(worse), str(ref), "--tolerance", "0.5"]) == 0
    assert gate_main([str(tmp_path / "nowhere"), str(ref)]) == 1
    (tmp_path / "junk.json").write_text("{")
    assert gate_main([str(same), str(tmp_path / "junk.json")]) == 1


# --- runs with the real index (the embedder and Chroma; the LLM where said) ---------------------


@pytest.fixture(scope="module")
def eval_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("evals") / ".rag"


def test_retrieval_only_run_and_compare_exit_codes(tmp_path: Path, eval_data_dir: Path) -> None:
    """`rag eval --compare` exits 0 when the gate passes and 3 when a headline metric drops.

    The drop is real: the second run's corpus lacks four of the five articles.
    """
    low = write_summary(tmp_path / "low", **{"hit@5": 0.5, "mrr@10": 0.4})
    args = ["eval", "--dataset", str(SMOKE), "--retrieval-only", "--data-dir", str(eval_data_dir)]
    first = CliRunner().invoke(app, [*args, "--corpus", str(SEEDS), "--out", str(tmp_path / "a"),
                                     "--compare", str(low)])
    assert first.exit_code == 0, first.output
    assert "gate: passed" in first.output
    summary = json.loads((tmp_path / "a" / "summary.json").read_text())
    metrics = summary["systems"]["newsrag"]["metrics"]
    assert metrics["hit@5"] >= 0.8 and metrics["correct"] is None
    assert summary["systems"]["newsrag"]["counts"]["hit@5"] == 6  # the answerable questions

    partial = tmp_path / "partial"
    partial.mkdir()
    seed = sorted(SEEDS.iterdir())[0]
    (partial / seed.name).write_bytes(seed.read_bytes())
    second = CliRunner().invoke(app, [*args, "--corpus", str(partial), "--out",
                                      str(tmp_path / "b"), "--compare", str(tmp_path / "a")])
    assert second.exit_code == EXIT_REGRESSION, second.output
    assert "gate: FAILED (newsrag hit@5" in " ".join(second.output.split())


@pytest.mark.slow
def test_baseline_answers_from_the_same_index(eval_data_dir: Path, llm) -> None:  # noqa: ANN001
    run = run_eval(SMOKE, systems=["baseline"], limit=2, corpus=SEEDS, llm=llm,
                   data_dir=eval_data_dir)
    assert [r["id"] for r in run.results] == ["q06", "q14"]
    for row in run.results:
        assert row["citations"] is None  # the baseline does not cite
        assert row["retrieved"] and set(row["retrieved"]) <= {p.name for p in SEEDS.iterdir()}
        assert isinstance(row["refused"], bool) and row["answer"]
    metrics = run.summary["systems"]["baseline"]["metrics"]
    assert metrics["citations_verified"] is None and metrics["prompt_tokens_mean"] > 0


def test_the_baseline_prompt_holds_chunk_texts_not_their_metadata() -> None:
    """LlamaIndex reads newsrag's chunk records without their exclusions; the baseline
    rebuilds them, so its prompt is the chunks' text as newsrag's is."""
    from llama_index.core.schema import MetadataMode, NodeWithScore, TextNode

    from evals.baseline import StoredChunks

    as_read = TextNode(id_="a.txt::0", text="The dam opened in May.", metadata={
        "source": "a.txt", "title": "Dam opens", "published": "2024-05-02", "start": 0,
        "end": 22, "chunk": 0, "embed_title": True})
    [rebuilt] = StoredChunks().postprocess_nodes([NodeWithScore(node=as_read, score=0.9)])
    assert rebuilt.score == 0.9 and rebuilt.node.metadata["source"] == "a.txt"
    assert rebuilt.node.get_content(metadata_mode=MetadataMode.LLM) == "The dam opened in May."


@pytest.mark.slow
def test_smoke_run_passes_the_gate(tmp_path: Path, eval_data_dir: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The CI gate: the smoke set, the real models, the committed reference summary. Both
    keys are set (the LLM stays the embedded one) and must appear in no file the run writes."""
    keys = {"RAG_API_KEY": "server-key-5f3a9c1e", "OPENAI_API_KEY": "sk-test-7d2b8e40"}
    for name, value in keys.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("RAG_LLM_BACKEND", "llamacpp")
    out, replies = tmp_path / "smoke", tmp_path / "replies.jsonl"
    result = CliRunner().invoke(app, [
        "eval", "--dataset", str(SMOKE), "--out", str(out), "--corpus", str(SEEDS),
        "--data-dir", str(eval_data_dir), "--compare", str(REFERENCE), "--replay", str(replies)])
    assert result.exit_code == 0, result.output
    assert "gate: passed" in result.output
    for name in ("summary.json", "results.jsonl", "report.md", "metrics.png", "latency.png",
                 "compare.png"):
        assert (out / name).stat().st_size > 0, name
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines()]
    assert len(rows) == 10 and {"answer", "refused", "citations", "retrieved", "metrics"} <= set(
        rows[0])
    report = (out / "report.md").read_text()
    assert "## Worst 10 questions: newsrag" in report and "## Compared with the reference" in report
    summary = json.loads((out / "summary.json").read_text())
    assert summary["dataset"]["sha256"] == json.loads(REFERENCE.read_text())["dataset"]["sha256"]
    assert summary["settings"]["api_key"] == "**********"  # set, and masked
    assert_no_file_holds(out, keys.values())
    asked = summary["replay"]["asked"]
    assert summary["replay"]["replayed"] == 0 and asked >= 8  # most questions reach the model

    # The same run replayed: every reply comes from the file, and every outcome is the same.
    again = run_eval(SMOKE, corpus=SEEDS, data_dir=eval_data_dir, replay=replies)
    assert again.summary["replay"] == {"file": str(replies), "replayed": asked, "asked": 0}
    assert [(r["answer"], r["status"], r["refusal_reason"]) for r in again.results] == [
        (r["answer"], r["status"], r.get("refusal_reason")) for r in rows]


def test_a_replayed_reply_is_not_asked_again_and_a_new_prompt_is(tmp_path: Path) -> None:
    from evals.replay import ReplayChat
    from tests.conftest import ScriptedLLM

    model = ScriptedLLM("Xi met Gates [1].", "Blinken met Wang Yi [2].")
    file = tmp_path / "replies.jsonl"
    first = ReplayChat(file, lambda: model)
    asked = [{"role": "user", "content": "Who met Xi?"}]
    assert "".join(first.stream(asked, 64, 0.0)).strip() == "Xi met Gates [1]."

    later = ReplayChat(file, lambda: model)  # a new run reads the file
    assert "".join(later.stream(asked, 64, 0.0)).strip() == "Xi met Gates [1]."
    assert len(model.calls) == 1 and later.replayed == 1 and later.name == "replay"
    other = [{"role": "user", "content": "Who met Wang Yi?"}]
    assert "".join(later.stream(other, 64, 0.0)).strip() == "Blinken met Wang Yi [2]."
    assert "".join(later.stream(asked, 32, 0.0)).strip() == "Blinken met Wang Yi [2]."  # options
    assert len(model.calls) == 3 and later.asked == 2


def assert_no_file_holds(folder: Path, secrets: object) -> None:
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        for value in secrets:  # type: ignore[attr-defined]
            assert value.encode() not in data, f"{path} holds a secret"


# --- ablations -----------------------------------------------------------------------------------


def test_retrieval_sweep_writes_one_table_over_the_whole_grid(tmp_path: Path) -> None:
    """`rag eval --sweep`: 3 retrieval modes x 2 chunk sizes x 2 k values, one row each."""
    out = tmp_path / "sweep"
    result = CliRunner().invoke(app, [
        "eval", "--sweep", "--retrieval-only", "--dataset", str(SMOKE), "--corpus", str(SEEDS),
        "--data-dir", str(tmp_path / ".rag"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = json.loads((out / "sweep.json").read_text())
    assert {(r["mode"], r["chunk_size"], r["k"]) for r in rows} == {
        (mode, size, k) for mode in ("dense", "bm25", "hybrid") for size in (96, 192)
        for k in (5, 10)}
    table = (out / "sweep.md").read_text().splitlines()
    assert sum(line.startswith(("| dense", "| bm25", "| hybrid")) for line in table) == 12
    # Each configuration really ran: its own results, with the k it was given.
    for row in rows:
        name = f"{row['mode']}-c{row['chunk_size']}-k{row['k']}"
        results = [json.loads(x) for x in (out / name / "results.jsonl").read_text().splitlines()]
        assert len(results) == 10 and all(len(r["retrieved"]) <= row["k"] for r in results)
        assert row["metrics"]["hit@5"] >= 0.5 and row["metrics"]["correct"] is None
    # ...with one collection per chunk size, and chunks of the size it names.
    collections = sorted(p.name for p in (tmp_path / ".rag" / "collections").iterdir())
    assert collections == ["eval-seeds-c192-o24", "eval-seeds-c96-o24"]


def test_sweep_with_answers_fills_the_answer_columns(tmp_path: Path) -> None:
    """Without --retrieval-only every configuration answers (here with a scripted LLM)."""
    from evals.sweep import Config, sweep

    from .conftest import ScriptedLLM

    reply = ScriptedLLM("Blinken met Liu Jianchao in Washington on Friday [1].")
    runs = sweep(SMOKE, tmp_path / "sweep", configs=[Config("bm25", 96, 5),
                                                     Config("hybrid", 96, 5)],
                 limit=3, corpus=SEEDS, llm=reply, data_dir=tmp_path / ".rag")
    assert len(reply.calls) == 6  # 3 questions x 2 configurations, one shared model
    table = (tmp_path / "sweep" / "sweep.md").read_text()
    assert "correct" in table and "refusal_recall" in table
    for _, run in runs:
        metrics = run.summary["systems"]["newsrag"]["metrics"]
        assert metrics["correct"] is not None and metrics["total_ms_p50"] is not None


def test_fallback_sweep_counts_passages_over_a_runs_refusals(tmp_path: Path,
                                                           seeded_dir: Path) -> None:
    """`python -m evals.fallback_sweep`: the closest-passage thresholds over a run's refused
    questions, the evidence rebuilt without the LLM."""
    from evals.fallback_sweep import COVER, SHARED, sweep
    from rag.assistant import Assistant
    from tests.conftest import ScriptedLLM, settings_for

    run = tmp_path / "run"
    run.mkdir()
    rows = [{"id": "q02", "status": "refused"}, {"id": "q55", "status": "partial"},
            {"id": "q01", "status": "answered"}]  # answered: not the fallback's business
    (run / "results.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    scripted = ScriptedLLM("never asked")
    table = sweep(ROOT / "evals/datasets/seeds_qa.jsonl", run,
                  Assistant(settings_for(seeded_dir), llm=scripted))
    assert len(table) == len(SHARED) * len(COVER)
    assert [r["default"] for r in table].count(True) == 1
    for r in table:
        assert (r["answerable"], r["near_misses"]) == (1, 1)
        assert r["passage_holds_answer"] <= r["answerable_passage"] <= 1
    # A stricter cover never finds more passages.
    for shared in SHARED:
        found = [r["answerable_passage"] + r["near_miss_passage"] for r in table
                 if r["min_shared"] == shared]
        assert found == sorted(found, reverse=True)
    assert scripted.calls == []
