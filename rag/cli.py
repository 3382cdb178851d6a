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

from rag.errors import RagError

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
Since = Annotated[str | None, typer.Option(
    "--since", help="Only articles published on or after this day (YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option(
    "--until", help="Only articles published on or before this day (YYYY-MM-DD).")]
Outlets = Annotated[list[str] | None, typer.Option(
    "--outlet", help="Only articles from this outlet (repeatable), e.g. --outlet Reuters.")]
AsOf = Annotated[str | None, typer.Option(
    "--as-of", help="Read the archive as it stood on this day (YYYY-MM-DD): later articles "
    "are left out and 'last week' counts from it.")]


def filter_args(since: str | None, until: str | None, outlets: list[str] | None,
                as_of: str | None) -> dict[str, Any]:
    return {"since": since, "until": until, "outlets": outlets or None, "as_of": as_of}


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
    from rag.assistant import Assistant
    from rag.settings import get_settings

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
    from rich.progress import BarColumn, Progress, TextColumn

    from rag.types import IngestProgress

    assistant = make_assistant(data_dir=data_dir, chroma_url=chroma_url, collection=collection,
                               chunk_size=chunk_size, chunk_overlap=chunk_overlap)
    with Progress("[progress.description]{task.description}", BarColumn(),
                  TextColumn("{task.fields[status]}"), console=err, transient=True) as bar:
        task = bar.add_task("embedding", total=None, status="reading files")

        def progress(state: IngestProgress) -> None:  # chunks done, chunks/s, time left
            bar.update(task, completed=state.done, total=state.total, status=state.summary())

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
    since: Since = None, until: Until = None, outlet: Outlets = None, as_of: AsOf = None,
    data_dir: DataDir = None, chroma_url: ChromaUrl = None, collection: Collection = None,
) -> None:
    """Show the chunks retrieved for a question (no LLM involved)."""
    assistant = make_assistant(data_dir=data_dir, chroma_url=chroma_url, collection=collection,
                               retrieval_mode=mode)
    result = assistant.search(question, k=k, **filter_args(since, until, outlet, as_of))
    if json_out:
        payload = {"question": result.question, "results": [
            h.model_dump(include={"source", "chunk_id", "score", "text", "start", "end",
                                  "published", "outlet"})
            for h in result.results], "note": result.note,
            "filters": result.filters.model_dump(mode="json") if result.filters else None}
        out.print(json.dumps(payload, ensure_ascii=False))
        return
    if result.note:
        err.print(result.note, markup=False)
    for rank, hit in enumerate(result.results, start=1):
        out.print(f"{rank}. {hit.source} [{hit.start}:{hit.end}] score {hit.score:.4f}")
        out.print(f"   {hit.text[:300]}{'…' if len(hit.text) > 300 else ''}", markup=False)


def print_answer(answer: Any) -> None:
    if answer.status == "partial":
        reason = answer.refusal_reason or "the evidence does not answer it"
        out.print(f"(partial: no checked answer, {reason}; the closest passage is quoted)",
                  style="dim", markup=False)
    elif answer.refused:
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
                  k: int | None, filters: dict[str, Any] | None = None) -> Any:
    """Print the answer as it streams, then replace it by the checked text, then sources."""
    from rich.live import Live
    from rich.text import Text

    from rag.types import Answer

    answer, text = None, ""
    with Live(Text(""), console=out, transient=True, refresh_per_second=12) as live:
        for event in assistant.stream(question, history=history, k=k, **(filters or {})):
            if isinstance(event, Answer):
                answer = event
            else:
                text += event
                live.update(Text(text))
    assert answer is not None
    out.print(answer.answer, markup=False)
    print_answer(answer)
    if answer.time_filter:
        out.print(f"(time: {answer.time_filter.describe()})", style="dim", markup=False)
    return answer


@app.command()
@handle_errors
def ask(
    question: Annotated[str, typer.Argument(help="A question about the indexed articles.")],
    k: K = None, json_out: Json = False,
    since: Since = None, until: Until = None, outlet: Outlets = None, as_of: AsOf = None,
    data_dir: DataDir = None, chroma_url: ChromaUrl = None, collection: Collection = None,
    model: Annotated[str | None, typer.Option("--model", help="LLM name [RAG_LLM_MODEL].")] = None,
) -> None:
    """Answer a question with numbered, verified citations."""
    assistant = make_assistant(data_dir=data_dir, chroma_url=chroma_url, collection=collection,
                               llm_model=model)
    filters = filter_args(since, until, outlet, as_of)
    if json_out:
        out.print(assistant.ask(question, k=k, **filters).model_dump_json(), markup=False)
    else:
        stream_answer(assistant, question, None, k, filters)


@app.command()
@handle_errors
def chat(
    k: K = None, since: Since = None, until: Until = None, outlet: Outlets = None,
    as_of: AsOf = None, data_dir: DataDir = None, chroma_url: ChromaUrl = None,
    collection: Collection = None,
) -> None:
    """An interactive session; follow-up questions are read in the light of earlier turns."""
    filters = filter_args(since, until, outlet, as_of)
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
            answer = stream_answer(assistant, question, history, k, filters)
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
    from rag.index.catalog import summary

    err.print(summary(items), markup=False)
    for a in items:
        stored = f"copy of {a.copy_of}" if a.copy_of else f"{a.chunks} chunks"
        out.print(f"{a.source}\t{a.published or '-'}\t{stored}\t{a.title or ''}", markup=False)


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
    from rag.settings import secret
    from rag.web.app import create_app
    from rag.web.http import bind_problem

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
    """Check this machine and setup: CPU, models, backends, Chroma, one generated token.

    Prints the CPU features llama.cpp uses, the model file and its sha256 check, the backends
    configured, the Chroma mode and collection, and whether a one-token generation works (in
    a child process, so a crash is reported). Exits 1 when a check fails."""
    from rag.doctor import run_checks

    assistant = make_assistant(data_dir=data_dir, chroma_url=chroma_url, collection=collection,
                               llm_model=model)
    checks = run_checks(assistant)
    for check in checks:
        out.print(check.line(), markup=False)
    if any(check.ok is False for check in checks):
        raise typer.Exit(1)


# --- plugins ----------------------------------------------------------------------------------
PLUGIN_GROUP = "newsrag.commands"


def load_plugins() -> None:
    """Add the commands other packages register under the entry-point group
    `newsrag.commands`: each names a function that takes this Typer app (the eval harness adds
    `rag eval` this way, as llm and datasette plugins do), so `rag` itself never imports them
    and runs without them."""
    from importlib.metadata import entry_points

    for entry in entry_points(group=PLUGIN_GROUP):
        try:
            entry.load()(app)
        except Exception as exc:  # a broken plugin must not take the CLI down with it
            err.print(f"warning: plugin {entry.name!r} ({entry.value}) did not load: {exc}",
                      markup=False)


load_plugins()


if __name__ == "__main__":
    app()
