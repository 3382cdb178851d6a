"""The `rag` command, driven through typer's CliRunner: output shapes, exit codes, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.cli import app

from .conftest import SEEDS

runner = CliRunner()


@pytest.fixture()
def env(seeded_dir: Path, monkeypatch) -> Path:
    monkeypatch.setenv("RAG_DATA_DIR", str(seeded_dir))
    return seeded_dir


def test_search_json_has_the_documented_fields(env):
    result = runner.invoke(app, ["search", "Bill Gates", "--json", "--k", "3"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["question"] == "Bill Gates" and len(payload["results"]) == 3
    assert set(payload["results"][0]) == {"source", "chunk_id", "score", "text", "start", "end",
                                          "published", "outlet"}


def test_ask_json_has_the_documented_fields(env):
    result = runner.invoke(app, ["ask", "Who is Xie Feng?", "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert {"question", "answer", "refused", "citations", "retrieved", "model",
            "timings_ms"} <= set(answer)
    for citation in answer["citations"]:
        assert {"n", "source", "title", "published", "quote", "start", "end",
                "verified"} <= set(citation)
    assert set(answer["model"]) == {"llm", "embedding"}


def test_ask_prints_the_answer_then_its_sources(env):
    result = runner.invoke(app, ["ask", "Which prominent American did Xi meet before Blinken?"])
    assert result.exit_code == 0, result.output
    answer, *sources = result.stdout.strip().splitlines()
    assert "Gates" in answer and "[1]" in answer
    assert sources[0].startswith('[1] 001_63b0898204a347c1.txt: "')


@pytest.mark.parametrize("question, message", [("", "the question is empty"),
                                               ("x" * 5000, "the limit is")])
def test_bad_questions_exit_non_zero_with_a_message(env, question, message):
    result = runner.invoke(app, ["ask", question])
    assert result.exit_code == 1
    assert message in result.stderr


def test_ingest_reports_a_summary_and_fails_on_a_bad_file(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("RAG_DATA_DIR", str(tmp_path / ".rag"))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((SEEDS / "002_7ebb27fb1a25ca6a.txt").read_text())
    (folder / "b.txt").write_bytes("Caf\xe9".encode("latin-1"))
    result = runner.invoke(app, ["ingest", str(folder)])
    assert result.exit_code == 1
    assert "1 added" in result.stdout and "not valid UTF-8" in result.stderr
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    listed = runner.invoke(app, ["articles", "--json"])
    assert [a["source"] for a in json.loads(listed.stdout)] == ["a.txt"]


def test_invalid_setting_is_a_usage_error(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("RAG_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("RAG_CHUNK_SIZE", "-3")
    result = runner.invoke(app, ["search", "x"])
    assert result.exit_code == 2 and "chunk_size" in result.stderr


def test_chat_condenses_follow_ups(env):
    turns = "Who is Liu Jianchao?\nWhat did he say about Taiwan?\n\n"
    result = runner.invoke(app, ["chat"], input=turns)
    assert result.exit_code == 0, result.output
    assert "clear, strong and unchanged" in result.stdout or "Taiwan" in result.stdout


def test_rag_runs_without_the_eval_harness() -> None:
    """`rag eval` is a plugin (the `newsrag.commands` entry point): with `evals` unimportable
    the CLI still works, without that one command."""
    import subprocess
    import sys

    code = ("import sys; sys.modules['evals'] = None; sys.modules['evals.cli'] = None\n"
            "from rag.cli import app\napp(['--help'])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert " ask " in result.stdout and " eval " not in result.stdout
    assert "plugin 'eval'" in result.stderr  # a broken plugin is named, not fatal
