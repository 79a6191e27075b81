"""Printed page labels (pipeline/layout/folios.py): the folio a reader sees, found where it is printed."""

from __future__ import annotations

from pipeline.layout.folios import pages_to_labels
from pipeline.models import BBox, Line, Page

WIDTH, HEIGHT = 600.0, 800.0


def footed(
    footers: list[str], spread: tuple[int, ...] = (), width: float = WIDTH
) -> tuple[str, list[Line], list[Page]]:
    """A document of one page per footer, each footer printed across the foot of its page."""
    text, lines, pages = "", [], []
    for number, footer in enumerate(footers, start=1):
        start = len(text)
        text += f"Body text of page {number}.\n{footer}\n"
        body_end = start + len(f"Body text of page {number}.")
        lines.append(Line(start, body_end, number, BBox(x0=50, top=300, x1=400, bottom=310)))
        lines.append(Line(body_end + 1, len(text) - 1, number, BBox(x0=50, top=780, x1=width - 50, bottom=790)))
        pages.append(Page(number, start, len(text), width, HEIGHT, 2, len(text) - start, spread=number in spread))
    return text, lines, pages


def test_a_folio_set_apart_between_separators_in_the_middle_of_the_footer_is_the_page_label() -> None:
    footers = [f"CASE STUDY LIBRARY • {n} • www.example.org – © Example 2024" for n in range(1, 4)]
    labelled = pages_to_labels(*footed(footers))
    assert [p.labels for p in labelled] == [("1",), ("2",), ("3",)]


def test_a_number_in_the_middle_of_a_running_line_is_no_folio_unless_set_apart() -> None:
    footers = [f"Chapter {n} of the plan for 2030 and beyond" for n in range(1, 4)]
    assert [p.labels for p in pages_to_labels(*footed(footers))] == [(), (), ()]


def test_a_wide_page_taken_for_a_spread_that_prints_one_folio_in_step_is_one_printed_page() -> None:
    footers = [f"REPORT TITLE | {n}" for n in range(1, 7)]
    labelled = pages_to_labels(*footed(footers, spread=(4,), width=800.0))
    assert labelled[3].labels == ("4",) and not labelled[3].spread
    assert [p.labels for p in labelled] == [(str(n),) for n in range(1, 7)]
