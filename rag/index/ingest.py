"""Ingest: files -> articles -> chunks -> embeddings -> Chroma, incrementally and crash-safely.

Order of writes for each group of articles: their chunks upserted (ids are deterministic, so a
rerun or a second ingest of the same text overwrites rather than duplicates), then their
catalog records (the commit marker: readers only use chunks whose article record names their
sha256), then what is left of older versions deleted, then a new generation. A crash anywhere
leaves every article either committed or not, so running the command again redoes exactly the
unfinished ones; two ingests of overlapping folders at once end with each article once.
BM25 is not written here: each instance rebuilds its own from Chroma when the generation moves.
"""

from __future__ import annotations

import contextlib
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rag.errors import InvalidInput
from rag.index.articles import find_files, load_file
from rag.index.catalog import HOST, Catalog, sha256_text
from rag.settings import Settings
from rag.types import Article, IngestProgress, IngestReport

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from llama_index.core.schema import TextNode

    from rag.index.vectorstore import VectorStore

Progress = Callable[[IngestProgress], None]
GROUP_CHUNKS = 256  # chunks embedded and written together, then committed
# Bumped whenever the same settings would split text differently, so old indexes are re-chunked.
CHUNKER_VERSION = 3  # 3: chunks carry `day`, the publication date as a number

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
    moved: list[tuple[str, Path]] = field(default_factory=list)  # unchanged, in another file
    gone: list[str] = field(default_factory=list)  # indexed articles --prune would remove
    new_chunking: bool = False  # the catalog holds another chunking key (or none yet)


@contextlib.contextmanager
def _stage(report: IngestReport, name: str) -> Iterator[None]:
    """Add the time spent in the block to `report.stages[name]`."""
    started = time.perf_counter()
    try:
        yield
    finally:
        report.stages[name] = report.stages.get(name, 0.0) + time.perf_counter() - started


def _under(path: str, roots: list[Path]) -> bool:
    resolved = Path(path)
    return any(resolved == root or root in resolved.parents for root in roots)


def plan(paths: list[Path], catalog: Catalog, settings: Settings, prune: bool = False) -> Plan:
    """Parse the files and compare their hashes with the catalog's. Light on purpose (no
    LlamaIndex, embedder or chunks collection), so re-ingesting an unchanged corpus starts fast.

    With `prune`, also list the indexed articles whose files are gone: those under `paths` that
    were not seen, and those whose file no longer exists anywhere."""
    files = find_files(paths)  # a missing path fails here, before anything is written
    result = Plan()
    seen: set[str] = set()
    recorded, key = catalog.chunking(), chunking_key(settings)
    rechunk_all = recorded not in ({}, key)
    for path in files:
        try:
            articles = load_file(path, settings.max_file_bytes)
        except InvalidInput as exc:
            result.failed.append(str(exc))
            continue
        fresh = []
        for article in articles:
            if article.source in seen:
                result.failed.append(f"{path}: another file also provides {article.source}")
                continue
            seen.add(article.source)
            fresh.append(article)
        indexed = catalog.get_many([a.source for a in fresh])  # one lookup per file
        for article in fresh:
            sha = sha256_text(article.text)
            entry = indexed.get(article.source)
            if entry and entry.sha256 == sha and not rechunk_all:
                result.skipped += 1
                if entry.path != str(path.resolve()):
                    result.moved.append((article.source, path))
                continue
            result.pending.append((article, path, sha, entry is not None))
    if prune:
        roots = [p.resolve() for p in paths]
        # A file missing here counts as gone only if it was read on this machine: another
        # instance's uploads live on its own disk.
        result.gone = [entry.source for entry in catalog.entries()
                       if entry.source not in seen
                       and (_under(entry.path, roots)
                            or entry.host in ("", HOST) and not Path(entry.path).exists())]
    result.new_chunking = recorded != key
    return result


def is_unchanged(work: Plan) -> bool:
    """True when an ingest would change nothing (so the embedder and chunks need not load)."""
    return not (work.pending or work.moved or work.gone or work.new_chunking)


