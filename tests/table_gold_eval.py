"""Tables of policy PDFs against the page-by-page table gold (``make eval-tables`` and the test that holds
the levels reached).

The gold (``tests/data/gold/tables_dev.yml`` to ``tables_dev_4.yml`` for development, ``tables_dev_5.yml``
development material scored apart, ``tables_heldout.yml``, the later, fresher
``tables_heldout_2.yml``, ``tables_heldout_3.yml`` to ``tables_heldout_8.yml`` (new pages of documents of
the other sets) and ``tables_heldout_9.yml`` (every page of 8 PDFs of ``../shared/corpus/tables``) held out and
scored apart; conventions at the top of ``tables_heldout.yml``) lists
every table region of chosen pages with its box, title, unit, period columns, cells and, for funding
tables, its funding lines. Each document is read, laid out and its tables found as in an ingest; only
the annotated pages are scored:

* **regions**: a found table's part on a page matches an unmatched gold region of that page when their
  boxes overlap by at least half of the smaller one's area (intersection over the smaller box, so a
  table found a little wider or narrower than annotated still counts); gold regions marked
  ``borderline`` count neither way.
* **title** and **unit**, over matched tables whose gold prints one: the title right when its words and
  the found title's words agree (F1 of the word bags at least 0.8); the unit right when the money unit
  (``GBP x 1000``) is the same, or, for other units, when the printed unit's words are the same.
* **periods**: over matched tables with period columns, the set of periods the found table's columns
  carry is the gold's.
* **structure**: the ICDAR 2013 adjacency relations of the gold tables' cells against those of the found
  tables' cells on the annotated pages (borderline regions left out of both). A found cell spanning rows or
  columns is written as the gold writes one, its text in its first position and the positions it covers blank,
  so that a span found right scores as the gold's grid gives it (the gold cannot say that a label spanning
  three rows is adjacent to each of them).
* **funding**: lines (item, period, amount) found against the gold's, exact (item's letters and digits,
  period, amount to the pound).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.evaluation import Agreement, Relation, Score, adjacency_relations, squeeze, words_of

__all__ = ["CORPUS", "SETS", "Score", "SetResult", "evaluate"]
from pipeline.ingest.manifest import sources_to_specs
from pipeline.models import BBox, FundingLine, Table
from pipeline.parse import reading_to_layout, source_to_reading
from pipeline.tables.build import document_to_tables, period_columns
from pipeline.tables.funding import tables_to_funding

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "policy"
GOLD = ROOT / "tests" / "data" / "gold"
SETS = {  # a set's files, merged
    "development": (
        GOLD / "tables_dev.yml",
        GOLD / "tables_dev_2.yml",
        GOLD / "tables_dev_3.yml",
        GOLD / "tables_dev_4.yml",
    ),
    # development material annotated 2026-12-07 (a rule's cost table, expenditures by school year), scored apart
    # so that the first four parts' levels stay comparable with the measures taken before it was annotated
    "development 5": (GOLD / "tables_dev_5.yml",),
    "held-out": (GOLD / "tables_heldout.yml",),
    "held-out 2": (GOLD / "tables_heldout_2.yml",),
    "held-out 3": (GOLD / "tables_heldout_3.yml",),  # new pages of development documents
    "held-out 4": (GOLD / "tables_heldout_4.yml",),  # new pages of documents of the other sets, 2026-12-05
    "held-out 5": (GOLD / "tables_heldout_5.yml",),  # the same, annotated while part 4's misses were read
    "held-out 6": (GOLD / "tables_heldout_6.yml",),  # the same, 2026-12-06: mostly pages that look tabular
    "held-out 7": (GOLD / "tables_heldout_7.yml",),  # the same, 2026-12-06, later: pages that look tabular only
    "held-out 8": (GOLD / "tables_heldout_8.yml",),  # the same, 2026-12-06, evening: diagrams and continued tables
    "held-out 9": (GOLD / "tables_heldout_9.yml",),  # 2026-12-06: every page of 8 PDFs of the tables corpus
}
MIN_OVERLAP = 0.5
MIN_TITLE_F1 = 0.8


@dataclass
class DocumentScore:
    regions: Score = field(default_factory=lambda: Score(0, 0, 0))
    structure: Score = field(default_factory=lambda: Score(0, 0, 0))
    funding: Score = field(default_factory=lambda: Score(0, 0, 0))
    title: Agreement = field(default_factory=Agreement)
    unit: Agreement = field(default_factory=Agreement)
    periods: Agreement = field(default_factory=Agreement)
    pages: int = 0
    misses: list[str] = field(default_factory=list)


@dataclass
class SetResult:
    documents: dict[str, DocumentScore] = field(default_factory=dict)
    seconds: float = 0.0

    def total(self, name: str) -> Any:
        scores = [getattr(d, name) for d in self.documents.values()]
        return sum(scores[1:], scores[0]) if scores else Score(0, 0, 0)

    @property
    def pages(self) -> int:
        return sum(d.pages for d in self.documents.values())


def load_set(name: str) -> dict[str, dict[str, Any]]:
    documents: dict[str, dict[str, Any]] = {}
    for path in SETS[name]:
        if path.exists():
            documents.update(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return documents


@cache
def found_tables(path: Path) -> tuple[list[Table], list[FundingLine]]:
    """The tables and funding lines an ingest finds in a PDF (read once per process)."""
    spec = next(s for s in sources_to_specs(path.parent) if Path(s.path).resolve() == path)
    doc, _ = reading_to_layout(spec, source_to_reading(spec))
    tables = document_to_tables(doc)
    funding, _ = tables_to_funding(tables)
    return tables, funding


def evaluate(set_name: str) -> SetResult:
    result = SetResult()
    started = time.perf_counter()
    for document_id, gold in load_set(set_name).items():
        path = (ROOT / gold["source"]).resolve()
        if not path.exists():
            continue
        tables, funding = found_tables(path)
        result.documents[document_id] = score_document(tables, funding, gold)
    result.seconds = time.perf_counter() - started
    return result


@dataclass(frozen=True)
class _Part:
    """A found table's cells on one page."""

    table: Table
    page: int
    box: BBox


