"""One source file → one :class:`ParsedDocument`, stage by stage, assembled once at the end.

read (``readers``) → lay out (``layout``) → quarantine garbled text and check the
structure (``quality``) → tables and funding lines (``tables``) → clusters,
visions, objectives, figures (``extract``) → named entities (``entities``). Each
stage takes frozen values and returns new ones; :func:`source_to_rows` then
builds the warehouse rows (``rows``) in the same process.
"""

from __future__ import annotations

import atexit
import gc
import hashlib
import re
import statistics
import time
from dataclasses import replace
from pathlib import Path

from pipeline import layout
from pipeline.document import LaidOutDocument, ParsedDocument, Reading
from pipeline.entities.ner import document_to_entities
from pipeline.extract import document_to_extracts
from pipeline.models import BBox, Block, BlockKind, MediaType, RawTable, SourceIssue, SourceSpec
from pipeline.quality import quarantine as quality
from pipeline.quality import structure
from pipeline.readers.ocr import OcrSettings
from pipeline.readers.text import (
    LONE_SURROGATE,
    UnreadableSource,
    bytes_to_str,
    drop_invisible,
    first_title,
    str_to_lines,
)
from pipeline.rows import DocumentRows
from pipeline.spans import SpanIndex
from pipeline.tables.build import document_to_tables
from pipeline.tables.funding import tables_to_funding
from pipeline.timing import Stopwatch

MAX_PARAGRAPH_CHARS = 1_000_000  # spaCy's limit on one text; a paragraph of a document is far shorter
CHART_SKIRT_LINES = 2.5  # a chart's axis labels and legend sit within this many lines below its box
NO_TEXT_PDF = "no page of the PDF has any text: it is a scan or purely graphic, and {ocr}; nothing is extracted"


def _ocr_state() -> str:
    from pipeline.readers import ocr

    return "OCR found no text either" if ocr.available() else "OCR is unavailable (Tesseract is not installed)"


def warm_up() -> None:
    """Load the word lists, catalogue and spaCy pipelines every document needs, once per process.

    They stay for the process's life, so they are then frozen out of the garbage collector's reach
    (``gc.freeze``): collecting a document's objects no longer walks the hundred thousand objects of
    spaCy's pipelines each time (measured over 240 pages of three policy PDFs: 1.37 s of the parse's
    15.6 s went to collecting, 0.32 s after freezing), and a process forked from this one (the parsing
    forkserver, :mod:`flows.sandbox`) does not copy the pages the collector would otherwise touch.
    """
    from pipeline.catalogue import clusters
    from pipeline.entities import names, ner
    from pipeline.language import lexicon, sentences
    from pipeline.readers import ocr, repair

    lexicon.lexicon()
    repair.load_frequencies()
    names.given_names()
    clusters.load_catalogue()
    ner.ner_pipeline()
    sentences.sentence_nlp()
    ocr.tesseract_version()
    gc.freeze()
    # thawed at exit, so that the interpreter's last collection frees them as it would have (DuckDB's
    # extension otherwise reports its frozen types as leaked when the process ends)
    atexit.register(gc.unfreeze)


def _unchanged_bytes(path: Path, sha256: str | None, keep: bool) -> bytes | None:
    """The file's bytes when ``keep`` (text sources), else None (PDFs, whose reader opens the file itself),
    checked to be the bytes the run hashed when it scanned the folder: the rows are stored under that sha256."""
    try:
        if not keep:
            with path.open("rb") as handle:
                data, now = None, hashlib.file_digest(handle, "sha256").hexdigest()
        else:
            data = path.read_bytes()
            now = hashlib.sha256(data).hexdigest()
    except OSError as exc:
        raise UnreadableSource(
            f"the file could not be read ({exc.strerror or exc}): it was moved, removed or locked after the run "
            "found it"
        ) from None
    if sha256 is not None and now != sha256:
        raise UnreadableSource(
            "the file changed after the run found it (its bytes are no longer those it hashed); the next run reads it"
        )
    return data


def _longest_paragraph(text: str) -> int:
    r"""Characters of the longest run of lines without a blank line between them: what the language tools
    take at once (a block is at most that).

    >>> _longest_paragraph("one\ntwo\n\nthree")
    7
    """
    return max((len(paragraph) for paragraph in re.split(r"\n\s*\n", text)), default=0)


