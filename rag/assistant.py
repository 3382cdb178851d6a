"""`Assistant`: the one object every surface (CLI, HTTP API, UI, scripts) wraps.

    from rag import Assistant
    assistant = Assistant()                 # settings from the environment
    assistant.ingest(["seeds/"])
    answer = assistant.ask("Who did Blinken meet in Beijing?")
    print(answer.answer, answer.citations)

Heavy parts (embedder, Chroma, LLM) are created on first use, so `rag search` never loads the
LLM and constructing an Assistant costs nothing. Answering is the stages of `rag.answer`,
called in order by `stream`.

Imports: rag.index, rag.models, rag.answer, and the shared modules (settings, errors, types,
prompts, text); never rag.web, ui or evals.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rag.answer.condense import condense
from rag.answer.constraints import Constraint
from rag.answer.constraints import parse as parse_constraints
from rag.answer.decide import NO_MATCH, REFUSAL, Decision, decide
from rag.answer.evidence import Source, build_sources, is_list_question
from rag.answer.fallback import partial_answer
from rag.answer.generate import AnswerPrompts, build_messages, generate
from rag.answer.quotation import with_quotation
from rag.answer.review import ReviewPrompts, review
from rag.answer.select import NONE_CHOSEN, SelectPrompts, select
from rag.answer.verify import Verifier, check_citations
from rag.errors import EmptyIndex, InvalidInput, InvalidQuestion, RagError
from rag.index.bm25 import BM25Index
from rag.index.catalog import Catalog
from rag.index.chroma import chroma_errors
from rag.index.ingest import Progress, is_unchanged, plan
from rag.models.llm import ChatModel, Message, limited, make_chat_model
from rag.prompts import load_prompt
from rag.settings import Settings, get_settings
from rag.types import (
    Answer,
    ArticleInfo,
    DependencyHealth,
    Filters,
    Health,
    IngestReport,
    ModelInfo,
    RetrievedChunk,
    SearchResult,
    TimeFrame,
)

if TYPE_CHECKING:  # LlamaIndex loads on first use, so an unchanged re-ingest skips it
    from rag.index.ingest import Ingester
    from rag.index.retrieval import Searcher

__all__ = ["REFUSAL", "Assistant", "make_filters"]

DateLike = str | dt.date | None


def make_filters(since: DateLike = None, until: DateLike = None,
                 outlets: Sequence[str] | None = None, as_of: DateLike = None
                 ) -> Filters | None:
    """Filters from keyword arguments (ISO date strings or dates); None when none is given.
    A bad date or an empty range is an `InvalidInput`."""
    if not (since or until or outlets or as_of):
        return None
    try:
        filters = Filters(since=since or None, until=until or None,  # type: ignore[arg-type]
                          outlets=[o for o in outlets or [] if o.strip()],
                          as_of=as_of or None)  # type: ignore[arg-type]
    except ValueError as exc:
        raise InvalidInput(f"bad date filter: {exc.errors()[0]['msg']}",  # type: ignore[attr-defined]
                           "give dates as YYYY-MM-DD") from None
    if filters.since and filters.until and filters.since > filters.until:
        raise InvalidInput(f"since ({filters.since}) is after until ({filters.until})",
                           "swap them")
    return filters


class Assistant:
    def __init__(self, settings: Settings | None = None, llm: ChatModel | None = None) -> None:
        self.settings = settings or get_settings()
        self._llm = limited(llm, self.settings) if llm is not None else None
        # Concurrency is limited per resource, never per process: the LLM behind its own cap
        # (`LimitedChat`), one writer per collection (this lock: ingests queue, questions never
        # wait for them), and the query embedder, whose engine is not known to be thread-safe.
        self._write_lock = threading.Lock()
        self._embed_lock = threading.Lock()
        self._parts_lock = threading.Lock()
        self._prompts = AnswerPrompts.load()
        self._select = SelectPrompts.load()
        self._review = ReviewPrompts.load()
        self._condense = load_prompt("condense")
        self._newest: dict[str | None, list[str]] = {}  # generation -> dates, for one

    # --- parts, built on first use ------------------------------------------------------------
    @cached_property
    def client(self) -> Any:
        from rag.index.chroma import connect

        return connect(self.settings)

    @cached_property
    def embedder(self) -> Any:
        from rag.models.embeddings import make_embedder

        return make_embedder(self.settings)

    @cached_property
    def store(self) -> Any:
        from rag.index.vectorstore import VectorStore

        embedder = self.embedder
        dim = getattr(embedder, "dim", None) or len(embedder.get_text_embedding("dimension"))
        return VectorStore(self.settings, embedder.model_name, dim, client=self.client)

    @cached_property
    def catalog(self) -> Catalog:
        """The articles and the corpus generation, in Chroma (migrating a local catalog of the
        previous release the first time)."""
        return Catalog(self.client, self.settings.collection,
                       legacy_dir=self.settings.collection_dir)

    @cached_property
    def ingester(self) -> Ingester:
        from rag.index.ingest import Ingester
        from rag.models.embeddings import make_embedder

        # Its own embedder, so that embedding a long ingest never holds up a question's.
        return Ingester(self.settings, make_embedder(self.settings, bulk=True), self.store,
                        self.catalog)

    @cached_property
    def searcher(self) -> Searcher:
        from rag.index.retrieval import Searcher

        return Searcher(self.store, self.catalog,
                        BM25Index(self.settings.collection_dir / "bm25"),
                        self.settings.retrieval_mode, self.settings.candidates)

    @property
    def llm(self) -> ChatModel:
        with self._parts_lock:
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
        """Add, update (and with `prune` remove) articles. One writer per collection in this
        process; other processes may write too (ids are deterministic and writes are upserts,
        so overlapping ingests converge). Questions keep being answered meanwhile."""
        with self._write_lock, chroma_errors(self.settings):
            started = time.perf_counter()
            files = [Path(p) for p in paths]
            work = plan(files, self.catalog, self.settings, prune=prune)
            read = time.perf_counter() - started
            if is_unchanged(work):
                return IngestReport(skipped=work.skipped, failed=work.failed, seconds=read,
                                    stages={"read": round(read, 3)})
            report = self.ingester.run(files, prune=prune, progress=progress, work=work)
            refreshing = time.perf_counter()
            self.searcher.refresh()  # this instance's BM25 for the new generation, now
            report.stages["read"] = round(read, 3)
            report.stages["bm25"] = round(time.perf_counter() - refreshing, 3)
            report.seconds = time.perf_counter() - started
            return report

    def articles(self) -> list[ArticleInfo]:
        with chroma_errors(self.settings):
            return self.catalog.info()

    def article_text(self, source: str) -> str | None:
        with chroma_errors(self.settings):
            return self.catalog.text(source)

    def health(self) -> Health:
        """Whether Chroma and the LLM answer, and the corpus this instance sees."""
        from rag.version import __version__

        chroma, llm = DependencyHealth(ok=True, detail=""), DependencyHealth(ok=True, detail="")
        generation = articles = None
        try:
            with chroma_errors(self.settings):
                generation = self.catalog.generation()
                articles = max(0, self.catalog.collection.count() - (1 if generation else 0))
            chroma.detail = (f"server {self.settings.chroma_url}" if self.settings.chroma_url
                             else "embedded")
        except RagError as exc:
            chroma = DependencyHealth(ok=False, detail=exc.message)
        try:
            if self._llm is None and self.settings.resolved_llm_backend == "llamacpp":
                llm.detail = f"{self.settings.resolved_llm_model} (embedded, loads on first use)"
            else:
                llm.detail = self.llm.ping()  # type: ignore[attr-defined]
        except RagError as exc:
            llm = DependencyHealth(ok=False, detail=exc.message)
        return Health(status="ok" if chroma.ok and llm.ok else "unavailable",
                      version=__version__, chroma=chroma, llm=llm, generation=generation,
                      articles=articles)

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

    def retrieve(self, question: str, k: int | None = None, filters: Filters | None = None,
                 frame: TimeFrame | None = None) -> list[RetrievedChunk]:
        """The chunks retrieved for a (checked) question, best first."""
        return self._retrieve(question, k, filters, frame)[0]

    def _retrieve(self, question: str, k: int | None, filters: Filters | None = None,
                  frame: TimeFrame | None = None
                  ) -> tuple[list[RetrievedChunk], dict[str, str | None]]:
        """The retrieved chunks of committed articles, and those articles' texts (one read).

        `filters` exclude; a question's `frame` only reorders (`rank_in_period`,
        `newest_first`)."""
        from rag.index.retrieval import as_chunk, newest_first, rank_in_period
        from rag.models.embeddings import embed_query

        k = k or self.settings.k
        with chroma_errors(self.settings):
            if self.catalog.is_empty():
                raise EmptyIndex("nothing is indexed yet", "run `rag ingest seeds/` first")
            embedding = None
            if self.settings.retrieval_mode != "bm25":
                with self._embed_lock:
                    embedding = embed_query(self.embedder, question)
                if len(embedding) != self.store.dim:
                    raise EmptyIndex("query embedding size does not match the collection")
            # Deeper than k: near-duplicates are dropped below, and a period reorders.
            depth = max(2 * k, self.settings.candidates) if frame else 2 * k
            retriever, fresh = self.searcher.current()
            hits = retriever.retrieve(question, embedding, depth, filters, fresh)
            hits = rank_in_period(hits, frame)
            chunks = [as_chunk(hit) for hit in hits]
            records = self.catalog.records([c.source for c in chunks])
        # A chunk counts only while its article's record (the commit marker) names the text
        # it was cut from: no half-written or half-replaced article is ever shown.
        visible = [c for c in chunks
                   if c.source in records and records[c.source][0].sha256 == c.sha256]
        visible = self._one_per_story(visible, {s: e.group or s for s, (e, _) in records.items()})
        visible = newest_first(visible[:k], frame)
        return visible, {c.source: records[c.source][1] for c in visible}

    def _one_per_story(self, chunks: list[RetrievedChunk], groups: dict[str, str]
                       ) -> list[RetrievedChunk]:
        """One article per near-duplicate group (the best-ranked), the others named in its
        chunks' `also_in`, so the evidence never repeats a story from two copies."""
        chosen: dict[str, str] = {}  # group -> the article shown for it
        for chunk in chunks:
            chosen.setdefault(groups[chunk.source], chunk.source)
        kept = [c for c in chunks if chosen[groups[c.source]] == c.source]
        with chroma_errors(self.settings):
            members = self.catalog.members(list(chosen)) if chosen else {}
        for chunk in kept:
            others = [s for s in members.get(groups[chunk.source], []) if s != chunk.source]
            chunk.also_in = sorted(others)
        return kept

    def search(self, question: str, k: int | None = None, *, since: DateLike = None,
               until: DateLike = None, outlets: Sequence[str] | None = None,
               as_of: DateLike = None) -> SearchResult:
        """The chunks retrieved for a question (no LLM), within the filters given."""
        question = self._check_question(question)
        filters = make_filters(since, until, outlets, as_of)
        frame = self.timeframe(question, filters)
        results = self.retrieve(question, k, filters, frame)
        note = None if results or filters is None else self._nothing_within(filters)
        return SearchResult(question=question, results=results, filters=filters, note=note)

    def timeframe(self, question: str, filters: Filters | None = None) -> TimeFrame | None:
        """The period the question names, resolved against as_of (default: today), when
        RAG_TIME_RANKING is on (it ranks)."""
        if not self.settings.time_ranking:
            return None
        return self._period(question, filters)

    def _period(self, question: str, filters: Filters | None) -> TimeFrame | None:
        """The period the question names, whether or not it ranks: a constraint of the
        answer's evidence either way.

        "Last week", "yesterday" and "this year" count from as_of. Where the user gave none
        and the period today's reading names starts after the newest article, they count
        from the newest article's day instead (and the frame says so): an archive that ends
        before this week is asked about its own last week, as a reader of a paper's last
        issue means its week. With an as_of the user fixed the day, and such a period is
        refused (`_period_not_covered`)."""
        from rag.answer.timeframe import counts_from_as_of, resolve

        as_of = filters.as_of if filters and filters.as_of else None
        frame = resolve(question, as_of or dt.date.today())
        if as_of is not None or frame is None or not counts_from_as_of(frame):
            return frame
        newest = self._newest_article(None)
        if newest is None or newest >= frame.start.isoformat():
            return frame
        day = dt.date.fromisoformat(newest)
        archive = resolve(question, day)
        if archive is None or not counts_from_as_of(archive):
            return frame
        return archive.model_copy(update={"counted_from": day})

    def _period_not_covered(self, frame: TimeFrame | None, filters: Filters | None
                            ) -> str | None:
        """Why the archive cannot hold the answer, when the question fixes a period ("in
        2021", "last week") that starts after its newest article: reports come after events,
        never before. A period before the archive is not refused (a later article may recall
        it), nor one without a year ("in February")."""
        if frame is None or not frame.anchored or frame.recency:
            return None
        as_of = filters.as_of if filters else None
        newest = self._newest_article(as_of)
        if newest is None or newest >= frame.start.isoformat():
            return None
        when = f" as of {as_of}" if as_of else ""
        return (f'the question asks about "{frame.text}" ({frame.start} to {frame.end}); the '
                f"newest article{when} is of {newest}")

    def _newest_article(self, as_of: dt.date | None) -> str | None:
        """The newest publication date in the archive (on or before `as_of`), cached per
        corpus generation."""
        with chroma_errors(self.settings):
            generation = self.catalog.generation()
            cached = self._newest.get(generation)
            if cached is None:
                cached = sorted(e.published for e in self.catalog.entries() if e.published)
                self._newest = {generation: cached}
        limit = as_of.isoformat() if as_of else "9999-12-31"
        dated = [d for d in cached if d <= limit]
        return dated[-1] if dated else None

    def _nothing_within(self, filters: Filters) -> str | None:
        """Why nothing was found, when the filters match no article at all."""
        from rag.index.retrieval import chroma_where

        with chroma_errors(self.settings):
            if self.store.collection.get(where=chroma_where(filters), limit=1)["ids"]:
                return None
        latest = self._newest_article(None)
        newest = f"; the newest article is of {latest}" if latest else ""
        return f"no article {filters.describe()}{newest}"

    # --- answer -------------------------------------------------------------------------------
    def evidence(self, question: str, k: int | None = None, filters: Filters | None = None
                 ) -> AnswerEvidence:
        """What an answer to a (standalone, checked) question is built from: the stages
        timeframe, retrieve, constraints and evidence of `stream`, no LLM."""
        frame = self.timeframe(question, filters)
        chunks, texts = self._retrieve(question, k, filters, frame)
        constraints = parse_constraints(
            question, frame if self.settings.time_ranking else self._period(question, filters))
        several = is_list_question(question)
        sources = build_sources(chunks, texts, question, self.settings.context_mode,
                                self.settings.context_tokens, several=several,
                                floor=self.settings.evidence_floor)
        return AnswerEvidence(frame, chunks, sources, constraints, several,
                              self._period_not_covered(frame, filters))

    def ask(self, question: str, history: list[Message] | None = None,
            k: int | None = None, **filters: Any) -> Answer:
        """The checked answer; `filters` as for `stream`."""
        result = None
        for event in self.stream(question, history=history, k=k, **filters):
            if isinstance(event, Answer):
                result = event
        assert result is not None
        return result

    def stream(self, question: str, history: list[Message] | None = None,
               k: int | None = None, *, since: DateLike = None, until: DateLike = None,
               outlets: Sequence[str] | None = None, as_of: DateLike = None
               ) -> Iterator[str | Answer]:
        """Yield the answer's text as it is generated, then the checked `Answer`.

        `since`, `until` (ISO dates) and `outlets` restrict the articles used; `as_of` reads
        the archive as it stood on that day (and resolves "last week" against it).

        The stages of `rag.answer`, in order: condense, timeframe, retrieve, constraints,
        evidence, generate, verify, checks, decide, review, the quotation an answer about what
        someone said gets in full, and the fallback of a refused answer."""
        clock = _Clock()
        question = self._check_question(question)
        filters = make_filters(since, until, outlets, as_of)
        standalone = question
        if history:
            standalone = condense(question, history, self.llm, self._condense)
            clock.mark("condense_ms")
        found = self.evidence(standalone, k, filters)
        clock.mark("retrieve_ms", since_last=True)
        frame, chunks, sources, constraints, several, uncovered = (
            found.frame, found.chunks, found.sources, found.constraints, found.several,
            found.uncovered)
        base: dict[str, Any] = dict(
            question=question, retrieved=chunks, model=self.model_info,
            standalone_question=standalone if standalone != question else None,
            filters=filters, time_filter=frame)
        if not sources or uncovered:
            empty = self._nothing_within(filters) if filters and not sources else None
            decision = (Decision.refuse("period_not_covered", uncovered) if uncovered
                        else Decision.refuse("no_match_filter", empty) if empty else NO_MATCH)
            yield REFUSAL
            yield self._refused(decision, clock, base)
            return
        stored: dict[str, str | None] = {}  # each cited article read back once per answer

        def verify(source: str, start: int, end: int, quote: str) -> bool:
            if source not in stored:
                with chroma_errors(self.settings):
                    stored[source] = self.catalog.checked_text(source)
            return quote_holds(stored[source], start, end, quote,
                               [c for c in chunks if c.source == source])

        shown, select_tokens = sources, 0
        if self.settings.answer_mode == "cite_first":
            # Step 1: the evidence sentences, by number (not streamed); step 2 below answers
            # from them only, and is checked against them only.
            selection = select(self.llm, self._select, sources, standalone, several,
                               self.settings.temperature)
            clock.mark("select_ms", since_last=True)
            select_tokens = selection.prompt_tokens or 0
            if not selection.sources:
                answer = self._refused_or_partial(
                    Decision.refuse("model_refused", NONE_CHOSEN), standalone, sources,
                    constraints, verify, clock, base, selection.prompt_tokens)
                yield answer.answer
                yield answer
                return
            shown = selection.sources
        messages = build_messages(self._prompts, shown, standalone, several=several)
        reply = ""
        llm_started = time.perf_counter()
        for delta in generate(self.llm, messages, self.settings.max_answer_tokens,
                              self.settings.temperature):
            if not reply:
                clock.mark("first_token_ms")
            reply += delta
            yield delta
        prompt_tokens = self.llm.count_tokens(messages)
        if prompt_tokens is not None and select_tokens:
            prompt_tokens += select_tokens
        clock.timings["llm_ms"] = _ms(llm_started)
        checked = check_citations(reply.strip(), shown, self.settings.support_threshold,
                                  question=standalone, verify=verify, constraints=constraints,
                                  several=several)
        decision = decide(reply, checked, shown, standalone,
                          latest=frame is not None and frame.recency)
        if self.settings.reviews_answers:
            review_started = time.perf_counter()
            second = review(self.llm, self._review, standalone, checked, shown, decision,
                            verify, self.settings.review_reject_below,
                            self.settings.review_accept_above)
            clock.timings["review_ms"] = _ms(review_started)
            decision, checked = second.decision, second.checked
        if decision.refused:
            yield self._refused_or_partial(decision, standalone, sources, constraints, verify,
                                           clock, base, prompt_tokens, checked.unmet,
                                           draft=reply.strip())
            return
        checked = with_quotation(standalone, checked, shown, constraints, verify)
        clock.mark("total_ms")
        yield Answer(answer=checked.text, status="answered", refused=False,
                     citations=checked.citations,
                     sentences=checked.sentences, timings_ms=clock.timings,
                     prompt_tokens=prompt_tokens, **base)

    def _refused_or_partial(self, decision: Decision, question: str, sources: list[Source],
                            constraints: list[Constraint], verify: Verifier, clock: _Clock,
                            base: dict[str, Any], prompt_tokens: int | None,
                            unmet: Sequence[tuple[int, tuple[int, int]]] = (),
                            draft: str | None = None) -> Answer:
        """A refusal after the model was asked: the closest passage of all the evidence shown
        (status partial) when one clearly bears on the question, else the refusal; `unmet`:
        the spans the refused answer rested on (`CheckedAnswer.unmet`); `draft`: the model's
        reply the checks set aside (`Answer.draft`)."""
        partial = partial_answer(question, sources, constraints, verify, unmet)
        if partial is None:
            return self._refused(decision, clock, base, prompt_tokens=prompt_tokens, draft=draft)
        clock.mark("total_ms")
        return Answer(answer=partial.text, status="partial", refused=True, draft=draft,
                      refusal_code=decision.code, refusal_reason=decision.reason,
                      citations=partial.citations, sentences=partial.sentences,
                      timings_ms=clock.timings, prompt_tokens=prompt_tokens, **base)

    @staticmethod
    def _refused(decision: Decision, clock: _Clock, base: dict[str, Any],
                 prompt_tokens: int | None = None, draft: str | None = None) -> Answer:
        clock.mark("total_ms")
        return Answer(answer=REFUSAL, status="refused", refused=True, draft=draft,
                      refusal_code=decision.code,
                      refusal_reason=decision.reason, citations=[], timings_ms=clock.timings,
                      prompt_tokens=prompt_tokens, **base)

    def verify_quote(self, source: str, start: int, end: int, quote: str,
                     chunks: list[RetrievedChunk]) -> bool:
        """Whether the index holds `quote` at start:end of `source`, read independently of the
        text the quote was cut from (see `quote_holds`)."""
        return quote_holds(self.catalog.checked_text(source), start, end, quote,
                           [c for c in chunks if c.source == source])


