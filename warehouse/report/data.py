"""What the run report shows, read from the warehouse alone (never from the source files; the page images
are files beside it, :mod:`warehouse.pages`).

The report is split so that its first page stays small however large the warehouse:
:func:`warehouse_to_report_data` reads what the first page shows (the run, documents,
counts, the worst issues, plots, data tests); :func:`warehouse_to_sheets` reads, per
document and per cluster, what the fact sheets and the viewer's per-document data
files show; :func:`page_images` names the page images' files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import duckdb

from warehouse.data_tests import Result as DataTestResult
from warehouse.data_tests import run as run_data_tests
from warehouse.load import query_rows

Row = dict[str, Any]

# the tables whose rows the report counts, in the order a reader meets them
COUNTED_TABLES = (
    "documents", "pages", "sections", "blocks", "tables", "table_cells", "cluster_mentions", "visions",
    "objectives", "figures", "funding", "entities", "quality_issues",
)  # fmt: skip
# per-document counts shown in the documents table
DOCUMENT_COUNTS = ("sections", "cluster_mentions", "visions", "objectives", "figures", "funding", "entities")
PROVENANCE = (
    "document_id", "page", "char_start", "char_end", "source_text", "bbox_x0", "bbox_top", "bbox_x1",
    "bbox_bottom", "section_number", "section_title", "extractor", "confidence",
)  # fmt: skip
# PROVENANCE read from `tables` (t) and its section (s)
_TABLE_PROVENANCE = tuple(
    f"s.{p.removeprefix('section_')} AS {p}" if p.startswith("section_") else f"t.{p}" for p in PROVENANCE
)
# the measures a cluster's sheet compares between plans, in the order it shows them
CLUSTER_MEASURES = ("employment", "businesses", "turnover", "output", "jobs", "funding")
# issues listed on the first page (the rest are on each document's sheet)
FIRST_PAGE_ISSUES = 100
FIRST_PAGE_SEVERITIES = ("error", "warning")


@dataclass
class ReportData:
    """What the first page renders; plain rows, so rendering needs no database."""

    warehouse: str
    run: Row | None
    runs: list[Row]
    documents: list[Row]
    changes: list[Row]
    table_counts: list[tuple[str, int]]
    issues: list[Row]  # the worst, at most FIRST_PAGE_ISSUES
    issue_total: int
    figures_per_cluster: list[Row]
    clusters: list[Row] = field(default_factory=list)  # clusters some document presents, with counts
    data_tests: list[DataTestResult] = field(default_factory=list)
    data_tests_documents: int | None = None  # per-document tests on this many documents (the run's); None: all


@dataclass
class DocumentSheet:
    """One document: its fact sheet, and the viewer's data (values, issues, text, page labels)."""

    document: Row
    clusters: list[Row]
    visions: list[Row]
    objectives: list[Row]
    figures: list[Row]  # headline figures: the first few of each measure
    tables: list[Row]
    issues: list[Row]
    values: list[Row]  # every extracted value, with period, measure and cluster name for the viewer
    text: str | None
    labels: dict[int, tuple[str | None, str | None, float]]  # page → printed label (left, right), width
    pages: dict[int, tuple[float, float]]  # page with an image → (width, height) in points


@dataclass
class ClusterSheet:
    cluster: Row
    profiles: list[Row]  # one per document presenting it: salience, vision, headline figures by measure
    figures: dict[tuple[str, str], Row]  # (document_id, figure_id) → the headline figure (measure, value, ...)


