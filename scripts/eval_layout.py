"""The layout the pipeline gives vs the layout gold of issue 19 (``make eval-layout``).

Reads and lays out each annotated policy PDF of ../shared/corpus/policy and prints, for the development
documents, the held-out documents (and each held-out part) and the held-out pages of documents other sets
hold, apart: per kind precision/recall/F1, list exactness, reading order (Kendall's
tau), printed page labels and repaired words; then per document; then a census of the whole policy
corpus (spreads, labels, repairs by kind, pages read by OCR whole or line by line, asides, charts;
``--no-census`` leaves it out). Between them, what the layout made of the lines drawn in the charts, diagrams,
maps, infographics and timelines the table gold boxes (``not_tables``): chart labels, or text of the body
(paragraphs, headings, list items) and table cells, which they should not be. How each is counted:
tests/layout_eval.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from layout_eval import (  # noqa: E402
    CORPUS,
    DEVELOPMENT,
    HELD_OUT,
    HELD_OUT_PAGES,
    KINDS,
    PageScore,
    SetScore,
    census,
    chart_labels,
    evaluate,
)


def main() -> int:
    if not CORPUS.exists():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 2
    sets = [evaluate("development", DEVELOPMENT), evaluate("held-out", HELD_OUT)]
    results = list(sets)
    if len(HELD_OUT) > 1:  # each held-out part apart too: a part committed later is the one no rule has seen
        results += [evaluate(part.removeprefix("layout_").removesuffix(".yml"), (part,)) for part in HELD_OUT]
    if HELD_OUT_PAGES:  # unseen pages of documents other sets hold: apart from the held-out documents
        results.append(evaluate("held-out pages", HELD_OUT_PAGES))
    print(f"{'':22}" + "".join(f"{r.name + f' ({r.pages} pages)':>34}" for r in results))
    for kind in (*KINDS, "all kinds"):
        cells = []
        for r in results:
            s = r.total.all_kinds if kind == "all kinds" else r.total.kinds[kind]
            cells.append(f"P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f} ({s.true_positives}/{s.found}/{s.gold})")
        print(f"{kind:22}" + "".join(f"{c:>34}" for c in cells))
    _row("lists exact", results, lambda t: (t.lists_exact, t.lists))
    _row("list items exact", results, lambda t: (t.items_exact, t.items))
    print(f"{'reading order (tau)':22}" + "".join(f"{_tau(r.total):>34}" for r in results))
    _row("page labels", results, lambda t: (t.label_right, 0), pages=True)
    _row("repaired words read", results, lambda t: (t.repairs_read, t.repairs))
    print()
    print(f"{'document':52} {'set':12} {'kinds F1':>8} {'lists':>7} {'tau':>6} {'labels':>7}")
    pages = {}
    for r in sets:  # each document once
        for file, s in r.per_document.items():
            n = s.label_right
            print(
                f"{file[:52]:52} {r.name:12} {s.all_kinds.f1:8.2f} {s.lists_exact:>3}/{s.lists:<3} {s.tau:6.2f} {n:>7}"
            )
            pages[file] = n
        for file in r.skipped:
            print(f"{file[:52]:52} {r.name:12} skipped (not in ../shared/corpus/policy)")
    print()
    print("lines drawn in charts, diagrams, maps, infographics and timelines (regions the table gold boxes as such):")
    for name, files in _table_gold_sets():
        for drawings in (("chart", "map"), ("diagram", "infographic", "timeline")):
            labels = chart_labels(files, drawings)
            made = ", ".join(f"{k} {n}" for k, n in labels.blocks.most_common())
            print(
                f"  {name:12} {' and '.join(drawings)}: {labels.regions} regions; blocks inside: {made or 'none'};"
                f" read as body or aside text {labels.as_text}; table cells {labels.table_cells}"
            )
    if "--no-census" not in sys.argv:
        c = census()
        print()
        print(f"over the policy corpus: {c.documents} PDFs, {c.pages:,} pages")
        print(f"  spreads {c.spreads}, pages with a printed label {c.labelled} ({c.labelled / max(c.pages, 1):.0%})")
        print("  words mended: " + (", ".join(f"{k} {n}" for k, n in sorted(c.repairs.items())) or "none"))
        whole = ", ".join(f"{k} {n}" for k, n in sorted(c.ocr_whole.items())) or "none"
        print(f"  pages read by OCR as a whole: {sum(c.ocr_whole.values())} ({whole}); line by line: {c.ocr_lines}")
        print(f"  asides {c.asides}, charts {c.charts}, captions and footnotes {c.captions}")
        print(f"  pages with text off the page (clipped): {c.outside}")
    return 0


def _table_gold_sets() -> list[tuple[str, list[Path]]]:
    """The table gold's development files, and its held-out files pooled."""
    import table_gold_eval

    held_out = [path for name, files in table_gold_eval.SETS.items() if name != "development" for path in files]
    return [("development", list(table_gold_eval.SETS["development"])), ("held-out", held_out)]


def _tau(total: PageScore) -> str:
    return f"{total.tau:.3f} ({total.concordant}+/{total.discordant}-)"


def _row(name: str, results: list[SetScore], counts, pages: bool = False) -> None:  # type: ignore[no-untyped-def]
    cells = []
    for r in results:
        hit, of = counts(r.total)
        of = r.pages if pages else of
        cells.append(f"{hit / of if of else 1.0:.3f} ({hit}/{of})")
    print(f"{name:22}" + "".join(f"{c:>34}" for c in cells))


if __name__ == "__main__":
    sys.exit(main())
