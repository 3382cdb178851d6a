"""The `rag` command: parses flags, calls `Assistant`, prints. Nothing else lives here.

Domain errors (rag.errors) become a one-line message on stderr and exit code 1; bad usage is
typer's exit code 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from .errors import RagError

app = typer.Typer(
    help="Ask questions about a collection of news articles; every answer cites its sources.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])

DataDir = Annotated[Path | None, typer.Option(
    "--data-dir", help="Index directory [RAG_DATA_DIR].")]
ChromaUrl = Annotated[str | None, typer.Option(
    "--chroma-url", help="Chroma server URL, e.g. http://127.0.0.1:8000 [RAG_CHROMA_URL].")]
Collection = Annotated[str | None, typer.Option(
    "--collection", help="Collection [RAG_COLLECTION].")]
K = Annotated[int | None, typer.Option(
    "--k", "-k", min=1, max=50, help="Chunks to retrieve [RAG_K].")]
Json = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]


def handle_errors(func: F) -> F:
    """Translate domain errors into a one-line message and exit code 1."""
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RagError as exc:
            err.print(f"[bold red]error:[/] {exc.message}", markup=True)
            if exc.hint:
                err.print(f"  hint: {exc.hint}", markup=False)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err.print("interrupted")
            raise typer.Exit(130) from None
    return wrapper  # type: ignore[return-value]


def make_assistant(**overrides: Any) -> Any:
    from .assistant import Assistant
    from .settings import get_settings

    try:
        settings = get_settings(**overrides)
    except ValueError as exc:  # pydantic's ValidationError
        err.print(f"error: invalid settings: {exc}")
        raise typer.Exit(2) from None
    return Assistant(settings)


@app.command()
@handle_errors
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Files or folders [default: seeds/].")] = None,
    prune: Annotated[bool, typer.Option(help="Remove articles whose files are gone.")] = False,
    data_dir: DataDir = None, chroma_url: ChromaUrl = None, collection: Collection = None,
    chunk_size: Annotated[int | None, typer.Option(
        help="Tokens per chunk [RAG_CHUNK_SIZE].")] = None,
    chunk_overlap: Annotated[int | None, typer.Option(help="Overlap [RAG_CHUNK_OVERLAP].")] = None,
    json_out: Json = False,
) -> None:
    """Index articles (.txt, .md, .html, .jsonl); unchanged files are skipped."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    assistant = make_assistant(data_dir=data_dir, chroma_url=chroma_url, collection=collection,
                               chunk_size=chunk_size, chunk_overlap=chunk_overlap)
    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=err, transient=True) as bar:
        task = bar.add_task("embedding chunks", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        report = assistant.ingest(paths or [Path("seeds")], prune=prune, progress=progress)
    for failure in report.failed:
        err.print(f"error: {failure}")
    if json_out:
        out.print_json(report.model_dump_json())
    else:
        out.print(report.summary())
    if report.failed:
        raise typer.Exit(1)


@app.command()
@handle_errors
def search(
    question: Annotated[str, typer.Argument(help="What to look for.")],
    k: K = None, json_out: Json = False,
    mode: Annotated[str | None, typer.Option(
        help="hybrid, dense or bm25 [RAG_RETRIEVAL_MODE].")] = None,
    data_dir: DataDir = None, chroma_url: ChromaUrl = None, collection: Collection = None,
) -> None:
    """Show the chunks retrieved for a question (no LLM involved)."""
    assistant = make_assistant(data_dir=data_dir, chroma_url=chroma_url, collection=collection,
                               retrieval_mode=mode)
    result = assistant.search(question, k=k)
    if json_out:
        payload = {"question": result.question, "results": [
            h.model_dump(include={"source", "chunk_id", "score", "text", "start", "end"})
            for h in result.results]}
        out.print(json.dumps(payload, ensure_ascii=False))
        return
    for rank, hit in enumerate(result.results, start=1):
        out.print(f"{rank}. {hit.source} [{hit.start}:{hit.end}] score {hit.score:.4f}")
        out.print(f"   {hit.text[:300]}{'…' if len(hit.text) > 300 else ''}", markup=False)


def print_answer(answer: Any) -> None:
    if answer.refused:
        reason = answer.refusal_reason or "the indexed articles do not contain the answer"
        out.print(f"(refused: {reason})", style="dim", markup=False)
    for c in answer.citations:
        title = f" — {c.title}" if c.title else ""
        date = f" ({c.published})" if c.published else ""
        mark = "" if c.verified else " (unverified)"
        out.print(f"[{c.n}] {c.source}{title}{date}{mark}: \"{c.quote}\"", markup=False)
    unsupported = [s.text for s in answer.sentences if not s.supported]
    for sentence in unsupported:
        out.print(f"(no source supports: {sentence})", style="yellow", markup=False)


def stream_answer(assistant: Any, question: str, history: list[dict[str, str]] | None,
                  k: int | None) -> Any:
    """Print the answer as it streams, then replace it by the checked text, then sources."""
    from rich.live import Live
    from rich.text import Text

    from .types import Answer

    answer, text = None, ""
    with Live(Text(""), console=out, transient=True, refresh_per_second=12) as live:
        for event in assistant.stream(question, history=history, k=k):
            if isinstance(event, Answer):
                answer = event
            else:
                text += event
                live.update(Text(text))
    assert answer is not None
    out.print(answer.answer, markup=False)
    print_answer(answer)
    return answer


@app.command()
@handle_errors
def ask(
    question: Annotated[str, typer.Argument(help="A question about the indexed articles.")],
    k: K = None, json_out: Json = False,
    data_dir: DataDir = None, chroma_url: ChromaUrl = None, collection: Collection = None,
    model: Annotated[str | None, typer.Option("--model", help="LLM name [RAG_LLM_MODEL].")] = None,
) -> None:
    """Answer a question with numbered, verified citations."""
    assistant = make_assistant(data_dir=data_dir, chroma_url=chroma_url, collection=collection,
                               llm_model=model)
    if json_out:
        out.print(assistant.ask(question, k=k).model_dump_json(), markup=False)
    else:
        stream_answer(assistant, question, None, k)


@app.command()
@handle_errors
def chat(
    k: K = None, data_dir: DataDir = None, chroma_url: ChromaUrl = None,
    collection: Collection = None,
) -> None:
    """An interactive session; follow-up questions are read in the light of earlier turns."""
    assistant = make_assistant(data_dir=data_dir, chroma_url=chroma_url, collection=collection)
    history: list[dict[str, str]] = []
    err.print("Ask about the indexed articles. An empty line or Ctrl-D ends the session.")
    while True:
        try:
            question = input("you> ").strip() if sys.stdin.isatty() else sys.stdin.readline()
        except EOFError:
            break
        question = question.strip()
        if not question:
            break
        try:
            answer = stream_answer(assistant, question, history, k)
        except RagError as exc:
            err.print(f"error: {exc}")
            continue
        history += [{"role": "user", "content": question},
                    {"role": "assistant", "content": answer.answer}]


@app.command()
@handle_errors
def articles(
    json_out: Json = False, data_dir: DataDir = None, collection: Collection = None,
) -> None:
    """List the indexed articles."""
    assistant = make_assistant(data_dir=data_dir, collection=collection)
    items = assistant.articles()
    if json_out:
        out.print(json.dumps([a.model_dump() for a in items], ensure_ascii=False))
        return
    for a in items:
        out.print(f"{a.source}\t{a.published or '-'}\t{a.chunks} chunks\t{a.title or ''}",
                  markup=False)


@app.command()
@handle_errors
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on; other than loopback only "
                                      "with RAG_API_KEY set.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 7860,
    data_dir: DataDir = None, chroma_url: ChromaUrl = None, collection: Collection = None,
    model: Annotated[str | None, typer.Option("--model", help="LLM name [RAG_LLM_MODEL].")] = None,
) -> None:
    """Serve the chat UI (/), the JSON API (/api) and an OpenAI-compatible API (/v1)."""
    import os

    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    assistant = make_assistant(data_dir=data_dir, chroma_url=chroma_url, collection=collection,
                               llm_model=model)
    from .server import bind_problem, create_app
    from .settings import secret

    problem = bind_problem(host, secret(assistant.settings.api_key))
    if problem:
        err.print(f"error: {problem}", markup=False)
        raise typer.Exit(2)
    import uvicorn

    server_app = create_app(assistant)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"newsrag on http://{shown}:{port}/  (API: /api, OpenAI-compatible: /v1)",
              markup=False)
    uvicorn.run(server_app, host=host, port=port, log_level="warning")


