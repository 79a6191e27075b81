"""Regions of a PDF page that are not its body text: asides (shaded panels beside the body) and charts
(drawings or pictures carrying short labels), found from what the page draws (:class:`PageGraphics`).

* An **aside** is a panel (filled, or framed; or a frame drawn as rules, :func:`_frames`) holding at least
  ``MIN_ASIDE_LINES`` lines, on a printed page (the half of a spread) whose body goes on beside it: the
  lines outside the candidate panels are at least a quarter as many as the panel's (a panel that *is* the
  page's content is read as body), unless the panel opens with an aside's title ("Case study: ...",
  "Box 2", :func:`patterns.aside_title`), which also makes a panel covering most of its printed page an
  aside. Panels stacked edge to edge or overlapping, as wide as each other (a title bar over its box), are
  one. A panel that bleeds off the page or spans a printed page's width from edge to edge is a banner or
  background, not an aside. In a document that sets its text on the page, the few pages whose text one
  panel holds are given over to a box (:func:`_boxed_pages`): its panel is an aside when one title heads
  it or when the page before ended in an aside (a case study running on).
* A **chart** is a cluster of drawings (paths within ``CHART_JOIN`` points of each other) holding at least
  ``MIN_CHART_SHAPES`` shapes (bars, wedges, curves: a ruled table draws only rules, and rows it shades
  are as wide as its rules), or an image, whose
  text is labels: at least ``MIN_CHART_LINES`` lines, most of them short, few sentences, and not set as
  running text; its caption ("Figure 3 ...") just above belongs to it, or else one just under it or beside
  its top. A chart's labels are chart labels even where the table finder took them for a table.

A **page given over to a case study** (:func:`_case_study_page`): a page whose body opens with an aside's title
("Case Study 2") on a line of its own is an aside, though no panel is drawn.

A **quotation set beside the body** (:func:`_quoted`): a run of lines opening and closing with quotation
marks, and the name under it, in a column narrower than the body's lines level with it, is an aside.

A **call-out marked by a bar** (:func:`_barred`): lines set just right of a thick vertical bar, within its
height, are an aside.

**Icon bullets** (:func:`icon_items`): lines at one left edge, each with a small picture or drawing (an icon)
just left of it, level with its first line, the icons at one left edge too, are the items of a list.

A **picture's caption** (:func:`picture_captions`): the line right under a photograph, set smaller than the
page's text ("Rt Hon ... Secretary of State") or standing apart in its size as a short sentence, opens a caption;
so does a sentence on a band across a photograph's lower half.

Returns, for each line in such a region, the region's kind and its number in the document, so blocks
keep their text and provenance but stay out of the body's paragraphs, lists and sections.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from pipeline.evaluation import squeeze
from pipeline.language import patterns
from pipeline.layout.common import _END_PUNCTUATION, TYPE_STEP, line_text
from pipeline.models import BBox, Line, Page, PageGraphics, RawTable

MIN_ASIDE_LINES = 3
MIN_NOTE_LINES = 2  # a shaded call-out of prose may be this short
MIN_PANEL_WIDTH, MIN_PANEL_HEIGHT = 40.0, 20.0  # points: a frame drawn as rules is at least this large
BODY_SHARE = 4  # an aside's page holds at least a quarter as many lines of body outside the panels
MAX_ASIDE_SHARE = 0.6  # a panel covering more of its printed page than this is the page, not an aside
MIN_BOXED_LINES = 6  # a panel holding a page's text on its own holds at least this many lines ...
BOXED_SLIP = 2  # ... and all of its printed page's but this many (a running header and folio)
BOXED_SHARE = 0.25  # ... on at most this share of its document's pages with text
EDGE = 2.0  # points: a panel this close to the page's edge bleeds off it
SIDEBAR_SHARE = 0.5  # a panel bleeding off one side of the page and at most this share of it wide is a sidebar
PULL_LINES = 2  # a pull quote runs over at least this many lines ...
PULL_WORDS = 8  # ... of at least this many words ...
PULL_SIZE_RATIO = 1.25  # ... set at least this much larger than the page's usual type
QUOTE_LINES = 12  # within this many lines
ATTRIBUTION_LINES = 3  # lines under a quotation that name whose words they are ("Nancy Zhang," / "Executive Director")
ATTRIBUTION_WORDS = 8
NARROW_RATIO = 0.7  # a quotation's column is at most this wide against the body's lines level with it
BAR_WIDTH = 10.0  # points: a bar marking a call-out is at most this wide ...
BAR_RATIO = 3.0  # ... and at least this many times as tall
BAR_REACH = 24.0  # points: the call-out's lines start this close right of its bar
MIN_CHART_SHAPES = 2  # a chart draws at least this many shapes (ruled tables draw rules only)
MIN_GRIDLINES = 3  # a line chart's series drawn as a fill lies over at least this many gridlines
RULE_WIDTH = 2.0  # points: a drawing thinner than this is a rule
MIN_GRID_ROWS = 3  # a ruled table whose cells are written in has at least this many rows ...
FILLED_SHARE = 0.8  # ... and text in at least this share of its cells
MIN_CHART_LINES = 3
MAX_BAR_SHARE = 0.05  # a filled box smaller than this share of the page may be a bar of a chart
MAX_SET_SHARE = 0.5  # a chart's lines are mostly not set as running text (see _set_lines)
INDENT = 3.0  # points: lines whose left edges round to the same multiple of this are aligned
AXIS_LABEL_WORDS = 4  # a label set beside a chart's drawing (a tick, an axis title, a legend entry)
LABEL_REACH = 12.0  # points: ... stands this close to it
LEGEND_REACH = 72.0  # points: a legend's entries (each beside its key) stand this close beside the chart ...
LEGEND_DROP = 24.0  # ... or this close under or over it
LABEL_ROUNDS = 40  # rounds of growing a chart by its labels: a letter-per-line rotated label takes many
_TICK = r"(?:[-+−]?[£$€]?\d[\d.,/]*\s*(?:%|[kmb]n?)?|[QH][1-4])"  # "0%", "£10m", "2.5bn", "-4", "2016/17", "Q2"
TICKS = re.compile(rf"^\s*(?:{_TICK}\s+){{2,}}{_TICK}\s*$")  # a row of axis ticks: "0% 10% 20%"
# a row of data labels after its category, at most AXIS_LABEL_WORDS words: "Control 94% 97% 97%"
LABELLED_TICKS = re.compile(rf"^\s*(?:[^\W\d][\w/&'’-]*\s+){{1,4}}(?:{_TICK}\s+){{2,}}{_TICK}\s*$")
MAX_TITLE_WORDS = 12  # a chart's title line without a "Figure N" is at most this long ...
TITLE_SIZE_RATIO = 1.5  # ... and is set no larger than this against the page's usual line
TITLE_OVERHANG = 0.2  # ... and overhangs the chart's width by at most this share on either side
NOTE_MARKS = ("*", "†", "‡")  # a note under a chart opens with one of these
CAPTION_LINES = 6  # lines: a chart's caption heads at most this many lines stacked above its drawing ...
NOTE_LINES = 18  # ... not counting its source's and notes' small print, and at most this many in all
CAPTION_GAP = 3  # line heights: a chart's caption stack stands at most this far over its drawing (a rule between)
CAPTION_REACH = 24.0  # points: a caption set beside a drawing, level with its top, stands this close to it
FRAME_RULE = 4.0  # points: a frame's sides are rules at most this thick
FRAME_REACH = 4.0  # points: a frame's sides meet its top rule's ends this closely
ADJOINING = 3.0  # points: panels this close, one above the other and as wide, are one panel
CHART_JOIN = 8.0  # points: drawings this close belong to one chart
MIN_MULTIPLES = 3  # panels of bars drawn apart, level with each other, that are one chart's small multiples
MIN_CHART_SHARE = 0.02  # of the printed page's area (half a spread's)
MAX_CHART_SHARE = 0.8
MAX_LABEL_WORDS = 6  # a chart label is a line of at most this many words ...
MAX_CATEGORIES = 16  # ... or a row of at most this many category names read as one line
MIN_LABEL_SHARE = 0.7  # ... and this share of the lines in a chart are labels
SENTENCE_WORDS = 10  # a line of this many words is running text
BAND_SHARE = 0.3  # a table's row band spans at least this share of the page's width ...
BAND_RATIO = 4.0  # ... and is at least this many times as wide as it is tall
MIN_BAND_RULES = 2  # rules as wide as each of a drawing's shapes that make them a table's shaded rows
MAX_KEY = 16.0  # points: a legend's key (a swatch, a dot; not a rule) is at most this wide and tall
DEBRIS_TOKENS = 3  # a line of at least this many tokens ...
DEBRIS_SHARE = 0.6  # ... this share of them one or two characters long is debris, not words
MAX_SENTENCE_SHARE = 0.15
CAPTION_SIZE_RATIO = 0.9  # a picture's caption is set at most this large against the page's usual type ...
CAPTION_STEP = 1.0  # points: ... or this much smaller than it (10 pt under 11 pt text) ...
PICTURE_CAPTION_LINES = 3  # ... or, in the text's own size within a line's height under it, at most this many
# lines standing apart (set in a colour the reader does not keep)
CASE_STUDY_TITLE_WORDS = 12  # an aside's title opening a page given over to a case study is at most this long
BAND_CAPTION_WORDS = 5  # a caption set over a picture's lower half is a sentence of at least this many words ...
BAND_CAPTION_SIZE = 1.2  # ... in type at most this large against the page's usual
MIN_ICON, MAX_ICON = 16.0, 48.0  # points: an icon bullet is this wide or tall at least (a legend's key is
# smaller: MAX_KEY) and at most ...
ICON_REACH = 36.0  # ... and stands this close left of its item's text
MIN_ICON_ITEMS = 3  # a list of icon bullets has at least this many items
ICON_ALIGN = 8.0  # points: the icons' left edges (and their items') agree this closely

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Region:
    kind: str  # "aside" or "chart"
    number: int  # 1, 2, ... in the document
    bbox: BBox


class Placed(NamedTuple):
    """A line of a page with its box and text (lines without a box have no place)."""

    line: int  # its index in the document's lines
    box: BBox
    text: str


def lines_to_regions(
    text: str,
    lines: Sequence[Line],
    pages: Sequence[Page],
    graphics: Sequence[PageGraphics],
    tables: Sequence[RawTable] = (),
    prose: Collection[int] = (),
    furniture: Collection[int] = (),
) -> dict[int, Region]:
    """Line index → the aside or chart region it lies in (lines of the body are not in the result). Lines of
    ``prose`` (tiles a lead-in announces as a list: :func:`~pipeline.layout.blocks.tiled_items`) are the body's,
    however short and whatever they are drawn on; lines of ``furniture`` (running headers, folios) are no
    aside's and no body beside one."""
    by_page: dict[int, list[Placed]] = {}
    for i, line in enumerate(lines):
        if line.page is not None and line.bbox is not None:
            by_page.setdefault(line.page, []).append(Placed(i, line.bbox, line_text(text, line)))
    pages_by_number = {p.number: p for p in pages}
    tabled = {p.line for t in tables for p in by_page.get(t.page, []) if t.bbox.holds_centre_of(p.box)}
    out: dict[int, Region] = {}
    number = 0
    frames_of = {d.page: _frames(d.drawings) for d in graphics if d.page in pages_by_number and by_page.get(d.page)}
    boxed = _boxed_pages(by_page, pages_by_number, graphics, tabled, frames_of)
    for drawn in graphics:
        page = pages_by_number.get(drawn.page)
        every = by_page.get(drawn.page, [])
        if page is None or not every:
            continue
        free = [p for p in every if p.line not in prose]  # the lines a region may take
        frames = frames_of[drawn.page]
        grids = [t for t in tables if t.page == drawn.page and t.strategy == "lines" and len(t.rows) >= 2]
        ruled = [t for t in grids if _filled_grid(t, every)]
        for box in _charts(every, drawn, page, frames, ruled, [t.bbox for t in grids]):
            number += 1
            for p in free:
                if p.line not in out and box.holds_centre_of(p.box):
                    out[p.line] = Region("chart", number, box)
        for run in _pull_quotes(lines, [p for p in free if p.line not in out], every):
            number += 1
            for p in run:
                out[p.line] = Region("aside", number, BBox.union([q.box for q in run]))
        for run in _quoted([p for p in free if p.line not in out and p.line not in tabled], lines):
            number += 1
            for p in run:
                out[p.line] = Region("aside", number, BBox.union([q.box for q in run]))
        for run in _barred([p for p in free if p.line not in out and p.line not in tabled], drawn, page):
            number += 1
            for p in run:
                out[p.line] = Region("aside", number, BBox.union([q.box for q in run]))
        mine = [p for p in free if p.line not in tabled and p.line not in furniture]  # a running header is no body
        boxed_here = lines if drawn.page in boxed else None
        runs_on = boxed_here is not None and _ends_in_aside(out, every[0].line)
        placed = [p.box for p in every if p.line in out]  # a chart's labels beside a panel are the page's too
        for box in _asides(
            [p for p in mine if p.line not in out], drawn, page, frames, boxed_here, runs_on, lines, placed
        ):
            number += 1
            for p in mine:
                if p.line not in out and box.holds_centre_of(p.box):
                    out[p.line] = Region("aside", number, box)
        if study := _case_study_page([p for p in mine if p.line not in out], lines):
            number += 1
            for p in study:
                out[p.line] = Region("aside", number, BBox.union([q.box for q in study]))
    return out


