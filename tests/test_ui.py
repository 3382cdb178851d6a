"""The UI's rendering: [n] links, unverified sentences, refusals, highlighted quotes, escaping,
sources by date, the archive at a glance (timeline, example questions); and, in headless
Chromium against an in-process server with a scripted LLM, the empty chat's examples, the
timeline, their update after an upload and the sources' date order. (The browser test in
test_server_live.py drives the whole UI with the real model.)"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from benchmarks.servers import free_port
from rag.assistant import Assistant
from rag.types import Answer, ArticleInfo, Citation, ModelInfo, SentenceCheck
from ui.app import (
    build_ui,
    empty_chat,
    example_questions,
    highlight,
    render_answer,
    render_sources,
    timeline,
)

from .browser import CHROMIUM, browser_page
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


# --- sources by date ----------------------------------------------------------------------------
def cite(n: int, source: str, published: str | None) -> Citation:
    return Citation(n=n, source=source, title=source.upper(), published=published,
                    quote="q", start=0, end=1, verified=True)


def card_order(html: str) -> list[str]:
    import re

    return re.findall(r'id="cite-0-(\d+)"', html)


def test_sources_show_the_date_first_and_can_be_ordered_newest_first() -> None:
    answer = make_answer(citations=[cite(1, "b.txt", "2024-01-05"), cite(2, "u.txt", None),
                                    cite(3, "c.txt", "2024-03-01"), cite(4, "a.txt", "2024-01-05"),
                                    cite(4, "a.txt", "2024-01-05")])
    turns = [answer.model_dump()]
    by_rank = render_sources(turns, lambda source: None)
    assert card_order(by_rank) == ["1", "2", "3", "4"]
    assert '<span class="rag-date">2024-03-01</span>C.TXT' in by_rank
    assert '<span class="rag-date rag-undated">undated</span>U.TXT' in by_rank
    # Newest first; equal dates keep the [n] order; undated last.
    assert card_order(render_sources(turns, lambda source: None, "date")) == ["3", "1", "4", "2"]


# --- the archive at a glance --------------------------------------------------------------------
def info(source: str, published: str | None, title: str | None = None,
         group: str | None = None) -> ArticleInfo:
    return ArticleInfo(source=source, title=title, published=published, outlet=None, chunks=1,
                       sha256="0" * 64, group=group or source)


def test_timeline_counts_every_month_from_first_to_last() -> None:
    frame = timeline([info("a", "2019-11-30"), info("b", "2020-02-01"), info("c", "2020-02-29"),
                      info("d", None)])
    assert list(frame["period"]) == ["2019-11", "2019-12", "2020-01", "2020-02"]
    assert list(frame["articles"]) == [1, 0, 0, 2]  # the undated one is left out
    assert list(timeline([info("a", "2001-05-01"), info("b", "2020-01-01")])["period"])[:2] == [
        "2001", "2002"]  # a long span per year
    empty = timeline([info("a", None)])
    assert empty.empty and str(empty["articles"].dtype) == "int64"


def test_example_questions_come_from_the_newest_titles() -> None:
    infos = [info("old", "2019-01-01", "Old story"), info("new", "2020-05-01", "New story."),
             info("copy", "2020-05-02", "Wire copy", group="new"),  # same story as "new"
             info("undated", None, "Undated story"), info("untitled", "2021-01-01"),
             info("long", "2022-01-01", "A " * 70), info("mid", "2020-03-01", "Mid story")]
    assert example_questions(infos) == [
        "What do the articles report about Wire copy?",
        "What do the articles report about Mid story?",
        "What do the articles report about Old story?"]
    assert example_questions([info("u", None, "Undated story")]) == [
        "What do the articles report about Undated story?"]
    assert example_questions([info("untitled", "2021-01-01")]) == []
    text, examples = empty_chat(infos)
    assert "7 articles, 2019-01-01 to 2022-01-01" in text and len(examples) == 3
    text, examples = empty_chat([])
    assert "Nothing is indexed yet" in text and examples == []


# --- in a browser -------------------------------------------------------------------------------
FERRIES = {  # three dated articles of one story; a fourth is uploaded through the UI
    "ferry1.txt": ("Ferry crews walk out in Port Vale", "Vale Courier", "2024-02-05",
                   "Ferry crews in Port Vale walked out on Monday over pay. The harbour board "
                   "said talks would resume within days. Commuters queued for buses along the "
                   "coast road. The union wants a raise of nine percent."),
    "ferry2.txt": ("Port Vale ferry talks stall", "Harbour News", "2024-03-11",
                   "Talks between the harbour board and the ferry union stalled on Tuesday. "
                   "Ferry crews in Port Vale said the strike would go on. Shops near the pier "
                   "reported fewer customers. A mediator from the capital was invited."),
    "ferry3.txt": ("Port Vale ferry strike ends with a pay deal", "Vale Courier", "2024-04-20",
                   "The ferry strike in Port Vale ended on Friday after crews accepted a pay "
                   "deal. The first boats sailed on Saturday morning. The deal gives crews a "
                   "raise of six percent over two years. Passengers welcomed the return of the "
                   "service."),
    "ferry4.txt": ("New timetable for Port Vale boats", "Harbour News", "2024-06-03",
                   "The harbour board published a summer timetable with later evening "
                   "sailings. Tickets bought during the dispute remain valid until August."),
}
# Each sentence is checked against the sources, so it is cited to the article that says it:
# the walk-out (2024-02-05) and the deal (2024-04-20).
REPLY = "Ferry crews walked out over pay [1]. The strike ended after crews accepted a pay deal [2]."


def write_ferry(directory: Path, name: str) -> Path:
    title, outlet, date, body = FERRIES[name]
    path = directory / name
    path.write_text(f"title: {title}\nsource: {outlet}\ndate: {date}\n\n{body}\n")
    return path


@pytest.fixture(scope="module")
def ui_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`create_app` over three ferry articles with a scripted LLM, served by uvicorn in a
    thread; yields the base URL and a folder holding the fourth article, for upload."""
    import uvicorn

    from rag.web.app import create_app

    work = tmp_path_factory.mktemp("ui")
    corpus, upload = work / "corpus", work / "upload"
    corpus.mkdir()
    upload.mkdir()
    for name in ("ferry1.txt", "ferry2.txt", "ferry3.txt"):
        write_ferry(corpus, name)
    write_ferry(upload, "ferry4.txt")
    assistant = Assistant(settings_for(work / ".rag"), llm=ScriptedLLM(REPLY))
    assistant.ingest([corpus])
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(assistant), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the UI server did not start"
        time.sleep(0.1)
    yield url, upload
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture()
def page(ui_server: tuple[str, Path]) -> Iterator[Any]:
    """A fresh page (so a fresh conversation) on the UI, in headless Chromium."""
    if not CHROMIUM.exists():
        pytest.skip("needs Chromium at /usr/bin/chromium (apt-get install chromium)")
    with browser_page(ui_server[0]) as tab:  # fails if anything came from outside: the plot too
        tab.locator("#rag-question textarea").wait_for(timeout=60_000)
        yield tab


