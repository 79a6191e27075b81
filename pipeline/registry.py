"""Every extractor, named once: ``name@version`` as it appears in the ``extractor`` column of every row.

The rows (:mod:`pipeline.rows`), the pipeline's fingerprint (:mod:`pipeline.ingest.fingerprint`)
and the data dictionary (``docs/data_dictionary.md``) all read this list; an extractor
that is not here cannot make a row (:func:`extractor` raises). Bump an extractor's
``version`` when it would extract something different from the same document: the
fingerprint changes, and the next run re-extracts every document that extractor reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Scope(StrEnum):
    """Which documents an extractor reads, and so which fingerprints it is part of."""

    ALL = "all"  # every source: text, Markdown and PDF
    PDF = "pdf"  # PDFs only: changing it leaves text sources alone
    WAREHOUSE = "warehouse"  # recomputed over the whole warehouse on every run: in no document's fingerprint


@dataclass(frozen=True, slots=True)
class Extractor:
    name: str
    version: int
    scope: Scope
    description: str

    @property
    def id(self) -> str:
        """The versioned name stored in ``extractor`` columns, e.g. ``figures/text@1``."""
        return f"{self.name}@{self.version}"


# The rules of the cluster-mention extractor (pipeline/extract/cluster_mentions.py), each its own extractor.
CLUSTER_RULES = (
    "label",
    "title",
    "heading",
    "brand",
    "sibling",
    "list",
    "table",
    "named",
    "prose_list",
    "named_sector",
    "sector_list",
)
# The rules of the vision extractor (pipeline/extract/visions.py).
VISION_RULES = ("sentence", "heading", "framed", "list")

_ALL, _PDF = Scope.ALL, Scope.PDF
EXTRACTORS: tuple[Extractor, ...] = (
    Extractor(
        "reader",
        2,
        _ALL,
        "the reader: what it met reading the file (encoding, pages, manifest entry, text painted over)",
    ),
    Extractor("pages/image", 1, _PDF, "page images for the report: 96 dpi, 16 greys"),
    Extractor("ocr/tesseract", 1, _PDF, "Tesseract OCR of pages whose text layer is garbled or missing"),
    Extractor(
        "reader/repair",
        7,
        _PDF,
        "words of a text layer mended: lost or odd ligatures, split words, drop caps, small capitals, letter-spaced"
        " words, decorative initials, lines drawn twice",
    ),
    Extractor(
        "layout/blocks",
        34,
        _ALL,
        "blocks (headings, paragraphs, list items, icon-bulleted items, tiles a lead-in announces, a card's fields,"
        " phrases boxed side by side, table lines, chart labels and legends, pictures' captions), asides, printed"
        " page labels",
    ),
    Extractor("layout/contents", 6, _ALL, "the entries of the contents page (of its half, on a two-page spread)"),
    Extractor("quality/garble", 4, _ALL, "garbled text: blocks and sections quarantined from extraction"),
    Extractor(
        "quality/structure",
        4,
        _ALL,
        "numbering that disagrees with the contents page; sections listed past the file's end; truncated sections",
    ),
    Extractor("tables/text", 4, _ALL, "tables of plain text: tab- or space-aligned columns"),
    Extractor("tables/pdf-lines", 17, _PDF, "PDF tables drawn with rules"),
    Extractor("tables/pdf-text", 29, _PDF, "PDF tables found from the gutters between columns of words"),
    Extractor("funding/table", 9, _ALL, "funding lines: one per line item and period of a money table"),
    Extractor("checks/totals", 4, _ALL, "a table's stated totals against the sum of its lines"),
    Extractor("checks/text-vs-table", 1, _ALL, "a figure in the text against the same amount in a table"),
    *(Extractor(f"clusters/{rule}", 7, _ALL, f"cluster mentions by the `{rule}` rule") for rule in CLUSTER_RULES),
    *(Extractor(f"visions/{rule}", 10, _ALL, f"vision statements by the `{rule}` rule") for rule in VISION_RULES),
    Extractor("objectives/lists", 22, _ALL, "objectives: the items of lists a document frames as its objectives"),
    Extractor("figures/text", 11, _ALL, "numeric figures in sentences, with what they count, unit and period"),
    Extractor("figures/table", 5, _ALL, "figures from the cells of money tables that are not funding"),
    Extractor(
        "entities/ruler",
        6,
        _ALL,
        "entities from spaCy patterns and the gazetteer, places widened to the region a compass word names",
    ),
    Extractor("entities/acronym", 2, _ALL, "acronyms the document defines, of bodies and of known places"),
    Extractor("entities/names", 4, _ALL, "organisations by head word, people by title, given name or citation"),
    Extractor("entities/model", 1, _ALL, "entities from a pretrained spaCy pipeline, when one is installed"),
    Extractor("checks/cross-document", 1, Scope.WAREHOUSE, "the same figure stated differently in two documents"),
    Extractor("checks/data-tests", 1, Scope.WAREHOUSE, "the data tests of warehouse/schema.yml that a document fails"),
)
_BY_NAME = {e.name: e for e in EXTRACTORS}


def extractor(name: str) -> str:
    """The versioned id of a registered extractor.

    >>> extractor("figures/text")
    'figures/text@11'
    """
    return _BY_NAME[name].id


def fingerprinted(pdf: bool) -> list[str]:
    """The ids of the extractors a document's rows depend on (text sources: ``pdf=False``)."""
    scopes = {Scope.ALL, Scope.PDF} if pdf else {Scope.ALL}
    return sorted(e.id for e in EXTRACTORS if e.scope in scopes)
