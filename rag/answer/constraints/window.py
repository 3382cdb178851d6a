"""What one cited span gives a constraint to check (`Evidence`: the span in its article, the
article's metadata, and the words of the sentences around it), and the window of neighbouring
sentences it is read in (`window_sentences`: the one before and the one after, and on to the
ends of a quotation they are part of, `in_quotation`); `Month` is a (year, month) of the date
checks. (The stage that formats sources for the prompt is `rag.answer.evidence`, another
module.)

Imports: rag.answer.constraints.constraint, rag.answer.constraints.lexicon,
rag.answer.constraints.names, rag.text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from rag.answer.constraints.constraint import Constraint
from rag.answer.constraints.lexicon import title_stems
from rag.answer.constraints.names import acronyms, name_runs
from rag.text import article_sentences, content_words

Month = tuple[int, int]  # (year, month)


@dataclass(frozen=True)
class Evidence:
    """What one cited span gives a constraint to check: the span in its article, and the
    article's metadata."""

    article: str
    start: int
    end: int
    published: str | None = None
    title: str | None = None
    outlet: str | None = None
    # Content words of the question and of the answer sentence resting on the span (see
    # `names_instead`).
    asked: frozenset[str] = frozenset()
    # Relative days of the article resolved against its publication date: where in the article
    # and the first and last day, as `relative_dates.Note` gives them ("on Friday": 13 March).
    dates: tuple[tuple[int, dt.date, dt.date], ...] = ()
    _cache: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def cited(self) -> str:
        return self.article[self.start:self.end]

    @property
    def window(self) -> str:
        """The cited sentences with the one before and the one after: where a quoted phrase
        or a date may stand beside the fact."""
        if "window" not in self._cache:
            spans = window_sentences(self.article, self.start, self.end)
            self._cache["window"] = self.article[spans[0][0]:spans[-1][1]]
        return str(self._cache["window"])

    @property
    def near(self) -> str:
        """The cited sentences, the one before and the metadata (see `words`)."""
        if "near" not in self._cache:
            spans = window_sentences(self.article, self.start, self.end, after=False)
            meta = " ".join(part for part in (self.title, self.outlet) if part)
            self._cache["near"] = f"{self.article[spans[0][0]:spans[-1][1]]} {meta}"
        return str(self._cache["near"])

    @property
    def words(self) -> frozenset[str]:
        """Content words of the cited sentences, the one before (where "he" or "the company"
        is named) and the metadata, with acronyms of their names. Not the one after: it
        often starts on another subject ("The estimated cost is 2.5 billion euros. EuroAfrica
        Interconnector, a similar project, ...")."""
        if "words" not in self._cache:
            self._cache["words"] = frozenset(content_words(self.near)) | acronyms(self.near)
        return self._cache["words"]  # type: ignore[return-value]

    @property
    def window_words(self) -> frozenset[str]:
        """Content words (and acronyms) of `window` and the metadata."""
        return self._with_meta_words("window_words", self.window)

    def _with_meta_words(self, key: str, text: str) -> frozenset[str]:
        """Content words and acronyms of `text` and the metadata, cached under `key`."""
        if key not in self._cache:
            meta = " ".join(part for part in (self.title, self.outlet) if part)
            both = f"{text} {meta}"
            self._cache[key] = frozenset(content_words(both)) | acronyms(both)
        return self._cache[key]  # type: ignore[return-value]

    def names_instead(self, constraint: Constraint) -> bool:
        """Whether the cited sentence puts someone or something else where the question puts
        the name: after the same preposition, hung on the same word when the question's has
        one, a name that neither the question nor the answer holds ("discussed for over 7
        hours with Foreign Minister Qin" for "discussions with Wang Yi"; "a fire in Badalona"
        for "the fire in La Llagosta"; not "worked at Cipriani Dolci in Grand Central
        Terminal" for "found dead in Queens")."""
        after = constraint.after or constraint.after_the
        if not after or not self.asked:
            return False
        for (start, _), name in name_runs(self.cited):
            before = re.findall(r"\w+", self.cited[max(0, start - 60):start])
            words = frozenset(content_words(name)) - title_stems()
            if not (before and before[-1].lower() == after and words
                    and not words & self.asked):
                continue
            # "discussed for over 7 hours with": the word may stand a few words before.
            if constraint.governor is None or constraint.governor in content_words(
                    " ".join(before[-7:-1])):
                return True
        return False

    @property
    def speaker_window(self) -> str:
        """`window`, and back through the sentences before it that open with "he", "she" or
        "they", to the one naming the speaker (`window_sentences`' `chain`)."""
        if "speaker_window" not in self._cache:
            spans = window_sentences(self.article, self.start, self.end, chain=True)
            self._cache["speaker_window"] = self.article[spans[0][0]:spans[-1][1]]
        return str(self._cache["speaker_window"])

    @property
    def speaker_window_words(self) -> frozenset[str]:
        """Content words (and acronyms) of `speaker_window` and the metadata."""
        return self._with_meta_words("speaker_window_words", self.speaker_window)

    @property
    def window_span(self) -> tuple[int, int]:
        """Where `window` lies in the article."""
        spans = window_sentences(self.article, self.start, self.end)
        return spans[0][0], spans[-1][1]

    def months_in(self, start: int, end: int) -> list[tuple[Month, Month]]:
        """The months the relative days in start:end of the article resolve to, as `_mentions`
        gives them: "on Friday" (13 March 2020) is March 2020, "last year" 2019."""
        return [((first.year, first.month), (last.year, last.month))
                for at, first, last in self.dates if start < at <= end]

    @property
    def published_date(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat((self.published or "")[:10])
        except ValueError:
            return None


_PRONOUN_OPENS = re.compile(r"\s*(?:He|She|They)\s+[a-z]")


def window_sentences(article: str, start: int, end: int, after: bool = True,
                     chain: bool = False) -> list[tuple[int, int]]:
    """The sentences of `article` from the one before start:end to the one after it (or to
    the last one it overlaps), and on to the ends of a quotation they are part of; with
    `chain`, back to the sentence naming whom the one before calls "he" or "she"."""
    spans = article_sentences(article)
    inside = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
    if not inside:
        return [(start, end)]
    lo = max(0, inside[0] - 1)
    # A quotation of several sentences: its speaker is named where it opens ('Polak said, "I
    # am disturbed. [...] I am sorry." Calling it "just another apology", Franowska...').
    for _ in range(3):
        if lo == 0 or not in_quotation(article, spans[lo][0]):
            break
        lo -= 1
    # A quotation that opens a sentence and goes on past it: its speaker is named in the
    # sentence before ('Comic artist Jenn St-Onge told of ... "In my first stint, I didn't
    # get any work. [...] working seven days a week for the last eight years."':
    # wikinews_blind38_qa ct13, refused; session 54).
    opening = article[spans[lo][0]:spans[lo][0] + 1]
    if lo > 0 and lo < inside[0] and opening in ('"', "“") \
            and in_quotation(article, spans[lo][1]):
        lo -= 1
    # A speaker named once and then "he" on ("Alex Lagakos ... said the project ... He called
    # it unlikely ... The estimated cost is six billion euros, ..., he noted."): back through
    # the sentences of the paragraph that open with the pronoun, to the one naming him
    # (wikinews_quiz_blind33 eg01, a right answer refused as someone else's words; session
    # 62). Only with `chain`, for a source's words (`Evidence.speaker_window`).
    for _ in range(2 if chain else 0):
        if lo == 0 or not _PRONOUN_OPENS.match(article, spans[lo][0]) \
                or "\n" in article[spans[lo - 1][1]:spans[lo][0]]:
            break
        lo -= 1
    hi = min(len(spans) - 1, inside[-1] + 1) if after else inside[-1]
    # And where it closes: 'Chan said: "I urge her to step down. [...] Please go."'
    for _ in range(3):
        if not after or hi == len(spans) - 1 or not in_quotation(article, spans[hi][1]):
            break
        hi += 1
    return list(spans[lo:hi + 1])


def in_quotation(article: str, at: int) -> bool:
    """Whether `at` lies inside a quotation opened earlier in its paragraph."""
    before = article[article.rfind("\n\n", 0, at) + 1:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")
