"""Answers from the real embedded LLM over the seed index: cited, verified, refusing."""

from __future__ import annotations

from rag.types import Answer

from .conftest import ScriptedLLM


def test_answer_cites_the_article_that_holds_the_fact(seeded):
    answer = seeded.ask("Which prominent American did Xi Jinping meet the week before Blinken?")
    assert not answer.refused
    assert "Gates" in answer.answer
    assert answer.citations, answer
    assert all(c.verified for c in answer.citations)
    assert "001_63b0898204a347c1.txt" in {c.source for c in answer.citations}
    for c in answer.citations:
        assert seeded.article_text(c.source)[c.start:c.end] == c.quote
        assert f"[{c.n}]" in answer.answer
    assert answer.model.llm == "qwen2.5-coder-1.5b-instruct"
    assert {"retrieve_ms", "first_token_ms", "total_ms"} <= answer.timings_ms.keys()


def test_question_the_articles_cannot_answer_is_refused(seeded):
    answer = seeded.ask("Who won the 2022 football World Cup final?")
    assert answer.refused
    assert answer.citations == []
    assert answer.refusal_reason


def test_a_near_miss_answered_from_the_sources_own_words_is_refused_with_its_reason(seeded):
    # The articles say Wang Yi was invited to visit "at a later date"; the model repeats it.
    answer = seeded.ask("When is Wang Yi expected to visit Washington?")
    assert answer.refused
    assert answer.refusal_reason == "the question asks for a time; the evidence cited gives none"
    # No answer; at most the closest passage, quoted (the return visit "at a later date").
    assert answer.status in ("refused", "partial")
    if answer.status == "partial":
        assert [c.verified for c in answer.citations] == [True]
        assert answer.citations[0].quote in answer.answer
    else:
        assert answer.citations == []


def test_an_answer_attributing_words_to_the_wrong_person_is_refused(seeded_dir):
    from rag.assistant import Assistant

    from .conftest import settings_for

    # Seed 000: Liu "stated China's positions on issues like Taiwan" at a meeting with Finer.
    scripted = ScriptedLLM("Jonathan Finer told Liu Jianchao China's positions on issues like "
                           "Taiwan [1].")
    answer = Assistant(settings_for(seeded_dir), llm=scripted).ask(
        "What did Jonathan Finer tell Liu Jianchao about Taiwan?")
    assert answer.refused
    assert answer.refusal_reason and "Jonathan Finer said" in answer.refusal_reason


def test_stream_yields_text_then_the_checked_answer(seeded):
    events = list(seeded.stream("Who is Xie Feng?"))
    assert isinstance(events[-1], Answer)
    assert all(isinstance(e, str) for e in events[:-1]) and len(events) > 2
    assert "ambassador" in events[-1].answer.lower()


def test_follow_up_question_is_condensed_with_the_history(seeded):
    history = [
        {"role": "user", "content": "Who is Liu Jianchao?"},
        {"role": "assistant", "content": "Liu Jianchao leads the CCP's diplomatic arm [1]."},
    ]
    answer = seeded.ask("What did he say about Taiwan?", history=history)
    assert answer.standalone_question and "Liu" in answer.standalone_question
    assert not answer.refused
    assert "000_4017704ab87b86ac.txt" in {r.source for r in answer.retrieved}


def test_citation_to_an_unknown_source_is_dropped_and_unsupported_claims_refused(seeded_dir):
    from rag.assistant import Assistant

    from .conftest import settings_for

    scripted = ScriptedLLM("Xi Jinping met Bill Gates in Beijing [9].")
    answer = Assistant(settings_for(seeded_dir), llm=scripted).ask("Did Xi meet Bill Gates?")
    assert [c.source for c in answer.citations] == ["001_63b0898204a347c1.txt"]
    assert "[9]" not in answer.answer

    made_up = ScriptedLLM("The summit produced a trade deal worth 40 billion dollars [1].")
    answer = Assistant(settings_for(seeded_dir), llm=made_up).ask("What was agreed?")
    assert answer.refused and answer.citations == []
    # The reply set aside is kept for audit, apart from the answer (`evals.ledger` reads it).
    assert answer.draft == "The summit produced a trade deal worth 40 billion dollars [1]."
    assert "40 billion" not in answer.answer


def test_evidence_shown_to_the_model_is_article_body_not_its_header(seeded_dir):
    """Seed 000 opens with a `date 2024-01-13` marker: metadata, never a quotable sentence."""
    from rag.assistant import Assistant

    from .conftest import settings_for

    scripted = ScriptedLLM("Xie Feng is China's ambassador to the US.")
    answer = Assistant(settings_for(seeded_dir), llm=scripted).ask("Who is Xie Feng?")
    shown = scripted.calls[0][-1]["content"]
    assert "Xie Feng, China’s ambassador to the US" in shown
    assert "date 2024-01-13 Xie Feng" not in shown
    assert "(2024-01-13)\nXie Feng" in shown  # the date stays, as metadata
    assert [c.quote[:8] for c in answer.citations] == ["Xie Feng"]


def test_evidence_is_what_the_model_would_be_shown_without_asking_it(seeded_dir):
    """`Assistant.evidence` runs the answer path up to the prompt: an eval can rebuild what an
    answer was built from (evals/fallback_sweep.py) without the LLM."""
    from rag.assistant import Assistant, make_filters

    from .conftest import settings_for

    scripted = ScriptedLLM("never asked")
    assistant = Assistant(settings_for(seeded_dir), llm=scripted)
    found = assistant.evidence("On which day did Blinken meet Wang Yi in Beijing?")
    assert found.sources and found.sources[0].n == 1
    assert any("Wang Yi" in src.text for src in found.sources)
    assert {c.kind for c in found.constraints} >= {"name"}  # Blinken, Wang Yi, Beijing
    assert found.uncovered is None and not found.several
    later = assistant.evidence("Who did Blinken meet in Beijing in 2031?",
                               filters=make_filters(as_of="2031-06-01"))
    assert later.uncovered and "newest article" in later.uncovered
    assert scripted.calls == []


def test_a_citation_is_unverified_when_the_stored_text_behind_it_changed(make_assistant, llm):
    from tests.conftest import SEEDS

    assistant = make_assistant(llm=llm)
    assistant.ingest([SEEDS])
    question = "Which prominent American did Xi Jinping meet the week before Blinken?"
    before = assistant.ask(question)
    assert before.citations and all(c.verified for c in before.citations)

    # Change the stored copy of a cited article in Chroma behind the index's back (one doubled
    # space in the cited sentence: the same words, other bytes and offsets; the record still
    # names the sha256 of the text that was indexed).
    cited = before.citations[0]
    text = assistant.article_text(cited.source)
    at = text.index(" ", cited.start)
    assistant.catalog.collection.update(ids=[cited.source], embeddings=[[1.0]],
                                        documents=[text[:at] + " " + text[at:]])

    after = assistant.ask(question)
    changed = [c for c in after.citations if c.source == cited.source]
    assert changed and not any(c.verified for c in changed)
