"""Data tests: SQL that returns the rows breaking a rule, run over a small in-memory warehouse."""

from __future__ import annotations

from decimal import Decimal

import duckdb
import pytest

from pipeline.language.numbers import cell_to_amount
from warehouse.data_tests import EXTRACTOR, DataTest, Result, check, key_test, load_tests, reference_test, run
from warehouse.load import insert_rows
from warehouse.session import RunSummary

DOC = "plan-a"
TEXT = "The aerospace cluster employs 25,000 people."


def _one_document(con: duckdb.DuckDBPyConnection) -> None:
    """A warehouse every data test passes on: one run, one document, its text and one figure."""
    con.execute("INSERT INTO runs (run_id, started_at, status, pipeline_version) VALUES ('r1', now(), 'ok', 't')")
    insert_rows(con, "documents", [{
        "document_id": DOC, "source_path": "a.txt", "media_type": "text/plain", "sha256": "0" * 64,
        "status": "ok", "run_id": "r1", "in_manifest": True, "size_bytes": len(TEXT), "pipeline_version": "t",
    }])  # fmt: skip
    insert_rows(con, "document_text", [{"document_id": DOC, "text": TEXT}])
    start = TEXT.index("25,000")
    insert_rows(con, "figures", [{
        "figure_id": "fig-1", "measure": "employment", "value": 25000.0, "unit": "people", "document_id": DOC,
        "char_start": start, "char_end": start + 6, "source_text": "25,000", "extractor": "figures/text@1",
        "confidence": 0.9, "run_id": "r1",
    }])  # fmt: skip


def _failing(results: list[Result]) -> dict[str, Result]:
    return {r.test.name: r for r in results if not r.passed}


def test_every_data_test_binds_and_passes_on_an_empty_warehouse(fresh_db: duckdb.DuckDBPyConnection) -> None:
    results = run(fresh_db)
    assert [r.test.name for r in results] == [t.name for t in load_tests()]
    assert _failing(results) == {}
    for result in results:
        assert bool(result.test.description.strip()), result.test.name
        assert ("document_id" in result.columns) == result.test.per_document, result.test.name


def test_every_data_test_passes_on_a_consistent_warehouse(fresh_db: duckdb.DuckDBPyConnection) -> None:
    _one_document(fresh_db)
    assert _failing(run(fresh_db)) == {}


def test_a_key_test_returns_every_row_whose_key_is_shared_or_missing(fresh_db: duckdb.DuckDBPyConnection) -> None:
    _one_document(fresh_db)
    fresh_db.execute("INSERT INTO figures SELECT * FROM figures")  # fig-1 twice
    fresh_db.execute("INSERT INTO figures SELECT * REPLACE (NULL AS figure_id) FROM figures LIMIT 1")
    (result,) = run(fresh_db, [key_test("figures", ["figure_id"], per_document=True)])
    assert result.columns == ("document_id", "figure_id", "copies")
    assert result.rows == ((DOC, "fig-1", 2), (DOC, "fig-1", 2), (DOC, None, 1))
    assert set(_failing(run(fresh_db))) == {"key_figures"}


def test_a_reference_test_returns_the_rows_whose_reference_is_dangling(fresh_db: duckdb.DuckDBPyConnection) -> None:
    _one_document(fresh_db)
    fresh_db.execute("UPDATE figures SET cluster_id = 'no-such-cluster'")
    (result,) = run(fresh_db, [reference_test("figures", "cluster_id -> clusters", per_document=True)])
    assert (result.test.name, result.rows) == ("ref_figures_cluster_id", ((DOC, "no-such-cluster"),))
    fresh_db.execute("UPDATE figures SET cluster_id = NULL")  # NULL references nothing: not a failure
    assert run(fresh_db, [result.test])[0].passed


@pytest.mark.parametrize(
    "reference", ["cluster_id => clusters", "document_id, table_id -> tables(table_id)", "-> clusters"]
)
def test_a_reference_that_cannot_be_read_is_an_error(reference: str) -> None:
    with pytest.raises(ValueError, match="reference"):
        reference_test("funding", reference, per_document=True)


