"""Benchmark 2: re-ingest of the unchanged corpus of benchmark 1, then of the corpus with one
file changed (only that file's chunks may be embedded again).

Reuses benchmark 1's corpus and index (work/ingest); builds them when run alone. Timed both as
`Assistant.ingest` in a fresh process (what the server and scripts pay: opening the index
included, Python start-up and imports not) and as the `rag ingest` command (wall, start-up
included).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from .common import Context, loadavg, peak_rss_mb, rag_settings, run_phase, target, write_result
from .ingest import ARTICLES, QUICK_ARTICLES, ingest_cli, make_corpus


class CountingEmbedder:
    """Passes calls through to the real embedder, counting the texts it is asked to embed."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.texts = inner, 0

    def get_text_embedding_batch(self, texts: list[str], **kwargs: Any) -> list[list[float]]:
        self.texts += len(texts)
        return list(self.inner.get_text_embedding_batch(texts, **kwargs))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def reingest_phase(corpus: str, data_dir: str, change: str | None = None) -> dict[str, Any]:
    """Open the index and ingest `corpus` again; with `change`, append a line to that file."""
    started = time.perf_counter()
    from rag.assistant import Assistant
    from rag.settings import get_settings

    import_s = time.perf_counter() - started
    if change:
        path = Path(corpus) / change
        path.write_text(path.read_text() + f"\nA correction was added at {time.time()}.\n")
    started = time.perf_counter()
    assistant = Assistant(get_settings(data_dir=Path(data_dir)))
    counting = CountingEmbedder(assistant.ingester.embedder)
    assistant.ingester.embedder = counting  # type: ignore[assignment]
    opened = time.perf_counter()
    report = assistant.ingest([Path(corpus)])
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {
        "seconds": round(seconds, 3), "open_s": round(opened - started, 3),
        "ingest_s": round(report.seconds, 3), "imports_s": round(import_s, 3),
        "report": report.model_dump(), "chunks_embedded": counting.texts,
        "peak_rss_mb_self": peak_rss_mb(),
    }
    if change:
        entry = assistant.catalog.get(change)
        result["changed_file_chunks"] = entry.chunks if entry else None
    return result


def run(ctx: Context) -> dict[str, Any]:
    started, load = time.perf_counter(), loadavg()
    root = ctx.work / "ingest"
    corpus, data_dir = root / "corpus", root / ".rag"
    n = QUICK_ARTICLES if ctx.quick else ARTICLES
    built_here = False
    if not (data_dir / "collections").exists() or len(list(corpus.glob("*.txt"))) != n:
        make_corpus(corpus, n)
        ingest_cli(corpus, data_dir.resolve())
        built_here = True
    args: dict[str, Any] = {"corpus": str(corpus), "data_dir": str(data_dir)}
    unchanged = run_phase("benchmarks.reingest:reingest_phase", **args)
    cli = ingest_cli(corpus, data_dir)
    changed_file = sorted(p.name for p in corpus.glob("*.txt"))[n // 2]
    changed = run_phase("benchmarks.reingest:reingest_phase", change=changed_file, **args)
    figures = {
        "articles": n, "index_built_by_this_run": built_here,
        "unchanged_in_process": unchanged,
        "unchanged_cli": {**cli, "startup_and_exit_s": round(cli["wall_s"]
                                                             - cli["report"]["seconds"], 2)},
        "one_changed_file": {**changed, "file": changed_file},
    }
    only_its_chunks = (changed["chunks_embedded"] == changed["changed_file_chunks"]
                       and changed["report"]["updated"] == 1)
    targets = {
        "unchanged_reingest_s_in_process": target(unchanged["seconds"], 3.0),
        "unchanged_reingest_s_cli_wall": target(cli["wall_s"], 3.0),
        "one_changed_file_only_its_chunks_embedded": {
            "value": changed["chunks_embedded"], "limit": changed["changed_file_chunks"],
            "kind": "equal", "met": only_its_chunks},
    }
    method = (
        "Benchmark 1's corpus and index. Unchanged: a fresh process opens the index "
        "(Assistant(settings), embedder and Chroma included) and ingests the same folder; then "
        "the same as `rag ingest DIR --json` (wall, start-up included). Changed: one file gets a "
        "line appended; the embedder is wrapped to count the texts it embeds."
    )
    write_result(ctx, "reingest", figures, targets, rag_settings(data_dir=data_dir), method,
                 started, load)
    return figures
