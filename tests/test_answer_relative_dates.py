"""Relative days in the evidence resolved against the article's publication date: "The
minister resigned on Friday." in an article of Sunday 15 March 2020 is shown to the model as
"The minister resigned on Friday (13 March 2020).", and an answer that gives that date passes
the checks; the quotes stay the article's own words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rag.answer.constraints import Constraint, first_unmet
from rag.answer.decide import decide
from rag.answer.evidence import Source, format_sources
from rag.answer.fallback import LEAD
from rag.answer.relative_dates import annotate, relative_notes, undated_days
from rag.answer.verify import check_citations, evidence_of

from .conftest import ScriptedLLM

SUNDAY = "2020-03-15"  # a Sunday


def shown(text: str, published: str | None = SUNDAY) -> str:
    """`text` as the model sees it, in an article published on `published`."""
    return annotate(text, relative_notes(text, published))


@pytest.mark.parametrize(("text", "expected"), [
    # A weekday: the last such day on or before publication, in a past-tense context.
    ("The minister resigned on Friday.", "The minister resigned on Friday (13 March 2020)."),
    ("The minister resigned Friday.", "The minister resigned Friday (13 March 2020)."),
    ("Police said on Sunday that two men were arrested.",
     "Police said on Sunday (15 March 2020) that two men were arrested."),
    ("The company said on Monday it will cut 500 jobs.",  # "said" is past, "will" is later
     "The company said on Monday (9 March 2020) it will cut 500 jobs."),
    ("He was killed on Friday night.", "He was killed on Friday night (13 March 2020)."),
    # "last X": before the publication day, whatever the tense.
    ("They met last Tuesday.", "They met last Tuesday (10 March 2020)."),
    ("He will not repeat what he said last Sunday.",
     "He will not repeat what he said last Sunday (8 March 2020)."),
    ("Yesterday the markets fell.", "Yesterday (14 March 2020) the markets fell."),
    ("Markets rose today.", "Markets rose today (15 March 2020)."),
    ("The ban takes effect tomorrow.", "The ban takes effect tomorrow (16 March 2020)."),
    ("Sales fell last week.", "Sales fell last week (2–8 March 2020)."),
    ("Sales rose this week.", "Sales rose this week (9–15 March 2020)."),
    ("Prices rose last month.", "Prices rose last month (February 2020)."),
    ("Exports fell last year.", "Exports fell last year (2019)."),
])
def test_a_relative_day_is_shown_with_its_date(text: str, expected: str) -> None:
    assert shown(text) == expected


def test_a_week_across_months_and_years() -> None:
    assert shown("Talks ended last week.", "2020-04-02") == (
        "Talks ended last week (23–29 March 2020).")
    assert shown("Talks began this week.", "2020-04-02") == (
        "Talks began this week (30 March – 5 April 2020).")
    assert shown("Talks ended last week.", "2021-01-01") == (
        "Talks ended last week (21–27 December 2020).")


@pytest.mark.parametrize("text", [
    "The vote will take place on Monday.",  # the future: the coming Monday
    "The summit is scheduled for Friday.",
    "He arrives on Friday.",  # the present of a plan: no past verb, left alone
    "Talks resumed, and a vote is expected on Monday.",
    "They met and agreed to meet again next Monday.",
    "They met and agreed to meet again this Friday.",
    "The strike continued until Friday.",
    "Sunday's election was calm.",  # possessive: often an event to come
    "Last year's budget was cut.",
    "Nothing happened in the last week.",  # the past seven days, not a calendar week
    "He was killed on Friday, 13 March.",  # the date is already there
])
def test_an_ambiguous_or_future_day_is_left_alone(text: str) -> None:
    assert shown(text) == text


def test_nothing_is_resolved_in_an_undated_article() -> None:
    text = "The minister resigned on Friday. Yesterday the markets fell last week."
    assert shown(text, None) == text
    assert shown(text, "") == text


# One article of Sunday 15 March 2020, and what the index holds (a copy, for the quotes).
ARTICLE = ("Transport minister quits\n\nThe transport minister resigned on Friday. "
           "The ministry said a successor will be named next month.")
STORED = {"a.txt": str(ARTICLE)}


def source(published: str | None = SUNDAY) -> Source:
    return Source(n=1, source="a.txt", title="Transport minister quits", published=published,
                  article_text=ARTICLE, spans=[(26, len(ARTICLE))])


def verify_stored(name: str, start: int, end: int, quote: str) -> bool:
    return STORED[name][start:end] == quote


def test_the_prompt_shows_the_date_and_the_article_is_unchanged() -> None:
    src = source()
    assert format_sources([src]) == (
        "[1] Transport minister quits (2020-03-15)\n"
        "The transport minister resigned on Friday (13 March 2020). The ministry said a "
        "successor will be named next month (April 2020).")
    assert src.article_text == ARTICLE


def test_an_answer_with_the_resolved_date_is_supported_and_quotes_the_article() -> None:
    question = "When did the transport minister resign?"
    answer = "The transport minister resigned on 13 March 2020 [1]."
    checked = check_citations(answer, [source()], 0.5, question=question,
                              verify=verify_stored)
    assert checked.sentences[0].supported
    [citation] = checked.citations
    assert citation.verified
    assert citation.quote == "The transport minister resigned on Friday."  # its own words
    assert decide(answer, checked, [source()], question).refused is False
    # Undated, nothing says which Friday: the date is the model's own.
    undated = check_citations(answer, [source(None)], 0.5, question=question)
    assert not undated.sentences[0].supported


def test_a_resolved_date_supports_only_an_answer_that_names_it() -> None:
    # "on Friday (13 March 2020)" holds a 13, but no 13 people.
    checked = check_citations("The transport minister resigned with 13 others [1].",
                              [source()], 0.5, question="How did the minister resign?")
    assert not checked.sentences[0].supported


def test_the_date_constraint_reads_the_resolved_date() -> None:
    # Published on 31 March, the day before the period: only "tomorrow" puts it in April.
    text = "The ban takes effect tomorrow."
    april = Constraint("date", "on 1 April 2020", start=dt.date(2020, 4, 1),
                       end=dt.date(2020, 4, 1))
    dated = Source(n=1, source="b.txt", title=None, published="2020-03-31", article_text=text)
    assert first_unmet([april], [evidence_of(dated, (0, len(text)))]) is None
    said_before = Source(n=1, source="b.txt", title=None, published="2020-03-31",
                         article_text="The ban took effect yesterday.")
    assert first_unmet([april], [evidence_of(said_before, (0, 30))]) == april
    # A resolved day counts by its month, not as any day of its year.
    november = Constraint("date", "in November 2020", start=dt.date(2020, 11, 1),
                          end=dt.date(2020, 11, 30))
    assert first_unmet([november], [evidence_of(source(), (26, 70))]) == november


def test_through_the_answer_path(make_assistant, tmp_path: Path) -> None:  # noqa: ANN001
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "minister.txt").write_text(
        "date 2020-03-15\nTransport minister quits\n\n"
        "The transport minister of Valdora resigned on Friday after a row over rail fares. "
        "Opposition parties had called for his resignation for weeks.\n")
    (corpus / "harbour.txt").write_text(
        "date 2020-02-01\nHarbour reopens\n\nThe harbour of Valdora reopened after repairs. "
        "Fishing boats returned the same afternoon.\n")
    llm = ScriptedLLM("The transport minister resigned on 13 March 2020 [1].")
    assistant = make_assistant(llm=llm)
    assistant.ingest([corpus])

    answer = assistant.ask("When did the transport minister of Valdora resign?")
    assert answer.status == "answered", answer.refusal_reason
    prompt = llm.calls[0][-1]["content"]
    assert "resigned on Friday (13 March 2020) after a row" in prompt
    [citation] = answer.citations
    assert citation.verified and citation.source.endswith("minister.txt")
    assert citation.quote.startswith("The transport minister of Valdora resigned on Friday after")

    # A wrong date is refused; the closest passage is quoted in the article's own words.
    llm.replies = ["The transport minister resigned on 12 March 2020 [1]."]
    wrong = assistant.ask("When did the transport minister of Valdora resign?")
    assert wrong.status == "partial" and wrong.refused
    assert wrong.answer.startswith(LEAD)
    assert '"The transport minister of Valdora resigned on Friday after' in wrong.answer
    assert "13 March" not in wrong.answer


def test_a_day_without_its_year_is_the_one_nearest_the_publication_day():
    text = "Flights stop on December 10. The rule, of 3 March 2019, ends on 5 January."
    assert undated_days(text, "2019-10-26") == [("December", 2019), ("January", 2020)]
    assert undated_days(text, None) == []
    assert undated_days("He was born on May 26, 1953.", "2019-10-28") == []
