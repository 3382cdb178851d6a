"""The Gradio chat UI over an `Assistant`: streaming chat with clickable, verified citations,
sources with their dates (by rank or newest first), an upload panel with ingest progress, the
archive at a glance (summary and a histogram of publication dates; in the empty chat, what is
indexed and example questions from the newest titles), the list of indexed articles, and
settings at hand.

    blocks = build_ui(assistant)          # a gr.Blocks
    mount_ui(fastapi_app, assistant)      # at "/", offline theme, key login if RAG_API_KEY

Offline by construction: system fonts only (the default theme would fetch Google Fonts), no
analytics, no CDN. Named Gradio API endpoints (gradio_client): /respond (the chat), /ask and
/search (plain JSON), /ingest_files, /list_articles.
"""

from __future__ import annotations

import os

os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"  # before gradio is imported: no telemetry

import html  # noqa: E402
from collections.abc import AsyncIterator, Sequence  # noqa: E402
from typing import Any, Literal  # noqa: E402

import gradio as gr  # noqa: E402
from gradio.components.chatbot import ExampleMessage  # noqa: E402

from rag.assistant import Assistant  # noqa: E402
from rag.errors import RagError  # noqa: E402
from rag.settings import secret  # noqa: E402
from rag.threads import iterate_in_thread  # noqa: E402
from rag.types import Answer, ArticleInfo, Citation, IngestProgress, SearchResult  # noqa: E402
from rag.web.http import key_matches  # noqa: E402
from rag.web.uploads import save_uploads  # noqa: E402

ARTICLE_COLUMNS = ["File", "Title", "Date", "Chunks", "Copy of"]
SOURCE_ORDERS = {"by rank": "rank", "newest first": "date"}  # the sources panel's choice
SourceOrder = Literal["rank", "date"]
EXAMPLES = 3  # example questions in the empty chat
TITLE_MAX = 120  # longer titles make clumsy example questions; such articles are skipped
MONTHS_MAX = 60  # a longer timeline is drawn per year

CSS = """
.rag-answer a.rag-cite { font-weight: 600; text-decoration: none; cursor: pointer;
  padding: 0 2px; border-radius: 4px; background: var(--color-accent-soft); }
.rag-scope { font-size: 0.8em; color: #6b7280; margin-top: 4px; }
.rag-unverified { text-decoration: underline dotted #c2410c; text-underline-offset: 3px; }
.rag-flag { font-size: 0.75em; color: #c2410c; border: 1px solid #c2410c; border-radius: 4px;
  padding: 0 3px; margin-left: 3px; white-space: nowrap; }
.rag-refusal { border-left: 4px solid #6b7280; padding: 2px 8px; font-style: italic; }
.rag-refusal b { font-style: normal; }
.rag-error { border-left: 4px solid #b91c1c; padding: 2px 8px; }
#rag-sources { max-height: 640px; overflow-y: auto; }
.rag-turn-q { font-size: 0.85em; color: var(--body-text-color-subdued); margin: 8px 0 4px; }
details.rag-source { border: 1px solid var(--border-color-primary); border-radius: 6px;
  margin: 4px 0; padding: 4px 8px; }
details.rag-source.rag-active { border-color: var(--color-accent); box-shadow: 0 0 0 2px
  var(--color-accent-soft); }
details.rag-source summary { cursor: pointer; }
.rag-meta { font-size: 0.85em; color: var(--body-text-color-subdued); }
.rag-date { font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap;
  padding: 0 5px; margin-right: 6px; border-radius: 4px;
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); }
.rag-date.rag-undated { font-weight: 400; font-style: italic;
  color: var(--body-text-color-subdued); }
.rag-article { white-space: pre-wrap; font-size: 0.9em; max-height: 360px; overflow-y: auto;
  margin-top: 6px; }
.rag-article mark { background: #fde68a; color: #111827; padding: 1px 0; }
.rag-chunk { border-top: 1px solid var(--border-color-primary); padding: 4px 0;
  font-size: 0.85em; white-space: pre-wrap; }
"""

