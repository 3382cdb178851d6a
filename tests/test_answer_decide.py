"""`decide`: one place turns the checks into answered or refused, with a code and a reason."""

from __future__ import annotations

from rag.answer.decide import NO_MATCH, decide
from rag.answer.evidence import Source
from rag.answer.verify import check_citations

ARTICLE = ("Blinken met Xi Jinping in Beijing on Monday. The talks lasted 35 minutes. "
           "Xi said the two sides had agreed to stabilise relations.")
QUESTION = "How long did Blinken's talks with Xi last?"


def sources() -> list[Source]:
    return [Source(n=1, source="a.txt", title=None, published=None, article_text=ARTICLE,
                   spans=[(0, len(ARTICLE))])]


def decision(reply: str, question: str = QUESTION):  # noqa: ANN201
    checked = check_citations(reply, sources(), 0.5, question=question,
                              verify=lambda *_: True)
    return decide(reply, checked, sources(), question)


def test_a_supported_answer_of_the_right_kind_is_answered() -> None:
    assert decision("The talks lasted 35 minutes [1].").refused is False


def test_each_refusal_has_its_code() -> None:
    assert decision("The sources do not say.").code == "model_refused"
    assert decision("The talks lasted three hours [1].").code == "unsupported"
    assert decision("Blinken's talks with Xi lasted [1].").code == "restates_question"
    wrong_kind = decision("Blinken met Xi Jinping in Beijing on Monday [1].")
    assert wrong_kind.code == "does_not_answer"
    assert wrong_kind.reason == "the question asks for a duration; the evidence cited gives none"
    assert (NO_MATCH.code, NO_MATCH.refused) == ("no_match", True)


def test_a_supported_aside_does_not_carry_an_unsupported_answer() -> None:
    # The sentence that answers is made up; the one the sources hold says nothing asked.
    made_up = "The talks lasted three hours. The two sides had agreed to stabilise relations [1]."
    assert decision(made_up).code == "unsupported"
    # Nor does a cited sentence that only says the question again.
    restated = "The talks lasted three hours. Blinken held talks with Xi [1]."
    assert decision(restated).code == "unsupported"
    # A supported first sentence answers, whatever follows.
    assert decision("The talks lasted 35 minutes [1]. They met on Monday [1].").refused is False


def test_a_citation_standing_where_the_answer_should_be_answers_nothing() -> None:
    # wikinews_blind54_qa dj19: "you only need to run a single command [1]. This command is
    # [1]." The second sentence leaves its answer to the marker.
    question = "What did Xi say the two sides had agreed?"
    assert decision("Xi said the two sides had agreed [1]. What they agreed is [1].",
                    question).reason == "the answer puts a citation where its answer should be"
    assert decision("Xi said the two sides had agreed to stabilise relations [1].",
                    question).refused is False
    # wikinews_blind58_qa dn13: a relative clause that names the source leaves no answer to it.
    assert decision("Xi said the two sides had agreed to stabilise relations [1]. This is "
                    "stated in the report, which is [1].", question).refused is False


def test_a_name_of_the_kind_asked_made_of_the_question_s_words_adds_to_it() -> None:
    # wikinews_quiz_blind40 en05: "the University of Queensland" for "which university" and
    # "in Queensland".
    article = "Jephcott, a candidate in Queensland, studied at the University of Queensland."
    question = "From which university in Queensland did Jephcott graduate?"
    shown = [Source(n=1, source="a.txt", title=None, published=None, article_text=article,
                    spans=[(0, len(article))])]
    reply = "Jephcott graduated from the University of Queensland [1]."
    checked = check_citations(reply, shown, 0.5, question=question, verify=lambda *_: True)
    assert decide(reply, checked, shown, question).refused is False
    reply = "Jephcott graduated from a university in Queensland [1]."
    checked = check_citations(reply, shown, 0.5, question=question, verify=lambda *_: True)
    assert decide(reply, checked, shown, question).code == "restates_question"


def test_the_kind_asked_for_comes_from_a_supported_sentence_and_its_own_evidence() -> None:
    # The cited sentence holds a date, but not as the answer: the answer's sentence gives none,
    # and the made-up aside that repeats the date is supported by nothing.
    article = ("Blinken invited Wang Yi to visit Washington at a later date, both sides said "
               "in statements on Sunday.")
    src = [Source(n=1, source="b.txt", title=None, published=None, article_text=article,
                  spans=[(0, len(article))])]
    question = "When is Wang Yi expected to visit Washington?"
    reply = ("Wang Yi is expected to visit Washington at a later date [1]. Xinhua announced "
             "the plan in a broadcast on Sunday.")
    checked = check_citations(reply, src, 0.5, question=question, verify=lambda *_: True)
    assert [s.supported for s in checked.sentences] == [True, False]
    refused = decide(reply, checked, src, question)
    assert (refused.code, refused.reason) == (
        "does_not_answer", "the question asks for a time; the evidence cited gives none")


OLDER = "Samoa began a two-day shutdown for a nationwide measles vaccination campaign."
NEWER = "Samoa lifted its measles state of emergency after 95 percent were immunised."
OTHER = "Fiji opened a new port in Suva."


def latest_sources(newest: str) -> list[Source]:
    return [Source(n=1, source="new.txt", title=None, published="2019-12-29",
                   article_text=newest, spans=[(0, len(newest))]),
            Source(n=2, source="old.txt", title=None, published="2019-12-05",
                   article_text=OLDER, spans=[(0, len(OLDER))])]


def latest_decision(reply: str, newest: str = NEWER):  # noqa: ANN201
    question = "What is the latest on the measles outbreak in Samoa?"
    shown = latest_sources(newest)
    checked = check_citations(reply, shown, 0.5, question=question, verify=lambda *_: True)
    return decide(reply, checked, shown, question, latest=True)


def test_the_latest_news_comes_from_the_newest_article_that_reports_on_it() -> None:
    # temporal_qa t31: answered from the shutdown of 5 December, while the article of 29
    # December that lifted the emergency was shown.
    stale = latest_decision("Samoa began a two-day shutdown for vaccination [2].")
    assert stale.code == "does_not_answer"
    assert stale.reason == ("the question asks for the latest news; a newer article ([1], "
                            "2019-12-29) reports on it than the one cited")
    assert latest_decision("Samoa lifted its measles state of emergency [1].").refused is False
    # A newer article on another topic does not make the answer stale.
    assert latest_decision("Samoa began a two-day shutdown for vaccination [2].",
                           newest=OTHER).refused is False
