"""A read-only SQL shell on the warehouse, for analysts (``make sql``).

    python -m warehouse.shell [WAREHOUSE] [-c "SELECT ..."] [--mode table|csv|json]

Statements end with ``;``. Commands start with a dot: ``.help`` lists them.
The file is opened read-only, so an ingest running meanwhile is never blocked.
At a terminal the shell keeps a history and completes table and column names
(prompt_toolkit); fed from a pipe it reads plain lines.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

import duckdb

from warehouse import DEFAULT_WAREHOUSE
from warehouse.dictionary import described_columns
from warehouse.schema import load_schema

MODES = ("table", "csv", "json")
MAX_TABLE_ROWS = 50
MAX_WIDTH = 200
HISTORY = Path.home() / ".policyfacts_sql_history"

_HELP = """\
.tables            the tables and views, by schema (main: the current rows; history: rows replaced or withdrawn)
.schema [TABLE]    every table with what it holds; with a name, its columns, types and meanings
.mode [MODE]       how results print: table (the default), csv or json (one object per line)
.help              this list
.quit              leave (also .exit, Ctrl-D)
End a statement with ';' to run it; it may span lines. The file is read-only.\
"""

_QUIT = frozenset({".quit", ".exit", "\\q", "quit", "exit"})

_RELATIONS = """
    SELECT schema_name, table_name AS name, 'table' AS kind FROM duckdb_tables()
    WHERE database_name = current_database() AND NOT internal AND NOT starts_with(table_name, '_')
    UNION ALL
    SELECT schema_name, view_name, 'view' FROM duckdb_views()
    WHERE database_name = current_database() AND NOT internal
    ORDER BY schema_name <> 'main', schema_name, name
"""


class Shell:
    """Lines in, results out: the shell without its terminal, so that it can be driven and tested.

    ``feed`` takes one line and says whether to go on; ``finish`` ends the input.
    Results go to ``out``, errors and warnings to ``err``.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, out: TextIO, err: TextIO, mode: str = "table") -> None:
        self.con, self.out, self.err, self.mode = con, out, err, mode
        self.buffer: list[str] = []
        self.errors = 0
        self.commands: dict[str, Callable[[str], None]] = {
            ".tables": self._tables,
            ".schema": self._schema,
            ".mode": self._mode,
            ".help": lambda _: print(_HELP, file=self.out),
            "help": lambda _: print(_HELP, file=self.out),
        }

    @property
    def continuing(self) -> bool:
        """A statement has begun and not yet ended with ``;``."""
        return bool(self.buffer)

    def feed(self, line: str) -> bool:
        """Take one line of input; False when the user asked to leave."""
        stripped = line.strip()
        if not self.buffer:
            if not stripped:
                return True
            word, _, argument = stripped.rstrip(";").partition(" ")
            if word.lower() in _QUIT:
                return False
            if word.lower() in self.commands:
                self.commands[word.lower()](argument.strip())
                return True
            if word.startswith("."):
                self._error(f"unknown command {word}; .help lists the commands")
                return True
        self.buffer.append(line)
        if stripped.endswith(";"):
            statement = "\n".join(self.buffer)
            self.buffer.clear()
            self.run(statement)
        return True

    def finish(self) -> None:
        """The input ended: a statement left without its ``;`` is not run, and the user is told."""
        if self.buffer:
            begun = " ".join(" ".join(self.buffer).split())
            shown = begun if len(begun) <= 60 else begun[:57] + "..."
            self._error(f"the last statement was not run: it does not end with ';' ({shown})", kind="warning")
            self.buffer.clear()

    def run(self, statement: str) -> None:
        """Run SQL and print its result in the current mode; an error is printed, never raised."""
        try:
            relation = self.con.sql(statement)
            if relation is None:
                return
            if self.mode == "table":  # DuckDB's box, which says how many rows it leaves out
                with contextlib.redirect_stdout(self.out):
                    relation.show(max_rows=MAX_TABLE_ROWS, max_width=MAX_WIDTH)
                return
            frame = relation.df()
        except duckdb.Error as exc:
            self._error(str(exc))
            return
        if self.mode == "csv":
            frame.to_csv(self.out, index=False)
        else:
            text = frame.to_json(orient="records", lines=True, date_format="iso", force_ascii=False)
            print(text.rstrip("\n"), file=self.out)

    def names(self) -> list[str]:
        """Table, view and column names, for completion."""
        relations = self.con.sql(_RELATIONS).fetchall()
        columns = self.con.sql(
            "SELECT DISTINCT column_name FROM duckdb_columns() WHERE database_name = current_database()"
        ).fetchall()
        return sorted({name for _, name, _ in relations} | {c for (c,) in columns})

    def _tables(self, _: str) -> None:
        by_schema: dict[str, list[str]] = {}
        for schema, name, kind in self.con.sql(_RELATIONS).fetchall():
            by_schema.setdefault(schema, []).append(name + (" (view)" if kind == "view" else ""))
        for schema, names in by_schema.items():
            print(f"{schema}:", file=self.out)
            print("  " + "  ".join(names), file=self.out)

    def _schema(self, argument: str) -> None:
        described = described_columns(load_schema())
        tables = load_schema()["tables"]
        if not argument:
            for schema, name, kind in self.con.sql(_RELATIONS).fetchall():
                if schema == "main":
                    about = " ".join(str(tables.get(name, {}).get("description", "")).split())
                    print(f"{name}{' (view)' if kind == 'view' else ''}: {about}".rstrip(": "), file=self.out)
            print("history: the same tables, holding rows replaced or withdrawn (.schema history.TABLE)", file=self.out)
            return
        schema, _, name = argument.rpartition(".")
        columns = self.con.execute(
            "SELECT column_name, data_type, is_nullable FROM duckdb_columns()"
            " WHERE database_name = current_database() AND schema_name = ? AND table_name = ? ORDER BY column_index",
            [schema or "main", name],
        ).fetchall()
        if not columns:
            self._error(f"no table or view {argument}; .tables lists them")
            return
        meanings = described.get(name, {})
        width = max(len(c) for c, _, _ in columns)
        for column, data_type, nullable in columns:
            meaning = " ".join(str(meanings.get(column, "")).split())
            null = "" if nullable else " NOT NULL"
            print(f"  {column:<{width}}  {data_type}{null}  {meaning}".rstrip(), file=self.out)

    def _mode(self, argument: str) -> None:
        if not argument:
            print(f"mode {self.mode} (one of {', '.join(MODES)})", file=self.out)
        elif argument.lower() in MODES:
            self.mode = argument.lower()
        else:
            self._error(f"unknown mode {argument}; the modes are {', '.join(MODES)}")

    def _error(self, message: str, kind: str = "error") -> None:
        self.errors += kind == "error"
        print(f"{kind}: {message}", file=self.err)


