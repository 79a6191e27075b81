"""``warehouse/schema.yml``: the tables and views described for analysts, their keys and references, the data tests."""

from __future__ import annotations

from typing import Any

import yaml

from warehouse import HERE

SCHEMA_PATH = HERE / "schema.yml"


def load_schema() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SCHEMA_PATH.read_text(encoding="utf-8"))
    return data
