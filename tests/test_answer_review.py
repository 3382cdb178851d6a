"""The answer's second reading (RAG_REVIEW): the model's P(yes) that the cited sentences answer
the question refuses an answer the word checks passed, and its P(yes) that they state the
proposed answer gives one they refused for an unmet constraint or the wrong kind of answer.
The model is scripted except in the last tests, which ask the real embedded model."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.answer.decide import ANSWERED, Decision
from rag.answer.evidence import Source
from rag.answer.review import (
    Review,
    ReviewPrompts,
    gives_the_kind,
    passed_messages,
    review,
    review_messages,
)
from rag.answer.verify import CheckedAnswer
from rag.assistant import Assistant
from rag.models.llm import yes_share
from rag.types import Citation, SentenceCheck

from .conftest import ScriptedLLM, settings_for
from .valdora import PORT, sources

PROMPTS = ReviewPrompts.load()
REOPENED = (0, PORT.index(" Mayor"))  # "The port of Valdora reopened on Tuesday after ..."
QUESTION = "When did the port of Valdora reopen after the storm?"


class Reader(ScriptedLLM):
    """A scripted model that also gives a fixed P(yes) to every second reading."""

    def __init__(self, p_yes: float | None, *replies: str) -> None:
        super().__init__(*replies or ("unused",))
        self.p_yes = p_yes
        self.read: list[list[dict[str, str]]] = []

    def yes_probability(self, messages: list[dict[str, str]]) -> float | None:
        self.read.append(messages)
        return self.p_yes


def verify(source: str, start: int, end: int, quote: str) -> bool:
    return source == "port.txt" and PORT[start:end] == quote


def passed() -> CheckedAnswer:
    """An answer the word checks passed, citing the port's first sentence."""
    start, end = REOPENED
    citation = Citation(n=1, source="port.txt", quote=PORT[start:end], start=start, end=end,
                        verified=True)
    return CheckedAnswer("It reopened on Tuesday [1].", [citation],
                         [SentenceCheck(text="It reopened on Tuesday [1].", citations=[1],
                                        supported=True)])


def refused_for_a_name() -> tuple[CheckedAnswer, Decision]:
    """An answer resting on the same sentence, refused because a name of the question is not
    beside it (as `verify` leaves it: no citation, the span in `unmet`)."""
    reason = 'the question names the name "Valdora Harbour Board"; the evidence cited does not'
    checked = CheckedAnswer("It reopened on Tuesday [1].", [],
                            [SentenceCheck(text="It reopened on Tuesday [1].", citations=[1],
                                           supported=False, reason=reason)],
                            unmet=[(1, REOPENED)])
    return checked, Decision.refuse("unmet_constraint", reason)


def refused_for(kind: str, reason: str, answer: str, span: tuple[int, int]
                ) -> CheckedAnswer:
    """An answer resting on `span` of source 1, refused for a constraint of `kind`."""
    return CheckedAnswer(answer, [], [SentenceCheck(text=answer, citations=[1], supported=False,
                                                    reason=reason)],
                         unmet=[(1, span)], unmet_kinds=frozenset({kind}))


def read_again(model: Reader, question: str, reason: str, answer: str, said: str) -> Review:
    """The second reading of `answer`, refused for whose words it gives, resting on `said`, the
    one sentence of a source."""
    spoken = [Source(n=1, source="port.txt", title="Port reopens", published="2023-05-02",
                     article_text=said, spans=[(0, len(said))])]
    checked = refused_for("source", reason, answer, (0, len(said)))
    return review(model, PROMPTS, question, checked, spoken,
                  Decision.refuse("unmet_constraint", reason), lambda *span: True,
                  reject_below=0.55, accept_above=0.9)


def test_a_refused_answer_is_read_with_the_question_the_cited_sentence_and_the_answer():
    system, user = review_messages(PROMPTS.refused, QUESTION, "It reopened on Tuesday [1].",
                                   ["The port of Valdora reopened\non Tuesday."])
    assert "Yes or No" in system["content"]
    assert user["content"] == (f"Question: {QUESTION}\n"
                               "Sentence: The port of Valdora reopened on Tuesday.\n"
                               "Proposed answer: It reopened on Tuesday.\n"
                               "Does the sentence state the answer to this exact question?")