def _case_study_page(body: list[Placed], lines: Sequence[Line]) -> list[Placed]:
    """A page given over to a case study: its body opens with an aside's title on a line of its own ("Case Study
    2" over "The Dual Mode Seeker Brimstone"; :func:`patterns.aside_title`), so the whole of its body is the
    aside, though no panel is drawn (the page's background is the case study's), but for its footnotes (the
    lines at its foot in type smaller than the rest's, as CAPTION_SIZE_RATIO has it). Otherwise nothing."""
    if not body:
        return []
    first = min(body, key=lambda p: p.line)
    words = first.text.split()
    if len(words) > CASE_STUDY_TITLE_WORDS or not _titled([first]):
        return []
    usual = statistics.median(lines[p.line].font_size or 0.0 for p in body)
    ordered = sorted(body, key=lambda p: p.box.top)
    while ordered and (lines[ordered[-1].line].font_size or usual) < CAPTION_SIZE_RATIO * usual:
        ordered.pop()  # a footnote under the case study
    return ordered


def icon_items(lines: Sequence[Line], graphics: Sequence[PageGraphics], skip: Collection[int] = ()) -> set[int]:
    """Lines that open items of a list whose bullets are icons: a small picture or drawing (at least MIN_ICON
    and at most MAX_ICON points both ways, its paths joined) standing just left of a line (within ICON_REACH
    points) and level with it, the first line it is level with, which carries on no line right above it; at
    least MIN_ICON_ITEMS such lines on a page, at one left edge, their icons at one left edge too. Lines of
    ``skip`` (furniture, asides' and charts' lines, contents) take no part."""
    by_page: dict[int, list[tuple[int, BBox]]] = {}
    for i, line in enumerate(lines):
        if line.page is not None and line.bbox is not None and i not in skip:
            by_page.setdefault(line.page, []).append((i, line.bbox))
    out: set[int] = set()
    for drawn in graphics:
        mine = sorted(by_page.get(drawn.page, []), key=lambda found: found[1].top)
        small = [b for b in (*drawn.drawings, *drawn.images) if max(b.x1 - b.x0, b.bottom - b.top) <= MAX_ICON]
        icons = [
            box for box, _, _ in _clusters(small)
            if MIN_ICON <= max(box.x1 - box.x0, box.bottom - box.top) <= MAX_ICON
            and min(box.x1 - box.x0, box.bottom - box.top) >= MIN_ICON / 2  # not a rule
        ]  # fmt: skip
        items: list[tuple[BBox, int, BBox]] = []  # (icon, its line, the line's box)
        for icon in icons:
            level = [
                (i, box) for i, box in mine
                if 0 <= box.x0 - icon.x1 <= ICON_REACH and box.top < icon.bottom and icon.top < box.bottom
            ]  # fmt: skip
            if level and not _runs_on(level[0][1], mine):
                items.append((icon, *level[0]))
        for column in _aligned(items, lambda item: item[2].x0):  # the items' text at one left edge ...
            for run in _aligned(column, lambda item: item[0].x0):  # ... and their icons at one left edge
                if len(run) >= MIN_ICON_ITEMS:
                    out.update(i for _, i, _ in run)
    return out


def _aligned(items: Sequence[_T], edge: Callable[[_T], float]) -> list[list[_T]]:
    """The items in groups whose ``edge`` lies within ICON_ALIGN points of the group's first (leftmost)."""
    groups: list[list[_T]] = []
    for item in sorted(items, key=edge):
        if groups and edge(item) - edge(groups[-1][0]) <= ICON_ALIGN:
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _runs_on(box: BBox, mine: Sequence[tuple[int, BBox]]) -> bool:
    """True when the line carries on a line right above it, across its width and within the smaller one's
    height (a paragraph's middle line, set flush or centred)."""
    return any(
        other.x0 < box.x1 and box.x0 < other.x1 and other.top < box.top
        and 0 <= box.top - other.bottom <= min(box.bottom - box.top, other.bottom - other.top)
        for _, other in mine
    )  # fmt: skip


def picture_captions(
    text: str, lines: Sequence[Line], graphics: Sequence[PageGraphics], regions: Collection[int] = ()
) -> set[int]:
    """Lines that open a picture's caption: the first line under an image (within two of its line heights,
    across the image's width), set smaller than the page's usual type (CAPTION_SIZE_RATIO of it, or a point
    smaller: CAPTION_STEP) or standing apart in its own size (:func:`_stands_apart`); or a band of text across
    the picture's lower half (:func:`_band_over`); in no aside or chart (``regions``)."""
    by_page: dict[int, list[tuple[int, Line]]] = {}
    for i, line in enumerate(lines):
        if line.page is not None and line.bbox is not None and line.font_size and i not in regions:
            by_page.setdefault(line.page, []).append((i, line))
    out: set[int] = set()
    for drawn in graphics:
        mine = by_page.get(drawn.page, [])
        if not mine or not drawn.images:
            continue
        usual = statistics.median(line.font_size or 0.0 for _, line in mine)
        for image in drawn.images:
            if (band := _band_over(text, mine, image, usual)) is not None:
                out.add(band)
            under = [
                (i, line) for i, line in mine
                if line.bbox is not None and line.bbox.x0 >= image.x0 - EDGE and line.bbox.x1 <= image.x1 + EDGE
                and 0 <= line.bbox.top - image.bottom <= 2 * (line.bbox.bottom - line.bbox.top)
            ]  # fmt: skip
            if not under:
                continue
            i, line = min(under, key=lambda found: found[1].bbox.top if found[1].bbox else 0.0)
            size = round((line.font_size or usual) / TYPE_STEP) * TYPE_STEP  # 10.01 pt is 10 pt type
            smaller = size <= max(CAPTION_SIZE_RATIO * usual, usual - CAPTION_STEP)
            close = line.bbox is not None and line.bbox.top - image.bottom <= line.bbox.bottom - line.bbox.top
            own = close and size <= usual + TYPE_STEP and not line.bold and _stands_apart(text, lines, i)
            if len(line_text(text, line).split()) >= 2 and (smaller or own):
                out.add(i)
    return out


