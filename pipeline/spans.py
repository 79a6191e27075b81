"""Where a span of a document's text lies (its page, its innermost section, its box) and whether it may be used.

One :class:`SpanIndex` is built per document, once its pages, words and sections
are known, and every later stage asks it (the extractors for a span's section,
the rows for every span's provenance). Each question is a binary search over
offsets sorted once, so a document of *n* words answers a span in O(log n) plus
the words inside it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate

from pipeline.models import BBox, Page, Section, Word


def page_of(page_starts: Sequence[int], offset: int) -> int | None:
    """The 1-based page holding ``offset``, given each page's first offset; None without pages.

    >>> page_of([0, 100, 250], 120), page_of([], 5)
    (2, None)
    """
    if not page_starts:
        return None
    return bisect.bisect_right(page_starts, offset)


def innermost_section(sections: Sequence[Section], starts: Sequence[int], char_start: int, char_end: int) -> str | None:
    """The deepest section whose span holds ``[char_start, char_end)``; ``starts`` are the sections' starts."""
    i = bisect.bisect_right(starts, char_start) - 1
    while i >= 0:
        s = sections[i]
        if s.char_start <= char_start and char_end <= s.char_end:
            return s.section_id
        i -= 1
    return None


def trim_span(text: str, start: int, end: int, also: str = "") -> tuple[int, int]:
    """``[start, end)`` without the whitespace (and the characters in ``also``) at its ends.

    >>> trim_span("  a cell;  ", 0, 11, also=";")
    (2, 8)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in also):
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class Quarantine:
    """Spans of a document's text that no extractor may take values from (garbled text)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, spans: Sequence[tuple[int, int]]) -> Quarantine:
        ordered = sorted(spans)
        return cls(tuple(s for s, _ in ordered), tuple(e for _, e in ordered))

    def allows(self, char_start: int, char_end: int) -> bool:
        """True when ``[char_start, char_end)`` overlaps no quarantined span."""
        i = bisect.bisect_left(self.starts, char_end)
        return not any(self.ends[j] > char_start for j in range(i))

    def __len__(self) -> int:
        return len(self.starts)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        """The quarantined spans, ``(char_start, char_end)``, in text order."""
        return zip(self.starts, self.ends, strict=True)


class SpanIndex:
    """Page, section and box lookups for the spans of one document."""

    __slots__ = (
        "_page_ends",
        "_page_starts",
        "_section_starts",
        "_sections",
        "_word_max_ends",
        "_word_starts",
        "_words",
    )

    def __init__(self, pages: Sequence[Page], sections: Sequence[Section], words: Sequence[Word]) -> None:
        self._page_starts = [p.char_start for p in pages]
        self._page_ends = [p.char_end for p in pages]
        self._sections = list(sections)
        self._section_starts = [s.char_start for s in sections]
        self._words = sorted(words, key=lambda w: w.char_start)
        self._word_starts = [w.char_start for w in self._words]
        # the largest end among the words up to each one: the words before the first whose running
        # maximum passes a span's start all end before it
        self._word_max_ends = list(accumulate((w.char_end for w in self._words), max))

    def page(self, char_start: int) -> int | None:
        """The 1-based page holding ``char_start``; None for sources without pages."""
        return page_of(self._page_starts, char_start)

    def page_holding(self, char_start: int, char_end: int) -> int | None:
        """The page holding the whole span, or None when it runs over a page break (or there are no pages)."""
        page = self.page(char_start)
        return page if page is not None and self._page_ends[page - 1] >= char_end else None

    def section(self, char_start: int, char_end: int) -> str | None:
        """The innermost section holding the span; None when it precedes every heading."""
        return innermost_section(self._sections, self._section_starts, char_start, char_end)

    def bbox(self, char_start: int, char_end: int) -> BBox | None:
        """The union of the boxes of the PDF words overlapping the span; None when there are none."""
        first = bisect.bisect_right(self._word_max_ends, char_start)
        last = bisect.bisect_left(self._word_starts, char_end)
        boxes = [
            BBox(x0=w.x0, top=w.top, x1=w.x1, bottom=w.bottom)
            for w in self._words[first:last]
            if w.char_end > char_start
        ]
        return BBox.union(boxes) if boxes else None
