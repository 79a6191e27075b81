"""A PDF page's words from pdfium's text layer (pypdfium2), as pdfplumber's ``extract_words`` makes them.

The reader's words for a clean text layer (:func:`pipeline.readers.pdf_page.read_page`): each char's text, box,
font name, size and pdfium's own signals (``FPDFText_IsGenerated``: a space or line
break pdfium made up; ``FPDFText_IsHyphen``; ``FPDFText_HasUnicodeMapError``: a char
whose Unicode mapping is broken), grouped into words by pdfplumber's rules:
consecutive chars of one font and size, clustered into lines by their top
(``y_tolerance``), split at spaces, at a gap wider than ``x_tolerance`` and where
a char starts left of the one before.

Boxes follow pdfminer's convention, which the layout was built on: a char's box
is as tall as its font size and sits on the font's descent, so ``top`` is
``bottom - size``; pdfium's loose box gives the left, right and bottom edges.
"""

from __future__ import annotations

import collections
import ctypes
import itertools
import math
from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Any, NamedTuple, TypeVar

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.utils.clustering import cluster_objects

T = TypeVar("T")

ORDINAL_GAP = 0.08  # ems between an ordinal marker's dot and the word it numbers, drawn with no space between
SHORT_BOX = 0.5  # a loose box less tall than this share of its font size is the glyph's own box
BASELINE_TOLERANCE = 0.5  # points between two chars' baselines on one line
SOFT_HYPHEN_MARK = 2  # what pdfium reports for a hyphen that breaks a word at a line's end
LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}


class Char(NamedTuple):
    """One glyph the page draws (a tuple: a page has thousands, and a tuple is the cheapest to make)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    fontname: str
    font: int  # the font object's address: two subsets of one font are two fonts, as in pdfminer
    size: float
    upright: bool
    turn: int  # degrees the displayed page must turn clockwise for this char to read upright (0, 90, 180, 270), or -1
    hyphen: bool  # pdfium: a soft hyphen at a line end
    space_before: bool  # pdfium put a space before it (a space glyph, or a gap it reads as one)
    unicode_error: bool  # pdfium: the font's Unicode mapping for this char is broken


def page_chars(
    page: pdfium.PdfPage,
    textpage: pdfium.PdfTextPage,
    hidden: frozenset[int] = frozenset(),
    unseen: list[Char] | None = None,
) -> list[Char]:
    """Every char of the page's text layer that the PDF draws (pdfium's generated spaces left out), but those
    of the text objects in ``hidden`` (their addresses:
    :func:`pipeline.readers.pdfium_graphics.painting`), which go to ``unseen`` instead.

    The page's text comes from pdfium in one call; font, size and orientation belong to the text
    object a char comes from, so they are asked once per object. Per char pdfium is asked only for
    its object, box and mapping error, whether it was generated for a space or line break (the
    only chars pdfium generates), whether a hyphen ends a line, for hyphens, and, for a char whose loose
    box pdfium gives as the glyph's own (:func:`_line_bottom`), its origin and the one before it.
    """
    ra, rb, rc, rd, re_, rf, height = display_transform(page)
    turned = rb != 0 or rc != 0 or ra != 1 or rd != 1
    raw = textpage.raw  # the handle itself: the helper object converts itself on every call
    rect = pdfium_c.FS_RECTF()
    generated, object_of = pdfium_c.FPDFText_IsGenerated, _object_address
    box_of, map_error, is_hyphen = (
        pdfium_c.FPDFText_GetLooseCharBox,
        pdfium_c.FPDFText_HasUnicodeMapError,
        pdfium_c.FPDFText_IsHyphen,
    )
    objects: dict[int, Style] = {}
    out: list[Char] = []
    space = False
    last: tuple[int, float] | None = None  # the last upright char drawn: its index and its box's bottom
    for i, code in enumerate(_codes(raw)):
        if code in _MAY_BE_GENERATED and generated(raw, i) == 1:  # pdfium made it up: the PDF does not draw it
            space = space or code == 32
            continue
        if not code or not box_of(raw, i, rect):
            continue
        key = object_of(raw, i)  # None for a char of no object (some spaces pdfium adds)
        painted = key in hidden
        style = objects.get(key) if key is not None else None
        if style is None:
            style = _style(raw, i, key, (ra, rb, rc, rd))
            if key is not None:
                objects[key] = style
        fontname, font, size, upright, turn = style
        left, right, low, high = rect.left, rect.right, rect.bottom, rect.top
        if upright and high - low < SHORT_BOX * size:  # pdfium gave the glyph's own box: a dash, not its line's
            low = _line_bottom(raw, i, last, low)
        last = (i, low) if upright else None
        if turned:
            xs = [ra * x + rc * y + re_ for x in (left, right) for y in (low, high)]
            ys = [rb * x + rd * y + rf for x in (left, right) for y in (low, high)]
            x0, x1, top, bottom = min(xs), max(xs), height - max(ys), height - min(ys)
        else:
            x0, x1, top, bottom = left + re_, right + re_, height - high - rf, height - low - rf
        if upright:
            top = bottom - size  # pdfminer's box: as tall as the font size, from the descent
        hyphen = code in _HYPHENS and is_hyphen(raw, i) == 1
        text = "-" if hyphen or code == SOFT_HYPHEN_MARK else chr(code)
        broken = map_error(raw, i) == 1
        char = Char(text, x0, top, x1, bottom, fontname, font, size, upright, turn, hyphen, space, broken)
        if not painted:
            out.append(char)
        elif unseen is not None:
            unseen.append(char)
        space = False
    return out


def _line_bottom(raw: Any, i: int, last: tuple[int, float] | None, low: float) -> float:
    """The bottom of char ``i``'s loose box when pdfium gave its glyph's tight box instead (it does for some
    dashes: ``2019‑20``'s non-breaking hyphen sits 4 pt above its digits, so it made a line of its own, read
    after them as ``2019 20 -``): as far below its baseline as the last upright char's box is below that char's
    baseline, or the glyph's own bottom when that char was on another baseline or there is none."""
    if last is None:
        return low
    x, y, last_x, last_y = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    if not (
        pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y) and pdfium_c.FPDFText_GetCharOrigin(raw, last[0], last_x, last_y)
    ):
        return low
    if abs(y.value - last_y.value) > BASELINE_TOLERANCE:
        return low
    return y.value - (last_y.value - last[1])


