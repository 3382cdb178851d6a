"""The check of a cause asked for: "What caused the fire?" is answered by a cause, not by
what the fire did, and not by a sentence that says the cause is not known.

- `cause_problem`: where the question asks what caused something (or what its cause or
  reason was), some answer sentence must say a cause in words that say one ("caused by",
  "because", "due to", "blamed on", "sparked", "after", "died of") or be a short phrase that
  names it ("An electrical fault."), and the sentence it cites must not say that the
  cause is not known ("No cause was immediately known, but a fire officer said ...") unless
  the answer itself hedges ("is suspected", "may have"). An answer that says no cause is
  not given back by the model's second reading either (`gives_cause`, read by
  `rag.answer.review`): wikinews_quiz_blind10 qj40 was, at P(yes) >= 0.9. Since session
  60, the cause of a death ("the deaths were caused by carbon monoxide poisoning") is no
  cause of the fire or the crash asked about (`_only_death_causes`).

"Resulting in" and "resulted in" name what followed, not a cause: "a stampede erupted,
resulting in a several-hours postponement" does not say what triggered the stampede
(wikinews_quiz_blind13 qm40, a near miss; session 50).

Read off two near misses of fresh sets, each answered with the neighbouring fact: a fire's
second victim for its cause (wikinews_blind30_qa cl20) and "No cause was immediately known"
turned into "was caused by" (wikinews_quiz_blind12 ql40). A hand-written rule for the reason
the package's docstring gives.

Imports: rag.answer.checks.lexicon.
"""

from __future__ import annotations

import re

from rag.answer.checks.lexicon import WORD, Sentences

# The reason someone gave: "What reasons did Nancy Pelosi give, in her letter ..., for holding
# the vote?" is not answered by "Pelosi announced the vote in a letter" (wikinews_blind60_qa
# dp24, a near miss; session 64). Their words may say it: "she said", "citing".
_REASON_GIVEN = (r"\bwhat reasons? (?:did|does|do|has|have|had|was|were|is) [^?]*?\b(?:give|gave|"
                 r"given|cite|cited|offer|offered|state|stated)\b")
_REASON_ASKED = re.compile(_REASON_GIVEN, re.I)
_SAYS_REASON = re.compile(r"\b(?:said|says|saying|cited|cites|citing|wrote|writes|writing|"
                          r"explained|explaining|stated|stating|argued|arguing|reasons?|"
                          r"in order to|so that|so as to|aimed|intended|purpose)\b", re.I)


# Read wherever "what caused" stands: a dated opening may hold several commas ("On Saturday,
# January 5, 2019, what caused ...?").
_CAUSE_ASKED = re.compile(
    r"\b(?:what|which \w+) (?:(?:is|was|were) )?(?:thought to have |believed to have |"
    r"likely )?(?:caused?|sparked|started|triggered|led to)\b|"
    r"\bwhat (?:is|was|were|has been|had been) (?:the )?(?:\w+ )?(?:causes?|reasons?) "
    r"(?:of|for|behind)\b|"
    # as found or said by someone: "What did investigators find had caused the death ...?"
    # (wikinews_quiz_blind10 qj40, a near miss answered with what he was doing; session 50)
    r"\bwhat (?:did|do|does|have|has|had) [^?]{1,60}? (?:find|found|say|said|believe|"
    r"determine|conclude)d? (?:had |has |to have |was |to be )?(?:caused?|sparked|started|"
    r"triggered|led to)\b|" + _REASON_GIVEN, re.I)
_SAYS_CAUSE = re.compile(
    r"\b(?:caus\w*|because|due to|owing to|blam\w*|attribut\w*|result(?:s|ed|ing)? from|"
    r"(?:as a )?result of|spark\w*|"
    r"trigger\w*|start\w*|ignit\w*|set off|led to|leads? to|after|(?:died|dies|death) "
    r"(?:of|from)|from)\b", re.I)
_CAUSE_UNKNOWN = re.compile(
    r"\bno (?:\w+ )?(?:cause|reason)\b|\b(?:cause|reason)s?\b[^.;]{0,60}?\b(?:unknown|unclear|"
    r"not (?:yet )?(?:immediately )?(?:been )?(?:known|clear|determined|established|"
    r"identified|confirmed)|under investigation|being investigated)\b", re.I)
_SHORT = 8  # words: a noun phrase, not a sentence of its own
_HEDGED = re.compile(r"\b(?:suspect\w*|may|might|possibl\w*|believed|likely|probabl\w*|"
                     r"thought|suggest\w*)\b", re.I)


def _says_cause(text: str, question: str = "") -> bool:
    """Whether `text` says a cause, or names one in a short phrase ("An electrical fault."),
    or, for a reason someone gave (`_REASON_GIVEN`), says what they said."""
    return bool(_SAYS_CAUSE.search(text)) or len(WORD.findall(text)) <= _SHORT or bool(
        _REASON_ASKED.search(question) and _SAYS_REASON.search(text))


def gives_cause(question: str, text: str) -> bool:
    """Whether `text` says a cause, or the question asks for none."""
    return not _CAUSE_ASKED.search(question) or _says_cause(text, question)


# The cause of a death: "all five deaths were caused by carbon monoxide poisoning", "died of
# smoke inhalation", "the cause of death". It says what killed, not what started the fire or
# the crash the question asks about (wikinews_quiz_blind33 eg40, a near miss answered with
# it; session 60).
_DEATH_CAUSE = re.compile(
    r"\b(?:deaths?|died|dies|fatalities)\s+(?:(?:was|were|is|are|had been|have been)\s+)?"
    r"(?:caused by|due to|of|from)\b|\bcauses? of (?:(?:his|her|their|the)\s+)?deaths?\b", re.I)
_DEATH_ASKED = re.compile(r"\b(?:death|deaths|die|died|dying|killed|fatal\w*)\b", re.I)
# What the question asks the cause of: the words after "caused", up to a clause of its own.
_CAUSED_THING = re.compile(r"\b(?:caused?|sparked|started|triggered|led to|causes? of|reasons? "
                           r"(?:of|for|behind))\s+(?P<thing>[^,?;]*?)(?=,|\?|;|\s+(?:in|at) "
                           r"which\b|\s+(?:that|which|who|where|when)\b|$)", re.I)


def _only_death_causes(span: str) -> bool:
    """Whether every cause `span` says is a death's."""
    return bool(_DEATH_CAUSE.search(span)) and not _SAYS_CAUSE.search(_DEATH_CAUSE.sub(" ", span))


def cause_problem(question: str, sentences: Sentences) -> str | None:
    """Why the answer gives no cause where the question asks for one, or None."""
    if not _CAUSE_ASKED.search(question):
        return None
    saying = [(text, evidence) for text, evidence in sentences if _says_cause(text, question)]
    if not saying:
        return "the question asks for a cause; the answer gives none"
    thing = _CAUSED_THING.search(question)
    if thing and not _DEATH_ASKED.search(thing["thing"]) and all(
            evidence and all(_only_death_causes(article[start:end])
                             for article, start, end in evidence)
            for _, evidence in saying):
        return ("the question asks what caused " + thing["thing"].strip()
                + "; the evidence cited gives the cause of a death")
    if all(not _HEDGED.search(text) and any(
            _CAUSE_UNKNOWN.search(article[start:end]) for article, start, end in evidence)
           for text, evidence in saying):
        return "the question asks for a cause; the evidence cited says it is not known"
    return None
