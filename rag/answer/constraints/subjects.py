"""Who and what an article is about: a name in its title or its lead, or in two of its
sentences, is the article's subject (`salient`) and may stand anywhere in it; a cited sentence
that opens with another person as its subject is that person's (`subject_instead`); a last name
the article gives two people names neither (`surname_shared`). With the words of an article's
parts, read once per text (`article_lead`, `text_words`, `article_words`).

Imports: rag.answer.constraints.constraint, rag.answer.constraints.window,
rag.answer.constraints.lexicon, rag.answer.constraints.names, rag.text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rag.answer.constraints.constraint import Constraint
from rag.answer.constraints.lexicon import SPEECH, TITLES, WORD, title_stems, word_set
from rag.answer.constraints.names import acronyms, name_runs, named_by, named_in, personal
from rag.answer.constraints.window import Evidence
from rag.text import article_sentences, content_words

_AUXILIARIES = word_set("is was are were has had have will would could can did does")


def subject_instead(constraint: Constraint, evidence: Evidence) -> bool:
    """Whether the cited sentence opens with another person as its subject, where the
    question names a person: "Lisa Mancini has been cosplaying for two years" is Mancini's
    fact, not Stephanie Chapman's, however often the article names Chapman around it. A
    subject that reports ("Reuters said", "Smith told ...") passes on its words, and one the
    question or the answer names is no other."""
    if not personal(constraint.text) or any(
            text and named_by(constraint, text_words(text), text)
            for text in (evidence.title, article_lead(evidence.article))):
        return False  # the story is about the person: "Judge Kellar ordered [him] ..."
    cited = evidence.cited.lstrip(" \"“‘'(")
    runs = name_runs(cited, first=True)
    if not runs or runs[0][0][0] != 0:
        return False
    (_, end), name = runs[0]
    # The name is the subject where a verb follows it: an auxiliary or a verb in "-ed" or
    # "-s" ("Labour Party leader Jeremy Corbyn" opens with no subject "Labour Party").
    verb = re.match(r"\s*(?:,[^,]{1,60},\s*)?([a-z]\w*)", cited[end:])
    if (verb is None or not _person_in(evidence.article, name) or verb.group(1) in SPEECH
            or not (verb.group(1) in _AUXILIARIES or verb.group(1).endswith(("ed", "s")))):
        return False
    words = frozenset(content_words(name)) - title_stems()
    return bool(words) and not words & evidence.asked and not named_in(constraint, cited)


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


@lru_cache(maxsize=1024)
def surname_shared(article: str, name: str, last: str) -> bool:
    """Whether the article names someone else with the name's last word ("Hana Kimura" for
    "Kyoko Kimura"): then that word alone names neither."""
    own = {w.lower() for w in WORD.findall(name)} | _nicknames(article, name, last)
    for _, run in name_runs(article, first=True):
        words = [w for w in WORD.findall(run) if w.lower().rstrip(".") not in TITLES]
        # "Segal/de Graaf" (a ticket) holds de Graaf's own "de".
        before = {part.lower() for w in words[:-1] for part in w.split("/")}
        if len(words) >= 2 and words[-1] == last and not before & own:
            return True
    return False


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
