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
from typing import TYPE_CHECKING, Any

import numpy as np
from llama_index.core.schema import BaseNode, NodeWithScore, TextNode

from rag.index.bm25 import BM25Index
from rag.index.chunking import day_number, stored_chunk
from rag.types import Filters, RetrievedChunk, TimeFrame

if TYPE_CHECKING:
    from rag.index.vectorstore import VectorStore

log = logging.getLogger(__name__)

RRF_K = 60  # the constant from Cormack et al. (2009); robust across collections
# A corpus, or a filter, of at most this many chunks is searched exactly, from the vectors kept
# beside BM25 (2 ms for 4,000 chunks); a broader filter by asking Chroma for deeper results and
# filtering them, a larger corpus by Chroma's approximate search (`HybridRetriever.dense`).
EXACT_ROWS = 20_000
MAX_DEPTH = 2_000  # deeper than this, Chroma's own `where` is the cheaper way


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


def matching_rows(days: np.ndarray, outlets: np.ndarray, filters: Filters,
                  wanted_outlets: list[Any] | None = None) -> np.ndarray:
    """`matches` for many chunks at once: which rows of the parallel arrays (each chunk's
    `day` and outlet) pass `filters`. `outlets` holds `outlet_key`s, or codes for them with
    `wanted_outlets` the codes of the filter's outlets. BM25 and the filtered dense search
    select from their whole corpus generation with it (`Snapshot`)."""
    keep = np.ones(len(days), dtype=bool)
    if filters.since:
        keep &= days >= day_number(filters.since.isoformat())
    if filters.until:
        keep &= (days > 0) & (days <= day_number(filters.until.isoformat()))
    if filters.as_of:
        keep &= days <= day_number(filters.as_of.isoformat())
    if filters.outlets:
        if wanted_outlets is None:
            wanted_outlets = [o.strip().lower() for o in filters.outlets]
        keep &= np.isin(outlets, wanted_outlets)
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


class Snapshot:
    """What this retriever knows of every chunk of its corpus generation, row by row in BM25's
    order: the chunk (as BM25 stores it), its `day` and outlet, and its vector (`vectors`,
    kept beside BM25; None for a generation written before vectors were kept). Filters are
    applied to these rows, so a filtered search needs neither Chroma's `where` nor a second
    Chroma read. Built once per retriever; two threads may both build it, to the same."""

    def __init__(self, corpus: list[dict[str, Any]], vectors: Any) -> None:
        self.corpus, self.vectors = corpus, vectors
        self.days = np.array([int(entry.get("day") or 0) for entry in corpus], dtype=np.int64)
        outlets = [str(entry.get("outlet_key", "")) for entry in corpus]
        self.outlet_code = {key: code for code, key in enumerate(sorted(set(outlets)))}
        self.outlets = np.array([self.outlet_code[key] for key in outlets], dtype=np.int32)
        self.row = {str(entry["node_id"]): i for i, entry in enumerate(corpus)}

    def rows(self, filters: Filters) -> np.ndarray:
        """The rows that pass `filters` (`matching_rows`)."""
        wanted = [self.outlet_code.get(o.strip().lower(), -1) for o in filters.outlets]
        return np.flatnonzero(matching_rows(self.days, self.outlets, filters, wanted))

    def hit(self, row: int, score: float) -> NodeWithScore:
        from llama_index.core.vector_stores.utils import metadata_dict_to_node

        return NodeWithScore(node=metadata_dict_to_node(self.corpus[row]), score=score)


def top(scores: np.ndarray, n: int) -> np.ndarray:
    """Positions of the n highest `scores`, highest first (ties in position order)."""
    if n < len(scores):
        part = np.argpartition(-scores, n - 1)[:n]
        return part[np.lexsort((part, -scores[part]))]
    return np.argsort(-scores, kind="stable")


