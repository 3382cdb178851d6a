"""Stage `timeframe`: the period a question names ("in November 2022", "on 12 January",
"between March and May 2020", "last week", "yesterday"), resolved to days against `as_of`, and
whether it asks for the latest news ("latest", "recently", "now").

A date in a question usually says when the event happened, not when an article was published,
so the period only ranks articles published in or soon after it first (`index.retrieval`); it
never excludes one. Only the user's explicit filters and `as_of` exclude.

dateparser finds and reads the dates (`search_dates`, with `as_of` as the base of relative
expressions). What it does not say is how long a period the words name, so that is read here
from the words it matched: a day, a week, a month or a year. A bare "may" is the verb, not the
month: month names count only capitalised or beside a number.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import cache
from typing import Any

from rag.types import TimeFrame

_MONTHS = {m.lower() for m in calendar.month_name if m} | {
    m.lower() for m in calendar.month_abbr if m}
_RECENCY = re.compile(r"\b(latest|most recent|recently|recent|newest|now|currently|"
                      r"these days|at present)\b", re.IGNORECASE)
_RANGE = re.compile(r"\b(between|from)\b.+\b(and|to|until|till)\b", re.IGNORECASE)
# Years as a range: "between 2013 and 2019", "the 2018/19 fiscal year", "winter of 2006–2007"
# (dateparser reads the first as 2013 alone and the second as 19 January 2018).
_YEARS = re.compile(r"\b(?:between|from)\s+(?P<a>(?:1[89]|20)\d\d)\s+(?:and|to|until|till)\s+"
                    r"(?P<b>(?:1[89]|20)\d\d)\b|\b(?P<c>(?:1[89]|20)\d\d)\s*[/–-]\s*(?P<d>\d{2}|"
                    r"(?:1[89]|20)\d\d)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(yesterday|today|tonight|last night|this (morning|afternoon|evening)|"
                       r"(last|this|past|previous) (week|month|year)|"
                       r"\d+ (days?|weeks?|months?|years?) ago|(an?|one|two|three|four|five|six|"
                       r"seven|eight|nine|ten|a few|few|several) days? ago|\d+ hours)\b",
                       re.IGNORECASE)


@cache
def _search() -> Any:
    from dateparser.search import search_dates

    return search_dates


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


# Hours name a period only counted back from now: not "the 24 Hours of Le Mans".
_HOURS = re.compile(r"\b(?:(?:past|last|previous)\s+\d+\s+hours|\d+\s+hours\s+ago)\b")
_HOUR_WORD = re.compile(r"\bhours?\b", re.I)


def _plausible(text: str) -> bool:
    """Words that name a time: a number, a capitalised month, or a relative expression."""
    words = re.findall(r"[A-Za-z]+", text)
    if any(ch.isdigit() for ch in text) or _RELATIVE.search(text):
        return True
    return any(w.lower() in _MONTHS and w[0].isupper() for w in words)


def _period(text: str, when: dt.date, as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The days `text` (as dateparser matched it, read as `when`) stands for."""
    lower = text.lower()
    if _HOUR_WORD.search(lower):  # "(in the past) 24 hours": from then up to as_of
        return when, as_of
    if "week" in lower:
        start = when - dt.timedelta(days=when.weekday())
        return start, start + dt.timedelta(days=6)
    if "month" in lower:
        return when.replace(day=1), _month_end(when)
    if "year" in lower and "ago" not in lower:
        return dt.date(when.year, 1, 1), dt.date(when.year, 12, 31)
    has_day = bool(re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", lower)) or bool(
        re.search(r"yesterday|today|tonight|days? ago", lower))
    has_month = any(w in _MONTHS for w in re.findall(r"[a-z]+", lower))
    if has_day:
        return when, when
    if has_month:
        return when.replace(day=1), _month_end(when)
    if re.search(r"\b\d{4}\b", lower):  # a year alone
        return dt.date(when.year, 1, 1), dt.date(when.year, 12, 31)
    return when, when


# A year written inside a quoted name, after a word of it: "Hungary's 'Zrínyi 2026' military
# development programme" names a programme, and dates no evidence (wikinews_blind42_qa cx21, a
# right answer refused as being of 2020 and not 2026; session 55).
_QUOTED_NAME_YEAR = re.compile(r"(?P<open>[\"“‘']|(?<!\w)')(?P<name>[^\"”’']*?[A-Z][\w-]*\s+"
                               r"(?:1[89]|20)\d\d)(?=[\"”’'])")


def _unquoted_years(question: str) -> str:
    """`question` with each year of a quoted name (`_QUOTED_NAME_YEAR`) blanked; not one after
    a month ("'May 2020'")."""
    def blank(m: re.Match[str]) -> str:
        before = m["name"].split()[-2].lower().rstrip(".,")
        return m[0] if before in _MONTHS else m["open"] + re.sub(r"\d", "x", m["name"])
    return _QUOTED_NAME_YEAR.sub(blank, question)


