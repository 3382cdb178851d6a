"""The seed-like article on the Blinken-Liu talks that the answer checks were written against
(tests/test_answer_checks.py, tests/test_answer_constraints.py), and how a test cites one of its
sentences."""

from __future__ import annotations

SEEDLIKE = (
    "Blinken met Liu Jianchao in Washington on Friday. "
    "Liu on Thursday stated China's positions on issues like Taiwan at a meeting with US deputy "
    "national security adviser Jonathan Finer. "
    "Wang Yi was invited to visit Washington at a later date. "
    "A senior US official said the discussions went beyond the usual talking points. "
    "\u201cThis was a real conversation,\u201d he said. "
    "Xi told Gates he was the first American friend he had met this year. "
    "The state broadcaster CCTV reported the remarks."
)


def sentence_span(article: str, fragment: str) -> tuple[int, int]:
    """Start and end of the sentence of `article` that holds `fragment` (sentences end in ". ")."""
    start = article.index(fragment)
    start = article.rfind(". ", 0, start) + 2 if ". " in article[:start] else 0
    end = article.index(". ", start) + 1 if ". " in article[start:] else len(article)
    return start, end
