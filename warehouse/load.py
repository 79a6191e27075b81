"""Write a document's rows: one transaction that deletes its old rows and inserts the new."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from pipeline.rows import PER_DOCUMENT_TABLES

Row = dict[str, Any]


def query_rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    """A query's rows as dicts of Python values: the shape :func:`insert_rows` takes."""
    cursor = con.execute(sql, list(params))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """The table's columns in order (from an empty query's description: a tenth of the cost of asking
    ``information_schema``, which a run did for every table of every document)."""
    return [column[0] for column in con.execute(f'SELECT * FROM main."{table}" LIMIT 0').description]


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Row]) -> int:
    """Insert rows (dicts) into ``table`` by column name; unknown keys are an error."""
    if not rows:
        return 0
    columns = table_columns(con, table)
    unknown = set(rows[0]) - set(columns)
    if unknown:
        raise KeyError(f"{table} has no columns {sorted(unknown)}")
    names = [c for c in columns if c in rows[0]]
    # through Arrow rather than pandas: whole numbers beside gaps stay whole (pandas made them floats), and a
    # document's rows go in in about half the time
    incoming = pa.Table.from_pylist(rows).select(names)
    con.register("_incoming", incoming)
    try:
        quoted = ", ".join(f'"{c}"' for c in names)
        con.execute(f'INSERT INTO main."{table}" ({quoted}) SELECT {quoted} FROM _incoming')
    finally:
        con.unregister("_incoming")
    return len(rows)


@dataclass(frozen=True, slots=True)
class Archive:
    """Rows about to be replaced go to ``history.<table>`` with the run that superseded them, when and why."""

    run_id: str
    at: datetime
    reason: str


def replace_document(
    con: duckdb.DuckDBPyConnection,
    document_id: str,
    rows: Mapping[str, Sequence[Row]],
    tables: Iterable[str] = PER_DOCUMENT_TABLES,
    archive: Archive | None = None,
) -> dict[str, int]:
    """Replace everything the warehouse holds for one document, atomically; ``archive`` keeps the old rows."""
    counts: dict[str, int] = {}
    con.begin()
    try:
        for table in tables:
            if archive is not None:
                con.execute(
                    f'INSERT INTO history."{table}" BY NAME SELECT *, ? AS superseded_run_id, ? AS superseded_at,'
                    f' ? AS superseded_reason FROM main."{table}" WHERE document_id = ?',
                    [archive.run_id, archive.at, archive.reason, document_id],
                )
            con.execute(f'DELETE FROM main."{table}" WHERE document_id = ?', [document_id])
        for table, table_rows in rows.items():
            counts[table] = insert_rows(con, table, table_rows)
        con.commit()
    except Exception:
        con.rollback()
        raise
    return counts
