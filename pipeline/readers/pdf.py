"""The PDF reader: words with boxes and fonts → document text, pages and lines.

The PDF is opened by pdfplumber (pdfminer), whose errors say what is wrong with a
file that cannot be opened, and once in pdfium. A clean text layer is read by pdfium
(:mod:`pipeline.readers.pdfium_words`), its ruling lines taken from pdfium's path
objects (:mod:`pipeline.readers.pdfium_rulings`); a page pdfium reads with a broken
Unicode mapping, or as garbled, is read again by pdfplumber, whose doubled-glyph
repair and OCR follow (:func:`pipeline.readers.pdf_page.read_page`). pdfium draws the
pages (report images, OCR) as pdfplumber would. Pages are read one at a time and
closed, so memory does not grow with the page count. Each page's text is its
lines joined by newlines; pages are joined by a form feed (``\\f``), as the
warehouse contract requires.
"""

from __future__ import annotations

import io
import logging
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException
from PIL import Image

from pipeline.document import Reading
from pipeline.language.garble import lines_to_assessment
from pipeline.models import Line, Page, PageGraphics, PageImage, PageLayer, RawTable, SourceIssue, Word
from pipeline.readers import ocr, pdfminer_guard
from pipeline.readers.ocr import OcrSettings
from pipeline.readers.pdf_page import (
    Drawing,
    PageRead,
    PdfSettings,
    clip_to_page,
    groups_to_parts,
    page_picture,
    page_pixels,
    page_to_raw_tables,
    read_page,
)
from pipeline.readers.pdfium_graphics import page_graphics, underlined
from pipeline.readers.pdfium_rulings import path_segments
from pipeline.readers.reading_order import tables_read_together
from pipeline.readers.table_finder import is_grid, lines_to_tables
from pipeline.readers.text import UnreadableSource
from pipeline.timing import Stopwatch, reached

# pdfminer logs every odd object it meets at WARNING; the reader reports what matters itself.
logging.getLogger("pdfminer").setLevel(logging.ERROR)
pdfminer_guard.install()


XFA_ONLY = (
    "an XFA form: its content is XML form data, which policyfacts does not read, and its pages hold only "
    "a placeholder ('Please wait...'); ask its publisher for an ordinary PDF"
)
MAX_TITLE_CHARS = 300
ENCRYPTED = "the PDF is encrypted with a password needed to open it; ask its publisher for an unlocked copy"


def read_pdf(
    path: Path,
    settings: PdfSettings | None = None,
    ocr_settings: OcrSettings | None = None,
    max_pages: int | None = None,
) -> Reading:
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
    try:  # opening a file in pdfium reads only the cross-reference and the page tree
        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # broken, encrypted, not a PDF: reading it will say why, in words
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


