"""Tables from every source, cell by cell (funding lines from them: :mod:`pipeline.tables.funding`).

* Text and Markdown: runs of tab-separated rows (the layout's ``table_row`` blocks;
  inline HTML is already stripped by the reader, so a table written in HTML is one too).
* PDF: the tables the PDF reader (``pipeline.readers``) finds, page by page, from ruling
  lines (pdfplumber) or from the gutters between the words' columns
  (:mod:`pipeline.readers.table_finder`), as cell boxes; each word goes to the smallest
  box holding its centre, and a cell that spans rows or columns appears once, at its
  top-left position. A table continued on the next page is joined to its first part
  (:func:`join_continued`).

A PDF table's title is its caption or the heading above it (:func:`_pdf_caption`); a table's unit comes
from its header (``2020-21 £000``), corner cell (``£M``), title (``(£m)``) or a unit line
(:func:`_unit`); the periods its columns carry from their headers (:func:`period_columns`); why it was
taken for a table, in words, from :func:`evidence`.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from pipeline.document import LaidOutDocument
from pipeline.language.numbers import (
    CURRENCIES,
    UNIT_CURRENCY_WORDS,
    bare_figure,
    ends_in_leaders,
    fiscal_year_to_period,
    scale_to_multiplier,
)
from pipeline.language.scales import SPELLED_SCALES
from pipeline.models import (
    BBox,
    Block,
    BlockKind,
    RawTable,
    Table,
    TableCell,
    Word,
)
from pipeline.readers.reading_order import banded_lines
from pipeline.readers.table_finder import CAPTION, lone_label
from pipeline.registry import extractor
from pipeline.spans import Quarantine, trim_span

EXTRACTOR_TEXT = extractor("tables/text")
EXTRACTOR_PDF = extractor("tables/pdf-lines")
EXTRACTOR_PDF_TEXT = extractor("tables/pdf-text")
MAX_TITLE_WORDS = 18
MIN_ROWS_OF_CELLS = 2  # a PDF table has at least this many rows of two cells or more with text
MAX_QUESTION_WORDS = 40  # a question standing over a table of its answers may be this long
NESTED_COLUMN_OVERLAP = 1.0  # points two columns' cells must overlap across to be one column
TITLE_GAP_LINES = 4.0  # how far above or below a PDF table its title may sit, in the table's line heights
TITLE_GUTTER = 2.0  # a gap this many line heights wide parts the titles of two tables set side by side
CAPTION_BLOCKS = 4  # blocks above a table searched for its caption
PERCENT_SHARE = 0.9  # share of a table's figures printed with % that makes % its unit
SOURCE_LINE = re.compile(r"(?:source|sources|note|notes)\b", re.I)
FRAMED_NOTE = re.compile(r"(?:source|sources|note|notes)\s*:|\w+(?:\s+\w+)?\s+reads\s*:", re.I)  # Exhibit reads:
MAX_HEADER_ROWS = 3
MAX_HEADING_WORDS = 6  # a column heading under a table's title is at most this many words
MAX_CAPTION_WORDS = 12  # a caption between the two parts of a continued table
CONTINUED = re.compile(r"\bcont(?:inued|inues|['’]?d|\.)|\(cont\b", re.I)  # Table 3 (continued), (cont.), cont'd
COLUMN_TOLERANCE = 12.0  # points between the left edges of a column on two pages
SPAN_EDGE = 1.0  # points a cell's box must reach past the next column's (row's) edge to span it
_SCALE = r"000|['’]000|m|mn|bn|k|millions?|billions?|thousands?|lakhs?|crores?"
_CUR = r"[£$€₹]|GBP|EUR|USD|\bINR\b|\bRs\b\.?"  # a currency's sign or code as a table's unit prints it ("Rs. in 000")
UNIT_CELL = re.compile(rf"\s*\(?\s*(?P<cur>{_CUR})\s?(?:in\s+)?(?P<scale>{_SCALE})?\s*\)?\s*", re.I)
UNIT_TAIL = re.compile(rf"(?<=\s)\(?(?P<cur>[£$€])\s?(?P<scale>{_SCALE})?\)?\s*$", re.I)  # Salary £'000
UNIT_IN_TITLE = re.compile(
    rf"\((?P<cur>{_CUR})\s?(?:in\s+)?(?P<scale>{_SCALE})\)"
    rf"|(?P<cur2>{_CUR})\s?(?:in\s+)?(?P<scale2>millions?|billions?|thousands?|lakhs?|crores?|m|bn)\b",
    re.I,
)
SCALE_TAIL = re.compile(rf"\((?:in\s+)?(?P<scale>{_SCALE})\)\s*$", re.I)  # Procurement Spend (bn), Total (in billions)
UNIT_ANYWHERE = re.compile(rf"\(?(?:[£$€₹]|\b(?:GBP|EUR|USD|INR))\s?(?:{_SCALE})?\b\)?|\(?[£$€₹]\)?", re.I)
_SCALES_IN_WORDS = "|".join(f"{scale}s" for scale in SPELLED_SCALES)  # thousands, lakhs, crores
_CURRENCIES_IN_WORDS = "|".join(f"{name}s" for name in UNIT_CURRENCY_WORDS)  # dollars, rupees
SCALE_WORD = re.compile(rf"\b(?:{_SCALES_IN_WORDS})\b", re.I)  # a count's scale in words: in thousands
UNIT_IN_WORDS = re.compile(rf"\b(?P<scale>{_SCALES_IN_WORDS}) of (?P<cur>{_CURRENCIES_IN_WORDS})\b", re.I)
UNIT_LINE = re.compile(
    r"(?:expressed (?:as|in)|(?:all )?(?:figures|amounts|values|numbers) (?:are )?(?:in|shown in)|"
    r"per ?cent\b|percentages?\b|%|"
    rf"\(?\s*in\s+{UNIT_IN_WORDS.pattern}|\(?\s*(?:{_CUR})\s?(?:in\s+)?(?:{_SCALE})\b|"
    rf"[\[(]\s*in\s+(?:{_SCALES_IN_WORDS})\s*[\])]\s*$)",  # a count's scale alone on its line: [In thousands]
    re.I,
)
OTHER_UNIT_IN_TITLE = re.compile(
    r"\((?P<unit>%[^()]{0,30}|per ?cent[^()]{0,30}|numbers?(?: of [^()]{1,30})?|['’]?000s?|thousands|millions)\)", re.I
)  # (% of GDP), (number of firms), a count's scale: Visits (000)
OTHER_UNIT_CELL = re.compile(r"(?P<unit>%|per ?cent(?:ages?)?|numbers?(?: of \w+(?: \w+)?)?)", re.I)
UNIT_AFTER_COMMA = re.compile(  # a title's last clause naming its cells' unit: ..., PERCENTAGE OF SMEs
    r",\s*(?P<unit>(?:percentages?|per ?cent|shares?|numbers?)\s+of\s+[\w'’ -]{1,30}?)\s*$", re.I
)
PERIOD_IN_HEADER = re.compile(r"\b(?:FY\s?)?(?:19|20)\d{2}(?:\s*[-‐‑–/]\s*(?:(?:19|20)?\d{2})\b)?", re.I)
_FIGURE = r"[£$€]?\s?[-−–]?\d{1,3}(?:,\d{3})*(?:\.\d+)?\s?(?:[mMkK]|[bB][nN]|%)?"  # a minus may be printed as − or –
NUMERIC_CELL = re.compile(rf"^\s*(?:\({_FIGURE}\)|{_FIGURE})\s*$")  # brackets paired: "-230)" is half a cell


def numeric_cell(text: str) -> bool:
    """A cell holding one figure, dot leaders and a closing full stop after it aside (:func:`bare_figure`).

    >>> numeric_cell("$85 ........"), numeric_cell("$6,205."), numeric_cell("(3.5)"), numeric_cell("-230)")
    (True, True, True, False)
    """
    return bool(NUMERIC_CELL.match(bare_figure(text)))


NOT_AVAILABLE = frozenset(  # a cell with no figure to give: not available, not applicable, suppressed
    {"", "-", "–", "—", "..", "…", "n/a", "N/A", "NA", "na", "n.a.", "(NA)", "(X)", "†", "‡", "*"}
)
PER_UNIT = re.compile(r"\bper\b(?!\s*cent)", re.I)  # an amount per person or thing: Per pupil, per capita
BAND_CELL = re.compile(r"^\s*\d{1,3}(?:,\d{3})*\s?[-–]\s?\d{1,3}(?:,\d{3})*\s*$")  # a band: 35 - 40
TOTAL_LABEL = re.compile(r"^\s*(?:grand\s+)?totals?\b", re.I)
TOTAL_OVER = re.compile(r"(?:grand\s+)?totals?\s+(?:for\s+|in\s+)?(.+)", re.I)  # a total over a period: Total 2019-20
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    "|nov(?:ember)?|dec(?:ember)?"
)
BALANCE_DATE = re.compile(  # a balance's date heading a column: 31-Mar-20, As at 31 March 2021, CETV at 31 March 2020
    rf"(?:.{{0,40}}\bat\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[\s-]+(?P<month>{_MONTHS})[\s-]+(?P<year>(?:19|20)?\d{{2}})",
    re.I,
)
# a form's label (``Reference:``) or a detail it asks for: a web or e-mail address, a handle
FORM_CELL = re.compile(
    r"[^:]{1,40}:|@\w+|(?:https?://|www\.)\S+|[\w.-]+\.(?:com|org|net|gov|uk|eu|int)(?:\.\w{2})?(?:/\S*)?|\S+@\S+\.\w+",
    re.I,
)
FORM_SHARE = 2 / 3  # share of a table's cells that are a form's labels or details, beyond which it is a form


def document_to_tables(doc: LaidOutDocument) -> list[Table]:
    """Every table of the document, numbered from 1 in text order (none from quarantined text)."""
    quarantine = doc.quarantine
    by_page: dict[int, list[Word]] = {}
    for w in doc.words:
        by_page.setdefault(w.page, []).append(w)
    pdf = [
        _titled(t, doc.blocks, doc.text, by_page.get(t.page or 0, []))
        for t in pdf_tables(doc.text, doc.words, doc.raw_tables)
        if quarantine.allows(t.char_start, t.char_end)
    ]
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
    unit, unit_text = _unit(title, cells, header_rows)
    first = doc.blocks[run[0]]
    return Table(
        0, "text", title, first.char_start, doc.blocks[run[-1]].char_end, len(rows), n_cols, header_rows, cells,
        unit=unit, unit_text=unit_text,
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
    unit (``£M``), or every cell of it is short. In a table of words, a title alone in the first row
    heads it with the row of column headings under it. Further rows head it too while they hold no figures
    other than years (``Volume servers in: 2007 2008 …`` under a spanning title) and no dot leaders (which lead
    a body row's label or amount to the next column: ``Up to $3,790 ......``), except a last one holding only a
    label in its first cell under a row of headings: the label of the first group of rows.

    >>> _header_rows([["", "Exporters", "Others"], ["Sector", "", ""], ["Retail", "15.1", "10.4"]])
    1
    >>> _header_rows([["Measure", "Value of criterion", ""], ["", "2017", "2020"], ["Jobs", "12", "14"]])
    2
    >>> _header_rows([["Axis 1 - Resources", "", ""], ["Actions", "Timing", "Lead"], ["Set a budget", "2022", "Town"]])
    2
    >>> _header_rows([["Action", "Cost", ""], ["Wiring ....", "Up to $3,790 ....", ""], ["Sensor", "$0", "$12"]])
    1
    >>> _header_rows([["Support", "Schools", "Councils"], ["grants etc...", "funded", "funded"], ["Roads", "4", "5"]])
    2
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
    if not later_numeric and _titles_headings(first, rows[1]) and len(rows) > 2:
        return 2  # a title spanning a table of words, over a row of column headings
    while (
        later_numeric
        and count < min(MAX_HEADER_ROWS, len(rows) - 1)
        and not any(_figure_cell(c) for c in rows[count][1:])
        and not any(ends_in_leaders(c) for c in rows[count])
    ):
        count += 1
    if (
        count >= 2
        and lone_label(rows[count - 1][0], rows[count - 1][1:])
        and len(list(filter(str.strip, rows[count - 2]))) > 1
    ):
        count -= 1  # "Sector" alone under the column headings, over its rows of figures: a group's label
    return count


def _titles_headings(first: list[str], second: list[str]) -> bool:
    """The first row is a title alone in its first cell (spanning the table), the second a heading over
    every column: short words, none a sentence."""
    return (
        bool(first[0].strip())
        and not any(c.strip() for c in first[1:])
        and all(c.strip() and len(c.split()) <= MAX_HEADING_WORDS and not c.rstrip().endswith(".") for c in second)
    )


def _figure_cell(text: str) -> bool:
    """A cell holding a figure or a band of figures (``35 - 40``), not a year, a fiscal period or a unit
    (``£000``).

    >>> [_figure_cell(t) for t in ("1,250", "(3.5)", "35 - 40", "2020", "2020-21", "£000", "£’000")]
    [True, True, True, False, False, False, False]
    """
    return (
        bool(numeric_cell(text) or BAND_CELL.match(text))
        and not UNIT_CELL.fullmatch(text)
        and not fiscal_year_to_period(text)
        and not re.fullmatch(r"\s*(?:19|20)\d{2}\s*", text)
    )


def _unit(title: str | None, cells: list[TableCell], header_rows: int = 1) -> tuple[str | None, str | None]:
    """The unit of a table's cells as ``(money unit, unit as printed)``: the money unit as ``GBP x 1000000``
    from its corner cell (``£M``), its header cells (``2020-21 £000``, ``(£m)``) or its title (``(£m)``,
    ``£ billion``, ``In billions of dollars``); a unit that is not money (``%``, ``% of GDP``, ``Number of
    firms``, a count's scale ``(000)``) from the title's brackets or its last clause (``..., PERCENTAGE OF
    SMEs``), the corner cell, a header cell's brackets (``Share of SMEs (%)``) or a header cell that is a unit
    and nothing else (``Percentage``), printed only."""
    corner = next((c.text for c in cells if c.row == 0 and c.col == 0), "")
    heads = [corner] + [c.text for c in cells if c.row < max(header_rows, 1) and c.col > 0]
    for head in heads:
        m = UNIT_CELL.fullmatch(PERIOD_IN_HEADER.sub(" ", head).strip()) or UNIT_TAIL.search(head)
        if m and m.group("cur"):
            return _unit_text(m.group("cur"), m.group("scale")), m.group(0).strip("() ")
    t = UNIT_IN_TITLE.search(title or "")
    if t:
        cur, scale = t.group("cur") or t.group("cur2"), t.group("scale") or t.group("scale2")
        return _unit_text(cur, scale), t.group(0).strip("() ")
    if scaled := _scaled_money_column(cells, header_rows):
        return scaled
    for said in [title or "", *heads]:
        if w := UNIT_IN_WORDS.search(said):  # (In billions of dollars)
            return _unit_text(UNIT_CURRENCY_WORDS[w.group("cur").lower().rstrip("s")], w.group("scale")), w.group(0)
    if sign := _currency_in_cells(cells, header_rows):
        return _unit_text(sign, None), sign
    other = (
        OTHER_UNIT_IN_TITLE.search(title or "")
        or UNIT_AFTER_COMMA.search(title or "")
        or OTHER_UNIT_CELL.fullmatch(corner.strip())
        or next((m for head in heads if (m := OTHER_UNIT_IN_TITLE.search(head))), None)
        or next((m for head in heads[1:] if (m := OTHER_UNIT_CELL.fullmatch(head.strip()))), None)
    )
    return None, (other.group("unit").strip() if other else None)


def _scaled_money_column(cells: list[TableCell], header_rows: int) -> tuple[str, str] | None:
    """Columns headed by a scale in brackets (``Procurement Spend (bn)``, ``Total (in billions)``) whose figures
    print one currency (:func:`column_currency`): that currency times that scale, printed as the bracket's
    scale, when every such column says the same (columns in billions beside columns in millions give the table
    no one unit)."""
    found: set[tuple[str, str]] = set()
    for head in (c for c in cells if c.row < max(header_rows, 1) and c.col > 0):
        if not (m := SCALE_TAIL.search(head.text)):
            continue
        body = [c.text for c in cells if c.col == head.col and c.row >= max(header_rows, 1)]
        if (cur := column_currency(body)) is not None:
            found.add((_unit_text(cur, m.group("scale")), m.group("scale")))
    return found.pop() if len(found) == 1 else None


def column_currency(texts: list[str]) -> str | None:
    """The currency a column of figures is printed in: the sign its first figure prints, when every figure
    prints it or none (a statistical table prints the sign on its first row only: ``$375.9`` over ``390.2``),
    no figure is a share in % and every other cell is empty or a dash (not available). None for another column.

    >>> column_currency(["$375.9", "390.2", "—"]), column_currency(["45,611", "$1"]), column_currency(["£1", "Total"])
    ('$', None, None)
    """
    figures = [t for t in texts if numeric_cell(t)]
    if not figures or any(t.strip() not in NOT_AVAILABLE for t in texts if not numeric_cell(t)):
        return None
    first = printed_currency(figures[0])
    if first is None or any("%" in t or printed_currency(t) not in (first, None) for t in figures):
        return None
    return first


def column_multiplier(table: Table, col: int, multiplier: str) -> str:
    """The multiplier of a column's figures: the scale its heading prints in brackets (``Total (in billions)``);
    whole units for an amount per person or thing (``Per pupil``, ``per capita``) in a table whose unit is the
    scale its money columns' headings print (:func:`_scaled_money_column`: totals in billions beside amounts per
    pupil in dollars); else the table's ``multiplier``."""
    head = column_heading(table, col)
    if m := SCALE_TAIL.search(head):
        return str(_multiplier(m.group("scale")))
    if not PER_UNIT.search(head) or table.unit_text is None:
        return multiplier
    body = table.header_rows
    headed = {
        m.group("scale").casefold()
        for k in range(table.n_cols)
        if (m := SCALE_TAIL.search(column_heading(table, k)))
        and column_currency([c.text for c in table.cells if c.col == k and c.row >= body]) is not None
    }  # the scales money columns' headings print
    return "1" if table.unit_text.casefold() in headed else multiplier


