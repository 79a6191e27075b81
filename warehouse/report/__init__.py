"""The run report: HTML pages rendered from the warehouse alone (``make report``).

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

from warehouse.report.data import ReportData, page_images, warehouse_to_report_data, warehouse_to_sheets
from warehouse.report.render import Files, asset, document_payload, report_to_html
from warehouse.report.sheets import cluster_sheet_to_html, document_sheet_to_html

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

    The folder holds the first page (``index.html``, with ``report.css`` and ``report.js``),
    a fact sheet per document (``documents/``) and per cluster (``clusters/``), the
    viewer's data per document (``data/``) and the page images (``pages/``). It is built
    aside and swapped in whole, so a reader never sees half a report.
    """
    out = out or report_dir(warehouse)
    generated_at = datetime.now(UTC)
    building = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    shutil.rmtree(building, ignore_errors=True)
    for folder in ("pages", "documents", "clusters", "data"):
        (building / folder).mkdir(parents=True)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        data = warehouse_to_report_data(con, str(warehouse))
        sheets, cluster_sheets = warehouse_to_sheets(con)
        files = Files.of([s.document["document_id"] for s in sheets], [c.cluster["cluster_id"] for c in cluster_sheets])
        for image in page_images(con):
            if image.document_id in files.documents:
                (building / files.image(image.document_id, image.page)).write_bytes(image.png)
        digest = _digest(con)
    finally:
        con.close()
    for sheet in sheets:
        doc = sheet.document["document_id"]
        (building / files.sheet(doc)).write_text(document_sheet_to_html(sheet, files, generated_at), encoding="utf-8")
        (building / files.data(doc)).write_text(document_payload(sheet, files), encoding="utf-8")
    for cluster in cluster_sheets:
        html = cluster_sheet_to_html(cluster, files, generated_at)
        (building / files.cluster_sheet(cluster.cluster["cluster_id"])).write_text(html, encoding="utf-8")
    for name in ("report.css", "report.js"):
        (building / name).write_text(asset(name), encoding="utf-8")
    (building / "index.html").write_text(report_to_html(data, files, generated_at), encoding="utf-8")
    (building / DIGEST_NAME).write_text(digest, encoding="utf-8")
    old = out.with_name(f".{out.name}.{os.getpid()}.old")
    if out.exists():
        out.rename(old)
    building.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    return out / "index.html"