@app.command()
def doctor(
    data_dir: DataDir = None, chroma_url: ChromaUrl = None, collection: Collection = None,
    model: Annotated[str | None, typer.Option("--model", help="LLM name [RAG_LLM_MODEL].")] = None,
) -> None:
    """Check this machine and configuration: CPU features, model files, backends, Chroma and a
    one-token generation. Exits 1 when a check fails."""
    from .doctor import run_checks

    assistant = make_assistant(data_dir=data_dir, chroma_url=chroma_url, collection=collection,
                               llm_model=model)
    checks = run_checks(assistant.settings)
    for check in checks:
        out.print(check.line(), markup=False)
    if any(check.ok is False for check in checks):
        raise typer.Exit(1)


@app.command("eval")
@handle_errors
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
                       judge=judge, compare_to=compare, progress=progress,
                       tolerance=eval_gate.DEFAULT_TOLERANCE if tolerance is None else tolerance,
                       **settings)
    from evals.report import metrics_table

    out.print(metrics_table(run.summary), markup=False)
    out.print(f"\nreport: {out_dir / 'report.md'}", markup=False)
    if run.gate is not None:
        out.print(eval_gate.format_deltas(run.gate, headline_only=True), markup=False)
        if not run.gate.passed:
            raise typer.Exit(eval_gate.EXIT_REGRESSION)


if __name__ == "__main__":
    app()