# Clicking [n] opens that citation's card in the sources panel and scrolls to the quote.
JS = """
() => {
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a.rag-cite');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    const card = document.getElementById(link.dataset.target);
    if (!card) return;
    document.querySelectorAll('details.rag-source.rag-active')
      .forEach((el) => el.classList.remove('rag-active'));
    card.open = true;
    card.classList.add('rag-active');
    const mark = card.querySelector('mark');
    (mark || card).scrollIntoView({block: 'center'});
  }, true);
}
"""


def offline_theme() -> gr.themes.Base:
    """The default theme with system fonts, so the page fetches nothing from the internet."""
    return gr.themes.Default(
        font=["ui-sans-serif", "system-ui", "sans-serif"],
        font_mono=["ui-monospace", "Consolas", "monospace"],
    )


# --- rendering (pure functions, tested without a browser) ------------------------------------
def cite_id(turn: int, n: int) -> str:
    return f"cite-{turn}-{n}"


def cite_link(turn: int, n: int) -> str:
    target = cite_id(turn, n)
    return f'<a class="rag-cite" href="#{target}" data-target="{target}">[{n}]</a>'


def render_answer(answer: Answer, turn: int) -> str:
    """The checked answer as HTML: [n] as links, unsupported sentences marked, refusals shown."""
    scope = render_scope(answer)
    if answer.status == "partial":  # no answer: the closest passage, quoted, its [n] a link
        reason = answer.refusal_reason or "the evidence does not answer it"
        text = answer.answer.rsplit(" [", 1)[0] if answer.answer.endswith("]") else answer.answer
        links = "".join(cite_link(turn, c.n) for c in answer.citations)
        return ('<div class="rag-answer rag-refusal"><b>Partial:</b> '
                f"{html.escape(text)} {links} ({html.escape(reason)}){scope}</div>")
    if answer.refused:
        reason = answer.refusal_reason or "the indexed articles do not contain the answer"
        return ('<div class="rag-answer rag-refusal"><b>Refused:</b> '
                f"{html.escape(answer.answer)} ({html.escape(reason)}){scope}</div>")
    parts = []
    sentences = answer.sentences or []
    if not sentences:
        parts.append(html.escape(answer.answer))
    for s in sentences:
        body = s.text.rstrip()
        stem = body.rstrip(".!?")
        tail = body[len(stem):]
        links = "".join(cite_link(turn, n) for n in s.citations)
        text = html.escape(stem.rstrip()) + (" " + links if links else "") + html.escape(tail)
        if not s.supported:
            text = (f'<span class="rag-unverified" title="No source supports this sentence">'
                    f'{text}</span><span class="rag-flag">unverified</span>')
        parts.append(text)
    return f'<div class="rag-answer">{" ".join(parts)}{scope}</div>'


def render_scope(answer: Answer) -> str:
    """The filters and the question's period, as a small line under the answer."""
    notes = []
    if answer.filters is not None:
        notes.append(f"filters: {answer.filters.describe()}")
    if answer.time_filter is not None:
        notes.append(f"time: {answer.time_filter.describe()}")
    return (f'<div class="rag-scope">{html.escape(" · ".join(notes))}</div>' if notes else "")


def render_error(exc: RagError) -> str:
    hint = f"<br><small>{html.escape(exc.hint)}</small>" if exc.hint else ""
    return f'<div class="rag-error"><b>Error:</b> {html.escape(exc.message)}{hint}</div>'