def _band_over(text: str, mine: Sequence[tuple[int, Line]], image: BBox, usual: float) -> int | None:
    """The line opening a caption set over its picture's lower half (a band across a photograph: "We will invest in
    potentially disruptive S&T, ..."): the only text on the picture, at most two lines one under the other, a
    sentence of at least BAND_CAPTION_WORDS words in regular type no larger than BAND_CAPTION_SIZE times the page's
    usual type (a banner's title is larger or bold; a picture behind a whole page carries all its text)."""
    inside = [
        (i, line) for i, line in mine
        if line.bbox is not None and line.bbox.x0 >= image.x0 - EDGE and line.bbox.x1 <= image.x1 + EDGE
        and line.bbox.top >= image.top and line.bbox.bottom <= image.bottom + EDGE
    ]  # fmt: skip
    if not inside or len(inside) > 2 or inside[-1][0] - inside[0][0] != len(inside) - 1:
        return None
    i, line = inside[0]
    if line.bbox is None or line.bold or (line.font_size or usual) > BAND_CAPTION_SIZE * usual:
        return None
    if line.bbox.top < (image.top + image.bottom) / 2 or len(line_text(text, line).split()) < BAND_CAPTION_WORDS:
        return None
    return i


def _stands_apart(text: str, lines: Sequence[Line], i: int) -> bool:
    """A caption in the text's own size right under its picture ("A Reservist soldier demonstrating a virtual
    reality" | "headset. Crown Copyright."): a sentence of at most PICTURE_CAPTION_LINES lines closing up under
    each other, opening in a capital and ending in a full stop, set apart from any line under it on its page by
    more than a line's height (the text going on under a picture runs on from above, or on for more lines; a
    name and role under a portrait is a signature)."""
    first = lines[i]
    if first.bbox is None or not line_text(text, first).lstrip()[:1].isupper():
        return False
    j = i
    while j + 1 < len(lines) and j - i < PICTURE_CAPTION_LINES:
        above, below = lines[j], lines[j + 1]
        if below.page != above.page or below.bbox is None or above.bbox is None:
            break
        if below.bbox.top - above.bbox.bottom > 0.5 * (above.bbox.bottom - above.bbox.top):
            break
        j += 1
    if j - i >= PICTURE_CAPTION_LINES:
        return False  # a paragraph going on under the picture
    last, after = lines[j], lines[j + 1] if j + 1 < len(lines) else None
    if not line_text(text, last).rstrip().endswith(".") or last.bbox is None:
        return False
    return (
        after is None or after.page != last.page or after.bbox is None or after.bbox.top < last.bbox.top
        or after.bbox.top - last.bbox.bottom > last.bbox.bottom - last.bbox.top
    )  # fmt: skip


def _asides(
    mine: list[Placed],
    drawn: PageGraphics,
    page: Page,
    frames: Sequence[BBox],
    boxed: Sequence[Line] | None = None,
    runs_on: bool = False,
    lines: Sequence[Line] = (),
    placed: Sequence[BBox] = (),
) -> list[BBox]:
    """The panels of a page that are asides (of at least MIN_ASIDE_LINES lines, or a shaded call-out of two
    lines of prose: :func:`_shaded_note`): beside enough of the body (BODY_SHARE), or opening with an aside's
    title (:func:`_titled`), or shaded and with a heading of their own under the page's body (:func:`_headed`;
    ``lines`` are the document's). A panel inside an aside is part of it; a panel inside one that is not an
    aside (a page set on a tint) is weighed against the tint's lines as its body, unless it runs to one of
    its edges (a ruled table's column, a title bar). The lines of the page's charts (``placed``) count as its
    body. ``boxed`` (the document's lines): the page is one of the few of its document whose text a single
    panel holds (:func:`_boxed_pages`), so that panel is an aside too when it holds one unit under one title
    (:func:`_one_title`), or carries on the aside the page before ended in (``runs_on``)."""
    candidates = _candidates(mine, drawn, page, frames, nested=True)
    shaded = _joined(drawn.panels)  # filled panels (a table's frame of rules with a title bar is not one)
    out: list[BBox] = []
    rejected: list[BBox] = []  # panels that are not asides: what they hold is the body around a panel inside
    for panel, half in candidates:
        if any(taken.holds_centre_of(panel) for taken in out):
            continue  # a panel inside an aside is part of it
        if any(r.holds_centre_of(panel) and _edge_to(r, panel) for r in rejected):
            rejected.append(panel)
            continue  # a cell, a column or a title bar of a panel that is not an aside (a ruled table)
        others = [c for c, _ in candidates if c is not panel and not (c in rejected and c.holds_centre_of(panel))]
        outside = [p.box for p in mine if not any(c.holds_centre_of(p.box) for c in (panel, *others))]
        outside += [b for b in placed if not panel.holds_centre_of(b)]
        inside = [p for p in mine if panel.holds_centre_of(p.box)]
        if len(inside) < MIN_ASIDE_LINES and not (panel in shaded and _shaded_note(inside, lines)):
            rejected.append(panel)
            continue
        body = [box for box in outside if half.holds_centre_of(box)]  # the body on the panel's printed page
        alone = boxed is not None and len(inside) >= MIN_BOXED_LINES and (runs_on or _one_title(inside, boxed))
        headed = panel in shaded and len(body) >= MIN_ASIDE_LINES and _headed(inside, lines, body)
        if BODY_SHARE * len(body) >= len(inside) or _titled(inside) or alone or headed:
            out.append(panel)
        else:
            rejected.append(panel)
    return out


def _shaded_note(inside: list[Placed], lines: Sequence[Line]) -> bool:
    """Two lines of prose on a shading of their own (a call-out: "UKGI has signed the Time to Change pledge,
    ..."): at least MIN_NOTE_LINES lines in regular type, one as long as a sentence; not a title bar."""
    return (
        len(inside) >= MIN_NOTE_LINES
        and any(_sentence(p.text) for p in inside)
        and not any(lines[p.line].bold for p in inside if p.line < len(lines))
    )


def _edge_to(outer: BBox, inner: BBox) -> bool:
    """The inner box runs to one of the outer one's edges (within ADJOINING points)."""
    return (
        abs(inner.top - outer.top) <= ADJOINING or abs(inner.bottom - outer.bottom) <= ADJOINING
        or abs(inner.x0 - outer.x0) <= ADJOINING or abs(inner.x1 - outer.x1) <= ADJOINING
    )  # fmt: skip


def _headed(inside: list[Placed], lines: Sequence[Line], body: Sequence[BBox]) -> bool:
    """The panel opens with a heading of its own (a short line, no sentence's end, set bold or larger over
    lines that are not) and stands under the page's body (body lines end above its top): a box the body
    leads into ("Market today"), not the page's content set on a tint from its top."""
    if not lines or len(inside) < 2:
        return False
    first, second, *_ = sorted(inside, key=lambda p: (p.box.top, p.box.x0))
    head, next_line = lines[first.line], lines[second.line]
    text = first.text.strip()
    set_apart = (head.bold and not next_line.bold) or (head.font_size or 0.0) > (next_line.font_size or 0.0) + 1
    above = sum(1 for b in body if b.bottom <= first.box.top)
    return (
        set_apart and above >= MIN_ASIDE_LINES and 0 < len(text.split()) <= MAX_TITLE_WORDS
        and not text.endswith((*_END_PUNCTUATION, ":"))
    )  # fmt: skip


def _ends_in_aside(out: dict[int, Region], first: int) -> bool:
    """The page before ended in an aside: the last line before line ``first`` (the page's first) that lies in a
    region lies in an aside, with at most BOXED_SLIP lines after it (a footer, a folio)."""
    before = max((i for i in out if i < first), default=None)
    return before is not None and out[before].kind == "aside" and first - before - 1 <= BOXED_SLIP


def _one_title(inside: list[Placed], lines: Sequence[Line]) -> bool:
    """The panel's first line is set larger than every other line in it: one title over its box's text, not
    headings of one rank over the sections of a page set on a tint."""
    first, *rest = sorted(inside, key=lambda p: (p.box.top, p.box.x0))
    size = lines[first.line].font_size or 0.0
    return bool(rest) and all((lines[p.line].font_size or 0.0) < size for p in rest)


