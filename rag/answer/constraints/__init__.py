"""Stage `constraints`: what the question itself requires of the evidence an answer rests on.

Citation support (`verify`) looks at the words an answer sentence adds to the question: "301
stores [1]" is supported by a sentence holding "301 stores". That sentence may be about
another year, another person, another outlet's figure or another topic than the question
asks about. So the question's own constraints are parsed once, into a typed list:

    kind    read from                                   the evidence must hold
    date    a period the question names (`timeframe`)   a date in it, or be published in it
    name    a person, organisation or place             most of the name, or its acronym
    number  a figure the question gives ("2.9 million") the figure
    quote   a quoted phrase ("'a stab in the back'")    every word of the phrase
    source  "according to S", "what did S say/claim",   S, and not as someone else's listener
            "how did S describe", "did S give/record"
    topic   "about Y", "regarding Y"                    most of Y, less the names in it

and each is checked against the evidence a sentence rests on: the cited sentence with its
immediate neighbours (a pronoun or "the company" usually points one sentence back), and the
article's metadata (title, publication date, outlet). A name the article is about (in its
title or lead, or in two sentences) may stand anywhere in it, and a place the question puts
the event in ("in Belgrade", "at the airport") anywhere before the cited sentence, where the
story set its scene. A cited sentence that opens with another person as its subject is that
person's ("Lisa Mancini has been cosplaying for two years" is no fact of Stephanie Chapman's),
unless the story is about the asked one (`subject_instead`). In an interview or a
transcript, the words of a turn are its speaker's: the tag that opens it ("((Perttu Ahola))",
"KURTZER:") names who says them (`turn_speaker`), and a quotation that a sentence opens as
someone's is theirs to its end (`quoted_by`). A quoted phrase in the title is what the story
is about. A range of dates ("between January 2016 and December 2019") is one period, which
must lie inside the asked one. What the question writes in a description of something it
names (a relative clause after its question word, "as reported from ...", "aged 101") says
which article, not which fact: the article, its title or its date may hold it anywhere
(`Constraint.described`; since session 51). One mechanism for all of them; the failed
constraint is named in the reason (`Constraint.describe`).

It errs towards answering: a date the question does not anchor in a year ("on Monday"), a
source that is no name ("according to his daughter"), an undated article, all pass. Only a
plain lexical absence or a contradiction (the cited sentence dates itself to another year or
month) fails a constraint.

The package's modules, each reading only those above it in this table (this one re-exports
the names the rest of the project imports):

    module      holds
    lexicon     the words and patterns several modules read: `WORD`, `MONTHS`, `TITLES`
    constraint  `Constraint`, of one of the kinds above
    figures     number: the figures and positions a question gives and a text holds
    names       name: a text's names and their acronyms, the name and source constraints
                built from them, and whether a text names one (`named_in`)
    window      `Evidence`: a cited span, its article's metadata, its window of sentences
    subjects    what an article is about: its title and lead, a sentence's own subject,
                the short names it gives in brackets, the people it names in full
                (`full_names`, read by the support check)
    dates       date: a year that names an event, the months a text names, the period met
    sources     source: "according to S", "what did S say", the nouns a company speaks by
    speakers    source: who speaks in a sentence (verbs of speech, turn speakers, quotations)
    parse       the question into its constraints (`parse`): the quoted phrase, the topic
                and what stands around a name here, the rest read by the modules above
    check       the evidence against them, each kind read its own way (`first_unmet`,
                `satisfied`, `sets_scene`, `reason`)

Imports: its modules.
"""

from __future__ import annotations

from rag.answer.constraints.check import first_unmet, reason, sets_scene, stems
from rag.answer.constraints.constraint import Constraint
from rag.answer.constraints.dates import AHEAD
from rag.answer.constraints.figures import numbers
from rag.answer.constraints.lexicon import MONTHS, SPEECH, TITLES, WEEKDAYS
from rag.answer.constraints.names import (
    REGIONS,
    acronym,
    countries,
    found_words,
    name_constraint,
    name_runs,
    named_in,
    without_titles,
)
from rag.answer.constraints.parse import parse, set_aside, without_descriptions
from rag.answer.constraints.speakers import PHRASE, attributes_to, clauses
from rag.answer.constraints.subjects import full_names
from rag.answer.constraints.window import Evidence, in_quotation, window_sentences

__all__ = [
    "AHEAD",
    "Constraint",
    "Evidence",
    "MONTHS",
    "PHRASE",
    "SPEECH",
    "TITLES",
    "WEEKDAYS",
    "acronym",
    "attributes_to",
    "clauses",
    "REGIONS",
    "countries",
    "first_unmet",
    "found_words",
    "full_names",
    "in_quotation",
    "name_runs",
    "name_constraint",
    "named_in",
    "numbers",
    "parse",
    "reason",
    "set_aside",
    "sets_scene",
    "stems",
    "window_sentences",
    "without_descriptions",
    "without_titles",
]
