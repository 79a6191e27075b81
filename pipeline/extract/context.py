"""What every extractor needs to know about one document, computed once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pipeline.clusters import Catalogue
from pipeline.layout import innermost_section
from pipeline.models import Block, BlockKind, ParsedDocument, Section
from pipeline.patterns import list_marker
from pipeline.quality import Quarantine
from pipeline.sentences import spans_to_sentences

BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})


@dataclass(slots=True)
class DocumentView:
    """A parsed document with its quarantine, sections by id, and (once found) each section's cluster."""

    doc: ParsedDocument
    catalogue: Catalogue
    quarantine: Quarantine
    sections: dict[str, Section]
    section_starts: list[int]
    section_clusters: dict[str, str] = field(default_factory=dict)
    document_cluster: str | None = None
    _sentences: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: ParsedDocument, catalogue: Catalogue) -> DocumentView:
        sections = {s.section_id: s for s in doc.sections}
        return cls(doc, catalogue, Quarantine.of(doc.quarantine), sections, [s.char_start for s in doc.sections])

    def section_at(self, char_start: int, char_end: int | None = None) -> str | None:
        """The innermost section holding a span."""
        end = char_start + 1 if char_end is None else char_end
        return innermost_section(self.doc.sections, self.section_starts, char_start, end)

    def sentences(self, spans: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        """The sentences of each span (see :func:`spans_to_sentences`), found once per span for all extractors."""
        missing = [span for span in dict.fromkeys(spans) if span not in self._sentences]
        for span, found in zip(missing, spans_to_sentences(self.doc.text, missing), strict=True):
            self._sentences[span] = found
        return [self._sentences[span] for span in spans]

    def text(self, block: Block) -> str:
        return self.doc.text[block.char_start : block.char_end]

    def clean(self, block: Block) -> bool:
        """True when no part of the block is quarantined (garbled)."""
        return block.quality == "ok" and self.quarantine.allows(block.char_start, block.char_end)

    def body_blocks(self) -> Iterator[tuple[int, Block]]:
        """(index, block) of the clean paragraphs and list items."""
        for i, b in enumerate(self.doc.blocks):
            if b.kind in BODY_KINDS and self.clean(b):
                yield i, b

    def item_span(self, block: Block) -> tuple[int, int]:
        """A list item's span without its marker (``1. ``, ``- ``); other blocks unchanged."""
        start = block.char_start
        if block.kind is BlockKind.LIST_ITEM:
            m = list_marker().match(self.text(block))
            if m:
                start += m.end()
        return start, block.char_end

    def cluster_of(self, section_id: str | None) -> tuple[str | None, str]:
        """The cluster a section is about (its own or an enclosing section's), and how it was found."""
        while section_id is not None:
            if section_id in self.section_clusters:
                return self.section_clusters[section_id], "section"
            section_id = self.sections[section_id].parent_section_id
        if self.document_cluster is not None:
            return self.document_cluster, "document"
        return None, "none"
