"""The span index answers as a scan of every word and section would, in logarithmic time."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.models import BBox, Page, Section, Word
from pipeline.spans import SpanIndex, innermost_section, trim_span


def scan_bbox(words: list[Word], start: int, end: int) -> BBox | None:
    boxes = [
        BBox(x0=w.x0, top=w.top, x1=w.x1, bottom=w.bottom) for w in words if w.char_start < end and w.char_end > start
    ]
    return BBox.union(boxes) if boxes else None


@st.composite
def documents(draw: st.DrawFn) -> tuple[list[Word], int]:
    """Words laid along a text, each with a box; some touching, some apart, in any order."""
    words, offset = [], 0
    for _ in range(draw(st.integers(0, 40))):
        offset += draw(st.integers(0, 3))
        length = draw(st.integers(1, 8))
        x0, top = draw(st.floats(0, 500)), draw(st.floats(0, 700))
        words.append(Word(offset, offset + length, 1, x0, top, x0 + length * 5, top + 10))
        offset += length
    return draw(st.permutations(words)), offset + 5


@given(documents(), st.data())
def test_a_span_box_is_the_union_of_the_words_it_overlaps(
    document: tuple[list[Word], int], data: st.DataObject
) -> None:
    words, length = document
    index = SpanIndex([Page(1, 0, length, 600, 800, len(words), length)], [], words)
    start = data.draw(st.integers(0, length))
    end = data.draw(st.integers(start, length))
    assert index.bbox(start, end) == scan_bbox(words, start, end)


def test_sections_pages_and_page_breaks() -> None:
    sections = [
        Section("d:s001", "1", "One", 1, None, 0, 50, 5),
        Section("d:s002", "1.1", "Sub", 2, "d:s001", 10, 30, 15),
        Section("d:s003", "2", "Two", 1, None, 50, 90, 55),
    ]
    pages = [Page(1, 0, 40, 600, 800, 0, 40), Page(2, 41, 90, 600, 800, 0, 49)]
    index = SpanIndex(pages, sections, [])
    assert index.section(12, 20) == "d:s002" == innermost_section(sections, [0, 10, 50], 12, 20)
    assert index.section(12, 40) == "d:s001"  # runs past the subsection: its parent holds it
    assert index.page(45) == 2
    assert index.page_holding(30, 38) == 1
    assert index.page_holding(30, 45) is None  # over a page break: no single page, so no box
    assert SpanIndex([], sections, []).page(3) is None


def test_trim_span() -> None:
    assert trim_span("  a cell;  ", 0, 11, also=";") == (2, 8)
