"""The index: everything between article files and retrieved chunks.

- `articles`: reading .txt/.md/.html/.jsonl files into `Article`s (title, date, outlet);
- `chunking`: LlamaIndex's SentenceSplitter with exact character offsets;
- `chroma`: the Chroma client (embedded, a server, or Chroma's hosted service) and its failures;
- `catalog`: the articles (full texts, hashes, metadata) and the corpus generation, in Chroma;
- `ingest`: the incremental, crash-safe pipeline files -> chunks -> embeddings -> Chroma;
- `vectorstore`: the chunks collection, queried through LlamaIndex's ChromaVectorStore;
- `bm25`: LlamaIndex's BM25Retriever, a per-instance cache for one corpus generation;
- `retrieval`: dense and BM25 candidates fused by reciprocal rank fusion, and the `Searcher`
  that swaps in a new BM25 index when the generation moves.

Imports: rag.settings, rag.errors, rag.types and each other; never rag.answer, rag.web, the
CLI or the Assistant.
"""
