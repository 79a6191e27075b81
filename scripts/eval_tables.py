"""Tables against the ICDAR 2013 table competition ground truth (``make eval-tables``).

Reads every PDF of ../shared/corpus/icdar2013 with the pipeline's PDF reader, finds its tables as an
ingest does, and scores their adjacency relations against the ``-str.xml`` ground truth: per document,
over all relations, and as the mean of the documents' scores (the competition's way). For reference,
Camelot reports F1 0.778 on this set by its own measure.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from table_eval import ICDAR, evaluate  # noqa: E402


def main() -> int:
    if not ICDAR.exists():
        print(f"{ICDAR} is absent: nothing to evaluate")
        return 1
    results = evaluate()
    print("adjacency relations per document: precision recall (matched/found/gold)")
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


if __name__ == "__main__":
    sys.exit(main())
