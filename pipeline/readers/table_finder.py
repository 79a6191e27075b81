"""Tables without ruling lines, found from how the words of a PDF page line up.

pdfplumber's ``lines`` strategy finds ruled tables; most statistical tables are drawn with a rule
or two at most, or none. Here a table is a run of lines (in reading order, so a page's text columns
never pass for table columns) that break into several pieces at wide gaps, with at most a few
single-piece lines among them (a section label, a wrapped label). Its columns are the gutters:
x-ranges that hardly any of its lines print across. Then, line by line, the words are cut at the
gutters into cells; a header cell that crosses a gutter spans those columns; a line that continues the
label above it (it starts in lower case or a bracket, and one of the two holds nothing else) joins that row; the
header lines above the first row of figures become one header row, apart from the lines whose cells
span columns, which stay rows of their own. A long list set in blocks side by side under its header
printed again over each block is a table per block, as the header says. In a monospaced font a space is as
wide as a figure, so a gutter must be wider than a space on some line.

What it returns are cell boxes, as pdfplumber returns for ruled tables, so :mod:`pipeline.tables.build`
fills and numbers both kinds the same way. Lists (a column of bullets or numerals), contents pages
(labels and ascending page numbers) and two columns of running text are not tables.

Pure functions over pdfplumber word dicts (``x0``, ``x1``, ``top``, ``bottom``, ``size``, ``text``),
tested without a PDF.
"""

from __future__ import annotations

import functools
import itertools
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.language import patterns
from pipeline.language.numbers import UNIT_CURRENCY_WORDS, bare_figure, ends_in_leaders
from pipeline.language.scales import SPELLED_SCALES
from pipeline.models import BBox, RawTable
from pipeline.readers.reading_order import banded_lines, line_fragments, margin_bands, words_box
from pipeline.readers.repair import drawn_bullet

Word = dict[str, Any]

SPACE_RATIO = 0.25  # a space is this many font sizes wide
PIECE_GAP_RATIO = 0.9  # a gap this many font sizes wide separates two pieces of a line
ROW_GAP_RATIO = 1.6  # lines further apart than this many font sizes are not in one table
ALIGNED_GAP_RATIO = 3.0  # ... unless both print the same columns of several pieces, up to this far apart
MIN_ALIGNED_PIECES = 3  # pieces two lines must line up on to be rows of one table set widely apart
MIN_TABLE_LINES = 3  # lines of several pieces a table needs
MAX_SINGLE_RUN = 2  # single-piece lines a table may hold in a row (section labels, wrapped labels)
GUTTER_TOLERANCE = 0.1  # share of the lines that may print across a gutter (long labels)
MIN_GUTTER_RATIO = 0.4  # a gutter is at least this many font sizes wide (wider than a space)
MONO_GUTTER_CHARS = 1.5  # in a monospaced font, a gap no line prints wider than this many characters is a space
MONO_WIDTH_SPREAD = 0.05  # spread of words' widths per character that makes a font monospaced
MIN_MONO_WORDS = 10  # words of three characters or more needed to tell
MAX_HEADER_LINES = 6
GROUP_HEADINGS = 2  # headings on a header line over groups of the columns headed on the line below
GROUP_CENTRING = 0.15  # how far off its group's centre such a heading may be, in the group's width
EDGE_SLIP = 0.5  # points: two lines set flush left or right start or end this close
FRAME_INSET = 12.0  # points: a box framing a group's label starts at most this far left of its table's left edge ...
FRAME_SLIP = 3.0  # ... and at most this far right of it
LABEL_LEADING = 0.5  # font sizes of space at most between two lines of one label wrapped in its box
LEVEL_SLIP = 0.25  # font sizes a line's middle may lie off a row's middle and still be level with it
MAX_LABEL_LINES = 4  # lines a group's label wraps over at most
MIN_AXIS_TICKS = 4  # evenly stepping values on one line that make a chart's axis
MAX_LEGEND_ROWS = 3  # lines of legend a chart's axis may have under it
LEGEND_AXIS = re.compile(r"\((?:LHS|RHS|left[- ]hand (?:side|scale|axis)|right[- ]hand (?:side|scale|axis))\)", re.I)
LABEL_WORDS = 6  # words of a line in a column of row labels
MAX_HEADER_BAND_ROWS = 2  # rows of a ruled band of column headings over an unruled table
PANEL_ROWS = 3  # rows of a ruled grid of boxes that frame lists rather than tabulate
PANEL_LINES = 5  # lines of text in a ruled box that make it a passage of text, not a table cell
MIN_CUT_WORDS = 2  # words a box's side runs through that make its rules something other than a table's ...
CUT_SLIP = 1.0  # ... each reaching this many points past the side on both hands
ONE_COLUMN_SLIP = 0.1  # share of a one-column panel's rows where a word strays over a rule into a next box
HEADER_CELL_WORDS = 6  # words of a column heading in a ruled table of passages
RUNNING_TEXT_CHARS = 30  # median characters of a cell of running text
UNDER_SPLIT_SHARE = 0.2  # share of a ruled table's words in cells its rules leave holding several columns
MIN_SHARED_LINES = 2  # lines of a ruled table's words an unruled reading across it takes to have read its rows
SHARED_REGION = 0.5  # share of the smaller table's box another table found covers: one region, found twice
MIN_FILLED_SHARE = 0.4  # share of a table's positions that hold text
SCATTERED_SHARE = 0.25  # share of one- or two-letter cells in a chart's rotated labels
PROSE_LOWER_SHARE = 0.3  # share of cells starting in lower case in text set in columns
ROW_RULED_GUTTER = 1.0  # font sizes: a gutter between the columns of a table ruled between its rows only ...
MIN_RULED_COLUMNS, MAX_RULED_COLUMNS = 2, 8  # ... which has this many columns ...
ROW_RULED_FILLED = 0.75  # ... written in over this share of its positions
TITLE_SIZE = 1.15  # a line over a table set this many times larger than its body is its title, not its header
TABLE_LABEL = patterns.table_label()  # TABLE 12 alone on its line
HEADING_WIDTH = 3.0  # a column's heading is at most this many times as wide as its figures
WRAPPED_BESIDE = 4.0  # font sizes past a header line's last piece that a heading wrapped beside it may start
HEADING_LINES = 2  # single-piece lines over a table's first row that head it: a heading over its unit
LABEL_TITLE_LINES = 3  # title lines between a table's label and its column headings
COLUMN_BREAK_LINES = 2.5  # line heights of space that end a column of a table of lists
CAPTION_REACH_LINES = 3  # lines over a table searched for its caption ...
CAPTION_REACH_SIZES = 10.0  # ... within this many font sizes of its first rule
SOURCE_OR_NOTE = re.compile(r"(?:sources?|notes?)\b", re.I)
NUMERIC = re.compile(  # a figure: 1,234 / 1 234 / 12.5% / £4m / (3.2) / -0.1
    r"^[(\-–−+]?[£$€]?\s?\d{1,3}(?:[, ]\d{3})*(?:\.\d+)?\s?(?:%|m|bn|k)?\)?$"
    r"|^[(\-–−+]?[£$€]?\d+(?:\.\d+)?(?:%|m|bn|k)?\)?$"
)
YEAR = re.compile(r"(?:19|20)\d{2}")
HEADING_YEAR = re.compile(r"(?:19|20)\d{2}[-–]?")  # a year heading a column, or the first of a span over two lines
UNIT = re.compile(r"\(?[£$€]\s?['’]?(?:000|m|mn|bn|k)\)?|\(['’]?000s?\)")  # a column's unit: £000, £'000, (£m), (000)
PERIOD = re.compile(r"\b(?:19|20)\d{2}(?:(?:\s*[-‐‑–/]\s*|\s+)(?:(?:19|20)?\d{2})\b)?")  # 2020, 2020-21, 2020 ‑ 2021
SCATTERED = re.compile(r"[^\W\d_]{1,2}(?: [^\W\d_]{1,2})+|[^\W\d_]{2}")
NUMBERED_CELL = re.compile(r"(\d{1,3})\.?\s+[^\W\d_]")
# a line stating the table's unit in brackets, alone: (In billions of dollars), (£m), (Rs. in 000)
_UNIT_WORDS = "|".join([*SPELLED_SCALES, *UNIT_CURRENCY_WORDS])
_UNIT_SIGNS = "".join(sorted(set(UNIT_CURRENCY_WORDS.values())))
UNIT_STATEMENT = re.compile(
    rf"\(\s*[^()]{{0,30}}(?:\b(?:{_UNIT_WORDS})s?\b|\bRs\b|[{_UNIT_SIGNS}])[^()]{{0,30}}\)", re.I
)  # "Rs" as an Indian table prints rupees
# Table 3, FIG A.16, Table S-4 (an annex's letter, a dash), Table: 5
CAPTION = re.compile(r"(?:table|figure|fig\.?|chart|exhibit)\s*:?\s*[A-Z]?[.‐–-]?\d+(?:\.\d+)*\b", re.I)
LIST_MARK = re.compile(r"^(?:[•●▪■◦‣∙·\-–—*o]|\(?[0-9]{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])$")


@dataclass(slots=True)
class _Line:
    """A line of the page cut into pieces at wide gaps."""

    words: list[Word]
    pieces: list[list[Word]]
    top: float
    bottom: float
    size: float

    @classmethod
    def of(cls, words: list[Word]) -> _Line:
        size = statistics.median(_word_size(w) for w in words)
        pieces = [f.words for f in line_fragments(words, PIECE_GAP_RATIO * size)]
        return cls(words, pieces, min(float(w["top"]) for w in words), max(float(w["bottom"]) for w in words), size)


@dataclass(slots=True)
class _Cell:
    words: list[Word]
    col: int
    col_span: int
    over_group: bool = False  # a heading over a group of columns: its box is theirs, not its words'

    @property
    def text(self) -> str:
        return " ".join(str(w["text"]) for w in self.words)


def lines_to_tables(
    lines: list[list[Word]], ruled: list[RawTable], page: int, height: float | None = None
) -> list[RawTable]:
    """A page's tables, the strategy chosen region by region: a ruled table (pdfplumber's ``lines``
    strategy) stands unless its rules leave columns of words together in its cells (rules drawn only
    between rows or around the table), when the words' own columns inside its box are taken instead,
    or its rules frame passages of text rather than cells (:func:`_panel`); outside the ruled tables,
    the unruled ones (:func:`lines_to_text_tables`), which may run through the boxes that frame text. Rules
    drawn between rows only (``ruled`` tables of strategy ``rows``) give a table read by their rows
    (:func:`_row_ruled`) where nothing else was found, in place of the unruled readings inside it that
    took the lines of its cells for rows, or in place of an unruled reading that ran across it and another table
    (tables set side by side, read as one); and where nothing at all was read inside them, rules between groups of
    rows give a table whose groups are cut into rows at their figures (:func:`_row_ruled` ``grouped``). Given
    the page's ``height``, its running header and footer are no rows of a table (:func:`_running_lines`)."""
    out: list[RawTable] = []
    if height is not None:
        lines = [line for line in lines if line]
        running = _running_lines(lines, height)
        lines = [line for i, line in enumerate(lines) if i not in running]
    lines = rejoin_columns(lines)
    row_ruled = [t for t in ruled if t.strategy == "rows"]
    ruled = [t for t in ruled if t.strategy != "rows"]
    bands = [t.bbox for t in ruled if _header_band(lines, t)]
    heads = {id(rules): head for rules in row_ruled if (head := _head_cells(ruled, rules)) is not None}
    ruled = [t for t in ruled if t.bbox not in bands and all(t is not head for head in heads.values())]
    frames: list[RawTable] = []  # ruled boxes that frame text, not a table
    for table in ruled:
        inside = [kept for ln in lines if (kept := [w for w in ln if _centre_in(w, table.bbox)])]
        if _under_split(inside, table):
            found = lines_to_text_tables(inside, page)
            if found:
                out.extend(found)
                continue
        if _panel(inside, table):
            frames.append(table)
        else:
            out.append(table)
    avoid = [t.bbox for t in ruled if all(t is not frame for frame in frames)]
    out.extend(lines_to_text_tables(lines, page, avoid=avoid, bands=bands, frames=frames))
    reads = [read for rules in row_ruled if (read := _row_ruled(lines, rules, headed=id(rules) in heads)) is not None]
    for read in reads:
        overlapping = [t for t in out if t.bbox.overlap(read.bbox) > 0]
        across = [
            t for t in overlapping
            if t.strategy == "text" and any(u.bbox.overlap(t.bbox) > 0 for u in [*reads, *out] if u not in (t, read))
        ]  # fmt: skip
        if (
            not overlapping
            or across == overlapping
            or (
                all(t.strategy == "text" and _within(t.bbox, read.bbox) for t in overlapping)
                and _columns(read, lines) >= max(_columns(t, lines) for t in overlapping)
                and sum(len(t.rows) for t in overlapping) > len(read.rows)
                and _several_lines(lines, read)
            )
        ):  # the rows' cells hold several lines, which the reading by the gutters alone took for rows
            out = [t for t in out if t not in overlapping] + [read]
    for rules in row_ruled:  # rules between groups of rows, where nothing else was read
        clear = not any(t.bbox.overlap(rules.bbox) > 0 for t in out)
        if clear and (read := _row_ruled(lines, rules, True)) and not any(t.bbox.overlap(read.bbox) > 0 for t in out):
            out.append(read)
    for read in _labelled_columns(lines, page):  # a table of lists under its label, where nothing else was read
        if not any(t.bbox.overlap(read.bbox) > 0 for t in out):
            out.append(read)
    return _one_per_region(out, lines)


