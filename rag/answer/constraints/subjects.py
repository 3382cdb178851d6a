"""Who and what an article is about: a name in its title or its lead, or in two of its
sentences, is the article's subject (`salient`) and may stand anywhere in it; a cited sentence
that opens with another person as its subject is that person's, and so is one whose subject
is "he" or "she" after a sentence that opens with another person (`subject_instead`); a last name
the article gives two people names neither (`surname_shared`); a short name the article gives
in brackets names the long one, and back (`bracketed_aliases`); the people it names in full,
by their last names (`full_names`). With the words of an article's parts, read once per text
(`article_lead`, `text_words`, `article_words`).

Imports: rag.answer.constraints.constraint, rag.answer.constraints.window,
rag.answer.constraints.lexicon, rag.answer.constraints.names, rag.text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.answer.constraints.constraint import Constraint
from rag.answer.constraints.lexicon import SPEECH, TITLES, WORD, title_stems, word_set
from rag.answer.constraints.names import (
    acronyms,
    name_constraint,
    name_runs,
    named_by,
    named_in,
    personal,
    without_titles,
)
from rag.answer.constraints.window import Evidence
from rag.text import article_sentences, content_words

_AUXILIARIES = word_set("is was are were has had have will would could can did does")


def subject_instead(constraint: Constraint, evidence: Evidence) -> bool:
    """Whether the cited sentence opens with another person as its subject, where the
    question names a person: "Lisa Mancini has been cosplaying for two years" is Mancini's
    fact, not Stephanie Chapman's, however often the article names Chapman around it. A
    subject that reports ("Reuters said", "Smith told ...") passes on its words, and one the
    question or the answer names is no other."""
    if not personal(constraint.text):
        return False
    if _pronoun_instead(constraint, evidence):
        return True
    if any(text and named_by(constraint, text_words(text), text)
           for text in (evidence.title, article_lead(evidence.article))):
        return False  # the story is about the person: "Judge Kellar ordered [him] ..."
    cited = evidence.cited
    name = _opening_subject(cited, evidence.article)
    if name is None:
        return False
    words = frozenset(content_words(name)) - title_stems()
    return bool(words) and not words & evidence.asked and not named_in(constraint, cited)


def _opening_subject(sentence: str, article: str) -> str | None:
    """The person `sentence` opens with as its subject, or None."""
    sentence = sentence.lstrip(" \"“‘'(")
    runs = name_runs(sentence, first=True)
    if not runs or runs[0][0][0] != 0:
        return None
    (_, end), name = runs[0]
    # The name is the subject where a verb follows it: an auxiliary or a verb in "-ed" or
    # "-s" ("Labour Party leader Jeremy Corbyn" opens with no subject "Labour Party").
    verb = re.match(r"\s*(?:,[^,]{1,60},\s*)?([a-z]\w*)", sentence[end:])
    if (verb is None or not _person_in(article, name) or verb.group(1) in SPEECH
            or not (verb.group(1) in _AUXILIARIES or verb.group(1).endswith(("ed", "s")))):
        return None
    return name


# "he" or "she" as a clause's subject: at the sentence's start or after its opening phrase,
# before a verb ("According to projections by CNN and NPR, he won in Virginia ...").
_PRONOUN_SUBJECT = re.compile(r"^(?:[^,\"“]{0,80},\s+)?(?:he|she)\s+(?:[a-z]+ed|[a-z]+s|won|"
                              r"was|is|has|had|will|would|said|told|got|led|lost|ran|took)\b",
                              re.I)


def _pronoun_instead(constraint: Constraint, evidence: Evidence) -> bool:
    """Whether the cited sentence's subject is "he" or "she" for another person: the one the
    sentence before it, in its paragraph, opens with as its subject, where neither names the
    asked person. "Former Vice-President Biden secured pluralities in ten states. According
    to projections by CNN and NPR, he won in Virginia, ..." gives Biden's states, not those of
    Sanders, the story's other subject (wikinews_blind44_qa cz07, answered; session 56)."""
    cited = evidence.cited
    if not _PRONOUN_SUBJECT.match(cited.lstrip(" \"“‘'(")) or named_in(constraint, cited):
        return False
    article = evidence.article
    previous = [(s, e) for s, e in article_sentences(article) if e <= evidence.start]
    if not previous or "\n" in article[previous[-1][1]:evidence.start]:
        return False
    before = article[previous[-1][0]:previous[-1][1]]
    name = _opening_subject(before, article)
    return (name is not None and not named_in(constraint, before)
            and not frozenset(content_words(name)) - title_stems() & evidence.asked)


