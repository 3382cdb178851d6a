"""Run the benchmarks, each in a process of its own:

    python -m benchmarks.run [--quick] [--only NAME ...] [--work DIR] [--results DIR]

Full sizes write benchmarks/results/<name>.json and docs/scaling.png; --quick runs tiny sizes
(seconds; what tests/test_benchmarks.py runs) and writes its results under the work dir
unless --results is given.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

from .common import DEFAULT_WORK, RESULTS, ROOT, Context, apply_env, run_child

# In this order: `reingest` reuses what `ingest` built, `retrieval` the indexes `scaling`
# built, `startup` the seed index `answer` built (each builds its own when run alone).
BENCHMARKS = ("ingest", "reingest", "scaling", "retrieval", "filters", "answer", "startup", "llm",
              "chunking", "realnews", "duplicates", "answer_news",
              "load")


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="tiny sizes (seconds)")
    parser.add_argument("--only", action="append", choices=BENCHMARKS, metavar="NAME",
                        help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}")
    parser.add_argument("--work", type=Path, help=f"scratch dir [{DEFAULT_WORK.relative_to(ROOT)}"
                        "; --quick: its quick/ subdir]")
    parser.add_argument("--results", type=Path, help="results dir [benchmarks/results; --quick: "
                        "WORK/results]")
    parser.add_argument("--docs", type=Path, help="where the scaling plot goes [docs; --quick: "
                        "WORK]")
    parser.add_argument("--reuse-indexes", action="store_true",
                        help="scaling: reuse the synthetic indexes already in the work dir "
                        "(their build figures come from that build) instead of rebuilding")
    parser.add_argument("--limit", type=int, help="answer: only the first N questions (a spot "
                        "check; write it to another --results dir)")
    parser.add_argument("--inline", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def context(args: argparse.Namespace) -> Context:
    work = (args.work or (DEFAULT_WORK / "quick" if args.quick else DEFAULT_WORK)).resolve()
    results = args.results or (work / "results" if args.quick else RESULTS)
    docs = args.docs or (None if args.quick else ROOT / "docs")
    work.mkdir(parents=True, exist_ok=True)
    return Context(quick=args.quick, work=work, results=results.resolve(),
                   docs=docs.resolve() if docs else None, reuse=args.reuse_indexes,
                   limit=args.limit)


def run_one(name: str, ctx: Context) -> None:
    """Run one benchmark here (the child side of `main`)."""
    apply_env()
    module = importlib.import_module(f"benchmarks.{name}")
    module.run(ctx)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    ctx = context(args)
    names = args.only or list(BENCHMARKS)
    if args.inline:  # one benchmark, in this process (how main starts each child)
        for name in names:
            run_one(name, ctx)
        return 0
    failed = []
    for name in names:
        started = time.perf_counter()
        print(f"== {name} ...", flush=True)
        cmd = [sys.executable, "-m", "benchmarks.run", "--inline", "--only", name,
               "--work", str(ctx.work), "--results", str(ctx.results)]
        if ctx.docs is not None:
            cmd += ["--docs", str(ctx.docs)]
        if ctx.quick:
            cmd.append("--quick")
        if ctx.reuse:
            cmd.append("--reuse-indexes")
        if ctx.limit:
            cmd += ["--limit", str(ctx.limit)]
        child = run_child(cmd)
        status = "ok" if child.returncode == 0 else f"FAILED ({child.returncode})"
        print(f"== {name}: {status} in {time.perf_counter() - started:.1f} s, peak "
              f"{child.peak_rss_mb:.0f} MB -> {ctx.results / (name + '.json')}", flush=True)
        if child.returncode != 0:
            print(child.stderr[-4000:], file=sys.stderr)
            failed.append(name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
