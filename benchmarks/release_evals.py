"""Answer quality of this checkout against a previous release, on the same question sets, in
one run: `rag eval` of each, then one table of the figures issue 15 asks for.

    python -m benchmarks.release_evals --ref cad652f --out DIR DATASET.jsonl ...

The previous release is a git worktree of REF, imported instead of this checkout (PYTHONPATH
first, run from outside the checkout). Both evaluate the Wikinews corpus in their own eval
collection of one data dir: the previous release's (its chunking, 96/24) is built first by this
checkout's faster ingest, with the same chunking key, so the previous release finds it complete
and embeds nothing (vectors agree with its own engine's to cosine >= 0.99).

Figures per system and set: correct on answerable questions, refusal recall on near misses,
the share of answered questions that are wrong (answered = neither refused nor partial), and
the partial rate. Scored from each run's results.jsonl by this script, with one rule for both:
an answer is correct when it contains a key phrase (evals.metrics); a partial counts as not
answered.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from .common import ROOT, WIKINEWS, worktree

CORPUS = WIKINEWS
PYTHON = sys.executable


def rag_eval(code: Path, dataset: Path, out: Path, data_dir: Path, *extra: str,
             env: dict[str, str] | None = None) -> None:
    """`rag eval` of the release at `code` (run outside the checkout so that it is the one
    imported)."""
    child_env = {k: v for k, v in os.environ.items()
                 if not k.startswith("RAG_") and k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
    child_env.update(PYTHONPATH=str(code), HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
                     **(env or {}))
    cmd = [PYTHON, "-c", "import sys; from rag.cli import app; sys.argv[0] = 'rag'; app()",
           "eval", "--dataset", str(dataset), "--corpus", str(CORPUS), "--out", str(out),
           "--data-dir", str(data_dir), *extra]
    done = subprocess.run(cmd, env=child_env, cwd="/", capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"rag eval failed for {code}: {done.stderr[-3000:]}")


def score(run: Path, dataset: Path) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT))
    from evals.metrics import answer_metrics

    gold = {row["id"]: row for row in map(json.loads, dataset.read_text().splitlines()) if row}
    rows = [json.loads(line) for line in (run / "results.jsonl").read_text().splitlines()
            if line.strip()]
    rows = [r for r in rows if r.get("system", "newsrag") == "newsrag"]
    out = {"questions": len(rows), "answerable": 0, "correct_answerable": 0,
           "near_misses": 0, "refused_near_misses": 0, "answered": 0, "answered_wrong": 0,
           "partial": 0}
    for row in rows:
        item = gold[row["id"]]
        status = row.get("status") or ("refused" if row["refused"] else "answered")
        answered = status == "answered"
        correct = answered and answer_metrics(row["answer"], False, item["answer"], True,
                                              item.get("key_phrases", []))["correct"]
        out["partial"] += status == "partial"
        if item["answerable"]:
            out["answerable"] += 1
            out["correct_answerable"] += bool(correct)
        else:
            out["near_misses"] += 1
            out["refused_near_misses"] += not answered
        if answered:
            out["answered"] += 1
            out["answered_wrong"] += not (item["answerable"] and correct)
    return {
        **out,
        "correct_on_answerable": round(out["correct_answerable"] / max(out["answerable"], 1), 3),
        "refusal_recall": round(out["refused_near_misses"] / max(out["near_misses"], 1), 3),
        "wrong_share_of_answered": round(out["answered_wrong"] / max(out["answered"], 1), 3),
        "partial_rate": round(out["partial"] / max(out["questions"], 1), 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", nargs="+", type=Path)
    parser.add_argument("--ref", required=True, help="the previous release (a git ref)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--data-dir", type=Path, help="shared eval data dir [OUT/data]")
    parser.add_argument("--record", action="store_true",
                        help="record this checkout's model replies (OUT/SET-replies.jsonl), so "
                        "that its checks can be re-scored later without the model "
                        "(`rag eval --replay`)")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    data_dir = (args.data_dir or out / "data").resolve()
    previous = worktree(args.ref, out)
    first = args.datasets[0].resolve()
    # The previous release's collection, built by this checkout (its chunking key).
    rag_eval(ROOT, first, out / "prebuild", data_dir, "--retrieval-only", "--limit", "1",
             env={"RAG_CHUNK_SIZE": "96", "RAG_CHUNK_OVERLAP": "24"})
    table: dict[str, Any] = {"previous": args.ref, "sets": {}}
    for dataset in (d.resolve() for d in args.datasets):
        figures = {}
        for name, code in (("previous", previous), ("current", ROOT)):
            run = out / f"{dataset.stem}-{name}"
            replay = (["--replay", str(out / f"{dataset.stem}-replies.jsonl")]
                      if args.record and name == "current" else [])
            rag_eval(code, dataset, run, data_dir, *replay)
            figures[name] = score(run, dataset)
        table["sets"][dataset.name] = figures
        print(json.dumps({dataset.name: {k: {m: v[m] for m in (
            "correct_on_answerable", "refusal_recall", "wrong_share_of_answered",
            "partial_rate")} for k, v in figures.items()}}), flush=True)
    (out / "summary.json").write_text(json.dumps(table, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