def without_surrogates(reading: Reading) -> tuple[Reading, list[SourceIssue]]:
    r"""The reading with each lone surrogate (a text-layer character whose ToUnicode map points nowhere) as
    U+FFFD, one character for one so every span stays where it was, in its text, title, kept text layers
    and the issues that quote them, and an ``encoding`` warning.

    >>> fixed, issues = without_surrogates(Reading(text="A\ud800 plan", title="A\ud800", lines=[], issues=[]))
    >>> fixed.text == "A\ufffd plan", fixed.title == "A\ufffd", [i.kind for i in issues]
    (True, True, ['encoding'])
    """
    count = len(LONE_SURROGATE.findall(reading.text)) + len(LONE_SURROGATE.findall(reading.title or ""))
    layers = [replace(layer, text=LONE_SURROGATE.sub("\ufffd", layer.text)) for layer in reading.layers]
    quoted = [replace(issue, detail=LONE_SURROGATE.sub("\ufffd", issue.detail)) for issue in reading.issues]
    if not count and layers == reading.layers and quoted == reading.issues:
        return reading, []
    detail = (
        f"{count:,} character(s) of the text layer map to no Unicode character (lone surrogates, from a broken "
        "ToUnicode map): each is kept as \ufffd"
    )
    title = LONE_SURROGATE.sub("\ufffd", reading.title) if reading.title else reading.title
    text = LONE_SURROGATE.sub("\ufffd", reading.text)
    fixed = replace(reading, text=text, title=title, layers=layers, issues=quoted)
    return fixed, [SourceIssue("encoding", "warning", detail)]


def source_to_reading(spec: SourceSpec, max_pages: int | None = None, text_layer: str = "pdfium") -> Reading:
    """Read a source as its media type: text, lines (pages, words, boxes for PDFs) and what the reader met.

    ``text_layer`` says who reads a PDF's clean text layer (:class:`~pipeline.readers.pdf_page.PdfSettings`).

    Raises :class:`UnreadableSource` with a message for a person when the
    file cannot be read as its media type (or is a PDF of more than ``max_pages``).
    """
    path = Path(spec.path)
    if spec.refusal is not None:
        raise UnreadableSource(spec.refusal)
    if spec.size_bytes == 0:
        raise UnreadableSource("the file is empty")
    data = _unchanged_bytes(path, spec.sha256, keep=spec.media_type is not MediaType.PDF)
    if spec.media_type is MediaType.PDF:
        from pipeline.readers.pdf import read_pdf  # the PDF readers are imported only where PDFs are read
        from pipeline.readers.pdf_page import PdfSettings

        reading = read_pdf(path, PdfSettings(text_layer=text_layer), OcrSettings(), max_pages)
        no_text = (
            [] if reading.text.strip() else [SourceIssue("no_text", "error", NO_TEXT_PDF.format(ocr=_ocr_state()))]
        )
        issues = [*reading.issues, *no_text]
        reading = replace(reading, title=spec.title or reading.title)
    else:
        raw, read_issues = bytes_to_str(data or b"")
        raw, invisible = drop_invisible(raw)
        read_issues += invisible
        text, lines = str_to_lines(raw, spec.media_type)
        if not text.strip():
            raise UnreadableSource("the file holds no text")
        longest = _longest_paragraph(text)
        if longest > MAX_PARAGRAPH_CHARS:
            raise UnreadableSource(
                f"a paragraph of {longest:,} characters, more than the {MAX_PARAGRAPH_CHARS:,} the language tools "
                "read at once: no paragraph of a document is that long (is it data, or text with its line breaks "
                "lost?)"
            )
        reading = Reading(text=text, title=spec.title or first_title(text, lines), lines=lines, issues=[])
        issues = read_issues
    if spec.expected_sha256 and spec.expected_sha256 != spec.sha256:
        issues = [
            *issues,
            SourceIssue(
                "sha256_mismatch",
                "warning",
                f"the file's sha256 {spec.sha256} differs from the manifest's {spec.expected_sha256}: "
                "it is not the file the manifest describes",
            ),
        ]
    reading, unmapped = without_surrogates(replace(reading, issues=issues))
    return replace(reading, issues=[*spec.warnings, *reading.issues, *unmapped])