def highlight(text: str, spans: list[tuple[int, int]]) -> str:
    """The article text, escaped, with each span wrapped in <mark>."""
    out, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def render_source_card(turn: int, n: int, cites: list[Citation], article_text: str | None) -> str:
    first = cites[0]
    title = html.escape(first.title or first.source)
    date = (f'<span class="rag-date">{html.escape(first.published)}</span>' if first.published
            else '<span class="rag-date rag-undated">undated</span>')
    meta = html.escape(first.source)
    flag = ("" if all(c.verified for c in cites)
            else '<span class="rag-flag">quote not verified</span>')
    if article_text is None:
        body = "".join(f"<mark>{html.escape(c.quote)}</mark><br>" for c in cites)
    else:
        body = highlight(article_text, [(c.start, c.end) for c in cites if c.verified])
    return (f'<details class="rag-source" id="{cite_id(turn, n)}"><summary><b>[{n}]</b> '
            f'{date}{title}{flag}<div class="rag-meta">{meta}</div></summary>'
            f'<div class="rag-article">{body}</div></details>')


def render_sources(turns: list[dict[str, Any]], article_text: Any,
                   order: SourceOrder = "rank") -> str:
    """The sources panel: every turn's citations, newest turn first; within a turn in the
    order of [n] (retrieval rank), or with `order="date"` newest article first (undated last,
    ties by [n])."""
    blocks = []
    for turn in range(len(turns) - 1, -1, -1):
        answer = Answer.model_validate(turns[turn])
        by_n: dict[int, list[Citation]] = {}
        for c in answer.citations:
            by_n.setdefault(c.n, []).append(c)
        if not by_n:
            continue
        items = sorted(by_n.items())
        if order == "date":  # a stable sort: equal dates keep the [n] order
            items.sort(key=lambda item: item[1][0].published or "", reverse=True)
        cards = "".join(render_source_card(turn, n, cites, article_text(cites[0].source))
                        for n, cites in items)
        blocks.append(f'<div class="rag-turn-q">Q{turn + 1}: {html.escape(answer.question)}'
                      f"</div>{cards}")
    if not blocks:
        return '<p class="rag-meta">Citations appear here. Click a [n] in an answer.</p>'
    return "".join(blocks)


def render_chunks(result: SearchResult) -> str:
    rows = [f'<div class="rag-chunk"><b>{i}. {html.escape(h.source)}</b> '
            f'<span class="rag-meta">score {h.score:.4f} · [{h.start}:{h.end}]</span>\n'
            f"{html.escape(h.text)}</div>" for i, h in enumerate(result.results, start=1)]
    return "".join(rows) or '<p class="rag-meta">Nothing retrieved.</p>'


def timeline(infos: Sequence[ArticleInfo]) -> Any:
    """Articles per month (per year when the archive spans more than MONTHS_MAX months) as a
    pandas DataFrame with columns `period` ("2020-03" or "2020") and `articles`, every period
    from the first to the last included (empty ones as 0). Undated articles are left out."""
    import pandas as pd

    months = sorted(i.published[:7] for i in infos if i.published)
    if not months:  # typed columns: the plot keeps the column types of its first value
        return pd.DataFrame({"period": pd.Series([], dtype=str),
                             "articles": pd.Series([], dtype="int64")})
    (y0, m0), (y1, m1) = (map(int, months[0].split("-")), map(int, months[-1].split("-")))
    by_year = (y1 - y0) * 12 + m1 - m0 + 1 > MONTHS_MAX
    periods = ([str(y) for y in range(y0, y1 + 1)] if by_year else
               [f"{y:04d}-{m:02d}" for y in range(y0, y1 + 1) for m in range(1, 13)
                if (y, m) >= (y0, m0) and (y, m) <= (y1, m1)])
    counts = dict.fromkeys(periods, 0)
    for month in months:
        counts[month[:4] if by_year else month] += 1
    return pd.DataFrame({"period": list(counts), "articles": list(counts.values())})


def example_questions(infos: Sequence[ArticleInfo], n: int = EXAMPLES) -> list[str]:
    """A few questions about what is indexed, from the titles of the newest articles (one per
    near-duplicate group, undated ones last, titles over TITLE_MAX characters skipped)."""
    newest = sorted((i for i in infos if i.title and len(i.title.strip()) <= TITLE_MAX),
                    key=lambda i: (i.published or "", i.source), reverse=True)
    questions: list[str] = []
    seen: set[str] = set()
    for info in newest:
        title = " ".join((info.title or "").split()).rstrip(".")
        keys = {info.group or info.source, title.lower()}
        if keys & seen:
            continue
        seen |= keys
        questions.append(f"What do the articles report about {title}?")
        if len(questions) == n:
            break
    return questions


