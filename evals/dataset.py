"""Eval datasets: JSON Lines of {"id", "question", "answer", "answerable", "sources"}.

Optional fields: "key_phrases" (strings; an answer containing any of them is correct) and
"type" (a label the report groups by). Other fields are ignored. Every line is checked before
anything runs; all malformed lines are reported together, each with its line number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rag.errors import InvalidInput

MAX_LISTED = 10  # malformed lines named in the error message


class DatasetError(InvalidInput):
    code = "invalid_dataset"

    def __init__(self, path: Path, problems: list[str]) -> None:
        listed = "; ".join(problems[:MAX_LISTED])
        more = f"; and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        super().__init__(f"{path}: {len(problems)} malformed line"
                         f"{'s' if len(problems) != 1 else ''}: {listed}{more}",
                         "fix these lines; see evals/datasets/README.md for the format")
        self.problems = problems


@dataclass(frozen=True)
class Item:
    id: str
    question: str
    answer: str
    answerable: bool
    sources: tuple[str, ...]
    key_phrases: tuple[str, ...] | None = None
    type: str | None = None
    as_of: str | None = None  # the day the question is asked on (YYYY-MM-DD): "last week"...
    line: int = 0


@dataclass(frozen=True)
class Dataset:
    path: Path
    sha256: str
    items: list[Item] = field(default_factory=list)

    def head(self, limit: int | None) -> Dataset:
        return self if limit is None else Dataset(self.path, self.sha256, self.items[:limit])


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def parse_line(raw: str) -> tuple[Item | None, str | None]:
    """(item, None) for a valid line, (None, problem) for a malformed one."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg} at column {exc.colno})"
    if not isinstance(data, dict):
        return None, "expected a JSON object"
    missing = [f for f in ("id", "question", "answer", "answerable", "sources") if f not in data]
    if missing:
        return None, f"missing {', '.join(repr(m) for m in missing)}"
    checks = [
        (isinstance(data["id"], str) and bool(data["id"].strip()),
         "'id' must be a non-empty string"),
        (isinstance(data["question"], str) and bool(data["question"].strip()),
         "'question' must be a non-empty string"),
        (isinstance(data["answer"], str), "'answer' must be a string"),
        (isinstance(data["answerable"], bool), "'answerable' must be true or false"),
        (_is_str_list(data["sources"]), "'sources' must be a list of file names"),
        ("key_phrases" not in data or _is_str_list(data["key_phrases"]),
         "'key_phrases' must be a list of strings"),
        ("as_of" not in data or _is_day(data["as_of"]), "'as_of' must be a YYYY-MM-DD date"),
    ]
    for ok, problem in checks:
        if not ok:
            return None, problem
    if data["answerable"] and not data["answer"].strip():
        return None, "an answerable question needs a reference 'answer'"
    if not data["answerable"] and (data["answer"].strip() or data["sources"]):
        return None, "an unanswerable question must have an empty 'answer' and no 'sources'"
    phrases = data.get("key_phrases")
    return Item(
        id=data["id"], question=data["question"].strip(), answer=data["answer"],
        answerable=data["answerable"], sources=tuple(data["sources"]),
        key_phrases=tuple(phrases) if phrases else None,
        type=data["type"] if isinstance(data.get("type"), str) else None,
        as_of=data.get("as_of"),
    ), None


def _is_day(value: Any) -> bool:
    try:
        dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def load_dataset(path: str | Path) -> Dataset:
    """Read and validate a dataset; raise `DatasetError` naming every malformed line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"cannot read dataset {path}: {exc.strerror or exc}",
                           "pass an existing JSONL file to --dataset") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"dataset {path} is not UTF-8 text") from exc
    items: list[Item] = []
    problems: list[str] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        item, problem = parse_line(line)
        if item is None:
            problems.append(f"line {number}: {problem}")
            continue
        if item.id in first_line:
            problems.append(f"line {number}: duplicate id {item.id!r} (first on line "
                            f"{first_line[item.id]})")
            continue
        first_line[item.id] = number
        items.append(replace(item, line=number))
    if problems:
        raise DatasetError(path, problems)
    if not items:
        raise InvalidInput(f"dataset {path} has no questions", "add JSON lines to it")
    return Dataset(path=path, sha256=hashlib.sha256(raw).hexdigest(), items=items)
