"""Loading documents: provenance is true, and loading twice gives the same rows."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest
from support import AWM, HE

from pipeline.document import ParsedDocument
from pipeline.rows import document_to_rows, failure_to_rows
from warehouse.load import insert_rows, replace_document

PROVENANCE_TRUE = """
    SELECT count(*) FILTER (
               WHERE r.source_text IS DISTINCT FROM substr(d.text, r.char_start + 1, r.char_end - r.char_start)),
           count(*) FILTER (
               WHERE r.section_id IS NOT NULL AND NOT (s.char_start <= r.char_start AND r.char_end <= s.char_end)),
           count(*)
    FROM {table} r JOIN document_text d USING (document_id)
    LEFT JOIN sections s ON s.document_id = r.document_id AND s.section_id = r.section_id
"""


def snapshot(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[object, ...]]:
    return con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


def test_loading_the_same_document_twice_gives_the_same_rows(
    fresh_db: duckdb.DuckDBPyConnection, seed_docs: dict[str, ParsedDocument]
) -> None:
    doc = seed_docs[AWM]
    replace_document(fresh_db, doc.document_id, document_to_rows(doc, "run-1"))
    before = {t: snapshot(fresh_db, t) for t in ("documents", "sections", "blocks", "contents_entries")}
    replace_document(fresh_db, doc.document_id, document_to_rows(doc, "run-1"))
    after = {t: snapshot(fresh_db, t) for t in before}
    assert before == after
    assert len(after["sections"]) == 26
    dupes = fresh_db.execute("SELECT count(*) - count(DISTINCT block_id) FROM blocks").fetchone()
    assert dupes == (0,)


def test_provenance_is_true_for_every_block(
    fresh_db: duckdb.DuckDBPyConnection, seed_docs: dict[str, ParsedDocument]
) -> None:
    for doc in seed_docs.values():
        replace_document(fresh_db, doc.document_id, document_to_rows(doc, "run-1"))
    for table in ("blocks", "contents_entries"):
        untrue, outside, total = fresh_db.execute(PROVENANCE_TRUE.format(table=table)).fetchone() or (None, None, 0)
        assert (untrue, outside) == (0, 0)
        assert total > 0


def test_a_failure_replaces_only_its_own_document(
    fresh_db: duckdb.DuckDBPyConnection, seed_docs: dict[str, ParsedDocument]
) -> None:
    for doc in (seed_docs[AWM], seed_docs[HE]):
        replace_document(fresh_db, doc.document_id, document_to_rows(doc, "run-1"))
    he_sections = snapshot(fresh_db, "sections")
    replace_document(fresh_db, AWM, failure_to_rows(seed_docs[AWM].source, "run-2", "the file is empty"))
    assert fresh_db.execute("SELECT status, error FROM documents WHERE document_id = ?", [AWM]).fetchall() == [
        ("failed", "the file is empty")
    ]
    assert snapshot(fresh_db, "sections") == [r for r in he_sections if r[0] == HE]
    issue = fresh_db.execute(
        "SELECT kind, severity, detail FROM quality_issues WHERE document_id = ?", [AWM]
    ).fetchall()
    assert issue == [("unreadable_source", "error", "the file is empty")]


def test_a_write_that_fails_midway_changes_nothing(
    fresh_db: duckdb.DuckDBPyConnection, seed_docs: dict[str, ParsedDocument]
) -> None:
    doc = seed_docs[AWM]
    replace_document(fresh_db, doc.document_id, document_to_rows(doc, "run-1"))
    before = snapshot(fresh_db, "sections")
    rows = document_to_rows(doc, "run-2")
    rows["blocks"] = [{"no_such_column": 1}]
    with pytest.raises(KeyError, match="no_such_column"):
        replace_document(fresh_db, doc.document_id, rows)
    assert snapshot(fresh_db, "sections") == before


def test_rows_go_in_with_their_values_exactly() -> None:
    """Whole numbers beside gaps stay exact (a float on the way, as pandas made them, loses 2**53 + 1), and
    bytes, times and text the same; columns go by name, whatever order a row gives them in."""
    con = duckdb.connect()
    con.execute("CREATE TABLE t (document_id VARCHAR, n BIGINT, image BLOB, loaded TIMESTAMP, words VARCHAR)")
    rows = [
        {"words": "Ørsted’s ﬁrst", "n": 2**53 + 1, "document_id": "d", "image": b"\x89PNG\x00", "loaded": datetime(2026, 1, 2, 3, 4, 5)},
        {"words": None, "n": None, "document_id": "d", "image": None, "loaded": None},
    ]  # fmt: skip
    assert insert_rows(con, "t", rows) == 2
    assert con.execute("SELECT document_id, n, image, loaded, words FROM t ORDER BY n NULLS LAST").fetchall() == [
        ("d", 2**53 + 1, b"\x89PNG\x00", datetime(2026, 1, 2, 3, 4, 5), "Ørsted’s ﬁrst"),
        ("d", None, None, None, None),
    ]
    with pytest.raises(KeyError, match="no columns"):
        insert_rows(con, "t", [{"document_id": "d", "colour": "red"}])
