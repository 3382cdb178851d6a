"""Headless Chromium on a page of a server under test (tests/test_ui.py, tests/test_server_live.py).

`browser_page(url)` opens `url/` in a fresh browser and yields the page; when the block ends it
fails the test if the page fetched anything from outside the server (fonts, scripts, the plot
library: the UI must work offline).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


@contextmanager
def browser_page(url: str) -> Iterator[Any]:
    """A 1400x900 page at `url/`, in headless Chromium; closed afterwards."""
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("request", lambda r: outside.append(r.url)
                    if not r.url.startswith((url, "data:", "blob:")) else None)
            page.goto(f"{url}/")
            yield page
        finally:
            browser.close()
    assert outside == [], f"the UI fetched from outside the server: {outside}"
