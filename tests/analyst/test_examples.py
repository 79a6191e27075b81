"""Every example query in queries/examples.sql runs, and answers its question correctly."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from analyst.conftest import BRIEF
from support import AWM, BLOG, HE, WMCA, query

from warehouse.examples import Example, load_examples

EXAMPLES = {e.name: e for e in load_examples()}


def answer(warehouse: Path, example: Example, **variables: object) -> list[dict[str, object]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        for name, value in variables.items():
            con.execute(f"SET VARIABLE {name} = ?", [value])
        cursor = con.execute(example.sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.close()


def check_employment_by_cluster(warehouse: Path) -> None:
    rows = answer(warehouse, EXAMPLES["employment_by_cluster"])
    got = {(r["cluster_name"], r["published_date"]): (r["employment_low"], r["employment_high"]) for r in rows}
    assert got[("Aerospace", "2005-04")] == (21_700, 21_700)
    assert got[("Aerospace", "2024-03")] == (25_000, 25_000)
    assert got[("Medical Technologies", "2009-12")] == (100_000, 100_000)
    assert got[("Tourism and Leisure", "2005-04")] == (305_000, 305_000)
    # oldest plan first within a cluster
    aerospace = [r["published_date"] for r in rows if r["cluster_name"] == "Aerospace"]
    assert aerospace == sorted(aerospace)
    # each answer is a figure of the warehouse, of that measure, cluster and document
    for r in rows:
        traced = query(
            warehouse,
            "SELECT count(*) FROM figures f JOIN documents d USING (document_id) JOIN clusters c USING (cluster_id)"
            " WHERE list_contains(?, f.figure_id) AND f.measure = 'employment' AND c.name = ? AND d.title = ?"
            " AND coalesce(f.value, f.value_low) = ?",
            [r["headline_figure_ids"], r["cluster_name"], r["document_title"], r["employment_low"]],
        )
        assert traced == [(1,)], r


def check_cluster_figures_between_plans(warehouse: Path) -> None:
    rows = answer(warehouse, EXAMPLES["cluster_figures_between_plans"])
    pairs = {
        (r["cluster_name"], r["measure"], r["earlier_document"], r["later_document"]): (
            r["earlier_value"], r["later_value"], r["change_percent"],
        )
        for r in rows
    }  # fmt: skip
    assert pairs[("Aerospace", "employment", AWM, BRIEF)] == (21_700, 25_000, 15.2)
    assert pairs[("Medical Technologies", "spend", AWM, HE)] == (2e9, 2.2e9, 10.0)
    for r in rows:
        assert r["earlier_date"] < r["later_date"]
        assert r["change_percent"] == round(100 * (r["later_value"] - r["earlier_value"]) / r["earlier_value"], 1)


def check_values_on_a_page(warehouse: Path) -> None:
    example = EXAMPLES["values_on_a_page"]
    assert example.variables() == ["document_id", "page"]
    first = answer(warehouse, example, document_id=BRIEF, page=1)
    second = answer(warehouse, example, document_id=BRIEF, page=2)
    # a figure's label is its measure and what it counts
    assert ("employment: people", 25_000.0) in {(r["label"], r["number"]) for r in first if r["value_kind"] == "figure"}
    assert ("vision", "Our vision is for the West Midlands to lead the world in low-carbon flight.") in {
        (r["label"], r["value_text"]) for r in first
    }
    figures = {(r["label"].split(":")[0], r["number"]) for r in second if r["value_kind"] == "figure"}
    assert {("funding", 12_000_000.0), ("growth_rate", 4.0)} <= figures
    # every value listed lies on that page, with a box on it
    page_two = query(
        warehouse, "SELECT char_start, char_end, height FROM pages WHERE document_id = ? AND page = 2", [BRIEF]
    )
    start, end, height = page_two[0]
    for r in second:
        assert start <= r["char_start"] < r["char_end"] <= end
        assert 0 <= r["top"] <= height
    # a text source has no pages: nothing is listed, rather than the wrong thing
    assert answer(warehouse, example, document_id=AWM, page=1) == []


def check_documents_changed_by_rerun(warehouse: Path) -> None:
    rows = answer(warehouse, EXAMPLES["documents_changed_by_rerun"])
    assert [(r["document_id"], r["change"], r["version"]) for r in rows] == [(BLOG, "changed", 2)]
    (row,) = rows
    original = query(warehouse, "SELECT sha256 FROM history.documents WHERE document_id = ?", [BLOG])
    current = hashlib.sha256(
        Path(query(warehouse, "SELECT source_path FROM documents WHERE document_id = ?", [BLOG])[0][0]).read_bytes()
    )
    assert (row["previous_sha256"], row["sha256"]) == (original[0][0], current.hexdigest())
    # the added sentence ("employs 45,000 people") is one more figure than the file had
    assert row["figures_now"] == row["figures_before"] + 1
    assert (
        row["figures_before"]
        == query(warehouse, "SELECT count(*) FROM history.figures WHERE document_id = ?", [BLOG])[0][0]
        > 0
    )


def check_funding_by_year(warehouse: Path) -> None:
    rows = answer(warehouse, EXAMPLES["funding_by_year"])
    awm = {r["period"]: r["amount"] for r in rows if r["document_id"] == AWM}
    assert awm == {"2005-06": 13_500_000, "2006-07": 20_000_000, "2007-08": 17_500_000, "total": 51_000_000}
    assert sum(v for p, v in awm.items() if p != "total") == awm["total"]
    assert [r["period"] for r in rows if r["document_id"] == AWM][-1] == "total"


def check_cluster_names_across_documents(warehouse: Path) -> None:
    rows = {r["cluster_name"]: r for r in answer(warehouse, EXAMPLES["cluster_names_across_documents"])}
    assert rows["Aerospace"]["documents"] >= 3  # the 2005 plan, the 2022 profiles, the 2024 brief
    assert {"ICT", "Information and Communications Technology (ICT)"} <= set(
        rows["Information and Communications Technology"]["names_as_written"]
    )
    assert all(r["documents"] > 1 and len(r["names_as_written"]) > 1 for r in rows.values())


def check_issues_per_document(warehouse: Path) -> None:
    rows = answer(warehouse, EXAMPLES["issues_per_document"])
    got = {(r["document_id"], r["severity"], r["kind"]): r for r in rows}
    assert got[(AWM, "error", "garbled_text")]["sections"] == ["1.5"]
    assert (WMCA, "warning", "reversed_range") in got
    assert (BLOG, "warning", "sha256_mismatch") in got  # the re-run's file is not the one the manifest describes
    ranks = {"error": 1, "warning": 2, "info": 3}
    for document in {r["document_id"] for r in rows}:
        severities = [ranks[r["severity"]] for r in rows if r["document_id"] == document]
        assert severities == sorted(severities), document


def check_sectors_each_plan_presents(warehouse: Path) -> None:
    rows = answer(warehouse, EXAMPLES["sectors_each_plan_presents"])
    awm = query(warehouse, "SELECT title FROM documents WHERE document_id = ?", [AWM])[0][0]
    got = {r["cluster_name"]: r["salience"] for r in rows if r["document_title"] == awm}
    assert got["Aerospace"] == "presented" and got["Rail"] == "presented", got
    assert {r["salience"] for r in rows} <= {"subject", "presented"}
    # every answer is a mention of that salience in that document
    for r in rows:
        traced = query(
            warehouse,
            "SELECT count(*) FROM cluster_mentions m JOIN documents d USING (document_id)"
            " JOIN clusters c USING (cluster_id) WHERE d.title = ? AND c.name = ? AND m.salience = ?",
            [r["document_title"], r["cluster_name"], r["salience"]],
        )
        assert traced[0][0] >= 1, r


CHECKS: dict[str, Callable[[Path], None]] = {
    name.removeprefix("check_"): check
    for name, check in list(globals().items())
    if name.startswith("check_") and callable(check)
}


def test_every_example_has_a_check() -> None:
    assert set(CHECKS) == set(EXAMPLES)
    assert all(e.question.endswith("?") for e in EXAMPLES.values())


def test_every_example_binds_against_the_schema(fresh_db: duckdb.DuckDBPyConnection) -> None:
    """On an empty warehouse with every migration applied: the names the examples use all exist."""
    for example in EXAMPLES.values():
        for variable in example.variables():
            fresh_db.execute(f"SET VARIABLE {variable} = NULL")
        fresh_db.execute(example.sql).fetchall()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(CHECKS))
def test_example_answers_its_question(analyst_warehouse: Path, name: str) -> None:
    CHECKS[name](analyst_warehouse)