def reading_to_layout(spec: SourceSpec, reading: Reading) -> tuple[LaidOutDocument, list[SourceIssue]]:
    """Lay out what was read, quarantine its garbled text and check its structure against its contents page.

    Returns the laid-out document and the issues the quality checks raised.
    """
    laid = layout.lines_to_layout(
        spec.document_id,
        reading.text,
        reading.lines,
        spec.media_type,
        reading.pages,
        reading.graphics,
        reading.raw_tables,
    )
    assessed = quality.mark_garbled_blocks(reading.text, laid.blocks, laid.sections)
    doc = LaidOutDocument(
        source=spec, text=reading.text, title=reading.title, pages=laid.pages, words=reading.words,
        lines=reading.lines, raw_tables=_outside_charts(reading.raw_tables, laid.blocks), contents=laid.contents,
        sections=assessed.sections,
        blocks=assessed.blocks, quarantine=assessed.quarantine,
        spans=SpanIndex(laid.pages, assessed.sections, reading.words),
    )  # fmt: skip
    contents_issues = structure.contents_issues(doc)
    truncated, sections = structure.truncated_sections(doc)
    # marking a section truncated changes its quality only, never its span: the span index stands
    return replace(doc, sections=sections), [*assessed.issues, *contents_issues, *truncated]


def _outside_charts(tables: list[RawTable], blocks: list[Block]) -> list[RawTable]:
    """The tables the table finder found, less those the layout reads as something else: a chart's labels
    (axes, legends, data labels lined up like cells: a table inside a chart's box, or starting within
    CHART_SKIRT_LINES of its lines below it, where axis labels and legends sit) and a contents page (most
    of the table's lines are contents entries)."""
    charts: dict[tuple[int | None, int | None], list[BBox]] = {}
    for b in blocks:
        if b.region == "chart" and b.bbox is not None:
            charts.setdefault((b.page, b.region_id), []).append(b.bbox)
    boxes = [(page, BBox.union(found)) for (page, _), found in charts.items()]

    def chart_labels(table: RawTable) -> bool:
        row_height = _row_height(table)
        return any(
            page == table.page
            and (
                box.holds_centre_of(table.bbox)
                or (
                    box.top <= table.bbox.top <= box.bottom + CHART_SKIRT_LINES * row_height
                    and min(box.x1, table.bbox.x1) - max(box.x0, table.bbox.x0) >= (table.bbox.x1 - table.bbox.x0) / 2
                )
            )
            for page, box in boxes
        )

    def contents(table: RawTable) -> bool:
        inside = [
            b for b in blocks if b.page == table.page and b.bbox is not None and table.bbox.holds_centre_of(b.bbox)
        ]
        entries = sum(b.kind is BlockKind.CONTENTS_ENTRY for b in inside)
        return entries > 0 and entries * 2 >= len(inside)

    return [t for t in tables if not chart_labels(t) and not contents(t)]


def _row_height(table: RawTable) -> float:
    heights = [b.bottom - b.top for row in table.rows for b in row if b is not None]
    return statistics.median_high(heights) if heights else 10.0


def source_to_document(spec: SourceSpec, max_pages: int | None = None, text_layer: str = "pdfium") -> ParsedDocument:
    """Parse a source: read, lay out, check, find tables, extract, find entities; assembled once."""
    started = time.perf_counter()
    reading = source_to_reading(spec, max_pages, text_layer)
    watch = Stopwatch(dict(reading.stages))
    with watch.stage("layout"):
        doc, quality_issues = reading_to_layout(spec, reading)
    with watch.stage("extract/tables_funding"):
        tables = document_to_tables(doc)
        funding, funding_issues = tables_to_funding(tables)
    extracts = document_to_extracts(doc, funding, watch=watch, tables=tables)
    with watch.stage("extract/entities"):
        entities = document_to_entities(doc, doc.quarantine)
    return ParsedDocument(
        **{f: getattr(doc, f) for f in LaidOutDocument.__dataclass_fields__},
        issues=[*reading.issues, *quality_issues, *extracts.issues, *funding_issues, *extracts.checks],
        layers=reading.layers,
        page_images=reading.page_images,
        cluster_mentions=extracts.cluster_mentions,
        visions=extracts.visions,
        objectives=extracts.objectives,
        figures=extracts.figures,
        tables=tables,
        funding=funding,
        entities=entities,
        stages=watch.seconds,
        parse_seconds=time.perf_counter() - started,
    )


def source_to_rows(
    spec: SourceSpec, run_id: str, max_pages: int | None = None, text_layer: str = "pdfium"
) -> DocumentRows:
    """Parse a source and build every row of it for run ``run_id`` (what a sandboxed child returns)."""
    return DocumentRows.of(source_to_document(spec, max_pages, text_layer), run_id)
