"""One PDF page → lines of words with their boxes and fonts.

The page's text layer is read with pdfplumber, put in reading order and scored for
garble; doubled glyphs are repaired, and a page still garbled (or with no text) is
read again by OCR when that reads it better.
"""

from __future__ import annotations

import functools
import io
import itertools
import math
import statistics
import unicodedata
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import TYPE_CHECKING, Any, cast

from pdfplumber.display import PageImage as PlumberImage
from pdfplumber.table import TableFinder
from PIL import Image

from pipeline.language.garble import PageAssessment, lines_to_assessment
from pipeline.models import BBox, Line, PageLayer, RawTable, SourceIssue, Word
from pipeline.readers import ocr
from pipeline.readers.ocr import OcrSettings
from pipeline.readers.pdfium_graphics import Painting, painting
from pipeline.readers.pdfium_rulings import RuledPage, page_edges, row_rules
from pipeline.readers.pdfium_words import (
    LIGATURES,
    Char,
    chars_to_words,
    dedupe_chars,
    drawn_once,
    page_chars,
    page_turn,
)
from pipeline.readers.reading_order import spread_fold, words_box, words_to_reading_lines
from pipeline.readers.repair import BULLET, drawn_bullet, repair_lines
from pipeline.registry import extractor
from pipeline.timing import Stopwatch

if TYPE_CHECKING:
    from pdfplumber.page import Page

DEFAULT_LINE_TOLERANCE = 3.0


# a font's weight class (CSS's scale) from the words of its name, the longer words first ("semibold" before "bold")
_WEIGHTS = (
    ("hairline", 100), ("thin", 100), ("extralight", 200), ("ultralight", 200), ("semilight", 350), ("light", 300),
    ("extrabold", 800), ("ultrabold", 800), ("semibold", 600), ("demibold", 600), ("demi", 600), ("bold", 700),
    ("black", 900), ("heavy", 800), ("medium", 500),
)  # fmt: skip
REGULAR_WEIGHT = 400  # a name that says no weight ("Helvetica", "Bliss-Regular", "Gotham-Book")
BOLD_WEIGHT = 600


# a word's ligatures as their letters (pdfium's words have them so already), and control chars as spaces
_LIGATURES = str.maketrans({**LIGATURES, "\f": " ", "\x00": " ", "\n": " ", "\r": " "})

POINTS_PER_INCH = 72.0
DRAWING = {"no_smoothtext": True, "no_smoothpath": True, "no_smoothimage": True}  # pdfplumber's pdfium settings
MAX_OCR_PIXELS = 150e6  # an A0 page at 300 dpi is 140 megapixels
PAGE_FRAME_SHARE = 0.9  # a ruled grid covering this share of its page frames the page, it is no table


TEXT_LAYER_READERS = ("pdfium", "pdfplumber")