def test_a_passed_answer_is_read_with_the_question_and_the_cited_sentence_not_the_answer():
    system, user = passed_messages(PROMPTS.passed, QUESTION, ["Port reopens"],
                                   ["The port of Valdora reopened\non Tuesday."])
    assert "Yes or No" in system["content"]
    assert user["content"] == (f"Question: {QUESTION}\n"
                               "Article: Port reopens\n"
                               "Sentence: The port of Valdora reopened on Tuesday.\n"
                               "Does the sentence answer this exact question?")


def test_an_answer_read_as_unstated_is_refused():
    model = Reader(0.3)
    second = review(model, PROMPTS, QUESTION, passed(), sources(), ANSWERED, verify,
                    reject_below=0.55, accept_above=0.9)
    assert second.decision.refused and second.decision.code == "review_rejected"
    assert "P(yes) 0.30" in (second.decision.reason or "")
    [[_, shown]] = model.read
    assert "reopened on Tuesday after it was closed" in shown["content"]
    assert "It reopened on Tuesday" not in shown["content"]  # the answer itself is not shown


def test_an_answer_read_as_stated_stands():
    second = review(Reader(0.7), PROMPTS, QUESTION, passed(), sources(), ANSWERED, verify,
                    reject_below=0.55, accept_above=0.9)
    assert second.decision == ANSWERED and second.p_yes == 0.7


def test_a_refusal_for_an_unmet_name_is_overturned_when_read_as_stated():
    checked, refused = refused_for_a_name()
    second = review(Reader(0.95), PROMPTS, QUESTION, checked, sources(), refused, verify,
                    reject_below=0.55, accept_above=0.9)
    assert second.decision == ANSWERED
    [citation] = second.checked.citations
    assert citation.verified and citation.quote == PORT[slice(*REOPENED)].strip()
    [sentence] = second.checked.sentences
    assert sentence.supported and "read again, the model found the answer stated" in (
        sentence.reason or "")


def test_a_refusal_for_the_question_s_date_is_not_read_again():
    # wikinews_blind29_qa cj07: the sentences shown carry no article date, so a reading
    # cannot tell August's announcement from May's talk; it had given the answer back.
    reason = 'the question asks about the date "in May 2020"; the evidence cited is about ' \
        "another time"
    checked = refused_for("date", reason, "It reopened on Tuesday [1].", REOPENED)
    refused = Decision.refuse("unmet_constraint", reason)
    model = Reader(0.99)
    second = review(model, PROMPTS, QUESTION, checked, sources(), refused, verify,
                    reject_below=0.55, accept_above=0.9)
    assert second.decision == refused and model.read == []


def test_a_refusal_for_whose_words_is_not_read_again_where_no_one_speaks():
    # wikinews_blind35_qa cq02: "What did the captain say about the voyage?" was answered from
    # where the ship sailed, and a reading gave it back; the sentence reports no one's words.
    reason = "the question asks for what the harbour master said; the evidence cited is " \
        "someone else's words, or no one's"
    question = "What did the harbour master say about the port's reopening?"
    checked = refused_for("source", reason, "He said it reopened on Tuesday [1].", REOPENED)
    refused = Decision.refuse("unmet_constraint", reason)
    model = Reader(0.99)
    second = review(model, PROMPTS, question, checked, sources(), refused, verify,
                    reject_below=0.55, accept_above=0.9)
    assert second.decision == refused and model.read == []
    # Where the sentence reports someone's words, it is read again.
    second = read_again(model, question, reason, "She said it reopened on Tuesday [1].",
                        "Mayor Ana Ruiz said the port reopened on Tuesday.")
    assert second.decision == ANSWERED and len(model.read) == 1