def test_a_test_whose_sql_fails_is_reported_not_raised(fresh_db: duckdb.DuckDBPyConnection) -> None:
    broken = DataTest("broken", "Reads a table that is not there.", False, "SELECT * FROM no_such_table")
    (result,) = run(fresh_db, [broken])
    assert not result.passed and result.error is not None and "no_such_table" in result.error


def test_failures_about_a_document_become_its_quality_issues_recomputed_each_run(
    fresh_db: duckdb.DuckDBPyConnection,
) -> None:
    _one_document(fresh_db)
    fresh_db.execute("UPDATE figures SET source_text = '52,000'")
    failing = _failing(check(fresh_db))
    assert set(failing) == {"span_source_text_is_true"}
    assert failing["span_source_text_is_true"].rows == (("figures", DOC, 30, 36, "52,000", "25,000"),)
    issues = fresh_db.execute(
        "SELECT kind, severity, document_id, char_start, run_id, extractor, detail FROM quality_issues"
    ).fetchall()
    assert len(issues) == 1
    kind, severity, document_id, char_start, run_id, extractor, detail = issues[0]
    assert (kind, severity, document_id, char_start, run_id, extractor) == (
        "data_test_failed", "error", DOC, None, "r1", EXTRACTOR,
    )  # fmt: skip
    assert detail.startswith("data test span_source_text_is_true failed on 1 row of this document: Every `source_text`")
    assert "table_name='figures', char_start=30, char_end=36, source_text='52,000', span_text='25,000'" in detail

    check(fresh_db)  # the same failure again: one issue, not two
    assert fresh_db.execute("SELECT count(*) FROM quality_issues").fetchall() == [(1,)]
    fresh_db.execute("UPDATE figures SET source_text = '25,000'")
    assert _failing(check(fresh_db)) == {}
    assert fresh_db.execute("SELECT count(*) FROM quality_issues").fetchall() == [(0,)]


def test_a_failure_naming_no_known_document_is_no_quality_issue(fresh_db: duckdb.DuckDBPyConnection) -> None:
    _one_document(fresh_db)
    fresh_db.execute("UPDATE figures SET document_id = 'ghost'")
    failing = _failing(check(fresh_db))
    assert {"span_has_document"} <= set(failing)
    assert fresh_db.execute("SELECT count(*) FROM quality_issues").fetchall() == [(0,)]


def test_the_run_summary_names_the_failed_tests(fresh_db: duckdb.DuckDBPyConnection) -> None:
    _one_document(fresh_db)
    fresh_db.execute("UPDATE figures SET char_end = char_start")
    summary = RunSummary(run_id="r2")
    summary.record_data_tests(run(fresh_db))
    lines = summary.lines()
    total = len(load_tests())
    assert f"data tests: {total - 2} passed, 2 failed" in lines
    failed = [line for line in lines if line.startswith("data test failed: ")]
    assert [line.split(":")[1].strip() for line in failed] == ["span_is_ordered", "span_source_text_is_true"]
    assert failed[0].startswith("data test failed: span_is_ordered: 1 offending row in 1 document: Every span")
    clean = RunSummary(run_id="r3")
    clean.record_data_tests([])
    assert clean.lines()[-1] == "data tests: 0 passed"


