"""Stage `generate`: the prompt's messages (system prompt, numbered sources, question), and the
model's reply as it streams. The model is never offered a refusal in the prompt: `decide`
refuses, from what the code can check (docs/evals.md). A list question (`evidence.
is_list_question`) gets its own system prompt (`answer_system_list`): every item, each cited."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rag.answer.evidence import Source, format_sources
from rag.models.llm import ChatModel, Message
from rag.prompts import Prompt, load_prompt


@dataclass(frozen=True)
class AnswerPrompts:
    system: Prompt
    user: Prompt
    list_system: Prompt

    @classmethod
    def load(cls) -> AnswerPrompts:
        return cls(load_prompt("answer_system"), load_prompt("answer_user"),
                   load_prompt("answer_system_list"))


def build_messages(prompts: AnswerPrompts, sources: list[Source], question: str,
                   several: bool = False) -> list[Message]:
    system = prompts.list_system if several else prompts.system
    return [
        {"role": "system", "content": system.render()},
        {"role": "user", "content": prompts.user.render(sources=format_sources(sources),
                                                        question=question)},
    ]


def generate(llm: ChatModel, messages: list[Message], max_tokens: int, temperature: float
             ) -> Iterator[str]:
    """The reply as text deltas."""
    yield from llm.stream(messages, max_tokens, temperature)
