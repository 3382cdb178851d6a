"""The eval's metrics on hand-made cases: no models, no index."""

from __future__ import annotations

import pytest

from evals import metrics as m
from evals.gate import compare
from evals.judge import Judge, load_judge_prompt, parse_verdict
from tests.conftest import ScriptedLLM

# --- answers -----------------------------------------------------------------------------------


def test_token_f1_exact_partial_and_disjoint() -> None:
    assert m.token_f1("About three hours.", "about three hours") == 1.0
    # pred {three, hours}, ref {about, three, hours}: P 1, R 2/3
    assert m.token_f1("three hours", "About three hours.") == pytest.approx(0.8)
    assert m.token_f1("Diaoyutai", "three hours") == 0.0


def test_token_f1_ignores_citation_markers_articles_and_apostrophe_forms() -> None:
    assert m.token_f1("The Yonhap News Agency [1][2].", "Yonhap News Agency") == 1.0
    assert m.token_f1("People’s Daily [3]", "People's Daily") == 1.0


def test_token_f1_empty_answer() -> None:
    assert m.token_f1("", "About three hours.") == 0.0
    assert m.token_f1("...", "About three hours.") == 0.0
    assert m.token_f1("", "") == 1.0


def test_token_f1_counts_repeated_tokens_once_each() -> None:
    # pred: hours hours hours; ref: three hours -> 1 common token: P 1/3, R 1/2
    assert m.token_f1("hours hours hours", "three hours") == pytest.approx(0.4)


def test_key_phrase_is_case_and_apostrophe_insensitive_on_whole_words() -> None:
    assert m.contains_key_phrase("It was reported by YONHAP.", ["Yonhap"])
    assert m.contains_key_phrase("in the People’s Daily", ["People's Daily"])
    assert m.contains_key_phrase("The Red Sea's navigational rights [1].", ["Red Sea"])
    assert m.contains_key_phrase("They talked for 7.5 hours [1].",
                                 ["seven and a half", "7.5 hours"])
    assert not m.contains_key_phrase("He found a roommate.", ["room"])
    assert not m.contains_key_phrase("anything", [])
    assert not m.contains_key_phrase("anything", ["", "  "])


def test_a_symbol_before_a_figure_does_not_hide_it() -> None:
    # wikinews_quiz_blind9 qi15: the article and the answer write "₿7300"; the key is 7300.
    assert m.contains_key_phrase("He allegedly processed ₿7300 in fees [1].", ["7300"])
    assert not m.contains_key_phrase("He processed ₿73000 in fees.", ["7300"])


def test_a_measure_reads_one_way_on_both_sides() -> None:
    # A unit by its symbol, a unit of time in the singular, a score as its two figures.
    assert m.contains_key_phrase("They were around 50 meters (165 feet) apart [1].", ["50 m"])
    assert m.contains_key_phrase("It lay 50m away [1].", ["50 metres"])
    assert m.contains_key_phrase("He was given a 73-month prison term [1].", ["73 months"])
    assert m.contains_key_phrase("He got a two-month sentence [1].", ["two months"])
    assert m.contains_key_phrase("University won 22-10 [1].", ["22 points to 10"])
    assert not m.contains_key_phrase("It lasted 5 months [1].", ["5 m"])
    assert not m.contains_key_phrase("University won 22-12 [1].", ["22 points to 10"])


def test_answer_correct_by_key_phrase_or_f1() -> None:
    by_phrase = m.answer_metrics("It was Yonhap [1].", False, "The Yonhap News Agency.", True,
                                 ["Yonhap"])
    # pred {it, was, yonhap}, ref {yonhap, news, agency}: P = R = 1/3
    assert by_phrase == {"correct": True, "key_phrase": True, "token_f1": pytest.approx(0.3333)}
    by_f1 = m.answer_metrics("about three hours", False, "About three hours.", True, None)
    assert by_f1 == {"correct": True, "key_phrase": None, "token_f1": 1.0}
    wrong = m.answer_metrics("two days", False, "About three hours.", True, ["three hours"])
    assert wrong == {"correct": False, "key_phrase": False, "token_f1": 0.0}


def test_f1_threshold_is_inclusive() -> None:
    # pred {three, hours, long}, ref {about, three, hours, talks}: P 2/3, R 1/2, F1 0.571
    assert m.answer_metrics("three hours long", False, "about three hours talks", True,
                            None)["correct"]
    # pred {hours}, ref {about, three, hours}: P 1, R 1/3, F1 0.5 exactly
    assert m.token_f1("hours", "about three hours") == 0.5
    assert m.answer_metrics("hours", False, "about three hours", True, None)["correct"]


