"""Stage `verify`: the answer's citations checked against the numbered sources.

Every citation is checked in code, never taken on the model's word:
- `[n]` markers that name no source shown to the model are dropped;
- each cited sentence gets the span of source n that best supports it as its quote, and the
  quote is verified by the caller's `verify` against an independent read of what the index
  holds (see `Assistant.verify_quote`), so a stale index or an offset bug shows as unverified;
- a sentence with no marker (small models often cite nothing) gets the best supporting span
  among all sources, if one supports it well enough;
- sentences that no source supports are flagged (`supported: false`).

Support is judged on what a sentence adds to the question: "Blinken met Liu on Friday" in answer
to "When did Blinken meet Liu?" is supported by a source sentence that says "Friday", even if
the names appear only elsewhere; and it is not supported by one that names Blinken and Liu but
gives no day. Lexical, so cheap and explainable; a paraphrase can still fool it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from rag.answer.evidence import Source
from rag.text import content_words, sentence_spans
from rag.types import Citation, SentenceCheck

MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")

# Verbs an answer may add to the question's words without saying anything new.
_GENERIC = {"say", "said", "tell", "told", "take", "took", "held", "hold", "met", "meet",
            "describ", "discuss", "talk", "spoke", "speak", "report", "state", "mention",
            "accord", "articl", "sourc", "also", "would", "could"}


@cache
def _generic_words() -> frozenset[str]:
    return frozenset(content_words(" ".join(_GENERIC)))


def new_words(text: str, question: str) -> set[str]:
    """Content words of `text` that the question does not already contain."""
    return content_words(text) - content_words(question) - _generic_words()


def claim_words(sentence: str, question: str = "") -> set[str]:
    """The words a source must hold to support `sentence`: those it adds to the question, or
    all its content words when it adds none."""
    return new_words(sentence, question) or content_words(sentence)


def split_answer(answer: str) -> list[tuple[str, list[int]]]:
    """The answer's sentences, each with its [n] markers removed and collected."""
    result: list[tuple[str, list[int]]] = []
    for start, end in sentence_spans(answer):
        sentence = answer[start:end]
        numbers = [int(n) for group in MARKER.findall(sentence) for n in group.split(",")]
        clean = MARKER.sub("", sentence).strip()
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


Evidence = list[tuple[tuple[int, int], set[str]]]  # a source's sentence spans and their words


def _evidence(src: Source) -> Evidence:
    return [(span, content_words(src.article_text[span[0]:span[1]])) for span in src.sentences()]


def _best_span(claim: set[str], evidence: Evidence) -> tuple[float, tuple[int, int] | None]:
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


def _best_pair(claim: set[str], evidence: dict[int, Evidence], threshold: float
               ) -> list[tuple[int, float, tuple[int, int]]]:
    """Two evidence sentences that together hold `threshold` of the claim, each adding at
    least two of its words: for an answer sentence that joins two facts ("aircraft crossed
    the median line, and China held live-fire drills"). Empty when no pair does."""
    numbers = {w for w in claim if any(ch.isdigit() for ch in w)}
    flat = [(n, span, words & claim) for n, spans in evidence.items() for span, words in spans]
    flat = [item for item in flat if len(item[2]) >= 2]
    best: list[tuple[int, float, tuple[int, int]]] = []
    best_score = threshold
    for i, (n1, span1, words1) in enumerate(flat):
        for n2, span2, words2 in flat[i + 1:]:
            both = words1 | words2
            if (len(words1 - words2) < 2 or len(words2 - words1) < 2
                    or not numbers <= both):
                continue
            score = len(both) / len(claim)
            if score >= best_score:
                best_score = score
                best = [(n1, len(words1) / len(claim), span1),
                        (n2, len(words2) / len(claim), span2)]
    return best


# verify(source, start, end, quote): does the index hold `quote` at start:end of that article?
Verifier = Callable[[str, int, int, str], bool]


@dataclass
class CheckedAnswer:
    text: str
    citations: list[Citation]
    sentences: list[SentenceCheck]


def check_citations(answer: str, sources: list[Source], threshold: float,
                    question: str = "", verify: Verifier | None = None) -> CheckedAnswer:
    """Verify the answer's citations against the sources, attaching them where missing.

    A sentence is supported by a source sentence holding at least `threshold` of its claim
    words (see `claim_words`: what it adds to `question`).

    Returns the answer text with markers for attached citations added (and markers naming
    unknown sources removed), the citations, and a support check per sentence. A citation is
    `verified` only when `verify` confirms its quote (never without a `verify`).
    """
    by_number = {src.n: src for src in sources}
    evidence = {src.n: _evidence(src) for src in sources}  # split and stemmed once per answer
    citations: dict[tuple[int, int, int], Citation] = {}
    checks: list[SentenceCheck] = []
    parts: list[str] = []
    for sentence, numbers in split_answer(answer):
        if not content_words(sentence):  # "Yes." and the like claim nothing to check
            parts.append(sentence)
            checks.append(SentenceCheck(text=sentence, citations=[], supported=True))
            continue
        claim = claim_words(sentence, question)
        cited = [n for n in dict.fromkeys(numbers) if n in by_number]
        scored = [(n, *_best_span(claim, evidence[n])) for n in cited]
        kept = [(n, score, span) for n, score, span in scored if span and score >= threshold]
        if not kept:
            # Nothing the model cited holds the claim (or it cited nothing): find who does.
            candidates = [(n, *_best_span(claim, evidence[n])) for n in by_number]
            supported = [(n, score, span) for n, score, span in candidates
                         if span and score >= threshold]
            if supported:
                kept = [max(supported, key=lambda c: c[1])]
            else:
                kept = [(n, score, span) for n, score, span in
                        _best_pair(claim, evidence, threshold)]
        for n, _score, span in kept:
            assert span is not None
            src = by_number[n]
            quote = src.article_text[span[0]:span[1]]
            citations.setdefault((n, span[0], span[1]), Citation(
                n=n, source=src.source, title=src.title, published=src.published,
                quote=quote, start=span[0], end=span[1],
                verified=bool(quote.strip()) and verify is not None
                and verify(src.source, span[0], span[1], quote),
            ))
        markers = sorted({n for n, _, _ in kept})
        checks.append(SentenceCheck(text=sentence, citations=markers, supported=bool(kept)))
        parts.append(_with_markers(sentence, markers))
    ordered = sorted(citations.values(), key=lambda c: (c.n, c.start))
    return CheckedAnswer(text=" ".join(parts), citations=ordered, sentences=checks)