def _currency_in_cells(cells: list[TableCell], header_rows: int) -> str | None:
    """The currency sign every figure of a table's body prints (``$1.1M``, ``$0``, ``£250,000``) when no header
    or title states a unit: the table's money is in that currency, each cell at the scale it prints itself
    (:func:`pipeline.language.numbers.cell_to_amount`). None when a figure prints another sign or none (a
    column of counts beside one of amounts), or when fewer than two figures print one."""
    figures = body_figures(cells, max(header_rows, 1))
    signs = {printed_currency(c.text) for c in figures}
    return signs.pop() if len(figures) >= 2 and len(signs) == 1 and None not in signs else None


def body_figures(cells: Iterable[TableCell], first_row: int) -> list[TableCell]:
    """The figure cells of a table's body: in the rows from ``first_row`` on, past the stub column."""
    return [c for c in cells if c.row >= first_row and c.col > 0 and numeric_cell(c.text)]


def printed_currency(text: str) -> str | None:
    """The currency sign a figure cell is printed with (``£`` of ``£0.39``); None for another cell."""
    text = text.strip()
    return text[0] if numeric_cell(text) and text[:1] in CURRENCIES else None


def column_heading(table: Table, col: int) -> str:
    """The words of a column's header cells, top to bottom (a cell spanning it included)."""
    cells = [c for c in table.cells if c.row < table.header_rows and c.col <= col < c.col + c.col_span]
    return " ".join(c.text for c in sorted(cells, key=lambda c: c.row))


