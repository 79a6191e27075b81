"""The data tests over a warehouse built from the bundled sources (and one PDF): all pass, and each one catches
what it is there for in a deliberately corrupted copy."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from analyst.conftest import BRIEF
from support import AWM, query

from warehouse.data_tests import Result, check, run

pytestmark = pytest.mark.slow


def test_every_data_test_passes_on_the_ingested_warehouse(analyst_warehouse: Path) -> None:
    con = duckdb.connect(str(analyst_warehouse), read_only=True)
    try:
        results = run(con)
    finally:
        con.close()
    assert {r.test.name: (r.error, r.rows[:3]) for r in results if not r.passed} == {}
    assert len(results) >= 40
    issues = query(analyst_warehouse, "SELECT count(*) FROM quality_issues WHERE kind = 'data_test_failed'")
    assert issues == [(0,)]


def test_the_run_report_shows_the_data_tests(analyst_warehouse: Path) -> None:
    text = (analyst_warehouse.with_name(f"{analyst_warehouse.stem}-report") / "index.html").read_text()
    assert '<section id="data-tests"><h2>Data tests (' in text
    assert "Every data test passes." in text and "<code>span_source_text_is_true</code>" in text


@pytest.fixture
def corrupt(analyst_warehouse: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable copy of the ingested warehouse, to break on purpose."""
    copy = tmp_path / "corrupt.duckdb"
    shutil.copy(analyst_warehouse, copy)
    con = duckdb.connect(str(copy))
    try:
        yield con
    finally:
        con.close()


def _failing(results: list[Result]) -> dict[str, Result]:
    return {r.test.name: r for r in results if not r.passed}


FUNDING_LINE = (
    "SELECT funding_id, table_id FROM funding WHERE document_id = ? AND line_item = 'Revenue' AND period = '2006-07'"
)


def test_a_changed_funding_line_no_longer_adds_up_to_its_total(corrupt: duckdb.DuckDBPyConnection) -> None:
    (funding_id, table_id), *_ = corrupt.execute(FUNDING_LINE, [AWM]).fetchall()
    corrupt.execute("UPDATE funding SET amount = amount + 1000000 WHERE funding_id = ?", [funding_id])
    failing = _failing(run(corrupt))
    assert set(failing) == {"funding_row_totals"}
    result = failing["funding_row_totals"]
    assert result.columns == ("document_id", "table_id", "line_item", "stated_total", "sum_of_periods")
    assert result.rows == ((AWM, table_id, "Revenue", 38_000_000.0, 39_000_000.0),)


def test_an_altered_source_text_is_caught(corrupt: duckdb.DuckDBPyConnection) -> None:
    figure_id, start, end = corrupt.execute(
        "SELECT figure_id, char_start, char_end FROM figures WHERE document_id = ? ORDER BY char_start LIMIT 1", [BRIEF]
    ).fetchall()[0]
    corrupt.execute("UPDATE figures SET source_text = source_text || 'x' WHERE figure_id = ?", [figure_id])
    failing = _failing(run(corrupt))
    assert set(failing) == {"span_source_text_is_true"}
    ((table, document_id, char_start, char_end, _, _),) = failing["span_source_text_is_true"].rows
    assert (table, document_id, char_start, char_end) == ("figures", BRIEF, start, end)


def test_a_dangling_section_id_is_caught(corrupt: duckdb.DuckDBPyConnection) -> None:
    block_id, start = corrupt.execute(
        "SELECT block_id, char_start FROM blocks WHERE document_id = ? AND section_id IS NOT NULL"
        " ORDER BY char_start LIMIT 1",
        [AWM],
    ).fetchall()[0]
    corrupt.execute("UPDATE blocks SET section_id = ? WHERE block_id = ?", [f"{AWM}:s999", block_id])
    failing = _failing(run(corrupt))
    assert set(failing) == {"span_in_section"}
    ((table, document_id, char_start, _, section_id, section_start, _),) = failing["span_in_section"].rows
    assert (table, document_id, char_start, section_id, section_start) == ("blocks", AWM, start, f"{AWM}:s999", None)


def test_a_span_off_its_page_is_caught(corrupt: duckdb.DuckDBPyConnection) -> None:
    corrupt.execute("UPDATE figures SET page = 1 WHERE document_id = ? AND page = 2", [BRIEF])
    failing = _failing(run(corrupt))
    assert set(failing) == {"span_on_page"}
    assert {(r[0], r[1], r[2]) for r in failing["span_on_page"].rows} == {("figures", BRIEF, 1)}


@pytest.mark.parametrize(
    ("corruption", "test"),
    [
        ("INSERT INTO entities SELECT * FROM entities LIMIT 1", "key_entities"),
        ("UPDATE sections SET parent_section_id = 'nowhere' WHERE level = 2", "ref_sections_parent_section_id"),
        ("DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM figures WHERE cluster_id IS NOT NULL)",
         "ref_figures_cluster_id"),
        ("DELETE FROM tables WHERE table_id IN (SELECT table_id FROM funding)", "ref_funding_table_id"),
        ("UPDATE documents SET status = 'partial' WHERE document_id = 'awm-ict-cluster-web-page'",
         "failed_document_says_why"),
    ],
)  # fmt: skip
def test_each_kind_of_corruption_fails_its_own_test(
    corrupt: duckdb.DuckDBPyConnection, corruption: str, test: str
) -> None:
    corrupt.execute(corruption)
    assert test in _failing(run(corrupt))


def test_a_failure_becomes_a_quality_issue_of_its_document(corrupt: duckdb.DuckDBPyConnection) -> None:
    (funding_id, _), *_ = corrupt.execute(FUNDING_LINE, [AWM]).fetchall()
    corrupt.execute("UPDATE funding SET amount = 0 WHERE funding_id = ?", [funding_id])
    check(corrupt)
    rows = corrupt.execute(
        "SELECT document_id, severity, detail, run_id = (SELECT run_id FROM documents WHERE document_id = ?)"
        " FROM document_issues WHERE kind = 'data_test_failed'",
        [AWM],
    ).fetchall()
    assert len(rows) == 1
    document_id, severity, detail, keeps_the_documents_run = rows[0]
    assert (document_id, severity, keeps_the_documents_run) == (AWM, "error", True)
    assert detail.startswith("data test funding_row_totals failed on 1 row of this document: A funding table's")
    assert "line_item='Revenue', stated_total=38000000.0, sum_of_periods=23500000.0" in detail
