"""`create_app`: the one FastAPI app behind `rag serve`, wiring the JSON API (/api), the
OpenAI-compatible API (/v1) and the Gradio UI (/) over one `Assistant`.

    app = create_app(assistant)          # uvicorn.run(app, host="127.0.0.1", port=7860)

Routes (see docs/server.md): GET /health; POST /api/ask, /api/search, /api/ingest;
GET /api/articles, /api/articles/{source}; GET /v1/models; POST /v1/chat/completions;
the UI at /. With `settings.api_key` set, every /api and /v1 call needs
`Authorization: Bearer <key>` and the UI asks for the key.

Imports: rag.web.http, rag.web.api, rag.web.openai_api and, only when the UI is mounted (so
that an API-only app never loads gradio), ui.app.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from rag.assistant import Assistant
from rag.settings import secret
from rag.types import Health
from rag.version import __version__
from rag.web import api, openai_api
from rag.web.http import BodyLimit, install_error_handlers


def create_app(assistant: Assistant, *, ui: bool = True) -> FastAPI:
    """The FastAPI app: JSON API, OpenAI-compatible API and (unless ui=False) the Gradio UI."""
    settings = assistant.settings
    app = FastAPI(title="newsrag", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json")  # no Swagger page: it loads a CDN
    app.state.assistant = assistant
    app.state.api_key = secret(settings.api_key)
    app.add_middleware(BodyLimit, upload_limit=settings.max_upload_bytes)
    install_error_handlers(app)

    @app.get("/health", response_model=Health, tags=["meta"],
             responses={503: {"model": Health, "description": "a dependency is down"}})
    async def health() -> JSONResponse:
        """Whether Chroma and the LLM answer, the corpus generation and the article count;
        503 when a dependency is down (for load balancers). Needs no key."""
        report = await run_in_threadpool(assistant.health)
        return JSONResponse(report.model_dump(), status_code=200 if report.status == "ok"
                            else 503)

    json_api = api.make_router(assistant)
    v1 = openai_api.make_router(assistant)
    app.include_router(json_api)
    app.include_router(v1)
    app.state.api_routes = [*json_api.routes, *v1.routes]  # for 405s (see http.no_route)

    if ui:
        from ui.app import mount_ui  # gradio loads here only

        mount_ui(app, assistant)  # last: the API routes above win over the UI's catch-all
    return app
