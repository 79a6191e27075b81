"""The run report: HTML pages rendered from the warehouse and its page images alone (``make report``).

    python -m warehouse.report [WAREHOUSE] [--out FOLDER] [--open]

The ingest flow writes it after every run that changed what it shows, beside the warehouse
(``warehouse/policy-report/index.html`` for ``warehouse/policy.duckdb``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from warehouse.pages import image_path, store_path
from warehouse.report.data import (
    CheckedTests,
    ReportData,
    page_images,
    warehouse_to_cluster_sheets,
    warehouse_to_report_data,
    warehouse_to_sheets,
)
from warehouse.report.render import Files, asset, document_payload, report_to_html
from warehouse.report.sheets import cluster_sheet_to_html, document_sheet_to_html

logger = logging.getLogger(__name__)

__all__ = ["CheckedTests", "ReportData", "report_dir", "report_is_current", "write_report"]

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


SHEETS_NAME = ".sheets.json"
PENDING = ".pending"  # the two records above, written beside the report until its page images are in place
SHEETS_AT_ONCE = 50  # documents whose rows are read and drawn together
# What a document's sheet, data file and page images are drawn from, in one line per document: its row of
# `documents` (a re-read changes its input key, version or load time) and its quality issues (recomputed
# every run). With the clusters' names and the report's own code, it says when they can be kept as they are.
_SHEET_DIGESTS_SQL = """
SELECT d.document_id,
       hash(d.document_id, d.input_key, d.version, d.loaded_at, d.run_id, d.status, d.error, d.title, d.publisher,
            d.published_date, d.withdrawn_at, d.source_path, d.page_count)::VARCHAR
       || ':' || coalesce(q.n, 0) || ':' || coalesce(q.h, 0)::VARCHAR
FROM documents d LEFT JOIN (
    SELECT document_id, count(*) AS n,
           sum(hash(kind, severity, detail, page, char_start, char_end, section_id)::HUGEINT) AS h
    FROM quality_issues GROUP BY document_id
) q USING (document_id)
"""
# the cluster catalogue (names on every sheet) and the analyst views the sheets are read through
_BASIS_SQL = """
SELECT (SELECT count(*) || ':' || coalesce(sum(hash(cluster_id, name, kind)::HUGEINT), 0) FROM clusters),
       (SELECT hash(string_agg(sql, ';' ORDER BY view_name)) FROM duckdb_views()
        WHERE database_name = current_database() AND NOT internal)
