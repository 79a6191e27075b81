"""What the run report shows, read from the warehouse alone (never from the source files)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from warehouse.data_tests import Result as DataTestResult
from warehouse.data_tests import run as run_data_tests

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


@dataclass
class PageImage:
    document_id: str
    page: int
    width_pt: float
    height_pt: float
    png: bytes


@dataclass
class ReportData:
    """Everything the report renders; plain rows, so rendering needs no database."""

    warehouse: str
    run: Row | None
    runs: list[Row]
    documents: list[Row]
    changes: list[Row]
    table_counts: list[tuple[str, int]]
    issues: list[Row]
    values: list[Row]
    texts: dict[str, str]
    figures_per_cluster: list[Row]
    images: list[PageImage] = field(default_factory=list)
    data_tests: list[DataTestResult] = field(default_factory=list)
    labels: dict[str, tuple[str | None, str | None, float]] = field(default_factory=dict)  # doc#page → printed


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[Row]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def warehouse_to_report_data(con: duckdb.DuckDBPyConnection, warehouse: str) -> ReportData:
    """Read the latest run, the documents, counts, issues, every extracted value with its provenance, and
    the data tests' results (run again here, so that the report says what holds for the file it is drawn from)."""
    runs = _rows(con, "SELECT * FROM runs ORDER BY started_at DESC")
    run = runs[0] if runs else None
    counts = ", ".join(
        f"(SELECT count(*) FROM {t} WHERE {t}.document_id = d.document_id) AS n_{t}" for t in DOCUMENT_COUNTS
    )
    documents = _rows(
        con,
        f"""
        SELECT d.document_id, d.title, d.media_type, d.status, d.error, d.page_count, d.size_bytes, d.n_chars,
               d.parse_seconds, d.page_count / nullif(d.parse_seconds, 0) AS pages_per_second,
               d.version, d.run_id, d.withdrawn_at, {counts},
               (SELECT count(*) FROM quality_issues q WHERE q.document_id = d.document_id
                  AND q.severity = 'error') AS n_errors,
               (SELECT count(*) FROM quality_issues q WHERE q.document_id = d.document_id
                  AND q.severity = 'warning') AS n_warnings,
               (SELECT count(*) FROM quality_issues q WHERE q.document_id = d.document_id
                  AND q.severity = 'info') AS n_infos
        FROM documents d ORDER BY d.document_id
        """,
    )
    changes = _rows(
        con, "SELECT document_id, change, detail FROM document_changes WHERE run_id = ? ORDER BY document_id",
        [run["run_id"] if run else None],
    )  # fmt: skip
    table_counts = [(t, int(con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0])) for t in COUNTED_TABLES]
    issues = _rows(
        con,
        f"""
        SELECT kind, severity, detail, {", ".join(PROVENANCE)} FROM document_issues
        ORDER BY severity_rank, document_id, char_start NULLS FIRST, kind
        """,
    )
    values = _rows(
        con,
        f"""
        SELECT value_kind, value_id, cluster_id, label, value_text, number, unit, {", ".join(PROVENANCE)}
        FROM extracted_values ORDER BY document_id, char_start, value_kind, value_id
        """,
    )
    used = sorted({r["document_id"] for r in [*values, *issues] if r["char_start"] is not None})
    texts = dict(
        con.execute(
            "SELECT document_id, text FROM document_text WHERE list_contains(?, document_id)", [used]
        ).fetchall()
    )
    figures_per_cluster = _rows(
        con,
        """
        SELECT cluster_name AS cluster, document_id, count(*) AS figures
        FROM figures_long GROUP BY ALL ORDER BY cluster NULLS LAST, document_id
        """,
    )
    pages_used = sorted({(r["document_id"], r["page"]) for r in [*values, *issues] if r["page"] is not None})
    images = [
        PageImage(doc, page, width, height, bytes(png))
        for doc, page, width, height, png in con.execute(
            """
            SELECT i.document_id, i.page, p.width, p.height, i.png
            FROM page_images i JOIN pages p USING (document_id, page)
            WHERE list_contains(?, i.document_id || '#' || i.page)
            ORDER BY i.document_id, i.page
            """,
            [[f"{doc}#{page}" for doc, page in pages_used]],
        ).fetchall()
    ]
    labels = {
        f"{doc}#{page}": (label, label_right, width)
        for doc, page, label, label_right, width in con.execute(
            """
            SELECT document_id, page, label, label_right, width FROM pages
            WHERE label IS NOT NULL AND list_contains(?, document_id || '#' || page)
            """,
            [[f"{doc}#{page}" for doc, page in pages_used]],
        ).fetchall()
    }
    return ReportData(warehouse, run, runs, documents, changes, table_counts, issues, values, texts,
                      figures_per_cluster, images, run_data_tests(con), labels)  # fmt: skip
