"""What a PDF page draws besides its text, from pdfium's page objects: shaded panels, drawings and images.

The layout uses them to see what a reader sees around the text: a shaded or boxed panel (an aside, a
case study, a call-out) and the lines, curves, bars and pictures of a chart, diagram or map. Each page
object (and each object of its form XObjects) is read with pdfium once: its bounds, through the matrices
of the forms holding it and the page's display transform, in points from the top-left of the page.

* a **panel** is a path drawn with few segments (a rectangle, rounded or not), at least ``MIN_PANEL``
  points wide and high, filled with a colour other than white or stroked as a frame;
  a run of filled strips as wide, stacked edge to edge (the shading a word processor draws behind each
  line of a shaded paragraph), is one panel too;
* a **drawing** is any other path (rules, curves, bars, wedges, map outlines), except a rectangle filled in
  the paper's white, not stroked, that hides text under it (:func:`painting`, which reads the page's own
  objects, not those of its forms) and lies on no panel or image: on the paper it paints nothing a reader sees
  (a box hiding a table's labels);
* an **image** is an image object.

A rule drawn under the whole of a line underlines it (:func:`underlined`): a title set apart by its underline.
An opaque rectangle filled after text it covers hides it (:func:`painting`): the reader leaves that text out.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.models import BBox, Line, PageGraphics
from pipeline.readers.pdfium_rulings import Matrix, apply, clip_areas, compose, fill_colour, object_bounds
from pipeline.readers.pdfium_words import display_transform

MIN_PANEL = (40.0, 20.0)  # points: a panel is at least this wide and high
MAX_PANEL_SEGMENTS = 16  # a rectangle, or one with rounded corners
MIN_STRIP = 4.0  # points: a shading strip behind a line is at least this high (a rule is thinner)
STRIP_SLIP = 1.0  # points: strips of one shaded paragraph line up and meet this closely
UNDERLINE_THICKNESS = 1.5  # points: an underline is a rule at most this thick ...
UNDERLINE_SHARE = 0.8  # ... under at least this share of its line's width, from its left edge ...
UNDERLINE_SLIP = 2.0  # ... starting and ending this close to the line's ends, at most this far under its box
WHITE = 245  # a fill this light in every channel is the paper's colour, not a panel
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MIN_COVER = 4.0  # points: a fill that hides text under it is at least this wide and high
OPAQUE = 255  # a fill's alpha that lets nothing under it show
RECTANGLE_SEGMENTS = 6  # a rectangle's path: a move, three or four lines, perhaps a close
CORNER_SLIP = 0.5  # points: a rectangle's every point lies this close to a corner of its box
_DRAWN_MODES = (0, 1, 2)  # text render modes that paint text (fill, stroke, both) and clip nothing


@dataclass(frozen=True, slots=True)
class Painting:
    """What a page paints over its own text (:func:`painting`): the text objects a fill painted after them covers
    whole, and those fills (their addresses)."""

    hidden: frozenset[int]
    covers: frozenset[int]


def page_graphics(page: pdfium.PdfPage, number: int, painted: Painting | None = None) -> PageGraphics:
    """The page's panels, drawings and images as boxes on the page as displayed; ``painted``: the page's
    :func:`painting`, when it was already found."""
    ra, rb, rc, rd, re_, rf, height = display_transform(page)
    display = (ra, rb, rc, rd, re_, rf)
    panels: list[BBox] = []
    drawings: list[BBox] = []
    images: list[BBox] = []
    strips: list[BBox] = []
    blanks: list[BBox] = []
    covers = (painted or painting(page)).covers
    for obj, kind, container in _objects(page.raw, IDENTITY):
        box = _bounds(obj, compose(container, display), height)
        if box is None:
            continue
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images.append(box)
        elif _panel(obj, box):
            panels.append(box)
        elif _strip(obj, box):
            strips.append(box)
        elif _address(obj) in covers and _blank(obj):
            blanks.append(box)
        else:
            drawings.append(box)
    for run in _stacked(strips):
        (panels if run.bottom - run.top >= MIN_PANEL[1] else drawings).append(run)
    drawings += [b for b in blanks if any(under.holds_centre_of(b) for under in (*panels, *images))]
    return PageGraphics(number, tuple(panels), tuple(drawings), tuple(images))


def _stacked(strips: list[BBox]) -> list[BBox]:
    """Strips as wide (their sides within STRIP_SLIP points), each starting where the one above ends, as one
    box; a strip alone stays itself.

    >>> def strip(top, x1=557.0): return BBox(x0=55.0, top=top, x1=x1, bottom=top + 11.5)
    >>> strips = [strip(398.0), strip(409.5), strip(421.0), strip(500.0), strip(511.5, x1=300.0)]
    >>> [(b.top, b.bottom) for b in _stacked(strips)]
    [(398.0, 432.5), (500.0, 511.5), (511.5, 523.0)]
    """
    runs: list[BBox] = []
    for box in sorted(strips, key=lambda b: (b.top, b.x0)):
        for k, run in enumerate(runs):
            as_wide = abs(run.x0 - box.x0) <= STRIP_SLIP and abs(run.x1 - box.x1) <= STRIP_SLIP
            if as_wide and abs(box.top - run.bottom) <= STRIP_SLIP:
                runs[k] = BBox.union([run, box])
                break
        else:
            runs.append(box)
    return runs


def _objects(parent: Any, matrix: Matrix, form: Any = None) -> Iterator[tuple[Any, int, Matrix]]:
    """Each path and image object of the page, with the matrix of the forms that hold it."""
    count = pdfium_c.FPDFFormObj_CountObjects(form) if form is not None else pdfium_c.FPDFPage_CountObjects(parent)
    m = pdfium_c.FS_MATRIX()
    for i in range(count):
        obj = pdfium_c.FPDFFormObj_GetObject(form, i) if form is not None else pdfium_c.FPDFPage_GetObject(parent, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE):
            yield obj, kind, matrix
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            own = (m.a, m.b, m.c, m.d, m.e, m.f) if pdfium_c.FPDFPageObj_GetMatrix(obj, m) else IDENTITY
            yield from _objects(parent, compose(own, matrix), obj)


def _bounds(obj: Any, matrix: Matrix, height: float) -> BBox | None:
    if (bounds := object_bounds(obj)) is None:
        return None
    left, bottom, right, top = bounds
    corners = [apply(matrix, x, y) for x in (left, right) for y in (bottom, top)]
    xs, ys = [x for x, _ in corners], [height - y for _, y in corners]
    return BBox(x0=min(xs), top=min(ys), x1=max(xs), bottom=max(ys))


def _panel(obj: Any, box: BBox) -> bool:
    if box.x1 - box.x0 < MIN_PANEL[0] or box.bottom - box.top < MIN_PANEL[1]:
        return False
    paint = _rectangle_paint(obj)
    if paint is None:
        return False
    filled, stroked = paint
    return _tinted(obj) if filled else stroked  # a box drawn as a frame when not filled


def _strip(obj: Any, box: BBox) -> bool:
    """A filled rectangle as wide as a panel but lower (at least MIN_STRIP high: not a rule), in a colour
    other than white: a line's shading, which stacked on others makes a panel (:func:`_stacked`)."""
    if box.x1 - box.x0 < MIN_PANEL[0] or not MIN_STRIP <= box.bottom - box.top < MIN_PANEL[1]:
        return False
    paint = _rectangle_paint(obj)
    return paint is not None and paint[0] and _tinted(obj)


