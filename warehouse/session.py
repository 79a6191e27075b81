"""One ingest run against the warehouse: open a building copy, record the run, load, publish."""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipeline import PIPELINE_VERSION
from pipeline.ingest.changes import Change, Step, Stored
from pipeline.ingest.fingerprint import fingerprint
from pipeline.models import SourceIssue, SourceSpec
from pipeline.rows import PER_DOCUMENT_TABLES, DocumentRows, Row, bare_issue_row, failure_to_rows
from warehouse import data_tests, migrate, publish
from warehouse.catalogue import CLUSTER_TABLES, refresh_clusters
from warehouse.cross_document import cross_document_conflicts
from warehouse.load import Archive, insert_rows, replace_document

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
    changes: Counter[str] = field(default_factory=Counter)
    data_tests_run: int = 0  # how many data tests ran at the end of the run
    data_test_failures: dict[str, str] = field(default_factory=dict)  # test → what failed, in words

    @property
    def status(self) -> str:
        """``failed`` when every document the warehouse would hold failed; unchanged documents count as loaded."""
        if self.failed == 0:
            return "ok"
        return "failed" if self.ok == 0 and self.changes[Change.UNCHANGED] == 0 else "partial"

    def lines(self) -> list[str]:
        out = [
            f"run {self.run_id}: {self.status}",
            f"documents read {self.documents} (ok {self.ok}, failed {self.failed}), pages {self.pages}, "
            f"{self.seconds:.1f} s"
            + (f", {self.pages / self.seconds:.1f} pages/s" if self.seconds and self.pages else ""),
            "changes: " + (", ".join(f"{c} {n}" for c, n in sorted(self.changes.items())) or "none"),
            "rows: " + ", ".join(f"{t} {n}" for t, n in self.rows.items()),
            f"data tests: {self.data_tests_run - len(self.data_test_failures)} passed"
            + (f", {len(self.data_test_failures)} failed" if self.data_test_failures else ""),
        ]
        out += [f"failed: {doc}: {error}" for doc, error in self.failures.items()]
        out += [f"data test failed: {name}: {what}" for name, what in self.data_test_failures.items()]
        return out

    def record_data_tests(self, results: list[data_tests.Result]) -> None:
        self.data_tests_run = len(results)
        self.data_test_failures = {r.test.name: _failure(r) for r in results if not r.passed}


def _failure(result: data_tests.Result) -> str:
    """A failed data test in one line: how many rows, what the test checks, and the first offending row."""
    if result.error is not None:
        return f"the test could not run ({result.error})"
    n = len(result.rows)
    first = (result.sample(limit=1) or [""])[0]
    documents = result.by_document()
    where = f" in {len(documents)} document{'s' if len(documents) > 1 else ''}" if documents else ""
    return f"{n} offending row{'s' if n > 1 else ''}{where}: {result.test.description} First: {first}"