def _running_lines(lines: list[list[Word]], height: float) -> set[int]:
    """The lines of a page's running header and footer: those of the bands its margins set apart
    (:func:`pipeline.readers.reading_order.margin_bands`), but a line that prints the same columns as a line of
    the page's body near it (:func:`_aligned`, :func:`_follows`), or as one of the band's lines kept so: a table's
    header lines or Total row set apart. ``lines`` hold words each (:func:`lines_to_tables` leaves out empty ones)."""
    if not lines:
        return set()
    head, foot = margin_bands(lines, height, statistics.median(_word_size(w) for line in lines for w in line))
    band = {i: _Line.of(lines[i]) for i in head | foot}
    if not band:
        return set()
    kept = [_Line.of(line) for i, line in enumerate(lines) if i not in band]
    while saved := [
        i
        for i, line in band.items()
        if any(_aligned(line, other) and (_follows(line, other) or _follows(other, line)) for other in kept)
    ]:
        kept += [band.pop(i) for i in saved]
    return set(band)


def _labelled_columns(lines: list[list[Word]], page: int) -> list[RawTable]:
    """Tables of lists or passages set in columns under a table's label (``TABLE 12`` alone on its line),
    its title and a heading over each column: a header row and one row of the columns, each read as a block
    of its own in reading order (:func:`_column_blocks`). The title is up to LABEL_TITLE_LINES lines of one
    piece set about the label's middle; the headings, the lines right under it (:func:`_heading_lines`).
    There must be as many columns as pieces on the heading line of most pieces, each piece over one column."""
    out = []
    for i, label in enumerate(lines):
        if not label or not TABLE_LABEL.fullmatch(_text(label)):
            continue
        size = statistics.median(_word_size(w) for w in label)
        middle = sum(_span(label)) / 2
        k = i + 1
        while k < min(len(lines), i + 1 + LABEL_TITLE_LINES) and _centred_title(lines[k], middle, size):
            k += 1
        header, rest = _heading_lines(lines[k:], size)
        if not header:
            continue
        heads = max((_Line.of(ln).pieces for ln in header), key=len)
        columns = _column_blocks(rest, len(heads), size)
        if columns is None:
            continue
        spans = [_span(c) for c in columns]
        if not all(sum(a - size <= sum(_span(h)) / 2 <= b + size for a, b in spans) == 1 for h in heads):
            continue  # a heading over no column, or over two
        joined = [_span([*c, *h]) for c, h in zip(columns, heads, strict=True)]
        edges = [joined[0][0], *((a[1] + b[0]) / 2 for a, b in itertools.pairwise(joined)), joined[-1][1]]
        top, middle_y = min(_line_top(ln) for ln in header) - 1, max(_line_bottom(ln) for ln in header) + 1
        bottom = max(float(w["bottom"]) for c in columns for w in c) + 1
        rows: list[list[BBox | None]] = [
            [BBox(x0=a, top=y0, x1=b, bottom=y1) for a, b in itertools.pairwise(edges)]
            for y0, y1 in ((top, middle_y), (middle_y, bottom))
        ]
        out.append(RawTable(page, BBox(x0=edges[0], top=top, x1=edges[-1], bottom=bottom), rows, "text"))
    return out


def _span(words: list[Word]) -> tuple[float, float]:
    """The words' left and right ends."""
    return min(float(w["x0"]) for w in words), max(float(w["x1"]) for w in words)


def _centred_title(line: list[Word], middle: float, size: float) -> bool:
    """A line of a table's title under its label: one piece, set about the label's middle."""
    return bool(line) and len(_Line.of(line).pieces) == 1 and abs(sum(_span(line)) / 2 - middle) <= 2 * size


def _heading_lines(lines: list[list[Word]], size: float) -> tuple[list[list[Word]], list[list[Word]]]:
    """The column headings under a table's title (at most MAX_HEADER_LINES lines, each right under the one
    before, none opening with a bullet, one of them of several pieces) and the lines after them."""
    header: list[list[Word]] = []
    for k, ln in enumerate(lines[:MAX_HEADER_LINES]):
        gap = _line_top(ln) - _line_bottom(header[-1]) if header else 0.0
        if not ln or _bullet(ln[0]) or gap > ROW_GAP_RATIO * size or gap < -size:
            break
        header.append(ln)
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if nxt is None or not nxt or _bullet(nxt[0]) or _line_top(nxt) - _line_bottom(ln) > ROW_GAP_RATIO * size:
            break
    if not any(len(_Line.of(ln).pieces) >= 2 for ln in header):
        return [], lines
    return header, lines[len(header) :]


def _column_blocks(lines: list[list[Word]], count: int, size: float) -> list[list[Word]] | None:
    """``count`` blocks of lines side by side, read one after the other (each starts back up at the first's
    top), each a column of a table of lists: its lines down to a gap of COLUMN_BREAK_LINES line heights, or to a
    line starting left of the block (the text under the table), or to a note or source. None when the
    blocks are not side by side, left to right, their tops level."""
    blocks: list[list[list[Word]]] = []
    ended = False  # the column ended: lines until the next one starts back up are no part of it
    last_top: float | None = None
    for ln in filter(None, lines):
        top = _line_top(ln)
        back_up = last_top is not None and top < last_top - 1
        last_top = top
        if back_up or not blocks:
            if len(blocks) == count:
                break
            blocks.append([ln])
            ended = False
            continue
        if ended:
            continue
        block = blocks[-1]
        if (
            top - _line_bottom(block[-1]) > COLUMN_BREAK_LINES * size
            or float(ln[0]["x0"]) < min(float(w["x0"]) for b in block for w in b) - size
            or SOURCE_OR_NOTE.match(_text(ln))
        ):
            ended = True
            continue
        block.append(ln)
    blocks = [b for b in blocks if b]
    if len(blocks) != count or count < 2:
        return None
    tops = [_line_top(b[0]) for b in blocks]
    spans = [_span([w for ln in b for w in ln]) for b in blocks]
    if max(tops) - min(tops) > 2 * size or any(a[1] >= b[0] for a, b in itertools.pairwise(spans)):
        return None
    return [[w for ln in b for w in ln] for b in blocks]


def is_grid(table: RawTable) -> bool:
    """A table of two rows and two columns or more, not a band of rules: its lines are read together, and no
    list item takes them as its paragraph."""
    return len(table.rows) >= 2 and max(sum(c is not None for c in row) for row in table.rows) >= 2


def _rows_inside(labels: list[list[Word]], cell: list[list[Word]], right: float) -> bool:
    """Whether a band's cell holds rows rather than one value over several lines: lines most of which are
    figures, or lines set level with each of several lines of the band's first cell (a label per line), none
    of them running on from the line above: opening in lower case ("weighted sample, disaggregating" under
    "All SMEs. Previous 12 months," is one value wrapped level with a wrapped label), or wrapped because
    its first word would not fit after the line above within the column, which ends at ``right``
    ("Treasury-Appointed Non-" over "Executive Director")."""
    if len(cell) >= 2 and _mostly_figures(cell):
        return True
    tops = [round(float(h[0]["top"])) for h in labels]
    runs_on = any(str(h[0]["text"])[:1].islower() or _wrapped(above, h, right) for above, h in itertools.pairwise(cell))
    return len(tops) >= 2 and tops == [round(float(h[0]["top"])) for h in cell] and not runs_on


def _wrapped(above: list[Word], line: list[Word], right: float) -> bool:
    """Whether ``line`` opens with a word that would not have fitted after ``above`` (a space on) within a
    column ending at ``right``: the line wraps its value, it is no row of its own."""
    first = min(line, key=lambda w: float(w["x0"]))
    end = max(float(w["x1"]) for w in above)
    return end + SPACE_RATIO * _word_size(first) + float(first["x1"]) - float(first["x0"]) > right


def _caption_line(words: list[Word]) -> bool:
    """A line over a table that is none of its rows: its caption (``Table 18.``) or a line stating its unit
    (``(In billions of dollars)``)."""
    text = _text(words)
    return bool(CAPTION.match(text) or UNIT_STATEMENT.fullmatch(text))


def _word_size(word: Word) -> float:
    """The word's type size, or its height where the reader gave none."""
    return float(word.get("size") or (word["bottom"] - word["top"]))


def _mostly_figures(cell: list[list[Word]]) -> bool:
    """Whether at least half of the cell's lines are figures and nothing else."""
    return sum(all(_figure(str(w["text"])) for w in h) for h in cell) * 2 >= len(cell)


def _columns(table: RawTable, lines: list[list[Word]]) -> int:
    """How many columns of the table hold words other than list bullets (a reading that took a list's bullets
    for a column has one column fewer than it seems)."""
    count = 0
    for col in range(max(len(row) for row in table.rows)):
        held = [w for row in table.rows if col < len(row) and (box := row[col]) for h in _held(lines, box) for w in h]
        count += any(not _bullet(w) for w in held)
    return count


def _within(inner: BBox, outer: BBox, slack: float = 2.0) -> bool:
    return (
        outer.x0 - slack <= inner.x0
        and inner.x1 <= outer.x1 + slack
        and outer.top - slack <= inner.top
        and inner.bottom <= outer.bottom + slack
    )


def _several_lines(lines: list[list[Word]], table: RawTable) -> bool:
    """Whether a cell of the table's body holds several lines (a wrapped label, a list): a reading by the
    words' gutters alone takes each line for a row."""
    return any(len(_held(lines, box)) > 1 for row in table.rows[1:] for box in row if box is not None)


def _head_cells(ruled: list[RawTable], rules: RawTable) -> RawTable | None:
    """The ruled table of one row of two cells or more drawn over the first band of rules between rows, side
    to side: the header cells of the table ruled between its rows (a shaded header band parted at its columns),
    not a table of its own."""
    first = next((box for row in rules.rows for box in row if box is not None), None)
    if first is None:
        return None
    return next(
        (
            t for t in ruled
            if len(t.rows) == 1 and sum(box is not None for box in t.rows[0]) >= 2
            and _within(t.bbox, first) and _within(first, t.bbox)
        ),
        None,
    )  # fmt: skip


