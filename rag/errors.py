"""Domain errors. Every surface (CLI, HTTP, UI) translates these, and only these, into its own
shape: each carries a one-line message naming the problem and a hint naming the fix."""

from __future__ import annotations


class RagError(Exception):
    """Base class. `code` is a stable machine-readable name; `status` the HTTP status to use."""

    code = "rag_error"
    status = 500

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InvalidQuestion(RagError):
    code = "invalid_question"
    status = 400


class InvalidInput(RagError):
    """A file or request that cannot be used: missing, binary, not UTF-8, too large, bad format."""

    code = "invalid_input"
    status = 400


class UnsupportedFileType(InvalidInput):
    code = "unsupported_file_type"
    status = 415


class UploadTooLarge(InvalidInput):
    code = "upload_too_large"
    status = 413


class EmptyIndex(RagError):
    code = "empty_index"
    status = 409


class EmbeddingMismatch(RagError):
    """The collection was built with another embedding model than the one configured."""

    code = "embedding_mismatch"
    status = 409


class IndexFormatError(RagError):
    """An index written in a form this release cannot read (and cannot migrate)."""

    code = "index_format"
    status = 409


class VectorStoreUnavailable(RagError):
    code = "vector_store_unavailable"
    status = 503


class Busy(RagError):
    """A resource's queue is full (the embedded model answers one question at a time): try
    again shortly. `retry_after` is the advised wait in seconds."""

    code = "busy"
    status = 503

    def __init__(self, message: str, hint: str | None = None, retry_after: int = 5) -> None:
        super().__init__(message, hint)
        self.retry_after = retry_after


class LLMUnavailable(RagError):
    """The LLM server cannot be reached or failed (a bad gateway, to HTTP clients)."""

    code = "llm_unavailable"
    status = 502


class LLMTimeout(LLMUnavailable):
    code = "llm_timeout"
    status = 504


class LLMAuthError(RagError):
    code = "llm_auth_error"
    status = 502


class ModelFileError(RagError):
    """The packaged model is missing or its checksum does not match."""

    code = "model_file_error"
    status = 500


class MissingDependency(RagError):
    code = "missing_dependency"
    status = 500