@dataclass(frozen=True, slots=True)
class PdfSettings:
    """How words are read and grouped into lines (points)."""

    x_tolerance: float = 3.0
    y_tolerance: float = 3.0
    line_tolerance: float = DEFAULT_LINE_TOLERANCE
    image_dpi: int = 96  # page images for the run report's provenance viewer; 0 renders none
    text_layer: str = "pdfium"  # who reads a clean text layer: "pdfium", or "pdfplumber" (pdfminer) for every page

    def __post_init__(self) -> None:
        for name in ("x_tolerance", "y_tolerance", "line_tolerance"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if self.image_dpi < 0:
            raise ValueError("image_dpi must not be negative")
        if self.text_layer not in TEXT_LAYER_READERS:
            raise ValueError(f"text_layer must be one of {', '.join(TEXT_LAYER_READERS)}")


@functools.lru_cache(maxsize=1024)
def font_weight(fontname: str) -> int:
    """The weight class a font's name gives (100 thin to 900 black; 400 when it names none).

    >>> font_weight("HJGXSN+Bliss-Light"), font_weight("Bliss-Regular"), font_weight("HelveticaNeue-Medium")
    (300, 400, 500)
    >>> font_weight("Arial-BoldMT"), font_weight("Gotham-Black"), font_weight("Myriad-SemiboldIt")
    (700, 900, 600)
    """
    name = fontname.split("+", 1)[-1].lower()
    return next((weight for word, weight in _WEIGHTS if word in name), REGULAR_WEIGHT)


def words_to_lines(words: list[dict[str, Any]], tolerance: float) -> list[list[dict[str, Any]]]:
    """Group a page's words into lines by their top edge, each line left to right, lines top to bottom."""
    ordered = sorted(words, key=lambda w: (round(w["top"], 1), w["x0"]))
    lines: list[list[dict[str, Any]]] = []
    for word in ordered:
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def word_text(word: dict[str, Any]) -> str:
    return unicodedata.normalize("NFC", str(word["text"]).translate(_LIGATURES))


RawLine = list[dict[str, Any]]

SPLICE_MARGIN = 2.0  # points: an OCR word belongs to a garbled line when its centre lies this close to it
PAINTED_QUOTE = 80  # characters of the words painted over that their issue quotes
OCR_MARGIN = 12.0  # points of the page OCR is given around the garbled lines: a white border Tesseract reads best with

REPAIR_KINDS = {
    "ligature": "lost ligatures restored",
    "split_word": "split words joined",
    "drop_cap": "drop caps joined",
    "letter_spaced": "letter-spaced words closed up",
    "initial": "decorative initials dropped",
    "doubled": "lines drawn twice read once",
    "note_mark": "footnote marks set apart",
}
REPAIR_EXTRACTOR = extractor("reader/repair")


def page_to_raw_tables(
    page: Any, number: int, pdfium_page: Any = None, bbox: tuple[float, float, float, float] | None = None
) -> list[RawTable]:
    """The tables pdfplumber's table finder builds from the page's ruling lines, as cell boxes (None where a
    cell spans); the rulings come from pdfium's path objects when ``pdfium_page`` is given, within ``bbox``
    (the page's own box by default). With them, strategy ``rows``: each group of rules drawn between rows
    only (:func:`~pipeline.readers.pdfium_rulings.row_rules`), its bands between the rules as one-cell rows,
    for :func:`~pipeline.readers.table_finder.lines_to_tables` to find their columns."""
    out = []
    if pdfium_page is not None:
        edges = page_edges(pdfium_page)
        found = TableFinder(cast("Page", RuledPage(edges, bbox or tuple(page.bbox)))).tables
        for x0, x1, ys in row_rules(edges):
            bands: list[list[BBox | None]] = [
                [BBox(x0=x0, top=top, x1=x1, bottom=bottom)] for top, bottom in itertools.pairwise(ys)
            ]
            out.append(RawTable(number, BBox(x0=x0, top=ys[0], x1=x1, bottom=ys[-1]), bands, "rows"))
    else:
        found = page.find_tables()
    px0, ptop, px1, pbottom = bbox or tuple(page.bbox)
    for table in found:
        rows = [[BBox(x0=c[0], top=c[1], x1=c[2], bottom=c[3]) if c else None for c in row.cells] for row in table.rows]
        x0, top, x1, bottom = table.bbox
        if (x1 - x0) * (bottom - top) >= PAGE_FRAME_SHARE * (px1 - px0) * (pbottom - ptop):
            continue  # rules round the whole page frame it (or its panels), not a table
        out.append(RawTable(number, BBox(x0=x0, top=top, x1=x1, bottom=bottom), rows))
    return out


@dataclass(slots=True)
class PageRead:
    """What a page's text came from, and how garbled it still is."""

    groups: list[RawLine]
    source: str
    assessment: PageAssessment
    ocr_confidence: float | None = None
    issues: list[SourceIssue] = field(default_factory=list)
    layers: list[PageLayer] = field(default_factory=list)
    fold: float | None = None  # where a two-page spread folds (x in points); None for a single page
    turn: int = 0  # degrees the page was turned clockwise from how it is displayed, so that its text reads upright
    repairs: int = 0  # words of the text layer mended (pipeline.readers.repair)


def read_page(
    page: Any,
    number: int,
    settings: PdfSettings,
    ocr_settings: OcrSettings | None,
    watch: Stopwatch,
    drawn: Drawing | None = None,
) -> PageRead:
    """The page's text layer; repaired by de-duplicating glyphs, or replaced by OCR, when it is broken.

    ``drawn`` is the same page in the PDF opened once in pdfium. With ``settings.text_layer`` "pdfium"
    the text layer is read by pdfium, and glyphs drawn twice are removed from its chars; a page pdfium
    reads with broken Unicode mappings, or that still reads as garbled, is read again by pdfplumber,
    whose repairs and OCR follow. pdfium also draws the page for OCR (:func:`page_picture`).
    """
    read: PageRead | None = None
    if drawn is not None and settings.text_layer == "pdfium":
        read = _read_by_pdfium(drawn, number, settings, watch)
    if read is None:
        read = _read_by_pdfplumber(page, number, settings, watch)
    with watch.stage("read/repair"):
        read = _repaired_text(number, read)
    if not read.groups and ocr_settings is not None and ocr.available():
        with watch.stage("read/ocr"):
            return _ocr_or_keep(page, drawn, number, read, ocr_settings, why="the page has no text layer")
    if read.assessment.broken:
        if ocr_settings is None or not ocr.available():
            read.issues.append(
                SourceIssue(
                    "garbled_page",
                    "error",
                    f"page {number}: {read.assessment.explain()}. OCR is unavailable (Tesseract is not "
                    "installed), so the page is kept as it is and nothing is extracted from its garbled text",
                    page=number,
                )
            )
            return read
        with watch.stage("read/ocr"):
            if not read.assessment.page.garbled and read.source != "ocr":
                return _ocr_lines(page, drawn, number, read, ocr_settings)
            return _ocr_or_keep(page, drawn, number, read, ocr_settings, why=read.assessment.explain())
    return read


def _repaired_text(number: int, read: PageRead) -> PageRead:
    """The text layer with its broken words mended (lost ligatures, split words, drop caps), saying so."""
    groups, repairs = repair_lines(read.groups)
    if not repairs.total:
        return read
    kinds = ", ".join(f"{n} {REPAIR_KINDS[kind]}" for kind, n in sorted(repairs.counts.items()))
    examples = "; ".join(f"“{before}” → “{after}”" for before, after in repairs.examples)
    read.groups = groups
    read.repairs = repairs.total
    read.issues.append(
        SourceIssue(
            "text_repaired", "info",
            f"page {number}: {repairs.total} word(s) of the text layer mended ({kinds}), e.g. {examples}",
            page=number, extractor=REPAIR_EXTRACTOR,
        )
    )  # fmt: skip
    return read


def _read_by_pdfplumber(page: Any, number: int, settings: PdfSettings, watch: Stopwatch) -> PageRead:
    """The page read by pdfplumber, with its doubled glyphs removed when that reads better."""
    lines, fold = page_to_lines_and_fold(page, settings, watch)
    with watch.stage("read/assess"):
        read = _assessed(lines, "pdf")
    read.fold = fold
    if read.assessment.broken and read.assessment.doubled:
        with watch.stage("read/words"):
            once = _dedupe_plumber_chars(page)
        lines, fold = page_to_lines_and_fold(once, settings, watch)
        deduped = _assessed(lines, "pdf-dedupe")
        deduped.fold = fold
        if _badness(deduped.assessment) < _badness(read.assessment):
            return _repaired(number, read, deduped)
    return read


def _dedupe_plumber_chars(page: Any) -> Any:
    """pdfplumber's page without its glyphs drawn twice (its own ``dedupe_chars`` rule, in n log n time)."""
    chars = page.chars
    key = itemgetter("upright", "text", "fontname", "size")
    kept = {id(chars[i]) for i in drawn_once(chars, key, itemgetter("doctop"), itemgetter("x0"))}
    return page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) in kept)


