"""What every extractor needs to know about one document, computed once."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from pipeline.catalogue.clusters import Catalogue
from pipeline.document import LaidOutDocument
from pipeline.language.patterns import labelled_item, list_marker
from pipeline.language.sentences import spans_to_sentences
from pipeline.models import Block, BlockKind, Section
from pipeline.spans import Quarantine

BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})
FOOTNOTE = re.compile(r"^\s*(?:\d{1,3}\s|[*†‡]{1,3})")  # a caption opening with its number or mark is a footnote
# (the document's own prose)


def _squeezed(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A laid-out document with its sections by id and (once found) each section's cluster."""

    doc: LaidOutDocument
    catalogue: Catalogue
    sections: dict[str, Section]
    section_clusters: dict[str, str] = field(default_factory=dict)
    document_cluster: str | None = None
    _sentences: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)  # a cache, shared

    @classmethod
    def of(cls, doc: LaidOutDocument, catalogue: Catalogue) -> DocumentView:
        return cls(doc, catalogue, {s.section_id: s for s in doc.sections})

    def with_clusters(self, section_clusters: dict[str, str], document_cluster: str | None) -> DocumentView:
        """The same view, knowing each cluster section's cluster and the document's own cluster."""
        return replace(self, section_clusters=section_clusters, document_cluster=document_cluster)

    @property
    def quarantine(self) -> Quarantine:
        return self.doc.quarantine

    def section_at(self, char_start: int, char_end: int | None = None) -> str | None:
        """The innermost section holding a span."""
        end = char_start + 1 if char_end is None else char_end
        return self.doc.spans.section(char_start, end)

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
        """(index, block) of the clean paragraphs, list items and footnotes, less pull quotes (an aside's words
        the body of its page says too: read once, where the body says them)."""
        repeated = self._pull_quotes()
        for i, b in enumerate(self.doc.blocks):
            footnote = b.kind is BlockKind.CAPTION and FOOTNOTE.match(self.text(b))
            if (b.kind in BODY_KINDS or footnote) and self.clean(b) and i not in repeated:
                yield i, b

    def _pull_quotes(self) -> set[int]:
        asides = [(i, b) for i, b in enumerate(self.doc.blocks) if b.region == "aside"]
        if not asides:
            return set()
        body: dict[int | None, str] = {}
        for b in self.doc.blocks:
            if b.region == "body" and b.kind in BODY_KINDS:
                body[b.page] = body.get(b.page, "") + _squeezed(self.text(b))
        return {i for i, b in asides if (said := _squeezed(self.text(b))) and said in body.get(b.page, "")}

    def item_span(self, block: Block) -> tuple[int, int]:
        """A list item's span without its marker (``1. ``, ``- ``, or the label of a labelled item:
        ``Objective 1: ``); other blocks unchanged."""
        start = block.char_start
        if block.kind is BlockKind.LIST_ITEM:
            text = self.text(block)
            if m := list_marker().match(text):
                start += m.end()
            if m := labelled_item().match(self.doc.text[start : block.char_end]):
                start += m.end() - 1  # the label, its punctuation and the space after it
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
