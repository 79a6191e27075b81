"""Figures from money tables that are not funding: turnover by sector, GVA by year, output by region.

A table whose unit is money and whose words name a market or an economy rather than what a body funds
(:func:`pipeline.tables.funding.table_kind` ``money``; funding tables give funding lines instead) gives a
figure for each figure cell of its money columns, in base units (the table's scale applied once). What a
figure counts is its row's label (``subject``; with the column's header when the table's columns are not
periods); its period is its column's (``2019``, ``2020-21``), else the one the title names; what it
measures comes from the title, the column's header and the row's label (turnover, output, GVA, exports,
spend, funding; else ``money``); its place is the one its row's label names, else the title's, else the
document's (not when other rows name places: a row of a place the gazetteer lacks has none). A column
whose header states another unit (``%``, ``Number of firms``) is not money and gives none; nor does a
cell the garble detector quarantined.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.extract.context import DocumentView
from pipeline.extract.figures import home_place, money_measure, place_named
from pipeline.language.numbers import cell_to_amount, plausible
from pipeline.models import Figure, Table
from pipeline.tables.build import UNIT_ANYWHERE, column_heading, figure_columns, numeric_cell, period_columns
from pipeline.tables.funding import row_label, row_labels, table_kind, title_period

# How far a figure read from a table cell is trusted: set by hand (not measured), below a funding line's
# 0.9 because what the figure counts is the row's label, not a sentence that says it.
TABLE_FIGURE_CONFIDENCE = 0.75
OTHER_UNIT = re.compile(r"%|\bper ?cent\b|\b(?:number|no\.|count|share|rate|ratio|index|deals|firms)\b", re.I)


def tables_to_figures(view: DocumentView, tables: list[Table]) -> list[Figure]:
    """A figure for every figure cell of the money columns of every money table that is not funding."""
    money = [t for t in tables if t.unit is not None and table_kind(t) == "money"]
    home = home_place(view.doc.text) if money else None
    out: list[Figure] = []
    for table in money:
        currency, multiplier = (table.unit or "").split(" x ")
        grid = table.grid()
        periods = period_columns(table)
        named_period = title_period(table)
        cluster_id, _ = view.cluster_of(view.section_at(table.char_start, table.char_end))
        # a table whose rows are places (countries, regions) leaves a row of a place the gazetteer lacks
        # without one rather than giving it the document's
        fallback = place_named(table.title or "") or (None if any(map(place_named, row_labels(table))) else home)
        for col in figure_columns(table):
            header = column_heading(table, col)
            if OTHER_UNIT.search(header) and not UNIT_ANYWHERE.search(header):
                continue
            period = periods.get(col)
            for row in range(table.header_rows, table.n_rows):
                cell = grid[row][col]
                if cell is None or not numeric_cell(cell.text) or "%" in cell.text:
                    continue
                if not view.quarantine.allows(cell.char_start, cell.char_end):
                    continue
                value = cell_to_amount(cell.text, Decimal(multiplier))
                if not plausible(value):
                    continue
                label = row_label(grid, row, col)
                if period == "total":
                    label = f"{label} (total)"
                elif period is None and not periods:
                    label = " - ".join(filter(None, [label, UNIT_ANYWHERE.sub("", header).strip(" ()")]))
                measure = money_measure(" ".join([table.title or "", header, label]))
                out.append(
                    Figure(
                        cluster_id=cluster_id, measure=measure, value=float(value), value_low=None,
                        value_high=None, unit=currency, qualifier=None,
                        period=named_period if period in (None, "total") else period,
                        char_start=cell.char_start, char_end=cell.char_end, quality="ok",
                        confidence=TABLE_FIGURE_CONFIDENCE, subject=label or None, source="table",
                        place=place_named(label) or fallback,
                    )
                )  # fmt: skip
    return out