def _unit_text(cur: str, scale: str | None) -> str:
    multiplier = _multiplier(scale)
    sign = cur.rstrip(".").capitalize() if cur.lower().startswith("rs") else cur  # "Rs.", "RS"
    return f"{CURRENCIES.get(sign, cur.upper())} x {multiplier}"


def _multiplier(scale: str | None) -> int:
    if scale is None:
        return 1
    key = scale.lower().rstrip("s") if scale.lower().rstrip("s") in SPELLED_SCALES else scale.lower()
    if key in ("000", "'000", "’000"):
        return 1000
    return int(scale_to_multiplier(key))


def column_period(header: str) -> str | None:
    """The period a column's header names, normalised (units and notes set aside): a fiscal year
    ``2020-21``, a calendar year ``2020``, a quarter ``Q1 2020``, or ``total``. A total over a period
    (``Total 2019-20``) is that period's; a balance at a year's end (``31-Mar-20``, ``As at 31 December 2020``),
    the year it closes (:func:`closing_period`).

    >>> [column_period(h) for h in ("2020 ‑ 21 £000", "FY2020-21", "2021-22(£m)", "Q3 2019", "Total", "Notes")]
    ['2020-21', '2020-21', '2021-22', 'Q3 2019', 'total', None]
    >>> [column_period(h) for h in ("Total 2019-20 £’000", "31-Mar-20 £000", "CETV at 31 March 2020")]
    ['2019-20', '2019-20', '2019-20']
    """
    text = UNIT_ANYWHERE.sub(" ", header)
    text = re.sub(r"[‐‑‒–—]", "-", text)
    text = re.sub(r"\bFY\s?", "", text, flags=re.I).strip(" ()")
    if TOTAL_LABEL.fullmatch(text):
        return "total"
    if (over := TOTAL_OVER.fullmatch(text)) and (period := column_period(over.group(1))) not in (None, "total"):
        return period
    if closing := closing_period(text):
        return closing
    if fiscal := fiscal_year_to_period(text):
        return fiscal
    if re.fullmatch(r"(?:19|20)\d{2}", text):
        return text
    q = re.fullmatch(r"(?:(Q[1-4])\s*((?:19|20)\d{2})|((?:19|20)\d{2})\s*(Q[1-4]))", text, re.I)
    if q:
        return f"{(q.group(1) or q.group(4)).upper()} {q.group(2) or q.group(3)}"
    return None


