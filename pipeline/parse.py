"""One source file → one :class:`ParsedDocument`: read, normalise, lay out."""

from __future__ import annotations

import time
from pathlib import Path

from pipeline import layout, quality, structure
from pipeline.extract import document_to_extracts
from pipeline.models import MediaType, ParsedDocument, SourceIssue, SourceSpec
from pipeline.ocr import OcrSettings
from pipeline.text import UnreadableSource, bytes_to_str, first_title, str_to_lines
from pipeline.timing import Stopwatch

NO_TEXT_PDF = "no page of the PDF has any text: it is a scan or purely graphic, and {ocr}; nothing is extracted"


def _ocr_state() -> str:
    from pipeline import ocr

    return "OCR found no text either" if ocr.available() else "OCR is unavailable (Tesseract is not installed)"


def warm_up() -> None:
    """Load the word lists, catalogue and spaCy pipelines every document needs, once per process."""
    from pipeline import clusters, lexicon, names, ner, ocr, sentences

    lexicon.lexicon()
    names.given_names()
    clusters.load_catalogue()
    ner.ner_pipeline()
    sentences.sentence_nlp()
    ocr.tesseract_version()


def source_to_document(spec: SourceSpec, max_pages: int | None = None) -> ParsedDocument:
    """Parse a source into text, pages, lines, blocks, contents and sections.

    Raises :class:`UnreadableSource` with a message for a person when the
    file cannot be read as its media type (or is a PDF of more than ``max_pages``).
    """
    started = time.perf_counter()
    path = Path(spec.path)
    if spec.refusal is not None:
        raise UnreadableSource(spec.refusal)
    if spec.size_bytes == 0:
        raise UnreadableSource("the file is empty")
    if spec.media_type is MediaType.PDF:
        from pipeline.pdf_io import read_pdf  # pdfplumber is imported only where PDFs are read

        parts = read_pdf(path, ocr_settings=OcrSettings(), max_pages=max_pages)
        doc = ParsedDocument(
            source=spec,
            text=parts.text,
            title=spec.title or parts.title,
            pages=parts.pages,
            words=parts.words,
            lines=parts.lines,
            issues=list(parts.issues),
            layers=parts.layers,
            raw_tables=parts.raw_tables,
            page_images=parts.images,
            stages=dict(parts.seconds),
        )
        if not parts.text.strip():
            doc.issues.append(SourceIssue("no_text", "error", NO_TEXT_PDF.format(ocr=_ocr_state())))
    else:
        raw, issues = bytes_to_str(path.read_bytes())
        text, lines = str_to_lines(raw, spec.media_type)
        if not text.strip():
            raise UnreadableSource("the file holds no text")
        doc = ParsedDocument(
            source=spec, text=text, title=spec.title or first_title(text, lines), lines=lines, issues=issues
        )
    doc.issues[:0] = spec.warnings
    if spec.expected_sha256 and spec.expected_sha256 != spec.sha256:
        doc.issues.append(
            SourceIssue(
                "sha256_mismatch",
                "warning",
                f"the file's sha256 {spec.sha256} differs from the manifest's {spec.expected_sha256}: "
                "it is not the file the manifest describes",
            )
        )
    read_done = time.perf_counter()
    page_starts = [p.char_start for p in doc.pages]
    page_heights = {p.number: p.height for p in doc.pages}
    result = layout.lines_to_layout(doc.document_id, doc.text, doc.lines, spec.media_type, page_starts, page_heights)
    doc.contents, doc.sections, doc.blocks = result.contents, result.sections, result.blocks
    quarantine = quality.mark_garbled_blocks(doc)
    doc.quarantine = list(zip(quarantine.starts, quarantine.ends, strict=True))
    doc.issues.extend(structure.contents_issues(doc) + structure.truncated_sections(doc))
    layout_done = time.perf_counter()
    doc.stages["layout"] = layout_done - read_done
    document_to_extracts(doc, watch=Stopwatch(doc.stages))
    doc.seconds = {
        "read": read_done - started, "layout": layout_done - read_done, "extract": time.perf_counter() - layout_done,
    }  # fmt: skip
    return doc