def _read_by_pdfium(drawn: Drawing, number: int, settings: PdfSettings, watch: Stopwatch) -> PageRead | None:
    """The page read by pdfium, clean or with its doubled glyphs removed; None when pdfplumber must read it:
    a char's Unicode mapping is broken, or the page reads as garbled even without doubled glyphs."""
    with watch.stage("read/words"):
        pdfium_page = drawn.page()
        chars, unseen = _chars(drawn)
        turn, shown = page_turn(chars), pdfium_page.get_rotation()
        if turn:  # the page is read, measured and drawn turned (pdfium's page, not the file, is changed)
            pdfium_page.set_rotation((shown + turn) % 360)
            chars, unseen = _chars(drawn)
    read = _read_chars(number, chars, pdfium_page, settings, watch)
    if read is not None and (painted := _painted_over(number, unseen, settings)) is not None:
        read.issues.append(painted)
    if turn and read is not None:
        read.turn = turn
        read.issues.append(_turned(number, turn))
    elif turn:
        pdfium_page.set_rotation(shown)  # pdfplumber reads the page as displayed, and pdfium draws it so
    return read


def _chars(drawn: Drawing) -> tuple[list[Char], list[Char]]:
    """The chars of the page a reader sees, and those it draws under a panel painted over them."""
    pdfium_page = drawn.page()
    textpage = pdfium_page.get_textpage()
    unseen: list[Char] = []
    try:
        return page_chars(pdfium_page, textpage, drawn.painting().hidden, unseen), unseen
    finally:
        textpage.close()


