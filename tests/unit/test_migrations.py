"""Recorded, transactional migrations."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from warehouse import migrate

CONTRACT_TABLES = {
    "runs", "documents", "document_text", "sections", "clusters", "cluster_aliases", "cluster_mentions",
    "visions", "objectives", "figures", "tables", "table_cells", "funding", "entities", "quality_issues",
}  # fmt: skip


def tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def test_applying_twice_applies_once() -> None:
    con = duckdb.connect(":memory:")
    first = migrate.apply(con)
    assert first == [m.name for m in migrate.available()]
    assert migrate.apply(con) == []
    assert migrate.pending(con) == []
    assert [r[0] for r in con.execute("SELECT name FROM _migrations").fetchall()] == first
    assert tables(con) >= CONTRACT_TABLES


def test_pending_only_reads(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    duckdb.connect(str(path)).close()
    con = duckdb.connect(str(path), read_only=True)
    assert migrate.pending(con) == [m.name for m in migrate.available()]


def test_a_failing_migration_leaves_no_trace(tmp_path: Path) -> None:
    (tmp_path / "0001_ok.sql").write_text("CREATE TABLE a (x INTEGER);")
    (tmp_path / "0002_bad.sql").write_text("CREATE TABLE b (x INTEGER); SELECT * FROM no_such_table;")
    con = duckdb.connect(":memory:")
    with pytest.raises(duckdb.CatalogException):
        migrate.apply(con, tmp_path)
    assert migrate.applied(con) == ["0001_ok"]
    assert "a" in tables(con) and "b" not in tables(con)
    assert migrate.pending(con, tmp_path) == ["0002_bad"]
