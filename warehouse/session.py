"""One ingest run against the warehouse: open a building copy, record the run, load, publish."""

from __future__ import annotations

import contextlib
import os
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
from pipeline.models import MediaType, SourceIssue, SourceSpec
from pipeline.rows import PER_DOCUMENT_TABLES, DocumentRows, Row, bare_issue_row, failure_to_rows
from warehouse import data_tests, migrate, publish
from warehouse.catalogue import CLUSTER_TABLES, refresh_clusters
from warehouse.cross_document import cross_document_conflicts
from warehouse.load import Archive, insert_rows, replace_document
from warehouse.pages import PageStore, collect

SUMMARY_TABLES = (*(t for t in PER_DOCUMENT_TABLES if t != "document_text"), *CLUSTER_TABLES)


def new_run_id() -> str:
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"


@dataclass(slots=True)
class RunSummary:
    run_id: str
    documents: int = 0
    ok: int = 0  # loaded with status ok
    partial: int = 0  # loaded with status partial (some pages unreadable, or no text)
    failed: int = 0
    pages: int = 0
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    failures: dict[str, str] = field(default_factory=dict)
    changes: Counter[str] = field(default_factory=Counter)
    data_tests_run: int = 0  # how many data tests ran at the end of the run
    data_test_failures: dict[str, str] = field(default_factory=dict)  # test → what failed, in words
    data_tests_documents: int | None = None  # the per-document tests looked at this many documents; None: all

    @property
    def status(self) -> str:
        """``failed`` when every document the warehouse would hold failed; unchanged documents count as loaded."""
        if self.failed == 0:
            return "ok"
        return "failed" if self.ok + self.partial == 0 and self.changes[Change.UNCHANGED] == 0 else "partial"

    def lines(self) -> list[str]:
        out = [
            f"run {self.run_id}: {self.status}",
            f"documents read {self.documents} (ok {self.ok}, partial {self.partial}, failed {self.failed}), "
            f"pages {self.pages}, "
            f"{self.seconds:.1f} s"
            + (f", {self.pages / self.seconds:.1f} pages/s" if self.seconds and self.pages else ""),
            "changes: " + (", ".join(f"{c} {n}" for c, n in sorted(self.changes.items())) or "none"),
            "rows: " + ", ".join(f"{t} {n}" for t, n in self.rows.items()),
            f"data tests: {self.data_tests_run - len(self.data_test_failures)} passed"
            + (f", {len(self.data_test_failures)} failed" if self.data_test_failures else "")
            + _scope_note(self.data_tests_documents),
        ]
        out += [f"failed: {doc}: {error}" for doc, error in self.failures.items()]
        out += [f"data test failed: {name}: {what}" for name, what in self.data_test_failures.items()]
        return out

    def record_data_tests(self, results: list[data_tests.Result], documents: int | None = None) -> None:
        self.data_tests_run = len(results)
        self.data_test_failures = {r.test.name: _failure(r) for r in results if not r.passed}
        self.data_tests_documents = documents


def _scope_note(documents: int | None) -> str:
    """What the per-document data tests looked at, when it was not every document.

    >>> _scope_note(0)
    ' (no document changed: the per-document tests did not run)'
    >>> _scope_note(1)
    ' (the per-document tests on the 1 document this run changed)'
    """
    if documents is None:
        return ""
    if documents == 0:
        return " (no document changed: the per-document tests did not run)"
    return f" (the per-document tests on the {documents} document{'s' if documents > 1 else ''} this run changed)"


def _failure(result: data_tests.Result) -> str:
    """A failed data test in one line: how many rows, what the test checks, and the first offending row."""
    if result.error is not None:
        return f"the test could not run ({result.error})"
    n = len(result.rows)
    first = (result.sample(limit=1) or [""])[0]
    documents = result.by_document()
    where = f" in {len(documents)} document{'s' if len(documents) > 1 else ''}" if documents else ""
    return f"{n} offending row{'s' if n > 1 else ''}{where}: {result.test.description} First: {first}"


BUILD_CHECKPOINT_MB = 256  # write-ahead log a run's building copy holds before DuckDB writes it into the file
MAX_SCOPED_DATA_TESTS = 500  # past this many changed documents, the data tests look at every document


