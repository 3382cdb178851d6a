"""Chroma, embedded or as a server: the client and the chunks collection.

Chunks are written with Chroma's own `upsert` (deterministic ids `SOURCE::N`), never through
LlamaIndex's `add`, which calls Chroma's `add` and so silently keeps an old chunk whose id
exists. Each record keeps the chunk's own metadata and `document_id` (its article, what deletes
filter on), not LlamaIndex's serialised copy of the whole node: that copy was 2.4 KB a chunk
and a quarter of the write time. `chunking.stored_chunk` reads either kind back.

The collection records the embedding model and dimension that built it; opening it with another
model is an `EmbeddingMismatch`, never a silent mix of incompatible vectors.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

from llama_index.core.schema import BaseNode, MetadataMode, NodeWithScore

from rag.errors import EmbeddingMismatch, VectorStoreUnavailable
from rag.index.chroma import connect
from rag.index.chunking import EMBED_TITLE, stored_chunk
from rag.settings import Settings


def record_metadata(node: BaseNode) -> dict[str, Any]:
    """What a chunk's record keeps beside its text and vector (`chunking.stored_chunk` reads
    it back): its metadata, its article as `document_id`, and whether its title was embedded."""
    meta: dict[str, Any] = {k: "" if v is None else v for k, v in node.metadata.items()}
    meta["document_id"] = meta["source"]
    meta[EMBED_TITLE] = "title" not in node.excluded_embed_metadata_keys
    return meta


class VectorStore:
    """One Chroma collection: vectors, chunk texts and chunk metadata."""

    def __init__(self, settings: Settings, model_name: str, dim: int,
                 client: Any = None) -> None:
        self.client = client if client is not None else connect(settings)
        self.model_name, self.dim = model_name, dim
        try:
            self.collection = self.client.get_or_create_collection(
                settings.collection,
                metadata={"embedding_model": model_name, "embedding_dim": dim,
                          "hnsw:space": "cosine"},
            )
        except Exception as exc:
            raise VectorStoreUnavailable(f"cannot open Chroma collection {settings.collection!r}: "
                                         f"{exc}") from exc
        meta = self.collection.metadata or {}
        built_with = (meta.get("embedding_model"), meta.get("embedding_dim"))
        if built_with != (model_name, dim):
            raise EmbeddingMismatch(
                f"collection {settings.collection!r} was built with embedding model "
                f"{built_with[0]} ({built_with[1]}-d), not {model_name} ({dim}-d)",
                "use the same embedding settings, or another RAG_COLLECTION",
            )
        self.max_batch = int(self.client.get_max_batch_size())

    def count(self) -> int:
        return int(self.collection.count())

    def add(self, nodes: Sequence[BaseNode]) -> None:
        """Write chunks (with their embeddings), replacing any with the same ids, in batches of
        Chroma's own limit."""
        for start in range(0, len(nodes), self.max_batch):
            batch = nodes[start:start + self.max_batch]
            self.collection.upsert(
                ids=[node.node_id for node in batch],
                embeddings=[node.get_embedding() for node in batch],
                metadatas=[record_metadata(node) for node in batch],
                documents=[node.get_content(metadata_mode=MetadataMode.NONE) for node in batch])

    def nearest(self, embedding: list[float], n: int, where: dict[str, Any] | None = None
                ) -> list[NodeWithScore]:
        """The n chunks nearest to `embedding` (that pass `where`), scored exp(-cosine
        distance) as LlamaIndex's ChromaVectorStore scores them."""
        found = self.collection.query(query_embeddings=[embedding], n_results=n, where=where,
                                      include=["documents", "metadatas", "distances"])
        return [NodeWithScore(node=stored_chunk(chunk_id, text or "", meta or {}),
                              score=math.exp(-distance))
                for chunk_id, text, meta, distance in zip(
                    found["ids"][0], found["documents"][0], found["metadatas"][0],
                    found["distances"][0], strict=True)]

    def nearest_distances(self, embedding: list[float], n: int) -> tuple[list[str], list[float]]:
        """The ids of the n chunks nearest to `embedding` and their cosine distances."""
        found = self.collection.query(query_embeddings=[embedding], n_results=n,
                                      include=["distances"])
        return found["ids"][0], found["distances"][0]

    def delete_sources(self, sources: Sequence[str]) -> None:
        """Remove every chunk of these articles in one call (a chunk's `document_id` is its
        article's source), one scan rather than one per article."""
        if sources:
            self.collection.delete(where={"document_id": {"$in": list(sources)}})

    def delete_leftovers(self, current: dict[str, str]) -> None:
        """Remove the chunks of these articles (source -> sha256 of the text now indexed) that
        belong to another version of their text: what remains of a longer old version."""
        stale: list[dict[str, Any]] = [
            {"$and": [{"document_id": source}, {"sha256": {"$ne": sha}}]}
            for source, sha in current.items()]
        if stale:  # one scan for the whole group (Chroma's $or wants two or more terms)
            self.collection.delete(where=stale[0] if len(stale) == 1 else {"$or": stale})

    def iter_chunks(self, page: int = 5000) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(id, text, metadata) of every chunk, paged so that memory stays flat."""
        for got in self._pages(["documents", "metadatas"], page):
            for chunk_id, text, meta in zip(got["ids"], got["documents"], got["metadatas"],
                                            strict=True):
                yield chunk_id, text, dict(meta)

    def iter_chunks_with_vectors(self, page: int = 5000
                                 ) -> Iterator[tuple[str, str, dict[str, Any], Any]]:
        """`iter_chunks`, each with its vector."""
        for got in self._pages(["documents", "metadatas", "embeddings"], page):
            for chunk_id, text, meta, vector in zip(got["ids"], got["documents"],
                                                    got["metadatas"], got["embeddings"],
                                                    strict=True):
                yield chunk_id, text, dict(meta), vector

    def _pages(self, include: list[str], page: int) -> Iterator[Any]:
        offset = 0
        while True:
            got = self.collection.get(include=include, limit=page, offset=offset)
            if not got["ids"]:
                return
            yield got
            offset += len(got["ids"])

    def drop(self) -> None:
        self.client.delete_collection(self.collection.name)
