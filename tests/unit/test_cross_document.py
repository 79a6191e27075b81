"""The same measure of the same cluster and period stated differently in two documents is flagged on both."""

from __future__ import annotations

import duckdb

from warehouse.cross_document import cross_document_conflicts
from warehouse.load import insert_rows


def _figure(document_id: str, value: float, text: str) -> dict[str, object]:
    return {
        "cluster_id": "ict", "measure": "employment", "value": value, "unit": "people", "period": "2005",
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
        "plan-a gives 57000.0 people for ict (employment, 2005); plan-b gives 52000.0 (52,000)",
    )
    assert {r[0] for r in rows} == {"plan-a", "plan-b", "plan-c"}
