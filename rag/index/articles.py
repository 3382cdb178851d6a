"""Reading article files: .txt, .md, .html and .jsonl collections, with news metadata.

Metadata (title, publication date, outlet) comes from the article's own text or fields, never
from file times. The article text is kept exactly as read so that citation offsets point at the
file's own characters; `body_start`/`body_end` mark the part worth indexing (without a leading
`date 2024-01-13` marker or a trailing "scroll to top").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from rag.errors import InvalidInput, UnsupportedFileType
from rag.types import Article

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# Short lines that sites append to articles and that carry no news.
_BOILERPLATE = re.compile(
    r"^\s*(scroll to top|back to top|advertisement|share this( article)?|read more|"
    r"subscribe( now)?|sign up.*newsletter.*|all rights reserved\.?|©.*|copyright .*|"
    r"click here.*|related articles?:?|follow us.*)\s*$",
    re.IGNORECASE,
)
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_MONTH_DATE = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}"
    r"|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4}"
)
# A leading "date 2024-01-13" (as in one seed) or "Published: January 13, 2024" header.
_DATE_HEADER = re.compile(
    r"\s*(?:date|published(?: on| at)?|updated|posted)\s*[:\-]?\s*"
    rf"(?P<date>{_ISO_DATE}|{_MONTH_DATE})"
    r"[ \t]*\n?",
    re.IGNORECASE,
)
_FIELD_HEADER = re.compile(
    r"\s*(?P<key>title|source|by|author|url)\s*:\s*(?P<value>[^\n]+)\n", re.IGNORECASE
)
# "WASHINGTON (Reuters) -" style datelines name the agency.
_AGENCY_DATELINE = re.compile(
    r"[A-Z][A-Za-z .,'-]{1,40}\((?P<outlet>Reuters|AP|AFP|Xinhua|Bloomberg|"
    r"Yonhap|Kyodo|dpa|UPI|CNN|BBC)\)\s*[-—–]",
)
_TRAILING_SOURCE = re.compile(r"\n\s*source\s*:\s*(?P<outlet>[^\n]{2,80})\s*$", re.IGNORECASE)


def parse_date(value: str | None) -> str | None:
    """Normalise a date string to YYYY-MM-DD; None when it is not a recognisable date."""
    if not value:
        return None
    value = value.strip()
    match = re.match(_ISO_DATE, value)
    if match:
        try:
            return datetime.strptime(match.group(0), "%Y-%m-%d").date().isoformat()
        except ValueError:
            return None
    cleaned = value.replace(",", "").replace(".", "")
    for fmt in ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    # Feeds and exports write dates many other ways ("Mon, 04 Jan 2019 10:00:00 GMT",
    # "2019/01/04", epoch seconds): dateparser reads them. A day, a month and a year are
    # required, and nothing relative ("yesterday") is read.
    import dateparser

    parsed = dateparser.parse(value, languages=["en"], settings={
        "REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["timestamp", "absolute-time"],
        "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    words = line.split()
    return (
        0 < len(words) <= 20
        and len(line) <= 160
        and not line.endswith((".", "!", "?", '"', "”", ":", ","))
        and line[0].isupper()
    )


def parse_text(source: str, text: str, markdown: bool = False) -> Article:
    """Parse a plain-text or Markdown article, finding its metadata in the text."""
    pos = 0
    title = published = outlet = url = None
    # Header lines: a date marker and "Key: value" fields, in any order.
    while True:
        date_match = _DATE_HEADER.match(text, pos)
        field_match = _FIELD_HEADER.match(text, pos)
        if date_match and not published:
            published = parse_date(date_match.group("date"))
            pos = date_match.end()
        elif field_match:
            key, value = field_match.group("key").lower(), field_match.group("value").strip()
            if key == "title":
                title = value
            elif key == "source":
                outlet = value
            elif key == "url":
                url = value
            pos = field_match.end()
        else:
            break
    while pos < len(text) and text[pos].isspace():
        pos += 1

    first_line_end = text.find("\n", pos)
    first_line = text[pos:] if first_line_end < 0 else text[pos:first_line_end]
    if title is None and first_line_end > 0:
        candidate = first_line.lstrip("#").strip() if markdown else first_line
        if (markdown and first_line.startswith("#")) or _looks_like_title(candidate):
            title = candidate.strip()
            pos = first_line_end + 1
            while pos < len(text) and text[pos].isspace():
                pos += 1

    dateline = _AGENCY_DATELINE.match(text, pos)
    if dateline and outlet is None:
        outlet = dateline.group("outlet")

    end = len(text.rstrip())
    trailing_source = _TRAILING_SOURCE.search(text[:end])
    if trailing_source and outlet is None:
        outlet = trailing_source.group("outlet").strip()
    lines_end = end
    # Drop trailing boilerplate lines ("scroll to top" and the like).
    while lines_end > pos:
        line_start = text.rfind("\n", pos, lines_end) + 1
        line = text[line_start:lines_end]
        if line.strip() and not _BOILERPLATE.match(line):
            break
        lines_end = max(line_start - 1, pos)
    body_end = len(text[:lines_end].rstrip())
    return Article(
        source=source, text=text, body_start=pos, body_end=max(body_end, pos),
        title=title, published=published, outlet=outlet, url=url,
    )


def parse_html(source: str, html: str) -> Article:
    """Extract an HTML page's main text and metadata with trafilatura."""
    import trafilatura

    doc: Any = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise InvalidInput(f"{source}: no article text found in the HTML",
                           "check that the page holds an article")
    article = parse_text(source, doc.text)
    return article.model_copy(update={
        "title": doc.title or article.title,
        "published": parse_date(doc.date) or article.published,
        "outlet": doc.sitename or article.outlet,
        "url": doc.url or article.url,
    })


