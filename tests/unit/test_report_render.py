"""Pieces of the run report and the example-query file that need no warehouse."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from warehouse.data_tests import DataTest, Result
from warehouse.examples import text_to_examples
from warehouse.report.data import ReportData
from warehouse.report.render import Bar, Files, bars_to_svg, report_to_html


def test_bars_are_scaled_to_the_largest_total_and_labels_escaped() -> None:
    svg = bars_to_svg([Bar("R&D <core>", (("a", 3.0), ("b", 1.0))), Bar("Other", (("a", 2.0),))], "Title", "figures")
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="\d+" width="([\d.]+)" height="16"', svg)]
    assert widths == [315.0, 105.0, 210.0]  # 420 px is the largest total (4)
    assert "R&amp;D &lt;core&gt;" in svg and "<core>" not in svg
    assert ">a</text>" in svg and ">b</text>" in svg  # a legend for two series


def test_nothing_to_plot_says_so() -> None:
    assert "nothing to plot" in bars_to_svg([], "Pages per second", "pages/s")


def test_examples_are_split_at_their_headers() -> None:
    text = """-- preamble; with a semicolon
-- name: first
-- question: What is one?
-- a comment; with a semicolon
SELECT 1;

-- name: second
-- question: And two?
SELECT getvariable('page') AS p, getvariable('document_id') AS d, getvariable('page') AS again;
"""
    first, second = text_to_examples(text)
    assert (first.name, first.question, first.sql.splitlines()[-1]) == ("first", "What is one?", "SELECT 1")
    assert second.variables() == ["document_id", "page"]
    with pytest.raises(ValueError, match="more than one statement"):
        text_to_examples("-- name: two\n-- question: Two?\nSELECT 1; SELECT 2;")


def test_failed_data_tests_are_listed_with_their_first_rows() -> None:
    totals = DataTest("funding_row_totals", "The `total` line equals the sum <of> its row.", True, "SELECT 1")
    failed = Result(totals, ("document_id", "line_item", "stated_total"), (("plan-a", "Revenue", 38.0),))
    broken = Result(DataTest("broken", "Cannot run.", False, "SELECT"), error="ParserException: syntax error")
    passed = Result(DataTest("key_runs", "`runs.run_id` identifies one row.", False, "SELECT 1"), ("run_id",))
    data = ReportData("w.duckdb", None, [], [], [], [], [], 0, [], [], data_tests=[failed, broken, passed])
    html = report_to_html(data, Files.of([], []), datetime(2026, 1, 1, tzinfo=UTC))
    section = html[html.index('<section id="data-tests">') : html.index('<section id="provenance">')]
    assert "<h2>Data tests (1 of 3 pass)</h2>" in section
    assert "The <code>total</code> line equals the sum &lt;of&gt; its row." in section
    assert "line_item=&#x27;Revenue&#x27;, stated_total=38.0" in section and "plan-a" not in section
    assert "could not run" in section and "ParserException: syntax error" in section
    assert '<a href="#data-tests">Data tests</a>' in html
    assert "run against this warehouse when the report was drawn" in section
    data.data_tests_documents = 0
    html = report_to_html(data, Files.of([], []), datetime(2026, 1, 1, tzinfo=UTC))
    assert "as the run checked them before publishing" in html and "the 0 document(s) it changed" in html
