"""The example queries of ``queries/examples.sql``: parsed, and run against a warehouse (``make examples``).

python -m warehouse.examples [WAREHOUSE] [--set name=value ...]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse import DEFAULT_WAREHOUSE, HERE

EXAMPLES_PATH = HERE.parent / "queries" / "examples.sql"
_HEADER = re.compile(r"^-- name: (?P<name>\w+)\n-- question: (?P<question>.+)$", re.M)


@dataclass(frozen=True)
class Example:
    name: str
    question: str
    sql: str  # the statement, comments included, without its final semicolon

    def variables(self) -> list[str]:
        return sorted(set(re.findall(r"getvariable\('(\w+)'\)", self.sql)))


def text_to_examples(text: str) -> list[Example]:
    """Each ``-- name:`` / ``-- question:`` header and the statement that follows it."""
    headers = list(_HEADER.finditer(text))
    out = []
    for header, following in zip(headers, [*headers[1:], None], strict=True):
        body = text[header.end() : following.start() if following else len(text)].strip()
        statement = body.rstrip().removesuffix(";")
        if ";" in re.sub(r"--[^\n]*", "", statement):
            raise ValueError(f"example {header['name']} holds more than one statement")
        out.append(Example(header["name"], header["question"].strip(), statement))
    return out


def load_examples(path: Path = EXAMPLES_PATH) -> list[Example]:
    return text_to_examples(path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse", nargs="?", default=str(DEFAULT_WAREHOUSE))
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a variable the queries read with getvariable() (integers stay numbers)")  # fmt: skip
    args = parser.parse_args(argv)
    con = duckdb.connect(args.warehouse, read_only=True)
    for assignment in args.set:
        name, _, value = assignment.partition("=")
        con.execute(f"SET VARIABLE {name} = ?", [int(value) if value.isdigit() else value])
    for example in load_examples():
        print(f"\n== {example.name}: {example.question}")
        missing = [v for v in example.variables() if con.execute("SELECT getvariable(?)", [v]).fetchall()[0][0] is None]
        if missing:
            print(f"   (set {', '.join(missing)} with --set NAME=VALUE to run it)")
            continue
        con.sql(example.sql).show(max_rows=40, max_width=200)
    return 0


if __name__ == "__main__":
    sys.exit(main())