def _row_ruled(
    lines: list[list[Word]], rules: RawTable, grouped: bool = False, headed: bool = False
) -> RawTable | None:
    """A table ruled between its rows only, whose cells may hold several lines (a wrapped label, a bulleted
    list): ``rules`` gives its bands (strategy ``rows``), and its columns are the gutters no word of the bands
    prints across, at least ROW_RULED_GUTTER font sizes wide. The lines right over its first rule that keep
    to its columns are its header; the lines right under its last rule that keep to them, its last row (a
    table ruled under its header and between its rows but not under its last row), unless they open a source
    or a note. A table, not a chart's gridlines or text set in columns between rules, when every band with
    words holds them in its first column and at least one other, most of its columns are written in most of
    its rows, no band holds rows of its own (:func:`_rows_inside`: rules round a block of rows), and a header
    of at least two columns or a caption (``TABLE 9``) stands over it, or ``headed``: its first band is drawn as
    header cells (:func:`_head_cells`). ``grouped``: rules between groups of
    rows (a survey's name over the several measures it gives, each with its figure), each band holding rows
    of its own is cut into them at the lines of its cell of figures, one row per figure; a band whose lines stand
    level across its columns is one row when a figure stands in it, and no table when none does (text set in
    columns)."""
    words = [w for ln in lines for w in ln]
    x0, x1 = rules.bbox.x0, rules.bbox.x1
    boxes = [box for row in rules.rows for box in row if box is not None]
    ys = [boxes[0].top, *(box.bottom for box in boxes)]
    titled = _caption_band(words, x0, x1, ys[0], ys[1])
    if titled:
        ys = ys[1:]  # the table's title set in a band of its own over it: no row of it
    body = [w for w in words if x0 <= _middle(w) <= x1 and ys[0] < _mid_height(w) < ys[-1]]
    if len(body) < MIN_TABLE_LINES:
        return None
    size = statistics.median(_word_size(w) for w in body)
    columns = _gutter_columns(body, ROW_RULED_GUTTER * size)
    if not MIN_RULED_COLUMNS <= len(columns) <= MAX_RULED_COLUMNS:
        return None
    visual = banded_lines([w for w in words if x0 <= _middle(w) <= x1], _extent)
    above = [ln for ln in visual if _line_bottom(ln) <= ys[0] + 1]
    below = [ln for ln in visual if _line_top(ln) >= ys[-1] - 1]
    edges = [x0, *((a[1] + b[0]) / 2 for a, b in itertools.pairwise(columns)), x1]  # the cells' sides
    header = _kept_to(list(reversed(above)), edges, ys[0], size, upward=True, columns=columns)
    captions = [k for k, ln in enumerate(header) if _caption_line(ln)]
    header = header[captions[-1] + 1 :] if captions else header  # a caption (or unit line) over it is no part of it
    titles = [k for k, ln in enumerate(header) if _title_line(ln, columns, size)]
    header = header[titles[-1] + 1 :] if titles else header  # nor is a title run on over the gutters or set larger
    last = _kept_to(below, edges, ys[-1], size, upward=False)
    sides = list(itertools.pairwise(edges))
    if len({c for ln in header for w in ln for c, (a, b) in enumerate(sides) if a <= _middle(w) <= b}) < 2:
        header = []  # a heading over the first column alone is the table's title, not its header
    if grouped and any(_figure(str(w["text"])) and not YEAR.fullmatch(str(w["text"])) for ln in header for w in ln):
        return None  # figures over the first rule: rows of a group the rules left out, not a header
    bands = list(itertools.pairwise(ys))
    if header:
        bands.insert(0, (min(_line_top(ln) for ln in header) - 1, ys[0]))
    if last:
        bands.append((ys[-1], max(_line_bottom(ln) for ln in last) + 1))
    kept = body + [w for ln in header + last for w in ln]
    filled = [
        {c for w in kept if top < _mid_height(w) < bottom for c, (a, b) in enumerate(sides) if a <= _middle(w) <= b}
        for top, bottom in bands
    ]
    rows_filled = [f for f in filled[1 if header else 0 :] if f]
    if len(rows_filled) < 2 or any(0 not in f or len(f) < 2 for f in rows_filled):
        return None
    if sum(len(f) for f in rows_filled) < ROW_RULED_FILLED * len(rows_filled) * len(columns):
        return None
    split: list[tuple[float, float]] = []
    for top, bottom in bands:  # a band holding rows: rules round a block of rows, not between rows
        cells = [_held(lines, BBox(x0=a, top=top, x1=b, bottom=bottom)) for a, b in sides]
        inside = [
            cell for cell, (_, right) in zip(cells[1:], columns[1:], strict=True) if _rows_inside(cells[0], cell, right)
        ]
        if inside and not grouped:
            return None
        if inside and not any(cell and _mostly_figures(cell) for cell in cells[1:]):
            return None  # lines level across a band without a figure: text set in columns, not a table's rows
        figures = [cell for cell in inside if _mostly_figures(cell)]
        tops = [top, *(_line_top(h) - 1 for h in figures[0][1:]), bottom] if figures else [top, bottom]
        split += list(itertools.pairwise(tops))  # grouped: the band's rows at the lines of its figures
    bands = split
    captioned = any(
        CAPTION.match(_text(ln)) and ys[0] - _line_bottom(ln) <= CAPTION_REACH_SIZES * size
        for ln in above[-CAPTION_REACH_LINES:]
    )
    if not header and not captioned and not titled and not headed:
        return None
    rows: list[list[BBox | None]] = [
        [BBox(x0=left, top=top, x1=right, bottom=bottom) for left, right in sides] for top, bottom in bands
    ]
    if header:  # the header's cells end where its headings do, which may reach past their columns' figures
        top, bottom = bands[0]
        rows[0] = [
            BBox(x0=a, top=top, x1=b, bottom=bottom) for a, b in itertools.pairwise(_header_edges(header, edges))
        ]
    return RawTable(rules.page, BBox(x0=x0, top=bands[0][0], x1=x1, bottom=bands[-1][1]), rows, "text")


def _header_edges(header: list[list[Word]], edges: list[float]) -> list[float]:
    """The sides of a header's cells: the body's (``edges``), but an inner side a heading's piece prints across
    moves to that piece's end, on the side of the column its middle is in ("of SMEs exporting (%)" set flush
    right over its column of figures, reaching into the gutter left of them; every piece across the side on the
    same side of it), unless another piece prints across the side moved to."""
    pieces = [piece for ln in header for piece in _Line.of(ln).pieces]
    spans = [_span(piece) for piece in pieces]
    out = list(edges)
    for k in range(1, len(out) - 1):
        across = [(a, b) for a, b in spans if a < out[k] < b]
        right = [(a + b) / 2 > out[k] for a, b in across]
        if not across or len(set(right)) > 1:
            continue  # no piece across the side, or pieces on both sides of it
        moved = min(a for a, _ in across) - 0.5 if right[0] else max(b for _, b in across) + 0.5
        if out[k - 1] < moved < out[k + 1] and not any(p < moved < q for p, q in spans):
            out[k] = moved
    return out


def _caption_band(words: list[Word], x0: float, x1: float, top: float, bottom: float) -> bool:
    """Whether the band between ``top`` and ``bottom`` holds one line of one piece with no figure in it: a
    title printed in a bar over the table (``Top ten markets by value``), not a row."""
    held = [w for w in words if x0 <= _middle(w) <= x1 and top < _mid_height(w) < bottom]
    if not held:
        return False
    lines = banded_lines(held, _extent)
    return len(lines) == 1 and len(_Line.of(lines[0]).pieces) == 1 and not any(_figure(str(w["text"])) for w in held)


def _gutter_columns(words: list[Word], gutter: float) -> list[tuple[float, float]]:
    """The x-ranges the words print over, apart where no word prints across a gap at least ``gutter`` wide; a
    range holding nothing but list bullets belongs to the column of items right of it."""
    spans = sorted(words, key=lambda w: float(w["x0"]))
    out: list[tuple[float, float, bool]] = []  # each range's ends, and whether it holds only bullets
    for w in spans:
        a, b, bullet = float(w["x0"]), float(w["x1"]), _bullet(w)
        if out and a - out[-1][1] < gutter:
            out[-1] = (out[-1][0], max(out[-1][1], b), out[-1][2] and bullet)
        elif out and out[-1][2]:
            out[-1] = (out[-1][0], b, bullet)
        else:
            out.append((a, b, bullet))
    return [(a, b) for a, b, _ in out]


def _kept_to(
    lines: list[list[Word]],
    edges: list[float],
    rule: float,
    size: float,
    upward: bool,
    columns: Sequence[tuple[float, float]] = (),
) -> list[list[Word]]:
    """The lines (nearest the rule first) that follow one another from the rule, each a line-gap at most
    ROW_GAP_RATIO font sizes from the last, whose words all keep inside the columns (``edges``: their sides;
    no word across the middle of a gutter; with ``columns``, the x-ranges the columns' words print over, a
    word may also reach into a gutter as long as it prints over one column's range at most: a column's
    heading wider than its figures, set flush with their right edge),
    in text order; going down, up to a line that opens a source or a note."""
    out: list[list[Word]] = []
    edge = rule
    for ln in lines:
        gap = edge - _line_bottom(ln) if upward else _line_top(ln) - edge
        if gap > ROW_GAP_RATIO * size or not _keeps_to(ln, edges, columns, size):
            break
        if not upward and SOURCE_OR_NOTE.match(_text(ln)):
            break
        out.append(ln)
        edge = _line_top(ln) if upward else _line_bottom(ln)
        if upward and len(out) == MAX_HEADER_LINES:
            break
    return list(reversed(out)) if upward else out


def _title_line(line: list[Word], columns: Sequence[tuple[float, float]], size: float) -> bool:
    """A title over a table's header, not a line of it: set larger than the table's body (TITLE_SIZE), or one
    run of words across the columns' gutters (a header line is cut at them)."""
    spans = _pieces(line, size)
    return _Line.of(line).size > TITLE_SIZE * size or (len(spans) == 1 and _spans_columns(spans, columns))


def _pieces(line: list[Word], size: float) -> list[BBox]:
    """The boxes of the line's pieces: its words apart at gaps of PIECE_GAP_RATIO font sizes (``size``)."""
    return [words_box(f.words) for f in line_fragments(line, PIECE_GAP_RATIO * size)]


def _spans_columns(spans: list[BBox], columns: Sequence[tuple[float, float]]) -> bool:
    """Whether a piece of a line (``spans``: :func:`_pieces`) prints over two columns' ranges or more: words
    set as running text across the gutters (a title), not cut at them."""
    return any(sum(box.x0 < b and a < box.x1 for a, b in columns) >= 2 for box in spans)


def _keeps_to(line: list[Word], edges: list[float], columns: Sequence[tuple[float, float]], size: float) -> bool:
    """Whether each word of the line keeps inside one cell's sides; or (given the columns' ranges) each piece of
    it (words apart at wide gaps) keeps inside the table and prints over one column's range at most."""
    sides = list(itertools.pairwise(edges))
    if all(any(a - 1 <= float(w["x0"]) and float(w["x1"]) <= b + 1 for a, b in sides) for w in line):
        return True
    spans = _pieces(line, size) if columns else []
    return (
        bool(spans)
        and all(edges[0] - 1 <= box.x0 and box.x1 <= edges[-1] + 1 for box in spans)
        and not _spans_columns(spans, columns)
    )


def _middle(w: Word) -> float:
    return (float(w["x0"]) + float(w["x1"])) / 2


def _mid_height(w: Word) -> float:
    return (float(w["top"]) + float(w["bottom"])) / 2


def _line_top(line: list[Word]) -> float:
    return min(float(w["top"]) for w in line)


def _line_bottom(line: list[Word]) -> float:
    return max(float(w["bottom"]) for w in line)


def _one_per_region(tables: list[RawTable], lines: Sequence[list[Word]] = ()) -> list[RawTable]:
    """One table per region of the page: where two tables found share most of the smaller one's box
    (rules drawn round a table's figures but not its row labels, which the unruled finder then reads
    with them), the one with more cells stands; an unruled one that took in running text beside a ruled one
    and the words of MIN_SHARED_LINES of its lines is dropped however little of it it covers (``lines``: the
    page's; a paragraph set beside a small ruled table, its lines read with the table's rows level with them);
    a table found twice would give each value twice.

    >>> cell = BBox(x0=0, top=0, x1=10, bottom=10)
    >>> ruled = RawTable(1, BBox(x0=20, top=0, x1=100, bottom=40), [[cell] * 2] * 3)
    >>> text = RawTable(1, BBox(x0=0, top=0, x1=100, bottom=40), [[cell] * 3] * 3, "text")
    >>> [t.strategy for t in _one_per_region([ruled, text])]
    ['text']
    """
    size = [sum(cell is not None for row in t.rows for cell in row) for t in tables]
    dropped: set[int] = set()
    for i, j in itertools.combinations(range(len(tables)), 2):
        a, b = tables[i].bbox, tables[j].bbox
        if tables[i].page != tables[j].page or a.overlap(b) <= 0:
            continue
        if {tables[i].strategy, tables[j].strategy} == {"lines", "text"}:
            ruled, text = (i, j) if tables[i].strategy == "lines" else (j, i)
            inside = _lines_within(lines, tables[ruled].bbox, tables[text].bbox)
            if inside >= MIN_SHARED_LINES and _prose_beside(lines, tables[ruled].bbox, tables[text].bbox):
                dropped.add(text)  # its rows are the prose's lines, however little of the ruled table it holds
                continue
        if a.overlap(b) > SHARED_REGION * min(a.area, b.area):
            dropped.add(j if size[i] >= size[j] else i)
    return [t for k, t in enumerate(tables) if k not in dropped]