def test_a_run_that_changed_some_documents_tests_those_and_leaves_the_others_issues(
    fresh_db: duckdb.DuckDBPyConnection,
) -> None:
    _one_document(fresh_db)
    fresh_db.execute("UPDATE figures SET source_text = '52,000'")
    check(fresh_db)  # a whole check: plan-a's failure is its issue
    assert fresh_db.execute("SELECT document_id FROM quality_issues").fetchall() == [(DOC,)]
    other = check(fresh_db, {"plan-b"})  # a run that changed another document: plan-a's rows are not read
    assert "span_source_text_is_true" not in _failing(other)
    assert fresh_db.execute("SELECT document_id FROM quality_issues").fetchall() == [(DOC,)]  # and its issue stands
    assert _failing(check(fresh_db, {DOC})).keys() == {"span_source_text_is_true"}  # a run that changed plan-a
    nothing = run(fresh_db, documents=set())  # a run that changed nothing: the per-document tests do not run...
    assert all(not r.test.per_document or not r.test.scoped for r in nothing)
    fresh_db.execute("UPDATE figures SET document_id = 'ghost'")  # ...but rows of no document are always sought
    assert "span_has_document" in _failing(run(fresh_db, documents=set()))


def _funding_column(con: duckdb.DuckDBPyConnection, lines: list[tuple[str, float | None]], col: int = 1) -> None:
    """One funding table's column, top to bottom: (line item, amount printed in £bn); None, a blank cell."""
    insert_rows(con, "funding", [{
        "table_id": "tbl-1", "line_item": item, "period": f"period {col}", "amount": amount * 1e9, "currency": "GBP",
        "is_total": "total" in item.lower(), "document_id": DOC, "char_start": 100 * col + row,
        "char_end": 100 * col + row + 1, "source_text": f"{amount:,}", "unit_multiplier": 1e9,
        "extractor": "funding/table@3", "confidence": 0.9, "run_id": "r1", "row": row, "col": col,
    } for row, (item, amount) in enumerate(lines, start=1) if amount is not None])  # fmt: skip


@pytest.mark.parametrize(
    ("lines", "adds_up"),
    [
        ([("Staff", 10), ("Recharges", 20), ("Total", 30), ("Emoluments", 5), ("Total", 5)], True),
        ([("Staff", 10), ("Recharges", 20), ("Subtotal", 30), ("Emoluments", 5), ("Total", 35)], True),
        ([("Staff", 10), ("Recharges", 20), ("Total", 30), ("Emoluments", 5), ("Total", 7)], False),
        ([("Staff", 10), ("Recharges", 20), ("Grand total", 33)], False),
        ([("Defence", 699), ("Other", 600), ("Total", 1300)], True),  # rounded to billions: within 1.5
        ([("Defence", 699.4), ("Other", 600.1), ("Total", 1300)], True),  # within 0.05 + 0.05 + 0.5 of rounding
        ([("Defence", 699.4), ("Other", 600.1), ("Total", 1301)], False),  # 1.5 apart: beyond it
        # a statement of accounts: a group's total under its heading (no amount), after a row of no part of it
        (
            [
                ("Payables", -5250),
                ("Total current liabilities", -5250),
                ("Net current assets", 112),
                ("Non current liabilities", None),
                ("Payables after one year", -3657),
                ("Total non current", -3657),
            ],
            True,
        ),
        (
            [
                ("Payables", -5250),
                ("Total current liabilities", -5250),
                ("Net current assets", 112),
                ("Payables after one year", -3657),
                ("Total non current", -3657),
            ],
            False,
        ),
        ([("Revenue", None), ("Grants", 10), ("Loans", 20), ("Capital", None), ("Buildings", 5), ("Total", 35)], True),
        (  # a blank row between a group's heading and its total: the total still adds the group
            [
                ("Payables", -5250),
                ("Total current liabilities", -5250),
                ("Net current assets", 112),
                ("Non current liabilities", None),
                ("Payables after one year", -3657),
                ("", None),
                ("Provisions", -100),
                ("Total non current", -3757),
            ],
            True,
        ),
        ([("Revenue", None), ("Grants", 10), ("Loans", 20), ("Capital", None), ("Buildings", 5), ("Total", 38)], False),
    ],
)
def test_a_total_adds_up_the_rows_since_the_total_before_it(
    fresh_db: duckdb.DuckDBPyConnection, lines: list[tuple[str, float | None]], adds_up: bool
) -> None:
    """Notes of accounts print several totals down one column, each of the rows since the one before, or of those
    since its group's heading (a row with no amount); a subtotal stands for the rows it closes."""
    _funding_column(fresh_db, lines)
    (result,) = run(fresh_db, [t for t in load_tests() if t.name == "funding_column_totals"])
    assert result.passed == adds_up, result.rows