def test_a_refusal_for_whose_words_is_not_read_again_where_someone_else_is_named_speaking():
    # wikinews_quiz_blind45 es40: "What did Bob Behnken say on the radio?" rested on 'Hurley,
    # on radio ..., said, "It was incredible"', and a reading gave it back.
    reason = "the question asks for what Tom Vale said; the evidence cited is someone else's " \
        "words, or no one's"
    question = "What did harbour master Tom Vale say about the port's reopening?"
    model = Reader(0.99)
    second = read_again(model, question, reason, "Vale said it reopened on Tuesday [1].",
                        "Mayor Ana Ruiz said the port reopened on Tuesday.")
    refused = Decision.refuse("unmet_constraint", reason)
    assert second.decision == refused and model.read == []
    # A pronoun that speaks may be his: the sentence is read again.
    second = read_again(model, question, reason, "Vale said it reopened on Tuesday [1].",
                        "At the harbour on Tuesday, he said the port had reopened.")
    assert second.decision == ANSWERED and len(model.read) == 1


def test_a_refusal_stands_when_not_read_as_clearly_stated():
    checked, refused = refused_for_a_name()
    second = review(Reader(0.85), PROMPTS, QUESTION, checked, sources(), refused, verify,
                    reject_below=0.55, accept_above=0.9)
    assert second.decision == refused and second.checked is checked


def test_a_rested_span_that_does_not_verify_is_never_given():
    checked, refused = refused_for_a_name()
    model = Reader(0.99)
    second = review(model, PROMPTS, QUESTION, checked, sources(), refused,
                    lambda *span: False, reject_below=0.55, accept_above=0.9)
    assert second.decision == refused and model.read == []


@pytest.mark.parametrize("code", ["unsupported", "restates_question", "no_match"])
def test_other_refusals_are_not_read_again(code: str):
    model = Reader(0.99)
    refused = Decision.refuse(code, "why")
    assert review(model, PROMPTS, QUESTION, passed(), sources(), refused, verify,
                  0.55, 0.9).decision == refused
    assert model.read == []


def test_an_answer_that_does_not_give_the_kind_asked_is_never_given_back():
    # wikinews_quiz_blind7 qg16: asked how long the pipeline is, the answer said where it
    # ends; read again it sounded right (P(yes) >= 0.9), but it gives no figure at all.
    model = Reader(0.99)
    question = "How long did the port of Valdora stay closed after the storm?"
    refused = Decision.refuse("does_not_answer",
                              "the question asks for a duration; the evidence cited gives none")
    assert review(model, PROMPTS, question, passed(), sources(), refused, verify,
                  0.55, 0.9).decision == refused
    assert model.read == []
    assert not gives_the_kind(question, "It reopened after the storm [1].")
    assert gives_the_kind(question, "It stayed closed for three days [1].")
    assert gives_the_kind("How long is the pipeline?", "It is 2000 km long [1].")
    assert gives_the_kind("By what nickname was he known?", 'As "cosmonaut No. 11" [1].')
    assert not gives_the_kind("Who reopened the port?", "The port was reopened by its owner [1].")
    # wikinews_quiz_blind10 qj40: asked what had caused a death, the answer said what he was
    # doing when it happened; read again it sounded right.
    question = "What did investigators find had caused the engineer's death at the station?"
    assert not gives_the_kind(question, "He was working on a travelator when it occurred [1].")
    assert gives_the_kind(question, "It was caused by a fall from the travelator [1].")


def test_a_model_that_cannot_tell_leaves_the_decision_to_the_checks():
    plain = ScriptedLLM("unused")  # no yes_probability, as a server without log-probabilities
    assert review(plain, PROMPTS, QUESTION, passed(), sources(), ANSWERED, verify,
                  0.55, 0.9).decision == ANSWERED
    assert review(Reader(None), PROMPTS, QUESTION, passed(), sources(), ANSWERED, verify,
                  0.55, 0.9).decision == ANSWERED


