"""The data dictionary: ``warehouse/schema.yml`` rendered as Markdown (``make docs``).

Besides the tables and views: the data tests (:mod:`warehouse.data_tests`) and every
registered extractor (``pipeline.registry.EXTRACTORS``), the values of ``extractor`` columns.
"""

from __future__ import annotations

import sys
from typing import Any

from pipeline.registry import EXTRACTORS
from warehouse.data_tests import key_test, reference_test, schema_to_tests
from warehouse.schema import load_schema


def described_columns(schema: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Every table → its columns → description, provenance columns included where they apply."""
    prov: dict[str, str] = schema["provenance_columns"]
    out: dict[str, dict[str, str]] = {}
    for table, spec in schema["tables"].items():
        columns = dict(spec["columns"])
        if spec.get("provenance"):
            columns.update(prov)
        out[table] = columns
    return out


def _code_list(names: list[str]) -> str:
    return ", ".join(f"`{n}`" for n in names)


def _keys(table: str, spec: dict[str, Any]) -> list[str]:
    """A table's key and references, with the data tests that check them, as lines under its heading."""
    lines = []
    if spec.get("key"):
        test = key_test(table, spec["key"], per_document=False)
        lines += ["", f"**Key:** {_code_list(spec['key'])} (data test `{test.name}`)."]
    for reference in spec.get("references", []):
        test = reference_test(table, reference, per_document=False)
        columns, _, target = reference.partition("->")
        lines += ["", f"**References:** `{columns.strip()}` → `{target.strip()}` (data test `{test.name}`)."]
    return lines


def _data_tests(schema: dict[str, Any]) -> list[str]:
    lines = [
        "",
        "## Data tests",
        "",
        "Each data test is SQL that returns the rows breaking a rule, so no rows is a pass. They run at the end",
        "of every ingest, before the warehouse is published: a failure is a line of the run's summary and a",
        "section of the run report, and a failure that concerns a document is also a `data_test_failed`",
        "quality issue on that document (recomputed every run). `key_…` and `ref_…` tests come from the",
        "tables' keys and references above; the others are written out in `warehouse/schema.yml`.",
        "",
        "| test | what it checks | a failure concerns |",
        "|---|---|---|",
    ]
    lines += [
        f"| `{t.name}` | {t.description} | {'a document' if t.per_document else 'the warehouse'} |"
        for t in schema_to_tests(schema)
    ]
    return lines


def _extractors() -> list[str]:
    lines = [
        "",
        "## Extractors",
        "",
        "What can appear in an `extractor` column: every registered extractor (`pipeline/registry.py`), as",
        "`name@version`. Scope `all` reads every source, `pdf` only PDFs; `warehouse` is recomputed over the",
        "whole warehouse at the end of every run.",
        "",
        "| extractor | scope | what it produces |",
        "|---|---|---|",
    ]
    lines += [f"| `{e.id}` | {e.scope} | {e.description} |" for e in EXTRACTORS]
    return lines


def render(schema: dict[str, Any]) -> str:
    lines = [
        "# Data dictionary",
        "",
        "Generated from `warehouse/schema.yml` by `make docs`; do not edit by hand.",
        "The tables of `../shared/contract.md` are a public contract: their names and columns do not change.",
        "",
        "## Provenance columns",
        "",
        "Every table marked *with provenance* carries these columns. For every row, `source_text` equals",
        "the span `[char_start, char_end)` of the document's text, and the span lies inside `section_id`'s",
        "span and on `page` (the `span_…` data tests check it).",
        "",
        "| column | meaning |",
        "|---|---|",
    ]
    lines += [f"| `{name}` | {text} |" for name, text in schema["provenance_columns"].items()]
    for table, spec in schema["tables"].items():
        heading = f"## `{table}` (view)" if spec.get("view") else f"## `{table}`"
        lines += ["", heading, "", spec["description"].strip(), "", f"**Grain:** {spec['grain']}"]
        if spec.get("view"):
            lines += ["", f"**Defined in:** `warehouse/views/mart_{table}.sql` (re-created on every ingest)."]
        lines += _keys(table, spec)
        if spec.get("provenance"):
            lines += ["", "*With provenance* (see above)."]
        lines += ["", "| column | meaning |", "|---|---|"]
        lines += [f"| `{name}` | {text} |" for name, text in spec["columns"].items()]
    history = schema.get("history")
    if history:
        lines += ["", "## The `history` schema", "", history["description"].strip(), ""]
        lines += ["| column | meaning |", "|---|---|"]
        lines += [f"| `{name}` | {text} |" for name, text in history["columns"].items()]
    lines += _data_tests(schema)
    lines += _extractors()
    return "\n".join(lines) + "\n"


def main() -> int:
    sys.stdout.write(render(load_schema()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
