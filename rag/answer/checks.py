"""Does a supported answer answer the question that was asked?

Citation checking (`verify.py`) makes sure every claim comes from the sources, and that its
evidence meets the question's constraints (`constraints.py`: its date, names, figures, quoted
phrase, source and topic). A small model can still answer with a true sentence of the wrong
kind: "at a later date" for "On what date...?", "top US lawmakers" for "Which lawmakers...?".
This check catches that, from the question's form:

- the answer type: "when" wants a date or time, "how long" a duration (its unit written in
  the evidence after a figure, not only the figure: "Gutierrez, 79, died" is an age; a
  joined one, "a three-day voyage", measures its noun only), "how many" a number,
  "who"/"which official"/"where" a name (a person's, asked by "who" or "the names of", has
  no digits), and it must come from the cited evidence;
- what gives no answer of the kind: a number in a name ("CentOS 8") is no time; a duration
  "of" a noun the question does not name ("three days of mourning") is not how long he was
  ill; a photograph's credit ("Image: Paul Budd.") names no one but the photographer; "a
  48-acre space" measures 48 acres, but "22-year-old Rangoli Patil" gives only her age;
- a vague answer: a unit no figure measures ("for many years") is no duration, though "since
  1998" is; a share ("45% of homes") or a round plural alone ("many thousands") answers no
  "how many"; "On what date ...?" (or "when exactly") asks for a day, which "in 2021" does
  not give; and an answer that says the fact is "unspecified", "undisclosed" or "unknown",
  or that someone "did not announce" it, gives none;
- the counted noun: "how many journalists" is not answered by "ten police officers were
  injured", nor by "ten journalists" resting on "ten police officers and two journalists". A
  figure counts the noun written after it ("half a million doses"; in the evidence even a
  word that reads like a verb: "the three deceased"); where the answer or its evidence
  writes one, it must be a word of the question (`counted_problem`);
- the kind of count: "How many COVID-19 deaths had Bangladesh recorded?" is not answered by
  "33 new deaths" resting on "33 recovered cases", nor "how many people had recovered" by
  counts of confirmed cases and deaths. Where the question counts one kind of the outcomes
  news tallies (deaths, cases, recoveries, injuries, arrests), a figure the answer or its
  evidence writes with the words of another kind, and none of the asked one, counts
  something else (`count_kind_problem`);
- the direction of a role: "Xie Feng was the US ambassador to China" does not rest on "Xie
  Feng, China's ambassador to the US". Where the cited evidence gives the same role as held
  by the country or body the answer sends it to ("to", "of", "for"), and never as going to
  it, the answer has turned the relation round (`role_problem`);
- a report's date: "when was X killed?" is not answered by "On July 31, outlets reported X to
  be dead". Where every cited sentence that gives the answer's date dates a report of the
  event rather than the event (a report verb just before the date, or after a date that
  opens the sentence), and no sentence of its article gives that date with the question's
  event words, the date answers another question (`reported_problem`);
- the role asked for: "Which lawyer represented the group?" is not answered by the judge who
  ruled on its lawsuit, nor "Who was piloting the helicopter?" by a passenger. Where the
  question asks for the holder of a role that news names beside the holder (lawyer, judge,
  pilot, driver, prosecutor, coach, captain, doctor, spokesperson), or the kind of a place
  that news names with its kind (hospital, prison, airport, stadium), the cited sentence or
  its immediate neighbours must name that role or kind, in one of its words
  (`asked_role_problem`);
- the date of something else: "On what date was the funeral held?" is not answered by the day
  he died. Where no cited sentence that gives the answer's date names a word of the
  question's event (the words that describe a person, "radio host", left out), and no
  neighbour gives the same date with one, the date is another event's (`event_problem`);
- the end for the start: "When did Gillibrand launch her campaign?" is not answered by the day
  she "ended her campaign". Where the question asks when something began (or ended) and
  every cited sentence that gives the answer's date names only the other end of it, the
  date answers another question (`other_end_problem`);
- a place for the world: "How many cases were there worldwide?" is not answered by a count
  "in the United States". Where the question asks worldwide and the answer gives its figure
  for a place the question does not name, it answers for that place (`scope_problem`);
- the latest news: "What is the latest on the measles outbreak in Samoa?" is not answered
  from an article of 5 December when one of 29 December that reports on the outbreak was
  shown. Where the question asks for the latest ("latest", "most recent", "now": the
  question's `TimeFrame.recency`), the answer must cite the newest dated source whose shown
  evidence holds at least half of the question's topic words (`latest_problem`);
- the figure's source: "How many votes did the AP count?" is not answered by 279 from "a
  total by NBC's reckoning of 279 votes, or 290 by AP's reckoning". Where the question names
  a source and the cited sentence credits the answer's figure to someone by name ("by S's
  count", "S's estimate of", "according to S"), the credit nearest the figure must name the
  question's source (`credited_problem`);
- the quotation's speaker: "Who called the senator 'a disgrace'?" is not answered by a name
  that stands in the cited evidence only inside the quotation marks; those are the people
  the quotation speaks of. A name the answer adds to the question must stand in its evidence
  outside a quotation (`quoted_speaker_problem`);
- a figure for another day: "What were the winds on the Sunday it was detected?" is not
  answered by a figure the evidence gives "as of Monday evening". Where the question names
  a weekday (or a date with its year: the weekday it fell on) and every cited sentence that
  gives the answer's figure names only another (`other_day_problem`); a full name is two
  words or more ("Łukasz" is a first name: `full_name_problem`);
- a list of a stated length: "Which three rival candidates...?" is not answered by two names
  and "another candidate". Where the question asks for N names, the answer must name N
  (`listed_problem`); "Name the ...", like "who", asks for names;
- an age at another time: "How old was she when she married?" is not answered by her age at
  death. The cited sentence that gives the age, or its neighbours, must name a word of the
  event after "when" (`age_event_problem`);
- some of them for which: "Which colonies are growing?" is not answered by "some colonies are
  growing", which names none (`vague_items_problem`);
- the opposite: "How many stores are included in the sale?" is not answered from "19 stores,
  which were not included". Where every cited span negates a word of the question's own, and
  the question negates nothing, it says the opposite (`negated_problem`; questions for a fact
  only: what someone said may deny anything);
- the other side of a contrast: "How much did the runner-up receive?" is not answered from
  "the winning team receiving C$10,000", nor the women's race from the men's. Where the
  question names one side of a pair news writes in contrast (winner/runner-up, men/women,
  minimum/maximum, mother/father, born/died, ...) and every cited span names only the other
  (`contrast_problem`); likewise another item of a numbered series ("phase two" for "phase
  three": `series_problem`);
- a count for a share, a day for a time: "What share of the vote did she receive?" is not
  answered by "14 delegates", nor "At what time did they withdraw the warnings?" by "on
  Saturday". The answer must give a share (a percentage, a fraction in words), or a time of
  day (or a race's time), from evidence that gives one (`form_problem`);
  not where the question asks a second thing ("..., and on which programme?");
- a forecast for a tally: "How many deaths had the US recorded by August 4?" is not answered
  by "the coronavirus may cause roughly 32,000 more deaths by August 4". Where the question
  says nothing of what may or will be, and every place the evidence writes the answer's
  figure follows a modal of its clause (may, will, projected, expected...), the figure is
  what may happen (`forecast_problem`);
- since session 47: a duration of another event ("How long did he spend in hospital?" is not
  answered by how long he was trapped: `event_problem` with the answer's figures, as for a
  date); a figure for the place the question leaves out ("outside China" answered by the
  count "in China": `excluded_place_problem`); a person no cited article names ("Justice
  John Evers" beside "Governor Tony Evers": `made_up_name_problem`); and "who" answered by
  "a Minister of Legislative Assembly", a title after "a", which names no one.

A hand-written rule because no packaged model does this offline: the packaged LLMs are too
small to judge their own answers (measured in docs/evals.md), and there is no entailment
model in a PyPI package. It is a classic of extractive QA (expected answer types) and errs
on the side of answering: when in doubt, it passes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from rag.answer.constraints import (
    _MONTHS,
    _PHRASE,
    _TITLES,
    _WEEKDAYS,
    Constraint,
    Evidence,
    _found,
    _in_quotation,
    _name_runs,
    _numbers,
    _window_sentences,
    _without_titles,
    clauses,
    named_in,
    parse,
)
from rag.text import (
    article_sentences,
    content_words,
    figures_as_digits,
    figures_in_one_style,
    months_in_full,
    verb_words,
)

if TYPE_CHECKING:
    from rag.answer.evidence import Source


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TIME_WORDS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday today yesterday tomorrow tonight morning afternoon evening night day "
    "weekend week month year decade century spring summer autumn fall winter ago midnight noon "
    # "the final day", "the same week": a relative time answers "on which day"
    "first last final next same previous following early late mid")
_UNITS = _words("second seconds minute minutes hour hours day days week weeks month months "
                "year years decade decades century centuries")
_NUMBER_WORDS = _words(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen "
    "dozens half quarter third")
_WORD = re.compile(r"\w+(?:[.'’-]\w+)*")  # "U.S.", "Blinken-Liu", "China's" are one word

_ENTITY_NOUNS = (r"official|spokesperson|spokesman|spokeswoman|minister|president|leader|"
                 r"lawmaker|senator|diplomat|ambassador|envoy|artist|person|man|woman|company|"
                 r"firm|newspaper|agency|broadcaster|outlet|country|nation|city|town|village|"
                 r"hospital|university|airline|team|club|party|organi[sz]ation|exoplanet|"
                 r"planet|ship|airport|waterway|region|province|county|district|court|"
                 r"lawyer|attorney|judge|journalist|player|candidate|member|student|athlete|"
                 # Kinds of things news names by their proper names: "Which school did the
                 # pupils attend?" is not answered by "a school in Winchester".
                 r"politician|representative|congressman|congresswoman|legislator|governor|"
                 r"mayor|musician|singer|actor|actress|author|writer|scientist|"
                 r"mathematician|wrestler|rapporteur|school|college|museum|laboratory|"
                 r"festival|film|play|album|song|novel|magazine|network|channel|band|bank|"
                 r"carmaker|automaker|manufacturer|retailer|brand|state|island|river|lake|"
                 r"mountain|volcano|arena|station|church|cathedral|mosque|storm|hurricane|"
                 r"typhoon|cyclone|venue|stadium|hotel|theatre|theater|prison|restaurant|"
                 r"website|prize|award|tournament")
# "What did President Trump declare...?" asks what he declared, not which president: the words
# between "what" and the noun are the noun's modifiers, never a verb.
_AUXILIARIES = (r"(is|was|are|were|do|does|did|has|have|had|will|would|can|could|should|may|"
                r"might|must)")
# The question's form may follow a clause of its own: "According to the police, how many
# people...?", "As of 31 December 2019, how many...?" (not a question's own clause: "Who is
# Puri, who gave...?" asks for a role).
# Or a statement of its own, ended by a semicolon: "The study compared it with a 2008
# eruption in Alaska; which Alaskan volcano was that?"
_LEAD = (r"^\s*(?:[^?;]*;\s*)?"
         r"(?:(?!(?:who|whom|whose|what|which|when|where|why|how)\b)[^,?;]{0,80},\s*)?")
_EXPECTED: list[tuple[str, re.Pattern[str]]] = [
    # "For how long ...?", "By how much ...?"
    ("duration", re.compile(_LEAD + r"(for |over )?how long\b", re.I)),
    ("number", re.compile(
        _LEAD + r"((for|by|to|of|in) )?(how (many|much|old|far|tall|big|large|high|fast)|"
        r"(what|which) (is |was )?"
        r"(the )?(percentage|proportion|share|fraction|number|amount|total|score|margin|price|"
        r"cost|value|time|vote|death toll|toll)\b)", re.I)),
    ("time", re.compile(
        _LEAD + r"(when\b|((on|in|at|by) )?(what|which) (exact |calendar )?(date|day|month|year|"
        r"week)\b|(at|by|until) (what|which) (exact )?time\b)", re.I)),
    # "Who is Xie Feng?" asks for a role, not a name.
    ("name", re.compile(
        r"^\s*name (the|all|any|each|every)\b|" +
        _LEAD + r"(who(m|se)?\b(?!\s+(is|was|are|were)\s+(?-i:[A-Z][\w'’.-]*(\s+[A-Z][\w'’.-]*)*)"
        r"\s*([?,]|$))|where\b|(what|which) (is|was|are|were) the (full )?names? of\b|"
        r"((at|in|on|from|to|by|for|of) )?(which|what) "
        r"((?!" + _AUXILIARIES + r"\b)[\w'’-]+ ){0,3}(" + _ENTITY_NOUNS + r")s?\b)", re.I)),
]

# Questions about people: a person's name has no digits ("AXB1344" names a flight, not its pilot).
_PERSON = re.compile(_LEAD + r"who(m|se)?\b|\bnames? of\b", re.I)


def expected_type(question: str) -> str | None:
    """'time', 'duration', 'number' or 'name' when the question's form asks for one."""
    for kind, pattern in _EXPECTED:
        if pattern.search(question):
            return kind
    return None