def test_refusing_an_answerable_question_is_incorrect() -> None:
    got = m.answer_metrics("The sources do not say.", True, "About three hours.", True,
                           ["three hours"])
    assert got == {"correct": False, "key_phrase": False, "token_f1": 0.0}


def test_unanswerable_questions_are_correct_only_when_refused() -> None:
    assert m.answer_metrics("The sources do not say.", True, "", False, None) == {
        "correct": True, "key_phrase": None, "token_f1": None}
    assert m.answer_metrics("$5 billion.", False, "", False, None)["correct"] is False


def test_a_partial_answer_is_correct_only_when_its_passage_holds_a_key_phrase() -> None:
    passage = ('The articles do not answer this directly. Closest passage: "The talks lasted '
               'about three hours." [1]')
    held = m.answer_metrics(passage, True, "About three hours.", True, ["three hours"],
                            status="partial")
    assert held == {"correct": True, "key_phrase": True, "token_f1": 0.0}
    # Never by F1: the passage is not written as an answer.
    assert m.answer_metrics(passage, True, "The talks lasted about three hours.", True, None,
                            status="partial")["correct"] is False
    assert m.answer_metrics(passage, True, "Two days.", True, ["two days"],
                            status="partial")["correct"] is False
    # On an unanswerable question it is a refusal: right.
    assert m.answer_metrics(passage, True, "", False, None, status="partial")["correct"] is True


def test_empty_answer_that_is_not_flagged_refused_is_incorrect() -> None:
    got = m.answer_metrics("   ", False, "About three hours.", True, None)
    assert got["correct"] is False and got["token_f1"] == 0.0


# --- retrieval ---------------------------------------------------------------------------------


def test_retrieval_gold_first() -> None:
    got = m.retrieval_metrics(["a", "b", "c"], ["a"], k=5)
    assert got == {"hit@1": True, "hit@3": True, "hit@5": True, "hit@10": True,
                   "recall@k": True, "mrr@10": 1.0}


def test_retrieval_rank_counts_chunks_not_files() -> None:
    # The gold file's first chunk is 4th; three chunks of one other file come before it.
    got = m.retrieval_metrics(["x", "x", "y", "gold", "gold"], ["gold"], k=3)
    assert got == {"hit@1": False, "hit@3": False, "hit@5": True, "hit@10": True,
                   "recall@k": False, "mrr@10": 0.25}


def test_retrieval_gold_missing_or_past_ten() -> None:
    assert m.retrieval_metrics(["x"] * 10, ["gold"], k=5)["mrr@10"] == 0.0
    past = m.retrieval_metrics(["x"] * 10 + ["gold"], ["gold"], k=5)
    assert past["hit@10"] is False and past["mrr@10"] == 0.0
    assert m.retrieval_metrics([], ["gold"], k=5)["hit@1"] is False


def test_recall_needs_every_gold_source_in_the_first_k() -> None:
    ranked = ["a", "x", "x", "b"]
    assert m.retrieval_metrics(ranked, ["a", "b"], k=3)["recall@k"] is False
    assert m.retrieval_metrics(ranked, ["a", "b"], k=4)["recall@k"] is True


def test_retrieval_without_gold_source_is_undefined() -> None:
    assert set(m.retrieval_metrics(["a", "b"], [], k=5).values()) == {None}


# --- citations ---------------------------------------------------------------------------------


def test_duplicate_citations_count_each_file_once() -> None:
    cited = [("a", True), ("a", True), ("x", False)]
    got = m.citation_metrics(cited, ["a", "b"], answerable=True)
    assert got == {"citations": 3, "citations_verified": 2, "citation_precision": 0.5,
                   "citation_recall": 0.5}


def test_no_citations() -> None:
    got = m.citation_metrics([], ["a"], answerable=True)
    assert got == {"citations": 0, "citations_verified": 0, "citation_precision": None,
                   "citation_recall": 0.0}


def test_citations_of_unanswerable_or_sourceless_questions_have_no_precision() -> None:
    for gold, answerable in (([], False), ([], True)):
        got = m.citation_metrics([("a", True)], gold, answerable=answerable)
        assert got["citation_precision"] is None and got["citation_recall"] is None
        assert got["citations"] == 1


