"""Score the layout the pipeline gives against the layout gold of issue 19 (shared by ``make eval-layout`` and
the tests that hold the levels reached).

The gold (tests/data/gold/layout_*.yml) records, page by page, what a reader sees: blocks of eight kinds in
reading order with their first words, list items, printed page labels and repaired words. The pipeline's blocks
of a page are put in the gold's terms (:func:`page_blocks`): list items in a run are one ``list``; blocks of
one aside or chart region are one ``aside`` or ``chart``; table rows, and blocks inside a table the table
finder found, are one ``table``; contents entries are one ``contents``; furniture is left out.

Measures, pooled over the pages of a set:

* per kind precision, recall and F1, and all kinds together (micro): a gold block is found when a block of the
  page begins with its first words (:func:`pipeline.evaluation.squeeze`), and right when that block is of
  its kind; every block of the page the gold does not match counts against precision (footnote marks, which
  the reader writes in superscript digits, are no part of a gold block's first words);
* list items: a gold list is exact when the list found for it has the same items (sub-items flattened in
  order), each beginning with the gold item's first words; item exactness is the share of gold items
  matched in place;
* reading order: Kendall's tau over the pairs of gold blocks found (1 when every pair is in the gold's order);
* page labels: the share of pages whose printed labels are read exactly (both halves of a spread);
* repairs: the share of repaired words the page's text holds as the reader reads them.

:func:`census` counts, over every PDF of the policy corpus, spreads, printed labels, repairs by kind, pages
read by OCR whole or line by line, asides, charts and captions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.document import LaidOutDocument
from pipeline.evaluation import Score, squeeze
from pipeline.ingest.manifest import sources_to_specs
from pipeline.language import patterns
from pipeline.models import Block, BlockKind
from pipeline.parse import reading_to_layout, source_to_reading
from pipeline.readers.pdf_page import REPAIR_KINDS

GOLD = Path(__file__).parent / "data" / "gold"
DEVELOPMENT = ("layout_dev_1.yml", "layout_dev_2.yml", "layout_dev_3.yml", "layout_dev_4.yml")
HELD_OUT = (
    "layout_heldout_3.yml",
    "layout_heldout_4.yml",
    "layout_heldout_5.yml",
    "layout_heldout_6.yml",
    "layout_heldout_7.yml",
    "layout_heldout_8.yml",
    "layout_heldout_10.yml",
    "layout_heldout_11.yml",
    "layout_heldout_12.yml",
    "layout_heldout_13.yml",
    "layout_heldout_14.yml",
    "layout_heldout_15.yml",
    "layout_heldout_16.yml",
    "layout_heldout_17.yml",
    "layout_heldout_18.yml",
    "layout_heldout_19.yml",
    "layout_heldout_20.yml",
)
# held out as pages, not as documents: pages no gold held, of documents other parts (development ones too) hold
HELD_OUT_PAGES = ("layout_heldout_9.yml",)
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "policy"
KINDS = ("heading", "paragraph", "list", "aside", "chart", "table", "caption", "contents")
TITLE_LINES = 2.5  # a table's title block sits this many of its lines over the table at most
MATCH_CHARS = 24  # a gold block's first words are compared on at most this many letters and digits
LABEL = re.compile(r"^[A-Z][a-z]{2,15}\s+\d{1,2}$")  # a labelled item's marker ("Objective 1")
NOTE_MARKS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")  # footnote marks (set as superscripts): the gold's first words leave them out
NESTED = 2.0  # points: a list whose items stand this far right of the open list's is nested in it
LEADING_NUMBER = re.compile(r"^\s*(?:\(?[0-9ivxlcIVXL]{1,4}(?:\.[0-9]{1,3})*[.)]?)\s+")


@dataclass(frozen=True, slots=True)
class Laid:
    """A block of a page in the gold's terms."""

    kind: str
    text: str
    items: tuple[str, ...] = ()


