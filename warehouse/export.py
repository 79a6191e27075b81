"""Every table and view of the data dictionary to Parquet and CSV, with the dictionary beside them (``make export``).

    python -m warehouse.export [WAREHOUSE] [--to FOLDER] [--format parquet,csv]

The folder then holds ``TABLE.parquet`` and ``TABLE.csv`` for every table and view
of ``warehouse/schema.yml`` (the ``main`` schema: the current rows), the data
dictionary as ``data_dictionary.md``, and ``export.json`` saying what was written:
the warehouse's last run, and for every table its rows, columns and files.

* **Parquet** keeps every column with its type: it reads back equal to the warehouse.
* **CSV** (UTF-8, a header row, RFC 4180 quoting) is for spreadsheets: a list column
  (``cluster_profiles.headline_figure_ids``) is written as a JSON array, and binary
  columns, were a table to have one, are left out (``export.json`` names them). The
  page images are files beside the warehouse (``page_images.sha256``), not exported.

Everything is read in one read-only transaction, so the files agree with each other
even when an ingest publishes meanwhile. They are written to a temporary folder
beside the target, which then replaces the target: an export that fails leaves the
previous one whole.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from warehouse import DEFAULT_WAREHOUSE
from warehouse.dictionary import render
from warehouse.schema import load_schema

FORMATS = ("parquet", "csv")
MANIFEST = "export.json"
DICTIONARY = "data_dictionary.md"


class ExportError(RuntimeError):
    """The export cannot be made; the message says why."""


@dataclass(frozen=True, slots=True)
class Exported:
    table: str
    kind: str  # table | view
    rows: int
    columns: list[str]
    files: list[str]
    csv_left_out: list[str] = field(default_factory=list)


def default_folder(warehouse: Path) -> Path:
    """``warehouse/policy.duckdb`` → ``warehouse/policy-export/``."""
    return warehouse.with_name(warehouse.stem + "-export")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _csv_select(con: duckdb.DuckDBPyConnection, table: str) -> tuple[str, list[str]]:
    """The SELECT that writes ``table`` as CSV, and the binary columns it leaves out."""
    columns = con.execute(
        "SELECT column_name, data_type FROM duckdb_columns()"
        " WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ?"
        " ORDER BY column_index",
        [table],
    ).fetchall()
    chosen, left_out = [], []
    for name, data_type in columns:
        if data_type == "BLOB":
            left_out.append(name)
        elif data_type.endswith("[]") or data_type.startswith(("STRUCT", "MAP")):
            chosen.append(f"to_json({_quoted(name)})::VARCHAR AS {_quoted(name)}")
        else:
            chosen.append(_quoted(name))
    return f"SELECT {', '.join(chosen)} FROM main.{_quoted(table)}", left_out


def export(warehouse: Path, folder: Path, formats: tuple[str, ...] = FORMATS) -> list[Exported]:
    """Write every dictionary table and view of ``warehouse`` into ``folder`` (replaced whole)."""
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise ExportError(f"unknown format {', '.join(unknown)}; the formats are {', '.join(FORMATS)}")
    if not warehouse.is_file():
        raise ExportError(f"there is no warehouse at {warehouse} (run `make ingest` first?)")
    schema = load_schema()
    folder = folder.resolve()
    if folder.is_dir() and not (folder / MANIFEST).exists() and any(folder.iterdir()):
        raise ExportError(f"{folder} is not empty and holds no export ({MANIFEST}): choose another folder with --to")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    staging.chmod(0o755)  # mkdtemp's folder is private; an export is for others to read
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            con.execute("BEGIN TRANSACTION")  # one snapshot for every file
            present = {
                name
                for (name,) in con.sql(
                    "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
                    " AND schema_name = 'main' UNION ALL SELECT view_name FROM duckdb_views()"
                    " WHERE database_name = current_database() AND schema_name = 'main'"
                ).fetchall()
            }
            missing = [table for table in schema["tables"] if table not in present]
            if missing:
                raise ExportError(
                    f"{warehouse} has no {', '.join(missing)}: it is older than this code;"
                    " run `make ingest` to migrate it"
                )
            written = [_export_one(con, table, spec, staging, formats) for table, spec in schema["tables"].items()]
            ((last_run,),) = con.execute("SELECT max(run_id) FROM runs").fetchall()
            con.execute("COMMIT")
        finally:
            con.close()
        (staging / DICTIONARY).write_text(render(schema), encoding="utf-8")
        about = {
            "warehouse": str(warehouse.resolve()),
            "last_run_id": last_run,
            "dictionary": DICTIONARY,
            "tables": [asdict(e) for e in written],
        }
        (staging / MANIFEST).write_text(json.dumps(about, indent=2) + "\n", encoding="utf-8")
        _replace(staging, folder)
    except duckdb.Error as exc:
        raise ExportError(f"cannot export {warehouse}: {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written


def _export_one(
    con: duckdb.DuckDBPyConnection, table: str, spec: dict[str, object], folder: Path, formats: tuple[str, ...]
) -> Exported:
    relation = con.sql(f"SELECT * FROM main.{_quoted(table)}")
    ((rows,),) = con.execute(f"SELECT count(*) FROM main.{_quoted(table)}").fetchall()
    files, left_out = [], list[str]()
    if "parquet" in formats:
        target = folder / f"{table}.parquet"
        con.execute(f"COPY main.{_quoted(table)} TO {_literal(target)} (FORMAT parquet, COMPRESSION zstd)")
        files.append(target.name)
    if "csv" in formats:
        target = folder / f"{table}.csv"
        select, left_out = _csv_select(con, table)
        con.execute(f"COPY ({select}) TO {_literal(target)} (FORMAT csv, HEADER true)")
        files.append(target.name)
    return Exported(
        table=table,
        kind="view" if spec.get("view") else "table",
        rows=rows,
        columns=relation.columns,
        files=files,
        csv_left_out=left_out,
    )


def _replace(staging: Path, folder: Path) -> None:
    """Put the new export where the old one was; the old one goes only once the new one is in place."""
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse", nargs="?", type=Path, default=DEFAULT_WAREHOUSE)
    parser.add_argument("--to", type=Path, help="the folder to write (default: beside the warehouse, NAME-export/)")
    parser.add_argument("--format", default=",".join(FORMATS), help="parquet, csv or both (default: parquet,csv)")
    args = parser.parse_args(argv)
    folder = args.to or default_folder(args.warehouse)
    try:
        written = export(args.warehouse, folder, tuple(f.strip() for f in args.format.split(",") if f.strip()))
    except (ExportError, OSError) as exc:
        print(f"export failed: {exc}", file=sys.stderr)
        return 1
    rows = sum(e.rows for e in written)
    print(f"exported {len(written)} tables and views ({rows:,} rows) to {folder}; the dictionary is {DICTIONARY}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