def _candidates(
    mine: list[Placed], drawn: PageGraphics, page: Page, frames: Sequence[BBox], nested: bool = False
) -> list[tuple[BBox, BBox]]:
    """The panels that may be asides, largest first, each with the printed page it is on: none bleeding off the
    page or spanning it, none covering most of its printed page unless titled as an aside, none inside another
    (unless ``nested``: a box framed on a tinted page may be an aside where the tint is not)."""
    candidates: list[tuple[BBox, BBox]] = []
    for panel in sorted(_joined([*drawn.panels, *frames]), key=lambda box: box.area, reverse=True):
        half = _printed_page(page, panel)
        inside = [p for p in mine if panel.holds_centre_of(p.box)]
        if half is None or (_bleeds(panel, page, half) and not _quoting_band(panel, page, inside)):
            continue
        if panel.area > MAX_ASIDE_SHARE * half.area and not _titled(inside):
            continue  # the page's own content on a tint, unless it opens as an aside does ("Box 1: ...")
        if not nested and any(taken.holds_centre_of(panel) for taken, _ in candidates):
            continue  # a panel inside another is part of it
        candidates.append((panel, half))
    return candidates


def _quoting_band(panel: BBox, page: Page, inside: list[Placed]) -> bool:
    """A band running off one side of the page (not its top or foot) that holds a quotation: its first line
    opens with a quotation mark, a later one closes it, over at least PULL_WORDS words (a pull quote set on a
    band with the speaker's portrait), not a chapter's title band."""
    if panel.top <= EDGE or panel.bottom >= page.height - EDGE or not inside:
        return False
    ordered = sorted(inside, key=lambda p: (p.box.top, p.box.x0))
    words = sum(len(p.text.split()) for p in ordered)
    return (
        ordered[0].text.lstrip().startswith(patterns.OPENING_QUOTES)
        and any(p.text.rstrip().endswith(patterns.CLOSING_QUOTES) for p in ordered)
        and words >= PULL_WORDS
    )


def _boxed_pages(
    by_page: dict[int, list[Placed]],
    pages: dict[int, Page],
    graphics: Sequence[PageGraphics],
    tabled: Collection[int],
    frames_of: Mapping[int, Sequence[BBox]],
) -> set[int]:
    """The pages whose text one panel holds (all but BOXED_SLIP of its lines, a running header; on a spread,
    both halves'), when at most BOXED_SHARE of the document's pages with text are such pages: a document
    that sets its text on the page, with a few pages given over to a box (a minister's statement, a case
    study running on), where a document of such pages sets its text on a tint."""
    boxed: set[int] = set()
    for drawn in graphics:
        page = pages.get(drawn.page)
        mine = [p for p in by_page.get(drawn.page, []) if p.line not in tabled]
        if page is None or len(mine) < MIN_BOXED_LINES:
            continue
        candidates = _candidates(mine, drawn, page, frames_of[drawn.page])
        if len(candidates) != 1:
            continue
        panel, _ = candidates[0]
        inside = sum(panel.holds_centre_of(p.box) for p in mine)
        if inside >= MIN_BOXED_LINES and len(mine) - inside <= BOXED_SLIP:
            boxed.add(drawn.page)
    with_text = sum(len(lines) >= MIN_BOXED_LINES for lines in by_page.values())
    return boxed if len(boxed) <= BOXED_SHARE * with_text else set()


def _pull_quotes(lines: Sequence[Line], mine: list[Placed], every: list[Placed]) -> list[list[Placed]]:
    """Pull quotes: runs of at least PULL_LINES lines set in one size at least PULL_SIZE_RATIO times the page's
    usual size, of at least PULL_WORDS words (two letters or more), whose words the body of the same page says
    too (``every``: the page's lines, in reading order): a sentence lifted from the text and set large, not a
    heading."""
    sizes = [size for p in mine if (size := lines[p.line].font_size)]
    if not sizes:
        return []
    usual = statistics.median(sizes)
    runs: list[list[Placed]] = []
    for p in sorted(mine, key=lambda p: p.line):
        size = lines[p.line].font_size or 0
        if size < PULL_SIZE_RATIO * usual:
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and last.line == p.line - 1 and abs((lines[last.line].font_size or 0) - size) < 0.5:
            runs[-1].append(p)
        else:
            runs.append([p])
    body = "".join(squeeze(p.text) for p in every if (lines[p.line].font_size or 0) < PULL_SIZE_RATIO * usual)
    return [
        run for run in runs
        if len(run) >= PULL_LINES and _word_count(run) >= PULL_WORDS and squeeze(" ".join(p.text for p in run)) in body
    ]  # fmt: skip


def _barred(mine: list[Placed], drawn: PageGraphics, page: Page) -> list[list[Placed]]:
    """Call-outs marked by a bar: the lines set just right of a vertical bar (thicker than a rule, at most
    BAR_WIDTH wide, at least BAR_RATIO times as tall, less than half the page's height), at least
    MIN_ASIDE_LINES of them starting within BAR_REACH of it, within its height, with the lines indented
    under them ("£907 billion" / "Estimated global market ..." beside a green bar): an aside, not the
    body's text."""
    out: list[list[Placed]] = []
    for bar in (*drawn.panels, *drawn.drawings):
        width, height = bar.x1 - bar.x0, bar.bottom - bar.top
        if not (RULE_WIDTH <= width <= BAR_WIDTH and height >= BAR_RATIO * width and height < page.height / 2):
            continue
        top, bottom = bar.top - EDGE, bar.bottom + EDGE
        level = [p for p in mine if p.box.x0 >= bar.x1 and top <= p.box.top and p.box.bottom <= bottom]
        anchors = [p for p in level if p.box.x0 <= bar.x1 + BAR_REACH]
        reach = max((p.box.x1 for p in anchors), default=bar.x1)
        beside = [p for p in level if p.box.x0 < reach]  # and the lines indented under them (an item's)
        if len(anchors) >= MIN_ASIDE_LINES and not any(p in run for run in out for p in beside):
            out.append(sorted(beside, key=lambda p: p.line))
    return out


def _quoted(mine: list[Placed], lines: Sequence[Line]) -> list[list[Placed]]:
    """Quotations set beside the body: a run of lines at one left edge that opens with a quotation mark and
    closes one within QUOTE_LINES lines, with the short lines under it that say whose words they are
    (at most ATTRIBUTION_LINES, each at most ATTRIBUTION_WORDS words), every line level with a line of the
    page's text beside it that is at least 1 / NARROW_RATIO times as wide (a narrow column set into the
    body's, not a column of a page of equal columns) or set PULL_SIZE_RATIO times smaller (a quotation set
    large, the body's column narrowed around it): a testimonial, not the body's text."""
    ordered = sorted(mine, key=lambda p: p.line)
    out: list[list[Placed]] = []
    k = 0
    while k < len(ordered):
        run = _quotation(ordered, k)
        if run and all(_set_beside(p, mine, run, lines) for p in run):
            out.append(run)
            k += len(run)
        else:
            k += 1
    return out


def _quotation(ordered: list[Placed], k: int) -> list[Placed]:
    """The quotation opening at ``ordered[k]`` with its attribution, or nothing."""
    first = ordered[k]
    if not first.text.lstrip().startswith(patterns.OPENING_QUOTES):
        return []
    run = [first]
    for p in ordered[k + 1 : k + QUOTE_LINES]:
        if run[-1].text.rstrip().endswith(patterns.CLOSING_QUOTES):
            break
        if p.line != run[-1].line + 1 or abs(p.box.x0 - first.box.x0) > INDENT:
            return []
        run.append(p)
    if len(run) < PULL_LINES or not run[-1].text.rstrip().endswith(patterns.CLOSING_QUOTES):
        return []
    height = first.box.bottom - first.box.top
    for p in ordered[k + len(run) : k + len(run) + ATTRIBUTION_LINES]:
        last = run[-1]
        if (
            p.line != last.line + 1 or abs(p.box.x0 - first.box.x0) > INDENT
            or not 0 <= p.box.top - last.box.bottom <= height or len(p.text.split()) > ATTRIBUTION_WORDS
        ):  # fmt: skip
            break
        run.append(p)
    return run


def _set_beside(line: Placed, mine: list[Placed], run: list[Placed], lines: Sequence[Line]) -> bool:
    """A line of the page's text lies level with ``line`` and beside it, at least 1 / NARROW_RATIO times as
    wide or in type PULL_SIZE_RATIO times smaller."""
    width, size = line.box.x1 - line.box.x0, lines[line.line].font_size or 0.0

    def smaller(p: Placed) -> bool:
        return size >= PULL_SIZE_RATIO * (lines[p.line].font_size or size)

    return any(
        p not in run and p.box.top < line.box.bottom and line.box.top < p.box.bottom
        and (p.box.x1 <= line.box.x0 or line.box.x1 <= p.box.x0)
        and (width <= NARROW_RATIO * (p.box.x1 - p.box.x0) or (size > 0 and smaller(p)))
        for p in mine
    )  # fmt: skip


def _word_count(run: list[Placed]) -> int:
    """Words of two letters or more (a title set letter-spaced, "C O O P E R A T I V E", has none)."""
    return sum(sum(ch.isalnum() for ch in word) >= 2 for p in run for word in p.text.split())


def _titled(inside: list[Placed]) -> bool:
    """The panel's first line is an aside's title ("Case study: ...", "Box 2")."""
    if not inside:
        return False
    return bool(patterns.aside_title().match(min(inside, key=lambda p: (p.box.top, p.box.x0)).text.strip()))