def _parts(tables: list[Table], pages: set[int]) -> list[_Part]:
    out = []
    for table in tables:
        by_page: dict[int, list[BBox]] = {}
        for cell in table.cells:
            if cell.page in pages and cell.bbox is not None:
                by_page.setdefault(cell.page, []).append(cell.bbox)
        out += [_Part(table, page, BBox.union(boxes)) for page, boxes in by_page.items()]
    return out


def _overlap(a: BBox, b: BBox) -> float:
    """The intersection's area over the smaller box's."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a.x1 - a.x0) * (a.bottom - a.top), (b.x1 - b.x0) * (b.bottom - b.top))
    return w * h / smaller if smaller > 0 else 0.0


def score_document(tables: list[Table], funding: list[FundingLine], gold: dict[str, Any]) -> DocumentScore:
    score = DocumentScore()
    pages = {p["page"] for p in gold["pages"]}
    score.pages = len(pages)
    parts = _parts(tables, pages)
    matched: dict[int, dict[str, Any]] = {}  # id(part) -> gold table
    ignored: set[int] = set()
    gold_count = 0
    gold_relations: list[Relation] = []
    for page in gold["pages"]:
        on_page = [p for p in parts if p.page == page["page"]]
        for region in page.get("tables") or []:
            box = BBox(x0=region["bbox"][0], top=region["bbox"][1], x1=region["bbox"][2], bottom=region["bbox"][3])
            free = [p for p in on_page if id(p) not in matched and id(p) not in ignored]
            best = max(free, key=lambda p: _overlap(p.box, box), default=None)
            hit = best is not None and _overlap(best.box, box) >= MIN_OVERLAP
            if region.get("borderline"):
                if hit and best is not None:
                    ignored.add(id(best))
                continue
            gold_count += 1
            gold_relations += _gold_relations(region.get("cells") or [])
            if hit and best is not None:
                matched[id(best)] = region
                _agreements(score, best, region)
            else:
                score.misses.append(f"p{page['page']} missed {region.get('title') or region['bbox']}")
    counted = [p for p in parts if id(p) not in ignored]
    for p in counted:
        if id(p) not in matched:
            score.misses.append(f"p{p.page} extra table {p.table.number} ({p.table.n_rows}x{p.table.n_cols})")
    score.regions = Score(len(matched), len(counted), gold_count)
    found_relations = [r for p in counted for r in _part_relations(p)]
    score.structure = _bag_score(gold_relations, found_relations)
    score.funding = _funding_score(funding, tables, gold, pages)
    return score


def _agreements(score: DocumentScore, part: _Part, region: dict[str, Any]) -> None:
    table = part.table
    if region.get("title"):
        got = Counter(words_of(table.title or ""))
        want = Counter(words_of(region["title"]))
        common = sum((got & want).values())
        f1 = 2 * common / (sum(got.values()) + sum(want.values())) if got or want else 0.0
        score.title.add(f1 >= MIN_TITLE_F1)
    if region.get("unit"):
        if region.get("money_unit"):
            score.unit.add(table.unit == region["money_unit"])
        else:
            score.unit.add(unit_words(table.unit_text or "") == unit_words(region["unit"]))
    if region.get("period_columns"):
        score.periods.add(set(period_columns(table).values()) == set(region["period_columns"]))


def unit_words(unit: str) -> list[str]:
    """A printed unit reduced for comparison: ``(£'000)`` and ``£000`` are one unit.

    >>> unit_words("(£'000)") == unit_words("£000"), unit_words("% of GDP")
    (True, ['%', 'of', 'gdp'])
    """
    return re.sub(r"[()'’,]", "", unit.casefold().replace("%", " % ")).split()


def _gold_relations(rows: list[list[str]]) -> list[Relation]:
    return adjacency_relations([(text, r, c, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)])


def _part_relations(part: _Part) -> list[Relation]:
    """The part's relations with each cell at its first position only, as the gold writes a spanning cell."""
    return adjacency_relations([(c.text, c.row, c.col, c.row, c.col) for c in part.table.cells if c.page == part.page])


def _bag_score(gold: list[Relation], found: list[Relation]) -> Score:
    hits = sum((Counter(gold) & Counter(found)).values())
    return Score(hits, len(found), len(gold))


def _funding_score(funding: list[FundingLine], tables: list[Table], gold: dict[str, Any], pages: set[int]) -> Score:
    page_of = {(t.number, c.row, c.col): c.page for t in tables for c in t.cells}
    found = Counter(
        (squeeze(f.line_item), f.period, round(f.amount))
        for f in funding
        if page_of.get((f.table_number, f.row, f.col)) in pages
    )
    want = Counter(
        (squeeze(line["item"]), str(line["period"]), round(float(line["amount"])))
        for page in gold["pages"]
        for region in page.get("tables") or []
        if not region.get("borderline")
        for line in region.get("funding") or []
    )
    return Score(sum((found & want).values()), sum(found.values()), sum(want.values()))
