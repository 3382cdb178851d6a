"""The BM25 side of hybrid retrieval: LlamaIndex's BM25Retriever (bm25s), a per-instance cache.

Self-hosted Chroma has no keyword search, so each instance builds BM25 from the chunks Chroma
holds and keeps it on local disk, one folder per corpus generation
(`data_dir/collections/NAME/bm25/GENERATION/`): a new generation gets a new folder, written
aside and renamed into place, so readers and other processes on the same disk never see half
of one. Queries never build it; `Searcher` does, when the generation moves.

The folder also keeps the chunks' vectors (`vectors.npy`, float16, unit length, in BM25's row
order), read memory-mapped: a search with a date or outlet filter ranks the chunks that pass it
exactly, from these, instead of asking Chroma to evaluate its `where` on every chunk
(`retrieval.HybridRetriever.dense`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:  # imported where used
    from llama_index.core.schema import BaseNode
    from llama_index.retrievers.bm25 import BM25Retriever

_DONE = "complete"  # written last into a generation's folder
_VECTORS = "vectors.npy"


class BM25Index:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path(self, generation: str) -> Path:
        return self.directory / generation

    def has(self, generation: str) -> bool:
        return (self.path(generation) / _DONE).exists()

    def build(self, nodes: Iterable[BaseNode], generation: str,
              vectors: np.ndarray | None = None) -> int:
        """BM25 over `nodes`, and their `vectors` (one row per node, in order) beside it."""
        from llama_index.retrievers.bm25 import BM25Retriever

        nodes = list(nodes)
        tmp = self.directory / f".{generation}.{uuid.uuid4().hex}.tmp"
        tmp.mkdir(parents=True)
        try:
            if nodes:
                # bm25s logs a warning when k > corpus size; we ask for min(k, size) anyway.
                logging.getLogger("llama_index.retrievers.bm25").setLevel(logging.ERROR)
                BM25Retriever(nodes=nodes, similarity_top_k=1).persist(str(tmp),
                                                                       show_progress=False)
                if vectors is not None and len(vectors) == len(nodes):
                    unit = vectors / np.maximum(np.linalg.norm(vectors, axis=1,
                                                               keepdims=True), 1e-12)
                    np.save(tmp / _VECTORS, unit.astype(np.float16))
            (tmp / _DONE).write_text(generation)
            # If another process built this generation first, keep theirs.
            with contextlib.suppress(OSError):
                os.rename(tmp, self.path(generation))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        self._drop_others(generation)
        return len(nodes)

    def _drop_others(self, keep: str) -> None:
        for path in self.directory.iterdir():
            if path.name != keep and not path.name.startswith("."):
                shutil.rmtree(path, ignore_errors=True)

    def load(self, generation: str) -> BM25Retriever | None:
        from llama_index.retrievers.bm25 import BM25Retriever

        path = self.path(generation)
        if not (path / "params.index.json").exists():
            return None
        logging.getLogger("llama_index.retrievers.bm25").setLevel(logging.ERROR)
        return BM25Retriever.from_persist_dir(str(path), show_progress=False)

    def vectors(self, generation: str) -> Any:
        """The generation's chunk vectors, memory-mapped (None when it has none: an empty
        corpus, or a folder written before vectors were kept)."""
        path = self.path(generation) / _VECTORS
        return np.load(path, mmap_mode="r") if path.exists() else None
