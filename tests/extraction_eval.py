"""Run the extractors over the documents of tests/data/gold/extraction.yml and score them (shared by
``make eval`` and the tests that hold the levels reached)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.evaluation import Score, score_prefixed, score_sets
from pipeline.extract.clusters import PRESENTING_RULES
from pipeline.manifest import sources_to_specs
from pipeline.models import ParsedDocument
from pipeline.parse import source_to_document

GOLD = Path(__file__).parent / "data" / "gold" / "extraction.yml"
TASKS = ("clusters", "visions", "objectives")


@dataclass
class Results:
    per_document: dict[str, dict[str, Score]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def total(self, task: str, documents: set[str] | None = None) -> Score:
        total = Score(0, 0, 0)
        for doc_id, scores in self.per_document.items():
            if documents is None or doc_id in documents:
                total = total + scores[task]
        return total


def load_gold() -> dict[str, dict[str, Any]]:
    return dict(yaml.safe_load(GOLD.read_text(encoding="utf-8"))["documents"])


def parse_source(root: Path, source: str, document_id: str) -> ParsedDocument | None:
    path = (root / source).resolve()
    if not path.exists():
        return None
    spec = next(s for s in sources_to_specs(path.parent) if Path(s.path).resolve() == path)
    return source_to_document(spec)


def score_document(doc: ParsedDocument, gold: dict[str, Any]) -> dict[str, Score]:
    objectives_gold = [
        (None if cluster == "null" else cluster, text)
        for cluster, items in (gold.get("objectives") or {}).items()
        for text in items
    ]
    return {
        "clusters": score_sets(set(gold.get("clusters") or []), presented_clusters(doc)),
        "visions": score_prefixed(
            [(c, t) for c, t in gold.get("visions") or []], [(v.cluster_id, v.text) for v in doc.visions]
        ),
        "objectives": score_prefixed(objectives_gold, [(o.cluster_id, o.text) for o in doc.objectives]),
    }


def presented_clusters(doc: ParsedDocument) -> set[str]:
    return {m.cluster_id for m in doc.cluster_mentions if m.rule in PRESENTING_RULES}


def evaluate(root: Path, only: set[str] | None = None) -> Results:
    results = Results()
    for doc_id, gold in load_gold().items():
        if only is not None and doc_id not in only:
            continue
        doc = parse_source(root, gold["source"], doc_id)
        if doc is None:
            results.skipped.append(doc_id)
            continue
        results.per_document[doc_id] = score_document(doc, gold)
    return results