# --- refusals and aggregation ------------------------------------------------------------------


def test_refusal_metrics() -> None:
    # (answerable, refused): 2 unanswerable (1 refused), 3 answerable (1 refused)
    outcomes = [(False, True), (False, False), (True, True), (True, False), (True, False)]
    assert m.refusal_metrics(outcomes) == {"refusal_precision": 0.5, "refusal_recall": 0.5,
                                           "false_refusal_rate": pytest.approx(0.3333)}


def test_refusal_metrics_undefined_without_refusals_or_unanswerables() -> None:
    got = m.refusal_metrics([(True, False)])
    assert got == {"refusal_precision": None, "refusal_recall": None, "false_refusal_rate": 0.0}


def test_percentile_interpolates_like_numpy() -> None:
    values = [10.0, 20.0, 30.0, 40.0]
    assert m.percentile(values, 50) == 25.0
    assert m.percentile(values, 95) == pytest.approx(38.5)
    assert m.percentile([7.0], 95) == 7.0
    assert m.percentile([None, 3.0], 50) == 3.0
    assert m.percentile([], 50) is None


def _row(answerable: bool, refused: bool | None, **metrics: object) -> dict[str, object]:
    return {"answerable": answerable, "refused": refused, "metrics": metrics}


def test_aggregate_skips_undefined_values_and_pools_citations() -> None:
    rows = [
        _row(True, False, **{"hit@1": True, "correct": True, "citations": 2,
                             "citations_verified": 1, "total_ms": 100.0}),
        _row(True, True, **{"hit@1": False, "correct": False, "citations": 0,
                            "citations_verified": 0, "total_ms": 300.0}),
        _row(False, True, **{"hit@1": None, "correct": True, "citations": 1,
                             "citations_verified": 1, "total_ms": None}),
    ]
    values, counts = m.aggregate(rows)
    assert values["hit@1"] == 0.5 and counts["hit@1"] == 2
    assert values["correct"] == pytest.approx(0.6667) and counts["correct"] == 3
    assert values["correct_answerable"] == 0.5 and counts["correct_answerable"] == 2
    assert values["citations_verified"] == pytest.approx(0.6667)
    assert counts["citations_verified"] == 3
    assert values["refusal_recall"] == 1.0 and values["false_refusal_rate"] == 0.5
    assert values["total_ms_p50"] == 200.0 and counts["total_ms_p50"] == 2
    assert values["judge_correct"] is None and counts["judge_correct"] == 0
    assert values["questions"] == 3 and values["errors"] == 0


def test_aggregate_counts_partial_answers_apart_and_the_answered_that_are_wrong() -> None:
    rows = [
        {**_row(True, False, correct=True), "status": "answered"},
        {**_row(True, False, correct=False), "status": "answered"},
        {**_row(False, False, correct=False), "status": "answered"},
        {**_row(True, True, correct=True), "status": "partial"},
        {**_row(False, True, correct=True), "status": "partial"},
        {**_row(False, True, correct=True), "status": "refused"},
    ]
    values, counts = m.aggregate(rows)
    assert values["partial_rate"] == pytest.approx(0.3333) and counts["partial_rate"] == 6
    assert values["answered_wrong"] == pytest.approx(0.6667) and counts["answered_wrong"] == 3
    assert values["refusal_recall"] == pytest.approx(0.6667)  # the partial one counts
    assert values["false_refusal_rate"] == pytest.approx(0.3333)
    # Rows without a status (the baseline) read it from `refused`.
    values, _ = m.aggregate([_row(True, False, correct=False), _row(True, True, correct=False)])
    assert values["answered_wrong"] == 1.0 and values["partial_rate"] == 0.0


def test_aggregate_of_a_retrieval_only_run_has_no_answer_metrics() -> None:
    values, _ = m.aggregate([_row(True, None, **{"hit@1": True}), _row(False, None)])
    assert values["hit@1"] == 1.0
    assert values["correct"] is None and values["refusal_recall"] is None
    assert values["citations_verified"] is None


def test_every_metric_has_a_unique_name() -> None:
    assert len({metric.name for metric in m.METRICS}) == len(m.METRICS)


# --- the gate ----------------------------------------------------------------------------------


def summary(n: int = 20, **metrics: float | None) -> dict[str, object]:
    return {"dataset": {"sha256": "same"},
            "systems": {"newsrag": {"metrics": dict(metrics),
                                    "counts": dict.fromkeys(metrics, n)}}}


