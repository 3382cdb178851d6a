"""The BM25 side of hybrid retrieval: LlamaIndex's BM25Retriever (bm25s), persisted on disk.

It is rebuilt at the end of an ingest that changed something, from the chunks Chroma holds, and
loaded once per process; queries never rebuild it. A `revision` file ties it to the catalog
revision it was built from, so a crash between the two is noticed and repaired.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rag.index.catalog import write_atomic

if TYPE_CHECKING:  # imported where used: reading `revision` must stay cheap
    from llama_index.core.schema import BaseNode
    from llama_index.retrievers.bm25 import BM25Retriever


class BM25Index:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.revision_file = directory / "revision"

    def revision(self) -> str | None:
        if not self.revision_file.exists():
            return None
        return self.revision_file.read_text().strip() or None

    def build(self, nodes: Iterable[BaseNode], revision: str) -> int:
        from llama_index.retrievers.bm25 import BM25Retriever

        nodes = list(nodes)
        tmp = self.directory.with_name(self.directory.name + ".new")
        shutil.rmtree(tmp, ignore_errors=True)
        if nodes:
            # bm25s logs a warning when k > corpus size; we ask for min(k, size) anyway.
            logging.getLogger("llama_index.retrievers.bm25").setLevel(logging.ERROR)
            retriever = BM25Retriever(nodes=nodes, similarity_top_k=1)
            tmp.mkdir(parents=True)
            retriever.persist(str(tmp), show_progress=False)
        else:
            tmp.mkdir(parents=True)
        write_atomic(tmp / "revision", revision.encode())
        shutil.rmtree(self.directory, ignore_errors=True)
        tmp.rename(self.directory)
        return len(nodes)

    def load(self) -> BM25Retriever | None:
        from llama_index.retrievers.bm25 import BM25Retriever

        if not (self.directory / "params.index.json").exists():
            return None
        logging.getLogger("llama_index.retrievers.bm25").setLevel(logging.ERROR)
        return BM25Retriever.from_persist_dir(str(self.directory), show_progress=False)