def _terminal_lines(shell: Shell, **session: Any) -> Iterable[str]:
    """Lines typed at a terminal, with history and completion (prompt_toolkit)."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.completion import WordCompleter
    from prompt_toolkit.history import FileHistory

    prompt: PromptSession[str] = PromptSession(
        history=FileHistory(str(HISTORY)),
        completer=WordCompleter(shell.names(), ignore_case=True),
        complete_while_typing=False,
        **session,
    )
    while True:
        try:
            yield prompt.prompt("...> " if shell.continuing else "sql> ")
        except KeyboardInterrupt:  # Ctrl-C drops the statement being typed, as in psql
            shell.buffer.clear()
        except EOFError:
            return


def interact(shell: Shell, lines: Iterable[str]) -> None:
    for line in lines:
        try:
            if not shell.feed(line):
                return
        except KeyboardInterrupt:  # Ctrl-C during a long query stops the query, not the shell
            shell.buffer.clear()
            print("interrupted", file=shell.err)
    shell.finish()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse", nargs="?", default=str(DEFAULT_WAREHOUSE))
    parser.add_argument("-c", "--command", help="run one statement (or command such as .tables) and exit")
    parser.add_argument("--mode", choices=MODES, default="table", help="how results print")
    args = parser.parse_args(argv)
    try:
        con = duckdb.connect(args.warehouse, read_only=True)
    except duckdb.Error as exc:
        print(f"cannot open {args.warehouse}: {exc} (run `make ingest` first?)", file=sys.stderr)
        return 2
    shell = Shell(con, sys.stdout, sys.stderr, args.mode)
    if args.command:
        command = args.command.strip()
        interact(shell, [command if command.startswith(".") or command.endswith(";") else command + ";"])
        return 1 if shell.errors else 0
    if sys.stdin.isatty() and sys.stdout.isatty():
        print(f"{args.warehouse} (read-only). End statements with ';'. .help lists the commands, .quit leaves.")
        interact(shell, _terminal_lines(shell))
    else:  # a script fed in: its exit status says whether every statement ran
        interact(shell, (line.rstrip("\n") for line in sys.stdin))
        return 1 if shell.errors else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
