"""A tiny OpenAI-compatible chat server for the tests and the load benchmark:

    python -m benchmarks.fake_llm --port 8089 --delay 0.5

It answers POST /v1/chat/completions (streaming, as server-sent events in OpenAI's chunk format
ending with `data: [DONE]`, and non-streaming) and GET /v1/models, each after sleeping `--delay`
seconds. Requests run concurrently (one thread each), so the delay stands for an LLM server
with room for many requests at once, and nothing else about it is realistic: it costs almost
no CPU.

The reply is made from the prompt alone: newsrag lists its numbered sources as
"[1] Title (date)" followed by the text, so the answer is the first sentence of source [1]'s
text followed by " [1]." (which newsrag's citation checks can verify); without a source [1]
it answers "The sources do not say.". Any API key is accepted. It listens on a loopback
address only and calls nothing.

Imports: the standard library only.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import re
import sys
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

NO_ANSWER = "The sources do not say."
MODEL = "fake"
_SENTENCE = re.compile(r"(.+?[.!?][\"'\u201d\u2019)]*)(?=\s|$)")


def message_text(content: Any) -> str:
    """A message's text: a string, or OpenAI's list of content parts."""
    if isinstance(content, list):
        return "".join(p.get("text") or "" for p in content
                       if isinstance(p, dict) and p.get("type") == "text")
    return content if isinstance(content, str) else ""


def reply_for(messages: list[dict[str, Any]]) -> str:
    """The first sentence of source [1] in the last message, cited; or NO_ANSWER."""
    if not messages:
        return NO_ANSWER
    lines = message_text(messages[-1].get("content")).splitlines()
    for i, line in enumerate(lines[:-1]):
        if line.startswith("[1]"):
            text = lines[i + 1].strip()
            if not text:
                break
            match = _SENTENCE.match(text)
            sentence = (match.group(1) if match else text).strip()
            sentence = re.sub(r"\.([\"'\u201d\u2019)]*)$", r"\1", sentence)  # ' [1].' ends it
            return f"{sentence} [1]."
    return NO_ANSWER


def words(text: str) -> list[str]:
    """The reply in word-sized deltas (each keeps its leading space), as a model streams."""
    return re.findall(r"\s*\S+", text) or [text]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: every response has a Content-Length
    server_version = "fake-llm/1"
    delay = 0.0

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        pass  # quiet: a load test makes thousands of requests

    def send_json(self, status: int, payload: dict[str, Any]) -> None:
        self.send_body(status, json.dumps(payload).encode(), "application/json")

    def send_body(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def error(self, status: int, message: str) -> None:
        self.send_json(status, {"error": {"message": message, "type": "invalid_request_error",
                                          "code": None}})

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].rstrip("/")
        if path == "/v1/models":
            self.send_json(200, {"object": "list", "data": [
                {"id": MODEL, "object": "model", "created": 0, "owned_by": "fake-llm"}]})
        elif path == "/health":
            self.send_json(200, {"status": "ok"})
        else:
            self.error(404, f"no route {path}")

    def do_POST(self) -> None:
        path = self.path.split("?", 1)[0].rstrip("/")
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if path != "/v1/chat/completions":
            self.error(404, f"no route {path}")
            return
        try:
            body = json.loads(raw or b"{}")
            messages = body["messages"]
            assert isinstance(messages, list)
        except (ValueError, KeyError, TypeError, AssertionError):
            self.error(400, "the body must be a JSON object with a `messages` list")
            return
        time.sleep(self.delay)  # this thread only: other requests go on
        text = reply_for(messages)
        model = body.get("model") or MODEL
        ident, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        prompt = sum(len(message_text(m.get("content")).split()) for m in messages
                     if isinstance(m, dict))
        usage = {"prompt_tokens": prompt, "completion_tokens": len(words(text)),
                 "total_tokens": prompt + len(words(text))}
        if not body.get("stream"):
            self.send_json(200, {
                "id": ident, "object": "chat.completion", "created": created, "model": model,
                "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                             "message": {"role": "assistant", "content": text,
                                         "refusal": None}}],
                "usage": usage})
            return

        def chunk(delta: dict[str, Any], finish: str | None = None) -> str:
            payload = {"id": ident, "object": "chat.completion.chunk", "created": created,
                       "model": model, "choices": [{"index": 0, "delta": delta,
                                                    "finish_reason": finish,
                                                    "logprobs": None}]}
            return f"data: {json.dumps(payload)}\n\n"

        events = [chunk({"role": "assistant", "content": ""})]
        events += [chunk({"content": piece}) for piece in words(text)]
        events += [chunk({}, "stop"), "data: [DONE]\n\n"]
        self.send_body(200, "".join(events).encode(), "text/event-stream")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # room for many clients connecting at once


def serve(port: int, delay: float, host: str = "127.0.0.1") -> Server:
    """A server on host:port (not yet serving: call `serve_forever`)."""
    if not ipaddress.ip_address(host).is_loopback:
        raise ValueError(f"the fake LLM listens on loopback addresses only, not {host}")
    handler = type("FakeHandler", (Handler,), {"delay": delay})
    return Server((host, port), handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fake_llm",
                                     description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--delay", type=float, default=0.5,
                        help="seconds each request sleeps before it answers [0.5]")
    parser.add_argument("--host", default="127.0.0.1", help="a loopback address [127.0.0.1]")
    args = parser.parse_args(argv)
    try:
        server = serve(args.port, args.delay, args.host)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"fake LLM on http://{args.host}:{args.port}/v1 (delay {args.delay} s)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
