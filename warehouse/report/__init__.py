"""The run report: an HTML page rendered from the warehouse alone (``make report``).

    python -m warehouse.report [WAREHOUSE] [--out FOLDER] [--open]

The ingest flow writes it after every run that changed what it shows, beside the warehouse
(``warehouse/policy-report/index.html`` for ``warehouse/policy.duckdb``).
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse.report.data import ReportData, warehouse_to_report_data
from warehouse.report.render import image_name, report_to_html

__all__ = ["ReportData", "report_dir", "report_is_current", "write_report"]

DIGEST_NAME = ".drawn-from"
# what the report shows of the documents and their issues, in one line: a run that changes none of it
# (every document unchanged, no issue added or cleared) need not draw the report again
_DIGEST_SQL = """SELECT
    (SELECT count(*) || ':' || coalesce(bit_xor(hash(document_id, input_key, status, version, withdrawn_at)), 0)
     FROM documents)
    || '/' ||
    (SELECT count(*) || ':' || coalesce(bit_xor(hash(document_id, kind, severity, detail, char_start)), 0)
     FROM quality_issues)"""


def report_dir(warehouse: Path) -> Path:
    """Where the report of ``warehouse`` goes by default: a folder beside it."""
    return warehouse.with_name(f"{warehouse.stem}-report")


def _digest(con: duckdb.DuckDBPyConnection) -> str:
    row = con.execute(_DIGEST_SQL).fetchone()
    return str(row[0]) if row else ""


def report_is_current(warehouse: Path) -> bool:
    """Whether the default report of ``warehouse`` was drawn from the documents and issues it holds now
    (its list of runs aside): then a run that changed nothing need not draw it again."""
    marker = report_dir(warehouse) / DIGEST_NAME
    try:
        drawn = marker.read_text(encoding="utf-8")
    except OSError:
        return False
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return drawn == _digest(con)
    finally:
        con.close()


def write_report(warehouse: Path, out: Path | None = None) -> Path:
    """Render the report of ``warehouse`` into ``out`` (a folder) and return its ``index.html``.

    The folder is built aside and swapped in whole, so a reader never sees half a report.
    """
    out = out or report_dir(warehouse)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        data = warehouse_to_report_data(con, str(warehouse))
        digest = _digest(con)
    finally:
        con.close()
    building = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    shutil.rmtree(building, ignore_errors=True)
    (building / "pages").mkdir(parents=True)
    index = {d: n for n, d in enumerate(sorted({i.document_id for i in data.images}), start=1)}
    names = {}
    for image in data.images:
        name = image_name(index[image.document_id], image.page)
        (building / name).write_bytes(image.png)
        names[f"{image.document_id}#{image.page}"] = name
    (building / "index.html").write_text(report_to_html(data, names, datetime.now(UTC)), encoding="utf-8")
    (building / DIGEST_NAME).write_text(digest, encoding="utf-8")
    old = out.with_name(f".{out.name}.{os.getpid()}.old")
    if out.exists():
        out.rename(old)
    building.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    return out / "index.html"
