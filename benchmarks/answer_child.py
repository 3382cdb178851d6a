"""One variant of benchmarks/answer_news.py, run as a script: `rag` is whichever release
PYTHONPATH puts first (a script's own folder, not the checkout, leads sys.path).

    python benchmarks/answer_child.py SPEC.json OUT.json
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

WARMUP = "What did the articles say about the weather?"


def child(spec_file: str, out_file: str) -> None:
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
    rows = []
    for row in spec["questions"]:
        answer = None
        for event in assistant.stream(row["question"]):
            if isinstance(event, Answer):
                answer = event
        assert answer is not None
        rows.append({"id": row["id"], "answer": answer.answer, "refused": answer.refused,
                     "prompt_tokens": answer.prompt_tokens, **answer.timings_ms})
    Path(out_file).write_text(json.dumps({"rag": str(Path(rag.__file__).parent),
                                          "warmup_s": round(warm_s, 2), "rows": rows}))


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    child(sys.argv[1], sys.argv[2])
