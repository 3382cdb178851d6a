"""Hybrid retrieval over the seed index: dense + BM25 fused, BM25 kept on disk."""

from __future__ import annotations

import pytest
from llama_index.core.schema import NodeWithScore, TextNode

from rag.errors import EmptyIndex, InvalidQuestion
from rag.index.retrieval import reciprocal_rank_fusion


def ranked(*ids: str) -> list[NodeWithScore]:
    return [NodeWithScore(node=TextNode(id_=i, text=i), score=1.0) for i in ids]


def test_rrf_rewards_agreement_between_rankings():
    fused = reciprocal_rank_fusion([ranked("a", "b", "c"), ranked("b", "d", "a")], k=3)
    assert [hit.node.node_id for hit in fused] == ["b", "a", "d"]
    assert fused[0].score == pytest.approx(1 / 62 + 1 / 61)


@pytest.mark.parametrize("question, gold", [
    ("Who did Xi Jinping meet the week before Blinken?", "001_63b0898204a347c1.txt"),
    ("Which news agency reported on the talks between Blinken and Liu?",
     "003_dc6220cf6404607d.txt"),
    ("Who is China's ambassador to the US?", "000_4017704ab87b86ac.txt"),
])
def test_hybrid_search_finds_the_gold_article(seeded, question, gold):
    result = seeded.search(question, k=5)
    assert gold in [hit.source for hit in result.results]
    for hit in result.results:
        assert seeded.article_text(hit.source)[hit.start:hit.end] == hit.text


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_each_retrieval_mode_works_alone(seeded_dir, mode):
    from rag.assistant import Assistant

    from .conftest import settings_for

    assistant = Assistant(settings_for(seeded_dir, retrieval_mode=mode))
    hits = assistant.search("Yonhap News Agency", k=3).results
    assert hits and hits[0].source == "003_dc6220cf6404607d.txt"


def test_bm25_index_is_loaded_from_disk_not_rebuilt_per_query(seeded, monkeypatch):
    import rag.index.bm25

    seeded.search("Blinken")  # loads the index
    monkeypatch.setattr(rag.index.bm25.BM25Index, "build", lambda *a, **k: pytest.fail("rebuilt"))
    for question in ("Qin Gang", "Taiwan election", "spy balloon"):
        assert seeded.search(question).results


def test_empty_index_and_bad_questions_are_clear_errors(make_assistant):
    assistant = make_assistant()
    with pytest.raises(EmptyIndex, match="rag ingest"):
        assistant.search("anything")
    with pytest.raises(InvalidQuestion, match="empty"):
        assistant.search("   ")
    with pytest.raises(InvalidQuestion, match="limit"):
        assistant.search("why " * 1000)
