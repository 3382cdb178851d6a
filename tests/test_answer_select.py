"""Cite first, then answer (RAG_ANSWER_MODE=cite_first): step 1 names the evidence sentences
by number in JSON-schema constrained output, step 2 answers from those sentences only, and
the usual checks follow. The model is scripted except in the last test, which makes the
constrained call with the real embedded model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rag.answer.select import (
    NONE_CHOSEN,
    SelectPrompts,
    chosen_sources,
    format_numbered,
    number_sentences,
    parse_selection,
    schema,
    select,
)
from rag.assistant import Assistant

from .conftest import ScriptedLLM, settings_for
from .valdora import FAIR, PORT, sources


def test_evidence_sentences_are_numbered_across_sources_under_their_headings():
    sentences = number_sentences(sources())
    assert [s.number for s in sentences] == [1, 2, 3, 4, 5]
    assert [s.source.n for s in sentences] == [1, 1, 1, 2, 2]
    text = format_numbered(sentences)
    lines = text.splitlines()
    assert lines[0] == "[1] Port reopens (2023-05-02)"
    assert lines[1].startswith("<1> The port of Valdora reopened on Tuesday")
    assert lines[2] == "<2> Mayor Ana Ruiz thanked the repair crews."
    assert "\n\n[2] Book fair (2023-05-03)\n<4> The Valdora book fair opened" in text


def test_a_valid_selection_is_read_in_order_without_repeats():
    assert parse_selection('{"sentences": [3, 1, 3]}', 5) == [3, 1]
    assert parse_selection("[2]", 5) == [2]  # a bare list
    assert parse_selection("Sentences 1 and 4.", 5) == [1, 4]  # a server without JSON mode


def test_none_and_out_of_range_numbers_name_nothing():
    assert parse_selection('{"sentences": []}', 5) == []
    assert parse_selection('{"sentences": "none"}', 5) == []
    assert parse_selection("none", 5) == []
    assert parse_selection('{"sentences": [0, 6, 99]}', 5) == []
    assert parse_selection('{"sentences": [6, 2]}', 5) == [2]  # the valid one is kept
    assert parse_selection('{"sentences": [1, 2, 3, 4, 5]}', 5) == [1, 2, 3, 4]  # at most 4
    assert parse_selection('{"sentences": [1, 2, 3, 4, 5]}', 5, several=True) == [1, 2, 3, 4, 5]


def test_the_schema_allows_only_the_numbers_shown():
    items = schema(5)["properties"]["sentences"]
    assert items["items"]["enum"] == [1, 2, 3, 4, 5] and items["maxItems"] == 4


def test_step_two_sources_hold_only_the_chosen_sentences_and_keep_their_numbers():
    cut = chosen_sources(number_sentences(sources()), [5, 1])
    assert [src.n for src in cut] == [1, 2]
    first, last = PORT.index(" Mayor"), FAIR.index("Its director")
    assert [PORT[s:e].strip() for s, e in cut[0].spans] == [PORT[:first]]
    assert [FAIR[s:e].strip() for s, e in cut[1].spans] == [FAIR[last:]]
    assert chosen_sources(number_sentences(sources()), [4])[0].n == 2  # numbering kept


class JSONScripted(ScriptedLLM):
    """A scripted model that also takes constrained calls, recording their schemas."""

    def __init__(self, selection: str, *replies: str) -> None:
        super().__init__(*replies)
        self.selection = selection
        self.schemas: list[dict[str, Any]] = []

    def complete_json(self, messages, schema, max_tokens, temperature) -> str:  # noqa: ANN001
        self.calls.append(messages)
        self.schemas.append(schema)
        return self.selection


def test_select_makes_one_constrained_call():
    llm = JSONScripted('{"sentences": [1]}', "unused")
    selection = select(llm, SelectPrompts.load(), sources(), "How long was the port closed?")
    assert selection.chosen == [1] and [s.n for s in selection.sources] == [1]
    assert llm.schemas[0]["properties"]["sentences"]["items"]["enum"] == [1, 2, 3, 4, 5]
    prompt = llm.calls[0][-1]["content"]
    assert "<2> Mayor Ana Ruiz thanked the repair crews." in prompt
    assert "How long was the port closed?" in prompt


# --- the setting, end to end over the seed index ---------------------------------------------

QUESTION = "How long did Blinken meet Foreign Minister Qin Gang on Sunday?"


def ask(seeded_dir: Path, llm: ScriptedLLM, mode: str) -> Any:
    return Assistant(settings_for(seeded_dir, answer_mode=mode), llm=llm).ask(QUESTION)


def numbered(prompt: str) -> dict[int, str]:
    lines = [line for line in prompt.splitlines() if line.startswith("<")]
    return {int(line[1:line.index(">")]): line[line.index(">") + 2:] for line in lines}


def test_cite_first_answers_from_the_chosen_sentences_only(seeded_dir: Path):
    # Step 1 is scripted through the plain stream (a model without `complete_json`): its
    # reply names the sentence that holds "seven and a half hours", whatever its number.
    probe = ScriptedLLM('{"sentences": []}')
    ask(seeded_dir, probe, "cite_first")
    shown = numbered(probe.calls[0][-1]["content"])
    [hours] = [n for n, text in shown.items() if "seven and a half hours" in text]
    llm = ScriptedLLM(json.dumps({"sentences": [hours]}),
                      "Blinken and Qin Gang met for seven and a half hours [1].")
    answer = ask(seeded_dir, llm, "cite_first")
    assert len(llm.calls) == 2
    step_two = llm.calls[1][-1]["content"]
    assert shown[hours] in " ".join(step_two.split())
    assert all(text not in step_two for n, text in shown.items() if n != hours)
    assert not answer.refused, answer
    assert "seven and a half hours" in answer.answer
    assert [c.verified for c in answer.citations] == [True]
    assert "select_ms" in answer.timings_ms


def test_cite_first_none_is_a_refusal_or_the_closest_passage(seeded_dir: Path):
    llm = ScriptedLLM('{"sentences": []}')
    answer = ask(seeded_dir, llm, "cite_first")
    assert len(llm.calls) == 1  # no second step
    assert answer.refused and answer.refusal_code == "model_refused"
    assert answer.refusal_reason == NONE_CHOSEN
    assert answer.status in ("refused", "partial")


def test_direct_mode_asks_once_with_every_source(seeded_dir: Path):
    llm = ScriptedLLM("Blinken and Qin Gang met for seven and a half hours [1].")
    answer = ask(seeded_dir, llm, "direct")
    assert len(llm.calls) == 1 and "Sources:" in llm.calls[0][-1]["content"]
    assert "select_ms" not in answer.timings_ms


def test_the_embedded_model_makes_the_constrained_call(llm):  # noqa: ANN001
    """The real model under llama.cpp's JSON-schema grammar: the reply is JSON of the schema,
    naming only sentences that exist."""
    reply = llm.complete_json(
        [{"role": "system", "content": SelectPrompts.load().system.render()},
         {"role": "user", "content": SelectPrompts.load().user.render(
             sentences=format_numbered(number_sentences(sources())),
             question="How long was the port of Valdora closed?", most="4")}],
        schema(5), 48, 0.0)
    data = json.loads(reply)
    assert set(data) == {"sentences"}
    assert all(n in range(1, 6) for n in data["sentences"])
    assert parse_selection(reply, 5) == data["sentences"][:4]
