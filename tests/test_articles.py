"""Reading article files: metadata from the text itself, exact offsets, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.errors import InvalidInput, UnsupportedFileType
from rag.index.articles import find_files, load_file, parse_date, parse_text

from .conftest import SEEDS


def test_seed_with_date_marker_gets_its_date_and_keeps_offsets():
    article = load_file(SEEDS / "000_4017704ab87b86ac.txt")[0]
    assert article.published == "2024-01-13"
    body = article.text[article.body_start:article.body_end]
    assert body.startswith("Xie Feng, China’s ambassador")
    assert "date 2024-01-13" not in body


def test_headline_becomes_title_and_trailing_boilerplate_is_dropped():
    article = load_file(SEEDS / "003_dc6220cf6404607d.txt")[0]
    assert article.title and article.title.startswith("Blinken Engages in High-Level Talks")
    body = article.text[article.body_start:article.body_end]
    assert body.startswith("WASHINGTON - ")
    assert "scroll to top" not in body
    assert article.text.rstrip().endswith("scroll to top")  # the text itself is untouched


def test_an_opening_sentence_is_not_mistaken_for_a_title():
    article = load_file(SEEDS / "001_63b0898204a347c1.txt")[0]
    assert article.title is None and article.published is None and article.body_start == 0


def test_header_fields_and_agency_dateline():
    text = ("Title: Talks resume\nPublished: March 3, 2024\n\n"
            "BEIJING (Reuters) - Officials met on Monday.\n")
    article = parse_text("a.txt", text)
    assert (article.title, article.published, article.outlet) == ("Talks resume", "2024-03-03",
                                                                   "Reuters")
    assert article.text[article.body_start:].startswith("BEIJING (Reuters)")


@pytest.mark.parametrize("raw, expected", [
    ("2024-01-13", "2024-01-13"), ("January 13, 2024", "2024-01-13"),
    ("13 Jan 2024", "2024-01-13"), ("2024-13-45", None), ("yesterday", None), (None, None),
    ("Sat, 13 Jan 2024 10:00:00 GMT", "2024-01-13"), ("2024/01/13", "2024-01-13"),
    ("1705140000", "2024-01-13"), ("Friday", None), ("March 2024", None),
])
def test_parse_date(raw, expected):
    assert parse_date(raw) == expected


def test_markdown_heading_is_the_title(tmp_path: Path):
    path = tmp_path / "story.md"
    path.write_text("# Ports reopen\n\nThe port reopened on Tuesday.\n", encoding="utf-8")
    article = load_file(path)[0]
    assert article.title == "Ports reopen"
    assert article.text[article.body_start:article.body_end] == "The port reopened on Tuesday."


def test_html_main_text_and_metadata_are_extracted(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Harbour closes | Daily Planet</title>"
        '<meta property="article:published_time" content="2024-02-01"></head><body>'
        "<nav>Home | World | Sport</nav><article><h1>Harbour closes</h1>"
        "<p>The harbour closed on Thursday after a storm damaged the main pier, officials said."
        "</p><p>Repairs are expected to take three weeks, the port authority told reporters.</p>"
        "</article><footer>Copyright Daily Planet</footer></body></html>", encoding="utf-8")
    article = load_file(path)[0]
    assert "three weeks" in article.text and "Home | World" not in article.text
    assert article.title and "Harbour closes" in article.title
    assert article.published == "2024-02-01"


def test_jsonl_collection_gives_one_article_per_line(tmp_path: Path):
    path = tmp_path / "wire.jsonl"
    rows = [{"id": "a1", "title": "One", "body": "First story.", "published_at": "2020-05-01",
             "source": "Wire"},
            {"id": "a2", "title": "Two", "text": "Second story."}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = load_file(path)
    assert first.source == "wire.jsonl#a1" and first.published == "2020-05-01"
    assert first.outlet == "Wire" and second.text == "Second story."


def test_jsonl_from_other_exports_keeps_its_dates_and_outlets(tmp_path: Path):
    # news-please and NewsAPI name the same fields otherwise; an article keeps its date and
    # outlet whichever names its export uses.
    path = tmp_path / "export.jsonl"
    rows = [{"title": "One", "maintext": "First story.", "date_publish": "2020-05-01 10:00:00",
             "source_domain": "example.com", "url": "https://example.com/1"},
            {"headline": "Two", "content": "Second story.", "publishedAt": "2020-05-02T08:00:00Z",
             "source": {"id": None, "name": "BBC News"}},
            {"id": 7, "title": "Three", "text": "Third story.",
             "pubDate": "Sun, 03 May 2020 09:30:00 GMT", "publisher": "AP"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    one, two, three = load_file(path)
    assert (one.source, one.published, one.outlet, one.url) == (
        "export.jsonl#1", "2020-05-01", "example.com", "https://example.com/1")
    assert (two.title, two.published, two.outlet) == ("Two", "2020-05-02", "BBC News")
    assert (three.source, three.published, three.outlet) == ("export.jsonl#7", "2020-05-03", "AP")
    assert three.text == "Third story."


def test_malformed_jsonl_names_the_line(tmp_path: Path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "body": "ok"}\n{not json\n', encoding="utf-8")
    with pytest.raises(InvalidInput, match="line 2"):
        load_file(path)


@pytest.mark.parametrize("name, data, message", [
    ("bin.txt", b"\x00\x01\x02PNG", "binary"),
    ("latin.txt", "Caf\xe9 news".encode("latin-1"), "not valid UTF-8"),
    ("empty.txt", b"   \n", "empty"),
])
def test_bad_files_are_refused_with_the_reason(tmp_path: Path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InvalidInput, match=message):
        load_file(path)


def test_unsupported_type_and_missing_path(tmp_path: Path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    with pytest.raises(UnsupportedFileType):
        load_file(tmp_path / "x.pdf")
    with pytest.raises(InvalidInput, match="no such file"):
        find_files([tmp_path / "missing"])


def test_oversized_file_is_refused(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(InvalidInput, match="limit"):
        load_file(path, max_bytes=100)


def test_directories_expand_to_supported_files_only(tmp_path: Path):
    (tmp_path / "a.txt").write_text("A story.")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("Hidden.")
    assert [p.name for p in find_files([tmp_path])] == ["a.txt"]