class WarehouseWriter:
    """Applies a run's steps to the building copy and records the run."""

    def __init__(self, con: duckdb.DuckDBPyConnection, run_id: str, started: float) -> None:
        self.con = con
        self.summary = RunSummary(run_id=run_id)
        self._started = started

    @property
    def run_id(self) -> str:
        return self.summary.run_id

    def stored(self) -> dict[str, Stored]:
        """What the warehouse holds for each document, for :func:`pipeline.ingest.changes.plan`."""
        return {
            str(d): Stored(str(d), sha, key, int(version or 1), withdrawn, str(status))
            for d, sha, key, version, withdrawn, status in self.con.execute(
                "SELECT document_id, sha256, input_key, version, withdrawn_at IS NOT NULL, status FROM documents"
            ).fetchall()
        }

    def load(self, step: Step, parsed: DocumentRows) -> dict[str, int]:
        """A parsed document's rows replace its previous ones (kept in history when its file changed)."""
        rows = parsed.rows
        self._stamp(rows, step, parsed.source)
        counts = replace_document(self.con, step.document_id, rows, archive=self._archive(step))
        self.summary.documents += 1
        self.summary.ok += 1
        self.summary.pages += parsed.pages_read
        self._record(step, step.change, self._version(step))
        return counts

    def load_failure(self, step: Step, error: str) -> None:
        """A source that could not be read (or was refused, or is a copy) is recorded as failed, with its issues."""
        assert step.spec is not None
        previous = step.previous
        kept = (
            previous is not None
            and previous.read
            and step.change in (Change.CHANGED, Change.REEXTRACTED, Change.REFUSED)
        )
        if kept and previous is not None:
            # a document keeps the rows of its last good reading until it is read again or withdrawn;
            # the failure is recorded beside them, and the next run tries again
            issue = (
                SourceIssue("reextraction_failed", "error", f"re-extraction failed, previous rows kept: {error}")
                if step.change is Change.REEXTRACTED
                else SourceIssue(
                    "reread_failed", "error",
                    f"the file changed and could not be read again ({error}); "
                    f"the rows of version {previous.version} are kept until it is",
                )
            )  # fmt: skip
            self.con.execute(
                "DELETE FROM quality_issues WHERE document_id = ? AND kind IN ('reextraction_failed', 'reread_failed')",
                [step.document_id],
            )
            insert_rows(self.con, "quality_issues", [bare_issue_row(step.document_id, issue, self.run_id)])
        else:
            kind = step.spec.refusal_kind or ("duplicate_source" if step.change is Change.DUPLICATE else None)
            rows = failure_to_rows(step.spec, self.run_id, error, kind or "unreadable_source")
            self._stamp(rows, step, step.spec)
            replace_document(self.con, step.document_id, rows, archive=self._archive(step))
        self.summary.documents += 1
        self.summary.failed += 1
        self.summary.failures[step.document_id] = error
        change = step.change if step.change in (Change.REFUSED, Change.DUPLICATE) else Change.FAILED
        self._record(step, change, previous.version if kept and previous else self._version(step), error)

    def withdraw(self, step: Step) -> None:
        """The file has gone: the document's rows move to history; its ``documents`` row stays, marked withdrawn."""
        at = _now()
        detail = f"{step.detail}: the document is withdrawn and its rows are kept in the history schema"
        tables = [t for t in PER_DOCUMENT_TABLES if t != "documents"]
        archive = Archive(self.run_id, at, "withdrawn")
        issue = bare_issue_row(step.document_id, SourceIssue("withdrawn", "warning", detail), self.run_id)
        replace_document(self.con, step.document_id, {"quality_issues": [issue]}, tables=tables, archive=archive)
        self.con.execute(
            "UPDATE documents SET withdrawn_at = ?, withdrawn_run_id = ?,"
            " warnings = concat_ws('; ', warnings, ?) WHERE document_id = ?",
            [at, self.run_id, detail, step.document_id],
        )
        self._record(step, Change.WITHDRAWN, step.previous.version if step.previous else None, detail)

    def unchanged(self, step: Step) -> None:
        self.summary.changes[str(Change.UNCHANGED)] += 1

    @staticmethod
    def _supersedes(step: Step) -> bool:
        """Whether the step replaces bytes that were read: then the old rows go to history and the version goes up.
        Not when nothing was read before (new, or only ever refused) or the same bytes are read again."""
        previous = step.previous
        return not (previous is None or previous.sha256 is None or (step.spec and previous.sha256 == step.spec.sha256))

    def _archive(self, step: Step) -> Archive | None:
        """Rows are kept in history when the bytes behind them change; a pipeline change just re-extracts."""
        if not self._supersedes(step):
            return None
        reason = "changed" if step.spec is not None and step.spec.sha256 else "replaced"
        return Archive(self.run_id, _now(), reason)

    def _version(self, step: Step) -> int:
        """The document's file version after ``step`` loads it (or records its failure)."""
        previous = step.previous
        if previous is None or previous.sha256 is None or step.change is Change.RENAMED:
            return 1
        return previous.version + self._supersedes(step)

    def _stamp(self, rows: dict[str, list[Row]], step: Step, spec: SourceSpec) -> None:
        previous = step.previous
        rows["documents"][0].update(
            input_key=step.input_key,
            pipeline_fingerprint=fingerprint(spec.media_type),
            version=self._version(step),
            loaded_at=_now(),
            renamed_from=previous.document_id if step.change is Change.RENAMED and previous else None,
        )

    def _record(self, step: Step, change: Change, version: int | None, detail: str | None = None) -> None:
        self.summary.changes[str(change)] += 1
        spec, previous = step.spec, step.previous
        self.con.execute(
            "INSERT INTO document_changes VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [self.run_id, step.document_id, str(change), spec.sha256 if spec else None,
             previous.sha256 if previous else None, version, detail or step.detail, _now()],
        )  # fmt: skip

    def finish(self, status: str | None = None, limits: str | None = None) -> None:
        s = self.summary
        # a failed re-read not recorded again in this run is over: the file is back to the bytes whose rows are held
        self.con.execute("DELETE FROM quality_issues WHERE kind = 'reread_failed' AND run_id <> ?", [self.run_id])
        refresh_clusters(self.con)
        cross_document_conflicts(self.con)
        s.record_data_tests(data_tests.check(self.con))
        s.seconds = time.perf_counter() - self._started
        for table in SUMMARY_TABLES:
            row = self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            s.rows[table] = int(row[0]) if row else 0
        c = s.changes
        self.con.execute(
            """UPDATE runs SET finished_at = ?, status = ?, documents_total = ?, documents_ok = ?,
               documents_failed = ?, pages = ?, seconds = ?, documents_unchanged = ?, documents_added = ?,
               documents_changed = ?, documents_reextracted = ?, documents_withdrawn = ?, limits = ?
               WHERE run_id = ?""",
            [_now(), status or s.status, s.documents, s.ok, s.failed, s.pages, round(s.seconds, 3),
             c[Change.UNCHANGED], c[Change.ADDED] + c[Change.RETURNED] + c[Change.RENAMED], c[Change.CHANGED],
             c[Change.REEXTRACTED], c[Change.WITHDRAWN], limits, s.run_id],
        )  # fmt: skip


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@contextmanager
def ingest_run(
    published: Path, sources_path: str, lock_wait_seconds: float = 0.0, limits: str | None = None
) -> Iterator[WarehouseWriter]:
    """Open a building copy of ``published``, migrate it, record a run; publish when the block ends.

    A fault of the disk or of the file (full, read-only, corrupt) ends the run with a
    :class:`~warehouse.publish.WarehouseFault` naming ``published`` and the cause; the
    building copy is removed and the published file is as it was.
    """
    started = time.perf_counter()
    try:
        with publish.building(published, lock_wait_seconds) as work:
            try:
                con = duckdb.connect(str(work))
            except duckdb.Error as exc:
                raise publish.WarehouseFault(
                    f"{published} cannot be opened as a DuckDB database ({_one_line(exc, work, published)}); "
                    "it was left as it is: move it aside (or restore it from a backup) and run again"
                ) from None
            try:
                migrate.apply(con)
                migrate.replace_views(con)
                run_id = new_run_id()
                con.execute(
                    "INSERT INTO runs (run_id, started_at, status, pipeline_version, sources_path)"
                    " VALUES (?, ?, 'running', ?, ?)",
                    [run_id, _now(), PIPELINE_VERSION, sources_path],
                )
                writer = WarehouseWriter(con, run_id, started)
                yield writer
                publish.failpoint("before-finish")
                writer.finish(limits=limits)
                con.execute("CHECKPOINT")
            finally:
                con.close()
    except (OSError, duckdb.IOException, duckdb.OutOfMemoryException) as exc:
        raise publish.WarehouseFault(
            f"the new warehouse could not be written beside {published} "
            f"({_one_line(exc, publish.building_path(published), published)}); "
            "nothing was published and the building copy was removed"
        ) from None


def _one_line(exc: BaseException, work: Path, published: Path) -> str:
    """A DuckDB or OS error in one line, naming the user's file rather than the building copy."""
    return publish.one_line(str(exc).replace(str(work), str(published)))
