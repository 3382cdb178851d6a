"""Ingest: files -> articles -> chunks -> embeddings -> Chroma, incrementally and crash-safely.

Order of writes for each group of articles: old chunks deleted, new chunks added (ids are
deterministic), then the catalog saved atomically. A crash anywhere leaves the catalog naming
the old content, so running the command again redoes exactly the unfinished articles. The BM25
index is rebuilt last and is tied to the catalog revision it was built from.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import MetadataMode, TextNode
from llama_index.core.vector_stores.utils import metadata_dict_to_node

from .articles import find_files, load_file
from .bm25 import BM25Index
from .catalog import Catalog, sha256_text
from .chunking import chunk_article, make_splitter
from .errors import InvalidInput
from .settings import Settings
from .types import Article, IngestReport
from .vectorstore import VectorStore

Progress = Callable[[int, int], None]  # (chunks done, chunks in all)
GROUP_CHUNKS = 256  # chunks embedded and written together between catalog saves


def _under(path: str, roots: list[Path]) -> bool:
    resolved = Path(path)
    return any(resolved == root or root in resolved.parents for root in roots)


class Ingester:
    def __init__(self, settings: Settings, embedder: BaseEmbedding, store: VectorStore,
                 catalog: Catalog, bm25: BM25Index) -> None:
        self.settings, self.embedder, self.store = settings, embedder, store
        self.catalog, self.bm25 = catalog, bm25
        self.splitter = make_splitter(settings.chunk_size, settings.chunk_overlap)

    def chunking_key(self) -> dict[str, object]:
        return {"chunk_size": self.settings.chunk_size,
                "chunk_overlap": self.settings.chunk_overlap,
                "embedding_model": self.store.model_name}

    def run(self, paths: Iterable[Path], prune: bool = False,
            progress: Progress | None = None) -> IngestReport:
        started = time.perf_counter()
        paths = [Path(p) for p in paths]
        files = find_files(paths)  # a missing path fails here, before anything is written
        report = IngestReport()
        rechunk_all = self.catalog.data.chunking not in ({}, self.chunking_key())
        pending: list[tuple[Article, Path, str, bool]] = []
        seen: set[str] = set()
        moved = False
        for path in files:
            try:
                articles = load_file(path, self.settings.max_file_bytes)
            except InvalidInput as exc:
                report.failed.append(str(exc))
                continue
            for article in articles:
                if article.source in seen:
                    report.failed.append(f"{path}: another file also provides {article.source}")
                    continue
                seen.add(article.source)
                sha = sha256_text(article.text)
                entry = self.catalog.get(article.source)
                if entry and entry.sha256 == sha and not rechunk_all:
                    report.skipped += 1
                    if entry.path != str(path.resolve()):
                        entry.path = str(path.resolve())
                        moved = True
                    continue
                pending.append((article, path, sha, entry is not None))

        self.catalog.data.chunking = self.chunking_key()
        chunked = [(item, chunk_article(item[0], item[2], self.splitter)) for item in pending]
        total = sum(len(nodes) for _, nodes in chunked)
        done = 0
        if progress:
            progress(0, total)
        group: list[tuple[tuple[Article, Path, str, bool], list[TextNode]]] = []
        for item, nodes in chunked:
            group.append((item, nodes))
            if sum(len(n) for _, n in group) >= GROUP_CHUNKS:
                done += self._write(group, report)
                group = []
                if progress:
                    progress(done, total)
        if group:
            done += self._write(group, report)
            if progress:
                progress(done, total)

        if prune:
            roots = [p.resolve() for p in paths]
            for entry in self.catalog.entries():
                if entry.source not in seen and (_under(entry.path, roots)
                                                  or not Path(entry.path).exists()):
                    self.store.delete_source(entry.source)
                    self.catalog.remove(entry.source)
                    report.removed += 1
            self.catalog.collect_garbage()
        changed = bool(report.added or report.updated or report.removed)
        if changed or moved or not self.catalog.path.exists():
            self.catalog.save()
        # An unchanged corpus keeps the catalog revision, so the BM25 index is not rebuilt.
        self.refresh_bm25(force=changed)
        report.seconds = time.perf_counter() - started
        return report

    def _write(self, group: list[tuple[tuple[Article, Path, str, bool], list[TextNode]]],
               report: IngestReport) -> int:
        nodes = [node for _, chunk_nodes in group for node in chunk_nodes]
        texts = [node.get_content(metadata_mode=MetadataMode.EMBED) for node in nodes]
        embeddings = self.embedder.get_text_embedding_batch(texts)
        for node, embedding in zip(nodes, embeddings, strict=True):
            node.embedding = embedding
        for (article, _, _, _), _ in group:
            self.store.delete_source(article.source)
        self.store.add(nodes)
        for (article, path, sha, existed), chunk_nodes in group:
            self.catalog.put(article, path, sha, len(chunk_nodes))
            if existed:
                report.updated += 1
            else:
                report.added += 1
        self.catalog.save()
        report.chunks += len(nodes)
        return len(nodes)

    def refresh_bm25(self, force: bool = False) -> None:
        """Rebuild the BM25 index from Chroma's chunks if anything changed or it is stale."""
        if not force and self.bm25.revision() == self.catalog.data.revision:
            return
        nodes = []
        for chunk_id, text, meta in self.store.iter_chunks():
            node = metadata_dict_to_node(meta, text=text)
            node.id_ = chunk_id
            nodes.append(node)
        self.bm25.build(nodes, self.catalog.data.revision)
