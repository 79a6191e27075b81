"""One registry of extractors: every row names a registered one, and the fingerprint covers them all."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import registry
from pipeline.document import ParsedDocument
from pipeline.extract.cluster_mentions import CONFIDENCE
from pipeline.ingest import fingerprint
from pipeline.models import MediaType
from pipeline.registry import EXTRACTORS, Scope
from pipeline.rows import document_to_rows

ROOT = Path(__file__).resolve().parents[2]
DOCUMENT_SCOPES = {MediaType.TEXT: {Scope.ALL}, MediaType.PDF: {Scope.ALL, Scope.PDF}}


def test_names_are_unique_and_versioned() -> None:
    names = [e.name for e in EXTRACTORS]
    assert len(names) == len(set(names))
    assert all(e.version >= 1 and e.id == f"{e.name}@{e.version}" for e in EXTRACTORS)


def test_every_row_names_a_registered_extractor(seed_docs: dict[str, ParsedDocument]) -> None:
    registered = {e.id for e in EXTRACTORS}
    seen = {
        row["extractor"]
        for doc in seed_docs.values()
        for rows in document_to_rows(doc, "run").values()
        for row in rows
        if "extractor" in row
    }
    assert seen and seen <= registered, seen - registered


def test_every_cluster_rule_is_registered() -> None:
    assert set(CONFIDENCE) == set(registry.CLUSTER_RULES)


@pytest.mark.parametrize("media_type", [MediaType.TEXT, MediaType.PDF])
def test_the_fingerprint_covers_every_registered_extractor(media_type: MediaType) -> None:
    expected = {e.id for e in EXTRACTORS if e.scope in DOCUMENT_SCOPES[media_type]}
    assert set(fingerprint.pipeline_inputs(media_type)["extractors"]) == expected


@pytest.mark.parametrize("name", [e.name for e in EXTRACTORS if e.scope is not Scope.WAREHOUSE])
def test_a_new_version_of_any_extractor_changes_the_fingerprint(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    before = fingerprint.fingerprint(MediaType.PDF)
    bumped = tuple(dataclasses.replace(e, version=e.version + 1) if e.name == name else e for e in EXTRACTORS)
    monkeypatch.setattr(registry, "EXTRACTORS", bumped)
    fingerprint.pipeline_inputs.cache_clear()
    fingerprint.fingerprint.cache_clear()
    try:
        assert fingerprint.fingerprint(MediaType.PDF) != before
    finally:
        fingerprint.pipeline_inputs.cache_clear()
        fingerprint.fingerprint.cache_clear()


def test_the_flow_process_does_not_load_spacy_to_fingerprint_the_pipeline() -> None:
    """The ingest flow's own process plans a run from fingerprints (spaCy's version and the NER config's bytes,
    read without spaCy); spaCy is loaded where documents are parsed, so a run that reads nothing never loads it."""
    code = "import sys, flows.ingest; print('spacy' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"