def closing_period(text: str) -> str | None:
    """The year a balance date closes, for a column of balances headed by it: the fiscal year ending on 31
    March (or early April: the UK's government and tax year), else the calendar year ending on 31 December;
    None for other dates (a year ending in June is not told apart from a date within a year).

    >>> [closing_period(t) for t in ("31-Mar-20", "As at 31 March 2021", "31 Dec 2019", "30 June 2020", "2020")]
    ['2019-20', '2020-21', '2019', None, None]
    """
    m = BALANCE_DATE.fullmatch(text.strip())
    if m is None:
        return None
    day, month, year = int(m.group("day")), m.group("month")[:3].casefold(), int(m.group("year"))
    year += 2000 if year < 100 else 0
    if (month, day) in (("mar", 31), ("apr", 1), ("apr", 5)):
        return f"{year - 1}-{year % 100:02d}"
    if (month, day) == ("dec", 31):
        return str(year)
    return None


def figure_columns(table: Table) -> list[int]:
    """The columns (past the first) at least half of whose body cells are figures."""
    rows = max(table.n_rows - table.header_rows, 1)
    counts = Counter(c.col for c in body_figures(table.cells, table.header_rows))
    return sorted(col for col, n in counts.items() if n * 2 >= rows)


def evidence(table: Table) -> str:
    """Why a region was taken for a table, in words: how its grid was found, its columns of figures and
    of periods, the caption that names it, the page it runs on to.

    >>> t = Table(1, "pdf-text", "Table 2: Costs", 0, 9, 3, 2, 1, [TableCell(0, 1, "2020-21", 0, 7, True),
    ...     TableCell(1, 0, "Staff", 0, 5, False), TableCell(1, 1, "12", 0, 2, False)])
    >>> print(*evidence(t).split("; "), sep="\\n")
    columns of words set apart by gutters, 3 rows by 2 columns
    1 column of figures
    columns headed by periods (2020-21)
    captioned "Table 2"
    """
    found = {
        "text": "tab-separated rows",
        "pdf-lines": "a grid of ruling lines",
        "pdf-text": "columns of words set apart by gutters",
    }
    parts = [f"{found.get(table.source, table.source)}, {table.n_rows} rows by {table.n_cols} columns"]
    if figures := figure_columns(table):
        parts.append(f"{len(figures)} column{'s' if len(figures) > 1 else ''} of figures")
    if periods := period_columns(table):
        parts.append(f"columns headed by periods ({', '.join(periods.values())})")
    if table.title and (caption := CAPTION.match(table.title)):
        parts.append(f'captioned "{caption.group(0)}"')
    if table.last_page:
        parts.append(f"continued to page {table.last_page}")
    return "; ".join(parts)


