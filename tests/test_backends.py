"""The server modes: a real Chroma server (`chroma run`) and a real OpenAI-compatible LLM
server (llama-cpp-python's) on 127.0.0.1, reached through chromadb's and openai's clients."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from benchmarks.servers import chroma_command, free_port, running
from rag.assistant import Assistant
from rag.errors import LLMAuthError, LLMUnavailable, VectorStoreUnavailable
from rag.models.llm import OpenAIChat, materialize

from .conftest import SEEDS, settings_for

pytestmark = pytest.mark.slow


def test_ingest_and_search_against_a_chroma_server(tmp_path: Path):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with running(chroma_command(tmp_path / "chroma", port), f"{url}/api/v2/heartbeat",
                 tmp_path / "chroma.log"):
        assistant = Assistant(settings_for(tmp_path / ".rag", chroma_url=url))
        first = assistant.ingest([SEEDS])
        assert first.added == 5 and assistant.store.count() == first.chunks
        again = Assistant(settings_for(tmp_path / ".rag", chroma_url=url)).ingest([SEEDS])
        assert again.skipped == 5
        hits = assistant.search("Which news agency reported the Blinken-Liu dialogue?").results
        assert "003_dc6220cf6404607d.txt" in [h.source for h in hits]
    with pytest.raises(VectorStoreUnavailable, match="cannot reach the Chroma server"):
        Assistant(settings_for(tmp_path / ".rag", chroma_url=url)).search("Blinken")


@pytest.fixture(scope="module")
def llm_server(tmp_path_factory: pytest.TempPathFactory):
    port = free_port()
    model = materialize("qwen2.5-coder-0.5b-instruct")
    args = [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host",
            "127.0.0.1", "--port", str(port), "--api_key", "test-key", "--n_ctx", "2048",
            "--model_alias", "qwen-local"]
    log = tmp_path_factory.mktemp("llm") / "server.log"
    with running(args, f"http://127.0.0.1:{port}/v1/models", log,
                 headers={"Authorization": "Bearer test-key"}):
        yield f"http://127.0.0.1:{port}/v1"


def test_answers_through_the_openai_client_and_a_local_server(seeded_dir, llm_server):
    settings = settings_for(seeded_dir, openai_base_url=llm_server, openai_api_key="test-key",
                            llm_model="qwen-local")
    assert settings.resolved_llm_backend == "openai"
    assistant = Assistant(settings)
    assert isinstance(assistant.llm.model, OpenAIChat)  # behind its concurrency cap
    answer = assistant.ask("Why was Blinken's February visit to China called off?")
    assert answer.model.llm == "qwen-local"
    assert not answer.refused and "balloon" in answer.answer.lower()
    assert answer.citations and all(c.verified for c in answer.citations)


def test_wrong_api_key_and_unreachable_server_are_clear_errors(seeded_dir, llm_server):
    wrong = Assistant(settings_for(seeded_dir, openai_base_url=llm_server,
                                   openai_api_key="wrong", llm_model="qwen-local"))
    with pytest.raises(LLMAuthError, match="API key"):
        wrong.ask("Who is Xie Feng?")
    gone = Assistant(settings_for(seeded_dir, openai_base_url=f"http://127.0.0.1:{free_port()}/v1",
                                  llm_model="qwen-local"))
    with pytest.raises(LLMUnavailable, match="cannot reach the LLM server"):
        gone.ask("Who is Xie Feng?")


def test_cite_first_asks_the_server_in_json_mode(seeded_dir, llm_server):
    import json

    from rag.answer.select import SelectPrompts, format_numbered, number_sentences, schema

    from .test_answer_select import sources

    settings = settings_for(seeded_dir, openai_base_url=llm_server, openai_api_key="test-key",
                            llm_model="qwen-local", answer_mode="cite_first")
    prompts = SelectPrompts.load()
    reply = OpenAIChat(settings).complete_json(
        [{"role": "system", "content": prompts.system.render()},
         {"role": "user", "content": prompts.user.render(
             sentences=format_numbered(number_sentences(sources())),
             question="How long was the port of Valdora closed?", most="4")}],
        schema(5), 48, 0.0)
    assert isinstance(json.loads(reply), dict)  # JSON mode: an object, whatever it names
    answer = Assistant(settings).ask("Why was Blinken's February visit to China called off?")
    assert "select_ms" in answer.timings_ms
    assert all(c.verified for c in answer.citations)
