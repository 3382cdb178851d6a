"""Several instances on one Chroma server, concurrency per resource, and faults.

Real parts throughout: `chroma run` and `rag serve` as processes on 127.0.0.1, stopped and
killed by their own PIDs; a scripted or fake LLM only where the test is about HTTP mechanics or
needs a slow or dead model on demand.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from benchmarks.servers import chroma_command, free_port, running
from rag.assistant import Assistant
from rag.web.app import create_app

from .conftest import ROOT, SEEDS, ScriptedLLM, settings_for

pytestmark = pytest.mark.slow

QUESTION = "Which prominent American did Xi Jinping meet the week before Blinken?"
RAG = Path(sys.executable).with_name("rag")


@pytest.fixture()
def chroma(tmp_path: Path) -> Iterator[dict[str, Any]]:
    """A real Chroma server; `restart()` starts it again on the same port and files."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    state: dict[str, Any] = {"url": url, "path": tmp_path / "chroma"}
    stack: list[Any] = []

    def start() -> None:
        context = running(chroma_command(state["path"], port), f"{url}/api/v2/heartbeat",
                          tmp_path / "chroma.log")
        state["proc"] = context.__enter__()
        stack.append(context)

    def stop() -> None:
        stack.pop().__exit__(None, None, None)  # SIGTERM by its PID, then wait

    state.update(start=start, stop=stop)
    start()
    try:
        yield state
    finally:
        while stack:
            stop()


