"""Near-duplicate stories (a wire copy with a dateline and small edits, under another outlet
and id) are grouped at ingest and shown once, the copy named in `also_in`."""

from __future__ import annotations

import json
from pathlib import Path

from rag.assistant import Assistant
from rag.index.duplicates import assign_groups, signature

from .conftest import ScriptedLLM, settings_for

BEA = ("Storm Bea hit the coast on Tuesday, cutting power to 12,000 homes. Schools in the "
       "region stayed closed, and the ferry to the islands was cancelled for the day. The "
       "weather service said winds reached 110 kilometres an hour near the harbour, where two "
       "fishing boats broke their moorings. Crews expect to restore every line by Thursday.")
COPY = ("PORT VALE (Reuters) - " + BEA.replace("stayed closed", "remained closed")
        + " Reporting by the coast desk.")
OTHER = ("Storm Dee hit the coast on Friday, cutting power to 9,000 homes. The harbour closed "
         "for a day and the regional council opened two shelters for families.")


def test_signatures_tell_copies_from_other_stories() -> None:
    groups = assign_groups([("bea", signature(BEA), "bea")],
                           [("copy", signature(COPY)), ("dee", signature(OTHER))])
    assert groups == {"copy": "bea", "dee": "dee"}


def test_a_copy_is_grouped_and_shown_once(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("\n".join(json.dumps(row) for row in [
        {"id": "bea", "title": "Storm Bea", "published_at": "2020-02-11", "source": "AP",
         "body": BEA},
        {"id": "dee", "title": "Storm Dee", "published_at": "2020-06-20", "source": "BBC",
         "body": OTHER},
        {"id": "copy", "title": "Storm Bea hits coast", "published_at": "2020-02-11",
         "source": "Reuters", "body": COPY},
    ]) + "\n")
    assistant = Assistant(settings_for(tmp_path / ".rag"),
                          llm=ScriptedLLM("Storm Bea cut power to 12,000 homes [1]."))
    assistant.ingest([corpus])
    groups = {a.source: a.group for a in assistant.articles()}
    assert groups["wire.jsonl#copy"] == groups["wire.jsonl#bea"] != groups["wire.jsonl#dee"]

    found = assistant.search("How many homes did Storm Bea leave without power?", k=5)
    shown = [hit.source for hit in found.results]
    copies = {"wire.jsonl#bea", "wire.jsonl#copy"}
    assert len(copies & set(shown)) == 1  # the story once, the best-ranked copy
    first = next(hit for hit in found.results if hit.source in copies)
    assert first.also_in == sorted(copies - {first.source})

    answer = assistant.ask("How many homes did Storm Bea leave without power?")
    prompt = assistant.llm.model.calls[-1][-1]["content"]  # type: ignore[attr-defined]
    assert prompt.count("cutting power to 12,000 homes") == 1  # no repeated evidence
    assert len({r.source for r in answer.retrieved} & copies) == 1
