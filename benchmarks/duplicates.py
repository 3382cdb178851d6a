"""Issue 14: ingest throughput with duplicate detection (RAG_DUPLICATES, the default) over
without, on real news.

Corpus: the 293 Wikinews articles plus an edited wire copy of every EVERY-th one (another id
and outlet, a dateline in front, one word in WORD_EVERY replaced, a credit line at the end),
so that near-duplicate groups actually form. There are no exact copies: those are stored once
with detection on, which would make it look faster than it costs.

`rag ingest CORPUS --data-dir EMPTY --json` with RAG_DUPLICATES=true and =false, alternating
(on/off, then off/on, ...), PAIRS pairs, each run a fresh process into a fresh index, the real
default embedder. Throughput is chunks per second of the ingest's own `seconds` (start-up and
model loading, the same either way, left out; the wall-time ratio is recorded too); the ratio
is the median with detection over the median without. The "duplicates" stage seconds (exact
copies, MinHash signatures, LSH grouping) are read from each run's report. Afterwards one index
of each kind is opened to count the groups: with detection every wire copy must share its
original's group, without it every article is its own.

    python -m benchmarks.run --only duplicates
"""

from __future__ import annotations

import json
import shutil
import statistics
import time
from pathlib import Path
from typing import Any

from .common import (
    BIN,
    WIKINEWS,
    Context,
    bench_env,
    loadavg,
    rag_settings,
    run_child,
    run_phase,
    target,
    write_result,
)
from .ingest import parse_json

EVERY, WORD_EVERY = 8, 25  # a wire copy of one article in 8; one word in 25 replaced in it
PAIRS, QUICK_PAIRS = 3, 1
QUICK_ARTICLES = 12
_FILLERS = ("reportedly", "officials", "local", "sources", "said")


