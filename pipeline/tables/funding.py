"""Funding lines from money tables: one line per figure cell (a line item in a period), and the stated totals
checked.

A table gives funding lines when it has a money unit (``£000`` in its header, ``(£m)`` in its title, ``$``
printed by every figure of its body, each at its own scale: ``$1.1M``),
its words name funding rather than a market (:func:`is_funding`), and its columns are headed by periods
(fiscal years, years, quarters, ``Total``), or it has one column of amounts (its period then from its
title), or columns of amounts that a ``Total`` column adds up (each in its title's period), or its periods run
down its first column (:func:`period_rows`: each column of amounts a line item, each row a period; their totals
are not checked). Beside period columns, columns of amounts with no period over them give lines of period
``none`` (:func:`_undated_columns`); a ``Total 2019-20`` column's lines are totals; a row of counts (``Staff
numbers``) gives none. Each figure cell becomes a line in base units; a row or column labelled total is checked
against the sum of the others, and a difference beyond rounding becomes a ``total_mismatch`` issue.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import yaml

from pipeline.language.numbers import MAX_VALUE, cell_to_amount, plausible, scaled, unbounded, without_leaders
from pipeline.models import FundingLine, SourceIssue, Table, TableCell
from pipeline.readers.table_finder import lone_label
from pipeline.registry import extractor
from pipeline.tables.build import (
    PERIOD_IN_HEADER,
    TOTAL_LABEL,
    column_currency,
    column_heading,
    column_multiplier,
    column_period,
    figure_columns,
    numeric_cell,
    period_columns,
)

FUNDING_EXTRACTOR = extractor("funding/table")
CHECK_EXTRACTOR = extractor("checks/totals")
# How far a funding line is trusted: set by hand (not measured) for a cell read from a table whose
# unit and period columns were both recognised.
FUNDING_CONFIDENCE = 0.9
MONEY_WORDS: dict[str, set[str]] = {
    kind: set(words)
    for kind, words in yaml.safe_load((Path(__file__).parent / "data" / "money_words.yml").read_text("utf-8")).items()
}
TOLERANCE = Decimal("0.051")  # in the table's unit, at least: printed values are rounded to one decimal
NOTE_MARK = re.compile(r"\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*+|[†‡§]+)$")  # a footnote's mark after a label: ³, *, †
SUBTOTAL_LABEL = re.compile(r"\s*sub[- ]?totals?\b", re.I)
MIN_PERIOD_ROWS = 2  # rows labelled by periods that make a table's periods run down it
COUNT_LABEL = re.compile(
    r"\b(?:numbers?\s+of|(?:staff|employee)\s+numbers?|headcount|full[- ]time\s+equivalents?|FTEs?)\b", re.I
)
NOTES_HEADING = re.compile(r"\s*notes?\b", re.I)  # a column of note numbers: Notes


def tables_to_funding(tables: list[Table]) -> tuple[list[FundingLine], list[SourceIssue]]:
    """Funding lines of every money table whose periods head its columns or run down its first column (or that
    has one column of amounts), and the totals that do not add up (in tables whose periods head the columns)."""
    lines: list[FundingLine] = []
    issues: list[SourceIssue] = []
    for table in tables:
        if table.unit is None or table.header_rows == 0 or not is_funding(table):
            continue
        currency, multiplier = table.unit.split(" x ")
        grid = table.grid()
        periods = _with_categories(table, period_columns(table))
        row_periods, columns = ({}, []) if periods else period_rows(table, grid)
        periods = periods or ({} if columns else _one_money_column(table))
        if _merged_periods(table):
            continue
        if columns:  # periods down the first column; no total is checked here
            scales = {col: column_multiplier(table, col, multiplier) for col in columns}
            for (row, period), col in itertools.product(row_periods.items(), columns):
                cell = grid[row][col]
                if cell is not None and (found := _amount(table, cell, scales[col], issues)) is not None:
                    lines.append(_line(table, cell, column_heading(table, col), period, found, (currency, scales[col])))
            continue
        if not periods:
            continue
        values: dict[tuple[int, int], Decimal] = {}
        totals = {
            col for col, period in periods.items()
            if TOTAL_LABEL.match(column_heading(table, col)) or _spans(period, periods.values())
        }  # fmt: skip  # Total 2019-20; 2013-2022 beside 2013, 2014, ... 2022
        dated = dict(sorted((periods | _undated_columns(table, periods)).items()))
        for row in range(table.header_rows, table.n_rows):
            label = row_label(grid, row, min(dated))
            if COUNT_LABEL.search(label):
                continue  # a row of counts in a money table: staff numbers
            for col, period in dated.items():
                cell = grid[row][col]
                if cell is None or (amount := _amount(table, cell, multiplier, issues)) is None:
                    continue
                values[(row, col)] = amount
                lines.append(_line(table, cell, label, period, amount, (currency, multiplier), col in totals))
        issues += _check_totals(table, grid, periods, values, Decimal(multiplier))
    return lines, issues


def _amount(table: Table, cell: TableCell, multiplier: str, issues: list[SourceIssue]) -> Decimal | None:
    """A figure cell's amount in base units (:func:`cell_to_amount`); None for a worded cell, and for one too large
    to be an amount (reported in ``issues``)."""
    if not numeric_cell(unbounded(cell.text)):  # Up to $766,865: the amount printed
        return None
    amount = cell_to_amount(cell.text, Decimal(multiplier))
    if not plausible(amount):
        issues.append(
            SourceIssue(
                "implausible_number", "warning",
                f"table {table.number}: {cell.text[:60]!r} is too large to be an amount (more than "
                f"{MAX_VALUE:,.0f} in base units): it gives no funding line",
                char_start=cell.char_start, char_end=cell.char_end, extractor=FUNDING_EXTRACTOR,
                confidence=1.0,
            )
        )  # fmt: skip
        return None
    return amount


def _undated_columns(table: Table, periods: dict[int, str]) -> dict[int, str]:
    """Columns of amounts beside the period columns with no period over them (the parts a ``Total 2019-20``
    column adds up: ``Permanent staff``, ``Seconded staff``), each with period ``none``; not a column of note
    numbers, nor one of shares in %."""
    if not periods or set(periods.values()) == {"total"}:
        return {}
    out = {}
    for col in figure_columns(table):
        cells = [c.text for c in table.cells if c.col == col and c.row >= table.header_rows]
        if (
            col not in periods
            and not NOTES_HEADING.match(column_heading(table, col))
            and not any("%" in t for t in cells)
        ):
            out[col] = "none"
    return out


def _spans(period: str, periods: Iterable[str]) -> bool:
    """A span of several years (``2013-22``) holding two or more of the table's other periods, years or fiscal
    years (a table's ``Totals 2013–2022`` beside its columns by year): a total of them.

    >>> _spans("2013-22", ["2012", "2013", "2014", "2013-22"]), _spans("2013-14", ["2013", "2014", "2013-14"])
    (True, False)
    """
    if not (m := re.fullmatch(r"((?:19|20)\d{2})-(\d{2})", period)):
        return False
    start = int(m.group(1))
    end = start - start % 100 + int(m.group(2))
    if end <= start + 1:
        return False  # a fiscal year
    held = [p for p in periods if p != period and (y := re.match(r"(?:19|20)\d{2}", p)) and start <= int(y[0]) <= end]
    return len(held) >= 2


def _line(
    table: Table, cell: TableCell, label: str, period: str, amount: Decimal, unit: tuple[str, str], total: bool = False
) -> FundingLine:
    """The funding line of ``cell`` (an ``amount`` in base units; the table's ``unit``: currency and multiplier);
    ``total``: its column adds up others; a row labelled total or subtotal is one too."""
    currency, multiplier = unit
    summed = total or period == "total" or bool(TOTAL_LABEL.match(label) or SUBTOTAL_LABEL.match(label))
    return FundingLine(
        table.number, label, period, float(amount), currency,
        summed, float(multiplier), cell.row, cell.col,
        cell.char_start, cell.char_end,
    )  # fmt: skip


def period_rows(table: Table, grid: list[list[TableCell | None]]) -> tuple[dict[int, str], list[int]]:
    """A table whose periods run down its first column (``Year`` over ``2013-14``, ``2014-15``, ...) rather than
    across its header: each body row's period, and the columns of amounts, printed in a currency
    (:func:`~pipeline.tables.build.column_currency`: ``$375.9`` over ``390.2``). A row of a label alone labels the
    rows under it (``Actual``, ``Projected``) and has no period. Empty when another body row's label is not a
    period.

    >>> cell = lambda row, col, text: TableCell(row, col, text, 0, 1, row == 0)
    >>> t = Table(1, "pdf-lines", None, 0, 1, 3, 3, 1, [cell(0, 0, "Year"), cell(0, 1, "Ambition"),
    ...     cell(0, 2, "Spend (bn)"), cell(1, 0, "2013-14"), cell(1, 1, "25%"), cell(1, 2, "£0.39"),
    ...     cell(2, 0, "2014-15"), cell(2, 1, "25%"), cell(2, 2, "£0.40")])
    >>> period_rows(t, t.grid())
    ({1: '2013-14', 2: '2014-15'}, [2])
    """
    periods: dict[int, str] = {}
    for row in range(table.header_rows, table.n_rows):
        label = grid[row][0]
        if label is not None and lone_label(label.text, [c.text for c in grid[row][1:] if c is not None]):
            continue  # a label over the rows under it: Actual, Projected
        if label is None or (period := column_period(label.text)) is None:
            return {}, []
        periods[row] = period
    if len(periods) < MIN_PERIOD_ROWS:
        return {}, []
    columns = [
        col for col in range(1, table.n_cols)
        if column_currency([c.text if (c := grid[row][col]) is not None else "" for row in periods])
    ]  # fmt: skip
    return periods, columns


def _merged_periods(table: Table) -> bool:
    """A header cell naming two periods (``2011 2012``): two columns read as one, so the figures under the
    header cannot be matched to their periods and the table gives no funding lines (it stays a table)."""
    return any(
        len([m for m in PERIOD_IN_HEADER.finditer(c.text) if column_period(m.group(0))]) > 1
        for c in table.cells
        if c.row < table.header_rows
    )


def _with_categories(table: Table, periods: dict[int, str]) -> dict[int, str]:
    """Period columns, and when the only one is a ``Total`` the columns of amounts it adds up (asset classes:
    ``Buildings``, ``Leasehold improvements``), each in the period the title names, else ``none``."""
    if set(periods.values()) != {"total"}:
        return periods
    named = title_period(table) or "none"
    return {**{col: named for col in figure_columns(table) if col not in periods}, **periods}


def _one_money_column(table: Table) -> dict[int, str]:
    """A table of line items with one column of amounts and no period over it: the period its title
    names (``Budget 2021-22 (£m)``), else ``none``; ``none`` too when its rows are dated by different years
    (``Balance at 31 March 2019`` ... ``Balance at 31 March 2020``: movements over more than the title's year)."""
    columns = figure_columns(table)
    if len(columns) != 1:
        return {}
    dated = {year for label in row_labels(table) for year in re.findall(r"\b(?:19|20)\d{2}\b", label)}
    return {columns[0]: (title_period(table) if len(dated) < 2 else None) or "none"}


def title_period(table: Table) -> str | None:
    """The one period a table's title names (``Budget 2021-22 (£m)``), else None."""
    named = {p for m in PERIOD_IN_HEADER.finditer(table.title or "") if (p := column_period(m.group(0)))}
    return named.pop() if len(named) == 1 else None


def is_funding(table: Table) -> bool:
    """A money table about what a body or programme funds, spends, costs or receives (budgets,
    allocations, expenditure, income, the notes of accounts), not about an economy or a market (turnover,
    GVA, lending, deals, exports): its title, header and row labels name funding
    (``pipeline/tables/data/money_words.yml``) at least as often as a market."""
    heads = [c.text for c in table.cells if c.row < table.header_rows]
    words = re.findall(r"[a-z]+", " ".join([table.title or "", *heads, *row_labels(table)]).casefold())
    funding = sum(w in MONEY_WORDS["funding"] for w in words)
    return funding > 0 and funding >= sum(w in MONEY_WORDS["market"] for w in words)


def table_kind(table: Table) -> str:
    """``funding`` (a money table about what a body funds, spends or receives: :func:`is_funding`),
    ``money`` (money figures of an economy or market), ``data`` (other figures) or ``text`` (mostly words)."""
    if table.unit is not None:
        return "funding" if is_funding(table) else "money"
    return "data" if figure_columns(table) else "text"


def row_labels(table: Table) -> list[str]:
    """The texts of a table's first column under its header."""
    return [c.text for c in table.cells if c.col == 0 and c.row >= table.header_rows]


def row_label(grid: list[list[TableCell | None]], row: int, before: int) -> str:
    """The row's label: its first cell with text left of its first amount column (an indented item's
    label sits in the second column), without the dot leaders or a note mark after it (``Defense ³``,
    ``USASpending.gov*``, ``AFM revisions ......``)."""
    label = next((cell.text for cell in grid[row][:before] if cell is not None and cell.text.strip()), "")
    return NOTE_MARK.sub("", without_leaders(label))


def _check_totals(
    table: Table,
    grid: list[list[TableCell | None]],
    periods: dict[int, str],
    values: dict[tuple[int, int], Decimal],
    multiplier: Decimal,
) -> list[SourceIssue]:
    """The totals of a table (its rows and columns labelled total, ``values`` in base units) that the parts they
    sum do not add up to, told in the table's unit (``multiplier``). A total row adds up the rows since the total
    row before it, or those since the last heading of a group among them (a label with no figures: ``Non current
    liabilities``), where a statement of accounts sets a group's total under rows that are no part of it
    (``Net current assets``, ``Assets less liabilities``)."""
    issues: list[SourceIssue] = []
    tolerance = TOLERANCE * multiplier

    def shown(values: list[Decimal]) -> str:  # their sum in the table's unit, as precise as printed: 12.5, 1840000
        return f"{sum((scaled(v, 1 / multiplier) for v in values), Decimal(0)):f}"

    for tc in (c for c, p in periods.items() if p == "total"):
        ways = _column_parts(periods, tc)
        for row in range(table.header_rows, table.n_rows):
            if (row, tc) not in values:
                continue
            candidates = [
                (cols, [values[(row, c)] for c in cols if (row, c) in values])
                for cols in ways
                if all((row, c) in values for c in cols if periods[c] == "total")  # a blank subtotal sums nothing
            ]
            candidates = [(cols, way) for cols, way in candidates if way]
            if not candidates:
                continue
            if not any(_adds_up(way, values[(row, tc)], tolerance) for _, way in candidates):
                cols, parts = candidates[0]
                dated = [periods[c] for c in cols if periods[c] != "total"]
                named = "the periods" if len(dated) > 1 and len(set(dated)) == len(dated) else "the columns it totals"
                cell = grid[row][tc]
                label_cell = grid[row][0]
                label = label_cell.text if label_cell else f"row {row}"
                issues.append(
                    _total_issue(
                        table,
                        cell,
                        f"{label}: {named} add up to {shown(parts)} but the total says {shown([values[(row, tc)]])}",
                    )
                )
    total_rows = [
        r for r in range(table.header_rows, table.n_rows) if (first := grid[r][0]) and TOTAL_LABEL.match(first.text)
    ]
    for before, tr in itertools.pairwise([table.header_rows - 1, *total_rows]):
        headings = [
            r for r in range(before + 1, tr)
            if (first := grid[r][0]) is not None and first.text.strip() and not any((r, c) in values for c in periods)
        ]  # fmt: skip
        starts = [before, *headings[-1:]]  # since the total before it, or since its group's heading
        for col in periods:
            sums = [summed for start in starts if (summed := _summed(grid, values, range(start + 1, tr), col))]
            if (tr, col) in values and sums and not any(_adds_up(way, values[(tr, col)], tolerance) for way in sums):
                parts = sums[0]
                issues.append(
                    _total_issue(
                        table,
                        grid[tr][col],
                        f"{periods[col]}: the rows add up to {shown(parts)} but the total row says "
                        f"{shown([values[(tr, col)]])}",
                    )
                )
    return issues


def _column_parts(periods: dict[int, str], total: int) -> list[list[int]]:
    """The columns a total column may add up, each way a table prints them, the likeliest first: those since the
    total column before it, with that total standing for the columns it closes (``Revenue | Capital | Total |
    Others | Total``: the last total adds the first and ``Others``) or without it (``Salaries | Running costs |
    Total | Buildings | Equipment | Total``: a group's own total); then the columns after it up to the next total
    (a total printed before its parts, ``Total | EU | National``), and every column that is no total (a grand
    total).

    >>> kinds = {1: "none", 2: "none", 3: "total", 4: "none", 5: "total"}
    >>> _column_parts(kinds, 3), _column_parts(kinds, 5)
    ([[1, 2], [4], [1, 2, 4]], [[3, 4], [4], [1, 2, 4]])
    >>> _column_parts({1: "total", 2: "2019", 3: "2020"}, 1)
    [[2, 3]]
    """

    def parts(side: list[int]) -> list[int]:
        return list(itertools.takewhile(lambda c: periods[c] != "total", side))

    columns = sorted(periods)
    at = columns.index(total)
    before, after = parts(columns[:at][::-1])[::-1], parts(columns[at + 1 :])
    closed = at - len(before) - 1  # the total column the columns before it follow, if any
    ways = [[columns[closed], *before]] if before and closed >= 0 else []
    ways += [before, after, [c for c in columns if periods[c] != "total"]]
    unique: list[list[int]] = []
    for way in ways:
        if way and way not in unique:
            unique.append(way)
    return unique


def _summed(
    grid: list[list[TableCell | None]], values: dict[tuple[int, int], Decimal], rows: range, col: int
) -> list[Decimal]:
    """The values a total row adds up in column ``col``: the rows since the total before it, where a subtotal row
    (``Subtotal, mandatory programs``) stands for the rows it closes.

    >>> cell = lambda text: TableCell(0, 0, text, 0, 1, False)
    >>> grid = [[cell("Defense")], [cell("Other")], [cell("Subtotal")], [cell("Net interest")]]
    >>> _summed(grid, {(0, 1): Decimal(699), (1, 1): Decimal(600), (2, 1): Decimal(1299), (3, 1): Decimal(230)},
    ...     range(0, 4), 1)
    [Decimal('1299'), Decimal('230')]
    """
    summed: list[Decimal] = []
    closed = 0  # how many of ``summed`` a subtotal has closed
    for row in rows:
        if (row, col) not in values:
            continue
        label = grid[row][0]
        if label is not None and SUBTOTAL_LABEL.match(label.text):
            summed[closed:] = [values[(row, col)]]
            closed = len(summed)
        else:
            summed.append(values[(row, col)])
    return summed


def _adds_up(parts: list[Decimal], total: Decimal, tolerance: Decimal) -> bool:
    """Whether rounded values add up to their rounded total: within half a unit of the last digit printed for each
    value (the values as precise as printed: :func:`cell_to_amount`), and at least ``tolerance`` ("699 + 600 =
    1,300" in a table rounded to billions adds up; so do ``$0.44M`` ... ``$2.88M`` that make ``$8M``).

    >>> _adds_up([Decimal("1.1E+6"), Decimal("4.4E+5"), Decimal("2.88E+6"), Decimal("3.56E+6")], Decimal("8E+6"), 0)
    True
    """
    slack = max(tolerance, sum(Decimal("0.5") * Decimal(10) ** int(v.as_tuple().exponent) for v in [*parts, total]))
    return abs(sum(parts) - total) <= slack


def _total_issue(table: Table, cell: TableCell | None, detail: str) -> SourceIssue:
    start, end = (cell.char_start, cell.char_end) if cell else (table.char_start, table.char_end)
    return SourceIssue(
        "total_mismatch", "warning", f"table {table.number}{' (' + table.title + ')' if table.title else ''}: {detail}",
        char_start=start, char_end=end, extractor=CHECK_EXTRACTOR, confidence=0.95,
    )  # fmt: skip