class Ingester:
    """The one writer of a collection in this process (the Assistant holds its write lock)."""

    def __init__(self, settings: Settings, embedder: BaseEmbedding, store: VectorStore,
                 catalog: Catalog) -> None:
        self.settings, self.embedder, self.store, self.catalog = settings, embedder, store, catalog
        from rag.index.chunking import make_splitter

        self.splitter = make_splitter(settings.chunk_size, settings.chunk_overlap)

    def run(self, paths: Iterable[Path], prune: bool = False,
            progress: Progress | None = None, work: Plan | None = None) -> IngestReport:
        from rag.index.chunking import chunk_article

        started = time.perf_counter()
        paths = [Path(p) for p in paths]
        work = work or plan(paths, self.catalog, self.settings, prune=prune)
        report = IngestReport(skipped=work.skipped, failed=list(work.failed))
        report.stages["read"] = time.perf_counter() - started  # ~0 when the caller planned
        tokens_before = getattr(self.embedder, "tokens_embedded", 0)
        key = chunking_key(self.settings)
        # (source, MinHash, group) of every article, read once, extended by each group written
        known = ([(e.source, e.minhash, e.group) for e in self.catalog.entries()]
                 if work.pending else [])
        # Chunked up front (fast) so the progress bar knows the total; each group's nodes and
        # embeddings are released once written, so memory holds one group's vectors at a time.
        with _stage(report, "chunk"):
            chunked = deque((item, chunk_article(item[0], item[2], self.splitter))
                            for item in work.pending)
        total = sum(len(nodes) for _, nodes in chunked)
        done = 0
        embedding_started = time.perf_counter()

        def tell() -> None:
            if progress:
                elapsed = time.perf_counter() - embedding_started
                rate = done / elapsed if done and elapsed > 0 else 0.0
                progress(IngestProgress(
                    done=done, total=total, seconds=round(time.perf_counter() - started, 3),
                    chunks_per_s=round(rate, 2),
                    eta_s=round((total - done) / rate, 1) if rate else None))

        tell()
        group: list[tuple[Pending, list[TextNode]]] = []
        while chunked:
            group.append(chunked.popleft())
            if sum(len(n) for _, n in group) >= GROUP_CHUNKS:
                done += self._write(group, report, key, known)
                group = []
                tell()
        if group:
            done += self._write(group, report, key, known)
            tell()

        for source, path in work.moved:
            self.catalog.move(source, path)
        if work.gone:
            self.catalog.remove(work.gone)  # first: their chunks are then invisible
            self.store.delete_sources(work.gone)
            report.removed = len(work.gone)
        if work.gone or work.new_chunking and not work.pending:
            self.catalog.bump(key)
        report.seconds = time.perf_counter() - started
        report.tokens = getattr(self.embedder, "tokens_embedded", 0) - tokens_before
        report.stages = {name: round(value, 3) for name, value in report.stages.items()}
        return report

    @staticmethod
    def _groups(articles: list[Article], known: list[tuple[str, str, str]]
                ) -> dict[str, tuple[str, str]]:
        """Each article's near-duplicate group and MinHash (index.duplicates); `known` (the
        articles already indexed) is extended with them."""
        from rag.index.duplicates import assign_groups, signature

        signatures = {a.source: signature(a.text[a.body_start:a.body_end]) for a in articles}
        groups = assign_groups(known, list(signatures.items()))
        known += [(source, signatures[source], groups[source]) for source in signatures]
        return {source: (groups[source], sig) for source, sig in signatures.items()}

    def _write(self, group: list[tuple[Pending, list[TextNode]]], report: IngestReport,
               key: dict[str, object], known: list[tuple[str, str, str]]) -> int:
        from llama_index.core.schema import MetadataMode

        nodes = [node for _, chunk_nodes in group for node in chunk_nodes]
        texts = [node.get_content(metadata_mode=MetadataMode.EMBED) for node in nodes]
        with _stage(report, "embed"):
            embeddings = self.embedder.get_text_embedding_batch(texts)
        for node, embedding in zip(nodes, embeddings, strict=True):
            node.embedding = embedding
        with _stage(report, "write"):
            self.store.add(nodes)  # upsert: ids are SOURCE::N
        with _stage(report, "duplicates"):
            groups = self._groups([article for (article, _, _, _), _ in group], known)
        with _stage(report, "commit"):
            self.catalog.put([(article, path, sha, len(chunk_nodes))  # the commit marker
                              for (article, path, sha, _), chunk_nodes in group], groups)
            # What is left of an older, longer version of a changed article (or of a crash).
            self.store.delete_leftovers({article.source: sha
                                         for (article, _, sha, _), _ in group})
            self.catalog.bump(key)
        for (_, _, _, existed), _ in group:
            if existed:
                report.updated += 1
            else:
                report.added += 1
        report.chunks += len(nodes)
        return len(nodes)