@dataclass
class PageScore:
    kinds: dict[str, Score] = field(default_factory=dict)
    lists_exact: int = 0
    lists: int = 0
    items_exact: int = 0
    items: int = 0
    concordant: int = 0
    discordant: int = 0
    label_right: int = 0
    repairs_read: int = 0
    repairs: int = 0

    def __add__(self, other: PageScore) -> PageScore:
        kinds = {k: self.kinds.get(k, Score(0, 0, 0)) + other.kinds.get(k, Score(0, 0, 0)) for k in KINDS}
        total = PageScore(kinds)
        for name in ("lists_exact", "lists", "items_exact", "items", "concordant", "discordant"):
            setattr(total, name, getattr(self, name) + getattr(other, name))
        for name in ("label_right", "repairs_read", "repairs"):
            setattr(total, name, getattr(self, name) + getattr(other, name))
        return total

    @property
    def all_kinds(self) -> Score:
        return sum(self.kinds.values(), Score(0, 0, 0))

    @property
    def tau(self) -> float:
        pairs = self.concordant + self.discordant
        return (self.concordant - self.discordant) / pairs if pairs else 1.0


@dataclass
class SetScore:
    name: str
    pages: int = 0
    total: PageScore = field(default_factory=PageScore)
    per_document: dict[str, PageScore] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    @property
    def label_accuracy(self) -> float:
        return self.total.label_right / self.pages if self.pages else 1.0


def gold_documents(names: Iterable[str]) -> Iterator[dict[str, Any]]:
    for name in names:
        yield from yaml.safe_load((GOLD / name).read_text(encoding="utf-8"))["documents"]


@cache
def laid_out(path: Path) -> LaidOutDocument:
    """The document read and laid out (once per process: the evaluations only read it)."""
    spec = next(s for s in sources_to_specs(path.parent) if Path(s.path).resolve() == path.resolve())
    doc, _ = reading_to_layout(spec, source_to_reading(spec))
    return doc


def evaluate(name: str, files: tuple[str, ...], corpus: Path = CORPUS) -> SetScore:
    result = SetScore(name)
    for document in gold_documents(files):
        path = corpus / document["file"]
        if not path.exists():
            result.skipped.append(document["file"])
            continue
        doc = laid_out(path)
        score = PageScore()
        for page in document["pages"]:
            score = score + score_page(doc, page)
            result.pages += 1
        result.per_document[document["file"]] = score
        result.total = result.total + score
    return result


def score_page(doc: LaidOutDocument, gold: dict[str, Any]) -> PageScore:
    number = gold["page"]
    found = page_blocks(doc, number)
    page = doc.pages[number - 1]
    text = doc.text[page.char_start : page.char_end]
    score = PageScore()
    matched: list[int | None] = []
    taken: set[int] = set()
    for block in gold["blocks"]:
        j = _match(block, found, taken)
        matched.append(j)
        if j is not None:
            taken.add(j)
    for kind in KINDS:
        right = sum(
            1 for b, j in zip(gold["blocks"], matched, strict=True) if b["kind"] == kind and j is not None
            and found[j].kind == kind
        )  # fmt: skip
        score.kinds[kind] = Score(
            right, sum(1 for f in found if f.kind == kind), sum(1 for b in gold["blocks"] if b["kind"] == kind)
        )
    for block, j in zip(gold["blocks"], matched, strict=True):
        if block["kind"] != "list":
            continue
        want = _flat_items(block["items"])
        got = found[j].items if j is not None and found[j].kind == "list" else ()
        in_place = sum(1 for w, g in zip(want, got, strict=False) if _begins(g, w))
        score.items += len(want)
        score.items_exact += in_place if len(got) == len(want) else min(in_place, len(want) - abs(len(got) - len(want)))
        score.lists += 1
        score.lists_exact += int(len(got) == len(want) and in_place == len(want))
    order = [j for j in matched if j is not None]
    for a in range(len(order)):
        for b in range(a + 1, len(order)):
            if order[a] < order[b]:
                score.concordant += 1
            else:
                score.discordant += 1
    score.label_right = int(list(getattr(page, "labels", ())) == list(gold["labels"]))
    flat = " ".join(text.split())
    for repair in gold.get("repairs") or []:
        score.repairs += 1
        score.repairs_read += int(repair["reads"] in flat)
    return score