def _lines_within(lines: Sequence[list[Word]], ruled: BBox, text: BBox) -> int:
    """How many of the page's lines have words in both tables' boxes: the ruled table's rows the unruled one took."""
    return sum(any(_centre_in(w, ruled) and _centre_in(w, text) for w in ln) for ln in lines)


def _prose_beside(lines: Sequence[list[Word]], ruled: BBox, text: BBox) -> bool:
    """Whether the words a text table holds outside a ruled table's box are running text: pieces of lines
    whose median is at least RUNNING_TEXT_CHARS characters long."""
    pieces = [
        " ".join(str(w["text"]) for w in piece)
        for ln in lines
        if (outside := [w for w in ln if _centre_in(w, text) and not _centre_in(w, ruled)])
        for piece in _Line.of(outside).pieces
    ]
    return bool(pieces) and statistics.median(len(p) for p in pieces) >= RUNNING_TEXT_CHARS


def rejoin_columns(lines: list[list[Word]]) -> list[list[Word]]:
    """Lines in reading order, with a column of short labels and the column of figures the reading order
    read after it (a table's names without rules beside its figures) set side by side again: the lines of
    the two at one height become one line, also when the text over the table was read with the labels
    (:func:`_labels_after`); so do header lines read before the rest of the header beside them
    (:func:`_header_beside`). Columns of running text are left as they are (:func:`_beside`). Lines set side by
    side may open a column the reading order read after them (two tables side by side, each peeled apart), so
    the lines are gone through again until nothing more is set side by side: a header read as one block per column
    takes a pass per column. A pass that sets two runs of lines side by side leaves one run fewer, so there are at
    most as many passes as lines."""
    for _ in range(len(lines)):
        joined = _rejoined(lines)
        if joined == lines:
            break
        lines = joined
    return lines


def _rejoined(lines: list[list[Word]]) -> list[list[Word]]:
    """One pass of :func:`rejoin_columns`."""
    segments: list[list[list[Word]]] = []
    for ln in lines:
        if ln and segments and segments[-1] and float(ln[0]["top"]) >= float(segments[-1][-1][0]["top"]) - 1:
            segments[-1].append(ln)
        elif ln:
            segments.append([ln])
    out: list[list[Word]] = []
    i = 0
    while i < len(segments):
        if i + 1 < len(segments) and _beside(segments[i], segments[i + 1]):
            out.extend(_side_by_side(segments[i], segments[i + 1]))
            i += 2
        elif i + 1 < len(segments) and (header := _header_beside(segments[i], segments[i + 1])):
            out.extend(segments[i][:-header])
            out.extend(_side_by_side(segments[i][-header:], segments[i + 1]))
            i += 2
        elif i + 1 < len(segments) and (tail := _labels_after(segments[i], segments[i + 1])):
            out.extend(segments[i][:-tail])  # the text over the table, read before its labels
            out.extend(_side_by_side(segments[i][-tail:], segments[i + 1]))
            i += 2
        else:
            out.extend(segments[i])
            i += 1
    return out


def _beside(labels: list[list[Word]], figures: list[list[Word]]) -> bool:
    """A column of short labels (at most LABEL_WORDS words, twice as many beside nothing but figures; no
    sentence) ending left of a column whose lines at the same heights (at least MIN_TABLE_LINES of them, or
    fewer when the table's rows resume under them: :func:`_rows_resume`; and most of the labels') mostly hold
    figures."""
    level, beside = _at_heights(labels, figures), _at_heights(figures, labels)
    if not level or max(float(w["x1"]) for ln in level for w in ln) >= min(float(w["x0"]) for ln in beside for w in ln):
        return False
    with_digits = [ln for ln in beside if any(ch.isdigit() for w in ln for ch in str(w["text"]))]
    longest = 2 * LABEL_WORDS if all(_figure(str(w["text"])) for ln in beside for w in ln) else LABEL_WORDS
    return (
        all(len(ln) <= longest and not _text(ln).endswith(".") for ln in level)
        and (len(level) >= MIN_TABLE_LINES or _rows_resume(labels, figures))
        and len(level) * 2 >= len(labels)
        and len(with_digits) * 2 >= len(beside)
    )


def _rows_resume(labels: list[list[Word]], figures: list[list[Word]]) -> bool:
    """Whether the table's whole rows resume under the figures the reading order read apart from their labels
    (two rows whose labels wrap, read as a column of their own): at least MIN_TABLE_LINES lines under the
    last of ``labels``, each opening at the labels' left edge and holding a figure."""
    left, last = min(float(ln[0]["x0"]) for ln in labels), max(float(ln[0]["top"]) for ln in labels)
    rows = [
        ln for ln in figures
        if float(ln[0]["top"]) > last
        and abs(float(ln[0]["x0"]) - left) <= 2
        and any(_figure(str(w["text"])) for w in ln)
    ]  # fmt: skip
    return len(rows) >= MIN_TABLE_LINES


def _at_heights(lines: list[list[Word]], others: list[list[Word]]) -> list[list[Word]]:
    """The lines set level (within two points) with one of ``others``."""
    tops = [float(ln[0]["top"]) for ln in others]
    return [ln for ln in lines if any(abs(float(ln[0]["top"]) - t) <= 2 for t in tops)]


def _labels_after(before: list[list[Word]], table: list[list[Word]]) -> int:
    """How many of the last lines of ``before`` are a column of labels beside ``table`` (:func:`_beside`),
    when the reading order read the text over the table together with them: the lines from the top of
    ``table`` down, level with lines most of which open with a piece of figures and nothing else (a table set
    beside may run on along the line). 0 when they are not."""
    top = float(table[0][0]["top"]) - 2
    count = sum(float(ln[0]["top"]) >= top for ln in before)
    if not 0 < count < len(before) or not _beside(before[-count:], table):
        return 0
    level = _at_heights(table, before[-count:])
    figures = sum(all(_figure(str(w["text"])) for w in _Line.of(ln).pieces[0]) for ln in level)
    return count if figures * 2 >= len(level) else 0  # rows of figures, not a column of running text


def _header_beside(before: list[list[Word]], table: list[list[Word]]) -> int:
    """How many of the last lines of ``before`` are header lines the reading order read before the rest of
    the header beside them, which runs on into a table's rows (a header of three columns read as two
    blocks): the first lines of ``table`` at their heights, right of them, followed mostly by rows of
    several pieces. 0 when there are none."""

    def level(k: int) -> bool:
        pairs = zip(before[-k:], table[:k], strict=True)
        return all(abs(float(a[0]["top"]) - float(b[0]["top"])) <= 2 for a, b in pairs)

    most = min(len(before), len(table), MAX_HEADER_LINES)
    count = next((k for k in range(most, 0, -1) if level(k)), 0)
    if count == 0:
        return 0
    left, right = before[-count:], table[:count]
    if any(CAPTION.match(_text(ln)) for ln in left + right):  # two figures' captions side by side
        return 0
    if max(float(w["x1"]) for ln in left for w in ln) >= min(float(w["x0"]) for ln in right for w in ln):
        return 0
    rows = table[count : count + MAX_SINGLE_RUN + MIN_TABLE_LINES]
    return count if sum(len(_Line.of(ln).pieces) >= 2 for ln in rows) >= MIN_TABLE_LINES else 0


def _side_by_side(labels: list[list[Word]], figures: list[list[Word]]) -> list[list[Word]]:
    """The lines of ``figures`` joined to the labels' lines at their heights; a line of figures level with none,
    set between two lines of labels level with no figures (a label wrapped over two lines, its figures set at
    its middle), joins the first of the two, so that the label's second line runs on under its row."""
    joined: list[list[Word]] = [list(ln) for ln in labels]
    bare = [k for k, ln in enumerate(labels) if not _at_heights([ln], figures)]
    for ln in figures:
        top = float(ln[0]["top"])
        same = next((j for j in joined if abs(float(j[0]["top"]) - top) <= 2), None)
        if same is None:
            first = next(
                (a for a, b in itertools.pairwise(bare)
                 if b == a + 1 and float(labels[a][0]["top"]) < top < float(labels[b][0]["top"])),
                None,
            )  # fmt: skip
            same = joined[first] if first is not None else None
        if same is not None:
            same.extend(ln)
        else:
            joined.append(list(ln))
    return sorted(joined, key=lambda ln: float(ln[0]["top"]))


def _header_band(lines: list[list[Word]], table: RawTable) -> bool:
    """A ruled band of at most MAX_HEADER_BAND_ROWS rows holding column headings only (no figure but
    years and units) with a line of figures right below it: the header of the unruled table under it,
    whose lines the text finder reads together with the band's."""
    if len(table.rows) > MAX_HEADER_BAND_ROWS:
        return False
    inside = _held(lines, table.bbox)
    rows = banded_lines([w for ln in inside for w in ln], _extent)  # a raised hyphen stays between 2020 and 21
    if not inside or any(_figure(t) for row in rows for t in PERIOD.sub(" ", _text(row)).split()):
        return False
    size = statistics.median(_word_size(w) for ln in inside for w in ln)
    box = table.bbox
    under = [w for ln in lines for w in ln if float(w["top"]) >= box.bottom - 1 and box.x0 <= _middle(w) <= box.x1]
    nearest = min(banded_lines(under, _extent), key=_line_top, default=None)  # as printed: a label read apart too
    return (
        nearest is not None
        and float(nearest[0]["top"]) - table.bbox.bottom <= ROW_GAP_RATIO * size
        and sum(_figure(str(w["text"])) for w in nearest) >= 1
        and len(_Line.of(nearest).pieces) >= 2
    )


def _extent(word: Word) -> tuple[float, float]:
    return float(word["top"]), float(word["bottom"])


def _text(line: list[Word]) -> str:
    return " ".join(str(w["text"]) for w in sorted(line, key=lambda w: float(w["x0"])))


def _panel(lines: list[list[Word]], table: RawTable) -> bool:
    """Rules that frame text rather than a table: a numbered list set in columns, one column of boxes (or of
    text: :func:`_one_column`), a grid of at most PANEL_ROWS rows with a box holding a bulleted list (a
    table's cells may list things too, in a longer table), or boxes most of which hold a passage
    (PANEL_LINES lines or more) rather than a cell's value, unless they make a headed grid of records
    (:func:`_headed_grid`); or boxes whose sides run through words (:func:`_cut_words`)."""
    if all(sum(box is not None for box in row) <= 1 for row in table.rows):
        return True
    if _cut_words(lines, table) >= MIN_CUT_WORDS:
        return True
    rows = [[_held(lines, box) for box in row if box is not None] for row in table.rows]
    filled = [cell for row in rows for cell in row if cell]
    if _one_column(rows):
        return True
    if _numbered_cells([" ".join(_text(ln) for ln in cell) for cell in filled]):
        return True
    lists = [cell for cell in filled if sum(_bullet(ln[0]) for ln in cell) >= 2]
    passages = [cell for cell in filled if len(cell) >= PANEL_LINES]
    framed_lists = bool(lists) and len(table.rows) <= PANEL_ROWS  # a grid of a few boxes holding lists
    if _headed_grid(rows):
        return False  # a table of text: columns headed, each row a record ("Capability" | "UK activity")
    return framed_lists or (bool(filled) and len(passages) * 2 > len(filled))