def test_yes_share_reads_the_words_in_any_case_and_spacing():
    assert yes_share([("Yes", 0.6), (" no", 0.2), ("Maybe", 0.2)]) == pytest.approx(0.75)
    assert yes_share([("YES", 0.1), ("No", 0.1)]) == pytest.approx(0.5)
    assert yes_share([("Maybe", 1.0)]) is None


def test_the_assistant_refuses_an_answer_its_second_reading_rejects_when_asked_to(
        tmp_path: Path):
    data_dir = tmp_path / ".rag"
    article = tmp_path / "port.txt"
    article.write_text(f"Port reopens\n\n{PORT}\n", encoding="utf-8")
    reply = "The port of Valdora reopened on Tuesday [1]."
    strict = dict(review_reject_below=0.45)
    kept = Assistant(settings_for(data_dir, **strict), llm=Reader(0.8, reply))
    kept.ingest([article])
    assert kept.ask("When did the port of Valdora reopen?").status == "answered"
    rejected = Assistant(settings_for(data_dir, **strict), llm=Reader(0.2, reply)).ask(
        "When did the port of Valdora reopen?")
    assert rejected.refusal_code == "review_rejected" and "review_ms" in rejected.timings_ms
    off = Assistant(settings_for(data_dir, review=False, **strict), llm=Reader(0.2, reply))
    assert off.ask("When did the port of Valdora reopen?").status == "answered"
    unread = Reader(0.2, reply)  # the defaults never refuse what the checks passed
    assert Assistant(settings_for(data_dir), llm=unread).ask(
        "When did the port of Valdora reopen?").status == "answered"
    assert unread.read == []


def test_the_embedded_model_reads_a_stated_answer_as_likelier_than_a_neighbouring_fact(llm):
    died = "The actor died at his home in Los Angeles on Tuesday, his agent said."
    stated = llm.yes_probability(review_messages(
        PROMPTS.refused, "Where did the actor die?", "He died in Los Angeles.", [died]))
    neighbour = llm.yes_probability(review_messages(
        PROMPTS.refused, "Where was the actor born?", "He was born in Los Angeles.", [died]))
    assert stated is not None and neighbour is not None
    assert stated > 0.8 and neighbour < stated - 0.15


def test_the_embedded_model_reads_a_sentence_that_answers_above_one_beside_the_point(llm):
    title = ["Ferry service resumes after storm"]
    resumed = "The ferry between Ardmore and Kell resumed sailing on Thursday morning."
    answers = llm.yes_probability(passed_messages(
        PROMPTS.passed, "When did the Ardmore-Kell ferry resume sailing?", title, [resumed]))
    beside = llm.yes_probability(passed_messages(
        PROMPTS.passed, "When was the Ardmore-Kell ferry suspended?", title, [resumed]))
    assert answers is not None and beside is not None
    assert answers > 0.6 and beside < answers - 0.2


def test_the_second_reading_leaves_the_answering_context_as_it_was(llm):
    messages = [{"role": "user", "content": "Name the capital of France in one word."}]
    before = "".join(llm.stream(messages, 8, 0.0))
    llm.yes_probability(review_messages(PROMPTS.refused, "Where did the actor die?", "Paris.",
                                        ["He died in Paris."]))
    assert "".join(llm.stream(messages, 8, 0.0)) == before


def test_a_second_reading_too_long_for_its_context_is_not_asked(llm):
    sentences = ["The port of Valdora reopened on Tuesday after three weeks."] * 300
    assert llm.yes_probability(review_messages(
        PROMPTS.refused, QUESTION, "It reopened on Tuesday.", sentences)) is None


def test_the_second_reading_is_on_for_the_model_it_was_measured_on_only(tmp_path: Path):
    assert settings_for(tmp_path).reviews_answers  # the embedded default
    assert not settings_for(tmp_path, openai_base_url="http://127.0.0.1:9/v1").reviews_answers
    assert not settings_for(tmp_path, llm_model="qwen2.5-coder-0.5b-instruct").reviews_answers
    assert settings_for(tmp_path, review=True,
                        openai_base_url="http://127.0.0.1:9/v1").reviews_answers
    assert not settings_for(tmp_path, review=False).reviews_answers
