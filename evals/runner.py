"""Run systems over a dataset, score every answer, and write the run's files.

    from evals import run_eval
    run = run_eval("evals/datasets/seeds_smoke.jsonl", out="runs/smoke",
                   systems=["newsrag", "baseline"])
    print(run.summary["systems"]["newsrag"]["metrics"]["correct"])

The dataset is validated before any work. The corpus (default `seeds/`) is ingested first into
its own collection, named for the corpus and chunking, so the eval never reads or changes the
user's own collection, and incremental ingest makes reruns cheap.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rag.errors import InvalidInput, RagError

from . import metrics as m
from .dataset import Dataset, Item, load_dataset
from .gate import DEFAULT_TOLERANCE, compare, load_summary
from .judge import Judge
from .report import EvalRun, write_run
from .systems import SYSTEMS, NewsragSystem, System, SystemAnswer, SystemName

Progress = Callable[[int, int, str], None]  # (questions done, questions in all, what runs now)


def make_system(name: SystemName, assistant: Any, k: int) -> System:
    if name == "baseline":
        from .baseline import BaselineSystem  # LlamaIndex's query engine: only when asked for

        return BaselineSystem(assistant, k)
    return NewsragSystem(assistant, k)


def default_collection(corpus: Path | None, chunk_size: int, chunk_overlap: int) -> str:
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", corpus.resolve().name if corpus else "corpus")
    return f"eval-{slug.strip('-._')[:30] or 'corpus'}-c{chunk_size}-o{chunk_overlap}"


def make_eval_assistant(corpus: Path | None, llm: Any = None, **overrides: Any) -> Any:
    """An Assistant on the eval's own collection (unless `collection` is given)."""
    from rag.assistant import Assistant
    from rag.settings import get_settings

    settings = get_settings(**overrides)
    if not overrides.get("collection"):
        name = default_collection(corpus, settings.chunk_size, settings.chunk_overlap)
        settings = get_settings(**{**overrides, "collection": name})
    return Assistant(settings, llm=llm)


def score(item: Item, got: SystemAnswer | None, ranked: Sequence[str], k: int,
          judge: Judge | None = None) -> dict[str, Any]:
    """Every per-question metric of one system's outcome (None where undefined)."""
    result: dict[str, Any] = m.retrieval_metrics(ranked, item.sources, k)
    if got is None:  # retrieval only
        return result
    result.update(m.answer_metrics(got.answer, got.refused, item.answer, item.answerable,
                                   item.key_phrases, got.status))
    if judge is not None:
        if not item.answerable or got.refused:
            result["judge_correct"] = got.refused and not item.answerable
        else:
            result["judge_correct"] = judge(item.question, item.answer, got.answer)
    if got.citations is not None:  # the baseline does not cite
        cited = [(c["source"], bool(c["verified"])) for c in got.citations]
        result.update(m.citation_metrics(cited, item.sources, item.answerable))
    result.update(retrieval_ms=got.retrieval_ms, total_ms=got.total_ms,
                  prompt_tokens=got.prompt_tokens)
    return result


def run_system(system: System, items: Sequence[Item], k: int, retrieval_only: bool = False,
               judge: Judge | None = None,
               progress: Callable[[Item], None] | None = None) -> list[dict[str, Any]]:
    rows = []
    for item in items:
        row: dict[str, Any] = {
            "system": system.name, "id": item.id, "question": item.question, "type": item.type,
            "answerable": item.answerable, "reference": item.answer,
            "sources": list(item.sources), "answer": None, "refused": None, "status": None,
            "citations": None,
            "retrieved": [], "ranked": [], "error": None,
        }
        got: SystemAnswer | None = None
        started = time.perf_counter()
        try:
            row["ranked"] = system.ranking(item.question, max(m.RANK_DEPTH, k), item.as_of)
            rank_ms = round((time.perf_counter() - started) * 1000, 1)
            if retrieval_only:
                row["retrieved"] = row["ranked"][:k]
            else:
                got = system.answer(item.question, item.as_of)
        except RagError as exc:  # one bad question is scored as failed; the run goes on
            row["error"] = str(exc)
            got = None if retrieval_only else SystemAnswer(answer="", refused=False)
            rank_ms = None
        if got is not None:
            row.update(answer=got.answer, refused=got.refused, citations=got.citations,
                       retrieved=got.retrieved, refusal_reason=got.refusal_reason,
                       refusal_code=got.refusal_code, draft=got.draft,
                       status=got.status or ("refused" if got.refused else "answered"))
        row["metrics"] = score(item, got, row["ranked"], k, judge)
        if retrieval_only:
            row["metrics"]["retrieval_ms"] = rank_ms
        rows.append(row)
        if progress:
            progress(item)
    return rows


