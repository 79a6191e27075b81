"""Tables from every source, cell by cell (funding lines from them: :mod:`pipeline.tables.funding`).

* Text and Markdown: runs of tab-separated rows (the layout's ``table_row`` blocks;
  inline HTML is already stripped by the reader, so a table written in HTML is one too).
* PDF: the tables the PDF reader (``pipeline.readers``) finds, page by page, from ruling
  lines (pdfplumber) or from the gutters between the words' columns
  (:mod:`pipeline.readers.table_finder`), as cell boxes; each word goes to the smallest
  box holding its centre, and a cell that spans rows or columns appears once, at its
  top-left position. A table continued on the next page is joined to its first part
  (:func:`join_continued`).

A table's unit comes from its title (``(£m)``) or a unit cell (``£M`` in the corner).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.document import LaidOutDocument
from pipeline.language.numbers import CURRENCIES, fiscal_year_to_period, scale_to_multiplier
from pipeline.models import (
    BBox,
    Block,
    BlockKind,
    RawTable,
    Table,
    TableCell,
    Word,
)
from pipeline.registry import extractor
from pipeline.spans import Quarantine, trim_span

EXTRACTOR_TEXT = extractor("tables/text")
EXTRACTOR_PDF = extractor("tables/pdf-lines")
EXTRACTOR_PDF_TEXT = extractor("tables/pdf-text")
MAX_TITLE_WORDS = 18
MAX_HEADER_ROWS = 3
MAX_CAPTION_WORDS = 12  # a caption between the two parts of a continued table
COLUMN_TOLERANCE = 12.0  # points between the left edges of a column on two pages
UNIT_CELL = re.compile(r"^\s*\(?(?P<cur>[£$€])\s?(?P<scale>m|M|mn|bn|k|000|'000|million|billion|thousand)?\)?\s*$")
UNIT_IN_TITLE = re.compile(
    r"\((?P<cur>[£$€])\s?(?P<scale>m|M|mn|bn|k|000|'000|million|billion|thousand)\)|(?P<cur2>[£$€])\s?(?P<scale2>million|billion|thousand|m|bn)\b"
)
NUMERIC_CELL = re.compile(r"^\s*\(?[£$€]?\s?-?\d{1,3}(?:,\d{3})*(?:\.\d+)?\s?(?:m|bn|k|%)?\)?\s*$")
TOTAL_LABEL = re.compile(r"^\s*(?:grand\s+)?totals?\b", re.I)


def document_to_tables(doc: LaidOutDocument) -> list[Table]:
    """Every table of the document, numbered from 1 in text order (none from quarantined text)."""
    quarantine = doc.quarantine
    pdf = [t for t in pdf_tables(doc.text, doc.words, doc.raw_tables) if quarantine.allows(t.char_start, t.char_end)]
    pdf.sort(key=lambda t: t.char_start)
    found = text_tables(doc, quarantine) + join_continued(pdf, doc.blocks, doc.text)
    found.sort(key=lambda t: t.char_start)
    return [replace(table, number=number) for number, table in enumerate(found, start=1)]


def text_tables(doc: LaidOutDocument, quarantine: Quarantine) -> list[Table]:
    """Runs of two or more clean tab-separated rows in one section."""
    out: list[Table] = []
    run: list[int] = []
    for i, block in enumerate([*doc.blocks, None]):
        row = block is not None and _clean_row(block, quarantine)
        if row and block is not None and (not run or doc.blocks[run[-1]].section_id == block.section_id):
            run.append(i)
            continue
        if len(run) >= 2:
            out.append(_text_table(doc, run))
        run = [i] if row else []
    return out


def _clean_row(block: Block, quarantine: Quarantine) -> bool:
    return (
        block.kind is BlockKind.TABLE_ROW
        and block.quality == "ok"
        and quarantine.allows(block.char_start, block.char_end)
    )


def _text_table(doc: LaidOutDocument, run: list[int]) -> Table:
    rows: list[list[tuple[int, int]]] = []
    for i in run:
        block = doc.blocks[i]
        offset = block.char_start
        spans: list[tuple[int, int]] = []
        while offset > 0 and doc.text[offset - 1] in "\t ":  # an empty first cell: the row starts with a tab
            offset -= 1
        for piece in doc.text[offset : block.char_end].split("\t"):
            spans.append(trim_span(doc.text, offset, offset + len(piece)))
            offset += len(piece) + 1
        rows.append(spans)
    n_cols = max(len(r) for r in rows)
    header_rows = _header_rows([[doc.text[s:e] for s, e in r] for r in rows])
    cells = [
        TableCell(r, c, doc.text[s:e], s, e, r < header_rows)
        for r, row in enumerate(rows)
        for c, (s, e) in enumerate(row)
        if e > s
    ]
    title = _title_before(doc, run[0])
    first = doc.blocks[run[0]]
    return Table(
        0, "text", title, first.char_start, doc.blocks[run[-1]].char_end, len(rows), n_cols, header_rows, cells,
        unit=_unit(title, cells),
    )  # fmt: skip


def _title_before(doc: LaidOutDocument, i: int) -> str | None:
    """The short paragraph right before a table, when it reads as a caption."""
    if i == 0:
        return None
    block = doc.blocks[i - 1]
    text = doc.text[block.char_start : block.char_end].strip()
    if block.kind is BlockKind.PARAGRAPH and 0 < len(text.split()) <= MAX_TITLE_WORDS and not text.endswith(":"):
        return text
    return None


def _header_rows(rows: list[list[str]]) -> int:
    """How many leading rows head the table.

    The first row heads it when it holds no figures but later rows do, or its corner is empty or a
    unit (``£M``), or every cell of it is short. Further rows head it too while they hold no figures
    other than years (``Volume servers in: 2007 2008 …`` under a spanning title).
    """
    if len(rows) < 2:
        return 0
    first = rows[0]
    later_numeric = any(_figure_cell(c) for r in rows[1:] for c in r[1:])
    corner = first[0].strip() if first else ""
    short = all(len(c.split()) <= 4 for c in first)
    if any(_figure_cell(c) for c in first[1:]) or not (
        later_numeric or corner == "" or UNIT_CELL.match(corner) or short
    ):
        return 0
    count = 1
    while (
        later_numeric
        and count < min(MAX_HEADER_ROWS, len(rows) - 1)
        and not any(_figure_cell(c) for c in rows[count][1:])
    ):
        count += 1
    return count


def _figure_cell(text: str) -> bool:
    """A cell holding a figure, not a year or a fiscal period."""
    return (
        bool(NUMERIC_CELL.match(text))
        and not fiscal_year_to_period(text)
        and not re.fullmatch(r"\s*(?:19|20)\d{2}\s*", text)
    )


def _unit(title: str | None, cells: list[TableCell]) -> str | None:
    """The money unit of a table: its corner cell (``£M``) or its title (``(£m)``), as ``GBP x 1000000``."""
    corner = next((c.text for c in cells if c.row == 0 and c.col == 0), "")
    m = UNIT_CELL.match(corner)
    if m:
        return _unit_text(m.group("cur"), m.group("scale"))
    t = UNIT_IN_TITLE.search(title or "")
    if t:
        return _unit_text(t.group("cur") or t.group("cur2"), t.group("scale") or t.group("scale2"))
    return None


def _unit_text(cur: str, scale: str | None) -> str:
    multiplier = _multiplier(scale)
    return f"{CURRENCIES[cur]} x {multiplier}"


def _multiplier(scale: str | None) -> int:
    if scale in ("000", "'000"):
        return 1000
    return int(scale_to_multiplier(scale))


def pdf_tables(text: str, words: list[Word], raw: list[RawTable]) -> list[Table]:
    """Tables from cell boxes: each cell's words by their centres, spanning cells once."""
    out: list[Table] = []
    by_page: dict[int, list[Word]] = {}
    for w in words:
        by_page.setdefault(w.page, []).append(w)
    for table in raw:
        held = [w for w in by_page.get(table.page, []) if table.bbox.holds_centre(w.x0, w.top, w.x1, w.bottom)]
        grid = _grid(table.rows)
        members: dict[tuple[int, int, int, int], list[Word]] = {}
        for w in held:  # each word goes to the smallest box holding its centre
            holding = [key for key, box in grid.items() if box.holds_centre(w.x0, w.top, w.x1, w.bottom)]
            if holding:
                members.setdefault(min(holding, key=lambda key: _area(grid[key])), []).append(w)
        cells: list[TableCell] = []
        for (r, c, rs, cs), inside in members.items():
            box = grid[(r, c, rs, cs)]
            start, end = min(w.char_start for w in inside), max(w.char_end for w in inside)
            content = " ".join(text[w.char_start : w.char_end] for w in sorted(inside, key=lambda w: (w.top, w.x0)))
            cells.append(TableCell(r, c, content, start, end, False, table.page, box, rs, cs))
        cells, n_rows, n_cols = _compact(cells)
        if n_rows < 2 or n_cols < 2 or len(cells) < 2:
            continue
        texts = [
            [next((x.text for x in cells if x.row == r and x.col == c), "") for c in range(n_cols)]
            for r in range(n_rows)
        ]
        header_rows = _header_rows(texts)
        cells = [replace(x, is_header=x.row < header_rows) for x in cells]
        start, end = min(x.char_start for x in cells), max(x.char_end for x in cells)
        out.append(
            Table(
                0,
                f"pdf-{table.strategy}",
                None,
                start,
                end,
                n_rows,
                n_cols,
                header_rows,
                sorted(cells, key=lambda x: (x.row, x.col)),
                page=table.page,
                bbox=table.bbox,
                unit=_unit(None, cells),
            )
        )
    return out