def _has_number(words: Sequence[str]) -> bool:
    return any(_is_figure(w) for w in words)


def _is_figure(word: str) -> bool:
    """"813", "2.9", "six", "Sixty-six", "twenty-one": a figure, in digits or in words."""
    return any(ch.isdigit() for ch in word) or all(
        part in _NUMBER_WORDS for part in re.split(r"[-–]", word.lower()))


def _names(text: str, anywhere: bool = False) -> set[str]:
    """Capitalised words (stemmed) not just starting a sentence, or `anywhere`."""
    names: set[str] = set()
    for start, end in article_sentences(text):
        for i, word in enumerate(_WORD.findall(text[start:end])):
            if word[:1].isupper() and (i > 0 or anywhere):
                names |= content_words(word)
    return names


def _added_names(text: str, asked: set[str]) -> set[str]:
    """The names (stemmed) `text` writes that the question's words `asked` do not hold; an
    initial ("R.") is no name."""
    return {w for w in _names(text, anywhere=True) - asked if len(w) > 1}


def _dates_only(text: str) -> set[str]:
    """The figures of `text` that it writes only as dates ("12" of "June 12", "2019")."""
    tokens = _TOKEN.findall(text)
    dates = {t for i, t in enumerate(tokens) if _is_date(tokens, i)}
    counts = {t for i, t in enumerate(tokens) if _is_figure(t) and not _is_date(tokens, i)}
    return {t.lower() for t in dates - counts}


# A share is no count: "How many homes did the storm destroy?" is not answered by "45% to 60%
# destruction".
_PERCENT = re.compile(r"\d[\d.,]*\s*(?:%|per ?cent\b)", re.I)
_HOW_MANY_ASKED = re.compile(r"\bhow many\b", re.I)
# A unit with no figure is no duration: "for many years", "for years", "a few weeks".
_VAGUE = _words("many several some few numerous countless various multiple recent")
_ARTICLES = _words("a an one half")
_ROUND_PLURALS = _words("hundreds thousands millions billions dozens")


def _durations(answer: str) -> list[str]:
    """The units of `answer` that a figure (or "a", "an", "half") measures, not a vague
    word: "22 minutes", "two decades", "a year and a half", not "for many years"."""
    words = [w.lower() for w in _WORD.findall(answer)]
    found = []
    for i, word in enumerate(words):
        if word not in _UNITS or i == 0 or words[i - 1] in _VAGUE:
            continue
        before = words[max(0, i - 2):i]
        if any(_is_figure(w) or w in _ARTICLES for w in before):
            found.append(word)
    return found


# A figure joined to its unit: "a 14-hour drive", "a three-day visit"; not an age
# ("a 10-year-old boy").
_UNIT_COMPOUND = re.compile(r"\b(\w+)-(second|minute|hour|day|week|month|year|decade|century)"
                            r"\b(?!-old)", re.I)


_AND_A_HALF = re.compile(r"\b(\w+)-and-a-half\b", re.I)
_UNIT_LONG = re.compile(r"\b(second|minute|hour|day|week|month|year|decade)-long\b", re.I)


def _compound_duration(match: re.Match[str], asked: set[str]) -> str:
    """A joined duration ("a three-day voyage") written apart ("three day") when it measures
    something the question names (or nothing: "for a three-day"), else left joined: the
    length of the voyage is not how long the boat had been in service."""
    after = re.match(r"\s+(\w+)", match.string[match.end():])
    if after and content_words(after.group(1)) and not content_words(after.group(1)) & asked:
        return match.group(0)
    return f"{match.group(1)} {match.group(2)}"


# A duration of something: "three days of mourning", "20 years of service".
_UNIT_OF = re.compile(r"\b(seconds|minutes|hours|days|weeks|months|years|decades|centuries)"
                      r"\s+of\s+(\w+)", re.I)


def _duration_of(match: re.Match[str], asked: set[str]) -> str:
    """A duration "of" a noun the question does not name, its unit hidden: "three days of
    mourning" is not how long he had been ill."""
    noun = content_words(match.group(2))
    if noun and not noun & asked:
        return f"{match.group(1)}-of {match.group(2)}"
    return match.group(0)


def _stems(words: Iterable[str]) -> set[str]:
    """The stems of the words that are words alone: "10-year-old" stays out."""
    return {stem for w in words if w.isalpha() for stem in content_words(w)}


# "How long had he been mayor?" is answered by "since 1998": the start of the period.
_SINCE = re.compile(r"\bsince (?:(?:early|late|mid)[ -])?(?:\w+ )?(?:\d{1,2} )?(\d{4})\b", re.I)


# Not an age: "22-year-old Rangoli Patil" is hers, and another's age is no answer, except to
# a question for an age ("54-year-old sergeant Matt Ratana" for "How old was Ratana?").
_FIGURE_COMPOUND = re.compile(r"\b(\d[\d.]*)-([a-z]+)\b(?!-old)")
_AGE_COMPOUND = re.compile(r"\b(\d+)-(years?|months?|weeks?|days?)-old\b", re.I)
_HOW_OLD = re.compile(r"\bhow old\b", re.I)
_CREDIT_LINE = re.compile(r"\b(?:Image|Photo|Photograph|Picture|Credit|Video)s?:\s*[^.\n]*")
# A figure that labels what it follows ("Round 4", "Article 5", "world No. 16"), not a count.
_LABELLED = re.compile(r"\b(?:round|stage|phase|article|section|chapter|episode|season|game|"
                       r"flight|route|level|category|grade|number|no\.|week|day|act|part|"
                       r"volume|vol\.)\s+\d+\b", re.I)
_NAMED_NUMBER = re.compile(r"\b([A-Z][\w-]*)\s+\d{1,3}\b(?![.,:]?\d)")


def _aged(text: str) -> list[str]:
    """The words of the person an age compound stands before: "Metropolitan Police sergeant
    Matiu Ratana" of "54-year-old Metropolitan Police sergeant Matiu Ratana was shot"."""
    words = (m.group() for m in itertools.islice(_WORD.finditer(text), 6))
    return list(itertools.takewhile(lambda w: w.lower() not in _PHRASE_ENDS, words))


# Two number words joined ("Sixty-six people") are a figure: its digits, in the answer and the
# evidence alike. Other figures in words stay words here: read as digits too, they let six
# near misses of the development sets through and four wrong answers (session 40).
_COMPOUND_FIGURE = re.compile(r"\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-"
                              r"(?:one|two|three|four|five|six|seven|eight|nine)\b", re.I)


def _in_one_style(text: str) -> str:
    """Months in full and figures in one style (`figures_in_one_style`), a compound of number
    words as digits."""
    text = _COMPOUND_FIGURE.sub(lambda m: figures_as_digits(m[0].lower()), text)
    return figures_in_one_style(months_in_full(text))


