"""Funding lines from money tables: one line per line item and period, and the stated totals checked.

A table is a funding table when it has a money unit (``£m`` in its title or a unit
cell) and header cells that are periods (fiscal years, years, ``Total``). Each figure cell becomes a
line in base units; a row or column labelled total is checked against the sum of
the others, and a difference beyond rounding becomes a ``total_mismatch`` issue.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.language.numbers import cell_to_decimal, fiscal_year_to_period
from pipeline.models import FundingLine, SourceIssue, Table, TableCell
from pipeline.registry import extractor
from pipeline.tables.build import NUMERIC_CELL, TOTAL_LABEL

FUNDING_EXTRACTOR = extractor("funding/table")
CHECK_EXTRACTOR = extractor("checks/totals")
# How far a funding line is trusted: set by hand (not measured) for a cell read from a table whose
# unit and period columns were both recognised.
FUNDING_CONFIDENCE = 0.9
TOLERANCE = Decimal("0.051")  # in the table's unit: printed values are rounded to one decimal


def tables_to_funding(tables: list[Table]) -> tuple[list[FundingLine], list[SourceIssue]]:
    """Funding lines of every money table whose column headers are periods, and the totals that do not add up."""
    lines: list[FundingLine] = []
    issues: list[SourceIssue] = []
    for table in tables:
        if table.unit is None or table.header_rows == 0:
            continue
        currency, multiplier = table.unit.split(" x ")
        grid = table.grid()
        headers = {c.col: _period(c.text) for c in table.cells if c.row == table.header_rows - 1 and c.col > 0}
        periods = {col: p for col, p in headers.items() if p is not None}
        if not periods:
            continue
        values: dict[tuple[int, int], Decimal] = {}
        for row in range(table.header_rows, table.n_rows):
            label_cell = grid[row][0]
            label = label_cell.text if label_cell else ""
            for col, period in periods.items():
                cell = grid[row][col]
                if cell is None or not NUMERIC_CELL.match(cell.text):
                    continue
                amount = cell_to_decimal(cell.text)
                values[(row, col)] = amount
                lines.append(
                    FundingLine(
                        table.number, label, period, float(amount * Decimal(multiplier)), currency,
                        period == "total" or bool(TOTAL_LABEL.match(label)), float(multiplier), row, col,
                        cell.char_start, cell.char_end,
                    )
                )  # fmt: skip
        issues += _check_totals(table, grid, periods, values)
    return lines, issues


def _period(header: str) -> str | None:
    if TOTAL_LABEL.match(header):
        return "total"
    return fiscal_year_to_period(header) or (header.strip() if re.fullmatch(r"\s*(?:19|20)\d{2}\s*", header) else None)


def _check_totals(
    table: Table, grid: list[list[TableCell | None]], periods: dict[int, str], values: dict[tuple[int, int], Decimal]
) -> list[SourceIssue]:
    issues: list[SourceIssue] = []
    total_cols = [c for c, p in periods.items() if p == "total"]
    part_cols = [c for c, p in periods.items() if p != "total"]
    for row in range(table.header_rows, table.n_rows):
        for tc in total_cols:
            parts = [values[(row, c)] for c in part_cols if (row, c) in values]
            if (row, tc) in values and parts and abs(sum(parts) - values[(row, tc)]) > TOLERANCE:
                cell = grid[row][tc]
                label_cell = grid[row][0]
                label = label_cell.text if label_cell else f"row {row}"
                issues.append(
                    _total_issue(
                        table,
                        cell,
                        f"{label}: the periods add up to {sum(parts)} but the total says {values[(row, tc)]}",
                    )
                )
    total_rows = [
        r for r in range(table.header_rows, table.n_rows) if (first := grid[r][0]) and TOTAL_LABEL.match(first.text)
    ]
    for tr in total_rows:
        for col in periods:
            parts = [values[(r, col)] for r in range(table.header_rows, tr) if (r, col) in values]
            if (tr, col) in values and parts and abs(sum(parts) - values[(tr, col)]) > TOLERANCE:
                issues.append(
                    _total_issue(
                        table,
                        grid[tr][col],
                        f"{periods[col]}: the rows add up to {sum(parts)} but the total row says {values[(tr, col)]}",
                    )
                )
    return issues


def _total_issue(table: Table, cell: TableCell | None, detail: str) -> SourceIssue:
    start, end = (cell.char_start, cell.char_end) if cell else (table.char_start, table.char_end)
    return SourceIssue(
        "total_mismatch", "warning", f"table {table.number}{' (' + table.title + ')' if table.title else ''}: {detail}",
        char_start=start, char_end=end, extractor=CHECK_EXTRACTOR, confidence=0.95,
    )  # fmt: skip
