"""The typed records that cross the core's boundary: what `Assistant` returns, and what the
CLI's `--json`, the HTTP API and the UI print. One definition, every surface."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator


class Filters(BaseModel):
    """What a search or a question is restricted to: publication dates and outlets, and the
    day the archive is read as of. Dated articles outside the range are never shown; undated
    ones only when no date range is asked for (`as_of` keeps them)."""

    since: dt.date | None = Field(None, description="Published on or after this day.")
    until: dt.date | None = Field(None, description="Published on or before this day.")
    outlets: list[str] = Field(default_factory=list, description="Only these outlets "
                               "(case-insensitive), e.g. ['Reuters', 'scmp.com'].")
    as_of: dt.date | None = Field(None, description="Read the archive as it stood on this "
                                  "day: later articles are left out, and relative dates in "
                                  "the question count from it (default: today).")

    @property
    def empty(self) -> bool:
        return not (self.since or self.until or self.outlets or self.as_of)

    def describe(self) -> str:
        parts = []
        if self.since or self.until:
            parts.append(f"published {self.since or '…'} to {self.until or '…'}")
        if self.outlets:
            parts.append("from " + " or ".join(self.outlets))
        if self.as_of:
            parts.append(f"as of {self.as_of}")
        return ", ".join(parts) or "no filter"


class FilterFields(BaseModel):
    """The filter fields of an API request (JSON API and the OpenAI-compatible extension)."""

    since: dt.date | None = Field(None, description="Only articles published on or after.")
    until: dt.date | None = Field(None, description="Only articles published on or before.")
    outlets: list[str] | None = Field(None, description="Only articles from these outlets.")
    as_of: dt.date | None = Field(None, description="The archive as it stood on this day.")

    def filter_kwargs(self) -> dict[str, Any]:
        return {"since": self.since, "until": self.until, "outlets": self.outlets,
                "as_of": self.as_of}


class TimeFrame(BaseModel):
    """A period the question names ("in November 2022", "last week"), resolved to days."""

    text: str = Field(description="The words of the question it was read from.")
    start: dt.date
    end: dt.date
    recency: bool = Field(False, description="'latest', 'recently': newer articles first.")
    anchored: bool = Field(False, description="The words fix the period (a year, or relative "
                           "to as_of: 'last week'); a bare 'February' could be any year.")
    counted_from: dt.date | None = Field(
        default=None, description="Set where 'last week' was counted from the newest "
        "article's day, not today: no as_of was given and the archive ends before the period "
        "today's reading names.")

    def describe(self) -> str:
        if self.start == dt.date.min:
            return f'"{self.text}" read as: newest first, up to {self.end}'
        newest = ", newest first" if self.recency else ""
        counted = (f", counted from the newest article ({self.counted_from})"
                   if self.counted_from else "")
        return f'"{self.text}" read as {self.start} to {self.end}{newest}{counted}'


class Article(BaseModel):
    """One news article as parsed from a file (or from one line of a JSONL collection)."""

    source: str = Field(description="File name the article came from (or FILE#id for JSONL).")
    text: str = Field(description="The article's full text; citation offsets point into it.")
    body_start: int = Field(0, description="Offset where the body starts (after metadata lines).")
    body_end: int = Field(description="Offset where the body ends (before trailing boilerplate).")
    title: str | None = None
    published: str | None = Field(None, description="Publication date, ISO 8601 (YYYY-MM-DD).")
    outlet: str | None = Field(None, description="Publisher or agency named in the text or data.")
    url: str | None = None


class RetrievedChunk(BaseModel):
    """One chunk as retrieval returned it: what `search` lists and an answer's `retrieved`."""

    source: str
    chunk_id: str
    score: float = Field(description="Fused retrieval score (higher is better).")
    text: str = Field(description="The chunk's text as the index holds it.")
    start: int = Field(description="Offset of the chunk in its article's text.")
    end: int
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    chunk: int = Field(-1, exclude=True, description="The chunk's place in its article "
                       "(0: the first, which holds the header).")
    sha256: str = Field("", exclude=True, description="sha256 of the article text the chunk "
                        "was cut from: it counts only while the catalog names the same.")
    also_in: list[str] = Field(default_factory=list, description="Near-duplicates of this "
                               "article (wire copies, revisions), shown once, as this one.")


class SearchResult(BaseModel):
    question: str
    results: list[RetrievedChunk]
    filters: Filters | None = Field(None, description="The filters applied, if any.")
    note: str | None = Field(None, description="Why there are no results, when a filter "
                             "matches no article.")


class Citation(BaseModel):
    n: int = Field(description="The number shown in the answer as [n].")
    source: str
    title: str | None = None
    published: str | None = None
    quote: str = Field(description="Verbatim text of the article at start:end.")
    start: int
    end: int
    verified: bool = Field(description="The quote occurs verbatim at start:end in the source.")


class SentenceCheck(BaseModel):
    """One sentence of the answer and whether a cited span supports it."""

    text: str
    citations: list[int]
    supported: bool
    reason: str | None = Field(default=None, description="Why it is unsupported, when its words "
                               "are in a source but not what the question requires of it (its "
                               "date, a name, a figure, a quoted phrase, a source, a topic); "
                               "on a supported sentence, what the word checks found missing "
                               "before the model's second reading found the answer stated.")


