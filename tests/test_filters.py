"""Dates and outlets: since / until / outlets / as_of on every surface, undated articles, an
empty range, and periods named in the question (which rank, never exclude)."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import numpy as np
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from rag.answer.timeframe import resolve
from rag.assistant import Assistant
from rag.cli import app
from rag.errors import InvalidInput
from rag.index.retrieval import matches, matching_rows
from rag.types import Filters
from rag.web.app import create_app

from .conftest import ScriptedLLM, settings_for

STORMS = [
    {"id": "a", "title": "Storm Ada hits the coast", "published_at": "2019-11-05",
     "source": "Reuters", "body": "Storm Ada hit the coast on Monday, cutting power to 40,000 "
     "homes. Crews worked through the night to restore the lines."},
    {"id": "b", "title": "Storm Bea hits the coast", "published_at": "2020-02-11",
     "source": "AP", "body": "Storm Bea hit the coast on Tuesday, cutting power to 12,000 "
     "homes. Schools in the region stayed closed."},
    {"id": "c", "title": "Storm Cai hits the coast", "source": "AP",
     "body": "Storm Cai hit the coast, cutting power to 500 homes. Nobody was hurt."},
    {"id": "d", "title": "Storm Dee hits the coast", "published_at": "2020-06-20",
     "source": "BBC", "body": "Storm Dee hit the coast on Friday, cutting power to 9,000 "
     "homes. The harbour closed for a day."},
]
REPLY = "Storm Bea cut power to 12,000 homes [1]."


@pytest.fixture(scope="module")
def storms_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("storms")
    corpus = root / "storms.jsonl"
    corpus.write_text("\n".join(json.dumps(s) for s in STORMS) + "\n")
    Assistant(settings_for(root / ".rag")).ingest([corpus])
    return root / ".rag"


@pytest.fixture()
def storms(storms_dir: Path) -> Assistant:
    return Assistant(settings_for(storms_dir), llm=ScriptedLLM(REPLY))


def ids(result) -> set[str]:  # noqa: ANN001
    return {hit.source.split("#")[1] for hit in result.results}


def test_each_filter_restricts_search(storms: Assistant) -> None:
    question = "storm cutting power to homes"
    assert ids(storms.search(question, k=10)) == {"a", "b", "c", "d"}
    assert ids(storms.search(question, k=10, since="2020-01-01")) == {"b", "d"}
    assert ids(storms.search(question, k=10, until="2019-12-31")) == {"a"}  # undated c: out
    assert ids(storms.search(question, k=10, outlets=["ap"])) == {"b", "c"}  # any case
    assert ids(storms.search(question, k=10, as_of="2020-03-01")) == {"a", "b", "c"}
    assert ids(storms.search(question, k=10, since=dt.date(2020, 1, 1), until="2020-03-31",
                             outlets=["AP", "BBC"])) == {"b"}


def test_the_same_filters_hold_for_bm25_and_dense_alone(storms_dir: Path) -> None:
    for mode in ("bm25", "dense"):
        assistant = Assistant(settings_for(storms_dir, retrieval_mode=mode))
        assert ids(assistant.search("storm power homes", k=10, since="2020-01-01")) == {"b", "d"}
        assert ids(assistant.search("storm power homes", k=10, outlets=["AP"],
                                    until="2020-12-31")) == {"b"}


@pytest.mark.parametrize("filters", [
    Filters(since=dt.date(2020, 1, 1)), Filters(until=dt.date(2019, 12, 31)),
    Filters(as_of=dt.date(2020, 3, 1)), Filters(outlets=["ap", " BBC "]),
    Filters(since=dt.date(2020, 1, 1), until=dt.date(2020, 3, 31), outlets=["AP"]),
])
def test_bm25s_mask_is_the_same_rule_as_chromas_where(filters: Filters) -> None:
    # BM25 filters its whole corpus at once (matching_rows); the dense side filters returned
    # metadata one chunk at a time (matches). Both must keep exactly the same chunks.
    chunks = [{"day": day, "outlet_key": outlet} for day in (0, 20191105, 20200211, 20200620)
              for outlet in ("ap", "bbc", "reuters", "")]
    days = np.array([c["day"] for c in chunks])
    outlet_keys = np.array([c["outlet_key"] for c in chunks], dtype=object)
    expected = [matches(c, filters) for c in chunks]
    assert matching_rows(days, outlet_keys, filters).tolist() == expected
    assert 0 < sum(expected) < len(chunks)


def test_a_filter_that_matches_nothing_says_so(storms: Assistant) -> None:
    result = storms.search("storm", since="2021-01-01")
    assert result.results == []
    assert result.note == ("no article published 2021-01-01 to …; the newest article is of "
                           "2020-06-20")
    answer = storms.ask("How many homes lost power?", since="2021-01-01")
    assert answer.refused and answer.refusal_code == "no_match_filter"
    assert "2021-01-01" in answer.refusal_reason and answer.citations == []
    assert storms.llm.model.calls == []  # type: ignore[attr-defined]  # the model never ran


def test_bad_filters_are_clear_errors(storms: Assistant) -> None:
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        storms.search("storm", since="last Tuesday")
    with pytest.raises(InvalidInput, match="after until"):
        storms.search("storm", since="2020-05-01", until="2020-01-01")


def test_a_period_in_the_question_ranks_and_is_shown_but_excludes_nothing(storms: Assistant
                                                                           ) -> None:
    answer = storms.ask("How many homes lost power in the storm in February 2020?")
    frame = answer.time_filter
    assert frame is not None and (frame.start, frame.end) == (dt.date(2020, 2, 1),
                                                              dt.date(2020, 2, 29))
    assert answer.retrieved[0].source == "storms.jsonl#b"
    assert {c.source for c in answer.retrieved} - {"storms.jsonl#b"}  # others still there
    latest = storms.search("What is the latest storm to hit the coast?", k=4)
    assert latest.results[0].source == "storms.jsonl#d"


@pytest.mark.parametrize(("question", "start", "end"), [
    ("Who won the election in November 2022?", "2022-11-01", "2022-11-30"),
    ("What happened on 12 January?", "2022-01-12", "2022-01-12"),
    ("What changed between March and May 2020?", "2020-03-01", "2020-05-31"),
    ("What did the minister say last week?", "2022-06-06", "2022-06-12"),
    ("What happened yesterday in Beijing?", "2022-06-15", "2022-06-15"),
    ("What did Xi say in 2019?", "2019-01-01", "2019-12-31"),
    # A year that qualifies something else leaves a month with its own year alone.
    ("Which candidate ended his 2020 campaign in November 2019?", "2019-11-01", "2019-11-30"),
    # A number beside no month is no day (wikinews_blind9_qa s37: dateparser read "round 4
    # of the 2020 season" as 4 April 2020); a day in figures keeps its month.
    ("Who did Caloundra beat in round 4 of the 2020 season?", "2020-01-01", "2020-12-31"),
    ("What happened on 3/4/2020?", "2020-03-04", "2020-03-04"),
    # A year the reading loses is the year written (wikinews_blind17_qa j32: dateparser read
    # "in 2018, the year before the" as 2018 years from now).
    ("How many died on Russian roads in 2018, the year before the crash?", "2018-01-01",
     "2018-12-31"),
    # Hours back from as_of reach as_of itself, and count from it as "yesterday" does.
    ("What did the company announce in the past 24 hours?", "2022-06-15", "2022-06-16"),
    ("Who resigned in the last 48 hours?", "2022-06-14", "2022-06-16"),
    ("What did the minister say two days ago?", "2022-06-14", "2022-06-14"),
    ("What happened last night in Kyiv?", "2022-06-15", "2022-06-15"),
    ("What did the company announce this morning?", "2022-06-16", "2022-06-16"),
])
def test_periods_in_questions_are_resolved_against_as_of(question: str, start: str,
                                                         end: str) -> None:
    frame = resolve(question, dt.date(2022, 6, 16))  # a Thursday
    assert frame is not None, question
    assert (frame.start.isoformat(), frame.end.isoformat()) == (start, end)


def test_a_month_moved_to_the_year_a_question_names_keeps_a_real_day() -> None:
    # Session 53: "February 29" read in a leap year and moved to 2019 raised ValueError, which
    # stopped a whole eval run.
    frame = resolve("What happened on February 29 and in 2019?", dt.date(2020, 3, 5))
    assert frame is not None and (frame.start, frame.end) == (dt.date(2019, 2, 1),
                                                                dt.date(2019, 2, 28))
    # A month's last day stays its last day in a leap year.
    leap = resolve("What happened in February and in 2020?", dt.date(2021, 3, 5))
    assert leap is not None and leap.end == dt.date(2020, 2, 29)


def test_words_that_only_look_like_dates_are_not_periods() -> None:
    as_of = dt.date(2022, 6, 16)
    assert resolve("Who may attend the summit?", as_of) is None
    assert resolve("When did Blinken meet Xi?", as_of) is None
    assert resolve("Which driver won the 24 Hours of Le Mans?", as_of) is None
    latest = resolve("What is the latest on the balloon?", as_of)
    assert latest is not None and latest.recency and latest.end == as_of
    # A flight's number is no year (wikinews_blind27_qa ch11, refused for want of 1344).
    flight = resolve("At what time did flight 1344 from Dubai overshoot the runway in August "
                     "2020?", as_of)
    assert flight is not None and (flight.start, flight.end) == (
        dt.date(2020, 8, 1), dt.date(2020, 8, 31))


def test_filters_on_the_cli(storms_dir: Path) -> None:
    result = CliRunner().invoke(app, ["search", "storm power", "--data-dir", str(storms_dir),
                                      "--since", "2020-01-01", "--outlet", "BBC", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert [r["source"] for r in payload["results"]] == ["storms.jsonl#d"]
    assert payload["filters"]["since"] == "2020-01-01" and payload["filters"]["outlets"] == [
        "BBC"]
    bad = CliRunner().invoke(app, ["search", "storm", "--data-dir", str(storms_dir),
                                   "--until", "31/12/2020"])
    assert bad.exit_code == 1 and "YYYY-MM-DD" in bad.output


def test_filters_on_the_json_api_and_the_openai_extension(storms: Assistant) -> None:
    client = TestClient(create_app(storms, ui=False))
    found = client.post("/api/search", json={"question": "storm power", "k": 10,
                                             "outlets": ["AP"], "as_of": "2020-01-01"})
    assert found.status_code == 200, found.text
    assert {r["source"] for r in found.json()["results"]} == {"storms.jsonl#c"}
    assert client.post("/api/search", json={"question": "storm",
                                            "since": "soon"}).status_code == 422
    asked = client.post("/api/ask", json={"question": "How many homes lost power?",
                                          "since": "2020-02-01", "until": "2020-02-29"})
    body = asked.json()
    assert body["filters"]["since"] == "2020-02-01"
    assert {r["source"] for r in body["retrieved"]} == {"storms.jsonl#b"}
    completion = client.post("/v1/chat/completions", json={
        "model": "newsrag", "messages": [{"role": "user", "content": "How many homes?"}],
        "since": "2020-02-01", "until": "2020-02-29"}).json()
    message = completion["choices"][0]["message"]
    assert {c["source"] for c in message["citations"]} == {"storms.jsonl#b"}


def test_the_archive_at_a_glance(storms: Assistant) -> None:
    from rag.index.catalog import summary

    assert summary(storms.articles()) == ("4 articles, 2019-11-05 to 2020-06-20 (1 undated); "
                                          "outlets: AP 2, BBC 1, Reuters 1")


def test_a_period_after_the_newest_article_is_refused_with_its_date(storms: Assistant) -> None:
    late = storms.ask("How many homes lost power in the storm in March 2021?")
    assert late.refused and late.refusal_code == "period_not_covered"
    assert late.refusal_reason == ('the question asks about "in March 2021" (2021-03-01 to '
                                   '2021-03-31); the newest article is of 2020-06-20')
    assert storms.llm.model.calls == []  # type: ignore[attr-defined]
    # "last week" as of a day the archive covers, and a month without a year: not this
    # refusal. (The scripted reply names February's storm, so the question's own period then
    # refuses it: unmet_constraint.)
    last_week = storms.ask("Which storm hit the coast last week?", as_of="2020-06-25")
    assert last_week.refusal_code == "unmet_constraint" and "last week" in (
        last_week.refusal_reason or "")
    assert storms.ask("Which storm hit in February?").refusal_code != "period_not_covered"
    # As of an earlier day, the newest article is the newest of that day.
    early = storms.ask("Which storm hit the coast in 2020?", as_of="2019-12-31")
    assert early.refusal_code == "period_not_covered" and "as of 2019-12-31" in (
        early.refusal_reason or "") and "2019-11-05" in (early.refusal_reason or "")


def test_this_week_counts_from_the_newest_article_when_no_day_is_given(storms_dir: Path
                                                                       ) -> None:
    # The archive ends on 2020-06-20 (a Saturday). Asked with no as_of, "this week" counts from
    # that day, not from today, and the answer says so; it is not refused as a period after
    # the archive.
    assistant = Assistant(settings_for(storms_dir),
                          llm=ScriptedLLM("Storm Dee hit the coast [1]."))
    answer = assistant.ask("Which storm hit the coast this week?")
    assert answer.status == "answered", answer.refusal_reason
    frame = answer.time_filter
    assert frame is not None and frame.counted_from == dt.date(2020, 6, 20)
    assert (frame.start, frame.end) == (dt.date(2020, 6, 15), dt.date(2020, 6, 21))
    assert frame.describe() == ('"this week" read as 2020-06-15 to 2020-06-21, counted from '
                                'the newest article (2020-06-20)')
    # The asker's own day is not known, so the week ranks but is not required of the evidence.
    found = assistant.evidence("Which storm hit the coast this week?")
    assert found.frame == frame and "date" not in {c.kind for c in found.constraints}
    # A day the user gives is kept: as of a day after the archive, the week is not covered.
    later = assistant.ask("Which storm hit the coast this week?", as_of="2021-01-10")
    assert later.refusal_code == "period_not_covered"
    # A period with its own year is never moved.
    assert assistant.ask("Which storm hit the coast in March 2021?").refusal_code == (
        "period_not_covered")


@pytest.mark.parametrize("filters", [
    Filters(since=dt.date(2020, 1, 1)), Filters(outlets=["AP"]), Filters(as_of=dt.date(2020, 3, 1)),
])
@pytest.mark.parametrize("exact_rows", [20_000, 0])
def test_filtered_dense_search_ranks_like_chromas_where(storms: Assistant, filters: Filters,
                                                        exact_rows: int,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # A narrow filter ranks the chunks that pass exactly, from the vectors kept beside BM25; a
    # broad one (here: every filter, with EXACT_ROWS 0) filters deeper Chroma results. Either
    # way the ranking is Chroma's own with the filter as a `where`.
    from rag.index import retrieval

    monkeypatch.setattr(retrieval, "EXACT_ROWS", exact_rows)
    retriever = storms.searcher.retriever()
    assert retriever.vectors is not None and len(retriever.vectors) == storms.store.count()
    query = storms.embedder.get_query_embedding("storm cutting power to homes")
    ours = retriever.dense(query, 10, filters)
    chroma = storms.store.collection.query(query_embeddings=[query], n_results=10,
                                           where=retrieval.chroma_where(filters),
                                           include=["distances"])
    assert [hit.node.node_id for hit in ours] == chroma["ids"][0]
    assert [hit.score for hit in ours] == pytest.approx(  # float16 vectors: 3 digits
        [math.exp(-d) for d in chroma["distances"][0]], abs=2e-3)


def test_unfiltered_dense_search_of_a_small_corpus_is_exact_and_never_asks_chroma(
        storms: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    # Chroma's approximate search over a freshly opened local collection sometimes returns
    # another neighbourhood for the life of the process (chromadb 1.5.9): a corpus of at most
    # EXACT_ROWS chunks is ranked from the vectors kept beside BM25 instead, the same ranking.
    from rag.index import retrieval

    retriever = storms.searcher.retriever()
    query = storms.embedder.get_query_embedding("storm cutting power to homes")
    chroma = storms.store.collection.query(query_embeddings=[query], n_results=10,
                                           include=["distances"])

    def no_chroma(*args: object, **kwargs: object) -> None:
        raise AssertionError("Chroma was asked")

    monkeypatch.setattr(storms.store, "nearest", no_chroma)
    assert [hit.node.node_id for hit in retriever.dense(query, 10)] == chroma["ids"][0]
    # So is the corpus while this retriever's generation is behind the catalog's (the next
    # one is being built): Chroma already holds what was written since.
    with pytest.raises(AssertionError, match="Chroma was asked"):
        retriever.dense(query, 10, fresh=False)
    # A larger corpus is Chroma's to search.
    monkeypatch.setattr(retrieval, "EXACT_ROWS", 0)
    with pytest.raises(AssertionError, match="Chroma was asked"):
        retriever.dense(query, 10)
