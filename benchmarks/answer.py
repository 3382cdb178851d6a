"""Benchmark 4: answer latency with the embedded LLM, warm, on the seed-QA questions, and
accuracy/refusals with context_mode="sentences" (the default) against "chunks".

One process: the seed articles are indexed (real embedder), the LLM is loaded once and warmed
with one question outside the set, then every question of evals/datasets/seeds_qa.jsonl is
streamed through `Assistant.stream` in each mode. Latency comes from the Answer's own timings
(first_token_ms: question in to first streamed token; total_ms: to the checked answer);
correctness and refusals are scored by the eval harness's own rules (evals.metrics).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any

from .common import (
    SEEDS,
    SEEDS_QA,
    Context,
    loadavg,
    rag_settings,
    stats_ms,
    target,
    write_result,
)

MODES = ("sentences", "chunks")
QUICK_QUESTIONS, QUICK_ANSWER_TOKENS, QUICK_CONTEXT_TOKENS = 1, 16, 60
WARMUP = "What did the articles say about the weather?"


def seeded(work: Path) -> Path:
    """A data dir with the seed articles indexed (unchanged files are skipped on reruns)."""
    from rag.assistant import Assistant
    from rag.settings import get_settings

    data_dir = work / "seeds" / ".rag"
    report = Assistant(get_settings(data_dir=data_dir)).ingest([SEEDS], prune=True)
    if report.failed:
        raise RuntimeError(f"ingesting the seeds failed: {report.failed}")
    return data_dir


def ask_all(assistant: Any, items: list[Any]) -> list[dict[str, Any]]:
    from evals.metrics import answer_metrics
    from rag.types import Answer

    rows = []
    for item in items:
        started = time.perf_counter()
        answer = None
        for event in assistant.stream(item.question):
            if isinstance(event, Answer):
                answer = event
        assert answer is not None
        wall = (time.perf_counter() - started) * 1000
        scored = answer_metrics(answer.answer, answer.refused, item.answer, item.answerable,
                                item.key_phrases)
        rows.append({"id": item.id, "answerable": item.answerable, "refused": answer.refused,
                     "correct": scored["correct"], "prompt_tokens": answer.prompt_tokens,
                     "wall_ms": round(wall, 1), **answer.timings_ms})
    return rows


def summarize(rows: list[dict[str, Any]]) -> dict[str, Any]:
    from evals.metrics import refusal_metrics

    answerable = [r for r in rows if r["answerable"]]
    tokens = [r["prompt_tokens"] for r in rows if r["prompt_tokens"] is not None]
    firsts = [r["first_token_ms"] for r in rows if "first_token_ms" in r]
    return {
        "questions": len(rows),
        "total_ms": stats_ms(r["total_ms"] for r in rows),
        "first_token_ms": stats_ms(firsts),
        "retrieve_ms": stats_ms(r["retrieve_ms"] for r in rows),
        "llm_ms": stats_ms(r["llm_ms"] for r in rows if "llm_ms" in r),
        "prompt_tokens": {"median": statistics.median(tokens) if tokens else None,
                          "mean": round(statistics.mean(tokens), 1) if tokens else None,
                          "max": max(tokens) if tokens else None},
        "correct": round(sum(r["correct"] for r in rows) / len(rows), 4),
        "correct_answerable": (round(sum(r["correct"] for r in answerable) / len(answerable), 4)
                               if answerable else None),
        **refusal_metrics([(r["answerable"], r["refused"]) for r in rows]),
    }


def run(ctx: Context) -> dict[str, Any]:
    from evals.dataset import load_dataset
    from rag.assistant import Assistant
    from rag.models.llm import make_chat_model
    from rag.settings import get_settings

    started, load = time.perf_counter(), loadavg()
    data_dir = seeded(ctx.work)
    items = list(load_dataset(SEEDS_QA).items)
    items = items[:ctx.limit] if ctx.limit else items
    overrides: dict[str, Any] = {"data_dir": data_dir}
    if ctx.quick:
        items = items[:QUICK_QUESTIONS]
        overrides.update(max_answer_tokens=QUICK_ANSWER_TOKENS,
                         context_tokens=QUICK_CONTEXT_TOKENS)
    t0 = time.perf_counter()
    llm = make_chat_model(get_settings(**overrides))
    load_s = time.perf_counter() - t0
    warm_ms = None
    if not ctx.quick:
        warm = Assistant(get_settings(**overrides), llm=llm)
        t0 = time.perf_counter()
        warm.ask(WARMUP)  # not a question of the set: only the system prompt stays cached
        warm_ms = round((time.perf_counter() - t0) * 1000, 1)

    figures: dict[str, Any] = {"llm": get_settings().resolved_llm_model, "llm_load_s":
                               round(load_s, 2), "warmup_ask_ms": warm_ms}
    rows_by_mode = {}
    for mode in MODES:
        assistant = Assistant(get_settings(**overrides, context_mode=mode), llm=llm)
        rows = ask_all(assistant, items)
        rows_by_mode[mode] = rows
        figures[mode] = {**summarize(rows), "loadavg_after": loadavg()}
    same_prompts = all(a["prompt_tokens"] == b["prompt_tokens"] for a, b in
                       zip(rows_by_mode["sentences"], rows_by_mode["chunks"], strict=True))
    figures["modes_built_identical_prompts"] = same_prompts
    figures["per_question"] = rows_by_mode

    main, base = figures["sentences"], figures["chunks"]
    no_drop = (main["correct"] >= base["correct"]
               and (main["refusal_recall"] or 0) >= (base["refusal_recall"] or 0)
               and (main["false_refusal_rate"] or 0) <= (base["false_refusal_rate"] or 0))
    targets = {
        "median_total_ms": target(main["total_ms"]["p50"], 8000),
        "median_first_token_ms": target(main["first_token_ms"].get("p50"), 3000),
        "prompt_tokens_reported": {"value": main["prompt_tokens"]["median"], "met": True},
        "sentences_no_drop_vs_chunks": {
            "value": {k: main[k] for k in ("correct", "refusal_recall", "false_refusal_rate")},
            "limit": {k: base[k] for k in ("correct", "refusal_recall", "false_refusal_rate")},
            "kind": "no drop", "met": no_drop},
    }
    method = (
        "Seed articles indexed with the default settings; the embedded LLM "
        f"({figures['llm']}) loaded once and warmed with one question; then each of the "
        f"{len(items)} seed-QA questions streamed through Assistant.stream once per "
        "context_mode (sentences, the default, then chunks). Latencies are the Answer's "
        "timings_ms; correct/refusal metrics follow evals.metrics."
    )
    write_result(ctx, "answer", figures, targets, rag_settings(**overrides), method, started, load)
    return figures
