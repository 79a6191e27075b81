"""A read-only SQL shell on the warehouse, for analysts (``make sql``).

    python -m warehouse.shell [WAREHOUSE] [-c "SELECT ..."]

Statements end with ``;``. ``.tables`` lists tables and views, ``.quit`` leaves.
The file is opened read-only, so an ingest running meanwhile is never blocked.
"""

from __future__ import annotations

import argparse
import contextlib
import sys

import duckdb

from warehouse import DEFAULT_WAREHOUSE

_TABLES = (
    "SELECT table_name, table_type FROM information_schema.tables"
    " WHERE table_name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY 1"
)


def run(con: duckdb.DuckDBPyConnection, statement: str) -> None:
    try:
        relation = con.sql(statement)
    except duckdb.Error as exc:
        print(f"error: {exc}", file=sys.stderr)
        return
    if relation is not None:
        relation.show(max_rows=50, max_width=200)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse", nargs="?", default=str(DEFAULT_WAREHOUSE))
    parser.add_argument("-c", "--command", help="run one statement and exit")
    args = parser.parse_args(argv)
    try:
        con = duckdb.connect(args.warehouse, read_only=True)
    except duckdb.Error as exc:
        print(f"cannot open {args.warehouse}: {exc} (run `make ingest` first?)", file=sys.stderr)
        return 2
    if args.command:
        run(con, args.command)
        return 0
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (line editing and history for input())
    print(f"{args.warehouse} (read-only). End statements with ';'. .tables lists tables, .quit leaves.")
    buffer: list[str] = []
    while True:
        try:
            line = input("sql> " if not buffer else "...> ")
        except EOFError:
            print()
            return 0
        stripped = line.strip()
        if not buffer and stripped in (".quit", ".exit", "\\q"):
            return 0
        if not buffer and stripped == ".tables":
            run(con, _TABLES)
            continue
        buffer.append(line)
        if stripped.endswith(";"):
            run(con, "\n".join(buffer))
            buffer.clear()


if __name__ == "__main__":
    sys.exit(main())