def _codes(raw: Any) -> list[int]:
    """The Unicode code of every char of the text page, index for index, asked of pdfium in one call.

    pdfium writes UTF-16 with its soft-hyphen mark as U+FFFE; a page with a char beyond the Basic
    Multilingual Plane (two UTF-16 units) is asked char by char instead, keeping index for index.
    """
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    buffer = (ctypes.c_ushort * (2 * count + 1))()
    written = pdfium_c.FPDFText_GetText(raw, 0, count, buffer) - 1  # less the terminating NUL
    codes = buffer[:written]
    if written != count or any(0xD800 <= code <= 0xDFFF for code in codes):
        return [pdfium_c.FPDFText_GetUnicode(raw, i) for i in range(count)]
    return [SOFT_HYPHEN_MARK if code == _SOFT_HYPHEN_TEXT else code for code in codes]


# FPDFText_GetTextObject giving the object's address as an int, a dict key, rather than a pointer object
# (casting a pointer per char to an address costs a third of the char loop)
_object_address = ctypes.CFUNCTYPE(ctypes.c_void_p, pdfium_c.FPDF_TEXTPAGE, ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value or 0
)
_HYPHENS = frozenset((0x2D, 0xAD, SOFT_HYPHEN_MARK))  # the chars pdfium may call a line-end hyphen
_MAY_BE_GENERATED = frozenset((0x20, 0x0A, 0x0D))  # pdfium generates spaces and line breaks, nothing else
_SOFT_HYPHEN_TEXT = 0xFFFE  # the soft-hyphen mark as FPDFText_GetText writes it
Style = tuple[str, int, float, bool, int]  # font name, font object, size as drawn, upright, turn (see Char)


