"""An OpenAI-compatible chat API, so any OpenAI SDK can use newsrag as a model.

    client = OpenAI(base_url="http://127.0.0.1:7860/v1", api_key=RAG_API_KEY or "none")
    reply = client.chat.completions.create(model="newsrag", messages=[...])

The last message must be the user's question; earlier user and assistant messages are the
history used to read follow-ups; system messages are ignored (newsrag has its own prompt).
`k` may be sent as an extra body field. temperature, max_tokens and the like are ignored.

Citations travel as [n] markers in the text and in extension fields (documented in
docs/server.md):
- non-streaming: `choices[0].message.citations` (list of citations, as in `rag ask --json`),
  `choices[0].message.refused` and `choices[0].message.status` ("answered", "partial": the
  closest passage quoted, or "refused");
- streaming: the deltas are the model's words as it writes them; the final chunk (the one with
  `finish_reason: "stop"`) carries `choices[0].delta.citations`, `.refused`, `.status` and
  `.answer`, the checked answer text with its [n] markers, which replaces the streamed text.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from rag.assistant import Assistant
from rag.errors import RagError
from rag.text import approx_tokens
from rag.threads import iterate_in_thread
from rag.types import Answer, FilterFields
from rag.web.http import CATCH_ALL_METHODS, ApiError, error_body, no_route, require_key

MODEL_ID = "newsrag"


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str
    text: str | None = None


class ChatMessageIn(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(p.text or "" for p in self.content if p.type == "text")
        return self.content or ""


class ChatCompletionRequest(FilterFields):
    model_config = ConfigDict(extra="allow")  # temperature, max_tokens, ...: accepted, ignored
    model: str = MODEL_ID
    messages: list[ChatMessageIn] = Field(min_length=1)
    stream: bool = False
    k: int | None = Field(None, ge=1, le=50, description="newsrag extension: chunks to retrieve.")
    # newsrag extensions too (send them as extra body fields): since, until, outlets, as_of.


def split_messages(messages: list[ChatMessageIn]) -> tuple[str, list[dict[str, str]]]:
    """(question, history) from an OpenAI message list."""
    last = messages[-1]
    if last.role != "user":
        raise ApiError(400, "invalid_request", "the last message must be the user's question",
                       "end `messages` with {\"role\": \"user\", \"content\": ...}")
    history = [{"role": m.role, "content": m.text()} for m in messages[:-1]
               if m.role in ("user", "assistant") and m.text()]
    return last.text(), history


def citation_fields(answer: Answer) -> dict[str, Any]:
    return {"citations": [c.model_dump() for c in answer.citations], "refused": answer.refused,
            "status": answer.status}


def make_router(assistant: Assistant) -> APIRouter:
    router = APIRouter(prefix="/v1", dependencies=[Depends(require_key)], tags=["openai"])

    @router.get("/models")
    def models() -> dict[str, Any]:
        """One model, `newsrag`: retrieval plus the configured LLM, with checked citations."""
        return {"object": "list", "data": [
            {"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "newsrag",
             "llm": assistant.model_info.llm}]}

    @router.get("/models/{model_id}")
    def model(model_id: str) -> dict[str, Any]:
        if model_id != MODEL_ID:
            raise ApiError(404, "model_not_found", f"no model {model_id!r}",
                           f"the only model is {MODEL_ID!r}")
        return {"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "newsrag"}

    @router.post("/chat/completions", response_model=None)
    async def chat_completions(body: ChatCompletionRequest) -> dict[str, Any] | StreamingResponse:
        question, history = split_messages(body.messages)
        ident, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        if not body.stream:
            answer = await run_in_threadpool(lambda: assistant.ask(
                question, history, body.k, **body.filter_kwargs()))
            completion = approx_tokens(answer.answer)
            prompt = answer.prompt_tokens or 0
            return {
                "id": ident, "object": "chat.completion", "created": created,
                "model": body.model,
                "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                             "message": {"role": "assistant", "content": answer.answer,
                                         "refusal": None, **citation_fields(answer)}}],
                "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                          "total_tokens": prompt + completion},
            }

        events = iterate_in_thread(lambda: assistant.stream(question, history, body.k,
                                                            **body.filter_kwargs()))
        # Pull the first event now, so that a bad question or an empty index is an HTTP error
        # with the usual JSON shape rather than an error inside a 200 stream.
        try:
            first = await anext(events)
        except StopAsyncIteration:
            raise ApiError(500, "internal_error", "the answer stream ended early") from None

        def chunk(delta: dict[str, Any], finish: str | None = None) -> str:
            payload = {"id": ident, "object": "chat.completion.chunk", "created": created,
                       "model": body.model,
                       "choices": [{"index": 0, "delta": delta, "finish_reason": finish,
                                    "logprobs": None}]}
            return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"

        async def sse() -> AsyncIterator[str]:
            yield chunk({"role": "assistant", "content": ""})
            try:
                event: str | Answer = first
                pending: AsyncIterator[str | Answer] = events
                while True:
                    if isinstance(event, Answer):
                        yield chunk({"answer": event.answer, **citation_fields(event)}, "stop")
                        break
                    if event:
                        yield chunk({"content": event})
                    event = await anext(pending)
            except RagError as exc:
                error = error_body(exc.status, exc.code, exc.message, exc.hint)
                yield f"data: {json.dumps(error)}\n\n"
            except StopAsyncIteration:
                pass
            yield "data: [DONE]\n\n"

        return StreamingResponse(sse(), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    @router.api_route("/{rest:path}", methods=CATCH_ALL_METHODS, include_in_schema=False)
    def v1_not_found(request: Request, rest: str) -> None:
        raise no_route(request, "newsrag serves /v1/models and /v1/chat/completions")

    return router
