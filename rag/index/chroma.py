"""The Chroma client, embedded or a server, and Chroma's failures as domain errors.

`connect` reaches a local `chroma run`, a protected server (a token header) or Chroma's hosted,
distributed service (tenant, database, API key) through chromadb's own HttpClient; chromadb is
imported only when a client is made.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from rag.errors import RagError, VectorStoreUnavailable
from rag.settings import Settings, secret


def connect(settings: Settings) -> Any:
    """A Chroma client: persistent files under data_dir, or an HTTP client for chroma_url."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise VectorStoreUnavailable(f"bad Chroma URL {settings.chroma_url!r}",
                                         "use the form http://HOST:PORT")
        token = secret(settings.chroma_token)
        headers = {settings.chroma_token_header: (f"Bearer {token}" if settings.
                   chroma_token_header.lower() == "authorization" else token)} if token else None
        try:
            client = chromadb.HttpClient(
                host=url.hostname, port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https", headers=headers, settings=chroma_settings,
                tenant=settings.chroma_tenant, database=settings.chroma_database,
            )
            client.heartbeat()
        except Exception as exc:
            raise VectorStoreUnavailable(
                f"cannot reach the Chroma server at {settings.chroma_url}",
                "start it with `chroma run --path DIR --host 127.0.0.1 --port PORT` "
                "or unset RAG_CHROMA_URL",
            ) from exc
        return client
    path = settings.data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


@contextlib.contextmanager
def chroma_errors(settings: Settings) -> Iterator[None]:
    """Chroma's failures (a server stopped or unreachable mid-request) as
    `VectorStoreUnavailable` (HTTP 503). Nothing is cached about a failed call, so when the
    server is back the next request works, with no restart."""
    try:
        yield
    except RagError:
        raise
    except Exception as exc:
        module = type(exc).__module__
        if not (module.startswith(("chromadb", "httpx", "httpcore"))
                or isinstance(exc, ConnectionError)):
            raise
        where = f"the Chroma server at {settings.chroma_url}" if settings.chroma_url else "Chroma"
        raise VectorStoreUnavailable(
            f"{where} failed: {type(exc).__name__}: {str(exc)[:200]}",
            "check that the Chroma server is running; newsrag reconnects by itself"
            if settings.chroma_url else "check the data directory") from exc
