"""newsrag's eval harness: datasets, metrics, the LlamaIndex baseline, reports and the gate.

    from evals import run_eval
    run = run_eval("evals/datasets/seeds_smoke.jsonl", out="runs/smoke", systems=["newsrag"])

The CLI is `rag eval` (see docs/evals.md), which this package adds to `rag` through the
`newsrag.commands` entry point (evals/cli.py); `python -m evals.gate NEW REFERENCE` is the gate
alone, `python -m evals.fallback_sweep` sweeps the closest-passage thresholds over a run, and
`python -m evals.ledger RUN...` tallies, per check, the right drafts it refused and the wrong
ones it stopped.

Imports: rag and its own modules; rag never imports evals (tests/test_layout.py checks it).
"""

from __future__ import annotations

from .dataset import Dataset, DatasetError, Item, load_dataset
from .gate import DEFAULT_TOLERANCE, EXIT_REGRESSION, GateResult, compare, load_summary
from .runner import EvalRun, run_eval

__all__ = [
    "DEFAULT_TOLERANCE", "EXIT_REGRESSION", "Dataset", "DatasetError", "EvalRun", "GateResult",
    "Item", "compare", "load_dataset", "load_summary", "run_eval",
]