@pytest.mark.parametrize(("total", "adds_up"), [("$8M", True), ("$9M", False)])
def test_cells_printed_at_their_own_scale_round_at_it(
    fresh_db: duckdb.DuckDBPyConnection, total: str, adds_up: bool
) -> None:
    """A table whose cells print `$` and their scale (`$1.1M`, unit multiplier 1): each rounds at its own scale,
    so parts printed to the hundred thousand add up to a total printed to the million, within half of each."""
    printed = [("Portal", "$1.1M"), ("Dashboard", "$0.44M"), ("Platform", "$0"), ("Tools", "$2.88M"),
               ("Data", "$3.56M"), ("Total", total)]  # fmt: skip  # the parts make $7.98M
    insert_rows(fresh_db, "funding", [{
        "table_id": "tbl-1", "line_item": item, "period": "none", "amount": float(cell_to_amount(text, Decimal(1))),
        "currency": "USD", "is_total": item == "Total", "document_id": DOC, "char_start": row, "char_end": row + 1,
        "source_text": text, "unit_multiplier": 1, "extractor": "funding/table@7", "confidence": 0.9, "run_id": "r1",
        "row": row, "col": 1,
    } for row, (item, text) in enumerate(printed, start=1)])  # fmt: skip
    (result,) = run(fresh_db, [t for t in load_tests() if t.name == "funding_column_totals"])
    assert result.passed == adds_up, result.rows


def _funding_row(con: duckdb.DuckDBPyConnection, periods: list[str], amounts: list[float | None]) -> None:
    """One funding table's row, left to right: a line per column headed by ``periods`` (``total`` for a total
    column, ``none`` for one with no period) of amounts printed in £m to one decimal; None, a blank cell."""
    insert_rows(con, "funding", [{
        "table_id": "tbl-1", "line_item": "Region A", "period": period, "amount": amount * 1e6, "currency": "GBP",
        "is_total": period == "total", "document_id": DOC, "char_start": col, "char_end": col + 1,
        "source_text": f"{amount:,.1f}", "unit_multiplier": 1e6, "extractor": "funding/table@9", "confidence": 0.9,
        "run_id": "r1", "row": 2, "col": col,
    } for col, (period, amount) in enumerate(zip(periods, amounts, strict=True), start=1) if amount is not None])  # fmt: skip


@pytest.mark.parametrize(
    ("periods", "amounts", "adds_up"),
    [
        (["2019", "2020", "total"], [10, 20, 30], True),
        (["2019", "2020", "total"], [10, 20, 31], False),
        (["2019", "2020", "total"], [10.4, 20.4, 30.7], True),  # rounded: within half a printed unit of each
        # Revenue | Capital | Total | Others | Total: the first total adds the columns before it only
        (["2019", "2020", "total", "2019", "total"], [10, 20, 30, 5, 35], True),
        (["2019", "2020", "total", "2019", "total"], [10, 20, 31, 5, 36], False),
        # totals printed before their parts: each adds the columns after it up to the next total
        (["total", "2019", "2020", "total", "2019"], [30, 10, 20, 5, 5], True),
        (["total", "2019", "2020", "total", "2019"], [35, 10, 20, 5, 6], False),
        # a total standing for the columns it closes: the last adds the one before it and its own column
        (["2019", "total", "2019", "total", "2019", "total"], [10, 10, 5, 5, 7, 12], True),
        (["2019", "total", "2019", "total", "2019", "total"], [10, 10, 5, 5, 7, 13], False),
        # a column of amounts with no period beside the periods is no part of their total
        (["2019", "none", "2020", "total"], [10, 7, 20, 30], True),
        (["2019", "none", "2020", "total"], [10, 7, 20, 37], False),
        (["none", "none", "total"], [10, 20, 30], True),  # a table of undated columns adds them up
        (["none", "none", "total"], [10, 20, 31], False),
    ],
)
def test_a_total_column_adds_the_columns_it_totals_one_of_the_ways_a_table_prints_them(
    fresh_db: duckdb.DuckDBPyConnection, periods: list[str], amounts: list[float | None], adds_up: bool
) -> None:
    _funding_row(fresh_db, periods, amounts)
    (result,) = run(fresh_db, [t for t in load_tests() if t.name == "funding_row_totals"])
    assert result.passed == adds_up, result.rows


