"""Ruled tables from pdfium's path objects (pipeline.readers.pdfium_rulings) against pdfplumber's own,
page by page (issue 18).

    .venv/bin/python scripts/rulings_agreement.py [FOLDER ...]   (default: ../shared/corpus/tables and icdar2013)

A page agrees when pdfplumber's table finder gives the same tables (boxes and cells, to the point)
from pdfium's edges as from pdfplumber's own. Prints the share and the pages that differ.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, cast

import pdfplumber
import pypdfium2 as pdfium
from pdfplumber.page import Page
from pdfplumber.table import TableFinder

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.readers.pdfium_rulings import RuledPage, page_edges  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
Tables = list[tuple[tuple[int, ...], tuple[Any, ...]]]


def tables_of(page: Any) -> Tables:
    """The page's ruled tables, rounded to the point, in a comparable order."""
    out = []
    for table in TableFinder(page).tables:
        cells = tuple(tuple(tuple(round(v) for v in c) if c else None for c in row.cells) for row in table.rows)
        out.append((tuple(round(v) for v in table.bbox), cells))
    return sorted(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=[CORPUS / "tables", CORPUS / "icdar2013"])
    parser.add_argument("--show", type=int, default=25, help="pages that differ to list")
    args = parser.parse_args()
    same, differ = 0, []
    for path in (p for folder in args.folders for p in sorted(folder.rglob("*.pdf"))):
        try:
            doc = pdfium.PdfDocument(path)
            with pdfplumber.open(path) as pdf:
                for i, page in enumerate(pdf.pages):
                    plumber = tables_of(page)
                    ruled = RuledPage(page_edges(doc[i]), tuple(page.bbox))
                    ours = tables_of(cast(Page, ruled))
                    if plumber == ours:
                        same += 1
                    else:
                        differ.append(f"{path.name} p{i + 1}: pdfplumber {len(plumber)} tables, pdfium {len(ours)}")
                    page.close()
            doc.close()
        except Exception as exc:  # a PDF one reader cannot open is reported, not compared
            print(f"skipped {path.name}: {type(exc).__name__}: {exc}")
    print(f"pages with the same ruled tables: {same}/{same + len(differ)}")
    for line in differ[: args.show]:
        print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