def _painted_over(number: int, unseen: list[Char], settings: PdfSettings) -> SourceIssue | None:
    """The page's ``text_painted_over`` issue, quoting the words drawn under a panel; None when they hold none (a
    space drawn there).

    >>> space = Char(" ", 10, 0, 13, 10, "F", 1, 10.0, True, 0, False, False, False)
    >>> _painted_over(3, [space], PdfSettings()) is None
    True
    """
    words = [str(w["text"]) for w in chars_to_words(unseen, settings.x_tolerance, settings.y_tolerance)]
    if not words:
        return None
    quoted = " ".join(words)
    quoted = quoted if len(quoted) <= PAINTED_QUOTE else quoted[: PAINTED_QUOTE - 1] + "…"
    return SourceIssue(
        "text_painted_over", "info",
        f"page {number}: {len(words)} word(s) the page draws and then paints a panel over, which no reader sees, "
        f"were left out of its text: '{quoted}'",
        page=number,
    )  # fmt: skip


def _read_chars(
    number: int, chars: list[Char], pdfium_page: Any, settings: PdfSettings, watch: Stopwatch
) -> PageRead | None:
    if any(c.unicode_error for c in chars):
        return None
    size = pdfium_page.get_size()
    read = _chars_read(chars, "pdf", settings, watch, size)
    if not read.assessment.broken:
        return read
    if read.assessment.doubled:
        with watch.stage("read/words"):
            once = dedupe_chars(chars)
        deduped = _chars_read(once, "pdf-dedupe", settings, watch, size)
        if not deduped.assessment.broken:
            return _repaired(number, read, deduped)
    return None


def _turned(number: int, turn: int) -> SourceIssue:
    way = {90: "a quarter turn clockwise", 180: "a half turn", 270: "a quarter turn anticlockwise"}[turn]
    return SourceIssue(
        "page_turned", "info",
        f"page {number}: nearly all its text runs sideways or upside down as the page is displayed, so the page "
        f"is read turned {way}, as a reader would turn it; its width, height, image and every box on it are "
        "those of the turned page",
        page=number,
    )  # fmt: skip


def _chars_read(
    chars: list[Char], source: str, settings: PdfSettings, watch: Stopwatch, size: tuple[float, float]
) -> PageRead:
    with watch.stage("read/words"):
        words = chars_to_words(chars, settings.x_tolerance, settings.y_tolerance)
    with watch.stage("read/reading_order"):
        rows = words_to_lines(words, settings.line_tolerance)
        fold = spread_fold(rows, *size)
        lines = words_to_reading_lines(rows, fold, size[1])
    with watch.stage("read/assess"):
        read = _assessed(lines, source)
    read.fold = fold
    return read


