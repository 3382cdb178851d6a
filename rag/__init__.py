"""newsrag: answers about news articles, with citations checked against the sources.

The layout is the architecture (README, "How it is built"):

- `assistant`: `Assistant`, the one object behind every surface;
- `answer/`: the answer path as named stages (condense, evidence, generate, verify, checks,
  decide), plain functions with typed inputs and outputs;
- `index/`: articles, chunking, the catalog, ingest, Chroma, BM25 and hybrid retrieval;
- `models/`: the embedders and chat models, each behind one factory;
- `web/`: the HTTP surface of `rag serve` (JSON API, OpenAI-compatible API, the UI's mount);
- `cli`, `doctor`: the command line; shared: `settings`, `errors`, `types`, `prompts`,
  `text`, `threads`.

Imports run one way: surfaces (cli, web, ui) -> assistant -> answer, index, models -> shared
modules. rag never imports ui (but rag.web.app, to mount it), evals, benchmarks or tests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rag.version import __version__

__all__ = ["Answer", "Assistant", "Settings", "__version__", "get_settings"]

if TYPE_CHECKING:
    from rag.assistant import Assistant
    from rag.settings import Settings, get_settings
    from rag.types import Answer


def __getattr__(name: str) -> Any:
    # Lazy, so `import rag` (and `rag --help`) stays fast.
    if name == "Assistant":
        from rag.assistant import Assistant

        return Assistant
    if name in ("Settings", "get_settings"):
        from rag import settings

        return getattr(settings, name)
    if name == "Answer":
        from rag.types import Answer

        return Answer
    raise AttributeError(name)