def _style(textpage: Any, index: int, address: int | None, display: tuple[float, ...]) -> Style:
    """A text object's font name, font object, size as drawn, whether it is upright on the displayed page, and
    how far the page must turn for it to be (:func:`quarter_turn` of its baseline)."""
    ra, rb, rc, rd = display
    size = pdfium_c.FPDFText_GetFontSize(textpage, index)
    a, b, c, d = ra, rb, rc, rd
    matrix = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
        size *= (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5
        b, c = matrix.a * rb + matrix.b * rd, matrix.c * ra + matrix.d * rc
        a, d = matrix.a * ra + matrix.b * rc, matrix.c * rb + matrix.d * rd
    upright = abs(b) < 1e-6 and abs(c) < 1e-6 and a * d > 0
    turn = quarter_turn(a, b)
    font = pdfium_c.FPDFTextObj_GetFont(ctypes.cast(address, pdfium_c.FPDF_PAGEOBJECT)) if address else None
    if not font:
        return "", 0, size, upright, turn
    name = ctypes.create_string_buffer(256)
    length = pdfium_c.FPDFFont_GetBaseFontName(font, name, len(name))
    fontname = name.value.decode("utf-8", "replace") if length else ""
    return fontname, ctypes.cast(font, ctypes.c_void_p).value or 0, size, upright, turn


def page_turn(chars: Sequence[Char]) -> int:
    """How far (degrees, clockwise) the displayed page must turn for its text to read upright: the turn nearly
    all its letters need (``TURN_SHARE``), else 0. A landscape table set sideways on a portrait page, or a page
    whose /Rotate shows its upright text on its side, is read turned; a chart's sideways axis labels on an
    upright page are not, nor labels set at a slant."""
    letters = collections.Counter(c.turn for c in chars if not c.text.isspace())
    total = sum(letters.values())
    turn, count = max(letters.items(), key=lambda tc: tc[1], default=(0, 0))
    return turn if turn != SLANTED and total >= MIN_TURN_LETTERS and count >= TURN_SHARE * total else 0


# share of a page's letters that must need one turn for the page to be read turned: all but a running header
# or page number. Charts whose axis labels run sideways reach 0.54 to 0.75 on policy PDFs (../shared/corpus:
# BBB spotlights, a sector deal), a diagram turned sideways beside upright boxes 0.73; none of them is turned.
TURN_SHARE = 0.9
# a page turns only for text to read: a photograph's sideways credit or a page number alone turns nothing
MIN_TURN_LETTERS = 40


def quarter_turn(a: float, b: float) -> int:
    """How far (degrees, clockwise) a page must turn for text whose baseline runs along ``(a, b)`` on it
    (y up) to read left to right: the baseline's angle when it is a quarter turn (within ``SLANT`` degrees),
    else ``SLANTED``.

    >>> quarter_turn(1, 0), quarter_turn(0, 1), quarter_turn(-1, 0), quarter_turn(0, -2)
    (0, 90, 180, 270)
    >>> quarter_turn(0.99, 0.1), quarter_turn(0.5, 0.87)  # 6 degrees off level; a chart's label at 60 degrees
    (0, -1)
    """
    angle = math.degrees(math.atan2(b, a))
    quarter = round(angle / 90)
    return quarter % 4 * 90 if abs(angle - 90 * quarter) <= SLANT else SLANTED


SLANT = 10.0  # degrees off a quarter turn that text may be set at and still read along it
SLANTED = -1  # the turn of text set at a slant (a chart's axis labels): no turn of the page makes it upright


def dedupe_chars(chars: list[Char], tolerance: float = 1.0) -> list[Char]:
    """The chars without those drawn twice (see :func:`drawn_once`), in the page's order."""
    key = attrgetter("upright", "text", "fontname", "size")
    return [chars[i] for i in drawn_once(chars, key, attrgetter("top"), attrgetter("x0"), tolerance)]


def drawn_once(
    items: Sequence[T],
    same: Callable[[T], Any],
    top: Callable[[T], float],
    x0: Callable[[T], float],
    tolerance: float = 1.0,
) -> list[int]:
    """The indices, in order, of the glyphs kept when those drawn twice are dropped.

    pdfplumber's ``dedupe_chars`` rule: glyphs alike by ``same`` (text, orientation, font name
    and size) within ``tolerance`` points of each other are one, the first by position kept. In
    linear-logarithmic time: pdfplumber's own puts the kept glyphs back in order by ``list.index``,
    quadratic in the glyphs of a page (a page of 50,000 tiny glyphs took a minute).
    """
    kept: list[int] = []
    ordered = sorted(enumerate(items), key=lambda ic: same(ic[1]))
    for _, group in itertools.groupby(ordered, key=lambda ic: same(ic[1])):
        for row in cluster_objects(list(group), lambda ic: top(ic[1]), tolerance):
            for alike in cluster_objects(row, lambda ic: x0(ic[1]), tolerance):
                kept.append(min(alike, key=lambda ic: (top(ic[1]), x0(ic[1])))[0])
    return sorted(kept)


def display_transform(page: pdfium.PdfPage) -> tuple[float, float, float, float, float, float, float]:
    """The matrix from PDF user space to the page as displayed (its /Rotate applied, origin at the media
    box's corner, as pdfminer's interpreter sets it), and the displayed page's height."""
    mx0, my0, mx1, my1 = page.get_mediabox()
    x0, x1, y0, y1 = min(mx0, mx1), max(mx0, mx1), min(my0, my1), max(my0, my1)
    rotation = page.get_rotation() % 360
    if rotation == 90:
        return 0, -1, 1, 0, -y0, x1, x1 - x0
    if rotation == 180:
        return -1, 0, 0, -1, x1, y1, y1 - y0
    if rotation == 270:
        return 0, 1, -1, 0, y1, -x0, x1 - x0
    return 1, 0, 0, 1, -x0, -y0, y1 - y0


def chars_to_words(chars: list[Char], x_tolerance: float = 3.0, y_tolerance: float = 3.0) -> list[dict[str, Any]]:
    """Words as pdfplumber's ``extract_words(extra_attrs=["fontname", "size"])`` returns them."""
    words: list[dict[str, Any]] = []
    for _, run in itertools.groupby(chars, key=lambda c: (c.upright, c.font, c.size)):
        for line in _lines(list(run), y_tolerance):
            word: list[Char] = []
            for c in line:
                if c.space_before and word:
                    _flush(word, words)
                    word = []
                if c.text.isspace():
                    _flush(word, words)
                    word = []
                elif word and (
                    c.x0 < word[-1].x0
                    or c.x0 > word[-1].x1 + x_tolerance
                    or abs(c.top - word[-1].top) > y_tolerance
                    or _after_ordinal(word, c)
                ):
                    _flush(word, words)
                    word = [c]
                else:
                    word.append(c)
            _flush(word, words)
    return words


def _after_ordinal(word: list[Char], c: Char) -> bool:
    """``c`` opens the item an ordinal marker numbers, set apart by a gap but no space ("10.WMCA will ...",
    drawn "10." then "WMCA" a tenth of an em on): the marker is a word of its own."""
    return (
        c.text.isupper()
        and c.x0 - word[-1].x1 >= ORDINAL_GAP * c.size
        and word[-1].text == "."
        and 2 <= len(word) <= 3
        and all(w.text.isdigit() for w in word[:-1])
    )


def _lines(chars: list[Char], tolerance: float) -> list[list[Char]]:
    """Chars clustered by top (pdfplumber's ``cluster_objects``), each line left to right."""
    tops = sorted({c.top for c in chars})
    cluster: dict[float, int] = {}
    group, last = 0, None
    for top in tops:
        if last is not None and top > last + tolerance:
            group += 1
        cluster[top] = group
        last = top
    lines: dict[int, list[Char]] = {}
    for c in sorted(chars, key=lambda c: cluster[c.top]):
        lines.setdefault(cluster[c.top], []).append(c)
    return [sorted(line, key=lambda c: c.x0) for _, line in sorted(lines.items())]


def _flush(word: list[Char], words: list[dict[str, Any]]) -> None:
    if not word:
        return
    first = word[0]
    text = "".join([c.text for c in word])
    if not text.isascii():
        text = text.translate(_AS_LETTERS)
    words.append({
        "text": text,
        "x0": min([c.x0 for c in word]), "x1": max([c.x1 for c in word]),
        "top": min([c.top for c in word]), "bottom": max([c.bottom for c in word]),
        "fontname": first.fontname, "size": first.size, "upright": first.upright,
        "unicode_errors": sum([c.unicode_error for c in word]), "hyphen": word[-1].hyphen,
    })  # fmt: skip


_AS_LETTERS = str.maketrans(LIGATURES)
