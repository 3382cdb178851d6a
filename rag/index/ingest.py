"""Ingest: files -> articles -> chunks -> embeddings -> Chroma, incrementally and crash-safely.

Order of writes for each group of articles: their chunks upserted (ids are deterministic, so a
rerun or a second ingest of the same text overwrites rather than duplicates), then their
catalog records (the commit marker: readers only use chunks whose article record names their
sha256), then what is left of older versions deleted, then a new generation. A crash anywhere
leaves every article either committed or not, so running the command again redoes exactly the
unfinished ones; two ingests of overlapping folders at once end with each article once.
BM25 is not written here: each instance rebuilds its own from Chroma when the generation moves.

Exact copies (index.duplicates.copy_key) get a record and no chunks: the record names the
original whose chunks stand for it. Records are written in order, an original's before its
copies', so a copy never names an uncommitted original. When an original's text changes or it
is removed, its copies are chunked and embedded first, from their catalog records, and only then
is the original replaced: a crash in between leaves the text stored twice, never a copy that
names a changed or missing original, and the rerun finishes the change.
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
from rag.index.catalog import HOST, Catalog, Entry, sha256_text
from rag.index.duplicates import Groups, copy_key, exact_copies
from rag.settings import Settings
from rag.types import Article, IngestProgress, IngestReport

if TYPE_CHECKING:
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from llama_index.core.schema import TextNode

    from rag.index.vectorstore import VectorStore

Progress = Callable[[IngestProgress], None]
# Chunks embedded and written together, then committed. 1,024 rather than 256: the onnx engine
# runs texts of one length without padding, and a larger group has more of each length (the
# embedder 1.10x as fast; docs/performance.md section 7); a crash costs at most one group.
GROUP_CHUNKS = 1024
# Bumped whenever the same settings would split text differently, so old indexes are re-chunked.
CHUNKER_VERSION = 3  # 3: chunks carry `day`, the publication date as a number

Pending = tuple[Article, Path, str, bool]  # article, its file, its sha256, already indexed


def chunking_key(settings: Settings) -> dict[str, object]:
    """What the index's chunks depend on; when it changes, every article is re-chunked."""
    key: dict[str, object] = {"chunker": CHUNKER_VERSION, "chunk_size": settings.chunk_size,
                              "chunk_overlap": settings.chunk_overlap,
                              "embedding_model": settings.resolved_embedding_model}
    if not settings.chunk_titles:  # only when off: indexes made before the setting keep their key
        key["titles"] = False
    return key


@dataclass
class Plan:
    """What an ingest would do: found by reading the files and the catalog only."""

    pending: list[Pending] = field(default_factory=list)
    skipped: int = 0
    failed: list[str] = field(default_factory=list)
    moved: list[tuple[str, Path]] = field(default_factory=list)  # unchanged, in another file
    gone: list[str] = field(default_factory=list)  # indexed articles --prune would remove
    new_chunking: bool = False  # the catalog holds another chunking key (or none yet)
    # Exact copies whose original changes its text or goes: at the head of `pending` (rebuilt
    # from their catalog records), each with the machine its file is on.
    orphans: dict[str, str] = field(default_factory=dict)
    # Exact copies of originals written again with the same text: copy -> original (the copy
    # follows its original into whatever near-duplicate group that one gets).
    followers: dict[str, str] = field(default_factory=dict)


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
    leaving: list[str] = []  # indexed originals whose text, as their copies see it, changes
    staying: list[str] = []  # indexed originals written again with the same text
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
            if entry is not None and entry.copy_key and not entry.copy_of:  # may have copies
                (staying if entry.copy_key == copy_key(article) else leaving).append(
                    article.source)
    if prune:
        roots = [p.resolve() for p in paths]
        # A file missing here counts as gone only if it was read on this machine: another
        # instance's uploads live on its own disk.
        result.gone = [entry.source for entry in catalog.entries()
                       if entry.source not in seen
                       and (_under(entry.path, roots)
                            or entry.host in ("", HOST) and not Path(entry.path).exists())]
    if leaving or staying or result.gone:
        _find_orphans(result, catalog, set(leaving) | set(result.gone), set(staying), seen)
    result.new_chunking = recorded != key
    return result


