"""The ICDAR 2013 table competition set scored by its adjacency-relation measure (``make eval-tables`` and
the test that holds the level reached).

Each PDF of ``../shared/corpus/icdar2013`` is read by the pipeline's PDF reader and its tables are
found as in an ingest; every table's relations (:func:`pipeline.evaluation.adjacency_relations`) are
compared, as one bag per document, with those of the ground truth's ``-str.xml``. The ground truth
describes the tables page by page, so tables are scored before a table continued on the next page is
joined to it. Precision and recall are reported over all relations (micro) and as the mean of the
documents' scores, the competition's way.
"""

from __future__ import annotations

import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.evaluation import GridCell, Relation, Score, adjacency_relations, score_relations
from pipeline.models import Table
from pipeline.readers.pdf import read_pdf
from pipeline.tables.build import pdf_tables

ICDAR = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "icdar2013"


@dataclass
class TableResults:
    per_document: dict[str, Score] = field(default_factory=dict)
    seconds: float = 0.0
    pages: int = 0

    @property
    def total(self) -> Score:
        return sum(self.per_document.values(), Score(0, 0, 0))

    @property
    def mean_precision(self) -> float:
        return statistics.fmean(s.precision for s in self.per_document.values())

    @property
    def mean_recall(self) -> float:
        return statistics.fmean(s.recall for s in self.per_document.values())

    @property
    def mean_f1(self) -> float:
        p, r = self.mean_precision, self.mean_recall
        return 2 * p * r / (p + r) if p + r else 0.0


def icdar_documents(root: Path = ICDAR) -> list[tuple[Path, Path]]:
    """(PDF, structure ground truth) pairs, by name."""
    return [(pdf, pdf.with_name(pdf.stem + "-str.xml")) for pdf in sorted(root.glob("*/*.pdf"))]


def gold_relations(structure_xml: Path) -> list[Relation]:
    """The relations of every table region of a ``-str.xml`` file."""
    out: list[Relation] = []
    for region in ET.parse(structure_xml).getroot().iter("region"):
        cells: list[GridCell] = []
        for cell in region.iter("cell"):
            r0, c0 = int(cell.get("start-row", 0)), int(cell.get("start-col", 0))
            r1, c1 = int(cell.get("end-row", r0)), int(cell.get("end-col", c0))
            content = cell.find("content")
            cells.append(((content.text or "") if content is not None else "", r0, c0, r1, c1))
        out += adjacency_relations(cells)
    return out


def table_relations(table: Table) -> list[Relation]:
    return adjacency_relations(
        [(c.text, c.row, c.col, c.row + c.row_span - 1, c.col + c.col_span - 1) for c in table.cells]
    )


def found_tables(pdf: Path) -> tuple[list[Table], int]:
    """The tables the pipeline finds in a PDF, page by page, and its page count."""
    parts = read_pdf(pdf, ocr_settings=None)
    return pdf_tables(parts.text, parts.words, parts.raw_tables), len(parts.pages)


def evaluate(root: Path = ICDAR) -> TableResults:
    results = TableResults()
    started = time.perf_counter()
    for pdf, structure in icdar_documents(root):
        tables, pages = found_tables(pdf)
        found = [relation for table in tables for relation in table_relations(table)]
        results.per_document[pdf.stem] = score_relations(gold_relations(structure), found)
        results.pages += pages
    results.seconds = time.perf_counter() - started
    return results