def has_type(kind: str, answer: str, evidence: Sequence[tuple[str, int, int]],
             question: str) -> bool:
    """Whether the answer gives a `kind` that the question did not and the evidence does."""
    asked = content_words(question)
    if kind == "number" and _HOW_MANY_ASKED.search(question):
        answer = _PERCENT.sub(" ", answer)
    quotes = " ".join(article[start:end] for article, start, end in evidence)
    if kind == "duration":  # "a 14-hour drive" writes the duration "14 hours" of the drive
        # "a week-long stay" lasted a week; "a year-and-a-half" is a year and a half
        answer, quotes = (_UNIT_LONG.sub(r"\1 long", _AND_A_HALF.sub(r"\1 and a half", t))
                          for t in (answer, quotes))
        quotes = _UNIT_COMPOUND.sub(lambda m: _compound_duration(m, asked), quotes)
        quotes = _UNIT_OF.sub(lambda m: _duration_of(m, asked), quotes)
    if kind != "name":  # a figure or a day in one style: "1,500" is "1500", "Dec. 28" December
        answer, quotes = (_in_one_style(t) for t in (answer, quotes))
    if kind == "number":  # "a 48-acre space" measures 48 acres
        quotes = _FIGURE_COMPOUND.sub(r"\1 \2", quotes)
        quotes = _LABELLED.sub(" ", quotes)  # "Round 4", "world No. 16": a label, no count
        if _HOW_OLD.search(question):  # the asked person's age: "54-year-old sergeant Ratana"
            quotes = _AGE_COMPOUND.sub(
                lambda m: f"{m[1]} {m[2]} old" if content_words(
                    " ".join(_aged(quotes[m.end():]))) & asked else m[0], quotes)
    if kind == "time":  # "CentOS 8", "Windows 10": a number in a name dates nothing
        answer = _NAMED_NUMBER.sub(
            lambda m: m[0] if m[1].lower() in _DAY_NAMES else m[1], answer)
    new = [w for w in _WORD.findall(answer) if not content_words(w) & asked]
    if kind == "name":
        # A name the answer gives that the evidence holds and its article writes as a name:
        # "CCTV" may start a sentence, "top US lawmakers" is no name.
        # A photograph's credit ("Image: Paul Budd.") names who took it, and answers nothing
        # else.
        written = set().union(*(content_words(_CREDIT_LINE.sub(" ", article[start:end]))
                                & _article_names(article) for article, start, end in evidence))
        if _PERSON.search(question):
            # "Who claimed ...?" is not answered by "A Minister of Legislative Assembly from
            # Assam claimed ...": a title after "a" describes someone, and names no one.
            answer = _INDEFINITE_TITLE.sub(" ", answer)
        named = _added_names(answer, asked)
        if _PERSON.search(question):
            named = {w for w in named if not any(ch.isdigit() for ch in w)}
        return bool(named & written)
    written = set(_WORD.findall(quotes.lower()))
    found = written
    if kind in ("number", "duration"):
        # A figure the evidence writes only as a day or a year is no count: "12 hours" does
        # not rest on "on June 12".
        found = written - _dates_only(quotes)
    given = [w for w in new if w.lower() in found]
    if kind == "number":
        # "Many thousands of fans" counts no one: a plural of a round number, alone, is vague.
        return _has_number([w for w in given if w.lower() not in _ROUND_PLURALS])
    if kind == "duration":
        # The unit must be the evidence's: "79 years" does not rest on "Bishop Gutierrez, 79,
        # died" (an age), where the answer adds "years" itself, and a figure must measure it.
        # A unit the question gives ("How long, in hours, ...?") leaves the figure alone.
        # Units compared by their stems: "hours" is the "hour" of "a 14-hour drive".
        units = _stems(_durations(answer)) & _stems(new) & _stems(_durations(quotes))
        # A year, which `found` leaves out, is the start of the period.
        since = [year for year in _SINCE.findall(answer)
                 if year in written and year not in question]
        return bool(units) or bool(since) or (
            _has_number(given) and bool(_UNITS & {w.lower() for w in _WORD.findall(question)}))
    if _DAY_ASKED.search(question):
        # "On what date ...?" asks for a day: "in 2021" or "in July" gives none.
        return any(w.lower() in _DAY_WORDS or _is_day_number(w) for w in given)
    return any(w.lower() in _TIME_WORDS or any(ch.isdigit() for ch in w) for w in given)


_INDEFINITE_TITLE = re.compile(r"\b[Aa]n?\s+[A-Z][\w'’.-]*(?:\s+(?:of|for|the|and|"
                               r"[A-Z][\w'’.-]*))*")
_DAY_ASKED = re.compile(r"\b(?:what|which) (?:exact |calendar )?(?:date|day)\b|"
                        r"\bwhen exactly\b|\bexactly when\b", re.I)
_DAY_WORDS = _WEEKDAYS | _words("today yesterday tomorrow tonight first last final next same "
                                "previous following")


def _is_day_number(word: str) -> bool:
    """"27", "3rd": a day of a month, not a year."""
    match = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", word.lower())
    return match is not None and 1 <= int(match[1]) <= 31


# "How many (of the) N ...?", "What was the number of N ...?": N is what the answer counts.
_HOW_MANY = re.compile(_LEAD + r"(?:(?:for|by|to|of|in) )?"
                       r"(?:how many|(?:what|which) (?:is |was )?(?:the )?number of)\s+"
                       r"(?:of (?:the|their|its|his|her) )?(?P<n>[^?,;]+)", re.I)
_TOKEN = re.compile(r"\w+(?:[.,'’-]\w+)*|[^\w\s]")  # words, figures ("2,900", "2.9"), marks
# Words that end a counted noun phrase: "ten journalists [were] injured", "813 [in] China".
_PHRASE_ENDS = _words(
    "is was are were be been being do does did has have had will would can could should may "
    "might must of in on at by for from to with without into over under after before during "
    "since until as than and or but nor so yet the a an this that these those who whom whose "
    "which what when where why how including among against about according per each while "
    "he she it they his her its their we our you i there here more most less fewer least")
# Counts of people, or of the dead, that any word for people answers ("25 students", "813").
_ANY_PEOPLE = _words("people persons individuals lives deaths dead fatalities victims "
                     "casualties times cases")
_PHRASE_WORDS = 3
# What a count of news's common nouns may be written as: "five firearms" answers "how many
# guns", "2.9 million cars" answers "how many vehicles" (not the other way round: vehicles
# may be trucks). Written by hand because no thesaurus installs with its data offline (`wn`
# downloads WordNet at run time) and the packaged embedder scores co-hyponyms ("states" and
# "countries", "trucks" and "cars") as close as synonyms ("soldiers" and "troops"):
# docs/evals.md, session 39. The words of a group count as one another and as the words after
# it; a word of `_COUNT_HYPONYMS` is answered by its words, not the reverse.
_COUNT_SYNONYMS = [
    ("guns firearms", "handguns pistols rifles shotguns"),
    ("homes houses", "dwellings residences"),
    ("soldiers troops", "servicemen"),
    ("ships vessels", "boats"),
    ("companies firms", "businesses"),
    ("stores shops", "outlets"),
    ("aircraft planes", "airplanes jets"),
    ("bison buffalo", ""),
    ("flats apartments", ""),
    ("students pupils", ""),
    ("votes ballots", ""),
    ("employees workers", "staff staffers"),
]
_COUNT_HYPONYMS = {
    "vehicles": "cars trucks lorries buses vans automobiles motorcycles",
    "cars": "automobiles",
    "weapons": "guns firearms handguns pistols rifles shotguns",
    "aircraft": "helicopters",
    "children": "kids minors",
    "doctors": "physicians",
}


def _counted_as() -> dict[str, frozenset[str]]:
    """Each count noun with the nouns a count of which answers it (`_COUNT_SYNONYMS`,
    `_COUNT_HYPONYMS`)."""
    table = {word: _words(group) - {word} | _words(also)
             for group, also in _COUNT_SYNONYMS for word in group.split()}
    for asked, nouns in _COUNT_HYPONYMS.items():
        table[asked] = table.get(asked, frozenset()) | _words(nouns)
    return table


_COUNTED_AS = _counted_as()
_MONTH_NAMES = frozenset(_MONTHS)  # constraints' names, from `calendar`


def _is_date(tokens: list[str], i: int) -> bool:
    """A year ("2019") or a day beside its month ("March 19", "19 March"): no count."""
    token = tokens[i]
    if re.fullmatch(r"1[89]\d\d|20\d\d", token):
        return True
    beside = {tokens[j].lower() for j in (i - 1, i + 1) if 0 <= j < len(tokens)}
    return token.isdigit() and bool(beside & _MONTH_NAMES)


def counted_noun(question: str) -> str:
    """The noun phrase a "how many" question counts ("" for people and the dead)."""
    match = _HOW_MANY.search(question)
    if not match:
        return ""
    phrase: list[str] = []
    for word in _WORD.findall(match["n"]):
        if word.lower() in _PHRASE_ENDS or word.lower().endswith(("ed", "ing")):
            break
        phrase.append(word)
    if not phrase or phrase[-1].lower() in _ANY_PEOPLE:
        return ""
    return " ".join(phrase)


def _counts(text: str, verb_forms: bool = False) -> list[tuple[str, str]]:
    """Each figure of `text` with what it counts: the words written after it up to a
    function word, a verb form (unless `verb_forms`) or a mark ("ten police officers were
    ..." -> "police officers"; "813 in China" -> ""; "a 15-year sentence" -> "year
    sentence"). Dates are no figures here."""
    tokens = _TOKEN.findall(text)
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not _is_figure(token) or _is_date(tokens, i):
            i += 1
            continue
        figure = [token]
        i += 1
        # "2.9 million", "half a million"
        while i < len(tokens) and (tokens[i].lower() in _NUMBER_WORDS or (
                tokens[i].lower() in ("a", "an") and i + 1 < len(tokens)
                and tokens[i + 1].lower() in _NUMBER_WORDS)):
            figure.append(tokens[i])
            i += 1
        if i < len(tokens) and tokens[i] == "+":  # "18+ years" counts years
            i += 1
        words = [part for part in re.split(r"[-–]", token)
                 if part.isalpha() and any(ch.isdigit() for ch in token)]
        for word in tokens[i:i + _PHRASE_WORDS]:
            low = word.lower()
            if not word[0].isalnum() or low in _PHRASE_ENDS or (
                    not verb_forms and low.endswith(("ed", "ing"))):
                break
            words.append(word)
        found.append((" ".join(figure).lower(), " ".join(words)))
    return found


