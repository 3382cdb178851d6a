"""The UI's rendering: [n] links, unverified sentences, refusals, highlighted quotes, escaping.
(The browser test in test_server_live.py drives the whole UI.)"""

from __future__ import annotations

from pathlib import Path

from rag.assistant import Assistant
from rag.types import Answer, Citation, ModelInfo, SentenceCheck
from ui.app import build_ui, highlight, render_answer, render_sources

from .conftest import ScriptedLLM, settings_for

ARTICLE = "Intro line. The bridge reopened on Saturday. The mayor spoke <loudly>."


def make_answer(**fields: object) -> Answer:
    base: dict[str, object] = dict(
        question="When did the bridge reopen?", answer="It reopened on Saturday [1].",
        refused=False, retrieved=[], model=ModelInfo(llm="m", embedding="e"),
        citations=[Citation(n=1, source="bridge.txt", title="Bridge <reopens>",
                            published="2024-03-02", quote="The bridge reopened on Saturday.",
                            start=12, end=44, verified=True)],
        sentences=[SentenceCheck(text="It reopened on Saturday.", citations=[1], supported=True),
                   SentenceCheck(text="It cost <b>a lot</b>.", citations=[], supported=False)])
    base.update(fields)
    return Answer.model_validate(base)


def test_answer_links_each_citation_and_marks_unverified_sentences() -> None:
    html = render_answer(make_answer(), turn=3)
    assert ('It reopened on Saturday <a class="rag-cite" href="#cite-3-1" '
            'data-target="cite-3-1">[1]</a>.') in html
    assert 'class="rag-unverified"' in html and "unverified</span>" in html
    assert "<b>" not in html and "&lt;b&gt;a lot&lt;/b&gt;" in html  # model text is escaped


def test_refusal_is_shown_as_such() -> None:
    html = render_answer(make_answer(refused=True, answer="The sources do not say.",
                                     citations=[], sentences=[]), turn=0)
    assert "rag-refusal" in html and "Refused" in html and "rag-cite" not in html


def test_sources_panel_highlights_the_quote() -> None:
    turns = [make_answer().model_dump()]
    html = render_sources(turns, lambda source: ARTICLE)
    assert 'id="cite-0-1"' in html
    assert "<mark>The bridge reopened on Saturday.</mark>" in html
    assert "Bridge &lt;reopens&gt;" in html and "2024-03-02" in html and "bridge.txt" in html
    assert "&lt;loudly&gt;" in html  # article text escaped
    assert highlight("abcdef", [(1, 3), (2, 4)]) == "a<mark>bc</mark><mark>d</mark>ef"


def test_unverified_quote_is_flagged() -> None:
    answer = make_answer()
    answer.citations[0].verified = False
    html = render_sources([answer.model_dump()], lambda source: ARTICLE)
    assert "quote not verified" in html and "<mark>" not in html


def test_blocks_expose_named_api_endpoints(seeded_dir: Path) -> None:
    blocks = build_ui(Assistant(settings_for(seeded_dir), llm=ScriptedLLM("x")))
    names = {d.get("api_name") for d in blocks.config["dependencies"]}
    assert {"respond", "ask", "search", "ingest_files", "list_articles"} <= names


def test_empty_filter_boxes_mean_no_filter() -> None:
    from ui.app import ui_filters

    assert ui_filters(None, "", " ", None) == {"since": None, "until": None, "outlets": None,
                                               "as_of": None}
    assert ui_filters("2020-01-01", None, "AP, Reuters", "")["outlets"] == ["AP", "Reuters"]