def _repaired(number: int, original: PageRead, deduped: PageRead) -> PageRead:
    """The de-duplicated read, saying what was repaired and keeping the original as a layer."""
    outcome = "the page now reads cleanly" if not deduped.assessment.broken else "some text is still garbled"
    deduped.issues.append(
        SourceIssue(
            "doubled_glyphs_repaired",
            "info",
            f"page {number}: {original.assessment.explain()}; the duplicate glyphs were removed "
            f"(the same glyph within a point of itself) and {outcome}",
            page=number,
        )
    )
    deduped.layers.append(_layer(number, original))
    return deduped


def _ocr_words(
    page: Any,
    drawn: Drawing | None,
    number: int,
    read: PageRead,
    settings: OcrSettings,
    why: str,
    region: BBox | None = None,
) -> list[ocr.OcrWord] | None:
    """The page's words as OCR reads them, or only the words of ``region`` of it (points); None, with an
    issue on ``read`` saying why, when the page is too large to render or OCR fails."""
    pixels = page_pixels(page, settings.dpi)
    if pixels > MAX_OCR_PIXELS:
        read.issues.append(
            SourceIssue(
                "ocr_skipped", "warning",
                f"page {number}: {why}; the page is too large to render for OCR "
                f"({pixels / 1e6:,.0f} megapixels at {settings.dpi} dpi, more than {MAX_OCR_PIXELS / 1e6:,.0f})",
                page=number,
            )
        )  # fmt: skip
        return None
    try:
        if region is None:
            return ocr.png_to_words(render_png(page, settings.dpi, drawn), settings)
        return _ocr_region(page_picture(page, settings.dpi, drawn), region, settings)
    except ocr.OcrError as exc:
        read.issues.append(SourceIssue("ocr_failed", "error", f"page {number}: {why}; OCR failed: {exc}", page=number))
        return None


def _ocr_region(picture: Image.Image, region: BBox, settings: OcrSettings) -> list[ocr.OcrWord]:
    """The words OCR reads in ``region`` of the page's picture, in points on the page. Tesseract's time
    grows with the pixels it is given: a band of a few lines takes a fraction of a whole page's."""
    scale = settings.dpi / POINTS_PER_INCH
    left, top = max(int(region.x0 * scale), 0), max(int(region.top * scale), 0)
    right, bottom = (
        min(math.ceil(region.x1 * scale), picture.width),
        min(math.ceil(region.bottom * scale), picture.height),
    )
    if right <= left or bottom <= top:
        return []
    buffer = io.BytesIO()
    picture.crop((left, top, right, bottom)).save(buffer, format="PNG")
    x, y = left / scale, top / scale
    return [
        replace(w, x0=w.x0 + x, top=w.top + y, x1=w.x1 + x, bottom=w.bottom + y)
        for w in ocr.png_to_words(buffer.getvalue(), settings, ocr.BLOCK)
    ]


def _ocr_or_keep(
    page: Any, drawn: Drawing | None, number: int, read: PageRead, settings: OcrSettings, why: str
) -> PageRead:
    words = _ocr_words(page, drawn, number, read, settings, why)
    if words is None:
        return read
    ocr_read = _assessed(ocr_words_to_lines(words), "ocr")
    ocr_read.turn = read.turn  # drawn for OCR as it was read
    if not ocr_read.groups and not read.groups:
        return read  # a blank or purely graphic page: nothing to flag, the reader notes it has no text
    if not ocr_read.groups or (_badness(ocr_read.assessment) >= _badness(read.assessment) and read.groups):
        read.issues.append(
            SourceIssue(
                "garbled_page",
                "error",
                f"page {number}: {why}; OCR did not read it any better, so it is kept as it is and "
                "nothing is extracted from its garbled text",
                page=number,
            )
        )
        return read
    confidence = sum(w.confidence for w in words) / len(words)
    ocr_read.ocr_confidence = round(confidence, 3)
    ocr_read.issues = [i for i in read.issues if i.kind == "doubled_glyphs_repaired"] + [
        SourceIssue(
            "ocr_recovered",
            "warning",
            f"page {number}: {why}; the page was read again by OCR ({ocr.tesseract_version()}, "
            f"mean word confidence {confidence:.0%}), and its text comes from OCR",
            page=number,
            extractor=ocr.OCR_EXTRACTOR,
            confidence=round(confidence, 3),
        )
    ]
    ocr_read.layers = [*read.layers, _layer(number, read)] if read.groups else list(read.layers)
    return ocr_read