def _frames(drawings: Sequence[BBox]) -> list[BBox]:
    """Boxes framed by rules: a rule across the top with a side rule down from each of its ends (a side may
    be drawn in pieces, stacked end to end); the frame reaches as low as its shorter side.

    >>> def box(x0, top, x1, bottom): return BBox(x0=x0, top=top, x1=x1, bottom=bottom)
    >>> sides = [box(64, t, 67, t + 15) for t in range(75, 180, 15)] + [box(529, 75, 532, 185)]
    >>> _frames([box(67, 72, 529, 75), *sides])
    [BBox(x0=64.0, top=72.0, x1=532.0, bottom=180.0)]
    """
    across = [d for d in drawings if d.bottom - d.top <= FRAME_RULE and d.x1 - d.x0 >= MIN_PANEL_WIDTH]
    upright = sorted((d for d in drawings if d.x1 - d.x0 <= FRAME_RULE and d.bottom > d.top), key=lambda d: d.top)
    sides: list[BBox] = []  # the side rules, pieces stacked end to end joined
    at: dict[int, list[int]] = {}  # sides by their left edge to the point: a map's thousands of strokes stay linear
    for piece in upright:
        near = sorted(k for x in range(round(piece.x0) - 2, round(piece.x0) + 3) for k in at.get(x, ()))
        for k in near:  # the first side made that this piece carries on, as the pieces come down the page
            side = sides[k]
            if abs(side.x0 - piece.x0) <= 1.0 and side.top <= piece.top <= side.bottom + 1.0:
                sides[k] = BBox.union([side, piece])
                if round(sides[k].x0) != round(side.x0):  # its left edge moved: file it where it now stands
                    at[round(side.x0)].remove(k)
                    at.setdefault(round(sides[k].x0), []).append(k)
                break
        else:
            at.setdefault(round(piece.x0), []).append(len(sides))
            sides.append(piece)
    by_middle: dict[int, list[int]] = {}
    for k, side in enumerate(sides):
        by_middle.setdefault(round((side.x0 + side.x1) / 2), []).append(k)
    out: list[BBox] = []
    for top in across:
        ends = []
        for x in (top.x0, top.x1):
            middles = range(round(x) - round(FRAME_REACH) - 1, round(x) + round(FRAME_REACH) + 2)
            made = sorted(k for m in middles for k in by_middle.get(m, ()))  # in the order the sides were made
            reaching = [
                side
                for side in (sides[k] for k in made)
                if abs((side.x0 + side.x1) / 2 - x) <= FRAME_REACH and abs(side.top - top.top) <= FRAME_REACH
            ]
            if reaching:
                ends.append(max(reaching, key=lambda s: s.bottom))
        if len(ends) == 2:
            frame = BBox.union([top, *ends])
            frame = BBox(x0=frame.x0, top=frame.top, x1=frame.x1, bottom=min(e.bottom for e in ends))
            if frame.bottom - frame.top >= MIN_PANEL_HEIGHT and frame not in out:
                out.append(frame)
    return out


def _bands(boxes: Sequence[BBox], page: Page) -> set[BBox]:
    """A table's row bands: wide flat boxes (at least BAND_SHARE of the page wide, BAND_RATIO times as wide as
    tall) each stacked edge to edge on another as wide; not a chart's bars.

    >>> page = Page(number=1, char_start=0, char_end=0, width=600, height=800, n_words=0, n_chars=0)
    >>> rows = [BBox(x0=30, top=top, x1=560, bottom=top + 13) for top in (100, 113, 126)]
    >>> len(_bands([*rows, BBox(x0=30, top=300, x1=400, bottom=313)], page))
    3
    """
    wide = [
        b for b in boxes if b.x1 - b.x0 >= BAND_SHARE * page.width and b.x1 - b.x0 >= BAND_RATIO * (b.bottom - b.top)
    ]
    return {
        a for a in wide
        if any(
            b is not a and _as_wide(a, b) and min(abs(b.top - a.bottom), abs(a.top - b.bottom)) <= ADJOINING
            for b in wide
        )
    }  # fmt: skip


def _shaded_rows(box: BBox, drawn: Sequence[BBox], mine: Sequence[Placed]) -> bool:
    """Whether every shape drawn in ``box`` is flat (BAND_RATIO times as wide as tall), holds a line of text
    and is as wide as at least MIN_BAND_RULES of the rules drawn in it: rows shaded here and there in a table
    ruled between its rows, not a chart's bars, areas or lines (which hold no line of text, are not as wide
    as its gridlines, or rise and fall).

    >>> rules = [BBox(x0=30, top=top, x1=300, bottom=top + 0.5) for top in (100, 118, 136, 154)]
    >>> row, box = BBox(x0=30, top=118.5, x1=300, bottom=136), BBox(x0=30, top=100, x1=300, bottom=155)
    >>> cells = [Placed(0, BBox(x0=35, top=123, x1=120, bottom=131), "Credit cards 16% 12%")]
    >>> _shaded_rows(box, [*rules, row], cells), _shaded_rows(box, [*rules, row], [])
    (True, False)
    >>> _shaded_rows(box, [*rules, row, BBox(x0=30, top=140, x1=90, bottom=150)], cells)  # and a bar
    False
    """
    inside = [d for d in drawn if box.holds_centre_of(d)]
    rules = [d for d in inside if not _shape(d)]
    shapes = [d for d in inside if _shape(d)]
    return bool(shapes) and all(
        s.x1 - s.x0 >= BAND_RATIO * (s.bottom - s.top)
        and sum(_as_wide(s, r) for r in rules) >= MIN_BAND_RULES
        and any(s.holds_centre_of(p.box) for p in mine)
        for s in shapes
    )


def _as_wide(a: BBox, b: BBox) -> bool:
    return abs(a.x0 - b.x0) <= ADJOINING and abs(a.x1 - b.x1) <= ADJOINING


def _joined(panels: Sequence[BBox]) -> list[BBox]:
    """Panels stacked edge to edge and as wide (a title bar over its box, a box continued) as one."""
    out: list[BBox] = []
    for panel in sorted(panels, key=lambda b: b.top):
        for k, other in enumerate(out):
            if _as_wide(other, panel) and other.top <= panel.top <= other.bottom + ADJOINING:
                out[k] = BBox.union([other, panel])
                break
        else:
            out.append(panel)
    return out


def _charts(
    mine: list[Placed],
    drawn: PageGraphics,
    page: Page,
    frames: Sequence[BBox],
    ruled: Sequence[RawTable] = (),
    grids: Sequence[BBox] = (),
) -> list[BBox]:
    """The page's charts: clusters of drawn shapes (or pictures) whose lines are labels, not set text, and
    not a ruled table's grid with its cells written in (``ruled``: a heatmap's coloured cells are a table's).
    A chart's labels, title and caption are not the lines of a ruled grid apart from its drawing (``grids``:
    the boxes of the page's ruled tables): a table set right over a chart is not the chart's. Nor are short
    lines on shading under a table's label (``TABLE 4``): a table of lists."""
    page_area = page.width * page.height
    table_label = patterns.table_label()
    # a bar chart's bars are filled; a small panel stacked on a large one as wide is the title bar of a box
    stacked = [j for j in _joined(drawn.panels) if j.area >= MAX_BAR_SHARE * page_area]
    bars = [
        p for p in drawn.panels
        if p.area < MAX_BAR_SHARE * page_area and not any(j.holds_centre_of(p) and _as_wide(j, p) for j in stacked)
    ]  # fmt: skip
    # a filled shape too large for a bar, with nothing written in it, over gridlines: a line chart's series drawn
    # as fills
    gridlines = [d for d in drawn.drawings if d.bottom - d.top <= RULE_WIDTH]
    series = [
        p for p in drawn.panels
        if MAX_BAR_SHARE * page_area <= p.area <= MAX_CHART_SHARE * page_area
        and not any(p.holds_centre_of(q.box) for q in mine)
        and sum(p.holds_centre_of(g) for g in gridlines) >= MIN_GRIDLINES
    ]  # fmt: skip
    # not the page's background, nor a backdrop behind a section (a shape too large for a bar that holds prose)
    drawings = [
        d for d in drawn.drawings if d.area <= MAX_CHART_SHARE * page_area and not _backdrop(d, mine, page_area)
    ]  # fmt: skip
    bands = _bands([*drawings, *drawn.panels], page)
    drawings = [d for d in drawings if d not in bands]
    candidates = _in_rows([b for b in _clusters([*drawings, *bars, *series]) if b[2] >= MIN_CHART_SHAPES], page)
    drawn_here = [*drawings, *bars]
    boxes = [box for box, _, _ in candidates if not _shaded_rows(box, drawn_here, mine)] + list(drawn.images)
    tabled = [*grids, *(t.bbox for t in ruled)]
    diagrams = [
        d for d in _captioned_drawings(mine, [s for s in drawn_here if _shape(s)])
        if not any(b.holds_centre_of(d) for b in boxes) and not any(t.overlap(d) > 0 for t in tabled)
    ]  # fmt: skip
    boxes += diagrams
    framing = [p for p in _joined([*drawn.panels, *frames]) if p.area <= MAX_CHART_SHARE * page_area]
    keys = [d for d in [*drawn.drawings, *drawn.panels] if _shape(d) and max(d.x1 - d.x0, d.bottom - d.top) <= MAX_KEY]
    out: list[BBox] = []
    for box in boxes:
        box = _clear_of_prose(mine, box)
        printed = _printed_page(page, box)  # on a spread, the half it is printed on
        least = MIN_CHART_SHARE * (printed.area if printed is not None else page_area)
        if not least <= box.area <= MAX_CHART_SHARE * page_area:
            continue
        if box.x0 <= EDGE or box.top <= EDGE or box.x1 >= page.width - EDGE or box.bottom >= page.height - EDGE:
            continue  # a decoration (or a photograph) bleeding off the page's edge
        if any(t.bbox.holds_centre_of(box) for t in ruled):
            continue
        apart = [g for g in grids if not g.overlap(box)]
        free = [p for p in mine if not any(g.holds_centre_of(p.box) for g in apart)]  # no other grid's lines
        box = _with_labels(free, _framing(free, _with_labels(free, box, keys), framing), keys)  # and round its frame
        inside = [p for p in free if box.holds_centre_of(p.box)]
        captioned = _with_caption(free, box)
        labelled = box in diagrams and not any(_sentence(p.text) for p in inside)  # a diagram's stacked labels
        if _set_lines(inside, keys) >= MAX_SET_SHARE * max(len(inside), 1) and inside and not labelled:
            continue  # running text over a drawing (a background, a decoration)
        if captioned != box:
            out.append(captioned)  # a captioned figure, even when its labels are drawn, not written
            continue
        if len(inside) < MIN_CHART_LINES:
            continue
        labels = sum(_label(p.text) for p in inside)
        sentences = sum(_sentence(p.text) for p in inside)
        if labels >= MIN_LABEL_SHARE * len(inside) and sentences <= MAX_SENTENCE_SHARE * len(inside):
            titled = _with_caption(free, box, titled=True)
            if not any(table_label.fullmatch(p.text) for p in free if titled.holds_centre_of(p.box)):
                out.append(titled)  # a table's label over short lines drawn on shading: a table of lists
    return out