def _cut_words(lines: list[list[Word]], table: RawTable) -> int:
    """How many words a side of one of the table's boxes runs through (level with the word, CUT_SLIP points
    inside it on both hands): a table's rules part its cells' words, never a word; boxes drawn behind lines of
    running text (a highlight, a designer's white fill line by line) cut through them where a line's boxes end.

    >>> w = lambda text, x0, x1: {"text": text, "x0": x0, "x1": x1, "top": 100.0, "bottom": 110.0}
    >>> table = RawTable(page=1, bbox=BBox(x0=85, top=98, x1=539, bottom=112), strategy="lines",
    ...                  rows=[[BBox(x0=85, top=98, x1=149, bottom=112), BBox(x0=171, top=98, x1=539, bottom=112)]])
    >>> _cut_words([[w("international", 85, 140), w("team", 149.5, 180), w("of", 182, 193)]], table)
    1
    """
    sides = [(x, box) for row in table.rows for box in row if box is not None for x in (box.x0, box.x1)]
    return sum(
        any(w["x0"] + CUT_SLIP < x < w["x1"] - CUT_SLIP and box.top < _mid_height(w) < box.bottom for x, box in sides)
        for ln in lines
        for w in ln
    )


def _one_column(rows: list[list[list[list[Word]]]]) -> bool:
    """Rules that draw no columns through the text: nearly every row (all but ONE_COLUMN_SLIP of those with
    words) holds one piece of text, in one box or the same in boxes drawn one inside another (a panel
    shaded line by line, each line's strip inside the frame's)."""
    texts = [{" ".join(_text(ln) for ln in cell) for cell in row if cell} for row in rows]
    worded = [row for row in texts if row]
    split = sum(len(row) > 1 for row in worded)
    return len(worded) >= MIN_TABLE_LINES and split <= ONE_COLUMN_SLIP * len(worded)


def _headed_grid(rows: list[list[list[list[Word]]]]) -> bool:
    """A ruled grid of more than PANEL_ROWS rows (``rows``: each box's lines of words, row by row), or of at least
    two rows under its header each labelled in its first box (at most two lines, HEADER_CELL_WORDS words: ``By
    January 2018``), each row with two or more boxes holding words, under a header row whose boxes each hold
    one short line (at most HEADER_CELL_WORDS words): a table whose cells are passages, not boxes framing text."""
    if len(rows) < MIN_TABLE_LINES or any(sum(bool(cell) for cell in row) < 2 for row in rows):
        return False
    header = [cell for cell in rows[0] if cell]
    if not all(len(cell) == 1 and len(_text(cell[0]).split()) <= HEADER_CELL_WORDS for cell in header):
        return False
    labelled = all(
        row[0] and len(row[0]) <= 2 and sum(len(ln) for ln in row[0]) <= HEADER_CELL_WORDS for row in rows[1:]
    )
    return len(rows) > PANEL_ROWS or labelled


def _numbered_cells(texts: list[str]) -> bool:
    """A numbered list set in ruled columns (a map's key: ``1 Edinburgh``, ``2 Glasgow``): nearly every
    cell starts with a number followed by words, the numbers running on."""
    numbers = [int(m.group(1)) for t in texts if (m := NUMBERED_CELL.match(t))]
    return len(texts) >= MIN_TABLE_LINES and len(numbers) >= 0.8 * len(texts) and len(set(numbers)) == len(numbers)


def _bullet(word: Word) -> bool:
    text = str(word["text"])
    return bool(LIST_MARK.match(text)) or drawn_bullet(word, text)


def _under_split(lines: list[list[Word]], table: RawTable) -> bool:
    """Columns the rules do not separate: more than UNDER_SPLIT_SHARE of the table's words sit in cells
    that hold words a wide gap apart on one line, or a ruled row stacks several rows (:func:`_stacked`)."""
    total = wide = 0
    stacked = False
    for row in table.rows:
        held = [_held(lines, box) for box in row if box is not None]
        for cell in held:
            count = sum(len(h) for h in cell)
            total += count
            if any(len(_Line.of(h).pieces) > 1 for h in cell):
                wide += count
        stacked = stacked or _stacked(held)
    return (total > 0 and wide > UNDER_SPLIT_SHARE * total) or stacked


def _held(lines: list[list[Word]], box: BBox) -> list[list[Word]]:
    """The words of each line whose centres lie in ``box`` (lines with none left out)."""
    return [h for ln in lines if (h := [w for w in ln if _centre_in(w, box)])]


def _stacked(cells: list[list[list[Word]]]) -> bool:
    """Rows the rules do not separate: two cells of a ruled row each hold several lines at the same
    heights, those of one of them all figures."""
    stacks = [
        ([round(float(h[0]["top"])) for h in held], [" ".join(str(w["text"]) for w in h) for h in held])
        for held in cells
        if len(held) >= 2
    ]
    return any(
        a_tops == b_tops and all(NUMERIC.match(t) for t in b_texts)
        for (a_tops, _), (b_tops, b_texts) in itertools.permutations(stacks, 2)
    )


def lines_to_text_tables(
    lines: list[list[Word]],
    page: int,
    avoid: list[BBox] | None = None,
    bands: list[BBox] | None = None,
    frames: list[RawTable] | None = None,
) -> list[RawTable]:
    """The unruled tables among a page's lines (in reading order, each left to right), as cell boxes;
    lines inside ``avoid`` (tables already found from ruling lines) are left out, and so are lines held
    whole in one of ``frames`` (ruled boxes round text: a line that runs on out of one, a group's label
    boxed in the first column of an unruled table, is the table's; a box holding one group's label beside
    several rows is one cell of the first column spanning them, :func:`_framed_stubs`); the lines of a ruled
    header band (``bands``) run on into the table under it however widely the band spaces them."""
    avoid, frames = avoid or [], frames or []
    kept = [
        _Line.of(ln)
        for ln in lines
        if ln
        and not any(_centre_in(ln[0], box) for box in avoid)
        and not any(_centre_in(ln[0], frame.bbox) and _centre_in(ln[-1], frame.bbox) for frame in frames)
    ]
    out = []
    for run in _runs(kept, bands or []):
        out.extend(_run_to_tables(run, page))
    boxes = [frame.bbox for frame in frames]  # a frame whole, then each of its cells (boxes stacked, joined)
    boxes += [cell for frame in frames for row in frame.rows for cell in row if cell is not None and cell != frame.bbox]
    return [
        _framed_stubs(table, [b for b in boxes if not any(b.overlap(t.bbox) > 0 for t in out if t is not table)], lines)
        for table in out
    ]  # a box on another table is that table's


def _framed_stubs(table: RawTable, frames: Sequence[BBox], lines: Sequence[list[Word]]) -> RawTable:
    """The unruled table with each box that frames one group's label beside two rows or more (their middles
    within its height) made one cell spanning those rows, in the first: a box at the table's left edge (from
    FRAME_INSET points left of it to FRAME_SLIP right, ending before its second column) is a cell of its first
    column; boxes set just left of it (ending at most FRAME_INSET points before it; their labels were read apart
    from the rows, whose first column is the next) are cells of a first column of their own
    (:func:`_label_column`), every other row's cell there empty. The table's box grows to hold them. A box holds
    one label (:func:`_one_label`), the rows' first cells beside it hold no text outside it, and a row joins one
    group only (the first box, in the order given, that takes it).

    >>> box = lambda x0, top, x1, bottom: BBox(x0=x0, top=top, x1=x1, bottom=bottom)
    >>> rows = [[box(57, top, 157, top + 9), box(177, top, 223, top + 9)] for top in (336, 356, 376, 396)]
    >>> table = RawTable(1, box(57, 336, 223, 405), rows, "text")
    >>> label = [[{"text": w, "x0": 57, "x1": 100, "top": top, "bottom": top + 9} for w in ["Agriculture"]]
    ...          for top in (330, 342)]  # wrapped over two lines set between the first rows, from above the first
    >>> framed = _framed_stubs(table, [box(55, 326, 170, 389)], label)
    >>> [row[0] for row in framed.rows][:3], framed.bbox.top  # the cell holds the rows and the label, no more
    ([BBox(x0=55.0, top=330.0, x1=170.0, bottom=385.0), None, None], 330.0)
    >>> region = [[{"text": "Region", "x0": 0, "x1": 30, "top": 350, "bottom": 359}]]
    >>> beside = _framed_stubs(table, [box(0, 333, 50, 405)], region)  # a box left of the table: a new column
    >>> [len(row) for row in beside.rows], beside.rows[0][0], beside.bbox.x0
    ([3, 3, 3, 3], BBox(x0=0.0, top=336.0, x1=50.0, bottom=405.0), 0.0)
    """
    if table.strategy != "text" or not table.rows:
        return table
    rows = [list(row) for row in table.rows]
    middles = [next(((b.top + b.bottom) / 2 for b in row if b is not None), None) for row in rows]
    taken: set[int] = set()
    spans: list[BBox] = []
    apart: list[tuple[BBox, list[int]]] = []  # boxes left of the table, with the rows each spans
    for frame in frames:
        if frame.top < table.bbox.top - FRAME_INSET or frame.bottom > table.bbox.bottom + FRAME_INSET:
            continue  # a box reaching over the table's caption or another table labels no group of its rows
        left = frame.x1 <= table.bbox.x0 + FRAME_SLIP and table.bbox.x0 - frame.x1 <= FRAME_INSET
        if not left and not table.bbox.x0 - FRAME_INSET <= frame.x0 <= table.bbox.x0 + FRAME_SLIP:
            continue
        spanned = [k for k, mid in enumerate(middles) if mid is not None and frame.top <= mid <= frame.bottom]
        if len(spanned) < 2 or spanned != list(range(spanned[0], spanned[-1] + 1)) or taken & set(spanned):
            continue
        stubs = [] if left else [row[0] for k in spanned if (row := rows[k])]
        beside = [b.x0 for k in spanned for b in rows[k][0 if left else 1 :] if b is not None]
        if (not left and (len(stubs) < len(spanned) or None in stubs)) or (beside and frame.x1 > min(beside)):
            continue  # a stub already spanning, or a box reaching over the next column: no label's frame
        if any(_centre_in(w, b) and not _centre_in(w, frame) for ln in lines for w in ln for b in stubs if b):
            continue  # the rows' first cells hold text of their own beside the box
        label = [held for ln in lines if (held := [w for w in ln if _centre_in(w, frame)])]
        if not _one_label(label, [m for k in spanned if (m := middles[k]) is not None]):
            continue
        taken.update(spanned)
        reach = BBox.union([b for k in spanned for b in rows[k] if b is not None])  # the cell holds its rows and
        top, bottom = min(reach.top, *map(_line_top, label)), max(reach.bottom, *map(_line_bottom, label))  # label
        cell = BBox(x0=frame.x0, top=top, x1=frame.x1, bottom=bottom)  # not all the box may hold (a caption)
        if left:
            apart.append((cell, spanned))
            continue
        cell = BBox.union([cell, *(b for b in stubs if b is not None)])
        rows[spanned[0]][0] = cell
        for k in spanned[1:]:
            rows[k][0] = None
        spans.append(cell)
    if apart and _label_column(apart, rows, lines, frames):
        x0, x1 = min(f.x0 for f, _ in apart), max(f.x1 for f, _ in apart)
        first = {spanned[0]: frame for frame, spanned in apart}
        covered = {k for _, spanned in apart for k in spanned[1:]}
        for k, row in enumerate(rows):
            in_row = [b for b in row if b is not None]
            empty = (
                BBox(x0=x0, top=min(b.top for b in in_row), x1=x1, bottom=max(b.bottom for b in in_row))
                if in_row
                else None
            )
            row.insert(0, first.get(k, None if k in covered else empty))
        spans += [frame for frame, _ in apart]
    if not spans:
        return table
    return RawTable(table.page, BBox.union([table.bbox, *spans]), rows, table.strategy)


def _label_column(
    apart: list[tuple[BBox, list[int]]],
    rows: list[list[BBox | None]],
    lines: Sequence[list[Word]],
    frames: Sequence[BBox],
) -> bool:
    """Whether boxed labels set left of a table (each with the rows it spans) make a column of group labels: the
    column's stretch beside the table's rows, from the first it labels to its last, holds no word outside a box
    (a box set in a column of running text beside the table is a callout, not a label; rows no box labels, or a
    label boxed beside one row, leave it so)."""
    held = [b for row in rows[min(k for _, ks in apart for k in ks) :] for b in row if b is not None]
    x0, x1 = min(f.x0 for f, _ in apart), max(f.x1 for f, _ in apart)
    stretch = BBox(x0=x0, top=min(b.top for b in held), x1=x1, bottom=max(b.bottom for b in held))
    boxes = [*frames, *(f for f, _ in apart)]
    return not any(_centre_in(w, stretch) and not any(_centre_in(w, b) for b in boxes) for ln in lines for w in ln)


