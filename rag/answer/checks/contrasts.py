"""The checks of a near fact written beside the asked one: another day's figure, the other
side of a contrast, another item of a numbered series, the fact denied:

- a figure for another day: "What were the winds on the Sunday it was detected?" is not
  answered by a figure the evidence gives "as of Monday evening". Where the question names
  a weekday (or a date with its year: the weekday it fell on) and every cited sentence that
  gives the answer's figure names only another (`other_day_problem`); and (since session 57)
  a day asked for in a month ("On what date in late October ...?") is not answered by a
  day in another ("8 November"), where the answer names a month (`other_month_problem`);
- the opposite: "How many stores are included in the sale?" is not answered from "19 stores,
  which were not included". Where every cited span negates a word of the question's own, and
  the question negates nothing, it says the opposite (`negated_problem`; questions for a fact
  only: what someone said may deny anything);
- the other side of a contrast: "How much did the runner-up receive?" is not answered from
  "the winning team receiving C$10,000", nor the women's race from the men's. Where the
  question names one side of a pair news writes in contrast (winner/runner-up, men/women,
  minimum/maximum, mother/father, born/died, ...) and every cited span names only the other
  (`contrast_problem`); likewise another item of a numbered series ("phase two" for "phase
  three": `series_problem`; since session 60, an ordinal's too: "his second wife" for "his
  first wife");
- (since session 55) the other half of "but": "What was the death rate with ZMapp?" is not
  answered from "49% with ZMapp ..., but 6% with REGN-EB3". Where every cited sentence that
  gives the answer's figure gives it in a half set against another by "but", "whereas" or
  "while", and that half names none of the question's names and others, while another half
  names the question's, the figure is the others' (`other_half_problem`);
- (since session 64) an earlier event of the kind: "What share did the party win in the
  by-election?" is not answered from "At the last federal election, the party won 70%"
  (`earlier_event_problem`).

Imports: rag.answer.checks.kinds, rag.answer.checks.lexicon, rag.answer.constraints, rag.text,
text_to_num.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Sequence

from rag.answer.checks.kinds import expected_type
from rag.answer.checks.lexicon import (
    AUXILIARIES,
    LEAD,
    OTHER_EVENT,
    WORD,
    Sentences,
    figures_of,
)
from rag.answer.constraints import MONTHS, WEEKDAYS, name_runs
from rag.answer.constraints.figures import ORDINAL_WORDS
from rag.answer.constraints.lexicon import word_set
from rag.text import content_words, months_in_full

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
        if month not in MONTHS:
            continue
        try:
            day = dt.date(int(match.group("y")), MONTHS[month],
                          int(match.group("d1") or match.group("d2")))
        except ValueError:
            continue
        shift = _DAY_AFTER.search(question[max(0, match.start() - 30):match.start()])
        if shift is not None:
            day += dt.timedelta(days=-1 if "before" in shift["side"].lower() else 1)
        days.add(calendar.day_name[day.weekday()].lower())
    return days


def _giving_figures(question: str, text: str, evidence: Sequence[tuple[str, int, int]]
                    ) -> tuple[set[str], list[str]]:
    """The figures an answer sentence gives that the question does not, and the cited spans
    that write one of them (none where the sentence gives no figure)."""
    figures = figures_of(text) - figures_of(question)
    giving = [article[start:end] for article, start, end in evidence
              if figures & figures_of(article[start:end])]
    return figures, giving


def other_day_problem(question: str, sentences: Sentences) -> str | None:
    """Why the answer's figure is another day's, or None.

    "What were the storm's winds on the Sunday it was first detected?" is not answered by
    "30 mph" from "As of Monday evening, it had sustained winds of 30 mph". Where the
    question names a weekday, or a date with its year (the weekday it fell on: "as of April
    28, 2020" is a Tuesday), and every cited sentence that gives the answer's figure names
    another weekday and not the asked one, the figure is that other day's. A sentence that
    names no weekday passes."""
    asked = ({w.lower() for w in WORD.findall(question)} & WEEKDAYS) | _weekdays_of(question)
    if not asked:
        return None

    def other_days(quote: str, _figures: set[str]) -> list[str]:
        days = {w.lower() for w in WORD.findall(quote)} & WEEKDAYS
        return [] if days & asked else sorted(days)
    others = _said_of_every_giving(question, sentences, other_days)
    if others is None:
        return None
    return (f"the question asks about {' or '.join(sorted(asked)).title()}; the evidence cited "
            f"gives the figure for {' or '.join(sorted(set(others))).title()}")


def _said_of_every_giving(question: str, sentences: Sentences,
                          read: Callable[[str, set[str]], list[str]]) -> list[str] | None:
    """What `read` finds in each cited span that writes the answer's figures (given the
    figures), for the first answer sentence; None where any answer sentence has no such span,
    or `read` finds nothing in one of them: the figure may then be the asked one."""
    first: list[str] | None = None
    for text, evidence in sentences:
        figures, giving = _giving_figures(question, text, evidence)
        if not giving:
            return None
        found: list[str] = []
        for quote in giving:
            said = read(quote, figures)
            if not said:
                return None
            found += said
        first = found if first is None else first
    return first


# An earlier event of the same kind, named as such: "At the last federal election, the Liberal
# National Party ... won this seat by over 70% of the two-party-preferred vote".
_EARLIER = re.compile(r"\b(?:the|its|their|his|her)\s+(?:last|previous|prior|preceding)\s+"
                      r"(?:[a-z]+\s+){0,2}?(?P<event>elections?|by-elections?|votes?|polls?|"
                      r"races?|seasons?|census|games|tournaments?|championships?|editions?|"
                      r"summits?|referendums?|referenda|campaigns?)\b", re.I)
# Where a sentence turns to another part: "..., up from 48% at the last election"
_TURN = re.compile(r";|,\s+(?:and|but|while|whereas)\b|\s(?:but|whereas|while|compared with|"
                   r"compared to|up from|down from)\b", re.I)


def earlier_event_problem(question: str, sentences: Sentences) -> str | None:
    """Why the answer's figure is that of an earlier event of the kind asked about, or None:
    "What share of the vote did the party win in the Groom by-election held in late November
    2020?" is not answered by "70%" of "At the last federal election, the Liberal National
    Party ... won this seat by over 70% of the two-party-preferred vote" (wikinews_blind60_qa
    dp34, a near miss; session 64). Where every cited sentence that gives the answer's figure
    gives it in a part (up to a turn: `_TURN`) that names the last or previous such event
    (`_EARLIER`), and the question names no earlier one, the figure is that event's."""
    if re.search(r"\b(?:last|previous|prior|preceding|earlier)\b", question, re.I):
        return None

    def earlier_events(quote: str, figures: set[str]) -> list[str]:
        parts = [part for part in _TURN.split(quote) if figures & figures_of(part)]
        earlier = [m.group(0) for part in parts for m in [_EARLIER.search(part)] if m]
        return earlier if parts and len(earlier) == len(parts) else []
    events = _said_of_every_giving(question, sentences, earlier_events)
    if events is None:
        return None
    return f"the figure the evidence cited gives is that of {events[0]}, an earlier one"


