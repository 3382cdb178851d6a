"""Near-duplicate stories: wire copies, later revisions, the same story in two outlets.

Each article gets a MinHash of its word 3-shingles (datasketch); at ingest, articles whose
estimated Jaccard similarity is over `THRESHOLD` join one group, named after the member that
was indexed first (so a group's name does not change when a copy arrives). Retrieval then shows
one article per group and lists the others as "also in".

THRESHOLD by measurement on the Wikinews corpus (293 articles): the most similar two distinct
articles (two US primary results) have an estimated Jaccard of 0.31; a copy with 5% of its words
changed 0.69 at least, with a dateline and a credit line added 0.94. 0.5 lies between.

Exact copies (`copy_key`, `exact_copies`) are stored once: an article whose key equals an
indexed article's (or an earlier one's of the same ingest) is recorded in the catalog as a
member of that article's group, without chunks or embeddings of its own.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from rag.types import Article

THRESHOLD = 0.5
PERMUTATIONS = 128
SCHEME = "affine32"  # datasketch 2's hashing scheme, named so stored signatures stay readable
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


def signature(text: str) -> str:
    """The article's MinHash, as text for Chroma metadata."""
    from datasketch import MinHash

    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))}
    minhash = MinHash(num_perm=PERMUTATIONS, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return base64.b64encode(minhash.hashvalues.astype(np.uint64).tobytes()).decode("ascii")


def _minhash(encoded: str) -> Any:
    from datasketch import MinHash

    values = np.frombuffer(base64.b64decode(encoded), dtype=np.uint64)
    return MinHash(num_perm=PERMUTATIONS, hashvalues=values, scheme=SCHEME)


class Groups:
    """The near-duplicate groups of one ingest: an LSH index of the indexed articles'
    MinHashes, built once, that each write group's articles join as they are assigned (one
    index per ingest, not one per write group). An article written again replaces its old
    signature."""

    def __init__(self, existing: Sequence[tuple[str, str, str]]) -> None:
        """`existing`: (source, signature, group) of the articles already indexed."""
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
        self._group: dict[str, str] = {}
        for source, encoded, group in existing:
            if encoded and source not in self._group:
                self._lsh.insert(source, _minhash(encoded))
                self._group[source] = group or source

    def assign(self, new: Sequence[tuple[str, str]]) -> dict[str, str]:
        """The group of each new article, (source, signature); an article with no
        near-duplicate is its own group."""
        for source, _ in new:  # their old texts are no longer anyone's near-duplicate
            if self._group.pop(source, None) is not None:
                self._lsh.remove(source)
        result: dict[str, str] = {}
        for source, encoded in new:
            minhash = _minhash(encoded)
            near = [self._group[other] for other in self._lsh.query(minhash)
                    if other in self._group]
            result[source] = self._group[source] = min(near) if near else source
            self._lsh.insert(source, minhash)
        return result


def copy_key(article: Article) -> str:
    """What makes two articles exact copies: the sha256 of their outlet, publication date and
    body (`body_start:body_end`, so without title and header lines), with every run of
    whitespace made one space and the ends stripped (re-wrapped lines, CRLF files).

    Outlet and date are part of the key because the chunks carry them and date and outlet
    filters are applied to chunks: a copy shares its original's chunks, so it is found by
    exactly the filters that find the original. The same story under another outlet or date
    is stored in full and grouped as a near-duplicate instead. The title is not part of it
    (copies are often retitled); a copy keeps its own title, outlet, date and file in the
    catalog."""
    body = _SPACE.sub(" ", article.text[article.body_start:article.body_end]).strip()
    head = f"{(article.outlet or '').strip().lower()}\n{article.published or ''}\n"
    return hashlib.sha256((head + body).encode("utf-8")).hexdigest()


def exact_copies(originals: dict[str, str], new: Sequence[tuple[str, str]]) -> dict[str, str]:
    """The new articles that are exact copies, each with the source of its original.

    `originals` maps copy keys to the indexed article that holds the chunks for that text; it
    is extended with each new article that is not a copy, so the first of several equal new
    articles (in the order given) becomes the original of the others. An article is never a
    copy of itself (re-ingesting an original keeps it the original)."""
    copies: dict[str, str] = {}
    for source, key in new:
        original = originals.setdefault(key, source)
        if original != source:
            copies[source] = original
    return copies