def _one_label(lines: list[list[Word]], rows: list[float]) -> bool:
    """Whether the lines a box holds are one label: one line, or lines set close as one text wraps (at most
    LABEL_LEADING font sizes apart), no two of them level with rows (rows' own labels boxed with the group's);
    at most MAX_LABEL_LINES lines of at most LABEL_WORDS words (a note boxed beside a table is no label)."""
    if not lines or len(lines) > MAX_LABEL_LINES or any(len(ln) > LABEL_WORDS for ln in lines):
        return False
    ordered = sorted(lines, key=_line_top)
    size = statistics.median(_word_size(w) for ln in ordered for w in ln)
    if any(_line_top(b) - _line_bottom(a) > LABEL_LEADING * size for a, b in itertools.pairwise(ordered)):
        return False
    level = {
        k
        for ln in ordered
        for k, row in enumerate(rows)
        if abs((_line_top(ln) + _line_bottom(ln)) / 2 - row) <= LEVEL_SLIP * size
    }
    return len(level) <= 1


def _runs(lines: list[_Line], bands: list[BBox]) -> list[list[_Line]]:
    """Runs of consecutive, closely spaced lines, most of several pieces, with at least
    MIN_TABLE_LINES of them and never more than MAX_SINGLE_RUN single-piece lines in a row (but in a ruled
    header band, whose headings may wrap over several lines); trailing single-piece lines are not part of it.
    Single-piece lines just above the first, each right over the next, set over its columns of figures
    rather than its labels, head it (a header spanning columns, a column's heading over its unit), and so does
    one centred over a first line of headings over groups of columns (:func:`_heads_groups`). A caption
    (``Table 18. ...``) is never part of one, and the run's first line printed again, with no figure in it,
    or a ruled header band under rows of figures, starts another (the header of a second table set under
    the first)."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    singles = 0

    def close() -> None:
        while current and len(current[-1].pieces) < 2 and not _wraps_label(current):
            current.pop()
        if sum(len(ln.pieces) >= 2 for ln in current) >= MIN_TABLE_LINES:
            runs.append(list(current))
        current.clear()

    def banded(prev: _Line, line: _Line) -> bool:
        """Both lines in one header band, or the line the first under the band holding the other."""
        return any(
            _centre_in(prev.words[0], band)
            and (_centre_in(line.words[0], band) or 0 <= line.top - band.bottom <= ROW_GAP_RATIO * line.size)
            for band in bands
        )

    def new_band(line: _Line) -> bool:
        """The line opens a header band under rows of figures: the next table's header."""
        return any(
            _centre_in(line.words[0], band) and not _centre_in(current[-1].words[0], band) for band in bands
        ) and any(_has_figure(ln) for ln in current)

    before: list[_Line] = []  # single-piece lines, each right over the next, since the last run
    lead: _Line | None = None  # the last of them, over the run's first line, when it did not head it
    opening: _Line | None = None  # the run's first line, before a heading over its groups (``lead``) was set over it
    for line in lines:
        if current and (not (_follows(current[-1], line) or banded(current[-1], line)) or new_band(line)):
            close()
        if _caption_line(line.words):  # a caption (Table 18. || Actual and projected ...) is no row
            close()
            before = []
            continue
        if (
            len(current) >= MIN_TABLE_LINES
            and opening is not None
            and _text(line.words) == _text(opening.words)
            and not _has_figure(line)
        ):
            close()  # the first line again: the header of a second table set under the first
        multi = len(line.pieces) >= 2
        if not current and not multi:
            before = [*before, line] if before and _follows(before[-1], line) else [line]
            continue
        if not current:
            heads = list(itertools.takewhile(functools.partial(_heads, line=line), reversed(before)))
            if heads and _follows(heads[0], line):  # a column's heading over its unit (General Reserve / £000)
                current.extend(reversed(heads[:HEADING_LINES]))
            lead = before[-1] if before and not heads and _follows(before[-1], line) else None
            opening = current[0] if current else line
        elif len(current) == 1 and lead is not None and _heads_groups(lead, current[0], line):
            current.insert(0, lead)  # a heading over the headings of groups of columns
        before = []
        singles = 0 if multi or any(_centre_in(line.words[0], band) for band in bands) else singles + 1
        if singles > MAX_SINGLE_RUN:  # a ruled header band's wrapped headings may stack any number
            close()
            singles = 0
            continue
        current.append(line)
    close()
    return runs


def _wraps_label(lines: list[_Line]) -> bool:
    """The single-piece lines that end a run are the wrapped end of the last row's label: each under the label,
    indented (a hanging indent), clear of the row's next column and right under the line before, the first
    opening with a word in lower case (``MDS installation ..., INOP`` / ``marker removal and`` / ``test.``);
    not a note (``p provisional``: a letter alone marks it).

    >>> def line(top, *spans, text="word"):
    ...     return _Line.of([{"x0": a, "x1": b, "top": top, "bottom": top + 8, "text": text} for a, b in spans])
    >>> row = line(0, (45, 180), (195, 330))
    >>> _wraps_label([row, line(9, (53, 110), text="marker"), line(18, (53, 80), text="Test.")])
    True
    >>> _wraps_label([row, line(9, (45, 110), text="Source")]), _wraps_label([row, line(9, (53, 60), text="p")])
    (False, False)
    >>> _wraps_label([row, line(9, (53, 70), text="of")])
    True
    """
    last = next((k for k in range(len(lines) - 1, -1, -1) if len(lines[k].pieces) >= 2), None)
    if last is None or last == len(lines) - 1:
        return False
    row, wrapped = lines[last], lines[last + 1 :]
    label, after = row.pieces[0], row.pieces[1]
    first = str(wrapped[0].words[0]["text"])
    return (
        first[:1].islower()
        and len(first) > 1
        and all(
            len(line.pieces) == 1
            and float(label[0]["x0"]) + line.size / 2 <= float(line.words[0]["x0"])
            and float(line.words[-1]["x1"]) < float(after[0]["x0"])
            and _follows(above, line)
            for above, line in itertools.pairwise([row, *wrapped])
        )
    )


def _has_figure(line: _Line) -> bool:
    return any(_figure(str(w["text"])) for w in line.words)


def _heads(above: _Line, line: _Line) -> bool:
    """A single-piece line over a table's first row heads its columns of figures: it lies over them (a heading
    spanning columns), or, right of the row's label, it lines up with one of them at its left, its right or its
    middle and is at most HEADING_WIDTH times as wide (a heading set flush or centred over its column, wider
    than its figures; not a title's last line), or it overlaps the row's height past its last piece (the first
    line of a heading wrapped beside headings set level with its middle, within WRAPPED_BESIDE font sizes; no
    figure: not a folio). A line set larger (TITLE_SIZE) than a row of headings is the table's title and heads
    nothing."""
    x0, x1 = float(above.words[0]["x0"]), float(above.words[-1]["x1"])
    hi = float(line.words[-1]["x1"])
    if above.size > TITLE_SIZE * line.size and not _has_figure(line):
        return False  # set larger than the header under it: the table's title (``ESTIMATED COSTS—Continued``)
    if x0 >= float(line.pieces[1][0]["x0"]) - line.size and x1 <= hi + line.size:
        return True
    if above.bottom - line.top >= line.size / 2 and hi + line.size < x0 <= hi + WRAPPED_BESIDE * line.size:
        return not _has_figure(above)  # the first line of a heading wrapped beside level ones; not a folio
    return x0 >= float(line.pieces[0][-1]["x1"]) and any(
        min(abs(x0 - a), abs(x1 - b), abs((x0 + x1 - a - b) / 2)) <= line.size
        and x1 - x0 <= HEADING_WIDTH * max(b - a, line.size)
        for a, b in (_span(piece) for piece in line.pieces[1:])
    )


def _heads_groups(above: _Line, groups: _Line, line: _Line) -> bool:
    """A single-piece line heads a header line of headings over groups of columns (``Current expenditures``
    over ``Constant dollars`` and ``Current dollars``): the header line holds GROUP_HEADINGS pieces or more, fewer
    than the next line (a group heads two columns or more), which is a header line too (no figure in either: group
    headings head column headings, not figures), and starts right of the next line's first piece (the stub's,
    which no group heads); the line lies over it, centred within GROUP_CENTRING of its width."""
    if (
        _has_figure(groups)
        or _has_figure(line)
        or float(groups.words[0]["x0"]) <= float(line.pieces[0][-1]["x1"])
        or not GROUP_HEADINGS <= len(groups.pieces) < len(line.pieces)
    ):
        return False
    lo, hi = float(groups.words[0]["x0"]), float(groups.words[-1]["x1"])
    x0, x1 = float(above.words[0]["x0"]), float(above.words[-1]["x1"])
    return x0 >= lo - groups.size and x1 <= hi + groups.size and _off_centre(above.words, lo, hi) <= GROUP_CENTRING


def _follows(prev: _Line, line: _Line) -> bool:
    """The line comes next below (header lines set at staggered heights may overlap): within ROW_GAP_RATIO
    font sizes, or ALIGNED_GAP_RATIO when the two lines print the same columns (:func:`_aligned`; a table
    whose rows are set widely apart)."""
    if line.top < prev.top - 0.5:
        return False
    gap, size = line.top - prev.bottom, max(prev.size, line.size)
    return gap <= ROW_GAP_RATIO * size or (gap <= ALIGNED_GAP_RATIO * size and _aligned(prev, line))


def _aligned(a: _Line, b: _Line) -> bool:
    """Two lines of as many pieces, at least MIN_ALIGNED_PIECES, each piece of one ending or starting within
    a font size of the other's piece in the same place (figures set flush right, labels flush left).

    >>> def line(*spans):
    ...     return _Line.of([{"x0": x0, "x1": x1, "top": 0, "bottom": 8, "text": "9"} for x0, x1 in spans])
    >>> _aligned(line((0, 50), (100, 120), (150, 170)), line((0, 70), (102, 120), (148, 170)))
    True
    >>> _aligned(line((0, 50), (100, 120), (150, 170)), line((0, 50), (130, 140), (180, 190)))
    False
    """
    if len(a.pieces) != len(b.pieces) or len(a.pieces) < MIN_ALIGNED_PIECES:
        return False
    size = max(a.size, b.size)
    return all(
        abs(float(p[0]["x0"]) - float(q[0]["x0"])) <= size or abs(float(p[-1]["x1"]) - float(q[-1]["x1"])) <= size
        for p, q in zip(a.pieces, b.pieces, strict=True)
    )


def _run_to_tables(run: list[_Line], page: int, snaked: bool = True) -> list[RawTable]:
    """The run's table, or the tables of a list set in blocks side by side (:func:`_snaked_blocks`)."""
    size = statistics.median(ln.size for ln in run)
    gutters = _gutters(run, size)
    if not gutters:
        return []
    rows = [_line_to_cells(ln, gutters) for ln in run]
    if _not_a_table(rows, len(gutters) + 1):
        return []
    starts = _snaked_blocks(rows[0], rows[1:]) if snaked else []
    if starts:
        edges = [-1e9, *[(gutters[col - 1][0] + gutters[col - 1][1]) / 2 for col in starts[1:]], 1e9]
        out: list[RawTable] = []
        for lo, hi in itertools.pairwise(edges):
            block = [_Line.of(kept) for ln in run if (kept := [w for w in ln.words if lo <= float(w["x0"]) < hi])]
            out.extend(_run_to_tables(block, page, snaked=False))
        return out
    header = _header_lines(rows)
    if (
        header >= 2
        and _group_label(rows[header - 1])
        and (len(rows[header - 2]) > 1 or _continues(rows[header - 1], rows[header]))
    ):  # "Actual" under the column headings, over the first rows of figures, or a first row's label wrapped
        header -= 1  # over two lines, its figures on the second: a body row
    grouped = _merge_header(run[:header], rows[:header]) + _merge_body(run[header:], rows[header:])
    return [_boxes(grouped, [(a + b) / 2 for a, b in gutters], page)]


def _group_label(row: list[_Cell]) -> bool:
    return bool(row) and row[0].col == 0 and lone_label(row[0].text, [c.text for c in row[1:]])