def _ocr_lines(page: Any, drawn: Drawing | None, number: int, read: PageRead, settings: OcrSettings) -> PageRead:
    """A page whose text layer is clean but for a few lines: those lines read again by OCR and spliced in
    where OCR reads them cleanly, the rest of the page kept as its text layer reads it. OCR is given only
    the band of the page around them (``OCR_MARGIN`` beyond their boxes), read as one block of text."""
    why = read.assessment.explain()
    garbled = [i for i, _ in read.assessment.garbled_lines]
    lines = words_box([w for i in garbled for w in read.groups[i]])
    band = BBox(
        x0=lines.x0 - OCR_MARGIN, top=lines.top - OCR_MARGIN, x1=lines.x1 + OCR_MARGIN, bottom=lines.bottom + OCR_MARGIN
    )
    words = _ocr_words(page, drawn, number, read, settings, why, region=band)
    if words is None:
        return read
    groups = list(read.groups)
    spliced = 0
    for i in garbled:
        line = groups[i]
        box = words_box(line)
        inside = [
            w for w in words
            if box.x0 - SPLICE_MARGIN <= (w.x0 + w.x1) / 2 <= box.x1 + SPLICE_MARGIN
            and box.top - SPLICE_MARGIN <= (w.top + w.bottom) / 2 <= box.bottom + SPLICE_MARGIN
        ]  # fmt: skip
        if not inside:
            continue
        replacement = ocr_words_to_lines(inside)
        flat = [w for row in replacement for w in row]
        if lines_to_assessment([" ".join(str(w["text"]) for w in flat)]).broken:
            continue
        size = statistics.median(float(w["size"]) for w in line)
        groups[i] = [
            {**w, "size": size, "fontname": line[0].get("fontname", "")} for w in sorted(flat, key=lambda w: w["x0"])
        ]
        spliced += 1
    if not spliced:
        read.issues.append(
            SourceIssue(
                "garbled_page", "warning",
                f"page {number}: {why}; OCR did not read those lines any better, so they are kept as they are and "
                "nothing is extracted from their garbled text (the rest of the page reads cleanly)",
                page=number,
            )
        )  # fmt: skip
        return read
    out = _assessed(groups, read.source)
    out.fold, out.repairs, out.turn = read.fold, read.repairs, read.turn
    out.layers = [*read.layers, _layer(number, read)]
    still = f"; {len(out.assessment.garbled_lines)} line(s) still read as garbled" if out.assessment.broken else ""
    out.issues = [
        *read.issues,
        SourceIssue(
            "ocr_lines_spliced", "info",
            f"page {number}: {why}; {spliced} of those lines were read by OCR ({ocr.tesseract_version()}) and "
            f"spliced into the text layer, which the rest of the page keeps{still}",
            page=number, extractor=ocr.OCR_EXTRACTOR,
        ),
    ]  # fmt: skip
    return out


def _assessed(groups: list[RawLine], source: str) -> PageRead:
    texts = [" ".join(word_text(w) for w in group) for group in groups]
    return PageRead(groups, source, lines_to_assessment(texts))


def _badness(assessment: PageAssessment) -> float:
    if assessment.page.garbled:
        return 1.0 + assessment.page.score
    return assessment.garbled_chars / max(assessment.total_chars, 1)


