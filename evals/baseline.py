"""The baseline: a plain LlamaIndex pipeline over the same index, embedder and LLM as newsrag.

`VectorStoreIndex.from_vector_store` over the same Chroma chunks, dense retrieval only, and
LlamaIndex's default query engine (its default QA prompt, "compact" synthesis). The LLM is our
`ChatModel` behind a LlamaIndex `CustomLLM`, so both systems run the same model with the same
sampling. The baseline checks no citations: it has none, and its refusals are found in its text by
`rag.answer.decide.is_refusal`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from llama_index.core.bridge.pydantic import PrivateAttr
from llama_index.core.llms import (
    CompletionResponse,
    CompletionResponseGen,
    CustomLLM,
    LLMMetadata,
)
from llama_index.core.llms.callbacks import llm_completion_callback
from llama_index.core.postprocessor.types import BaseNodePostprocessor
from llama_index.core.schema import NodeWithScore, QueryBundle

from rag.answer.decide import is_refusal
from rag.index.chunking import stored_chunk
from rag.models.llm import ChatModel

from .systems import SystemAnswer


class ChatModelLLM(CustomLLM):
    """A LlamaIndex LLM that sends each completion prompt to a `ChatModel` as one user turn."""

    context_window: int = 2048
    num_output: int = 160
    temperature: float = 0.0
    model_name: str = "chat-model"
    _chat: Any = PrivateAttr()
    _prompt_tokens: int | None = PrivateAttr(default=None)

    def __init__(self, chat: ChatModel, **kwargs: Any) -> None:
        super().__init__(model_name=chat.name, **kwargs)
        self._chat = chat

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=self.context_window, num_output=self.num_output,
                           model_name=self.model_name, is_chat_model=False)

    def take_prompt_tokens(self) -> int | None:
        """Tokens of the prompts sent since the last call (None where the backend cannot tell)."""
        tokens, self._prompt_tokens = self._prompt_tokens, None
        return tokens

    def _deltas(self, prompt: str) -> Iterator[str]:
        messages = [{"role": "user", "content": prompt}]
        counted = self._chat.count_tokens(messages)
        if counted is not None:
            self._prompt_tokens = (self._prompt_tokens or 0) + counted
        yield from self._chat.stream(messages, self.num_output, self.temperature)

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text="".join(self._deltas(prompt)))

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False,
                        **kwargs: Any) -> CompletionResponseGen:
        def gen() -> CompletionResponseGen:
            text = ""
            for delta in self._deltas(prompt):
                text += delta
                yield CompletionResponse(text=text, delta=delta)

        return gen()


class BaselineSystem:
    """LlamaIndex's defaults over an `Assistant`'s index; answers with `k` chunks."""

    name = "baseline"

    def __init__(self, assistant: Any, k: int) -> None:
        from llama_index.core import VectorStoreIndex

        settings = assistant.settings
        self.k = k
        self.llm = ChatModelLLM(assistant.llm, context_window=settings.llm_context_window,
                                num_output=settings.max_answer_tokens,
                                temperature=settings.temperature)
        from llama_index.vector_stores.chroma import ChromaVectorStore

        store = ChromaVectorStore(chroma_collection=assistant.store.collection)
        self.index = VectorStoreIndex.from_vector_store(store,
                                                        embed_model=assistant.embedder)
        self.engine = self.index.as_query_engine(similarity_top_k=k, llm=self.llm,
                                                 node_postprocessors=[StoredChunks()])

    def ranking(self, question: str, depth: int, as_of: str | None = None) -> list[str]:
        nodes = self.index.as_retriever(similarity_top_k=depth).retrieve(question)
        return [n.node.metadata["source"] for n in nodes]

    def answer(self, question: str, as_of: str | None = None) -> SystemAnswer:
        started = time.perf_counter()
        bundle = QueryBundle(question)
        nodes = self.engine.retrieve(bundle)
        retrieval_ms = _ms(started)
        self.llm.take_prompt_tokens()
        response = self.engine.synthesize(bundle, nodes)
        text = str(getattr(response, "response", None) or "").strip()
        return SystemAnswer(
            answer=text, refused=is_refusal(text), citations=None,
            retrieved=[n.node.metadata["source"] for n in nodes],
            retrieval_ms=retrieval_ms, total_ms=_ms(started),
            prompt_tokens=self.llm.take_prompt_tokens(),
        )


class StoredChunks(BaseNodePostprocessor):
    """Chunks as newsrag wrote them. LlamaIndex reads newsrag's chunk records (which do not
    keep its serialised node) without their exclusions, so every metadata field would reach the
    prompt; rebuilt, the prompt holds the chunk's text alone, as it does in newsrag."""

    def _postprocess_nodes(self, nodes: list[NodeWithScore],
                           query_bundle: QueryBundle | None = None) -> list[NodeWithScore]:
        return [NodeWithScore(node=stored_chunk(n.node.node_id, n.node.get_content(),
                                                n.node.metadata), score=n.score)
                for n in nodes]


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)