def quote_holds(stored: str | None, start: int, end: int, quote: str,
                chunks: list[RetrievedChunk]) -> bool:
    """Whether `quote` is at start:end of an article as the index holds it: `stored`, its text
    read afresh with its sha256 checked against the catalog (None when that failed), and
    `chunks`, its retrieved chunks (the text Chroma holds), each one overlapping the span
    agreeing with it. A stale index, a changed stored text or an offset bug fails it."""
    if stored is None or stored[start:end] != quote:
        return False
    overlapping = 0
    for chunk in chunks:
        low, high = max(start, chunk.start), min(end, chunk.start + len(chunk.text))
        if low >= high:
            continue
        overlapping += 1
        if chunk.text[low - chunk.start:high - chunk.start] != quote[low - start:high - start]:
            return False
    return overlapping > 0


@dataclass(frozen=True)
class AnswerEvidence:
    """An answer's evidence: the question's period (None when it names none or time ranking
    is off), the chunks retrieved, the numbered sources shown to the model, the question's
    constraints on them, whether it asks for a list, and why the archive cannot hold the
    answer when the question's period starts after its newest article (then, as when there
    are no sources, the answer is refused without asking the model)."""

    frame: TimeFrame | None
    chunks: list[RetrievedChunk]
    sources: list[Source]
    constraints: list[Constraint]
    several: bool
    uncovered: str | None


class _Clock:
    """The answer's `timings_ms`: milliseconds since the question arrived, per stage."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.timings: dict[str, float] = {}

    def mark(self, name: str, since_last: bool = False) -> None:
        now = time.perf_counter()
        self.timings[name] = round((now - (self.last if since_last else self.started)) * 1000, 1)
        self.last = now


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)
