"""Uploaded articles: checked, then stored under `data_dir/uploads/` for ingest.

Used by the HTTP API (POST /api/ingest) and the UI. Nothing here trusts the client's file
name: it must be a plain name (no folder, no leading dot) of a supported type, and the
resolved destination must lie inside the uploads folder. Every file is parsed before any is
stored, so one bad file rejects the request and leaves the index and the folder as they were.
"""

from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path

from rag.errors import InvalidInput, UnsupportedFileType, UploadTooLarge
from rag.index.articles import SUPPORTED_SUFFIXES, load_file
from rag.settings import Settings

_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._ ()+-]{0,200}$")


def uploads_dir(settings: Settings) -> Path:
    return settings.data_dir / "uploads"


def safe_name(name: str | None) -> str:
    """The client's file name if it is a plain, supported file name; else an error."""
    name = (name or "").strip()
    if not name:
        raise InvalidInput("an uploaded file has no name", "send each file with its file name")
    if "/" in name or "\\" in name or name in (".", "..") or "\x00" in name:
        raise InvalidInput(f"file name {name!r} contains a path",
                           "send the file's own name, without folders")
    if not _SAFE_NAME.match(name):
        raise InvalidInput(f"file name {name!r} is not allowed",
                           "use letters, digits, spaces and . _ - ( ) +; no leading dot")
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFileType(f"{name}: unsupported file type {suffix or '(none)'!r}",
                                  "use .txt, .md, .html or .jsonl")
    return name


def save_uploads(settings: Settings,
                 files: Sequence[tuple[str | None, bytes]]) -> list[Path]:
    """Check and store uploaded files; return their paths, ready for `Assistant.ingest`."""
    if not files:
        raise InvalidInput("no files were uploaded", "send one or more files")
    total = sum(len(data) for _, data in files)
    if total > settings.max_upload_bytes:
        raise UploadTooLarge(f"the upload is {total:,} bytes; the limit is "
                             f"{settings.max_upload_bytes:,}",
                             "send fewer or smaller files, or raise RAG_MAX_UPLOAD_BYTES")
    names = [safe_name(name) for name, _ in files]
    if len(set(names)) != len(names):
        raise InvalidInput("two uploaded files have the same name", "rename one of them")
    root = uploads_dir(settings).resolve()
    staging = root / f".staging-{uuid.uuid4().hex}"
    staging.mkdir(parents=True)
    try:
        for name, (_, data) in zip(names, files, strict=True):
            staged = _inside(staging, name)
            staged.write_bytes(data)
            load_file(staged, settings.max_file_bytes)  # parse now: reject before storing
        stored = []
        for name in names:
            target = _inside(root, name)
            os.replace(staging / name, target)
            stored.append(target)
        return stored
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _inside(folder: Path, name: str) -> Path:
    path = (folder / name).resolve()
    if path.parent != folder.resolve():
        raise InvalidInput(f"file name {name!r} points outside the uploads folder")
    return path
