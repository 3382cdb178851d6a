"""Benchmark: hybrid search with a publication-date filter vs without, at 100k chunks, in one
run (issue 14: the filtered p50 at most 1.2 times the unfiltered p50).

The index is synthetic and written straight through newsrag's own index classes, not through
ingest (which would need the embedder, 5-20 chunks/s here): articles of sentences taken from
the seed and Wikinews articles (`synthetic.ArticleMaker`), cut by `index.chunking.chunker`
(so every chunk carries the metadata ingest gives it: `day` as YYYYMMDD, `outlet_key`, ...), with
random unit 384-d vectors, upserted by `index.vectorstore.VectorStore.add` into a Chroma
collection in a temporary directory, and a BM25 index built by `index.bm25.BM25Index`.
Publication dates are spread uniformly over two years (2019-2020), a few articles undated;
outlets are drawn with unequal shares.

Timed: `index.retrieval.HybridRetriever.retrieve` (Chroma top-20 + BM25 top-20, reciprocal rank
fusion) with the depth `Assistant` asks for (2k), for the seed-QA questions, each with one random
unit query vector used by every variant. Variants, asked in turn for each question (the order
rotating from question to question, so drift and caches favour none): no filter; one calendar
month (`Filters(since=..., until=...)`, the month changing from question to question); one
year; one outlet. Not timed: the query embedding, the catalog reads and duplicate grouping that
`Assistant.search` adds (the same with and without a filter).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from .common import (
    Context,
    loadavg,
    peak_rss_mb,
    rag_settings,
    stats_ms,
    target,
    write_result,
)

SIZE, QUICK_SIZE = 100_000, 300
ROUNDS, QUICK_ROUNDS = 2, 1  # every question asked this many times per variant
QUICK_QUESTIONS = 6
SENTENCES = 12  # per article: a short news article, about five chunks at the default size
FIRST_DAY, DAYS = dt.date(2019, 1, 1), 731  # publication dates: 2019-01-01 to 2020-12-31
UNDATED = 0.02  # share of articles without a date
OUTLETS = {"Reuters": 0.35, "AP": 0.25, "scmp.com": 0.15, "BBC": 0.15, "Wikinews": 0.10}
RATIO_LIMIT = 1.2
VARIANTS = ("none", "month", "year", "outlet")


def make_filters(variant: str, i: int) -> Any:
    """The `Filters` of `variant` for the i-th question (None: no filter)."""
    from rag.types import Filters

    if variant == "none":
        return None
    if variant == "month":  # each of the 24 months in turn
        year, month = FIRST_DAY.year + (i // 12) % 2, i % 12 + 1
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return Filters(since=dt.date(year, month, 1), until=dt.date(year, month, last),
                       outlets=[], as_of=None)
    if variant == "year":
        year = FIRST_DAY.year + i % 2
        return Filters(since=dt.date(year, 1, 1), until=dt.date(year, 12, 31), outlets=[],
                       as_of=None)
    if variant == "outlet":
        return Filters(since=None, until=None, outlets=["AP"], as_of=None)
    raise ValueError(variant)


def build(root: Path, chunks: int, seed: int = 0) -> tuple[Any, Any, dict[str, Any]]:
    """A Chroma collection and a BM25 index of about `chunks` synthetic chunks under `root`;
    returns the retriever over them, the `VectorStore` and how the build went."""
    import numpy as np

    from rag.index.bm25 import BM25Index
    from rag.index.catalog import sha256_text
    from rag.index.chunking import chunker
    from rag.index.retrieval import HybridRetriever
    from rag.index.vectorstore import VectorStore
    from rag.settings import get_settings
    from rag.types import Article

    from .synthetic import DIM, MODEL_NAME, ArticleMaker

    settings = get_settings(data_dir=root / ".rag")
    rng = random.Random(seed)
    vectors = np.random.default_rng(seed)
    maker = ArticleMaker(seed)
    chunk = chunker(settings)
    store = VectorStore(settings, MODEL_NAME, DIM)
    times = {"make_and_chunk_s": 0.0, "chroma_upsert_s": 0.0}
    nodes: list[Any] = []  # every chunk, for BM25 (their vectors dropped once stored)
    pending: list[Any] = []
    kept: list[Any] = []  # their vectors as float16, kept beside BM25 as Searcher keeps them
    articles = 0

    def flush() -> None:
        started = time.perf_counter()
        unit = vectors.standard_normal((len(pending), DIM)).astype(np.float32)
        unit /= np.linalg.norm(unit, axis=1, keepdims=True)
        for node, vector in zip(pending, unit, strict=True):
            node.embedding = vector.tolist()
        store.add(pending)
        kept.append(unit.astype(np.float16))
        for node in pending:
            node.embedding = None
        pending.clear()
        times["chroma_upsert_s"] += time.perf_counter() - started

    while len(nodes) < chunks:
        started = time.perf_counter()
        made = maker.article(articles, SENTENCES)
        header = f"title: {made['title']}\n\n"
        text = header + made["body"]
        published = (None if rng.random() < UNDATED else
                     (FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))).isoformat())
        outlet = rng.choices(list(OUTLETS), weights=list(OUTLETS.values()))[0]
        article = Article(source=f"{made['id']}.txt", text=text, body_start=len(header),
                          body_end=len(text), title=made["title"], published=published,
                          outlet=outlet)
        cut = chunk(article, sha256_text(text))[:chunks - len(nodes)]
        nodes += cut
        pending += cut
        articles += 1
        times["make_and_chunk_s"] += time.perf_counter() - started
        if len(pending) >= store.max_batch:
            flush()
    if pending:
        flush()
    started = time.perf_counter()
    bm25_index = BM25Index(root / "bm25")
    bm25_index.build(nodes, "bench", np.vstack(kept))
    bm25 = bm25_index.load("bench")
    times["bm25_build_and_load_s"] = time.perf_counter() - started
    retriever = HybridRetriever(store, bm25, "hybrid", settings.candidates,
                                bm25_index.vectors("bench"))
    dated = sum(1 for n in nodes if n.metadata["day"])
    record = {"chunks": store.count(), "articles": articles,
              "dated_chunk_share": round(dated / len(nodes), 3),
              "outlets": OUTLETS, "dates": f"{FIRST_DAY} + {DAYS} days, uniform",
              "sentences": maker.origin,
              **{k: round(v, 1) for k, v in times.items()}}
    return retriever, store, record


def measure(retriever: Any, collection: Any, questions: list[str], rounds: int, depth: int,
            seed: int = 1) -> dict[str, Any]:
    """Each question with each variant in turn, `rounds` times; per variant the latency of the
    whole retrieve, of its two sides, and of Chroma's evaluation of the `where` clause alone
    (`collection.get(where=..., include=[])`, the ids that match), and what came back."""
    import numpy as np

    from rag.index.retrieval import chroma_where, matches

    from .synthetic import DIM

    rng = np.random.default_rng(seed)
    query_vectors = rng.standard_normal((len(questions), DIM))
    query_vectors /= np.linalg.norm(query_vectors, axis=1, keepdims=True)
    embeddings = [v.tolist() for v in query_vectors]
    n = max(depth, retriever.candidates)
    ms: dict[str, dict[str, list[float]]] = {
        v: {"retrieve": [], "dense": [], "bm25": [], "where": []} for v in VARIANTS}
    counts: dict[str, dict[str, list[int]]] = {
        v: {"results": [], "dense": [], "bm25": []} for v in VARIANTS}
    outside = dict.fromkeys(VARIANTS, 0)

    for i in range(min(2, len(questions))):  # warm-up: each variant twice, not timed
        for variant in VARIANTS:
            retriever.retrieve(questions[i], embeddings[i], depth, make_filters(variant, i))
    turn = 0
    for _ in range(rounds):
        for i, (question, embedding) in enumerate(zip(questions, embeddings, strict=True)):
            start = turn % len(VARIANTS)
            turn += 1
            for variant in VARIANTS[start:] + VARIANTS[:start]:
                filters = make_filters(variant, i)
                t0 = time.perf_counter()
                hits = retriever.retrieve(question, embedding, depth, filters)
                t1 = time.perf_counter()
                dense = retriever.dense(embedding, n, filters)
                t2 = time.perf_counter()
                sparse = retriever.sparse(question, n, filters)
                t3 = time.perf_counter()
                where = chroma_where(filters)
                if where:
                    collection.get(where=where, include=[])
                t4 = time.perf_counter()
                for key, seconds in (("retrieve", t1 - t0), ("dense", t2 - t1),
                                     ("bm25", t3 - t2), ("where", t4 - t3)):
                    ms[variant][key].append(seconds * 1000)
                for key, got in (("results", hits), ("dense", dense), ("bm25", sparse)):
                    counts[variant][key].append(len(got))
                outside[variant] += sum(not matches(h.node.metadata, filters) for h in hits)
    figures: dict[str, Any] = {}
    for variant in VARIANTS:
        figures[variant] = {
            "filter_of_the_first_question": (
                make_filters(variant, 0).model_dump(mode="json", exclude_defaults=True)
                if variant != "none" else None),
            "retrieve_ms": stats_ms(ms[variant]["retrieve"]),
            "dense_ms": stats_ms(ms[variant]["dense"]),
            "bm25_ms": stats_ms(ms[variant]["bm25"]),
            "chroma_where_alone_ms": (stats_ms(ms[variant]["where"]) if variant != "none"
                                      else None),
            "mean_results": round(float(np.mean(counts[variant]["results"])), 1),
            "mean_dense_candidates": round(float(np.mean(counts[variant]["dense"])), 1),
            "mean_bm25_candidates": round(float(np.mean(counts[variant]["bm25"])), 1),
            "results_outside_filter": outside[variant],
        }
    return figures


def questions(limit: int | None = None) -> list[str]:
    from .retrieval import questions as seed_questions

    return seed_questions(limit)


def run(ctx: Context) -> dict[str, Any]:
    from rag.settings import get_settings

    started, load = time.perf_counter(), loadavg()
    chunks = QUICK_SIZE if ctx.quick else SIZE
    rounds = QUICK_ROUNDS if ctx.quick else ROUNDS
    qs = questions(QUICK_QUESTIONS if ctx.quick else None)
    depth = 2 * get_settings().k  # what Assistant asks the retriever for
    scratch = Path(tempfile.mkdtemp(prefix="filters-", dir=ctx.work))
    try:
        build_started = time.perf_counter()
        retriever, store, record = build(scratch, chunks)
        record["build_s"] = round(time.perf_counter() - build_started, 1)
        record["disk_mb"] = round(sum(p.stat().st_size for p in scratch.rglob("*")
                                      if p.is_file()) / 2**20, 1)
        figures: dict[str, Any] = {"index": record, "queries_per_variant": len(qs) * rounds,
                                   "depth": depth, "candidates": retriever.candidates}
        figures["variants"] = measure(retriever, store.collection, qs, rounds, depth)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    p50 = {v: figures["variants"][v]["retrieve_ms"]["p50"] for v in VARIANTS}
    ratio = round(p50["month"] / p50["none"], 2) if p50["none"] else None
    figures["p50_ms"] = p50
    figures["month_over_unfiltered_p50"] = ratio
    figures["peak_rss_mb_self"] = peak_rss_mb()
    targets = {
        "date_filter_p50_over_unfiltered": target(ratio, RATIO_LIMIT),
        "no_result_outside_the_filter": {
            "value": sum(v["results_outside_filter"] for v in figures["variants"].values()),
            "limit": 0, "kind": "max",
            "met": all(v["results_outside_filter"] == 0 for v in figures["variants"].values())},
    }
    method = (
        f"Synthetic index of {record['chunks']} chunks ({record['articles']} articles), "
        "written straight into a Chroma collection (VectorStore.add, in a temporary directory) "
        "and a BM25 index (BM25Index) by newsrag's own classes: SYNTHETIC text (sentences of "
        "the seed and Wikinews articles reshuffled with two words per sentence swapped), "
        "chunked as rag ingest chunks, RANDOM unit 384-d vectors, SYNTHETIC metadata (dates "
        f"uniform over {FIRST_DAY} + {DAYS} days, {UNDATED:.0%} undated; outlets "
        f"{', '.join(f'{k} {v:.0%}' for k, v in OUTLETS.items())}). Timed: "
        f"HybridRetriever.retrieve(question, vector, {depth}, filters) for the seed-QA "
        f"questions ({len(qs)}), each with one random unit query vector, {rounds} round(s) "
        "after one warm-up; variants asked in turn for each question, the starting variant "
        "rotating: none, month (one calendar month, a different one per question), year, "
        "outlet (AP). The dense and BM25 sides are also timed alone, in separate calls, and "
        "so is Chroma's evaluation of the where clause (collection.get(where=..., "
        "include=[])). "
        "The query embedding is not timed (it is the same with and without a filter)."
    )
    write_result(ctx, "filters", figures, targets, rag_settings(), method, started, load)
    return figures
