"""One thing the question requires of the evidence (`Constraint`), of one of six kinds (`Kind`:
date, name, number, quote, source, topic), and how a refusal reason names it
(`Constraint.describe`).

Imports: the standard library only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Kind = Literal["date", "name", "number", "quote", "source", "topic"]


@dataclass(frozen=True)
class Constraint:
    """One thing the question requires of the evidence."""

    kind: Kind
    text: str  # as the question writes it
    words: frozenset[str] = frozenset()  # content words (stemmed) the evidence must hold
    acronym: str | None = None  # "USGS" for "US Geological Survey"
    head: str | None = None  # a two-word name's last word: "Towarek", "Nations"
    first: str | None = None  # its first word, as written: "Xi" (of "Xi Jinping")
    last: str | None = None  # and its last: "Jinping"
    after: str | None = None  # the preposition before it in the question: "with" Wang Yi
    governor: str | None = None  # the word before that, stemmed: "talk" (talks with Wang Yi)
    # The preposition before "the" and it: "in" the Iowa caucuses. Read only for a name the
    # cited sentence puts there instead (`Evidence.names_instead`), not as `after`.
    after_the: str | None = None
    # A source's role in the question ("the mother"), a name's title ("judge" of "Judge James
    # Parker Jones"), stemmed.
    aliases: frozenset[str] = frozenset()
    either: tuple[Constraint, ...] = ()  # others that will do instead: "Qin Gang and Wang Yi
    # each", the person "Virginia doctor Joel Smithers" is about
    modifier: bool = False  # a source's name only qualifies its role: "the Polish press agency"
    thing: bool = False  # a quoted phrase is the name of a thing: "the 'gaumutra party'"
    says: bool = False  # the question asks what the source said: "What did S say/tell/call?"
    # Written in a description of something the question names ("Walter Munk, who died in
    # February 2019 aged 101"): it says which article, not which of its facts, so the article
    # must hold it, not the cited sentence (`check.satisfied`).
    described: bool = False
    part: int = 0  # the part of a two-part question it comes from ("..., and what ...?")
    label: bool = False  # a figure that names, after its noun: "round 1", "flight 1344"
    event_year: bool = False  # a date's year names the event: "the 2020 presidential race"
    # (its `words` are then the words after the year, which `event_year_met` reads)
    start: dt.date | None = None  # a date constraint's period
    end: dt.date | None = None

    def describe(self) -> str:
        """The constraint as a refusal reason names it."""
        what = {"date": "the date", "name": "the name", "number": "the figure",
                "quote": "the quoted phrase", "source": "the source", "topic": "the topic"}
        return f'{what[self.kind]} "{self.text.strip()}"'
