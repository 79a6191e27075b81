"""Regions of a page from what it draws (pipeline/layout/regions.py): pure functions over boxes."""

from __future__ import annotations

from pipeline.layout.regions import _clusters, _joined, icon_items
from pipeline.models import BBox, Line, PageGraphics


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
