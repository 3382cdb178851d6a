"""newsrag's speed benchmarks. One command runs them all:

    python -m benchmarks.run            # full sizes; writes benchmarks/results/<name>.json
    python -m benchmarks.run --quick    # tiny sizes, seconds (what the tests run)
    python -m benchmarks.run --only retrieval

Each benchmark is a module with `run(ctx) -> dict`; run.py starts each in its own process so
that peak-memory figures do not mix. See docs/performance.md for the current table.

Imports: rag and its own modules (`servers` starts real servers on 127.0.0.1 for the
benchmarks and the tests alike); nothing in rag, ui or evals imports it.
"""
