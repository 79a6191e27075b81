"""What every extractor needs to know about one document, computed once."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from pipeline.catalogue.clusters import Catalogue
from pipeline.document import LaidOutDocument
from pipeline.evaluation import squeeze
from pipeline.language.patterns import figure_caption, labelled_item, list_marker, source_note
from pipeline.language.sentences import spans_to_sentences
from pipeline.models import Block, BlockKind, Section
from pipeline.spans import Quarantine

BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})
CASE_STUDY = re.compile(r"\s*case\s+stud(?:y|ies)\b", re.I)
# the imprint of a government publication: "© Crown copyright 2021" (a map's credit gives no year after it)
GOVERNMENT_IMPRINT = re.compile(r"Crown\s+copyright\s+(?:19|20)\d\d\b", re.I)
OWN_NAME_PER_PAGE = 1.0  # the document's own place or body is named this often a page ...
MIN_OWN_NAME = 10  # ... and at least this often
STATEMENT_WORDS = 8  # a caption of this many words or more, opening in a capital, may be the document's own sentence
FOOTNOTE = re.compile(r"^\s*(?:\d{1,3}\s|[*†‡]{1,3})")  # a caption opening with its number or mark is a footnote
# (the document's own prose)


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A laid-out document with its sections by id and (once found) each section's cluster."""

    doc: LaidOutDocument
    catalogue: Catalogue
    sections: dict[str, Section]
    section_clusters: dict[str, str] = field(default_factory=dict)
    document_cluster: str | None = None
    pull_quotes: frozenset[int] = frozenset()  # indexes of asides the body of their page says too
    case_studies: frozenset[int] = frozenset()  # region ids of the asides that tell a case study
    government: bool = False  # a government publication (its imprint: "© Crown copyright 2021"): the government speaks
    _sentences: dict[tuple[int, int], list[tuple[int, int]]] = field(default_factory=dict)  # a cache, shared
    _block_starts: tuple[int, ...] = ()  # each block's first char, in the blocks' order (:meth:`block_at`)

    @classmethod
    def of(cls, doc: LaidOutDocument, catalogue: Catalogue) -> DocumentView:
        sections = {s.section_id: s for s in doc.sections}
        return cls(
            doc, catalogue, sections, pull_quotes=_pull_quotes(doc), case_studies=_case_studies(doc),
            government=GOVERNMENT_IMPRINT.search(doc.text) is not None,
            _block_starts=tuple(b.char_start for b in doc.blocks),
        )  # fmt: skip

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

    def block_at(self, offset: int) -> int:
        """The index of the last block opening at or before ``offset`` (-1 before the first block)."""
        return bisect.bisect_right(self._block_starts, offset) - 1

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

    def body_blocks(self, statements: bool = False) -> Iterator[tuple[int, Block]]:
        """(index, block) of the clean paragraphs, list items and footnotes, less pull quotes (an aside's words
        the body of its page says too: read once, where the body says them). With ``statements``, the captions
        that are the document's own sentences too (:func:`statement`: a band over a photograph saying "Data is
        integral to our ambition to ...")."""
        for i, b in enumerate(self.doc.blocks):
            footnote = b.kind is BlockKind.CAPTION and FOOTNOTE.match(self.text(b))
            said = statements and b.kind is BlockKind.CAPTION and statement(self.text(b))
            if (b.kind in BODY_KINDS or footnote or said) and self.clean(b) and i not in self.pull_quotes:
                yield i, b

    def in_case_study(self, block: Block) -> bool:
        """True for a block of an aside that tells a case study (its first line ``Case study: ...``): a third
        party's story, whose sectors, aims and plans are its own, not the document's."""
        return block.region == "aside" and block.region_id in self.case_studies

    def item_span(self, block: Block) -> tuple[int, int]:
        """A list item's span without its marker (``1. ``, ``- ``, or the label of a labelled item:
        ``Objective 1: ``); other blocks unchanged."""
        start = block.char_start
        if block.kind is BlockKind.LIST_ITEM:
            text = self.text(block)
            if m := list_marker().match(text):
                start += m.end()
            elif (point := block.marker or "")[:1].isdigit() and text.startswith(point):  # a sub-point's ("19.1.")
                start += len(text) - len(text[len(point) :].lstrip())
            if m := labelled_item().match(self.doc.text[start : block.char_end]):
                start += m.end() - 1  # the label, its punctuation and the space after it
        return start, block.char_end

    def names_itself(self, name: str) -> bool:
        """True for the place or body a document is about, which it names on page after page (``South
        Ostrobothnia wants to be ...`` in that region's strategy): named at least :data:`OWN_NAME_PER_PAGE` times
        a page (and :data:`MIN_OWN_NAME` times); a partner, a project or a company in a case study is named a few
        times."""
        pages = max((b.page or 1 for b in self.doc.blocks[-1:]), default=1)
        return len(name) > 2 and self.doc.text.count(name) >= max(MIN_OWN_NAME, OWN_NAME_PER_PAGE * pages)

    def lineage(self, section_id: str | None) -> Iterator[Section]:
        """The section and the sections enclosing it, innermost first (none for ``None``)."""
        while section_id is not None:
            section = self.sections[section_id]
            yield section
            section_id = section.parent_section_id

    def cluster_of(self, section_id: str | None) -> tuple[str | None, str]:
        """The cluster a section is about (its own or an enclosing section's), and how it was found."""
        for section in self.lineage(section_id):
            if section.section_id in self.section_clusters:
                return self.section_clusters[section.section_id], "section"
        if self.document_cluster is not None:
            return self.document_cluster, "document"
        return None, "none"


def _pull_quotes(doc: LaidOutDocument) -> frozenset[int]:
    """Indexes of the asides whose words the body of their page says too (pull quotes), found once a document."""
    asides = [(i, b) for i, b in enumerate(doc.blocks) if b.region == "aside"]
    if not asides:
        return frozenset()
    body: dict[int | None, list[str]] = {}
    for b in doc.blocks:
        if b.region == "body" and b.kind in BODY_KINDS:
            body.setdefault(b.page, []).append(squeeze(doc.text[b.char_start : b.char_end]))
    said = {page: "".join(parts) for page, parts in body.items()}
    return frozenset(
        i
        for i, b in asides
        if (words := squeeze(doc.text[b.char_start : b.char_end])) and words in said.get(b.page, "")
    )


def _case_studies(doc: LaidOutDocument) -> frozenset[int]:
    """Region ids of the asides whose first block opens ``Case study`` or ``Case studies``."""
    firsts: dict[int, Block] = {}
    for b in doc.blocks:
        if b.region == "aside" and b.region_id is not None:
            firsts.setdefault(b.region_id, b)
    return frozenset(
        region for region, b in firsts.items() if CASE_STUDY.match(doc.text, b.char_start, b.char_end) is not None
    )


def statement(caption: str) -> bool:
    """A caption that is a sentence of the document's own (a photograph's caption, a band of words over it), not a
    figure's or table's title (``Figure 3 ...``) or a source or note line (``Source: ONS``): at least
    STATEMENT_WORDS words, opening in a capital.

    >>> statement("Data is integral to our ambition to achieve a highly technological future")
    True
    >>> statement("Source: Office for National Statistics, Business Population Estimates 2019 and 2020")
    False
    """
    text = caption.strip()
    if len(text.split()) < STATEMENT_WORDS or not text[:1].isupper():
        return False
    return not (figure_caption().match(text) or source_note().match(text))
