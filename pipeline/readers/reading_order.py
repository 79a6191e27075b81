"""Reading order of a PDF page: columns one at a time, side boxes apart from the body.

pdfplumber gives words with boxes; grouping them by height alone runs the two
columns of a page together line by line. Here the words of each visual line
are first cut where a gap is much wider than a space (:func:`line_fragments`),
then the page is cut recursively (an XY-cut): first at a wide horizontal gap
(a title, header or footer apart from the body), then at a vertical gutter
that no fragment crosses when running text is on one side and words on the
other, and otherwise at the widest horizontal gap, until a region is one
column. A row of boxes side by side, each a short phrase wrapped over its own
lines (a diagram's goals under their icons), is read box by box. Inside a region the
fragments are read top to bottom and those on one visual line are joined
again (so a contents line keeps its page number, a table row its cells).

Pure functions over pdfplumber word dicts (``x0``, ``x1``, ``top``, ``bottom``,
``size``, ``text``), so they are tested without a PDF.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pipeline.language.patterns import OPENING_QUOTES
from pipeline.models import BBox

Word = dict[str, Any]


def words_box(words: list[Word]) -> BBox:
    """The box holding every one of ``words`` (a line, a cell, a table's words)."""
    return BBox(
        x0=min(float(w["x0"]) for w in words),
        top=min(float(w["top"]) for w in words),
        x1=max(float(w["x1"]) for w in words),
        bottom=max(float(w["bottom"]) for w in words),
    )


SPLIT_GAP_RATIO = 1.2  # a gap wider than this many font sizes separates two fragments of a line
MIN_GUTTER_RATIO = 0.8  # a gutter is at least this many font sizes wide
MIN_COLUMN_CHARS = 14  # the median fragment of each side of a gutter holds this many characters (running text)
MIN_COLUMN_FRAGMENTS = 3
OPENING_DIGITS = 4  # a page number set before a column's line has at most this many digits
MIN_SIDE_TITLE_LETTERS = 6  # a side title beside a column has at least this many letters ...
SAME_TYPE_SIZE = 0.5  # points: text this close to the page's usual size is set in its type
SENTENCE_ENDS = (".", "!", "?", ":", ";")  # a line ending so ends its sentence
SIDE_TITLE_SIZE_RATIO = 1.2  # ... and is set this many times larger or smaller than the column's text
WIDE_GAP_RATIO = 2.5  # a horizontal gap this many font sizes high is cut before looking for columns
MARGIN_SHARE = 0.1  # the top and bottom tenth of a page hold its running headers and footers ...
MARGIN_GAP = 1.5  # ... when this many type sizes part them from the page's other lines
SPREAD_ASPECT = 1.2  # a page this much wider than tall may carry two printed pages side by side
PEEL_SHARE = 0.25  # footnotes across columns lie in this lower share of their region's height
KICKER_WORDS = 3  # a kicker set left of a heading's first line, on a lower baseline, is at most this long ...
KICKER_OVERLAP = 0.25  # ... reaches this share of the line's height into it ...
KICKER_GAP = 2.0  # ... stands within this many line heights of it ...
KICKER_LETTERS = 2  # ... and holds at least this many letters (a dash beside a page number is no kicker)
FOLD_MARGIN = 0.01  # ... when no word comes within this share of its width of the middle
MIN_BOXES = 3  # a row of boxes set side by side holds at least this many columns of words ...
BOX_RUN_ON = 0.5  # ... each of them one phrase (this share at least of its lines after the first run on) ...
BOX_LETTERS = 0.6  # ... of words (this share of its characters at least are letters)


@dataclass(slots=True)
class Fragment:
    """Words of one visual line that sit together."""

    words: list[Word]
    x0: float
    x1: float
    top: float
    bottom: float

    @classmethod
    def of(cls, words: list[Word]) -> Fragment:
        return cls(
            words,
            min(float(w["x0"]) for w in words),
            max(float(w["x1"]) for w in words),
            min(float(w["top"]) for w in words),
            max(float(w["bottom"]) for w in words),
        )

    @property
    def chars(self) -> int:
        return sum(len(str(w["text"])) + 1 for w in self.words) - 1

    @property
    def text(self) -> str:
        """Its words, a space between each."""
        return " ".join(str(w["text"]) for w in self.words)


def spread_fold(lines: list[list[Word]], width: float, height: float) -> float | None:
    """Where a two-page spread folds: the middle of a page wider than tall that carries words on both
    halves and none near the middle; None for any other page."""
    if width < SPREAD_ASPECT * height:
        return None
    middle, margin = width / 2, width * FOLD_MARGIN
    sides = set()
    for w in (w for line in lines for w in line):
        if float(w["x1"]) > middle - margin and float(w["x0"]) < middle + margin:
            return None
        sides.add(float(w["x1"]) <= middle)
    return middle if len(sides) == 2 else None


def words_to_reading_lines(
    lines: list[list[Word]], fold: float | None = None, height: float | None = None
) -> list[list[Word]]:
    """Lines of words (grouped by height, each sorted left to right) → lines in reading order; a spread
    (``fold``: :func:`spread_fold`) is read as two pages, left then right. Given the page's ``height``, the
    lines set apart in its top and bottom margins (running headers, footers, folios) are read first and
    last (:func:`margins_apart`), so that a column's text runs on into the next without a footer between."""
    words = [w for line in lines for w in line]
    if not words:
        return []
    size = statistics.median(float(w.get("size") or (w["bottom"] - w["top"])) for w in words)
    fragments = [f for line in lines for f in line_fragments(line, size * SPLIT_GAP_RATIO)]
    fragments = _split_at_edges(fragments, size * MIN_GUTTER_RATIO)
    ordered: list[list[Fragment]] = []
    if fold is None:
        _cut(fragments, size, ordered)
    else:
        for half in ([f for f in fragments if f.x1 <= fold], [f for f in fragments if f.x1 > fold]):
            _cut(half, size, ordered)
    out: list[list[Word]] = []
    for region in ordered:
        out.extend(_rejoin(region))
    return margins_apart(out, height, size) if height else out


def margins_apart(lines: list[list[Word]], height: float, size: float) -> list[list[Word]]:
    """The lines in reading order with a band of lines in the page's top MARGIN_SHARE read first and a band
    in its bottom MARGIN_SHARE read last: the lines past a gap of MARGIN_GAP type sizes that no line crosses
    (a footnote running into the margin, or a column's last lines, stay where they are).

    >>> def line(text, x, y):
    ...     return [{"text": text, "x0": x, "x1": x + 40, "top": y, "bottom": y + 10}]
    >>> left = [line(f"one{k}", 50, 600 + 14 * k) for k in range(10)]  # column one runs into the margin
    >>> right = [line(f"two{k}", 300, 60 + 14 * k) for k in range(5)]  # column two starts in it
    >>> order = margins_apart([*left, line("10 REPORT", 50, 780), *right], 842, 10)
    >>> [ln[0]["text"] for ln in order][8:12], order[-1][0]["text"]
    (['one8', 'one9', 'two0', 'two1'], '10 REPORT')
    """
    head, foot = margin_bands(lines, height, size)
    middle = [line for i, line in enumerate(lines) if i not in foot and i not in head]
    return [*(lines[i] for i in sorted(head)), *middle, *(lines[i] for i in sorted(foot))]


def margin_bands(lines: list[list[Word]], height: float, size: float) -> tuple[set[int], set[int]]:
    """The indexes of the lines in the band at the top of the page and in the band at its foot that
    :func:`margins_apart` sets apart (running headers, footers, folios)."""
    boxes = [words_box(line) for line in lines]
    gap = MARGIN_GAP * size
    foot: set[int] = set()
    for cut in sorted({b.top for b in boxes if b.top >= (1 - MARGIN_SHARE) * height}):
        above = [b.bottom for b in boxes if b.top < cut]
        if all(bottom <= cut - gap for bottom in above):
            foot = {i for i, b in enumerate(boxes) if b.top >= cut}
            break
    head: set[int] = set()
    for cut in sorted({b.bottom for b in boxes if b.bottom <= MARGIN_SHARE * height}, reverse=True):
        below = [b.top for b in boxes if b.bottom > cut]
        if all(top >= cut + gap for top in below):
            head = {i for i, b in enumerate(boxes) if b.bottom <= cut} - foot
            break
    return head, foot


def tables_read_together(lines: list[list[Word]], tables: list[BBox]) -> list[list[Word]]:
    """Lines in reading order with each table's lines read one after another: a line the columns put
    between two lines of a table (a source note under the table's first column, cut into a column with it)
    is read after the table, the order of the others kept.

    >>> def line(text, x, y):
    ...     return [{"text": text, "x0": x, "x1": x + 40, "top": y, "bottom": y + 8}]
    >>> cells = [line("Survey", 0, 0), line("ONS", 0, 20), line("Source: ONS", 0, 40), line("19%", 100, 20)]
    >>> order = tables_read_together(cells, [BBox(x0=0, top=0, x1=140, bottom=30)])
    >>> [ln[0]["text"] for ln in order]
    ['Survey', 'ONS', '19%', 'Source: ONS']
    """
    for table in tables:
        inside = [i for i, ln in enumerate(lines) if table.holds_centre_of(words_box(ln))]
        if not inside or inside[-1] - inside[0] + 1 == len(inside):
            continue
        first, last, held = inside[0], inside[-1], set(inside)
        between = [i for i in range(first, last + 1) if i not in held]
        lines = [*lines[:first], *(lines[i] for i in inside), *(lines[i] for i in between), *lines[last + 1 :]]
    return lines


def line_fragments(line: list[Word], split_gap: float) -> list[Fragment]:
    """A visual line cut where the space between two words is wider than ``split_gap``."""
    fragments: list[list[Word]] = [[line[0]]]
    for prev, word in itertools.pairwise(line):
        if float(word["x0"]) - float(prev["x1"]) > split_gap:
            fragments.append([word])
        else:
            fragments[-1].append(word)
    return [Fragment.of(f) for f in fragments]


def _split_at_edges(fragments: list[Fragment], gutter: float) -> list[Fragment]:
    """Fragments cut again where a gap at least ``gutter`` wide is followed by a word on a column's left
    edge (an edge :data:`MIN_COLUMN_FRAGMENTS` fragments of the page start on): justified columns set close
    may leave a gutter no wider than a stretched space on some lines.

    >>> def word(x0, x1): return {"x0": x0, "x1": x1, "top": 0, "bottom": 10, "text": "w"}
    >>> lines = [[word(0, 90), word(100, 190)]] + [[word(0, 90)], [word(100, 190)]] * 3
    >>> [len(f.words) for f in _split_at_edges([Fragment.of(line) for line in lines], 8)][:3]
    [1, 1, 1]
    """
    starts = Counter(round(f.x0) for f in fragments)
    edges = {x for x, n in starts.items() if n >= MIN_COLUMN_FRAGMENTS}
    out: list[Fragment] = []
    for f in fragments:
        cut = [0]
        for k, (prev, word) in enumerate(itertools.pairwise(f.words), start=1):
            if float(word["x0"]) - float(prev["x1"]) >= gutter and round(float(word["x0"])) in edges:
                cut.append(k)
        if len(cut) == 1:
            out.append(f)
            continue
        out.extend(Fragment.of(f.words[a:b]) for a, b in zip(cut, [*cut[1:], len(f.words)], strict=True))
    return out


def _cut(fragments: list[Fragment], size: float, out: list[list[Fragment]], head: bool = False) -> None:
    """Append the regions of ``fragments`` to ``out`` in reading order. ``head``: the fragments stand over a row
    of figures (a table's header over its first row), so neither they nor any part of them is a row of boxes."""
    if len(fragments) <= 1:
        if fragments:
            out.append(fragments)
        return
    bands = _horizontal_cut(fragments, at_least=size * WIDE_GAP_RATIO)  # headers, titles, footers apart
    if bands is None:
        bands = _vertical_cut(fragments, size)
    if bands is None:
        bands = _beside(fragments)
    if bands is None:
        bands = _peeled(fragments, size)
    if bands is None and not head:  # a row of boxes once parted from the lines over and under it
        bands = _horizontal_cut(fragments, at_least=size) or _boxes(fragments, size)
    if bands is None:
        bands = _horizontal_cut(fragments)
    if bands is not None:
        floats: list[list[Fragment]] = []  # set beside a paragraph that runs on under them: read after it
        for k, band in enumerate(bands):
            side = _float(band, size)
            over_figures = head or (k + 1 < len(bands) and _over_figures(band, bands[k + 1]))
            _cut([f for f in band if side is None or f not in side], size, out, over_figures)
            if side is not None:
                floats.append(side)
            elif _ends_sentence(band):  # the paragraph the floats interrupted has ended: they are read now
                for earlier in floats:
                    _cut(earlier, size, out, head)
                floats = []
        for earlier in floats:
            _cut(earlier, size, out, head)
        return
    out.append(sorted(fragments, key=lambda f: (f.top, f.x0)))


def _float(band: list[Fragment], size: float) -> list[Fragment] | None:
    """The side of a band, across a gutter, of words set SIDE_TITLE_SIZE_RATIO times larger than the page's ``size``
    and opening with a quotation mark, beside running text in the page's type whose last line ends mid-sentence: a
    pull quote set into a column the paragraph goes on under. The paragraph is read on first. (A chart or a caption
    in smaller type stays where the eye meets it.)"""
    if not any(str(f.words[0]["text"]).startswith(OPENING_QUOTES) for f in band):
        return None  # no quotation opens in the band: no cut to look for (most bands of most pages)
    sides = _vertical_cut(band, size)
    if sides is None or len(sides) != 2:
        return None
    for side, text in (sides, sides[::-1]):
        first = min(side, key=lambda f: (f.top, f.x0)).text
        if _size(side) < SIDE_TITLE_SIZE_RATIO * size or not first.startswith(OPENING_QUOTES):
            continue
        if not _wordy(side) or not _running_text(text):
            continue
        if abs(_size(text) - size) > SAME_TYPE_SIZE:
            continue
        if not _ends_sentence(text):
            return side
    return None


def _ends_sentence(fragments: list[Fragment]) -> bool:
    """Does the last line of the fragments (the lowest, its rightmost fragment) end a sentence?"""
    last = max(fragments, key=lambda f: (f.bottom, f.x0))
    return last.text.rstrip().endswith(SENTENCE_ENDS)


def _beside(fragments: list[Fragment]) -> list[list[Fragment]] | None:
    """The region's text, then lines in smaller type set level with it but beside it (a photo's caption
    beside the paragraph that runs on under the photo), which no cut can part: the two read apart. None
    when no line of words is set smaller, or the smaller type shares a row's width with the rest."""
    sizes = [_size([f]) for f in fragments]
    usual = statistics.median(sizes)
    smaller = [bool(s) and SIDE_TITLE_SIZE_RATIO * s <= usual for s in sizes]
    other = [f for f, small in zip(fragments, smaller, strict=True) if small]
    rest = [f for f, small in zip(fragments, smaller, strict=True) if not small]
    if not other or not rest or any(_letters([f]) < MIN_SIDE_TITLE_LETTERS for f in other):
        return None  # bullets and marks in a type of their own stay on their lines
    top, bottom = min(f.top for f in other), max(f.bottom for f in other)
    x0, x1 = min(f.x0 for f in other), max(f.x1 for f in other)
    level = [f for f in rest if f.top < bottom and f.bottom > top]
    if len(level) < 2 or len(other) < 2:
        return None
    if all(f.x1 < x0 for f in level) or all(f.x0 > x1 for f in level):
        return [rest, other]
    return None


def _vertical_cut(fragments: list[Fragment], size: float) -> list[list[Fragment]] | None:
    """Left and right of the widest gutter that no fragment crosses and that has running text on both
    sides; None when there is none."""
    spans = sorted((f.x0, f.x1) for f in fragments)
    gaps: list[tuple[float, float]] = []
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach >= size * MIN_GUTTER_RATIO:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    for left_edge, right_edge in sorted(gaps, key=lambda g: g[1] - g[0], reverse=True):
        middle = (left_edge + right_edge) / 2
        left = [f for f in fragments if f.x1 <= middle]
        right = [f for f in fragments if f.x0 >= middle]
        if (_running_text(left) and _wordy(right)) or (_wordy(left) and _running_text(right)):
            return _numbers_opening(left, right, size)
        if _side_title(left, right) or _side_title(right, left):
            return [left, right]
    return None


def _numbers_opening(left: list[Fragment], right: list[Fragment], size: float) -> list[list[Fragment]]:
    """The two sides of a gutter, with the column of numbers set on its left side that open lines of its right
    side moved over to them: each a number of at most :data:`OPENING_DIGITS` digits, set before a line of the
    right side closer than the gap that parts two fragments of a line (:data:`SPLIT_GAP_RATIO` type sizes: the
    column's edge alone parted them) and nearer it than any word of its own line on the left (a contents page's
    page numbers printed before the titles of its second column, past the longest title of its first). A
    column is at least :data:`MIN_COLUMN_FRAGMENTS` such numbers; a stray one (a chart's tick beside a
    paragraph) stays where it is, and so do figures ending the lines of a column across a gutter (key facts set
    flush right against it).

    >>> def frag(text, x0, x1, top):
    ...     return Fragment.of([{"text": text, "x0": x0, "x1": x1, "top": top, "bottom": top + 8}])
    >>> left = [frag("3 FOREWORD", 57, 120, 0), frag("4 SUMMARY", 57, 269, 12)]
    >>> left += [frag(n, 305, 315, top) for n, top in (("46", 0), ("48", 24), ("49", 36))]
    >>> right = [frag(t, 324, 500, top) for t, top in (("CHAPTER 8", 0), ("8.1 ACCESS", 24), ("8.2 USE", 36))]
    >>> [[f.text for f in side] for side in _numbers_opening(left, right, 8)]
    [['3 FOREWORD', '4 SUMMARY'], ['CHAPTER 8', '8.1 ACCESS', '8.2 USE', '46', '48', '49']]
    """
    opening = []
    for f in left:
        if not f.text.isdigit() or len(f.text) > OPENING_DIGITS:
            continue
        after = [g.x0 - f.x1 for g in right if _same_line(f, g) and g.x0 >= f.x1]
        before = [f.x0 - g.x1 for g in left if g is not f and _same_line(f, g) and g.x1 <= f.x0]
        if after and min(after) < SPLIT_GAP_RATIO * size and (not before or min(before) > min(after)):
            opening.append(f)
    if len(opening) < MIN_COLUMN_FRAGMENTS:
        return [left, right]
    return [[f for f in left if f not in opening], right + opening]


def _boxes(fragments: list[Fragment], size: float) -> list[list[Fragment]] | None:
    """A row of boxes side by side, each holding one phrase of a few words wrapped over its lines (a diagram's
    goals "Grow and level / up our space / economy" beside "Promote the / values of ..."): the columns parted
    by gutters that no fragment crosses, read one after another, left to right. Every column is words (no
    column of figures) and one phrase: its first line opens it and most later lines run on, opening with no
    capital (:data:`BOX_RUN_ON`; a name such as "Global Britain" may open one), which the cells of a table's rows
    do not; and no line holds two figures side by side (a table's wrapped header over its row of figures). None
    for any other region.

    >>> def frag(text, x, y):
    ...     return Fragment.of([{"text": text, "x0": x, "x1": x + 50, "top": y, "bottom": y + 10}])
    >>> row = [frag("Grow and", 0, 0), frag("Promote", 80, 0), frag("Lead new", 160, 0)]
    >>> row += [frag("level up", 0, 12), frag("our values", 80, 12), frag("discovery", 160, 12)]
    >>> [[" ".join(w["text"] for w in f.words) for f in box] for box in _boxes(row, 10)]
    [['Grow and', 'level up'], ['Promote', 'our values'], ['Lead new', 'discovery']]
    """
    columns = _columns(fragments, size * MIN_GUTTER_RATIO)
    if len(columns) < MIN_BOXES or _figure_row(fragments):
        return None
    for column in columns:
        text = "".join(str(w["text"]) for f in column for w in f.words)
        if len(column) < 2 or sum(c.isalpha() for c in text) < BOX_LETTERS * len(text):
            return None
        later = sorted(column, key=lambda f: f.top)[1:]
        if sum(not str(f.words[0]["text"])[:1].isupper() for f in later) < BOX_RUN_ON * len(later):
            return None
    return columns


def _over_figures(band: list[Fragment], below: list[Fragment]) -> bool:
    """Two figures (more digits than letters) side by side on the first line of the band under ``band`` stand under
    its words: a table's header over its first row, not a heading over a chart's ticks."""
    first = min(below, key=lambda f: f.top)
    return _figure_row([f for f in below if _same_line(f, first) and any(f.x0 < g.x1 and g.x0 < f.x1 for g in band)])


def _figure_row(fragments: list[Fragment]) -> bool:
    """Two of the fragments are figures side by side on one line (a table's row)."""
    figures = [f for f in fragments if _figure(f)]
    return any(_same_line(a, b) and (a.x1 <= b.x0 or b.x1 <= a.x0) for a, b in itertools.combinations(figures, 2))


def _figure(fragment: Fragment) -> bool:
    text = "".join(str(w["text"]) for w in fragment.words)
    return sum(c.isdigit() for c in text) > sum(c.isalpha() for c in text)


def _columns(fragments: list[Fragment], gutter: float) -> list[list[Fragment]]:
    """The fragments parted at every gap at least ``gutter`` wide that no fragment crosses, left to right."""
    columns: list[list[Fragment]] = []
    reach = -float("inf")
    for f in sorted(fragments, key=lambda f: f.x0):
        if f.x0 - reach >= gutter:
            columns.append([])
        columns[-1].append(f)
        reach = max(reach, f.x1)
    return columns


def _side_title(side: list[Fragment], column: list[Fragment]) -> bool:
    """A few words in another type size beside a column of running text: a side tab's or margin's title
    ("Start up and / Grow up!" in 16 pt beside 12 pt text), which is read apart from the lines it faces."""
    if not side or not _running_text(column):
        return False
    if _letters(side) < MIN_SIDE_TITLE_LETTERS:
        return False
    sizes = [_size(side), _size(column)]
    return min(sizes) > 0 and max(sizes) >= SIDE_TITLE_SIZE_RATIO * min(sizes)


def _letters(fragments: list[Fragment]) -> int:
    return sum(ch.isalpha() for f in fragments for w in f.words for ch in str(w["text"]))


def _size(fragments: list[Fragment]) -> float:
    return statistics.median(float(w.get("size") or 0) for f in fragments for w in f.words)


def _running_text(fragments: list[Fragment]) -> bool:
    """A column of text: several fragments, most of them long."""
    return len(fragments) >= MIN_COLUMN_FRAGMENTS and statistics.median(f.chars for f in fragments) >= MIN_COLUMN_CHARS


def _wordy(fragments: list[Fragment]) -> bool:
    """Words rather than a column of numbers or bullets: some fragment is a long run of mostly letters (a
    heading beside a column counts; a table's figures or a list's bullets do not)."""
    for f in fragments:
        text = f.text
        if len(text) >= MIN_COLUMN_CHARS and sum(c.isalpha() for c in text) >= 0.6 * len(text):
            return True
    return False


def _peeled(fragments: list[Fragment], size: float) -> list[list[Fragment]] | None:
    """Columns over footnotes that run across their gutter: the region cut at the gap over its foot (within
    its lower PEEL_SHARE, words in smaller type than the rest, starting at its left edge and running across
    the gutter; a page number under them besides), above which a gutter parts the rest into columns, so that
    the columns are read through before the notes, not cut into bands at a gap that happens to fall level in
    both (a heading in one, a new paragraph in the other). None when no such cut is there."""
    ordered = sorted(fragments, key=lambda f: f.top)
    top, bottom = ordered[0].top, max(f.bottom for f in ordered)
    best: int | None = None  # the highest such cut: every note under it (a short one under one column too)
    for _, i in reversed(_gaps(ordered)):  # the lowest cut first
        if ordered[i].top < bottom - PEEL_SHARE * (bottom - top):
            break
        foot, rest = ordered[i:], ordered[:i]
        usual = _size(rest) - SAME_TYPE_SIZE
        notes = [f for f in foot if not _folio(f, foot)]
        if not notes or not all(_size([f]) < usual and _has_word(f) for f in notes):
            continue  # notes are words in smaller type (a chart's ticks and data labels are no notes)
        if abs(min(f.x0 for f in foot) - min(f.x0 for f in rest)) > size:
            continue  # notes start at the text's left edge (a chart's axis labels stand in)
        sides = _vertical_cut(rest, size)
        if sides is None:
            continue
        gutter = (max(f.x1 for f in sides[0]), min(f.x0 for f in sides[-1]))
        if any(f.x0 < gutter[0] and f.x1 > gutter[1] for f in foot):  # the notes run across the gutter
            best = i
    return None if best is None else [ordered[:best], ordered[best:]]


def _folio(fragment: Fragment, foot: list[Fragment]) -> bool:
    """A page number under the notes: one word of at most four digits, under every other fragment of the foot."""
    text = fragment.text
    return (
        len(fragment.words) == 1 and text.isdigit() and len(text) <= 4
        and all(fragment.top >= f.bottom for f in foot if f is not fragment)
    )  # fmt: skip


def _has_word(fragment: Fragment) -> bool:
    """The fragment holds a word (three letters or more), not only figures and marks (``70%``, ``2.00``)."""
    return any(sum(c.isalpha() for c in str(w["text"])) >= 3 for w in fragment.words)


def _horizontal_cut(fragments: list[Fragment], at_least: float = 0.0) -> list[list[Fragment]] | None:
    """The fragments cut at the widest horizontal gaps that no fragment crosses (all those nearly as wide
    as the widest, so evenly spaced lines are cut in one pass); None when there is no gap wider than
    ``at_least``."""
    ordered = sorted(fragments, key=lambda f: f.top)
    gaps = _gaps(ordered)
    if not gaps or max(g for g, _ in gaps) <= at_least:
        return None
    widest = max(g for g, _ in gaps)
    cuts = [i for g, i in gaps if g >= widest * 0.9]
    return [ordered[a:b] for a, b in zip([0, *cuts], [*cuts, len(ordered)], strict=True)]


def _gaps(ordered: list[Fragment]) -> list[tuple[float, int]]:
    """The horizontal gaps no fragment crosses, top to bottom, in fragments sorted by their tops: (height, the
    index of the first fragment under the gap)."""
    gaps: list[tuple[float, int]] = []
    reach = ordered[0].bottom
    for i, f in enumerate(ordered[1:], start=1):
        if f.top > reach:
            gaps.append((f.top - reach, i))
        reach = max(reach, f.bottom)
    return gaps


def _rejoin(region: list[Fragment]) -> list[list[Word]]:
    """The region's fragments as lines: those that share a visual line joined left to right."""
    lines: list[list[Fragment]] = []
    for f in sorted(region, key=lambda f: (f.top, f.x0)):
        last = lines[-1][-1] if lines else None
        if last is not None and (_same_line(last, f) or _kicker(lines[-1], f)):
            lines[-1].append(f)
        else:
            lines.append([f])
    return [[w for f in sorted(line, key=lambda f: f.x0) for w in f.words] for line in lines]


def _kicker(line: list[Fragment], f: Fragment) -> bool:
    """A fragment of a few words set just left of a line's words on a lower baseline, reaching into its height (a
    heading's kicker, "STEP 1B.", beside its first line "What initial quanti-"): the start of that line."""
    first = min(line, key=lambda g: g.x0)
    if len(line) != 1 or f.x1 > first.x0 or len(f.words) > KICKER_WORDS or _letters([f]) < KICKER_LETTERS:
        return False
    height = min(first.bottom - first.top, f.bottom - f.top)
    overlap = min(first.bottom, f.bottom) - max(first.top, f.top)
    return overlap >= KICKER_OVERLAP * height and first.x0 - f.x1 <= KICKER_GAP * height


def _same_line(a: Fragment, b: Fragment) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.5 * min(a.bottom - a.top, b.bottom - b.top)


T = TypeVar("T")


def banded_lines(words: list[T], extent: Callable[[T], tuple[float, float]]) -> list[list[T]]:
    """Words grouped into the lines a reader sees, top to bottom: a word whose middle lies within the
    height of the line above it is on that line (a hyphen set a little higher than the digits beside it
    stays with them), and so is one within whose height the line's middle lies (a note mark raised over
    the word it follows, ``Others⁽¹⁾``). ``extent`` gives a word's (top, bottom); each line keeps the order
    found.

    >>> words = [("(1)", 68.8, 75.0), ("Others", 71.7, 81.6), ("Public", 83.2, 93.1)]
    >>> [[w[0] for w in line] for line in banded_lines(words, lambda w: (w[1], w[2]))]
    [['(1)', 'Others'], ['Public']]
    """
    out: list[list[T]] = []
    band = (0.0, -1.0)
    for w in sorted(words, key=lambda w: extent(w)[0]):
        top, bottom = extent(w)
        if out and (band[0] <= (top + bottom) / 2 <= band[1] or top <= (band[0] + band[1]) / 2 <= bottom):
            out[-1].append(w)
            band = (min(band[0], top), max(band[1], bottom))
        else:
            out.append([w])
            band = (top, bottom)
    return out
