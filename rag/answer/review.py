"""Stage `review`: the model's second reading of a checked answer. Shown a few worked examples,
the question and the sentences the answer rests on, the model replies "Yes" or "No"; its
probability of "Yes" (the first token's, `models.llm.yes_probability`) is the verdict. No
text is generated.

The lexical checks (`verify`, `constraints`, `checks`) read words: they refuse right answers
that paraphrase the question ("the UK" for "Britain", a story's setting named in the question
and not beside the answer) and pass neighbouring facts written in the question's words (a
place of birth for a place of death; "first elected to the House in 2006" for a Senate
election). The second reading reads the sentence as a whole, in two forms:

    refused by the checks for an unmet constraint or     `review_*.txt`: the question, the
    the wrong kind of answer, P(yes) >= accept_above      sentences and the proposed answer
      ->  answered, resting on the same spans             ("does the sentence state the answer?")
    answered by the checks, P(yes) < reject_below        `review_passed_*.txt`: the question,
      ->  refused, `review_rejected` (off by default)     the articles' titles and the
                                                          sentences, not the answer ("does the
                                                          sentence answer this question?")

The passed answer is read without its own words: an answer that restates the question around
a neighbouring fact reads as fluent and right beside it. Measured on eleven Wikinews sets
(docs/evals.md, sessions 45 and 46): among the 263 answers the checks passed, the area under
the ROC curve of P(yes), right against wrong, was 0.73 without the answer and 0.66 with it;
refusing under 0.45 caught 14 wrong answers for 9 right ones there, but none for 3 right ones
on two fresh blind sets and the seeds, so `reject_below` is 0 (off) by default. Among refused
answers, the form with the answer read the paraphrases best: giving at 0.9 gained 9 right
answers for 2 wrong ones; on the ten sets written after that, 6 right for 4 wrong, all of the
wrong ones under 0.92, where the default now stands (session 50). A backend that cannot tell
(a server without log-probabilities) leaves the decision as it was. Nor is an answer given
back that does not itself give the kind of answer asked for (`gives_the_kind`): a fluent
sentence without the figure or the name; nor one refused for the question's date, which the
sentences shown do not carry.

Imports: rag.answer.checks, rag.answer.constraints, rag.answer.decide, rag.answer.evidence,
rag.answer.verify, rag.models.llm, rag.prompts, rag.types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.answer.checks import answer_figures, expected_type, gives_cause, has_type
from rag.answer.constraints import (
    SPEECH,
    attributes_to,
    in_quotation,
    name_constraint,
    name_runs,
    parse,
)
from rag.answer.decide import ANSWERED, Decision
from rag.answer.evidence import Source
from rag.answer.verify import MARKER, CheckedAnswer, Verifier, verified_citation
from rag.models.llm import ChatModel, Message, yes_probability
from rag.prompts import PromptPair
from rag.types import Citation

# Refusals a second reading may overturn: the answer's words are in the cited sentences, and a
# lexical check found the question's constraint or the kind of answer missing.
OVERTURNABLE = ("unmet_constraint", "does_not_answer")


class RefusedReading(PromptPair):
    """The reading of an answer the checks refused: question, sentences, proposed answer."""

    name = "review"


class PassedReading(PromptPair):
    """The reading of an answer the checks passed: question, titles, sentences."""

    name = "review_passed"


@dataclass(frozen=True)
class ReviewPrompts:
    refused: RefusedReading
    passed: PassedReading

    @classmethod
    def load(cls) -> ReviewPrompts:
        return cls(RefusedReading.load(), PassedReading.load())


@dataclass(frozen=True)
class Review:
    """The decision after the second reading, the answer it applies to (an overturned
    refusal's citations attached), and the model's P(yes) (None when it was not asked or
    could not tell)."""

    decision: Decision
    checked: CheckedAnswer
    p_yes: float | None = None


def _joined(sentences: list[str]) -> str:
    return " ... ".join(" ".join(s.split()) for s in sentences)


def review_messages(prompts: RefusedReading, question: str, answer: str,
                    sentences: list[str]) -> list[Message]:
    """The reading of a refused answer: does the sentence state the answer to the question?"""
    return [{"role": "system", "content": prompts.system.render()},
            {"role": "user", "content": prompts.user.render(
                question=question, answer=" ".join(MARKER.sub("", answer).split()),
                sentences=_joined(sentences))}]


def passed_messages(prompts: PassedReading, question: str, titles: list[str],
                    sentences: list[str]) -> list[Message]:
    """The reading of a passed answer: does the sentence (beside its article's title) answer
    the question?"""
    return [{"role": "system", "content": prompts.system.render()},
            {"role": "user", "content": prompts.user.render(
                question=question, titles="; ".join(titles) or "(untitled)",
                sentences=_joined(sentences))}]


def rested_citations(checked: CheckedAnswer, sources: list[Source],
                     verify: Verifier | None) -> list[Citation]:
    """Verified citations of the spans a refused answer rested on (`CheckedAnswer.unmet`);
    empty when any of them does not verify."""
    by_number = {src.n: src for src in sources}
    citations: list[Citation] = []
    for n, (start, end) in dict.fromkeys(checked.unmet):
        src = by_number.get(n)
        if src is not None and not src.article_text[start:end].strip():
            continue
        citation = None if src is None else verified_citation(src, start, end, verify)
        if citation is None:
            return []
        citations.append(citation)
    return citations


def gives_the_kind(question: str, answer: str) -> bool:
    """Whether `answer` itself gives the kind of answer `question` asks for (a figure for "how
    many", a unit for "how long", a day for "when", a name for "who"), or the question asks
    for none: "How long is the pipeline?" is not answered by where the pipeline ends, however
    well its sentence reads; nor "What caused the fire?" by what the fire did."""
    kind = expected_type(question)
    text = MARKER.sub("", answer)
    if not gives_cause(question, text):  # "What caused ...?" answered with what happened
        return False
    if kind in ("number", "duration"):  # any figure: "how long" may ask a length ("2000 km")
        return bool(answer_figures(question, text))
    if kind == "name" and re.search(r"[\"“][^\"”]+[\"”]", text):
        return True  # a nickname or a title in quotation marks: "cosmonaut No. 11"
    return kind is None or has_type(kind, text, [(text, 0, len(text))], question)


def _reports_speech(text: str) -> bool:
    """Whether `text` reports anyone's words: a verb of speech, or quotation marks."""
    return bool(re.search(r"[\"“”]", text)) or bool(
        {w.lower() for w in re.findall(r"[\w'’-]+", text)} & SPEECH)


def _another_speaks(question: str, quotes: list[str]) -> bool:
    """Whether each quote gives its speech to someone it names who is not the source the
    question asks about: 'Hurley, on radio ..., said, "It was incredible"' is not what Bob
    Behnken said (wikinews_quiz_blind45 es40, a near miss given back at P(yes) >= 0.9;
    session 65). A pronoun that speaks ("he said") may be the source's, and is left to the
    reading; so is a name inside the quotation marks."""
    sources = [c for c in parse(question) if c.kind == "source"]

    def another(quote: str) -> bool:
        for (start, _), run in name_runs(quote, first=True):
            speaker = name_constraint(run)
            if in_quotation(quote, start) or any(s.words & speaker.words for s in sources):
                continue
            if attributes_to(quote, speaker, frozenset()):
                return True
        return False
    return bool(sources and quotes) and all(another(quote) for quote in quotes)


def review(llm: ChatModel, prompts: ReviewPrompts, question: str, checked: CheckedAnswer,
           sources: list[Source], decision: Decision, verify: Verifier | None,
           reject_below: float, accept_above: float) -> Review:
    """The second reading of `checked` (see the module's docstring)."""
    unchanged = Review(decision, checked)
    if (decision.refused and decision.code not in OVERTURNABLE
            or not decision.refused and reject_below <= 0):
        return unchanged
    if decision.refused and not gives_the_kind(question, checked.text):
        return unchanged  # no second reading supplies what the answer does not say
    if decision.code == "unmet_constraint" and "date" in checked.unmet_kinds:
        # The reading is shown the sentences, not their articles' dates: it cannot tell a
        # sentence of August from one of May ("announced Kamala Harris as his choice for
        # running mate" for who was mentioned in May 2020: wikinews_blind29_qa cj07, given
        # back at P(yes) >= 0.9; session 50).
        return unchanged
    citations = checked.citations
    if decision.code == "unmet_constraint":
        citations = rested_citations(checked, sources, verify)
    verified = [c for c in citations if c.verified]
    if not verified:
        return unchanged
    quotes = [c.quote for c in verified]
    if decision.code == "unmet_constraint" and "source" in checked.unmet_kinds \
            and not any(_reports_speech(quote) for quote in quotes):
        # The question asks what someone said, and the sentences report no one's words: a
        # fluent answer may still read as stated ("the captain said the voyage was very
        # close", resting on where the ship sailed: wikinews_blind35_qa cq02, a near miss
        # given back at P(yes) >= 0.92; session 52).
        return unchanged
    if decision.code == "unmet_constraint" and "source" in checked.unmet_kinds \
            and _another_speaks(question, quotes):
        return unchanged
    if decision.refused:
        messages = review_messages(prompts.refused, question, checked.text, quotes)
    else:
        titles = [title for _, title in dict.fromkeys((c.n, c.title) for c in verified)
                  if title]  # each cited source's once
        messages = passed_messages(prompts.passed, question, titles, quotes)
    p_yes = yes_probability(llm, messages)
    if p_yes is None:
        return unchanged
    if not decision.refused and p_yes < reject_below:
        return Review(Decision.refuse(
            "review_rejected", "read again, the cited sentences did not answer this question "
            f"(the model's P(yes) {p_yes:.2f})"), checked, p_yes)
    if decision.refused and p_yes >= accept_above:
        numbers = sorted({c.n for c in citations})
        sentences = [s if s.supported or not s.reason else s.model_copy(update=dict(
            supported=True, citations=s.citations or numbers,
            reason=f"{s.reason}; read again, the model found the answer stated "
                   f"(P(yes) {p_yes:.2f})")) for s in checked.sentences]
        return Review(ANSWERED, CheckedAnswer(checked.text, list(citations), sentences,
                                              checked.unmet), p_yes)
    return Review(decision, checked, p_yes)
