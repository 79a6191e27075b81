"""What a page draws besides its text, as the layout sees it (pipeline.readers.pdfium_graphics)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from pdfs import build_pdf

from pipeline.models import BBox
from pipeline.readers.pdfium_graphics import page_graphics


def _boxes(boxes: tuple[BBox, ...]) -> list[tuple[int, int, int, int]]:
    return sorted((round(b.x0), round(b.top), round(b.x1), round(b.bottom)) for b in boxes)


def test_a_white_box_hiding_text_on_the_paper_draws_nothing_but_on_a_panel_it_shows(tmp_path: Path) -> None:
    """A rectangle filled in the paper's white and not stroked, painted over text (the box a page paints to hide a
    table's labels), is nothing a reader sees, so it is no drawing that could make a chart of the table; the same box
    on a tinted panel shows, and so do a white box hiding nothing (it may be a pattern's fill, which pdfium reports
    as white), a white box with a frame round it and a dark bar."""
    ops = [
        "BT /F1 10 Tf 110 700 Td (Hidden label) Tj ET",
        "1 g 100 600 100 200 re f",  # white on the paper, over the label: hidden
        "1 g 100 450 100 100 re f",  # white on the paper over nothing
        "0 0 0.6 rg 300 500 250 250 re f",  # a tinted panel ...
        "BT /F1 10 Tf 330 550 Td (On the panel) Tj ET",
        "1 g 320 520 100 60 re f",  # ... and a white box on it, over its words
        "1 g 0 G 100 300 100 100 re B",  # white, framed in black (its box takes in half the stroke)
        "0.2 g 100 100 20 120 re f",  # a bar
    ]
    path = tmp_path / "boxes.pdf"
    path.write_bytes(build_pdf(["\n".join(ops).encode()]))
    document = pdfium.PdfDocument(path)
    try:
        drawn = page_graphics(document[0], 1)
    finally:
        document.close()
    assert _boxes(drawn.panels) == [(300, 42, 550, 292)]
    assert _boxes(drawn.drawings) == [
        (99, 391, 201, 493),
        (100, 242, 200, 342),
        (100, 572, 120, 692),
        (320, 212, 420, 272),
    ]
