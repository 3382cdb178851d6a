"""The JSON API under /api: ask, search, articles, ingest. Thin: each route validates its body
and calls the `Assistant` in a worker thread.

Imports: rag (the Assistant, types, settings) and rag.web.http, rag.web.uploads.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from rag.assistant import Assistant
from rag.errors import InvalidInput, UploadTooLarge
from rag.types import Answer, ArticleInfo, FilterFields, IngestReport, SearchResult
from rag.web.http import CATCH_ALL_METHODS, ApiError, no_route, require_key
from rag.web.uploads import save_uploads

JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")


class ChatMessage(BaseModel):
    role: Literal["user", "assistant", "system"]
    content: str


class AskRequest(FilterFields):
    question: str = Field(description="A question about the indexed articles.")
    history: list[ChatMessage] = Field(
        default_factory=list, description="Earlier turns, oldest first, for follow-ups.")
    k: int | None = Field(None, ge=1, le=50, description="Chunks to retrieve.")


class SearchRequest(FilterFields):
    question: str
    k: int | None = Field(None, ge=1, le=50)


def make_router(assistant: Assistant) -> APIRouter:
    """The /api routes over `assistant`."""
    settings = assistant.settings
    api = APIRouter(prefix="/api", dependencies=[Depends(require_key)], tags=["api"])

    @api.post("/ask", response_model=Answer)
    async def ask(body: AskRequest) -> Answer:
        """Answer a question with verified citations: the fields of `rag ask --json`."""
        history = [m.model_dump() for m in body.history]
        return await run_in_threadpool(lambda: assistant.ask(
            body.question, history, body.k, **body.filter_kwargs()))

    @api.post("/search", response_model=SearchResult)
    async def search(body: SearchRequest) -> SearchResult:
        """The chunks retrieved for a question (no LLM)."""
        return await run_in_threadpool(lambda: assistant.search(
            body.question, body.k, **body.filter_kwargs()))

    @api.get("/articles", response_model=list[ArticleInfo])
    async def articles() -> list[ArticleInfo]:
        """Indexed articles: source (file), title, published (date), outlet, chunks."""
        return await run_in_threadpool(assistant.articles)

    @api.get("/articles/{source:path}")
    async def article(source: str) -> dict[str, str]:
        """One indexed article's full text (citation offsets point into it)."""
        text = await run_in_threadpool(assistant.article_text, source)
        if text is None:
            raise ApiError(404, "not_found", f"no indexed article {source!r}",
                           "GET /api/articles lists them")
        return {"source": source, "text": text}

    @api.post("/ingest", response_model=IngestReport)
    async def ingest(request: Request) -> IngestReport:
        """Add articles: multipart files (field `files`) or a JSONL body. Never prunes."""
        files = await read_uploads(request)
        paths = await run_in_threadpool(save_uploads, settings, files)
        return await run_in_threadpool(assistant.ingest, paths)

    @api.api_route("/{rest:path}", methods=CATCH_ALL_METHODS, include_in_schema=False)
    def api_not_found(request: Request, rest: str) -> None:
        raise no_route(request, "see docs/server.md")
    return api


async def read_uploads(request: Request) -> list[tuple[str | None, bytes]]:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        try:
            form = await request.form(max_files=1000)
        except (UploadTooLarge, ApiError):
            raise
        except Exception as exc:
            raise InvalidInput(f"the multipart body cannot be read: {exc}") from None
        files: list[tuple[str | None, bytes]] = []
        for _, value in form.multi_items():
            if isinstance(value, str):
                continue
            files.append((value.filename, await value.read()))
        return files
    if ctype in JSONL_TYPES:
        name = request.query_params.get("name") or "upload.jsonl"
        if not name.lower().endswith(".jsonl"):
            raise InvalidInput("a JSONL body needs a ?name= ending in .jsonl")
        return [(name, await request.body())]
    raise ApiError(415, "unsupported_media_type",
                   f"cannot ingest a {ctype or 'body without a content type'}",
                   "send multipart/form-data with files, or application/x-ndjson (JSONL)")
