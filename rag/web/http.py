"""HTTP pieces every web surface shares: the one error shape, API-key checks, request body
limits, the not-found/method-not-allowed answer for unknown paths, and the error handlers.

Every API error has one JSON shape, pinned by tests/test_server.py:

    {"error": {"status": 404, "code": "not_found", "message": "...", "hint": "..." | null}}

Imports: rag.errors only (and FastAPI/Starlette). The JSON API, the OpenAI-compatible API and
the UI import this module; it imports none of them.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rag.errors import RagError

log = logging.getLogger("rag.web")

JSON_BODY_LIMIT = 1_000_000  # bytes; questions are capped far lower by max_question_chars
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


def install_error_handlers(app: FastAPI) -> None:
    """One JSON shape for every error the API routes raise."""

    @app.exception_handler(RagError)
    async def rag_error(request: Request, exc: RagError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        if exc.status == 503:  # busy, or Chroma away: worth trying again shortly
            headers = {"Retry-After": str(getattr(exc, "retry_after", 5))}
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