"""


def _code_digest() -> str:
    """The report's own code: a sheet drawn by other code is drawn again."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in sorted([*here.glob("*.py"), *(here / "assets").iterdir()]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _previous_sheets(out: Path, basis: dict[str, str]) -> dict[str, str]:
    """The per-document digests of the report in ``out``, when it was drawn on the same ``basis``."""
    try:
        previous = json.loads((out / SHEETS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(previous, dict) or previous.get("basis") != basis:
        return {}
    documents = previous.get("documents")
    return documents if isinstance(documents, dict) else {}


def _whole(out: Path, files: Files, document_id: str) -> bool:
    """Whether the previous report still has the document's sheet and data file (someone may have deleted one)."""
    return (out / files.sheet(document_id)).is_file() and (out / files.data(document_id)).is_file()


def _keep(old: Path, building: Path, files: Files, kept: list[str]) -> None:
    """Hard-link (or copy) the unchanged documents' sheets and data files of the previous report into the new one
    (their page images follow once it is swapped in: :func:`_carry_pages`)."""
    for document_id in kept:
        for path in (old / files.sheet(document_id), old / files.data(document_id)):
            _link(path, building / path.relative_to(old))


def _link(path: Path, target: Path) -> None:
    try:
        os.link(path, target)
    except OSError:  # another file system, or no hard links: a copy
        shutil.copyfile(path, target)


def _carry_pages(old: Path, out: Path, files: Files, kept: list[str]) -> None:
    """Give the report just swapped in (``out``) the kept documents' page images from the previous one (``old``).

    When few images were drawn again, the previous folder of images is carried over with one rename: the images
    of the documents not kept (drawn again, or gone) are removed from it and the new ones moved in, so a run that
    changed one document touches its pages only, where linking every kept image cost a link per page of the
    warehouse (60,000 at 30 times the policy corpus: 3 s). When most were drawn again, the few kept are linked.
    """
    carried, fresh = old / "pages", out / "pages"
    if not carried.is_dir():
        return
    keep = {files.documents[d] for d in kept}
    with os.scandir(carried) as images:
        names = [(image.name, image.name.split("-p")[0] in keep) for image in images]
    kept_images = [name for name, kept_image in names if kept_image]
    drawn = os.listdir(fresh)
    if len(drawn) >= 2 * len(kept_images):
        for name in kept_images:
            _link(carried / name, fresh / name)
        return
    for name, kept_image in names:
        if not kept_image:
            os.unlink(carried / name)
    for name in drawn:
        os.replace(fresh / name, carried / name)
    fresh.rmdir()
    carried.rename(fresh)


def write_report(warehouse: Path, out: Path | None = None, checked: CheckedTests | None = None) -> Path:
    """Render the report of ``warehouse`` into ``out`` (a folder) and return its ``index.html``.

    The folder holds the first page (``index.html``, with ``report.css`` and ``report.js``),
    a fact sheet per document (``documents/``) and per cluster (``clusters/``), the
    viewer's data per document (``data/``) and the page images (``pages/``). A document
    whose rows and issues are as they were when the report in ``out`` was drawn keeps its
    files (linked, not drawn again), so a run that changed a few documents draws a few.
    ``checked``: the data tests the run drawing the report has just run (else they are run here).
    The folder is built aside and swapped in whole, so a reader never sees half a report.
    """
    out = out or report_dir(warehouse)
    _remove_leftovers(out)
    building = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        files, kept = _build(warehouse, out, building, checked)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)  # a failed drawing leaves the previous report, nothing else
        raise
    old = out.with_name(f".{out.name}.{os.getpid()}.old")
    if out.exists():
        out.rename(old)
    building.rename(out)
    _carry_pages(old, out, files, kept)
    shutil.rmtree(old, ignore_errors=True)
    # only now is the report whole: what it was drawn from is recorded last, so a drawing killed before this
    # point leaves no record to keep anything by, and the next one draws every document again
    for name in (DIGEST_NAME, SHEETS_NAME):
        (out / f"{name}{PENDING}").replace(out / name)
    return out / "index.html"


def _remove_leftovers(out: Path) -> None:
    """Remove what drawings that were stopped left beside ``out`` (``.report.<pid>.tmp`` or ``.old``): those of
    this process, and of processes no longer running."""
    for path in out.parent.glob(f".{out.name}.*"):
        pid, _, kind = path.name.removeprefix(f".{out.name}.").partition(".")
        if kind in ("tmp", "old") and pid.isdigit() and (int(pid) == os.getpid() or not _running(int(pid))):
            shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _build(warehouse: Path, out: Path, building: Path, checked: CheckedTests | None) -> tuple[Files, list[str]]:
    """Draw the report of ``warehouse`` into ``building``, keeping what it can of the report in ``out``."""
    generated_at = datetime.now(UTC)
    for folder in ("pages", "documents", "clusters", "data"):
        (building / folder).mkdir(parents=True)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        con.execute("SET enable_progress_bar = false")  # a long query would draw one on the terminal
        # what it reads is read once: DuckDB need not cache the warehouse
        con.execute("SET memory_limit = '1GB'")
        con.execute("SET preserve_insertion_order = false")
        data = warehouse_to_report_data(con, str(warehouse), checked)
        digests = dict(con.execute(_SHEET_DIGESTS_SQL).fetchall())
        ((catalogue, views),) = con.execute(_BASIS_SQL).fetchall()
        basis = {"code": _code_digest(), "catalogue": str(catalogue), "views": str(views)}
        previous = _previous_sheets(out, basis)
        cluster_sheets = warehouse_to_cluster_sheets(con)
        files = Files.of(sorted(digests), [c.cluster["cluster_id"] for c in cluster_sheets])
        kept = sorted(d for d, digest in digests.items() if previous.get(d) == digest and _whole(out, files, d))
        drawn = sorted(set(digests) - set(kept))
        store, missing = store_path(warehouse), Counter[str]()
        for document_id, page, sha256 in page_images(con, drawn):
            try:
                _link(image_path(store, sha256), building / files.image(document_id, page))
            except FileNotFoundError:
                missing[document_id] += 1
        if missing:
            logger.warning("%d page images named by %s are not in %s: those pages show none, and their documents "
                           "are drawn again next time", missing.total(), warehouse, store)  # fmt: skip
        for start in range(0, len(drawn), SHEETS_AT_ONCE):  # memory in proportion to a batch, not the warehouse
            for sheet in warehouse_to_sheets(con, drawn[start : start + SHEETS_AT_ONCE]):
                doc = sheet.document["document_id"]
                html = document_sheet_to_html(sheet, files, generated_at)
                (building / files.sheet(doc)).write_text(html, encoding="utf-8")
                (building / files.data(doc)).write_text(document_payload(sheet, files), encoding="utf-8")
        digest = _digest(con)
    finally:
        con.close()
    _keep(out, building, files, kept)
    for cluster in cluster_sheets:
        html = cluster_sheet_to_html(cluster, files, generated_at)
        (building / files.cluster_sheet(cluster.cluster["cluster_id"])).write_text(html, encoding="utf-8")
    for name in ("report.css", "report.js"):
        (building / name).write_text(asset(name), encoding="utf-8")
    (building / "index.html").write_text(report_to_html(data, files, generated_at), encoding="utf-8")
    (building / f"{DIGEST_NAME}{PENDING}").write_text(digest, encoding="utf-8")
    recorded = {d: sheet for d, sheet in digests.items() if d not in missing}  # nothing to keep them by
    sheets_drawn = {"basis": basis, "documents": recorded, "drawn": len(drawn), "kept": len(kept)}
    (building / f"{SHEETS_NAME}{PENDING}").write_text(json.dumps(sheets_drawn), encoding="utf-8")
    return files, kept
