"""Run the extractors over the documents of tests/data/gold/extraction.yml and score them (shared by
``make eval`` and the tests that hold the levels reached)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from pipeline.document import ParsedDocument
from pipeline.evaluation import Score, score_prefixed, score_sets
from pipeline.ingest.manifest import sources_to_specs
from pipeline.parse import source_to_document

GOLD = Path(__file__).parent / "data" / "gold" / "extraction.yml"
TASKS = ("clusters", "visions", "objectives", "figures", "funding")


@dataclass
class Results:
    per_document: dict[str, dict[str, Score]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    measures: tuple[int, int] = (0, 0)

    def total(self, task: str, documents: set[str] | None = None) -> Score:
        total = Score(0, 0, 0)
        for doc_id, scores in self.per_document.items():
            if (documents is None or doc_id in documents) and task in scores:
                total = total + scores[task]
        return total


def load_gold() -> dict[str, dict[str, Any]]:
    return dict(yaml.safe_load(GOLD.read_text(encoding="utf-8"))["documents"])


def parse_source(root: Path, source: str, document_id: str) -> ParsedDocument | None:
    """The parsed and extracted document (parsed once per process: the evaluations only read it)."""
    return _parsed((root / source).resolve())


@cache
def _parsed(path: Path) -> ParsedDocument | None:
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
    scores = {
        "clusters": score_sets(set(gold.get("clusters") or []), presented_clusters(doc)),
        "visions": score_prefixed(
            [(c, t) for c, t in gold.get("visions") or []],
            [(v.cluster_id, v.text) for v in doc.visions if v.owner == "plan"],
        ),
        "objectives": score_prefixed(objectives_gold, [(o.cluster_id, o.text) for o in doc.objectives]),
    }
    if "figures" in gold:
        scores["figures"] = score_figures(doc, gold)
    if "funding" in gold:
        found = [(f.line_item, f.period, round(f.amount)) for f in doc.funding]
        wanted = [(item, str(period), round(amount)) for item, period, amount in gold["funding"]]
        scores["funding"] = score_multiset(wanted, found)
    return scores


def figure_key(
    cluster: str | None, unit: str, value: float | None, low: float | None, high: float | None
) -> tuple[Any, ...]:
    values = (round(low, 6), round(high, 6)) if value is None else (round(value, 6),)
    return (cluster, unit, values)


def score_figures(doc: ParsedDocument, gold: dict[str, Any]) -> Score:
    """Figures match on cluster, unit and value(s); with ``figure_pages``, only figures on those pages count."""
    pages = set(gold.get("figure_pages") or [])
    found = [
        figure_key(f.cluster_id, f.unit, f.value, f.value_low, f.value_high)
        for f in doc.figures
        if not pages or page_of(doc, f.char_start) in pages
    ]
    wanted = []
    for cluster, unit, value, _measure in gold["figures"]:
        if isinstance(value, list):
            wanted.append(figure_key(cluster, unit, None, float(value[0]), float(value[1])))
        else:
            wanted.append(figure_key(cluster, unit, float(value), None, None))
    return score_multiset(wanted, found)


def measure_agreement(doc: ParsedDocument, gold: dict[str, Any]) -> tuple[int, int]:
    """(figures whose measure equals the gold's, figures matched) over the matched figures."""
    by_key: dict[tuple[Any, ...], list[str]] = {}
    for cluster, unit, value, measure in gold.get("figures") or []:
        key = (
            figure_key(cluster, unit, None, float(value[0]), float(value[1]))
            if isinstance(value, list)
            else figure_key(cluster, unit, float(value), None, None)
        )
        by_key.setdefault(key, []).append(measure)
    agree = matched = 0
    pages = set(gold.get("figure_pages") or [])
    for f in doc.figures:
        if pages and page_of(doc, f.char_start) not in pages:
            continue
        measures = by_key.get(figure_key(f.cluster_id, f.unit, f.value, f.value_low, f.value_high))
        if measures:
            matched += 1
            agree += f.measure in measures
    return agree, matched


def page_of(doc: ParsedDocument, offset: int) -> int | None:
    for page in doc.pages:
        if page.char_start <= offset <= page.char_end:
            return page.number
    return None


def score_multiset(wanted: list[Any], found: list[Any]) -> Score:
    remaining = list(wanted)
    hits = 0
    for item in found:
        if item in remaining:
            remaining.remove(item)
            hits += 1
    return Score(hits, len(found), len(wanted))


def presented_clusters(doc: ParsedDocument) -> set[str]:
    """The clusters the document presents: the subject and presented ones, not those named in passing."""
    return {m.cluster_id for m in doc.cluster_mentions if m.salience != "passing"}


def parsed_gold_documents(
    root: Path, documents: dict[str, dict[str, Any]], only: set[str] | None, skipped: list[str]
) -> Iterator[tuple[str, dict[str, Any], ParsedDocument]]:
    """(id, gold, parsed document) of each annotated document (of ``only``, when given); the ids of those
    whose source is not present go to ``skipped``."""
    for doc_id, gold in documents.items():
        if only is not None and doc_id not in only:
            continue
        doc = parse_source(root, gold["source"], doc_id)
        if doc is None:
            skipped.append(doc_id)
            continue
        yield doc_id, gold, doc


def evaluate(root: Path, only: set[str] | None = None) -> Results:
    results = Results()
    for doc_id, gold, doc in parsed_gold_documents(root, load_gold(), only, results.skipped):
        results.per_document[doc_id] = score_document(doc, gold)
        agree, matched = measure_agreement(doc, gold)
        results.measures = (results.measures[0] + agree, results.measures[1] + matched)
    return results