def _other_count(asked: set[str], counts: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The first of `counts` (figures and what they count), when every one counts a noun
    that is no word of the question (`asked`)."""
    if not counts or any(not noun or content_words(noun) & asked for _, noun in counts):
        return None
    return counts[0]


# "How many sharks a year" counts sharks: "a year" says how often, and "18 years" is no answer.
_RATE = re.compile(r"\b(?:a|an|per|each|every)\s+(?:second|minute|hour|day|week|month|year|"
                   r"decade)\b", re.I)
_AROUND = re.compile(r"\b(?:from|after|before|during|since|following|amid|when|while)\b"
                     r"[^,;?]*?(?=\b(?:in|at|on|of|by|for|with|near|and|to)\b|[,;?]|$)", re.I)


def counted_problem(question: str,
                    sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                    ) -> str | None:
    """Why no answer sentence counts what a "how many N" question counts, or None.

    A sentence passes when one of its figures counts a word of the question (N, or another:
    "93 statues" for "how many moai ... statue locations") or leaves its noun unsaid ("at
    least 813"), and its cited evidence, where it writes the same figure, counts the same
    there. Counts of people and of the dead are not checked: "25 students" answers "how many
    people"."""
    counted = counted_noun(question)
    if not counted:
        return None
    # Any word of the question may name what is counted, except those of a phrase saying
    # where from or when: "how many survivors were pulled from collapsed buildings" is not
    # answered by "20 buildings collapsed".
    asked = content_words(_RATE.sub(" ", _AROUND.sub(" ", question)))
    asked |= content_words(" ".join(
        noun for word in _WORD.findall(counted) for noun in _COUNTED_AS.get(word.lower(), ())))
    first: str | None = None
    for text, evidence in sentences:
        # A share counts nothing: "48% of the vote" is no number of votes (as in `has_type`).
        counts = _counts(_PERCENT.sub(" ", text) if _HOW_MANY_ASKED.search(question) else text)
        other = _other_count(asked, counts)
        if other is None:
            figures = {f for f, noun in counts if not noun or content_words(noun) & asked}
            other = next(filter(None, (
                # A word after the evidence's figure is its noun even when it reads like a
                # verb: "Three acres burned" does not rest on "The three deceased were ...".
                _other_count(asked, [c for c in _counts(article[start:end], verb_forms=True)
                                     if c[0] in figures])
                for article, start, end in evidence)), None)
        if other is None:
            return None
        first = first or (f"the question asks how many {counted}; "
                          f"the figure {other[0]} counts {other[1]}")
    return first


# The outcomes that news tallies, in the words that name each. A count of people of no kind
# ("25 students", "813") may be of any.
_COUNT_KINDS = {
    "deaths": "death deaths dead die died dying kill killed fatal fatalities fatality lives",
    "cases": "case cases infection infections infected positive",
    "recoveries": "recover recovered recovery recoveries discharged",
    "injuries": "injury injuries injured wounded",
    "arrests": "arrest arrests arrested detained",
    "hospitalisations": "hospitalised hospitalisation hospitalisations",
    "rescues": "rescue rescues rescued",
    "evacuations": "evacuate evacuated evacuation evacuations evacuees",
    "missing": "missing",
}
_KIND_STEMS = {kind: frozenset(content_words(words)) for kind, words in _COUNT_KINDS.items()}


def _kinds(text: str) -> set[str]:
    """The kinds of count whose words `text` holds."""
    words = content_words(text)
    return {kind for kind, stems in _KIND_STEMS.items() if words & stems}


# The count's own clause: up to a clause of time or cause ("..., how many grams was he given
# after he tested positive?" counts grams, not cases).
_COUNTED = re.compile(r"\b(?:how many|(?:what|which) (?:is |was )?(?:the )?number of)\s+"
                      r"(?P<n>(?:(?!\b(?:after|before|when|while|since|during|because|as|"
                      r"until|once|following)\b)[^?;,])+)", re.I)


def asked_count_kind(question: str) -> str | None:
    """The one kind of count a "how many" question asks for ("deaths" for "How many people
    had died?"), or None (no kind, or several)."""
    # Anywhere in the question: a leading clause may hold commas ("According to the WHO's
    # report of January 27, 2020, how many people had recovered?").
    match = _COUNTED.search(question)
    kinds = _kinds(match["n"]) if match else set()
    return kinds.pop() if len(kinds) == 1 else None


def _figure_kinds(text: str) -> list[tuple[str, set[str]]]:
    """Each figure of `text` with the kinds of count named by the words just after it, verb
    forms included ("33 recovered cases" -> recoveries and cases; "33 in" -> none), and past
    an auxiliary ("291 patients have recovered" -> recoveries)."""
    return [(figure.split()[0], _kinds(noun)) for figure, noun in
            _counts(_AUXILIARY_AFTER_NOUN.sub(" ", text), verb_forms=True)]


# "291 patients have recovered": the auxiliary between the counted noun and its verb.
_AUXILIARY_AFTER_NOUN = re.compile(r"(?<=[a-z])\s+(?:have|has|had|were|was|are|is)\s+(?:been\s+)?"
                                   r"(?=[a-z]+ed\b)")


def count_kind_problem(question: str,
                       sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                       ) -> str | None:
    """Why no answer sentence gives a count of the kind the question asks for, or None.

    A sentence passes when one of its figures names the asked kind or none, and its cited
    evidence, where it writes that figure, names the asked kind or none there too."""
    asked = asked_count_kind(question)
    if asked is None:
        return None
    given_by_question = {w.lower() for w in _TOKEN.findall(question)}
    first: str | None = None
    for text, evidence in sentences:
        answered = [(figure, kinds) for figure, kinds in _figure_kinds(text)
                    if figure not in given_by_question]  # not "COVID-19" of the question
        figures = [(figure, kinds) for figure, kinds in answered if not kinds or asked in kinds]
        other = next(((figure, kinds) for figure, kinds in answered
                      if kinds and asked not in kinds), None)
        for figure, _ in figures:
            given = [kinds for article, start, end in evidence
                     for f, kinds in _figure_kinds(article[start:end]) if f == figure]
            if not given or any(not kinds or asked in kinds for kinds in given):
                return None
            other = other or (figure, given[0])
        if other is not None:
            first = first or (f"the question asks how many {asked}; the figure {other[0]} "
                              f"counts {' and '.join(sorted(other[1]))}")
    return first


_NAME = r"(?-i:[A-Z]\w*(?:[.'’-]\w+)*)"
_ROLE = re.compile(
    r"(?:\b(?P<holder>" + _NAME + r")\s+)?"  # "China's", "US": whose role it is
    r"\b(?P<role>ambassador|envoy|minister|secretary|president|chair(?:man|woman|person)?|"
    r"ceo|head|chief|governor|mayor|representative|consul|commissioner|director|"
    r"spokes(?:person|man|woman)|premier|prime minister)s? (?P<prep>to|of|for) (?:the )?"
    r"(?P<name>" + _NAME + r"(?:\s+" + _NAME + r")*)", re.I)


def _roles(text: str) -> list[tuple[str, str, str, str]]:
    """The roles `text` gives: whose, which, and to or of whom ("China", "ambassador", "to",
    "US" for "China's ambassador to the US")."""
    return [(re.sub(r"['’]s$", "", m["holder"] or ""), m["role"].lower(), m["prep"].lower(),
             m["name"])
            for m in _ROLE.finditer(text)]


def _same_name(a: str, b: str) -> bool:
    """"US", "U.S." and "United States" are one name; "China" and "Chinese" one country.
    Errs towards one name ("Austria" and "Australia" share their first five letters): two
    names taken for one only let an answer through."""
    def squeezed(name: str) -> str:
        return name.replace(".", "").lower()

    def initials(name: str) -> str:
        return "".join(w[0] for w in name.replace(".", " ").split()).lower()
    stem = min(len(squeezed(a)), len(squeezed(b)), 5)
    return bool(content_words(a) & content_words(b)) or squeezed(a) == squeezed(b) or \
        initials(a) == squeezed(b) or initials(b) == squeezed(a) or \
        (stem >= 4 and squeezed(a)[:stem] == squeezed(b)[:stem])


def role_problem(sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                 ) -> str | None:
    """A role the answer turns round, or None: its evidence gives the role as the answer's
    country's or body's ("China's ambassador to the US") and never as going to it."""
    for text, evidence in sentences:
        given = [r for article, start, end in evidence for r in _roles(article[start:end])]
        for _, role, prep, name in _roles(text):
            same = [(holder, to) for holder, r, p, to in given if (r, p) == (role, prep)]
            turned = [(holder, to) for holder, to in same if holder and _same_name(name, holder)]
            if turned and not any(_same_name(name, to) for _, to in same):
                holder, to = turned[0]
                return (f"the answer says {role} {prep} {name}; its evidence says "
                        f"{holder}'s {role} {prep} {to}")
    return None


# Roles that news writes beside the person who holds them ("attorney Jane Doe", "the pilot,
# Ara Zobayan"), each with the words that name it. Generic ones ("official", "member") are not
# here: they are often left unsaid ("Loren Keating, the court commissioner").
_ROLE_WORDS = {
    "lawyer": "lawyer attorney counsel barrister solicitor",
    "judge": "judge justice magistrate",
    "pilot": "pilot co-pilot piloted piloting",
    "driver": "driver drove driving driven",
    "prosecutor": "prosecutor prosecution prosecuted prosecuting",
    "coach": "coach coached",
    "captain": "captain skipper captained",
    "doctor": "doctor physician surgeon",
    "spokesperson": "spokesperson spokesman spokeswoman spokespeople",
    "agent": "agent operative",
    # Places a news story names with their kind ("the Bach Mai hospital", "Evin prison"):
    # "Which hospital ...?" is not answered by a cemetery.
    "hospital": "hospital clinic infirmary medical",
    "prison": "prison jail penitentiary correctional detention",
    "airport": "airport airfield airbase",
    "stadium": "stadium arena",
    # (session 47) "In which cemetery was he buried?" is not answered by the city he died in,
    # nor "Which museums sent samples?" by the university of the study's author.
    "cemetery": "cemetery graveyard churchyard",
    "museum": "museum gallery",
    "university": "university college",
}
_ROLE_NAMES = {word: role for role, words in _ROLE_WORDS.items() for word in words.split()} | {
    "attorneys": "lawyer", "lawyers": "lawyer", "judges": "judge", "justices": "judge",
    "pilots": "pilot", "drivers": "driver", "prosecutors": "prosecutor", "coaches": "coach",
    "captains": "captain", "doctors": "doctor", "physicians": "doctor", "surgeons": "doctor",
    "agents": "agent", "operatives": "agent", "hospitals": "hospital", "prisons": "prison",
    "jails": "prison", "airports": "airport", "stadiums": "stadium", "cemeteries": "cemetery",
    "museums": "museum", "universities": "university"}
_ROLE_ALTERNATION = "|".join(sorted(_ROLE_NAMES, key=len, reverse=True))
# "Which (Supreme Court) justice ...?", "Who was the (Philippine Coast Guard) spokesperson
# ...?", "Who was the (team's) coach ...?", "Who was piloting ...?": the role the answer's
# person must hold.
_ASKED_ROLE = re.compile(
    _LEAD + r"(?:(?:(?:in|at|to|from|by|for|of|on|with)\s+)?"  # "In which hospital ...?"
    r"(?:which|what)\s+(?:(?!" + _AUXILIARIES + r"\b)[\w'’-]+\s+){0,2}?|"
    r"who(?:m)?\s+(?:is|was|were|are)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?|"
    r"who\s+(?:is\s+|was\s+|were\s+)?)(?P<role>" + _ROLE_ALTERNATION + r")\b", re.I)


def asked_role(question: str) -> str | None:
    """The role a question asks the holder of ("lawyer" for "Which attorney ...?"), or None."""
    match = _ASKED_ROLE.search(question)
    return _ROLE_NAMES[match["role"].lower()] if match else None


def asked_role_problem(question: str,
                       sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                       ) -> str | None:
    """Why no answer sentence's evidence names the role the question asks the holder of, or
    None (also when the question asks for no such role)."""
    role = asked_role(question)
    if role is None:
        return None
    words = _ROLE_WORDS[role].split()
    alternation = "|".join(map(re.escape, words))
    named = re.compile(r"\b(?:" + alternation + r")(?:s|es)?\b", re.I)
    # "The seaman was identified as Jaypee Galicha by a Coast Guard spokesperson": the agent
    # of a passive, "by a ...", is someone left unnamed, and the name is another's.
    unnamed = re.compile(r"\bby an?\s+(?:[\w'’-]+\s+){0,3}?(?:" + alternation + r")(?:s|es)?\b",
                         re.I)
    for _, evidence in sentences:
        if any(named.search(unnamed.sub(" ", Evidence(article, start, end).window))
               for article, start, end in evidence):
            return None
    return f"the question asks for the {role}; the evidence cited names no {role}"


_REPORTED = _words(
    "said says reported reports announced announces confirmed confirms told tells stated "
    "states revealed reveals disclosed tweeted wrote claimed claims")
_DAY_NAMES = _MONTH_NAMES | _WEEKDAYS
_DATE_TOKEN = re.compile(r"\d{1,4}(?:st|nd|rd|th)?")
# The words of a "when" question that ask for the time, not name the event.
_TIME_ASKED = _words("date day time year month week exact calendar happen happened")
_LONG = frozenset(content_words("long"))  # of "how long", which asks for the time
_HOW_LONG_DID = re.compile(r"\bhow long (?:did|does|do|had|has|have|will|would)\b", re.I)
_OPENING = 3  # a date among a sentence's first words opens it ("On July 31, ...")
_REPORTER = 8  # how far after an opening date its report verb may come


def event_words(question: str) -> set[str]:
    """The stemmed words of a "when" question that name its event: neither the time asked
    for nor a name ("killed" of "On what date was Hamza bin Laden killed?")."""
    words = _WORD.findall(question)
    named: set[str] = set()
    for i, word in enumerate(words):
        # A capitalised word after the first, or "bin" in "Hamza bin Laden"; not a verb in
        # "-ed" ("the House impeached Donald Trump" names no "impeached").
        inside = 0 < i < len(words) - 1 and words[i - 1][:1].isupper() \
            and words[i + 1][:1].isupper() and not word.lower().endswith("ed")
        # "al-Qaeda" is a name too: a capital after its hyphen.
        capital = word[:1].isupper() or any(p[:1].isupper() for p in word.split("-")[1:])
        if (i > 0 and capital) or inside:
            named |= verb_words(word)
    return verb_words(question) - content_words(" ".join(_TIME_ASKED)) - named


def _answer_dates(question: str, answer: str) -> set[str]:
    """The words of a date the answer gives and the question does not."""
    asked = content_words(question)
    return {w for w in _WORD.findall(answer)
            if (w.lower() in _DAY_NAMES or _DATE_TOKEN.fullmatch(w))
            and not content_words(w) & asked}


def _dates_a_report(dates: set[str], event: set[str], sentence: str) -> str | None:
    """The report verb when `sentence` gives one of `dates` as the day of a report and does
    not name the event: "reported on July 31", "On July 31, outlets reported"."""
    if event & content_words(sentence):
        return None
    words = _WORD.findall(sentence)
    low = [w.lower() for w in words]
    for i, word in enumerate(words):
        if word not in dates:
            continue
        near = low[max(0, i - 3):i] + (low[i + 1:i + _REPORTER] if i < _OPENING else [])
        verb = next((w for w in near if w in _REPORTED), None)
        if verb:
            return verb
    return None


def _giving(evidence: Sequence[tuple[str, int, int]], dates: set[str]
            ) -> list[tuple[str, int, int]]:
    """The cited spans that write one of `dates`' words."""
    return [(article, start, end) for article, start, end in evidence
            if set(_WORD.findall(article[start:end])) & dates]


def reported_problem(question: str,
                     sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                     ) -> str | None:
    """Why the answer's date is the day the event was reported, not the day it happened, or
    None. Each answer sentence fails when every span it cites for the answer's day dates a
    report (`_dates_a_report`) and no sentence of the span's article gives the date with the
    question's event words (there the report's day may be the event's too)."""
    event = event_words(question)
    if not event:
        return None
    first: str | None = None
    for text, evidence in sentences:
        dates = _answer_dates(question, text)
        # The spans that give the day or month (a span holding only the year gives the year
        # of something else: "described him in March of this year (2019)").
        days = {d for d in dates if not re.fullmatch(r"\d{3,4}", d)} or dates
        cited = _giving(evidence, days)
        verbs = [_dates_a_report(dates, event, article[start:end])
                 for article, start, end in cited]
        if not verbs or not all(verbs):
            return None
        for article, start, _ in cited:
            for s, e in article_sentences(article):
                if not s <= start < e and set(_WORD.findall(article[s:e])) & dates \
                        and event & content_words(article[s:e]):
                    return None
        first = first or (f"the date the evidence cited gives is when it was {verbs[0]}, "
                          "not when it happened")
    return first


def _descriptors(question: str) -> set[str]:
    """The stemmed words just before a name that describe it rather than the event: "radio
    host" of "the funeral for radio host Don Imus", "cybersecurity firm" of "did the
    cybersecurity firm UpGuard". Only after a function word or at the start: after a name or
    another content word they are the event's ("did UpGuard first email Cultura Colectiva")."""
    words = _WORD.findall(question)
    found: set[str] = set()
    for i, word in enumerate(words):
        if i == 0 or not word[:1].isupper() or words[i - 1][:1].isupper():
            continue
        run = i
        while run > max(0, i - 2) and content_words(words[run - 1]) \
                and not words[run - 1][:1].isupper():
            run -= 1
        if run < i and (run == 0 or not content_words(words[run - 1])):
            for before in words[run:i]:
                found |= content_words(before)
    return found


# A clause of the question that dates its event by another ("... pronounced dead after being
# shot at the custody centre", "... last appear in a video before Trump announced his death"):
# from its conjunction to the next comma or the end.
_OTHER_EVENT = re.compile(r"(?<=\w)\s+(?:after|before|since|until|while)\b[^,?]*", re.I)
# A description set off by commas between the question's subject and its verb, when it names
# or dates an event of its own: "did Anne Sacoolas, the US diplomat's wife involved in the
# crash that killed Harry Dunn, leave", "did the waiver, announced alongside the national
# emergency in March 2020, take effect" (session 47). One with neither may say the asked
# event in other words: "did Doris Day's only child, the producer who predeceased her, die".
_DESCRIPTION = re.compile(r",\s+(?:the|a|an|who|which|whose|\w+ed)\b[^,?]*,", re.I)


def _without_descriptions(question: str) -> str:
    """`question` without its descriptions of other events (`_DESCRIPTION`)."""
    return _DESCRIPTION.sub(
        lambda m: " " if re.search(r"\d|\s[A-Z]", m[0][2:]) else m[0], question)


def answer_figures(question: str, answer: str) -> set[str]:
    """The figures (in digits or in words) the answer gives and the question does not."""
    asked = {w.lower() for w in _WORD.findall(question)}
    return {w for w in _WORD.findall(answer) if _is_figure(w) and w.lower() not in asked}


def event_problem(question: str,
                  sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]],
                  given: Callable[[str, str], set[str]] = _answer_dates,
                  what: str = "date") -> str | None:
    """Why the answer's date is the date of something else, or None: no cited sentence that
    gives the date names a word of the question's event ("held", "funeral" of "On what date
    was the funeral held?"; not "died on Friday"), nor does a neighbour give the same date
    with the event. A neighbour that names the event with no date ("Imus was inducted into
    the Hall of Fame. In 2007 MSNBC dropped him") dates nothing. Measured over 19 sets by
    replay (session 38): 5 near misses refused that such neighbours had let pass, against
    one right answer ("assault" for "attacked") given as a partial answer instead.

    The event is the one asked: "When did Hamza bin Laden last appear in a video before
    Trump announced his death?" asks when he appeared, and a date of the announcement is
    another's (`_OTHER_EVENT`). Verbs are read in any tense ("sink" in "the day it sank":
    `rag.text.verb_words`)."""
    event = event_words(question) - _descriptors(question) - _LONG
    own = event & event_words(_OTHER_EVENT.sub(" ", _without_descriptions(question)))
    if own:
        event = own  # the asked event's words, not those of the event that dates it
    if not event:
        return None
    first: str | None = None
    for text, evidence in sentences:
        dates = given(question, text)
        giving = _giving(evidence, dates)
        # The clause that gives the date, where one does: "it was published in 1925; the
        # first excavations happened before that" dates no excavation.
        cited = [clause for article, start, end in giving
                 for clause in _dated_clauses(article[start:end], dates)]
        if not cited or any(_found(event, verb_words(c)) for c in cited):
            return None
        # A neighbour that gives the same day with the event: "The talks on Sunday were
        # candid. Both countries said Sunday that ..." dates the talks.
        if any(set(_WORD.findall(clause)) & dates and _found(event, verb_words(clause))
               for article, start, end in giving
               for s, e in _window_sentences(article, start, end)
               for clause in _dated_clauses(article[s:e], dates)):
            return None
        first = first or f"the {what} the evidence cited gives is the {what} of something else"
    return first


