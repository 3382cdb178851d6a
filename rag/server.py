"""The HTTP server behind `rag serve`: one FastAPI app with the JSON API, the
OpenAI-compatible API and the Gradio UI, all over one `Assistant`.

    app = create_app(assistant)          # uvicorn.run(app, host="127.0.0.1", port=7860)

Routes (see docs/server.md): GET /health; POST /api/ask, /api/search, /api/ingest;
GET /api/articles, /api/articles/{source}; GET /v1/models; POST /v1/chat/completions;
the UI at /. With `settings.api_key` set, every /api and /v1 call needs
`Authorization: Bearer <key>` and the UI asks for the key.

Every API error has one JSON shape, pinned by tests/test_server.py:

    {"error": {"status": 404, "code": "not_found", "message": "...", "hint": "..." | null}}
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
from typing import Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import __version__
from .assistant import Assistant
from .errors import InvalidInput, RagError, UploadTooLarge
from .settings import secret
from .types import Answer, ArticleInfo, IngestReport, SearchResult
from .uploads import save_uploads

log = logging.getLogger("rag.server")

JSON_BODY_LIMIT = 1_000_000  # bytes; questions are capped far lower by max_question_chars
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")
_STATUS_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
                 405: "method_not_allowed", 413: "payload_too_large",
                 415: "unsupported_media_type", 422: "invalid_request"}
_NOT_OBJECT = {"model_attributes_type", "dict_type", "missing"}


class ApiError(RagError):
    """An error of the HTTP layer itself (auth, routing, request shape)."""

    def __init__(self, status: int, code: str, message: str, hint: str | None = None) -> None:
        super().__init__(message, hint)
        self.status, self.code = status, code


def error_body(status: int, code: str, message: str, hint: str | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "hint": hint}}


def error_response(exc: RagError, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(exc.status, exc.code, exc.message, exc.hint),
                        status_code=exc.status, headers=headers)


# --- security -------------------------------------------------------------------------------
def bind_problem(host: str, api_key: str | None) -> str | None:
    """Why listening on `host` is refused, or None. Without a key only loopback is allowed."""
    if api_key:
        return None
    if host == "localhost":
        return None
    try:
        if ipaddress.ip_address(host.strip("[]")).is_loopback:
            return None
    except ValueError:
        pass
    return (f"refusing to listen on {host} without an API key: anyone who can reach that "
            "address could read the indexed articles, add to them and use the model. Set "
            "RAG_API_KEY (clients then send `Authorization: Bearer <key>`), or listen on "
            "127.0.0.1.")


def key_matches(given: str | None, key: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), key.encode())


def require_key(request: Request) -> None:
    key: str | None = request.app.state.api_key
    if not key:
        return
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not key_matches(token.strip(), key):
        raise ApiError(401, "unauthorized",
                       "missing or wrong API key" if token else "this server needs an API key",
                       "send `Authorization: Bearer <RAG_API_KEY>` (OpenAI clients: api_key=)")


class BodyLimit:
    """Refuse request bodies over the limit before they are read (413), for API paths only."""

    def __init__(self, app: ASGIApp, upload_limit: int) -> None:
        self.app, self.upload_limit = app, upload_limit

    def limit(self, path: str) -> int | None:
        if path.rstrip("/") == "/api/ingest":
            return self.upload_limit + 1_000_000  # room for multipart framing
        if path.startswith(("/api/", "/v1/")):
            return JSON_BODY_LIMIT
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = self.limit(scope["path"]) if scope["type"] == "http" else None
        if limit is None:
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            response = JSONResponse(error_body(413, "payload_too_large",
                                               f"the request body is over {limit:,} bytes"),
                                    status_code=413)
            await response(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise ApiError(413, "payload_too_large",
                               f"the request body is over {limit:,} bytes")
            return message

        await self.app(scope, counted, send)


# --- request models -------------------------------------------------------------------------
class ChatMessage(BaseModel):
    role: Literal["user", "assistant", "system"]
    content: str


class AskRequest(BaseModel):
    question: str = Field(description="A question about the indexed articles.")
    history: list[ChatMessage] = Field(
        default_factory=list, description="Earlier turns, oldest first, for follow-ups.")
    k: int | None = Field(None, ge=1, le=50, description="Chunks to retrieve.")


class SearchRequest(BaseModel):
    question: str
    k: int | None = Field(None, ge=1, le=50)


class Health(BaseModel):
    status: str
    version: str


# --- the app --------------------------------------------------------------------------------
def create_app(assistant: Assistant, *, ui: bool = True) -> FastAPI:
    """The FastAPI app: JSON API, OpenAI-compatible API and (unless ui=False) the Gradio UI."""
    from .openai_compat import make_router

    settings = assistant.settings
    app = FastAPI(title="newsrag", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json")  # no Swagger page: it loads a CDN
    app.state.assistant = assistant
    app.state.api_key = secret(settings.api_key)
    app.add_middleware(BodyLimit, upload_limit=settings.max_upload_bytes)
    install_error_handlers(app)

    @app.get("/health", response_model=Health, tags=["meta"])
    def health() -> Health:
        """Liveness check; needs no key and tells nothing about the index."""
        return Health(status="ok", version=__version__)

    api = APIRouter(prefix="/api", dependencies=[Depends(require_key)], tags=["api"])

    @api.post("/ask", response_model=Answer)
    async def ask(body: AskRequest) -> Answer:
        """Answer a question with verified citations: the fields of `rag ask --json`."""
        history = [m.model_dump() for m in body.history]
        return await run_in_threadpool(assistant.ask, body.question, history, body.k)

    @api.post("/search", response_model=SearchResult)
    async def search(body: SearchRequest) -> SearchResult:
        """The chunks retrieved for a question (no LLM)."""
        return await run_in_threadpool(assistant.search, body.question, body.k)

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

    openai_api = make_router(assistant)
    app.include_router(api)
    app.include_router(openai_api)
    app.state.api_routes = [*api.routes, *openai_api.routes]

    if ui:
        from ui.app import mount_ui

        mount_ui(app, assistant)  # last: the API routes above win over the UI's catch-all
    return app


CATCH_ALL_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"]


def no_route(request: Request, hint: str) -> ApiError:
    """404, or 405 where the path exists for other methods (the catch-all routes that keep
    unknown /api and /v1 paths away from the UI would otherwise hide the 405)."""
    path = request.url.path
    for route in request.app.state.api_routes:
        methods = getattr(route, "methods", None)
        regex = getattr(route, "path_regex", None)
        if methods and regex and "{rest:path}" not in getattr(route, "path", "") \
                and regex.match(path) and request.method not in methods:
            return ApiError(405, "method_not_allowed",
                            f"{path} does not take {request.method}",
                            f"use {', '.join(sorted(methods - {'HEAD'}))}")
    return ApiError(404, "not_found", f"no route {path}", hint)


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


def install_error_handlers(app: FastAPI) -> None:
    """One JSON shape for every error the API routes raise."""

    @app.exception_handler(RagError)
    async def rag_error(request: Request, exc: RagError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(ApiError(400, "invalid_json", "the body is not valid JSON",
                                           "send a JSON object"))
        if any(tuple(e.get("loc", ())) == ("body",) and e.get("type") in _NOT_OBJECT
               for e in errors):
            return error_response(ApiError(400, "invalid_json", "the body is not a JSON object",
                                           "send a JSON object with Content-Type: "
                                           "application/json"))
        parts = []
        for e in errors[:5]:
            where = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
            parts.append(f"{where}: {e.get('msg', 'invalid')}")
        return error_response(ApiError(422, "invalid_request", "; ".join(parts),
                                       "see docs/server.md for the request fields"))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        return error_response(ApiError(exc.status_code, code, message))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(ApiError(500, "internal_error", "the server failed: "
                                       f"{type(exc).__name__}", "see the server's log"))
