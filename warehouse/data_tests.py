"""Data tests: SQL over the warehouse that returns the rows breaking a rule (no rows: the test passes).

They are declared in ``warehouse/schema.yml`` in the dbt manner:

* ``key: [columns]`` on a table: those columns identify one row, never NULL and never shared (test ``key_<table>``);
* ``references: ["columns -> table(columns)"]`` on a table: every value (NULLs aside) is a row of the other
  table (test ``ref_<table>_<column>``);
* ``data_tests:``: singular tests, each a name, a description, whether its failures concern a document
  (``per_document``; its SQL then returns a ``document_id`` column) and its SQL. In that SQL, ``spans`` is
  every row of every table with provenance (``table_name``, ``document_id``, ``page``, ``char_start``,
  ``char_end``, ``source_text``, ``section_id``, ``run_id``).

They run at the end of every ingest, on the building copy before it is published (:func:`check`), and
again when the run report is drawn (:func:`run`). A failure that concerns a document becomes one
``data_test_failed`` quality issue on that document, recomputed from scratch each run, like the
cross-document conflicts.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from pipeline.models import SourceIssue
from pipeline.registry import extractor
from pipeline.rows import Row, bare_issue_row
from warehouse.load import insert_rows
from warehouse.schema import load_schema

EXTRACTOR = extractor("checks/data-tests")
SAMPLE_ROWS = 3  # offending rows quoted in a quality issue's detail
_NAMES = r"\w+(?:\s*,\s*\w+)*"  # a, b, c
_REFERENCE = re.compile(rf"^\s*(?P<columns>{_NAMES})\s*->\s*(?P<table>\w+)\s*(?:\((?P<to>{_NAMES})\))?\s*$")
SPAN_COLUMNS = ("document_id", "page", "char_start", "char_end", "source_text", "section_id", "run_id")


@dataclass(frozen=True, slots=True)
class DataTest:
    name: str
    description: str
    per_document: bool  # its failures concern a document: the SQL returns a document_id column
    sql: str
    scoped: bool = True  # a run that changed some documents may run it on those only (see :func:`run`)


@dataclass(frozen=True, slots=True)
class Result:
    test: DataTest
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[Any, ...], ...] = ()  # the offending rows, sorted
    error: str | None = None  # the SQL itself failed

    @property
    def passed(self) -> bool:
        return self.error is None and not self.rows

    def by_document(self) -> dict[str, list[tuple[Any, ...]]]:
        """The offending rows of a per-document test, by document (a test about no document gives none)."""
        if not self.test.per_document or "document_id" not in self.columns:
            return {}
        at = self.columns.index("document_id")
        out: dict[str, list[tuple[Any, ...]]] = {}
        for row in self.rows:
            out.setdefault(str(row[at]), []).append(row)
        return out

    def sample(self, rows: Sequence[tuple[Any, ...]] | None = None, limit: int = SAMPLE_ROWS) -> list[str]:
        """Offending rows as ``column=value`` text (``document_id`` left out), for people to read."""
        shown = list(self.rows if rows is None else rows)[:limit]
        return [
            ", ".join(f"{c}={_short(v)}" for c, v in zip(self.columns, row, strict=True) if c != "document_id")
            for row in shown
        ]


def _short(value: object, width: int = 60) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _columns(text: str) -> list[str]:
    return [c.strip() for c in text.split(",")]


def _quoted(columns: Iterable[str], alias: str = "") -> str:
    prefix = f"{alias}." if alias else ""
    return ", ".join(f'{prefix}"{c}"' for c in columns)


def key_test(table: str, key: Sequence[str], per_document: bool) -> DataTest:
    """``key`` identifies one row of ``table``: every row whose key is NULL or shared is returned."""
    shown = list(dict.fromkeys(["document_id", *key] if per_document else key))
    missing = " OR ".join(f'"{c}" IS NULL' for c in key)
    sql = (
        f"SELECT {_quoted(shown)}, count(*) OVER (PARTITION BY {_quoted(key)}) AS copies\n"
        f'FROM main."{table}"\nQUALIFY copies > 1 OR {missing}'
    )
    named = f"`{table}.{key[0]}`" if len(key) == 1 else f"({', '.join(key)}) of `{table}`"
    description = f"{named} identifies one row: never NULL, never shared by two rows."
    return DataTest(f"key_{table}", description, per_document, sql)


def reference_test(table: str, reference: str, per_document: bool) -> DataTest:
    """``reference`` (``a, b -> other(x, y)``) holds for every row of ``table`` whose columns are all set."""
    match = _REFERENCE.match(reference)
    if match is None:
        raise ValueError(f"{table}: cannot read reference {reference!r} (expected 'a, b -> table(x, y)')")
    columns = _columns(match["columns"])
    target = match["table"]
    to = _columns(match["to"]) if match["to"] else columns
    if len(to) != len(columns):
        raise ValueError(f"{table}: reference {reference!r} pairs {len(columns)} columns with {len(to)}")
    shown = list(dict.fromkeys(["document_id", *columns] if per_document else columns))
    present = " AND ".join(f'r."{c}" IS NOT NULL' for c in columns)
    joined = " AND ".join(f't."{t}" = r."{c}"' for c, t in zip(columns, to, strict=True))
    sql = (
        f'SELECT {_quoted(shown, "r")}\nFROM main."{table}" r\n'
        f'WHERE {present}\n  AND NOT EXISTS (SELECT 1 FROM main."{target}" t WHERE {joined})'
    )
    named = [c for c in columns if c != "document_id"] or columns
    if len(columns) == 1:
        description = f"Every `{table}.{columns[0]}` is a `{to[0]}` of `{target}` (NULLs aside)."
    else:
        description = f"Every ({', '.join(columns)}) of `{table}` is a ({', '.join(to)}) of `{target}` (NULLs aside)."
    return DataTest(f"ref_{table}_{named[-1]}", description, per_document, sql)


def schema_to_tests(schema: dict[str, Any]) -> list[DataTest]:
    """Every data test of the schema: each table's key and references, in table order, then the singular tests."""
    provenance = set(schema["provenance_columns"])
    tests: list[DataTest] = []
    for table, spec in schema["tables"].items():
        columns = {*spec["columns"], *(provenance if spec.get("provenance") else ())}
        per_document = "document_id" in columns
        if spec.get("key"):
            tests.append(key_test(table, spec["key"], per_document))
        tests += [reference_test(table, ref, per_document) for ref in spec.get("references", [])]
    for name, spec in schema.get("data_tests", {}).items():
        description = " ".join(spec["description"].split())
        tests.append(DataTest(name, description, bool(spec["per_document"]), spec["sql"], spec.get("scoped", True)))
    names = [t.name for t in tests]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise ValueError(f"data tests named twice in schema.yml: {duplicated}")
    return tests


