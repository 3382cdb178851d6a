"""Chroma, embedded or as a server, wrapped in LlamaIndex's ChromaVectorStore.

The collection records the embedding model and dimension that built it; opening it with another
model is an `EmbeddingMismatch`, never a silent mix of incompatible vectors.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlparse

from llama_index.core.schema import BaseNode
from llama_index.vector_stores.chroma import ChromaVectorStore

from rag.errors import EmbeddingMismatch, VectorStoreUnavailable
from rag.settings import Settings


def connect(settings: Settings) -> Any:
    """A Chroma client: persistent files under data_dir, or an HTTP client for chroma_url."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise VectorStoreUnavailable(f"bad Chroma URL {settings.chroma_url!r}",
                                         "use the form http://HOST:PORT")
        try:
            client = chromadb.HttpClient(
                host=url.hostname, port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https", settings=chroma_settings,
            )
            client.heartbeat()
        except Exception as exc:
            raise VectorStoreUnavailable(
                f"cannot reach the Chroma server at {settings.chroma_url}",
                "start it with `chroma run --path DIR --host 127.0.0.1 --port PORT` "
                "or unset RAG_CHROMA_URL",
            ) from exc
        return client
    path = settings.data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class VectorStore:
    """One Chroma collection: vectors, chunk texts and chunk metadata."""

    def __init__(self, settings: Settings, model_name: str, dim: int) -> None:
        self.client = connect(settings)
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
        self.llama_store = ChromaVectorStore(chroma_collection=self.collection)
        self.max_batch = int(self.client.get_max_batch_size())

    def count(self) -> int:
        return int(self.collection.count())

    def add(self, nodes: Sequence[BaseNode]) -> None:
        # ChromaVectorStore.add batches by 41,665 records, above Chroma's own limit (5,461 here).
        for start in range(0, len(nodes), self.max_batch):
            self.llama_store.add(list(nodes[start:start + self.max_batch]))

    def delete_sources(self, sources: Sequence[str]) -> None:
        """Remove every chunk of these articles in one call (a chunk's `document_id` is its
        article's source), one scan rather than one per article."""
        if sources:
            self.collection.delete(where={"document_id": {"$in": list(sources)}})

    def iter_chunks(self, page: int = 5000) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(id, text, metadata) of every chunk, paged so that memory stays flat."""
        offset = 0
        while True:
            got = self.collection.get(include=["documents", "metadatas"], limit=page,
                                      offset=offset)
            ids = got["ids"]
            if not ids:
                return
            for chunk_id, text, meta in zip(ids, got["documents"], got["metadatas"], strict=True):
                yield chunk_id, text, dict(meta)
            offset += len(ids)

    def drop(self) -> None:
        self.client.delete_collection(self.collection.name)
