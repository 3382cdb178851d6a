"""Stage `evidence`: the retrieved chunks turned into numbered sources, within a token budget,
and formatted for the prompt.

'chunks' mode shows whole chunks in rank order; 'sentences' mode shows the sentences of the
retrieved chunks that share the most (rare) words with the question, which keeps the prompt
short: the main lever on answer latency with a small local model.

Relative days in the evidence ("on Friday", "yesterday", "last week") are shown resolved
against the article's publication date where that is unambiguous ("on Friday (13 March
2020)"; `relative_dates`), so that an answer to "when" can give the date. The article's text
is not changed: the resolved dates are `Source.notes`, which the answer checks read too.

With a `floor` (RAG_EVIDENCE_FLOOR, off by default), sentences whose question words weigh
under that fraction of the best sentence's are left out even when the budget has room (the
best three are always shown): on real news the budget otherwise fills with sentences that
share one common word with the question, and every prompt token delays the first answer
token (docs/performance.md, section 8).

A list question ("Which officials...", "Name the countries that...", a plural "which X") gets
`LIST_BUDGET` times the budget, and its evidence starts with the best sentence of every
retrieved article, so that items reported in different articles all reach the model.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from rag.answer.relative_dates import Note, annotate, names_the_date, relative_notes, shifted
from rag.text import approx_tokens, article_sentences, content_words, sentence_spans
from rag.types import RetrievedChunk

ContextMode = Literal["sentences", "chunks"]
LIST_BUDGET = 2  # a list question's evidence budget, in multiples of the usual one
ALWAYS_SHOWN = 3  # the best sentences shown whatever their weight (the floor's exemption)

_LIST_START = re.compile(r"^\s*(?:name|list)\b|\b(?:what|which) (?:are|were) the names\b", re.I)
_WHICH = re.compile(r"\b(?:which|what)\s+(.*)", re.I)
_AUXILIARIES = frozenset(re.findall(r"\w+", "is was are were do does did has have had will would "
                                    "can could may might should must"))
_MODIFIERS = frozenset(re.findall(r"\w+", "other two three four five six seven eight nine ten "
                                  "several many main major key new top senior foreign local"))
_NOT_PLURAL = re.compile(r".*(?:ss|us|is|news|series|species|status|means)$")
Span = tuple[RetrievedChunk, int, int]  # a chunk and the span of its article to show


@dataclass
class Source:
    """One article as shown to the model: its number and the spans of it that were shown."""

    n: int
    source: str
    title: str | None
    published: str | None
    article_text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    outlet: str | None = None

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

    @cached_property
    def notes(self) -> tuple[Note, ...]:
        """The article's relative days resolved against its publication date (none when it
        is undated): see `relative_dates`."""
        return relative_notes(self.article_text, self.published)

    def annotated(self, start: int, end: int) -> str:
        """`article_text[start:end]` as shown to the model: with the resolved dates."""
        return annotate(self.article_text, self.notes, start, end)

    def annotated_view(self, start: int, end: int, answer: str) -> tuple[str, int, int]:
        """The whole article with the resolved dates that `answer` names (`names_the_date`),
        and where start:end of the article lies in it: for the checks that read a span in its
        article."""
        notes = [note for note in self.notes if names_the_date(note, answer)]
        if not notes:
            return self.article_text, start, end
        return (annotate(self.article_text, notes), shifted(start, notes),
                shifted(end, notes, inclusive=True))

    @property
    def text(self) -> str:
        return " … ".join(self.annotated(s, e).strip() for s, e in self.spans)

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


def is_list_question(question: str) -> bool:
    """Whether the question asks for several items: "Name the...", "List...", "What are the
    names of...", or "which/what" before a plural noun ("Which senators...", "To which
    hospitals...", "Which other Latin American countries...")."""
    if _LIST_START.search(question):
        return True
    match = _WHICH.search(question)
    if match is None:
        return False
    for word in match.group(1).split()[:5]:
        word = word.strip(",.;:?!")
        lower = word.lower()
        if not word or lower in _AUXILIARIES:
            return False
        if word[:1].isupper() or word[:1].isdigit() or lower in _MODIFIERS:
            continue
        # The head noun: the first other word.
        return lower.endswith("s") and "'" not in lower and not _NOT_PLURAL.match(lower)
    return False


