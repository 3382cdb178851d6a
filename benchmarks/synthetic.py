"""Synthetic corpora and indexes, built through newsrag's own write path.

Articles: sentences taken from the seed articles (and from the Wikinews corpus at
/work/shared/corpora/wikinews when it is on the machine), shuffled into new articles with a few
words swapped for random words of the same vocabulary, so that no two chunks are equal and BM25
sees a news-like vocabulary. The content is not real news.

Large indexes (10k-100k chunks) cannot be embedded for real here (the embedder does ~5-20
chunks/s on 2 cores), so `build_index` runs newsrag's own `Ingester` (file reading, chunking,
Chroma writes, catalog, BM25 build) with `RandomEmbedding`: deterministic random unit vectors of
the real model's name and dimension. Query embeddings stay real.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding

from .common import SEEDS

WIKINEWS = Path("/work/shared/corpora/wikinews/articles.jsonl")
MODEL_NAME, DIM = "e5-small-q4", 384  # what the default embedder records in the collection
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_WORD = re.compile(r"[A-Za-z]{4,}")


def sentence_pool() -> tuple[list[str], list[str], str]:
    """(sentences, vocabulary, description of where they came from)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    origin = f"{len(texts)} seed articles"
    if WIKINEWS.exists():
        rows = [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]
        texts += [row.get("body") or "" for row in rows]
        origin += f" + {len(rows)} Wikinews articles ({WIKINEWS})"
    sentences: list[str] = []
    for text in texts:
        for block in text.split("\n"):
            sentences += [s.strip() for s in _SENTENCE_END.split(block)
                          if 40 <= len(s.strip()) <= 300]
    vocab = sorted({w.lower() for s in sentences for w in _WORD.findall(s)})
    return sentences, vocab, origin


