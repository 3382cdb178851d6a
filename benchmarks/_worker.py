"""Run one benchmark phase in a process of its own:

    python -m benchmarks._worker MODULE:FUNCTION 'JSON_KWARGS' RESULT_FILE
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

from .common import apply_env


def main(argv: list[str]) -> None:
    target, kwargs, out = argv
    apply_env()
    module, name = target.split(":")
    result = getattr(importlib.import_module(module), name)(**json.loads(kwargs))
    Path(out).write_text(json.dumps(result, default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