def _dated_clauses(sentence: str, dates: set[str]) -> list[str]:
    """The clauses of `sentence` that write one of `dates`; the sentence if none does. A
    clause that names only who and when borrows the words of the one before ("Bill Clinton
    was impeached in 1998, and Andrew Johnson in 1868"): it is read with the whole sentence."""
    dated = [c for c in clauses(sentence) if set(_WORD.findall(c)) & dates] or [sentence]
    return [sentence if _elliptical(c, dates) else c for c in dated]


def _elliptical(clause: str, dates: set[str]) -> bool:
    """Whether `clause` holds nothing but a name, a date and function words ("and Andrew
    Johnson in 1868"; not "in 2014" alone)."""
    words = [w for w in _WORD.findall(clause) if w not in dates and not w.isdigit()]
    rest = [w for w in words if not w[:1].isupper()]
    # (its first word may be capitalised for the sentence's sake: "And", "The")
    named = any(w[:1].isupper() and content_words(w) for w in words[1:])
    return named and not content_words(" ".join(rest))


_WHICH_PLURAL = re.compile(r"\b(?:which|what)\s+(?:\w+\s+){0,2}?(?P<n>\w+s)\b", re.I)
_SOME = "(?:" + "|".join(sorted(_VAGUE | {"certain"})) + ")"  # "some colonies", "a few"


