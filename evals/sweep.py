"""Ablations: newsrag over a grid of retrieval modes, chunk sizes and k, in one table.

    rag eval --sweep --dataset evals/datasets/seeds_qa.jsonl --out runs/sweep [--limit 30]

Each configuration is a full run (in OUT/<name>/); each chunk size has its own collection, and
the configurations share one loaded LLM. `--retrieval-only` skips the LLM and is quick.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dataset import Dataset, load_dataset
from .report import fmt_metric, table
from .runner import EvalRun, Progress, run_eval

MODES = ("dense", "bm25", "hybrid")
CHUNK_SIZES = (96, 192)
KS = (5, 10)
COLUMNS = ("hit@1", "hit@5", "mrr@10", "recall@k", "correct", "refusal_recall",
           "false_refusal_rate", "citations_verified", "retrieval_ms_p50", "total_ms_p50")


@dataclass(frozen=True)
class Config:
    mode: str
    chunk_size: int
    k: int

    @property
    def name(self) -> str:
        return f"{self.mode}-c{self.chunk_size}-k{self.k}"


def grid(modes: Sequence[str] = MODES, chunk_sizes: Sequence[int] = CHUNK_SIZES,
         ks: Sequence[int] = KS) -> list[Config]:
    return [Config(mode, size, k) for size, k, mode in itertools.product(chunk_sizes, ks, modes)]


def sweep(dataset: str | Path | Dataset, out: str | Path, configs: Sequence[Config] | None = None,
          limit: int | None = None, corpus: str | Path = "seeds", retrieval_only: bool = False,
          progress: Progress | None = None, llm: Any = None,
          **settings: Any) -> list[tuple[Config, EvalRun]]:
    """Run every configuration; write OUT/sweep.md and OUT/sweep.json.

    `llm` is a loaded chat model to share; by default one is made from the settings."""
    data = dataset if isinstance(dataset, Dataset) else load_dataset(dataset)
    configs = list(configs or grid())
    out = Path(out)
    if retrieval_only:
        llm = None
    elif llm is None:
        from rag.models.llm import make_chat_model
        from rag.settings import get_settings

        llm = make_chat_model(get_settings(**settings))  # loaded once, shared by every config
    runs = []
    for number, config in enumerate(configs, start=1):
        def step(done: int, total: int, what: str, config: Config = config,
                 number: int = number) -> None:
            if progress:
                progress(done, total, f"[{number}/{len(configs)}] {config.name} {what}")

        run = run_eval(data, out=out / config.name, k=config.k, limit=limit, corpus=corpus,
                       retrieval_only=retrieval_only, llm=llm, progress=step,
                       **{**settings, "retrieval_mode": config.mode,
                          "chunk_size": config.chunk_size})
        runs.append((config, run))
    write_sweep(runs, out, retrieval_only)
    return runs


def sweep_table(runs: Sequence[tuple[Config, EvalRun]], retrieval_only: bool = False) -> str:
    columns = [c for c in COLUMNS if not retrieval_only or c.startswith(("hit", "mrr", "recall",
                                                                         "retrieval"))]
    rows = []
    for config, run in runs:
        values = run.summary["systems"]["newsrag"]["metrics"]
        rows.append([config.mode, config.chunk_size, config.k,
                     *[fmt_metric(c, values.get(c)) for c in columns]])
    return table(["mode", "chunk size", "k", *columns], rows)


def write_sweep(runs: Sequence[tuple[Config, EvalRun]], out: Path, retrieval_only: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    first = runs[0][1].summary if runs else {}
    ds = first.get("dataset", {})
    head = (f"# Sweep\n\nDataset `{ds.get('path')}` ({ds.get('questions')} questions, sha256 "
            f"`{str(ds.get('sha256'))[:12]}`), LLM `{first.get('models', {}).get('llm')}`"
            + (", retrieval only" if retrieval_only else "") + ".\n\n")
    (out / "sweep.md").write_text(head + sweep_table(runs, retrieval_only) + "\n", encoding="utf-8")
    payload = [{"mode": c.mode, "chunk_size": c.chunk_size, "k": c.k,
                "metrics": r.summary["systems"]["newsrag"]["metrics"]} for c, r in runs]
    (out / "sweep.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
