"""The targets table of docs/performance.md, made from benchmarks/results/*.json.

    python -m benchmarks.report            # print the table
    python -m benchmarks.report --write    # replace the table in docs/performance.md

A test checks that the table in the doc is the one the results files give.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .common import RESULTS, ROOT

DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- targets:start -->", "<!-- targets:end -->"

# (benchmark, target key, what it is, how to show the value and the limit)
ROWS = [
    ("ingest", "ingest_over_raw_throughput",
     "1. `rag ingest` chunks/s over embedder-alone chunks/s", "{:.2f}", ">= {:.2f}"),
    ("ingest", "peak_memory_mb_reported", "1. peak memory of `rag ingest` (MB)", "{:.0f}",
     "reported"),
    ("reingest", "unchanged_reingest_s_in_process",
     "2. re-ingest, unchanged corpus, `Assistant.ingest` (s)", "{:.2f}", "<= {:.0f}"),
    ("reingest", "unchanged_reingest_s_cli_wall",
     "2. re-ingest, unchanged corpus, `rag ingest` wall incl. start-up (s)", "{:.2f}",
     "<= {:.0f}"),
    ("reingest", "one_changed_file_only_its_chunks_embedded",
     "2. one changed file: chunks embedded (= its chunks)", "{}", "= {}"),
    ("retrieval", "search_p50_ms_at_100000", "3. search p50 at 100k chunks, in-process (ms)",
     "{:.0f}", "<= {:.0f}"),
    ("retrieval", "search_p95_ms_at_100000", "3. search p95 at 100k chunks, in-process (ms)",
     "{:.0f}", "<= {:.0f}"),
    ("retrieval", "peak_memory_mb_at_100000", "3. peak memory at 100k chunks (MB)", "{:.0f}",
     "<= {:.0f}"),
    ("retrieval", "no_index_rebuilt_per_query", "3. BM25 index rebuilds during queries", "{}",
     "{}"),
    ("answer", "median_total_ms", "4. answer, median end to end, warm (ms)", "{:.0f}",
     "<= {:.0f}"),
    ("answer", "median_first_token_ms", "4. answer, median time to first token (ms)", "{:.0f}",
     "<= {:.0f}"),
    ("answer", "prompt_tokens_reported", "4. prompt tokens, median", "{}", "reported"),
    ("answer", "sentences_no_drop_vs_chunks",
     "4. sentences vs chunks: correct, refusal recall, false refusals", "{}", "{}"),
    ("realnews", "rag_ingest_at_least_as_fast_as_plain_llamaindex",
     "7. real news: `rag ingest` articles/s over a plain LlamaIndex + MiniLM pipeline's",
     "{:.2f}", ">= {:.2f}"),
    ("filters", "date_filter_p50_over_unfiltered",
     "issue 14: hybrid search p50 at 100k chunks, one-month date filter over none", "{:.2f}",
     "<= {:.1f}"),
    ("filters", "no_result_outside_the_filter",
     "issue 14: filtered results outside the filter", "{}", "<= {}"),
    ("duplicates", "ingest_with_over_without_duplicate_detection",
     "issue 14: `rag ingest` chunks/s with duplicate detection over without (Wikinews + copies)",
     "{:.3f}", ">= {:.2f}"),
    ("duplicates", "wire_copies_grouped_with_their_original",
     "issue 14: edited wire copies grouped with their original", "{}", "= {}"),
    ("answer_news", "median_total_ms", "8. real news: answer, median end to end, warm (ms)",
     "{:.0f}", "<= {:.0f}"),
    ("answer_news", "median_first_token_ms",
     "8. real news: answer, median time to first token (ms)", "{:.0f}", "<= {:.0f}"),
    ("answer_news", "correct_no_lower_than_previous",
     "8. real news: correct, against the previous release", "{:.3f}", ">= {:.3f}"),
    ("startup", "rag_ask_imports_no_gradio", "start-up: `rag ask` imports gradio", "{}", "{}"),
    ("startup", "rag_ask_cold_s_reported", "start-up: cold `rag ask` wall (s)", "{:.1f}",
     "reported"),
    ("llm", "repacks_only_where_it_works",
     "embedded LLM: weights repacked where, and only where, the AMX backend passed its check",
     "{}", "{}"),
    ("load", "api_ask_throughput_16_clients_over_1",
     "6. load: /api/ask throughput, 16 clients over 1 (fake LLM server)", "{:.1f}",
     ">= {:.0f}"),
    ("load", "v1_chat_throughput_16_clients_over_1",
     "6. load: /v1/chat/completions throughput, 16 clients over 1", "{:.1f}", ">= {:.0f}"),
    ("load", "fake_llm_errors", "6. load: errors with the LLM server", "{}", "<= {}"),
    ("load", "embedded_errors", "6. load: errors, embedded model, 4 clients for 2 min", "{}",
     "<= {}"),
]


def _fmt(pattern: str, value: Any) -> str:
    if isinstance(value, dict):
        return " / ".join("-" if v is None else f"{v:.2f}" for v in value.values())
    try:
        return pattern.format(value)
    except (ValueError, TypeError):
        return str(value)


def cpu(machine: dict[str, Any]) -> str:
    """The CPU a figure was measured on, with its widest vector units ("AMD EPYC, AVX2"):
    the machines differ, and the embedded models' speed with them."""
    if "cpu_flags" not in machine:  # files written before the flags were recorded
        return str(machine.get("cpu", "?"))
    flags = set(machine["cpu_flags"])
    widest = next((name for flag, name in (("amx_tile", "AMX"), ("avx512_vnni", "AVX-512 VNNI"),
                                           ("avx512f", "AVX-512"), ("avx2", "AVX2"))
                   if flag in flags), "no AVX2")
    return f"{machine.get('cpu', '?')}, {widest}"


def table(results: Path = RESULTS) -> str:
    lines = ["| figure | measured | target | met | load avg at start | CPU |",
             "|---|---|---|---|---|---|"]
    for name, key, label, value_fmt, limit_fmt in ROWS:
        path = results / f"{name}.json"
        if not path.exists():
            lines.append(f"| {label} | not run | | | | |")
            continue
        data = json.loads(path.read_text())
        line = data["targets"].get(key)
        if line is None:
            lines.append(f"| {label} | not measured | | | | |")
            continue
        load = data["machine"]["loadavg_at_start"][0]
        limit = _fmt(limit_fmt, line.get("limit"))
        met = "yes" if line["met"] else "**no**"
        lines.append(f"| {label} | {_fmt(value_fmt, line['value'])} | {limit} | {met} | {load} "
                     f"| {cpu(data['machine'])} |")
    return "\n".join(lines)


def doc_table(doc: Path = DOC) -> str:
    text = doc.read_text()
    return text[text.index(START) + len(START):text.index(END)].strip()


def write(doc: Path = DOC, results: Path = RESULTS) -> None:
    text = doc.read_text()
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    doc.write_text(f"{head}{START}\n{table(results)}\n{END}{tail}")


if __name__ == "__main__":
    if "--write" in sys.argv[1:]:
        write()
    else:
        print(table())
