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
    print(f"{'document':56} " + " ".join(f"{t + ' P/R':>18}" for t in TASKS))
    for doc_id, scores in results.per_document.items():
        cells = [f"{s.precision:.2f}/{s.recall:.2f} ({s.true_positives}/{s.found}/{s.gold})" for s in scores.values()]
        print(f"{doc_id:56} " + " ".join(f"{c:>18}" for c in cells))
    for doc_id in results.skipped:
        print(f"{doc_id:56} skipped (source not present)")
    print("-" * 112)
    for task in TASKS:
        s = results.total(task)
        print(
            f"{task:12} precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}  "
            f"(matched {s.true_positives}, found {s.found}, gold {s.gold})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
