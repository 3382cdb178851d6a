"""The catalog: which articles are indexed, with their full texts, in Chroma itself.

Chroma is the single source of truth, so any number of instances on one Chroma server (or one
embedded PersistentClient) see the same archive. Beside the chunks collection `NAME`, the
collection `NAME.articles` holds:
- one record per article, id = its source: the full text as the document (citations are
  verified against it) and its sha256, title, date, outlet, URL, file path and chunk count as
  metadata. It is written after the article's chunks, as the commit marker: a chunk counts only
  when its article's record names the chunk's sha256, so no reader sees a half-written article.
  An exact copy of another article (index.duplicates.copy_key) has a record but no chunks: its
  `copy_of` names the article whose chunks stand for it, and it shares that one's group;
- one record `META_ID`: the generation (a new id whenever the corpus changes: per-instance
  caches such as BM25 are rebuilt when it moves) and the chunking key the chunks were made with.

Each record needs a vector; the articles collection is never searched by vector, so every
record carries the same one-dimensional vector.

An index from the release that kept the catalog on local disk (`catalog.json` and `texts/` in
the collection's folder) is migrated the first time it is opened here.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import socket
import tempfile
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from rag.errors import IndexFormatError
from rag.types import Article, ArticleInfo

log = logging.getLogger(__name__)

META_ID = "__newsrag_meta__"
HOST = socket.gethostname()
_VECTOR = [1.0]  # the articles collection's one vector (see above)
_PAGE = 1000  # records per Chroma call when listing


class Entry(BaseModel):
    source: str
    path: str = Field("", description="Absolute path of the file the article was read from.")
    host: str = Field("", description="The machine that path is on.")
    sha256: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    chunks: int = 0
    group: str = Field("", description="Near-duplicate group: the source it is named after.")
    minhash: str = Field("", description="MinHash signature (index.duplicates).")
    copy_key: str = Field("", description="What exact copies share (index.duplicates.copy_key).")
    copy_of: str = Field("", description="For an exact copy: the article whose chunks stand "
                         "for it (it has none of its own).")
    body_start: int = Field(0, description="The article's body within its text, so that a "
                            "copy can be chunked from the catalog alone when its original goes.")
    body_end: int = 0

    def metadata(self) -> dict[str, Any]:
        """Chroma metadata: no None values (Chroma rejects them)."""
        return {"kind": "article", **{k: v for k, v in self.model_dump().items()
                                      if v is not None and k != "source"}}

    @classmethod
    def from_record(cls, source: str, meta: dict[str, Any]) -> Entry:
        return cls(source=source, **{k: v for k, v in meta.items() if k in cls.model_fields})


def summary(infos: Sequence[ArticleInfo]) -> str:
    """The archive at a glance: "293 articles, 2019-01-03 to 2020-12-30 (4 undated);
    outlets: Wikinews 290, AP 3"."""
    if not infos:
        return "no articles indexed"
    dates = sorted(i.published for i in infos if i.published)
    undated = len(infos) - len(dates)
    span = f", {dates[0]} to {dates[-1]}" if dates else ""
    counts: dict[str, int] = {}
    for info in infos:
        if info.outlet:
            counts[info.outlet] = counts.get(info.outlet, 0) + 1
    outlets = ", ".join(f"{name} {n}" for name, n in
                        sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:8])
    return (f"{len(infos)} article{'s' if len(infos) != 1 else ''}{span}"
            + (f" ({undated} undated)" if undated and dates else "")
            + (f"; outlets: {outlets}" if outlets else ""))


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _batches(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class Catalog:
    def __init__(self, client: Any, name: str, legacy_dir: Path | None = None) -> None:
        self.collection = client.get_or_create_collection(
            f"{name}.articles", metadata={"newsrag": "articles"}, embedding_function=None)
        self.max_batch = int(client.get_max_batch_size())
        self.legacy_dir = legacy_dir
        if legacy_dir is not None and (legacy_dir / "catalog.json").exists():
            self._migrate(legacy_dir)

    # --- the generation and the chunking key ----------------------------------------------
    def meta(self) -> dict[str, Any]:
        got = self.collection.get(ids=[META_ID], include=["metadatas"])
        if not got["ids"]:
            return {}
        meta = dict(got["metadatas"][0] or {})
        meta["chunking"] = json.loads(meta.get("chunking") or "{}")
        return meta

    def generation(self) -> str | None:
        return self.meta().get("generation")

    def chunking(self) -> dict[str, Any]:
        return dict(self.meta().get("chunking") or {})

    def bump(self, chunking: dict[str, Any] | None = None) -> str:
        """A new generation (the corpus changed), keeping or replacing the chunking key."""
        generation = uuid.uuid4().hex
        key = chunking if chunking is not None else self.chunking()
        self.collection.upsert(ids=[META_ID], embeddings=[_VECTOR], documents=[""],
                               metadatas=[{"kind": "meta", "generation": generation,
                                           "chunking": json.dumps(key, sort_keys=True)}])
        return generation

    # --- articles ----------------------------------------------------------------------------
    def get(self, source: str) -> Entry | None:
        return self.get_many([source]).get(source)

    def get_many(self, sources: Sequence[str]) -> dict[str, Entry]:
        found: dict[str, Entry] = {}
        for batch in _batches(list(dict.fromkeys(sources)), self.max_batch):
            got = self.collection.get(ids=list(batch), include=["metadatas"])
            for source, meta in zip(got["ids"], got["metadatas"], strict=True):
                found[source] = Entry.from_record(source, dict(meta or {}))
        return found

    def entries(self) -> list[Entry]:
        entries: list[Entry] = []
        offset = 0
        while True:
            got = self.collection.get(where={"kind": "article"}, include=["metadatas"],
                                      limit=_PAGE, offset=offset)
            if not got["ids"]:
                return entries
            entries += [Entry.from_record(source, dict(meta or {}))
                        for source, meta in zip(got["ids"], got["metadatas"], strict=True)]
            offset += len(got["ids"])

    def members(self, groups: Sequence[str]) -> dict[str, list[str]]:
        """The articles of each near-duplicate group."""
        found: dict[str, list[str]] = {}
        if groups:
            got = self.collection.get(where={"group": {"$in": list(dict.fromkeys(groups))}},
                                      include=["metadatas"])
            for source, meta in zip(got["ids"], got["metadatas"], strict=True):
                found.setdefault(str((meta or {}).get("group")), []).append(source)
        return found

    def copies_of(self, sources: Sequence[str]) -> list[tuple[Entry, str]]:
        """The exact copies recorded for these articles, each with its full text."""
        found: list[tuple[Entry, str]] = []
        for batch in _batches(list(dict.fromkeys(sources)), _PAGE):
            got = self.collection.get(where={"copy_of": {"$in": list(batch)}},
                                      include=["metadatas", "documents"])
            found += [(Entry.from_record(source, dict(meta or {})), text or "")
                      for source, meta, text in zip(got["ids"], got["metadatas"],
                                                    got["documents"], strict=True)]
        return found

    def set_groups(self, groups: Mapping[str, str]) -> None:
        """Move articles to other near-duplicate groups (copies following their original)."""
        if groups:
            self.collection.update(ids=list(groups),
                                   metadatas=[{"group": group} for group in groups.values()])

    def is_empty(self) -> bool:
        return not self.collection.get(where={"kind": "article"}, limit=1)["ids"]

    def info(self) -> list[ArticleInfo]:
        return [ArticleInfo(source=e.source, title=e.title, published=e.published,
                            outlet=e.outlet, chunks=e.chunks, sha256=e.sha256,
                            group=e.group or e.source, copy_of=e.copy_of or None)
                for e in sorted(self.entries(), key=lambda e: e.source)]

    def records(self, sources: Sequence[str]) -> dict[str, tuple[Entry, str]]:
        """Each indexed article's entry and full text, in one call per batch."""
        found: dict[str, tuple[Entry, str]] = {}
        for batch in _batches(list(dict.fromkeys(sources)), self.max_batch):
            got = self.collection.get(ids=list(batch), include=["metadatas", "documents"])
            for source, meta, text in zip(got["ids"], got["metadatas"], got["documents"],
                                          strict=True):
                found[source] = (Entry.from_record(source, dict(meta or {})), text or "")
        return found

    def text(self, source: str) -> str | None:
        record = self.records([source]).get(source)
        return record[1] if record else None

    def checked_text(self, source: str) -> str | None:
        """The stored text read afresh from Chroma, or None unless its sha256 is still the one
        recorded at ingest: what citations are verified against."""
        record = self.records([source]).get(source)
        if record is None or sha256_text(record[1]) != record[0].sha256:
            return None
        return record[1]

    def put(self, items: Sequence[tuple[Article, Path, str, int]],
            fields: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        """Write articles' records (article, file, sha256, chunk count; `fields`: source ->
        further Entry fields, e.g. group, minhash, copy_key, copy_of, host), in the order
        given: each one's commit marker, so call it after their chunks are in the chunks
        collection (and for a copy, after its original's record)."""
        fields = fields or {}
        for batch in _batches(list(items), self.max_batch):
            entries = [Entry(**{"source": a.source, "path": str(p.resolve()), "host": HOST,
                                "sha256": sha, "title": a.title, "published": a.published,
                                "outlet": a.outlet, "url": a.url, "chunks": n,
                                "body_start": a.body_start, "body_end": a.body_end,
                                **fields.get(a.source, {})})
                       for a, p, sha, n in batch]
            self.collection.upsert(
                ids=[e.source for e in entries], embeddings=[_VECTOR] * len(entries),
                documents=[a.text for a, _, _, _ in batch],
                metadatas=[e.metadata() for e in entries])

    def move(self, source: str, path: Path) -> None:
        """An unchanged article now read from another file."""
        self.collection.update(ids=[source],
                               metadatas=[{"path": str(path.resolve()), "host": HOST}])

    def remove(self, sources: Sequence[str]) -> None:
        for batch in _batches(list(sources), self.max_batch):
            self.collection.delete(ids=list(batch))

    # --- the local catalog of the previous release --------------------------------------------
    def _migrate(self, directory: Path) -> None:
        """Copy `catalog.json` and `texts/` into Chroma once; the chunks stay as they are."""
        if not self.is_empty():
            raise IndexFormatError(
                f"{directory} holds a local catalog, but Chroma already has articles for this "
                "collection", f"delete {directory / 'catalog.json'} or use another "
                "RAG_COLLECTION")
        data = json.loads((directory / "catalog.json").read_text(encoding="utf-8"))
        items = []
        for source, entry in (data.get("articles") or {}).items():
            text_path = directory / "texts" / f"{entry['sha256']}.txt"
            if not text_path.exists():
                raise IndexFormatError(f"the local catalog's text of {source} is missing",
                                       "re-ingest the articles (`rag ingest PATH`)")
            article = Article(source=source, text=text_path.read_text(encoding="utf-8"),
                              body_start=0, body_end=0, title=entry.get("title"),
                              published=entry.get("published"), outlet=entry.get("outlet"),
                              url=entry.get("url"))
            items.append((article, Path(entry.get("path") or source), entry["sha256"],
                          int(entry.get("chunks", 0))))
        self.put(items)
        self.bump(data.get("chunking") or {})
        (directory / "catalog.json").rename(directory / "catalog.json.migrated")
        shutil.rmtree(directory / "texts", ignore_errors=True)
        log.warning("moved the local catalog of %d articles into Chroma", len(items))
