"""Chunk size and overlap chosen on real news: retrieval quality and ingest time per setting.

Corpus: the 293 Wikinews articles (../shared/corpora/wikinews/articles.jsonl). For each
(chunk_size, chunk_overlap), the corpus is ingested into an empty index in a process of its own
(the default embedder; the ingest's own seconds, tokens and stages are reported), then every
answerable question of the development sets is searched (`Assistant.search`, hybrid, k=10) and
ranked by article: hit@1, hit@5 and MRR of the first gold article. The blind sets are left out:
they are for the end.

    python -m benchmarks.run --only chunking
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

from .common import ROOT, WIKINEWS, Context, loadavg, rag_settings, run_phase, write_result

CORPUS = WIKINEWS
DATASETS = ("wikinews_qa.jsonl", "wikinews_constraints_dev.jsonl")
SETTINGS = ((96, 24), (128, 16), (192, 16), (256, 20), (256, 0), (384, 0))
QUICK_SETTINGS = ((96, 24), (256, 0))


def questions(limit: int | None = None) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for name in DATASETS:
        path = ROOT / "evals" / "datasets" / name
        rows += [row for line in path.read_text().splitlines() if line.strip()
                 for row in [json.loads(line)] if row["answerable"]]
    return rows[:limit]


def small_corpus(target: Path, rows: list[dict[str, Any]]) -> Path:
    """The articles the questions are about, plus as many others (quick runs)."""
    wanted = {s.split("#", 1)[1] for row in rows for s in row["sources"]}
    lines = CORPUS.read_text().splitlines()
    keep = [ln for ln in lines if json.loads(ln)["id"] in wanted]
    keep += [ln for ln in lines if json.loads(ln)["id"] not in wanted][:len(keep)]
    target.write_text("\n".join(keep) + "\n")
    return target


def measure(corpus: str, data_dir: str, chunk_size: int, chunk_overlap: int,
            limit: int | None = None) -> dict[str, Any]:
    """Ingest `corpus` with one chunking, then rank the questions' gold articles."""
    from rag.assistant import Assistant
    from rag.settings import get_settings

    settings = get_settings(data_dir=Path(data_dir), chunk_size=chunk_size,
                            chunk_overlap=chunk_overlap)
    assistant = Assistant(settings)
    report = assistant.ingest([Path(corpus)])
    ranks = []
    for row in questions(limit):
        gold = set(row["sources"])
        articles: list[str] = []
        for chunk in assistant.search(row["question"], k=10).results:
            if chunk.source not in articles:
                articles.append(chunk.source)
        rank = next((i for i, s in enumerate(articles, start=1) if s in gold), None)
        ranks.append(rank)
    n = len(ranks)
    return {
        "chunk_size": chunk_size, "chunk_overlap": chunk_overlap,
        "chunks": report.chunks, "tokens": report.tokens,
        "ingest_s": round(report.seconds, 2), "stages": report.stages,
        "tokens_per_s": round(report.tokens / report.stages.get("embed", 1), 1),
        "questions": n,
        "hit@1": round(sum(r == 1 for r in ranks) / n, 3),
        "hit@5": round(sum(r is not None and r <= 5 for r in ranks) / n, 3),
        "mrr": round(sum(1 / r for r in ranks if r) / n, 3),
    }


def run(ctx: Context) -> dict[str, Any]:
    started, load = time.perf_counter(), loadavg()
    root = ctx.work / "chunking"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    limit = 6 if ctx.quick else None
    corpus = small_corpus(root / "articles.jsonl", questions(limit)) if ctx.quick else CORPUS
    rows = []
    for size, overlap in QUICK_SETTINGS if ctx.quick else SETTINGS:
        rows.append(run_phase("benchmarks.chunking:measure", corpus=str(corpus),
                              data_dir=str(root / f"c{size}-{overlap}"), chunk_size=size,
                              chunk_overlap=overlap, limit=limit))
        shutil.rmtree(root / f"c{size}-{overlap}", ignore_errors=True)
    figures = {"settings": rows, "datasets": list(DATASETS), "corpus": str(corpus)}
    method = ("Each chunking: `Assistant.ingest` of the Wikinews corpus into an empty index in "
              "a process of its own (default embedder and engine), then `Assistant.search(q, "
              "k=10)` for every answerable question of " + ", ".join(DATASETS) + "; ranks are "
              "by article (first chunk of each article). Quality figures are deterministic; "
              "times are one run each on a shared 2-core machine.")
    write_result(ctx, "chunking", figures, {}, rag_settings(), method, started, load)
    return figures
