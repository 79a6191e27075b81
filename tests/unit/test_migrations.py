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


def views(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal").fetchall())


def test_migrations_hold_tables_only_and_the_views_come_from_their_files() -> None:
    con = duckdb.connect(":memory:")
    migrate.apply(con)
    assert views(con) == {}
    names = migrate.replace_views(con)
    files = {p.stem.removeprefix("mart_") for p in migrate.VIEWS_DIR.glob("*.sql")}
    assert set(names) == files == set(views(con))
    assert {"figures_long", "cluster_profiles", "document_issues", "document_versions"} <= set(names)
    before = views(con)
    assert migrate.replace_views(con) == names  # re-created on every run, the same
    assert views(con) == before


def test_a_view_an_old_migration_made_is_replaced() -> None:
    """A warehouse that applied 0008 before 0009 existed still has that migration's views; they are replaced."""
    con = duckdb.connect(":memory:")
    migrate.apply(con)
    con.execute("CREATE VIEW figures_long AS SELECT 1 AS stale")
    migrate.replace_views(con)
    columns = [d[0] for d in con.execute("SELECT * FROM figures_long").description]
    assert "stale" not in columns and columns[:2] == ["figure_id", "document_id"]


def test_views_are_created_after_the_views_they_read_and_a_removed_file_drops_its_view(tmp_path: Path) -> None:
    (tmp_path / "mart_a_total.sql").write_text("-- reads stg_base\nSELECT sum(x) AS total FROM stg_base")
    (tmp_path / "stg_base.sql").write_text("SELECT 1 AS x UNION ALL SELECT 2")
    (tmp_path / "notes.sql").write_text("SELECT 'neither a mart nor a staging view'")
    assert [v.name for v in migrate.views(tmp_path)] == ["stg_base", "a_total"]
    con = duckdb.connect(":memory:")
    assert migrate.replace_views(con, tmp_path) == ["stg_base", "a_total"]
    assert con.execute("SELECT total FROM a_total").fetchall() == [(3,)]
    (tmp_path / "mart_a_total.sql").unlink()
    migrate.replace_views(con, tmp_path)
    assert set(views(con)) == {"stg_base"}


def test_a_view_that_does_not_bind_changes_no_view(tmp_path: Path) -> None:
    (tmp_path / "mart_good.sql").write_text("SELECT 1 AS x")
    con = duckdb.connect(":memory:")
    migrate.replace_views(con, tmp_path)
    (tmp_path / "mart_good.sql").write_text("SELECT 2 AS x")
    (tmp_path / "mart_bad.sql").write_text("SELECT * FROM no_such_table")
    with pytest.raises(duckdb.CatalogException):
        migrate.replace_views(con, tmp_path)
    assert con.execute("SELECT x FROM good").fetchall() == [(1,)]
