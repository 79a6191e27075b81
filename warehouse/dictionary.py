"""The data dictionary: ``warehouse/schema.yml`` rendered as Markdown (``make docs``)."""

from __future__ import annotations

import sys
from typing import Any

import yaml

from warehouse import HERE

SCHEMA_PATH = HERE / "schema.yml"


def load_schema() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data


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
        "span and on `page`.",
        "",
        "| column | meaning |",
        "|---|---|",
    ]
    lines += [f"| `{name}` | {text} |" for name, text in schema["provenance_columns"].items()]
    for table, spec in schema["tables"].items():
        heading = f"## `{table}` (view)" if spec.get("view") else f"## `{table}`"
        lines += ["", heading, "", spec["description"].strip(), "", f"**Grain:** {spec['grain']}"]
        if spec.get("provenance"):
            lines += ["", "*With provenance* (see above)."]
        lines += ["", "| column | meaning |", "|---|---|"]
        lines += [f"| `{name}` | {text} |" for name, text in spec["columns"].items()]
    history = schema.get("history")
    if history:
        lines += ["", "## The `history` schema", "", history["description"].strip(), ""]
        lines += ["| column | meaning |", "|---|---|"]
        lines += [f"| `{name}` | {text} |" for name, text in history["columns"].items()]
    return "\n".join(lines) + "\n"


def main() -> int:
    sys.stdout.write(render(load_schema()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
