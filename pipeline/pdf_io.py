"""The PDF reader: pdfplumber words with boxes and fonts → document text, pages and lines.

The only module that imports pdfplumber. Pages are read one at a time and
closed, so memory does not grow with the page count. Each page's text is its
lines joined by newlines; pages are joined by a form feed (``\\f``), as the
warehouse contract requires.
"""

from __future__ import annotations

import logging
import statistics
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.models import BBox, Line, Page, SourceIssue, Word
from pipeline.text import UnreadableSource

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

    def __post_init__(self) -> None:
        for name in ("x_tolerance", "y_tolerance", "line_tolerance"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name} must be positive")


@dataclass(slots=True)
class PdfParts:
    text: str
    pages: list[Page]
    words: list[Word]
    lines: list[Line]
    title: str | None
    issues: list[SourceIssue]


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


def read_pdf(path: Path, settings: PdfSettings | None = None) -> PdfParts:
    """Read a PDF into document text, pages, words and lines, or raise :class:`UnreadableSource`."""
    settings = settings or PdfSettings()
    try:
        return _read(path, settings)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise UnreadableSource(f"the PDF is encrypted and cannot be opened without its password ({exc!r})") from exc
    except (PDFSyntaxError, PdfminerException) as exc:
        raise UnreadableSource(f"the file is not a readable PDF: {exc}") from exc


def _read(path: Path, settings: PdfSettings) -> PdfParts:
    chunks: list[str] = []
    pages: list[Page] = []
    words: list[Word] = []
    lines: list[Line] = []
    issues: list[SourceIssue] = []
    offset = 0
    with pdfplumber.open(path) as pdf:
        title = _metadata_title(pdf.metadata)
        for number, page in enumerate(pdf.pages, start=1):
            if number > 1:
                offset += 1  # the form feed between pages
            page_text, page_words, page_lines = _page_parts(page, number, offset, settings)
            pages.append(
                Page(
                    number=number,
                    char_start=offset,
                    char_end=offset + len(page_text),
                    width=float(page.width),
                    height=float(page.height),
                    n_words=len(page_words),
                    n_chars=len(page_text),
                )
            )
            if not page_words:
                issues.append(
                    SourceIssue(
                        "no_text_layer",
                        "warning",
                        f"page {number} has no text layer: nothing on it can be read as text",
                        page=number,
                    )
                )
            chunks.append(page_text)
            words.extend(page_words)
            lines.extend(page_lines)
            offset += len(page_text)
            page.close()
    if not pages:
        raise UnreadableSource("the PDF has no pages")
    text = "\f".join(chunks)
    return PdfParts(text, pages, words, lines, title or _largest_line(text, lines, page=1), issues)


def _page_parts(page: Any, number: int, offset: int, settings: PdfSettings) -> tuple[str, list[Word], list[Line]]:
    raw_words = page.extract_words(
        x_tolerance=settings.x_tolerance,
        y_tolerance=settings.y_tolerance,
        extra_attrs=["fontname", "size"],
    )
    out_lines: list[str] = []
    words: list[Word] = []
    lines: list[Line] = []
    cursor = offset
    for group in words_to_lines(raw_words, settings.line_tolerance):
        texts = [word_text(w) for w in group]
        line_start = cursor
        for i, (raw, txt) in enumerate(zip(group, texts, strict=True)):
            if i:
                cursor += 1
            words.append(Word(cursor, cursor + len(txt), number, raw["x0"], raw["top"], raw["x1"], raw["bottom"]))
            cursor += len(txt)
        line_text = " ".join(texts)
        out_lines.append(line_text)
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
    page_text = "\n".join(out_lines)
    return page_text, words, lines


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
    title_lines = [text[ln.char_start : ln.char_end] for ln in candidates if ln.font_size == biggest]
    return " ".join(title_lines)[:300] or None