class HybridRetriever:
    def __init__(self, vector_store: VectorStore, bm25, mode: str = "hybrid",
                 candidates: int = 20, vectors: Any = None) -> None:
        self.vector_store = vector_store
        self.bm25 = bm25  # a LlamaIndex BM25Retriever, or None when the index is empty
        self.vectors = vectors  # the chunks' unit vectors in BM25's row order (BM25Index)
        self.mode = mode
        self.candidates = candidates
        self._snapshot: Snapshot | None = None

    @property
    def snapshot(self) -> Snapshot | None:
        if self._snapshot is None and self.bm25 is not None:
            self._snapshot = Snapshot(self.bm25.corpus, self.vectors)
        return self._snapshot

    def dense(self, embedding: list[float], n: int, filters: Filters | None = None,
              fresh: bool = True) -> list[NodeWithScore]:
        """The n chunks nearest to `embedding` that pass `filters`.

        Chroma evaluates a `where` clause on every chunk's metadata before its vector search:
        at 100k chunks a one-month date filter made search 22x slower than none
        (benchmarks/results/filters.json). So filters are applied to this generation's
        `Snapshot`: a narrow filter (at most EXACT_ROWS chunks pass) ranks exactly the chunks
        that pass, from their kept vectors; a broad one asks Chroma for proportionally deeper
        results and keeps those that pass. Chroma's `where` is left for when neither can
        answer (dense-only mode, which keeps no snapshot; a generation without vectors).

        With no filter, a corpus of at most EXACT_ROWS chunks is ranked exactly too: Chroma's
        approximate search over a local collection of 5,689 chunks returned another
        neighbourhood (cosine distance 0.20 where 0.10 was there) in 3 of 40 freshly started
        processes, the same wrong one for the life of the process (chromadb 1.5.9,
        2026-12-05), and exact ranking costs a few milliseconds at that size. Only while this
        retriever is `fresh` (of the catalog's current generation): while the next one is
        built, Chroma already holds what was written since, and finds it."""
        snapshot = self.snapshot
        filtered = filters if filters is not None and not filters.empty else None
        if snapshot is not None and (filtered or (fresh and snapshot.vectors is not None)):
            rows = (snapshot.rows(filtered) if filtered is not None
                    else np.arange(len(snapshot.days)))
            if rows.size == 0:
                return []
            if rows.size <= EXACT_ROWS and snapshot.vectors is not None:
                return self._dense_exact(snapshot, embedding, n, rows)
            hits = self._dense_deeper(snapshot, embedding, n, rows) if filtered else None
            if hits is not None:
                return hits
        return self.vector_store.nearest(embedding, n, chroma_where(filters))

    @staticmethod
    def _dense_exact(snapshot: Snapshot, embedding: list[float], n: int, rows: np.ndarray
                     ) -> list[NodeWithScore]:
        """The n nearest of `rows` by cosine, computed here (exact, not approximate)."""
        query = np.asarray(embedding, dtype=np.float32)
        query /= max(float(np.linalg.norm(query)), 1e-12)
        similarity = np.asarray(snapshot.vectors[rows], dtype=np.float32) @ query
        # Chroma reports cosine distance (1 - similarity) and LlamaIndex scores it
        # exp(-distance); so do we, so exact and approximate hits score alike.
        return [snapshot.hit(int(rows[i]), math.exp(float(similarity[i]) - 1.0))
                for i in top(similarity, n)]

    def _dense_deeper(self, snapshot: Snapshot, embedding: list[float], n: int,
                      rows: np.ndarray) -> list[NodeWithScore] | None:
        """The n nearest chunks that pass, among the nearest of all, looked for deep enough
        that about 3n of them pass; None when fewer than n do, or when that is deeper than
        MAX_DEPTH (then Chroma filters). A chunk written after this generation is not in the
        snapshot and is skipped, as BM25 does not know it either until the next generation."""
        depth = math.ceil(3 * n * len(snapshot.days) / rows.size)
        if depth > MAX_DEPTH:
            return None
        ids, distances = self.vector_store.nearest_distances(embedding, depth)
        passing = np.zeros(len(snapshot.days), dtype=bool)
        passing[rows] = True
        hits = []
        for chunk_id, distance in zip(ids, distances, strict=True):
            row = snapshot.row.get(chunk_id)
            if row is not None and passing[row]:
                hits.append(snapshot.hit(row, math.exp(-distance)))
                if len(hits) == n:
                    return hits
        return hits if len(ids) < depth else None

    def sparse(self, question: str, n: int, filters: Filters | None = None
               ) -> list[NodeWithScore]:
        """The n best BM25 chunks that pass `filters` (score above 0).

        bm25s scores every chunk; the n best of those that pass are chosen here. (LlamaIndex's
        `BM25Retriever.retrieve` reads its depth and mask from the shared retriever's
        attributes, which concurrent questions would overwrite; bm25s's own `weight_mask`
        leaves a mostly-zero array to partition, several times slower for a narrow filter.)
        The query is tokenized as `BM25Retriever` does it."""
        import bm25s

        snapshot = self.snapshot
        if snapshot is None or self.bm25 is None:
            return []
        rows = None
        if filters is not None and not filters.empty:
            rows = snapshot.rows(filters)
            if rows.size == 0:
                return []
        tokens = bm25s.tokenize(question, show_progress=False, return_ids=False,
                                stemmer=None if self.bm25.skip_stemming else self.bm25.stemmer,
                                token_pattern=self.bm25.token_pattern)
        scores = np.asarray(self.bm25.bm25.get_scores(tokens[0]))
        chosen = top(scores, n) if rows is None else rows[top(scores[rows], n)]
        return [snapshot.hit(int(row), float(scores[row])) for row in chosen if scores[row] > 0]

    def retrieve(self, question: str, embedding: list[float] | None, k: int,
                 filters: Filters | None = None, fresh: bool = True) -> list[NodeWithScore]:
        """The k best chunks; `fresh`: whether this retriever is of the catalog's current
        generation (`Searcher.current`)."""
        n = max(k, self.candidates)
        if self.mode == "bm25":
            return self.sparse(question, k, filters)
        assert embedding is not None
        if self.mode == "dense":
            return self.dense(embedding, k, filters, fresh)
        return reciprocal_rank_fusion([self.dense(embedding, n, filters, fresh),
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
        return self.current()[0]

    def current(self) -> tuple[HybridRetriever, bool]:
        """The retriever to use now, and whether it is of the catalog's current generation
        (False while the next one is built in the background)."""
        generation = self.catalog.generation()
        with self._lock:
            current = self._current
            if current is not None:
                if current[0] != generation and self._building != generation:
                    self._building = generation
                    threading.Thread(target=self._refresh, args=(generation,), daemon=True,
                                     name="bm25-refresh").start()
                return current[1], current[0] == generation
        return self.refresh(generation), True

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
        return HybridRetriever(self.store, bm25, self.mode, self.candidates,
                               vectors)

    def _nodes(self) -> tuple[list[BaseNode], np.ndarray | None]:
        """Every chunk as a node, and their vectors as float16 rows in the same order."""
        nodes: list[BaseNode] = []
        vectors = []
        for chunk_id, text, meta, vector in self.store.iter_chunks_with_vectors():
            nodes.append(stored_chunk(chunk_id, text, meta))
            vectors.append(np.asarray(vector, dtype=np.float16))
        return nodes, (np.vstack(vectors) if vectors else None)
