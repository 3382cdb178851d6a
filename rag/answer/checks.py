"""Does a supported answer answer the question that was asked?

Citation checking (`verify.py`) makes sure every claim comes from the sources. A small model
can still answer a question the sources don't answer with a true sentence about something
else: "at a later date" for "On what date...?", a name from the wrong paragraph for "Who...?",
what Xi said about relations for "What did Xi say about Taiwan?". These checks catch the
common shapes of that, each from the question's own words, and name the problem:

- the answer type: "when" wants a date or time, "how long" a duration, "how many" a number,
  "who"/"which official"/"where" a name, and it must come from the cited evidence;
- a phrase the question quotes must be in (or beside) the evidence the answer rests on;
- the topic of "what did X say about Y" must be in that evidence.

Hand-written rules because no packaged model does this offline: the packaged LLMs are too
small to judge their own answers (measured in docs/evals.md), and there is no entailment
model in a PyPI package. Each rule is a classic of extractive QA (expected answer types) and
errs on the side of answering: when in doubt, it passes.
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
_SPEECH = _words(
    "say says said tell tells told state states stated express expresses expressed speak "
    "speaks spoke add adds added note notes noted warn warns warned urge urges urged assert "
    "asserts asserted stress stresses stressed emphasize emphasized emphasise emphasised "
    "describe describes described insist insists insisted argue argues argued claim claims "
    "claimed announce announces announced declare declares declared reiterate reiterates "
    "reiterated explain explains explained write writes wrote reply replies replied")
_PRONOUNS = _words("he she they his her their")
_WORD = re.compile(r"\w+(?:[.'’-]\w+)*")  # "U.S.", "Blinken-Liu", "China's" are one word

_ENTITY_NOUNS = (r"official|spokesperson|spokesman|spokeswoman|minister|president|leader|"
                 r"lawmaker|senator|diplomat|ambassador|envoy|artist|person|man|woman|company|"
                 r"firm|newspaper|agency|broadcaster|outlet|country|nation|city|town|village|"
                 r"hospital|university|airline|team|club|party|organi[sz]ation|exoplanet|"
                 r"planet|ship|airport|waterway")
_EXPECTED: list[tuple[str, re.Pattern[str]]] = [
    ("duration", re.compile(r"^\s*how long\b", re.I)),
    ("number", re.compile(
        r"^\s*(how (many|much|old|far|tall|big|large|high|fast)|(what|which) (is |was )?"
        r"(the )?(percentage|proportion|number|amount|total|score|margin|price|cost|value|"
        r"time|vote|death toll|toll)\b)", re.I)),
    ("time", re.compile(
        r"^\s*(when\b|((on|in|at|by) )?(what|which) (exact |calendar )?(date|day|month|year|"
        r"week)\b)", re.I)),
    # "Who is Xie Feng?" asks for a role, not a name.
    ("name", re.compile(
        r"^\s*(who(m|se)?\b(?!\s+(is|was|are|were)\s+(?-i:[A-Z][\w'’.-]*(\s+[A-Z][\w'’.-]*)*)"
        r"\s*([?,]|$))|where\b|(what|which) (is|was|are|were) the names? of\b|"
        r"((at|in|on|from|to|by|for|of) )?(which|what) ([\w'’-]+ ){0,3}(" + _ENTITY_NOUNS
        + r")s?\b)", re.I)),
]
_QUOTED = re.compile(r"[\"“]([^\"”]{3,}?)[\"”]")
_SPEAKER = re.compile(r"^\s*what did (.+?) (?:himself |herself |themselves )?(?:say|tell|"
                      r"think|write|announce|warn|promise|claim)\b", re.I)
_ABOUT = re.compile(r"\b(?:say|said|tell|told|think|thought|write|wrote|announce|announced|"
                    r"warn|warned)\b.*?\babout (.+?)(?:\b(?:when|while|after|before|during|as|"
                    r"at|in|on)\b|[?,]|$)", re.I)


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


def _attributes_to(sentence: str, person: set[str], window: set[str]) -> bool | None:
    """Whether `sentence` attributes what it reports to `person` (None: it reports no speech).

    The speaker is who comes before the first speech verb ("Wang expressed that...", "...,"
    Xi told Gates"), who follows it ("..., said Blinken") or who it is "according to"; a
    pronoun there ("he said") counts when the person is named in the window around."""
    words = _WORD.findall(sentence)
    lower = [w.lower() for w in words]
    verbs = [i for i, w in enumerate(lower) if w in _SPEECH]
    according = [i + 2 for i in range(len(lower) - 2) if lower[i:i + 2] == ["according", "to"]]
    if not verbs and not according:
        return None
    spans = [words[:verbs[0]]] if verbs else []
    spans += [words[i + 1:i + 4] for i in verbs] + [words[i:i + 4] for i in according]
    for span in spans:
        if person & content_words(" ".join(span)):
            return True
        if _PRONOUNS & {w.lower() for w in span} and person & window:
            return True
    return False


def _people(phrase: str) -> list[set[str]]:
    """Each name in "Qin Gang and Wang Yi each", as its last two words: the person's name
    rather than their title ("Japanese Foreign Minister Yoko Kamikawa" -> Yoko Kamikawa)."""
    people: list[list[str]] = [[]]
    for word in _WORD.findall(phrase):
        if word[:1].isupper():
            people[-1].append(word)
        elif people[-1]:
            people.append([])
    return [content_words(" ".join(p[-2:])) for p in people if p]


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
        return bool((_names(answer, anywhere=True) - asked) & written)
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


def _window(article: str, start: int, end: int) -> str:
    """The sentences of `article` from the one before start:end to the one after."""
    spans = article_sentences(article)
    inside = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
    if not inside:
        return article[start:end]
    lo, hi = max(0, inside[0] - 1), min(len(spans) - 1, inside[-1] + 1)
    return article[spans[lo][0]:spans[hi][1]]


def answer_problem(question: str, answer: str, evidence: Sequence[tuple[str, int, int]]
                   ) -> str | None:
    """Why `answer` does not answer `question`, or None when nothing is wrong.

    `evidence` holds (article text, start, end) of each verified citation: the spans the
    answer rests on."""
    kind = expected_type(question)
    if kind and not has_type(kind, answer, evidence, question):
        return f"the question asks for a {kind}; the evidence cited gives none"
    windows = [content_words(_window(article, start, end)) for article, start, end in evidence]
    for phrase in _QUOTED.findall(question):
        wanted = content_words(phrase)
        if wanted and not any(wanted <= words for words in windows):
            return f'the question quotes "{phrase}"; the evidence cited is elsewhere'
    speaker = _SPEAKER.search(question)
    if speaker:
        people = _people(speaker.group(1))
        # What each evidence span near a mention of the person says of who is speaking.
        verdicts = [_attributes_to(article[start:end], person, words)
                    for person in people
                    for (article, start, end), words in zip(evidence, windows, strict=True)
                    if person & words]
        # Refused when the person is nowhere near the evidence, or only as someone else's
        # listener; evidence that reports no speech at all (None) decides nothing.
        if people and True not in verdicts and (not verdicts or False in verdicts):
            return f"the question asks what {speaker.group(1)} said; the evidence is someone else's"
    topic = _ABOUT.search(question)
    if topic:
        # Most of it: "John Luk Jok" may be "John Luk" in the article.
        wanted = content_words(topic.group(1))
        if wanted and not any(2 * len(wanted & words) >= len(wanted) for words in windows):
            return f'the question asks about "{topic.group(1).strip()}"; the evidence does not'
    return None
