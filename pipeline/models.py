"""The document model every reader produces and every extractor consumes.

A document is one normalised text (``pipeline.document.ParsedDocument.text``)
that all spans point into. Every value here is frozen: a stage returns new values
and never changes the ones it was given. Readers add the layout they know (pages, lines with boxes and
fonts); ``pipeline.layout`` turns lines into blocks, contents entries and a
section tree. Records that cross into the warehouse carry a frozen
:class:`Provenance`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from pipeline import registry


class MediaType(StrEnum):
    TEXT = "text/plain"
    MARKDOWN = "text/markdown"
    PDF = "application/pdf"
    OTHER = "application/octet-stream"  # a file refused before reading (not a kind we read)


class BBox(BaseModel):
    """A box in PDF points, origin at the top-left of the page (pdfplumber's convention)."""

    model_config = ConfigDict(frozen=True)

    x0: float
    top: float
    x1: float
    bottom: float

    @model_validator(mode="after")
    def _ordered(self) -> BBox:
        if self.x1 < self.x0 or self.bottom < self.top:
            raise ValueError(f"bbox corners out of order: {self}")
        return self

    def holds_centre(self, x0: float, top: float, x1: float, bottom: float) -> bool:
        """Whether the centre of the box (x0, top, x1, bottom) lies in this one (edges included)."""
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        return self.x0 <= cx <= self.x1 and self.top <= cy <= self.bottom

    def holds_centre_of(self, box: BBox) -> bool:
        """Whether the centre of ``box`` lies in this one (edges included)."""
        return self.holds_centre(box.x0, box.top, box.x1, box.bottom)

    @property
    def area(self) -> float:
        return (self.x1 - self.x0) * (self.bottom - self.top)

    def overlap(self, other: BBox) -> float:
        """The area this box shares with ``other``.

        >>> BBox(x0=0, top=0, x1=10, bottom=10).overlap(BBox(x0=5, top=5, x1=20, bottom=20))
        25.0
        """
        width = min(self.x1, other.x1) - max(self.x0, other.x0)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return max(width, 0) * max(height, 0)

    @classmethod
    def union(cls, boxes: list[BBox]) -> BBox:
        return cls(
            x0=min(b.x0 for b in boxes),
            top=min(b.top for b in boxes),
            x1=max(b.x1 for b in boxes),
            bottom=max(b.bottom for b in boxes),
        )


class Provenance(BaseModel):
    """Where a value came from: a span of the document text, its page and box, and who found it."""

    model_config = ConfigDict(frozen=True)

    document_id: str
    char_start: int = Field(ge=0)
    char_end: int
    page: int | None = Field(default=None, ge=1)
    bbox: BBox | None = None
    section_id: str | None = None
    extractor: str
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _span(self) -> Provenance:
        if self.char_end <= self.char_start:
            raise ValueError(f"empty or reversed span {self.char_start}..{self.char_end}")
        if "@" not in self.extractor:
            raise ValueError(f"extractor {self.extractor!r} lacks a version (name@N)")
        return self


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a PDF: where it sits in the document text and its size in points."""

    number: int
    char_start: int
    char_end: int
    width: float
    height: float
    n_words: int
    n_chars: int
    text_source: str = "pdf"
    garble: str = "clean"
    garble_score: float = 0.0
    ocr_confidence: float | None = None
    spread: bool = False  # the PDF page carries two printed pages side by side (folded at half its width)
    labels: tuple[str, ...] = ()  # the printed page number(s) a reader cites, left to right; () when none
    repairs: int = 0  # words of the text layer mended (lost ligatures, split words, drop caps, letter spacing)

    @property
    def label(self) -> str | None:
        """The printed label of the page, or of its left half on a spread."""
        return self.labels[0] if self.labels else None


@dataclass(frozen=True, slots=True)
class PageGraphics:
    """What a PDF page draws besides text (boxes in points): filled panels, other drawings, images."""

    page: int
    panels: tuple[BBox, ...] = ()
    drawings: tuple[BBox, ...] = ()
    images: tuple[BBox, ...] = ()


@dataclass(frozen=True, slots=True)
class PageLayer:
    """A text layer of a page that the document text does not use (kept for the analyst to compare)."""

    page: int
    source: str
    text: str
    garble: str
    garble_score: float


@dataclass(frozen=True, slots=True)
class PageImage:
    """A PDF page rendered as a greyscale PNG, for showing a value's box on its page (the run report)."""

    page: int
    dpi: int
    width_px: int
    height_px: int
    png: bytes

    @property
    def sha256(self) -> str:
        """The PNG's content hash: its name in the warehouse's page store (``warehouse.pages``)."""
        return content_hash(self.png)


def content_hash(data: bytes) -> str:
    """SHA-256 of ``data`` in hex: what names a page image's file (DuckDB's ``sha256()`` gives the same)."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Word:
    """A PDF word with its box; ``char_start``/``char_end`` locate it in the document text."""

    char_start: int
    char_end: int
    page: int
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the document text, with what the reader knows about its look.

    ``md_level`` is the Markdown heading level (``##`` → 2) for Markdown
    sources; ``font_size``, ``bold``, ``weight``, ``run_in`` and ``underlined`` come from PDFs.
    """

    char_start: int
    char_end: int
    page: int | None = None
    bbox: BBox | None = None
    font_size: float | None = None
    bold: bool = False
    md_level: int | None = None
    indent: int = 0
    run_in: int = 0  # PDFs: chars of a bold run-in label ending in ":" that opens a line not all bold ("Skills: ...")
    weight: int = 400  # PDFs: the weight class of the line's lightest word, from its font's name (300 light, 700 bold)
    underlined: bool = False  # PDFs: a rule is drawn under the whole line (an underlined title)


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"
    CONTENTS_ENTRY = "contents_entry"
    FURNITURE = "furniture"  # a running header or footer, or a page number
    CHART = "chart"  # the labels of a chart, diagram or map (ticks, legends, data labels): not prose
    CAPTION = "caption"  # a source or note line, or a footnote, standing apart from the body


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of layout: a heading, paragraph, list item, table row, contents entry, page furniture, a
    caption or footnote, or the labels of a chart; in the body of the page, or in an aside or chart region."""

    kind: BlockKind
    char_start: int
    char_end: int
    page: int | None = None
    bbox: BBox | None = None
    list_id: int | None = None
    ordinal: int | None = None
    marker: str | None = None
    section_id: str | None = None
    quality: str = "ok"
    region: str = "body"  # "body", "aside" (a boxed or shaded panel beside the body) or "chart"
    region_id: int | None = None  # which aside or chart of the document (1, 2, ...)

    def carries_on(self, item: Block) -> bool:
        """This block is ``item``'s tail carried over a page break: an item of the same list under the same
        number, with no marker printed (it opens the next page in mid-sentence)."""
        return (
            self is not item and self.kind is BlockKind.LIST_ITEM and item.kind is BlockKind.LIST_ITEM
            and self.marker == ""
            and self.list_id is not None and (self.list_id, self.ordinal) == (item.list_id, item.ordinal)
        )  # fmt: skip


def behind_page_furniture(blocks: Sequence[Block], end: int) -> int | None:
    """The index of the last block before ``end`` that is neither furniture nor a caption: what a page break
    leaves behind its running header or footer and its footnotes. None when there is none."""
    k = end - 1
    while k >= 0 and blocks[k].kind in (BlockKind.FURNITURE, BlockKind.CAPTION):
        k -= 1
    return k if k >= 0 else None


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    """A line of a contents page: the section it announces and the page it gives."""

    number: str | None
    title: str
    page_ref: int | None
    level: int
    char_start: int
    char_end: int
    page: int | None


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the body: its printed number and title, and the span it covers."""

    section_id: str
    number: str | None
    title: str
    level: int
    parent_section_id: str | None
    char_start: int
    char_end: int
    heading_end: int
    page_start: int | None = None
    page_end: int | None = None
    quality: str = "ok"


@dataclass(frozen=True, slots=True)
class SourceIssue:
    """Something a reader noticed about a source, for ``quality_issues``.

    ``char_start``/``char_end`` are None when the issue concerns no span of
    text (a page with no text layer, a file that could not be decoded).
    """

    kind: str
    severity: str
    detail: str
    page: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    extractor: str = registry.extractor("reader")
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """A source file to ingest, with the metadata the manifest gives or the reader infers.

    ``refusal`` says, for a person, why the file is not read at all (a link out
    of the sources folder, a manifest entry with no file, a kind of file we do
    not read); ``refusal_kind`` names it for ``quality_issues``. ``warnings`` are
    what scanning the folder noticed about a file that is still read.
    """

    document_id: str
    path: str
    media_type: MediaType
    sha256: str | None
    size_bytes: int | None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    origin: str | None = None
    in_manifest: bool = False
    expected_sha256: str | None = None
    refusal: str | None = None
    refusal_kind: str | None = None
    warnings: tuple[SourceIssue, ...] = ()

    def metadata_key(self) -> str:
        """What of the spec, besides the bytes, lands in the document's rows."""
        return "\x1f".join(
            str(v) for v in (Path(self.path).name, self.media_type, self.title, self.publisher, self.date, self.origin,
                             self.in_manifest, self.expected_sha256, *(w.detail for w in self.warnings))
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class ClusterMention:
    """Where a document presents a cluster: a heading, a ``Cluster:`` label, a list or table of clusters.

    ``rule`` names the rule that found it; ``origin`` says whether the name
    matched the curated catalogue or made a new (discovered) cluster.
    """

    cluster_id: str
    name_as_written: str
    char_start: int
    char_end: int
    rule: str
    origin: str
    confidence: float
    salience: str = "presented"


@dataclass(frozen=True, slots=True)
class Vision:
    """A statement the document frames as the vision (ambition, mission) for a cluster or for the plan.

    ``attribution`` says how ``cluster_id`` was found: ``sentence`` (the
    statement names it), ``section`` (the section it sits in is the cluster's),
    ``document`` (the whole document is about one cluster) or ``none``.
    """

    cluster_id: str | None
    text: str
    char_start: int
    char_end: int
    frame: str
    rule: str
    attribution: str
    confidence: float
    owner: str = "plan"


@dataclass(frozen=True, slots=True)
class Objective:
    """One item of a list of objectives (aims, themes, priorities, directions) the document gives.

    ``list_number`` counts the document's objective lists from 1; ``ordinal`` is
    the item's position in its list; ``list_style`` says how the document sets
    the list out (``numbered``, ``bulleted``, ``paragraphs``: a run of "Title –
    description" paragraphs, ...; every style is described under ``objectives``
    in warehouse/schema.yml); ``list_kind`` is the noun the lead-in uses
    (``objective``, ``theme``, …).
    """

    cluster_id: str | None
    ordinal: int
    text: str
    char_start: int
    char_end: int
    list_number: int
    list_style: str
    list_kind: str
    lead_in: str
    attribution: str
    confidence: float
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A numeric fact: a value (or a range), its unit, what it measures, its period and qualifiers.

    Values are in base units (pounds, not millions; 5 for 5%). ``quality`` is
    ``ok`` or names a problem (``reversed_range``). ``place`` is where the figure is about, as the gazetteer
    names it: a place its sentence names, else the place the document names most, else None.
    ``source`` says what it was read from: ``text`` (a sentence) or ``table`` (a cell of a money table).
    """

    cluster_id: str | None
    measure: str
    value: float | None
    value_low: float | None
    value_high: float | None
    unit: str
    period: str | None
    qualifier: str | None
    char_start: int
    char_end: int
    quality: str
    confidence: float
    subject: str | None = None
    value_before: float | None = None
    place: str | None = None
    source: str = "text"  # what it was read from: a sentence (text) or a money table's cell (table)


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell at its top-left (row, col); a spanning cell appears once. The span covers its words."""

    row: int
    col: int
    text: str
    char_start: int
    char_end: int
    is_header: bool
    page: int | None = None
    bbox: BBox | None = None
    row_span: int = 1
    col_span: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """A table found in a source: its cells, where it sits, what unit its numbers are in."""

    number: int
    source: str  # text, pdf-lines, pdf-text
    title: str | None
    char_start: int
    char_end: int
    n_rows: int
    n_cols: int
    header_rows: int
    cells: list[TableCell]
    page: int | None = None
    bbox: BBox | None = None
    unit: str | None = None  # the money unit of its cells: GBP x 1000000
    last_page: int | None = None  # the page it ends on, when it continues past its first
    unit_text: str | None = None  # the unit as printed: £000, (£m), %, Number of firms

    def grid(self) -> list[list[TableCell | None]]:
        rows: list[list[TableCell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            rows[c.row][c.col] = c
        return rows


@dataclass(frozen=True, slots=True)
class FundingLine:
    """One cell of a funding table: a line item in a period, in base units."""

    table_number: int
    line_item: str
    period: str
    amount: float
    currency: str
    is_total: bool
    unit_multiplier: float
    row: int
    col: int
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class RawTable:
    """A table found on a PDF page: its box, each row's cell boxes (None where a cell spans) and the
    strategy that found it (``lines``: pdfplumber's ruling lines; ``text``: the words' gutters; ``rows``: rules drawn
    between rows only, each band between them one row, before its columns are found)."""

    page: int
    bbox: BBox
    rows: list[list[BBox | None]]
    strategy: str = "lines"


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity in the document text: its label, its normalised name and what found it
    (``gazetteer``, ``ruler``, ``acronym`` or ``model``)."""

    text: str
    label: str
    char_start: int
    char_end: int
    normalised: str
    source: str
    confidence: float