# The names news exports give the same fields (this project's own, the Wikinews dump,
# news-please, NewsAPI and common scrapers): the first one present wins.
_JSONL_FIELDS: dict[str, tuple[str, ...]] = {
    "body": ("body", "text", "content", "maintext", "article", "article_text", "full_text"),
    "id": ("id", "article_id", "uuid", "guid"),
    "title": ("title", "headline"),
    "published": ("published_at", "published", "date", "date_publish", "publish_date",
                  "date_published", "publishedAt", "pubDate", "datetime"),
    "outlet": ("source", "outlet", "publisher", "site_name", "sitename", "source_domain"),
    "url": ("url", "link"),
}


def _field(row: dict[str, Any], name: str) -> str | None:
    """The row's value for one of `_JSONL_FIELDS`, as text: a number is written out (an id,
    epoch seconds) and an object gives its "name" (NewsAPI's `{"id": ..., "name": "BBC"}`)."""
    for key in _JSONL_FIELDS[name]:
        value = row.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int | float):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value
    return None


def parse_jsonl(path: Path, text: str) -> list[Article]:
    """One article per line: id, title, body (or text, content ...), optional published_at
    (or date ...), url, source (or outlet ...): the names in `_JSONL_FIELDS`."""
    articles: list[Article] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InvalidInput(f"{path.name}: line {number} is not valid JSON ({exc.msg})",
                               "fix or remove that line") from None
        if not isinstance(row, dict):
            raise InvalidInput(f"{path.name}: line {number} is not a JSON object")
        body = _field(row, "body")
        if body is None:
            raise InvalidInput(f"{path.name}: line {number} has no article text",
                               "give it a 'body' or 'text' field")
        article_id = _field(row, "id") or str(number)
        if article_id in seen:
            raise InvalidInput(f"{path.name}: line {number} repeats id {article_id!r}")
        seen.add(article_id)
        parsed = parse_text(f"{path.name}#{article_id}", body)
        articles.append(parsed.model_copy(update={
            "title": _field(row, "title") or parsed.title,
            "published": parse_date(_field(row, "published")) or parsed.published,
            "outlet": _field(row, "outlet") or parsed.outlet,
            "url": _field(row, "url") or parsed.url,
        }))
    return articles


def read_text_file(path: Path, max_bytes: int) -> str:
    """Read a file as UTF-8, refusing missing, oversized and binary files with a clear reason."""
    if not path.exists():
        raise InvalidInput(f"{path}: no such file or directory", "check the path")
    size = path.stat().st_size
    if size > max_bytes:
        raise InvalidInput(f"{path}: {size:,} bytes is over the {max_bytes:,}-byte limit",
                           "split the file or raise RAG_MAX_FILE_BYTES")
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise InvalidInput(f"{path}: looks like a binary file", "give a text, HTML or JSONL file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{path}: not valid UTF-8 (byte {exc.start})",
                           "convert it to UTF-8, e.g. iconv -t UTF-8") from None


def load_file(path: Path, max_bytes: int = 20_000_000, name: str | None = None) -> list[Article]:
    """Parse one file into its articles (one, or one per line of a JSONL collection)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFileType(f"{path}: unsupported file type {suffix or '(none)'!r}",
                                  "use .txt, .md, .html or .jsonl")
    text = read_text_file(path, max_bytes)
    source = name or path.name
    if suffix in JSONL_SUFFIXES:
        return parse_jsonl(path, text)
    if not text.strip():
        raise InvalidInput(f"{path}: the file is empty")
    if suffix in HTML_SUFFIXES:
        return [parse_html(source, text)]
    return [parse_text(source, text, markdown=suffix in {".md", ".markdown"})]


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Expand directories (recursively) into the supported files they hold, sorted."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InvalidInput(f"{path}: no such file or directory", "check the path")
        if path.is_dir():
            found.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found