def lone_label(first: str, others: list[str]) -> bool:
    """A row that labels the group of rows under it: a label in its first cell and nothing else, not the
    second line of a heading wrapped over two ("area" under "Local authority", "(%)") and not a figure.

    >>> lone_label("Actual", ["", ""]), lone_label("area", ["", ""]), lone_label("Sector", ["", "12"])
    (True, False, False)
    """
    label = first.strip()
    return (
        bool(label)
        and not any(c.strip() for c in others)
        and not (label[0].islower() or label[0] in "([")
        and not _figure(label)
    )


def _snaked_blocks(header: list[_Cell], body: list[list[_Cell]]) -> list[int]:
    """The first columns of the blocks of a long list set side by side under one header printed again over
    each block ("Age | Total | Age | Total"): the header's cells, from the first column, are one sequence of
    texts over the same columns repeated, and the first column of each block holds labels, not figures
    ("Number | % | Number | %" over figures alone is one table). Empty when they are not.

    >>> def cell(col, text): return _Cell([{"text": text}], col, 1)
    >>> rows = [[cell(0, "1 year"), cell(1, "3,533"), cell(2, "40 years"), cell(3, "2,468")]]
    >>> _snaked_blocks([cell(0, "Age"), cell(1, "Total"), cell(2, "Age"), cell(3, "Total")], rows)
    [0, 2]
    >>> figures = [[cell(k, "12") for k in range(4)]]
    >>> _snaked_blocks([cell(0, "Number"), cell(1, "%"), cell(2, "Number"), cell(3, "%")], figures)
    []
    >>> _snaked_blocks([cell(0, "Region"), cell(1, "2019"), cell(2, "Region"), cell(3, "2020")], rows)
    []
    """
    if not header or header[0].col != 0:
        return []

    def labels(col: int) -> bool:
        held = [c.text for row in body for c in row if c.col == col]
        return bool(held) and sum(not _figure(t) for t in held) * 2 > len(held)

    texts, cols = [c.text for c in header], [c.col for c in header]
    for k in range(2, len(header) // 2 + 1):
        if len(header) % k or texts != texts[:k] * (len(header) // k):
            continue
        starts = cols[::k]
        if all(cols[j] - cols[j - j % k] == cols[j % k] for j in range(len(cols))) and all(map(labels, starts)):
            return starts
    return []


def _gutters(run: list[_Line], size: float) -> list[tuple[float, float]]:
    """The x-ranges between columns: each x-range that the words of at most GUTTER_TOLERANCE of the run's
    multi-piece lines cross, at least MIN_GUTTER_RATIO font sizes wide and, in a monospaced font, more than a
    space wide on some line (:func:`_monospaced_width`). Lines above the first with two figures are left out
    when there are figures below: a header over two columns crosses their gutter."""
    first_figures = next((i for i, ln in enumerate(run) if sum(_figure(str(w["text"])) for w in ln.words) >= 2), 0)
    multi = [ln for ln in run[first_figures:] if len(ln.pieces) >= 2]
    if len(multi) < 2:
        multi = [ln for ln in run if len(ln.pieces) >= 2]
    left = min(float(w["x0"]) for ln in multi for w in ln.words)
    right = max(float(w["x1"]) for ln in multi for w in ln.words)
    if right - left < 1:
        return []
    step = 0.5
    n = int((right - left) / step) + 1
    covered = [0] * n
    for ln in multi:
        marks = bytearray(n)
        for w in ln.words:
            a = max(int((float(w["x0"]) - left) / step), 0)
            b = min(int((float(w["x1"]) - left) / step) + 1, n)
            marks[a:b] = b"\x01" * (b - a)
        for i, m in enumerate(marks):
            covered[i] += m
    allowed = int(GUTTER_TOLERANCE * len(multi))
    bounds: list[tuple[float, float]] = []
    start: int | None = None
    for i, count in enumerate([*covered, len(multi) + 1]):
        if count <= allowed and 0 < i < n:
            start = i if start is None else start
        elif start is not None:
            if (i - start) * step >= MIN_GUTTER_RATIO * size:
                bounds.append((left + start * step, left + i * step))
            start = None
    char = _monospaced_width(multi)
    return [gutter for gutter in bounds if not char or _widest_gap(multi, gutter) > MONO_GUTTER_CHARS * char]


def _widest_gap(lines: list[_Line], gutter: tuple[float, float]) -> float:
    """The widest gap across ``gutter`` between two words of one line (0 when no line has words both sides;
    a line with a word across it has none)."""
    widest = 0.0
    for ln in lines:
        if any(float(w["x0"]) < gutter[0] and float(w["x1"]) > gutter[1] for w in ln.words):
            continue  # a word across the gutter (a long label): no gap there on this line
        before = [float(w["x1"]) for w in ln.words if float(w["x1"]) <= gutter[1]]
        after = [float(w["x0"]) for w in ln.words if float(w["x0"]) >= gutter[0]]
        if before and after:
            widest = max(widest, min(after) - max(before))
    return widest


def _monospaced_width(lines: list[_Line]) -> float:
    """The width of a character when the lines are set in a monospaced font (every word of three characters
    or more with a letter in it as wide per character, within MONO_WIDTH_SPREAD; figures are as wide in most
    fonts), whose space is as wide as a figure, so that a
    gap one space wide on every line ("40 years", "41 years" ...) may look like a gutter; else 0.

    >>> def word(text): return {"text": text, "x0": 0, "x1": 7.2 * len(text), "top": 0, "bottom": 12}
    >>> round(_monospaced_width([_Line.of([word("years"), word("Total")])] * 5), 2)
    7.2
    """
    widths = sorted(
        (float(w["x1"]) - float(w["x0"])) / len(str(w["text"]))
        for ln in lines
        for w in ln.words
        if len(str(w["text"])) >= 3 and any(ch.isalpha() for ch in str(w["text"]))  # figures are equal width anyway
    )
    if len(widths) < MIN_MONO_WORDS:
        return 0.0
    middle = statistics.median(widths)
    return middle if middle > 0 and (widths[-1] - widths[0]) <= MONO_WIDTH_SPREAD * middle else 0.0


def _line_to_cells(line: _Line, gutters: list[tuple[float, float]]) -> list[_Cell]:
    """The line's words cut into cells where a wide gap, or one that reaches into a gutter, falls
    between two words. A word is in the column its left edge is in (a gutter's left half belongs to
    the column before it); a cell spans the columns whose gutters it crosses whole, except those a
    later cell of the line starts in (a long label printed across a gutter keeps its own column). A figure
    after a figure is a value of its own, in the column its right edge is in, however close the two are
    set (wide figures in columns set flush right: ``2,753,438 2,799,250``). A word set apart from the cell
    before it by more than a space but a space before the next word, which starts in a later column, opens that
    column's cell: a heading set flush right over its column may reach back into the gutter (``of`` of ``Share |
    of total spend`` over a column of figures). So does a word set apart by more than a space that starts inside
    a gutter and crosses it: a heading centred over its column, wider than the figures under it (``Public |
    Welfare`` over ``1,275,000 | 15,000``)."""
    middles = [(a + b) / 2 for a, b in gutters]
    cells: list[_Cell] = []
    split_gap = PIECE_GAP_RATIO * line.size
    for k, word in enumerate(line.words):
        x0, x1 = float(word["x0"]), float(word["x1"])
        col_first = _column(x0, middles)
        col_last = max(col_first, sum(1 for _, b in gutters if x1 > b))
        last = cells[-1] if cells else None
        if last is not None:
            prev_x1 = float(last.words[-1]["x1"])
            wide = x0 - prev_x1 > split_gap  # not a space that happens to lie in a gutter (a long label's)
            apart = wide or any(prev_x1 < b and x0 > a for a, b in gutters)
            flush_right = _column(x1, middles)  # the column of a figure set flush right
            phrase = _phrase_column(line.words[k + 1 :], x1, split_gap, middles) if wide else None
            if wide and any(a < x0 < b < x1 for a, b in gutters):  # a heading wider than its column, centred
                col_first = max(col_first, sum(1 for a, _ in gutters if x0 > a))
            if col_first <= last.col < flush_right and _value(str(word["text"])) and _value(last.text):
                col_first = col_last = flush_right  # two wide figures (or years heading them) set close: two
            elif phrase is not None and col_first <= last.col < phrase:
                col_first = col_last = phrase  # the first word of a heading that reaches back over the gutter
            elif not apart or col_first <= last.col:
                last.words.append(word)
                last.col_span = max(last.col_span, col_last - last.col + 1)
                continue
            last.col_span = max(1, min(last.col_span, col_first - last.col))
        cells.append(_Cell([word], col_first, col_last - col_first + 1))
    return cells


def _phrase_column(after: list[Word], x1: float, split_gap: float, middles: list[float]) -> int | None:
    """The column the next word starts in, when it follows a word ending at ``x1`` within a space (the two are
    one phrase) and is not a figure; else None."""
    if not after or _value(str(after[0]["text"])) or float(after[0]["x0"]) - x1 > split_gap:
        return None
    return _column(float(after[0]["x0"]), middles)


def _column(x: float, middles: list[float]) -> int:
    """The column ``x`` lies in: how many gutters' middles lie left of it."""
    return sum(1 for m in middles if x > m)


def _not_a_table(rows: list[list[_Cell]], n_cols: int) -> bool:
    """A list, footnotes, a contents page, running text in columns or a chart's labels, rather than a
    table (each test is named below)."""
    by_col: dict[int, list[str]] = {}
    for row in rows:
        for cell in row:
            by_col.setdefault(cell.col, []).append(cell.text)
    if sum(len(row) for row in rows) < MIN_FILLED_SHARE * len(rows) * n_cols:
        return True  # mostly empty: a chart's axis labels, scattered captions
    numeric = {c for c, texts in by_col.items() if sum(bool(NUMERIC.match(t)) for t in texts) >= len(texts) / 2}
    cells = [t for texts in by_col.values() for t in texts]
    return (
        _numbered_list(by_col, numeric)
        or _contents(by_col, numeric, n_cols)
        or _axis(by_col, numeric)
        or _x_axis(rows)
        or _scattered_letters(cells)
        or (not numeric and _prose(cells, n_cols))
    )


def _numbered_list(by_col: dict[int, list[str]], numeric: set[int]) -> bool:
    """A list or footnotes: a column of bullets or list numerals, or a first column of small numbers
    beside text with no figures."""
    first = by_col.get(0, [])
    numbered = bool(first) and all(LIST_MARK.match(t) or (t.isdigit() and len(t) <= 3) for t in first)
    return (numbered and not (numeric - {0})) or any(
        texts and all(LIST_MARK.match(t) for t in texts) for texts in by_col.values()
    )


def _contents(by_col: dict[int, list[str]], numeric: set[int], n_cols: int) -> bool:
    """A contents page: its last column ascending page numbers, no other figures."""
    last = by_col.get(n_cols - 1, [])
    return numeric == {n_cols - 1} and _page_numbers(last)


def _page_numbers(texts: list[str]) -> bool:
    numbers = [int(t) for t in texts if t.isdigit()]
    return len(numbers) >= 3 and numbers == sorted(numbers) and max(numbers) < 1000


def _axis(by_col: dict[int, list[str]], numeric: set[int]) -> bool:
    """A chart's axis: the only column of figures steps evenly (400, 350, 300, 250)."""
    if len(numeric) != 1:
        return False
    values = [float(t.replace(",", "")) for t in by_col[next(iter(numeric))] if re.fullmatch(r"-?[\d,]+(?:\.\d+)?", t)]
    steps = {round(b - a, 6) for a, b in itertools.pairwise(values)}
    return len(values) >= 4 and len(steps) == 1 and 0 not in steps


def _x_axis(rows: list[list[_Cell]]) -> bool:
    """A chart's horizontal axis and legend: a line whose words are all years or numbers stepping
    evenly (2008 2010 2012 ...), at least MIN_AXIS_TICKS of them, with no figure on the few lines after
    it (a table's header of years has its figures below); or a legend naming the axes (``(LHS)``)."""
    texts = [[c.text for c in row] for row in rows]
    if any(LEGEND_AXIS.search(t) for row in texts for t in row):
        return True
    for i, row in enumerate(texts):
        tokens = " ".join(row).split()
        if len(tokens) < MIN_AXIS_TICKS or not all(re.fullmatch(r"-?\d+(?:\.\d+)?%?", t) for t in tokens):
            continue
        values = [float(t.rstrip("%")) for t in tokens]
        steps = {round(b - a, 6) for a, b in itertools.pairwise(values)}
        later = texts[i + 1 :]
        evenly = len(steps) == 1 and 0 not in steps
        if evenly and len(later) <= MAX_LEGEND_ROWS and not any(_figure(t) for after in later for t in after):
            return True
    return False


def _scattered_letters(cells: list[str]) -> bool:
    """Letters of rotated or curved text (a chart's axis title), one or two to a cell (``o s``, ``fi``,
    ``e``), of several kinds: a column of ``x`` marks is a table's."""
    letters = [t for t in cells if SCATTERED.fullmatch(t) or (len(t) == 1 and t.isalpha())]
    return len(letters) >= SCATTERED_SHARE * len(cells) and len(set(letters)) >= 3


def _prose(cells: list[str], n_cols: int) -> bool:
    """Running text set in columns or boxes: few columns, long cells, or lines that carry on a sentence."""
    if n_cols <= 2 or statistics.median(len(t) for t in cells) >= RUNNING_TEXT_CHARS:
        return True
    return sum(1 for t in cells if t[:1].islower()) >= PROSE_LOWER_SHARE * len(cells)


def _header_lines(rows: list[list[_Cell]]) -> int:
    """How many leading lines head the table: those before the first line with a figure (not a year)
    beyond its first column, or with dot leaders (a body row's: ``Up to $3,790 ......``; none when no line has
    either, or the first does); at most MAX_HEADER_LINES."""
    for i, row in enumerate(rows):
        if any(c.col > 0 and _figure(c.text) for c in row) or any(ends_in_leaders(c.text) for c in row):
            return i if i <= MAX_HEADER_LINES else 0
    return 1 if len(rows) > 2 else 0


def _value(text: str) -> bool:
    """A figure or a year (or a span's first year, ``2013–``): what one column of a row of figures, or of the
    years heading them, holds."""
    return _figure(text) or bool(HEADING_YEAR.fullmatch(text))


def _figure(text: str) -> bool:
    """A figure, not a year or a unit heading a column (``2020``, ``£000``, ``£'000``)."""
    text = bare_figure(text)
    return bool(NUMERIC.match(text)) and not YEAR.fullmatch(text) and not UNIT.fullmatch(text)


def _merge_header(lines: list[_Line], rows: list[list[_Cell]]) -> list[tuple[list[_Line], list[_Cell]]]:
    """Header lines as rows: a line with a cell spanning columns, of headings over groups of the columns the
    header lines under it head (:func:`_over_groups`), or of one heading over the next line's groups
    (:func:`_over_all`), stays a row of its own; the others, one after another, stack into one row (a cell's words
    from each line)."""
    grouped = [
        (groups if i + 1 < len(rows) and (groups := _over_groups(row, [c for r in rows[i + 1 :] for c in r])) else row)
        for i, row in enumerate(rows)
    ]  # fmt: skip
    out: list[tuple[list[_Line], list[_Cell]]] = []
    stacking = False
    for i, (line, row) in enumerate(zip(lines, grouped, strict=True)):
        if i + 1 < len(rows) and (whole := _over_all(row, grouped[i + 1])):
            row = whole
        spanning = any(c.col_span > 1 for c in row)
        if stacking and not spanning:
            _stack(out[-1], line, row)
        else:
            out.append(([line], list(row)))
        stacking = not spanning
    return out


def _over_all(row: list[_Cell], below: list[_Cell]) -> list[_Cell] | None:
    """A header line of one heading centred (within GROUP_CENTRING of their width) over the headings of groups
    on the line below (``Current expenditures`` over ``Constant dollars`` and ``Current dollars``): the heading
    spans their columns. None when the line is not one.

    >>> def cell(col, x0, x1, span=1):
    ...     return _Cell([{"text": "x", "x0": x0, "x1": x1, "top": 0, "bottom": 9}], col, span, span > 1)
    >>> [(c.col, c.col_span) for c in _over_all([cell(3, 160, 240)], [cell(2, 100, 180, 2), cell(4, 220, 300, 2)])]
    [(2, 4)]
    >>> _over_all([cell(3, 100, 140)], [cell(2, 100, 180, 2), cell(4, 220, 300, 2)]) is None
    True
    """
    if len(row) != 1 or len(below) < GROUP_HEADINGS or not all(c.over_group for c in below):
        return None
    words = row[0].words
    if _off_centre(words, float(below[0].words[0]["x0"]), float(below[-1].words[-1]["x1"])) > GROUP_CENTRING:
        return None
    first, last = below[0].col, below[-1].col + below[-1].col_span - 1
    return [_Cell(words, first, last - first + 1, over_group=True)]


def _off_centre(words: list[Word], lo: float, hi: float) -> float:
    """How far the middle of ``words`` (in reading order) is from that of the span ``lo``..``hi``, in its width."""
    middle = (float(words[0]["x0"]) + float(words[-1]["x1"])) / 2
    return abs(middle - (lo + hi) / 2) / max(hi - lo, 1.0)


def _over_groups(row: list[_Cell], below: list[_Cell]) -> list[_Cell] | None:
    """A header line of GROUP_HEADINGS or more headings set over the header lines below (``below``: their
    cells), which head at least twice as many columns right of its first (a stub's) column ("Total", "Public", "Private"
    over "PK-12 PK-8 9-12" three times): each heading spans the group of columns it is centred over, within
    GROUP_CENTRING of the group's width; columns under no heading (a column of counts beside groups of amounts)
    are left out of every group. A heading that a gutter cut (its words a space apart) is one heading. None when
    the line is not one, or when one of its headings is the first line of a heading under it (:func:`_wrapped_heading`).

    >>> def cell(col, x0, x1): return _Cell([{"text": "x", "x0": x0, "x1": x1, "top": 0, "bottom": 9}], col, 1)
    >>> below = [cell(k, 100 * k, 100 * k + 60) for k in range(7)]
    >>> [(c.col, c.col_span) for c in _over_groups([cell(2, 220, 240), cell(5, 510, 550)], below)]
    [(1, 3), (4, 3)]
    >>> _over_groups([cell(1, 100, 160), cell(2, 200, 260)], below[:4]) is None
    True
    """
    heads: dict[int, tuple[float, float]] = {}
    for c in (c for c in below if c.col_span == 1):
        x0, x1 = heads.get(c.col, (float(c.words[0]["x0"]), float(c.words[-1]["x1"])))
        heads[c.col] = (min(x0, float(c.words[0]["x0"])), max(x1, float(c.words[-1]["x1"])))
    row = _phrases(row)
    cols = [c.col for c in row]
    under = sorted(k for k in heads if k > 0 or 0 in cols)
    if len(row) < GROUP_HEADINGS or len(under) < 2 * len(row):
        return None
    if cols[0] < under[0] or cols[-1] > under[-1]:
        return None

    def off_centre(cell: _Cell, first: int, last: int) -> float:
        """How far the cell's centre is from that of the columns first..last, in their width."""
        group = [heads[k] for k in under if first <= k <= last]
        if not group:
            return float("inf")  # no heading under these columns: no group
        return _off_centre(cell.words, min(x0 for x0, _ in group), max(x1 for _, x1 in group))

    out: list[_Cell] = []
    start = under[0]
    for k, cell in enumerate(row):
        ends = range(cell.col + cell.col_span - 1, cols[k + 1]) if k + 1 < len(row) else [under[-1]]
        first, last = min(
            ((start, end) for end in ends), key=lambda span: off_centre(cell, *span), default=(start, start)
        )
        if off_centre(cell, first, last) > GROUP_CENTRING:  # columns before it that no heading is over
            later = [(first, end) for first in range(start + 1, cell.col + 1) for end in ends]
            first, last = min(later, key=lambda span: off_centre(cell, *span), default=(first, last))
        if last - first < 1 or off_centre(cell, first, last) > GROUP_CENTRING or _wrapped_heading(cell, below):
            return None
        out.append(_Cell(cell.words, first, last - first + 1, over_group=True))
        start = last + 1
    return out


def _wrapped_heading(cell: _Cell, below: list[_Cell]) -> bool:
    """The cell starts or ends where a heading under it does: the first line of that heading, wrapped and set
    flush left or right (``Schools`` over ``in original``), not a heading centred over a group."""
    x0, x1 = float(cell.words[0]["x0"]), float(cell.words[-1]["x1"])
    return any(
        abs(x0 - float(c.words[0]["x0"])) <= EDGE_SLIP or abs(x1 - float(c.words[-1]["x1"])) <= EDGE_SLIP for c in below
    )


def _phrases(row: list[_Cell]) -> list[_Cell]:
    """The row's cells with those set a space apart joined, the first spanning the second's columns: one
    heading whose words a gutter between columns cut (``Constant 2010–11 | dollars``)."""
    out: list[_Cell] = []
    for cell in row:
        last = out[-1] if out else None
        gap = float(cell.words[0]["x0"]) - float(last.words[-1]["x1"]) if last is not None else float("inf")
        if last is not None and gap <= PIECE_GAP_RATIO * _word_size(cell.words[0]):
            out[-1] = _Cell(last.words + cell.words, last.col, cell.col + cell.col_span - last.col)
        else:
            out.append(cell)
    return out


def _merge_body(lines: list[_Line], rows: list[list[_Cell]]) -> list[tuple[list[_Line], list[_Cell]]]:
    """Body lines as rows; a line that continues the first cell of the line above (it starts in lower
    case or with a bracket, and one of the two holds nothing but that cell) joins it."""
    out: list[tuple[list[_Line], list[_Cell]]] = []
    for line, row in zip(lines, rows, strict=True):
        if out and (_continues(out[-1][1], row) or _centred_beside(out[-1][1], row)):
            _stack(out[-1], line, row)
        else:
            out.append(([line], list(row)))
    return out


def _continues(above: list[_Cell], row: list[_Cell]) -> bool:
    first = row[0]
    text = first.text
    return (
        first.col == 0
        and bool(text)
        and (text[0].islower() or text[0] in "([")  # "index)", "(HALex), ages 18-65"
        and bool(above)
        and above[0].col == 0
        and (len(row) == 1 or len(above) == 1)
    )


def _centred_beside(above: list[_Cell], row: list[_Cell]) -> bool:
    """Figures set level with the middle of a label wrapped over lines: the row holds nothing but figures
    (no label) and the row above nothing but a label."""
    return len(above) == 1 and above[0].col == 0 and bool(row) and row[0].col > 0 and all(_figure(c.text) for c in row)


def _stack(target: tuple[list[_Line], list[_Cell]], line: _Line, row: list[_Cell]) -> None:
    lines, cells = target
    lines.append(line)
    for cell in row:
        same = next((c for c in cells if c.col == cell.col), None)
        if same is None:
            cells.append(_Cell(list(cell.words), cell.col, cell.col_span))
        else:
            same.words.extend(cell.words)
            same.col_span = max(same.col_span, cell.col_span)
    cells.sort(key=lambda c: c.col)


def _boxes(rows: list[tuple[list[_Line], list[_Cell]]], bounds: list[float], page: int) -> RawTable:
    """Cell boxes row by row: a filled cell's box is its words' box (a heading over a group of columns,
    theirs), an empty one its column's stretch of the row, a position a spanning cell covers None."""
    n_cols = len(bounds) + 1
    box = words_box([w for lines, _ in rows for ln in lines for w in ln.words])
    edges = [box.x0, *bounds, box.x1]
    out: list[list[BBox | None]] = []
    for lines, cells in rows:
        top, bottom = min(ln.top for ln in lines), max(ln.bottom for ln in lines)
        row: list[BBox | None] = [BBox(x0=edges[c], top=top, x1=edges[c + 1], bottom=bottom) for c in range(n_cols)]
        for cell in cells:
            if cell.col >= n_cols:
                continue
            end = min(cell.col + cell.col_span, n_cols)
            row[cell.col] = (
                BBox(x0=edges[cell.col], top=top, x1=edges[end], bottom=bottom)
                if cell.over_group
                else words_box(cell.words)
            )
            for covered in range(cell.col + 1, end):
                row[covered] = None
        out.append(row)
    return RawTable(page, box, out, strategy="text")


def _centre_in(word: Word, box: BBox) -> bool:
    return box.holds_centre(float(word["x0"]), float(word["top"]), float(word["x1"]), float(word["bottom"]))