def _backdrop(shape: BBox, mine: list[Placed], page_area: float) -> bool:
    """A shape drawn behind a part of the page, not a part of a chart: too large for a bar (MAX_BAR_SHARE of the
    page) and holding a line of running text that is no note (a section's tint behind its heading, an icon row
    and the paragraph under it). A chart's frame holds its labels, title and notes only.

    >>> tint, area = BBox(x0=70, top=280, x1=550, bottom=760), 595 * 842
    >>> prose = Placed(0, BBox(x0=85, top=720, x1=500, bottom=732), "Immediate key interventions in the highest "
    ...                "impact opportunities and the critical")
    >>> label = Placed(1, BBox(x0=90, top=407, x1=170, bottom=419), "Grow and level")
    >>> _backdrop(tint, [label, prose], area), _backdrop(tint, [label], area)
    (True, False)
    """
    if shape.area < MAX_BAR_SHARE * page_area:
        return False
    return any(shape.holds_centre_of(p.box) and _sentence(p.text) and not _note(p.text) for p in mine)


def _captioned_drawings(mine: list[Placed], drawn: Sequence[BBox]) -> list[BBox]:
    """Diagrams told by their caption: the shapes (at least MIN_CHART_SHAPES, not rules: a ruled table has a
    caption too; however small and far apart: a road of icons) between a figure's caption ("Figure 1 - ...
    streamlined approach ...") and the nearest line of running text over or under it, in its column."""
    caption = patterns.figure_caption()
    out: list[BBox] = []
    for c in mine:
        if not caption.match(c.text.strip()):
            continue
        column = [p.box for p in mine if p.box.x0 < c.box.x1 and c.box.x0 < p.box.x1 and _sentence(p.text)]
        ceiling = max((b.bottom for b in column if b.bottom <= c.box.top), default=0.0)
        floor = min((b.top for b in column if b.top >= c.box.bottom), default=float("inf"))
        near = [d for d in drawn if d.x0 < c.box.x1 + LABEL_REACH and c.box.x0 - LABEL_REACH < d.x1]
        for shapes in (
            [d for d in near if d.top >= ceiling and d.bottom <= c.box.top],  # over a caption under its figure
            [d for d in near if d.top >= c.box.bottom and d.bottom <= floor],  # under a title over its figure
        ):
            if len(shapes) >= MIN_CHART_SHAPES:
                out.append(BBox.union(shapes))
    return out


def _with_labels(mine: list[Placed], box: BBox, keys: Sequence[BBox] = ()) -> BBox:
    """The drawing's box grown by the short labels set just beside it (axis ticks and titles, a legend):
    lines of at most AXIS_LABEL_WORDS words (of MAX_LABEL_WORDS right under or over the drawing and no wider:
    a row of categories read as one line), a row of ticks (``0% 10% 20% ...``, after its category or not:
    ``Control 94% 97% 97%``) or a legend's entry (a line beside its key, however long: ``keys``), within
    LABEL_REACH points of its edge, beside or above or below it, taken until no more come (not a "Source:"
    line: that is the chart's caption). Rotated category labels, which the reader cuts into a line per
    letter, come a few points at a time."""
    source, caption = patterns.source_note(), patterns.figure_caption()
    near_by = [p for p in mine if not source.match(p.text.strip())]  # a source line below is the chart's caption
    labels = [
        p.box for p in near_by
        if len(p.text.split()) <= AXIS_LABEL_WORDS or TICKS.match(p.text) or LABELLED_TICKS.match(p.text)
        or _debris(p.text) or any(_key_of(key, p.box) for key in keys)
    ]  # fmt: skip
    axis = [  # a row of category labels the reader reads as one line ("Northern Regions London & South East")
        p.box for p in near_by
        if (_words(p.text) <= MAX_LABEL_WORDS or _categories(p.text))
        and _under_or_over(p.box, box) and not caption.match(p.text.strip())
    ]  # fmt: skip
    legend = _legend_entries(near_by, keys)
    grown = BBox.union([box, *axis])
    for _ in range(LABEL_ROUNDS):
        near = [b for b in labels if not grown.holds_centre_of(b) and _beside(b, grown)]
        near += [b for b in legend if not grown.holds_centre_of(b) and _beside(b, grown, LEGEND_REACH, LEGEND_DROP)]
        if not near:
            break
        grown = BBox.union([grown, *near])
    return grown


def _legend_entries(mine: list[Placed], keys: Sequence[BBox]) -> list[BBox]:
    """The boxes of a legend's entries: a line beside its key (a mark standing alone, not one of a pattern of
    dots: :func:`_next_mark`), with the lines it wraps onto (right under it, at its left edge, with no key of
    their own)."""
    lone = [key for key in keys if not any(k is not key and _next_mark(key, k) for k in keys)]
    entries = [p.box for p in mine if any(_key_of(key, p.box) for key in lone)]
    by_height = sorted(mine, key=lambda p: p.box.top)
    out: list[BBox] = []
    for entry in entries:
        height = entry.bottom - entry.top
        box = entry
        for p in by_height:
            wraps = abs(p.box.x0 - box.x0) <= INDENT and 0 <= p.box.top - box.bottom <= height / 2
            if wraps and p.box not in entries:
                box = BBox.union([box, p.box])
        out.append(box)
    return out


def _next_mark(key: BBox, other: BBox) -> bool:
    """Another mark level with the key and within MAX_KEY points of it: a pattern of dots or a row of icons,
    not a legend's key standing alone before its entry."""
    level = other.top < key.bottom and key.top < other.bottom
    return level and max(key.x0 - other.x1, other.x0 - key.x1, 0.0) <= MAX_KEY


def _categories(text: str) -> bool:
    """A row of category names read as one line ("BEIS DfE MoD HMT MHCLG DHSC CO"): up to MAX_CATEGORIES
    words, each opening in a capital or a digit, none ending a clause; prose has words in lower case.

    >>> _categories("BEIS DfE MoD HMT MHCLG DHSC CO DfT FCO DIT DCMS MoJ"), _categories("BEIS worked with DfE")
    (True, False)
    """
    words = text.split()
    return (
        2 <= len(words) <= MAX_CATEGORIES
        and all(w[0].isupper() or w[0].isdigit() for w in words)
        and not any(w.endswith((*_END_PUNCTUATION, ",", ";", ":")) for w in words)
    )


def _words(text: str) -> int:
    """How many words the line has, not counting signs standing alone ("&", "–")."""
    return sum(any(c.isalnum() for c in w) for w in text.split())


def _under_or_over(line: BBox, box: BBox) -> bool:
    """Within LABEL_REACH points under or over the box and no wider than it: where an axis's labels stand."""
    dy = max(box.top - line.bottom, line.top - box.bottom, 0.0)
    return line.x0 >= box.x0 - LABEL_REACH and line.x1 <= box.x1 + LABEL_REACH and dy <= LABEL_REACH