def vague_items_problem(question: str,
                        sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                        ) -> str | None:
    """Why an answer to "Which colonies ...?" names none of them, or None: "some colonies of
    the species are growing" says that there are such colonies, not which. A sentence that
    writes the asked noun after a vague quantifier and adds no name of its own fails."""
    match = _WHICH_PLURAL.search(question)
    if match is None:
        return None
    vague = re.compile(rf"\b{_SOME}\s+(?:\w+\s+)?{re.escape(match['n'])}\b", re.I)
    asked = content_words(question)
    for text, _ in sentences:
        if not vague.search(text) or _added_names(text, asked):
            return None
    return f"the question asks which {match['n']}; the answer names none"


_AGE_WHEN = re.compile(r"\bhow old (?:was|were|is|are|will)\b.*?\bwhen\b(?P<event>[^?]+)", re.I)


def age_event_problem(question: str,
                      sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                      ) -> str | None:
    """Why the age the answer gives is the person's age at another time, or None: "How old
    was she when she married the conductor?" is not answered by "She was 95" (at her death).
    As for a date (`event_problem`), a cited sentence that gives the age must name, in it or
    its neighbours, a word of the event after "when" (names left out)."""
    match = _AGE_WHEN.search(question)
    if match is None:
        return None
    event = content_words(" ".join(w for w in _WORD.findall(match["event"])
                                   if not w[:1].isupper()))
    if not event:
        return None
    first: str | None = None
    for text, evidence in sentences:
        ages = _numbers(text, as_written=False) - _numbers(question, as_written=False)
        cited = [span for span in evidence
                 if ages & _numbers(span[0][span[1]:span[2]], as_written=False)]
        if not cited or any(_found(event, content_words(Evidence(*span).window))
                            for span in cited):
            return None
        first = first or "the age the evidence cited gives is at another time"
    return first


# The words for the two ends of something: its start and its end.
_STARTS = frozenset(content_words("launch launched start started begin began begun open opened "
                                  "opening beginning"))
_ENDS = frozenset(content_words("end ended ending finish finished close closed closing quit "
                                "suspend suspended withdraw withdrew withdrawn conclude "
                                "concluded"))


_RELATIVE_VERB = re.compile(r"\b(?:that|which|who|he|she|they|it|we)\s+\w+", re.I)


def other_end_problem(question: str,
                      sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                      ) -> str | None:
    """Why the answer's date is when the asked thing ended rather than began (or the other
    way round), or None: every cited sentence that gives the date names the other end and
    not the asked one."""
    event = event_words(question)
    if event & _STARTS and event & _ENDS:
        # "When did Hickenlooper launch the campaign he ended in August?": the end named in
        # a clause of its own (after "he", "that", "which") describes; the other is asked.
        event = verb_words(_RELATIVE_VERB.sub(" ", question))
    if bool(event & _STARTS) == bool(event & _ENDS):  # neither end, or both
        return None
    asked, other = (_STARTS, _ENDS) if event & _STARTS else (_ENDS, _STARTS)
    first: str | None = None
    for text, evidence in sentences:
        dates = _answer_dates(question, text)
        cited = [article[start:end] for article, start, end in _giving(evidence, dates)]
        if not cited or any(content_words(c) & asked or not content_words(c) & other
                            for c in cited):
            return None
        verb = next(iter(sorted(content_words(cited[0]) & other)))
        first = first or (f"the date the evidence cited gives is for the {verb} "
                          f"(the question asks for the {'start' if asked is _STARTS else 'end'})")
    return first


_WORLD = re.compile(r"\b(?:worldwide|globally|world-wide|around the world|across the world|"
                    r"in the world|global)\b", re.I)
_PLACE = re.compile(r"\b(?:in|across|throughout) (?:the )?(?P<p>(?-i:[A-Z][\w.'’-]*(?:\s+"
                    r"(?-i:[A-Z][\w.'’-]*))*))", re.I)


def scope_problem(question: str,
                  sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                  ) -> str | None:
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
                      and m["p"].split()[0].lower() not in _DAY_NAMES), None)
        if place is None:
            return None
        places.append(place.rstrip("."))
    return f"the question asks worldwide; the answer gives a figure for {places[0]}" \
        if places else None


# "outside China", "excluding Hubei", "other than the US": a place a count leaves out.
_EXCLUDED = re.compile(r"\b(?:outside(?: of)?|excluding|except|other than|beyond)\s+(?:the\s+)?"
                       r"(?P<p>" + _NAME + r"(?:\s+" + _NAME + r")*)")
# The first place written after a figure, in its clause: "2741 confirmed cases, 80 deaths and
# 5794 suspected cases in China" puts 2741 in China.
_NEXT_PLACE = re.compile(r"[^;.]*?\b(?P<prep>in|outside(?: of)?|across|within)\s+(?:the\s+)?"
                         r"(?P<p>(?-i:[A-Za-z][\w.'’-]*))")


def excluded_place_problem(question: str,
                           sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                           ) -> str | None:
    """Why a figure asked for outside a place is the figure for that place, or None: "How
    many cases outside China did the WHO report?" is not answered by 2741 from "2741 confirmed
    cases ... in China, 37 confirmed cases in other countries". Fails when every figure the
    answer adds is one its cited evidence writes with the excluded place as the first place
    after it ("in China"), and none with another."""
    match = _EXCLUDED.search(question)
    if match is None or expected_type(question) != "number":
        return None
    place = content_words(match["p"])
    asked = _figures(question)
    first: str | None = None
    for text, evidence in sentences:
        figures = _figures(text) - asked
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


# Who a figure is credited to, by name: "by NBC's reckoning", "AP's count of", "according to
# the USGS", "the EMSC put it at", "recorded as 6.4 by the USGS". A credit by a common noun
# ("by police estimates") names no one and is left alone.
_CREDIT = re.compile(
    r"\b[Aa]ccording to (?:the )?(?P<to>" + _NAME + r"(?:\s+" + _NAME + r")*)"
    r"|\b(?P<of>" + _NAME + r"(?:\s+" + _NAME + r")*)['’]s?\s+(?:own\s+)?"
    r"(?:reckoning|count|counts|tally|tallies|estimates?|calculations?|figures?|projections?|"
    r"data|forecasts?)\b"
    r"|\b(?P<by>" + _NAME + r"(?:\s+" + _NAME + r")*)\s+(?:also\s+|later\s+)?"
    r"(?:puts?|estimated|estimates|counted|counts|tallied|tallies|reckoned|projected|projects|"
    r"recorded|records|measured|reported|reports)\b"
    r"|\b(?:recorded|measured|estimated|counted|reported|put|given|projected|tallied|reckoned)"
    r"\b[^,;]{0,50}?\bby (?:the )?(?P<pas>" + _NAME + r"(?:\s+" + _NAME + r")*)")


# Words of a question for the latest news that name no topic.
_NOT_TOPIC = _words("latest most recent recently newest now currently present days news "
                    "development developments happened happening update updates result "
                    "results new")


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


def _credits(sentence: str) -> list[tuple[int, int, str]]:
    """Where `sentence` credits something to a source by name, and the name."""
    found = []
    for m in _CREDIT.finditer(sentence):
        start, end, name = m.start(), m.end(), m["to"] or m["of"] or m["by"] or m["pas"]
        # "According to the U.S. embassy in Beijing, ...": the whole phrase, to its mark, is
        # who is credited, as `constraints` reads an "according to" source.
        phrase = re.match(rf"{_PHRASE}+", sentence[m.start("to"):]) if m["to"] else None
        if phrase:
            name, end = phrase.group(0).strip(), m.start("to") + len(phrase.group(0))
        found.append((start, end, name))
    found = [(start, end, re.sub(r"^(?:The|A|An)\s+", "", name)) for start, end, name in found]
    return [(start, end, name) for start, end, name in found if content_words(name)]  # not "It"


def _credited(sentence: str, figure: str) -> str | None:
    """The name credited with `figure` in `sentence`: the credit nearest the figure; "" when
    the sentence writes the figure and credits no one by name, None when it does not write
    it."""
    spots = [m.span() for m in re.finditer(rf"(?<![\w.,]){re.escape(figure)}(?![\w]|[.,]\d)",
                                           sentence)]
    if not spots:
        return None
    credits = _credits(sentence)
    if not credits:
        return ""

    def gap(credit: tuple[int, int, str], spot: tuple[int, int]) -> int:
        return max(credit[0] - spot[1], spot[0] - credit[1], 0)
    return min((gap(c, s), c[2]) for c in credits for s in spots)[1]


def _is_source(sources: Sequence[Constraint], name: str) -> bool:
    return any(named_in(source, name) for source in sources)


def credited_problem(question: str,
                     sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                     ) -> str | None:
    """Why the answer's figure is another source's, or None. For a question that names a
    source, the answer fails when every figure it adds that its evidence writes is credited
    there, in each cited span that writes it, to a name that is not the question's source. A
    figure a span writes without crediting anyone by name passes, and so does an answer that
    adds no such figure."""
    sources = [c for c in parse(question) if c.kind == "source"]
    if not sources:
        return None
    asked = set(_WORD.findall(question))
    wrong: list[tuple[str, str]] = []
    for text, evidence in sentences:
        for figure in (w for w in _WORD.findall(text)
                       if any(ch.isdigit() for ch in w) and w not in asked):
            credited = [name for article, start, end in evidence
                        if (name := _credited(article[start:end], figure)) is not None]
            if any(not name or _is_source(sources, name) for name in credited):
                return None
            wrong += [(figure, name) for name in credited[:1]]
    if not wrong:
        return None
    figure, name = wrong[0]
    return (f"the question asks for {sources[0].text.strip()}'s figure; the evidence cited "
            f"gives {figure} as {name}'s")


# The answer says the fact asked for is not given: "on some unspecified date", "an undisclosed
# sum", "an unnamed agent" answer no "when", "how much" or "who".
# "What lung disease did he die of?": a thing asked for by its kind ("died of an unspecified
# lung disorder" gives none); not "What did ...?", which asks what someone did or said.
_WHAT_THING = re.compile(_LEAD + r"(?:what|which)\s+(?!" + _AUXILIARIES + r"\b)[a-z]", re.I)
_HEDGE = re.compile(r"\b(?:unspecified|undisclosed|unknown|unnamed|unidentified|unclear|"
                    r"not (?:yet )?(?:been )?(?:specified|disclosed|named|identified|known|"
                    r"given|stated|revealed|released|made public)|"
                    # "The party did not immediately announce whom it would support"
                    r"(?:did|does|do|has|have|had) not (?:yet )?(?:immediately )?(?:publicly )?"
                    r"(?:announced?|named?|disclosed?|revealed?|specified|specify|identified|"
                    r"identify|confirmed?|released?|said|say|stated?|reported|report))\b", re.I)


