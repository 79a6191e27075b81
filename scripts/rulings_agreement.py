"""Ruled tables from pdfium edges (pipeline.readers.pdfium_rulings) against pdfplumber's own, page by page (issue 18, WIP).

    python scripts/rulings_agreement.py FOLDER ...
"""
import sys, time
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
from pathlib import Path
import pdfplumber, pypdfium2 as pdfium
from types import SimpleNamespace
from pdfplumber.table import TableFinder
from pipeline.readers.pdfium_rulings import page_edges

def tables_of(page):
    out = []
    for t in TableFinder(page).tables:
        out.append((tuple(round(v) for v in t.bbox), tuple(tuple(tuple(round(v) for v in c) if c else None for c in row.cells) for row in t.rows)))
    return sorted(out)

same = diff = 0; ta = tb = 0.0; diffs = []
paths = [p for d in sys.argv[1:] for p in sorted(Path(d).rglob("*.pdf"))]
for path in paths:
    try:
        doc = pdfium.PdfDocument(path)
        with pdfplumber.open(path) as pdf:
            for i, page in enumerate(pdf.pages):
                t0 = time.perf_counter(); a = tables_of(page); t1 = time.perf_counter()
                b = tables_of(SimpleNamespace(edges=page_edges(doc[i]), bbox=page.bbox))
                t2 = time.perf_counter(); ta += t1 - t0; tb += t2 - t1
                if a == b: same += 1
                else:
                    diff += 1; diffs.append(f"{path.name} p{i+1}: pdfplumber {len(a)} tables, pdfium {len(b)}")
                page.close()
    except Exception as exc:
        print("skip", path.name, type(exc).__name__, exc)
print(f"pages with the same ruled tables: {same}/{same+diff}")
for d in diffs[:25]: print("  ", d)
