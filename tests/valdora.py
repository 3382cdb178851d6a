"""Two short made-up articles (a port reopening, a book fair) as numbered evidence `Source`s,
shared by the answer-stage tests that need evidence without an index."""

from __future__ import annotations

from rag.answer.evidence import Source

PORT = ("The port of Valdora reopened on Tuesday after it was closed for three weeks. "
        "Mayor Ana Ruiz thanked the repair crews. "
        "Fishing boats returned to the harbour on Wednesday.")
FAIR = "The Valdora book fair opened with 40 publishers. Its director praised the turnout."


def sources() -> list[Source]:
    return [Source(n=1, source="port.txt", title="Port reopens", published="2023-05-02",
                   article_text=PORT, spans=[(0, len(PORT))]),
            Source(n=2, source="fair.txt", title="Book fair", published="2023-05-03",
                   article_text=FAIR, spans=[(0, len(FAIR))])]
