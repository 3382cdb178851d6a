"""`Assistant`: the one object every surface (CLI, HTTP API, UI, scripts) wraps.

    from rag import Assistant
    assistant = Assistant()                 # settings from the environment
    assistant.ingest(["seeds/"])
    answer = assistant.ask("Who did Blinken meet in Beijing?")
    print(answer.answer, answer.citations)

Heavy parts (embedder, Chroma, LLM) are created on first use, so `rag search` never loads the
LLM and constructing an Assistant costs nothing.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .answer_checks import answer_problem
from .bm25 import BM25Index
from .catalog import Catalog
from .citations import (
    CheckedAnswer,
    Source,
    adds_information,
    check_citations,
    format_sources,
    is_refusal,
)
from .errors import EmptyIndex, InvalidQuestion
from .ingest import Progress, is_unchanged, plan
from .llm import ChatModel, Message, make_chat_model
from .prompts import load_prompt
from .settings import Settings, get_settings
from .text import approx_tokens, article_sentences, content_words
from .types import (
    Answer,
    ArticleInfo,
    IngestReport,
    ModelInfo,
    Retrieved,
    SearchHit,
    SearchResult,
)

if TYPE_CHECKING:  # LlamaIndex and Chroma load on first use, so an unchanged re-ingest skips them
    from llama_index.core.schema import NodeWithScore

    from .ingest import Ingester

REFUSAL = "The sources do not say."
HISTORY_TURNS = 6  # messages of history used to condense a follow-up question


class Assistant:
    def __init__(self, settings: Settings | None = None, llm: ChatModel | None = None) -> None:
        self.settings = settings or get_settings()
        self._llm = llm
        # One ingest or LLM call at a time per process. A plain Lock, not an RLock: a streaming
        # caller may resume the generator (and so release it) from another thread.
        self._lock = threading.Lock()
        self._system = load_prompt("answer_system")
        self._user = load_prompt("answer_user")
        self._condense = load_prompt("condense")

    # --- parts, built on first use ------------------------------------------------------------
    @cached_property
    def embedder(self) -> Any:
        from .embeddings import make_embedder

        return make_embedder(self.settings)

    @cached_property
    def store(self) -> Any:
        from .vectorstore import VectorStore

        embedder = self.embedder
        dim = getattr(embedder, "dim", None) or len(embedder.get_text_embedding("dimension"))
        return VectorStore(self.settings, embedder.model_name, dim)

    @cached_property
    def catalog(self) -> Catalog:
        return Catalog(self.settings.collection_dir)

    @cached_property
    def _bm25_index(self) -> BM25Index:
        return BM25Index(self.settings.collection_dir / "bm25")

    @cached_property
    def ingester(self) -> Ingester:
        from .ingest import Ingester

        return Ingester(self.settings, self.embedder, self.store, self.catalog, self._bm25_index)

    @cached_property
    def retriever(self) -> Any:
        from .retrieval import HybridRetriever

        self.ingester.refresh_bm25()  # repairs an index a crash left behind a catalog change
        return HybridRetriever(self.store.llama_store, self._bm25_index.load(),
                               self.settings.retrieval_mode, self.settings.candidates)

    @property
    def llm(self) -> ChatModel:
        if self._llm is None:
            self._llm = make_chat_model(self.settings)
        return self._llm

    @property
    def model_info(self) -> ModelInfo:
        return ModelInfo(llm=self.settings.resolved_llm_model,
                         embedding=self.settings.resolved_embedding_model)

    # --- ingest -------------------------------------------------------------------------------
    def ingest(self, paths: Sequence[str | Path], prune: bool = False,
               progress: Progress | None = None) -> IngestReport:
        with self._lock:
            started = time.perf_counter()
            files = [Path(p) for p in paths]
            work = plan(files, self.catalog, self.settings, prune=prune)
            if is_unchanged(work, self.catalog, self._bm25_index):
                return IngestReport(skipped=work.skipped, failed=work.failed,
                                    seconds=time.perf_counter() - started)
            report = self.ingester.run(files, prune=prune, progress=progress, work=work)
            self.__dict__.pop("retriever", None)  # reload the rebuilt BM25 index
            return report

    def articles(self) -> list[ArticleInfo]:
        return self.catalog.info()

    def article_text(self, source: str) -> str | None:
        return self.catalog.text(source)

    # --- search -------------------------------------------------------------------------------
    def _check_question(self, question: str) -> str:
        question = (question or "").strip()
        if not question:
            raise InvalidQuestion("the question is empty", "ask something about the articles")
        if len(question) > self.settings.max_question_chars:
            raise InvalidQuestion(
                f"the question has {len(question):,} characters; the limit is "
                f"{self.settings.max_question_chars:,}",
                "shorten it or raise RAG_MAX_QUESTION_CHARS")
        return question

    def _retrieve(self, question: str, k: int | None) -> list[NodeWithScore]:
        if not self.catalog.entries():
            raise EmptyIndex("nothing is indexed yet", "run `rag ingest seeds/` first")
        from .embeddings import embed_query

        needs_vector = self.settings.retrieval_mode != "bm25"
        embedding = embed_query(self.embedder, question) if needs_vector else None
        if embedding is not None and len(embedding) != self.store.dim:
            raise EmptyIndex("query embedding size does not match the collection")
        return self.retriever.retrieve(question, embedding, k or self.settings.k)

    def search(self, question: str, k: int | None = None) -> SearchResult:
        question = self._check_question(question)
        hits = self._retrieve(question, k)
        return SearchResult(question=question, results=[_hit(h) for h in hits])

    # --- answer -------------------------------------------------------------------------------
    def ask(self, question: str, history: list[Message] | None = None,
            k: int | None = None) -> Answer:
        result = None
        for event in self.stream(question, history=history, k=k):
            if isinstance(event, Answer):
                result = event
        assert result is not None
        return result

    def stream(self, question: str, history: list[Message] | None = None,
               k: int | None = None) -> Iterator[str | Answer]:
        """Yield the answer's text as it is generated, then the checked `Answer`."""
        started = time.perf_counter()
        timings: dict[str, float] = {}
        question = self._check_question(question)
        standalone = question
        if history:
            with self._lock:
                standalone = self.condense(question, history)
            timings["condense_ms"] = _ms(started)
        t0 = time.perf_counter()
        hits = self._retrieve(standalone, k)
        timings["retrieve_ms"] = _ms(t0)
        retrieved = [Retrieved(source=h.node.metadata["source"], chunk_id=h.node.node_id,
                               score=float(h.score or 0.0), text=h.node.get_content(),
                               start=int(h.node.metadata["start"]),
                               end=int(h.node.metadata["end"])) for h in hits]
        sources = self.build_sources(hits, standalone)
        base: dict[str, Any] = dict(
            question=question, retrieved=retrieved, model=self.model_info,
            standalone_question=standalone if standalone != question else None)
        if not sources:
            timings["total_ms"] = _ms(started)
            yield REFUSAL
            yield Answer(answer=REFUSAL, refused=True, citations=[], timings_ms=timings,
                         refusal_reason="no indexed article matches the question", **base)
            return
        messages = [
            {"role": "system", "content": self._system.render()},
            {"role": "user", "content": self._user.render(sources=format_sources(sources),
                                                          question=standalone)},
        ]
        t0 = time.perf_counter()
        text = ""
        with self._lock:
            for delta in self.llm.stream(messages, self.settings.max_answer_tokens,
                                         self.settings.temperature):
                if not text:
                    timings["first_token_ms"] = _ms(started)
                text += delta
                yield delta
            prompt_tokens = self.llm.count_tokens(messages)
        timings["llm_ms"] = _ms(t0)
        checked = check_citations(text.strip(), sources, self.settings.support_threshold,
                                  question=standalone,
                                  verify=lambda *quote: self.verify_quote(*quote, retrieved))
        reason = self._refusal_reason(text, checked, sources, standalone)
        refused = reason is not None
        timings["total_ms"] = _ms(started)
        yield Answer(
            answer=REFUSAL if refused else checked.text, refused=refused,
            refusal_reason=reason, citations=[] if refused else checked.citations,
            sentences=[] if refused else checked.sentences,
            timings_ms=timings, prompt_tokens=prompt_tokens, **base,
        )

    def verify_quote(self, source: str, start: int, end: int, quote: str,
                     chunks: list[Retrieved]) -> bool:
        """Whether the index holds `quote` at start:end of `source`, read independently of the
        text the quote was cut from: the stored article read afresh with its sha256 checked
        against the catalog, and every retrieved chunk of that article (the text Chroma holds)
        that overlaps the span agreeing with it. A stale index, a changed stored text or an
        offset bug makes the citation unverified."""
        stored = self.catalog.checked_text(source)
        if stored is None or stored[start:end] != quote:
            return False
        overlapping = 0
        for chunk in chunks:
            if chunk.source != source or chunk.text is None or chunk.start is None:
                continue
            low, high = max(start, chunk.start), min(end, chunk.start + len(chunk.text))
            if low >= high:
                continue
            overlapping += 1
            if chunk.text[low - chunk.start:high - chunk.start] != quote[low - start:high - start]:
                return False
        return overlapping > 0

    @staticmethod
    def _refusal_reason(text: str, checked: CheckedAnswer, sources: list[Source],
                        question: str) -> str | None:
        """Why the model's answer is replaced by a refusal, or None to keep it.

        The model is never offered a refusal in the prompt (a small one takes it too often on
        answerable questions: docs/evals.md); the code decides, from what it can check."""
        if is_refusal(text):
            return "the model found no answer in the sources"
        if not any(s.supported for s in checked.sentences):
            return "no sentence of the answer is supported by the sources"
        if not adds_information(checked.text, question):
            return "the answer only restates the question"
        by_number = {src.n: src for src in sources}
        return answer_problem(question, checked.text, [
            (by_number[c.n].article_text, c.start, c.end) for c in checked.citations])

    def build_sources(self, hits: list[NodeWithScore], question: str = "") -> list[Source]:
        """Number the retrieved articles and choose the evidence shown, within the token budget.

        'chunks' shows whole chunks in rank order; 'sentences' shows the sentences of the
        retrieved chunks that share the most (rare) words with the question, which keeps the
        prompt short - the main lever on answer latency with a small local model.
        """
        # Each article's text read once per question; None when another client indexed it.
        texts = {h.node.metadata["source"]: self.catalog.text(h.node.metadata["source"])
                 for h in hits}
        spans: list[tuple[dict[str, Any], int, int]] = []  # (chunk metadata, start, end)
        if self.settings.context_mode == "sentences" and question:
            spans = self._best_sentences(hits, question, texts)
        else:
            spans = [(h.node.metadata, int(h.node.metadata["start"]),
                      int(h.node.metadata["end"])) for h in hits]
        sources: dict[str, Source] = {}
        used = 0
        for meta, start, end in spans:
            article_text = texts[meta["source"]]
            if article_text is None:
                continue
            cost = approx_tokens(article_text[start:end])
            if sources and used + cost > self.settings.context_tokens:
                continue
            src = sources.get(meta["source"])
            if src is None:
                src = Source(n=len(sources) + 1, source=meta["source"],
                             title=meta.get("title") or None,
                             published=meta.get("published") or None,
                             article_text=article_text)
                sources[meta["source"]] = src
            src.add_span(start, end, keep_order=self.settings.context_mode == "sentences")
            used += cost
        return list(sources.values())

    def _best_sentences(self, hits: list[NodeWithScore], question: str,
                        texts: dict[str, str | None]) -> list[tuple[dict[str, Any], int, int]]:
        """Sentences of the retrieved chunks, best first: question words they share, weighted
        by rarity among the candidates, plus a small bonus for the chunk's rank."""
        candidates: list[tuple[dict[str, Any], int, int, set[str], int]] = []
        seen: set[tuple[str, int]] = set()
        for rank, hit in enumerate(hits):
            meta = hit.node.metadata
            article = texts[meta["source"]] or ""
            # Whole sentences of the article that overlap the chunk: a chunk may begin or end
            # mid-sentence, a quote never does.
            for start, end in article_sentences(article):
                if end <= int(meta["start"]) or start >= int(meta["end"]):
                    continue
                if int(meta.get("chunk", -1)) == 0:  # the header (date marker, title) before
                    start = max(start, int(meta["start"]))  # the body is not evidence
                if (meta["source"], start) in seen:  # overlapping chunks repeat sentences
                    continue
                seen.add((meta["source"], start))
                words = content_words(article[start:end])
                if len(words) >= 3:  # skip headings and fragments ("Hopes for Stable Relations")
                    candidates.append((meta, start, end, words, rank))
        wanted = content_words(question)
        df = {w: sum(w in c[3] for c in candidates) for w in wanted}
        weight = {w: math.log(1 + len(candidates) / df[w]) for w in wanted if df[w]}

        def score(c: tuple[dict[str, Any], int, int, set[str], int]) -> float:
            return sum(weight.get(w, 0.0) for w in c[3] & wanted) + 1.0 / (c[4] + 2)

        ranked = sorted(candidates, key=score, reverse=True)
        return [(meta, start, end) for meta, start, end, _, _ in ranked]

    def condense(self, question: str, history: list[Message]) -> str:
        """Rewrite a follow-up ("what did he say about Taiwan?") as a standalone question."""
        lines = [f"{m['role'].capitalize()}: {m['content']}" for m in history[-HISTORY_TURNS:]
                 if m.get("role") in ("user", "assistant") and m.get("content")]
        if not lines:
            return question
        prompt = self._condense.render(history="\n".join(lines), question=question)
        text = "".join(self.llm.stream([{"role": "user", "content": prompt}], 80, 0.0))
        text = text.strip().splitlines()[0].strip().strip('"') if text.strip() else ""
        return text if len(text) > 3 else question


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)


def _hit(hit: NodeWithScore) -> SearchHit:
    meta = hit.node.metadata
    return SearchHit(source=meta["source"], chunk_id=hit.node.node_id,
                     score=round(float(hit.score or 0.0), 6), text=hit.node.get_content(),
                     start=int(meta["start"]), end=int(meta["end"]),
                     title=meta.get("title") or None, published=meta.get("published") or None)