class ModelInfo(BaseModel):
    llm: str
    embedding: str


Status = Literal["answered", "partial", "refused"]


class Answer(BaseModel):
    question: str
    standalone_question: str | None = Field(
        None, description="The follow-up question as rewritten with the chat history.")
    answer: str
    status: Status = Field(
        "answered", description="answered: a checked answer; partial: no checked answer, but "
        "the closest passage of the evidence, quoted and cited ('The articles do not answer "
        "this directly. Closest passage: ...'); refused: neither.")
    refused: bool = Field(description="True unless status is answered: newsrag gives no "
                          "answer of its own (a partial only quotes a passage to read).")
    refusal_code: str | None = Field(
        None, description="Why there is no checked answer (refused or partial), as a code: "
        "no_match, no_match_filter, period_not_covered, model_refused, unsupported, "
        "unmet_constraint, restates_question, does_not_answer or review_rejected (see "
        "rag/answer/decide.py).")
    refusal_reason: str | None = Field(
        None, description="Why there is no checked answer: the model said so, nothing it said "
        "is supported, its evidence fails a constraint of the question (a date, a name, a "
        "source...), or it does not answer what was asked (e.g. no date for 'when').")
    draft: str | None = Field(
        None, description="The model's own reply, when the checks set it aside (refused or "
        "partial after the model answered): what refusal_reason is about, kept for audit and "
        "for measuring the checks (`python -m evals.ledger`); never an answer. None otherwise.")
    citations: list[Citation]
    retrieved: list[RetrievedChunk]
    sentences: list[SentenceCheck] = Field(default_factory=list)
    model: ModelInfo
    timings_ms: dict[str, float] = Field(default_factory=dict)
    prompt_tokens: int | None = None
    filters: Filters | None = Field(None, description="The filters applied, if any.")
    time_filter: TimeFrame | None = Field(
        None, description="The period the question names, resolved against as_of: it ranks "
        "articles published in or soon after it first, and excludes nothing.")

    @model_validator(mode="after")
    def _status_and_refused_agree(self) -> Answer:
        if self.refused and self.status == "answered":
            self.status = "refused"
        self.refused = self.status != "answered"
        return self


class DependencyHealth(BaseModel):
    ok: bool
    detail: str


class Health(BaseModel):
    """What `/health` reports (503 unless status is "ok"): load balancers read it."""

    status: str = Field(description='"ok", or "unavailable" when a dependency is down.')
    version: str
    chroma: DependencyHealth
    llm: DependencyHealth
    generation: str | None = Field(None, description="The corpus generation this instance "
                                   "sees: equal on every instance of one archive.")
    articles: int | None = None


class IngestProgress(BaseModel):
    """Where a running ingest stands: what `Assistant.ingest(progress=...)` is called with."""

    done: int = Field(description="chunks embedded and committed so far")
    total: int = Field(description="chunks this ingest will embed")
    seconds: float = Field(description="since the ingest started")
    chunks_per_s: float = 0.0
    eta_s: float | None = Field(default=None, description="seconds left at the rate so far")

    def summary(self) -> str:
        text = f"{self.done}/{self.total} chunks"
        if self.chunks_per_s:
            text += f", {self.chunks_per_s:.1f} chunks/s"
        if self.eta_s is not None and self.done < self.total:
            text += f", about {self.eta_s:.0f} s left"
        return text


class IngestReport(BaseModel):
    added: int = 0
    updated: int = 0
    skipped: int = 0
    removed: int = 0
    duplicates: int = Field(default=0, description="exact copies of another article (same "
                            "body, outlet and date) recorded in the catalog, neither chunked "
                            "nor embedded")
    failed: list[str] = Field(default_factory=list, description="'path: reason' for each failure")
    chunks: int = 0
    seconds: float = 0.0
    tokens: int = Field(default=0, description="tokens the embedder read (0 when it cannot count)")
    stages: dict[str, float] = Field(
        default_factory=dict, description="seconds per stage: read (parse and hash the files, "
        "compare with the index), chunk, embed, write (Chroma), duplicates (exact copies, "
        "MinHash signatures and near-duplicate groups), commit (article records, leftovers), "
        "bm25 (this instance's keyword index rebuilt)")

    def summary(self) -> str:
        text = (
            f"{self.added} added, {self.updated} updated, {self.skipped} unchanged, "
            f"{self.removed} removed, {self.chunks} chunks embedded in {self.seconds:.1f} s"
        )
        if self.duplicates:
            text += (f"; {self.duplicates} exact duplicate{'s' if self.duplicates != 1 else ''} "
                     "of other articles stored once (not embedded again)")
        return text + (f"; {len(self.failed)} failed" if self.failed else "")


class ArticleInfo(BaseModel):
    """What the catalog knows about an indexed article."""

    source: str
    title: str | None
    published: str | None
    outlet: str | None = None
    chunks: int
    sha256: str
    group: str | None = Field(None, description="Its near-duplicate group (the source the "
                              "group is named after; itself when it has no copy).")
    copy_of: str | None = Field(None, description="For an exact copy (same body, outlet and "
                                "date as another article, stored once): that article, whose "
                                "chunks stand for both.")
