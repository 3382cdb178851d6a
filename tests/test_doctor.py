"""`rag doctor` and the generation probe it shares with the test suite: the embedded LLM is
loaded through `LlamaCppChat` in a child process, so a crash inside llama.cpp (the AMX segfault
of llama.cpp#20824, say) fails one check with the CPU's flags instead of killing pytest."""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

from rag.cli import app
from rag.doctor import probe_generation
from rag.models.llm import amx_repack_crashes, llama_build_features
from rag.settings import get_settings


def test_the_embedded_llm_loads_and_generates_in_a_child_process() -> None:
    check = probe_generation(get_settings(llm_backend="llamacpp"))
    assert check.ok, check.detail
    assert "one token" in check.detail


def test_a_crash_in_the_model_process_is_reported_with_the_cpu_flags() -> None:
    segfault = [sys.executable, "-c", "import ctypes; ctypes.string_at(0)"]
    check = probe_generation(get_settings(), command=segfault)
    assert check.ok is False
    assert "SIGSEGV" in check.detail and "flags:" in check.detail
    assert "RAG_LLM_REPACK" in check.detail  # and what to do about it


def test_the_build_never_repacks_into_amx_on_a_cpu_where_that_crashes() -> None:
    from rag.models.llm import repack_enabled

    features = llama_build_features()
    assert features.get("AVX2") or features.get("AVX512"), features  # a native x86-64 build
    assert not features.get("AMX_INT8")  # the Makefile builds without llama.cpp's AMX backend
    assert not repack_enabled(get_settings())  # off unless asked for
    assert repack_enabled(get_settings(llm_repack=True)) == (not amx_repack_crashes())


def test_rag_doctor_prints_each_check_and_exits_0(seeded_dir: Path) -> None:
    result = CliRunner().invoke(app, ["doctor", "--data-dir", str(seeded_dir)])
    assert result.exit_code == 0, result.output
    names = [line[5:].split()[0] for line in result.output.splitlines() if line.strip()]
    assert names == ["cpu", "backends", "llama.cpp", "model", "generation", "chroma"]
    assert "sha256" in result.output and "chunks" in result.output


def test_rag_doctor_exits_1_on_a_problem(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["doctor", "--data-dir", str(tmp_path / ".rag"),
                                      "--model", "no-such-model"])
    assert result.exit_code == 1, result.output
    assert "FAIL model file   unknown embedded model 'no-such-model'" in result.output
