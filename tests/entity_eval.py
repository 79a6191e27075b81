"""Score the named-entity pipeline against tests/data/gold/entities.yml (shared by ``make eval`` and the
tests that hold the levels reached).

Per label: the pipeline's entities inside each annotated region against the gold, matched as a multiset
of (label, text with whitespace collapsed). Joins: over the organisation and place names both found and
annotated, whether two names share a normalised name exactly when the gold's ``joins`` say they are one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml
from extraction_eval import parsed_gold_documents

from pipeline.document import ParsedDocument
from pipeline.evaluation import Score

GOLD = Path(__file__).parent / "data" / "gold" / "entities.yml"
LABELS = ("ORG", "GPE", "PERSON", "MONEY", "PERCENT", "QUANTITY", "DATE")
JOINED = ("ORG", "GPE")


@dataclass
class EntityResults:
    per_document: dict[str, dict[str, Score]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    # distinct organisation/place names found and annotated: (text, the pipeline's normalised name)
    names: set[tuple[str, str]] = field(default_factory=set)
    joins: Score = field(default_factory=lambda: Score(0, 0, 0))
    missed: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)
    spurious: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)

    def total(self, label: str, documents: set[str] | None = None) -> Score:
        total = Score(0, 0, 0)
        for doc_id, scores in self.per_document.items():
            if documents is None or doc_id in documents:
                total = total + scores.get(label, Score(0, 0, 0))
        return total

    def overall(self, documents: set[str] | None = None) -> Score:
        total = Score(0, 0, 0)
        for label in LABELS:
            total = total + self.total(label, documents)
        return total


def load_gold() -> dict[str, Any]:
    return dict(yaml.safe_load(GOLD.read_text(encoding="utf-8")))


def gold_entities(gold: dict[str, Any]) -> Counter[tuple[str, str]]:
    out: Counter[tuple[str, str]] = Counter()
    for item in gold["entities"]:
        label, text = item.split(" ", 1)
        out[(label, collapse(text))] += 1
    return out


def collapse(text: str) -> str:
    return " ".join(text.split())


def region_of(doc: ParsedDocument, gold: dict[str, Any]) -> list[tuple[int, int]]:
    """The annotated character ranges of the document."""
    if "pages" in gold:
        wanted = set(gold["pages"])
        return [(p.char_start, p.char_end) for p in doc.pages if p.number in wanted]
    if "from" in gold:
        start = doc.text.index(gold["from"])
        end = doc.text.index(gold["to"], start) + len(gold["to"])
        return [(start, end)]
    return [(0, len(doc.text))]


def region_text(doc: ParsedDocument, gold: dict[str, Any]) -> str:
    return "\n".join(doc.text[s:e] for s, e in region_of(doc, gold))


def found_entities(doc: ParsedDocument, gold: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(label, text, normalised name) of the pipeline's entities inside the region."""
    ranges = region_of(doc, gold)
    return [
        (e.label, collapse(e.text), e.normalised)
        for e in doc.entities
        if any(s <= e.char_start and e.char_end <= t for s, t in ranges)
    ]


def score_document(
    doc: ParsedDocument, gold: dict[str, Any]
) -> tuple[dict[str, Score], set[tuple[str, str]], Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    wanted = gold_entities(gold)
    found = found_entities(doc, gold)
    got = Counter((label, text) for label, text, _ in found)
    hits = wanted & got
    scores = {
        label: Score(
            sum(n for (lab, _), n in hits.items() if lab == label),
            sum(n for (lab, _), n in got.items() if lab == label),
            sum(n for (lab, _), n in wanted.items() if lab == label),
        )
        for label in LABELS
    }
    names = {(text, normalised) for label, text, normalised in found if label in JOINED and (label, text) in hits}
    return scores, names, wanted - got, got - wanted


def score_joins(names: set[tuple[str, str]], joins: list[list[str]]) -> Score:
    """Pairs of distinct names: the pipeline joins them (same normalised name, case aside) vs the gold does."""
    group = {name: i for i, names_ in enumerate(joins) for name in names_}
    normalised: dict[str, Counter[str]] = {}
    for text, norm in names:
        normalised.setdefault(text, Counter())[norm.casefold()] += 1
    keys = {text: counts.most_common(1)[0][0] for text, counts in normalised.items()}
    joined = gold_joined = both = 0
    for a, b in combinations(sorted(keys), 2):
        ours = keys[a] == keys[b]
        theirs = a in group and group.get(b) == group[a]
        joined += ours
        gold_joined += theirs
        both += ours and theirs
    return Score(both, joined, gold_joined)


def held_out() -> set[str]:
    """Documents annotated after the rules were settled (never used to change them)."""
    return {doc_id for doc_id, gold in load_gold()["documents"].items() if gold.get("held_out")}


def evaluate(root: Path, only: set[str] | None = None) -> EntityResults:
    gold = load_gold()
    results = EntityResults()
    for doc_id, doc_gold, doc in parsed_gold_documents(root, gold["documents"], only, results.skipped):
        scores, names, missed, spurious = score_document(doc, doc_gold)
        results.per_document[doc_id] = scores
        results.names |= names
        results.missed[doc_id] = missed
        results.spurious[doc_id] = spurious
    results.joins = score_joins(results.names, gold.get("joins") or [])
    return results
