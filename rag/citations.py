"""Numbered sources for the prompt, and checking the answer's citations against them.

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
from dataclasses import dataclass, field
from functools import cache

from .text import content_words, sentence_spans
from .types import Citation, SentenceCheck

_MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
_REFUSAL = re.compile(
    r"((sources?|context|articles?|text|information provided) (do|does|did) not "
    r"(say|contain|mention|include|state|provide|specify)|"
    r"(not|no information) (mentioned|stated|provided|available|given|found|specified) in "
    r"the (given |provided )?(sources?|context|articles?)|"
    r"cannot (answer|be answered|determine|find)|can't (answer|determine|find)|"
    r"don't (know|have enough)|do not (know|have enough)|no information (about|on|regarding)|"
    r"not (enough|sufficient) information|unable to (answer|determine|find))",
    re.IGNORECASE,
)


@dataclass
class Source:
    """One article as shown to the model: its number and the spans of it that were shown."""

    n: int
    source: str
    title: str | None
    published: str | None
    article_text: str
    spans: list[tuple[int, int]] = field(default_factory=list)

    def add_span(self, start: int, end: int, keep_order: bool = False) -> None:
        """Add a span, merging it with any it overlaps or touches, kept in document order
        (or, with `keep_order`, in the order added: best evidence first)."""
        if keep_order:
            if not any(s < end and start < e for s, e in self.spans):
                self.spans.append((start, end))
            return
        merged = [(start, end)]
        for s, e in self.spans:
            if s <= merged[0][1] and e >= merged[0][0]:
                merged[0] = (min(s, merged[0][0]), max(e, merged[0][1]))
            else:
                merged.append((s, e))
        self.spans = sorted(merged)

    @property
    def text(self) -> str:
        return " … ".join(self.article_text[s:e].strip() for s, e in self.spans)

    def sentences(self) -> list[tuple[int, int]]:
        found: list[tuple[int, int]] = []
        for s, e in self.spans:
            found.extend(sentence_spans(self.article_text[s:e], offset=s))
        return found


def format_sources(sources: list[Source]) -> str:
    """The numbered evidence for the prompt: "[n] Title (date)" then the text shown.

    File names are left out: the model cites by number, and a name like
    `001_63b0898204a347c1.txt` costs ~15 prompt tokens a source (time to first token) and
    tempts a small model to copy it into the answer."""
    blocks = []
    for src in sources:
        head = " ".join(part for part in (f"[{src.n}]", src.title,
                                          f"({src.published})" if src.published else None)
                        if part)
        blocks.append(f"{head}\n{src.text}")
    return "\n\n".join(blocks)


def is_refusal(answer: str) -> bool:
    return bool(_REFUSAL.search(answer)) or not answer.strip()


# Verbs an answer may add to the question's words without saying anything new.
_GENERIC = {"say", "said", "tell", "told", "take", "took", "held", "hold", "met", "meet",
            "describ", "discuss", "talk", "spoke", "speak", "report", "state", "mention",
            "accord", "articl", "sourc", "also", "would", "could"}


@cache
def _generic_words() -> frozenset[str]:
    return frozenset(content_words(" ".join(_GENERIC)))


def _new_words(text: str, question: str) -> set[str]:
    """Content words of `text` that the question does not already contain."""
    return content_words(text) - content_words(question) - _generic_words()


def adds_information(answer: str, question: str) -> bool:
    """False for answers that only restate the question ("X said about Taiwan [1].")."""
    return bool(_new_words(_MARKER.sub(" ", answer), question))


def claim_words(sentence: str, question: str = "") -> set[str]:
    """The words a source must hold to support `sentence`: those it adds to the question, or
    all its content words when it adds none."""
    return _new_words(sentence, question) or content_words(sentence)


def split_answer(answer: str) -> list[tuple[str, list[int]]]:
    """The answer's sentences, each with its [n] markers removed and collected."""
    result: list[tuple[str, list[int]]] = []
    for start, end in sentence_spans(answer):
        sentence = answer[start:end]
        numbers = [int(n) for group in _MARKER.findall(sentence) for n in group.split(",")]
        clean = _MARKER.sub("", sentence).strip()
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
