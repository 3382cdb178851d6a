"""Load on `rag serve` (issue 12, "Serve a newsroom"): throughput and latency with 1, 4 and 16
concurrent clients on both question endpoints, and whether overload is refused cleanly.

Part 1, an OpenAI-compatible LLM server that is never the bottleneck: `benchmarks.fake_llm`
(every request sleeps DELAY_S and answers, concurrently) on 127.0.0.1, and `rag serve` on the
seed index pointed at it (OPENAI_BASE_URL, RAG_LLM_MODEL=fake, RAG_LLM_CONCURRENCY=16). For
K in CLIENTS and each endpoint (POST /api/ask, and POST /v1/chat/completions not streaming),
K client threads (one httpx.Client each) ask the seed questions in turn for CELL_S seconds.
With the LLM's wait the only serial cost, throughput should grow with K: the target is
throughput at 16 clients >= 8 x throughput at 1, with no errors.

Part 2, the embedded model: `rag serve` again, without OPENAI_* (llama.cpp in-process, one
question at a time), and EMBEDDED_CLIENTS clients on /api/ask for EMBEDDED_S seconds; the
target is no errors: a question the server cannot take now must get a 503 with Retry-After.

A 503 with a Retry-After header is a clean rejection (the client waits min(Retry-After, 5 s)
and goes on); any other non-200, a 200 without the answer's fields, or an exception is an
error. Each cell stops starting requests at its duration (or after CELL_CAP requests) and
waits for those in flight. Every process started here is stopped by its PID, also on failure.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .common import (
    BIN,
    ROOT,
    SEEDS,
    Context,
    bench_env,
    loadavg,
    proc_peak_mb,
    rag_settings,
    run_child,
    stats_ms,
    target,
    write_result,
)
from .servers import free_port, running

QUESTIONS = (
    "Which prominent American did Xi Jinping meet the week before Blinken?",
    "Why was Blinken's February visit to China called off?",
    "Who is Xie Feng?",
    "What did Wang Yi tell Blinken about Taiwan?",
)
WARMUP = "What did the articles say about the weather?"  # not one of QUESTIONS
ENDPOINTS = {"api_ask": "/api/ask", "v1_chat": "/v1/chat/completions"}
DELAY_S = 0.5  # the fake LLM's time per request
LLM_CONCURRENCY = 16
CLIENTS, QUICK_CLIENTS = (1, 4, 16), (1, 4)
CELL_S, QUICK_CELL_S = 20.0, 3.0
CELL_CAP = 800  # requests a cell may start: 6 cells x 800 = 4,800 at most
EMBEDDED_CLIENTS, EMBEDDED_S = 4, 120.0
EMBEDDED_CAP = 200
QUICK_EMBEDDED = {"RAG_MAX_ANSWER_TOKENS": "16", "RAG_CONTEXT_TOKENS": "60"}  # as answer.py's
REQUEST_TIMEOUT_S = 300.0
RETRY_AFTER_CAP_S = 5.0
SERVER_START_S = 300.0
LOOPBACK = "127.0.0.1"


# --- processes ------------------------------------------------------------------------------
def started(args: list[str], env: dict[str, str], ready_url: str, log: Path,
            timeout: float = SERVER_START_S) -> contextlib.AbstractContextManager[Any]:
    """A server of ours, with our environment, stopped by its PID afterwards."""
    return running(args, ready_url, log, timeout=timeout, env=env, cwd=ROOT)


def seeded_data_dir(work: Path) -> Path:
    """The seed index under `work` (the one benchmarks.answer.seeded builds), through the CLI
    so that this process loads no embedder; an unchanged index is left as it is."""
    data_dir = work / "seeds" / ".rag"
    child = run_child([str(BIN / "rag"), "ingest", str(SEEDS), "--prune", "--data-dir",
                       str(data_dir), "--json"], timeout=1800)
    if child.returncode != 0:
        raise RuntimeError(f"rag ingest of the seeds failed: {child.stderr[-2000:]}")
    return data_dir


def serve_env(data_dir: Path, **extra: str) -> dict[str, str]:
    # no_proxy: never route a loopback call through a proxy the machine may have configured
    return bench_env(RAG_DATA_DIR=str(data_dir), NO_PROXY=LOOPBACK, no_proxy=LOOPBACK, **extra)


def rag_serve(port: int) -> list[str]:
    return [str(BIN / "rag"), "serve", "--host", LOOPBACK, "--port", str(port)]


# --- clients --------------------------------------------------------------------------------
def ask_body(endpoint: str, question: str) -> dict[str, Any]:
    if endpoint == "api_ask":
        return {"question": question}
    return {"model": "newsrag", "messages": [{"role": "user", "content": question}]}


def refused_of(endpoint: str, body: Any) -> bool:
    """The answer's `refused` flag; KeyError/TypeError when the body is not an answer."""
    answer = body if endpoint == "api_ask" else body["choices"][0]["message"]
    text = answer["answer"] if endpoint == "api_ask" else answer["content"]
    if not isinstance(text, str) or not isinstance(answer["refused"], bool):
        raise TypeError("not an answer")
    return bool(answer["refused"])


