"""The checks' ledger (`python -m evals.ledger`): what each refusal reason cost in right
answers and saved in wrong ones, read from a finished run's drafts."""

from __future__ import annotations

import json
from pathlib import Path

from evals.ledger import ANSWERED, ledger, main, read_run, reason_class

NAME_REASON = 'the question names the name "{}"; the evidence cited does not'


def _run(tmp_path: Path, results: list[dict[str, object]]) -> Path:
    """A run directory as `rag eval --out` writes it, over a three-question dataset."""
    dataset = tmp_path / "set.jsonl"
    items = [
        {"id": "a1", "question": "How many crew were aboard the Conception?",
         "answer": "Six crew members.", "answerable": True, "sources": ["a.txt"],
         "key_phrases": ["six crew members"]},
        {"id": "a2", "question": "Which journalist spoke after the Khurais strike?",
         "answer": "Jonathan Marcus.", "answerable": True, "sources": ["b.txt"],
         "key_phrases": ["Jonathan Marcus"]},
        {"id": "n1", "question": "Which agency investigated the Dubai flight?",
         "answer": "", "answerable": False, "sources": []},
    ]
    dataset.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    run = tmp_path / "run"
    run.mkdir()
    (run / "summary.json").write_text(json.dumps({"dataset": {"path": str(dataset)}}))
    (run / "results.jsonl").write_text("".join(json.dumps(r) + "\n" for r in results))
    return run


def _row(id_: str, status: str, answer: str, draft: str | None = None,
         code: str | None = None, reason: str | None = None) -> dict[str, object]:
    return {"system": "newsrag", "id": id_, "question": "q", "status": status,
            "answer": answer, "draft": draft, "refusal_code": code, "refusal_reason": reason}


def test_each_check_is_charged_with_the_right_drafts_it_refused_and_credited_with_the_wrong(
        tmp_path: Path) -> None:
    run = _run(tmp_path, [
        _row("a1", "answered", "There were six crew members aboard [1]."),
        _row("a2", "refused", "The sources do not say.", "Jonathan Marcus said so [1].",
             "unmet_constraint", NAME_REASON.format("Khurais")),
        _row("n1", "partial", "Closest passage: ...", "The NDRF investigated it [1].",
             "unmet_constraint", NAME_REASON.format("Dubai")),
    ])
    rows, skipped = read_run(run)
    assert skipped is None
    tallies = ledger(rows)
    # one check, whatever name it missed: a right answer lost, a near miss's answer stopped
    name_check = 'unmet_constraint: the question names the name "…"; the evidence cited does not'
    assert list(tallies) == [ANSWERED, name_check]
    assert (tallies[ANSWERED].right, tallies[ANSWERED].wrong) == (1, 0)
    assert (tallies[name_check].right, tallies[name_check].wrong_near_miss) == (1, 1)


def test_a_run_made_before_drafts_were_recorded_is_skipped_not_miscounted(
        tmp_path: Path, capsys) -> None:
    refused = _row("a2", "refused", "The sources do not say.", code="unsupported",
                   reason="no sentence of the answer is supported by the sources")
    del refused["draft"]
    run = _run(tmp_path, [refused])
    assert read_run(run)[0] == []
    assert main([str(run)]) == 2
    assert "made before drafts were recorded" in capsys.readouterr().out


def test_reasons_are_grouped_without_the_words_of_their_case() -> None:
    assert reason_class("does_not_answer", "the question asks how many rooms; the figure 120 "
                        "counts people") == reason_class(
        "does_not_answer", "the question asks how many ballots; the figure six counts votes")
    assert reason_class("unmet_constraint", "the question asks for what Boris Johnson said; "
                        "the evidence cited is someone else's words, or no one's") == (
        "unmet_constraint: the question asks for what N said; the evidence cited is someone "
        "else's words, or no one's")
    # the kind asked is the check's own, not the case's
    assert reason_class("does_not_answer", "the question asks for a duration; the evidence "
                        "cited gives none") != reason_class(
        "does_not_answer", "the question asks for a time; the evidence cited gives none")