def empty_chat(infos: Sequence[ArticleInfo]) -> tuple[str, list[ExampleMessage]]:
    """What the empty chat shows: the archive at a glance, and example questions."""
    from rag.index.catalog import summary

    if not infos:
        return ("**Nothing is indexed yet.** Add articles in the *Articles* tab "
                "(or `rag ingest DIR`)."), []
    questions = example_questions(infos)
    intro = f"**Indexed:** {html.escape(summary(infos))}"
    if questions:
        intro += "<br>Ask about these articles, or start with an example:"
    return intro, [{"text": q} for q in questions]


def archive_glance(assistant: Assistant) -> tuple[str, Any, Any]:
    """The Articles tab's summary and timeline, and the empty chat's text and examples: what
    the page shows on load and after an ingest."""
    try:
        infos = assistant.articles()
    except RagError as exc:
        return f"**Error:** {exc.message}", timeline([]), gr.Chatbot(placeholder=None,
                                                                     examples=None)
    from rag.index.catalog import summary

    placeholder, examples = empty_chat(infos)
    return (summary(infos), timeline(infos),
            gr.Chatbot(placeholder=placeholder, examples=examples or None))


def article_rows(assistant: Assistant) -> list[list[Any]]:
    """One row per article; an exact copy has no chunks of its own and names its original."""
    return [[a.source, a.title or "", a.published or "", a.chunks, a.copy_of or ""]
            for a in assistant.articles()]