def _find_orphans(result: Plan, catalog: Catalog, leaving: set[str], staying: set[str],
                  seen: set[str]) -> None:
    """Put the exact copies of `leaving` (originals changing their text or going) at the head
    of `result.pending`, rebuilt from the catalog, so they get chunks of their own before their
    original changes; note those of `staying` as followers."""
    busy = {article.source for article, _, _, _ in result.pending} | set(result.gone)
    orphans: list[Pending] = []
    for entry, text in catalog.copies_of(sorted(leaving | staying)):
        if entry.source in busy:
            continue  # being written or removed anyway
        if entry.copy_of in staying:
            result.followers[entry.source] = entry.copy_of
            continue
        article = Article(source=entry.source, text=text, body_start=entry.body_start,
                          body_end=entry.body_end, title=entry.title, published=entry.published,
                          outlet=entry.outlet, url=entry.url)
        orphans.append((article, Path(entry.path), entry.sha256, True))
        result.orphans[entry.source] = entry.host
        if entry.source in seen:
            result.skipped -= 1  # counted as unchanged above; written now
    result.pending[:0] = orphans


def is_unchanged(work: Plan) -> bool:
    """True when an ingest would change nothing (so the embedder and chunks need not load)."""
    return not (work.pending or work.moved or work.gone or work.new_chunking)


