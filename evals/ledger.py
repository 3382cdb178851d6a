"""The checks' ledger over finished `rag eval` runs: for each reason newsrag set the model's
draft aside, how many of those drafts were right (a right answer lost) and how many were wrong
(a wrong answer stopped), beside the answers it gave, right and wrong.

    python -m evals.ledger RUN_DIR [RUN_DIR ...] [--examples TEXT] [--out FILE]

A run directory holds `results.jsonl` and `summary.json` (as `rag eval --out` writes them, or
`benchmarks.release_evals`' `SET-current` folders); the dataset is read from the path its
summary names, for its key phrases. A draft (`Answer.draft`, the model's reply the checks
refused) counts as right when the question is answerable and the draft holds a key phrase,
as the eval scores an answer; any draft to a near miss is wrong. Runs made before drafts were
recorded are skipped with a note.

Reasons are grouped by their wording, with what names one case taken out (quoted words,
names, figures): "the question names the name "Dubai"; the evidence cited does not" and the
same for "Khurais" are one check. A check pays where it stops more wrong drafts than it
loses right ones, and the headline (the wrong share of answered questions) weighs a stopped
wrong answer against a lost right one about as `wrong / answered` does: read the ledger over
many sets, since one set holds a handful of each, and over sets the checks were not written
against before trusting a column (docs/evals.md).

Imports: rag (nothing), its own modules (dataset, metrics, report).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .dataset import Item, load_dataset
from .metrics import answer_metrics
from .report import table

ANSWERED = "(answered)"


@dataclass(frozen=True)
class Row:
    """One question of a run: its verdict class and whether the draft (or answer) was right."""

    run: str
    id: str
    question: str
    answerable: bool
    check: str  # ANSWERED, or the refusal code and the reason's wording (`reason_class`)
    right: bool  # the answer given, or the draft set aside, is right
    draft: str


def reason_class(code: str | None, reason: str | None) -> str:
    """The check a refusal came from: its code and its reason with the case's own words taken
    out ("the question names the name "Dubai"; ..." -> 'the question names the name "…"; ...')."""
    text = reason or ""
    text = re.sub(r"[\"“][^\"”]*[\"”]", "\"…\"", text)
    text = re.sub(r"\(the model's P\(yes\) [\d.]+\)", "(P(yes))", text)
    text = re.sub(r"\bthe figure [^;]+? counts", "the figure … counts", text)
    text = re.sub(r"\b\d[\d,.]*\b", "9", text)
    # "how many ballots", "names no judge": the noun counted or named is the case's
    text = re.sub(r"\b(how many|names no|counts)( [a-z-]+)+", r"\1 …", text)
    # names: a run of capitalised words not opening the reason
    text = re.sub(r"(?<=\w )(?:[A-Z][\w'’.-]*)(?: [A-Z][\w'’.-]*)*", "N", text)
    return f"{code}: {text}" if text else str(code)


def _right(text: str, item: Item) -> bool:
    return item.answerable and bool(answer_metrics(
        text, False, item.answer, True, item.key_phrases)["correct"])


def read_run(run_dir: Path) -> tuple[list[Row], str | None]:
    """The rows of one run directory, or none and why it was skipped."""
    try:
        summary = json.loads((run_dir / "summary.json").read_text(encoding="utf-8"))
        dataset = load_dataset(summary["dataset"]["path"])
        lines = (run_dir / "results.jsonl").read_text(encoding="utf-8").splitlines()
    except (OSError, KeyError, ValueError) as exc:
        return [], f"{run_dir}: not a finished run ({exc})"
    items = {item.id: item for item in dataset.items}
    results = [json.loads(line) for line in lines if line.strip()]
    results = [r for r in results if r.get("system", "newsrag") == "newsrag" and r["id"] in items]
    if any(r.get("status") != "answered" and "draft" not in r for r in results):
        return [], f"{run_dir}: made before drafts were recorded"
    rows = []
    for r in results:
        item = items[r["id"]]
        answered = r.get("status") == "answered"
        draft = (r.get("answer") if answered else r.get("draft")) or ""
        check = ANSWERED if answered else reason_class(r.get("refusal_code"),
                                                       r.get("refusal_reason"))
        rows.append(Row(str(run_dir), r["id"], r["question"], item.answerable, check,
                        bool(draft) and _right(draft, item), draft))
    return rows, None


@dataclass(frozen=True)
class Tally:
    right: int = 0  # right drafts (a right answer lost), or right answers given
    wrong_answerable: int = 0  # wrong drafts to answerable questions
    wrong_near_miss: int = 0  # drafts to near misses (all wrong)

    @property
    def wrong(self) -> int:
        return self.wrong_answerable + self.wrong_near_miss


def ledger(rows: Iterable[Row]) -> dict[str, Tally]:
    """Each check's tally, the answers given first, then the checks by how often they fire."""
    counts: Counter[tuple[str, str]] = Counter()
    for row in rows:
        kind = "right" if row.right else ("wrong_answerable" if row.answerable
                                          else "wrong_near_miss")
        counts[(row.check, kind)] += 1
    checks = sorted({check for check, _ in counts},
                    key=lambda c: (c != ANSWERED, -sum(n for (k, _), n in counts.items()
                                                       if k == c), c))
    return {c: Tally(counts[(c, "right")], counts[(c, "wrong_answerable")],
                     counts[(c, "wrong_near_miss")]) for c in checks}


def render(tallies: dict[str, Tally]) -> str:
    rows = [[check, t.right, t.wrong_answerable, t.wrong_near_miss, t.wrong - t.right
             if check != ANSWERED else ""] for check, t in tallies.items()]
    return table(["check (refusal code: reason)", "right drafts", "wrong drafts (answerable)",
                  "wrong drafts (near misses)", "stopped minus lost"], rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.ledger", description=__doc__.split(
        "\n\n")[0])
    parser.add_argument("runs", nargs="+", type=Path, help="run directories")
    parser.add_argument("--examples", help="also list the questions of checks whose wording "
                        "holds this text")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    for run_dir in args.runs:
        if not run_dir.is_dir():
            continue  # a run's log beside it, from a shell glob
        got, skipped = read_run(run_dir)
        if skipped:
            print(f"skipped {skipped}")
        rows += got
    if not rows:
        print("no rows: pass run directories made with drafts recorded")
        return 2
    text = render(ledger(rows))
    print(f"{len(rows)} questions from {len({r.run for r in rows})} runs\n\n{text}")
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    if args.examples:
        for row in rows:
            if args.examples in row.check:
                verdict = "right" if row.right else "wrong"
                print(f"\n{row.id} ({verdict} draft) {row.check}\n  Q: {row.question}\n"
                      f"  D: {row.draft[:300]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