# --- the Blocks --------------------------------------------------------------------------------
def build_ui(assistant: Assistant) -> gr.Blocks:
    settings = assistant.settings
    info = assistant.model_info

    async def respond(message: str, chat: list[dict[str, Any]], history: list[dict[str, str]],
                      turns: list[dict[str, Any]], k: float, show_chunks: bool,
                      since: str = "", until: str = "", outlets: str = "", as_of: str = "",
                      order: SourceOrder = "rank") -> AsyncIterator[tuple[Any, ...]]:
        """Answer `message` in the light of the conversation, streaming the text. `order`:
        the sources panel's order, "rank" or "date" (newest first)."""
        chat = [*chat, {"role": "user", "content": html.escape(message or "")},
                {"role": "assistant", "content": "…"}]
        yield chat, history, turns, gr.skip(), gr.skip(), ""
        text, past = "", list(history)
        filters = ui_filters(since, until, outlets, as_of)
        try:
            async for event in iterate_in_thread(
                    lambda: assistant.stream(message, history=past, k=int(k), **filters)):
                if isinstance(event, Answer):
                    turns = [*turns, event.model_dump()]
                    chat[-1] = {"role": "assistant",
                                "content": render_answer(event, len(turns) - 1)}
                    history = [*history, {"role": "user", "content": message},
                               {"role": "assistant", "content": event.answer}]
                    sources = render_sources(turns, assistant.article_text, order)
                    chunks = (render_chunks(assistant.search(message, k=int(k), **filters))
                              if show_chunks else "")
                    yield chat, history, turns, sources, chunks, ""
                else:
                    text += event
                    chat[-1] = {"role": "assistant", "content": html.escape(text) + " ▌"}
                    yield chat, history, turns, gr.skip(), gr.skip(), ""
        except RagError as exc:
            chat[-1] = {"role": "assistant", "content": render_error(exc)}
            yield chat, history, turns, gr.skip(), gr.skip(), ""

    def ask(question: str, k: int = settings.k, since: str = "", until: str = "",
            outlets: str = "", as_of: str = "") -> dict[str, Any]:
        """Answer one question; returns the fields of `rag ask --json`. Filters: ISO dates,
        outlets separated by commas."""
        return assistant.ask(question, k=int(k), **ui_filters(since, until, outlets, as_of)
                             ).model_dump(mode="json")

    def search(question: str, k: int = settings.k, since: str = "", until: str = "",
               outlets: str = "", as_of: str = "") -> dict[str, Any]:
        """The chunks retrieved for a question (no LLM), within the filters."""
        return assistant.search(question, k=int(k), **ui_filters(since, until, outlets, as_of)
                                ).model_dump(mode="json")

    def ingest_files(files: list[str] | None,
                     progress: gr.Progress = gr.Progress(),  # noqa: B008 (Gradio's way)
                     ) -> tuple[str, list[list[Any]]]:
        """Store and index uploaded article files; returns a summary and the article list."""
        if not files:
            return "Choose one or more files first.", article_rows(assistant)
        try:
            items: list[tuple[str | None, bytes]] = []
            for path in files:
                with open(path, "rb") as handle:
                    items.append((os.path.basename(path), handle.read()))
            stored = save_uploads(settings, items)
            progress(0.0, desc="embedding chunks")

            def step(state: IngestProgress) -> None:  # chunks done, chunks/s, time left
                progress((state.done, state.total) if state.total else 1.0,
                         desc=f"embedding: {state.summary()}", unit="chunks")

            report = assistant.ingest(stored, progress=step)
        except RagError as exc:
            return f"**Error:** {exc.message}" + (f" ({exc.hint})" if exc.hint else ""), \
                article_rows(assistant)
        failed = "".join(f"\n- failed: {f}" for f in report.failed)
        return f"**Ingested:** {report.summary()}{failed}", article_rows(assistant)

    def list_articles() -> list[list[Any]]:
        """The indexed articles: file, title, date, chunks."""
        return article_rows(assistant)

    with gr.Blocks(title="newsrag", analytics_enabled=False) as blocks:
        history = gr.State([])
        turns = gr.State([])
        gr.Markdown("## newsrag — answers about your news articles, with checked citations")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"), gr.Row():
                with gr.Column(scale=3):
                    # Empty, it shows what is indexed and example questions (archive_glance).
                    chatbot = gr.Chatbot(elem_id="rag-chat", height=520,
                                         sanitize_html=False, feedback_options=None,
                                         buttons=["copy", "copy_all"],
                                         label="Conversation")
                    with gr.Row():
                        box = gr.Textbox(placeholder="Ask about the indexed articles…",
                                         label="question", show_label=False, scale=5,
                                         elem_id="rag-question", submit_btn=True)
                    clear = gr.Button("New conversation", size="sm")
                with gr.Column(scale=2):
                    gr.Markdown("### Sources")
                    order = gr.Radio(list(SOURCE_ORDERS.items()), value="rank",
                                     label="order sources", show_label=False, container=False,
                                     elem_id="rag-source-order")
                    sources = gr.HTML(render_sources([], None), elem_id="rag-sources",
                                      label="sources")
                    with gr.Accordion("Filters", open=False, elem_id="rag-filters"):
                        with gr.Row():
                            since = gr.Textbox(label="since", placeholder="YYYY-MM-DD",
                                               elem_id="rag-since")
                            until = gr.Textbox(label="until", placeholder="YYYY-MM-DD",
                                               elem_id="rag-until")
                        outlets = gr.Textbox(label="outlets", placeholder="Reuters, scmp.com",
                                             elem_id="rag-outlets")
                        as_of = gr.Textbox(label="as of", placeholder="YYYY-MM-DD (today)",
                                           elem_id="rag-as-of")
                    with gr.Accordion("Settings", open=False):
                        k = gr.Slider(1, 20, value=settings.k, step=1, label="k: chunks "
                                      "retrieved per question")
                        show_chunks = gr.Checkbox(False, label="Show retrieved chunks")
                        gr.Markdown(f"LLM: `{info.llm}` ({settings.resolved_llm_backend})"
                                    f" · embeddings: `{info.embedding}`")
                    chunks = gr.HTML("", elem_id="rag-chunks", label="retrieved_chunks")
            with gr.Tab("Articles", id="articles"), gr.Row():
                with gr.Column(scale=2):
                    files = gr.File(file_count="multiple", label="Upload articles",
                                    elem_id="rag-upload",
                                    file_types=[".txt", ".md", ".html", ".htm", ".jsonl"])
                    ingest_btn = gr.Button("Ingest", variant="primary")
                    status = gr.Markdown("", label="ingest_report")
                with gr.Column(scale=3):
                    with gr.Row(equal_height=True):
                        overview = gr.Markdown("", elem_id="rag-overview")
                        timeline_plot = gr.BarPlot(
                            timeline([]), x="period", y="articles", sort="x", height=200,
                            x_title="published", y_title="articles", x_label_angle=-45,
                            y_lim=[0, None],
                            label="Articles by publication date", elem_id="rag-timeline",
                            buttons=[])
                    table = gr.Dataframe(headers=ARTICLE_COLUMNS, interactive=False,
                                         label="Indexed articles")
                    refresh = gr.Button("Refresh", size="sm")

        asked = [box, chatbot, history, turns, k, show_chunks, since, until, outlets, as_of,
                 order]
        answered = [chatbot, history, turns, sources, chunks, box]
        box.submit(respond, asked, answered)

        def pick_example(example: gr.SelectData) -> str:
            return str(example.value["text"])

        # An example question in the empty chat is asked as if typed.
        chatbot.example_select(pick_example, None, box, api_visibility="private").then(
            respond, asked, answered, api_visibility="private")
        order.change(lambda turns, order: render_sources(turns, assistant.article_text, order),
                     [turns, order], sources, api_visibility="private")
        clear.click(lambda: ([], [], [], render_sources([], None), ""), None,
                    [chatbot, history, turns, sources, chunks], api_visibility="private")
        glance = [overview, timeline_plot, chatbot]
        ingest_btn.click(ingest_files, files, [status, table]).then(
            lambda: archive_glance(assistant), None, glance, api_visibility="private")
        refresh.click(list_articles, None, table)
        blocks.load(lambda: article_rows(assistant), None, table, api_visibility="private")
        for event in (blocks.load, refresh.click):
            event(lambda: archive_glance(assistant), None, glance, api_visibility="private")
        gr.api(ask)
        gr.api(search)
    # Gradio runs one event at a time by default; the LLM's own cap (RAG_LLM_CONCURRENCY, one
    # for the embedded model, plus RAG_LLM_QUEUE waiting) is the limit that matters, so the UI
    # lets that many through and the rest wait in Gradio's queue.
    blocks.queue(default_concurrency_limit=settings.llm_parallel + settings.llm_queue)
    return blocks


def ui_filters(since: str | None, until: str | None, outlets: str | None,
               as_of: str | None) -> dict[str, Any]:
    """The UI's filter boxes (an empty box may arrive as None) as keyword arguments of
    `Assistant.stream` / `search`."""
    return {"since": (since or "").strip() or None, "until": (until or "").strip() or None,
            "outlets": [o.strip() for o in (outlets or "").split(",") if o.strip()] or None,
            "as_of": (as_of or "").strip() or None}


def mount_ui(app: Any, assistant: Assistant, path: str = "/") -> Any:
    """Mount the UI on a FastAPI app. With an API key set, the UI asks for it at login."""
    key = secret(assistant.settings.api_key)
    auth = None
    if key:

        def auth(username: str, password: str) -> bool:
            return key_matches(password, key)

    return gr.mount_gradio_app(
        app, build_ui(assistant), path=path, auth=auth,
        auth_message="This server needs its API key (RAG_API_KEY): enter it as the password; "
        "any user name.",
        theme=offline_theme(), css=CSS, js=JS, ssr_mode=False, footer_links=["api"],
        show_error=True, max_file_size=assistant.settings.max_upload_bytes,
    )