def _by_document(rows: list[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["document_id"]].append(row)
    return grouped


@dataclass(frozen=True)
class CheckedTests:
    """The data tests a run has just checked, so that the report it draws need not run them again.

    ``documents``: how many documents the per-document tests looked at (the ones the run changed),
    None when they looked at every one.
    """

    results: list[DataTestResult]
    documents: int | None


def warehouse_to_report_data(
    con: duckdb.DuckDBPyConnection, warehouse: str, checked: CheckedTests | None = None
) -> ReportData:
    """Read the latest run, the documents, counts, the worst issues, and the data tests' results: the ones
    ``checked`` by the run that draws the report, else run here, so that the report says what holds for the
    file it is drawn from."""
    runs = query_rows(con, "SELECT * FROM runs ORDER BY started_at DESC")
    run = runs[0] if runs else None
    counts = ", ".join(
        f"(SELECT count(*) FROM {t} WHERE {t}.document_id = d.document_id) AS n_{t}" for t in DOCUMENT_COUNTS
    )
    documents = query_rows(
        con,
        f"""
        SELECT d.document_id, d.title, d.publisher, d.published_date, d.media_type, d.status, d.error,
               d.page_count, d.size_bytes, d.n_chars, d.parse_seconds,
               d.page_count / nullif(d.parse_seconds, 0) AS pages_per_second,
               d.version, d.run_id, d.withdrawn_at, {counts},
               (SELECT count(*) FROM tables t WHERE t.document_id = d.document_id) AS n_tables,
               (SELECT count(*) FROM quality_issues q WHERE q.document_id = d.document_id
                  AND q.severity = 'error') AS n_errors,
               (SELECT count(*) FROM quality_issues q WHERE q.document_id = d.document_id
                  AND q.severity = 'warning') AS n_warnings,
               (SELECT count(*) FROM quality_issues q WHERE q.document_id = d.document_id
                  AND q.severity = 'info') AS n_infos
        FROM documents d ORDER BY d.document_id
        """,
    )
    for d in documents:  # what the viewer lists for it: every extracted value, and its tables
        d["n_values"] = sum(d[f"n_{t}"] for t in DOCUMENT_COUNTS if t != "sections") + d["n_tables"]
    changes = query_rows(
        con, "SELECT document_id, change, detail FROM document_changes WHERE run_id = ? ORDER BY document_id",
        [run["run_id"] if run else None],
    )  # fmt: skip
    table_counts = [(t, int(con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0])) for t in COUNTED_TABLES]
    issues = query_rows(
        con,
        f"""
        SELECT kind, severity, detail, {", ".join(PROVENANCE)} FROM document_issues
        WHERE list_contains(?, severity)
        ORDER BY severity_rank, document_id, char_start NULLS FIRST, kind LIMIT {FIRST_PAGE_ISSUES}
        """,
        [list(FIRST_PAGE_SEVERITIES)],
    )
    ((issue_total,),) = con.execute("SELECT count(*) FROM quality_issues").fetchall()
    figures_per_cluster = query_rows(
        con,
        """
        SELECT cluster_name AS cluster, document_id, count(*) AS figures
        FROM figures_long GROUP BY ALL ORDER BY cluster NULLS LAST, document_id
        """,
    )
    clusters = query_rows(
        con,
        """
        SELECT cluster_id, any_value(cluster_name) AS name, count(DISTINCT document_id) AS documents,
               sum(figures) AS figures, count(vision) AS visions
        FROM cluster_profiles GROUP BY cluster_id ORDER BY documents DESC, name
        """,
    )
    tests = checked.results if checked is not None else run_data_tests(con)
    return ReportData(warehouse, run, runs, documents, changes, table_counts, issues, int(issue_total),
                      figures_per_cluster, clusters, tests, checked.documents if checked else None)  # fmt: skip


