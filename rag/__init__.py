"""newsrag: answers about news articles, with citations checked against the sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Answer", "Assistant", "Settings", "get_settings"]

if TYPE_CHECKING:
    from .assistant import Assistant
    from .settings import Settings, get_settings
    from .types import Answer


def __getattr__(name: str) -> Any:
    # Lazy, so `import rag` (and `rag --help`) stays fast.
    if name == "Assistant":
        from .assistant import Assistant

        return Assistant
    if name in ("Settings", "get_settings"):
        from . import settings

        return getattr(settings, name)
    if name == "Answer":
        from .types import Answer

        return Answer
    raise AttributeError(name)
