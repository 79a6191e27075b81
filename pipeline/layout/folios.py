"""Printed page labels: the page number a reader sees and cites, beside the PDF's page index.

A PDF's own page labels (``/PageLabels``, read by the PDF reader) say it best, and are kept. Without
them, the printed folio is found in the page's header or footer band: a short line that begins or ends
with a number (``6``, ``Strategic Economic Plan | 6``, ``Page 6``, ``vi``), or that sets a number apart
between separators (``Case Study Library • 6 • www.example.org``). A number is a folio only when it
keeps step with the PDF pages: the same offset from the page index (``label = index + d``; on
two-page spreads ``label = 2 × index + d`` on the left half and one more on the right) recurs on
several pages, or a spread prints n on its left half and n + 1 on its right. A page may print two
series (a document's own folio and the stamp of the pack it was bound in): a spread's facing pair
first, else the one nearer the page index is the document's. A wide page taken for a spread (empty down
its middle) that prints one folio, in step with the document's single pages, is one printed page after
all. A page with no folio in step has no label, as a reader would find none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.layout.common import line_text
from pipeline.models import Line, Page

FOLIO_BAND = 0.12  # a folio lies in the top or bottom 12% of the page
MAX_FOLIO_WORDS = 16  # ... on a line of at most this many words (a running title with its number)
MIN_SUPPORT = 3  # an offset is a folio series when this many pages keep it (fewer in short documents)
MAX_FOLIO = 2000
FOLIO = re.compile(r"^(?:page\s+)?(?P<n>\d{1,4}|[ivxlc]{1,7})(?:\s+of\s+\d{1,4})?$", re.IGNORECASE)
SEPARATORS = re.compile(r"\s*[|•·–—]\s*")


@dataclass(frozen=True, slots=True)
class Candidate:
    page: int
    value: int
    roman: bool
    half: int  # 0: the page, or the left half of a spread; 1: the right half
    key: tuple[bool, bool, int]  # (spread, roman numerals, offset from the page index): one folio series
    printed: str
    single: bool = False  # a spread's folio read as if its page were one printed page


def pages_to_labels(text: str, lines: Sequence[Line], pages: Sequence[Page]) -> list[Page]:
    """The pages with their printed labels: the PDF's own where it has them (not on a spread, whose
    halves each carry one), else the printed folios in step with the pages."""
    if not pages:
        return list(pages)
    candidates = _candidates(text, lines, {p.number: p for p in pages})
    support = Counter(key for key in {(c.page, c.half, c.key) for c in candidates if not c.single})
    per_key = Counter(key for _, _, key in support)
    needed = min(MIN_SUPPORT, max(1, len(pages) // 2))
    series = {key for key, n in per_key.items() if n >= needed}
    out = []
    for page in pages:
        if page.labels and not page.spread:
            out.append(page)
            continue
        mine = [c for c in candidates if c.page == page.number and (c.key in series or _facing(c, candidates))]
        if page.spread and mine and all(c.single for c in mine):  # its one folio keeps the single pages' step
            page = replace(page, spread=False)
        if not mine:
            out.append(replace(page, labels=()))
            continue
        facing = {c.key for c in mine if _facing(c, candidates)}  # a spread's facing folios prove themselves
        best = min((c.key for c in mine), key=lambda k: (k not in facing, k[1], abs(k[2]), -per_key[k]))
        halves = {c.half: c.printed for c in mine if c.key == best}
        out.append(replace(page, labels=tuple(halves[h] for h in sorted(halves))))
    return out


def _facing(candidate: Candidate, candidates: list[Candidate]) -> bool:
    """A spread's two folios prove each other: n on its left half, n + 1 on its right."""
    return candidate.key[0] and any(
        c.page == candidate.page and c.key == candidate.key and c.half != candidate.half for c in candidates
    )


def _candidates(text: str, lines: Sequence[Line], pages: dict[int, Page]) -> list[Candidate]:
    out: list[Candidate] = []
    for line in lines:
        if line.page is None or line.bbox is None or line.page not in pages:
            continue
        page = pages[line.page]
        band = page.height * FOLIO_BAND
        if band < line.bbox.top < page.height - band:
            continue
        raw = line_text(text, line).strip()
        if not raw or len(raw.split()) > MAX_FOLIO_WORDS:
            continue
        parts = [p for p in SEPARATORS.split(raw) if p]
        ends = {*parts, raw.split()[0], raw.split()[-1]}  # a part set apart between separators stands alone
        for part in ends:
            m = FOLIO.match(part.strip())
            if m is None:
                continue
            value, roman = _value(m.group("n"))
            if value is None or not 0 < value <= MAX_FOLIO:
                continue
            half = int(page.spread and (line.bbox.x0 + line.bbox.x1) / 2 > page.width / 2)
            offset = value - half - 2 * page.number if page.spread else value - page.number
            out.append(Candidate(page.number, value, roman, half, (page.spread, roman, offset), part.strip()))
    by_page = Counter(c.page for c in out if c.key[0])
    out.extend(
        replace(c, half=0, key=(False, c.roman, c.value - c.page), single=True)
        for c in list(out)
        if c.key[0] and by_page[c.page] == 1
    )  # a spread printing one folio may be a wide single page
    return out


ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _value(token: str) -> tuple[int | None, bool]:
    """The number a folio token prints, and whether it is a roman numeral (front matter counts apart)."""
    if token.isdigit():
        return int(token), False
    if token != token.lower() and token != token.upper():
        return None, True
    values = [ROMAN[ch] for ch in token.lower()]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return (total if total > 0 else None), True
