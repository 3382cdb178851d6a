"""An LLM judge of answer correctness, reported beside the deterministic score, never instead.

It runs on any OpenAI-compatible endpoint (configured with `--judge-model`, and optionally
`--judge-base-url`/`--judge-api-key`, or RAG_JUDGE_MODEL/RAG_JUDGE_BASE_URL/RAG_JUDGE_API_KEY);
the prompt is `prompts/judge.txt`, with the variables {question}, {reference} and {answer}.
"""

from __future__ import annotations

import re

from rag.models.llm import ChatModel, make_chat_model
from rag.prompts import Prompt, PromptError, load_prompt
from rag.settings import get_settings

VARIABLES = frozenset({"question", "reference", "answer"})
_VERDICT = re.compile(r"\b(INCORRECT|CORRECT)\b", re.IGNORECASE)


def load_judge_prompt() -> Prompt:
    prompt = load_prompt("judge")
    if prompt.variables != VARIABLES:
        raise PromptError(f"prompt 'judge' must use exactly {sorted(VARIABLES)}, "
                          f"not {sorted(prompt.variables)}")
    return prompt


def parse_verdict(reply: str) -> bool | None:
    """True for CORRECT, False for INCORRECT (the first verdict word wins), None otherwise."""
    match = _VERDICT.search(reply)
    return None if match is None else match.group(1).upper() == "CORRECT"


class Judge:
    def __init__(self, chat: ChatModel) -> None:
        self.chat = chat
        self.name = chat.name
        self.prompt = load_judge_prompt()

    def __call__(self, question: str, reference: str, answer: str) -> bool | None:
        content = self.prompt.render(question=question, reference=reference, answer=answer)
        reply = "".join(self.chat.stream([{"role": "user", "content": content}], 16, 0.0))
        return parse_verdict(reply)


def make_judge(model: str, base_url: str | None = None, api_key: str | None = None) -> Judge:
    """A judge on an OpenAI-compatible server (OPENAI_BASE_URL/OPENAI_API_KEY by default)."""
    settings = get_settings(llm_backend="openai", llm_model=model, openai_base_url=base_url,
                            openai_api_key=api_key)
    return Judge(make_chat_model(settings))
