"""The closest-passage fallback's thresholds (`rag.answer.fallback.MIN_SHARED`, `MIN_COVER`)
swept offline over a finished `rag eval` run.

    python -m evals.fallback_sweep --dataset D --run RUN_DIR [--data-dir X] [--collection C]

The fallback reads only the question and the evidence shown to the model, never the model's
reply, so no LLM is needed: for every question the run refused (status `refused` or
`partial`), the evidence is rebuilt by `Assistant.evidence` (the answer path's own stages, on
the index and settings the run used) and `closest_passage` is asked at each point of a grid.
Questions refused before the model was asked (no evidence, or a period after the archive's
newest article) are left out, as the fallback never sees them.

Per point: of the answerable questions refused, how many get a passage and how many of those
passages hold a key phrase (the eval counts such a partial correct); of the near misses
refused, how many get a passage (shown as "the articles do not answer this directly", never
counted as an answer, but one more passage for the reader to dismiss).
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rag.answer.fallback import MIN_COVER, MIN_SHARED, closest_passage
from rag.assistant import Assistant, make_filters
from rag.settings import get_settings

from .dataset import load_dataset
from .metrics import contains_key_phrase
from .report import table

SHARED = (1, 2, 3)
COVER = (0.3, 0.4, 0.5, 0.6, 0.7)


def sweep(dataset: Path, run_dir: Path, assistant: Assistant,
          shared: Sequence[int] = SHARED, cover: Sequence[float] = COVER) -> list[dict[str, Any]]:
    """One row per (min_shared, min_cover): counts over the run's refused questions."""
    items = {item.id: item for item in load_dataset(dataset).items}
    with (run_dir / "results.jsonl").open() as lines:
        refused = [row for row in map(json.loads, lines)
                   if row.get("status") in ("refused", "partial")]
    cases = []
    for row in refused:
        item = items[row["id"]]
        found = assistant.evidence(item.question, filters=make_filters(as_of=item.as_of))
        if found.sources and not found.uncovered:
            cases.append((item, found))
    rows = []
    for min_shared, min_cover in itertools.product(shared, cover):
        counts = {"answerable": 0, "answerable_passage": 0, "passage_holds_answer": 0,
                  "near_misses": 0, "near_miss_passage": 0}
        for item, found in cases:
            passage = closest_passage(item.question, found.sources, found.constraints,
                                      min_shared, min_cover)
            if item.answerable:
                counts["answerable"] += 1
                if passage is not None:
                    counts["answerable_passage"] += 1
                    counts["passage_holds_answer"] += contains_key_phrase(
                        passage.quote, item.key_phrases or ())
            else:
                counts["near_misses"] += 1
                counts["near_miss_passage"] += passage is not None
        default = (min_shared, min_cover) == (MIN_SHARED, MIN_COVER)
        rows.append({"min_shared": min_shared, "min_cover": min_cover, "default": default,
                     **counts})
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--run", type=Path, required=True, help="a `rag eval` run directory")
    parser.add_argument("--data-dir", type=Path, help="the index the run used [RAG_DATA_DIR]")
    parser.add_argument("--collection", help="its collection [RAG_COLLECTION]")
    parser.add_argument("--out", type=Path, help="write the rows as JSON here too")
    args = parser.parse_args(argv)
    overrides: dict[str, Any] = {}
    if args.data_dir:
        overrides["data_dir"] = args.data_dir
    if args.collection:
        overrides["collection"] = args.collection
    rows = sweep(args.dataset, args.run, Assistant(get_settings(**overrides)))
    header = ["min_shared", "min_cover", "answerable refused", "answerable given a passage",
              "passage holds the answer", "near misses refused", "near misses given a passage"]
    print(table(header, [[f"{r['min_shared']}{' (default)' if r['default'] else ''}",
                          r["min_cover"], r["answerable"], r["answerable_passage"],
                          r["passage_holds_answer"], r["near_misses"],
                          r["near_miss_passage"]] for r in rows]))
    if args.out:
        args.out.write_text(json.dumps({"dataset": str(args.dataset), "run": str(args.run),
                                        "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
