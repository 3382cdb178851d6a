"""Relative days in an article ("on Friday", "yesterday", "last week") resolved against its
publication date, so that the evidence can say which day it was and an answer to "when" can
give an absolute date: in an article published on Sunday 15 March 2020, "The minister resigned
on Friday." is shown to the model as "The minister resigned on Friday (13 March 2020)."

What is resolved, and to what (dateparser does the arithmetic, with the publication date as
`RELATIVE_BASE`; the regular expressions below only find the phrases and read their context):

    phrase                               resolved to                     shown as
    yesterday, today, tomorrow           that day                        (14 March 2020)
    last/this/next week                  that Monday-to-Sunday week      (2–8 March 2020)
    last/this/next month                 that month                      (February 2020)
    last/this/next year                  that year                       (2019)
    last/past/previous Friday            the last Friday before the      (13 March 2020)
                                         publication day, in any tense
    Friday, on/since Friday, Friday      the last Friday on or before    (13 March 2020)
    night (and morning, ...)             the publication day (news
                                         style: "said on Friday" in a
                                         Friday paper is that day), only
                                         in a past-tense context

A bare weekday is ambiguous in a news article: "resigned on Friday" is the past week, "will
vote on Friday" or "arrives on Friday" the coming one. The rule: it is resolved only when it
follows a past-tense verb ("resigned on Friday", "said on Monday it will...", "was killed
Sunday"), or when its sentence holds a past-tense verb and no word of the future ("will",
"would", "'ll", "is to", "plans", "expected", "scheduled", "due", "next", "ahead of", ...).
Never resolved: "this/next/coming Friday", a weekday after "until", "till", "by", "before",
"from", "following", "every" or "the" ("the last Friday of the month"), a possessive
("Sunday's election", "last year's budget": it names an event, often one to come), a
weekday followed by its date ("Friday, 13 March"), "the last week" (the past seven days, not
a calendar week), and nothing at all in an undated article.

The article's text is never changed: a `Note` says where a resolved date goes (just after the
phrase), and the evidence shown to the model (`evidence.Source.text`) and the words the
answer checks read (`verify`, `checks`, the date constraint) include it. Citation quotes, and
the closest passage of a `partial` answer (`fallback`), are the article's own words, verbatim
as the index holds them (they are verified against it), without the note: the source's
publication date is shown beside them. The numbers of a note support an answer sentence only
when it names the note's month (or year): see `names_the_date`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple

from rag.text import IRREGULAR_PAST, article_sentences, months_in_full, nearest_year

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_DAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_PART = r"morning|afternoon|evening|night"
_PHRASE = re.compile(
    rf"\b(?:(?P<mod>(?i:last|past|previous|this|next|coming|on|since|until|till|by|before|"
    rf"from|following|every|each|early|late))\s+)?(?P<day>{_DAY})(?![\w'’])"
    rf"(?:\s+(?P<part>{_PART})\b)?"
    r"|\b(?P<rel>(?i:yesterday|today|tomorrow))(?![\w'’])"
    r"|\b(?P<which>(?i:last|this|next))\s+(?P<unit>(?i:week|month|year))(?![\w'’])")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BLOCKING = _words("this next coming until till by before from following every each")
_PAST_MOD = _words("last past previous")
# A date right after the weekday: "Friday, 13 March", "Friday, March 13", "Friday (13 March)".
_DATE_AFTER = re.compile(
    rf"(?:\s+(?:{_PART}))?\s*[,(]?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{'|'.join(MONTHS)})|"
    rf"(?:{'|'.join(MONTHS)})\.?\s+\d{{1,2}}\b|\d{{1,2}}[/.-]\d{{1,2}})")
_FUTURE = re.compile(
    r"\b(?:will|won['’]t|shall|would|going to|gonna|(?:is|are|am|was|were) to|plans?|planned|"
    r"planning|intends?|intended|expects?|expected|scheduled|slated|set to|due|upcoming|"
    r"ahead of|next|later this|tomorrow)\b|\w['’]ll\b", re.I)
# Past participles that, after "is" or on their own, speak of what is to come.
_PLANNED = _words("scheduled expected planned slated set due proposed supposed intended "
                  "timed billed tipped poised")
_NOT_VERBS = _words("need speed seed bed red shed feed breed proceed exceed succeed indeed "
                    "embed hundred naked wicked sacred kindred")
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


class Note(NamedTuple):
    """A resolved date: where it goes in the article (just after the phrase it resolves) and
    what it says."""

    at: int
    text: str  # "13 March 2020", "2–8 March 2020", "February 2020", "2019"
    phrase: str  # the article's words it resolves: "on Friday", "last week"
    first: dt.date  # the days it stands for
    last: dt.date


def names_the_date(note: Note, text: str) -> bool:
    """Whether `text` (an answer sentence) names the note's month, or its year when it is a
    year: only then may the note's numbers support it. The "2" of "on Tuesday (2 May 2023)" is
    no support for "closed for 2 weeks", nor its "2023" for "2,023 homes"."""
    words = {w.lower() for w in re.findall(r"\w+", text)}
    months = {w.lower() for w in re.findall(r"[A-Za-z]+", note.text)}
    return bool(words & months) if months else note.text in words


# A day of a month written without its year: "December 10", "10 December" (not "December
# 10, 2019", "10 December 2019").
_MONTH_DAY = re.compile(
    rf"\b(?:(?P<m1>{'|'.join(MONTHS)})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?|"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{'|'.join(MONTHS)}))\b"
    r"(?!,?\s*(?:1[89]|20)\d\d)")


def undated_days(text: str, published: str | None) -> list[tuple[str, int]]:
    """The month of each day of `text` written without a year ("take effect on December 10"),
    with the year a reader of the article gives it: that of the date nearest the publication
    day (an article of 25 October 2019 means 10 December 2019; one of 20 December 2019 writing
    "January 5" means 2020). None in an undated article. Verification reads it, so that an
    answer may say "December 10, 2019"; the prompt is not changed."""
    day = published_day(published)
    if day is None:
        return []
    found: list[tuple[str, int]] = []
    for match in _MONTH_DAY.finditer(months_in_full(text)):
        month = MONTHS.index(match.group("m1") or match.group("m2")) + 1
        year = nearest_year(month, int(match.group("d1") or match.group("d2")), day)
        if year is not None:
            found.append((MONTHS[month - 1], year))
    return found


def published_day(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def relative_notes(article: str, published: str | None) -> tuple[Note, ...]:
    """The relative days of `article` resolved against its publication date (ISO 8601), in
    text order; none when it is undated (see the module's docstring for what is resolved)."""
    day = published_day(published)
    if day is None or not _PHRASE.search(article):
        return ()
    return _notes(article, day)


@lru_cache(maxsize=64)
def _notes(article: str, day: dt.date) -> tuple[Note, ...]:
    notes: list[Note] = []
    sentences = article_sentences(article)
    for match in _PHRASE.finditer(article):
        sentence = next(((s, e) for s, e in sentences if s <= match.start() < e),
                        (match.start(), match.end()))
        days = _resolve(article, match, sentence, day)
        if days:
            notes.append(Note(match.end(), _text(*days), match.group(0), *days))
    return tuple(notes)


def _resolve(article: str, match: re.Match[str], sentence: tuple[int, int],
             day: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and last day the phrase `match` stands for, or None."""
    before = _WORD.findall(article[sentence[0]:match.start()])
    if before and before[-1].lower() == "the":  # "the last week", "the last Friday of"
        return None
    if match.group("rel"):
        when = _parse(match.group("rel").lower(), day)
        return (when, when) if when else None
    if match.group("unit"):
        unit = match.group("unit").lower()
        when = _parse(f"{match.group('which').lower()} {unit}", day)
        if when is None:
            return None
        if unit == "week":
            monday = when - dt.timedelta(days=when.weekday())
            return monday, monday + dt.timedelta(days=6)
        if unit == "month":
            return when.replace(day=1), when.replace(day=calendar.monthrange(
                when.year, when.month)[1])
        return dt.date(when.year, 1, 1), dt.date(when.year, 12, 31)
    mod = (match.group("mod") or "").lower()
    name = match.group("day")
    if mod in _BLOCKING or _DATE_AFTER.match(article, match.end("day")):
        return None
    if mod in _PAST_MOD:
        when = _parse(name.lower(), day)  # dateparser: the last one before the base day
    elif _past_context(before, article[sentence[0]:sentence[1]]):
        when = _parse(name.lower(), day + dt.timedelta(days=1))  # on or before `day`
    else:
        return None
    return (when, when) if when else None


def _past_context(before: list[str], sentence: str) -> bool:
    """Whether a bare weekday speaks of the past: it follows a past-tense verb ("resigned on
    Friday", "was killed Sunday"), or its sentence holds one and no word of the future."""
    words = [w for w in before if w.lower() not in ("on", "since", "early", "late")]
    if words and _is_past(words[-1]):
        return True
    return not _FUTURE.search(sentence) and any(_is_past(w) for w in _WORD.findall(sentence))


def _is_past(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR_PAST:
        return True
    return (word.islower() and lower.endswith("ed") and len(lower) > 4
            and lower not in _PLANNED and lower not in _NOT_VERBS)


@cache
def _dateparser() -> Any:
    import dateparser

    return dateparser


@lru_cache(maxsize=1024)
def _parse(phrase: str, base: dt.date) -> dt.date | None:
    """dateparser's reading of `phrase` relative to `base`, preferring the past ("friday":
    the last Friday before `base`; "yesterday": the day before)."""
    found = _dateparser().parse(phrase, languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time()), "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False})
    return found.date() if found is not None else None


def _day(when: dt.date) -> str:
    return f"{when.day} {MONTHS[when.month - 1]} {when.year}"


def _text(first: dt.date, last: dt.date) -> str:
    """A day, "13 March 2020"; a week, "2–8 March 2020", "30 March – 5 April 2020",
    "28 December 2020 – 3 January 2021"; a month, "February 2020"; a year, "2019"."""
    if first == last:
        return _day(first)
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year)
    if first.day == 1 and (last + dt.timedelta(days=1)).day == 1 and first.month == last.month:
        return f"{MONTHS[first.month - 1]} {first.year}"
    if first.year != last.year:
        return f"{_day(first)} – {_day(last)}"
    if first.month != last.month:
        return f"{first.day} {MONTHS[first.month - 1]} – {_day(last)}"
    return f"{first.day}–{_day(last)}"


def annotate(article: str, notes: Sequence[Note], start: int = 0, end: int | None = None
             ) -> str:
    """`article[start:end]` with each note inside it written after its phrase, in brackets:
    "resigned on Friday (13 March 2020)."."""
    end = len(article) if end is None else end
    parts: list[str] = []
    pos = start
    for note in notes:
        if start < note.at <= end:
            parts += [article[pos:note.at], f" ({note.text})"]
            pos = note.at
    parts.append(article[pos:end])
    return "".join(parts)


def shifted(offset: int, notes: Sequence[Note], inclusive: bool = False) -> int:
    """Where `offset` of the article lies in the annotated article (`annotate` of the whole):
    after the notes before it (and one at it, with `inclusive`: a span's end)."""
    return offset + sum(len(note.text) + 3 for note in notes
                        if note.at < offset or (inclusive and note.at == offset))
