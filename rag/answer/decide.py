"""Stage `decide`: the one place that turns the checks into an answer or a refusal, with a
reason code and a message a user can read.

The model is never offered a refusal in the prompt (a small one takes it too often on
answerable questions: docs/evals.md); the code decides, from what it can check:

    code               when
    no_match           retrieval found no article to show the model
    no_match_filter    no article matches the date, outlet or as-of filters at all
    period_not_covered the question names a period after the newest article (as of its day)
    model_refused      the model said the sources do not hold the answer
    unsupported        no sentence of the answer is supported by a source
    unmet_constraint   the sources hold the answer's words, but not where the question's date,
                       name, figure, quoted phrase, source or topic is (see `constraints`)
    restates_question  the answer adds nothing to the question's own words
    does_not_answer    a supported answer of the wrong kind (see `checks`), or one that puts
                       a citation marker where its answer should be ("... was [1].")
    review_rejected    read again by the model, the cited sentences do not state the answer
                       (set by the next stage, `review`)

A refusal after the model has answered may still become a `partial` answer: the closest
passage of the evidence, quoted (see `fallback`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.answer.checks import answer_problem, kind_named, latest_problem
from rag.answer.constraints import found_words
from rag.answer.evidence import Source
from rag.answer.verify import MARKER, CheckedAnswer, new_words, support_words
from rag.text import content_words, sentence_spans

REFUSAL = "The sources do not say."


@dataclass(frozen=True)
class Decision:
    refused: bool
    code: str | None = None  # see the table above; None when answered
    reason: str | None = None

    @classmethod
    def refuse(cls, code: str, reason: str) -> Decision:
        return cls(True, code, reason)


ANSWERED = Decision(False)
NO_MATCH = Decision.refuse("no_match", "no indexed article matches the question")


_REFUSAL = re.compile(
    r"((sources?|context|articles?|text|information provided) (do|does|did) not "
    r"(say|contain|mention|include|state|provide|specify)|"
    r"(not|no information) (mentioned|stated|provided|available|given|found|specified) in "
    r"the (given |provided )?(sources?|context|articles?)|"
    r"cannot (answer|be answered|determine|find)|can't (answer|determine|find)|"
    r"don't (know|have enough)|do not (know|have enough)|no information (about|on|regarding)|"
    r"not (enough|sufficient) information|unable to (answer|determine|find))",
    re.IGNORECASE,
)


def is_refusal(answer: str) -> bool:
    return bool(_REFUSAL.search(answer)) or not answer.strip()


def adds_information(answer: str, question: str) -> bool:
    """False for answers that only restate the question ("X said about Taiwan [1]."), in
    other forms of its words too ("The Puerto Rican Legislative Assembly" for "Which chamber
    of Puerto Rico's Legislative Assembly ...?": wikinews_quiz_blind21 qu19, answered;
    session 54)."""
    answer = MARKER.sub(" ", answer)
    if kind_named(answer, question):
        return True
    asked = support_words(question)
    # A name's other form only: "primitive" is no form of the question's "Prime" (Minister).
    names = content_words(" ".join(re.findall(r"\b[A-Z][\w'’-]*", answer)))
    return any(not (word in names and found_words({word}, asked))
               for word in new_words(answer, question))


def _only_asides(checked: CheckedAnswer, question: str) -> bool:
    """The first sentence, the one that answers, is unsupported, and the supported ones do not
    touch the question ("... was won by Tsaiying-shih. This was reported by the State
    Department spokesperson Matthew Miller [1]."), or touch it only to say it again: a cited
    sentence that adds nothing to the question's words does not carry a made-up answer before
    it (wikinews_blind42_qa cx22, answered; session 56)."""
    if not checked.sentences or checked.sentences[0].supported:
        return False
    asked = content_words(question)
    return not any(s.supported and content_words(s.text) & asked
                   and adds_information(s.text, question) for s in checked.sentences[1:])


# A sentence whose verb ends at its citation marker: the marker stands where the answer should
# be ("The forecaster who wrote Advisory 25A was [1].", "This command is [1].").
# Not a relative clause that names the source: "This is stated in the interview ..., which is
# [1]." (wikinews_blind58_qa dn13, a right answer refused; session 63).
_MARKER_FOR_ANSWER = re.compile(r"(?<!\bwhich )(?<!\bthat )(?<!\bwho )"
                                rf"\b(?:is|are|was|were)\s*:?(?:{MARKER.pattern}\s*)+"
                                r"[.!?]?\s*$", re.I)


def _marker_for_answer(reply: str) -> bool:
    """Whether a sentence of `reply` leaves its answer to a citation marker
    (`_MARKER_FOR_ANSWER`; wikinews_blind54_qa dj19, answered with "you only need to run a
    single command ... This command is [1]."; session 62)."""
    return any(_MARKER_FOR_ANSWER.search(reply[start:end])
               for start, end in sentence_spans(reply))


def decide(reply: str, checked: CheckedAnswer, sources: list[Source], question: str,
           latest: bool = False) -> Decision:
    """Answered, or refused with the first reason that applies; `latest`: the question asks
    for the latest news (`checks.latest_problem`)."""
    if is_refusal(reply):
        return Decision.refuse("model_refused", "the model found no answer in the sources")
    if not any(s.supported for s in checked.sentences) or _only_asides(checked, question):
        unmet = next((s.reason for s in checked.sentences if s.reason), None)
        if unmet:
            return Decision.refuse("unmet_constraint", unmet)
        return Decision.refuse("unsupported",
                               "no sentence of the answer is supported by the sources")
    if _marker_for_answer(reply):
        return Decision.refuse("does_not_answer",
                               "the answer puts a citation where its answer should be")
    if not adds_information(checked.text, question):
        return Decision.refuse("restates_question", "the answer only restates the question")
    by_number = {src.n: src for src in sources}
    views: dict[int, list[tuple[str, int, int]]] = {}
    for c in checked.citations:  # as shown, with resolved dates
        views.setdefault(c.n, []).append(
            by_number[c.n].annotated_view(c.start, c.end, checked.text))
    problem = answer_problem(question, [
        (s.text, [view for n in s.citations for view in views.get(n, [])])
        for s in checked.sentences if s.supported])
    if problem is None and latest:
        problem = latest_problem(question, sources, {
            n for s in checked.sentences if s.supported for n in s.citations})
    return Decision.refuse("does_not_answer", problem) if problem else ANSWERED