def wire_copy(row: dict[str, Any], n: int) -> dict[str, Any]:
    """An edited copy of a Wikinews article, as a wire service would run it."""
    words = str(row["body"]).split(" ")
    for i in range(WORD_EVERY - 1, len(words), WORD_EVERY):
        words[i] = _FILLERS[(i // WORD_EVERY) % len(_FILLERS)]
    body = "LONDON (Reuters) - " + " ".join(words) + "\n\nReporting by the world desk."
    return dict(row, id=f"{row['id']}~wire{n}", source="Reuters", body=body)


def make_corpus(path: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """Write the corpus; returns the (original, copy) source pairs."""
    rows = [json.loads(line) for line in WIKINEWS.read_text().splitlines() if line.strip()]
    rows = rows[:limit]
    copies = [wire_copy(row, i) for i, row in enumerate(rows) if i % EVERY == 0]
    with path.open("w") as out:
        for row in rows + copies:
            out.write(json.dumps(row) + "\n")
    name = path.name
    return [(f"{name}#{row['id']}", f"{name}#{copy['id']}")
            for row, copy in zip(rows[::EVERY], copies, strict=True)]


def groups(data_dir: str, pairs: list[list[str]]) -> dict[str, Any]:
    """How the articles of an index are grouped (opened in a process of its own)."""
    from rag.assistant import Assistant
    from rag.settings import get_settings

    articles = Assistant(get_settings(data_dir=Path(data_dir))).articles()
    group_of = {a.source: a.group for a in articles}
    sizes: dict[str, int] = {}
    for article in articles:
        sizes[str(article.group)] = sizes.get(str(article.group), 0) + 1
    return {"articles": len(articles), "groups": len(sizes),
            "groups_of_two_or_more": sum(1 for n in sizes.values() if n > 1),
            "exact_copies": sum(1 for a in articles if a.copy_of),
            "wire_copies_with_their_original": sum(
                1 for original, copy in pairs if group_of.get(original) == group_of.get(copy))}


def ingest(corpus: Path, data_dir: Path, detection: bool) -> dict[str, Any]:
    """One `rag ingest` in a fresh process into an empty index."""
    shutil.rmtree(data_dir, ignore_errors=True)
    child = run_child([str(BIN / "rag"), "ingest", str(corpus), "--data-dir", str(data_dir),
                       "--json"], env=bench_env(RAG_DUPLICATES=str(detection).lower()))
    if child.returncode != 0:
        raise RuntimeError(f"rag ingest failed: {child.stderr[-2000:]}")
    report = parse_json(child.stdout)
    return {"detection": detection, "wall_s": child.wall_s, "peak_rss_mb": child.peak_rss_mb,
            "seconds": report["seconds"], "chunks": report["chunks"],
            "chunks_per_s": round(report["chunks"] / report["seconds"], 2),
            "duplicates_stage_s": report["stages"].get("duplicates", 0.0),
            "stages": report["stages"], "added": report["added"],
            "exact_duplicates": report["duplicates"], "loadavg_after": loadavg()}


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return round(statistics.median(run[key] for run in runs), 3)


def run(ctx: Context) -> dict[str, Any]:
    started, load = time.perf_counter(), loadavg()
    root = ctx.work / "duplicates"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    corpus = root / "wikinews_wire.jsonl"
    pairs = make_corpus(corpus, QUICK_ARTICLES if ctx.quick else None)
    n_articles = sum(1 for line in corpus.read_text().splitlines() if line.strip())

    runs: list[dict[str, Any]] = []
    for pair in range(QUICK_PAIRS if ctx.quick else PAIRS):
        for detection in ((True, False) if pair % 2 == 0 else (False, True)):
            result = ingest(corpus, root / f"{'on' if detection else 'off'}-{pair}", detection)
            runs.append({"pair": pair, **result})
    if len({r["chunks"] for r in runs}) != 1:
        raise RuntimeError(f"the runs embedded different chunk counts: {runs}")
    on = [r for r in runs if r["detection"]]
    off = [r for r in runs if not r["detection"]]
    grouping = {mode: run_phase("benchmarks.duplicates:groups", data_dir=str(root / f"{mode}-0"),
                                pairs=pairs)
                for mode in ("on", "off")}
    for mode in ("on", "off"):
        grouping[mode].pop("peak_rss_mb", None)
        grouping[mode].pop("wall_s", None)

    def summary(chosen: list[dict[str, Any]]) -> dict[str, float]:
        return {"runs": len(chosen), "median_seconds": _median(chosen, "seconds"),
                "median_chunks_per_s": _median(chosen, "chunks_per_s"),
                "median_wall_s": _median(chosen, "wall_s"),
                "median_duplicates_stage_s": _median(chosen, "duplicates_stage_s")}

    with_detection, without = summary(on), summary(off)
    ratio = round(with_detection["median_chunks_per_s"] / without["median_chunks_per_s"], 3)
    ratio_wall = round(without["median_wall_s"] / with_detection["median_wall_s"], 3)
    per_pair = [round(a["chunks_per_s"] / b["chunks_per_s"], 3)
                for a, b in zip(on, off, strict=True)]
    figures = {
        "articles": n_articles, "wire_copies": len(pairs), "chunks": runs[0]["chunks"],
        "with_detection": with_detection, "without_detection": without,
        "ratio_chunks_per_s": ratio, "ratio_wall": ratio_wall, "ratio_per_pair": per_pair,
        "duplicates_stage_share_of_ingest": round(
            with_detection["median_duplicates_stage_s"] / with_detection["median_seconds"], 4),
        "grouping": grouping, "runs": runs,
    }
    targets = {
        "ingest_with_over_without_duplicate_detection": target(ratio, 0.95, "min"),
        "wire_copies_grouped_with_their_original": {
            "value": grouping["on"]["wire_copies_with_their_original"], "limit": len(pairs),
            "kind": "min",
            "met": grouping["on"]["wire_copies_with_their_original"] == len(pairs)
            and grouping["off"]["groups"] == grouping["off"]["articles"]},
    }
    method = (
        f"{n_articles} articles: the Wikinews corpus"
        f"{f' (first {QUICK_ARTICLES})' if ctx.quick else ''} and an edited wire copy of one "
        f"in {EVERY} (another id, outlet Reuters, a dateline, one word in {WORD_EVERY} "
        "replaced, a credit line; no exact copies). `rag ingest CORPUS --data-dir EMPTY "
        "--json`, each run a fresh process and index, RAG_DUPLICATES=true and =false "
        "alternating (on/off, off/on, ...), the default embedder. Throughput: chunks / the "
        "report's `seconds` (start-up excluded); ratio = median with detection over median "
        "without. Groups counted by opening the first index of each kind.")
    write_result(ctx, "duplicates", figures, targets, rag_settings(data_dir=root / "on-0"),
                 method, started, load)
    return figures
