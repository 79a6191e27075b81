"""Precision and recall of clusters, visions and objectives against tests/data/gold/extraction.yml (``make eval``).

Parses each annotated document with the pipeline (no warehouse needed) and
compares: the set of clusters it presents; its visions (cluster + first
words); its objectives (cluster + first words). PDFs under ../shared are
skipped when that folder is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from extraction_eval import TASKS, evaluate  # noqa: E402


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
        s = results.total(task)
        print(
            f"{task:12} precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}  "
            f"(matched {s.true_positives}, found {s.found}, gold {s.gold})"
        )
    agree, matched = results.measures
    print(f"figure measures agreeing with the gold: {agree}/{matched}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