def join_continued(tables: list[Table], blocks: list[Block], text: str) -> list[Table]:
    """PDF tables (in text order) with a table continued on the next page joined to it.

    Two tables are one when the second is on the page after the first ends, nothing but page furniture
    and at most one short caption (``Table 3 (continued)``) lies between them, they have as many columns,
    and the second either repeats the first's header rows (dropped from the joined table) or sets its
    columns where the first does.
    """
    out: list[Table] = []
    for table in tables:
        last = out[-1] if out else None
        if last is not None and _continues_on(last, table, blocks, text):
            out[-1] = _joined(last, table)
        else:
            out.append(table)
    return out


def _continues_on(first: Table, second: Table, blocks: list[Block], text: str) -> bool:
    if first.page is None or second.page != (first.last_page or first.page) + 1 or first.n_cols != second.n_cols:
        return False
    between = [
        b for b in blocks
        if b.kind is not BlockKind.FURNITURE and first.char_end <= b.char_start and b.char_end <= second.char_start
    ]  # fmt: skip
    if len(between) > 1 or any(len(text[b.char_start : b.char_end].split()) > MAX_CAPTION_WORDS for b in between):
        return False
    return _repeated_header(first, second) > 0 or _same_columns(first, second)


def _header_texts(table: Table, rows: int) -> list[tuple[int, int, str]]:
    return sorted((c.row, c.col, c.text) for c in table.cells if c.row < rows)


