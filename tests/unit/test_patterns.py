"""Table-driven tests for every named pattern in pipeline/patterns.py."""

from __future__ import annotations

import pytest

from pipeline import patterns


@pytest.mark.parametrize(
    ("line", "number", "title"),
    [
        ("1.5 Background: The Regional Economic Strategy and Clusters", "1.5", "Background: The Regional Economic Strategy and Clusters"),
        ("2. Cluster Plans – Executive Summary", "2", "Cluster Plans – Executive Summary"),
        ("2.10 Manufacturing", "2.10", "Manufacturing"),
        ("6.1 highly political process of policy making", "6.1", "highly political process of policy making"),
    ],
)  # fmt: skip
def test_numbered_heading_matches(line: str, number: str, title: str) -> None:
    m = patterns.numbered_heading().match(line)
    assert m is not None
    assert (m.group("number"), m.group("title")) == (number, title)


@pytest.mark.parametrize("line", ["2005-08 plans", "3.5m jobs", "1) the brief market situation", "12345 Main Street"])
def test_numbered_heading_rejects(line: str) -> None:
    assert patterns.numbered_heading().match(line) is None


@pytest.mark.parametrize(
    ("line", "title", "page"),
    [
        ("1.1 Introduction\t3", "1.1 Introduction", "3"),
        ("Design .......... 4", "Design", "4"),
        ("2.5 Transport Technologies – Aerospace\t12", "2.5 Transport Technologies – Aerospace", "12"),
        ("Annex B  41", "Annex B", "41"),
    ],
)  # fmt: skip
def test_contents_entry_matches(line: str, title: str, page: str) -> None:
    m = patterns.contents_entry().match(line)
    assert m is not None
    assert (m.group("title"), m.group("page")) == (title, page)


@pytest.mark.parametrize("line", ["In 2001 there were 124", "Revenue 8.0", "employs some 48,400"])
def test_contents_entry_rejects(line: str) -> None:
    assert patterns.contents_entry().match(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Contents", True), ("Contents\t2", True), ("Table of Contents", True), ("CONTENTS 3", True),
     ("Contents of the plan", False), ("The contents are", False)],
)  # fmt: skip
def test_contents_heading(line: str, expected: bool) -> None:
    assert bool(patterns.contents_heading().match(line)) is expected


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("- Functioning networks and partnerships;", "-"),
        ("• Sandwell", "•"),
        ("1. catalyse and grow the digital content industries", "1."),
        ("- 1) the brief market situation", "- 1)"),
        ("(a) first", "(a)"),
        ("iv. fourth", "iv."),
    ],
)  # fmt: skip
def test_list_marker_matches(line: str, marker: str) -> None:
    m = patterns.list_marker().match(line)
    assert m is not None
    assert m.group("marker") == marker


@pytest.mark.parametrize("line", ["-5% growth", "1.5 Background", "2005-06", "*Delivering Advantage*", "Design"])
def test_list_marker_rejects(line: str) -> None:
    assert patterns.list_marker().match(line) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [("Cluster: Health-tech and med-tech", "Health-tech and med-tech"), ("Cluster : Logistics", "Logistics")],
)
def test_cluster_label(line: str, name: str) -> None:
    m = patterns.cluster_label().match(line)
    assert m is not None and m.group("name") == name


def test_cluster_label_rejects_prose() -> None:
    assert patterns.cluster_label().match("The cluster: a definition") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("**grow**", "grow"), ("***x y***", "x y"), ("a *b* c", "a b c"), ("__strong__", "strong"), ("2 * 3 * 4", "2 * 3 * 4")],
)  # fmt: skip
def test_markdown_emphasis(text: str, expected: str) -> None:
    assert patterns.markdown_emphasis().sub(lambda m: m.group("inner"), text) == expected


@pytest.mark.parametrize(
    ("line", "expected"), [("References", True), ("Reference:", True), ("Appendix 2", True), ("Design", False)]
)
def test_back_matter_title(line: str, expected: bool) -> None:
    assert bool(patterns.back_matter_title().match(line)) is expected
