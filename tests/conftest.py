"""Shared fixtures: project paths, the seeds, the corpus (skipped when ../shared is absent)."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest
from support import SOURCES

from pipeline.document import ParsedDocument
from pipeline.ingest.manifest import sources_to_specs
from pipeline.models import SourceSpec
from pipeline.parse import source_to_document
from warehouse import migrate


@pytest.fixture(scope="session")
def seed_specs() -> dict[str, SourceSpec]:
    return {spec.document_id: spec for spec in sources_to_specs(SOURCES)}


@pytest.fixture(scope="session")
def seed_docs(seed_specs: dict[str, SourceSpec]) -> dict[str, ParsedDocument]:
    return {doc_id: source_to_document(spec) for doc_id, spec in seed_specs.items()}


@pytest.fixture
def fresh_db() -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory warehouse as an ingest opens it: every migration applied, every view created."""
    con = duckdb.connect(":memory:")
    migrate.apply(con)
    migrate.replace_views(con)
    try:
        yield con
    finally:
        con.close()
