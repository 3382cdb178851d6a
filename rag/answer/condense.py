"""Stage `condense`: a follow-up question ("what did he say about Taiwan?") rewritten as a
standalone one with the chat history, so that retrieval sees who "he" is."""

from __future__ import annotations

from rag.models.llm import ChatModel, Message
from rag.prompts import Prompt

HISTORY_TURNS = 6  # messages of history used to condense a follow-up question


def condense(question: str, history: list[Message], llm: ChatModel, prompt: Prompt) -> str:
    """The standalone question; `question` itself when there is no usable history or the
    model's rewrite is empty."""
    lines = [f"{m['role'].capitalize()}: {m['content']}" for m in history[-HISTORY_TURNS:]
             if m.get("role") in ("user", "assistant") and m.get("content")]
    if not lines:
        return question
    text = "".join(llm.stream([{"role": "user", "content": prompt.render(
        history="\n".join(lines), question=question)}], 80, 0.0))
    text = text.strip().splitlines()[0].strip().strip('"') if text.strip() else ""
    return text if len(text) > 3 else question
