"""The index: everything between article files and retrieved chunks.

- `articles`: reading .txt/.md/.html/.jsonl files into `Article`s (title, date, outlet);
- `chunking`: LlamaIndex's SentenceSplitter with exact character offsets;
- `catalog`: which articles are indexed, their content hashes and stored texts;
- `ingest`: the incremental, crash-safe pipeline files -> chunks -> embeddings -> Chroma + BM25;
- `vectorstore`: Chroma (embedded or a server) through LlamaIndex's ChromaVectorStore;
- `bm25`: LlamaIndex's BM25Retriever, persisted beside the catalog;
- `retrieval`: dense and BM25 candidates fused by reciprocal rank fusion.

Imports: rag.settings, rag.errors, rag.types and each other; never rag.answer, rag.web, the
CLI or the Assistant.
"""
