"""An answer to "what did S say?" gets S's quotation in full, verbatim, as a citation of its
own: a small model's paraphrase loses the words asked for."""

from __future__ import annotations

from rag.answer.constraints import parse
from rag.answer.evidence import Source
from rag.answer.quotation import LEAD, with_quotation
from rag.answer.verify import CheckedAnswer, check_citations

ARTICLE = (
    "Lena Ortiz won the regional chess final in Valdora on Sunday.\n\n"
    'Ortiz said: "I give this win to my mother, who taught me the game. After she fell ill, '
    'I played for her every day." The runner-up left early.\n\n'
    'The organisers said the final "went very well".'
)


def source() -> Source:
    return Source(n=1, source="chess.txt", title="Ortiz wins the chess final",
                  published="2024-03-04", article_text=ARTICLE,
                  spans=[(0, len(ARTICLE))])


def stored(source: str, start: int, end: int, quote: str) -> bool:
    return ARTICLE[start:end] == quote


def answered(question: str, reply: str) -> CheckedAnswer:
    return check_citations(reply, [source()], 0.5, question=question, verify=stored,
                           constraints=parse(question))


def test_a_paraphrased_quotation_is_added_in_full_up_to_where_it_closes():
    question = "What did Lena Ortiz say about her win in the chess final?"
    checked = answered(question, "Lena Ortiz said she gave her win to her mother [1].")
    assert checked.sentences[0].supported
    full = with_quotation(question, checked, [source()], parse(question), stored)
    words = ('Ortiz said: "I give this win to my mother, who taught me the game. After she '
             'fell ill, I played for her every day."')
    assert full.text == f"Lena Ortiz said she gave her win to her mother [1]. {LEAD} {words} [1]"
    added = next(c for c in full.citations if c.quote == words)
    assert added.verified and ARTICLE[added.start:added.end] == words
    assert full.sentences[-1].supported and full.sentences[-1].citations == [1]


def test_nothing_is_added_where_the_answer_holds_the_words_or_asks_no_words():
    question = "What did Lena Ortiz say about her win in the chess final?"
    verbatim = answered(question, 'Ortiz said: "I give this win to my mother, who taught me the '
                                  'game. After she fell ill, I played for her every day." [1]')
    assert with_quotation(question, verbatim, [source()], parse(question), stored) == verbatim
    # A question that asks no one's words gets none.
    where = "Where did Lena Ortiz win the chess final?"
    plain = answered(where, "She won it in Valdora [1].")
    assert with_quotation(where, plain, [source()], parse(where), stored) == plain


def test_a_quotation_whose_words_the_index_does_not_hold_is_not_added():
    question = "What did Lena Ortiz say about her win in the chess final?"
    checked = answered(question, "Lena Ortiz said she gave her win to her mother [1].")
    assert with_quotation(question, checked, [source()], parse(question),
                          lambda *_: False) == checked