def spans_sql(schema: dict[str, Any]) -> str:
    """Every row of every table with provenance, in one shape: the ``spans`` the singular tests read."""
    tables = [t for t, spec in schema["tables"].items() if spec.get("provenance") and not spec.get("view")]
    return "\nUNION ALL ".join(f"SELECT '{t}' AS table_name, {_quoted(SPAN_COLUMNS)} FROM main.\"{t}\"" for t in tables)


def load_tests() -> list[DataTest]:
    return schema_to_tests(load_schema())


def fingerprint(tests: Sequence[DataTest] | None = None) -> str:
    """A short hash of the tests (names and SQL) and of the spans they read: equal when they would find the same."""
    schema = load_schema()
    parts = [spans_sql(schema), *(f"{t.name}\x1f{t.sql}" for t in (tests or schema_to_tests(schema)))]
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()[:16]


def run(
    con: duckdb.DuckDBPyConnection, tests: Sequence[DataTest] | None = None, documents: Collection[str] | None = None
) -> list[Result]:
    """Run each test (reads only); a test whose SQL fails is a result with its error, not an exception.

    ``documents``: the per-document tests look at these documents only (their rows, and any row they
    share a key with), and the others run whole, as do those marked ``scoped: false`` (a test of rows
    that belong to no document); None runs every test on every document.
    """
    schema = load_schema()
    spans = spans_sql(schema)
    scope = f"WHERE document_id IN ({', '.join(_literal(d) for d in sorted(documents))})" if documents else ""
    results = []
    for test in schema_to_tests(schema) if tests is None else tests:
        narrowed = test.per_document and test.scoped and documents is not None
        if narrowed and documents is not None and not documents:
            continue
        where = scope if narrowed else ""
        try:
            cursor = con.execute(f"WITH spans AS (\n{spans}\n)\nSELECT * FROM (\n{test.sql}\n) {where} ORDER BY ALL")
            columns = tuple(d[0] for d in cursor.description)
            results.append(Result(test, columns, tuple(cursor.fetchall())))
        except duckdb.Error as exc:
            results.append(Result(test, error=f"{type(exc).__name__}: {exc}"))
    return results


def _literal(text: str) -> str:
    """A SQL string literal (a list of literals lets DuckDB filter the tables' scans, where a subquery does not).

    >>> _literal("o'neill-plan")
    "'o''neill-plan'"
    """
    return "'" + text.replace("'", "''") + "'"


def results_to_issue_rows(results: Sequence[Result], document_runs: dict[str, str]) -> list[Row]:
    """One ``data_test_failed`` issue per failing test per document the warehouse holds (``document_runs``:
    document → the run that loaded it, which the issue keeps, so an unchanged re-run changes no row). A
    failure naming a document that is not in ``documents`` concerns no document: the run summary and the
    report show it."""
    rows = []
    for result in results:
        for document_id, failing in result.by_document().items():
            if document_id not in document_runs:
                continue
            detail = (
                f"data test {result.test.name} failed on {len(failing)} row{'s' if len(failing) > 1 else ''} of"
                f" this document: {result.test.description} First: " + "; ".join(result.sample(failing))
            )
            issue = SourceIssue("data_test_failed", "error", detail, extractor=EXTRACTOR)
            rows.append(bare_issue_row(document_id, issue, document_runs[document_id]))
    return rows


def check(con: duckdb.DuckDBPyConnection, documents: Collection[str] | None = None) -> list[Result]:
    """Run the data tests and replace the ``data_test_failed`` issues with the failures found now.

    ``documents`` (see :func:`run`): only those documents' issues are replaced; the others' stand,
    as their rows did not change. The tests run before the old issues go: those issues have no
    span and name documents that exist, so no test reads them as a failure.
    """
    results = run(con, documents=documents)
    document_runs = {str(d): str(r) for d, r in con.execute("SELECT document_id, run_id FROM documents").fetchall()}
    if documents is not None:
        document_runs = {d: r for d, r in document_runs.items() if d in documents}
    issues = results_to_issue_rows(results, document_runs)
    con.begin()
    try:
        if documents is None:
            con.execute("DELETE FROM quality_issues WHERE extractor = ?", [EXTRACTOR])
        elif documents:
            con.execute(
                "DELETE FROM quality_issues WHERE extractor = ? AND document_id IN (SELECT unnest(?))",
                [EXTRACTOR, sorted(documents)],
            )
        insert_rows(con, "quality_issues", issues)
        con.commit()
    except Exception:
        con.rollback()
        raise
    return results
