"""Stage `verify`: the answer's citations checked against the numbered sources.

Every citation is checked in code, never taken on the model's word:
- `[n]` markers that name no source shown to the model are dropped;
- each cited sentence gets the span of source n that best supports it as its quote, and the
  quote is verified by the caller's `verify` against an independent read of what the index
  holds (see `Assistant.verify_quote`), so a stale index or an offset bug shows as unverified;
- a sentence with no marker (small models often cite nothing) gets the best supporting span
  among all sources, if one supports it well enough;
- sentences that no source supports are flagged (`supported: false`), and so is one that adds
  a name no article it rests on writes (a made-up name: `_added_names`).

A source sentence that names a person by the last name holds the words of the full name the
article gives once (`constraints.full_names`): "Ghebreyesus said" supports "Tedros Adhanom
Ghebreyesus said".

Support is judged on what a sentence adds to the question: "Blinken met Liu on Friday" in answer
to "When did Blinken meet Liu?" is supported by a source sentence that says "Friday", even if
the names appear only elsewhere; and it is not supported by one that names Blinken and Liu but
gives no day. Lexical, so cheap and explainable; a paraphrase can still fool it. The source
sentences are read as the model was shown them, relative days resolved ("on Friday (13 March
2020)": `relative_dates`), for an answer sentence that names the resolved month or year. A
year the answer gives a day, that no evidence sentence holds nor the question names, is
dropped from the answer: a small model makes years up ("July 25, 1909" of an article that
writes "On July 25"), and the day stands on its own; so is a whole made-up date that a
question asking no time gets as an aside ("said this on Twitter on September 12, 2019").

The question's own constraints (`constraints`: its date, names, figures, quoted phrase, source,
topic) must hold too: a span that holds the sentence's words but not, with its neighbours and
its article's metadata, the question's date or person supports nothing, and the next best span
that meets them is taken instead. A sentence left without support for that reason says which
constraint failed (`SentenceCheck.reason`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial

from rag.answer.constraints import (
    WEEKDAYS,
    Constraint,
    Evidence,
    countries,
    first_unmet,
    full_names,
    reason,
)
from rag.answer.evidence import Source
from rag.answer.relative_dates import MONTHS, Note, names_the_date, undated_days
from rag.text import content_words, figures_as_digits, months_in_full, sentence_spans
from rag.types import Citation, SentenceCheck

_MONTH_WORDS = frozenset(month.lower() for month in MONTHS)
MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
# A marker a sentence uses as its source's name ("According to [1], the seat ..."): with the
# marker taken out, the words left ("According to, the seat ...") name no one, so they go too.
_MARKER_AS_SOURCE = re.compile(
    r"(?:,\s*)?\b(?:[Aa]ccording to|[Aa]s (?:reported|stated|noted|said|written) (?:in|by))"
    r"((?:\s*\[\d+(?:\s*,\s*\d+)*\])+)\s*,?\s*")

# Verbs an answer may add to the question's words without saying anything new, and the words
# that only round or sum a figure the evidence gives ("a total of 73 months" of "to 73 months").
_GENERIC = {"say", "said", "tell", "told", "take", "took", "held", "hold", "met", "meet",
            "describ", "discuss", "talk", "spoke", "speak", "report", "state", "mention",
            "accord", "articl", "sourc", "also", "would", "could",
            "total", "approximately", "roughly", "around", "nearly", "almost", "least"}


@cache
def _generic_words() -> frozenset[str]:
    return frozenset(content_words(" ".join(_GENERIC)))


# A decimal point or a clock's colon keeps a figure one word: "1.5 million" is not "1", "5"
# and "million" (which a sentence of "1 in 5" and "2.9 million" would also hold), and "12.30"
# is "12:30".
_DECIMAL = re.compile(r"(?<=\d)[.:](?=\d)")


def support_words(text: str) -> set[str]:
    """The words the support check compares: content words, with figures as digits ("twenty"
    and "20" are one word; "two thousand" is not "several thousand"; "$1.5bn" is "1.5
    billion dollars"), a decimal one word, and months in full ("Dec. 28" is "December 28")."""
    return content_words(_DECIMAL.sub("_", figures_as_digits(months_in_full(text))))


def new_words(text: str, question: str) -> set[str]:
    """Content words of `text` that the question does not already contain."""
    return support_words(text) - support_words(question) - _generic_words()


def claim_words(sentence: str, question: str = "") -> set[str]:
    """The words a source must hold to support `sentence`: those it adds to the question, or
    all its content words when it adds none."""
    return new_words(sentence, question) or support_words(sentence)


def split_answer(answer: str) -> list[tuple[str, list[int]]]:
    """The answer's sentences, each with its [n] markers removed and collected."""
    result: list[tuple[str, list[int]]] = []
    for start, end in sentence_spans(answer):
        sentence = answer[start:end]
        numbers = [int(n) for group in MARKER.findall(sentence) for n in group.split(",")]
        unnamed = _MARKER_AS_SOURCE.sub(lambda m: " " if m.start() else "", sentence)
        clean = MARKER.sub("", unnamed).strip()
        if unnamed != sentence:
            clean = clean[:1].upper() + clean[1:]
        if clean.strip(" .") or numbers:
            if not clean.strip(" .") and result:  # a marker split off on its own: attach it
                result[-1][1].extend(numbers)
                continue
            result.append((clean, numbers))
    return result


def _with_markers(sentence: str, markers: list[int]) -> str:
    """'He left.' + [1, 2] -> 'He left [1][2].'"""
    if not markers:
        return sentence
    tags = "".join(f"[{n}]" for n in markers)
    body = sentence.rstrip()
    end = len(body.rstrip(".!?"))
    return f"{body[:end].rstrip()} {tags}{body[end:]}"


Sentences = list[tuple[tuple[int, int], set[str]]]  # a source's sentence spans and their words


def _evidence(src: Source) -> Sentences:
    """Each sentence shown of `src` with its words, and those of the full name of a person it
    names by the last word only: a story names "Tedros Adhanom Ghebreyesus" once and
    "Ghebreyesus" after, and an answer that names him in full rests on the later sentence
    too (wikinews_quiz_blind20 qt12, refused; session 54)."""
    names = {last: support_words(name) for last, name in full_names(src.article_text).items()}
    found: Sentences = []
    for start, end in src.sentences():
        text = src.article_text[start:end]
        words = support_words(text)
        for last, name in names.items():
            if not name <= words and re.search(rf"\b{re.escape(last)}\b", text):
                words |= name
        found.append(((start, end), words))
    return found


def _notes_of(article: str, span: tuple[int, int], notes: list[Note]) -> list[Note]:
    """The notes that date the sentence at `span`: those written in it, or, where it has none,
    that of a weekday it names again ("On Wednesday (27 May 2020), deaths surpassed 100,000.
    ... the United Kingdom, reporting 37,542 deaths as of Wednesday": one Wednesday in one
    story; wikinews_quiz_blind39 em14, a right answer refused; session 63)."""
    own = [note for note in notes if span[0] < note.at <= span[1]]
    if own:
        return own
    text = article[span[0]:span[1]]
    return [note for note in notes if (day := note.phrase.split()[-1]).lower() in WEEKDAYS
            and re.search(rf"\b{day}\b", text)][:1]


def _dated(evidence: dict[int, Sentences], sources: list[Source], sentence: str
           ) -> dict[int, Sentences]:
    """The evidence with the dates its relative days resolve to, as the model was shown them
    ("resigned on Friday (13 March 2020)"), so that an answer may give the date: those dates
    that the answer `sentence` names (`names_the_date`); and the year of a day written without
    one, for an answer that names its month (`undated_days`)."""
    dated = dict(evidence)
    named = {w.lower() for w in re.findall(r"[A-Za-z]+", sentence)} & _MONTH_WORDS
    for src in sources:
        notes = [note for note in src.notes if names_the_date(note, sentence)]
        if notes:
            dated[src.n] = [(span, words | support_words(" ".join(
                note.text for note in _notes_of(src.article_text, span, notes))))
                for span, words in dated[src.n]]
        # "take effect on December 10" in an article of October 2019: the answer may say
        # "December 10, 2019" (the year of a day it names).
        if named:
            dated[src.n] = [(span, words | {str(year) for month, year in undated_days(
                src.article_text[span[0]:span[1]], src.published) if month.lower() in named})
                for span, words in dated[src.n]]
    return dated


def _best_span(claim: set[str], evidence: Sentences) -> tuple[float, tuple[int, int] | None]:
    """The evidence sentence holding the largest share of the claim's words, and that share.

    A sentence that lacks any of the claim's numbers (dates, counts, amounts: the facts small
    models most often make up) supports nothing, whatever else it shares."""
    best: tuple[float, tuple[int, int] | None] = (0.0, None)
    if not claim:
        return best
    numbers = {w for w in claim if any(ch.isdigit() for ch in w)}
    for span, words in evidence:
        if not numbers <= words:
            continue
        score = len(claim & words) / len(claim)
        if score > best[0]:
            best = (score, span)
    return best


def _best_pair(claim: set[str], evidence: dict[int, Sentences], threshold: float
               ) -> list[tuple[int, float, tuple[int, int]]]:
    """Two evidence sentences that together hold `threshold` of the claim, each adding at
    least two of its words: for an answer sentence that joins two facts ("aircraft crossed
    the median line, and China held live-fire drills"). Within one article a sentence may add
    only the claim's figure ("The Supreme Court of the United Kingdom ruled ... by 11
    Justices": "...the Supreme Court of the United Kingdom issued a ruling..." and "This is
    the unanimous judgment of all 11 Justices."). Empty when no pair does."""
    numbers = {w for w in claim if any(ch.isdigit() for ch in w)}
    flat = [(n, span, words & claim) for n, spans in evidence.items() for span, words in spans]
    flat = [item for item in flat if len(item[2]) >= 2 or item[2] & numbers]

    def adds(words: set[str], other: set[str], same_article: bool) -> bool:
        extra = words - other
        return len(extra) >= 2 or (same_article and bool(extra & numbers))

    best: list[tuple[int, float, tuple[int, int]]] = []
    best_score = threshold
    for i, (n1, span1, words1) in enumerate(flat):
        for n2, span2, words2 in flat[i + 1:]:
            both = words1 | words2
            if (not adds(words1, words2, n1 == n2) or not adds(words2, words1, n1 == n2)
                    or not numbers <= both):
                continue
            score = len(both) / len(claim)
            if score >= best_score:
                best_score = score
                best = [(n1, len(words1) / len(claim), span1),
                        (n2, len(words2) / len(claim), span2)]
    return best


def _best_cover(claim: set[str], evidence: dict[int, Sentences], threshold: float,
                most: int = 4) -> list[tuple[int, float, tuple[int, int]]]:
    """Up to `most` evidence sentences that together hold `threshold` of the claim, chosen
    greedily, each adding at least one of its words: a list answer's items ("Hartford
    Hospital [1], Bridgeport Hospital [2] and Saint Francis [1]") come from several
    sentences and sources. Empty when they do not reach it."""
    numbers = {w for w in claim if any(ch.isdigit() for ch in w)}
    flat = [(n, span, words & claim) for n, spans in evidence.items() for span, words in spans]
    chosen: list[tuple[int, float, tuple[int, int]]] = []
    held: set[str] = set()
    while len(chosen) < most:
        n, span, words = max(flat, key=lambda item: len(item[2] - held),
                             default=(0, (0, 0), set()))
        if not words - held:
            break
        chosen.append((n, len(words) / len(claim), span))
        held |= words
    if len(held) < threshold * len(claim) or not numbers <= held:
        return []
    return chosen


def _held(kept: list[tuple[int, float, tuple[int, int]]], claim: set[str],
          evidence: dict[int, Sentences]) -> set[str]:
    """The claim words the kept spans hold between them."""
    spans = {(n, span) for n, _, span in kept}
    return {w for n, sentences in evidence.items() for span, words in sentences
            if (n, span) in spans for w in words & claim}


# A capitalised word inside a sentence: a name's ("held in Riyadh").
_INNER_NAME = re.compile(r"(?<=[\w,;:)’'\"”] )[A-Z][a-z][\w'’-]*")


def _added_names(sentence: str, question: str) -> set[str]:
    """The words of names `sentence` adds to the question (stemmed): a name that no article
    the sentence rests on writes is one a small model made up, however much else the sentence
    shares ("The press conference held in Saudi Arabia was held in Riyadh", of an article
    that never writes Riyadh: wikinews_quiz_blind41 eo31, a near miss; session 63). Read
    against the whole article, not the cited sentence: a model names people and places from
    the title or the next sentence (required of the sentence, as figures are, it lost 12 right
    answers for 6 wrong ones over 38 sets). Months and weekdays are dates, read as such."""
    words = support_words(" ".join(_INNER_NAME.findall(sentence)))
    return words - support_words(question) - _generic_words() - _DATE_WORDS - _country_words()


@cache
def _country_words() -> frozenset[str]:
    """The words of countries' names: a model that knows where a city is adds its country
    ("held in Rome, Italy" of an article that writes Rome: wikinews_quiz_blind23 qw29)."""
    return frozenset(support_words(" ".join(countries())))


@lru_cache(maxsize=64)
def _article_words(title: str, article: str) -> frozenset[str]:
    """The words of an article and its title, read once per article."""
    return frozenset(support_words(f"{title} {article}"))


_DATE_WORDS = frozenset(content_words(" ".join(MONTHS) + " " + " ".join(WEEKDAYS)))


# verify(source, start, end, quote): does the index hold `quote` at start:end of that article?
Verifier = Callable[[str, int, int, str], bool]


@dataclass
class CheckedAnswer:
    text: str
    citations: list[Citation]
    sentences: list[SentenceCheck]
    # The spans (source n, span) that held an unsupported sentence's words but failed one of
    # the question's constraints: where a refused answer rested (see `fallback`).
    unmet: list[tuple[int, tuple[int, int]]] = field(default_factory=list)
    # The kinds of the constraints those sentences failed ("date", "name", ...).
    unmet_kinds: frozenset[str] = frozenset()


def verified_citation(src: Source, start: int, end: int,
                      verify: Verifier | None) -> Citation | None:
    """A citation of `src`'s text at start:end, its surrounding spaces trimmed, when `verify`
    confirms the quote; None when it does not, there is no verifier, or the span is blank."""
    raw = src.article_text[start:end]
    quote = raw.strip()
    if not quote or verify is None:
        return None
    begin = start + raw.index(quote)
    if not verify(src.source, begin, begin + len(quote), quote):
        return None
    return Citation(n=src.n, source=src.source, title=src.title, published=src.published,
                    quote=quote, start=begin, end=begin + len(quote), verified=True)


def evidence_of(src: Source, span: tuple[int, int], asked: frozenset[str] = frozenset()
                ) -> Evidence:
    """A span of a source as the constraint checks read it: with its article's metadata and
    the words of the question and answer sentence (`asked`) it is read for."""
    return Evidence(src.article_text, span[0], span[1], published=src.published,
                    title=src.title, outlet=src.outlet, asked=asked,
                    dates=tuple((note.at, note.first, note.last) for note in src.notes))


Kept = list[tuple[int, float, tuple[int, int]]]  # (source n, share of the claim, span)


def _select(claim: set[str], cited: list[int], evidence: dict[int, Sentences],
            threshold: float, several: bool) -> Kept:
    """The spans that support a claim: those of the sources the model cited that hold
    `threshold` of it; else the best span of any source; else two spans together (`_best_pair`);
    for a list (`several`), as many as hold its items (`_best_cover`)."""
    scored = [(n, *_best_span(claim, evidence[n])) for n in cited if n in evidence]
    kept = [(n, score, span) for n, score, span in scored if span and score >= threshold]
    if not kept:
        # Nothing the model cited holds the claim (or it cited nothing): find who does.
        candidates = [(n, *_best_span(claim, evidence[n])) for n in evidence]
        supported = [(n, score, span) for n, score, span in candidates
                     if span and score >= threshold]
        if supported:
            kept = [max(supported, key=lambda c: c[1])]
        else:
            kept = [(n, score, span) for n, score, span in _best_pair(claim, evidence, threshold)]
    if several and _held(kept, claim, evidence) < claim:
        # A list: every item it names, from as many sentences as hold them.
        cover = _best_cover(claim, evidence, threshold)
        if len(_held(cover, claim, evidence)) > len(_held(kept, claim, evidence)):
            kept = cover
    return [(n, score, span) for n, score, span in kept if span is not None]


def _two_reports(claim: set[str], constraints: Sequence[Constraint],
                 by_number: dict[int, Source], evidence: dict[int, Sentences],
                 threshold: float, asked: frozenset[str]) -> Kept:
    """Two sentences of two articles that each hold the claim and between them meet the
    question's constraints: a fact of two events ("the spokesperson who gave the account of
    both the Beijing talks with Qin and the Washington meeting with Liu"), each article
    reporting it for one. Empty when no such pair exists."""
    numbers = {w for w in claim if any(ch.isdigit() for ch in w)}
    holding = [(len(claim & words) / len(claim), n, span) for n, spans in evidence.items()
               for span, words in spans if claim and numbers <= words
               and len(claim & words) >= threshold * len(claim)]
    holding.sort(reverse=True)
    for i, (score1, n1, span1) in enumerate(holding):
        for score2, n2, span2 in holding[i + 1:]:
            if n1 != n2 and first_unmet(constraints, [
                    evidence_of(by_number[n1], span1, asked),
                    evidence_of(by_number[n2], span2, asked)]) is None:
                return [(n1, score1, span1), (n2, score2, span2)]
    return []


def _meeting(constraints: Sequence[Constraint], sources: list[Source],
             evidence: dict[int, Sentences], asked: frozenset[str]) -> dict[int, Sentences]:
    """The evidence sentences that meet the question's constraints, each on its own (with
    its neighbours and metadata), for an answer sentence (`asked`: its words and the
    question's)."""
    by_number = {src.n: src for src in sources}
    return {n: [(span, words) for span, words in spans
                if first_unmet(constraints, [evidence_of(by_number[n], span, asked)]) is None]
            for n, spans in evidence.items()}


_MONTH = "|".join(MONTHS)
_DAY = rf"(?:(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH}))"
_YEAR = r"(?:1[89]|20)\d\d"
# A day with the year an answer gives it ("July 25, 1909", "25 July 1909"), and the same as an
# adjunct of the answer's sentence (", on February 12, 2020").
_DAY_YEAR = re.compile(rf"\b({_DAY}),?\s+({_YEAR})\b")
_ON_DAY_YEAR = re.compile(rf",?\s+(?:on|in)\s+{_DAY},?\s+{_YEAR}\b")
# The words of a question that asks for a time (as `checks.expected_type` reads it, roughly:
# `verify` comes before `checks` and does not import it).
# Lower-case but for "When": "Where did Doris Day die?" asks a place (wikinews_quiz_blind13 qm23).
_ASKS_TIME = re.compile(r"\b(?:[Ww]hen|date|day|month|year)\b")


def _without_made_up_date(sentence: str, question: str, evidence: dict[int, Sentences]
                          ) -> str | None:
    """The sentence without the dates a small model makes up, or None when it has none: the
    year it gives a day, where no evidence sentence holds that year and the question does not
    name it ("on July 25, 1909" of an article that writes "On July 25"); and, for a question
    that asks no time, a whole day and year ("Doug Collins said this on Twitter on September
    12, 2019"), an aside to what was asked. Read only for a sentence its evidence does not
    support as written."""
    held = {w for spans in evidence.values() for _, words in spans for w in words}
    asked = support_words(question)
    bare = sentence
    if not _ASKS_TIME.search(question):
        # Even where the evidence holds its figures: the article's own date, "May 16, 2019",
        # is no day of what the answer tells ("died ... on May 16, 2019" of an article
        # published that day, on a death "on Monday": qm23; session 50).
        bare = _ON_DAY_YEAR.sub("", bare)
    bare = _DAY_YEAR.sub(lambda m: m.group(1) if m.group(2) not in held | asked
                         else m.group(0), bare)
    return bare if bare != sentence else None


# A description set off at a sentence's end: ", which was part of the fleet", ", who was 79".
_ASIDE = re.compile(r",\s+(?:which|who)\b[^,;]*?(?=[.!?]?\s*$)")


def _without_aside(sentence: str, question: str) -> str | None:
    """The sentence without a description set off at its end (`_ASIDE`) that the question does
    not write, or None when it has none (wikinews_quiz_blind26 qz21: "The USS Grayback was a
    Tambor-class submarine, which was part of the U.S. Navy's fleet during World War II",
    refused as unsupported for the aside; session 62). Read only for a sentence its evidence
    does not support as written."""
    match = _ASIDE.search(sentence)
    if match is None or content_words(match[0]) <= content_words(question):
        return None
    end = sentence[match.end():]
    return sentence[:match.start()] + (end or ".")


# A source named at a sentence's end: ", according to Johns Hopkins University data".
_ATTRIBUTION = re.compile(r",?\s+(?:according to|as (?:reported|stated|said) by|citing)\s"
                          r"[^,;]*?(?=[.!?]?\s*$)", re.I)


def _without_attribution(sentence: str, question: str) -> str | None:
    """The sentence without a source named at its end (`_ATTRIBUTION`), where the question
    names none, or None when it has none: the citation names the source, and a small model
    names the one another sentence gives ("The United Kingdom reported 37,542 deaths as of
    Wednesday, according to Johns Hopkins University data", of a sentence that names no
    source: wikinews_quiz_blind39 em14, a right answer refused; session 63). Read only for a
    sentence its evidence does not support as written."""
    match = _ATTRIBUTION.search(sentence)
    if match is None or match.start() == 0 or re.search(r"\baccording to\b", question, re.I):
        return None
    return sentence[:match.start()] + (sentence[match.end():] or ".")


def check_citations(answer: str, sources: list[Source], threshold: float,
                    question: str = "", verify: Verifier | None = None,
                    constraints: Sequence[Constraint] = (), several: bool = False
                    ) -> CheckedAnswer:
    """Verify the answer's citations against the sources, attaching them where missing.

    A sentence is supported by a source sentence holding at least `threshold` of its claim
    words (see `claim_words`: what it adds to `question`), whose evidence (with its neighbours
    and metadata) meets the question's `constraints`; with `several` (a list question), by up
    to four sentences together (`_best_cover`).

    Returns the answer text with markers for attached citations added (and markers naming
    unknown sources removed), the citations, and a support check per sentence. A citation is
    `verified` only when `verify` confirms its quote (never without a `verify`).
    """
    by_number = {src.n: src for src in sources}
    plain = {src.n: _evidence(src) for src in sources}  # split and stemmed once per answer
    asked_words = frozenset(content_words(question))
    citations: dict[tuple[int, int, int], Citation] = {}
    checks: list[SentenceCheck] = []
    parts: list[str] = []
    unmet: list[tuple[int, tuple[int, int]]] = []
    kinds: set[str] = set()  # of the constraints sentences failed
    for sentence, numbers in split_answer(answer):
        if not content_words(sentence):  # "Yes." and the like claim nothing to check
            parts.append(sentence)
            checks.append(SentenceCheck(text=sentence, citations=[], supported=True))
            continue
        claim = claim_words(sentence, question)
        cited = [n for n in dict.fromkeys(numbers) if n in by_number]
        asked = asked_words | content_words(sentence)
        evidence = _dated(plain, sources, sentence)
        meeting = _meeting(constraints, sources, evidence, asked) if constraints else evidence
        kept = _select(claim, cited, meeting, threshold, several)
        # The sentence without what a small model makes up around what the evidence holds: the
        # year it gives a day (`_without_made_up_date`), then an aside at its end (", which was
        # part of the U.S. Navy's fleet during World War II": `_without_aside`), or a source
        # named at its end (`_without_attribution`). What is left is checked against the
        # question's constraints as any other, and is what the answer keeps.
        for trim in (partial(_without_made_up_date, question=question, evidence=evidence),
                     partial(_without_aside, question=question),
                     partial(_without_attribution, question=question)):
            if kept:
                break
            bare = trim(sentence)
            if bare and _select(claim_words(bare, question), cited, evidence, threshold,
                                several):
                sentence, claim = bare, claim_words(bare, question)
                kept = _select(claim, cited, meeting, threshold, several)
        if not kept and constraints:
            kept = _two_reports(claim, constraints, by_number, evidence, threshold, asked)
        names = _added_names(sentence, question) if kept else set()
        if names and not names <= set().union(*(
                _article_words(by_number[n].title or "", by_number[n].article_text)
                for n in {n for n, _, _ in kept})):
            kept = []  # a name the answer adds that no article it rests on gives: made up
        failed = None
        if not kept and constraints:
            # Words that only sentences failing the question's constraints hold: say which.
            spans = _select(claim, cited, evidence, threshold, several)
            failed = first_unmet(constraints, [evidence_of(by_number[n], span, asked)
                                               for n, _, span in spans]) if spans else None
            unmet.extend((n, span) for n, _, span in spans)
            if spans and failed is None:  # each meets some, together not all of them
                failed = next((c for n, _, span in spans for c in constraints
                               if first_unmet([c], [evidence_of(by_number[n], span, asked)])),
                              None)
        for n, _score, span in kept:
            src = by_number[n]
            quote = src.article_text[span[0]:span[1]]
            citations.setdefault((n, span[0], span[1]), Citation(
                n=n, source=src.source, title=src.title, published=src.published,
                quote=quote, start=span[0], end=span[1],
                verified=bool(quote.strip()) and verify is not None
                and verify(src.source, span[0], span[1], quote),
            ))
        markers = sorted({n for n, _, _ in kept})
        checks.append(SentenceCheck(text=sentence, citations=markers, supported=bool(kept),
                                    reason=reason(failed) if failed else None))
        if failed is not None:
            kinds.add(failed.kind)
        parts.append(_with_markers(sentence, markers))
    ordered = sorted(citations.values(), key=lambda c: (c.n, c.start))
    return CheckedAnswer(text=" ".join(parts), citations=ordered, sentences=checks,
                         unmet=unmet, unmet_kinds=frozenset(kinds))
