"""Tables against two golds (``make eval-tables``).

1. The page-by-page table gold of policy PDFs (``tests/data/gold/tables_dev*.yml`` and the held-out
   ``tables_heldout.yml`` to ``tables_heldout_9.yml``, part 9 from ``../shared/corpus/tables``;
   :mod:`table_gold_eval`): table
   regions, titles, units, period columns, structure (adjacency relations) and funding lines, development and
   each held-out part apart.
2. The ICDAR 2013 table competition ground truth: each PDF of ../shared/corpus/icdar2013 is read with the
   pipeline's PDF reader, its tables found as an ingest finds them (detection included: a table found where
   there is none costs precision), and their adjacency relations scored against the ``-str.xml`` ground
   truth: per document, over all relations, and as the mean of the documents' scores (the competition's
   way). For reference, Camelot reports F1 0.778 on this set by its own measure.

``--policy`` or ``--icdar`` runs one part only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import table_gold_eval  # noqa: E402
from table_eval import ICDAR, evaluate  # noqa: E402


def policy() -> None:
    print("policy PDFs, page-by-page gold: regions / structure / funding as precision recall (matched/found/gold)")
    for name in table_gold_eval.SETS:
        result = table_gold_eval.evaluate(name)
        print(f"{name}: {len(result.documents)} documents, {result.pages} pages, {result.seconds:.1f} s")
        for document_id, s in result.documents.items():
            print(
                f"  {document_id[:44]:44} regions {_score(s.regions)}  funding {_score(s.funding)}"
                f"  title {s.title}  unit {s.unit}"
            )
        for task in ("regions", "structure", "funding"):
            print(f"  {task:10} {_score(result.total(task))}  F1 {result.total(task).f1:.3f}")
        for task in ("title", "unit", "periods"):
            print(f"  {task:10} right {result.total(task)}")


def _score(score: table_gold_eval.Score) -> str:
    return f"{score.precision:.3f} {score.recall:.3f} ({score.true_positives}/{score.found}/{score.gold})"


def icdar() -> int:
    if not ICDAR.exists():
        print(f"{ICDAR} is absent: nothing to evaluate")
        return 1
    results = evaluate()
    print("ICDAR 2013, adjacency relations per document: precision recall (matched/found/gold)")
    for name, s in results.per_document.items():
        print(f"  {name:10} {s.precision:6.3f} {s.recall:6.3f}  ({s.true_positives}/{s.found}/{s.gold})")
    total = results.total
    print("-" * 48)
    print(f"{len(results.per_document)} documents, {results.pages} pages, {results.seconds:.1f} s")
    print(
        f"all relations:      precision {total.precision:.3f}  recall {total.recall:.3f}  F1 {total.f1:.3f}"
        f"  ({total.true_positives}/{total.found}/{total.gold})"
    )
    print(
        f"mean per document:  precision {results.mean_precision:.3f}  recall {results.mean_recall:.3f}"
        f"  F1 {results.mean_f1:.3f}"
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--policy", action="store_true", help="the policy PDFs' gold only")
    parser.add_argument("--icdar", action="store_true", help="ICDAR 2013 only")
    args = parser.parse_args()
    if not args.icdar:
        if not table_gold_eval.CORPUS.exists():
            print(f"{table_gold_eval.CORPUS} is absent: nothing to evaluate")
            return 1
        policy()
    return icdar() if not args.policy else 0


if __name__ == "__main__":
    sys.exit(main())
