"""Prompt templates are files in `prompts/`, with `{name}` variables checked on load and use."""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Self

from rag.errors import RagError

_ROOTS = (
    Path(__file__).resolve().parent.parent / "prompts",  # a source checkout / editable install
    Path(__file__).resolve().parent / "_prompts",  # an installed wheel
)

# Each prompt and the variables it must use: a template missing one is an error at load time.
REQUIRED: dict[str, set[str]] = {
    "answer_system": set(),
    "answer_user": {"sources", "question"},
    "condense": {"history", "question"},
    "select_system": set(),
    "select_user": {"sentences", "question", "most"},
    "review_system": set(),
    "review_user": {"question", "sentences", "answer"},
    "review_passed_system": set(),
    "review_passed_user": {"question", "titles", "sentences"},
}


class PromptError(RagError):
    code = "prompt_error"


@dataclass(frozen=True)
class Prompt:
    name: str
    template: str
    variables: frozenset[str]

    def render(self, **values: str) -> str:
        missing = self.variables - values.keys()
        extra = values.keys() - self.variables
        if missing or extra:
            raise PromptError(f"prompt {self.name!r}: missing {sorted(missing)}, "
                              f"unexpected {sorted(extra)}")
        return self.template.format(**values)


def load_prompt(name: str, directory: Path | None = None) -> Prompt:
    roots = (directory,) if directory else _ROOTS
    for root in roots:
        path = root / f"{name}.txt"
        if path.exists():
            template = path.read_text(encoding="utf-8").strip()
            break
    else:
        raise PromptError(f"prompt file {name}.txt not found in {', '.join(map(str, roots))}")
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
    except ValueError as exc:
        raise PromptError(f"prompt {name!r} is not a valid template: {exc}") from exc
    required = REQUIRED.get(name, set())
    if not required <= fields:
        raise PromptError(f"prompt {name!r} does not use {sorted(required - fields)}")
    return Prompt(name, template, frozenset(fields))


@dataclass(frozen=True)
class PromptPair:
    """A stage's system prompt and user template: the files `{NAME}_system.txt` and
    `{NAME}_user.txt`, NAME being the subclass's `name`."""

    name: ClassVar[str]
    system: Prompt
    user: Prompt

    @classmethod
    def load(cls) -> Self:
        return cls(load_prompt(f"{cls.name}_system"), load_prompt(f"{cls.name}_user"))