class ArticleMaker:
    """Deterministic synthetic articles of a chosen number of sentences."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)
        self.sentences, self.vocab, self.origin = sentence_pool()

    def sentence(self) -> str:
        words = self.rng.choice(self.sentences).split(" ")
        for _ in range(2):  # swap two words for random ones: every sentence becomes unique
            words[self.rng.randrange(len(words))] = self.rng.choice(self.vocab)
        return " ".join(words)

    def article(self, i: int, sentences: int) -> dict[str, str]:
        title = " ".join(self.rng.choice(self.vocab) for _ in range(5)).capitalize()
        body = " ".join(self.sentence() for _ in range(sentences))
        return {"id": f"a{i:06d}", "title": f"{title} ({i})", "body": body}


def write_txt_corpus(directory: Path, articles: list[dict[str, str]]) -> None:
    """One .txt file per article: a `title:` header, a blank line, the body."""
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    for art in articles:
        (directory / f"{art['id']}.txt").write_text(f"title: {art['title']}\n\n{art['body']}\n",
                                                    encoding="utf-8")


def write_jsonl_corpus(directory: Path, articles: list[dict[str, str]],
                       per_file: int = 1000) -> None:
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    for start in range(0, len(articles), per_file):
        lines = [json.dumps({**a, "published_at": "2024-01-01"}) for a in
                 articles[start:start + per_file]]
        (directory / f"part{start // per_file:04d}.jsonl").write_text("\n".join(lines) + "\n")


class RandomEmbedding(BaseEmbedding):
    """Random unit vectors, the same for the same text; stands in for the model at build time."""

    @classmethod
    def class_name(cls) -> str:
        return "RandomEmbedding"

    @property
    def dim(self) -> int:
        return DIM

    def _vector(self, text: str) -> list[float]:
        seed = int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")
        v = np.random.default_rng(seed).standard_normal(DIM)
        return (v / np.linalg.norm(v)).tolist()

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._vector(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._vector(text)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._vector(query)


def _timing(times: dict[str, float], key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            times[key] = times.get(key, 0.0) + time.perf_counter() - started
    return wrapper


def chunks_per_article(maker: ArticleMaker, sentences: int, sample: int = 20) -> float:
    """Chunks an article of `sentences` sentences makes with the default chunking (the
    splitter counts the metadata, sha256 included, against the chunk size, so probe it as
    ingest will see it: a JSONL line with its real hash)."""
    from rag.index.articles import parse_jsonl
    from rag.index.catalog import sha256_text
    from rag.index.chunking import chunker
    from rag.settings import get_settings

    settings = get_settings()
    chunk = chunker(settings)
    probe = ArticleMaker(maker.rng.randrange(1 << 30))
    lines = [json.dumps({**probe.article(i, sentences), "published_at": "2024-01-01"})
             for i in range(sample)]
    articles = parse_jsonl(Path("part0000.jsonl"), "\n".join(lines))
    counts = [len(chunk(a, sha256_text(a.text))) for a in articles]
    return sum(counts) / len(counts)


def build_index(data_dir: str, chunks: int, seed: int = 0,
                sentences_per_article: int = 12) -> dict[str, Any]:
    """An index of about `chunks` synthetic chunks, written by newsrag's own Ingester.

    Articles of 12 sentences (a short news article) make a few chunks at the default size.
    Returns the chunk count, the ingest time and where it went.
    """
    from rag.index.bm25 import BM25Index
    from rag.index.catalog import Catalog
    from rag.index.chroma import connect
    from rag.index.ingest import Ingester
    from rag.index.retrieval import Searcher
    from rag.index.vectorstore import VectorStore
    from rag.settings import get_settings

    root = Path(data_dir)
    shutil.rmtree(root, ignore_errors=True)
    maker = ArticleMaker(seed)
    per_article = chunks_per_article(maker, sentences_per_article)
    n_articles = max(1, round(chunks / per_article))
    articles = [maker.article(i, sentences_per_article) for i in range(n_articles)]
    corpus = root / "corpus"
    write_jsonl_corpus(corpus, articles)

    settings = get_settings(data_dir=root / ".rag")
    started = time.perf_counter()
    client = connect(settings)
    store = VectorStore(settings, MODEL_NAME, DIM, client=client)
    catalog = Catalog(client, settings.collection)
    bm25 = BM25Index(settings.collection_dir / "bm25")
    embedder = RandomEmbedding(model_name=MODEL_NAME, embed_batch_size=2048)
    ingester = Ingester(settings, embedder, store, catalog)
    searcher = Searcher(store, catalog, bm25, settings.retrieval_mode, settings.candidates)
    times: dict[str, float] = {}
    # Time the parts (instance attributes shadow the methods; nothing else changes).
    store.add = _timing(times, "chroma_add_s", store.add)  # type: ignore[method-assign]
    store.delete_leftovers = _timing(  # type: ignore[method-assign]
        times, "chroma_delete_s", store.delete_leftovers)
    catalog.put = _timing(times, "catalog_put_s", catalog.put)  # type: ignore[method-assign]
    catalog.bump = _timing(times, "catalog_bump_s", catalog.bump)  # type: ignore[method-assign]
    embedder_batch = embedder.get_text_embedding_batch
    object.__setattr__(embedder, "get_text_embedding_batch",
                       _timing(times, "random_embedding_s", embedder_batch))
    report = ingester.run([corpus])
    refresh = _timing(times, "bm25_rebuild_s", searcher.refresh)
    refresh()
    seconds = time.perf_counter() - started
    if report.failed:
        raise RuntimeError(f"synthetic ingest failed: {report.failed[:3]}")
    other = seconds - sum(times.values())
    breakdown = {k: round(v, 2) for k, v in times.items()}
    breakdown["read_chunk_other_s"] = round(other, 2)
    result = {"chunks": report.chunks, "articles": n_articles, "ingest_s": round(seconds, 2),
              "chunks_per_s_without_embedding": round(report.chunks / seconds, 1),
              "breakdown": breakdown, "sentences": maker.origin,
              "disk_mb": round(sum(p.stat().st_size for p in (root / ".rag").rglob("*")
                                   if p.is_file()) / 2**20, 1)}
    (root / "build.json").write_text(json.dumps(result))
    return result


def cached_index(work: Path, chunks: int) -> tuple[Path, dict[str, Any] | None]:
    """The data dir of a synthetic index of `chunks`, and its build record if already built."""
    root = work / f"index-{chunks}"
    record = root / "build.json"
    return root, (json.loads(record.read_text()) if record.exists() else None)
