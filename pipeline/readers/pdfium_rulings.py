"""A PDF page's ruling edges from pdfium's path objects, as pdfplumber's ``page.edges`` has them.

pdfplumber (through pdfminer) turns each path into a rect, a line or a curve and
takes their axis-parallel sides as edges; its table finder builds cells from them.
Here each path object of the page (and of its form XObjects) is read with pdfium:
its segments, through the object's matrix and the page's display transform, become
sub-paths; an axis-parallel rectangle gives its four sides, any other sub-path
each of its horizontal or vertical straight segments. A straight line stroked wider than a rule
(a band of colour behind a table's row, drawn as one thick line) gives the four sides of the band
the reader sees, as a rectangle would.

A path drawn wholly outside its clipping path (the rest of a spread's artwork, clipped off the page) draws
nothing the reader sees, and no edge. (A rectangle filled in the paper's white draws no edge a reader sees
either, but its sides are kept: a designer's white cell boxes are a table's cells.)
"""

from __future__ import annotations

import ctypes
import itertools
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.readers.pdfium_words import display_transform

Matrix = tuple[float, float, float, float, float, float]
EPSILON = 1e-6
MIN_LENGTH = 1.0  # pdfplumber's edge_min_length_prefilter
JOIN = 3.0  # points: pdfplumber's join_tolerance, pieces of one rule this close are one
MIN_OPEN_RULES = 3  # horizontal rules of one extent that may rule an open-sided table ...
MIN_OPEN_WIDTH = 100.0  # ... each at least this long (points)
MAX_RULE_THICKNESS = 2.0  # points: a rect thicker than this both ways is a bar or a panel, not a column rule
OPEN_SNAP = 2.0  # points: rule ends and column rules are compared to this step
SHADE_SLIP = 0.5  # points: a shaded rectangle this little past another's edge still lies within it
RUN_BREAK = 2.0  # a gap between rules of one extent this many times the usual one parts two tables
PAGE_BACKGROUND = 0.8  # share of the page a shade covers that makes it the page's background
MAX_SHADES = 400  # shaded rectangles of one colour on a page compared with each other, at most


@dataclass(frozen=True, slots=True)
class RuledPage:
    """What pdfplumber's ``TableFinder`` reads of a page when both its strategies are "lines" (its
    default): the ruling edges and the page box. It stands in for the page, so pdfminer never
    interprets the page's content to find its ruled tables."""

    edges: list[dict[str, Any]]
    bbox: tuple[float, float, float, float]


def path_segments(page: pdfium.PdfPage) -> int:
    """How many segments the page's paths have (its form XObjects' included), counted without reading them."""
    return sum(pdfium_c.FPDFPath_CountSegments(obj) for obj, _, _ in _paths(page.raw, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)))


def page_edges(page: pdfium.PdfPage) -> list[dict[str, Any]]:
    """Every horizontal and vertical edge the page's paths draw, in pdfplumber's edge dicts, and the sides an
    open-sided table leaves to the eye (:func:`open_sides`). A shaded rectangle drawn inside another of the
    same colour draws no edge a reader sees (a word processor shades a table's heading cell once whole and
    again line by line): its sides are left out, or they would cut the cell into rows."""
    ra, rb, rc, rd, re_, rf, height = display_transform(page)
    display = (ra, rb, rc, rd, re_, rf)
    drawn: list[tuple[list[dict[str, Any]], tuple[int, ...] | None]] = []  # each sub-path's edges, its shade
    for obj, matrix, on_page in _paths(page.raw, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)):
        if on_page and _clipped_out(obj):
            continue
        shown = compose(matrix, display)
        subpaths = [
            ([(x, height - y) for x, y in (apply(shown, px, py) for px, py in points)], closed)
            for points, closed in _subpaths(obj)
        ]
        scale = abs(shown[0] * shown[3] - shown[1] * shown[2]) ** 0.5
        straight = any(len(points) == 2 for points, _ in subpaths)
        stroke = _stroke_width(obj) * scale if straight else 0.0  # read only for the paths that draw a line
        found = [_edges(_band(points, stroke), closed) for points, closed in subpaths]
        rects = [bool(f) and f[0]["object_type"] == "rect" for f in found]
        shade = _shade(obj) if any(rects) else None  # read only for the paths that draw rectangles
        drawn += [(f, shade if rect else None) for f, rect in zip(found, rects, strict=True)]
    hidden = _hidden_shades(drawn, page.get_width() * page.get_height())
    edges = [e for i, (found, _) in enumerate(drawn) if i not in hidden for e in found]
    edges = [e for e in edges if max(e["width"], e["height"]) >= MIN_LENGTH]
    return edges + open_sides(edges)


