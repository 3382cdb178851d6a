"""Near-duplicate stories (a wire copy with a dateline and small edits, under another outlet
and id) are grouped at ingest and shown once, the copy named in `also_in`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.assistant import Assistant
from rag.index.duplicates import Groups, signature

from .conftest import ScriptedLLM, settings_for

BEA = ("Storm Bea hit the coast on Tuesday, cutting power to 12,000 homes. Schools in the "
       "region stayed closed, and the ferry to the islands was cancelled for the day. The "
       "weather service said winds reached 110 kilometres an hour near the harbour, where two "
       "fishing boats broke their moorings. Crews expect to restore every line by Thursday.")
COPY = ("PORT VALE (Reuters) - " + BEA.replace("stayed closed", "remained closed")
        + " Reporting by the coast desk.")
OTHER = ("Storm Dee hit the coast on Friday, cutting power to 9,000 homes. The harbour closed "
         "for a day and the regional council opened two shelters for families.")


def test_signatures_tell_copies_from_other_stories() -> None:
    groups = Groups([("bea", signature(BEA), "bea")]).assign(
        [("copy", signature(COPY)), ("dee", signature(OTHER))])
    assert groups == {"copy": "bea", "dee": "dee"}


def test_a_copy_is_grouped_and_shown_once(tmp_path: Path) -> None:
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("\n".join(json.dumps(row) for row in [
        {"id": "bea", "title": "Storm Bea", "published_at": "2020-02-11", "source": "AP",
         "body": BEA},
        {"id": "dee", "title": "Storm Dee", "published_at": "2020-06-20", "source": "BBC",
         "body": OTHER},
        {"id": "copy", "title": "Storm Bea hits coast", "published_at": "2020-02-11",
         "source": "Reuters", "body": COPY},
    ]) + "\n")
    assistant = Assistant(settings_for(tmp_path / ".rag"),
                          llm=ScriptedLLM("Storm Bea cut power to 12,000 homes [1]."))
    assistant.ingest([corpus])
    groups = {a.source: a.group for a in assistant.articles()}
    assert groups["wire.jsonl#copy"] == groups["wire.jsonl#bea"] != groups["wire.jsonl#dee"]

    found = assistant.search("How many homes did Storm Bea leave without power?", k=5)
    shown = [hit.source for hit in found.results]
    copies = {"wire.jsonl#bea", "wire.jsonl#copy"}
    assert len(copies & set(shown)) == 1  # the story once, the best-ranked copy
    first = next(hit for hit in found.results if hit.source in copies)
    assert first.also_in == sorted(copies - {first.source})

    answer = assistant.ask("How many homes did Storm Bea leave without power?")
    prompt = assistant.llm.model.calls[-1][-1]["content"]  # type: ignore[attr-defined]
    assert prompt.count("cutting power to 12,000 homes") == 1  # no repeated evidence
    assert len({r.source for r in answer.retrieved} & copies) == 1


# --- exact copies: stored once --------------------------------------------------------------
def wire(path: Path, *rows: dict[str, str]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def bea(id_: str = "bea", body: str = BEA, **extra: str) -> dict[str, str]:
    return {"id": id_, "title": "Storm Bea", "published_at": "2020-02-11", "source": "AP",
            "body": body, **extra}


def dee() -> dict[str, str]:
    return {"id": "dee", "title": "Storm Dee", "published_at": "2020-06-20", "source": "BBC",
            "body": OTHER}


def chunks_of(assistant: Assistant) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, _, meta in assistant.store.iter_chunks():
        counts[meta["source"]] = counts.get(meta["source"], 0) + 1
    return counts


def assert_consistent(assistant: Assistant) -> None:
    """Every copy names a stored original of the same text, in the same group; every other
    article has exactly its recorded chunks, of its recorded text."""
    entries = {e.source: e for e in assistant.catalog.entries()}
    stored: dict[str, int] = {}
    for _, _, meta in assistant.store.iter_chunks():
        entry = entries.get(meta["source"])
        if entry is not None and entry.sha256 == meta["sha256"]:
            stored[meta["source"]] = stored.get(meta["source"], 0) + 1
    for entry in entries.values():
        if entry.copy_of:
            original = entries[entry.copy_of]
            assert not original.copy_of and original.copy_key == entry.copy_key
            assert entry.group == (original.group or original.source)
            assert entry.source not in stored
        else:
            assert stored.get(entry.source, 0) == entry.chunks > 0


def test_an_exact_copy_is_the_same_body_outlet_and_date_whitespace_aside() -> None:
    from rag.index.articles import parse_jsonl
    from rag.index.duplicates import copy_key, exact_copies

    def article(**row: str):  # noqa: ANN202
        return parse_jsonl(Path("w.jsonl"), json.dumps(bea(**row)))[0]

    original = copy_key(article())
    assert copy_key(article(id_="x", title="Retitled")) == original  # the title is not the text
    assert copy_key(article(body=BEA.replace(". ", ".\r\n  "))) == original  # re-wrapped
    assert copy_key(article(body=BEA.replace("Tuesday", "Monday"))) != original
    assert copy_key(article(source="Reuters")) != original  # outlet filters must still find it
    assert copy_key(article(published_at="2020-02-12")) != original  # and date filters

    # The first of equal new articles is the original; an indexed original stays one.
    assert exact_copies({}, [("a", "k"), ("b", "k"), ("c", "j")]) == {"b": "a"}
    assert exact_copies({"k": "old"}, [("a", "k"), ("old", "k")]) == {"a": "old"}


def test_an_exact_copy_is_stored_once_and_listed_with_its_original(tmp_path: Path) -> None:
    assistant = Assistant(settings_for(tmp_path / ".rag"))
    first = assistant.ingest([wire(tmp_path / "ap.jsonl", bea(), dee())])
    before = assistant.store.count()
    assert (first.added, first.duplicates) == (2, 0)

    # The same story saved again under another file and id, retitled and re-wrapped: its
    # own record in the catalog, but not chunked, embedded or written to the chunks again.
    mirror = wire(tmp_path / "mirror.jsonl",
                  bea("bea-mirror", BEA.replace(". ", ".\n"), title="Storm Bea: power cut"))
    report = assistant.ingest([mirror])
    assert (report.added, report.duplicates, report.chunks) == (0, 1, 0)
    assert "1 exact duplicate of other articles stored once" in report.summary()
    assert assistant.store.count() == before

    listed = {a.source: a for a in assistant.articles()}
    copy = listed["mirror.jsonl#bea-mirror"]
    assert copy.copy_of == "ap.jsonl#bea" and copy.chunks == 0
    assert copy.group == listed["ap.jsonl#bea"].group
    assert (copy.title, copy.outlet, copy.published) == ("Storm Bea: power cut", "AP",
                                                         "2020-02-11")
    assert assistant.article_text(copy.source) == BEA.replace(". ", ".\n")
    # The UI's Articles tab says so too.
    from ui.app import ARTICLE_COLUMNS, article_rows

    row = dict(zip(ARTICLE_COLUMNS, next(r for r in article_rows(assistant)
                                         if r[0] == copy.source), strict=True))
    assert (row["Chunks"], row["Copy of"]) == (0, "ap.jsonl#bea")

    found = assistant.search("How many homes did Storm Bea leave without power?", k=3)
    assert found.results[0].source == "ap.jsonl#bea"
    assert found.results[0].also_in == ["mirror.jsonl#bea-mirror"]
    assert_consistent(assistant)

    again = assistant.ingest([tmp_path])  # idempotent: both files unchanged
    assert (again.added, again.updated, again.duplicates, again.skipped) == (0, 0, 0, 3)
    assert assistant.store.count() == before


def test_copies_within_one_ingest_and_on_the_command_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rag.cli import app

    data_dir = tmp_path / ".rag"
    wire(tmp_path / "a.jsonl", bea(), dee(), bea("bea-2"), bea("bea-3", title="Bea again"))
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.jsonl"), "--data-dir",
                                      str(data_dir)])
    assert result.exit_code == 0, result.output
    assert "2 added" in result.output and "2 exact duplicates" in result.output
    listing = CliRunner().invoke(app, ["articles", "--data-dir", str(data_dir)])
    rows = {line.split()[0]: line.split() for line in listing.output.splitlines()[1:]}
    assert rows["a.jsonl#bea-2"][1:5] == ["2020-02-11", "copy", "of", "a.jsonl#bea"]
    assert rows["a.jsonl#bea-3"][-2:] == ["Bea", "again"]  # its own title
    assert rows["a.jsonl#bea"][2:4] == ["1", "chunks"]
    assistant = Assistant(settings_for(data_dir))
    assert set(chunks_of(assistant)) == {"a.jsonl#bea", "a.jsonl#dee"}
    assert_consistent(assistant)


def test_the_copy_survives_its_original_changing_or_going(tmp_path: Path) -> None:
    assistant = Assistant(settings_for(tmp_path / ".rag"))
    ap = wire(tmp_path / "ap.jsonl", bea(), dee())
    wire(tmp_path / "mirror.jsonl", bea("m1"), bea("m2"))
    assistant.ingest([tmp_path])
    assert set(chunks_of(assistant)) == {"ap.jsonl#bea", "ap.jsonl#dee"}

    # The original is corrected: the copies still hold the old text, so one of them is
    # chunked now (from the catalog) and the other becomes its copy.
    wire(ap, bea(body=BEA.replace("12,000", "14,000")), dee())
    report = assistant.ingest([ap])
    assert (report.updated, report.duplicates) == (2, 1)  # the original and m1; m2 a copy
    listed = {a.source: a for a in assistant.articles()}
    assert listed["ap.jsonl#bea"].copy_of is None
    assert listed["mirror.jsonl#m1"].copy_of is None and listed["mirror.jsonl#m1"].chunks > 0
    assert listed["mirror.jsonl#m2"].copy_of == "mirror.jsonl#m1"
    assert any("12,000" in text for _, text, meta in assistant.store.iter_chunks()
               if meta["source"] == "mirror.jsonl#m1")  # the old text is searchable still
    assert_consistent(assistant)

    # m1 goes (--prune): m2, unchanged in its file, takes over from its record in the catalog.
    wire(tmp_path / "mirror.jsonl", bea("m2"))
    report = assistant.ingest([tmp_path], prune=True)
    assert (report.removed, report.updated, report.skipped) == (1, 1, 2)
    listed = {a.source: a for a in assistant.articles()}
    assert set(listed) == {"ap.jsonl#bea", "ap.jsonl#dee", "mirror.jsonl#m2"}
    assert listed["mirror.jsonl#m2"].copy_of is None and listed["mirror.jsonl#m2"].chunks > 0
    assert_consistent(assistant)


def test_a_crash_while_a_copy_takes_over_is_finished_by_the_rerun(tmp_path: Path,
                                                                     monkeypatch) -> None:  # noqa: ANN001
    import rag.index.ingest

    ap = wire(tmp_path / "ap.jsonl", bea(), dee())
    wire(tmp_path / "mirror.jsonl", bea("m1"))
    Assistant(settings_for(tmp_path / ".rag")).ingest([tmp_path])
    wire(ap, bea(body=BEA.replace("12,000", "14,000")), dee())

    monkeypatch.setattr(rag.index.ingest, "GROUP_CHUNKS", 1)  # one article per write group
    crashing = Assistant(settings_for(tmp_path / ".rag"))
    real_add, calls = crashing.store.add, []

    def add_then_die(nodes):  # noqa: ANN001, ANN202
        calls.append(nodes[0].metadata["source"])
        real_add(nodes)
        if len(calls) == 2:  # the copy committed, the original's new chunks not
            raise KeyboardInterrupt("killed")

    monkeypatch.setattr(crashing.store, "add", add_then_die)
    with pytest.raises(KeyboardInterrupt):
        crashing.ingest([ap])
    assert calls == ["mirror.jsonl#m1", "ap.jsonl#bea"]  # the copy first
    # m1 was committed with chunks of its own before the original's record was touched: no
    # copy is left naming an original whose text has changed.
    m1 = crashing.catalog.get("mirror.jsonl#m1")
    assert m1 is not None and m1.copy_of == "" and "mirror.jsonl#m1" in chunks_of(crashing)

    rerun = Assistant(settings_for(tmp_path / ".rag"))
    report = rerun.ingest([tmp_path])
    assert (report.updated, report.skipped) == (1, 2)
    assert "14,000" in (rerun.article_text("ap.jsonl#bea") or "")
    assert_consistent(rerun)


def test_with_duplicates_off_nothing_is_grouped_and_copies_are_stored(tmp_path: Path) -> None:
    assistant = Assistant(settings_for(tmp_path / ".rag", duplicates=False))
    report = assistant.ingest([wire(tmp_path / "w.jsonl", bea(), dee(), bea("again"),
                                    {**bea("copy", COPY), "source": "Reuters"})])
    assert (report.added, report.duplicates) == (4, 0)
    assert all(e.group == "" and e.minhash == "" and e.copy_of == ""
               for e in assistant.catalog.entries())  # no MinHash computed
    assert all(a.group == a.source for a in assistant.articles())
    assert chunks_of(assistant)["w.jsonl#again"] == chunks_of(assistant)["w.jsonl#bea"]
    found = assistant.search("How many homes did Storm Bea leave without power?", k=5)
    assert {"w.jsonl#bea", "w.jsonl#again"} <= {hit.source for hit in found.results}
    assert all(hit.also_in == [] for hit in found.results)


def test_a_changed_article_then_another_write_group(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # One article per write group: Bea's new text is grouped in the first group, and the
    # second group must still see each article once (no stale signature of the old Bea).
    from rag.index import ingest

    monkeypatch.setattr(ingest, "GROUP_CHUNKS", 1)
    assistant = Assistant(settings_for(tmp_path / ".rag"))
    corpus = wire(tmp_path / "ap.jsonl", bea(), dee())
    assistant.ingest([corpus])
    wire(corpus, bea(body=BEA.replace("12,000", "13,000")), dee(), bea("copy", COPY))
    report = assistant.ingest([corpus])
    assert (report.updated, report.added) == (1, 1)
    groups = {a.source: a.group for a in assistant.articles()}
    assert groups["ap.jsonl#copy"] == groups["ap.jsonl#bea"] != groups["ap.jsonl#dee"]