@dataclass
class Cell:
    """What the clients of one cell saw."""

    latencies_ms: list[float] = field(default_factory=list)  # of 200 answers
    rejected_ms: list[float] = field(default_factory=list)  # of clean 503s
    statuses: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    error_examples: list[str] = field(default_factory=list)
    refused: int = 0
    started: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self, kind: str, example: str) -> None:
        with self.lock:
            self.errors[kind] += 1
            if len(self.error_examples) < 5:
                self.error_examples.append(example[:300])


def run_cell(base: str, endpoint: str, clients: int, duration_s: float, cap: int) -> dict[str, Any]:
    """`clients` threads asking QUESTIONS in turn on `endpoint` for `duration_s` (or until
    `cap` requests have been started); then wait for those in flight."""
    import httpx

    cell = Cell()
    path = ENDPOINTS[endpoint]
    barrier = threading.Barrier(clients + 1)
    deadline = [0.0]

    def take() -> bool:
        with cell.lock:
            if cell.started >= cap or time.perf_counter() >= deadline[0]:
                return False
            cell.started += 1
            return True

    def client(index: int) -> None:
        with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT_S, trust_env=False) as http:
            barrier.wait()
            turn = index
            while take():
                question = QUESTIONS[turn % len(QUESTIONS)]
                turn += 1
                t0 = time.perf_counter()
                try:
                    response = http.post(path, json=ask_body(endpoint, question))
                except Exception as exc:  # any failure to get an answer is an error
                    cell.error(type(exc).__name__, f"{type(exc).__name__}: {exc}")
                    continue
                ms = (time.perf_counter() - t0) * 1000
                status = response.status_code
                with cell.lock:
                    cell.statuses[str(status)] += 1
                retry_after = response.headers.get("retry-after")
                if status == 503 and retry_after is not None:
                    with cell.lock:
                        cell.rejected_ms.append(ms)
                    try:
                        wait = min(float(retry_after), RETRY_AFTER_CAP_S)
                    except ValueError:
                        wait = RETRY_AFTER_CAP_S
                    time.sleep(max(0.0, min(wait, deadline[0] - time.perf_counter())))
                    continue
                if status != 200:
                    cell.error(f"http_{status}", f"{status}: {response.text}")
                    continue
                try:
                    refused = refused_of(endpoint, response.json())
                except (ValueError, KeyError, IndexError, TypeError) as exc:
                    cell.error("bad_body", f"{type(exc).__name__}: {response.text}")
                    continue
                with cell.lock:
                    cell.latencies_ms.append(ms)
                    cell.refused += refused

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    start = time.perf_counter()
    deadline[0] = start + duration_s
    barrier.wait()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT_S + duration_s + 60)
    elapsed = time.perf_counter() - start
    answered = len(cell.latencies_ms)
    latency = stats_ms(cell.latencies_ms)
    return {
        "clients": clients, "duration_s": duration_s, "elapsed_s": round(elapsed, 2),
        "requests": cell.started, "capped": cell.started >= cap,
        "answered": answered, "refused_answers": cell.refused,
        "throughput_rps": round(answered / elapsed, 3) if elapsed > 0 else 0.0,
        "p50_ms": latency.get("p50"), "p95_ms": latency.get("p95"), "latency_ms": latency,
        "errors": sum(cell.errors.values()), "clean_503s": len(cell.rejected_ms),
        "clean_503_ms": stats_ms(cell.rejected_ms), "statuses": dict(cell.statuses),
        "error_kinds": dict(cell.errors), "error_examples": cell.error_examples,
        "loadavg_after": [round(x, 2) for x in loadavg()],
    }


