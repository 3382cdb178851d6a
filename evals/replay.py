"""Recorded model replies, so that a change to the checks is measured without the model.

    rag eval --dataset D --corpus C --replay runs/replies.jsonl

The answer's checks (verify, constraints, checks, decide, fallback) read only the question, the
evidence and the model's reply, and the embedded model answers greedily (temperature 0), so
the same prompt gets the same reply. `ReplayChat` keeps every reply in a JSONL file keyed by a
hash of the whole request; a request seen before is answered from the file, a new one (a
changed prompt or evidence) goes to the real model and is added. A development set answered
once can then be re-scored under changed checks in seconds instead of an hour.

A replayed run's times say nothing (`summary.json` records how many replies were replayed);
replies recorded at a temperature above 0 are samples, not the model's one answer.

Imports: rag.models.llm (the chat model protocol) only.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rag.models.llm import ChatModel, Message, complete_json, yes_probability


def request_key(kind: str, messages: list[Message], **options: Any) -> str:
    """One request's identity: what it asks (stream or JSON), the messages and the options."""
    body = json.dumps([kind, messages, options], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class ReplayChat:
    """A chat model answering from recorded replies; the real one (built by `make_inner` on
    the first request not recorded) answers the rest, and its replies are recorded."""

    def __init__(self, path: Path, make_inner: Callable[[], ChatModel]) -> None:
        self.path = Path(path)
        self._make_inner = make_inner
        self._inner: ChatModel | None = None
        self._lock = threading.Lock()  # one writer of the file
        self._replies: dict[str, Any] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    self._replies[row["key"]] = row["value"]
        self.replayed = 0  # replies read from the file
        self.asked = 0  # replies asked of the model (token counts are recorded, not counted)

    @property
    def name(self) -> str:
        return self.inner.name if self._inner is not None else "replay"

    @property
    def inner(self) -> ChatModel:
        with self._lock:
            if self._inner is None:
                self._inner = self._make_inner()
            return self._inner

    def _recorded(self, key: str) -> Any:
        value = self._replies.get(key)
        if value is not None:
            self.replayed += 1
        return value

    def _record(self, key: str, value: Any, reply: bool = True) -> None:
        with self._lock:
            self.asked += reply
            self._replies[key] = value
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(json.dumps({"key": key, "value": value}, ensure_ascii=False) + "\n")

    def stream(self, messages: list[Message], max_tokens: int, temperature: float,
               stop: list[str] | None = None) -> Iterator[str]:
        key = request_key("stream", messages, max_tokens=max_tokens,
                          temperature=temperature, stop=stop)
        recorded = self._recorded(key)
        if recorded is not None:
            yield recorded
            return
        parts = []
        for delta in self.inner.stream(messages, max_tokens, temperature, stop):
            parts.append(delta)
            yield delta
        self._record(key, "".join(parts))  # only a whole reply is recorded

    def complete_json(self, messages: list[Message], schema: dict[str, Any], max_tokens: int,
                      temperature: float) -> str:
        key = request_key("json", messages, schema=schema, max_tokens=max_tokens,
                          temperature=temperature)
        recorded = self._recorded(key)
        if recorded is None:
            recorded = complete_json(self.inner, messages, schema, max_tokens, temperature)
            self._record(key, recorded)
        return str(recorded)

    def yes_probability(self, messages: list[Message]) -> float | None:
        key = request_key("yes", messages)
        if key in self._replies:
            self.replayed += 1
            value: float | None = self._replies[key]
            return value
        judged = yes_probability(self.inner, messages)
        self._record(key, judged)  # None too: a backend that cannot tell, recorded as such
        return judged

    def count_tokens(self, messages: list[Message]) -> int | None:
        key = request_key("count", messages)
        if key in self._replies:
            value: int | None = self._replies[key]
            return value
        counted = self.inner.count_tokens(messages)
        if counted is not None:
            self._record(key, counted, reply=False)
        return counted
