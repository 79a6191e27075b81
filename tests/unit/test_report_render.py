"""Pieces of the run report and the example-query file that need no warehouse."""

from __future__ import annotations

import re

import pytest

from warehouse.examples import text_to_examples
from warehouse.report.render import Bar, bars_to_svg


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
