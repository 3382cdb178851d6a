"""The embedded LLM's speed with and without weight repacking (`RAG_LLM_REPACK`).

Repacking (llama.cpp's "extra buffer types") rearranges Q4_K weights for the CPU's vector units
when the model loads; on Intel CPUs with AMX into llama.cpp's AMX backend, which the Makefile
builds around a compiler fault that made it crash (llama.cpp#20824) and which is used only after
a check saw it work (`rag.models.llm.amx_works`). This measures what repacking is worth: each
run is a fresh process that loads the model through `LlamaCppChat`, evaluates one prompt of
seed-article text and generates up to GENERATE tokens; llama.cpp's own counters give prompt and
generation tokens/s. Runs alternate on/off so that both see the same machine load.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from .common import SEEDS, Context, loadavg, rag_settings, run_phase, write_result

# An answer's shape: seeds_qa prompts average ~300 tokens and answers ~30-50 (docs/evals.md).
PROMPT_TOKENS, GENERATE, PAIRS = 320, 48, 5
QUICK = (64, 8, 1)


def measure(repack: bool, prompt_tokens: int, generate: int) -> dict[str, Any]:
    """One fresh load, one prompt, one generation (runs in a child process)."""
    from rag.models.llm import LlamaCppChat, import_llama_cpp, llama_build_features
    from rag.settings import get_settings

    started = time.perf_counter()
    chat = LlamaCppChat(get_settings(llm_backend="llamacpp", llm_repack=repack))
    load_s = time.perf_counter() - started
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.iterdir()))
    tokens = chat.llm.tokenize(text.encode("utf-8"))[:prompt_tokens]
    prompt = chat.llm.detokenize(tokens).decode("utf-8", errors="ignore")
    ctx = chat.llm.ctx
    llama_cpp = import_llama_cpp()
    llama_cpp.llama_perf_context_reset(ctx)
    chat.llm.create_completion(prompt, max_tokens=generate, temperature=0.0)
    perf = llama_cpp.llama_perf_context(ctx)
    return {"repack": chat.repack, "load_s": round(load_s, 2),
            "prompt_tokens": perf.n_p_eval, "prompt_tok_s": round(
                perf.n_p_eval / perf.t_p_eval_ms * 1000, 1),
            "generated_tokens": perf.n_eval, "gen_tok_s": round(
                perf.n_eval / perf.t_eval_ms * 1000, 1) if perf.n_eval else None,
            # what one answer of this shape costs: the prompt, then the tokens generated
            "answer_s": round((perf.t_p_eval_ms + perf.t_eval_ms) / 1000, 2),
            "llama_build": {k: v for k, v in llama_build_features().items() if v}}


def run(ctx: Context) -> dict[str, Any]:
    started, load = time.perf_counter(), loadavg()
    prompt_tokens, generate, pairs = QUICK if ctx.quick else (PROMPT_TOKENS, GENERATE, PAIRS)
    runs: dict[str, list[dict[str, Any]]] = {"on": [], "off": []}
    for _ in range(pairs):
        for repack in ("on", "off"):
            runs[repack].append(run_phase("benchmarks.llm:measure", repack=repack == "on",
                                          prompt_tokens=prompt_tokens, generate=generate))

    def median(mode: str, key: str) -> float:
        return round(statistics.median(r[key] for r in runs[mode] if r[key] is not None), 1)

    figures: dict[str, Any] = {
        mode: {"prompt_tok_s": median(mode, "prompt_tok_s"),
               "gen_tok_s": median(mode, "gen_tok_s"), "answer_s": median(mode, "answer_s"),
               "load_s": median(mode, "load_s"),
               "peak_rss_mb": median(mode, "peak_rss_mb"), "runs": runs[mode]}
        for mode in runs
    }
    for name in ("prompt_tok_s", "gen_tok_s", "answer_s", "load_s", "peak_rss_mb"):
        figures[f"{name}_ratio_on_vs_off"] = round(figures["on"][name] / figures["off"][name], 2)
    from rag.models.llm import amx_backend, amx_works
    from rag.settings import get_settings

    repacked = all(r["repack"] for r in runs["on"])
    usable = not amx_backend() or amx_works(get_settings().resolved_llm_model)
    targets = {"repacks_only_where_it_works": {
        "value": repacked, "limit": usable, "kind": "equal", "met": repacked == usable}}
    method = (f"{pairs} pairs of fresh processes, alternating RAG_LLM_REPACK on and off "
              "(on is refused where the AMX backend failed its check): load the default "
              f"embedded LLM through LlamaCppChat, evaluate {prompt_tokens} tokens of "
              f"seed-article text, generate up to {generate} tokens (temperature 0); prompt and "
              "generation tokens/s from llama.cpp's perf counters; medians.")
    write_result(ctx, "llm", figures, targets, rag_settings(), method, started, load)
    return figures
