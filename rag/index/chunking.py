"""Split articles into chunks with LlamaIndex's SentenceSplitter, keeping exact offsets.

Each chunk's `start`/`end` metadata are character offsets into the article's full text, so that
`article.text[start:end] == chunk.text` and a citation can point at an exact span.

`stored_chunk` is the way back: the node again from what the vector store keeps of it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from llama_index.core import Document
from llama_index.core.node_parser import SentenceSplitter
from llama_index.core.schema import TextNode

from rag.types import Article

if TYPE_CHECKING:
    from rag.settings import Settings

# At most the title goes into the text that is embedded and BM25-indexed beside the chunk.
_TITLE_KEYS = frozenset({"title"})
# A stored chunk's own metadata: what `chunk_article` gives it, and whether its title was embedded.
CHUNK_KEYS = ("source", "title", "published", "outlet", "sha256", "day", "outlet_key", "start",
              "end", "chunk")
EMBED_TITLE = "embed_title"


def day_number(published: str | None) -> int:
    """'2024-01-13' -> 20240113; None -> 0 (undated)."""
    return int(published.replace("-", "")) if published else 0


def make_splitter(chunk_size: int, chunk_overlap: int) -> SentenceSplitter:
    return SentenceSplitter(chunk_size=chunk_size, chunk_overlap=chunk_overlap)


def chunker(settings: Settings) -> Callable[[Article, str], list[TextNode]]:
    """How this index cuts an article (RAG_CHUNK_SIZE, RAG_CHUNK_OVERLAP, RAG_CHUNK_TITLES):
    call it with the article and its text's sha256. Ingest and the benchmarks both use it, so
    they cut alike."""
    splitter = make_splitter(settings.chunk_size, settings.chunk_overlap)
    return lambda article, sha: chunk_article(article, sha, splitter, settings.chunk_titles)


def chunk_article(article: Article, sha: str, splitter: SentenceSplitter,
                  titles: bool = True) -> list[TextNode]:
    """The article's body as chunks; with `titles`, each chunk is embedded (and BM25-indexed)
    with "title: <the article's title>" in front (RAG_CHUNK_TITLES)."""
    embed_keys = _TITLE_KEYS if titles else frozenset()
    body = article.text[article.body_start:article.body_end]
    metadata = {
        "source": article.source, "title": article.title or "", "published":
        article.published or "", "outlet": article.outlet or "", "sha256": sha,
        # The date as a number Chroma can filter on ($gte/$lte): 20240113; 0 when undated.
        "day": day_number(article.published),
        "outlet_key": (article.outlet or "").lower(),  # what an outlet filter compares with
    }
    document = Document(text=body, id_=article.source, metadata=metadata)
    # The splitter subtracts the metadata it will show beside each chunk from chunk_size; only
    # the title is ever shown (to the embedder), so only the title may count against it.
    document.excluded_embed_metadata_keys = [k for k in metadata if k not in embed_keys]
    document.excluded_llm_metadata_keys = list(metadata)
    nodes = splitter.get_nodes_from_documents([document])
    chunks: list[TextNode] = []
    search_from = 0
    for i, node in enumerate(nodes):
        assert isinstance(node, TextNode)
        text = node.get_content()
        start = node.start_char_idx
        if start is None or body[start:start + len(text)] != text:
            # The splitter could not place the chunk; find it ourselves. A chunk may start where
            # the previous one did (a short chunk, then the same start with the overlap grown),
            # so search from the previous start, then anywhere.
            start = body.find(text, search_from)
            if start < 0:
                start = body.find(text)
            if start < 0:
                raise ValueError(f"{article.source}: chunk {i} is not a span of the article")
        search_from = start
        node.id_ = f"{article.source}::{i}"
        node.metadata.update(start=article.body_start + start,
                             end=article.body_start + start + len(text), chunk=i)
        # Its links to the document and the neighbouring chunks are dropped: nothing reads
        # them, and LlamaIndex would serialise them (with the metadata, again) into each record.
        chunks.append(_chunk_node(node.id_, text, node.metadata, titles))
    return chunks


def _chunk_node(chunk_id: str, text: str, metadata: dict[str, Any], titles: bool) -> TextNode:
    embed_keys = _TITLE_KEYS if titles else frozenset()
    return TextNode(
        id_=chunk_id, text=text, metadata=metadata, metadata_template="{key}: {value}",
        excluded_embed_metadata_keys=[k for k in metadata
                                      if k not in embed_keys or not metadata[k]],
        excluded_llm_metadata_keys=list(metadata))


def stored_chunk(chunk_id: str, text: str, stored: Mapping[str, Any]) -> TextNode:
    """The node `chunk_article` made, from its id, text and the metadata the store keeps
    (`VectorStore.add` writes the chunk's metadata and EMBED_TITLE). Chunks written before
    that carry LlamaIndex's serialised node instead, and are read back the way LlamaIndex
    reads them."""
    if EMBED_TITLE not in stored and "_node_content" in stored:
        from llama_index.core.vector_stores.utils import metadata_dict_to_node

        node = metadata_dict_to_node(dict(stored), text=text)
        assert isinstance(node, TextNode)
        node.id_ = chunk_id
        return node
    metadata = {key: stored[key] for key in CHUNK_KEYS if key in stored}
    return _chunk_node(chunk_id, text, metadata, bool(stored.get(EMBED_TITLE, True)))