# "Who called it 'a stab in the back'?" asks who spoke the phrase; "Who was called 'a true
# hero'?" asks whom it describes.
_WHO_SAID_QUOTE = re.compile(
    _LEAD + r"who\b(?!\s+(?:is|was|are|were|has been|had been)\b)[^?]*?(?<!\w)[\"“‘']\w", re.I)


def _outside_quotation(article: str, start: int, end: int, names: set[str]) -> bool:
    """Whether one of the stemmed `names` stands in article[start:end] outside a quotation."""
    for match in _WORD.finditer(article, start, end):
        if content_words(match.group()) & names and not _in_quotation(article, match.start()):
            return True
    return False


def quoted_speaker_problem(question: str,
                           sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                           ) -> str | None:
    """Why the answer to "who said 'Q'?" names someone the quotation itself names, or None.

    A quotation's speaker is named outside it ("...," said Corbyn; Corbyn called it "..."),
    while the people named inside it are the ones spoken of: "a Trump/GOP plant like the
    unhinged rapper .... Bill Shearer must be rolling over in his grave" is no words of Bill
    Shearer. An answer sentence passes when a name it adds to the question stands in its
    cited evidence outside quotation marks."""
    if not _WHO_SAID_QUOTE.search(question):
        return None
    asked = content_words(question)
    for text, evidence in sentences:
        names = _added_names(text, asked)
        if not names or any(_outside_quotation(article, start, end, names)
                            for article, start, end in evidence):
            return None
    return ("the question asks who said the quoted words; the answer names only someone the "
            "quotation itself speaks of")


# "Which three rival candidates...?", "Name the nine men...": a list of a stated length.
_COUNTS = {word: n for n, word in enumerate(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], start=2)}
_LISTED = re.compile(r"^\s*(?:name the|which|what|who (?:were|are) the) ("
                     + "|".join(_COUNTS) + r"|\d{1,2}) ", re.I)
_NAME_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def listed_problem(question: str,
                   sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                   ) -> str | None:
    """Why the answer to "which three X?" names fewer than three, or None.

    Each run of capitalised words that holds a word the question does not is one name
    ("Team Zorin", "Gricol Yang"): "Team Zorin, Gricol Yang, and another candidate" names
    two of three. A name split by "of" ("University of Sydney") counts twice, which errs on
    the side of answering; a thing written in lower case ("the gray wolf") is not counted,
    so the check runs only where the question asks for names (`expected_type` "name")."""
    asked_list = _LISTED.search(question)
    if not asked_list:
        return None
    count = asked_list.group(1).lower()
    wanted = int(count) if count.isdigit() else _COUNTS[count]
    asked = content_words(question)
    runs = {run.group() for text, _ in sentences for run in _NAME_RUN.finditer(text)
            if {w for w in content_words(run.group()) - asked if len(w) > 1}}
    if len(runs) >= wanted:
        return None
    return f"the question asks for {wanted} names; the answer gives {len(runs)}"


@lru_cache(maxsize=32)
def _article_names(article: str) -> frozenset[str]:
    return frozenset(_names(article))


def _figures(text: str) -> set[str]:
    """The figures of `text` in one style ("1,500" -> "1500"), dates left out."""
    text = figures_in_one_style(text)
    return {w.lower() for w in _WORD.findall(text) if any(ch.isdigit() for ch in w)} - \
        _dates_only(text)


_FULL_DATE = re.compile(
    r"\b(?:(?P<m1>[A-Z][a-z]+)\.? (?P<d1>\d{1,2})(?:st|nd|rd|th)?,? "
    r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?P<m2>[A-Z][a-z]+),? )(?P<y>(?:19|20)\d\d)\b")


_DAY_AFTER = re.compile(r"\bthe (?P<side>day after|day before|next day after)(?:\s+the)?\s*$",
                        re.I)


def _weekdays_of(question: str) -> set[str]:
    """The weekdays of the dates the question writes with day, month and year; of the next
    or the previous day where the question asks about "the day after" or "the day before"
    the date ("the day after the October 30, 2020 earthquake" is a Saturday)."""
    days: set[str] = set()
    question = months_in_full(question)
    for match in _FULL_DATE.finditer(question):
        month = (match.group("m1") or match.group("m2")).lower()
        if month not in _MONTHS:
            continue
        try:
            day = dt.date(int(match.group("y")), _MONTHS[month],
                          int(match.group("d1") or match.group("d2")))
        except ValueError:
            continue
        shift = _DAY_AFTER.search(question[max(0, match.start() - 30):match.start()])
        if shift is not None:
            day += dt.timedelta(days=-1 if "before" in shift["side"].lower() else 1)
        days.add(calendar.day_name[day.weekday()].lower())
    return days


def other_day_problem(question: str,
                      sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                      ) -> str | None:
    """Why the answer's figure is another day's, or None.

    "What were the storm's winds on the Sunday it was first detected?" is not answered by
    "30 mph" from "As of Monday evening, it had sustained winds of 30 mph". Where the
    question names a weekday, or a date with its year (the weekday it fell on: "as of April
    28, 2020" is a Tuesday), and every cited sentence that gives the answer's figure names
    another weekday and not the asked one, the figure is that other day's. A sentence that
    names no weekday passes."""
    asked = ({w.lower() for w in _WORD.findall(question)} & _WEEKDAYS) | _weekdays_of(question)
    if not asked:
        return None
    given = _figures(question)
    first: str | None = None
    for text, evidence in sentences:
        figures = _figures(text) - given
        giving = [article[start:end] for article, start, end in evidence
                  if figures & _figures(article[start:end])]
        if not figures or not giving:
            return None
        others: set[str] = set()
        for quote in giving:
            days = {w.lower() for w in _WORD.findall(quote)} & _WEEKDAYS
            if not days or days & asked:
                return None
            others |= days
        first = first or (f"the question asks about {' or '.join(sorted(asked)).title()}; "
                          f"the evidence cited gives the figure for "
                          f"{' or '.join(sorted(others)).title()}")
    return first


_FULL_NAME = re.compile(r"\bfull names?\b", re.I)


def full_name_problem(question: str,
                      sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                      ) -> str | None:
    """Why the answer to "What is the full name of ...?" gives no full name, or None: a
    name it adds must stand in a run of two capitalised words or more (`constraints`' name
    runs: "Łukasz" alone is a first name)."""
    if not _FULL_NAME.search(question):
        return None
    asked = content_words(question)
    for text, _ in sentences:
        for _span, run in _name_runs(text, first=True):
            if len(run.split()) > 1 and _added_names(run, asked):
                return None
    return "the question asks for a full name; the answer gives one word of a name"


def made_up_name_problem(question: str,
                         sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                         ) -> str | None:
    """Why the person the answer names to "Who ...?" is no one its articles name, or None:
    "Justice John Evers" from an article that names Governor Tony Evers. A full name the
    answer's first sentence adds (two capitalised words or more, its titles left out) must
    have its first and last words within three words of each other in a cited article
    ("Tony Evers", "Tony S. Evers"; any word before the last will do: "Prime Minister Boris
    Johnson"); each word alone is not enough."""
    if not _PERSON.search(question) or not sentences:
        return None
    asked = content_words(question)
    text, evidence = sentences[0]
    articles = {article for article, _, _ in evidence}
    if not articles:
        return None
    for _span, run in _name_runs(text, first=True):
        words = _without_titles(run).split()
        if len(words) < 2 or not _added_names(run, asked) or any(
                not w[:1].isupper() or any(ch.isdigit() for ch in w) for w in words):
            continue
        if len(words) == 2 and words[0].lower().rstrip(".") in _TITLES:
            continue  # "President Trump": a title and a surname, written in many ways
        # Any word before the last with it: "Prime Minister Boris Johnson" is Boris Johnson.
        last = re.escape(words[-1].rstrip(".,"))
        near = [re.compile(rf"\b{re.escape(w)}\b(?:\W+\w+){{0,2}}?\W+{last}\b")
                for w in words[:-1]]
        if not any(n.search(article) for n in near for article in articles):
            return f"the answer names {' '.join(words)}, whom the articles cited do not name"
    return None


# Words news writes in contrast, where a near fact stands beside the one asked for: the
# runner-up's prize beside the winner's, the women's race beside the men's, the minimum
# beside the maximum. Each pair is two sides; a question that names one side (and not the
# other) is not answered from evidence that names only the other.
_CONTRASTS = [(_words(a), _words(b)) for a, b in (
    ("winner winners winning champion champions", "runner-up runners-up"),
    ("men men's male boys", "women women's female girls"),
    ("minimum lowest least", "maximum highest most"),
    ("previous earlier prior", "next later subsequent"),
    ("mother mothers", "father fathers"),
    ("son sons", "daughter daughters"),
    ("husband", "wife"),
    ("brother brothers", "sister sisters"),
    ("north northern", "south southern"),
    ("east eastern", "west western"),
    ("upper", "lower"),
    ("gold", "silver bronze"),
    ("youngest", "oldest"),
    ("born birth", "die died dies dying dead death"),
)]
# "stabbed four people to death" says how others died: no death the question asks about.
_MANNER = re.compile(r"\bto death\b", re.I)


def contrast_problem(question: str,
                     sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                     ) -> str | None:
    """Why the answer's evidence is about the other side of a contrast the question names
    ("How much did the runner-up receive?" from "the winning team receiving C$10,000"), or
    None: some cited span of some answer sentence names no other side without the asked one."""
    asked = {w.lower() for w in _WORD.findall(_MANNER.sub(" ", question))}
    sides = [(mine, other) for a, b in _CONTRASTS for mine, other in ((a, b), (b, a))
             if asked & mine and not asked & other]
    if not sides:
        return None
    first: str | None = None
    for _, evidence in sentences:
        for article, start, end in evidence:
            words = {w.lower() for w in _WORD.findall(article[start:end])}
            other = next(((m, o) for m, o in sides if words & o and not words & m), None)
            if other is None:
                return None
            first = first or (f'the question asks about "{min(asked & other[0])}"; the '
                              f'evidence cited is about "{min(words & other[1])}"')
    return first


# A negator and the word it negates, past an auxiliary or an adverb: "were not included",
# "has never been charged", "didn't commute". "Not only" negates nothing.
_NEGATION = re.compile(r"\b(?:not|never|no longer|neither|nor|without|\w+n['’]t)\s+"
                       r"(?:(?:be|been|being|have|yet|ever|even|fully|always|currently|"
                       r"directly|immediately|also|to)\s+)?(?P<w>\w+)", re.I)
