"""Words of pdfium (pipeline.readers.pdfium_words) against pdfplumber's, page by page (issue 18).

    .venv/bin/python scripts/reader_agreement.py [--limit N] [--show N] [FOLDER ...]

A word agrees when both readers have it with the same text and a box within a point
on every side. Prints per document the share of pdfplumber's words pdfium matches,
both readers' pages per second, and a sample of the words only one of them has.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium

from pipeline.readers.pdfium_words import chars_to_words, page_chars

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
TOLERANCE = 1.0


def plumber_words(path: Path) -> tuple[list[list[dict[str, Any]]], float]:
    started = time.perf_counter()
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            pages.append(page.extract_words(x_tolerance=3, y_tolerance=3, extra_attrs=["fontname", "size"]))
            page.close()
    return pages, time.perf_counter() - started


def pdfium_words(path: Path) -> tuple[list[list[dict[str, Any]]], float]:
    started = time.perf_counter()
    pages = []
    doc = pdfium.PdfDocument(path)
    try:
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            pages.append(chars_to_words(page_chars(page, textpage)))
            textpage.close()
            page.close()
    finally:
        doc.close()
    return pages, time.perf_counter() - started


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["text"] == b["text"] and all(abs(a[k] - b[k]) <= TOLERANCE for k in ("x0", "x1", "top", "bottom"))


def agreement(
    a_pages: list[list[dict[str, Any]]], b_pages: list[list[dict[str, Any]]]
) -> tuple[int, list[str], list[str]]:
    matched, only_a, only_b = 0, [], []
    for a_words, b_words in zip(a_pages, b_pages, strict=False):
        by_text: dict[str, list[dict[str, Any]]] = {}
        for w in b_words:
            by_text.setdefault(w["text"], []).append(w)
        used: set[int] = set()
        for w in a_words:
            hit = next((x for x in by_text.get(w["text"], []) if id(x) not in used and same(w, x)), None)
            if hit is None:
                only_a.append(w["text"])
            else:
                used.add(id(hit))
                matched += 1
        only_b += [w["text"] for w in b_words if id(w) not in used]
    return matched, only_a, only_b


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=[CORPUS / "policy", CORPUS / "tables"])
    parser.add_argument("--limit", type=int, help="PDFs per folder")
    parser.add_argument("--show", type=int, default=8, help="differences shown per document")
    args = parser.parse_args()
    totals = Counter()
    for folder in args.folders:
        for path in sorted(folder.glob("*.pdf"))[: args.limit]:
            try:
                a, a_s = plumber_words(path)
                b, b_s = pdfium_words(path)
            except Exception as exc:  # a corpus PDF either reader refuses: say so and go on
                print(f"{path.name[:44]:44} not compared: {type(exc).__name__}: {exc}")
                continue
            matched, only_a, only_b = agreement(a, b)
            n = sum(map(len, a))
            totals.update(pages=len(a), words=n, matched=matched, pdfium_words=sum(map(len, b)))
            totals.update(plumber_s=a_s, pdfium_s=b_s)  # type: ignore[arg-type]
            share = matched / n if n else 1.0
            print(
                f"{path.name[:44]:44} {len(a):4d} p  agree {share:.3f} ({matched}/{n}, pdfium {sum(map(len, b))})"
                f"  pdfplumber {len(a) / a_s:6.1f} p/s  pdfium {len(a) / b_s:6.1f} p/s"
            )
            if args.show and (only_a or only_b):
                print(f"    only pdfplumber: {only_a[: args.show]}")
                print(f"    only pdfium:     {only_b[: args.show]}")
    if totals["words"]:
        print(
            f"TOTAL {totals['pages']} pages: words agree {totals['matched'] / totals['words']:.4f} "
            f"({totals['matched']}/{totals['words']}; pdfium {totals['pdfium_words']}); "
            f"pdfplumber {totals['pages'] / totals['plumber_s']:.1f} p/s, "
            f"pdfium {totals['pages'] / totals['pdfium_s']:.1f} p/s"
        )


if __name__ == "__main__":
    main()