# "On exactly what date in late October 2019 ...?": the day asked for lies in that month.
_DAY_IN_MONTH = re.compile(r"\b(?:(?:what|which)\s+(?:exact\s+)?(?:date|day)|when)\s+in\s+"
                           r"(?:(?:early|mid|late|mid-)\s*)?(?P<month>[A-Z][a-z]+)\b")


def other_month_problem(question: str, sentences: Sentences) -> str | None:
    """Why the day an answer gives is in another month than the one the question asks a day
    in, or None: "the protests resumed on Friday, 8 November" does not answer "On what date
    in late October did the protests resume?" (wikinews_blind45_qa da04, a near miss;
    session 57). An answer that names no month passes."""
    asked = _DAY_IN_MONTH.search(question)
    if asked is None or asked["month"] not in _MONTH_NAMES:
        return None
    # Written in full and capitalised: "may" and "march" are words of their own.
    named = {w for text, _ in sentences for w in WORD.findall(text)} & _MONTH_NAMES
    if not named or asked["month"] in named:
        return None
    return (f"the question asks for a day in {asked['month']}; the answer gives one in "
            f"{' or '.join(sorted(named))}")


_MONTH_NAMES = frozenset(calendar.month_name[1:])


# Words news writes in contrast, where a near fact stands beside the one asked for: the
# runner-up's prize beside the winner's, the women's race beside the men's, the minimum
# beside the maximum. Each pair is two sides; a question that names one side (and not the
# other) is not answered from evidence that names only the other.
_CONTRASTS = [(word_set(a), word_set(b)) for a, b in (
    # "won" too: "Lawrence Cherono won the men's division" names no runner-up (wikinews_quiz_
    # blind31 ee08, answered with the winner; session 62).
    ("winner winners winning champion champions won win wins", "runner-up runners-up"),
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
    # (session 62) Where he was buried or cremated is not where he died (wikinews_quiz_blind37
    # ek37, a near miss answered with the hospital he died in).
    ("buried burial bury cremated cremation", "die died dies dying dead death"),
    # (session 49) "Nevada's Republican voters" beside "the Democratic voters" (wikinews_blind30_qa
    # cl34, a near miss answered with the Democrats' share).
    ("democratic democrat democrats", "republican republicans gop"),
    # (session 50) The Senate's seats are not the House of Representatives' (wikinews_quiz_
    # blind13 qm36, a near miss answered with the House's 199 Republicans). Not "house": the
    # White House, a house fire.
    ("senate senator senators", "representatives congressman congresswoman congressmen "
                                "congresswomen"),
    # (session 51) A storm's strongest gust is not its sustained wind (wikinews_blind32_qa
    # cn34, a near miss answered with the maximum sustained winds).
    ("gust gusts gusting", "sustained"),
    # (session 59) Homes a quake damaged are not those it destroyed (wikinews_blind50_qa df18,
    # wikinews_blind47_qa dc32: near misses answered with the other count); nor is the
    # first time a body surveyed the last (wikinews_blind50_qa df20). "Last" of a time
    # ("last week") is no side (`_LAST_OF_TIME`).
    ("destroyed destroy destroys destroying", "damaged damage damages damaging"),
    ("first", "last"),
)]
_LAST_OF_TIME = re.compile(
    r"\blast\s+(?:week|weekend|month|year|night|season|time|decade|century|spring|summer|"
    r"autumn|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|"
    r"february|march|april|may|june|july|august|september|october|november|december)s?\b", re.I)