# A question that speaks of a failure, a refusal or avoiding may rest on a negated sentence:
# "the debate which O'Rourke was failing to make" on "O'Rourke was not qualifying for the
# debate", "a name that had to avoid citing a place" on "it must not cite any place".
_NEGATED_QUESTION = re.compile(r"\b(?:not|never|no longer|without|fail(?:s|ed|ing|ure)?|unable|"
                               r"refus(?:e|es|ed|ing|al)|avoid(?:s|ed|ing)?)\b|n['’]t\b", re.I)


# What a figure may come to, not what it was: "the coronavirus may cause roughly 32,000 more
# deaths by August 4" answers "how many more deaths might it cause?", not "how many deaths had
# it caused by August 4?".
# ("due to" is as often "because of", and "project" a noun: neither is here.)
_MODAL = re.compile(r"\b(?:may|might|could|would|will|shall|projected|forecasts?|forecasted|"
                    r"predicts?|predicted|expects?|expected|estimates? that|likely|plans? to|"
                    r"planned to|is to|are to|aims? to|set to)\b", re.I)


_FORECAST_REACH = 6  # how many words before a figure its modal verb may stand


def _forecast(span: str, figure: str) -> bool | None:
    """Whether every place `span` writes `figure` follows a modal within a few words of the
    same clause ("may cause roughly 32,000 more deaths"); None where it does not write it."""
    text = figures_in_one_style(span)
    found = None
    for match in re.finditer(rf"(?<![\w.,]){re.escape(figure)}(?![\w]|[.,]\d)", text,
                             re.I):
        before = re.split(r"[,;:()\"“”]|\b(?:who|which|that|and|but)\b",
                          text[:match.start()])[-1]
        words = _WORD.findall(before)[-_FORECAST_REACH:]
        if not _MODAL.search(" ".join(words)):
            return False
        found = True
    return found


def forecast_problem(question: str,
                     sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                     ) -> str | None:
    """Why the answer's figure is a forecast or a plan where the question asks what was, or
    None. For "how many" questions that say nothing of what may, will or is expected to be:
    where every place the cited evidence writes the answer's figure follows a modal of its
    clause ("may cause roughly 32,000 more deaths by August 4" for "How many deaths had the
    United States recorded by August 4?")."""
    if expected_type(question) != "number" or _MODAL.search(question):
        return None
    asked = _figures(question)
    first: str | None = None
    for text, evidence in sentences:
        verdicts = [_forecast(article[start:end], figure) for figure in _figures(text) - asked
                    for article, start, end in evidence]
        if not any(verdicts) or False in verdicts:
            return None
        first = first or ("the evidence cited gives what may or will happen, not what "
                          "happened")
    return first


# "What share of the vote ...?", "By what percentage ...?": a share, not a count.
_SHARE_ASKED = re.compile(_LEAD + r"(?:(?:by|to|of|in) )?(?:what|which) (?:share|percentage|"
                          r"proportion|fraction|per ?cent(?:age)?)\b", re.I)
_SHARE = re.compile(r"\d\s*%|\bper ?cent\b|\bpercentage points?\b|\b(?:half|third|"
                    r"thirds|quarter|quarters|fifth|fifths|majority|minority)\b", re.I)


# A second question after the first ("At what time ..., and on which programme?"): an answer
# to either part may stand, so a check of one part's kind does not apply.
_SECOND_ASK = re.compile(r",?\s+and\s+(?:(?:on|in|at|to|by|for|from) )?(?:which|what|who|whom|"
                         r"where|when|how|why)\b", re.I)


# "At what time ...?" asks for a time of day ("7:30 a.m.", "noon"), or a race's time ("47.82
# seconds"): "on Saturday (14 September 2019)" is a day, not a time.
_CLOCK_ASKED = re.compile(r"\b(?:what|which) time\b(?! (?:period|frame|zone|span))", re.I)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:a\.?m\b|p\.?m\b)|\bnoon\b|"
                    r"\bmidnight\b|\bo['’]clock\b|\b\d+(?:\.\d+)?\s*(?:hours?|minutes?|"
                    r"seconds?)\b", re.I)


# The forms a question may ask its answer in, each with what gives it and its name.
_FORMS = ((_SHARE_ASKED, _SHARE, "a share"), (_CLOCK_ASKED, _CLOCK, "a time of day"))


def form_problem(question: str,
                 sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                 ) -> str | None:
    """Why the answer is not in the form the question asks for, or None: "What share of the
    vote did Buttigieg receive?" is not answered by "14 delegates", nor "At what time ...?"
    by "on Saturday". One sentence must give a share (a percentage, a fraction in words) or a
    clock time (or a race's time), and rest on evidence that gives one. Not where the
    question asks a second thing, whose answer may stand alone."""
    if _SECOND_ASK.search(question):
        return None
    for asked, given, name in _FORMS:
        if asked.search(question) and not any(
                given.search(text) and any(given.search(article[start:end])
                                           for article, start, end in evidence)
                for text, evidence in sentences):
            return f"the question asks for {name}; the evidence cited gives none"
    return None


def negated_problem(question: str,
                    sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                    ) -> str | None:
    """Why the answer rests on evidence that denies what the question asks, or None: "How
    many stores are included in the sale?" is not answered by "19 stores, which were not
    included". Where every cited span negates a word of the question's own (not a name's),
    and the question negates nothing. Questions for a fact only: what someone said may deny
    anything ("we will no longer say that Ebola is incurable")."""
    if expected_type(question) is None or _NEGATED_QUESTION.search(question):
        return None
    named = set().union(*(content_words(run) for _, run in _name_runs(question)))
    wanted = content_words(question) - named
    first: str | None = None
    for _, evidence in sentences:
        for article, start, end in evidence:
            denied = [m["w"] for m in _NEGATION.finditer(article[start:end])
                      if m["w"].lower() != "only" and content_words(m["w"]) & wanted]
            if not denied:
                return None
            first = first or f"the evidence cited says the opposite: not {denied[0]}"
    return first


# Things news numbers in a series, where the near fact is the next one: "phase two" beside
# "phase three", "round five" beside "round six".
_SERIES = ("phase|round|stage|leg|heat|wave|tranche|episode|season|chapter|game|match|day|"
           "week|part|level|group")
_SERIES_LABEL = re.compile(rf"\b(?P<s>{_SERIES})\s+(?P<n>\d{{1,2}}|[a-z]+)\b", re.I)


def _series_labels(text: str) -> set[tuple[str, str]]:
    """The numbered items of a series `text` names: {("phase", "3")} of "phase three"."""
    found = set()
    for match in _SERIES_LABEL.finditer(text):
        number = _series_number(match["n"].lower())
        if number is not None:
            found.add((match["s"].lower(), number))
    return found


def _series_number(word: str) -> str | None:
    """"3" of "3" and of "three" (text2num, which `rag.text.figures_as_digits` uses too, reads
    a lone small number that figures_as_digits leaves a word); None for a word that is none."""
    if word.isdigit():
        return word
    from text_to_num import text2num

    try:
        return str(text2num(word, "en"))
    except ValueError:
        return None


def series_problem(question: str,
                   sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                   ) -> str | None:
    """Why the answer's evidence is about another item of a numbered series than the one the
    question names ("phase three" asked, "Phase two was planned to affect ..." cited), or
    None: some cited span names the asked item, or no other item of its series."""
    asked = _series_labels(question)
    if not asked:
        return None
    first: str | None = None
    for _, evidence in sentences:
        for article, start, end in evidence:
            labels = _series_labels(article[start:end])
            others = {(s, n) for s, n in labels if any(s == a and n != b for a, b in asked)}
            if not others or labels & asked:
                return None
            series, number = min(others)
            wanted = min(b for a, b in asked if a == series)
            first = first or (f"the question asks about {series} {wanted}; the evidence cited "
                              f"is about {series} {number}")
    return first


def answer_problem(question: str,
                   sentences: Sequence[tuple[str, Sequence[tuple[str, int, int]]]]
                   ) -> str | None:
    """Why the answer does not answer `question`, or None when nothing is wrong.

    `sentences` are the answer's supported sentences, each with the (article text, start,
    end) of its own verified citations. The kind of answer the question asks for must be
    given by one sentence and held by that sentence's evidence: a date in an aside ("... as
    both sides said on Sunday") is no answer to "when", even where the quote of another
    sentence holds it."""
    kind = expected_type(question)
    if (kind or _WHAT_THING.search(question)) and any(_HEDGE.search(text)
                                                       for text, _ in sentences):
        what = f"the {kind}" if kind else "what was"
        return f"the answer says itself that {what} asked for is not given"
    # "Who ...?" is answered by the first sentence: a name added only by a later one
    # ("Honcharuk leaked the recording [1]. It was uploaded to a YouTube channel [1].") is an
    # aside.
    # A first sentence that only restates the question ("The Lord President of the court
    # ruled ... [1]. This ruling was made by Colin Sutherland [1].") leaves it to the next.
    asked = content_words(question)
    saying = [item for item in sentences if not content_words(item[0]) <= asked] or sentences
    answering = saying[:1] if kind == "name" and _PERSON.search(question) else sentences
    if kind and not any(has_type(kind, text, evidence, question)
                        for text, evidence in answering):
        return f"the question asks for a {kind}; the evidence cited gives none"
    if kind == "number" and (problem := counted_problem(question, sentences)):
        return problem
    # Read wherever "how many" stands: a leading clause may hold commas.
    if problem := count_kind_problem(question, sentences):
        return problem
    if kind == "time" and (problem := reported_problem(question, sentences)
                           or other_end_problem(question, sentences)
                           or event_problem(question, sentences)):
        return problem
    # "How long did Ivan spend in hospital?" is not answered by how long he was trapped. Only
    # where the question asks how long someone did something: "How long is a year on K2-18b,
    # where astronomers found water vapour?" names no event of its own (wikinews_qa w04).
    if kind == "duration" and _HOW_LONG_DID.search(question) and (
            problem := event_problem(question, sentences, answer_figures, "duration")):
        return problem
    if problem := scope_problem(question, sentences) or other_day_problem(question, sentences) \
            or excluded_place_problem(question, sentences) \
            or age_event_problem(question, sentences) or vague_items_problem(question, sentences):
        return problem
    if kind == "name" and (problem := listed_problem(question, sentences)
                           or full_name_problem(question, sentences)
                           or made_up_name_problem(question, sentences)):
        return problem
    if problem := contrast_problem(question, sentences) or series_problem(question, sentences):
        return problem
    if problem := negated_problem(question, sentences) or form_problem(question, sentences) \
            or forecast_problem(question, sentences):
        return problem
    return credited_problem(question, sentences) or role_problem(sentences) or \
        asked_role_problem(question, sentences) or quoted_speaker_problem(question, sentences)
