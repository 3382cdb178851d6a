"""`rag eval`, added to the CLI through the `newsrag.commands` entry point (see
pyproject.toml): the harness depends on rag, never the reverse.

Imports: rag.cli (its shared options and error handling) and this package's modules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from rag.cli import Collection, DataDir, K, err, handle_errors, make_assistant, out


def register(app: typer.Typer) -> None:
    app.command("eval")(handle_errors(eval_))


def eval_(
    dataset: Annotated[Path, typer.Option("--dataset", help="Questions (JSONL), see "
                                          "evals/datasets/README.md.")],
    out_dir: Annotated[Path | None, typer.Option(
        "--out", help="Run directory (default: evals/runs/DATASET-TIME).")] = None,
    system: Annotated[str, typer.Option(help="newsrag, baseline (plain LlamaIndex) or both.")]
    = "newsrag",
    k: K = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N questions.")] = None,
    compare: Annotated[Path | None, typer.Option(
        help="Reference run directory or summary.json: print deltas and exit 3 when a "
        "headline metric drops by more than the tolerance.")] = None,
    tolerance: Annotated[float | None, typer.Option(help="Gate tolerance (default 0.15).")] = None,
    corpus: Annotated[Path, typer.Option(help="Articles the dataset is about.")] = Path("seeds"),
    mode: Annotated[str | None, typer.Option(help="hybrid, dense or bm25 [RAG_RETRIEVAL_MODE].")]
    = None,
    chunk_size: Annotated[int | None, typer.Option(help="Tokens per chunk [RAG_CHUNK_SIZE].")]
    = None,
    retrieval_only: Annotated[bool, typer.Option(
        "--retrieval-only", help="Score retrieval only; no LLM.")] = False,
    sweep: Annotated[bool, typer.Option(
        "--sweep", help="Ablations: dense/BM25/hybrid x 2 chunk sizes x 2 k values, one table.")]
    = False,
    judge_model: Annotated[str | None, typer.Option(
        envvar="RAG_JUDGE_MODEL", help="LLM judge model on an OpenAI-compatible server.")] = None,
    judge_base_url: Annotated[str | None, typer.Option(
        envvar="RAG_JUDGE_BASE_URL", help="Judge server (default: OPENAI_BASE_URL).")] = None,
    judge_api_key: Annotated[str | None, typer.Option(
        envvar="RAG_JUDGE_API_KEY", help="Judge API key (default: OPENAI_API_KEY).",
        show_default=False)] = None,
    replay: Annotated[Path | None, typer.Option(
        help="Recorded model replies (JSONL): a prompt seen before is answered from it, a new "
        "one by the model and added; for re-scoring changed checks without the model.")]
    = None,
    data_dir: DataDir = None, collection: Collection = None,
) -> None:
    """Score answers, retrieval, refusals, citations and latency on a question set."""
    import datetime as dt

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from evals import gate as eval_gate
    from evals.dataset import load_dataset
    from evals.judge import make_judge
    from evals.runner import run_eval
    from evals.sweep import sweep as run_sweep

    systems = {"newsrag": ["newsrag"], "baseline": ["baseline"],
               "both": ["newsrag", "baseline"]}.get(system)
    if systems is None:
        err.print(f"error: --system must be newsrag, baseline or both, not {system!r}")
        raise typer.Exit(2)
    if sweep and compare:
        err.print("error: --sweep and --compare cannot be combined")
        raise typer.Exit(2)
    data = load_dataset(dataset)  # a malformed dataset stops here, before any work
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out_dir = out_dir or Path("evals/runs") / f"{dataset.stem}{'-sweep' if sweep else ''}-{stamp}"
    settings: dict[str, Any] = dict(data_dir=data_dir, collection=collection,
                                    retrieval_mode=mode, chunk_size=chunk_size)
    make_assistant(**settings)  # invalid settings: a usage error (2) before any work
    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=err, transient=True) as bar:
        task = bar.add_task("starting", total=None)

        def progress(done: int, total: int, what: str) -> None:
            bar.update(task, completed=done, total=total, description=what)
            if not err.is_terminal and done and (done % 10 == 0 or done == total):
                err.print(f"{done}/{total} {what}")  # a log line where no bar is drawn

        if sweep:
            run_sweep(data, out_dir, limit=limit, corpus=corpus, retrieval_only=retrieval_only,
                      progress=progress, **settings)
            bar.stop()
            out.print((out_dir / "sweep.md").read_text(encoding="utf-8"), markup=False)
            return
        judge = make_judge(judge_model, judge_base_url, judge_api_key) if judge_model else None
        run = run_eval(data, out=out_dir, systems=systems,  # type: ignore[arg-type]
                       k=k, limit=limit, corpus=corpus, retrieval_only=retrieval_only,
                       judge=judge, compare_to=compare, progress=progress, replay=replay,
                       tolerance=eval_gate.DEFAULT_TOLERANCE if tolerance is None else tolerance,
                       **settings)
    from evals.report import metrics_table

    out.print(metrics_table(run.summary), markup=False)
    out.print(f"\nreport: {out_dir / 'report.md'}", markup=False)
    if run.gate is not None:
        out.print(eval_gate.format_deltas(run.gate, headline_only=True), markup=False)
        if not run.gate.passed:
            raise typer.Exit(eval_gate.EXIT_REGRESSION)
