"""One variant of benchmarks/answer_news.py, run as a script: `rag` is whichever release
PYTHONPATH puts first (a script's own folder, not the checkout, leads sys.path).

    python benchmarks/answer_child.py SPEC.json

It loads the LLM, answers one warm-up question, writes one JSON line ({"rag", "warmup_s"})
and then answers on request: for each line read from stdin (the index of a question in the
spec) it writes that question's row as one JSON line, until stdin closes. The parent keeps
every variant's process waiting this way and asks them in turn, question by question, so
that a host that speeds up or slows down during the run shifts every variant alike.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import IO, Any

WARMUP = "What did the articles say about the weather?"


def child(spec_file: str, replies: IO[str]) -> None:
    """Runs in the variant's process: `rag` is whichever release PYTHONPATH puts first."""
    import rag
    from rag.assistant import Assistant
    from rag.settings import get_settings
    from rag.types import Answer

    spec = json.loads(Path(spec_file).read_text())
    settings = get_settings(data_dir=Path(spec["data_dir"]), **spec["overrides"])
    assistant = Assistant(settings)
    started = time.perf_counter()
    assistant.ask(WARMUP)
    warm_s = time.perf_counter() - started

    def reply(row: dict[str, Any]) -> None:
        replies.write(json.dumps(row) + "\n")
        replies.flush()

    reply({"rag": str(Path(rag.__file__).parent), "warmup_s": round(warm_s, 2)})
    for line in sys.stdin:
        row = spec["questions"][int(line)]
        answer = None
        for event in assistant.stream(row["question"]):
            if isinstance(event, Answer):
                answer = event
        assert answer is not None
        reply({"id": row["id"], "answer": answer.answer, "refused": answer.refused,
               "prompt_tokens": answer.prompt_tokens, **answer.timings_ms})


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    # The replies get stdout to themselves: anything a library prints goes to stderr.
    replies = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    child(sys.argv[1], replies)
