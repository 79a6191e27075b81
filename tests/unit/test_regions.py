"""Regions of a page from what it draws (pipeline/layout/regions.py): pure functions over boxes."""

from __future__ import annotations

from pipeline.layout.regions import (
    Placed,
    _captioned_drawings,
    _clear_of_prose,
    _clusters,
    _joined,
    _legend_entries,
    _quoting_band,
    _words,
    icon_items,
)
from pipeline.models import BBox, Line, Page, PageGraphics


def test_drawings_cluster_in_time_proportional_to_what_is_open() -> None:
    """A map's thousands of paths: nearby ones merge into one cluster, far ones stay apart."""
    touching = [BBox(x0=x, top=y, x1=x + 6, bottom=y + 6) for x in range(0, 600, 10) for y in range(0, 840, 10)]
    [(box, count, shapes)] = _clusters(touching)
    assert count == shapes == len(touching) and box.x1 == 596 and box.bottom == 836
    apart = [BBox(x0=x, top=y, x1=x + 1, bottom=y + 1) for x in range(0, 600, 20) for y in range(0, 840, 20)]
    assert len(_clusters(apart)) == len(apart)


def test_a_title_bar_over_its_box_is_one_panel() -> None:
    bar, box = BBox(x0=62, top=62, x1=533, bottom=92), BBox(x0=62, top=85, x1=533, bottom=181)
    other = BBox(x0=62, top=318, x1=533, bottom=348)
    assert _joined([bar, box, other]) == [BBox(x0=62, top=62, x1=533, bottom=181), other]


def _lines_with_marks(size: float) -> tuple[list[Line], list[PageGraphics]]:
    """Three lines 40 points apart, each with a square mark of ``size`` points 20 points left of it."""
    lines = [Line(0, 10, page=1, bbox=BBox(x0=140, top=100 + 40 * k, x1=400, bottom=112 + 40 * k)) for k in range(3)]
    marks = tuple(
        BBox(x0=120 - size, top=106 - size / 2 + 40 * k, x1=120, bottom=106 + size / 2 + 40 * k) for k in range(3)
    )
    return lines, [PageGraphics(page=1, drawings=marks)]


def test_lines_beside_icons_open_items_but_not_beside_a_legends_keys() -> None:
    assert icon_items(*_lines_with_marks(24)) == {0, 1, 2}
    assert icon_items(*_lines_with_marks(8)) == set()  # a legend's swatches are smaller than icons
    lines, graphics = _lines_with_marks(24)
    assert icon_items(lines, graphics, skip={2}) == set()  # two are too few for a list


def _at(line: int, x0: float, top: float, text: str, width: float = 200) -> Placed:
    return Placed(line, BBox(x0=x0, top=top, x1=x0 + width, bottom=top + 10), text)


def test_a_legends_entry_takes_the_lines_it_wraps_onto() -> None:
    key = BBox(x0=400, top=102, x1=406, bottom=108)
    entry = _at(0, 410, 100, "‘We deliberately identified and pursued opportunities -")
    wrapped = _at(1, 410, 111, "it was conscious effort’", 90)
    apart = _at(2, 410, 140, "Source: survey", 60)  # under it, but a line's height away
    [box] = _legend_entries([entry, wrapped, apart], [key])
    assert (box.top, box.bottom) == (100, 121)


def test_a_quotation_on_a_band_off_the_pages_side_is_a_candidate_aside_and_a_title_band_is_not() -> None:
    page = Page(number=1, char_start=0, char_end=0, width=609, height=794, n_words=0, n_chars=0)
    band = BBox(x0=0, top=110, x1=575, bottom=215)
    quote = [_at(0, 110, 115, "“Achieving the SDGs will create a world that is more sustainable,"),
             _at(1, 110, 130, "and ultimately more prosperous.”"), _at(2, 110, 160, "UNDP Administrator")]  # fmt: skip
    assert _quoting_band(band, page, quote)
    assert not _quoting_band(band, page, [_at(0, 110, 115, "Chapter 2: The business ecosystem")])
    assert not _quoting_band(BBox(x0=0, top=0, x1=575, bottom=215), page, quote)  # off the top: a page's banner


def test_a_sign_standing_alone_is_no_word() -> None:
    assert _words("Massive machine type Ultra-reliable & low latency") == 6


def test_the_shapes_between_a_figures_caption_and_the_text_over_it_are_its_diagram() -> None:
    prose = _at(0, 40, 40, "This approach will transform Defence into an agile and advanced organisation", 450)
    icons = [BBox(x0=x, top=90, x1=x + 40, bottom=130) for x in (70, 160, 240, 340)]
    caption = _at(1, 40, 200, "Figure 1 - Defence’s streamlined approach to science", 450)
    [diagram] = _captioned_drawings([prose, caption], icons)
    assert (diagram.x0, diagram.top, diagram.x1, diagram.bottom) == (70, 90, 380, 130)
    assert _captioned_drawings([prose, caption], icons[:1]) == []  # one icon is no diagram


def test_a_drawing_under_nothing_but_a_paragraphs_lines_leaves_no_box_and_no_error() -> None:
    """A picture's box as thin as the line of running text over it (found on a report's page): the line is the
    paragraph's, so nothing of the drawing is left; an empty box, not a box with its corners out of order."""

    def at(top: float) -> BBox:
        return BBox(x0=60, top=top, x1=500, bottom=top + 10)

    body = [
        Placed(0, at(84), "their common economic, social and cultural needs and aspirations through an"),
        Placed(1, at(98), "controlled democratically by all members of the cooperative (Alliance, 1995)."),
        Placed(2, at(112), "a jointly owned and democratically controlled enterprise that members run."),
    ]
    cleared = _clear_of_prose(body, BBox(x0=60, top=100, x1=500, bottom=106))
    assert cleared.area == 0 and cleared.top == cleared.bottom