def warehouse_to_sheets(con: duckdb.DuckDBPyConnection, only: list[str]) -> list[DocumentSheet]:
    """The sheets of the documents ``only`` names, each table read once (in batches: see ``write_report``)."""
    documents = query_rows(
        con,
        """
        SELECT document_id, title, publisher, published_date, media_type, status, error, page_count,
               source_path, version, withdrawn_at
        FROM documents WHERE document_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY document_id
        """,
        [only],
    )
    profiles = _profiles(con, only)
    visions = query_rows(
        con,
        """
        SELECT v.vision_id AS value_id, v.document_id, v.cluster_id, c.name AS cluster_name, v.text, v.frame,
               v.owner, v.attribution, v.page, v.bbox_x0, v.confidence
        FROM visions v LEFT JOIN clusters c USING (cluster_id) WHERE v.document_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY v.document_id, v.char_start
        """,
        [only],
    )
    objectives = query_rows(
        con,
        """
        SELECT o.objective_id AS value_id, o.document_id, o.cluster_id, c.name AS cluster_name, o.text,
               coalesce(o.list_kind, 'objective') AS list_kind, o.list_number, o.lead_in, o.actor, o.page,
               o.bbox_x0, o.confidence
        FROM objectives o LEFT JOIN clusters c USING (cluster_id) WHERE o.document_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY o.document_id, o.char_start
        """,
        [only],
    )
    figures = query_rows(
        con,
        """
        SELECT figure_id AS value_id, document_id, cluster_name, measure, subject, value, value_low, value_high,
               unit, period, place, quality, source_text, page, bbox_x0, confidence
        FROM (
            SELECT f.*, c.name AS cluster_name, row_number() OVER (
                PARTITION BY f.document_id, f.measure ORDER BY (f.quality = 'ok') DESC, f.confidence DESC,
                f.char_start) AS n
            FROM figures f LEFT JOIN clusters c USING (cluster_id) WHERE f.document_id IN (SELECT unnest(?::VARCHAR[]))
        ) WHERE n <= 5 ORDER BY document_id, measure, n
        """,
        [only],
    )
    tables = query_rows(
        con,
        f"""
        SELECT t.table_id AS value_id, t.title, t.periods, t.n_rows, t.n_cols, t.kind, t.page_start, t.page_end,
               t.unit, {", ".join(_TABLE_PROVENANCE)}
        FROM tables t LEFT JOIN sections s USING (document_id, section_id)
        WHERE t.document_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY t.document_id, t.char_start
        """,
        [only],
    )
    issues = query_rows(
        con,
        f"""
        SELECT kind, severity, detail, {", ".join(PROVENANCE)} FROM document_issues
        WHERE document_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY document_id, severity_rank, char_start NULLS FIRST, kind
        """,
        [only],
    )
    values = query_rows(
        con,
        f"""
        SELECT v.value_kind, v.value_id, v.cluster_id, c.name AS cluster_name, v.label, v.value_text, v.number,
               v.unit, coalesce(f.period, fu.period) AS period, f.measure, f.subject, f.value_low, f.value_high,
               {", ".join("v." + p for p in PROVENANCE)}
        FROM extracted_values v
        LEFT JOIN figures f
          ON v.value_kind = 'figure' AND f.document_id = v.document_id AND f.figure_id = v.value_id
        LEFT JOIN funding fu
          ON v.value_kind = 'funding' AND fu.document_id = v.document_id AND fu.funding_id = v.value_id
        LEFT JOIN clusters c ON c.cluster_id = v.cluster_id
        WHERE v.document_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY v.document_id, v.char_start, v.value_kind, v.value_id
        """,
        [only],
    )
    table_values = [  # a table in the viewer's list: its title, with its provenance
        {
            "value_kind": "table", "value_id": t["value_id"], "cluster_id": None, "cluster_name": None,
            "label": "table", "value_text": t["title"] or "(a table without a title)", "number": None,
            "unit": t["unit"], "period": None, "measure": None, "subject": None, "value_low": None,
            "value_high": None, **{p: t[p] for p in PROVENANCE},
        }
        for t in tables
    ]  # fmt: skip
    labels: dict[str, dict[int, tuple[str | None, str | None, float]]] = defaultdict(dict)
    sizes: dict[str, dict[int, tuple[float, float]]] = defaultdict(dict)
    for doc, page, label, label_right, width, height, imaged in con.execute(
        "SELECT document_id, page, label, label_right, width, height, (document_id, page) IN"
        " (SELECT (document_id, page) FROM page_images) FROM pages"
        " WHERE document_id IN (SELECT unnest(?::VARCHAR[]))",
        [only],
    ).fetchall():
        if label is not None:
            labels[doc][page] = (label, label_right, width)
        if imaged:
            sizes[doc][page] = (width, height)
    texts = dict(
        con.execute(
            "SELECT document_id, text FROM document_text WHERE document_id IN (SELECT unnest(?::VARCHAR[]))", [only]
        ).fetchall()
    )
    grouped = {
        name: _by_document(rows)
        for name, rows in (
            ("profiles", profiles), ("visions", visions), ("objectives", objectives), ("figures", figures),
            ("tables", tables), ("issues", issues), ("values", values + table_values),
        )
    }  # fmt: skip
    for rows in grouped["values"].values():
        rows.sort(key=lambda r: (r["char_start"] if r["char_start"] is not None else -1, r["value_kind"]))
    sheets = [
        DocumentSheet(
            document=d,
            **{name: grouped[name].get(d["document_id"], []) for name in grouped if name != "profiles"},
            clusters=grouped["profiles"].get(d["document_id"], []),
            text=texts.get(d["document_id"]),
            labels=labels.get(d["document_id"], {}),
            pages=sizes.get(d["document_id"], {}),
        )
        for d in documents
    ]
    return sheets


