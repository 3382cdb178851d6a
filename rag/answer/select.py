"""Stage `select` (answer mode `cite_first` only): the model first names, by number, the
evidence sentences that answer the question, in output constrained to a JSON schema
(llama.cpp's grammar for the embedded model, JSON mode for a server); the answer is then
written from those sentences only (`generate`, with `chosen_sources`), and checked as usual.

    step 1  numbered sentences + question  ->  {"sentences": [2, 5]}   (not streamed)
    step 2  sources [n] holding only sentences 2 and 5 + question  ->  the answer, streamed

Sources keep their numbers in step 2, so the answer's [n] still names the article. Numbers
that name no sentence shown are ignored; an empty list ("none") or a reply that names no
sentence at all means the model found no answer in the evidence, which `decide` refuses
(`model_refused`) and `fallback` may still turn into a partial answer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from rag.answer.evidence import Source
from rag.models.llm import ChatModel, Message, complete_json
from rag.prompts import PromptPair

MAX_CHOSEN = 4  # sentences step 1 may name (a list question: LIST_CHOSEN)
LIST_CHOSEN = 8
SELECT_TOKENS = 48  # enough for {"sentences": [...]} with eight numbers
NONE_CHOSEN = "the model named no sentence of the sources as the answer"


@dataclass(frozen=True)
class Sentence:
    """One evidence sentence as step 1 shows it: its number, and where it is."""

    number: int
    source: Source
    start: int
    end: int

    @property
    def text(self) -> str:
        """The sentence as the evidence shows it (`Source.text` of this span alone)."""
        return " ".join(replace(self.source, spans=[(self.start, self.end)]).text.split())


class SelectPrompts(PromptPair):
    name = "select"


def number_sentences(sources: list[Source]) -> list[Sentence]:
    """Every sentence shown to the model, numbered 1.. across sources in the order shown."""
    sentences: list[Sentence] = []
    for src in sources:
        for start, end in src.sentences():
            if src.article_text[start:end].strip():
                sentences.append(Sentence(len(sentences) + 1, src, start, end))
    return sentences


def format_numbered(sentences: list[Sentence]) -> str:
    """Each source's heading ("[n] Title (date)", as `evidence.format_sources` writes it)
    followed by its sentences, one a line, each led by its number in angle brackets."""
    blocks: list[str] = []
    current: Source | None = None
    for sentence in sentences:
        src = sentence.source
        if src is not current:
            current = src
            head = " ".join(part for part in (f"[{src.n}]", src.title,
                                              f"({src.published})" if src.published else None)
                            if part)
            blocks.append(("\n" if blocks else "") + head)
        blocks.append(f"<{sentence.number}> {sentence.text}")
    return "\n".join(blocks)


def schema(count: int, several: bool = False) -> dict[str, Any]:
    """The reply's JSON schema: {"sentences": [numbers of shown sentences]}, empty for none."""
    return {
        "type": "object",
        "properties": {"sentences": {
            "type": "array", "items": {"type": "integer", "enum": list(range(1, count + 1))},
            "maxItems": LIST_CHOSEN if several else MAX_CHOSEN}},
        "required": ["sentences"],
        "additionalProperties": False,
    }


def build_select_messages(prompts: SelectPrompts, sentences: list[Sentence], question: str,
                          several: bool = False) -> list[Message]:
    return [
        {"role": "system", "content": prompts.system.render()},
        {"role": "user", "content": prompts.user.render(
            sentences=format_numbered(sentences), question=question,
            most=str(LIST_CHOSEN if several else MAX_CHOSEN))},
    ]


_NUMBER = re.compile(r"\d+")


def parse_selection(reply: str, count: int, several: bool = False) -> list[int]:
    """The sentence numbers the reply names, in order, without repeats, within 1..count and
    at most the schema's maximum. JSON first ({"sentences": [...]}, or a bare list); a reply
    that is not JSON (a server without JSON mode) is read for its numbers. "none", an empty
    list or only numbers out of range give [] (no answer in the evidence)."""
    try:
        data = json.loads(reply)
    except ValueError:
        data = None
    if isinstance(data, dict):
        data = data.get("sentences", [])
    if isinstance(data, list):
        values = [v for v in data if isinstance(v, int) and not isinstance(v, bool)]
        values += [int(v) for v in data if isinstance(v, str) and v.strip().isdigit()]
    elif isinstance(data, str | int) or data is None:
        values = [int(n) for n in _NUMBER.findall(str(data if data is not None else reply))]
    else:
        values = []
    chosen: list[int] = []
    for value in values:
        if 1 <= value <= count and value not in chosen:
            chosen.append(value)
    return chosen[:LIST_CHOSEN if several else MAX_CHOSEN]


def chosen_sources(sentences: list[Sentence], chosen: list[int]) -> list[Source]:
    """The sources cut down to the chosen sentences, each keeping its number; a source none of
    whose sentences was chosen is left out. Sentences stay in the order they were shown."""
    wanted = set(chosen)
    spans: dict[int, list[tuple[int, int]]] = {}
    by_number: dict[int, Source] = {}
    for sentence in sentences:
        if sentence.number in wanted:
            by_number[sentence.source.n] = sentence.source
            spans.setdefault(sentence.source.n, []).append((sentence.start, sentence.end))
    return [replace(by_number[n], spans=spans[n]) for n in sorted(spans)]


@dataclass(frozen=True)
class Selection:
    chosen: list[int]  # the sentence numbers named, in order
    sources: list[Source]  # the sources cut down to them (empty: none)
    prompt_tokens: int | None


def select(llm: ChatModel, prompts: SelectPrompts, sources: list[Source], question: str,
           several: bool = False, temperature: float = 0.0) -> Selection:
    """Step 1: ask the model which sentences answer the question; not streamed."""
    sentences = number_sentences(sources)
    if not sentences:
        return Selection([], [], None)
    messages = build_select_messages(prompts, sentences, question, several)
    reply = complete_json(llm, messages, schema(len(sentences), several), SELECT_TOKENS,
                          temperature)
    chosen = parse_selection(reply, len(sentences), several)
    return Selection(chosen, chosen_sources(sentences, chosen), llm.count_tokens(messages))