def _repeated_header(first: Table, second: Table) -> int:
    """How many header rows the second table repeats from the first (0 when it does not)."""
    rows = first.header_rows
    if rows and second.header_rows >= rows and _header_texts(first, rows) == _header_texts(second, rows):
        return rows
    return 0


def _same_columns(first: Table, second: Table) -> bool:
    def lefts(table: Table) -> dict[int, float]:
        by_col: dict[int, list[float]] = {}
        for c in table.cells:
            if c.bbox is not None and c.col_span == 1:
                by_col.setdefault(c.col, []).append(c.bbox.x0)
        return {col: min(xs) for col, xs in by_col.items()}

    a, b = lefts(first), lefts(second)
    shared = a.keys() & b.keys()
    return len(shared) == first.n_cols and all(abs(a[c] - b[c]) <= COLUMN_TOLERANCE for c in shared)


def _joined(first: Table, second: Table) -> Table:
    dropped = _repeated_header(first, second)
    offset = first.n_rows - dropped
    cells = first.cells + [replace(c, row=c.row + offset, is_header=False) for c in second.cells if c.row >= dropped]
    return Table(
        first.number, first.source, first.title, first.char_start, second.char_end,
        first.n_rows + second.n_rows - dropped, first.n_cols, first.header_rows, cells,
        page=first.page, bbox=first.bbox, unit=first.unit or second.unit, last_page=second.page,
    )  # fmt: skip


def _compact(cells: list[TableCell]) -> tuple[list[TableCell], int, int]:
    """Drop the rows and columns that hold no text (ruling lines drawn for shading or bullets make them)."""
    rows = sorted({c.row for c in cells})
    cols = sorted({c.col for c in cells})
    row_index = {r: i for i, r in enumerate(rows)}
    col_index = {c: i for i, c in enumerate(cols)}
    compacted = []
    for c in cells:
        row_span = max(1, sum(1 for r in rows if c.row <= r < c.row + c.row_span))
        col_span = max(1, sum(1 for k in cols if c.col <= k < c.col + c.col_span))
        compacted.append(replace(c, row=row_index[c.row], col=col_index[c.col], row_span=row_span, col_span=col_span))
    return compacted, len(rows), len(cols)


def _grid(rows: list[list[BBox | None]]) -> dict[tuple[int, int, int, int], BBox]:
    """(row, col, row_span, col_span) → box for every cell; a None (covered) position extends the cell
    to its left (columns) or above (rows)."""
    out: dict[tuple[int, int, int, int], BBox] = {}
    for r, row in enumerate(rows):
        for c, box in enumerate(row):
            if box is None:
                continue
            col_span = 1
            while c + col_span < len(row) and row[c + col_span] is None:
                col_span += 1
            row_span = 1
            while (
                r + row_span < len(rows)
                and c < len(rows[r + row_span])
                and rows[r + row_span][c] is None
                and all(rows[r + row_span][k] is None for k in range(c, min(c + col_span, len(rows[r + row_span]))))
            ):
                row_span += 1
            out[(r, c, row_span, col_span)] = box
    return out


def _area(box: BBox) -> float:
    return (box.x1 - box.x0) * (box.bottom - box.top)
