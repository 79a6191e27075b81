"""What every layout step shares: a line's text, section numbers, titles compared, the heading record."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pipeline.models import BBox, Line

MAX_HEADING_CHARS = 120


MAX_HEADING_WORDS = 14


_END_PUNCTUATION = (".", ",", ";")
# a line ending in a word that joins more words to it ("... agree new Codes of"): the next line goes on with them
JOINS_ON = re.compile(r"(?<![\w’'-])(?:and|or|of|in|for|the|to|with|by|from|on|at|a|an|&)$")


PDF_PARAGRAPH_GAP_RATIO = 0.8  # a gap over this many line heights always sets a line apart from the one above
PARAGRAPH_GAP_EXTRA = 0.35  # ... and so does a gap this many line heights beyond the document's usual one
LEADING_STEP = 0.5  # points: gaps are counted to this step to find the usual one
TYPE_STEP = 0.5  # points: type sizes are told apart to this step (a line with a word in a size a fraction
# larger, as a title's italic set in its sentence, is still in the text's type)


@dataclass(slots=True)
class Heading:
    line: int
    number: str | None
    title: str
    level: int | None
    char_start: int
    char_end: int
    page: int | None
    bbox: BBox | None


def heading_last_line(lines: Sequence[Line], h: Heading) -> int:
    """The index of the last line a heading's run covers."""
    j = h.line
    while j + 1 < len(lines) and lines[j + 1].char_end <= h.char_end:
        j += 1
    return j


def line_text(text: str, line: Line) -> str:
    return text[line.char_start : line.char_end]


def number_depth(number: str) -> int:
    """``'2'`` → 1, ``'2.11'`` → 2."""
    return number.count(".") + 1


def number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def normalise_title(title: str) -> str:
    """Casefolded words only, for matching a heading against its contents entry.

    >>> normalise_title("Increasing Value-Added")
    'increasing value added'
    """
    return " ".join(re.findall(r"[^\W_]+", title.casefold()))


def title_shape_ok(title: str) -> bool:
    if len(title) > MAX_HEADING_CHARS or len(title.split()) > MAX_HEADING_WORDS:
        return False
    if title.endswith(_END_PUNCTUATION) or not re.search(r"[^\W\d_]", title):
        return False
    first = title[0]
    return first.isupper() or first.isdigit() or not first.isalpha()


def usual_gaps(lines: Sequence[Line]) -> dict[float | None, float]:
    """The usual gap between two lines of one paragraph, per font size: the commonest gap (to
    :data:`LEADING_STEP`) between a line and the one under it, of the same look, on the same page,
    overlapping it across and closer than :data:`PDF_PARAGRAPH_GAP_RATIO` line heights.

    >>> boxes = [BBox(x0=0, top=top, x1=100, bottom=top + 10) for top in (0, 12, 24, 36, 53, 65)]
    >>> usual_gaps([Line(0, 1, 1, box, 10.0) for box in boxes])
    {10.0: 2.0}
    """
    gaps: dict[float | None, Counter[float]] = {}
    for before, line in itertools.pairwise(lines):
        if before.page != line.page or before.bbox is None or line.bbox is None:
            continue
        if not same_type(before, line):
            continue
        if min(before.bbox.x1, line.bbox.x1) <= max(before.bbox.x0, line.bbox.x0):
            continue
        height = before.bbox.bottom - before.bbox.top
        gap = line.bbox.top - before.bbox.bottom
        if -height < gap <= height * PDF_PARAGRAPH_GAP_RATIO:
            gaps.setdefault(line.font_size, Counter())[round(gap / LEADING_STEP) * LEADING_STEP] += 1
    return {size: counts.most_common(1)[0][0] for size, counts in gaps.items()}


def same_type(a: Line, b: Line) -> bool:
    """Are two lines set in one type: the same size to :data:`TYPE_STEP`, both bold or neither?

    >>> text, larger, title = (Line(0, 1, 1, BBox(x0=0, top=0, x1=100, bottom=12), size) for size in (12.0, 12.2, 13.0))
    >>> same_type(text, larger), same_type(text, title)
    (True, False)
    """
    return _type_size(a) == _type_size(b) and a.bold == b.bold


def _type_size(line: Line) -> float | None:
    return None if line.font_size is None else round(line.font_size / TYPE_STEP) * TYPE_STEP


def body_font_size(lines: Sequence[Line]) -> float | None:
    """The font size most of the text is set in (by characters), or None when no line has one."""
    weighted: dict[float, int] = {}
    for line in lines:
        if line.font_size:
            weighted[line.font_size] = weighted.get(line.font_size, 0) + (line.char_end - line.char_start)
    return max(weighted, key=lambda s: weighted[s]) if weighted else None


def set_apart(above: Line, line: Line, usual: Mapping[float | None, float]) -> bool:
    """Is ``line`` set apart from the PDF line above it, as a new paragraph or a heading is? Its gap is more
    than :data:`PDF_PARAGRAPH_GAP_RATIO` line heights, or more than :data:`PARAGRAPH_GAP_EXTRA` line
    heights beyond the usual gap between lines of its size (``usual``: :func:`usual_gaps`). A line in a larger
    type than the one above is judged by the smaller size's usual gap too: the text above would have gone on
    at its own leading, so a gap well beyond that sets the line apart even when it is under a line height.

    >>> body = [Line(0, 1, 1, BBox(x0=0, top=top, x1=100, bottom=top + 11), 11.0) for top in (0, 13, 26)]
    >>> title = Line(0, 1, 1, BBox(x0=0, top=44.6, x1=60, bottom=57.6), 13.0)
    >>> usual = usual_gaps(body)
    >>> set_apart(body[-1], title, usual), set_apart(body[0], body[1], usual)
    (True, False)
    """
    if above.bbox is None or line.bbox is None:
        return False
    height = above.bbox.bottom - above.bbox.top
    gap = line.bbox.top - above.bbox.bottom
    widest = height * PDF_PARAGRAPH_GAP_RATIO
    sizes = [line.font_size]
    if above.font_size is not None and line.font_size is not None and above.font_size < line.font_size:
        sizes.append(above.font_size)
    leading = min((usual[size] for size in sizes if size in usual), default=None)
    if leading is not None:
        widest = min(widest, leading + height * PARAGRAPH_GAP_EXTRA)
    return gap > widest