def resolve(question: str, as_of: dt.date) -> TimeFrame | None:
    """The period `question` names, or None. `as_of` is today unless the user says otherwise."""
    question = _unquoted_years(question)
    recency = bool(_RECENCY.search(question))
    if not (recency or _plausible(question)):
        return None  # no word that could name a time: dateparser (0.7 s to import) not needed
    spanned = _year_range(question, recency)
    if spanned is not None:
        return spanned
    base = dt.datetime.combine(as_of, dt.time())
    found = _search()(question, languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
    }) or []
    periods = [_no_day(text) or (text, *_period(text, when.date(), as_of))
               for text, when in map(_as_written, found) if _plausible(text)
               and (not _HOUR_WORD.search(text) or _HOURS.search(question))]
    # A number of four figures that is no year of news: "flight 1344 from Dubai" (wikinews_
    # blind27_qa ch11, refused for want of the year 1344; session 50).
    periods = [p for p in periods if p[1].year >= _FIRST_YEAR and p[2].year <= _LAST_YEAR]
    if not periods:
        words = _RECENCY.search(question)
        if words:  # "the latest on X": newer first, over the whole archive up to as_of
            return TimeFrame(text=words.group(0), start=dt.date.min, end=as_of, recency=True,
                             anchored=False)
        return None
    years = [p for p in periods if re.fullmatch(r"\W*(in )?\d{4}\W*", p[0].strip().lower())]
    if len(periods) > 1 and years:
        # "March and May 2020": dateparser reads "March" and "May" in as_of's year and "2020"
        # on its own; the year applies to the months that name none ("his 2020 campaign in
        # November 2019" stays November 2019).
        year = years[-1][1].year
        periods = [(t, _in_year(s, year), _in_year(e, year, end=True))
                   if (t, s, e) not in years and not re.search(r"\b\d{4}\b", t)
                   else (t, s, e) for t, s, e in periods]
        periods = [p for p in periods if p not in years] or periods
    text = " … ".join(t.strip() for t, _, _ in periods)
    if len(periods) > 1 and _RANGE.search(question):
        return TimeFrame(text=text, start=min(s for _, s, _ in periods),
                         end=max(e for _, _, e in periods), recency=recency,
                         anchored=_anchored(text))
    _, start, end = periods[0]
    return TimeFrame(text=periods[0][0].strip(), start=start, end=end, recency=recency,
                     anchored=_anchored(periods[0][0]))


_NUMERIC_DATE = re.compile(r"\d[/.-]\d")
_FIRST_YEAR, _LAST_YEAR = 1800, 2099  # the years `_A_YEAR` reads
_A_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _as_written(found: tuple[str, dt.datetime]) -> tuple[str, dt.datetime]:
    """A match whose reading lost the year it writes is that year alone: dateparser reads "in
    2018, the year before the crash" as 2018 years from now (in 4038)."""
    text, when = found
    years = _A_YEAR.findall(text)
    if not years or str(when.year) in years:
        return found
    return years[0], dt.datetime(int(years[0]), 1, 1)


def _no_day(text: str) -> tuple[str, dt.date, dt.date] | None:
    """The year alone, where dateparser read a day out of a number beside no month: "round 4
    of the 2020 season" (as 4 April 2020), "game 7 of the 2019 World Series". A day needs its
    month, by name or in figures ("3/4/2020"); None where the text has one, or names no
    year."""
    lower = text.lower()
    if (any(w in _MONTHS for w in re.findall(r"[a-z]+", lower)) or _NUMERIC_DATE.search(lower)
            or _RELATIVE.search(lower) or not re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", lower)):
        return None
    year = _A_YEAR.search(lower)
    if year is None:
        return None
    number = int(year.group(0))
    return year.group(0), dt.date(number, 1, 1), dt.date(number, 12, 31)


def _in_year(day: dt.date, year: int, end: bool = False) -> dt.date:
    """`day` moved to `year`; February 29 becomes the 28th where that year has none, and the
    last day of a month (a period's `end`) stays its last day (session 53: "on February 29
    and in 2019" raised ValueError, and one question crashed the previous release's run)."""
    last = calendar.monthrange(year, day.month)[1]
    if end and day.day == calendar.monthrange(day.year, day.month)[1]:
        return day.replace(year=year, day=last)
    return day.replace(year=year, day=min(day.day, last))


def _year_range(question: str, recency: bool) -> TimeFrame | None:
    match = _YEARS.search(question)
    if match is None:
        return None
    first = int(match.group("a") or match.group("c"))
    tail = match.group("b") or match.group("d")
    last = int(str(first)[:4 - len(tail)] + tail)
    if not first <= last <= first + 10:
        return None
    return TimeFrame(text=match.group(0), start=dt.date(first, 1, 1), end=dt.date(last, 12, 31),
                     recency=recency, anchored=True)


def counts_from_as_of(frame: TimeFrame) -> bool:
    """The frame's words count from as_of ("last week", "yesterday", "3 days ago") and name
    no year of their own."""
    return (not frame.recency and bool(_RELATIVE.search(frame.text))
            and not _A_YEAR.search(frame.text))


def _anchored(text: str) -> bool:
    """A year in the words, or a period counted from as_of ("last week", "yesterday")."""
    return bool(re.search(r"\b\d{4}\b", text) or _RELATIVE.search(text))