def page_blocks(doc: LaidOutDocument, number: int) -> list[Laid]:
    """The page's blocks in reading order, in the gold's terms."""
    tables = [t for t in doc.raw_tables if t.page == number and t.bbox is not None]
    out: list[Laid] = []
    open_region: tuple[str, object] | None = None
    seen: set[tuple[str, object]] = set()  # asides and charts met: one block each, where it is met first
    regions: list[tuple[str, object]] = []  # the kind and region of each block of out
    ends: list[Block] = []  # the last page block of each block of out
    lists: dict[int | None, object] = {}  # the region of each list met (a nested list's is its parent's)
    for block in (b for b in doc.blocks if b.page == number and b.kind is not BlockKind.FURNITURE):
        text = _block_text(doc, block)
        kind, region = _gold_kind(block, tables)
        if kind == "list" and region is None:
            # one list of the body per list the layout made (two in a row stay two), its sub-lists (set in right
            # of its items) and the items after them its own
            if block.list_id not in lists:
                above = ends[-1] if out and open_region is not None and open_region[0] == "list" else None
                nested = (  # under the item before it, set in right of it
                    above is not None and above.bbox is not None and block.bbox is not None
                    and block.bbox.top > above.bbox.top and block.bbox.x0 > above.bbox.x0 + NESTED
                )  # fmt: skip
                lists[block.list_id] = regions[-1][1] if nested else ("list", block.list_id)
            region = lists[block.list_id]
        items = (text,) if kind == "list" else ()
        if out and open_region is not None and (kind, region) == open_region and kind in ("list", "table", "contents"):
            last = out[-1]
            # a contents block's first words are its first entry's, not its title's ("Contents")
            title = kind == "contents" and patterns.contents_heading().match(last.text.strip())
            out[-1] = Laid(kind, text if title and not last.items else last.text, last.items + items)
            ends[-1] = block
        elif kind in ("aside", "chart") and (kind, region) in seen:
            at = next(k for k in range(len(out) - 1, -1, -1) if regions[k] == (kind, region))
            out[at] = Laid(kind, f"{out[at].text} {text}")  # one block: its words run on over the region's blocks
        else:
            out.append(Laid(kind, text, items))
            regions.append((kind, region))
            ends.append(block)
        seen.add((kind, region))
        open_region = (kind, region)
    out = [Laid(b.kind, _caption_first(b.text), b.items) if b.kind == "chart" else b for b in out]
    return _titled_tables(out, regions, ends, [(t, _title(doc, t)) for t in tables])


def _caption_first(text: str) -> str:
    """A chart's words with its figure caption first, as the gold has it ("Figure n" above or under the
    graphic is the chart's first words): a caption printed under the drawing is read after its labels."""
    figure = patterns.figure_caption()
    lines = text.split("\n")
    at = next((k for k, line in enumerate(lines) if figure.match(line.strip())), 0)
    return "\n".join(lines[at:] + lines[:at])


def _titled_tables(
    out: list[Laid], regions: list[tuple[str, object]], ends: list[Block], tables: list[tuple[Any, str | None]]
) -> list[Laid]:
    """The blocks with each table's title blocks (the one right before it and close over it, which the
    table's title begins with, and a kicker right before that one: "TABLE A1" over its title line) read as
    the table's first words. A source line set between the title and the grid is read after the table, where
    the gold puts a table's source."""
    source = patterns.source_note()
    merged: list[Laid] = []
    for k, block in enumerate(out):
        kind, region = regions[k]
        raw, title = tables[region] if kind == "table" and isinstance(region, int) else (None, None)
        noted = int(  # a source line right over the grid, under the title
            k >= 2 and bool(merged) and regions[k - 1][0] == "caption" and bool(source.match(merged[-1].text.strip()))
        )
        taken = 0  # title blocks right before the table (and its source line), read into it
        for n in (1, 2):
            last = k - noted  # the table's index, or its source line's
            if (
                not title
                or len(merged) < n + noted
                or last < n
                or any(regions[last - j][0] not in ("heading", "paragraph", "caption") for j in range(1, n + 1))
            ):
                break
            heads = merged[len(merged) - noted - n : len(merged) - noted]
            words = " ".join(b.text for b in heads)
            box, above, under = ends[last - 1].bbox, ends[last - n].bbox, ends[k - 1].bbox
            lines = heads[-1].text.count("\n") + 1
            if (
                box is not None and above is not None and under is not None and squeeze(words)
                and squeeze(title).startswith(squeeze(words))
                and raw.bbox.top - under.bottom <= TITLE_LINES * (box.bottom - box.top) / lines
                and under.top - box.bottom <= TITLE_LINES * (box.bottom - box.top) / lines
                and box.top - above.bottom <= TITLE_LINES * (box.bottom - box.top) / lines
            ):  # fmt: skip
                taken = n
        if taken:
            notes = merged[len(merged) - noted :] if noted else []
            words = " ".join(b.text for b in merged[len(merged) - noted - taken : len(merged) - noted])
            merged[len(merged) - noted - taken :] = [Laid("table", f"{words} {block.text}"), *notes]
        else:
            merged.append(block)
    return merged