def _read(path: Path, settings: PdfSettings, ocr_settings: OcrSettings | None, max_pages: int | None) -> Reading:
    chunks: list[str] = []
    pages: list[Page] = []
    words: list[Word] = []
    lines: list[Line] = []
    issues: list[SourceIssue] = []
    layers: list[PageLayer] = []
    raw_tables: list[RawTable] = []
    images: list[PageImage] = []
    graphics: list[PageGraphics] = []
    offset = 0
    watch = Stopwatch()
    pdfminer_guard.CYCLES.clear()
    with pdfplumber.open(path) as pdf, _pdfium_document(path) as drawings:
        if drawings is not None and drawings.get_formtype() == pdfium_c.FORMTYPE_XFA_FULL:
            raise UnreadableSource(XFA_ONLY)
        title = _metadata_title(pdf)
        if max_pages is not None and len(pdf.pages) > max_pages:
            raise UnreadableSource(
                f"the PDF has {len(pdf.pages):,} pages, more than the limit of {max_pages:,} per document "
                "(limits.max_pages in configs/ingest.yml)"
            )
        for number, page in enumerate(pdf.pages, start=1):
            reached(page=(number, len(pdf.pages)))
            if number > 1:
                offset += 1  # the form feed between pages
            issues.extend(_page_size_issues(page, number))
            drawn = Drawing(drawings, number - 1) if drawings is not None and number <= len(drawings) else None
            try:
                read = read_page(page, number, settings, ocr_settings, watch, drawn)
            except MemoryError:
                raise
            except Exception as exc:  # one broken page must not lose the others
                read = PageRead([], "unreadable", lines_to_assessment([]))
                issues.append(SourceIssue("page_unreadable", "error", _page_error(number, exc), page=number))
            width, height = float(page.width), float(page.height)  # the page as displayed, its media box's frame
            if read.turn in (90, 270):  # read turned a quarter: the turned page's sides
                width, height = height, width
            groups, outside = clip_to_page(read.groups, width, height)
            if outside:
                issues.append(
                    SourceIssue(
                        "text_outside_page", "info",
                        f"page {number}: {outside} word(s) lie partly or wholly outside the page; their boxes are "
                        "clipped to the page's edge, so the viewer shows them at the edge",
                        page=number,
                    )
                )  # fmt: skip
            from_layer = read.source != "ocr" and any(groups)  # words of the text layer: tables and drawings
            pdfium_page = None
            if from_layer:
                with watch.stage("read/tables_ruled"):
                    pdfium_page = drawn.page() if drawn is not None and settings.text_layer == "pdfium" else None
                    segments = path_segments(pdfium_page) if pdfium_page is not None else 0
                    if segments > MAX_RULED_SEGMENTS:
                        ruled = []
                        issues.append(_not_ruled(number, segments))
                    else:
                        turned = (0.0, 0.0, width, height) if read.turn else None
                        ruled = page_to_raw_tables(page, number, pdfium_page, turned)
                with watch.stage("read/tables_text"):
                    found = lines_to_tables(read.groups, ruled, number, None if read.turn else height)
                    raw_tables.extend(found)
                    groups = tables_read_together(groups, [t.bbox for t in found if is_grid(t)])
            page_text, page_words, page_lines = groups_to_parts(groups, number, offset)
            pages.append(
                Page(
                    number=number,
                    char_start=offset,
                    char_end=offset + len(page_text),
                    width=width,
                    height=height,
                    n_words=len(page_words),
                    n_chars=len(page_text),
                    text_source=read.source,
                    garble=read.assessment.worst.verdict.value if read.assessment.broken else "clean",
                    garble_score=round(read.assessment.worst.score, 4) if read.assessment.broken else 0.0,
                    ocr_confidence=read.ocr_confidence,
                    spread=read.fold is not None,
                    repairs=read.repairs,
                    labels=_pdf_label(drawings, number),
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
            if from_layer and pdfium_page is not None:
                with watch.stage("read/graphics"):
                    graphics.append(page_graphics(pdfium_page, number, drawn.painting() if drawn else None))
                    page_lines = underlined(page_lines, graphics[-1])
            if settings.image_dpi and read.source != "unreadable":
                try:
                    with watch.stage("read/image"):
                        images.append(page_image(page, number, settings.image_dpi, drawn))
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
            if drawn is not None:
                drawn.close()
    if not pages:
        raise UnreadableSource("the PDF has no pages")
    if pdfminer_guard.CYCLES:
        issues.append(_self_references(sorted(pdfminer_guard.CYCLES)))
    text = "\f".join(chunks)
    title = title or _largest_line(text, lines, page=1)
    return Reading(
        text=text, title=title, lines=lines, issues=issues, pages=pages, words=words, layers=layers,
        raw_tables=raw_tables, page_images=images, stages=watch.seconds, graphics=graphics,
    )  # fmt: skip


# path segments of a page: above every page of ../shared/corpus but ten illustrated pages of two policy PDFs
# (126,000 to 205,000); the densest ICDAR 2013 page has 29,747
MAX_RULED_SEGMENTS = 100_000


def _not_ruled(number: int, segments: int) -> SourceIssue:
    """A page drawn with more path segments than rulings ever take: an illustration, a map or a pattern,
    whose thousands of edges would cost seconds to walk and to search for tables that are not there."""
    return SourceIssue(
        "ruled_tables_skipped", "info",
        f"page {number} draws {segments:,} path segments, more than {MAX_RULED_SEGMENTS:,}: an illustration, "
        "not the ruling lines of a table, so it is not searched for ruled tables (tables set in its text still are)",
        page=number,
    )  # fmt: skip


def _self_references(objects: list[int]) -> SourceIssue:
    """Objects whose chain of references comes back on itself: read as null (pdfminer would loop on them)."""
    shown = ", ".join(f"{o} 0 R" for o in objects[:5]) + (f" and {len(objects) - 5:,} more" if len(objects) > 5 else "")
    return SourceIssue(
        "broken_reference", "warning",
        f"the PDF has {len(objects):,} object(s) that refer to themselves ({shown}): a damaged or hostile file; "
        "each was read as empty, as PDF readers read a reference to no object, and what it should have held "
        "(a page's content, say) is missing",
    )  # fmt: skip


def _pdf_label(document: pdfium.PdfDocument | None, number: int) -> tuple[str, ...]:
    """The page's label from the PDF's own page labels (its /PageLabels), or () when it has none."""
    if document is None or number > len(document):
        return ()
    try:
        label = document.get_page_label(number - 1)
    except Exception:  # a broken label tree only loses the labels
        return ()
    return (label,) if label and not label.isspace() else ()


@contextmanager
def _pdfium_document(path: Path) -> Iterator[pdfium.PdfDocument | None]:
    """The PDF opened once in pdfium, to read and draw its pages; None when pdfium cannot open a file
    pdfminer could, which pdfplumber then reads and draws alone, opening the file again for each drawing."""
    try:
        doc = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        yield None
        return
    try:
        yield doc
    finally:
        doc.close()


def _page_error(number: int, exc: Exception) -> str:
    """Why a page could not be read, for a person; an allocation failure is named for what it usually is."""
    if "allocate" in str(exc).lower():
        why = "a stream on it inflates to more memory than the document may use: a decompression bomb"
    else:
        why = "its content could not be parsed"
    return f"page {number} could not be read ({why}; {type(exc).__name__}: {exc}); it is kept empty"


MAX_PAGE_POINTS = 14_400.0  # the largest page side the PDF specification allows (200 inches)


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


MAX_IMAGE_PIXELS = 4e6  # a page image is for looking at: an A4 page at 96 dpi is 0.9 megapixels


IMAGE_GREYS = 16  # grey levels kept: text stays legible and the PNG is a fifth of full colour's size


_TO_LEVEL = [v * IMAGE_GREYS // 256 for v in range(256)]


_GREY_PALETTE = [round(level * 255 / (IMAGE_GREYS - 1)) for level in range(IMAGE_GREYS) for _ in range(3)]


def page_image(page: Any, number: int, dpi: int, drawn: Drawing | None = None) -> PageImage:
    """The page as a greyscale PNG at ``dpi``, or less for a page too large for ``MAX_IMAGE_PIXELS``; drawn in
    grey (:func:`page_picture`), where the 16 levels kept hide a grey level's difference from a colour
    drawing made grey but for a few pixels on a level's edge."""
    pixels = page_pixels(page, dpi)
    if pixels > MAX_IMAGE_PIXELS:
        dpi = max(int(dpi * (MAX_IMAGE_PIXELS / pixels) ** 0.5), 1)
    grey = page_picture(page, dpi, drawn, grey=True)
    # 16 even grey levels as a 4-bit palette image: a third of the cost of PIL's quantize, and as small
    levels = Image.frombytes("P", grey.size, grey.point(_TO_LEVEL).tobytes())
    levels.putpalette(_GREY_PALETTE)
    buffer = io.BytesIO()
    # zlib level 3: measured on 30 pages of a policy PDF, 5.0 ms a page against level 6's 9.2, for 2.4% more bytes
    levels.save(buffer, format="PNG", bits=4, compress_level=3)
    return PageImage(number, dpi, grey.width, grey.height, buffer.getvalue())


def _metadata_title(pdf: Any) -> str | None:
    """The title of the PDF's metadata, or None: a placeholder, or metadata that cannot be read (nested
    without end, say), is no title, and the document is titled from its first page instead."""
    try:
        raw = pdf.metadata.get("Title")
    except MemoryError:
        raise
    except Exception:  # RecursionError included
        return None
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", "replace")
    title = " ".join(str(raw).split())[:MAX_TITLE_CHARS] if isinstance(raw, str | bytes) else ""
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