def _shade(obj: Any) -> tuple[int, int, int, int] | None:
    """The colour a path object fills with when it fills and draws no outline; None otherwise."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke) or not fill.value or stroke.value:
        return None
    return fill_colour(obj)


def _stroke_width(obj: Any) -> float:
    """How wide the path object strokes its lines (in its own units); 0 when it strokes none."""
    fill, stroke, width = ctypes.c_int(), ctypes.c_int(), ctypes.c_float()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke) or not stroke.value:
        return 0.0
    return width.value if pdfium_c.FPDFPageObj_GetStrokeWidth(obj, width) else 0.0


def _band(points: list[tuple[float, float]], stroke: float) -> list[tuple[float, float]]:
    """A horizontal or vertical straight line stroked wider than MAX_RULE_THICKNESS as the closed rectangle the
    stroke paints (a row's band of colour); any other sub-path as it is.

    >>> _band([(10.0, 50.0), (200.0, 50.0)], 18.0)
    [(10.0, 41.0), (200.0, 41.0), (200.0, 59.0), (10.0, 59.0), (10.0, 41.0)]
    >>> _band([(10.0, 50.0), (200.0, 50.0)], 0.5)
    [(10.0, 50.0), (200.0, 50.0)]
    """
    if stroke <= MAX_RULE_THICKNESS or len(points) != 2:
        return points
    (xa, ya), (xb, yb) = points
    half = stroke / 2
    if abs(ya - yb) < EPSILON:
        x0, x1, top, bottom = min(xa, xb), max(xa, xb), ya - half, ya + half
    elif abs(xa - xb) < EPSILON:
        x0, x1, top, bottom = xa - half, xa + half, min(ya, yb), max(ya, yb)
    else:
        return points
    return [(x0, top), (x1, top), (x1, bottom), (x0, bottom), (x0, top)]


def fill_colour(obj: Any) -> tuple[int, int, int, int] | None:
    """A page object's fill colour as (red, green, blue, alpha), 0 to 255; None when pdfium cannot read it."""
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not pdfium_c.FPDFPageObj_GetFillColor(obj, r, g, b, a):
        return None
    return r.value, g.value, b.value, a.value


def _hidden_shades(drawn: list[tuple[list[dict[str, Any]], tuple[int, ...] | None]], page_area: float) -> set[int]:
    """The shaded rectangles (by their index in ``drawn``) lying within another of the same shade (the
    first of two alike stays), among at most MAX_SHADES of one shade on the page; a shade covering most of the
    page (PAGE_BACKGROUND of its ``page_area``: its background) hides nothing, so cells set apart by gaps in
    the page's colour keep their edges."""
    by_shade: dict[tuple[int, ...], list[tuple[int, tuple[float, float, float, float]]]] = {}
    for i, (found, shade) in enumerate(drawn):
        if shade is not None:
            box = (found[0]["x0"], found[0]["top"], found[1]["x1"], found[1]["bottom"])
            by_shade.setdefault(shade, []).append((i, box))
    backgrounds = {
        i for rects in by_shade.values() for i, (x0, top, x1, bottom) in rects
        if (x1 - x0) * (bottom - top) >= PAGE_BACKGROUND * page_area
    }  # fmt: skip
    hidden: set[int] = set()
    for rects in by_shade.values():
        if len(rects) > MAX_SHADES:
            continue
        for i, (x0, top, x1, bottom) in rects:
            for j, (a0, atop, a1, abottom) in rects:
                inside = a0 - SHADE_SLIP <= x0 and x1 <= a1 + SHADE_SLIP and atop - SHADE_SLIP <= top
                inside = inside and bottom <= abottom + SHADE_SLIP
                alike = (a0, atop, a1, abottom) == (x0, top, x1, bottom)
                if j != i and j not in hidden and j not in backgrounds and inside and (not alike or j < i):
                    hidden.add(i)
                    break
    return hidden


def _clipped_out(obj: Any) -> bool:
    """A path object set on the page itself lying wholly outside one of its clipping paths: nothing of it is
    drawn. (Its bounds and its clipping paths are both in the page's space; an object of a form XObject has
    them in other spaces, and is not tested.)"""
    if not (clip := pdfium_c.FPDFPageObj_GetClipPath(obj)):
        return False
    box = object_bounds(obj)
    return box is not None and any(not _overlap(box, area) for area in clip_areas(clip))


def clip_areas(clip: Any) -> Iterator[tuple[float, float, float, float]]:
    """Each clipping path's box (left, bottom, right, top) in page space."""
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(max(pdfium_c.FPDFClipPath_CountPaths(clip), 0)):
        points = []
        for k in range(max(pdfium_c.FPDFClipPath_CountPathSegments(clip, i), 0)):
            segment = pdfium_c.FPDFClipPath_GetPathSegment(clip, i, k)
            if segment and pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
                points.append((x.value, y.value))
        if points:
            xs, ys = [p for p, _ in points], [q for _, q in points]
            yield min(xs), min(ys), max(xs), max(ys)


def object_bounds(obj: Any) -> tuple[float, float, float, float] | None:
    """A page object's bounds as pdfium gives them (left, bottom, right, top, in its parent's space); None when
    pdfium cannot tell."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return None
    return left.value, bottom.value, right.value, top.value


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def open_sides(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sides a table ruled between its rows and its columns, but not round its outside, leaves to the eye:
    at least MIN_OPEN_RULES horizontal rules (collinear pieces joined) starting and ending at the same x,
    with a column rule (a line, or a rect at most MAX_RULE_THICKNESS thick; not a chart's bar) inside them
    over at least half their height and none at either end, get a vertical side at each end (pdfplumber's
    lines strategy builds cells only between vertical edges, so the first and last columns would be lost)."""
    out: list[dict[str, Any]] = []
    for group in _rule_groups(edges):
        if not group.column_ruled:
            continue  # no column rule inside: rules between rows only, which the text finder reads
        a, b = group.ends
        for side in (a, b):
            if max((group.covered.get(side + d, 0.0) for d in (-1, 0, 1)), default=0.0) < group.half:
                out.append(_edge(side * OPEN_SNAP, group.ys[0], side * OPEN_SNAP, group.ys[-1], "line"))
    return out


def row_rules(edges: list[dict[str, Any]]) -> list[tuple[float, float, list[float]]]:
    """The runs of at least MIN_OPEN_RULES horizontal rules of one extent with no column rule between them
    (a table ruled between its rows only, or a chart's gridlines; :func:`_runs`): each run's left and right
    ends and its rules' heights, top to bottom. :func:`pipeline.readers.table_finder.lines_to_tables` reads the columns
    of such a table from its words' gutters."""
    out = []
    for group in _rule_groups(edges):
        if group.column_ruled:
            continue
        for ys in _runs(group.ys):
            out.append((group.ends[0] * OPEN_SNAP, group.ends[1] * OPEN_SNAP, ys))
    return out


def _runs(ys: list[float]) -> list[list[float]]:
    """Rules of one extent cut where the gap between two is more than RUN_BREAK times the usual one (two tables
    one above the other, as wide), each run of at least MIN_OPEN_RULES rules; the two sides of a rule drawn as
    a thin rectangle (at most MAX_RULE_THICKNESS apart) are one rule. A cut that would leave fewer rules than
    that on either side is none: a tall first group of rows under the rule below the header, not two tables.

    >>> _runs([0.0, 15.0, 30.0, 45.0, 200.0, 215.0, 230.0])
    [[0.0, 15.0, 30.0, 45.0], [200.0, 215.0, 230.0]]
    >>> _runs([0.0, 1.0, 15.0, 16.0, 30.0, 31.0])
    [[0.0, 15.0, 30.0]]
    >>> _runs([0.0, 140.0, 205.0, 260.0])
    [[0.0, 140.0, 205.0, 260.0]]
    """
    ys = [y for k, y in enumerate(ys) if k == 0 or y - ys[k - 1] > MAX_RULE_THICKNESS]  # a thin rect's two sides
    if len(ys) < MIN_OPEN_RULES:
        return []
    usual = statistics.median(b - a for a, b in itertools.pairwise(ys))
    cuts = [0]
    for k in range(1, len(ys)):
        if ys[k] - ys[k - 1] > RUN_BREAK * usual and k - cuts[-1] >= MIN_OPEN_RULES <= len(ys) - k:
            cuts.append(k)
    runs = [ys[a:b] for a, b in itertools.pairwise([*cuts, len(ys)])]
    return [run for run in runs if len(run) >= MIN_OPEN_RULES]


@dataclass(frozen=True, slots=True)
class _RuleGroup:
    ends: tuple[int, int]  # the rules' left and right ends, in OPEN_SNAP steps
    ys: list[float]  # the rules' heights, top to bottom
    covered: dict[int, float]  # how much of the rules' height vertical edges at each x (in steps) cover
    column_ruled: bool  # a column rule (at most MAX_RULE_THICKNESS thick) runs inside over half their height

    @property
    def half(self) -> float:
        return (self.ys[-1] - self.ys[0]) / 2


def _rule_groups(edges: list[dict[str, Any]]) -> Iterator[_RuleGroup]:
    """Horizontal rules (collinear pieces joined, each at least MIN_OPEN_WIDTH long) grouped by their extent,
    at least MIN_OPEN_RULES of them to a group."""
    rules: dict[tuple[int, int], list[float]] = {}
    for y, pieces in itertools.groupby(
        sorted((e for e in edges if e["orientation"] == "h"), key=lambda e: (round(e["top"]), e["x0"])),
        key=lambda e: round(e["top"]),
    ):
        for x0, x1 in _joined([(e["x0"], e["x1"]) for e in pieces]):
            if x1 - x0 >= MIN_OPEN_WIDTH:
                rules.setdefault((round(x0 / OPEN_SNAP), round(x1 / OPEN_SNAP)), []).append(float(y))
    verticals = [e for e in edges if e["orientation"] == "v"]
    for (a, b), ys in rules.items():
        if len(ys) < MIN_OPEN_RULES:
            continue
        top, bottom = min(ys), max(ys)
        covered: dict[int, float] = {}
        ruled: dict[int, float] = {}  # how much of the rules' height column rules cover at each x
        for e in verticals:
            if e["top"] < bottom and top < e["bottom"]:
                key, height = round(e["x0"] / OPEN_SNAP), min(e["bottom"], bottom) - max(e["top"], top)
                covered[key] = covered.get(key, 0.0) + height
                if e.get("thickness", 0.0) <= MAX_RULE_THICKNESS:
                    ruled[key] = ruled.get(key, 0.0) + height
        column_ruled = any(a < key < b and height >= (bottom - top) / 2 for key, height in ruled.items())
        yield _RuleGroup((a, b), sorted(ys), covered, column_ruled)


def _joined(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Collinear pieces of a rule (sorted by their start) joined across gaps of at most JOIN points."""
    out: list[tuple[float, float]] = []
    for x0, x1 in spans:
        if out and x0 - out[-1][1] <= JOIN:
            out[-1] = (out[-1][0], max(out[-1][1], x1))
        else:
            out.append((x0, x1))
    return out


def _paths(parent: Any, matrix: Matrix, form: Any = None) -> Iterator[tuple[Any, Matrix, bool]]:
    """Each path object of the page and of its form XObjects, its matrix onto the page, and whether it is set
    on the page itself."""
    count = pdfium_c.FPDFFormObj_CountObjects(form) if form is not None else pdfium_c.FPDFPage_CountObjects(parent)
    m = pdfium_c.FS_MATRIX()
    for i in range(count):
        obj = pdfium_c.FPDFFormObj_GetObject(form, i) if form is not None else pdfium_c.FPDFPage_GetObject(parent, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        own = (m.a, m.b, m.c, m.d, m.e, m.f) if pdfium_c.FPDFPageObj_GetMatrix(obj, m) else (1, 0, 0, 1, 0, 0)
        combined = compose(own, matrix)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj, combined, form is None
        else:
            yield from _paths(parent, combined, obj)


def _subpaths(obj: Any) -> Iterator[tuple[list[tuple[float, float]], bool]]:
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float]] = []
    closed = False
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO and points:
            yield points, closed
            points, closed = [], False
        points.append((x.value, y.value))
        closed = closed or bool(pdfium_c.FPDFPathSegment_GetClose(segment))
    if points:
        yield points, closed


def _edges(points: list[tuple[float, float]], closed: bool) -> list[dict[str, Any]]:
    if closed and points[0] != points[-1]:
        points = [*points, points[0]]
    xs, ys = {round(x, 6) for x, _ in points}, {round(y, 6) for _, y in points}
    if len(points) in (4, 5) and len(xs) == 2 and len(ys) == 2 and _axis_parallel(points):
        x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
        sides = [(x0, top, x1, top), (x0, bottom, x1, bottom), (x0, top, x0, bottom), (x1, top, x1, bottom)]
        thickness = min(x1 - x0, bottom - top)  # a thin rect draws a rule; a wide one, a bar or a panel
        return [{**_edge(*side, "rect"), "thickness": thickness} for side in sides]
    kind = "line" if len(points) == 2 else "curve"
    return [
        _edge(min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]), kind)
        for a, b in itertools.pairwise(points)
        if abs(a[0] - b[0]) < EPSILON or abs(a[1] - b[1]) < EPSILON
    ]


def _axis_parallel(points: list[tuple[float, float]]) -> bool:
    return all(abs(a[0] - b[0]) < EPSILON or abs(a[1] - b[1]) < EPSILON for a, b in itertools.pairwise(points))


def _edge(x0: float, top: float, x1: float, bottom: float, kind: str) -> dict[str, Any]:
    return {
        "x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
        "orientation": "h" if abs(bottom - top) < EPSILON else "v", "object_type": kind,
    }  # fmt: skip


def compose(first: Matrix, then: Matrix) -> Matrix:
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]
