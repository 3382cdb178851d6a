"""Hybrid retrieval: Chroma (dense) and BM25 candidates, fused by reciprocal rank fusion, and
`Searcher`, which keeps this instance's retriever in step with the corpus generation.

Fusion is written here rather than taken from LlamaIndex's QueryFusionRetriever because that
class requires an LLM even when it generates no extra queries, and fuses by text hash; ours is a
dozen lines and lets the dense and BM25 sides be used alone for ablations.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode
from llama_index.core.vector_stores.types import VectorStoreQuery

from rag.index.bm25 import BM25Index
from rag.types import RetrievedChunk

log = logging.getLogger(__name__)

RRF_K = 60  # the constant from Cormack et al. (2009); robust across collections


def reciprocal_rank_fusion(rankings: list[list[NodeWithScore]], k: int) -> list[NodeWithScore]:
    """Fuse ranked lists: each node scores sum(1 / (RRF_K + rank)) over the lists it is in."""
    fused: dict[str, float] = {}
    nodes: dict[str, TextNode] = {}
    for ranking in rankings:
        for rank, hit in enumerate(ranking, start=1):
            node_id = hit.node.node_id
            fused[node_id] = fused.get(node_id, 0.0) + 1.0 / (RRF_K + rank)
            nodes.setdefault(node_id, hit.node)  # type: ignore[arg-type]
    order = sorted(fused, key=lambda node_id: fused[node_id], reverse=True)[:k]
    return [NodeWithScore(node=nodes[node_id], score=fused[node_id]) for node_id in order]


class HybridRetriever:
    def __init__(self, vector_store, bm25, mode: str = "hybrid", candidates: int = 20) -> None:
        self.vector_store = vector_store  # a LlamaIndex ChromaVectorStore
        self.bm25 = bm25  # a LlamaIndex BM25Retriever, or None when the index is empty
        self.mode = mode
        self.candidates = candidates

    def dense(self, embedding: list[float], n: int) -> list[NodeWithScore]:
        result = self.vector_store.query(
            VectorStoreQuery(query_embedding=embedding, similarity_top_k=n)
        )
        nodes = result.nodes or []
        scores = result.similarities or [0.0] * len(nodes)
        return [NodeWithScore(node=node, score=score)
                for node, score in zip(nodes, scores, strict=False)]

    def sparse(self, question: str, n: int) -> list[NodeWithScore]:
        if self.bm25 is None:
            return []
        size = int(self.bm25.bm25.scores.get("num_docs", 0) or 0)
        self.bm25.similarity_top_k = max(1, min(n, size))
        hits = self.bm25.retrieve(QueryBundle(question))
        return [hit for hit in hits if (hit.score or 0.0) > 0.0]

    def retrieve(self, question: str, embedding: list[float] | None, k: int) -> list[NodeWithScore]:
        n = max(k, self.candidates)
        if self.mode == "bm25":
            return self.sparse(question, k)
        assert embedding is not None
        if self.mode == "dense":
            return self.dense(embedding, k)
        return reciprocal_rank_fusion([self.dense(embedding, n), self.sparse(question, n)], k)


def as_chunk(hit: NodeWithScore) -> RetrievedChunk:
    """A LlamaIndex hit as the one type the rest of newsrag uses."""
    meta = hit.node.metadata
    return RetrievedChunk(source=meta["source"], chunk_id=hit.node.node_id,
                          score=round(float(hit.score or 0.0), 6), text=hit.node.get_content(),
                          start=int(meta["start"]), end=int(meta["end"]),
                          title=meta.get("title") or None, published=meta.get("published") or None,
                          chunk=int(meta.get("chunk", -1)), sha256=meta.get("sha256") or "")


class Searcher:
    """The retriever of this instance, for the corpus as it stood at one generation.

    Readers never write and never wait for a writer: when the catalog's generation moves (an
    ingest here or in another instance committed something), the BM25 index for the new
    generation is built in a background thread while questions keep using the previous one,
    then swapped in. Only the first question of a process waits, for a load (or, when this
    generation's BM25 is not on disk yet, a build)."""

    def __init__(self, store: Any, catalog: Any, bm25: BM25Index, mode: str,
                 candidates: int) -> None:
        self.store, self.catalog, self.bm25 = store, catalog, bm25
        self.mode, self.candidates = mode, candidates
        self._current: tuple[str | None, HybridRetriever] | None = None
        self._building: str | None = None
        self._lock = threading.Lock()

    def retriever(self) -> HybridRetriever:
        generation = self.catalog.generation()
        with self._lock:
            current = self._current
            if current is not None:
                if current[0] != generation and self._building != generation:
                    self._building = generation
                    threading.Thread(target=self._refresh, args=(generation,), daemon=True,
                                     name="bm25-refresh").start()
                return current[1]
        return self.refresh(generation)

    def refresh(self, generation: str | None = None) -> HybridRetriever:
        """Build (or load) the retriever for `generation` (default: the current one) now."""
        if generation is None:
            generation = self.catalog.generation()
        retriever = self._make(generation)
        with self._lock:
            self._current = (generation, retriever)
        return retriever

    def _refresh(self, generation: str | None) -> None:
        try:
            self.refresh(generation)
        except Exception:  # the old retriever keeps serving; the next question tries again
            log.exception("rebuilding BM25 for generation %s failed", generation)
        finally:
            with self._lock:
                if self._building == generation:
                    self._building = None

    def _make(self, generation: str | None) -> HybridRetriever:
        bm25 = None
        if self.mode != "dense" and generation:
            if not self.bm25.has(generation):
                self.bm25.build(self._nodes(), generation)
            bm25 = self.bm25.load(generation)  # None for an empty corpus
        return HybridRetriever(self.store.llama_store, bm25, self.mode, self.candidates)

    def _nodes(self) -> list[TextNode]:
        from llama_index.core.vector_stores.utils import metadata_dict_to_node

        nodes = []
        for chunk_id, text, meta in self.store.iter_chunks():
            node = metadata_dict_to_node(meta, text=text)
            node.id_ = chunk_id
            nodes.append(node)
        return nodes  # type: ignore[return-value]
