"""Checks of the text against itself and against its tables, as quality issues.

* A sum stated in the text: ``£51M … (£38M revenue and £13 M capital)``: the
  parts in the parentheses must add up to the figure before them.
* A figure in the text that names a funding table's line item (``£38M revenue``)
  must equal that line's total in the table; a figure that states the parts' sum
  must equal the table's grand total.
"""

from __future__ import annotations

import re

from pipeline.document import LaidOutDocument
from pipeline.models import Figure, FundingLine, SourceIssue
from pipeline.registry import extractor

EXTRACTOR = extractor("checks/text-vs-table")
RELATIVE_TOLERANCE = 0.005


def text_against_tables(doc: LaidOutDocument, figures: list[Figure], funding: list[FundingLine]) -> list[SourceIssue]:
    """Issues where the text's sums, or the text and a funding table, disagree."""
    issues: list[SourceIssue] = []
    sums = stated_sums(doc.text, figures)
    for whole, parts in sums:
        total = sum(p.value or 0 for p in parts)
        if not _close(total, whole.value or 0):
            issues.append(_issue(doc, whole, f"the parts add up to {_money(total)}, not {_money(whole.value or 0)}"))
    for f in figures:
        if f.unit != "GBP" or f.value is None:
            continue
        label = _label_after(doc.text, f)
        if label is None:
            continue
        line = _line_total(funding, label)
        if line is not None and not _close(line.amount, f.value):
            issues.append(
                _issue(
                    doc,
                    f,
                    f"the text gives {_money(f.value)} for {label!r}; the table's total is {_money(line.amount)}",
                )
            )
    grand = [x for x in funding if x.period == "total" and not re.match(r"(?i)total", x.line_item)]
    if grand:
        table_total = sum(x.amount for x in grand)
        for whole, _ in sums:
            if whole.value is not None and not _close(whole.value, table_total):
                issues.append(
                    _issue(
                        doc,
                        whole,
                        f"the text's total {_money(whole.value)} differs from the table's {_money(table_total)}",
                    )
                )
    return issues


def stated_sums(text: str, figures: list[Figure]) -> list[tuple[Figure, list[Figure]]]:
    """Money figures followed by a parenthesis of two or more money figures that break them down."""
    money = [f for f in figures if f.unit == "GBP" and f.value is not None]
    out = []
    for i, whole in enumerate(money):
        close = text.find(")", whole.char_end)
        opening = text.find("(", whole.char_end)
        if (
            opening == -1
            or close == -1
            or opening > close
            or opening - whole.char_end > 60
            or "." in text[whole.char_end : opening]
        ):
            continue
        parts = [f for f in money[i + 1 :] if opening < f.char_start and f.char_end <= close]
        if len(parts) >= 2:
            out.append((whole, parts))
    return out


def _label_after(text: str, figure: Figure) -> str | None:
    m = re.match(r"\s+([a-z][a-z &-]{2,30}?)(?=[),.;]| and\b)", text[figure.char_end : figure.char_end + 40], re.I)
    return m.group(1).strip() if m else None


def _line_total(funding: list[FundingLine], label: str) -> FundingLine | None:
    for line in funding:
        if line.period == "total" and line.line_item.strip().lower() == label.lower():
            return line
    return None


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= RELATIVE_TOLERANCE * max(abs(a), abs(b), 1.0)


def _money(value: float) -> str:
    return f"£{value / 1e6:,.1f}m" if abs(value) >= 1e6 else f"£{value:,.0f}"


def _issue(doc: LaidOutDocument, figure: Figure, detail: str) -> SourceIssue:
    return SourceIssue(
        "text_table_mismatch", "warning", detail, char_start=figure.char_start, char_end=figure.char_end,
        extractor=EXTRACTOR, confidence=0.9,
    )  # fmt: skip