def _profiles(con: duckdb.DuckDBPyConnection, only: list[str] | None = None) -> list[Row]:
    """Rows of ``cluster_profiles`` (of the documents ``only`` names), the clusters a plan presents first."""
    where = "WHERE p.document_id IN (SELECT unnest(?::VARCHAR[]))" if only is not None else ""
    return query_rows(
        con,
        f"""
        SELECT p.*, c.kind AS cluster_kind FROM cluster_profiles p LEFT JOIN clusters c USING (cluster_id) {where}
        ORDER BY p.document_id, CASE p.salience WHEN 'subject' THEN 0 WHEN 'presented' THEN 1 ELSE 2 END,
                 p.figures DESC, p.cluster_name
        """,
        [only] if only is not None else [],
    )


def warehouse_to_cluster_sheets(con: duckdb.DuckDBPyConnection) -> list[ClusterSheet]:
    """Every presented cluster's sheet: the plans that present it side by side."""
    profiles = _profiles(con)
    headline = {fid for p in profiles for fid in (p["headline_figure_ids"] or [])}
    figures = {
        (row["document_id"], row["figure_id"]): row
        for row in query_rows(
            con,
            """
            SELECT figure_id, document_id, measure, subject, value, value_low, value_high, unit, period, page,
                   bbox_x0, source_text
            FROM figures WHERE list_contains(?, figure_id)
            """,
            [sorted(headline)],
        )
    }
    clusters = {r["cluster_id"]: r for r in query_rows(con, "SELECT * FROM clusters")}
    by_cluster: dict[str, list[Row]] = defaultdict(list)
    for profile in profiles:
        by_cluster[profile["cluster_id"]].append(profile)
    sheets = []
    for cluster_id, rows in by_cluster.items():
        rows = sorted(rows, key=lambda r: (str(r["published_date"] or "9999"), r["document_id"]))
        cluster = clusters.get(cluster_id) or {"cluster_id": cluster_id, "name": rows[0]["cluster_name"]}
        ids = {(r["document_id"], fid) for r in rows for fid in (r["headline_figure_ids"] or [])}
        sheets.append(ClusterSheet(cluster, rows, {key: figures[key] for key in ids if key in figures}))
    return sorted(sheets, key=lambda s: str(s.cluster.get("name") or s.cluster["cluster_id"]))


def page_images(con: duckdb.DuckDBPyConnection, only: list[str]) -> list[tuple[str, int, str]]:
    """(document, page, sha256 of its PNG) of the documents ``only`` names: the image is the file
    :func:`warehouse.pages.image_path` names."""
    return [
        (str(doc), int(page), str(sha))
        for doc, page, sha in con.execute(
            "SELECT document_id, page, sha256 FROM page_images WHERE document_id IN (SELECT unnest(?::VARCHAR[]))",
            [only],
        ).fetchall()
    ]
