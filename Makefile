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

# llama-cpp-python compiles from source once per machine (~13 min on 2 cores); pip caches the wheel.
# It builds with -march=native. On Intel CPUs with AMX that compiles llama.cpp's AMX backend, whose
# Q4_K path segfaults (ggml-org/llama.cpp#20824), so the AMX instructions are switched off; every
# other native feature (AVX2, AVX-512, VNNI) and the CPU repack of Q4_K stay. GCC lets an explicit
# -mno-* win over -march=native whatever their order. See docs/models.md.
LLAMA_BUILD_ENV := CMAKE_BUILD_PARALLEL_LEVEL=2 \
	CFLAGS="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16" \
	CXXFLAGS="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(LLAMA_BUILD_ENV) $(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(LLAMA_BUILD_ENV) $(BIN)/pip install --quiet -e '.[dev]'
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
