"""The HTTP server in-process (fastapi TestClient): every route, streaming, auth, uploads and
the one JSON error shape. The happy paths of /api/ask and /v1/chat/completions use the real
embedded LLM; `ScriptedLLM` stands in only where a test is about HTTP mechanics."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rag.assistant import Assistant
from rag.cli import app as cli_app
from rag.types import Answer, IngestReport
from rag.web.app import create_app
from rag.web.http import bind_problem

from .conftest import SEEDS, ScriptedLLM, settings_for

QUESTION = "What did Wang Yi tell Blinken about compromise on Taiwan?"
SCRIPTED = "Wang Yi said the Taiwan issue was not up for compromise [1]."
ARTICLE = ("Title: Harbour bridge reopens\ndate 2024-03-02\n\nThe harbour bridge in Port Vale "
           "reopened on Saturday after a two-year repair costing 40 million euros. The mayor "
           "said traffic would return to normal within a week.\n")
ERROR_KEYS = {"status", "code", "message", "hint"}


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """The one error shape: {"error": {"status", "code", "message", "hint"}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


@pytest.fixture()
def scripted(seeded_dir: Path) -> Assistant:
    """The seed index (read-only) with a scripted LLM: for tests of HTTP mechanics."""
    return Assistant(settings_for(seeded_dir), llm=ScriptedLLM(SCRIPTED))


@pytest.fixture()
def client(scripted: Assistant) -> TestClient:
    return TestClient(create_app(scripted, ui=False))


@pytest.fixture()
def writable(make_assistant) -> Assistant:  # noqa: ANN001
    """A fresh, writable index holding one small article."""
    assistant = make_assistant(llm=ScriptedLLM(SCRIPTED))
    folder = assistant.settings.data_dir.parent / "articles"
    folder.mkdir()
    (folder / "bridge.txt").write_text(ARTICLE)
    assistant.ingest([folder])
    return assistant


# --- meta and errors --------------------------------------------------------------------------
def test_health(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["chroma"]["ok"] and body["llm"]["ok"]
    assert body["articles"] == 5 and body["generation"]


@pytest.mark.parametrize("method,path,kwargs,status,code", [
    ("get", "/api/nope", {}, 404, "not_found"),
    ("post", "/v1/nope", {"json": {}}, 404, "not_found"),
    ("get", "/api/ask", {}, 405, "method_not_allowed"),
    ("post", "/api/ask", {"content": b"{not json", "headers": {"content-type":
                                                                "application/json"}},
     400, "invalid_json"),
    ("post", "/api/ask", {"content": b"question=hi"}, 400, "invalid_json"),
    ("post", "/api/ask", {"json": {"k": 3}}, 422, "invalid_request"),
    ("post", "/api/ask", {"json": {"question": "hi", "k": 0}}, 422, "invalid_request"),
    ("post", "/api/ask", {"json": {"question": "   "}}, 400, "invalid_question"),
    ("post", "/api/ask", {"json": {"question": "why " * 1000}}, 400, "invalid_question"),
    ("post", "/api/search", {"json": {"question": "x" * 3000}}, 400, "invalid_question"),
    ("post", "/api/ask", {"content": b"{" + b" " * 1_100_000 + b"}",
                          "headers": {"content-type": "application/json"}},
     413, "payload_too_large"),
    ("get", "/api/articles/missing.txt", {}, 404, "not_found"),
    ("post", "/v1/chat/completions", {"json": {"model": "newsrag", "messages": []}},
     422, "invalid_request"),
    ("post", "/v1/chat/completions", {"json": {"messages": [
        {"role": "assistant", "content": "hello"}]}}, 400, "invalid_request"),
    ("post", "/v1/chat/completions", {"json": {"stream": True, "messages": [
        {"role": "user", "content": ""}]}}, 400, "invalid_question"),
    ("get", "/v1/models/gpt-4", {}, 404, "model_not_found"),
])
def test_error_shape_is_pinned(client: TestClient, method: str, path: str,
                               kwargs: dict[str, Any], status: int, code: str) -> None:
    assert_error(getattr(client, method)(path, **kwargs), status, code)


def test_empty_index_is_a_409(make_assistant) -> None:  # noqa: ANN001
    client = TestClient(create_app(make_assistant(llm=ScriptedLLM(SCRIPTED)), ui=False))
    assert_error(client.post("/api/ask", json={"question": QUESTION}), 409, "empty_index")
    assert client.get("/api/articles").json() == []


def test_unhandled_errors_keep_the_shape(scripted: Assistant, monkeypatch) -> None:  # noqa: ANN001
    def boom(*args: Any, **kwargs: Any) -> None:
        raise ZeroDivisionError

    monkeypatch.setattr(scripted, "search", boom)
    client = TestClient(create_app(scripted, ui=False), raise_server_exceptions=False)
    assert_error(client.post("/api/search", json={"question": QUESTION}), 500, "internal_error")


# --- the JSON API ------------------------------------------------------------------------------
@pytest.mark.slow
def test_ask_with_the_real_llm(seeded: Assistant) -> None:
    client = TestClient(create_app(seeded, ui=False))
    response = client.post("/api/ask", json={"question": QUESTION, "k": 5})
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == set(Answer.model_fields)  # the fields of `rag ask --json`
    answer = Answer.model_validate(body)
    assert not answer.refused
    assert "compromise" in answer.answer.lower()
    assert answer.citations and all(c.verified for c in answer.citations)
    assert any(c.source == "004_fc99dd4d39aa1838.txt" for c in answer.citations)
    assert "[" in answer.answer  # markers in the text


def test_ask_passes_history_for_follow_ups(seeded_dir: Path) -> None:
    llm = ScriptedLLM("What did Wang Yi say about Taiwan?", SCRIPTED)
    client = TestClient(create_app(Assistant(settings_for(seeded_dir), llm=llm), ui=False))
    history = [{"role": "user", "content": "Who did Blinken meet?"},
               {"role": "assistant", "content": "Wang Yi [1]."}]
    response = client.post("/api/ask", json={"question": "What did he say about Taiwan?",
                                             "history": history})
    assert response.status_code == 200, response.text
    assert len(llm.calls) == 2  # condense the follow-up, then answer
    assert "Who did Blinken meet?" in llm.calls[0][0]["content"]


def test_search(client: TestClient) -> None:
    response = client.post("/api/search", json={"question": QUESTION, "k": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["question"] == QUESTION
    assert len(body["results"]) == 3
    assert {"source", "chunk_id", "score", "text", "start", "end"} <= set(body["results"][0])


def test_articles_and_article_text(client: TestClient) -> None:
    items = client.get("/api/articles").json()
    assert [a["source"] for a in items] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert {"source", "title", "published", "chunks"} <= set(items[0])
    assert all(a["chunks"] > 0 for a in items)
    text = client.get(f"/api/articles/{items[0]['source']}").json()["text"]
    assert text == (SEEDS / items[0]["source"]).read_text(encoding="utf-8-sig")


# --- ingest and uploads ------------------------------------------------------------------------
def test_ingest_multipart_upload(writable: Assistant) -> None:
    client = TestClient(create_app(writable, ui=False))
    files = [("files", ("ferry.md", b"# Ferry strike ends\n\nFerry crews in Port Vale ended "
                                    b"their strike on Monday after a pay deal.\n", "text/plain"))]
    response = client.post("/api/ingest", files=files)
    assert response.status_code == 200, response.text
    report = IngestReport.model_validate(response.json())
    assert (report.added, report.failed) == (1, [])
    sources = [a["source"] for a in client.get("/api/articles").json()]
    assert sources == ["bridge.txt", "ferry.md"]  # what was indexed before is still there
    assert (writable.settings.data_dir / "uploads" / "ferry.md").is_file()
    hits = client.post("/api/search", json={"question": "ferry strike pay deal"}).json()
    assert hits["results"][0]["source"] == "ferry.md"


def test_ingest_jsonl_body(writable: Assistant) -> None:
    client = TestClient(create_app(writable, ui=False))
    lines = "\n".join(json.dumps({"id": i, "title": f"Note {i}", "published_at": "2024-05-0"
                                  f"{i}", "body": f"Council note number {i} about parking."})
                      for i in (1, 2))
    response = client.post("/api/ingest?name=notes.jsonl", content=lines.encode(),
                           headers={"content-type": "application/x-ndjson"})
    assert response.status_code == 200, response.text
    assert response.json()["added"] == 2
    items = {a["source"]: a for a in client.get("/api/articles").json()}
    assert items["notes.jsonl#2"]["published"] == "2024-05-02"


@pytest.mark.parametrize("name,data,status,code", [
    ("photo.png", b"\x89PNG\r\n", 415, "unsupported_file_type"),
    ("noext", b"text", 415, "unsupported_file_type"),
    ("binary.txt", b"abc\x00def", 400, "invalid_input"),
    ("latin1.txt", "caf\u00e9 ol\u00e9".encode("latin-1"), 400, "invalid_input"),
    ("bad.jsonl", b'{"id": 1, "body": "fine"}\n{broken\n', 400, "invalid_input"),
    ("empty.txt", b"   ", 400, "invalid_input"),
])
def test_bad_uploads_are_rejected_and_nothing_is_lost(writable: Assistant, name: str,
                                                      data: bytes, status: int,
                                                      code: str) -> None:
    client = TestClient(create_app(writable, ui=False))
    before = client.get("/api/articles").json()
    good = ("files", ("good.txt", b"Port Vale opened a new library on Friday.", "text/plain"))
    response = client.post("/api/ingest", files=[good, ("files", (name, data, "text/plain"))])
    assert_error(response, status, code)
    assert client.get("/api/articles").json() == before
    uploads = writable.settings.data_dir / "uploads"
    assert not uploads.exists() or [p.name for p in uploads.iterdir()] == []


def test_upload_over_the_limit_is_413(make_assistant) -> None:  # noqa: ANN001
    assistant = make_assistant(llm=ScriptedLLM(SCRIPTED), max_upload_bytes=1000)
    client = TestClient(create_app(assistant, ui=False))
    files = [("files", ("big.txt", b"word " * 300, "text/plain"))]
    assert_error(client.post("/api/ingest", files=files), 413)
    assert client.get("/api/articles").json() == []


def test_ingest_needs_files(client: TestClient) -> None:
    assert_error(client.post("/api/ingest", json={"files": []}), 415, "unsupported_media_type")
    assert_error(client.post("/api/ingest", files={"note": (None, "x")}), 400, "invalid_input")


@pytest.mark.parametrize("name", ["../evil.txt", "../../evil.txt", "..\\evil.txt",
                                  "/tmp/evil.txt", "uploads/../../evil.txt", ".evil.txt",
                                  "..", "a/b.txt", "C:\\evil.txt"])
def test_uploads_cannot_escape_the_data_directory(writable: Assistant, name: str,
                                                  tmp_path: Path) -> None:
    client = TestClient(create_app(writable, ui=False))
    data_dir = writable.settings.data_dir
    before = {p for p in tmp_path.rglob("*")}
    response = client.post("/api/ingest", files=[("files", (name, b"Evil text here.", "t/p"))])
    if response.status_code != 200:  # the multipart parser itself may strip a drive prefix
        assert_error(response, 400, "invalid_input")
    created = {p for p in tmp_path.rglob("*")} - before
    assert all(data_dir in p.parents for p in created), created
    assert not Path("/tmp/evil.txt").exists()
    assert {p.parent for p in tmp_path.rglob("*evil.txt")} <= {data_dir / "uploads"}


# --- the OpenAI-compatible API -----------------------------------------------------------------
def test_models(client: TestClient) -> None:
    body = client.get("/v1/models").json()
    assert body["object"] == "list"
    assert [m["id"] for m in body["data"]] == ["newsrag"]
    assert client.get("/v1/models/newsrag").json()["id"] == "newsrag"


@pytest.mark.slow
def test_chat_completion_with_the_real_llm(seeded: Assistant) -> None:
    client = TestClient(create_app(seeded, ui=False))
    response = client.post("/v1/chat/completions", json={
        "model": "newsrag", "messages": [{"role": "system", "content": "Be brief."},
                                         {"role": "user", "content": QUESTION}]})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["object"] == "chat.completion"
    choice = body["choices"][0]
    assert choice["finish_reason"] == "stop"
    message = choice["message"]
    assert message["role"] == "assistant"
    assert "compromise" in message["content"].lower()
    assert message["refused"] is False
    assert message["citations"] and all(c["verified"] for c in message["citations"])
    for c in message["citations"]:
        assert f"[{c['n']}]" in message["content"]
    assert body["usage"]["prompt_tokens"] > 0


def sse_events(text: str) -> list[Any]:
    events = []
    for block in text.split("\n\n"):
        if block.strip():
            assert block.startswith("data: "), block
            data = block[len("data: "):]
            events.append(data if data == "[DONE]" else json.loads(data))
    return events


def test_chat_completion_stream_framing(client: TestClient) -> None:
    with client.stream("POST", "/v1/chat/completions", json={
            "model": "newsrag", "stream": True, "k": 3,
            "messages": [{"role": "user", "content": QUESTION}]}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = sse_events(response.read().decode())
    assert events[-1] == "[DONE]"
    chunks = events[:-1]
    assert all(c["object"] == "chat.completion.chunk" for c in chunks)
    assert len({c["id"] for c in chunks}) == 1
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    streamed = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
    assert streamed.strip() == SCRIPTED
    final = chunks[-1]["choices"][0]
    assert final["finish_reason"] == "stop"
    assert all(c["choices"][0]["finish_reason"] is None for c in chunks[:-1])
    citations = final["delta"]["citations"]
    assert citations and citations[0]["source"] == "004_fc99dd4d39aa1838.txt"
    assert citations[0]["verified"] is True
    assert final["delta"]["refused"] is False
    assert "[1]" in final["delta"]["answer"]


def test_chat_completion_accepts_content_parts_and_history(seeded_dir: Path) -> None:
    llm = ScriptedLLM("What did Wang Yi say about Taiwan?", SCRIPTED)
    client = TestClient(create_app(Assistant(settings_for(seeded_dir), llm=llm), ui=False))
    response = client.post("/v1/chat/completions", json={"model": "newsrag", "messages": [
        {"role": "user", "content": "Who did Blinken meet?"},
        {"role": "assistant", "content": "Wang Yi [1]."},
        {"role": "user", "content": [{"type": "text", "text": "What did he say about Taiwan?"}]},
    ], "temperature": 0.2, "max_tokens": 50})
    assert response.status_code == 200, response.text
    assert len(llm.calls) == 2
    assert response.json()["choices"][0]["message"]["citations"]


# --- auth ----------------------------------------------------------------------------------------
@pytest.fixture()
def keyed(seeded_dir: Path) -> TestClient:
    assistant = Assistant(settings_for(seeded_dir, api_key="s3cret-key"),
                          llm=ScriptedLLM(SCRIPTED))
    return TestClient(create_app(assistant, ui=False))


@pytest.mark.parametrize("method,path,kwargs", [
    ("get", "/api/articles", {}),
    ("get", "/api/articles/001_63b0898204a347c1.txt", {}),
    ("post", "/api/ask", {"json": {"question": QUESTION}}),
    ("post", "/api/search", {"json": {"question": QUESTION}}),
    ("post", "/api/ingest", {"files": [("files", ("a.txt", b"text", "text/plain"))]}),
    ("get", "/v1/models", {}),
    ("post", "/v1/chat/completions", {"json": {"stream": True, "messages": [
        {"role": "user", "content": QUESTION}]}}),
])
@pytest.mark.parametrize("header", [None, "Bearer wrong-key", "Basic s3cret-key", "s3cret-key",
                                    "Bearer "])
def test_api_key_required(keyed: TestClient, method: str, path: str, kwargs: dict[str, Any],
                          header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    response = getattr(keyed, method)(path, headers=headers, **kwargs)
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


def test_right_key_is_accepted(keyed: TestClient) -> None:
    auth = {"Authorization": "Bearer s3cret-key"}
    assert keyed.get("/api/articles", headers=auth).status_code == 200
    assert keyed.get("/v1/models", headers=auth).status_code == 200
    response = keyed.post("/api/search", headers=auth, json={"question": QUESTION})
    assert response.status_code == 200
    assert keyed.get("/health").status_code == 200  # liveness needs no key


def test_bind_without_key_is_refused_on_non_loopback() -> None:
    for host in ("127.0.0.1", "localhost", "::1", "127.0.0.2"):
        assert bind_problem(host, None) is None
    for host in ("0.0.0.0", "::", "192.168.1.10", "example.org"):
        problem = bind_problem(host, None)
        assert problem and "RAG_API_KEY" in problem and host in problem
        assert bind_problem(host, "key") is None


def test_cli_serve_refuses_open_bind(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.delenv("RAG_API_KEY", raising=False)
    result = CliRunner().invoke(cli_app, ["serve", "--host", "0.0.0.0", "--port", "9",
                                          "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "refusing to listen on 0.0.0.0 without an API key" in result.output


# --- the UI is mounted behind the API routes ---------------------------------------------------
def test_ui_is_mounted_and_api_routes_win(scripted: Assistant) -> None:
    client = TestClient(create_app(scripted))
    page = client.get("/")
    assert page.status_code == 200
    assert "text/html" in page.headers["content-type"]
    assert "fonts.googleapis" not in page.text and "cdn.jsdelivr" not in page.text
    assert client.get("/api/articles").headers["content-type"] == "application/json"
    assert_error(client.get("/api/unknown"), 404, "not_found")
    config = client.get("/config").json()
    assert "fonts.googleapis" not in json.dumps(config)
    css = client.get("/theme.css")
    assert css.status_code == 200 and "googleapis" not in css.text


def test_ui_with_a_key_asks_for_it(seeded_dir: Path) -> None:
    assistant = Assistant(settings_for(seeded_dir, api_key="s3cret-key"),
                          llm=ScriptedLLM(SCRIPTED))
    client = TestClient(create_app(assistant))
    page = client.get("/")
    assert page.status_code == 200 and '"auth_required":true' in page.text.replace(" ", "")
    assert client.get("/config").status_code == 401
    assert client.post("/login", data={"username": "me", "password": "wrong"}).status_code == 400
    assert client.post("/login", data={"username": "me",
                                       "password": "s3cret-key"}).status_code == 200
    assert client.get("/config").status_code == 200


def test_a_stream_whose_reader_has_gone_ends_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    # A client that disconnects, or a server loop that shuts down, leaves the generator's
    # thread with items and no one to read them: it stops, with no exception in the thread.
    import asyncio
    import threading
    import time

    from rag.threads import iterate_in_thread

    failures: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_value))
    finished = threading.Event()

    def slow() -> Any:
        try:
            yield "first"
            time.sleep(0.3)  # the loop closes meanwhile
            yield "second"
        finally:
            finished.set()

    async def read_one() -> str:
        async for item in iterate_in_thread(slow):
            return item
        return ""

    assert asyncio.run(read_one()) == "first"
    assert finished.wait(5)
    time.sleep(0.1)  # the thread's last put
    assert failures == []