@pytest.mark.slow
def test_browser_empty_chat_and_timeline_update_after_an_upload(
        page: Any, ui_server: tuple[str, Path]) -> None:
    examples = page.locator("#rag-chat button.example")
    examples.first.wait_for(timeout=30_000)
    placeholder = page.locator("#rag-chat .placeholder").inner_text()
    assert "Indexed:" in placeholder and " to 2024-0" in placeholder
    before = int(placeholder.split("Indexed:")[1].split()[0])  # 3, or 4 after the test below
    assert examples.count() == 3
    page.get_by_role("tab", name="Articles").click()
    bars = page.locator("#rag-timeline [aria-roledescription=bar]")
    bars.first.wait_for(timeout=30_000)
    months = bars.count()
    assert months in (3, 5)  # 2024-02 to 2024-04, or to 2024-06 once ferry4 is in
    assert bars.first.get_attribute("aria-label") == "published: 2024-02; articles: 1"
    if before == 4:
        return  # the upload below already happened (a rerun on the same server)
    page.locator("#rag-upload input[type=file]").set_input_files(
        str(ui_server[1] / "ferry4.txt"))
    page.get_by_role("button", name="Ingest").click()
    page.get_by_text("1 added").wait_for(timeout=120_000)
    page.wait_for_function("document.querySelectorAll("
                           "'#rag-timeline [aria-roledescription=bar]').length === 5",
                           timeout=30_000)
    assert "4 articles" in page.locator("#rag-overview").inner_text()
    page.get_by_role("tab", name="Chat").click()
    first = page.locator("#rag-chat button.example").first
    first.wait_for(timeout=10_000)
    assert "New timetable for Port Vale boats" in first.inner_text()  # the newest article
    assert "4 articles" in page.locator("#rag-chat .placeholder").inner_text()


