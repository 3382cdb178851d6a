"""The checks of where and when a figure or a report holds: the place it is given for and the
newest news:

- a place for the world: "How many cases were there worldwide?" is not answered by a count
  "in the United States". Where the question asks worldwide and the answer gives its figure
  for a place the question does not name, it answers for that place (`scope_problem`);
- (since session 47) a figure for the place the question leaves out ("outside China"
  answered by the count "in China": `excluded_place_problem`);
- (since session 64) a region for a city: "From which city did Sanders livestream his
  announcement?" is not answered by "from his home in Vermont". Where the question asks
  which city or town and every name the answer adds is a country or a region (a US state, a
  nation of the UK), it names no city (`city_problem`);
- the latest news: "What is the latest on the measles outbreak in Samoa?" is not answered
  from an article of 5 December when one of 29 December that reports on the outbreak was
  shown. Where the question asks for the latest ("latest", "most recent", "now": the
  question's `TimeFrame.recency`), the answer must cite the newest dated source whose shown
  evidence holds at least half of the question's topic words (`latest_problem`).

Imports: rag.answer.checks.kinds, rag.answer.checks.lexicon, rag.answer.constraints, rag.text,
rag.answer.evidence (its `Source`, for types only).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rag.answer.checks.kinds import expected_type
from rag.answer.checks.lexicon import DAY_NAMES, NAME, Sentences, figures_of
from rag.answer.constraints import REGIONS, countries, name_runs
from rag.answer.constraints.lexicon import word_set
from rag.text import content_words, figures_in_one_style

if TYPE_CHECKING:
    from rag.answer.evidence import Source


_WORLD = re.compile(r"\b(?:worldwide|globally|world-wide|around the world|across the world|"
                    r"in the world|global)\b", re.I)
_PLACE = re.compile(r"\b(?:in|across|throughout) (?:the )?(?P<p>(?-i:[A-Z][\w.'’-]*(?:\s+"
                    r"(?-i:[A-Z][\w.'’-]*))*))", re.I)


def scope_problem(question: str, sentences: Sentences) -> str | None:
    """Why a figure asked for worldwide is given for one place, or None: every answer
    sentence puts its figure "in" a place the question does not name."""
    if not _WORLD.search(question) or expected_type(question) != "number":
        return None
    asked = content_words(question)
    places = []
    for text, _ in sentences:
        if _WORLD.search(text):
            return None
        place = next((m["p"] for m in _PLACE.finditer(text)
                      if not content_words(m["p"]) & asked
                      and m["p"].split()[0].lower() not in DAY_NAMES), None)
        if place is None:
            return None
        places.append(place.rstrip("."))
    return f"the question asks worldwide; the answer gives a figure for {places[0]}" \
        if places else None


# "outside China", "excluding Hubei", "other than the US": a place a count leaves out.
_EXCLUDED = re.compile(r"\b(?:outside(?: of)?|excluding|except|other than|beyond)\s+(?:the\s+)?"
                       r"(?P<p>" + NAME + r"(?:\s+" + NAME + r")*)")
# The first place written after a figure, in its clause: "2741 confirmed cases, 80 deaths and
# 5794 suspected cases in China" puts 2741 in China.
_NEXT_PLACE = re.compile(r"[^;.]*?\b(?P<prep>in|outside(?: of)?|across|within)\s+(?:the\s+)?"
                         r"(?P<p>(?-i:[A-Za-z][\w.'’-]*))")


def excluded_place_problem(question: str, sentences: Sentences) -> str | None:
    """Why a figure asked for outside a place is the figure for that place, or None: "How
    many cases outside China did the WHO report?" is not answered by 2741 from "2741 confirmed
    cases ... in China, 37 confirmed cases in other countries". Fails when every figure the
    answer adds is one its cited evidence writes with the excluded place as the first place
    after it ("in China"), and none with another."""
    match = _EXCLUDED.search(question)
    if match is None or expected_type(question) != "number":
        return None
    place = content_words(match["p"])
    asked = figures_of(question)
    first: str | None = None
    for text, evidence in sentences:
        figures = figures_of(text) - asked
        spans = [figures_in_one_style(article[start:end]) for article, start, end in evidence]
        placed = [after["prep"] == "in" and bool(content_words(after["p"]) & place)
                  for span in spans for figure in figures
                  for found in re.finditer(rf"(?<![\w.,]){re.escape(figure)}(?![\w]|[.,]\d)",
                                           span, re.I)
                  if (after := _NEXT_PLACE.match(span, found.end()))]
        if not placed or not all(placed):
            return None
        first = first or f"the question asks outside {match['p']}; the figure is for {match['p']}"
    return first


# Words of a question for the latest news that name no topic.
_NOT_TOPIC = word_set("latest most recent recently newest now currently present days news "
                   "development developments happened happening update updates result "
                   "results new")


_CITY_ASKED = re.compile(r"\b(?:which|what)\s+(?:\w+\s+)?(?:city|town|village)\b", re.I)


def city_problem(question: str, sentences: Sentences) -> str | None:
    """Why the answer names no city where the question asks which city or town, or None:
    every name it adds is a country's or a region's (wikinews_blind61_qa dq04, a near miss
    answered "from his home in Vermont"; session 64)."""
    if not _CITY_ASKED.search(question):
        return None
    asked = content_words(question)
    added = [run for text, _ in sentences for _, run in name_runs(text, first=True)
             if not content_words(run) <= asked]
    places = [run for run in added if run.lower() in REGIONS or run.lower() in countries()]
    if added and len(places) == len(added):
        return f"the question asks for a city; the answer names only {places[0]}"
    return None


def latest_problem(question: str, sources: Sequence[Source], cited: set[int]) -> str | None:
    """For a question asking for the latest news: a newer source than any the answer cites
    reports on the question's topic (holds at least half of its topic words in the evidence
    shown). Undated sources are never newer; an answer citing an undated one passes."""
    topic = content_words(question) - content_words(" ".join(_NOT_TOPIC))
    dated = {src.n: src.published for src in sources if src.published}
    if not topic or not cited or any(n not in dated for n in cited):
        return None
    newest_cited = max(dated[n] for n in cited)
    for src in sorted(sources, key=lambda s: s.published or "", reverse=True):
        if not src.published or src.published <= newest_cited:
            return None
        if 2 * len(topic & content_words(src.text)) >= len(topic):
            return (f"the question asks for the latest news; a newer article ([{src.n}], "
                    f"{src.published}) reports on it than the one cited")
    return None
