"""A run's files: summary.json, results.jsonl, report.md and PNG plots (matplotlib, Agg)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .gate import GateResult
from .metrics import BY_NAME, METRICS, MRR_DEPTH

WORST = 10  # questions listed in the report


@dataclass
class EvalRun:
    summary: dict[str, Any]
    results: list[dict[str, Any]]
    out: Path | None = None
    gate: GateResult | None = None
    previous: dict[str, Any] | None = field(default=None, repr=False)


def write_run(run: EvalRun) -> None:
    assert run.out is not None
    out = run.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "summary.json").write_text(json.dumps(run.summary, indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    with (out / "results.jsonl").open("w", encoding="utf-8") as handle:
        for row in run.results:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    plots = plot_metrics(run.summary, out)
    if run.previous is not None:
        plots += plot_compare(run.summary, run.previous, out)
    (out / "report.md").write_text(render_report(run.summary, run.results, run.gate, plots),
                                   encoding="utf-8")


# --- markdown ----------------------------------------------------------------------------------
def fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 100 else f"{value:,.0f}"
    return str(value)


def fmt_metric(name: str, value: Any) -> str:
    """Rates with 3 decimals; milliseconds and token counts with 1."""
    metric = BY_NAME.get(name)
    if metric is not None and not metric.rate and isinstance(value, int | float):
        return f"{value:,.1f}"
    return fmt(value)


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(fmt(c).replace("|", "\\|") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def metrics_table(summary: dict[str, Any]) -> str:
    systems = list(summary["systems"])
    ratio = summary.get("newsrag_vs_baseline")
    header = ["group", "metric", *systems] + (["newsrag / baseline"] if ratio else [])
    rows = []
    for metric in METRICS:
        values = [summary["systems"][s]["metrics"].get(metric.name) for s in systems]
        if all(v is None for v in values):
            continue
        row = [metric.group, metric.name + (" (lower is better)" if not metric.higher_is_better
                                            else ""), *[fmt_metric(metric.name, v) for v in values]]
        if ratio:
            row.append(ratio.get(metric.name))
        rows.append(row)
    return table(header, rows)


def type_table(summary: dict[str, Any], results: list[dict[str, Any]]) -> str:
    systems = list(summary["systems"])
    types = sorted({r["type"] or "-" for r in results})
    rows = []
    for kind in types:
        row: list[Any] = [kind]
        for system in systems:
            got = [r["metrics"].get("correct") for r in results
                   if r["system"] == system and (r["type"] or "-") == kind]
            known = [bool(v) for v in got if v is not None]
            row.append(f"{sum(known)}/{len(known)}" if known else "n/a")
        rows.append(row)
    return table(["type", *[f"{s} correct" for s in systems]], rows)


def diagnose(row: dict[str, Any]) -> list[str]:
    """What went wrong with one question, in words."""
    ms = row["metrics"]
    problems = []
    if row.get("error"):
        problems.append(f"error: {row['error']}")
    partial = row.get("status") == "partial"
    if row["answerable"] and partial and not ms.get("correct"):
        why = f" ({row['refusal_reason']})" if row.get("refusal_reason") else ""
        problems.append(f"partial answer without a key phrase{why}")
    elif row["answerable"] and row["refused"] and not partial:
        why = f" ({row['refusal_reason']})" if row.get("refusal_reason") else ""
        problems.append(f"refused an answerable question{why}")
    elif row["refused"] is False and not row["answerable"]:
        problems.append("answered an unanswerable question")
    elif row["answerable"] and ms.get("correct") is False:
        phrase = "" if ms.get("key_phrase") is None else ", no key phrase"
        problems.append(f"wrong answer (F1 {ms.get('token_f1') or 0:.2f}{phrase})")
    if ms.get("judge_correct") is False and ms.get("correct"):
        problems.append("the judge disagrees with the deterministic score")
    if ms.get("hit@5") is False:
        problems.append("no gold source in the first 5 chunks")
    elif ms.get("recall@k") is False:
        missing = sorted(set(row["sources"]) - set(row["retrieved"]))
        problems.append(f"gold source(s) not retrieved: {', '.join(missing)}")
    cited, verified = ms.get("citations") or 0, ms.get("citations_verified") or 0
    if verified < cited:
        problems.append(f"{cited - verified} of {cited} citations unverified")
    if ms.get("citation_precision") is not None and ms["citation_precision"] < 1:
        stray = sorted({c["source"] for c in row["citations"] or []} - set(row["sources"]))
        problems.append(f"cited non-gold file(s): {', '.join(stray)}")
    if row["citations"] == [] and row["answerable"] and row["refused"] is False:
        problems.append("no citations")
    return problems


def badness(row: dict[str, Any]) -> float:
    ms = row["metrics"]
    score = 0.0 if ms.get("correct", True) else 3.0
    score += 1.0 - (ms.get("token_f1") or 0.0) if row["answerable"] else 0.0
    score += 1.0 - (ms.get(f"mrr@{MRR_DEPTH}") if ms.get(f"mrr@{MRR_DEPTH}") is not None else 1.0)
    cited = ms.get("citations") or 0
    score += (cited - (ms.get("citations_verified") or 0)) / cited if cited else 0.0
    return score + (2.0 if row.get("error") else 0.0)


def worst_table(results: list[dict[str, Any]], system: str) -> str:
    mine = [r for r in results if r["system"] == system and diagnose(r)]
    mine.sort(key=badness, reverse=True)
    rows = []
    for row in mine[:WORST]:
        answer = (row["answer"] or "")[:160]
        rows.append([row["id"], row["type"] or "-", row["question"], answer,
                     "; ".join(diagnose(row))])
    if not rows:
        return f"No question of {system} went wrong."
    return table(["id", "type", "question", "answer", "what went wrong"], rows)


def compare_table(gate: GateResult) -> str:
    rows = []
    for d in gate.deltas:
        status = ("**FAIL**" if d.failed else "ok") if d.headline else ""
        rows.append([d.system, d.metric, fmt_metric(d.metric, d.old), fmt_metric(d.metric, d.new),
                     fmt_metric(d.metric, d.change), d.allowed, status])
    verdict = "passed" if gate.passed else "FAILED: " + ", ".join(
        f"{d.system} {d.metric}" for d in gate.failures)
    notes = "".join(f"\n- {n}" for n in gate.notes)
    return (f"Reference: `{gate.reference}`, tolerance {gate.tolerance} (a headline metric "
            f"fails when it worsens by more than max(tolerance, 1/n)).{notes}\n\n"
            + table(["system", "metric", "reference", "now", "change", "allowed drop", "gate"],
                    rows) + f"\n\nGate: **{verdict}**")


def render_report(summary: dict[str, Any], results: list[dict[str, Any]],
                  gate: GateResult | None, plots: list[str]) -> str:
    ds, models, settings = summary["dataset"], summary["models"], summary["settings"]
    parts = [
        "# Eval report",
        "",
        f"- Dataset: `{ds['path']}` ({ds['questions']} questions, {ds['answerable']} answerable; "
        f"sha256 `{ds['sha256'][:12]}`)" + (f", first {ds['limit']}" if ds.get("limit") else ""),
        f"- Corpus: `{summary.get('corpus')}`; collection `{settings['collection']}`",
        f"- Models: LLM `{models['llm']}`, embeddings `{models['embedding']}`"
        + (f", judge `{models['judge']}`" if models.get("judge") else ", no LLM judge"),
        f"- k {summary['k']}, retrieval `{settings['retrieval_mode']}` (newsrag; the baseline is "
        f"dense only), chunk size {settings['chunk_size']}, context budget "
        f"{settings['context_tokens']} tokens",
        f"- Answers correct: contains a key phrase or token F1 >= "
        f"{summary['thresholds']['token_f1']}; unanswerable questions only when refused; a "
        "partial answer (the closest passage quoted) is a refusal, correct on an answerable "
        "question only when the passage holds a key phrase",
        f"- Created {summary['created']}",
    ]
    if summary.get("retrieval_only"):
        parts.append("- Retrieval only: no answers were generated.")
    parts += ["", "## Metrics", "", metrics_table(summary)]
    if gate is not None:
        parts += ["", "## Compared with the reference", "", compare_table(gate)]
    if not summary.get("retrieval_only"):
        parts += ["", "## Correct answers by question type", "", type_table(summary, results)]
        for system in summary["systems"]:
            parts += ["", f"## Worst {WORST} questions: {system}", "", worst_table(results, system)]
    if plots:
        parts += ["", "## Plots", ""] + [f"![{p}]({p})" for p in plots]
    parts += ["", "## Metric definitions", "",
              table(["metric", "definition"], [[mt.name, mt.description] for mt in METRICS])]
    return "\n".join(parts) + "\n"


# --- plots -------------------------------------------------------------------------------------
def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _bars(ax: Any, labels: list[str], series: dict[str, list[float]]) -> None:
    width = 0.8 / max(1, len(series))
    for i, (name, values) in enumerate(series.items()):
        positions = [x + (i - (len(series) - 1) / 2) * width for x in range(len(labels))]
        ax.bar(positions, values, width, label=name)
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, rotation=45, ha="right")
    ax.legend()


def plot_metrics(summary: dict[str, Any], out: Path) -> list[str]:
    """metrics.png (rates, per system) and latency.png (milliseconds, per system)."""
    plt = _pyplot()
    systems = summary["systems"]
    written = []
    for filename, rate, title in (("metrics.png", True, "Metrics (higher is better unless noted)"),
                                  ("latency.png", False, "Latency (ms) and prompt tokens")):
        names = [mt.name for mt in METRICS if mt.rate == rate
                 and any(s["metrics"].get(mt.name) is not None for s in systems.values())]
        if not names:
            continue
        fig, ax = plt.subplots(figsize=(max(6.0, 0.6 * len(names) + 2), 4.5))
        _bars(ax, names, {name: [s["metrics"].get(n) or 0.0 for n in names]
                          for name, s in systems.items()})
        if rate:
            ax.set_ylim(0, 1.05)
        ax.set_title(title)
        fig.tight_layout()
        fig.savefig(out / filename, dpi=100)
        plt.close(fig)
        written.append(filename)
    return written


def plot_compare(summary: dict[str, Any], previous: dict[str, Any], out: Path) -> list[str]:
    """compare.png: the reference and this run side by side, one panel per common system."""
    plt = _pyplot()
    common = [s for s in summary["systems"] if s in previous["systems"]]
    if not common:
        return []
    names = [mt.name for mt in METRICS if mt.rate]
    fig, axes = plt.subplots(len(common), 1, figsize=(max(6.0, 0.6 * len(names) + 2),
                                                      4.5 * len(common)), squeeze=False)
    for ax, system in zip(axes[:, 0], common, strict=True):
        _bars(ax, names, {
            "reference": [previous["systems"][system]["metrics"].get(n) or 0.0 for n in names],
            "this run": [summary["systems"][system]["metrics"].get(n) or 0.0 for n in names],
        })
        ax.set_ylim(0, 1.05)
        ax.set_title(f"{system}: reference vs this run")
    fig.tight_layout()
    fig.savefig(out / "compare.png", dpi=100)
    plt.close(fig)
    return ["compare.png"]
