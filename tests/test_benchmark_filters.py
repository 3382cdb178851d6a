"""The date-filter benchmark (benchmarks/filters.py) runs end to end at a tiny size and writes
its results file; its filters are the ones it says. The figures themselves are not checked."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from benchmarks import run as bench
from benchmarks.filters import VARIANTS, make_filters


def test_filters_benchmark_runs_at_a_tiny_size(tmp_path: Path) -> None:
    assert bench.main(["--quick", "--only", "filters", "--work", str(tmp_path),
                       "--results", str(tmp_path / "results")]) == 0
    data = json.loads((tmp_path / "results" / "filters.json").read_text())
    assert data["benchmark"] == "filters" and data["quick"] is True
    assert data["command"] == "python -m benchmarks.run --only filters --quick"
    assert "SYNTHETIC" in data["method"] and "RANDOM" in data["method"]
    figures = data["figures"]
    assert figures["index"]["chunks"] == 300
    for variant in VARIANTS:
        got = figures["variants"][variant]
        assert got["retrieve_ms"]["n"] == figures["queries_per_variant"] > 0
        assert got["retrieve_ms"]["p50"] > 0 and got["results_outside_filter"] == 0
        assert (got["chroma_where_alone_ms"] is None) == (variant == "none")
    assert figures["month_over_unfiltered_p50"] > 0
    line = data["targets"]["date_filter_p50_over_unfiltered"]
    assert line["limit"] == 1.2 and isinstance(line["met"], bool)
    assert data["targets"]["no_result_outside_the_filter"]["met"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("filters-")] == []


def test_month_filters_cover_each_month_of_the_two_years() -> None:
    months = [make_filters("month", i) for i in range(24)]
    assert {(f.since.year, f.since.month) for f in months} == {
        (y, m) for y in (2019, 2020) for m in range(1, 13)}
    for f in months:
        assert f.since.day == 1 and (f.until + dt.timedelta(days=1)).day == 1
        assert f.since.month == f.until.month
    assert make_filters("month", 1).until == dt.date(2019, 2, 28)
    assert make_filters("month", 13).until == dt.date(2020, 2, 29)
    assert make_filters("none", 0) is None