def period_columns(table: Table) -> dict[int, str]:
    """The columns of a table headed by a period (:func:`column_period` of the column's header cells)."""
    heads: dict[int, list[str]] = {}
    for c in sorted(table.cells, key=lambda c: (c.row, c.col)):
        if c.row < table.header_rows and c.col > 0 and c.col_span == 1:
            heads.setdefault(c.col, []).append(c.text)
    out = {}
    for col, texts in heads.items():
        period = column_period(" ".join(texts)) or next((p for t in texts if (p := column_period(t))), None)
        if period:
            out[col] = period
    return out


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
                members.setdefault(min(holding, key=lambda key: grid[key].area), []).append(w)
        cells: list[TableCell] = []
        for (r, c, rs, cs), inside in members.items():
            box = grid[(r, c, rs, cs)]
            start, end = min(w.char_start for w in inside), max(w.char_end for w in inside)
            content = " ".join(text[w.char_start : w.char_end] for w in _reading_order(inside))
            cells.append(TableCell(r, c, content, start, end, False, table.page, box, rs, cs))
        cells, n_rows, n_cols = _compact(cells)
        cells, n_cols = _nested_columns_merged(cells, n_cols)
        if table.strategy == "lines" and (stacked := _stacked_header_merged(cells)) is not None:
            cells, n_rows, n_cols = _compact(stacked)
        bbox = table.bbox
        if table.strategy == "lines" and (framed := _framed_out(cells, n_cols)) is not None:
            cells, bbox = framed
            cells, n_rows, n_cols = _compact(cells)
        if n_rows < 2 or n_cols < 2 or len(cells) < 2 or _form(cells) or not _rows_of_cells(cells):
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
                bbox=bbox,
            )
        )
    return out


def _rows_of_cells(cells: list[TableCell]) -> bool:
    """At least MIN_ROWS_OF_CELLS rows hold two cells or more with text: a panel of boxes stacked one under the
    other, each across the whole panel, over one row of labels side by side (an infographic's icons and their
    captions) is no table.

    >>> cell = lambda row, col, text: TableCell(row, col, text, 0, 1, False)
    >>> _rows_of_cells([cell(0, 0, "Growing existing strengths"), cell(1, 0, "Manufacture"), cell(1, 1, "Services")])
    False
    >>> _rows_of_cells([cell(0, 0, "Year"), cell(0, 1, "£m"), cell(1, 0, "2020"), cell(1, 1, "12")])
    True
    """
    per_row = Counter(c.row for c in cells if c.text.strip())
    return sum(n >= 2 for n in per_row.values()) >= MIN_ROWS_OF_CELLS


def _form(cells: list[TableCell]) -> bool:
    """Labels and the details they ask for, set in columns (a colophon's ``Reference:`` | ``DFE-00216-2018``,
    ``Follow us on Twitter:`` over ``@educationgovuk``): more than FORM_SHARE of the cells with text are
    labels ending in a colon, web or e-mail addresses or handles. A form, not a table.

    >>> cell = lambda text: TableCell(0, 0, text, 0, 1, False)
    >>> _form([cell(t) for t in ("Reference:", "DFE-00216-2018", "Follow us on Twitter:", "@educationgovuk")])
    True
    >>> _form([cell(t) for t in ("Body", "Website", "Ofsted", "www.gov.uk/ofsted", "DfE", "www.gov.uk/dfe")])
    False
    """
    said = [c.text.strip() for c in cells if c.text.strip()]
    return bool(said) and sum(bool(FORM_CELL.fullmatch(t)) for t in said) > FORM_SHARE * len(said)


def _framed_out(cells: list[TableCell], n_cols: int) -> tuple[list[TableCell], BBox] | None:
    """A ruled table's caption and notes set inside its frame, each a row of one cell across every column
    (``Exhibit 9 Characteristics of ...`` above, ``Source: ...`` or ``Exhibit reads: ...`` below), left out of
    its cells and box, so that its title is read from the caption like any other. None when there are none.

    >>> def cell(row, col, text, span=1):
    ...     box = BBox(x0=col, top=row, x1=col + span, bottom=row + 1)
    ...     return TableCell(row, col, text, 0, 1, False, 1, box, 1, span)
    >>> kept, box = _framed_out([cell(0, 0, "Exhibit 19 Percentage of schools", 2), cell(1, 0, "Low"),
    ...     cell(1, 1, "34%"), cell(2, 0, "High"), cell(2, 1, "2%"), cell(3, 0, "Source: survey", 2)], 2)
    >>> [c.text for c in kept], (box.top, box.bottom)
    (['Low', '34%', 'High', '2%'], (1.0, 3.0))
    """
    last = max((c.row for c in cells), default=0)

    def across(row: int, pattern: re.Pattern[str]) -> bool:
        here = [c for c in cells if c.row == row]
        return len(here) == 1 and here[0].col_span == n_cols and bool(pattern.match(here[0].text))

    drop = {row for row, pattern in ((0, CAPTION), (last, FRAMED_NOTE)) if last >= 3 and across(row, pattern)}
    kept = [c for c in cells if c.row not in drop]
    boxes = [c.bbox for c in kept if c.bbox is not None]
    return (kept, BBox.union(boxes)) if drop and boxes else None


