"""The regression gate: compare a run's summary with a reference summary.

A headline metric (see `evals.metrics.METRICS`) fails the gate when it gets worse by more than
the tolerance: max(--tolerance, 1/n), where n is the number of questions behind the metric, so
that one question changing its outcome on a small set never fails the gate by itself, while two
do. A headline metric the reference has and the new run lacks fails too. Latency is reported,
never gated (it depends on the machine).

    python -m evals.gate NEW_RUN_DIR_OR_SUMMARY REFERENCE [--tolerance 0.15]

exits 0 when the gate passes, 3 (EXIT_REGRESSION) when a headline metric dropped, and 1 when a
summary cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.errors import InvalidInput, RagError

from .metrics import METRICS

DEFAULT_TOLERANCE = 0.15
EXIT_REGRESSION = 3
EPSILON = 1e-4  # metrics are rounded to 4 decimals: one flip of n must not fail by rounding


@dataclass(frozen=True)
class Delta:
    system: str
    metric: str
    old: float | None
    new: float | None
    headline: bool
    allowed: float | None = None  # the largest drop the gate accepts (headline metrics only)
    failed: bool = False

    @property
    def change(self) -> float | None:
        return None if self.old is None or self.new is None else round(self.new - self.old, 4)


@dataclass
class GateResult:
    reference: str
    tolerance: float
    deltas: list[Delta] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def failures(self) -> list[Delta]:
        return [d for d in self.deltas if d.failed]

    @property
    def passed(self) -> bool:
        return not self.failures


def load_summary(path: str | Path) -> dict[str, Any]:
    """A run's summary.json, given the run's directory or the file itself."""
    path = Path(path)
    file = path / "summary.json" if path.is_dir() else path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InvalidInput(f"cannot read summary {file}: {exc.strerror or exc}",
                           "pass a run directory of `rag eval` or its summary.json") from exc
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"summary {file} is not valid JSON ({exc.msg})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("systems"), dict):
        raise InvalidInput(f"{file} is not an eval summary (it has no 'systems')")
    return data


def compare(new: dict[str, Any], old: dict[str, Any], tolerance: float = DEFAULT_TOLERANCE,
            reference: str = "reference") -> GateResult:
    result = GateResult(reference=reference, tolerance=tolerance)
    common = [name for name in new["systems"] if name in old["systems"]]
    if not common:
        raise InvalidInput(f"the run has systems {sorted(new['systems'])} and the reference "
                           f"{sorted(old['systems'])}: none in common")
    for name in sorted(set(old["systems"]) - set(new["systems"])):
        result.notes.append(f"system {name!r} is in the reference only; not compared")
    if new.get("dataset", {}).get("sha256") != old.get("dataset", {}).get("sha256"):
        result.notes.append("the datasets differ (sha256); deltas compare different questions")
    for name in common:
        new_sys, old_sys = new["systems"][name], old["systems"][name]
        for metric in METRICS:
            before = old_sys["metrics"].get(metric.name)
            after = new_sys["metrics"].get(metric.name)
            if before is None and after is None:
                continue
            if not metric.headline or before is None:
                result.deltas.append(Delta(name, metric.name, before, after, metric.headline))
                continue
            counts = [c for c in (old_sys.get("counts", {}).get(metric.name),
                                  new_sys.get("counts", {}).get(metric.name)) if c]
            allowed = max(tolerance, 1 / min(counts)) if counts else tolerance
            if after is None:
                failed = True
            else:
                drop = before - after if metric.higher_is_better else after - before
                failed = drop > allowed + EPSILON
            result.deltas.append(Delta(name, metric.name, before, after, True,
                                       round(allowed, 4), failed))
    return result


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}" if abs(value) < 100 else f"{value:.0f}"


def format_deltas(result: GateResult, headline_only: bool = False) -> str:
    """A plain-text table of the deltas and the verdict."""
    lines = [f"compared with {result.reference} (tolerance {result.tolerance})"]
    lines += [f"note: {note}" for note in result.notes]
    lines.append(f"{'system':<9} {'metric':<20} {'reference':>10} {'now':>10} {'change':>8}  gate")
    for d in result.deltas:
        if headline_only and not d.headline:
            continue
        status = ("FAIL" if d.failed else "ok") if d.headline else ""
        if d.failed and d.new is None:
            status = "FAIL (missing)"
        change = d.change
        shown = "-" if change is None else f"{change:+.3f}" if abs(change) < 100 else (
            f"{change:+.0f}")
        lines.append(f"{d.system:<9} {d.metric:<20} {_fmt(d.old):>10} {_fmt(d.new):>10} "
                     f"{shown:>8}  {status}")
    if result.passed:
        lines.append("gate: passed")
    else:
        names = ", ".join(f"{d.system} {d.metric}" for d in result.failures)
        lines.append(f"gate: FAILED ({names})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.gate",
                                     description="Compare a run with a reference summary.")
    parser.add_argument("new", help="the new run's directory or summary.json")
    parser.add_argument("reference", help="the reference run's directory or summary.json")
    parser.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE)
    args = parser.parse_args(argv)
    try:
        result = compare(load_summary(args.new), load_summary(args.reference), args.tolerance,
                         reference=args.reference)
    except RagError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(format_deltas(result))
    return 0 if result.passed else EXIT_REGRESSION


if __name__ == "__main__":
    sys.exit(main())
