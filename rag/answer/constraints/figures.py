"""Figures and positions: a figure as a question writes it (`FIGURE`), the figures of a text in
one style (`numbers`: "2.9m", "2.9 million" and "2,900,000" are one figure), and the positions
a text names in words or figures (`ORDINAL`, `ordinals`: "fourth" and "4th" are one).

Imports: rag.answer.constraints.lexicon, rag.text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.answer.constraints.lexicon import WORD
from rag.text import figures_as_digits

_NUMBER = re.compile(r"^\d[\d,.]*(?:/\d+)?$")


# A position the question gives ("finished fourth", "the 3rd round"): the evidence must give
# it, in words or figures. Not "first", which news writes of nearly anything new.
ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_ORDINAL_WORDS = {word: n for word, n in ORDINAL_WORDS.items() if n > 1}
ORDINAL = re.compile(rf"\b(?:{'|'.join(_ORDINAL_WORDS)}|(?:[2-9]|\d\d)(?:st|nd|rd|th))\b", re.I)


def ordinals(text: str) -> frozenset[str]:
    """The positions `text` names, as "ord:N": "fourth" and "4th" are "ord:4"."""
    found = set()
    for word in re.findall(r"\b\w+\b", text.lower()):
        if word in _ORDINAL_WORDS:
            found.add(f"ord:{_ORDINAL_WORDS[word]}")
        elif re.fullmatch(r"\d+(?:st|nd|rd|th)", word):
            found.add(f"ord:{int(word[:-2])}")
    return frozenset(found)


def _plain_number(token: str) -> str:
    return token.replace(",", "").rstrip(".")


# A figure as a question writes it: "1,500", "2.9 million", "$1.5bn". Not a score or a range
# ("3-1", "2018–19"), which the old word split kept whole, nor a figure glued to a unit or to
# an "m" that may be metres ("10km", "8.5m"): those give no constraint, as before.
FIGURE = re.compile(r"(?<![\w.,–-])\d+(?:,\d{3})*(?:\.\d+)?(?:/\d+)?"
                    r"(?:\s?(?:million|billion|trillion|bn|mn|tn)\b)?(?![\w/–-]|[.,]\d)", re.I)


@lru_cache(maxsize=1024)  # one window is read for each figure and each answer sentence
def numbers(text: str, as_written: bool = True) -> frozenset[str]:
    """The figures of `text` in one style, spelled-out ones as digits: "2.9m", "2.9 million"
    and "2,900,000" are one figure, "five" is "5" (`rag.text.figures_as_digits`); and,
    `as_written`, also as the text writes them, since one style may misread a unit: "8.5 m"
    (metres) is 8.5 too."""
    text = figures_as_digits(text) + (" " + text if as_written else "")
    return frozenset(_plain_number(w) for w in WORD.findall(text) if _NUMBER.match(w))