def _title_row(table: Table) -> str | None:
    """The title a table without a caption prints in its own first rows: the last of the rows of one cell across
    every column right over its first row of several cells (a coloured bar naming the table, under a box set
    above it), of at most MAX_TITLE_WORDS words, no figure and no sentence. The row stays a row of the table.

    >>> def cell(row, col, text, span=1): return TableCell(row, col, text, 0, 1, False, 1, None, 1, span)
    >>> def table(*cells): return Table(1, "pdf-lines", None, 0, 1, 3, 2, 0, list(cells))
    >>> bars = [cell(0, 0, "Action to support AI", 2), cell(1, 0, "Investments in the UK", 2)]
    >>> _title_row(table(*bars, cell(2, 0, "Google"), cell(2, 1, "DeepMind and ...")))
    'Investments in the UK'
    >>> _title_row(table(cell(0, 0, "Google"), cell(0, 1, "DeepMind ..."))) is None
    True
    """
    if table.n_cols < 2:
        return None
    title = None
    for row in table.grid():
        if not any(row):
            continue  # a row only a spanning cell above reaches into
        here = [c for c in row if c is not None and c.text.strip()]
        if len(here) != 1 or here[0].col_span != table.n_cols:
            return title if len(here) > 1 else None
        words = here[0].text.split()
        prose = len(words) > MAX_TITLE_WORDS or here[0].text.rstrip()[-1:] in ".:"  # a box's text over the table
        title = None if prose or any(numeric_cell(w) for w in words) else " ".join(words)
    return None


def _titled(table: Table, blocks: list[Block], text: str, words: list[Word] | None = None) -> Table:
    """A PDF table with its title and the unit its cells, header, title or a unit line state
    (:func:`_pdf_caption`; a unit line that states no money unit is the unit as printed); ``words`` are its
    page's."""
    title, unit_line = _pdf_caption(table, blocks, text, words or [])
    title = title or _title_row(table)
    unit, unit_text = _unit(" ".join(filter(None, [title, unit_line])), table.cells, table.header_rows)
    if unit is None and unit_line is not None:
        unit_text = unit_line  # a line stating the unit says it better than a heading (Number of teachers)
    unit_text = unit_text or _percent_cells(table)
    return replace(table, title=title, unit=unit, unit_text=unit_text)


def _pdf_caption(table: Table, blocks: list[Block], text: str, words: list[Word]) -> tuple[str | None, str | None]:
    """What a PDF table is called, and the line stating its unit when one stands apart from the title.

    The title is, in this order: a caption naming the table (``Table 3: ...``, ``FIG 1`` with the title
    line under it, or its last words wrapped to a line of their own, :func:`_wrapped_caption`; printed again over
    each page of a long table, it is no page furniture here) among the few blocks just above it or the one just
    below; the heading, short paragraph,
    question or item labelled by a word right above it (:func:`_names_table`; a lead-in ending in a colon or
    a sentence, or a row of figures, is no title),
    passing over a unit line (``Expressed as percentage of ...``, ``£m``) and a source line; else the
    nearest heading above it on its page. 'Just above' is within TITLE_GAP_LINES of the table's lines,
    across its columns. Of a block whose lines run on past a gutter over a table beside this one (the titles
    of two tables set side by side, read as one line), only the part over this table is read."""
    box = table.bbox
    if table.page is None or box is None:
        return None, None
    reach = TITLE_GAP_LINES * _line_height(table)
    near = [
        (b, b.bbox) for b in blocks
        if b.page == table.page and b.bbox is not None and b.kind is not BlockKind.CHART
        and (b.kind is not BlockKind.FURNITURE or CAPTION.match(text[b.char_start : b.char_end]))
        and not box.holds_centre_of(b.bbox) and b.bbox.x0 < box.x1 and b.bbox.x1 > box.x0
    ]  # fmt: skip
    above = sorted(((b, bb) for b, bb in near if bb.top < box.top - 1), key=lambda pair: -pair[1].bottom)
    below = [
        b for b, bb in sorted(near, key=lambda pair: pair[1].top) if box.bottom - 2 <= bb.top <= box.bottom + reach
    ]

    def said_by(block: Block, bottom: float = 0.0) -> str:
        """The block's words; only its first line when it runs on into the table (a caption read together
        with the header under it)."""
        passage = text[block.char_start : block.char_end]
        if bottom > box.top + 2:
            passage = passage.split("\n", 1)[0]
        held = [w for w in words if block.char_start <= w.char_start < block.char_start + len(passage)]
        over = _over_table(held, box)
        if over is not None:
            return " ".join(text[w.char_start : w.char_end] for w in over)
        return " ".join(passage.split())

    close = [(said_by(b, bb.bottom), b, bb) for b, bb in above[:CAPTION_BLOCKS] if box.top - bb.bottom <= 2 * reach]
    for i, (said, _, _) in enumerate(close):
        if CAPTION.match(said):
            label_only = len(said.split()) <= 3 and i > 0
            wrapped = i > 0 and _wrapped_caption(close[i - 1][0])  # its last words wrapped to a line of their own
            joined = label_only or wrapped
            between = [s for s, _, _ in close[: i - 1 if joined else i]]  # a unit line under the caption
            unit_line = next((s for s in between if UNIT_LINE.match(s)), None)
            return (f"{said} {close[i - 1][0]}" if joined else said), unit_line
    if below and CAPTION.match(said_by(below[0])):
        return said_by(below[0]), None
    unit_line = None
    edge = box.top  # each block within reach of the one under it, the first of the table
    for said, block, bbox in close[:3]:
        if edge - bbox.bottom > reach:
            break
        edge = bbox.top
        if UNIT_LINE.match(said) and unit_line is None:
            unit_line = said
            continue
        if SOURCE_LINE.match(said):
            continue
        if block.kind is BlockKind.HEADING or _names_table(block, said):
            return said, unit_line
        break
    heading = next((said_by(b, bb.bottom) for b, bb in above if b.kind is BlockKind.HEADING), None)
    return heading, unit_line