def _layer(number: int, read: PageRead) -> PageLayer:
    text = "\n".join(" ".join(word_text(w) for w in group) for group in read.groups)
    worst = read.assessment.worst
    return PageLayer(number, read.source, text, worst.verdict.value, round(worst.score, 4))


def page_to_lines(page: Any, settings: PdfSettings, watch: Stopwatch | None = None) -> list[RawLine]:
    """The page's words as lines in reading order (columns one at a time: pipeline.readers.reading_order)."""
    return page_to_lines_and_fold(page, settings, watch)[0]


def page_to_lines_and_fold(
    page: Any, settings: PdfSettings, watch: Stopwatch | None = None
) -> tuple[list[RawLine], float | None]:
    """The page's lines in reading order, and where it folds when it is a two-page spread."""
    watch = watch or Stopwatch()
    with watch.stage("read/words"):
        raw_words = page.extract_words(
            x_tolerance=settings.x_tolerance,
            y_tolerance=settings.y_tolerance,
            extra_attrs=["fontname", "size"],
        )
    with watch.stage("read/reading_order"):
        rows = words_to_lines(raw_words, settings.line_tolerance)
        fold = spread_fold(rows, float(page.width), float(page.height))
        return words_to_reading_lines(rows, fold, float(page.height)), fold


def ocr_words_to_lines(words: list[ocr.OcrWord]) -> list[RawLine]:
    """OCR words grouped by Tesseract's own lines (which follow columns), in its reading order."""
    lines: dict[tuple[int, int, int], RawLine] = {}
    for w in words:
        lines.setdefault(w.line_key, []).append(
            {"text": w.text, "x0": w.x0, "top": w.top, "x1": w.x1, "bottom": w.bottom,
             "size": w.bottom - w.top, "fontname": "", "confidence": w.confidence}
        )  # fmt: skip
    return [sorted(line, key=lambda w: w["x0"]) for _, line in sorted(lines.items())]


def clip_to_page(groups: list[RawLine], width: float, height: float) -> tuple[list[RawLine], int]:
    """The lines with every word's box clipped to the page, and how many words lay (partly) outside it
    (text a viewer cannot show: set off the page, or bled over its edge)."""
    outside = 0
    out: list[RawLine] = []
    for group in groups:
        row = []
        for w in group:
            x0, x1 = min(max(float(w["x0"]), 0.0), width), min(max(float(w["x1"]), 0.0), width)
            top, bottom = min(max(float(w["top"]), 0.0), height), min(max(float(w["bottom"]), 0.0), height)
            if (x0, x1, top, bottom) != (w["x0"], w["x1"], w["top"], w["bottom"]):
                outside += 1
                w = {**w, "x0": x0, "x1": x1, "top": top, "bottom": bottom}
            row.append(w)
        out.append(row)
    return out, outside


def groups_to_parts(groups: list[RawLine], number: int, offset: int) -> tuple[str, list[Word], list[Line]]:
    """Lines of words → the page's text (lines joined by newlines), its words and lines with offsets."""
    out_lines: list[str] = []
    words: list[Word] = []
    lines: list[Line] = []
    cursor = offset
    for group in groups:
        texts = [word_text(w) for w in group]
        if group and drawn_bullet(group[0], texts[0]):
            texts[0] = BULLET
        line_start = cursor
        for i, (raw, txt) in enumerate(zip(group, texts, strict=True)):
            if i:
                cursor += 1
            words.append(Word(cursor, cursor + len(txt), number, raw["x0"], raw["top"], raw["x1"], raw["bottom"]))
            cursor += len(txt)
        out_lines.append(" ".join(texts))
        weights = [font_weight(str(w["fontname"])) for w in group]
        bold = [weight >= BOLD_WEIGHT for weight in weights]
        lines.append(
            Line(
                char_start=line_start,
                char_end=cursor,
                page=number,
                bbox=words_box(group),
                font_size=type_size(group, texts),
                bold=all(bold),
                weight=min(weights, default=REGULAR_WEIGHT),
                indent=int(min(w["x0"] for w in group)),
                run_in=_run_in(texts, bold),
            )
        )
        cursor += 1  # the newline after the line
    return "\n".join(out_lines), words, lines