def _person_in(article: str, name: str) -> bool:
    """Whether `name` reads as a person's, or is one word of a person's name the article
    writes in full ("Jong" of "Jong Woo Son")."""
    return personal(name) or (name.lower() not in TITLES and name in _person_words(article))


@lru_cache(maxsize=64)
def _person_words(article: str) -> frozenset[str]:
    """The words of the names in `article` that read as people's."""
    return frozenset(word for _, run in name_runs(article) if personal(run)
                     for word in WORD.findall(run))


def salient(constraint: Constraint, evidence: Evidence) -> bool:
    """Whether the name is the article's subject: in its title or its lead (the first
    paragraph, at most three sentences: a news story says who, what, where and when there,
    and its other sentences are about that), or in two of its sentences."""
    article = evidence.article
    lead = article_lead(article)
    for text in (evidence.title, lead):
        if text and named_by(constraint, text_words(text), text):
            return True
    mentions = 0
    for (start, end), words in zip(article_sentences(article), _sentence_words(article),
                                   strict=True):
        mentions += named_by(constraint, words, article[start:end])
        if mentions >= 2:
            return True
    return False


# Words that open a sentence before a name, capitalised there: "Whereas Pierce and Carroll
# ..." names no second Pierce (wikinews_blind58_qa dn23, a right answer refused as no words of
# Brock Pierce's; session 63).
_OPENERS = word_set("whereas although though however meanwhile unlike while but and also then "
                    "still instead moreover furthermore additionally similarly likewise "
                    "nevertheless nonetheless otherwise thus therefore hence indeed besides yet "
                    "so because if when after before since like as")


@lru_cache(maxsize=1024)
def surname_shared(article: str, name: str, last: str) -> bool:
    """Whether the article names someone else with the name's last word ("Hana Kimura" for
    "Kyoko Kimura"): then that word alone names neither."""
    own = {w.lower() for w in WORD.findall(name)} | _nicknames(article, name, last)
    runs = _article_runs(article)
    alone = {run for _, run in runs}
    for (start, _), run in runs:
        words = [w for w in WORD.findall(run) if w.lower().rstrip(".") not in TITLES]
        while words and words[0].lower() in _OPENERS:  # "Whereas Pierce and ...": Pierce's
            words = words[1:]
        # "Segal/de Graaf" (a ticket) holds de Graaf's own "de".
        before = {part.lower() for w in words[:-1] for part in w.split("/")}
        if len(words) >= 2 and words[-1] == last and not before & own \
                and not _two_names(article, start, run, last, alone):
            return True
    return False


@lru_cache(maxsize=64)
def _article_runs(article: str) -> tuple[tuple[tuple[int, int], str], ...]:
    """The article's names (`name_runs`, its first word counted), read once per article."""
    return tuple(name_runs(article, first=True))


_PLACE_OF_WORDS = re.compile(r"\b(?:on|in|at|via|from|to)\s+$", re.I)


def _two_names(article: str, start: int, run: str, last: str, alone: set[str]) -> bool:
    """Whether a run is two names with no comma between them: "The next day on Twitter West
    accused his wife" is Twitter, then Kanye West, not a second West (wikinews_quiz_blind21
    qu07, refused; session 54). After a preposition, where the words before the last one are
    a name the article writes on its own elsewhere."""
    head = run[:run.rfind(last)].strip()
    return bool(_PLACE_OF_WORDS.search(article[max(0, start - 6):start])) and head in alone


