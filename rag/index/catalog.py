"""The local catalog: which articles are indexed, from which file, with which content hash.

It lives beside the BM25 index in `data_dir/collections/NAME/`: `catalog.json` (written
atomically, so a crash leaves the old or the new version, never half of one) and `texts/`, the
articles' full texts addressed by their sha256, which citations are verified against.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import uuid
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from rag.types import Article, ArticleInfo


class Entry(BaseModel):
    source: str
    path: str = Field(description="Absolute path of the file the article was read from.")
    sha256: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    chunks: int = 0


class CatalogData(BaseModel):
    revision: str = ""
    chunking: dict[str, Any] = Field(default_factory=dict)
    articles: dict[str, Entry] = Field(default_factory=dict)


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


class Catalog:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.path = directory / "catalog.json"
        self.texts = directory / "texts"
        self.data = (CatalogData.model_validate_json(self.path.read_bytes())
                     if self.path.exists() else CatalogData())

    def __contains__(self, source: str) -> bool:
        return source in self.data.articles

    def get(self, source: str) -> Entry | None:
        return self.data.articles.get(source)

    def entries(self) -> list[Entry]:
        return list(self.data.articles.values())

    def info(self) -> list[ArticleInfo]:
        return [ArticleInfo(source=e.source, title=e.title, published=e.published,
                            outlet=e.outlet, chunks=e.chunks, sha256=e.sha256)
                for e in sorted(self.data.articles.values(), key=lambda e: e.source)]

    def put(self, article: Article, path: Path, sha: str, chunks: int) -> None:
        text_path = self.texts / f"{sha}.txt"
        if not text_path.exists():
            write_atomic(text_path, article.text.encode("utf-8"))
        self.data.articles[article.source] = Entry(
            source=article.source, path=str(path.resolve()), sha256=sha, title=article.title,
            published=article.published, outlet=article.outlet, url=article.url, chunks=chunks,
        )

    def remove(self, source: str) -> None:
        self.data.articles.pop(source, None)

    def text(self, source: str) -> str | None:
        entry = self.get(source)
        if entry is None:
            return None
        path = self.texts / f"{entry.sha256}.txt"
        return path.read_text(encoding="utf-8") if path.exists() else None

    def checked_text(self, source: str) -> str | None:
        """The stored text read afresh from disk, or None unless its sha256 is still the one
        the catalog recorded at ingest: what citations are verified against."""
        entry = self.get(source)
        if entry is None:
            return None
        path = self.texts / f"{entry.sha256}.txt"
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            return None
        return data.decode("utf-8")

    def save(self) -> None:
        """Write the catalog with a fresh revision (the BM25 index compares revisions)."""
        self.data.revision = uuid.uuid4().hex
        write_atomic(self.path, self.data.model_dump_json(indent=1).encode("utf-8"))

    def collect_garbage(self) -> None:
        """Delete stored texts that no article refers to any more."""
        if not self.texts.exists():
            return
        live = {f"{e.sha256}.txt" for e in self.data.articles.values()}
        for path in self.texts.iterdir():
            if path.name not in live:
                path.unlink(missing_ok=True)

    def dump(self) -> str:
        return json.dumps(self.data.model_dump(), indent=1)
