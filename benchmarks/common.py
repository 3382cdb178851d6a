"""What every benchmark shares: the run context, machine facts, timing statistics, child
processes with their own peak memory, and the results file."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import platform
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
DEFAULT_WORK = ROOT / "benchmarks" / ".work"
SEEDS = ROOT / "seeds"
SEEDS_QA = ROOT / "evals" / "datasets" / "seeds_qa.jsonl"
# The Wikinews corpus: beside the checkout (../shared, the project's layout) or, for a clone
# made elsewhere (CI's fresh clone), where the machine keeps it. NEWSRAG_BENCH_WIKINEWS overrides.
WIKINEWS = next((p for p in (Path(os.environ.get("NEWSRAG_BENCH_WIKINEWS", "/nonexistent")),
                             ROOT.parent / "shared" / "corpora" / "wikinews" / "articles.jsonl",
                             Path("/work/shared/corpora/wikinews/articles.jsonl"))
                 if p.exists()), ROOT.parent / "shared" / "corpora" / "wikinews" / "articles.jsonl")
BIN = Path(sys.executable).parent



@dataclass
class Context:
    """Where a benchmark writes and how big it runs."""

    quick: bool
    work: Path  # scratch space: corpora and indexes (reused between runs where noted)
    results: Path  # where <name>.json goes
    docs: Path | None = None  # where plots go (None: into `work`)
    reuse: bool = False  # scaling: reuse synthetic indexes already built in `work`
    limit: int | None = None  # answer: only the first N questions (a spot check)

    @property
    def plots(self) -> Path:
        return self.docs if self.docs is not None else self.work


def bench_env(**extra: str) -> dict[str, str]:
    """The environment of every child: offline, no telemetry, the embedded models."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL") and not k.startswith("RAG_")}
    env.update(HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
               GRADIO_ANALYTICS_ENABLED="False", PYTHONPATH=str(ROOT), **extra)
    return env


def apply_env() -> None:
    for key, value in bench_env().items():
        if key != "PYTHONPATH":
            os.environ[key] = value
    for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        os.environ.pop(key, None)


# --- machine and memory -------------------------------------------------------------------------
def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def cpu_ticks() -> tuple[int, int]:
    """(stolen, all) CPU ticks since boot, from /proc/stat's first line ((0, 0) elsewhere).
    Stolen ticks are those the hypervisor gave to other guests while this one had work: on
    these shared hosts, the share a run lost to its neighbours."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    # user nice system idle iowait irq softirq steal [guest guest_nice: inside user/nice]
    return (fields[7] if len(fields) > 7 else 0), sum(fields[:8])


_TICKS_AT_START = cpu_ticks()  # each benchmark runs in a process of its own


def steal_share() -> float | None:
    """The share of CPU time stolen by the hypervisor since this process started."""
    stolen, total = (now - then for now, then in zip(cpu_ticks(), _TICKS_AT_START,
                                                     strict=True))
    return round(stolen / total, 3) if total > 0 else None


def machine() -> dict[str, Any]:
    cpu = ""
    meminfo: dict[str, str] = {}
    try:
        cpu = next((line.split(":", 1)[1].strip() for line in
                    Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
        meminfo = dict(line.split(":", 1) for line in
                       Path("/proc/meminfo").read_text().splitlines() if ":" in line)
    except OSError:
        pass
    total_kb = int(meminfo.get("MemTotal", "0 kB").split()[0])
    from rag.doctor import RELEVANT_FLAGS
    from rag.models.llm import cpu_flags

    return {"platform": platform.platform(), "python": platform.python_version(),
            "cpu": cpu, "cpu_flags": [f for f in RELEVANT_FLAGS if f in cpu_flags()],
            "cpus": os.cpu_count(), "memory_gib": round(total_kb / 2**20, 1),
            "loadavg_1_5_15": loadavg()}


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports ru_maxrss in KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def proc_peak_mb(pid: int) -> float | None:
    """Peak resident memory of another live process (VmHWM), or None."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