def build_sources(chunks: list[RetrievedChunk], texts: dict[str, str | None], question: str,
                  mode: ContextMode, budget_tokens: int, several: bool = False,
                  floor: float = 0.0) -> list[Source]:
    """Number the retrieved articles and choose the evidence shown, within `budget_tokens`.

    `texts` holds each retrieved article's full text (None where it is not stored here: that
    article is left out, since its citations could not be checked). With `several` (a list
    question), the budget is `LIST_BUDGET` times larger and every article's best sentence
    comes first. In sentence mode, a sentence whose question-word weight is under `floor`
    times the best sentence's is not shown (except the best `ALWAYS_SHOWN`, and never for a
    list question, whose items may each share few words with it)."""
    if mode == "sentences" and question:
        scored = best_sentences(chunks, question, texts)
        top = scored[0][1] if scored else 0.0
        spans = [span for i, (span, weight) in enumerate(scored)
                 if several or i < ALWAYS_SHOWN or weight >= floor * top]
    else:
        spans = [(c, c.start, c.end) for c in chunks]
    if several:
        budget_tokens *= LIST_BUDGET
        firsts: dict[str, Span] = {}
        for span in spans:
            firsts.setdefault(span[0].source, span)
        spans = list(firsts.values()) + [s for s in spans if s not in firsts.values()]
    sources: dict[str, Source] = {}
    used = 0
    for chunk, start, end in spans:
        article_text = texts.get(chunk.source)
        if article_text is None:
            continue
        cost = approx_tokens(article_text[start:end])
        if sources and used + cost > budget_tokens:
            continue
        src = sources.get(chunk.source)
        if src is None:
            src = Source(n=len(sources) + 1, source=chunk.source, title=chunk.title or None,
                         published=chunk.published or None, article_text=article_text,
                         outlet=chunk.outlet or None)
            sources[chunk.source] = src
        src.add_span(start, end, keep_order=mode == "sentences")
        used += cost
    return list(sources.values())


def best_sentences(chunks: list[RetrievedChunk], question: str,
                   texts: dict[str, str | None]) -> list[tuple[Span, float]]:
    """Sentences of the retrieved chunks with the weight of the question words they share
    (each weighted by its rarity among the candidates), best first; a small bonus for the
    chunk's rank orders them but is not part of the weight."""
    candidates: list[tuple[RetrievedChunk, int, int, set[str], int]] = []
    seen: set[tuple[str, int]] = set()
    for rank, chunk in enumerate(chunks):
        article = texts.get(chunk.source) or ""
        # Whole sentences of the article that overlap the chunk: a chunk may begin or end
        # mid-sentence, a quote never does.
        for start, end in article_sentences(article):
            if end <= chunk.start or start >= chunk.end:
                continue
            if chunk.chunk == 0:  # the header (date marker, title) before
                start = max(start, chunk.start)  # the body is not evidence
            if (chunk.source, start) in seen:  # overlapping chunks repeat sentences
                continue
            seen.add((chunk.source, start))
            words = content_words(article[start:end])
            if len(words) >= 3:  # skip headings and fragments ("Hopes for Stable Relations")
                candidates.append((chunk, start, end, words, rank))
    wanted = content_words(question)
    df = {w: sum(w in c[3] for c in candidates) for w in wanted}
    weight = {w: math.log(1 + len(candidates) / df[w]) for w in wanted if df[w]}

    # fsum: a sum over a set in its (hash-seeded) order differs in the last bit from process
    # to process, and near-ties then rank differently: the same question got other evidence.
    scored = [((chunk, start, end), math.fsum(weight.get(w, 0.0) for w in words & wanted), rank)
              for chunk, start, end, words, rank in candidates]
    scored.sort(key=lambda s: s[1] + 1.0 / (s[2] + 2), reverse=True)
    return [(span, shared) for span, shared, _ in scored]