# "73 km north of Tandag City" places a point from another; it is no northern side of the
# "southern Philippines" asked about (session 53, wikinews_blind32_qa cn25, refused).
_RELATIVE_DIRECTION = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\b",
                                 re.I)
# "stabbed four people to death" says how others died: no death the question asks about.
_MANNER = re.compile(r"\bto death\b", re.I)


def contrast_problem(question: str, sentences: Sentences) -> str | None:
    """Why the answer's evidence is about the other side of a contrast the question names
    ("How much did the runner-up receive?" from "the winning team receiving C$10,000"), or
    None: some cited span of some answer sentence names no other side without the asked one."""
    # Not the sides of an event that only dates the asked one: "reported after the Nevada
    # Democratic caucuses, what share of Nevada's Republican voters ...?" asks of Republicans.
    asked = {w.lower() for w in WORD.findall(OTHER_EVENT.sub(" ", _MANNER.sub(" ", question)))}
    sides = [(mine, other) for a, b in _CONTRASTS for mine, other in ((a, b), (b, a))
             if asked & mine and not asked & other]
    if not sides:
        return None
    first: str | None = None
    for _, evidence in sentences:
        for article, start, end in evidence:
            cited = _LAST_OF_TIME.sub(" ", _RELATIVE_DIRECTION.sub(" ", article[start:end]))
            words = {w.lower() for w in WORD.findall(cited)}
            other = next(((m, o) for m, o in sides if words & o and not words & m), None)
            if other is None:
                return None
            first = first or (f'the question asks about "{min(asked & other[0])}"; the '
                              f'evidence cited is about "{min(words & other[1])}"')
    return first


# The halves of a sentence that sets two things against each other: "..., but ...", "...,
# whereas ...". What one half says of its names, the other does not say of its own. Not a
# semicolon, which as often goes on about the same: "Saudi Arabia extended curfews in Mecca
# and Medina; previously, the curfew was in effect between 3 p.m. and 6 a.m." (wikinews_
# blind35_qa cq39, a right answer refused while it split there).
_CONTRASTED = re.compile(r",\s+(?:but|whereas|while)\s+", re.I)


def _names(text: str) -> set[str]:
    """The words of `text`, past its first, that hold a capital: names ("ZMapp", "mAb114",
    "REGN-EB3")."""
    return {w.lower() for w in WORD.findall(text)[1:] if any(ch.isupper() for ch in w)}


def other_half_problem(question: str, sentences: Sentences) -> str | None:
    """Why the answer's figure is given, in its evidence, for other names than the question's,
    or None: "What was the death rate among patients given ZMapp or remdesivir?" is not
    answered by "6% to 11%" from "The overall mortality rates were 49% for patients treated
    with ZMapp, 53% for remdesivir, ..., but patients treated early had a death rate of only
    6% to 11% when treated with REGN-EB3 or mAb114" (wikinews_blind41_qa cw34, a near miss;
    session 55). Where every cited sentence that gives the answer's figure sets two halves
    against each other (`_CONTRASTED`), and the half with the figure names no name of the
    question but names others, while another half names the question's, the figure is the
    others'. A sentence of one half passes."""
    asked = _names(question)
    if not asked:
        return None
    first: str | None = None
    for text, evidence in sentences:
        figures, giving = _giving_figures(question, text, evidence)
        if not giving:
            return None
        for quote in giving:
            halves = [(h, _names(h)) for h in _CONTRASTED.split(quote)]
            with_figure = [(h, names) for h, names in halves if figures & figures_of(h)]
            rest = [names for h, names in halves if not figures & figures_of(h)]
            if not rest or any(names & asked or not names for _, names in with_figure) \
                    or not any(names & asked for names in rest):
                return None
            others = [w for h, names in with_figure for w in WORD.findall(h)[1:]
                      if w.lower() in names - asked]
        first = first or (f"the evidence cited gives the figure for {others[0]}, and another "
                          f"figure for what the question names")
    return first


