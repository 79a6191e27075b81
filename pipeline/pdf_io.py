"""The PDF reader: pdfplumber words with boxes and fonts → document text, pages and lines.

The only module that imports pdfplumber. Pages are read one at a time and
closed, so memory does not grow with the page count. Each page's text is its
lines joined by newlines; pages are joined by a form feed (``\\f``), as the
warehouse contract requires.
"""

from __future__ import annotations

import io
import logging
import statistics
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException
from PIL import Image

from pipeline import ocr
from pipeline.garble import PageAssessment, lines_to_assessment
from pipeline.models import BBox, Line, Page, PageImage, PageLayer, RawTable, SourceIssue, Word
from pipeline.ocr import OcrSettings
from pipeline.reading_order import words_to_reading_lines
from pipeline.table_finder import lines_to_tables
from pipeline.text import UnreadableSource
from pipeline.timing import Stopwatch

# pdfminer logs every odd object it meets at WARNING; the reader reports what matters itself.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

DEFAULT_LINE_TOLERANCE = 3.0
_BOLD_MARKERS = ("bold", "black", "heavy", "semibold", "demibold")
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\f": " ",
        "\x00": " ",
        "\n": " ",
        "\r": " ",
    }
)


@dataclass(frozen=True, slots=True)
class PdfSettings:
    """How words are read and grouped into lines (points)."""

    x_tolerance: float = 3.0
    y_tolerance: float = 3.0
    line_tolerance: float = DEFAULT_LINE_TOLERANCE
    image_dpi: int = 96  # page images for the run report's provenance viewer; 0 renders none

    def __post_init__(self) -> None:
        for name in ("x_tolerance", "y_tolerance", "line_tolerance"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")
        if self.image_dpi < 0:
            raise ValueError("image_dpi must not be negative")


@dataclass(slots=True)
class PdfParts:
    text: str
    pages: list[Page]
    words: list[Word]
    lines: list[Line]
    title: str | None
    issues: list[SourceIssue]
    layers: list[PageLayer]
    raw_tables: list[RawTable] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # per stage of reading (pipeline.timing)
    images: list[PageImage] = field(default_factory=list)


def fontname_is_bold(fontname: str) -> bool:
    """``ABCDEF+Arial-BoldMT`` → True; ``Helvetica`` → False."""
    name = fontname.split("+", 1)[-1].lower()
    return any(marker in name for marker in _BOLD_MARKERS)


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


ENCRYPTED = "the PDF is encrypted with a password needed to open it; ask its publisher for an unlocked copy"


def read_pdf(
    path: Path,
    settings: PdfSettings | None = None,
    ocr_settings: OcrSettings | None = None,
    max_pages: int | None = None,
) -> PdfParts:
    """Read a PDF into document text, pages, words and lines, or raise :class:`UnreadableSource`.

    Pages whose text layer is broken are repaired (doubled glyphs) or read by OCR
    with ``ocr_settings``; ``None`` turns OCR off. A PDF of more than ``max_pages``
    pages is refused before any page is read. A page that fails to read is kept
    empty, with an error in the issues, and the others are read.
    """
    settings = settings or PdfSettings()
    try:
        return _read(path, settings, ocr_settings, max_pages)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise UnreadableSource(ENCRYPTED) from exc
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc.__cause__
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise UnreadableSource(ENCRYPTED) from exc
        raise UnreadableSource(f"the file is not a readable PDF: {cause or exc}") from exc
    except PDFSyntaxError as exc:
        raise UnreadableSource(f"the file is not a readable PDF: {exc}") from exc


def page_count(path: Path) -> int | None:
    """Pages of a PDF from its page tree, without parsing any page; None when the file cannot say."""
    import pypdfium2  # pdfplumber's renderer; opening a file with it reads only the cross-reference and page tree

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except Exception:  # broken, encrypted, not a PDF: reading it will say why, in words
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def _read(path: Path, settings: PdfSettings, ocr_settings: OcrSettings | None, max_pages: int | None) -> PdfParts:
    chunks: list[str] = []
    pages: list[Page] = []
    words: list[Word] = []
    lines: list[Line] = []
    issues: list[SourceIssue] = []
    layers: list[PageLayer] = []
    raw_tables: list[RawTable] = []
    images: list[PageImage] = []
    offset = 0
    watch = Stopwatch()
    with pdfplumber.open(path) as pdf:
        title = _metadata_title(pdf.metadata)
        if max_pages is not None and len(pdf.pages) > max_pages:
            raise UnreadableSource(
                f"the PDF has {len(pdf.pages):,} pages, more than the limit of {max_pages:,} per document "
                "(limits.max_pages in configs/ingest.yml)"
            )
        for number, page in enumerate(pdf.pages, start=1):
            if number > 1:
                offset += 1  # the form feed between pages
            issues.extend(_page_size_issues(page, number))
            try:
                read = _read_page(page, number, settings, ocr_settings, watch)
            except MemoryError:
                raise
            except Exception as exc:  # one broken page must not lose the others
                read = PageRead([], "unreadable", lines_to_assessment([]))
                issues.append(SourceIssue("page_unreadable", "error", _page_error(number, exc), page=number))
            page_text, page_words, page_lines = groups_to_parts(read.groups, number, offset)
            pages.append(
                Page(
                    number=number,
                    char_start=offset,
                    char_end=offset + len(page_text),
                    width=float(page.width),
                    height=float(page.height),
                    n_words=len(page_words),
                    n_chars=len(page_text),
                    text_source=read.source,
                    garble=read.assessment.worst.verdict.value if read.assessment.broken else "clean",
                    garble_score=round(read.assessment.worst.score, 4) if read.assessment.broken else 0.0,
                    ocr_confidence=read.ocr_confidence,
                )
            )
            span = (offset, offset + len(page_text)) if page_text else (None, None)
            issues.extend(replace(i, char_start=span[0], char_end=span[1]) for i in read.issues)
            if not page_words and read.source != "unreadable":
                tried = "OCR found no text on it either" if ocr_settings and ocr.available() else "OCR is unavailable"
                issues.append(
                    SourceIssue(
                        "no_text_layer",
                        "info",
                        f"page {number} has no text layer ({tried}): a blank or purely graphic page",
                        page=number,
                    )
                )
            layers.extend(read.layers)
            if read.source != "ocr" and page_words:
                with watch.stage("read/tables_ruled"):
                    ruled = page_to_raw_tables(page, number)
                with watch.stage("read/tables_text"):
                    raw_tables.extend(lines_to_tables(read.groups, ruled, number))
            if settings.image_dpi and read.source != "unreadable":
                try:
                    with watch.stage("read/image"):
                        images.append(page_image(page, number, settings.image_dpi))
                except MemoryError:
                    raise
                except Exception as exc:  # the image only serves the report: its failure must not lose the text
                    issues.append(
                        SourceIssue(
                            "page_image_failed", "info",
                            f"page {number} could not be drawn as an image, so the run report cannot show it "
                            f"({type(exc).__name__}: {exc}); its text and values are unaffected",
                            page=number,
                        )
                    )  # fmt: skip
            chunks.append(page_text)
            words.extend(page_words)
            lines.extend(page_lines)
            offset += len(page_text)
            page.close()
    if not pages:
        raise UnreadableSource("the PDF has no pages")
    text = "\f".join(chunks)
    title = title or _largest_line(text, lines, page=1)
    return PdfParts(text, pages, words, lines, title, issues, layers, raw_tables, watch.seconds, images)


RawLine = list[dict[str, Any]]


def _page_error(number: int, exc: Exception) -> str:
    """Why a page could not be read, for a person; an allocation failure is named for what it usually is."""
    if "allocate" in str(exc).lower():
        why = "a stream on it inflates to more memory than the document may use: a decompression bomb"
    else:
        why = "its content could not be parsed"
    return f"page {number} could not be read ({why}; {type(exc).__name__}: {exc}); it is kept empty"


POINTS_PER_INCH = 72.0
MAX_PAGE_POINTS = 14_400.0  # the largest page side the PDF specification allows (200 inches)
MAX_OCR_PIXELS = 150e6  # an A0 page at 300 dpi is 140 megapixels


def _pixels(page: Any, dpi: float) -> float:
    """How many pixels the page is when rendered at ``dpi``."""
    return float(page.width) * float(page.height) * (dpi / POINTS_PER_INCH) ** 2


def _page_size_issues(page: Any, number: int) -> list[SourceIssue]:
    """A page larger than PDF allows (or with no area) is read, but flagged: its layout is suspect."""
    width, height = float(page.width), float(page.height)
    if max(width, height) > MAX_PAGE_POINTS or min(width, height) <= 0:
        return [
            SourceIssue(
                "extreme_page_size", "warning",
                f"page {number} is {width:,.0f} × {height:,.0f} points; PDF pages are at most "
                f"{MAX_PAGE_POINTS:,.0f} points (200 inches) a side, so its layout is suspect",
                page=number,
            )
        ]  # fmt: skip
    return []


def page_to_raw_tables(page: Any, number: int) -> list[RawTable]:
    """The tables pdfplumber finds from the page's ruling lines, as cell boxes (None where a cell spans)."""
    out = []
    for table in page.find_tables():
        rows = [[BBox(x0=c[0], top=c[1], x1=c[2], bottom=c[3]) if c else None for c in row.cells] for row in table.rows]
        x0, top, x1, bottom = table.bbox
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


def _read_page(
    page: Any, number: int, settings: PdfSettings, ocr_settings: OcrSettings | None, watch: Stopwatch
) -> PageRead:
    """The page's text layer; repaired by de-duplicating glyphs, or replaced by OCR, when it is broken."""
    lines = page_to_lines(page, settings, watch)
    with watch.stage("read/assess"):
        read = _assessed(lines, "pdf")
    if not read.groups and ocr_settings is not None and ocr.available():
        with watch.stage("read/ocr"):
            return _ocr_or_keep(page, number, read, ocr_settings, why="the page has no text layer")
    if not read.assessment.broken:
        return read
    original = read
    if read.assessment.doubled:
        deduped = _assessed(page_to_lines(page.dedupe_chars(), settings, watch), "pdf-dedupe")
        if _badness(deduped.assessment) < _badness(read.assessment):
            read = deduped
            outcome = "the page now reads cleanly" if not deduped.assessment.broken else "some text is still garbled"
            read.issues.append(
                SourceIssue(
                    "doubled_glyphs_repaired",
                    "info",
                    f"page {number}: {original.assessment.explain()}; the duplicate glyphs were removed "
                    f"(pdfplumber dedupe_chars) and {outcome}",
                    page=number,
                )
            )
            read.layers.append(_layer(number, original))
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
            return _ocr_or_keep(page, number, read, ocr_settings, why=read.assessment.explain())
    return read


def _ocr_or_keep(page: Any, number: int, read: PageRead, settings: OcrSettings, why: str) -> PageRead:
    pixels = _pixels(page, settings.dpi)
    if pixels > MAX_OCR_PIXELS:
        read.issues.append(
            SourceIssue(
                "ocr_skipped", "warning",
                f"page {number}: {why}; the page is too large to render for OCR "
                f"({pixels / 1e6:,.0f} megapixels at {settings.dpi} dpi, more than {MAX_OCR_PIXELS / 1e6:,.0f})",
                page=number,
            )
        )  # fmt: skip
        return read
    try:
        words = ocr.png_to_words(render_png(page, settings.dpi), settings)
    except ocr.OcrError as exc:
        read.issues.append(SourceIssue("ocr_failed", "error", f"page {number}: {why}; OCR failed: {exc}", page=number))
        return read
    ocr_read = _assessed(ocr_words_to_lines(words), "ocr")
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
    """The page's words as lines in reading order (columns one at a time: pipeline.reading_order)."""
    watch = watch or Stopwatch()
    with watch.stage("read/words"):
        raw_words = page.extract_words(
            x_tolerance=settings.x_tolerance,
            y_tolerance=settings.y_tolerance,
            extra_attrs=["fontname", "size"],
        )
    with watch.stage("read/reading_order"):
        return words_to_reading_lines(words_to_lines(raw_words, settings.line_tolerance))


def render_png(page: Any, dpi: int) -> bytes:
    """The page as a PNG image at ``dpi``."""
    buffer = io.BytesIO()
    page.to_image(resolution=dpi).original.save(buffer, format="PNG")
    return buffer.getvalue()


MAX_IMAGE_PIXELS = 4e6  # a page image is for looking at: an A4 page at 96 dpi is 0.9 megapixels
IMAGE_GREYS = 16  # grey levels kept: text stays legible and the PNG is a fifth of full colour's size
_TO_LEVEL = [v * IMAGE_GREYS // 256 for v in range(256)]
_GREY_PALETTE = [round(level * 255 / (IMAGE_GREYS - 1)) for level in range(IMAGE_GREYS) for _ in range(3)]


def page_image(page: Any, number: int, dpi: int) -> PageImage:
    """The page as a greyscale PNG at ``dpi``, or less for a page too large for ``MAX_IMAGE_PIXELS``."""
    pixels = _pixels(page, dpi)
    if pixels > MAX_IMAGE_PIXELS:
        dpi = max(int(dpi * (MAX_IMAGE_PIXELS / pixels) ** 0.5), 1)
    grey = page.to_image(resolution=dpi).original.convert("L")
    # 16 even grey levels as a 4-bit palette image: a third of the cost of PIL's quantize, and as small
    levels = Image.frombytes("P", grey.size, grey.point(_TO_LEVEL).tobytes())
    levels.putpalette(_GREY_PALETTE)
    buffer = io.BytesIO()
    levels.save(buffer, format="PNG", bits=4)
    return PageImage(number, dpi, grey.width, grey.height, buffer.getvalue())


def ocr_words_to_lines(words: list[ocr.OcrWord]) -> list[RawLine]:
    """OCR words grouped by Tesseract's own lines (which follow columns), in its reading order."""
    lines: dict[tuple[int, int, int], RawLine] = {}
    for w in words:
        lines.setdefault(w.line_key, []).append(
            {"text": w.text, "x0": w.x0, "top": w.top, "x1": w.x1, "bottom": w.bottom,
             "size": w.bottom - w.top, "fontname": "", "confidence": w.confidence}
        )  # fmt: skip
    return [sorted(line, key=lambda w: w["x0"]) for _, line in sorted(lines.items())]


def groups_to_parts(groups: list[RawLine], number: int, offset: int) -> tuple[str, list[Word], list[Line]]:
    """Lines of words → the page's text (lines joined by newlines), its words and lines with offsets."""
    out_lines: list[str] = []
    words: list[Word] = []
    lines: list[Line] = []
    cursor = offset
    for group in groups:
        texts = [word_text(w) for w in group]
        line_start = cursor
        for i, (raw, txt) in enumerate(zip(group, texts, strict=True)):
            if i:
                cursor += 1
            words.append(Word(cursor, cursor + len(txt), number, raw["x0"], raw["top"], raw["x1"], raw["bottom"]))
            cursor += len(txt)
        out_lines.append(" ".join(texts))
        lines.append(
            Line(
                char_start=line_start,
                char_end=cursor,
                page=number,
                bbox=BBox(
                    x0=min(w["x0"] for w in group),
                    top=min(w["top"] for w in group),
                    x1=max(w["x1"] for w in group),
                    bottom=max(w["bottom"] for w in group),
                ),
                font_size=round(statistics.median(float(w["size"]) for w in group), 2),
                bold=all(fontname_is_bold(str(w["fontname"])) for w in group),
                indent=int(min(w["x0"] for w in group)),
            )
        )
        cursor += 1  # the newline after the line
    return "\n".join(out_lines), words, lines


def _metadata_title(metadata: dict[str, Any]) -> str | None:
    raw = metadata.get("Title")
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", "replace")
    title = str(raw).strip() if raw else ""
    # Producers often leave a file name or a template's placeholder as the title.
    if (
        len(title) < 4
        or title.lower().endswith((".doc", ".docx", ".pdf", ".indd"))
        or title.lower() in {"untitled", "title"}
    ):
        return None
    return title


def _largest_line(text: str, lines: list[Line], page: int) -> str | None:
    candidates = [ln for ln in lines if ln.page == page and ln.font_size and ln.char_end > ln.char_start]
    if not candidates:
        return None
    biggest = max(ln.font_size or 0 for ln in candidates)
    if biggest <= statistics.median(ln.font_size or 0 for ln in candidates):
        return text[candidates[0].char_start : candidates[0].char_end][:300] or None  # no larger type: the first line
    title: list[str] = []
    for ln in candidates:  # the first run of lines in the largest type: a title set on two lines, not every heading
        if ln.font_size == biggest:
            title.append(text[ln.char_start : ln.char_end])
        elif title:
            break
    return " ".join(title)[:300] or None