def test_gate_passes_within_tolerance_and_on_gains() -> None:
    old = summary(correct=0.70, **{"hit@5": 0.9})
    new = summary(correct=0.56, **{"hit@5": 1.0})  # -0.14 <= 0.15
    assert compare(new, old, 0.15).passed


def test_gate_fails_on_a_drop_beyond_tolerance() -> None:
    result = compare(summary(correct=0.5), summary(correct=0.7), 0.15)
    assert not result.passed
    assert [(d.metric, d.change) for d in result.failures] == [("correct", -0.2)]


def test_gate_fails_when_a_lower_is_better_metric_rises() -> None:
    result = compare(summary(false_refusal_rate=0.4), summary(false_refusal_rate=0.1), 0.15)
    assert [d.metric for d in result.failures] == ["false_refusal_rate"]
    assert compare(summary(false_refusal_rate=0.0), summary(false_refusal_rate=0.4), 0.15).passed


def test_gate_allows_one_question_to_flip_on_a_small_set() -> None:
    # 4 questions behind the metric: one flip is 0.25, allowed; two (0.5) are not.
    assert compare(summary(4, refusal_recall=0.75), summary(4, refusal_recall=1.0), 0.15).passed
    assert not compare(summary(4, refusal_recall=0.5), summary(4, refusal_recall=1.0),
                       0.15).passed


def test_gate_fails_when_a_headline_metric_is_missing_and_ignores_latency() -> None:
    old = summary(correct=0.7, total_ms_p50=100.0)
    new = summary(correct=None, total_ms_p50=900.0)
    assert [d.metric for d in compare(new, old, 0.15).failures] == ["correct"]


def test_gate_notes_a_different_dataset() -> None:
    new = summary(correct=0.7)
    new["dataset"] = {"sha256": "other"}
    assert any("datasets differ" in note for note in compare(new, summary(correct=0.7)).notes)


# --- the LLM judge -----------------------------------------------------------------------------


def test_parse_verdict() -> None:
    assert parse_verdict("CORRECT") is True
    assert parse_verdict("incorrect.") is False
    assert parse_verdict("Verdict: INCORRECT, though close") is False
    assert parse_verdict("I am not sure") is None


def test_judge_prompt_has_its_variables_and_the_judge_parses_the_reply() -> None:
    assert load_judge_prompt().variables == {"question", "reference", "answer"}
    chat = ScriptedLLM("CORRECT", "INCORRECT")
    judge = Judge(chat)
    assert judge("How long?", "About three hours.", "Three hours [1].") is True
    assert judge("How long?", "About three hours.", "Two days.") is False
    assert "About three hours." in chat.calls[0][0]["content"]
    assert "Three hours [1]." in chat.calls[0][0]["content"]


def test_docs_name_every_metric_and_which_are_gated() -> None:
    from tests.conftest import ROOT

    text = (ROOT / "docs" / "evals.md").read_text(encoding="utf-8")
    for metric in m.METRICS:
        assert metric.name in text, metric.name
        assert (f"| {metric.name} | yes" in text) == metric.headline, metric.name


def test_a_key_phrase_in_words_is_held_by_the_same_figure_in_digits():
    # wikinews_blind37_qa cs25: "17 rockets" is the answer "Seventeen rockets struck" asks
    # for; wikinews_quiz_blind20 qt02: "6 feet 5 inches" is "six feet five inches".
    assert m.contains_key_phrase("17 rockets struck near the base.", ["Seventeen"])
    assert m.contains_key_phrase("He was 6 feet 5 inches tall.", ["six feet five inches"])
    assert m.contains_key_phrase("Seventeen rockets struck.", ["17"])
    assert not m.contains_key_phrase("There were fifteen of them.", ["650"])


def test_a_key_phrase_in_british_spelling_is_held_by_the_american_one():
    # wikinews_quiz_blind24 qx01: "18 kilometers away" is the answer "eighteen kilometres"
    # asks for.
    assert m.contains_key_phrase("The blaze was 18 kilometers away.", ["eighteen kilometres"])
    assert m.contains_key_phrase("It stood in the city centre.", ["city center"])
    assert m.contains_key_phrase("The Labor party won.", ["Labour"])
    assert not m.contains_key_phrase("The blaze was 18 miles away.", ["eighteen kilometres"])