def test_a_total_row_under_periods_down_the_first_column_is_no_total_column(
    fresh_db: duckdb.DuckDBPyConnection,
) -> None:
    """Periods down the first column (``2019-20``, ``2020-21``, ``Total``): the total row's lines are each
    ``total``, but no column totals the others (the extractor checks none of them)."""
    insert_rows(fresh_db, "funding", [{
        "table_id": "tbl-1", "line_item": item, "period": period, "amount": amount * 1e6, "currency": "GBP",
        "is_total": period == "total", "document_id": DOC, "char_start": 10 * row + col, "char_end": 10 * row + col + 1,
        "source_text": f"{amount}", "unit_multiplier": 1e6, "extractor": "funding/table@9", "confidence": 0.9,
        "run_id": "r1", "row": row, "col": col,
    } for row, period, amounts in ((1, "2019-20", (10, 20)), (2, "2020-21", (11, 21)), (3, "total", (21, 41)))
        for col, (item, amount) in enumerate(zip(("Capital", "Revenue"), amounts, strict=True), start=1)])  # fmt: skip
    (result,) = run(fresh_db, [t for t in load_tests() if t.name == "funding_row_totals"])
    assert result.passed, result.rows


PERIODS = ("2019", "2020", "2021")


@pytest.mark.parametrize(
    ("printed", "adds_up"),
    [
        (["$1.1M ....", "$0.44M ....", "$1.5M ...."], True),  # dot leaders after a figure printed at its own scale
        (["$1.1M ....", "$0.44M ....", "$1.7M ...."], False),
        (["0.9", "3.7", "0.5", "4.9"], True),  # 0.2 apart, as much as the half units of the last digits allow
        (["0.9", "3.7", "0.5", "4.8"], False),
    ],
)
def test_a_rows_total_allows_the_rounding_of_its_printed_figures(
    fresh_db: duckdb.DuckDBPyConnection, printed: list[str], adds_up: bool
) -> None:
    insert_rows(fresh_db, "funding", [{
        "table_id": "tbl-1", "line_item": "Portal", "period": period, "amount": float(cell_to_amount(text, Decimal(1))),
        "currency": "USD", "is_total": period == "total", "document_id": DOC, "char_start": col, "char_end": col + 1,
        "source_text": text, "unit_multiplier": 1, "extractor": "funding/table@9", "confidence": 0.9, "run_id": "r1",
        "row": 1, "col": col,
    } for col, (period, text) in enumerate(zip([*PERIODS[: len(printed) - 1], "total"], printed, strict=True), start=1)])  # fmt: skip
    (result,) = run(fresh_db, [t for t in load_tests() if t.name == "funding_row_totals"])
    assert result.passed == adds_up, result.rows


def test_a_total_row_blank_in_one_column_still_closes_the_rows_above_it(fresh_db: duckdb.DuckDBPyConnection) -> None:
    _funding_column(fresh_db, [("Staff", 1), ("Total", None), ("Recharges", 2), ("Total", 2)], col=1)
    _funding_column(fresh_db, [("Staff", 1), ("Total", 1), ("Recharges", 2), ("Total", 2)], col=2)
    (result,) = run(fresh_db, [t for t in load_tests() if t.name == "funding_column_totals"])
    assert result.passed, result.rows