# --- statistics ---------------------------------------------------------------------------------
def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linearly interpolated as numpy does by default."""
    data = sorted(values)
    if not data:
        return float("nan")
    pos = (len(data) - 1) * q / 100
    low, high = int(pos), min(int(pos) + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)


def stats_ms(values: Iterable[float]) -> dict[str, float]:
    data = list(values)
    if not data:
        return {"n": 0}
    return {"n": len(data), "p50": round(percentile(data, 50), 1),
            "p95": round(percentile(data, 95), 1), "mean": round(sum(data) / len(data), 1),
            "min": round(min(data), 1), "max": round(max(data), 1)}


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    """(result, milliseconds)."""
    started = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - started) * 1000


# --- child processes ------------------------------------------------------------------------------
@dataclass
class Child:
    returncode: int
    wall_s: float
    peak_rss_mb: float
    stdout: str
    stderr: str


def run_child(args: Sequence[str], timeout: float = 3600, env: dict[str, str] | None = None,
              cwd: Path | None = None) -> Child:
    """Run a command; its wall time and its own peak memory (from wait4's rusage)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(args), stdout=out, stderr=err, env=env or bench_env(),
                                cwd=cwd or ROOT)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Child(proc.returncode, round(wall, 3), round(usage.ru_maxrss / 1024, 1),
                     out.read().decode(errors="replace"), err.read().decode(errors="replace"))


def run_phase(target: str, inline: bool = False, timeout: float = 3600,
              env: dict[str, str] | None = None, **kwargs: Any) -> dict[str, Any]:
    """Call `module:function(**kwargs)` in a process of its own (or here, when `inline`).

    The result dict gains `peak_rss_mb` (the child's own peak; None inline) and `wall_s`.
    """
    if inline:
        module, name = target.split(":")
        started = time.perf_counter()
        result = dict(getattr(importlib.import_module(module), name)(**kwargs))
        result.update(peak_rss_mb=None, wall_s=round(time.perf_counter() - started, 3))
        return result
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        child = run_child([sys.executable, "-m", "benchmarks._worker", target,
                           json.dumps(kwargs, default=str), str(out)], timeout=timeout, env=env)
        if child.returncode != 0 or not out.exists():
            raise RuntimeError(f"{target} failed ({child.returncode}): {child.stderr[-3000:]}")
        result = json.loads(out.read_text())
    result.update(peak_rss_mb=child.peak_rss_mb, wall_s=child.wall_s)
    return result


# --- another release's code ---------------------------------------------------------------------
def worktree(ref: str, where: Path) -> Path:
    """A git worktree of this repository at `ref` (detached), `where/release-<ref>`: the code a
    child process imports instead of this checkout (first on its PYTHONPATH, run from outside
    the checkout). Made once and reused while it is there."""
    tree = where / f"release-{ref}"
    if not (tree / "rag").exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--force",
                        str(tree), ref], check=True, capture_output=True)
    return tree


# --- results --------------------------------------------------------------------------------------
def rag_settings(**overrides: Any) -> dict[str, Any]:
    """The newsrag settings a benchmark ran with (secret values masked)."""
    from rag.settings import get_settings

    return get_settings(**overrides).model_dump(mode="json")  # secrets dump masked


def write_result(ctx: Context, name: str, figures: dict[str, Any], targets: dict[str, Any],
                 settings: dict[str, Any], method: str, started: float,
                 load_before: list[float]) -> Path:
    """benchmarks/results/<name>.json: command, settings, machine, figures, targets."""
    command = "python -m benchmarks.run --only " + name + (" --quick" if ctx.quick else "")
    if ctx.limit:
        command += f" --limit {ctx.limit} --results {ctx.results}"
    if ctx.reuse:
        command += " --reuse-indexes"
    payload = {
        "benchmark": name,
        "command": command,
        "argv": shlex.join([Path(sys.executable).name, *sys.argv]),
        "quick": ctx.quick,
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 1),
        "machine": {**machine(), "loadavg_at_start": load_before, "loadavg_at_end": loadavg(),
                    "cpu_steal_share": steal_share()},
        "method": method,
        "settings": settings,
        "figures": figures,
        "targets": targets,
        "peak_rss_mb_benchmark_process": peak_rss_mb(),
    }
    ctx.results.mkdir(parents=True, exist_ok=True)
    path = ctx.results / f"{name}.json"
    path.write_text(json.dumps(payload, indent=1, default=str) + "\n")
    return path


def target(value: float | None, limit: float, kind: str = "max") -> dict[str, Any]:
    """A target line: the measured value, the limit and whether it is met."""
    met = value is not None and (value <= limit if kind == "max" else value >= limit)
    return {"value": value, "limit": limit, "kind": kind, "met": met}
