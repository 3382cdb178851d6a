"""Shared fixtures. Real parts throughout: the packaged embedder and LLM, a real Chroma.

- `seeded`: one index of the seed articles, built once per session (read-only for tests).
- `llm`: the embedded LLM, loaded once per session and shared.
- `make_assistant(tmp_path, **settings)`: a fresh, empty index for tests that write.
- `ScriptedLLM`: replies chosen by the test, only for faults and edge cases a real model
  cannot be made to produce on demand (a citation of a source that does not exist, say).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
for _name in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
    os.environ.pop(_name, None)  # tests pick their LLM explicitly

from rag.assistant import Assistant  # noqa: E402
from rag.settings import Settings, get_settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


class ScriptedLLM:
    """A chat model whose replies the test scripts, recording what it was sent."""

    name = "scripted"

    def __init__(self, *replies: str) -> None:
        self.replies = list(replies)
        self.calls: list[list[dict[str, str]]] = []

    def stream(self, messages, max_tokens, temperature, stop=None) -> Iterator[str]:  # noqa: ANN001
        self.calls.append(messages)
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        for word in reply.split(" "):
            yield word + " "

    def count_tokens(self, messages) -> None:  # noqa: ANN001
        return None


def settings_for(data_dir: Path, **overrides: object) -> Settings:
    return get_settings(data_dir=data_dir, **overrides)


@pytest.fixture(scope="session")
def llm():
    """The embedded LLM, loaded in this process once it has generated in a child process: a
    crash inside llama.cpp then fails the tests that need the model, with the CPU's flags,
    instead of killing the whole run."""
    from rag.doctor import probe_generation
    from rag.models.llm import LlamaCppChat

    probe = probe_generation(get_settings())
    if not probe.ok:
        pytest.fail(f"the embedded LLM does not run here: {probe.detail}", pytrace=False)
    return LlamaCppChat(get_settings())


@pytest.fixture(scope="session")
def seeded_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("seeded") / ".rag"
    Assistant(settings_for(data_dir)).ingest([SEEDS])
    return data_dir


@pytest.fixture()
def seeded(seeded_dir: Path, llm) -> Assistant:  # noqa: ANN001
    """An assistant over the seed articles with the real embedded LLM (do not ingest into it)."""
    return Assistant(settings_for(seeded_dir), llm=llm)


@pytest.fixture()
def make_assistant(tmp_path: Path):
    def factory(llm=None, **overrides: object) -> Assistant:  # noqa: ANN001
        return Assistant(settings_for(tmp_path / ".rag", **overrides), llm=llm)

    return factory
