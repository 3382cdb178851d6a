"""The words and the helpers that several checks read: a word of a text (`WORD`) and its
tokens (`TOKEN`), figures in digits or in words (`is_figure`, `figures_of`), dates (`is_date`,
`dates_only`, `DAY_NAMES`), names (`added_names`, `article_names`), the words that end a noun
phrase (`PHRASE_ENDS`), and the clause a question's form may follow (`LEAD`; two before a
figure's form, `LEADS`), with the auxiliaries that are no noun's modifiers (`AUXILIARIES`).

Imports: rag.answer.constraints, rag.text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TypeAlias

from rag.answer.constraints import MONTHS, WEEKDAYS
from rag.answer.constraints.lexicon import word_set
from rag.text import article_sentences, content_words, figures_in_one_style

# What every check reads: the answer's supported sentences, each with the (article text, start,
# end) of its own verified citations.
Sentences: TypeAlias = Sequence[tuple[str, Sequence[tuple[str, int, int]]]]

NUMBER_WORDS = word_set(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen "
    "dozens half quarter third")
WORD = re.compile(r"\w+(?:[.'’-]\w+)*")  # "U.S.", "Blinken-Liu", "China's" are one word


# "What did President Trump declare...?" asks what he declared, not which president: the words
# between "what" and the noun are the noun's modifiers, never a verb.
AUXILIARIES = (r"(is|was|are|were|do|does|did|has|have|had|will|would|can|could|should|may|"
               r"might|must)")
# The question's form may follow a clause of its own: "According to the police, how many
# people...?", "As of 31 December 2019, how many...?" (not a question's own clause: "Who is
# Puri, who gave...?" asks for a role).
# Or a statement of its own, ended by a semicolon: "The study compared it with a 2008
# eruption in Alaska; which Alaskan volcano was that?"
# The clause holds no question word of its own: in "For roughly how long was Richard K. Guy,
# who died in March 2020, ...?" and "In which century was Notre Dame, whose roof burned, ...?"
# the form is the first clause's, and "who" and "whose" only describe (wikinews_blind30_qa
# cl23, wikinews_quiz_blind12 ql20, read as asking for a name).
# A date's comma before its year is inside the clause ("As of the morning of April 6, 2020,
# how many ...?", wikinews_blind29_qa cj06), and so is a weekday's before its month ("On the
# night of Friday, July 10, 2020, how many ...?", wikinews_blind31_qa cm20; session 50).
_DATE_COMMA = rf",\s*(?=\d{{4}}\b|(?:{'|'.join(calendar.month_name[1:])})\s+\d)"
# The comma of a place a leading clause locates ("in Wuhan, China, how many ...": wikinews_
# blind32_qa cn06, a near miss read as asking no figure; session 51).
_PLACE_COMMA = r",\s*(?=(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,2},)"
LEAD = (r"^\s*(?:[^?;]*;\s*)?"
        rf"(?:(?!(?:[^,?;]|{_DATE_COMMA}|{_PLACE_COMMA})*\b(?:who|whom|whose|what|which|when|"
        rf"where|why|how)\b)(?:[^,?;]|{_DATE_COMMA}|{_PLACE_COMMA}){{0,160}},\s*)?")
# Up to two such clauses before "how many", "how long" or "what share", which no clause of a
# description opens: "According to Akram Pasha, a Mysore sex worker, how long did it take ...?"
# (wikinews_blind40_qa cv05, cv23; session 55). Not before "who" or "when": in "According to
# Connie Moganedi, a spokeswoman for the police, who tried to save him?" the second clause
# may be what "who" describes.
LEADS = LEAD.replace(r",\s*)?", r",\s*){0,2}")
# A clause of the question that dates its event by another ("... pronounced dead after being
# shot at the custody centre", "... last appear in a video before Trump announced his death"):
# from its conjunction to the next comma or the end; past the comma of a place that names
# where it is ("after being shot at the Croydon, South London custody centre", wikinews_
# blind31_qa cm04, a near miss dated by the shooting; session 50); after a comma too ("undergo
# brain surgery, after he was hospitalized in August": wikinews_blind33_qa co28, a near miss
# dated by the admission; session 51).
OTHER_EVENT = re.compile(r"(?<=[\w,])\s+(?:after|before|since|until|while)\b[^,?]*"
                         r"(?:,\s*(?-i:[A-Z])[^,?]*)*", re.I)
# An estimate asked for is still a figure: "Roughly how many ...?", "For about how long ...?".
ROUGHLY = r"(?:(?:roughly|about|approximately|around|nearly|almost|exactly|precisely) )?"


def is_figure(word: str) -> bool:
    """"813", "2.9", "six", "Sixty-six", "twenty-one", "two-thirds": a figure, in digits or in
    words."""
    *parts, last = re.split(r"[-–]", word.lower())
    return any(ch.isdigit() for ch in word) or all(part in NUMBER_WORDS for part in parts) and (
        last in NUMBER_WORDS or bool(parts) and last in PLURAL_FRACTIONS)


PLURAL_FRACTIONS = word_set("halves thirds quarters fifths sixths eighths tenths")


def _names(text: str, anywhere: bool = False) -> set[str]:
    """Capitalised words (stemmed) not just starting a sentence, or `anywhere`; an acronym
    anywhere ("NASA interrupted its live coverage ...": wikinews_quiz_blind17 qq19, a right
    answer refused for giving no name; session 52), in mixed case too ("UOKiK, the Polish
    anti-monopoly agency, ...": wikinews_quiz_blind23 qw19, refused so; session 57)."""
    names: set[str] = set()
    for start, end in article_sentences(text):
        words = WORD.findall(text[start:end])
        for i, word in enumerate(words):
            if word[:1].isupper() and (i > 0 or anywhere
                                       or word.isalpha() and sum(map(str.isupper, word)) > 1
                                       or _opens_a_name(words)):
                names |= content_words(word)
    # A channel or a handle is a name in any case: "#ohjelmointiputka", "@peoplesvote_uk"
    # (wikinews_quiz_blind36 ej14, a right answer refused for giving no name; session 61).
    for handle in _HANDLE.findall(text):
        names |= content_words(handle)
    return names


_HANDLE = re.compile(r"(?<![\w&])[#@]([A-Za-z][\w-]{2,})")


def _opens_a_name(words: list[str]) -> bool:
    """Whether a sentence's first word begins a name of several words: "Syracuse University
    pop culture professor Robert Thompson remarked" (session 53, wikinews_quiz_blind13 qm05,
    a right answer refused for giving no name); not "The White House" ("The" is no name's
    word: it has no content word)."""
    return len(words) > 1 and words[1][:1].isupper() and words[1] != "I"


def added_names(text: str, asked: set[str]) -> set[str]:
    """The names (stemmed) `text` writes that the question's words `asked` do not hold; an
    initial ("R.") is no name."""
    return {w for w in _names(text, anywhere=True) - asked if len(w) > 1}


def dates_only(text: str) -> set[str]:
    """The figures of `text` that it writes only as dates ("12" of "June 12", "2019")."""
    tokens = TOKEN.findall(text)
    dates = {t for i, t in enumerate(tokens) if is_date(tokens, i)}
    counts = {t for i, t in enumerate(tokens) if is_figure(t) and not is_date(tokens, i)}
    return {t.lower() for t in dates - counts}


TOKEN = re.compile(r"\w+(?:[.,'’-]\w+)*|[^\w\s]")  # words, figures ("2,900", "2.9"), marks
# Words that end a counted noun phrase: "ten journalists [were] injured", "813 [in] China".
PHRASE_ENDS = word_set(
    "is was are were be been being do does did has have had will would can could should may "
    "might must of in on at by for from to with without into over under after before during "
    "since until as than and or but nor so yet the a an this that these those who whom whose "
    "which what when where why how including among against about according per each while "
    "he she it they his her its their we our you i there here more most less fewer least")


_MONTH_NAMES = frozenset(MONTHS)  # constraints' names, from `calendar`


# A figure shaped like a year that counts: "nearly 2000 people" (wikinews_blind29_qa cj31).
_COUNT_BEFORE = word_set("nearly almost approximately roughly than least some estimated")
_COUNT_AFTER = word_set("people persons residents troops soldiers workers students fans "
                        "protesters demonstrators pilgrims visitors homes houses cases deaths "
                        "votes jobs")


# Words before a year that dates what follows it: "the 2019 elections", "in 2019 elections".
# Where none stands before it, a year-shaped figure before a plural noun counts it: ", 1885
# aftershocks had occurred" (wikinews_blind49_qa de17, a right answer refused for giving no
# figure; session 63).
_YEAR_BEFORE = word_set("the a an this that his her its their our your in on of at by for from "
                        "to since until till through during after before between and or")


@lru_cache(maxsize=512)
def _only_a_plural_noun(word: str) -> bool:
    """Whether lemminflect reads `word` (lower case) only as a noun, and as its plural (a
    word it does not know, "aftershocks", by its rules for nouns)."""
    from lemminflect import getAllLemmas, getAllLemmasOOV  # the tables load on first use

    lemmas = getAllLemmas(word) or (getAllLemmasOOV(word, upos="NOUN") if word.isalpha() else {})
    return set(lemmas) == {"NOUN"} and any(lemma != word for lemma in lemmas["NOUN"])


def is_date(tokens: list[str], i: int) -> bool:
    """A year ("2019") or a day beside its month ("March 19", "19 March"): no count."""
    token = tokens[i]
    if re.fullmatch(r"1[89]\d\d|20\d\d", token):
        before = tokens[i - 1].lower() if i else ""
        after = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        return before not in _COUNT_BEFORE and after not in _COUNT_AFTER and not (
            before not in _YEAR_BEFORE and _only_a_plural_noun(after))
    beside = {tokens[j].lower() for j in (i - 1, i + 1) if 0 <= j < len(tokens)}
    return token.isdigit() and bool(beside & _MONTH_NAMES)


NAME = r"(?-i:[A-Z]\w*(?:[.'’-]\w+)*)"


DAY_NAMES = _MONTH_NAMES | WEEKDAYS


@lru_cache(maxsize=32)
def article_names(article: str) -> frozenset[str]:
    return frozenset(_names(article))


def figures_of(text: str) -> set[str]:
    """The figures of `text` in one style ("1,500" -> "1500"), dates left out: the dates as
    written, for "1,991 delegates" is no year (wikinews_quiz_blind44 er35; session 65)."""
    styled = figures_in_one_style(text)
    return {w.lower() for w in WORD.findall(styled) if any(ch.isdigit() for ch in w)} - \
        dates_only(text)
