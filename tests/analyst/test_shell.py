"""The SQL shell (``make sql``) as an analyst types into it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from warehouse import shell
from warehouse.shell import Shell


@pytest.fixture
def session(analyst_warehouse: Path) -> tuple[Shell, io.StringIO, io.StringIO]:
    out, err = io.StringIO(), io.StringIO()
    return Shell(duckdb.connect(str(analyst_warehouse), read_only=True), out, err), out, err


def test_tables_are_listed_once_by_schema(session: tuple[Shell, io.StringIO, io.StringIO]) -> None:
    typed, out, err = session
    typed.feed(".tables")
    lines = out.getvalue().splitlines()
    assert [line for line in lines if not line.startswith(" ")] == ["main:", "history:"]
    main, history = (line.split() for line in lines if line.startswith(" "))
    assert "figures" in main and "figures" in history
    assert "extracted_values" in main and main[main.index("extracted_values") + 1] == "(view)"
    assert not any(name.startswith("_") for name in main)
    assert err.getvalue() == ""


def test_schema_gives_a_tables_columns_with_their_meaning(session: tuple[Shell, io.StringIO, io.StringIO]) -> None:
    typed, out, err = session
    typed.feed(".schema figures")
    columns = {line.split()[0]: line for line in out.getvalue().splitlines()}
    assert (
        "VARCHAR NOT NULL" in columns["document_id"] and "The document the value comes from" in columns["document_id"]
    )
    assert "value_low" in columns
    typed.feed(".schema")
    assert "figures: " in out.getvalue() and "history: " in out.getvalue()
    typed.feed(".schema no_such_table")
    assert err.getvalue() == "error: no table or view no_such_table; .tables lists them\n"


def test_an_unknown_command_is_an_error_at_once_and_the_next_statement_runs(
    session: tuple[Shell, io.StringIO, io.StringIO],
) -> None:
    typed, out, err = session
    typed.feed(".shcema figures")
    assert err.getvalue() == "error: unknown command .shcema; .help lists the commands\n"
    assert not typed.continuing
    typed.feed("SELECT count(*) AS documents")
    assert typed.continuing
    typed.feed("FROM documents;")
    assert "documents" in out.getvalue() and "│" in out.getvalue()
    typed.feed("help")
    assert ".schema [TABLE]" in out.getvalue()
    assert typed.feed(".quit") is False


def test_a_last_statement_without_its_semicolon_is_not_run_and_the_user_is_told(
    session: tuple[Shell, io.StringIO, io.StringIO],
) -> None:
    typed, out, err = session
    shell.interact(typed, ["SELECT 1;", "SELECT count(*)", "FROM figures"])
    assert out.getvalue().count("┌") == 1
    assert err.getvalue() == (
        "warning: the last statement was not run: it does not end with ';' (SELECT count(*) FROM figures)\n"
    )


def test_modes_print_csv_and_json_that_read_back(
    session: tuple[Shell, io.StringIO, io.StringIO], analyst_warehouse: Path
) -> None:
    typed, out, err = session
    query = "SELECT document_id, title FROM documents ORDER BY document_id;"
    expected = duckdb.connect(str(analyst_warehouse), read_only=True).sql(query.rstrip(";")).df()
    typed.feed(".mode csv")
    typed.feed(query)
    pd.testing.assert_frame_equal(pd.read_csv(io.StringIO(out.getvalue())), expected)
    out.truncate(0), out.seek(0)
    typed.feed(".mode json")
    typed.feed(query)
    assert [json.loads(line) for line in out.getvalue().splitlines()] == expected.to_dict("records")
    typed.feed(".mode xml")
    assert err.getvalue() == "error: unknown mode xml; the modes are table, csv, json\n"
    assert typed.mode == "json"


def test_errors_are_printed_and_set_the_exit_status(
    analyst_warehouse: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert shell.main([str(analyst_warehouse), "-c", "SELECT count(*) FROM no_such_table"]) == 1
    assert "error: Catalog Error" in capsys.readouterr().err
    assert shell.main([str(analyst_warehouse), "--mode", "csv", "-c", "SELECT 2 AS two"]) == 0
    assert capsys.readouterr().out == "two\n2\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(".mode csv\nSELECT 3 AS three;\n.nope\n"))
    assert shell.main([str(analyst_warehouse)]) == 1  # a script fed in that met an error
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("three\n3\n", "error: unknown command .nope; .help lists the commands\n")


def test_at_a_terminal_lines_are_kept_in_a_history(
    session: tuple[Shell, io.StringIO, io.StringIO], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    typed, out, _ = session
    monkeypatch.setattr(shell, "HISTORY", tmp_path / "history")
    with create_pipe_input() as keys:
        keys.send_text("SELECT 41 + 1\r AS answer;\r.quit\r")
        shell.interact(typed, shell._terminal_lines(typed, input=keys, output=DummyOutput()))
    assert "42" in out.getvalue()
    assert "SELECT 41 + 1" in (tmp_path / "history").read_text()
    assert "figures" in typed.names() and "document_id" in typed.names()