def type_size(group: RawLine, texts: list[str]) -> float:
    """The size the line is set in: the median over its characters, so that a footnote mark or a symbol set
    smaller or larger than the words it touches ("congestion. ⁹") does not make the line's type its own.

    >>> type_size([{"size": 12.0}, {"size": 7.0}], ["congestion.", "⁹"])
    12.0
    """
    sizes = [float(w["size"]) for w, txt in zip(group, texts, strict=True) for _ in range(max(len(txt), 1))]
    return round(statistics.median(sizes), 2)


def _run_in(texts: list[str], bold: list[bool]) -> int:
    """Chars of the bold label ending in ":" that opens a line set otherwise in regular type, or 0.

    >>> _run_in(["Permanent", "services:", "Private", "and"], [True, True, False, False])
    19
    >>> _run_in(["Skills", "matter:", "all"], [True, True, True]), _run_in(["Skills", "matter"], [True, False])
    (0, 0)
    """
    regular = bold.index(False) if False in bold else 0
    if not regular or not texts[regular - 1].endswith(":"):
        return 0
    return len(" ".join(texts[:regular]))


def page_pixels(page: Any, dpi: float) -> float:
    """How many pixels the page is when rendered at ``dpi``."""
    return float(page.width) * float(page.height) * (dpi / POINTS_PER_INCH) ** 2


class Drawing:
    """One page of the PDF the reader holds open in pdfium, loaded only when it is first read or drawn.

    Loading a page makes pdfium parse its content, so when pdfplumber reads the text (``text_layer``
    "pdfplumber") a page that is never drawn (one whose text could not be read, such as a
    decompression bomb) is never loaded.
    """

    def __init__(self, document: Any, index: int) -> None:
        self._document, self._index, self._page = document, index, None
        self._painting: Painting | None = None

    def page(self) -> Any:
        if self._page is None:
            self._page = self._document[self._index]
        return self._page

    def painting(self) -> Painting:
        """What the page paints over its own text (:func:`~pipeline.readers.pdfium_graphics.painting`), found once
        for its reader and its graphics (the page's objects, in its own space: turning the page changes nothing)."""
        if self._painting is None:
            self._painting = painting(self.page())
        return self._painting

    def close(self) -> None:
        if self._page is not None:
            self._page.close()
            self._page = None
            self._painting = None  # the objects' addresses die with the page


def page_picture(page: Any, dpi: float, drawn: Drawing | None = None, grey: bool = False) -> Image.Image:
    """The page drawn at ``dpi`` as pdfplumber's ``to_image`` draws it (same pdfium settings, same crop).

    ``drawn`` is the page in the PDF the reader already holds open in pdfium; without it
    pdfplumber opens the PDF again in pdfium for every page it draws. ``grey`` draws it in grey
    ("L"): pdfium draws that directly, in half the time of drawing in colour and converting, a
    pixel differing by a grey level or two from the colour drawing made grey.
    """
    if drawn is None:
        picture: Image.Image = page.to_image(resolution=dpi).original
        return picture.convert("L") if grey else picture
    if grey:
        grey_picture: Image.Image = drawn.page().render(scale=dpi / POINTS_PER_INCH, grayscale=True, **DRAWING).to_pil()
        return grey_picture
    bitmap = drawn.page().render(scale=dpi / POINTS_PER_INCH, prefer_bgrx=True, **DRAWING)
    picture = PlumberImage(page, original=bitmap.to_pil().convert("RGB"), resolution=dpi).original
    return picture


def render_png(page: Any, dpi: int, drawn: Drawing | None = None) -> bytes:
    """The page as a PNG image at ``dpi``."""
    buffer = io.BytesIO()
    page_picture(page, dpi, drawn).save(buffer, format="PNG")
    return buffer.getvalue()
