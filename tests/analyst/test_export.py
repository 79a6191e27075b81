"""``make export``: the warehouse as Parquet and CSV files that read back equal to it."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from warehouse import export
from warehouse.schema import load_schema


@pytest.fixture(scope="module")
def exported(analyst_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export") / "policy-export"
    assert export.main([str(analyst_warehouse), "--to", str(folder)]) == 0
    return folder


def _types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    return dict(
        con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ?"
            " ORDER BY column_index",
            [table],
        ).fetchall()
    )


def _differs(con: duckdb.DuckDBPyConnection, left: str, right: str) -> int:
    """Rows in one and not the other, counting repeats (0: the two are equal as multisets)."""
    ((count,),) = con.execute(
        f"SELECT count(*) FROM ((({left}) EXCEPT ALL ({right})) UNION ALL (({right}) EXCEPT ALL ({left})))"
    ).fetchall()
    return int(count)


def test_every_dictionary_table_and_view_is_written_with_the_dictionary(exported: Path) -> None:
    about = json.loads((exported / "export.json").read_text())
    tables = [entry["table"] for entry in about["tables"]]
    assert tables == list(load_schema()["tables"])
    assert all(entry["files"] == [f"{entry['table']}.parquet", f"{entry['table']}.csv"] for entry in about["tables"])
    assert about["last_run_id"]
    assert (exported / "data_dictionary.md").read_text().startswith("# Data dictionary")
    left_out = {entry["table"]: entry["csv_left_out"] for entry in about["tables"] if entry["csv_left_out"]}
    assert left_out == {}, "no table holds bytes: the page images are files beside the warehouse"


def test_parquet_reads_back_into_duckdb_and_pandas_equal_to_the_warehouse(
    exported: Path, analyst_warehouse: Path
) -> None:
    con = duckdb.connect(str(analyst_warehouse), read_only=True)
    for table in load_schema()["tables"]:
        path = exported / f"{table}.parquet"
        parquet = f"SELECT * FROM read_parquet('{path}')"
        assert _differs(con, f"SELECT * FROM main.{table}", parquet) == 0, table
        assert con.sql(parquet).types == con.table(table).types, table
        # pandas reads both through Arrow. A table's rows keep their order; a view's have none to keep.
        frame, expected = pd.read_parquet(path), con.table(table).to_arrow_table().to_pandas()
        if load_schema()["tables"][table].get("view"):
            scalar = [c for c, t in _types(con, table).items() if not t.endswith("[]")]
            frame, expected = (f.sort_values(scalar, ignore_index=True) for f in (frame, expected))
        pd.testing.assert_frame_equal(frame, expected, obj=table)


def test_csv_reads_back_into_duckdb_and_pandas_equal_to_the_warehouse(exported: Path, analyst_warehouse: Path) -> None:
    con = duckdb.connect(str(analyst_warehouse), read_only=True)
    for table in load_schema()["tables"]:
        types = {c: t for c, t in _types(con, table).items() if t != "BLOB"}
        read = {c: ("VARCHAR" if t.endswith("[]") else t) for c, t in types.items()}
        columns = ", ".join(f"'{c}': '{t}'" for c, t in read.items())
        back = ", ".join(f'"{c}"::JSON::{t} AS "{c}"' if t.endswith("[]") else f'"{c}"' for c, t in types.items())
        csv = f"SELECT {back} FROM read_csv('{exported / (table + '.csv')}', header = true, columns = {{{columns}}})"
        warehouse = f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in types)} FROM main.{table}"
        assert _differs(con, warehouse, csv) == 0, table
    figures = pd.read_csv(exported / "figures.csv")
    expected = con.table("figures").df()
    assert len(figures) == len(expected) > 0
    key = ["figure_id"]
    pd.testing.assert_frame_equal(
        figures.sort_values(key, ignore_index=True)[["figure_id", "value", "page", "source_text"]],
        expected.sort_values(key, ignore_index=True)[["figure_id", "value", "page", "source_text"]],
        check_dtype=False,
    )


def test_a_failed_export_leaves_the_previous_one_whole(
    exported: Path, analyst_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in exported.iterdir()}
    written = export._export_one

    def fails_at_figures(con: duckdb.DuckDBPyConnection, table: str, *args: object) -> export.Exported:
        if table == "figures":
            raise duckdb.IOException("No space left on device")
        return written(con, table, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(export, "_export_one", fails_at_figures)
    assert export.main([str(analyst_warehouse), "--to", str(exported)]) == 1
    assert {p.name: p.stat().st_mtime_ns for p in exported.iterdir()} == before
    assert [p.name for p in exported.parent.iterdir()] == [exported.name]  # no staging folder left behind
    assert export.main([str(tmp_path / "no.duckdb"), "--to", str(exported)]) == 1
    stranger = tmp_path / "mine"
    stranger.mkdir()
    (stranger / "notes.txt").write_text("not an export")
    with pytest.raises(export.ExportError, match="not empty and holds no export"):
        export.export(analyst_warehouse, stranger)


def test_a_binary_column_is_left_out_of_the_csv_and_named() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE scans (document_id VARCHAR, image BLOB, pages INTEGER[])")
    select, left_out = export._csv_select(con, "scans")
    assert left_out == ["image"]
    assert '"image"' not in select and "to_json" in select
