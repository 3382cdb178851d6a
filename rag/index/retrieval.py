"""Hybrid retrieval: Chroma (dense) and BM25 candidates, fused by reciprocal rank fusion.

Fusion is written here rather than taken from LlamaIndex's QueryFusionRetriever because that
class requires an LLM even when it generates no extra queries, and fuses by text hash; ours is a
dozen lines and lets the dense and BM25 sides be used alone for ablations.
"""

from __future__ import annotations

from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode
from llama_index.core.vector_stores.types import VectorStoreQuery

from rag.types import RetrievedChunk

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
                          chunk=int(meta.get("chunk", -1)))