_BUILT: dict[int, tuple[LaidOutDocument, list[Any]]] = {}  # the document kept with its tables: its id stays its own


def _title(doc: LaidOutDocument, raw: Any) -> str | None:
    """The title the pipeline gives the table found in ``raw``'s box (the document's tables built once)."""
    from pipeline.tables.build import document_to_tables

    if id(doc) not in _BUILT or _BUILT[id(doc)][0] is not doc:
        _BUILT[id(doc)] = (doc, [t for t in document_to_tables(doc) if t.bbox is not None])
    for table in _BUILT[id(doc)][1]:
        if table.page == raw.page and (raw.bbox.holds_centre_of(table.bbox) or table.bbox.holds_centre_of(raw.bbox)):
            return str(table.title) if table.title else None
    return None


def _gold_kind(block: Block, tables: list[Any]) -> tuple[str, object]:
    """The gold kind of a block and the region it belongs to (blocks of one region merge)."""
    region = getattr(block, "region", "body")
    if region in ("aside", "chart"):
        return region, getattr(block, "region_id", None)
    if block.bbox is not None:
        for i, table in enumerate(tables):
            if table.bbox.holds_centre_of(block.bbox):
                return "table", i
    kind = {
        BlockKind.HEADING: "heading",
        BlockKind.PARAGRAPH: "paragraph",
        BlockKind.LIST_ITEM: "list",
        BlockKind.TABLE_ROW: "table",
        BlockKind.CONTENTS_ENTRY: "contents",
        BlockKind.CAPTION: "caption",
    }.get(block.kind, block.kind.value)
    return kind, None


def _block_text(doc: LaidOutDocument, block: Block) -> str:
    """The block's text as the gold records it: a list item without its bullet or ordinal, but with its
    label ("Goal 1: ..."), which the gold keeps as printed."""
    text = doc.text[block.char_start : block.char_end]
    marker = block.marker
    if block.kind is BlockKind.LIST_ITEM and marker and text.lstrip().startswith(marker) and not LABEL.match(marker):
        text = text.lstrip()[len(marker) :]
    return text


def _flat_items(items: list[Any]) -> list[str]:
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            out.append(item["text"])
            out.extend(_flat_items(item.get("sub") or []))
        else:
            out.append(item)
    return out


def _begins(text: str, first: str) -> bool:
    want = squeeze(first)[:MATCH_CHARS]
    if not want:
        return False
    text = NOTE_MARKS.sub("", text)
    return squeeze(text).startswith(want) or squeeze(LEADING_NUMBER.sub("", text, count=1)).startswith(want)


def _match(block: dict[str, Any], found: list[Laid], taken: set[int]) -> int | None:
    """The found block the gold block is: one that begins with its first words (a chart or aside without
    words: the first of its kind not yet taken)."""
    candidates = [j for j in range(len(found)) if j not in taken]
    if not squeeze(block["first"]):
        return next((j for j in candidates if found[j].kind == block["kind"]), None)
    hits = [j for j in candidates if _begins(found[j].text, block["first"])]
    same_kind = [j for j in hits if found[j].kind == block["kind"]]
    return (same_kind or hits or [None])[0]


@dataclass
class Census:
    """What the layout found over a whole folder of PDFs (``make eval-layout``'s corpus section)."""

    documents: int = 0
    pages: int = 0
    spreads: int = 0
    labelled: int = 0
    repairs: Counter[str] = field(default_factory=Counter)
    ocr_whole: Counter[str] = field(default_factory=Counter)  # why a page was read by OCR as a whole
    ocr_lines: int = 0  # pages whose garbled lines alone were read by OCR and spliced in
    asides: int = 0
    charts: int = 0
    captions: int = 0
    outside: int = 0


