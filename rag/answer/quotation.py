"""Stage `quotation`: for a question that asks what someone said, their words as the article
gives them, in full.

A small model paraphrases what it quotes, and the paraphrase loses the words a researcher
asked for: "Madina Bizheva said she gave her victory to her mother" for 'Bizheva said: "I give
my victory to my mother, who inspired me to study at a neurosurgeon. After she had a stroke,
the dream of becoming a doctor began to turn into reality."', of which the cited sentence holds
only the first half.

When an answered question asks what a source said (`Constraint.says`: "What did S say?", "In
what words did S ...?"; or by its form, where only a role names the speaker: "What did the
head of the police's investigators say she regretted?") and a citation of the answer quotes
speech (a quotation mark in its quote), the quotation is added to the answer verbatim: from
the cited sentence to the sentence of the same paragraph that closes the quotation (at most
`MAX_MORE` sentences on), as a citation of its own, verified as every citation is. Nothing is
added when the answer already holds the quoted words as written, or when the quote cannot be
verified.

The checks have already found the answer's evidence to be the source's words (`constraints`:
the source's speech); this stage only shows more of them. It adds no claim of the model's.

Imports: rag.answer.constraints, rag.answer.evidence, rag.answer.verify, rag.text, rag.types.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rag.answer.constraints import Constraint
from rag.answer.evidence import Source
from rag.answer.verify import MARKER, CheckedAnswer, Verifier, verified_citation
from rag.text import article_sentences
from rag.types import Citation, SentenceCheck

MAX_MORE = 3  # sentences after the cited one that a quotation may run on into
LEAD = "In the article's words:"
_MARKS = re.compile(r"[\"“”]")
_QUOTED = re.compile(r"\"([^\"]+)\"?|“([^”]+)”?")


# "What did the head of the French police's internal investigators say she regretted?": a
# question of what was said whose speaker no name constraint stands for (a role only).
_WHAT_SAID = re.compile(r"^\s*(?:[^,?]{0,120},\s*)?(?:what|how)\b[^?]*?\b(?:did|does|do|has|"
                        r"have|had|will|would)\s+[^?]+?\s+(?:say|tell|write|tweet|describe|"
                        r"call)\b|\b(?:in )?what words\b", re.I)


def asks_for_words(question: str, constraints: Sequence[Constraint]) -> bool:
    """Whether the question asks what a source said: by its constraints, or by its form."""
    return any(c.kind == "source" and c.says for c in constraints) or bool(
        _WHAT_SAID.search(question))


def with_quotation(question: str, checked: CheckedAnswer, sources: Sequence[Source],
                   constraints: Sequence[Constraint], verify: Verifier | None) -> CheckedAnswer:
    """`checked` with the first quotation its citations open added in full, when the question
    asks what a source said and the answer does not already hold the quoted words."""
    if not asks_for_words(question, constraints):
        return checked
    by_number = {src.n: src for src in sources}
    cited = next((c for c in checked.citations
                  if c.verified and c.n in by_number and _MARKS.search(c.quote)), None)
    if cited is None:
        return checked
    src = by_number[cited.n]
    end = _quotation_end(src.article_text, cited.start, cited.end)
    words = src.article_text[cited.start:end]
    said = _normal(MARKER.sub("", checked.text))  # its [n] markers may split a quotation
    if all(_normal(part) in said for part in _quoted_parts(words)):
        return checked
    citation = verified_citation(src, cited.start, end, verify)
    if citation is None:
        return checked
    line = f"{LEAD} {citation.quote} [{citation.n}]"
    return replace(
        checked, text=f"{checked.text} {line}",
        citations=_with(checked.citations, citation),
        sentences=[*checked.sentences,
                   SentenceCheck(text=f"{LEAD} {citation.quote}", citations=[citation.n],
                                 supported=True)])


def _quotation_end(article: str, start: int, end: int) -> int:
    """Where the quotation open at article[start:end] closes: the end of the sentence, in the
    same paragraph and at most `MAX_MORE` sentences on, that closes it; `end` when it is not
    open or does not close in reach (a quotation left open by the writer)."""
    if not _is_open(article[start:end]):
        return end
    spans = [span for span in article_sentences(article) if span[0] >= end]
    for span_start, span_end in spans[:MAX_MORE]:
        if "\n" in article[end:span_start] + article[span_start:span_end]:
            break
        if not _is_open(article[start:span_end]):
            return span_end
    return end


def _is_open(text: str) -> bool:
    """Whether `text` opens a quotation it does not close: an odd count of straight marks, or
    more opening curly marks than closing ones."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _quoted_parts(text: str) -> list[str]:
    """The words inside the quotation marks of `text` (a quotation left open runs to the end)."""
    return [m.group(1) or m.group(2) for m in _QUOTED.finditer(text)
            if (m.group(1) or m.group(2) or "").strip()]


def _normal(text: str) -> str:
    """Lower case, words only, one space: how the answer's copy of the quoted words is sought."""
    return " ".join(re.findall(r"\w+", text.lower().replace("’", "'")))


def _with(citations: list[Citation], added: Citation) -> list[Citation]:
    """`citations` with `added`, unless one already quotes the same span; ordered as `verify`
    orders them."""
    if any((c.n, c.start, c.end) == (added.n, added.start, added.end) for c in citations):
        return citations
    return sorted([*citations, added], key=lambda c: (c.n, c.start))
