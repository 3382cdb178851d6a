"""Hybrid retrieval: Chroma (dense) and BM25 candidates, fused by reciprocal rank fusion, and
`Searcher`, which keeps this instance's retriever in step with the corpus generation.

Fusion is written here rather than taken from LlamaIndex's QueryFusionRetriever because that
class requires an LLM even when it generates no extra queries, and fuses by text hash; ours is a
dozen lines and lets the dense and BM25 sides be used alone for ablations.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import threading
from typing import Any

import numpy as np
from llama_index.core.schema import BaseNode, NodeWithScore, TextNode
from llama_index.core.vector_stores.types import VectorStoreQuery

from rag.index.bm25 import BM25Index
from rag.index.chunking import day_number
from rag.types import Filters, RetrievedChunk, TimeFrame

log = logging.getLogger(__name__)

RRF_K = 60  # the constant from Cormack et al. (2009); robust across collections
FILTER_DEPTH = 25  # a filtered dense search looks this many times deeper, then filters
# A filter that keeps at most this many chunks is searched exactly, from the vectors kept beside
# BM25 (2 ms for 4,000 chunks); a broader one by asking Chroma for deeper results and
# filtering them (`HybridRetriever.dense`).
EXACT_ROWS = 20_000


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


# --- filters: publication dates, outlets, as-of ----------------------------------------------

def chroma_where(filters: Filters | None) -> dict[str, Any] | None:
    """The Chroma `where` clause for `filters` on chunk metadata (`day`, `outlet_key`)."""
    if filters is None or filters.empty:
        return None
    conditions: list[dict[str, Any]] = []
    if filters.since:
        conditions.append({"day": {"$gte": day_number(filters.since.isoformat())}})
    if filters.until:
        conditions.append({"day": {"$lte": day_number(filters.until.isoformat())}})
        if not filters.since:
            conditions.append({"day": {"$gte": 1}})  # a range leaves undated articles out
    if filters.as_of:  # as of a day: nothing published later; undated articles stay
        conditions.append({"$or": [{"day": {"$lte": day_number(filters.as_of.isoformat())}},
                                   {"day": 0}]})
    if filters.outlets:
        conditions.append({"outlet_key": {"$in": [o.strip().lower() for o in filters.outlets]}})
    return conditions[0] if len(conditions) == 1 else {"$and": conditions}


def matches(metadata: dict[str, Any], filters: Filters | None) -> bool:
    """`chroma_where` in Python, for candidates Chroma did not filter (BM25's)."""
    if filters is None or filters.empty:
        return True
    day = int(metadata.get("day") or 0)
    if filters.since and day < day_number(filters.since.isoformat()):
        return False
    if filters.until and not 0 < day <= day_number(filters.until.isoformat()):
        return False
    if filters.as_of and day > day_number(filters.as_of.isoformat()):
        return False
    outlets = {o.strip().lower() for o in filters.outlets}
    return not outlets or str(metadata.get("outlet_key", "")) in outlets


def matching_rows(days: np.ndarray, outlet_keys: np.ndarray, filters: Filters) -> np.ndarray:
    """`matches` for many chunks at once: which rows of the parallel arrays (a chunk's `day`
    and `outlet_key`) pass `filters`. The BM25 side masks its whole corpus with it."""
    keep = np.ones(len(days), dtype=bool)
    if filters.since:
        keep &= days >= day_number(filters.since.isoformat())
    if filters.until:
        keep &= (days > 0) & (days <= day_number(filters.until.isoformat()))
    if filters.as_of:
        keep &= days <= day_number(filters.as_of.isoformat())
    outlets = [o.strip().lower() for o in filters.outlets]
    if outlets:
        keep &= np.isin(outlet_keys, outlets)
    return keep


def rank_in_period(hits: list[NodeWithScore], frame: TimeFrame | None
                   ) -> list[NodeWithScore]:
    """`hits` after a period the question names ("in February 2020") has had its say: chunks
    of articles published in it or within 31 days after it (reports follow the event) form a
    third ranking, fused with the relevance rankings by RRF, so they move up without anything
    being excluded. (For "latest" questions see `newest_first`.)"""
    if frame is None or frame.start == dt.date.min or not hits:
        return hits
    low = day_number(frame.start.isoformat())
    high = day_number((frame.end + dt.timedelta(days=31)).isoformat())
    timely = [h for h in hits if low <= _day(h) <= high]
    bonus = {h.node.node_id: 1.0 / (RRF_K + rank) for rank, h in enumerate(timely, start=1)}
    return sorted((NodeWithScore(node=h.node, score=(h.score or 0.0)
                                 + bonus.get(h.node.node_id, 0.0)) for h in hits),
                  key=lambda h: h.score or 0.0, reverse=True)


def newest_first(chunks: list[RetrievedChunk], frame: TimeFrame | None
                 ) -> list[RetrievedChunk]:
    """For "latest" and "recently": the chunks already chosen as the most relevant, newest
    article first (undated last; ties keep their order)."""
    if frame is None or not frame.recency:
        return chunks
    return sorted(chunks, key=lambda c: -day_number(c.published))


def _day(hit: NodeWithScore) -> int:
    return int(hit.node.metadata.get("day") or 0)


class HybridRetriever:
    def __init__(self, vector_store, bm25, mode: str = "hybrid", candidates: int = 20,
                 vectors: Any = None) -> None:
        self.vector_store = vector_store  # a LlamaIndex ChromaVectorStore
        self.bm25 = bm25  # a LlamaIndex BM25Retriever, or None when the index is empty
        self.vectors = vectors  # the chunks' unit vectors in BM25's row order (BM25Index)
        self.mode = mode
        self.candidates = candidates
        self._columns: tuple[np.ndarray, np.ndarray, list[str]] | None = None

    def dense(self, embedding: list[float], n: int, filters: Filters | None = None
              ) -> list[NodeWithScore]:
        """The n chunks nearest to `embedding` that pass `filters`.

        Chroma evaluates a `where` clause on every chunk's metadata before its vector search:
        at 100k chunks a one-month date filter made search 22x slower than none
        (benchmarks/results/filters.json). So a filter is applied here: a narrow one (at most
        EXACT_ROWS chunks pass) by ranking exactly the chunks that pass, from the vectors kept
        beside BM25; a broad one by asking Chroma for proportionally deeper results and
        keeping those that pass. Chroma's `where` is left for when neither can answer (no
        BM25 generation on disk yet, dense-only mode)."""
        if filters is not None and not filters.empty:
            hits = self._dense_filtered(embedding, n, filters)
            if hits is not None:
                return hits
        where = chroma_where(filters)
        result = self.vector_store.query(
            VectorStoreQuery(query_embedding=embedding, similarity_top_k=n),
            **({"where": where} if where else {}))
        nodes = result.nodes or []
        scores = result.similarities or [0.0] * len(nodes)
        return [NodeWithScore(node=node, score=score)
                for node, score in zip(nodes, scores, strict=False)]

    def _dense_filtered(self, embedding: list[float], n: int, filters: Filters
                        ) -> list[NodeWithScore] | None:
        if self.bm25 is None or self.vectors is None:
            return self._dense_filtered_after(embedding, n, filters, n * FILTER_DEPTH)
        days, outlet_keys, _ = self._filter_columns()
        rows = np.flatnonzero(matching_rows(days, outlet_keys, filters))
        if rows.size == 0:
            return []
        if rows.size <= EXACT_ROWS:
            return self._dense_exact(embedding, n, rows)
        # Broad: deep enough that about 3n of the nearest pass.
        return self._dense_filtered_after(embedding, n, filters,
                                          math.ceil(3 * n * len(days) / rows.size))

    def _dense_exact(self, embedding: list[float], n: int, rows: np.ndarray
                     ) -> list[NodeWithScore]:
        """The n nearest of `rows` by cosine, computed here (exact, not approximate)."""
        query = np.asarray(embedding, dtype=np.float32)
        query /= max(float(np.linalg.norm(query)), 1e-12)
        similarity = np.asarray(self.vectors[rows], dtype=np.float32) @ query
        best = np.argsort(-similarity, kind="stable")[:n]
        _, _, ids = self._filter_columns()
        chosen = [(ids[rows[i]], float(similarity[i])) for i in best]
        # Chroma reports cosine distance (1 - similarity); LlamaIndex scores it exp(-distance),
        # and so do we, so exact and approximate hits score alike.
        return self._hits([(chunk_id, 1.0 - sim) for chunk_id, sim in chosen])

    def _hits(self, found: list[tuple[str, float]], metas: dict[str, dict[str, Any]] | None = None
              ) -> list[NodeWithScore]:
        """Nodes for (chunk id, cosine distance) pairs, their texts (and metadata, unless given)
        read from Chroma. A chunk deleted since this generation is left out."""
        from llama_index.core.vector_stores.utils import metadata_dict_to_node

        if not found:
            return []
        collection = self.vector_store.client
        include = ["documents"] + ([] if metas is not None else ["metadatas"])
        got = collection.get(ids=[chunk_id for chunk_id, _ in found], include=include)
        texts = dict(zip(got["ids"], got["documents"] or [], strict=True))
        if metas is None:
            metas = dict(zip(got["ids"], got["metadatas"] or [], strict=True))
        hits = []
        for chunk_id, distance in found:
            if chunk_id not in texts:
                continue
            node = metadata_dict_to_node(dict(metas[chunk_id]), text=texts[chunk_id] or "")
            node.id_ = chunk_id
            hits.append(NodeWithScore(node=node, score=math.exp(-distance)))
        return hits

    def _dense_filtered_after(self, embedding: list[float], n: int, filters: Filters,
                              depth: int) -> list[NodeWithScore] | None:
        """The n nearest chunks that pass `filters`, found among the `depth` nearest of all
        (filtered on the metadata Chroma returns with them by `matches`, the same rule as
        `chroma_where`); None when fewer pass (the caller then asks Chroma to filter)."""
        found = self.vector_store.client.query(query_embeddings=[embedding], n_results=depth,
                                               include=["metadatas", "distances"])
        ids, metas = found["ids"][0], found["metadatas"][0]
        distances = found["distances"][0]
        kept = [(chunk_id, distance, meta)
                for chunk_id, distance, meta in zip(ids, distances, metas, strict=True)
                if matches(meta, filters)][:n]
        if len(kept) < n and len(ids) == depth:
            return None  # more may pass further down: let Chroma filter
        return self._hits([(chunk_id, distance) for chunk_id, distance, _ in kept],
                          {chunk_id: meta for chunk_id, _, meta in kept})

    def sparse(self, question: str, n: int, filters: Filters | None = None
               ) -> list[NodeWithScore]:
        """The n best BM25 chunks that pass `filters` (score above 0).

        LlamaIndex's `BM25Retriever.retrieve` reads its depth and mask from the shared
        retriever's attributes, which concurrent questions would overwrite, so this calls bm25s
        directly, as that method does, with the filter as bm25s's `weight_mask` (chunks outside
        it score 0): a filter costs one pass over two arrays, not a deeper ranking."""
        import bm25s
        from llama_index.core.vector_stores.utils import metadata_dict_to_node

        if self.bm25 is None:
            return []
        engine = self.bm25.bm25
        size = int(engine.scores.get("num_docs", 0) or 0)
        mask = None
        if filters is not None and not filters.empty:
            days, outlet_keys, _ = self._filter_columns()
            keep = matching_rows(days, outlet_keys, filters)
            if not keep.any():
                return []
            mask = keep.astype(np.float32)
        tokens = bm25s.tokenize(question, show_progress=False,
                                stemmer=None if self.bm25.skip_stemming else self.bm25.stemmer,
                                token_pattern=self.bm25.token_pattern)
        docs, scores = engine.retrieve(tokens, k=max(1, min(n, size)), show_progress=False,
                                       weight_mask=mask)
        hits = []
        for doc, score in zip(docs[0], scores[0], strict=True):
            if score <= 0.0:
                continue
            entry = doc if isinstance(doc, dict) else self.bm25.corpus[int(doc)]
            hits.append(NodeWithScore(node=metadata_dict_to_node(entry), score=float(score)))
        return hits

    def _filter_columns(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Each BM25 chunk's `day`, `outlet_key` and id, in bm25s's row order (which is also
        the order of `vectors`), read once per retriever (a retriever serves one corpus
        generation). Two threads may both compute it; they get the same arrays."""
        if self._columns is None:
            corpus = self.bm25.corpus
            self._columns = (
                np.array([int(entry.get("day") or 0) for entry in corpus], dtype=np.int64),
                np.array([str(entry.get("outlet_key", "")) for entry in corpus], dtype=object),
                [str(entry["node_id"]) for entry in corpus])
        return self._columns

    def retrieve(self, question: str, embedding: list[float] | None, k: int,
                 filters: Filters | None = None) -> list[NodeWithScore]:
        n = max(k, self.candidates)
        if self.mode == "bm25":
            return self.sparse(question, k, filters)
        assert embedding is not None
        if self.mode == "dense":
            return self.dense(embedding, k, filters)
        return reciprocal_rank_fusion([self.dense(embedding, n, filters),
                                       self.sparse(question, n, filters)], k)


def as_chunk(hit: NodeWithScore) -> RetrievedChunk:
    """A LlamaIndex hit as the one type the rest of newsrag uses."""
    meta = hit.node.metadata
    return RetrievedChunk(source=meta["source"], chunk_id=hit.node.node_id,
                          score=round(float(hit.score or 0.0), 6), text=hit.node.get_content(),
                          start=int(meta["start"]), end=int(meta["end"]),
                          title=meta.get("title") or None, published=meta.get("published") or None,
                          outlet=meta.get("outlet") or None,
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
                nodes, vectors = self._nodes()
                self.bm25.build(nodes, generation, vectors)
            bm25 = self.bm25.load(generation)  # None for an empty corpus
        vectors = self.bm25.vectors(generation) if bm25 is not None and generation else None
        return HybridRetriever(self.store.llama_store, bm25, self.mode, self.candidates,
                               vectors)

    def _nodes(self) -> tuple[list[BaseNode], np.ndarray | None]:
        """Every chunk as a node, and their vectors as float16 rows in the same order."""
        from llama_index.core.vector_stores.utils import metadata_dict_to_node

        nodes: list[BaseNode] = []
        vectors = []
        for chunk_id, text, meta, vector in self.store.iter_chunks_with_vectors():
            node = metadata_dict_to_node(meta, text=text)
            node.id_ = chunk_id
            nodes.append(node)
            vectors.append(np.asarray(vector, dtype=np.float16))
        return nodes, (np.vstack(vectors) if vectors else None)
