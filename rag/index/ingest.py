"""Ingest: files -> articles -> chunks -> embeddings -> Chroma, incrementally and crash-safely.

Order of writes for each group of articles: old chunks deleted, new chunks added (ids are
deterministic), then the catalog saved atomically. A crash anywhere leaves the catalog naming
the old content, so running the command again redoes exactly the unfinished articles. The BM25
index is rebuilt last and is tied to the catalog revision it was built from.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rag.errors import InvalidInput
from rag.index.articles import find_files, load_file
from rag.index.catalog import Catalog, sha256_text
from rag.settings import Settings
from rag.types import Article, IngestReport

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from llama_index.core.schema import TextNode

    from rag.index.bm25 import BM25Index
    from rag.index.vectorstore import VectorStore

Progress = Callable[[int, int], None]  # (chunks done, chunks in all)
GROUP_CHUNKS = 256  # chunks embedded and written together between catalog saves
# Bumped whenever the same settings would split text differently, so old indexes are re-chunked.
CHUNKER_VERSION = 2

Pending = tuple[Article, Path, str, bool]  # article, its file, its sha256, already indexed


def chunking_key(settings: Settings) -> dict[str, object]:
    """What the index's chunks depend on; when it changes, every article is re-chunked."""
    return {"chunker": CHUNKER_VERSION, "chunk_size": settings.chunk_size,
            "chunk_overlap": settings.chunk_overlap,
            "embedding_model": settings.resolved_embedding_model}


@dataclass
class Plan:
    """What an ingest would do: found by reading the files and the catalog only."""

    pending: list[Pending] = field(default_factory=list)
    skipped: int = 0
    failed: list[str] = field(default_factory=list)
    moved: bool = False  # an unchanged article now comes from another file
    gone: list[str] = field(default_factory=list)  # indexed articles --prune would remove


def _under(path: str, roots: list[Path]) -> bool:
    resolved = Path(path)
    return any(resolved == root or root in resolved.parents for root in roots)


def plan(paths: list[Path], catalog: Catalog, settings: Settings, prune: bool = False) -> Plan:
    """Parse the files and compare their hashes with the catalog. Light on purpose (no
    LlamaIndex, Chroma or embedder), so re-ingesting an unchanged corpus starts fast.

    With `prune`, also list the indexed articles whose files are gone: those under `paths` that
    were not seen, and those whose file no longer exists anywhere."""
    files = find_files(paths)  # a missing path fails here, before anything is written
    result = Plan()
    seen: set[str] = set()
    rechunk_all = catalog.data.chunking not in ({}, chunking_key(settings))
    for path in files:
        try:
            articles = load_file(path, settings.max_file_bytes)
        except InvalidInput as exc:
            result.failed.append(str(exc))
            continue
        for article in articles:
            if article.source in seen:
                result.failed.append(f"{path}: another file also provides {article.source}")
                continue
            seen.add(article.source)
            sha = sha256_text(article.text)
            entry = catalog.get(article.source)
            if entry and entry.sha256 == sha and not rechunk_all:
                result.skipped += 1
                if entry.path != str(path.resolve()):
                    entry.path = str(path.resolve())
                    result.moved = True
                continue
            result.pending.append((article, path, sha, entry is not None))
    if prune:
        roots = [p.resolve() for p in paths]
        result.gone = [entry.source for entry in catalog.entries()
                       if entry.source not in seen
                       and (_under(entry.path, roots) or not Path(entry.path).exists())]
    return result


def is_unchanged(work: Plan, catalog: Catalog, bm25: BM25Index) -> bool:
    """True when an ingest would change nothing (so Chroma and the embedder need not load)."""
    return (not work.pending and not work.moved and not work.gone and catalog.path.exists()
            and bm25.revision() == catalog.data.revision)


class Ingester:
    def __init__(self, settings: Settings, embedder: BaseEmbedding, store: VectorStore,
                 catalog: Catalog, bm25: BM25Index) -> None:
        self.settings, self.embedder, self.store = settings, embedder, store
        self.catalog, self.bm25 = catalog, bm25
        from rag.index.chunking import make_splitter

        self.splitter = make_splitter(settings.chunk_size, settings.chunk_overlap)

    def run(self, paths: Iterable[Path], prune: bool = False,
            progress: Progress | None = None, work: Plan | None = None) -> IngestReport:
        from rag.index.chunking import chunk_article

        started = time.perf_counter()
        paths = [Path(p) for p in paths]
        work = work or plan(paths, self.catalog, self.settings, prune=prune)
        report = IngestReport(skipped=work.skipped, failed=list(work.failed))
        pending, moved = work.pending, work.moved
        self.catalog.data.chunking = chunking_key(self.settings)
        # Chunked up front (fast) so the progress bar knows the total; each group's nodes and
        # embeddings are released once written, so memory holds one group's vectors at a time.
        chunked = deque((item, chunk_article(item[0], item[2], self.splitter))
                        for item in pending)
        total = sum(len(nodes) for _, nodes in chunked)
        done = 0
        if progress:
            progress(0, total)
        group: list[tuple[Pending, list[TextNode]]] = []
        while chunked:
            group.append(chunked.popleft())
            if sum(len(n) for _, n in group) >= GROUP_CHUNKS:
                done += self._write(group, report)
                group = []
                if progress:
                    progress(done, total)
        if group:
            done += self._write(group, report)
            if progress:
                progress(done, total)

        if work.gone:
            self.store.delete_sources(work.gone)
            for source in work.gone:
                self.catalog.remove(source)
            report.removed = len(work.gone)
        if prune:
            self.catalog.collect_garbage()
        changed = bool(report.added or report.updated or report.removed)
        if changed or moved or not self.catalog.path.exists():
            self.catalog.save()
        # An unchanged corpus keeps the catalog revision, so the BM25 index is not rebuilt.
        self.refresh_bm25(force=changed)
        report.seconds = time.perf_counter() - started
        return report

    def _write(self, group: list[tuple[Pending, list[TextNode]]], report: IngestReport) -> int:
        from llama_index.core.schema import MetadataMode

        nodes = [node for _, chunk_nodes in group for node in chunk_nodes]
        texts = [node.get_content(metadata_mode=MetadataMode.EMBED) for node in nodes]
        embeddings = self.embedder.get_text_embedding_batch(texts)
        for node, embedding in zip(nodes, embeddings, strict=True):
            node.embedding = embedding
        # Delete first: a changed article, or one a crash left half-written, may have had more
        # chunks than it has now. One call for the whole group.
        self.store.delete_sources([article.source for (article, _, _, _), _ in group])
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
        from llama_index.core.vector_stores.utils import metadata_dict_to_node

        nodes = []
        for chunk_id, text, meta in self.store.iter_chunks():
            node = metadata_dict_to_node(meta, text=text)
            node.id_ = chunk_id
            nodes.append(node)
        self.bm25.build(nodes, self.catalog.data.revision)