def _wrapped_caption(said: str) -> bool:
    """Whether a line right under a caption is its last words wrapped: it starts in lower case and states no unit
    (``per cent``, ``in thousands``), source or note (``base: all SMEs``, ``e.g. ...``, ``n=1,204``).

    >>> [_wrapped_caption(s) for s in ("through 2021–22", "enterprises", "in thousands", "thousands", "e.g. advice")]
    [True, True, False, False, False]
    """
    return (
        said[:1].islower()
        and not UNIT_LINE.match(said)
        and not SOURCE_LINE.match(said)
        and not SCALE_WORD.search(said)
        and not any(mark in said for mark in (":", "=", "e.g.", "i.e."))
    )


def _over_table(words: list[Word], box: BBox) -> list[Word] | None:
    """The words set over the table's columns, when the lines they are on run on past a gutter (a gap over
    TITLE_GUTTER times the line's height) to words wholly beside the table; None when none do."""
    kept: list[Word] = []
    beside = False
    for line in banded_lines(words, lambda w: (w.top, w.bottom)):
        line.sort(key=lambda w: w.x0)
        gap = TITLE_GUTTER * statistics.median(w.bottom - w.top for w in line)
        pieces = [[line[0]]]
        for a, b in itertools.pairwise(line):
            if b.x0 - a.x1 > gap:
                pieces.append([])
            pieces[-1].append(b)
        for piece in pieces:
            if piece[-1].x1 <= box.x0 or piece[0].x0 >= box.x1:
                beside = True
            else:
                kept += piece
    return sorted(kept, key=lambda w: w.char_start) if beside and kept else None


def _names_table(block: Block, said: str) -> bool:
    """A short paragraph or caption (no lead-in ending in a colon, no sentence, no row of figures), or an item
    labelled by a word (``Question 4 : ...``), that stands right over a table names it; so does a question,
    however long: the one a survey's table of answers answers."""
    words = said.split()
    labelled = block.kind is BlockKind.LIST_ITEM and (block.marker or "")[:1].isalpha()
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.CAPTION) and not labelled:
        return False
    if said.endswith("?"):
        return len(words) <= MAX_QUESTION_WORDS
    return (
        len(words) <= MAX_TITLE_WORDS
        and not said.endswith((":", "."))
        and sum(numeric_cell(w) for w in words) <= 1  # a row of figures left out
    )


def _percent_cells(table: Table) -> str | None:
    """``%`` when the figures of a table's body all carry a per cent sign (the unit printed in its cells),
    leaving out a Total column's (the count a survey's shares are of)."""
    totals = {c.col for c in table.cells if c.row < table.header_rows and TOTAL_LABEL.match(c.text)}
    figures = [c.text for c in body_figures(table.cells, table.header_rows) if c.col not in totals]
    return "%" if figures and sum(t.strip().endswith("%") for t in figures) >= PERCENT_SHARE * len(figures) else None


def _line_height(table: Table) -> float:
    heights = [c.bbox.bottom - c.bbox.top for c in table.cells if c.bbox is not None and c.row_span == 1]
    return statistics.median_high(heights) if heights else 12.0


def _reading_order(words: list[Word]) -> list[Word]:
    """A cell's words line by line as a reader sees them (:func:`~pipeline.readers.reading_order.banded_lines`),
    each line left to right."""
    lines = banded_lines(words, lambda w: (w.top, w.bottom))
    return [w for line in lines for w in sorted(line, key=lambda w: w.x0)]


