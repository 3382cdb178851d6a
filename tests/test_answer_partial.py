"""`partial`, on every surface: an answer the checks refuse, over evidence that holds a passage
bearing on the question, comes back as that passage, quoted with a verified citation; the
status shows in the Python API, `rag ask` (text and --json), /api/ask and /v1/chat/completions.

The model's reply is scripted (a made-up figure the checks must refuse); the index, the
retrieval, the checks and the citation verification are real."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rag.answer.fallback import LEAD
from rag.assistant import Assistant
from rag.types import Answer
from rag.web.app import create_app

from .conftest import ScriptedLLM, settings_for

QUESTION = "How long did Blinken meet Foreign Minister Qin Gang on Sunday?"
MADE_UP = "Blinken met Qin Gang for 12 hours [1]."  # seed 001: seven and a half hours


@pytest.fixture()
def partial_assistant(seeded_dir: Path) -> Assistant:
    return Assistant(settings_for(seeded_dir), llm=ScriptedLLM(MADE_UP))


def check_partial(answer: Answer) -> None:
    assert answer.status == "partial" and answer.refused
    assert answer.refusal_code == "unsupported" and answer.refusal_reason
    assert answer.answer.startswith(f'{LEAD} Closest passage: "')
    [citation] = answer.citations
    assert citation.verified and citation.source == "001_63b0898204a347c1.txt"
    assert "seven and a half hours" in citation.quote
    assert f'"{citation.quote}" [{citation.n}]' in answer.answer


def test_python_api(partial_assistant: Assistant) -> None:
    answer = partial_assistant.ask(QUESTION)
    check_partial(answer)
    text = partial_assistant.article_text(answer.citations[0].source)
    assert text is not None
    assert text[answer.citations[0].start:answer.citations[0].end] == answer.citations[0].quote


def test_a_refusal_with_nothing_that_bears_on_the_question_stays_a_refusal(seeded_dir: Path
                                                                            ) -> None:
    assistant = Assistant(settings_for(seeded_dir),
                          llm=ScriptedLLM("The final was won 3-1 in extra time [1]."))
    answer = assistant.ask("Who won the 2022 football World Cup final?")
    assert answer.status == "refused" and answer.refused and answer.citations == []


def test_cli_text_and_json(partial_assistant: Assistant, monkeypatch: pytest.MonkeyPatch
                           ) -> None:
    from rag import cli

    monkeypatch.setattr(cli, "make_assistant", lambda **_: partial_assistant)
    runner = CliRunner()
    result = runner.invoke(cli.app, ["ask", QUESTION, "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["status"] == "partial" and payload["refused"] is True
    check_partial(Answer.model_validate(payload))

    result = runner.invoke(cli.app, ["ask", QUESTION])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(LEAD)
    assert "(partial: no checked answer" in result.stdout
    assert "] 001_63b0898204a347c1.txt" in result.stdout


def test_http_api_and_openai_api(partial_assistant: Assistant) -> None:
    client = TestClient(create_app(partial_assistant, ui=False))
    response = client.post("/api/ask", json={"question": QUESTION})
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "partial"
    check_partial(Answer.model_validate(response.json()))

    response = client.post("/v1/chat/completions",
                           json={"messages": [{"role": "user", "content": QUESTION}]})
    assert response.status_code == 200, response.text
    message = response.json()["choices"][0]["message"]
    assert message["status"] == "partial" and message["refused"] is True
    assert message["content"].startswith(LEAD) and message["citations"]

    with client.stream("POST", "/v1/chat/completions", json={
            "stream": True, "messages": [{"role": "user", "content": QUESTION}]}) as stream:
        events = [json.loads(line[6:]) for line in stream.iter_lines()
                  if line.startswith("data: {")]
    final = events[-1]["choices"][0]
    assert final["finish_reason"] == "stop"
    assert final["delta"]["status"] == "partial" and final["delta"]["answer"].startswith(LEAD)


def test_ui_shows_a_partial_answer_with_its_passage_linked(partial_assistant: Assistant) -> None:
    from ui.app import render_answer, render_sources

    answer = partial_assistant.ask(QUESTION)
    html = render_answer(answer, turn=2)
    n = answer.citations[0].n
    assert "<b>Partial:</b>" in html and LEAD in html
    assert f'href="#cite-2-{n}"' in html  # the passage opens in the sources panel
    assert f'id="cite-0-{n}"' in render_sources([answer.model_dump()],
                                                partial_assistant.article_text)
