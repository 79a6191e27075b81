"""Measure the garble detector and OCR recovery on ../shared/corpus (``make eval-quality``).

Prints, per broken-text file: pages, pages flagged, pages recovered (OCR or de-duplicated
glyphs), and word accuracy against the hand transcriptions in tests/data/transcriptions;
then, over every page of the policy corpus, how many pages were flagged (and why).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pipeline.evaluation import word_accuracy
from pipeline.readers import ocr
from pipeline.readers.ocr import OcrSettings
from pipeline.readers.pdf import read_pdf

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TRANSCRIPTIONS = {
    "tamreview_missing_tounicode_pages2plus.pdf": ("tamreview_p2.txt", 2),
    "us_md_offense_table_partial_cid.pdf": ("us_md_p1.txt", 1),
    "fr_cerfa_14411_assurance_maladie_form.pdf": ("fr_cerfa_p1.txt", 1),
    "ar_diputados_voting_record_garbled_header.pdf": ("ar_diputados_p1.txt", 1),
    "fr_textbook_duplicate_chars.pdf": ("fr_textbook_p1.txt", 1),
}


def main() -> int:
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 2
    settings = OcrSettings() if ocr.available() else None
    print(f"OCR: {ocr.tesseract_version() or 'unavailable'}")
    print(f"{'file':48} {'pages':>5} {'flagged':>7} {'ocr':>4} {'dedupe':>6} {'accuracy':>8} {'seconds':>7}")
    for path in sorted((CORPUS / "broken-text").glob("*.pdf")):
        started = time.perf_counter()
        parts = read_pdf(path, ocr_settings=settings)
        flagged = {i.page for i in parts.issues if i.page is not None}
        recovered_ocr = sum(p.text_source == "ocr" for p in parts.pages)
        deduped = sum(p.text_source == "pdf-dedupe" for p in parts.pages)
        accuracy = ""
        if path.name in TRANSCRIPTIONS:
            name, page = TRANSCRIPTIONS[path.name]
            reference = (ROOT / "tests" / "data" / "transcriptions" / name).read_text(encoding="utf-8")
            p = parts.pages[page - 1]
            accuracy = f"{word_accuracy(reference, parts.text[p.char_start : p.char_end]):.3f}"
        print(
            f"{path.name:48} {len(parts.pages):5} {len(flagged):7} {recovered_ocr:4} {deduped:6} {accuracy:>8} "
            f"{time.perf_counter() - started:7.1f}"
        )
    total = flagged_pages = 0
    reasons: list[str] = []
    for path in sorted((CORPUS / "policy").glob("*.pdf")):
        parts = read_pdf(path, ocr_settings=settings)
        total += len(parts.pages)
        for issue in parts.issues:
            if issue.kind in ("garbled_page", "ocr_recovered", "doubled_glyphs_repaired"):
                flagged_pages += 1
                reasons.append(f"  {path.name} p{issue.page}: {issue.kind}: {issue.detail[:150]}")
    print(f"policy corpus: {flagged_pages} of {total} pages flagged ({flagged_pages / total:.2%})")
    print("\n".join(reasons))
    return 0


if __name__ == "__main__":
    sys.exit(main())
