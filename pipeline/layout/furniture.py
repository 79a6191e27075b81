"""Page furniture: running headers, footers and page numbers, which are not text a reader reads."""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping, Sequence

from pipeline.language import patterns
from pipeline.layout.common import body_font_size, line_text, normalise_title
from pipeline.models import Line

PDF_FURNITURE_PAGE_SHARE = 0.2


PDF_MARGIN_SHARE = 0.1  # running headers and footers sit in the top or bottom tenth of the page


SAME_HEIGHT = 12.0  # points: running headers repeat at the same height, to within this
PDF_FURNITURE_MIN_PAGES = 3  # ... and repeat (digits aside) on this many pages (2 in documents under 6 pages)
HEADING_TYPE = 1.15  # times the body's size: a line repeated in this type on pages never next to each other is a
# title that recurs (the same heading opening each chapter), not a running header


PAGE_NUMBER = re.compile(r"^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s+of\s+\d{1,4})?$", re.I)


def repeated_line_texts(text: str, lines: Sequence[Line]) -> set[str]:
    """Lines repeated at the same height on many pages (running headers and footers) are not headings; a
    title repeated in the body (the same heading over a panel on each page) may be, and so may one set in
    heading type (HEADING_TYPE times the body's size: "Priorities to the end of the Strategy" over the same
    part of each chapter)."""
    body = body_font_size(lines)
    pages_by_text: dict[tuple[str, int], set[int]] = {}
    for line in lines:
        key = normalise_title(line_text(text, line))
        if body and line.font_size and line.font_size >= HEADING_TYPE * body:
            continue
        if key and line.page is not None:
            height = round(line.bbox.top / SAME_HEIGHT) if line.bbox is not None else 0
            pages_by_text.setdefault((key, height), set()).add(line.page)
    n_pages = len({line.page for line in lines if line.page is not None})
    threshold = max(3, PDF_FURNITURE_PAGE_SHARE * n_pages)
    return {key for (key, _), pages in pages_by_text.items() if len(pages) >= threshold}


def lines_to_furniture(text: str, lines: Sequence[Line], page_heights: Mapping[int, float]) -> set[int]:
    """Indexes of the running headers, footers and page numbers: lines in the top or bottom margin of
    their page that are a page number, or that repeat (digits aside: ``46 International Education
    Strategy``) on several pages. A line set in heading type (:data:`HEADING_TYPE`, or bold in the body's size
    or larger) whose repeats never fall on two pages in a row is a title each chapter opens with, not a
    running header: it does not run; nor is a chapter's title on its first page set far larger (HEADING_TYPE
    times) than the running header that says it on the next pages (a section two pages long has its running
    header on both: :func:`_running_pair`); nor is a title in heading type whose number changes from each
    repeat to the next ("Principle 1", "Principle 2", ...): a running header carries its page's number in the
    body's type or smaller. Nor is a figure's label whose number changes from each repeat to the next
    ("FIGURE 1" over one chart, "FIGURE 2" over the next)."""
    margin: list[tuple[int, str, str]] = []  # (line index, its text, its text with digits as #)
    for i, line in enumerate(lines):
        height = page_heights.get(line.page or 0)
        if not height or line.bbox is None:
            continue
        if line.bbox.top < PDF_MARGIN_SHARE * height or line.bbox.bottom > (1 - PDF_MARGIN_SHARE) * height:
            raw = line_text(text, line)
            key = " ".join(re.sub(r"\d+", "#", raw.casefold()).split())
            if key:
                margin.append((i, raw, key))
    pages_by_key: dict[str, set[int]] = {}
    numbers_by_key: dict[str, list[str]] = {}
    sizes_by_key: dict[str, list[float]] = {}
    for i, raw, key in margin:
        pages_by_key.setdefault(key, set()).add(lines[i].page or 0)
        numbers_by_key.setdefault(key, []).append(" ".join(re.findall(r"\d+", raw)))
        sizes_by_key.setdefault(key, []).append(lines[i].font_size or 0.0)
    counting = {key for key, numbers in numbers_by_key.items() if len(set(numbers)) == len(numbers)}
    n_pages = len(page_heights)
    threshold = PDF_FURNITURE_MIN_PAGES if n_pages >= 6 else 2
    body = body_font_size(lines)
    recurring = {key for key, pages in pages_by_key.items() if not any(p + 1 in pages for p in pages)}
    furniture = set()
    for i, raw, key in margin:
        bare = re.sub(r"[^\w\s]", " ", raw).strip()
        if PAGE_NUMBER.match(" ".join(bare.split())):
            furniture.add(i)
        elif key in counting and patterns.figure_caption().match(raw.strip()):
            continue  # a figure's label ("FIGURE 2") over its chart carries the figure's number, not the page's
        elif len(pages_by_key[key]) >= threshold or _running_pair(lines, [j for j, _, k in margin if k == key], body):
            size = lines[i].font_size
            title_type = bool(body and size and (size >= HEADING_TYPE * body or (lines[i].bold and size >= body)))
            if title_type and size and size >= HEADING_TYPE * statistics.median(sizes_by_key[key]):
                continue  # a chapter's title on its first page, set far larger than the running header saying it
            if not (title_type and (key in recurring or (key in counting and _numbered_title(raw)))):
                furniture.add(i)
    return furniture


def _running_pair(lines: Sequence[Line], said: list[int], body: float | None) -> bool:
    """A running header of a short section: the same words in the margin of two pages in a row, at least once
    in the body's type or smaller (the section's title on its first page and the header on the next, or the
    header on both), those in small type at one height (within SAME_HEIGHT points)."""
    small = [j for j in said if body and (lines[j].font_size or body) <= body]
    pages = sorted({lines[j].page or 0 for j in said})
    tops = [box.top for j in small if (box := lines[j].bbox) is not None]
    return len(pages) == 2 and pages[1] == pages[0] + 1 and bool(tops) and max(tops) - min(tops) <= SAME_HEIGHT


def _numbered_title(raw: str) -> bool:
    """A title with its number ("Principle 3", "Goal 2: ..."): words, and one number that is not all of it."""
    return len(re.findall(r"\d+", raw)) == 1 and re.search(r"[^\W\d_]{3,}", raw) is not None
