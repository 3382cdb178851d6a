# Two commands do everything on a fresh machine (see README):
#   make demo   - install, ingest seeds/ and answer a question with citations (embedded models)
#   make test   - install (with test tools and Chromium) and run lint, types and the tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
QUESTION ?= Which prominent American did Xi Jinping meet the week before Blinken?

.PHONY: demo test install install-dev browser lint typecheck pytest bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# llama-cpp-python compiles from source (-march=native), once per machine: the wheel is kept in
# ~/.cache/newsrag/wheels/, keyed by the compiler, the flags and the CPU, and later installs (a
# fresh clone, CI) take it from there. mtmd (images and audio) is not built: newsrag never loads it.
#
# AMX: GCC 12's <amxtileintrin.h> tells the compiler that `ldtilecfg` reads 8 bytes of the 64-byte
# tile configuration and that tile loads read no memory, so it drops the stores llama.cpp makes to
# its configuration and the first AMX instruction faults (the segfault of ggml-org/llama.cpp#20824
# on Intel Xeons with AMX). Where the compiler's header has that fault, native/gcc-amx/ holds one
# with correct memory operands, found first; llama.cpp's AMX backend is then built and works.
# See docs/models.md ("CPUs").
AMX_HEADER := $(shell $(CC) -print-file-name=include/amxtileintrin.h 2>/dev/null)
AMX_FIX := $(if $(shell grep -s -l 'void \*\*.__config' $(AMX_HEADER)),-I$(CURDIR)/native/gcc-amx)
LLAMA_FLAGS := $(AMX_FIX)
LLAMA_KEY := $(shell { $(CC) --version | head -1; echo 'amx-fix=$(if $(AMX_FIX),1,0)'; \
	sha256sum native/gcc-amx/amxtileintrin.h; grep -m1 '^flags' /proc/cpuinfo; } | sha256sum | cut -c1-12)
LLAMA_WHEELS := $(HOME)/.cache/newsrag/wheels/llama-cpp-python-0.3.36-$(LLAMA_KEY)

$(LLAMA_WHEELS)/.built: | $(BIN)/python
	CMAKE_BUILD_PARALLEL_LEVEL=2 CMAKE_ARGS="-DLLAVA_BUILD=OFF" \
	CFLAGS="$(LLAMA_FLAGS)" CXXFLAGS="$(LLAMA_FLAGS)" \
	$(BIN)/pip wheel --quiet --no-deps --no-cache-dir --no-binary llama-cpp-python \
		llama-cpp-python==0.3.36 -w $(LLAMA_WHEELS)
	touch $@

$(VENV)/.installed: pyproject.toml $(LLAMA_WHEELS)/.built | $(BIN)/python
	$(BIN)/pip install --quiet --no-deps --force-reinstall $(LLAMA_WHEELS)/llama_cpp_python-*.whl
	$(BIN)/pip install --quiet --find-links $(LLAMA_WHEELS) -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet --find-links $(LLAMA_WHEELS) -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# The UI test drives Debian's Chromium (never a downloaded browser).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium chromium-driver >/dev/null; fi; fi

demo: install
	$(BIN)/rag ingest seeds
	$(BIN)/rag ask "$(QUESTION)"

lint: install-dev
	$(BIN)/ruff check rag ui evals tests benchmarks

typecheck: install-dev
	$(BIN)/mypy rag ui evals benchmarks

pytest: install-dev browser
	$(BIN)/pytest -q -p no:cacheprovider --timeout 900

test: lint typecheck pytest

bench: install-dev
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) .rag