def run_eval(
    dataset: str | Path | Dataset,
    out: str | Path | None = None,
    systems: Sequence[SystemName] = ("newsrag",),
    k: int | None = None,
    limit: int | None = None,
    corpus: str | Path | None = "seeds",
    retrieval_only: bool = False,
    judge: Judge | None = None,
    compare_to: str | Path | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    assistant: Any = None,
    llm: Any = None,
    progress: Progress | None = None,
    replay: str | Path | None = None,
    **settings: Any,
) -> EvalRun:
    """Run `systems` over `dataset`; write the run to `out` when given.

    `settings` are newsrag settings (data_dir, retrieval_mode, chunk_size, collection, ...);
    pass `assistant` to evaluate one you built (then `corpus=None` skips the ingest).
    `replay`: a file of recorded model replies (`evals.replay`), read and added to.
    """
    data = dataset if isinstance(dataset, Dataset) else load_dataset(dataset)
    data = data.head(limit)
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown or not systems:
        raise InvalidInput(f"unknown system(s) {unknown}", f"use one of {list(SYSTEMS)}")
    previous = load_summary(compare_to) if compare_to else None  # fail before the work
    corpus_path = Path(corpus) if corpus else None
    replayer = None
    if replay is not None:
        if assistant is not None or llm is not None:
            raise InvalidInput("replay records the run's own model",
                               "pass replay without assistant or llm")
        from rag.models.llm import make_backend
        from rag.settings import get_settings

        from .replay import ReplayChat

        # The assistant caps the recorder (`limited`), so the model inside it is left uncapped.
        replayer = ReplayChat(Path(replay), lambda: make_backend(get_settings(**settings)))
        llm = replayer
    if assistant is None:
        assistant = make_eval_assistant(corpus_path, llm=llm, **settings)
    if corpus_path is not None:
        report = assistant.ingest([corpus_path], prune=True)
        if report.failed:
            raise InvalidInput(f"ingesting {corpus_path} failed: {'; '.join(report.failed)}")
    k = k or assistant.settings.k
    total = len(data.items) * len(systems)
    done = 0
    rows: list[dict[str, Any]] = []
    for name in dict.fromkeys(systems):
        system = make_system(name, assistant, k)

        def advance(item: Item, name: str = name) -> None:
            nonlocal done
            done += 1
            if progress:
                progress(done, total, f"{name} {item.id}")

        if progress:
            progress(done, total, name)
        rows += run_system(system, data.items, k, retrieval_only, judge, advance)
    summary = build_summary(data, rows, assistant, k, corpus_path, retrieval_only, judge, limit)
    if replayer is not None:  # its times are not the model's
        summary["replay"] = {"file": str(replayer.path), "replayed": replayer.replayed,
                             "asked": replayer.asked}
    run = EvalRun(summary=summary, results=rows, previous=previous)
    if previous is not None:
        run.gate = compare(summary, previous, tolerance, reference=str(compare_to))
    if out is not None:

        run.out = Path(out)
        write_run(run)
    return run


def build_summary(data: Dataset, rows: list[dict[str, Any]], assistant: Any, k: int,
                  corpus: Path | None, retrieval_only: bool, judge: Judge | None,
                  limit: int | None) -> dict[str, Any]:
    settings = assistant.settings
    by_system: dict[str, Any] = {}
    for name in dict.fromkeys(row["system"] for row in rows):
        values, counts = m.aggregate([row for row in rows if row["system"] == name])
        by_system[name] = {"metrics": values, "counts": counts}
    summary: dict[str, Any] = {
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "dataset": {"path": str(data.path), "sha256": data.sha256, "questions": len(data.items),
                    "answerable": sum(item.answerable for item in data.items), "limit": limit},
        "corpus": str(corpus) if corpus else None,
        "k": k,
        "retrieval_only": retrieval_only,
        "models": {"llm": settings.resolved_llm_model,
                   "embedding": settings.resolved_embedding_model,
                   "judge": judge.name if judge else None},
        "thresholds": {"token_f1": m.F1_THRESHOLD},
        # Secret settings are SecretStr: they dump as "**********", never their value.
        "settings": settings.model_dump(mode="json"),
        "systems": by_system,
    }
    if "newsrag" in by_system and "baseline" in by_system:
        summary["newsrag_vs_baseline"] = ratios(by_system["newsrag"]["metrics"],
                                                by_system["baseline"]["metrics"])
    return summary


def ratios(new: dict[str, Any], base: dict[str, Any]) -> dict[str, float | None]:
    """newsrag / baseline for each metric both have (None where the baseline is 0)."""
    result: dict[str, float | None] = {}
    for metric in m.METRICS:
        a, b = new.get(metric.name), base.get(metric.name)
        if a is not None and b is not None:
            result[metric.name] = round(a / b, 3) if b else None
    return result