class Ingester:
    """The one writer of a collection in this process (the Assistant holds its write lock)."""

    def __init__(self, settings: Settings, embedder: BaseEmbedding, store: VectorStore,
                 catalog: Catalog) -> None:
        self.settings, self.embedder, self.store, self.catalog = settings, embedder, store, catalog
        from rag.index.chunking import chunker

        self.chunk = chunker(settings)

    def run(self, paths: Iterable[Path], prune: bool = False,
            progress: Progress | None = None, work: Plan | None = None) -> IngestReport:
        started = time.perf_counter()
        paths = [Path(p) for p in paths]
        work = work or plan(paths, self.catalog, self.settings, prune=prune)
        report = IngestReport(skipped=work.skipped, failed=list(work.failed))
        report.stages["read"] = time.perf_counter() - started  # ~0 when the caller planned
        tokens_before = getattr(self.embedder, "tokens_embedded", 0)
        key = chunking_key(self.settings)
        dups = _Duplicates(self.settings.duplicates,
                           self.catalog.entries() if work.pending else [], work)
        # Chunked up front (fast) so the progress bar knows the total; each group's nodes and
        # embeddings are released once written, so memory holds one group's vectors at a time.
        # Exact copies are not chunked: their originals' chunks stand for them.
        with _stage(report, "duplicates"):
            copies = dups.exact_copies()
        with _stage(report, "chunk"):
            chunked = deque((item, [] if item[0].source in copies
                             else self.chunk(item[0], item[2]))
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
                done += self._write(group, report, key, dups)
                group = []
                tell()
        if group:
            done += self._write(group, report, key, dups)
            tell()
        self.catalog.set_groups(dups.followers_moved())

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

    def _write(self, group: list[tuple[Pending, list[TextNode]]], report: IngestReport,
               key: dict[str, object], dups: _Duplicates) -> int:
        from llama_index.core.schema import MetadataMode

        nodes = [node for _, chunk_nodes in group for node in chunk_nodes]
        if nodes:  # a group may hold exact copies only
            texts = [node.get_content(metadata_mode=MetadataMode.EMBED) for node in nodes]
            with _stage(report, "embed"):
                embeddings = self.embedder.get_text_embedding_batch(texts)
            for node, embedding in zip(nodes, embeddings, strict=True):
                node.embedding = embedding
            with _stage(report, "write"):
                self.store.add(nodes)  # upsert: ids are SOURCE::N
        articles = [article for (article, _, _, _), _ in group]
        with _stage(report, "duplicates"):
            fields = dups.fields(articles)
        copies = [a.source for a in articles if a.source in dups.copies]
        with _stage(report, "commit"):
            # The commit markers, in order: an original's record before its copies'.
            self.catalog.put([(article, path, sha, len(chunk_nodes))
                              for (article, path, sha, _), chunk_nodes in group], fields)
            # What is left of an older, longer version of a changed article (or of a crash);
            # a copy keeps no chunks at all (it may have had some as an original).
            self.store.delete_leftovers({article.source: sha for (article, _, sha, _), _ in group
                                         if article.source not in dups.copies})
            if copies:
                self.store.delete_sources(copies)
            self.catalog.bump(key)
        for (article, _, _, existed), _ in group:
            if article.source in dups.copies:
                report.duplicates += 1
            elif existed:
                report.updated += 1
            else:
                report.added += 1
        report.chunks += len(nodes)
        return len(nodes)


class _Duplicates:
    """One ingest's duplicate bookkeeping: which pending articles are exact copies (and of
    what), and each written article's near-duplicate group and MinHash (index.duplicates).
    With `enabled` off (RAG_DUPLICATES=false) nothing is detected: no copies, no MinHash,
    every article its own group; copies recorded earlier are still kept whole."""

    def __init__(self, enabled: bool, entries: list[Entry], work: Plan) -> None:
        self.enabled, self.work = enabled, work
        self.keys = {a.source: copy_key(a) for a, _, _, _ in work.pending}
        self.entries = {e.source: e for e in entries}
        gone = set(work.gone)
        self._kept = [e for e in entries if e.source not in gone]
        self._groups: Groups | None = None  # built on first use, then kept for the ingest
        self.group_of = {e.source: e.group or e.source for e in entries}  # never empty
        self.copies: dict[str, str] = {}  # copy -> its original

    def exact_copies(self) -> dict[str, str]:
        """Classify the pending articles, in order. An indexed original stays the original of
        its text unless that text changes or it goes; then its copies were put first."""
        if not self.enabled:
            return self.copies
        leaving = set(self.work.gone) | {source for source, key in self.keys.items()
                                         if source in self.entries
                                         and self.entries[source].copy_key != key}
        originals = {e.copy_key: e.source for e in self.entries.values()
                     if e.copy_key and not e.copy_of and e.source not in leaving}
        self.copies = exact_copies(originals, list(self.keys.items()))
        return self.copies

    def fields(self, articles: list[Article]) -> dict[str, dict[str, object]]:
        """The catalog fields of a write group's articles (an original before its copies)."""
        from rag.index.duplicates import signature

        originals = [a for a in articles if a.source not in self.copies]
        groups: dict[str, str] = {}
        signatures: dict[str, str] = {}
        if self.enabled and originals:
            signatures = {a.source: signature(a.text[a.body_start:a.body_end])
                          for a in originals}
            if self._groups is None:
                self._groups = Groups([(e.source, e.minhash, e.group) for e in self._kept])
            groups = self._groups.assign(list(signatures.items()))
        fields: dict[str, dict[str, object]] = {}
        for article in articles:
            source = article.source
            original = self.copies.get(source, "")
            if original:
                group = self.group_of[original]
            else:
                group = groups.get(source, "")
                self.group_of[source] = group or source
            fields[source] = {"group": group, "minhash": signatures.get(source, ""),
                              "copy_key": self.keys[source], "copy_of": original}
            if source in self.work.orphans:
                fields[source]["host"] = self.work.orphans[source]
        return fields

    def followers_moved(self) -> dict[str, str]:
        """Copies whose original, written again with the same text, changed group."""
        return {copy: self.group_of[original]
                for copy, original in self.work.followers.items()
                if copy in self.entries and original in self.group_of
                and self.entries[copy].group != self.group_of[original]}
