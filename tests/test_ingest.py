"""Ingest into a real (embedded) Chroma with the packaged embedder: incremental, prune,
crash-and-rerun, model mismatch, exact chunk offsets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rag.errors import EmbeddingMismatch, InvalidInput

from .conftest import SEEDS


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    return folder


def chunk_ids(assistant) -> list[str]:  # noqa: ANN001
    return sorted(chunk_id for chunk_id, _, _ in assistant.store.iter_chunks())


def test_second_ingest_skips_unchanged_files(make_assistant, corpus: Path, monkeypatch):
    import rag.index.bm25

    assistant = make_assistant()
    first = assistant.ingest([corpus])
    assert (first.added, first.skipped, first.failed) == (5, 0, [])
    assert first.chunks == assistant.store.count() > 5
    monkeypatch.setattr(rag.index.bm25.BM25Index, "build", lambda *a, **k: pytest.fail("rebuilt"))
    fresh = make_assistant()  # a new process would see the same
    again = fresh.ingest([corpus])
    assert (again.added, again.updated, again.skipped, again.chunks) == (0, 0, 5, 0)
    # Nothing changed, so neither the embedder nor Chroma was even opened (a fast re-ingest).
    assert "embedder" not in fresh.__dict__ and "store" not in fresh.__dict__
    pruning = make_assistant()
    assert pruning.ingest([corpus], prune=True).removed == 0 and "store" not in pruning.__dict__
    # A touched file still goes the whole way.
    (corpus / "extra.txt").write_text("A new article about the Red Sea and shipping lanes.\n")
    monkeypatch.undo()
    assert fresh.ingest([corpus]).added == 1 and "store" in fresh.__dict__


def test_progress_reports_chunks_rate_and_time_left_and_the_report_has_stages(
        make_assistant, corpus: Path):
    from rag.types import IngestProgress

    seen: list[IngestProgress] = []
    report = make_assistant(chunk_size=64, chunk_overlap=8).ingest([corpus], progress=seen.append)
    assert seen[0].done == 0 and seen[0].eta_s is None  # told before the first chunk
    assert seen[-1].done == seen[-1].total == report.chunks
    assert [s.done for s in seen] == sorted(s.done for s in seen)
    assert all(s.chunks_per_s > 0 and s.eta_s is not None for s in seen[1:])
    assert "chunks/s" in seen[1].summary()
    assert set(report.stages) == {"read", "chunk", "embed", "write", "duplicates", "commit",
                                  "bm25"}
    assert report.tokens > report.chunks  # what the embedder read, for tokens/s
    assert sum(report.stages.values()) <= report.seconds + 0.01


def test_every_chunk_points_at_its_exact_span(make_assistant, corpus: Path):
    assistant = make_assistant()
    assistant.ingest([corpus])
    for _, text, meta in assistant.store.iter_chunks():
        article = assistant.article_text(meta["source"])
        assert article[meta["start"]:meta["end"]] == text


def test_changed_file_replaces_its_chunks(make_assistant, corpus: Path):
    assistant = make_assistant()
    assistant.ingest([corpus])
    target = corpus / "002_7ebb27fb1a25ca6a.txt"
    target.write_text("The ferry to Kinmen was cancelled because of fog on Tuesday.\n",
                      encoding="utf-8")
    report = assistant.ingest([corpus])
    assert (report.updated, report.skipped) == (1, 4)
    texts = [t for _, t, m in assistant.store.iter_chunks() if m["source"] == target.name]
    assert texts == ["The ferry to Kinmen was cancelled because of fog on Tuesday."]
    assert assistant.search("ferry Kinmen fog").results[0].source == target.name


def test_prune_removes_articles_whose_files_are_gone(make_assistant, corpus: Path):
    assistant = make_assistant()
    assistant.ingest([corpus])
    (corpus / "004_fc99dd4d39aa1838.txt").unlink()
    kept = assistant.ingest([corpus])  # without --prune nothing is removed
    assert kept.removed == 0 and len(assistant.articles()) == 5
    pruned = assistant.ingest([corpus], prune=True)
    assert pruned.removed == 1
    assert [a.source for a in assistant.articles()] == sorted(p.name for p in corpus.iterdir())
    assert all(m["source"] != "004_fc99dd4d39aa1838.txt"
               for _, _, m in assistant.store.iter_chunks())


def test_crash_mid_ingest_then_rerun_converges_without_duplicates(make_assistant, corpus: Path,
                                                                  monkeypatch):
    import rag.index.ingest

    reference = make_assistant(collection="reference")
    reference.ingest([corpus])
    expected = chunk_ids(reference)

    # several groups, so a crash lands mid-way
    monkeypatch.setattr(rag.index.ingest, "GROUP_CHUNKS", 8)
    crashing = make_assistant()
    real_add = crashing.store.add
    calls = {"n": 0}

    def add_then_die(nodes):  # noqa: ANN001
        calls["n"] += 1
        real_add(nodes)  # the chunks reach Chroma, the catalog never hears of them
        if calls["n"] == 2:
            raise KeyboardInterrupt("killed")

    monkeypatch.setattr(crashing.store, "add", add_then_die)
    with pytest.raises(KeyboardInterrupt):
        crashing.ingest([corpus])
    partial = len(crashing.articles())
    assert 0 < partial < 5

    rerun = make_assistant()
    report = rerun.ingest([corpus])
    assert report.added == 5 - partial and report.skipped == partial
    assert chunk_ids(rerun) == expected
    assert rerun.search("Bill Gates").results  # BM25 was rebuilt after the crash


def test_bad_file_is_reported_and_nothing_stored_is_lost(make_assistant, corpus: Path):
    assistant = make_assistant()
    assistant.ingest([corpus])
    before = chunk_ids(assistant)
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\x00binary")
    report = assistant.ingest([corpus])
    assert len(report.failed) == 1 and "broken.txt" in report.failed[0]
    assert chunk_ids(assistant) == before
    with pytest.raises(InvalidInput):
        assistant.ingest([corpus / "missing-folder"])
    assert chunk_ids(assistant) == before


def test_opening_an_index_with_another_embedding_model_is_an_error(make_assistant, corpus: Path):
    make_assistant().ingest([corpus])
    other = make_assistant(embedding_model="e5-small-enpt-q4")
    with pytest.raises(EmbeddingMismatch, match="e5-small-q4"):
        other.search("Blinken")


def test_changing_chunk_size_rechunks_everything(make_assistant, corpus: Path):
    make_assistant().ingest([corpus])
    report = make_assistant(chunk_size=300, chunk_overlap=20).ingest([corpus])
    assert report.updated == 5


def test_chunks_are_embedded_with_their_title_unless_chunk_titles_is_off(make_assistant,
                                                                         corpus: Path):
    from llama_index.core.schema import MetadataMode

    from rag.index.chunking import chunk_article, make_splitter
    from rag.types import Article

    body = "The dam opened in May. It holds the river back."
    article = Article(source="a.txt", text="Dam opens\n\n" + body, title="Dam opens",
                      body_start=11, body_end=11 + len(body))
    splitter = make_splitter(96, 8)
    [titled] = chunk_article(article, "0" * 64, splitter)
    [bare] = chunk_article(article, "0" * 64, splitter, titles=False)
    assert titled.get_content(metadata_mode=MetadataMode.EMBED) == f"title: Dam opens\n\n{body}"
    assert bare.get_content(metadata_mode=MetadataMode.EMBED) == body
    # Switching it off re-chunks the index, as a new chunk size does; left on, the chunking
    # key is the one indexes made before the setting have, so they are not re-embedded.
    from rag.index.ingest import chunking_key
    from rag.settings import get_settings

    assert "titles" not in chunking_key(get_settings())
    make_assistant().ingest([corpus])
    assert make_assistant(chunk_titles=False).ingest([corpus]).updated == 5


@pytest.mark.parametrize("titles", [True, False])
def test_a_chunk_reads_back_alike_from_its_record_and_from_llamaindexs_older_one(titles: bool):
    """Records keep the chunk's metadata (`record_metadata`); indexes written before keep
    LlamaIndex's serialised node instead. Both read back as the node that was written: the
    same metadata, and the same text for the embedder (so BM25 indexes what was embedded)."""
    from llama_index.core.schema import MetadataMode
    from llama_index.core.vector_stores.utils import node_to_metadata_dict

    from rag.index.chunking import chunk_article, make_splitter, stored_chunk
    from rag.index.vectorstore import record_metadata
    from rag.types import Article

    body = "The dam opened in May. It holds the river back."
    article = Article(source="a.txt", text="Dam opens\n\n" + body, title="Dam opens",
                      published="2024-05-02", body_start=11, body_end=11 + len(body))
    [chunk] = chunk_article(article, "0" * 64, make_splitter(96, 8), titles=titles)
    record = record_metadata(chunk)
    assert "_node_content" not in record and record["document_id"] == "a.txt"
    older = node_to_metadata_dict(chunk, remove_text=True, flat_metadata=True)
    for stored in (record, older):
        node = stored_chunk("a.txt::0", body, stored)
        assert node.node_id == "a.txt::0" and node.metadata == chunk.metadata
        for mode in (MetadataMode.EMBED, MetadataMode.LLM, MetadataMode.NONE):
            assert node.get_content(metadata_mode=mode) == chunk.get_content(metadata_mode=mode)


def test_jsonl_collection_and_its_pruning(make_assistant, tmp_path: Path):
    path = tmp_path / "wire.jsonl"
    path.write_text('{"id": "1", "title": "Dam", "body": "The dam opened in May."}\n'
                    '{"id": "2", "title": "Mine", "body": "The mine closed in June."}\n')
    assistant = make_assistant()
    assert assistant.ingest([path]).added == 2
    path.write_text('{"id": "1", "title": "Dam", "body": "The dam opened in May."}\n')
    assert assistant.ingest([path], prune=True).removed == 1
    assert [a.source for a in assistant.articles()] == ["wire.jsonl#1"]


def test_chunks_the_splitter_cannot_place_are_found_in_the_text():
    """SentenceSplitter sometimes returns a chunk without offsets that starts where the previous
    chunk did (a short chunk, then the same start with the overlap grown): seen on synthetic
    articles at chunk size 96. Each chunk must still get its exact span."""
    from llama_index.core.schema import TextNode

    from rag.index.chunking import chunk_article
    from rag.types import Article

    body = "First sentence here. Second one. Second one and a third."

    class Splitter:
        def get_nodes_from_documents(self, documents):  # noqa: ANN001, ANN202
            return [TextNode(text="First sentence here."),
                    TextNode(text="Second one."),
                    TextNode(text="Second one. Second one and a third.")]

    article = Article(source="a.txt", text="Title\n\n" + body, body_start=7,
                      body_end=7 + len(body))
    chunks = chunk_article(article, "0" * 64, Splitter())  # type: ignore[arg-type]
    spans = [(c.metadata["start"], c.metadata["end"]) for c in chunks]
    assert [article.text[s:e] for s, e in spans] == [c.get_content() for c in chunks]
    assert spans[1][0] == spans[2][0] == 7 + body.index("Second")
