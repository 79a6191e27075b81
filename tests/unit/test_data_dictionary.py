"""The data dictionary agrees with the schema, and docs/data_dictionary.md is current."""

from __future__ import annotations

import re

import duckdb
from support import ROOT

from pipeline.registry import EXTRACTORS
from pipeline.rows import PER_DOCUMENT_TABLES
from warehouse import migrate
from warehouse.data_tests import load_tests
from warehouse.dictionary import described_columns, render
from warehouse.schema import load_schema


def test_every_column_is_described_and_every_description_is_a_column(fresh_db: duckdb.DuckDBPyConnection) -> None:
    actual: dict[str, set[str]] = {}
    for table, column in fresh_db.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " WHERE table_schema = 'main' AND table_name NOT LIKE '\\_%' ESCAPE '\\'"
    ).fetchall():
        actual.setdefault(table, set()).add(column)
    described = described_columns(load_schema())
    assert set(described) == set(actual)
    for table, columns in described.items():
        assert set(columns) == actual[table], table
        assert all(text and text.strip() for text in columns.values()), table


def test_views_are_marked_as_views(fresh_db: duckdb.DuckDBPyConnection) -> None:
    views = {
        name
        for (name,) in fresh_db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'VIEW'"
        ).fetchall()
    }
    marked = {table for table, spec in load_schema()["tables"].items() if spec.get("view")}
    assert views == marked
    assert views == {
        path.stem.removeprefix("mart_") for path in migrate.VIEWS_DIR.glob("mart_*.sql")
    }  # one file per view
    assert {"cluster_profiles", "figures_long", "funding_by_period", "document_issues", "extracted_values"} <= views


def test_history_twins_every_per_document_table(fresh_db: duckdb.DuckDBPyConnection) -> None:
    def columns(schema: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for table, column in fresh_db.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ?"
            " ORDER BY table_name, ordinal_position",
            [schema],
        ).fetchall():
            out.setdefault(table, []).append(column)
        return out

    main, history = columns("main"), columns("history")
    extra = list(load_schema()["history"]["columns"])
    assert set(history) == set(PER_DOCUMENT_TABLES)
    for table in PER_DOCUMENT_TABLES:
        assert history[table] == main[table] + extra, table


def test_every_table_states_its_grain() -> None:
    for table, spec in load_schema()["tables"].items():
        assert spec["grain"].startswith("One row per"), table


def test_generated_dictionary_is_current() -> None:
    committed = (ROOT / "docs" / "data_dictionary.md").read_text(encoding="utf-8")
    assert committed == render(load_schema()), "docs/data_dictionary.md is stale: run `make docs`"


def test_readme_names_every_table_and_view_and_links_the_examples() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in load_schema()["tables"] if f"`{name}`" not in readme]
    assert missing == [], "README.md does not mention these tables or views"
    assert "(queries/examples.sql)" in readme and "(docs/data_dictionary.md)" in readme
    for target in ("make report", "make examples", "make ingest", "make test"):
        assert target in readme


def test_every_quality_issue_kind_the_code_raises_is_described() -> None:
    described = load_schema()["tables"]["quality_issues"]["columns"]["kind"]
    raised: set[str] = set()
    for folder in ("pipeline", "warehouse", "flows"):
        for path in (ROOT / folder).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            raised |= set(re.findall(r'SourceIssue\(\s*"([a-z_]+)"', source))
    assert raised, "no SourceIssue(...) found: the pattern is stale"
    assert sorted(k for k in raised if f"`{k}`" not in described) == []


def test_the_dictionary_lists_every_data_test_and_every_extractor() -> None:
    text = render(load_schema())
    data_tests = text[text.index("## Data tests") : text.index("## Extractors")]
    assert [t.name for t in load_tests()] == re.findall(r"^\| `(\w+)` \|", data_tests, re.M)
    extractors = text[text.index("## Extractors") :]
    assert [e.id for e in EXTRACTORS] == re.findall(r"^\| `([\w/@-]+)` \|", extractors, re.M)
    assert "| `checks/data-tests@1` | warehouse |" in extractors


def test_keys_and_references_name_real_columns() -> None:
    """A key or reference naming a column the table does not have would be a data test that can only error."""
    schema = load_schema()
    columns = described_columns(schema)
    for table, spec in schema["tables"].items():
        assert set(spec.get("key", [])) <= set(columns[table]), table
        for reference in spec.get("references", []):
            source, _, target = reference.partition("->")
            target_table, _, target_columns = target.strip().partition("(")
            assert {c.strip() for c in source.split(",")} <= set(columns[table]), reference
            wanted = {c.strip() for c in (target_columns.rstrip(")") or source).split(",")}
            assert wanted <= set(columns[target_table.strip()]), reference