def join_continued(tables: list[Table], blocks: list[Block], text: str) -> list[Table]:
    """PDF tables (in text order) with a table continued on the next page joined to it.

    Two tables are one when the second is on the page after the first ends, nothing but page furniture
    and at most one short caption (``Table 3 (continued)``, the first's title again; not a heading naming
    another table) lies between them, they have as many columns, and the second either repeats the first's
    header rows (dropped from the joined table) or sets its columns where the first does.
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
    said = [text[b.char_start : b.char_end].split() for b in between]
    if len(between) > 1 or any(len(words) > MAX_CAPTION_WORDS for words in said):
        return False
    if any(_names_another(" ".join(words), b, first) for words, b in zip(said, between, strict=True)):
        return False
    return _repeated_header(first, second) > 0 or _same_columns(first, second)


def _names_another(said: str, block: Block, first: Table) -> bool:
    """A heading between two parts that names another table: neither the first's title printed again nor a
    caption saying it is continued (``6. Directors' Emoluments`` over the next note of the accounts)."""
    return (
        block.kind is BlockKind.HEADING
        and not CONTINUED.search(said)
        and said.casefold() != " ".join((first.title or "").split()).casefold()
    )


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
        unit_text=first.unit_text or second.unit_text,
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


def _nested_columns_merged(cells: list[TableCell], n_cols: int) -> tuple[list[TableCell], int]:
    """Two neighbouring columns that no row fills with two cells, joined by a cell across both or by
    cells that overlap across (a header cell between rules drawn a little inside the body's, a double
    rule's sliver), are one column to a reader.

    >>> def cell(row, col, x0, x1, span=1):
    ...     return TableCell(row, col, "x", 0, 1, False, 1, BBox(x0=x0, top=row, x1=x1, bottom=row + 1), 1, span)
    >>> merged, n = _nested_columns_merged([cell(0, 1, 62, 135), cell(1, 0, 57, 140, 2), cell(1, 2, 140, 200)], 3)
    >>> n, sorted((c.row, c.col, c.col_span) for c in merged)
    (2, [(0, 0, 1), (1, 0, 1), (1, 1, 1)])
    """
    col = 0
    while col + 1 < n_cols:
        if _one_column(cells, col):
            cells = [_column_removed(c, col + 1) for c in cells]
            n_cols -= 1
        else:
            col += 1
    return cells, n_cols


def _one_column(cells: list[TableCell], col: int) -> bool:
    """Whether columns ``col`` and ``col + 1`` never hold two cells in one row and are joined."""
    left = [c for c in cells if c.col <= col < c.col + c.col_span]
    right = [c for c in cells if c.col <= col + 1 < c.col + c.col_span]
    if not left or not right:
        return False
    across = {id(c) for c in left} & {id(c) for c in right}
    alone_left = [c for c in left if id(c) not in across]
    alone_right = [c for c in right if id(c) not in across]
    if {c.row for c in alone_left} & {c.row for c in alone_right}:
        return False
    if across:
        return True
    boxes_left = [c.bbox for c in alone_left if c.bbox is not None]
    boxes_right = [c.bbox for c in alone_right if c.bbox is not None]
    if not boxes_left or not boxes_right:
        return False
    a, b = BBox.union(boxes_left), BBox.union(boxes_right)
    return min(a.x1, b.x1) - max(a.x0, b.x0) > NESTED_COLUMN_OVERLAP


def _stacked_header_merged(cells: list[TableCell]) -> list[TableCell] | None:
    """A ruled header whose lines sit in cells of their own (rules drawn between the lines of a heading)
    under a cell spanning them all: the cells stacked in one column (and over the same columns) of that band
    are one heading, from its first line to the band's foot. None when there is no such band, when it holds
    figures or when no figures are under it (a table of words).

    >>> def cell(row, col, text, rows=1):
    ...     return TableCell(row, col, text, 0, 1, True, 1, BBox(x0=col, top=row, x1=col + 1, bottom=row + rows), rows)
    >>> merged = _stacked_header_merged([cell(0, 0, "Year", 2), cell(0, 1, "Murder /"), cell(1, 1, "Manslaughter"),
    ...     cell(2, 0, "2005"), cell(2, 1, "28")])
    >>> [(c.row, c.col, c.text, c.row_span) for c in merged]
    [(0, 0, 'Year', 2), (0, 1, 'Murder / Manslaughter', 2), (2, 0, '2005', 1), (2, 1, '28', 1)]
    """
    band = max((c.row_span for c in cells if c.row == 0), default=1)
    inside = [c for c in cells if c.row + c.row_span <= band]
    below = [c for c in cells if c.row + c.row_span > band]
    if band < 2 or any(_figure_cell(c.text) for c in inside) or not any(_figure_cell(c.text) for c in below):
        return None
    groups: dict[tuple[int, int], list[TableCell]] = {}
    for c in inside:
        groups.setdefault((c.col, c.col_span), []).append(c)
    if all(len(group) == 1 for group in groups.values()):
        return None
    merged = list(below)
    for group in groups.values():
        group.sort(key=lambda c: c.row)
        boxes = [c.bbox for c in group if c.bbox is not None]
        merged.append(
            replace(
                group[0],
                row_span=band - group[0].row,
                text=" ".join(c.text for c in group),
                char_start=min(c.char_start for c in group),
                char_end=max(c.char_end for c in group),
                bbox=BBox.union(boxes) if boxes else None,
            )
        )
    return sorted(merged, key=lambda c: (c.row, c.col))


def _column_removed(cell: TableCell, col: int) -> TableCell:
    """``cell`` with grid column ``col`` folded into the one before it."""
    if cell.col >= col:
        return replace(cell, col=cell.col - 1)
    if cell.col + cell.col_span > col:
        return replace(cell, col_span=max(1, cell.col_span - 1))
    return cell


def _grid(rows: list[list[BBox | None]]) -> dict[tuple[int, int, int, int], BBox]:
    """(row, col, row_span, col_span) → box for every cell; a None (covered) position extends the cell
    to its left (columns) or above (rows) when the cell's box reaches into that column or row (a None
    the cell stops short of is covered by another cell: a header cell spanning rows beside it).

    >>> box = lambda x0, top, x1, bottom: BBox(x0=x0, top=top, x1=x1, bottom=bottom)
    >>> sorted(_grid([[box(0, 0, 10, 10), box(10, 0, 20, 20)], [box(0, 10, 10, 20), None]]))
    [(0, 0, 1, 1), (0, 1, 2, 1), (1, 0, 1, 1)]
    """
    lefts: dict[int, float] = {}  # where the cells that start in a column start; the same for rows
    tops: dict[int, float] = {}
    for r, row in enumerate(rows):
        for c, box in enumerate(row):
            if box is not None:
                lefts[c] = min(lefts.get(c, box.x0), box.x0)
                tops[r] = min(tops.get(r, box.top), box.top)
    out: dict[tuple[int, int, int, int], BBox] = {}
    for r, row in enumerate(rows):
        for c, box in enumerate(row):
            if box is None:
                continue
            col_span = 1
            while (
                c + col_span < len(row)
                and row[c + col_span] is None
                and box.x1 > lefts.get(c + col_span, -math.inf) + SPAN_EDGE
            ):
                col_span += 1
            row_span = 1
            while (
                r + row_span < len(rows)
                and c < len(rows[r + row_span])
                and rows[r + row_span][c] is None
                and all(rows[r + row_span][k] is None for k in range(c, min(c + col_span, len(rows[r + row_span]))))
                and box.bottom > tops.get(r + row_span, -math.inf) + SPAN_EDGE
            ):
                row_span += 1
            out[(r, c, row_span, col_span)] = box
    return out