def _framing(mine: list[Placed], box: BBox, panels: Sequence[BBox]) -> BBox:
    """The chart's box grown to the panels that frame it, each holding nothing else but labels (a legend's
    entries, of at most MAX_LABEL_WORDS words), notes and sources (:func:`_note`) and a few other short lines
    (the chart's title): a chart drawn in a box is the box.

    >>> def at(x0, top, x1, bottom): return BBox(x0=x0, top=top, x1=x1, bottom=bottom)
    >>> title = Placed(0, at(110, 60, 250, 70), "Top motivators to visit Britain")
    >>> _framing([title], at(120, 100, 480, 350), [at(90, 55, 550, 390)]) == at(90, 55, 550, 390)
    True
    """
    for panel in sorted(panels, key=lambda box: box.area):
        if not panel.holds_centre_of(box) or BBox.union([box, panel]) == box:
            continue  # a bar or a key inside the chart frames nothing
        extra = [p for p in mine if panel.holds_centre_of(p.box) and not box.holds_centre_of(p.box)]
        worded = [p for p in extra if len(p.text.split()) > MAX_LABEL_WORDS]  # not a legend's entry, a tick
        prose = [p for p in extra if _sentence(p.text) and not _note(p.text)]
        if len(worded) > CAPTION_LINES or prose:
            return box
        box = BBox.union([box, panel])  # and the panel holding this one may frame it too (a pie on a tint)
    return box


def _note(text: str) -> bool:
    """A chart's source or note line: ``Source: ...``, ``Note: ...``, ``* Kids in household ** ...``."""
    return patterns.source_note().match(text.strip()) is not None or text.lstrip().startswith(NOTE_MARKS)


def _beside(line: BBox, box: BBox, reach: float = LABEL_REACH, drop: float = LABEL_REACH) -> bool:
    """Level with the box and within ``reach`` points beside it, or across its width and within ``drop``
    points over or under it (both LABEL_REACH for a chart's labels)."""
    across = line.x1 > box.x0 and line.x0 < box.x1
    level = line.bottom > box.top and line.top < box.bottom
    dx = max(box.x0 - line.x1, line.x0 - box.x1, 0.0)
    dy = max(box.top - line.bottom, line.top - box.bottom, 0.0)
    return (level and dx <= reach) or (across and dy <= drop)


def _with_caption(mine: list[Placed], box: BBox, titled: bool = False) -> BBox:
    """The chart's box grown up to its caption ("Figure 3 ...", "FIG A.1", "Chart 2:") when one heads the stack of lines
    just above it (each over the drawing or at the stack's left edge, within two line heights of the next, at most
    CAPTION_LINES besides the small print of a source or notes; the first within CAPTION_GAP of its or the page's usual
    line heights of the drawing, a rule or a little more space parting them): the caption, its title and source lines
    belong to the chart; without one, and when ``titled`` (the box is a chart by its labels), up to the title line right
    over it (:func:`_title_of`)."""
    pattern = patterns.figure_caption()
    stack: list[Placed] = []
    edge = box.top
    body = _body_height(mine)
    for found in sorted((p for p in mine if p.box.bottom <= box.top + EDGE), key=lambda p: -p.box.bottom):
        across = found.box.x1 > box.x0 and found.box.x0 < box.x1
        if not across and not (stack and abs(found.box.x0 - stack[-1].box.x0) <= 2 * INDENT):
            continue  # neither over the drawing nor at the left edge of the stack (a kicker: "FIG 14")
        height = found.box.bottom - found.box.top
        if sum(_full_size(p, body) for p in stack) >= CAPTION_LINES or len(stack) >= NOTE_LINES:
            break
        if edge - found.box.bottom > (2 * height if stack else CAPTION_GAP * max(height, body)):
            break
        stack.append(found)
        edge = found.box.top
    captions = [k for k, p in enumerate(stack) if pattern.match(p.text.strip())]
    if captions:
        return BBox.union([box, *(p.box for p in stack[: captions[-1] + 1])])
    if stack and box.top - stack[0].box.bottom > 2 * (stack[0].box.bottom - stack[0].box.top):
        stack = []  # a title without a "Figure N" stands closer: within two of its heights
    under = _caption_under_or_beside(mine, box)
    if under is not None:
        return BBox.union([box, *(p.box for p in _caption_lines(mine, under))])
    if titled and stack and _title_of(stack[0], box, body):
        return BBox.union([box, stack[0].box])
    return box


def _full_size(line: Placed, body: float) -> bool:
    """Set in the page's usual type or larger: not a source's or a note's small print."""
    return line.box.bottom - line.box.top >= CAPTION_SIZE_RATIO * body


def _caption_under_or_beside(mine: list[Placed], box: BBox) -> Placed | None:
    """A caption ("Figure 12. ...") set right under the drawing, or beside it level with its top: the first
    line there, within two of its line heights (across) or CAPTION_REACH points (beside)."""
    pattern = patterns.figure_caption()
    for p in sorted(mine, key=lambda p: (p.box.top, p.box.x0)):
        height = p.box.bottom - p.box.top
        across = p.box.x1 > box.x0 and p.box.x0 < box.x1
        under = across and 0 <= p.box.top - box.bottom + EDGE <= 2 * height
        dx = max(box.x0 - p.box.x1, p.box.x0 - box.x1)
        beside = 0 <= dx <= CAPTION_REACH and abs(p.box.top - box.top) <= 2 * height
        if (under or beside) and pattern.match(p.text.strip()):
            return p
    return None


def _caption_lines(mine: list[Placed], caption: Placed) -> list[Placed]:
    """The caption's line and the lines its sentence runs on over: each right under the one before (within
    a line's height), at its left edge, while the one before ends in no full stop (at most CAPTION_LINES).

    >>> def at(top): return BBox(x0=40, top=top, x1=480, bottom=top + 10)
    >>> first = Placed(0, at(700), "Figure 3 - A selection of the strategies to which the")
    >>> lines = [first, Placed(1, at(711), "strategy relates. Grey ones are to come."), Placed(2, at(722), "Body.")]
    >>> [p.line for p in _caption_lines(lines, first)]
    [0, 1]
    """
    out = [caption]
    for p in sorted(mine, key=lambda p: p.box.top):
        last = out[-1].box
        if len(out) >= CAPTION_LINES or out[-1].text.rstrip().endswith((".", "!", "?")):
            break
        if 0 <= p.box.top - last.bottom <= last.bottom - last.top and abs(p.box.x0 - last.x0) <= 2 * INDENT:
            out.append(p)
    return out


def _clear_of_prose(mine: list[Placed], box: BBox) -> BBox:
    """The drawing's box without the lines of running text it reaches over at its top or bottom edge: a line
    as long as a sentence, in the box's first or last line's height, whose paragraph goes on just outside the
    box (a line right above or under it at its left edge) is the paragraph's, not the chart's (a picture's or
    an invisible frame's box overlapping the text next to it).

    >>> def at(top, x1=500): return BBox(x0=60, top=top, x1=x1, bottom=top + 10)
    >>> body = [Placed(0, at(476), "their common economic, social and cultural needs and aspirations through an"),
    ...         Placed(1, at(492), "controlled democratically by all members of the cooperative (Alliance, 1995).")]
    >>> cleared = _clear_of_prose([*body, Placed(2, at(560, 120), "Sharing economy")], BBox.union([at(485), at(780)]))
    >>> cleared.top, cleared.bottom
    (502.0, 790.0)
    """
    top, bottom = box.top, box.bottom
    for p in sorted(mine, key=lambda p: p.box.top):
        if top >= bottom:
            break  # all of it prose: nothing of a drawing is left
        inside = BBox(x0=box.x0, top=top, x1=box.x1, bottom=bottom).holds_centre_of(p.box)
        height = p.box.bottom - p.box.top
        if not inside or not _sentence(p.text) or p.box.top - top > height:
            continue
        if any(0 <= p.box.top - q.box.bottom <= height and abs(q.box.x0 - p.box.x0) <= 2 * INDENT
               and q.box.top + q.box.bottom < 2 * top for q in mine):  # fmt: skip
            top = p.box.bottom
    for p in sorted(mine, key=lambda p: -p.box.bottom):
        if top >= bottom:
            break
        inside = BBox(x0=box.x0, top=top, x1=box.x1, bottom=bottom).holds_centre_of(p.box)
        height = p.box.bottom - p.box.top
        if not inside or not _sentence(p.text) or bottom - p.box.bottom > height:
            continue
        if any(0 <= q.box.top - p.box.bottom <= height and abs(q.box.x0 - p.box.x0) <= 2 * INDENT
               and q.box.top + q.box.bottom > 2 * bottom for q in mine):  # fmt: skip
            bottom = p.box.top
    return (
        box if (top, bottom) == (box.top, box.bottom) else BBox(x0=box.x0, top=top, x1=box.x1, bottom=max(bottom, top))
    )


def _body_height(mine: list[Placed]) -> float:
    """The page's usual line height (its median)."""
    return statistics.median(p.box.bottom - p.box.top for p in mine) if mine else 0.0


def _title_of(line: Placed, box: BBox, body: float) -> bool:
    """A line just over a chart that titles it though no "Figure N" names it ("Top motivators to visit
    Britain"): short, capitalised, not a sentence nor a numbered heading, no wider than the chart, and set
    at most TITLE_SIZE_RATIO times the page's text (``body``: its usual line height): a subtitle's type
    ("Industrial Strategy is built on 5 foundations"), not a page's title (a larger line is a heading)."""
    text = line.text.strip()
    margin = TITLE_OVERHANG * (box.x1 - box.x0)
    return (
        0 < len(text.split()) <= MAX_TITLE_WORDS
        and line.box.bottom - line.box.top <= TITLE_SIZE_RATIO * body
        and text[0].isupper()
        and not text.endswith((*_END_PUNCTUATION, ":"))
        and patterns.numbered_heading().match(text) is None
        and line.box.x0 >= box.x0 - margin
        and line.box.x1 <= box.x1 + margin
    )


