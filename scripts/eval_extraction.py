"""Precision and recall of the extractors against the gold in tests/data/gold (``make eval``).

Parses each annotated document with the pipeline (no warehouse needed) and
compares: the set of clusters it presents; its visions (cluster + first
words); its objectives (cluster + first words); figures and funding lines
(extraction.yml); named entities per label and the joins of their normalised
names (entities.yml), separately for the documents the rules were developed
against and for those held out. PDFs under ../shared are skipped when that
folder is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from entity_eval import LABELS, EntityResults, held_out  # noqa: E402
from entity_eval import evaluate as evaluate_entities  # noqa: E402
from extraction_eval import TASKS, evaluate  # noqa: E402
from meaning_eval import SETS, SetResult  # noqa: E402
from meaning_eval import TASKS as MEANING_TASKS  # noqa: E402
from meaning_eval import evaluate as evaluate_meaning  # noqa: E402

from pipeline.evaluation import Score  # noqa: E402


def main() -> int:
    results = evaluate(ROOT)
    print("per document: precision/recall (matched/found/gold); '-' where the gold does not annotate the task")
    print(f"{'document':44} " + " ".join(f"{t:>21}" for t in TASKS))
    for doc_id, scores in results.per_document.items():
        cells = [
            f"{s.precision:.2f}/{s.recall:.2f} ({s.true_positives}/{s.found}/{s.gold})" if (s := scores.get(t)) else "-"
            for t in TASKS
        ]
        print(f"{doc_id[:44]:44} " + " ".join(f"{c:>21}" for c in cells))
    for doc_id in results.skipped:
        print(f"{doc_id:56} skipped (source not present)")
    print("-" * 156)
    for task in TASKS:
        print(f"{task:12} {line(results.total(task))}")
    agree, matched = results.measures
    print(f"figure measures agreeing with the gold: {agree}/{matched}")
    print_entities(evaluate_entities(ROOT))
    for name in SETS:
        print_meaning(evaluate_meaning(ROOT, name))
    return 0


def print_meaning(results: SetResult) -> None:
    """One set of the meaning gold (issue 20): per document, then pooled, then attribute agreement."""
    documents = len(results.per_document)
    print(f"\nmeaning gold, {results.name} ({documents} documents): precision/recall (matched/found/gold)")
    print(f"{'document':44} " + " ".join(f"{t:>21}" for t in MEANING_TASKS))
    for doc_id, document in results.per_document.items():
        cells = [
            f"{s.precision:.2f}/{s.recall:.2f} ({s.true_positives}/{s.found}/{s.gold})"
            for s in (document.scores[t] for t in MEANING_TASKS)
        ]
        print(f"{doc_id[:44]:44} " + " ".join(f"{c:>21}" for c in cells))
    for doc_id in results.skipped:
        print(f"{doc_id:56} skipped (source not present)")
    for task in MEANING_TASKS:
        print(f"{task:14} {line(results.total(task))}")
    print("agreement on matches: " + "; ".join(f"{n} {results.agreement(n)}" for n in results.agreement_names))


def print_entities(results: EntityResults) -> None:
    held = held_out() & set(results.per_document)
    developed = set(results.per_document) - held
    print("\nnamed entities (tests/data/gold/entities.yml): exact label and text")
    for doc_id in results.per_document:
        mark = " (held out)" if doc_id in held else ""
        print(f"  {doc_id + mark:60} {line(results.overall({doc_id}))}")
    for doc_id in results.skipped:
        print(f"  {doc_id:60} skipped (source not present)")
    for name, documents in (("developed against", developed), ("held out", held)):
        if not documents:
            continue
        print(f"{name}: {len(documents)} documents")
        for label in LABELS:
            print(f"  {label:10} {line(results.total(label, documents))}")
        print(f"  {'all':10} {line(results.overall(documents))}")
    print(f"joins of organisation and place names (pairs of distinct names): {line(results.joins)}")


def line(s: Score) -> str:
    return (
        f"precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}  "
        f"(matched {s.true_positives}, found {s.found}, gold {s.gold})"
    )


if __name__ == "__main__":
    raise SystemExit(main())
