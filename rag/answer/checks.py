"""Does a supported answer answer the question that was asked?

Citation checking (`verify.py`) makes sure every claim comes from the sources, and that its
evidence meets the question's constraints (`constraints.py`: its date, names, figures, quoted
phrase, source and topic). A small model can still answer with a true sentence of the wrong
kind: "at a later date" for "On what date...?", "top US lawmakers" for "Which lawmakers...?".
This check catches that, from the question's form:

- the answer type: "when" wants a date or time, "how long" a duration, "how many" a number,
  "who"/"which official"/"where" a name (a person's, asked by "who" or "the names of", has
  no digits), and it must come from the cited evidence.

A hand-written rule because no packaged model does this offline: the packaged LLMs are too
small to judge their own answers (measured in docs/evals.md), and there is no entailment
model in a PyPI package. It is a classic of extractive QA (expected answer types) and errs
on the side of answering: when in doubt, it passes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rag.text import article_sentences, content_words


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
                 r"planet|ship|airport|waterway")
# "What did President Trump declare...?" asks what he declared, not which president: the words
# between "what" and the noun are the noun's modifiers, never a verb.
_AUXILIARIES = (r"(is|was|are|were|do|does|did|has|have|had|will|would|can|could|should|may|"
                r"might|must)")
# The question's form may follow a clause of its own: "According to the police, how many
# people...?", "As of 31 December 2019, how many...?" (not a question's own clause: "Who is
# Puri, who gave...?" asks for a role).
_LEAD = r"^\s*(?:(?!(?:who|whom|whose|what|which|when|where|why|how)\b)[^,?]{0,80},\s*)?"
_EXPECTED: list[tuple[str, re.Pattern[str]]] = [
    ("duration", re.compile(_LEAD + r"how long\b", re.I)),
    ("number", re.compile(
        _LEAD + r"(how (many|much|old|far|tall|big|large|high|fast)|(what|which) (is |was )?"
        r"(the )?(percentage|proportion|number|amount|total|score|margin|price|cost|value|"
        r"time|vote|death toll|toll)\b)", re.I)),
    ("time", re.compile(
        _LEAD + r"(when\b|((on|in|at|by) )?(what|which) (exact |calendar )?(date|day|month|year|"
        r"week)\b)", re.I)),
    # "Who is Xie Feng?" asks for a role, not a name.
    ("name", re.compile(
        _LEAD + r"(who(m|se)?\b(?!\s+(is|was|are|were)\s+(?-i:[A-Z][\w'’.-]*(\s+[A-Z][\w'’.-]*)*)"
        r"\s*([?,]|$))|where\b|(what|which) (is|was|are|were) the names? of\b|"
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
    return any(any(ch.isdigit() for ch in w) or w.lower() in _NUMBER_WORDS for w in words)


def _names(text: str, anywhere: bool = False) -> set[str]:
    """Capitalised words (stemmed) not just starting a sentence, or `anywhere`."""
    names: set[str] = set()
    for start, end in article_sentences(text):
        for i, word in enumerate(_WORD.findall(text[start:end])):
            if word[:1].isupper() and (i > 0 or anywhere):
                names |= content_words(word)
    return names


def has_type(kind: str, answer: str, evidence: Sequence[tuple[str, int, int]],
             question: str) -> bool:
    """Whether the answer gives a `kind` that the question did not and the evidence does."""
    asked = content_words(question)
    new = [w for w in _WORD.findall(answer) if not content_words(w) & asked]
    quotes = " ".join(article[start:end] for article, start, end in evidence)
    if kind == "name":
        # A name the answer gives that the evidence holds and its article writes as a name:
        # "CCTV" may start a sentence, "top US lawmakers" is no name.
        written = set().union(*(content_words(article[start:end]) & _article_names(article)
                                for article, start, end in evidence))
        named = _names(answer, anywhere=True) - asked
        if _PERSON.search(question):
            named = {w for w in named if not any(ch.isdigit() for ch in w)}
        return bool(named & written)
    found = set(_WORD.findall(quotes.lower()))
    given = [w for w in new if w.lower() in found]
    if kind == "number":
        return _has_number(given)
    if kind == "duration":
        return _has_number(given) or any(w.lower() in _UNITS for w in given)
    return any(w.lower() in _TIME_WORDS or any(ch.isdigit() for ch in w) for w in given)


@lru_cache(maxsize=32)
def _article_names(article: str) -> frozenset[str]:
    return frozenset(_names(article))


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
    if kind and not any(has_type(kind, text, evidence, question)
                        for text, evidence in sentences):
        return f"the question asks for a {kind}; the evidence cited gives none"
    return None