class WarehouseWriter:
    """Applies a run's steps to the building copy and records the run.

    ``check_all``: the data tests look at every document at the end of the run, not just those it
    changed (the first run, a migration: see :func:`ingest_run`).
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        run_id: str,
        started: float,
        check_all: bool = True,
        pages: PageStore | None = None,
    ) -> None:
        self.con = con
        self.pages = pages  # where the page images go; None only where no document has any (tests of the writer)
        self.summary = RunSummary(run_id=run_id)
        self._started = started
        self._check_all = check_all
        self.touched: set[str] = set()  # the documents whose rows this run changed
        self.data_test_results: list[data_tests.Result] | None = None  # what the run's data tests found

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
        if parsed.images:
            if self.pages is None:
                raise ValueError(f"{step.document_id} has page images and this writer has no page store")
            self.pages.save(parsed.images)  # before the rows that name them
        counts = replace_document(self.con, step.document_id, rows, archive=self._archive(step))
        self.touched.add(step.document_id)
        self.summary.documents += 1
        if rows["documents"][0].get("status") == "partial":
            self.summary.partial += 1
        else:
            self.summary.ok += 1
        self.summary.pages += parsed.pages_read
        self._record(step, step.change, self._version(step))
        return counts

    def load_failure(self, step: Step, error: str, retry: bool = False) -> None:
        """A source that could not be read (or was refused, or is a copy) is recorded as failed, with its issues.

        ``retry``: the failure was the run's, not the file's (a worker died), so no input key is recorded
        and the next run reads the file again, changed or not.
        """
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
            if retry:
                rows["documents"][0]["input_key"] = None
            replace_document(self.con, step.document_id, rows, archive=self._archive(step))
        self.touched.add(step.document_id)
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
        self.touched.add(step.document_id)
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

    def _holds_current_documents(self) -> bool:
        """Whether the warehouse holds documents, every one of them loaded by this pipeline (same fingerprint)."""
        current = [fingerprint(kind) for kind in MediaType]
        row = self.con.execute(
            "SELECT count(*), count(*) FILTER (WHERE NOT coalesce(list_contains(?, pipeline_fingerprint), FALSE))"
            " FROM documents WHERE withdrawn_at IS NULL",
            [current],
        ).fetchone()
        return bool(row and row[0] and not row[1])

    def finish(self, status: str | None = None, limits: str | None = None) -> None:
        s = self.summary
        # a failed re-read not recorded again in this run is over: the file is back to the bytes whose rows are held
        self.con.execute("DELETE FROM quality_issues WHERE kind = 'reread_failed' AND run_id <> ?", [self.run_id])
        if self.touched or self._check_all or not self._holds_current_documents():
            refresh_clusters(self.con)
            cross_document_conflicts(self.con)
        # else both would write what they hold: they are computed from the documents' rows and from the catalogue
        # and gazetteer, which are part of the pipeline's fingerprint, and every document was loaded with the
        # fingerprint of now (a change to those files re-extracts read documents; refused or failed ones keep
        # their old fingerprint, so such a warehouse is refreshed every run). A migrated warehouse is refreshed.
        tests = data_tests.fingerprint()
        last = self.con.execute(
            "SELECT data_tests_fingerprint FROM runs WHERE run_id <> ? AND finished_at IS NOT NULL"
            " ORDER BY started_at DESC LIMIT 1",
            [s.run_id],
        ).fetchone()
        scoped = not self._check_all and last is not None and last[0] == tests
        scope = self.touched if scoped and len(self.touched) <= MAX_SCOPED_DATA_TESTS else None
        self.data_test_results = data_tests.check(self.con, scope)
        s.record_data_tests(self.data_test_results, None if scope is None else len(scope))
        s.seconds = time.perf_counter() - self._started
        for table in SUMMARY_TABLES:
            row = self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            s.rows[table] = int(row[0]) if row else 0
        c = s.changes
        self.con.execute(
            """UPDATE runs SET finished_at = ?, status = ?, documents_total = ?, documents_ok = ?,
               documents_partial = ?, documents_failed = ?, pages = ?, seconds = ?, documents_unchanged = ?,
               documents_added = ?, documents_changed = ?, documents_reextracted = ?, documents_withdrawn = ?,
               limits = ?, data_tests_fingerprint = ?, data_tests_documents = ?
               WHERE run_id = ?""",
            [_now(), status or s.status, s.documents, s.ok, s.partial, s.failed, s.pages, round(s.seconds, 3),
             c[Change.UNCHANGED], c[Change.ADDED] + c[Change.RETURNED] + c[Change.RENAMED], c[Change.CHANGED],
             c[Change.REEXTRACTED], c[Change.WITHDRAWN], limits, tests, s.data_tests_documents, s.run_id],
        )  # fmt: skip


def for_building(con: duckdb.DuckDBPyConnection) -> None:
    """Set up a connection to a run's building copy. The copy is private to the run and checkpointed before it
    is published, so it checkpoints every :data:`BUILD_CHECKPOINT_MB` of log: at DuckDB's default of 16 MB a
    run rewrote the same tables over and over."""
    con.execute(f"SET checkpoint_threshold = '{BUILD_CHECKPOINT_MB}MB'")


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
    pages, cleanup = PageStore(published), _PageCleanup(published)
    try:
        with publish.building(published, lock_wait_seconds, catch_up, cleanup) as work:
            for generation in publish.generation_paths(published):  # what a run killed while compacting left
                for leftover in (compact_path(generation), publish.wal_path(compact_path(generation))):
                    leftover.unlink(missing_ok=True)
            try:
                con = duckdb.connect(str(work))
            except duckdb.Error as exc:
                raise publish.WarehouseFault(
                    f"{published} cannot be opened as a DuckDB database ({_one_line(exc, published)}); "
                    "it was left as it is: move it aside (or restore it, and its -pages folder, from a backup) "
                    "and run again"
                ) from None
            try:
                for_building(con)
                upgrade = bool(migrate.applied(con))  # a warehouse that was built before, not a new one
                if PAGE_FILES_MIGRATION in migrate.pending(con) and _has_table(con, "page_images"):
                    pages.save_from(con, _STORED_PNGS)  # the migration drops the bytes these files now hold
                migrated = migrate.apply(con)
                migrate.replace_views(con)
                run_id = new_run_id()
                con.execute(
                    "INSERT INTO runs (run_id, started_at, status, pipeline_version, sources_path)"
                    " VALUES (?, ?, 'running', ?, ?)",
                    [run_id, _now(), PIPELINE_VERSION, sources_path],
                )
                writer = WarehouseWriter(con, run_id, started, check_all=bool(migrated), pages=pages)
                yield writer
                publish.failpoint("before-finish")
                writer.finish(limits=limits)
                con.execute("CHECKPOINT")
                pages.sync()
                cleanup.wanted = bool(writer.touched)
            finally:
                con.close()
            if migrated and upgrade and _mostly_free(work):
                compact(work)
    except (OSError, duckdb.IOException, duckdb.OutOfMemoryException) as exc:
        raise publish.WarehouseFault(
            f"the new warehouse could not be written beside {published} "
            f"({_one_line(exc, published)}); nothing was published"
        ) from None


def compact(path: Path) -> None:
    """Write the DuckDB file ``path`` anew, holding only what it holds: DuckDB reuses the blocks a
    migration freed (the page images' bytes, tables rebuilt) but never gives them back to the disk,
    and every later generation would carry them. Done after a run that migrated a warehouse and left
    most of its file free, before it publishes (``path`` is not published yet)."""
    fresh = compact_path(path)
    for leftover in (fresh, publish.wal_path(fresh)):
        leftover.unlink(missing_ok=True)
    con = duckdb.connect(str(fresh))
    source = f"_compacted_{uuid.uuid4().hex}"  # not the new file's own catalog, whatever the file is called
    try:
        con.execute(f"ATTACH ? AS {source} (READ_ONLY)", [str(path)])
        (catalog,) = con.execute("SELECT current_database()").fetchone() or ("",)
        con.execute(f'COPY FROM DATABASE {source} TO "{catalog}"')
        con.execute(f"DETACH {source}")
        con.execute("CHECKPOINT")
    except BaseException:
        con.close()
        fresh.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(fresh, path)


def compact_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.compact")


def _mostly_free(path: Path) -> bool:
    """Whether more than half of the DuckDB file ``path`` is free blocks."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        row = con.execute("SELECT total_blocks, free_blocks FROM pragma_database_size()").fetchone()
    finally:
        con.close()
    return bool(row and row[0] and row[1] > row[0] / 2)


PAGE_FILES_MIGRATION = "0016_page_image_files"
_STORED_PNGS = "SELECT png FROM main.page_images UNION ALL SELECT png FROM history.page_images"


def _has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    row = con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?", [table])
    found = row.fetchone()
    return bool(found and found[0])


@dataclass
class _PageCleanup:
    """After publishing: remove the page images neither the published warehouse nor the previous
    generation names, when the run changed a document. Images other runs stopped naming (a run that
    changed nothing but caught up a generation, a run that died) wait for the next run that changes one.
    A clean-up, so it never fails the run it follows: a file too many is harmless."""

    published: Path
    wanted: bool = False

    def __call__(self, warehouses: list[Path]) -> None:
        if self.wanted:
            with contextlib.suppress(OSError, duckdb.Error):
                collect(self.published, warehouses)


def _one_line(exc: BaseException, published: Path) -> str:
    """A DuckDB or OS error in one line, naming the user's file rather than the generation the run wrote."""
    text = str(exc)
    for generation in publish.generation_paths(published):
        text = text.replace(str(generation), str(published))
    return publish.one_line(text)


# tables every run rewrites whole, or that hold rows of documents the run did not read
_WHOLE_TABLES = ("quality_issues",)


def catch_up(con: duckdb.DuckDBPyConnection, published: Path) -> bool:
    """Bring the previous generation (``con``) up to ``published``, in one transaction; False when it cannot.

    The previous generation lacks the runs published since it was. Those runs changed the rows of
    the documents their ``document_changes`` name (loaded, failed, withdrawn), and rewrote the tables
    that are not per document (``runs``, ``document_changes``, the cluster catalogue) and
    ``quality_issues`` (the data tests and the cross-document checks there cover every document).
    Exactly those are copied from ``published``; the rows of every other document are the same in
    both and stay. It cannot when the two schemas differ (a migration since): the caller copies.
    """
    con.execute("ATTACH ? AS published (READ_ONLY)", [str(published)])
    try:
        row = con.execute("SELECT current_database()").fetchone()
        tables = _base_tables(con, str(row[0]) if row else "")
        if (
            tables != _base_tables(con, "published")
            or _missing_runs(con, "main.runs", "published.main.runs")
            or _missing_runs(con, "published.main._migrations", "main._migrations", "name")
        ):
            return False
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _touched AS SELECT DISTINCT document_id FROM published.main.document_changes"
            " WHERE run_id IN (SELECT run_id FROM published.main.runs EXCEPT SELECT run_id FROM main.runs)"
        )
        row = con.execute("SELECT count(*) FROM _touched").fetchone()
        touched = bool(row and row[0])
        con.begin()
        try:
            for schema, table in sorted(tables):  # views are re-created by every run
                per_document = schema == "history" or (table in PER_DOCUMENT_TABLES and table not in _WHOLE_TABLES)
                if per_document and not touched:  # no run since changed a document: every table of them is equal
                    continue
                where = " WHERE document_id IN (SELECT document_id FROM _touched)" if per_document else ""
                con.execute(f'DELETE FROM {schema}."{table}"{where}')
                con.execute(f'INSERT INTO {schema}."{table}" BY NAME SELECT * FROM published.{schema}."{table}"{where}')
            con.commit()
        except Exception:
            con.rollback()
            raise
        con.execute("DROP TABLE _touched")
        return True
    finally:
        con.execute("DETACH published")


def _base_tables(con: duckdb.DuckDBPyConnection, catalog: str) -> dict[tuple[str, str], str]:
    """(schema, table) → its columns and types, for every table of ``catalog``: two schemas are equal when these are."""
    return {
        (str(schema), str(table)): str(columns) for schema, table, columns in con.execute(
            "SELECT schema_name, table_name, string_agg(column_name || ' ' || data_type, ', ' ORDER BY column_index)"
            " FROM duckdb_columns() WHERE database_name = $1 AND (schema_name, table_name) IN"
            " (SELECT (schema_name, table_name) FROM duckdb_tables() WHERE database_name = $1 AND NOT internal)"
            " GROUP BY ALL",
            [catalog],
        ).fetchall()
    }  # fmt: skip


def _missing_runs(con: duckdb.DuckDBPyConnection, have: str, lacks: str, key: str = "run_id") -> bool:
    """Whether ``have`` holds a ``key`` that ``lacks`` does not: a run of the previous generation the published
    file does not hold (then it is not an earlier state of it), or a migration it does not (another schema)."""
    row = con.execute(f"SELECT count(*) FROM (SELECT {key} FROM {have} EXCEPT SELECT {key} FROM {lacks})").fetchone()
    return bool(row and row[0])