@pytest.mark.slow
def test_browser_example_question_is_asked(page: Any) -> None:
    example = page.locator("#rag-chat button.example").first
    example.wait_for(timeout=30_000)
    question = example.inner_text().strip()
    assert question.startswith("What do the articles report about ")
    example.click()
    # Answered (with its checked answer, cited or refused: which example is first depends on
    # what other tests of this module uploaded, and the scripted reply fits only some).
    page.locator("#rag-chat div.rag-answer").first.wait_for(timeout=60_000)
    assert question in page.locator("#rag-chat").inner_text()  # asked as if typed
    refused = page.locator("#rag-chat div.rag-refusal").count() >= 1  # a refusal shows none
    assert refused or page.locator("#rag-sources details.rag-source").count() >= 1
    assert page.locator("#rag-question textarea").input_value() == ""


@pytest.mark.slow
def test_browser_sources_ordered_by_date(page: Any) -> None:
    # The walk-out article (2024-02-05) ranks first for this question, the deal (2024-04-20)
    # second: newest first reverses them.
    page.get_by_label("newest first").check()  # chosen before asking: the answer obeys it
    box = page.locator("#rag-question textarea")
    box.fill("Why did the ferry crews walk out?")
    box.press("Enter")
    cards = page.locator("#rag-sources details.rag-source")
    cards.first.wait_for(timeout=60_000)

    def shown() -> list[tuple[str, str]]:
        return [(c.get_attribute("id") or "", c.locator(".rag-date").inner_text())
                for c in cards.all()]

    assert shown() == [("cite-0-2", "2024-04-20"), ("cite-0-1", "2024-02-05")]
    page.get_by_label("by rank").check()
    page.wait_for_function("document.querySelector('#rag-sources details.rag-source')"
                           ".id === 'cite-0-1'", timeout=10_000)
    assert shown() == [("cite-0-1", "2024-02-05"), ("cite-0-2", "2024-04-20")]
    page.locator("#rag-chat a.rag-cite").first.click()  # [n] still opens its card
    assert page.locator("details.rag-source.rag-active").get_attribute("id") == "cite-0-1"


@pytest.mark.slow
def test_respond_endpoint_takes_the_order_or_leaves_it_out(ui_server: tuple[str, Path]) -> None:
    from gradio_client import Client

    assert httpx.get(f"{ui_server[0]}/health").status_code == 200
    client = Client(f"{ui_server[0]}/", verbose=False)
    question = "Why did the ferry crews walk out?"
    _, sources, _, _ = client.predict(question, [], 5, False, "", "", "", "",
                                      api_name="/respond")  # as before the order existed
    assert sources.index("cite-0-1") < sources.index("cite-0-2")
    _, sources, _, _ = client.predict(question, [], 5, False, "", "", "", "", "date",
                                      api_name="/respond")
    assert sources.index("cite-0-2") < sources.index("cite-0-1")