def _label(text: str) -> bool:
    """A chart's label: a line of at most MAX_LABEL_WORDS words, the debris of rotated labels, a row of ticks,
    or a category followed by its bar's value, one, shorter than a sentence ("MA SANTÉ PHYSIQUE ET MENTALE 42%").

    >>> _label("Businesses 12%"), _label("Access to finance for the smallest firms in the region 12%")
    (True, False)
    >>> _label("Share of small firms by region 12% 14% 9%")
    False
    >>> _label("Share of small firms that export 14%"), _label("0% 5% 10% 15% 20% 25% 30% 35%")
    (True, True)
    """
    words = text.split()
    if len(words) <= MAX_LABEL_WORDS or _debris(text) or TICKS.match(text):
        return True
    valued = re.fullmatch(_TICK, words[-1]) is not None and re.fullmatch(_TICK, words[-2]) is None
    return len(words) < SENTENCE_WORDS and valued  # one value: a table's row has several


def _sentence(text: str) -> bool:
    """A line as long as running text, and not the debris of rotated labels."""
    return len(text.split()) >= SENTENCE_WORDS and not _debris(text)


def _key_of(key: BBox, line: BBox) -> bool:
    """A legend's key: a mark level with the line, ending just left of it."""
    return key.top < line.bottom and line.top < key.bottom and 0 <= line.x0 - key.x1 <= LABEL_REACH


def _debris(text: str) -> bool:
    """A line of letters and fragments, not words: rotated labels (a bar chart's categories set upright) that
    the reader cut across into one line per height ("r m e m c mi r N r e bl a t fi").

    >>> _debris("o s w s s s g s g s n- s"), _debris("a key part of the UK economy")
    (True, False)
    """
    tokens = text.split()
    return len(tokens) >= DEBRIS_TOKENS and sum(len(t) <= 2 for t in tokens) >= DEBRIS_SHARE * len(tokens)


def _set_lines(inside: list[Placed], keys: Sequence[BBox] = ()) -> int:
    """How many of the lines are set as text is: in runs of three or more lines at one left edge, each
    within a line's height of the one above (a column of prose, however narrow), not scattered labels,
    nor a legend's entries (each beside its key, a small mark just left of it: ``keys``)."""
    by_edge: dict[int, list[BBox]] = {}
    for p in inside:
        if _debris(p.text) or not any(sum(c.isalpha() for c in w) >= 3 for w in p.text.split()):
            continue  # a tick, or letters of a rotated title the reader cut into one line each
        if any(_key_of(key, p.box) for key in keys):
            continue
        by_edge.setdefault(round(p.box.x0 / INDENT), []).append(p.box)
    count = 0
    for column in by_edge.values():
        column.sort(key=lambda b: b.top)
        run = 1
        for above, below in itertools.pairwise(column):
            if 0 <= below.top - above.bottom <= above.bottom - above.top:
                run += 1
            else:
                count += run if run >= 3 else 0
                run = 1
        count += run if run >= 3 else 0
    return count


def _clusters(boxes: Sequence[BBox]) -> list[tuple[BBox, int, int]]:
    """Boxes within CHART_JOIN points of each other merged: each cluster's box, how many drawings it
    holds, and how many of them are shapes (bars, wedges, curves, marks) rather than rules. A sweep down
    the page: a cluster whose bottom lies above the next box by more than CHART_JOIN is closed, so a page
    of thousands of paths (a map) costs in proportion to the clusters open at once."""
    done: list[tuple[BBox, int, int]] = []
    active: list[tuple[BBox, int, int]] = []
    for box in sorted(boxes, key=lambda b: (b.top, b.x0)):
        done += [c for c in active if c[0].bottom + CHART_JOIN < box.top]
        active = [c for c in active if c[0].bottom + CHART_JOIN >= box.top]
        shape = int(_shape(box))
        grown, count, shapes = box, 1, shape
        keep: list[tuple[BBox, int, int]] = []
        for other, n, k in active:
            if _near(grown, other):
                grown, count, shapes = BBox.union([grown, other]), count + n, shapes + k
            else:
                keep.append((other, n, k))
        active = [*keep, (grown, count, shapes)]
    return done + active


def _in_rows(clusters: list[tuple[BBox, int, int]], page: Page) -> list[tuple[BBox, int, int]]:
    """The clusters with the panels of one chart drawn apart merged (small multiples: a column of bars per
    stage): at least MIN_MULTIPLES clusters level with each other (tops and bottoms within EDGE points), each
    apart from the next by no more than the widest of them, on one printed page (not across a spread's fold).

    >>> def bars(x0): return (BBox(x0=x0, top=300, x1=x0 + 55, bottom=500), 5, 2)
    >>> page = Page(number=1, char_start=0, char_end=0, width=1200, height=800, n_words=0, n_chars=0)
    >>> [(round(b.x0), round(b.x1), n) for b, n, _ in _in_rows([bars(740), bars(840), bars(940), (BBox(x0=40, top=80,
    ...     x1=90, bottom=90), 3, 3)], page)]
    [(40, 90, 3), (740, 995, 15)]
    """
    out: list[tuple[BBox, int, int]] = []
    rest = sorted(clusters, key=lambda c: (round(c[0].top), c[0].x0))
    while rest:
        first, *rest = rest
        row = [first]
        for c in rest:
            last, width = row[-1][0], max(r[0].x1 - r[0].x0 for r in (*row, c))
            level = abs(c[0].top - first[0].top) <= EDGE and abs(c[0].bottom - first[0].bottom) <= EDGE
            if level and 0 <= c[0].x0 - last.x1 <= width and _printed_page(page, BBox.union([first[0], c[0]])):
                row.append(c)
        if len(row) < MIN_MULTIPLES:
            out.append(first)
            continue
        rest = [c for c in rest if all(c is not r for r in row)]
        out.append((BBox.union([r[0] for r in row]), sum(r[1] for r in row), sum(r[2] for r in row)))
    return out


def _filled_grid(table: RawTable, mine: Sequence[Placed]) -> bool:
    """A table found by its rules, of at least MIN_GRID_ROWS rows, a grid (few cells spanning) whose cells are
    nearly all written in (a chart's gridlines and bars make cells too, mostly empty)."""
    positions = [c for row in table.rows for c in row]
    cells = [c for c in positions if c is not None]
    if table.strategy != "lines" or len(table.rows) < MIN_GRID_ROWS or len(cells) < FILLED_SHARE * len(positions):
        return False  # not a grid: few rows, or cells spanning as an infographic's panels do
    boxes = [p.box for p in mine if table.bbox.holds_centre_of(p.box)]
    written = sum(
        any(b.x0 < c.x1 and c.x0 < b.x1 and b.top < c.bottom and c.top < b.bottom for b in boxes) for c in cells
    )
    return written >= FILLED_SHARE * len(cells)


def _shape(box: BBox) -> bool:
    """A drawn shape (a bar, a wedge, a mark, a swatch), not a rule: thicker than RULE_WIDTH both ways."""
    return min(box.x1 - box.x0, box.bottom - box.top) > RULE_WIDTH


def _near(a: BBox, b: BBox) -> bool:
    return (
        a.x0 - CHART_JOIN <= b.x1 and b.x0 - CHART_JOIN <= a.x1 and a.top - CHART_JOIN <= b.bottom
        and b.top - CHART_JOIN <= a.bottom
    )  # fmt: skip


def _printed_page(page: Page, box: BBox) -> BBox | None:
    """The printed page (the whole page, or the half of a spread) the box lies on; None across a fold."""
    if not page.spread:
        return BBox(x0=0, top=0, x1=page.width, bottom=page.height)
    middle = page.width / 2
    if box.x1 <= middle + EDGE:
        return BBox(x0=0, top=0, x1=middle, bottom=page.height)
    if box.x0 >= middle - EDGE:
        return BBox(x0=middle, top=0, x1=page.width, bottom=page.height)
    return None


def _bleeds(panel: BBox, page: Page, half: BBox) -> bool:
    """The panel runs off the page (a background, a band) or spans its printed page edge to edge; not a
    sidebar bleeding off one side of the page, at most SIDEBAR_SHARE of its printed page wide.

    >>> page = Page(number=1, char_start=0, char_end=0, width=595, height=842, n_words=0, n_chars=0)
    >>> whole = BBox(x0=0, top=0, x1=595, bottom=842)
    >>> [_bleeds(BBox(x0=x0, top=200, x1=x1, bottom=700), page, whole) for x0, x1 in ((300, 595), (0, 400), (60, 500))]
    [False, True, False]
    """
    off_top_or_bottom = panel.top <= EDGE or panel.bottom >= page.height - EDGE
    off_side = panel.x0 <= EDGE or panel.x1 >= page.width - EDGE
    sidebar = panel.x1 - panel.x0 <= SIDEBAR_SHARE * (half.x1 - half.x0)
    edge_to_edge = panel.x0 <= half.x0 + EDGE and panel.x1 >= half.x1 - EDGE
    return off_top_or_bottom or (off_side and not sidebar) or edge_to_edge
