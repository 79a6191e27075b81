"""A document as it passes through the stages, one frozen value per stage.

``Reading`` (what a reader returns) → ``LaidOutDocument`` (blocks, contents and
sections, garbled text quarantined: what tables, extractors and entities read)
→ ``ParsedDocument`` (everything, assembled once by :mod:`pipeline.parse`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.models import (
    Block,
    ClusterMention,
    ContentsEntry,
    Entity,
    Figure,
    FundingLine,
    Line,
    MediaType,
    Objective,
    Page,
    PageGraphics,
    PageImage,
    PageLayer,
    RawTable,
    Section,
    SourceIssue,
    SourceSpec,
    Table,
    Vision,
    Word,
)
from pipeline.spans import Quarantine, SpanIndex


@dataclass(frozen=True, slots=True)
class Reading:
    """What a reader made of a file: its text, where the text lies, and what the reader met."""

    text: str
    title: str | None
    lines: list[Line]
    issues: list[SourceIssue]
    pages: list[Page] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    layers: list[PageLayer] = field(default_factory=list)
    raw_tables: list[RawTable] = field(default_factory=list)
    page_images: list[PageImage] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage of reading (pipeline.timing)
    graphics: list[PageGraphics] = field(default_factory=list)  # PDF pages' panels, drawings and images


@dataclass(frozen=True, slots=True)
class LaidOutDocument:
    """A document read and laid out, with its garbled text quarantined and its span index built."""

    source: SourceSpec
    text: str
    title: str | None
    pages: list[Page]
    words: list[Word]
    lines: list[Line]
    raw_tables: list[RawTable]
    contents: list[ContentsEntry]
    sections: list[Section]
    blocks: list[Block]
    quarantine: Quarantine
    spans: SpanIndex

    @property
    def document_id(self) -> str:
        return self.source.document_id

    @property
    def page_count(self) -> int | None:
        return len(self.pages) if self.source.media_type is MediaType.PDF else None


@dataclass(frozen=True, slots=True)
class ParsedDocument(LaidOutDocument):
    """Everything the pipeline learned from one source, ready to become rows (:mod:`pipeline.rows`)."""

    issues: list[SourceIssue] = field(default_factory=list)
    layers: list[PageLayer] = field(default_factory=list)
    page_images: list[PageImage] = field(default_factory=list)
    cluster_mentions: list[ClusterMention] = field(default_factory=list)
    visions: list[Vision] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    funding: list[FundingLine] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage: read/words, layout, extract/...
    parse_seconds: float = 0.0  # wall-clock seconds from opening the file to the last extractor