def once(base: str, endpoint: str, question: str) -> float:
    """One request (a warm-up): its milliseconds; raises unless it is answered."""
    import httpx

    with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT_S, trust_env=False) as http:
        t0 = time.perf_counter()
        response = http.post(ENDPOINTS[endpoint], json=ask_body(endpoint, question))
        ms = (time.perf_counter() - t0) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"warm-up {endpoint} got {response.status_code}: "
                           f"{response.text[:500]}")
    return round(ms, 1)


def served_llm(base: str) -> str | None:
    """The LLM the server says it uses (GET /v1/models)."""
    import httpx

    with httpx.Client(base_url=base, timeout=10.0, trust_env=False) as http:
        response = http.get("/v1/models")
    return response.json()["data"][0].get("llm") if response.status_code == 200 else None


# --- the benchmark --------------------------------------------------------------------------
def fake_llm_part(ctx: Context, data_dir: Path, clients: tuple[int, ...], cell_s: float,
                  note: Callable[[str], None]) -> dict[str, Any]:
    fake_port, rag_port = free_port(), free_port()
    fake_url = f"http://{LOOPBACK}:{fake_port}/v1"
    base = f"http://{LOOPBACK}:{rag_port}"
    env = serve_env(data_dir, OPENAI_BASE_URL=fake_url, OPENAI_API_KEY="bench-not-secret",
                    RAG_LLM_MODEL="fake", RAG_LLM_CONCURRENCY=str(LLM_CONCURRENCY))
    fake = [sys.executable, "-m", "benchmarks.fake_llm", "--host", LOOPBACK, "--port",
            str(fake_port), "--delay", str(DELAY_S)]
    part: dict[str, Any] = {"llm_delay_s": DELAY_S, "llm_concurrency_setting": LLM_CONCURRENCY}
    with started(fake, bench_env(), f"{fake_url}/models", ctx.work / "load-fake-llm.log"), \
            started(rag_serve(rag_port), env, f"{base}/health",
                    ctx.work / "load-serve-fake.log") as server:
        part["llm_served"] = served_llm(base)
        part["warmup_ms"] = {name: once(base, name, WARMUP) for name in ENDPOINTS}
        for name in ENDPOINTS:
            part[name] = {}
            for k in clients:
                got = run_cell(base, name, k, cell_s, CELL_CAP)
                part[name][str(k)] = got
                note(f"{name} x{k}: {got['answered']} answered, {got['throughput_rps']} req/s, "
                     f"p50 {got['p50_ms']} ms, p95 {got['p95_ms']} ms, errors {got['errors']}, "
                     f"clean 503s {got['clean_503s']}")
        part["server_peak_rss_mb"] = proc_peak_mb(server.pid)
    return part


def embedded_part(ctx: Context, data_dir: Path, note: Callable[[str], None]) -> dict[str, Any]:
    port = free_port()
    base = f"http://{LOOPBACK}:{port}"
    env = serve_env(data_dir, **(QUICK_EMBEDDED if ctx.quick else {}))
    clients, duration, cap = ((1, REQUEST_TIMEOUT_S, 1) if ctx.quick
                              else (EMBEDDED_CLIENTS, EMBEDDED_S, EMBEDDED_CAP))
    part: dict[str, Any] = {"env": {k: v for k, v in env.items() if k.startswith("RAG_")}}
    with started(rag_serve(port), env, f"{base}/health", ctx.work / "load-serve-embedded.log") \
            as server:
        part["llm_served"] = served_llm(base)
        # Quick: the one request also loads the model. Full: load it first, outside the cell.
        part["warmup_ms"] = None if ctx.quick else once(base, "api_ask", WARMUP)
        got = run_cell(base, "api_ask", clients, duration, cap)
        part["api_ask"] = {str(clients): got}
        part["server_peak_rss_mb"] = proc_peak_mb(server.pid)
    note(f"embedded x{clients}: {got['answered']} answered, {got['clean_503s']} clean 503s, "
         f"{got['errors']} errors, p50 {got['p50_ms']} ms, p95 {got['p95_ms']} ms")
    return part


