"""Stage `fallback`: when the answer is refused after the model has answered, the closest
passage of the evidence, if one clearly bears on the question, quoted with a verified
citation: status `partial`, "The articles do not answer this directly. Closest passage:
"..." [n]". When none does, the refusal stands.

"Clearly bears on the question" is measured, never judged by the model. A sentence of the
evidence shown to the model qualifies when:

1. it meets every constraint of the question (`constraints`: its date, names, figures,
   quoted phrase, source, topic), read with its neighbours and its article's metadata;
2. it holds at least `MIN_SHARED` of the question's content words and at least `MIN_COVER`
   of their weight, each word weighted by its rarity (inverse document frequency) among the
   sentences of the articles retrieved: the article's own subject, in every sentence, weighs
   little; the question's distinctive words, much;
3. when the question's form asks for a date, a duration, a number or a name (`checks`), it
   gives one the question does not.

The best such sentence (by weight covered) is the passage. When none qualifies, the sentence
the refused answer rested on is the passage (`rested_passage`), if it failed only for names
that set the story's scene and that the article writes before it (`constraints.sets_scene`:
"the Congo drug trial" named two paragraphs up), or for a topic its title or lead holds, and
gives what the question's form asks for.
Long quiz questions ("How many drones did Yemen's Houthi rebels say they used to strike Saudi
Aramco's Abqaiq plant and Khurais oil field?") share too few of their words with any one
sentence to meet condition 2; the model chose this one, and the checks found its words there.

A partial answer is not an answer:
`refused` stays true, and the eval counts it correct on an answerable question only when the
passage holds a key phrase (docs/evals.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rag.answer.checks import expected_type, has_type
from rag.answer.constraints import Constraint, first_unmet
from rag.answer.evidence import Source
from rag.answer.verify import CheckedAnswer, Verifier, evidence_of, new_words, verified_citation
from rag.text import article_sentences, content_words
from rag.types import SentenceCheck

MIN_SHARED = 2  # question words the passage must hold
MIN_COVER = 0.5  # share of the question's word weight the passage must hold
LEAD = "The articles do not answer this directly."


@dataclass(frozen=True)
class Passage:
    source: Source
    start: int
    end: int
    cover: float  # share of the question's word weight it holds

    @property
    def quote(self) -> str:
        return self.source.article_text[self.start:self.end]


def closest_passage(question: str, sources: Sequence[Source],
                    constraints: Sequence[Constraint], min_shared: int = MIN_SHARED,
                    min_cover: float = MIN_COVER) -> Passage | None:
    """The sentence of the evidence shown that bears most clearly on `question`, or None when
    none qualifies (see the module's docstring; the thresholds are parameters for
    `evals.fallback_sweep`)."""
    wanted = new_words(question, "")
    if not wanted or not sources:
        return None
    background = [content_words(src.article_text[s:e]) for src in sources
                  for s, e in article_sentences(src.article_text)]
    weight = {w: math.log(1 + len(background) / max(1, sum(w in b for b in background)))
              for w in wanted}
    total = math.fsum(weight.values())  # fsum: the same in every process (`evidence`)
    kind = expected_type(question)
    best: Passage | None = None
    for src in sources:
        for start, end in src.sentences():
            words = content_words(src.article_text[start:end])
            shared = wanted & words
            cover = math.fsum(weight[w] for w in shared) / total
            if (len(shared) < min_shared or cover < min_cover
                    or (best is not None and cover <= best.cover)):
                continue
            if kind and not has_type(kind, src.article_text[start:end],
                                     [(src.article_text, start, end)], question):
                continue
            if first_unmet(constraints, [evidence_of(src, (start, end))]) is not None:
                continue
            best = Passage(src, start, end, cover)
    return best


def rested_passage(question: str, sources: Sequence[Source], constraints: Sequence[Constraint],
                   unmet: Sequence[tuple[int, tuple[int, int]]]) -> Passage | None:
    """The first span a refused answer rested on (`unmet`: source n and span, as
    `CheckedAnswer.unmet` gives them) that meets the question's constraints once the names
    setting the story's scene may stand before it, and gives what the question asks for."""
    kind = expected_type(question)
    by_number = {src.n: src for src in sources}
    for n, (start, end) in unmet:
        src = by_number.get(n)
        if src is None or (kind and not has_type(kind, src.article_text[start:end],
                                                 [(src.article_text, start, end)], question)):
            continue
        if first_unmet(constraints, [evidence_of(src, (start, end))], scenes=True) is None:
            return Passage(src, start, end, cover=0.0)
    return None


def partial_answer(question: str, sources: Sequence[Source], constraints: Sequence[Constraint],
                   verify: Verifier | None, unmet: Sequence[tuple[int, tuple[int, int]]] = ()
                   ) -> CheckedAnswer | None:
    """The closest passage, else the passage the refused answer rested on (`unmet`), as a
    checked answer with one verified citation; or None."""
    passage = (closest_passage(question, sources, constraints)
               or rested_passage(question, sources, constraints, unmet))
    citation = passage and verified_citation(passage.source, passage.start, passage.end, verify)
    if not citation:
        return None
    text = f'{LEAD} Closest passage: "{citation.quote}" [{citation.n}]'
    return CheckedAnswer(text=text, citations=[citation], sentences=[
        SentenceCheck(text=citation.quote, citations=[citation.n], supported=True)])
