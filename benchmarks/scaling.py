"""Benchmark 5: the scaling curve. Ingest time and retrieval p50 at 1k, 10k and 100k chunks,
plotted to docs/scaling.png.

Indexes are synthetic and built by newsrag's Ingester with random vectors (see synthetic.py),
so the measured ingest time is everything but the embedding: reading, chunking, Chroma writes,
catalog and BM25. The embedding time is added as an estimate (chunks / the embedder's raw
chunks/s measured by benchmark 1, in results/ingest.json) and plotted apart.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from .common import Context, loadavg, rag_settings, run_phase, write_result
from .synthetic import cached_index

SIZES, QUICK_SIZES = (1_000, 10_000, 100_000), (20, 40, 120)


def embed_rate(ctx: Context) -> tuple[float | None, str | None]:
    """Raw chunks/s of the embedder from benchmark 1's results, if it ran."""
    path = ctx.results / "ingest.json"
    if not path.exists():
        return None, None
    data = json.loads(path.read_text())
    return float(data["figures"]["embedder_raw"]["chunks_per_s"]), str(path)


def plot(points: list[dict[str, Any]], rate: float | None, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    chunks = [p["chunks"] for p in points]
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(chunks, [p["ingest_s"] for p in points], "o-",
              label="ingest without embedding (measured)")
    if rate:
        left.plot(chunks, [p["ingest_s"] + p["chunks"] / rate for p in points], "s--",
                  label=f"+ embedding at {rate:.1f} chunks/s (estimated)")
    left.set(xscale="log", yscale="log", xlabel="chunks", ylabel="seconds",
             title="Ingest time")
    left.legend(fontsize=8)
    right.plot(chunks, [p["search_p50_ms"] for p in points], "o-",
               label="Assistant.search p50 (incl. query embedding)")
    right.plot(chunks, [p["retriever_p50_ms"] for p in points], "s-",
               label="retriever p50 (Chroma + BM25 + fusion)")
    right.plot(chunks, [p["embedding_p50_ms"] for p in points], "^:",
               label="query embedding p50")
    right.axhline(50, color="grey", linestyle="--", linewidth=0.8)
    right.set(xscale="log", xlabel="chunks", ylabel="ms", title="Retrieval latency (hybrid, k=5)")
    right.set_ylim(bottom=0)
    right.legend(fontsize=8)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)


def run(ctx: Context) -> dict[str, Any]:
    started, load = time.perf_counter(), loadavg()
    sizes = QUICK_SIZES if ctx.quick else SIZES
    limit, rounds = (1, 1) if ctx.quick else (None, 1)
    rate, rate_from = embed_rate(ctx)
    points = []
    for chunks in sizes:
        root, build = cached_index(ctx.work, chunks)
        if build is None or not ctx.reuse:
            build = run_phase("benchmarks.synthetic:build_index", inline=ctx.quick,
                              data_dir=str(root), chunks=chunks)
            record = root / "build.json"  # keep the build's peak and load with its figures
            record.write_text(json.dumps({**build, "loadavg_after_build": loadavg()}))
        else:
            build["reused"] = True
        query = run_phase("benchmarks.retrieval:query_phase", inline=ctx.quick,
                          data_dir=str(root), limit=limit, rounds=rounds)
        points.append({
            "target_chunks": chunks, "chunks": build["chunks"], "ingest_s": build["ingest_s"],
            "ingest_breakdown_s": build["breakdown"],
            "build_peak_rss_mb": build.get("peak_rss_mb"),
            "build_reused": bool(build.get("reused")),
            "estimated_ingest_with_embedding_s": (round(build["ingest_s"] + build["chunks"] / rate)
                                                  if rate else None),
            "search_p50_ms": query["search_ms"]["p50"],
            "retriever_p50_ms": query["retriever_ms"]["p50"],
            "embedding_p50_ms": query["query_embedding_ms"]["p50"],
            "query_peak_rss_mb": query["peak_rss_mb"], "disk_mb": build["disk_mb"],
        })
    png = ctx.plots / "scaling.png"
    plot(points, rate, png)
    figures = {"points": points, "embedder_chunks_per_s": rate, "embedder_rate_from": rate_from,
               "plot": str(png)}
    method = (
        "For each size, a fresh synthetic index is built by newsrag's Ingester with random "
        "384-d vectors (benchmarks/synthetic.py), in its own process: ingest_s is everything but "
        "embedding. The estimate adds chunks / the embedder's raw rate from benchmark 1. "
        "Retrieval p50: the seed-QA questions once each after a warm-up, in a fresh process. "
        "With --reuse-indexes the indexes (and their ingest figures) come from an earlier build "
        "in the work dir (build_reused)."
    )
    write_result(ctx, "scaling", figures, {}, rag_settings(), method, started, load)
    return figures