# A negator and the word it negates, past an auxiliary or an adverb: "were not included",
# "has never been charged", "didn't commute". "Not only" negates nothing. And "no" before a
# noun: "No claims of responsibility were reported" for "Which group claimed responsibility?"
# (wikinews_quiz_blind11 qk31, answered with the group an official blamed; session 49).
_NEGATION = re.compile(r"\b(?:(?:not|never|no longer|neither|nor|without|\w+n['’]t)\s+"
                       r"(?:(?:be|been|being|have|yet|ever|even|fully|always|currently|"
                       r"directly|immediately|also|to)\s+)?|no\s+(?!longer\b)(?:(?:immediate|"
                       r"official|formal|known|public|further)\s+)?)"
                       # past a possessive, which is not what is negated: "without users'
                       # knowledge" (wikinews_quiz_blind14 qn24, after its one run; session 50)
                       r"(?:\w+(?:['’]s|s['’])\s+)?(?P<w>\w+)"
                       # "not reconvene until October 14" says when it will, and denies
                       # nothing (wikinews_blind28_qa ci19, a right answer; session 51)
                       r"(?![^,;.]{0,40}\b(?:until|till)\b)", re.I)
# A question that speaks of a failure, a refusal or avoiding may rest on a negated sentence:
# "the debate which O'Rourke was failing to make" on "O'Rourke was not qualifying for the
# debate", "a name that had to avoid citing a place" on "it must not cite any place".
_NEGATED_QUESTION = re.compile(r"\b(?:not|never|no|without|fail(?:s|ed|ing|ure)?|unable|"
                               r"refus(?:e|es|ed|ing|al)|avoid(?:s|ed|ing)?)\b|n['’]t\b", re.I)


# "Which group claimed ...?" asks for a fact too, a thing of a kind (qk31).
_WHICH_THING = re.compile(LEAD + r"(?:(?:in|at|on|from|to|by|for|of|with) )?which\s+(?!"
                          + AUXILIARIES + r"\b)[a-z]", re.I)


def negated_problem(question: str, sentences: Sentences) -> str | None:
    """Why the answer rests on evidence that denies what the question asks, or None: "How
    many stores are included in the sale?" is not answered by "19 stores, which were not
    included". Where every cited span negates a word of the question's own (not a name's),
    and the question negates nothing. Questions for a fact only: what someone said may deny
    anything ("we will no longer say that Ebola is incurable")."""
    if (expected_type(question) is None and not _WHICH_THING.search(question)) \
            or _NEGATED_QUESTION.search(question):
        return None
    named = set().union(*(content_words(run) for _, run in name_runs(question)))
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


# An ordinal before its noun numbers it in a series of its own: "his first wife" is not "his
# second wife" (wikinews_blind51_qa dg30, a near miss answered with the second; session 60).
_ORDINALS = {word: f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n, 'th')}"
             for word, n in ORDINAL_WORDS.items()}
_ORDINAL_LABEL = re.compile(
    rf"\b(?P<n>{'|'.join(_ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))\s+(?P<s>[a-z]+)\b", re.I)


def _series_labels(text: str) -> set[tuple[str, str]]:
    """The numbered items of a series `text` names: {("phase", "3")} of "phase three",
    {("wife", "2nd")} of "his second wife"."""
    found = set()
    for match in _SERIES_LABEL.finditer(text):
        number = _series_number(match["n"].lower())
        if number is not None:
            found.add((match["s"].lower(), number))
    for match in _ORDINAL_LABEL.finditer(text):
        ordinal = match["n"].lower()
        found.add((match["s"].lower(), _ORDINALS.get(ordinal, ordinal)))
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


def _item(series: str, number: str) -> str:
    """"phase 3", "the 2nd wife"."""
    return f"the {number} {series}" if number[-1:].isalpha() else f"{series} {number}"


def series_problem(question: str, sentences: Sentences) -> str | None:
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
            first = first or (f"the question asks about {_item(series, wanted)}; the evidence "
                              f"cited is about {_item(series, number)}")
    return first
