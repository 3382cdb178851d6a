"""`rag serve` as a real process on 127.0.0.1, used by the official clients and a browser:
the `openai` SDK (stream and not), `gradio_client`, and headless Chromium through Playwright.
The server runs with an API key, so every client here also proves the key works end to end,
and with the default LLM (the embedded model)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from benchmarks.servers import free_port

from .browser import CHROMIUM, browser_page
from .conftest import ROOT

pytestmark = pytest.mark.slow

KEY = "live-test-key"
QUESTION = "What did Wang Yi tell Blinken about compromise on Taiwan?"
OUTPUT = ROOT / "test-output"


@pytest.fixture(scope="module")
def server(seeded_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`rag serve` over a copy of the seed index; yields its base URL; stopped afterwards."""
    work = tmp_path_factory.mktemp("live")
    data_dir = work / ".rag"
    shutil.copytree(seeded_dir, data_dir)
    port = free_port()
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("RAG_", "OPENAI_"))}
    env.update(RAG_DATA_DIR=str(data_dir), RAG_API_KEY=KEY, HF_HUB_OFFLINE="1",
               GRADIO_ANALYTICS_ENABLED="False", NO_PROXY="127.0.0.1,localhost")
    rag = Path(sys.executable).with_name("rag")
    command = [str(rag)] if rag.exists() else [sys.executable, "-m", "rag.cli"]
    log = (work / "serve.log").open("w")
    process = subprocess.Popen([*command, "serve", "--host", "127.0.0.1", "--port", str(port)],
                               env=env, cwd=work, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                pytest.fail(f"rag serve exited: {(work / 'serve.log').read_text()}")
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"rag serve did not start: {(work / 'serve.log').read_text()}")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


# --- the official openai client ----------------------------------------------------------------
def test_openai_client_non_streaming(server: str) -> None:
    from openai import OpenAI

    client = OpenAI(base_url=f"{server}/v1", api_key=KEY, max_retries=0, timeout=300)
    assert [m.id for m in client.models.list()] == ["newsrag"]
    reply = client.chat.completions.create(
        model="newsrag", messages=[{"role": "user", "content": QUESTION}])
    message = reply.choices[0].message
    assert message.content and "compromise" in message.content.lower()
    extra: dict[str, Any] = message.model_extra or {}
    assert extra["refused"] is False
    citations = extra["citations"]
    assert citations and all(c["verified"] for c in citations)
    assert any(c["source"] == "004_fc99dd4d39aa1838.txt" for c in citations)
    for c in citations:
        assert f"[{c['n']}]" in message.content


def test_openai_client_streaming(server: str) -> None:
    from openai import OpenAI

    client = OpenAI(base_url=f"{server}/v1", api_key=KEY, max_retries=0, timeout=300)
    stream = client.chat.completions.create(
        model="newsrag", stream=True, messages=[
            {"role": "user", "content": "Who did Blinken meet in Beijing?"},
            {"role": "assistant", "content": "He met Wang Yi [1]."},
            {"role": "user", "content": "What did Wang Yi tell him about compromise on Taiwan?"},
        ])
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert len(chunks) > 3 and text.strip()  # the words arrive as they are generated
    final = chunks[-1].choices[0]
    assert final.finish_reason == "stop"
    extra: dict[str, Any] = final.delta.model_extra or {}
    assert extra["refused"] is False
    assert extra["citations"] and all(c["verified"] for c in extra["citations"])
    for c in extra["citations"]:
        assert f"[{c['n']}]" in extra["answer"]


def test_openai_client_wrong_key(server: str) -> None:
    from openai import AuthenticationError, OpenAI

    client = OpenAI(base_url=f"{server}/v1", api_key="wrong", max_retries=0)
    with pytest.raises(AuthenticationError) as caught:
        client.models.list()
    assert caught.value.status_code == 401
    assert caught.value.code == "unauthorized"