def ratio(high: dict[str, Any], low: dict[str, Any]) -> float | None:
    if not low["throughput_rps"]:
        return None
    return round(high["throughput_rps"] / low["throughput_rps"], 2)


def run(ctx: Context) -> dict[str, Any]:
    started_at, load = time.perf_counter(), loadavg()
    clients = QUICK_CLIENTS if ctx.quick else CLIENTS
    cell_s = QUICK_CELL_S if ctx.quick else CELL_S

    def note(line: str) -> None:
        print(f"   load: {line}", file=sys.stderr, flush=True)

    data_dir = seeded_data_dir(ctx.work)
    figures: dict[str, Any] = {"questions": list(QUESTIONS), "clients": list(clients),
                               "cell_s": cell_s, "cell_cap": CELL_CAP}
    figures["fake_llm"] = fake_llm_part(ctx, data_dir, clients, cell_s, note)
    figures["embedded"] = embedded_part(ctx, data_dir, note)

    top = max(clients)
    targets: dict[str, Any] = {}
    ratios = figures["fake_llm"]["throughput_ratio_top_over_1"] = {}
    for name in ENDPOINTS:
        cells = figures["fake_llm"][name]
        ratios[name] = value = ratio(cells[str(top)], cells["1"])
        targets[f"{name}_throughput_{top}_clients_over_1"] = target(value, top / 2, "min")
    fake_errors = sum(c["errors"] for name in ENDPOINTS for c in figures["fake_llm"][name].values())
    targets["fake_llm_errors"] = target(fake_errors, 0)
    embedded_errors = sum(c["errors"] for c in figures["embedded"]["api_ask"].values())
    targets["embedded_errors"] = target(embedded_errors, 0)

    e_clients, e_s = (1, "one request") if ctx.quick else (EMBEDDED_CLIENTS, f"{EMBEDDED_S:.0f} s")
    method = (
        f"Seed index (`rag ingest seeds/ --prune`, reused when unchanged). Part 1: "
        f"`python -m benchmarks.fake_llm --delay {DELAY_S}` (an OpenAI-compatible stub that "
        "sleeps, then answers with source [1]'s first sentence, concurrently) and `rag serve "
        f"--host 127.0.0.1` with OPENAI_BASE_URL pointing at it, RAG_LLM_MODEL=fake, "
        f"RAG_LLM_CONCURRENCY={LLM_CONCURRENCY}; one warm-up request per endpoint, then for "
        f"each endpoint (POST /api/ask; POST /v1/chat/completions, not streaming) and K in "
        f"{clients}: K threads, one httpx.Client each, asking {len(QUESTIONS)} seed questions "
        f"in turn for {cell_s:.0f} s (at most {CELL_CAP} requests a cell), in-flight requests "
        "waited for. throughput = 200 answers / wall time of the cell; latencies are of the 200 "
        "answers. A 503 with Retry-After is a clean rejection (the client waits up to "
        f"{RETRY_AFTER_CAP_S:.0f} s); any other non-200, malformed 200 or exception is an "
        f"error. Target: throughput at {top} clients >= {top / 2:.0f} x at 1 client, 0 errors. "
        "Part 2: `rag serve` again without OPENAI_* (the embedded llama.cpp model, server "
        "defaults for RAG_LLM_CONCURRENCY/RAG_LLM_QUEUE"
        + (", answers capped as in answer.py's quick mode" if ctx.quick else
           ", warmed with one question") +
        f"); {e_clients} client(s) on /api/ask for {e_s}; target 0 errors. The clients run in "
        "the benchmark process on the same machine as the servers, so they share its cores."
    )
    from rag.settings import Settings

    overrides: dict[str, Any] = {"data_dir": data_dir, "llm_backend": "openai",
                                 "llm_model": "fake", "openai_base_url":
                                 f"http://{LOOPBACK}:<port>/v1", "openai_api_key":
                                 "bench-not-secret"}
    if "llm_concurrency" in Settings.model_fields:  # the setting may not exist yet
        overrides["llm_concurrency"] = LLM_CONCURRENCY
    settings = rag_settings(**overrides)
    write_result(ctx, "load", figures, targets, settings, method, started_at, load)
    return figures
