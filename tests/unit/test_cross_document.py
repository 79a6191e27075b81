"""The same measure of the same cluster, place and period, counting the same thing, stated differently in two
documents is flagged on both; figures that count different things, or are about different places, are not compared."""

from __future__ import annotations

import duckdb

from warehouse.cross_document import cross_document_conflicts
from warehouse.load import insert_rows


def _figure(
    document_id: str, value: float, text: str, subject: str = "people employed in the ICT cluster", unit: str = "people"
) -> dict[str, object]:
    return {
        "cluster_id": "ict", "measure": "employment", "value": value, "unit": unit, "period": "2005",
        "subject": subject,
        "document_id": document_id, "char_start": 10, "char_end": 10 + len(text), "source_text": text,
        "extractor": "figures/text@1", "confidence": 0.85, "run_id": "r0", "quality": "ok",
    }  # fmt: skip


def test_conflicting_figures_are_flagged_on_both_documents(fresh_db: duckdb.DuckDBPyConnection) -> None:
    insert_rows(fresh_db, "figures", [
        _figure("plan-a", 57000, "57,000"), _figure("plan-b", 52000, "52,000"), _figure("plan-c", 57100, "57,100"),
    ])  # fmt: skip
    assert cross_document_conflicts(fresh_db) == 4  # a↔b, b↔a, b↔c, c↔b (a and c agree within 1%)
    assert cross_document_conflicts(fresh_db) == 4  # recomputed, not added twice
    rows = fresh_db.execute(
        "SELECT document_id, detail FROM quality_issues WHERE kind = 'cross_document_conflict' ORDER BY 1, 2"
    ).fetchall()
    assert rows[0] == (
        "plan-a",
        "plan-a gives 57,000 people for people employed in the ICT cluster of ict (employment, 2005); "
        "plan-b gives 52,000 people (52,000)",
    )
    assert {r[0] for r in rows} == {"plan-a", "plan-b", "plan-c"}


def test_figures_counting_different_things_are_not_compared(fresh_db: duckdb.DuckDBPyConnection) -> None:
    insert_rows(fresh_db, "figures", [
        _figure("plan-a", 101.5e9, "£101.5bn", "gross value added of the creative industries", "GBP"),
        _figure("plan-b", 290e6, "£290m", "grant-in-aid to the arts council", "GBP"),
        _figure("plan-c", 95e9, "£95bn", "gross value added by the creative industries", "GBP"),
    ])  # fmt: skip
    assert cross_document_conflicts(fresh_db) == 2  # a↔c only: b counts something else
    details = [r[0] for r in fresh_db.execute("SELECT detail FROM quality_issues ORDER BY detail").fetchall()]
    assert details[0].startswith("plan-a gives £101.5bn for gross value added of the creative industries")


def test_figures_about_different_places_are_not_compared(fresh_db: duckdb.DuckDBPyConnection) -> None:
    insert_rows(fresh_db, "figures", [
        {**_figure("plan-a", 57000, "57,000"), "place": "West Midlands"},
        {**_figure("plan-b", 52000, "52,000"), "place": "Oxfordshire"},
        {**_figure("plan-c", 61000, "61,000"), "place": "West Midlands"},
    ])  # fmt: skip
    assert cross_document_conflicts(fresh_db) == 2  # a↔c only: b is about another place
    detail = fresh_db.execute("SELECT detail FROM quality_issues ORDER BY detail").fetchone()
    assert detail is not None and "(employment, 2005, West Midlands)" in detail[0]
