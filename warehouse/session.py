"""One ingest run against the warehouse: open a building copy, record the run, load, publish."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipeline import PIPELINE_VERSION
from pipeline.models import ParsedDocument, SourceSpec
from pipeline.records import PER_DOCUMENT_TABLES, document_to_rows, failure_to_rows
from warehouse import migrate, publish
from warehouse.checks import cross_document_conflicts
from warehouse.clusters import CLUSTER_TABLES, refresh_clusters
from warehouse.load import replace_document

SUMMARY_TABLES = (*(t for t in PER_DOCUMENT_TABLES if t != "document_text"), *CLUSTER_TABLES)


def new_run_id() -> str:
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"


@dataclass(slots=True)
class RunSummary:
    run_id: str
    documents: int = 0
    ok: int = 0
    failed: int = 0
    pages: int = 0
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)

    @property
    def status(self) -> str:
        if self.failed == 0:
            return "ok"
        return "failed" if self.ok == 0 else "partial"

    def lines(self) -> list[str]:
        out = [
            f"run {self.run_id}: {self.status}",
            f"documents {self.documents} (ok {self.ok}, failed {self.failed}), pages {self.pages}, "
            f"{self.seconds:.1f} s"
            + (f", {self.pages / self.seconds:.1f} pages/s" if self.seconds and self.pages else ""),
            "rows: " + ", ".join(f"{t} {n}" for t, n in self.rows.items()),
        ]
        out += [f"failed: {doc}: {error}" for doc, error in self.failures.items()]
        return out


class WarehouseWriter:
    """Loads documents into the building copy and records the run."""

    def __init__(self, con: duckdb.DuckDBPyConnection, run_id: str, started: float) -> None:
        self.con = con
        self.summary = RunSummary(run_id=run_id)
        self._started = started

    @property
    def run_id(self) -> str:
        return self.summary.run_id

    def load(self, doc: ParsedDocument) -> dict[str, int]:
        counts = replace_document(self.con, doc.document_id, document_to_rows(doc, self.run_id))
        self.summary.documents += 1
        self.summary.ok += 1
        self.summary.pages += len(doc.pages)
        return counts

    def load_failure(self, spec: SourceSpec, error: str) -> None:
        replace_document(self.con, spec.document_id, failure_to_rows(spec, self.run_id, error))
        self.summary.documents += 1
        self.summary.failed += 1
        self.summary.failures[spec.document_id] = error

    def finish(self, status: str | None = None) -> None:
        s = self.summary
        refresh_clusters(self.con)
        cross_document_conflicts(self.con, self.run_id)
        s.seconds = time.perf_counter() - self._started
        for table in SUMMARY_TABLES:
            row = self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            s.rows[table] = int(row[0]) if row else 0
        self.con.execute(
            """UPDATE runs SET finished_at = ?, status = ?, documents_total = ?, documents_ok = ?,
               documents_failed = ?, pages = ?, seconds = ? WHERE run_id = ?""",
            [datetime.now(UTC).replace(tzinfo=None), status or s.status, s.documents, s.ok, s.failed,
             s.pages, round(s.seconds, 3), s.run_id],
        )  # fmt: skip


@contextmanager
def ingest_run(published: Path, sources_path: str, lock_wait_seconds: float = 0.0) -> Iterator[WarehouseWriter]:
    """Open a building copy of ``published``, migrate it, record a run; publish when the block ends."""
    started = time.perf_counter()
    with publish.building(published, lock_wait_seconds) as work:
        con = duckdb.connect(str(work))
        try:
            migrate.apply(con)
            run_id = new_run_id()
            con.execute(
                "INSERT INTO runs (run_id, started_at, status, pipeline_version, sources_path)"
                " VALUES (?, ?, 'running', ?, ?)",
                [run_id, datetime.now(UTC).replace(tzinfo=None), PIPELINE_VERSION, sources_path],
            )
            writer = WarehouseWriter(con, run_id, started)
            yield writer
            writer.finish()
            con.execute("CHECKPOINT")
        finally:
            con.close()