def _blank(obj: Any) -> bool:
    """A fill in the paper's white, not stroked: on the paper, nothing shows."""
    if _rectangle_paint(obj) != (True, False) or (colour := fill_colour(obj)) is None:
        return False
    return min(colour[:3]) >= WHITE


def _rectangle_paint(obj: Any) -> tuple[bool, bool] | None:
    """Whether a path of few segments (a rectangle, rounded or not) is filled and whether it is stroked; None
    for a path of more segments, or one whose drawing mode pdfium cannot tell."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
        return None
    if pdfium_c.FPDFPath_CountSegments(obj) > MAX_PANEL_SEGMENTS:
        return None
    return fill.value != 0, bool(stroke.value)


def painting(page: pdfium.PdfPage) -> Painting:
    """The text objects of the page (their addresses) that a fill painted after them covers whole, and those fills
    (their addresses): text the page draws and then paints a panel over (a template's text left under the panel
    that replaced it), which no reader sees. A fill counts when pdfium tells it is filled and wholly opaque (an
    opaque colour, no transparency: no blend mode or soft mask that would let the text show through), it is a
    rectangle (a triangle or a rounded box covers less than its box) and it is at least :data:`MIN_COVER` points
    wide and high; only the part of it its clipping paths let show covers anything. The page's own objects are
    compared, not those of its forms (whose boxes lie in the form's space). Only text painted (filled or
    stroked) counts: text drawn as a clip (through which a fill then shows: a title in a pattern) and text
    drawn invisible (an OCR layer under a scan) are never taken as covered."""
    texts: list[tuple[int, float, float, float, float]] = []
    hidden: set[int] = set()
    covers: set[int] = set()
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_PATH) or (
            kind == pdfium_c.FPDF_PAGEOBJ_PATH and not texts
        ):
            continue
        if (box := object_bounds(obj)) is None:
            continue
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) in _DRAWN_MODES:  # not text that clips what follows
                texts.append((_address(obj), *box))
            continue
        if box[2] - box[0] < MIN_COVER or box[3] - box[1] < MIN_COVER:
            continue
        if (paint := _rectangle_paint(obj)) is None or not paint[0] or pdfium_c.FPDFPageObj_HasTransparency(obj):
            continue
        if (colour := fill_colour(obj)) is None or colour[3] < OPAQUE or not _rectangle(obj):
            continue
        if (shown := _clipped(obj, box)) is None:
            continue
        covered = [t for t in texts if shown[0] <= t[1] and t[3] <= shown[2] and shown[1] <= t[2] and t[4] <= shown[3]]
        if covered:
            hidden.update(t[0] for t in covered)
            covers.add(_address(obj))
            texts = [t for t in texts if t[0] not in hidden]
    return Painting(frozenset(hidden), frozenset(covers))


def _address(obj: Any) -> int:
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


def _clipped(obj: Any, box: tuple[float, float, float, float]) -> tuple[float, float, float, float] | None:
    """The part of a fill's box its clipping paths let show (each path's box, in the page's space: the region
    inside them all); None when nothing of it shows, or a clipping path pdfium cannot measure."""
    clip = pdfium_c.FPDFPageObj_GetClipPath(obj)
    if not clip:
        return box
    areas = list(clip_areas(clip))
    if len(areas) < pdfium_c.FPDFClipPath_CountPaths(clip):
        return None  # a clip pdfium cannot measure: nothing is taken as covered under it
    left, bottom, right, top = box
    for a_left, a_bottom, a_right, a_top in areas:
        left, right = max(left, a_left), min(right, a_right)
        bottom, top = max(bottom, a_bottom), min(top, a_top)
    return (left, bottom, right, top) if left < right and bottom < top else None


def _rectangle(path: Any) -> bool:
    """A path of at most :data:`RECTANGLE_SEGMENTS` segments whose points are the four corners of its box: a
    rectangle (in the path's own space; the box the caller compares is the page's)."""
    count = pdfium_c.FPDFPath_CountSegments(path)
    if not 0 < count <= RECTANGLE_SEGMENTS:
        return False
    x, y = ctypes.c_float(), ctypes.c_float()
    points = []
    for k in range(count):
        if not pdfium_c.FPDFPathSegment_GetPoint(pdfium_c.FPDFPath_GetPathSegment(path, k), x, y):
            return False
        points.append((x.value, y.value))
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    corners = [(cx, cy) for cx in (min(xs), max(xs)) for cy in (min(ys), max(ys))]
    at = {min(range(4), key=lambda k: abs(px - corners[k][0]) + abs(py - corners[k][1])) for px, py in points}
    on_corners = all(any(abs(px - cx) + abs(py - cy) <= CORNER_SLIP for cx, cy in corners) for px, py in points)
    return on_corners and len(at) == len(corners)  # every corner drawn: no triangle cut from its box


def _tinted(obj: Any) -> bool:
    """The path's fill is a colour, not the paper's white."""
    if (colour := fill_colour(obj)) is None:
        return False
    r, g, b, a = colour
    return a > 0 and min(r, g, b) < WHITE


def underlined(lines: Sequence[Line], drawn: PageGraphics) -> list[Line]:
    """The lines with ``underlined`` set on those a rule is drawn under, along the whole line: from its left
    edge, across at least UNDERLINE_SHARE of its width and not past its right end (a table's rule runs on
    past the line of one cell; a rule under a paragraph's last line is no underline of it either, it is
    wider or set apart), in the lower half of its box or just under it.

    >>> def at(x0, top, x1, bottom): return BBox(x0=x0, top=top, x1=x1, bottom=bottom)
    >>> title = Line(0, 27, page=3, bbox=at(99.3, 234.6, 234.9, 245.7))
    >>> rule = at(99.3, 244.3, 229.5, 244.7)  # "What is Inclusive Business?", the "?" left out
    >>> [line.underlined for line in underlined([title], PageGraphics(3, drawings=(rule,)))]
    [True]
    >>> [line.underlined for line in underlined([title], PageGraphics(3, drawings=(at(99.3, 244.3, 552, 244.7),)))]
    [False]
    """
    rules = [d for d in drawn.drawings if d.bottom - d.top <= UNDERLINE_THICKNESS]
    out: list[Line] = []
    for line in lines:
        box = line.bbox
        under = box is not None and any(
            abs(r.x0 - box.x0) <= UNDERLINE_SLIP
            and r.x1 <= box.x1 + UNDERLINE_SLIP
            and r.x1 - r.x0 >= UNDERLINE_SHARE * (box.x1 - box.x0)
            and (box.top + box.bottom) / 2 <= r.top <= box.bottom + UNDERLINE_SLIP
            for r in rules
        )
        out.append(replace(line, underlined=True) if under else line)
    return out