REPAIR_COUNT = re.compile(rf"(\d+) ({'|'.join(map(re.escape, REPAIR_KINDS.values()))})")  # as the issue words them


def census(folder: Path = CORPUS) -> Census:
    """Read and lay out every PDF of ``folder`` and count what the layout found."""
    from pipeline.parse import source_to_reading

    out = Census()
    for spec in sources_to_specs(folder):
        if not spec.path.endswith(".pdf"):
            continue
        reading = source_to_reading(spec)
        doc, _ = reading_to_layout(spec, reading)
        out.documents += 1
        out.pages += len(doc.pages)
        out.spreads += sum(p.spread for p in doc.pages)
        out.labelled += sum(bool(p.labels) for p in doc.pages)
        for issue in reading.issues:
            if issue.kind == "text_repaired":
                out.repairs.update({kind: int(n) for n, kind in REPAIR_COUNT.findall(issue.detail)})
            elif issue.kind == "ocr_recovered":
                out.ocr_whole["no text layer" if "no text layer" in issue.detail else "garbled page"] += 1
            elif issue.kind == "ocr_lines_spliced":
                out.ocr_lines += 1
            elif issue.kind == "text_outside_page":
                out.outside += 1
        out.asides += len({b.region_id for b in doc.blocks if b.region == "aside"})
        out.charts += len({b.region_id for b in doc.blocks if b.region == "chart"})
        out.captions += sum(b.kind is BlockKind.CAPTION for b in doc.blocks)
    return out


CHART_LIKE = ("chart", "diagram", "map", "infographic", "timeline")  # the table gold's look-alikes that are drawings
TEXT_KINDS = (BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM)


@dataclass
class ChartLabels:
    """What the layout made of the lines drawn in charts, diagrams, maps, infographics and timelines: the regions
    the table gold's annotators boxed as such (``not_tables``), by reading the rendered pages."""

    regions: int = 0
    blocks: Counter[str] = field(default_factory=Counter)  # the blocks inside a region, by what they were made
    table_cells: int = 0  # cells of tables found, inside a region

    @property
    def as_text(self) -> int:
        """Blocks inside a drawing read as the text of the body or of an aside: paragraphs, headings, list items."""
        return sum(n for key, n in self.blocks.items() if key.split()[-1] in {k.value for k in TEXT_KINDS})


def chart_labels(gold_files: Iterable[Path], drawings: tuple[str, ...] = CHART_LIKE) -> ChartLabels:
    """Where the lines inside the table gold's drawings went: each block whose centre lies in a region the gold
    calls a chart, diagram, map, infographic or timeline is counted by its kind (``chart`` for a chart's
    labels, as a careful reader takes them; ``aside paragraph`` for an aside's paragraph), and each cell of a
    table found there; ``drawings``: which of the gold's kinds of look-alike count."""
    from pipeline.models import BBox
    from pipeline.tables.build import document_to_tables

    out = ChartLabels()
    for path in gold_files:
        documents = yaml.safe_load(path.read_text(encoding="utf-8")) or {} if path.exists() else {}
        for gold in documents.values():
            source = (Path(__file__).resolve().parent.parent / gold["source"]).resolve()
            regions = [
                (page["page"], BBox(**dict(zip(("x0", "top", "x1", "bottom"), region["bbox"], strict=True))))
                for page in gold["pages"]
                for region in page.get("not_tables") or []
                if region.get("what") in drawings
            ]
            if not regions or not source.exists():
                continue
            doc = laid_out(source)
            cells = [c for t in document_to_tables(doc) for c in t.cells if c.bbox is not None]
            for number, box in regions:
                out.regions += 1
                for b in doc.blocks:
                    if b.page == number and b.bbox is not None and box.holds_centre_of(b.bbox):
                        kind = "chart" if b.region == "chart" or b.kind is BlockKind.CHART else b.kind.value
                        out.blocks[f"aside {kind}" if b.region == "aside" and kind != "chart" else kind] += 1
                out.table_cells += sum(
                    c.page == number and c.bbox is not None and box.holds_centre_of(c.bbox) for c in cells
                )
    return out