# --- gradio_client against the UI --------------------------------------------------------------
def test_gradio_client(server: str) -> None:
    from gradio_client import Client

    client = Client(f"{server}/", auth=("reader", KEY), verbose=False)
    table = client.predict(api_name="/list_articles")
    assert [row[0] for row in table["data"]][:2] == ["000_4017704ab87b86ac.txt",
                                                     "001_63b0898204a347c1.txt"]
    found = client.predict("Taiwan compromise", 3, api_name="/search")
    assert len(found["results"]) == 3
    # The UI's filters: of the seeds only 000 carries a date (2024-01-13).
    dated = client.predict("Taiwan compromise", 5, "2024-01-01", "", "", "", api_name="/search")
    assert {r["source"] for r in dated["results"]} == {"000_4017704ab87b86ac.txt"}
    assert dated["filters"]["since"] == "2024-01-01"
    # As of the day before 000 was published: 000 is left out, the undated seeds stay.
    earlier = client.predict("Taiwan compromise", 5, "", "", "", "2024-01-12", api_name="/search")
    assert earlier["results"] and "000_4017704ab87b86ac.txt" not in {
        r["source"] for r in earlier["results"]}
    assert earlier["filters"]["as_of"] == "2024-01-12"
    chat, sources, _chunks, box = client.predict(QUESTION, [], 5, False, "", "", "", "",
                                                 api_name="/respond")
    assert box == ""
    reply = chat[-1]
    assert reply["role"] == "assistant"
    content = "".join(part.get("text", "") for part in reply["content"])
    assert 'class="rag-cite"' in content and "compromise" in content.lower()
    assert "<mark>" in sources and "004_fc99dd4d39aa1838.txt" in sources


def test_gradio_client_ingest(server: str, tmp_path: Path) -> None:
    from gradio_client import Client, handle_file

    article = tmp_path / "ferry.md"
    article.write_text("# Ferry strike ends\n\nFerry crews in Port Vale ended their strike "
                       "on Monday after a pay deal.\n")
    client = Client(f"{server}/", auth=("reader", KEY), verbose=False)
    report, table = client.predict([handle_file(str(article))], api_name="/ingest_files")
    assert "1 added" in report
    assert "ferry.md" in [row[0] for row in table["data"]]
    assert len(table["data"]) == 6  # the five seeds are still there


def test_gradio_client_needs_the_key(server: str) -> None:
    from gradio_client import Client

    with pytest.raises(Exception, match="(?i)login|auth|401"):
        Client(f"{server}/", auth=("reader", "wrong"), verbose=False)


# --- a real browser ----------------------------------------------------------------------------
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium "
                    "(apt-get install chromium chromium-driver)")
def test_browser_chat_with_clickable_citation(server: str) -> None:
    OUTPUT.mkdir(exist_ok=True)
    with browser_page(server) as page:  # fails if the page fetched anything from outside
        # The UI asks for the key.
        page.get_by_label("username").fill("reader")
        page.get_by_label("password").fill(KEY)
        page.keyboard.press("Enter")
        question = page.locator("#rag-question textarea")
        question.wait_for(timeout=60_000)
        page.evaluate("""() => {
            window.ragPartial = false;
            new MutationObserver(() => {
                const chat = document.querySelector('#rag-chat');
                if (chat && chat.innerText.includes('▌')) window.ragPartial = true;
            }).observe(document.body, {subtree: true, childList: true,
                                       characterData: true});
        }""")
        question.fill(QUESTION)
        question.press("Enter")
        cite = page.locator("#rag-chat a.rag-cite").first
        cite.wait_for(timeout=240_000)
        assert page.evaluate("window.ragPartial"), "no partial answer was seen streaming"
        assert "compromise" in page.locator("#rag-chat").inner_text().lower()
        target = cite.get_attribute("data-target")
        cite.click()
        card = page.locator("details.rag-source.rag-active")
        card.wait_for(timeout=10_000)
        page.screenshot(path=str(OUTPUT / "ui.png"), full_page=True)
        assert card.get_attribute("id") == target
        assert card.get_attribute("open") is not None
        mark = card.locator("mark").first
        assert mark.is_visible()  # the quoted span, highlighted and scrolled into view
        quote = mark.inner_text().strip()
        assert len(quote) > 20 and quote in card.locator(".rag-article").inner_text()
        assert ".txt" in card.locator("summary").inner_text()  # the article's file