# A short name in brackets just after a name: "the Islamic State (ISIS)", "Philippine
# Institute of Volcanology and Seismology (Phivolcs)". One word, or an initialism of a few.
_BRACKETED = re.compile(r"\(([A-Z][A-Za-z.&-]{1,15})\)")


@lru_cache(maxsize=64)
def _bracket_pairs(article: str) -> tuple[tuple[str, str], ...]:
    """The (name, short name) pairs the article defines with brackets."""
    pairs = []
    for match in _BRACKETED.finditer(article):
        before = article[max(0, match.start() - 120):match.start()].rstrip()
        runs = name_runs(before, first=True)
        # Both begin alike ("Islamic State (ISIS)"), or the short name is the name's last
        # word ("World Wonder Ring Stardom (Stardom)"; session 56), or the brackets say
        # something else ("Transport for London (TfL)" read as London; "Qin (Chin)").
        if runs and runs[-1][0][1] == len(before) and (
                runs[-1][1][0] == match.group(1)[0]
                or runs[-1][1].split()[-1] == match.group(1) != runs[-1][1]):
            pairs.append((runs[-1][1], match.group(1)))
    return tuple(pairs)


def bracketed_aliases(article: str, constraint: Constraint) -> list[Constraint]:
    """The other name of a pair the article defines in brackets, where the constraint's name
    is one of them: "the international coalition to counter the Islamic State (ISIS)" makes
    "to fight ISIS" name the Islamic State (wikinews_quiz_blind20 qt05, refused; session
    54), and "ISIS" of a question the Islamic State."""
    aliases = []
    for long, short in _bracket_pairs(article):
        for one, other in ((long, short), (short, long)):
            if named_in(constraint, one) and named_in(name_constraint(one), constraint.text):
                aliases.append(name_constraint(other))
    return aliases


@lru_cache(maxsize=64)
def full_names(article: str) -> dict[str, str]:
    """The people the article names in full, by the last word it names them by after: "Tedros
    Adhanom Ghebreyesus" for "Ghebreyesus". Not a last word two of its people share."""
    found: dict[str, set[str]] = {}
    for _, run in _article_runs(article):
        name = without_titles(run)
        words = WORD.findall(name)
        if len(words) >= 2:
            found.setdefault(words[-1], set()).add(name)
    full = {}
    for last, names in found.items():
        # "WHO Director-General Tedros Adhanom Ghebreyesus" is Tedros Adhanom Ghebreyesus.
        distinct = {name for name in names
                    if not any(other != name and name.endswith(" " + other) for other in names)}
        if len(distinct) == 1 and personal(name := distinct.pop()):
            full[last] = name
    return full


def _nicknames(article: str, name: str, last: str) -> set[str]:
    """The words of a nickname the article gives between the name's first and last words:
    'Jeremy "Spike" Cohen' makes "Spike Cohen" the same person."""
    first = WORD.findall(name)[0]
    pattern = (rf"\b{re.escape(first)}\s+[\"“‘']([^\"”’']{{1,30}})[\"”’']\s+"
               rf"{re.escape(last)}\b")
    return {w.lower() for m in re.finditer(pattern, article) for w in WORD.findall(m.group(1))}


@lru_cache(maxsize=64)
def article_lead(article: str) -> str:
    """The article's first paragraph, at most its first three sentences."""
    paragraph = article.lstrip().split("\n\n", 1)[0]
    spans = article_sentences(paragraph)[:3]
    return paragraph[:spans[-1][1]] if spans else paragraph


@lru_cache(maxsize=256)
def text_words(text: str) -> frozenset[str]:
    """Content words and acronyms of a title or a lead, read once per text."""
    return frozenset(content_words(text)) | acronyms(text)


@lru_cache(maxsize=64)
def _sentence_words(article: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(content_words(article[s:e])) | acronyms(article[s:e])
                 for s, e in article_sentences(article))


@lru_cache(maxsize=64)
def article_words(article: str) -> frozenset[str]:
    return frozenset(content_words(article)) | acronyms(article)