def serve_env(data_dir: Path, chroma_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RAG_", "OPENAI_"))}
    env.update(RAG_DATA_DIR=str(data_dir), RAG_CHROMA_URL=chroma_url, HF_HUB_OFFLINE="1",
               GRADIO_ANALYTICS_ENABLED="False", **extra)
    return env


def serve(tmp_path: Path, name: str, chroma_url: str, **extra: str) -> Any:
    port = free_port()
    command = [str(RAG), "serve", "--host", "127.0.0.1", "--port", str(port)]
    context = running(command, f"http://127.0.0.1:{port}/health", tmp_path / f"{name}.log",
                      timeout=180, env=serve_env(tmp_path / name / ".rag", chroma_url, **extra),
                      cwd=tmp_path)
    return context, f"http://127.0.0.1:{port}"


def upload(base: str, *files: Path, timeout: float = 600) -> httpx.Response:
    return httpx.post(f"{base}/api/ingest", timeout=timeout, trust_env=False,
                      files=[("files", (f.name, f.read_bytes())) for f in files])


# --- two instances, one Chroma ------------------------------------------------------------------

def test_two_instances_on_one_chroma_server_share_one_archive(tmp_path: Path, chroma) -> None:
    a_ctx, a = serve(tmp_path, "a", chroma["url"])
    b_ctx, b = serve(tmp_path, "b", chroma["url"])
    with a_ctx, b_ctx, httpx.Client(timeout=600, trust_env=False) as http:
        report = upload(a, *sorted(SEEDS.iterdir()))
        assert report.status_code == 200, report.text
        assert report.json()["added"] == 5

        listed = http.get(f"{b}/api/articles").json()
        assert sorted(x["source"] for x in listed) == sorted(p.name for p in SEEDS.iterdir())
        answer = http.post(f"{b}/api/ask", json={"question": QUESTION}).json()
        assert not answer["refused"] and "Gates" in answer["answer"], answer
        assert answer["citations"] and all(c["verified"] for c in answer["citations"])

        # An article changed through B is seen changed by A (B's data dir holds no copy of
        # the others; everything lives in Chroma).
        changed = tmp_path / "002_7ebb27fb1a25ca6a.txt"
        changed.write_text("The ferry to Kinmen was cancelled because of fog on Tuesday.\n")
        assert upload(b, changed).json()["updated"] == 1
        text = http.get(f"{a}/api/articles/002_7ebb27fb1a25ca6a.txt").json()["text"]
        assert text.startswith("The ferry to Kinmen")
        hits = http.post(f"{a}/api/search", json={"question": "ferry Kinmen fog"}).json()
        assert hits["results"][0]["source"] == "002_7ebb27fb1a25ca6a.txt"

        health_a, health_b = http.get(f"{a}/health").json(), http.get(f"{b}/health").json()
        assert health_a["generation"] == health_b["generation"] is not None
        assert health_a["articles"] == health_b["articles"] == 5
        assert health_a["chroma"]["ok"] and health_a["status"] == "ok"


def test_parallel_ingests_of_overlapping_folders_converge(tmp_path: Path, chroma) -> None:
    seeds = sorted(SEEDS.iterdir())
    left, right = tmp_path / "left", tmp_path / "right"
    for folder, files in ((left, seeds[:4]), (right, seeds[1:])):
        folder.mkdir()
        for f in files:
            shutil.copy(f, folder / f.name)
    env = serve_env(tmp_path / "x" / ".rag", chroma["url"])
    runs = [subprocess.Popen([str(RAG), "ingest", str(folder), "--data-dir",
                              str(tmp_path / folder.name / ".rag")], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for folder in (left, right)]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err.decode()

    assistant = Assistant(settings_for(tmp_path / "check" / ".rag", chroma_url=chroma["url"]))
    assert sorted(a.source for a in assistant.articles()) == [p.name for p in seeds]
    ids = [chunk_id for chunk_id, _, _ in assistant.store.iter_chunks()]
    assert len(ids) == len(set(ids))
    reference = Assistant(settings_for(tmp_path / "ref" / ".rag"))
    reference.ingest([SEEDS])
    assert sorted(ids) == sorted(i for i, _, _ in reference.store.iter_chunks())


# --- faults ---------------------------------------------------------------------------------------

def test_chroma_stopped_mid_service_is_a_503_and_recovers_without_a_restart(
        tmp_path: Path, chroma) -> None:
    assistant = Assistant(settings_for(tmp_path / ".rag", chroma_url=chroma["url"]),
                          llm=ScriptedLLM("Xi met Bill Gates [1]."))
    assistant.ingest([SEEDS])
    client = TestClient(create_app(assistant, ui=False))
    assert client.post("/api/search", json={"question": "Bill Gates"}).status_code == 200

    chroma["stop"]()
    down = client.post("/api/search", json={"question": "Bill Gates"})
    assert down.status_code == 503, down.text
    error = down.json()["error"]
    assert error["code"] == "vector_store_unavailable" and "Chroma" in error["hint"]
    assert down.headers["retry-after"]
    health = client.get("/health")
    assert health.status_code == 503 and health.json()["chroma"]["ok"] is False

    chroma["start"]()  # the same port and files: the same instance answers again
    assert client.post("/api/search", json={"question": "Bill Gates"}).status_code == 200
    assert client.get("/health").status_code == 200


@pytest.fixture()
def fake_llm(tmp_path: Path) -> Iterator[str]:
    """benchmarks.fake_llm: an OpenAI-compatible server that answers after 5 s."""
    port = free_port()
    command = [sys.executable, "-m", "benchmarks.fake_llm", "--port", str(port), "--delay", "5"]
    with running(command, f"http://127.0.0.1:{port}/v1/models", tmp_path / "fake.log",
                 cwd=ROOT):
        yield f"http://127.0.0.1:{port}/v1"


def test_llm_down_is_502_slow_is_504_and_retrieval_keeps_working(
        seeded_dir: Path, fake_llm: str) -> None:
    dead = Assistant(settings_for(seeded_dir, openai_base_url=f"http://127.0.0.1:{free_port()}/v1",
                                  openai_api_key="x", llm_model="m"))
    client = TestClient(create_app(dead, ui=False))
    down = client.post("/api/ask", json={"question": QUESTION})
    assert down.status_code == 502 and down.json()["error"]["code"] == "llm_unavailable"
    assert client.post("/api/search", json={"question": QUESTION}).status_code == 200
    assert client.get("/health").json()["llm"]["ok"] is False

    slow = Assistant(settings_for(seeded_dir, openai_base_url=fake_llm, openai_api_key="x",
                                  llm_model="fake", llm_timeout_s=1))
    late = TestClient(create_app(slow, ui=False)).post("/api/ask", json={"question": QUESTION})
    assert late.status_code == 504 and late.json()["error"]["code"] == "llm_timeout"


class SlowLLM(ScriptedLLM):
    def stream(self, messages, max_tokens, temperature, stop=None):  # noqa: ANN001, ANN201
        time.sleep(2)
        yield from super().stream(messages, max_tokens, temperature, stop)


def test_a_full_llm_queue_answers_503_with_retry_after(seeded_dir: Path) -> None:
    assistant = Assistant(settings_for(seeded_dir, llm_queue=0),
                          llm=SlowLLM("Xi met Bill Gates [1]."))
    client = TestClient(create_app(assistant, ui=False))
    results: list[httpx.Response] = []
    threads = [threading.Thread(target=lambda: results.append(
        client.post("/api/ask", json={"question": QUESTION}))) for _ in range(2)]
    for thread in threads:
        thread.start()
        time.sleep(0.5)  # the first holds the model when the second arrives
    for thread in threads:
        thread.join()
    assert sorted(r.status_code for r in results) == [200, 503]
    busy = next(r for r in results if r.status_code == 503)
    assert busy.json()["error"]["code"] == "busy" and int(busy.headers["retry-after"]) > 0


def test_kill_9_during_an_upload_ingest_then_a_rerun_converges(tmp_path: Path, chroma) -> None:
    # 60 articles of 40 news sentences (benchmarks.synthetic): about 8 chunks each, so the
    # ingest commits in several groups and a kill lands between two of them.
    from benchmarks.synthetic import ArticleMaker

    maker = ArticleMaker(seed=7)
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("\n".join(json.dumps(maker.article(i, 40)) for i in range(60)) + "\n",
                      encoding="utf-8")
    context, base = serve(tmp_path, "a", chroma["url"])
    with context as proc:
        worker = threading.Thread(target=lambda: _quietly(upload, base, corpus))
        worker.start()
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:  # until part of it is committed
            articles = httpx.get(f"{base}/health", trust_env=False).json()["articles"] or 0
            if articles >= 5:
                break
            time.sleep(0.2)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        worker.join()
    survivor = Assistant(settings_for(tmp_path / "check" / ".rag", chroma_url=chroma["url"]))
    assert 5 <= len(survivor.articles()) < 60  # killed mid-way: some committed, some not

    again_ctx, again = serve(tmp_path, "b", chroma["url"])
    with again_ctx:
        report = upload(again, corpus).json()
    assert report["added"] + report["skipped"] == 60 and report["skipped"] >= 5
    ids = [i for i, _, _ in survivor.store.iter_chunks()]
    assert len(ids) == len(set(ids))
    reference = Assistant(settings_for(tmp_path / "ref" / ".rag"))
    reference.ingest([corpus])
    assert sorted(ids) == sorted(i for i, _, _ in reference.store.iter_chunks())
    assert len(survivor.articles()) == 60


def _quietly(fn: Any, *args: Any) -> None:
    with contextlib.suppress(httpx.HTTPError):  # the server was killed under it
        fn(*args)


# --- the previous release's local catalog ---------------------------------------------------

def test_a_local_catalog_of_the_previous_release_moves_into_chroma(tmp_path: Path) -> None:
    folder = tmp_path / ".rag" / "collections" / "news"
    (folder / "texts").mkdir(parents=True)
    text = "Title: Dam\n\nThe dam opened in May."
    import hashlib

    sha = hashlib.sha256(text.encode()).hexdigest()
    (folder / "texts" / f"{sha}.txt").write_text(text, encoding="utf-8")
    (folder / "catalog.json").write_text(json.dumps({
        "revision": "r1", "chunking": {"chunker": 2, "chunk_size": 96},
        "articles": {"dam.txt": {"source": "dam.txt", "path": "/x/dam.txt", "sha256": sha,
                                 "title": "Dam", "published": "2020-05-01", "chunks": 1}}}))
    assistant = Assistant(settings_for(tmp_path / ".rag"))
    [info] = assistant.articles()
    assert (info.source, info.title, info.published) == ("dam.txt", "Dam", "2020-05-01")
    assert assistant.article_text("dam.txt") == text
    assert not (folder / "catalog.json").exists() and not (folder / "texts").exists()
