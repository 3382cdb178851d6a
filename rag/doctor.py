"""`rag doctor`: what this machine and configuration give newsrag, and whether each part works.

Each check is a line a user can act on: the CPU and the features llama.cpp was built to use, the
model files and their sha256, the backends configured, the Chroma mode and collection, and a
one-token generation. The generation runs in a child process (`python -m rag.doctor --probe`),
so a crash inside llama.cpp (a segfault on some CPUs) is reported, with the CPU's flags, instead
of killing the caller; the test suite uses the same probe before it loads the model in-process.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from rag.errors import RagError
from rag.settings import Settings, get_settings, secret

if TYPE_CHECKING:
    from rag.assistant import Assistant

# CPU flags that decide which llama.cpp kernels run (and which crash: AMX, llama.cpp#20824).
RELEVANT_FLAGS = ("avx2", "fma", "f16c", "avx512f", "avx512bw", "avx512_vnni", "avx512_bf16",
                  "avx_vnni", "amx_tile", "amx_int8", "amx_bf16")


@dataclass
class Check:
    name: str
    ok: bool | None  # None: information only
    detail: str

    def line(self) -> str:
        mark = {True: "ok  ", False: "FAIL", None: "    "}[self.ok]
        return f"{mark} {self.name:<12} {self.detail}"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def cpu_summary() -> str:
    from rag.models.llm import cpu_flags

    flags = cpu_flags()
    shown = " ".join(f for f in RELEVANT_FLAGS if f in flags) or "none of the vector extensions"
    return f"{cpu_model()}, {os.cpu_count()} cores; flags: {shown}"


# --- the generation probe, in a child process -------------------------------------------------

def probe_command(settings: Settings) -> list[str]:
    return [sys.executable, "-m", "rag.doctor", "--probe", "--model",
            settings.resolved_llm_model,
            *([] if settings.llm_repack is None else [f"--repack={int(settings.llm_repack)}"])]


def probe_generation(settings: Settings, timeout: float = 600,
                     command: Sequence[str] | None = None) -> Check:
    """Load the embedded LLM through `LlamaCppChat` in a child process and generate one token.

    `command` replaces the child (tests use it to make one crash on purpose)."""
    started = time.perf_counter()
    try:
        child = subprocess.run(list(command or probe_command(settings)), capture_output=True,
                               text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Check("generation", False, f"no token within {timeout:.0f} s ({cpu_summary()})")
    took = time.perf_counter() - started
    if child.returncode < 0:
        name = signal.Signals(-child.returncode).name
        return Check("generation", False, (
            f"the embedded LLM's process died with {name} (signal {-child.returncode}) while "
            f"loading or generating; CPU: {cpu_summary()}. If amx_int8 is among the flags, "
            "llama-cpp-python was likely built with llama.cpp's AMX backend by a compiler "
            "that mishandles it (llama.cpp#20824): set RAG_LLM_REPACK=0, or reinstall it as "
            "the Makefile does (`rm -rf .venv && make install`)."))
    if child.returncode != 0:
        tail = (child.stderr.strip().splitlines() or ["no output"])[-1]
        return Check("generation", False, f"the probe failed ({child.returncode}): {tail}")
    try:
        result = json.loads(child.stdout.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        return Check("generation", False, f"the probe printed no result: {child.stdout[-300:]!r}")
    return Check("generation", True, (
        f"one token ({result['text']!r}) in {result['generate_s']:.2f} s after a "
        f"{result['load_s']:.1f} s load, repack {'on' if result['repack'] else 'off'} "
        f"(child process, {took:.1f} s in all)"))


def _probe_main(model: str, repack: bool | None) -> None:
    """The child side of `probe_generation`: prints one JSON line."""
    from rag.models.llm import LlamaCppChat

    started = time.perf_counter()
    chat = LlamaCppChat(get_settings(llm_backend="llamacpp", llm_model=model,
                                     llm_repack=repack))
    loaded = time.perf_counter()
    text = "".join(chat.stream([{"role": "user", "content": "Say OK."}], 1, 0.0))
    print(json.dumps({"text": text, "repack": chat.repack, "load_s": loaded - started,
                      "generate_s": time.perf_counter() - loaded}))


# --- the checks --------------------------------------------------------------------------------

def _guard(name: str, fn: Callable[[], Check]) -> Check:
    try:
        return fn()
    except RagError as exc:
        return Check(name, False, exc.message + (f" ({exc.hint})" if exc.hint else ""))
    except Exception as exc:  # a doctor reports every failure and goes on
        return Check(name, False, f"{type(exc).__name__}: {exc}")


def check_llama_build(settings: Settings) -> Check:
    from rag.models.llm import amx_backend, llama_build_features, repack_enabled

    features = llama_build_features()
    used = " ".join(name for name, on in features.items() if on and name not in ("CPU",))
    version = metadata.version("llama-cpp-python")
    amx = "AMX backend compiled in" if features.get("AMX_INT8") else "no AMX backend"
    repack = repack_enabled(settings)
    why = ""
    if amx_backend() and repack:
        why = " (into the AMX backend, checked)"
    elif amx_backend() and settings.llm_repack is not False:
        why = " (the AMX backend failed its check)"
    return Check("llama.cpp", True, f"llama-cpp-python {version}, {amx}; uses: {used}; "
                 f"weight repack {'on' if repack else 'off'}{why}")


def check_model_file(settings: Settings) -> Check:
    from rag.models.llm import PACKAGED_MODELS, materialize

    name = settings.resolved_llm_model
    path = materialize(name)  # joins once, re-hashes whenever size or mtime changed
    size = path.stat().st_size / 2**20
    return Check("model file", True, f"{path} ({size:,.0f} MiB), sha256 "
                 f"{PACKAGED_MODELS[name].sha256[:16]}… verified")


def check_backends(settings: Settings) -> Check:
    llm = settings.resolved_llm_backend
    where = (f" at {settings.openai_base_url or 'api.openai.com'}, key "
             f"{'set' if secret(settings.openai_api_key) else 'not set'}" if llm == "openai"
             else " (embedded, llama.cpp)")
    return Check("backends", None, f"LLM {llm}: {settings.resolved_llm_model}{where}; "
                 f"embeddings {settings.resolved_embedding_backend}: "
                 f"{settings.resolved_embedding_model}; retrieval {settings.retrieval_mode}; "
                 f"server key {'set' if secret(settings.api_key) else 'not set'}")


def check_chroma(assistant: Assistant) -> Check:
    settings, store = assistant.settings, assistant.store  # opened as every command opens it
    mode = (f"server {settings.chroma_url}" if settings.chroma_url
            else f"embedded at {settings.data_dir / 'chroma'}")
    return Check("chroma", True, f"{mode}; collection {settings.collection!r}: "
                 f"{store.count():,} chunks, {store.model_name} ({store.dim}-d)")


def check_openai_generation(settings: Settings) -> Check:
    from rag.models.llm import OpenAIChat

    started = time.perf_counter()
    text = "".join(OpenAIChat(settings).stream([{"role": "user", "content": "Say OK."}], 1, 0.0))
    return Check("generation", True, f"one token ({text!r}) from the server in "
                 f"{time.perf_counter() - started:.2f} s")


def run_checks(assistant: Assistant) -> list[Check]:
    settings = assistant.settings
    checks = [Check("cpu", None, cpu_summary()), check_backends(settings)]
    if settings.resolved_llm_backend == "llamacpp":
        checks.append(_guard("llama.cpp", lambda: check_llama_build(settings)))
        checks.append(_guard("model file", lambda: check_model_file(settings)))
        if checks[-1].ok:
            checks.append(probe_generation(settings))
    else:
        checks.append(_guard("generation", lambda: check_openai_generation(settings)))
    checks.append(_guard("chroma", lambda: check_chroma(assistant)))
    return checks


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(prog="python -m rag.doctor")
    parser.add_argument("--probe", action="store_true", help="generate one token and exit")
    parser.add_argument("--model", default="qwen2.5-coder-1.5b-instruct")
    parser.add_argument("--repack", type=int, choices=(0, 1), default=None,
                        help="load with (1) or without (0) weight repacking; default: automatic")
    args = parser.parse_args()
    if args.probe:
        _probe_main(args.model, None if args.repack is None else bool(args.repack))
    else:
        from rag.assistant import Assistant

        for check in run_checks(Assistant(get_settings())):
            print(check.line())
