"""The systems an eval can run: newsrag itself, and the LlamaIndex baseline (evals.baseline;
`evals.runner.make_system` picks one).

Each answers a question and ranks chunks for it by source file; the runner scores both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

SystemName = Literal["newsrag", "baseline"]
SYSTEMS: tuple[SystemName, ...] = ("newsrag", "baseline")


@dataclass
class SystemAnswer:
    answer: str
    refused: bool
    refusal_reason: str | None = None
    refusal_code: str | None = None
    # the model's reply the checks set aside (newsrag's `Answer.draft`), read by `evals.ledger`
    draft: str | None = None
    # answered, partial (a quoted passage, refused) or refused; None: from `refused`
    status: str | None = None
    # n, source and verified of each citation; None for a system that does not cite
    citations: list[dict[str, Any]] | None = field(default_factory=list)
    retrieved: list[str] = field(default_factory=list)  # source file of each chunk, in rank order
    retrieval_ms: float | None = None
    total_ms: float | None = None
    prompt_tokens: int | None = None


class System(Protocol):
    name: str

    def ranking(self, question: str, depth: int, as_of: str | None = None) -> list[str]:
        """The source file of each of the first `depth` chunks retrieved, in rank order."""
        ...

    def answer(self, question: str, as_of: str | None = None) -> SystemAnswer: ...


class NewsragSystem:
    name = "newsrag"

    def __init__(self, assistant: Any, k: int) -> None:
        self.assistant = assistant
        self.k = k

    def ranking(self, question: str, depth: int, as_of: str | None = None) -> list[str]:
        return [hit.source for hit in
                self.assistant.search(question, k=depth, as_of=as_of).results]

    def answer(self, question: str, as_of: str | None = None) -> SystemAnswer:
        answer = self.assistant.ask(question, k=self.k, as_of=as_of)
        timings = answer.timings_ms
        return SystemAnswer(
            answer=answer.answer, refused=answer.refused, refusal_reason=answer.refusal_reason,
            refusal_code=answer.refusal_code, draft=answer.draft, status=answer.status,
            citations=[{"n": c.n, "source": c.source, "verified": c.verified,
                        "quote": c.quote} for c in answer.citations],
            retrieved=[r.source for r in answer.retrieved],
            retrieval_ms=timings.get("retrieve_ms"), total_ms=timings.get("total_ms"),
            prompt_tokens=answer.prompt_tokens,
        )
