"""Layout: lines → contents entries, headings, blocks and a section tree.

Headings come from four kinds of evidence, strongest first:

* a Markdown heading mark (``## 1. Introduction``);
* a printed section number (``1.5 Background``) on a line of its own, that
  does not run backwards against the numbers before it and is not one item
  of a numbered list;
* the document's own contents page: an unnumbered line whose words match an
  entry of the contents is a heading at the level the contents gives it;
* how the line looks: in PDFs a larger or bold font, in plain text a short
  line standing alone before a paragraph, and ``Cluster:`` labels.

A contents page is recognised as such (its entries end in page numbers) and
is kept out of the sections; its entries are returned for the quality checks
that compare them with the body.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from pipeline import patterns
from pipeline.models import BBox, Block, BlockKind, ContentsEntry, Line, MediaType, Section

MAX_HEADING_CHARS = 120
MAX_HEADING_WORDS = 14
MIN_CONTENTS_ENTRIES = 4
MAX_CONTENTS_WRAPPED_LINES = 2
PDF_HEADING_SIZE_RATIO = 1.15
PDF_PARAGRAPH_GAP_RATIO = 0.8
PDF_BOLD_HEADING_WORDS = 10
PDF_HEADING_GAP_RATIO = 0.8
PDF_HEADING_LETTER_SHARE = 0.6
PDF_FURNITURE_PAGE_SHARE = 0.2
PDF_MARGIN_SHARE = 0.1  # running headers and footers sit in the top or bottom tenth of the page
PDF_FURNITURE_MIN_PAGES = 3  # ... and repeat (digits aside) on this many pages (2 in documents under 6 pages)
PAGE_NUMBER = re.compile(r"^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s+of\s+\d{1,4})?$", re.I)
PDF_MAX_LEVEL = 3
PDF_RUN_GAP_RATIO = 0.6
_END_PUNCTUATION = (".", ",", ";")


@dataclass(slots=True)
class Heading:
    line: int
    number: str | None
    title: str
    level: int | None
    char_start: int
    char_end: int
    page: int | None
    bbox: BBox | None


@dataclass(slots=True)
class Layout:
    contents: list[ContentsEntry]
    headings: list[Heading]
    sections: list[Section]
    blocks: list[Block]


def line_text(text: str, line: Line) -> str:
    return text[line.char_start : line.char_end]


def number_depth(number: str) -> int:
    """``'2'`` → 1, ``'2.11'`` → 2."""
    return number.count(".") + 1


def number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def normalise_title(title: str) -> str:
    """Casefolded words only, for matching a heading against its contents entry.

    >>> normalise_title("Increasing Value-Added")
    'increasing value added'
    """
    return " ".join(re.findall(r"[^\W_]+", title.casefold()))


# --------------------------------------------------------------------------- contents


def lines_to_contents(text: str, lines: Sequence[Line]) -> tuple[list[ContentsEntry], set[int]]:
    """Find the contents page: runs of lines that end in page numbers.

    Returns the entries and the indices of every line that belongs to the
    contents (its heading included), so that they never become sections.
    """
    opener = patterns.contents_heading()
    i = 0
    while i < len(lines):
        raw = line_text(text, lines[i])
        if not raw.strip():
            i += 1
            continue
        opened = bool(opener.match(raw))
        if opened and lines[i].page is not None:
            region, members = _pdf_contents_region(text, lines, i)
        else:
            region, members = _text_contents_run(text, lines, i + 1 if opened else i, opened)
        if _is_contents_run(members, opened):
            return _entries(text, lines, members), region | ({i} if opened else set())
        i = max(max(region, default=i) + 1, i + 1)
    return [], set()


Member = tuple[int, "re.Match[str] | None"]


def _text_contents_run(text: str, lines: Sequence[Line], start: int, opened: bool) -> tuple[set[int], list[Member]]:
    """Consecutive contents lines; under a ``Contents`` heading a wrapped title or two may interrupt them."""
    strict, loose = patterns.contents_entry(), patterns.contents_entry_loose()
    region: set[int] = set()
    members: list[Member] = []
    pending: list[int] = []
    for j in range(start, len(lines)):
        raw = line_text(text, lines[j])
        if not raw.strip():
            continue
        m = _contents_match(raw, strict) or (_contents_match(raw, loose) if opened else None)
        if m is None:
            if not opened or not members or len(pending) >= MAX_CONTENTS_WRAPPED_LINES:
                break
            pending.append(j)
            continue
        region.update(pending)
        pending.clear()
        region.add(j)
        members.append((j, m))
    return region, members


def _pdf_contents_region(text: str, lines: Sequence[Line], start: int) -> tuple[set[int], list[Member]]:
    """Under a ``Contents`` heading in a PDF: the rest of its page, and following pages made of entries."""
    strict, loose = patterns.contents_entry(), patterns.contents_entry_loose()
    numbered = patterns.numbered_heading()
    region: set[int] = set()
    members: list[Member] = []
    page = lines[start].page or 0
    by_page: dict[int, list[int]] = {}
    for j in range(start + 1, len(lines)):
        if line_text(text, lines[j]).strip() and lines[j].page is not None:
            by_page.setdefault(lines[j].page or 0, []).append(j)
    while page in by_page:
        found: list[Member] = []
        for j in by_page[page]:
            raw = line_text(text, lines[j]).strip()
            m = _contents_match(raw, strict) or _contents_match(raw, loose)
            if m is not None or (numbered.match(raw) and _title_shape_ok(raw)):
                found.append((j, m))
        if page != lines[start].page and len(found) < 0.5 * len(by_page[page]):
            break
        region.update(by_page[page])
        members.extend(found)
        page += 1
    return region, members


def _contents_match(raw: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    m = pattern.match(raw.strip())
    if m is None or "\t" in m.group("title") or not re.search(r"[^\W\d_]{2}", m.group("title")):
        return None
    return m


def _is_contents_run(members: list[Member], opened: bool) -> bool:
    if len(members) < (2 if opened else MIN_CONTENTS_ENTRIES):
        return False
    pages = [int(m.group("page")) for _, m in members if m is not None]
    rises = sum(1 for a, b in itertools.pairwise(pages) if b >= a)
    return rises >= 0.8 * (len(pages) - 1)


def _entries(text: str, lines: Sequence[Line], members: list[Member]) -> list[ContentsEntry]:
    entries: list[ContentsEntry] = []
    last_numbered_level = 0
    numbered = patterns.numbered_heading()
    for idx, m in members:
        line = lines[idx]
        title = m.group("title").strip() if m is not None else line_text(text, line).strip()
        number = None
        if (n := numbered.match(title)) is not None:
            number, title = n.group("number"), n.group("title")
            level = number_depth(number)
            last_numbered_level = level
        else:
            level = last_numbered_level + 1
            prev = entries[-1] if entries else None
            if prev is not None and prev.page_ref is None and m is not None:
                # a title wrapped onto the next line, which carries the page number
                entries[-1] = replace(
                    prev, title=f"{prev.title} {title}", page_ref=int(m.group("page")), char_end=line.char_end
                )
                continue
        entries.append(
            ContentsEntry(
                number=number,
                title=title,
                page_ref=int(m.group("page")) if m is not None else None,
                level=level,
                char_start=line.char_start,
                char_end=line.char_end,
                page=line.page,
            )
        )
    return entries


# --------------------------------------------------------------------------- headings


def lines_to_headings(
    text: str, lines: Sequence[Line], media_type: MediaType, contents: list[ContentsEntry], skip: set[int]
) -> list[Heading]:
    """Decide which lines are headings, and at what level (see the module docstring)."""
    body_size = _body_font_size(lines) if media_type is MediaType.PDF else None
    furniture = _pdf_furniture(text, lines) if body_size else set()
    unnumbered_contents = {normalise_title(e.title): e.level for e in contents if e.number is None}
    contents_numbers = {e.number: normalise_title(e.title) for e in contents if e.number}
    run_last = _pdf_runs(lines) if body_size else list(range(len(lines)))
    headings: list[Heading] = []
    last_number: tuple[int, ...] | None = None
    last_numbered_level = 0
    for i, line in enumerate(lines):
        last = run_last[i]
        continues_run = i > 0 and run_last[i - 1] == last
        if i in skip or continues_run or not line_text(text, line).strip():
            continue  # a contents line, a blank, or a later line of a multi-line run
        raw = " ".join(line_text(text, lines[j]).strip() for j in range(i, last + 1))
        looks_like_heading = _pdf_heading_look(lines, i, raw, body_size, furniture) if body_size else False
        number, title, level = _numbered(
            text, lines, i, raw, media_type, contents_numbers, looks_like_heading, body_size
        )
        if number is not None:
            key = number_key(number)
            if last_number is not None and key < last_number and line.md_level is None:
                number = None  # runs backwards: an item of a list, not a section
            else:
                last_number, last_numbered_level = key, level or 1
                headings.append(_heading(i, lines[i : last + 1], number, title, level))
                continue
        level = _unnumbered_level(
            text, lines, i, raw, media_type, unnumbered_contents, looks_like_heading, last_numbered_level
        )
        if level is not None:
            headings.append(_heading(i, lines[i : last + 1], None, raw, level))
    if body_size:
        _pdf_levels(headings, lines)
    return headings


def _heading(i: int, run: Sequence[Line], number: str | None, title: str, level: int | None) -> Heading:
    boxes = [ln.bbox for ln in run if ln.bbox is not None]
    return Heading(
        i, number, title, level, run[0].char_start, run[-1].char_end, run[0].page, BBox.union(boxes) if boxes else None
    )


def _pdf_runs(lines: Sequence[Line]) -> list[int]:
    """For each PDF line, the index of the last line of its run: lines set in one style, close below each other.

    A heading wrapped onto two lines is one run, and so is a lead paragraph in a large
    font, which is then judged as a whole (and is too long to be a heading).
    """
    last = list(range(len(lines)))
    start = 0
    for i in range(1, len(lines) + 1):
        if i < len(lines) and _same_run(lines[i - 1], lines[i]):
            continue
        for j in range(start, i):
            last[j] = i - 1
        start = i
    return last


def _same_run(a: Line, b: Line) -> bool:
    if a.page != b.page or a.bbox is None or b.bbox is None or (a.font_size, a.bold) != (b.font_size, b.bold):
        return False
    height = a.bbox.bottom - a.bbox.top
    overlaps = a.bbox.x0 < b.bbox.x1 and b.bbox.x0 < a.bbox.x1
    return overlaps and 0 <= b.bbox.top - a.bbox.bottom <= PDF_RUN_GAP_RATIO * height


def _numbered(
    text: str,
    lines: Sequence[Line],
    i: int,
    raw: str,
    media_type: MediaType,
    contents_numbers: dict[str, str],
    looks_like_heading: bool,
    body_size: float | None,
) -> tuple[str | None, str, int | None]:
    m = patterns.numbered_heading().match(raw)
    if m is None:
        return None, raw, None
    number, title = m.group("number"), m.group("title")
    line = lines[i]
    if line.md_level is not None:
        return number, title, number_depth(number)
    if media_type is MediaType.MARKDOWN or not _title_shape_ok(title):
        return None, raw, None
    confirmed = _confirmed_by_contents(number, title, contents_numbers)
    dotted_or_confirmed = "." in raw[: len(number) + 1] or confirmed
    if media_type is MediaType.PDF:
        small = body_size is not None and (line.font_size or 0) < 0.95 * body_size
        ok = looks_like_heading or (confirmed and not small)
    else:
        ok = dotted_or_confirmed and not _in_numbered_run(text, lines, i)
    return (number, title, number_depth(number)) if ok else (None, raw, None)


def _confirmed_by_contents(number: str, title: str, contents_numbers: dict[str, str]) -> bool:
    """The contents lists this number with a title that shares the heading's first words."""
    listed = contents_numbers.get(number)
    if listed is None:
        return False
    words = normalise_title(title).split()[:3]
    return bool(words) and listed.split()[: len(words)] == words


def _title_shape_ok(title: str) -> bool:
    if len(title) > MAX_HEADING_CHARS or len(title.split()) > MAX_HEADING_WORDS:
        return False
    if title.endswith(_END_PUNCTUATION) or not re.search(r"[^\W\d_]", title):
        return False
    first = title[0]
    return first.isupper() or first.isdigit() or not first.isalpha()


def _in_numbered_run(text: str, lines: Sequence[Line], i: int) -> bool:
    """Is line ``i`` one of several numbered or bulleted lines with no blank line between them?"""
    marker = patterns.list_marker()
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines):
            neighbour = line_text(text, lines[j]).strip()
            if neighbour and (marker.match(neighbour) or patterns.numbered_heading().match(neighbour)):
                return True
    return False


def _unnumbered_level(
    text: str,
    lines: Sequence[Line],
    i: int,
    raw: str,
    media_type: MediaType,
    unnumbered_contents: dict[str, int],
    looks_like_heading: bool,
    last_numbered_level: int,
) -> int | None:
    line = lines[i]
    child_level = last_numbered_level + 1 if last_numbered_level else 1
    if line.md_level is not None:
        return 1 if patterns.back_matter_title().match(raw) else child_level
    if media_type is MediaType.MARKDOWN:
        return None  # Markdown marks its headings; an unmarked line is not one
    if unnumbered_contents:
        level = unnumbered_contents.get(normalise_title(raw))
        if level is not None:
            return level
    if patterns.cluster_label().match(raw):
        return child_level
    if media_type is MediaType.PDF:
        return child_level if looks_like_heading else None
    if last_numbered_level or unnumbered_contents:
        return None  # a numbered document names its headings; loose short lines are not sections
    return child_level if _standalone_short_line(text, lines, i, raw) else None


def _standalone_short_line(text: str, lines: Sequence[Line], i: int, raw: str) -> bool:
    """A plain-text heading: a short title-like line followed by a longer paragraph."""
    if raw.endswith(":"):
        raw = raw[:-1]
        if _next_nonblank(text, lines, i, marker_ok=False) is None:
            return False
    if not _title_shape_ok(raw) or len(raw.split()) > 10 or len(raw) > 80:
        return False
    if raw.startswith("(") or patterns.list_marker().match(raw) or "\t" in raw:
        return False
    following = _next_nonblank(text, lines, i, marker_ok=True)
    return following is not None and len(following) >= max(60, 2 * len(raw))


def _next_nonblank(text: str, lines: Sequence[Line], i: int, marker_ok: bool) -> str | None:
    for j in range(i + 1, len(lines)):
        candidate = line_text(text, lines[j]).strip()
        if candidate:
            if not marker_ok and patterns.list_marker().match(candidate):
                return None
            return candidate
    return None


def _body_font_size(lines: Sequence[Line]) -> float | None:
    weighted: dict[float, int] = {}
    for line in lines:
        if line.font_size:
            weighted[line.font_size] = weighted.get(line.font_size, 0) + (line.char_end - line.char_start)
    return max(weighted, key=lambda s: weighted[s]) if weighted else None


def _pdf_heading_look(lines: Sequence[Line], i: int, raw: str, body_size: float, furniture: set[str]) -> bool:
    """A PDF heading: a short title-like line in a larger font, or bold and set apart from the line above."""
    line = lines[i]
    if line.font_size is None or not _heading_words(raw) or normalise_title(raw) in furniture:
        return False
    if line.font_size >= body_size * PDF_HEADING_SIZE_RATIO:
        return True
    if not line.bold or line.font_size < body_size * 0.95 or len(raw.split()) > PDF_BOLD_HEADING_WORDS:
        return False
    above = lines[i - 1] if i else None
    if above is None or above.page != line.page or above.bbox is None or line.bbox is None:
        return True
    height = line.bbox.bottom - line.bbox.top
    return line.bbox.top - above.bbox.bottom >= PDF_HEADING_GAP_RATIO * height


def _heading_words(raw: str) -> bool:
    """Short, mostly letters, starting with a capital, not ending like a sentence or a lead-in."""
    if len(raw) > MAX_HEADING_CHARS or len(raw.split()) > MAX_HEADING_WORDS or raw.endswith((*_END_PUNCTUATION, ":")):
        return False
    visible = [c for c in raw if not c.isspace()]
    letters = sum(c.isalpha() for c in visible)
    if letters < 3 or letters < PDF_HEADING_LETTER_SHARE * len(visible):
        return False
    first = next(c for c in raw if c.isalpha())
    return first.isupper()


def _pdf_furniture(text: str, lines: Sequence[Line]) -> set[str]:
    """Lines repeated on many pages (running headers and footers) are not headings."""
    pages_by_text: dict[str, set[int]] = {}
    for line in lines:
        key = normalise_title(line_text(text, line))
        if key and line.page is not None:
            pages_by_text.setdefault(key, set()).add(line.page)
    n_pages = len({line.page for line in lines if line.page is not None})
    threshold = max(3, PDF_FURNITURE_PAGE_SHARE * n_pages)
    return {key for key, pages in pages_by_text.items() if len(pages) >= threshold}


def lines_to_furniture(text: str, lines: Sequence[Line], page_heights: Mapping[int, float]) -> set[int]:
    """Indexes of the running headers, footers and page numbers: lines in the top or bottom margin of
    their page that are a page number, or that repeat (digits aside: ``46 International Education
    Strategy``) on several pages."""
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
    for i, _, key in margin:
        pages_by_key.setdefault(key, set()).add(lines[i].page or 0)
    n_pages = len(page_heights)
    threshold = PDF_FURNITURE_MIN_PAGES if n_pages >= 6 else 2
    furniture = set()
    for i, raw, key in margin:
        bare = re.sub(r"[^\w\s]", " ", raw).strip()
        if len(pages_by_key[key]) >= threshold or PAGE_NUMBER.match(" ".join(bare.split())):
            furniture.add(i)
    return furniture


def _pdf_levels(headings: list[Heading], lines: Sequence[Line]) -> None:
    """Unnumbered PDF headings take their level from their font: the largest style is level 1.

    In a numbered document an unnumbered heading at least as large as the numbered
    top-level headings is level 1; a smaller one sits under the numbered heading before it.
    """

    def style(h: Heading) -> tuple[float, bool]:
        line = lines[h.line]
        return (round((line.font_size or 0) * 2) / 2, line.bold)

    numbered_sizes = [style(h)[0] for h in headings if h.number and h.level == 1]
    # the cover's display type would push every real heading down a level: rank the rest
    ranks = sorted({style(h) for h in headings if h.number is None and h.page != 1}, reverse=True)
    last_numbered_level = 0
    for h in headings:
        if h.number:
            last_numbered_level = h.level or 1
            continue
        size = style(h)[0]
        if numbered_sizes:
            h.level = 1 if size >= max(numbered_sizes) else last_numbered_level + 1
        elif style(h) not in ranks:
            h.level = 1
        else:
            h.level = min(ranks.index(style(h)) + 1, PDF_MAX_LEVEL)


# --------------------------------------------------------------------------- sections


def headings_to_sections(document_id: str, headings: list[Heading], text_length: int) -> list[Section]:
    """Nest headings by level into sections; each runs to the next heading at its level or above."""
    sections: list[Section] = []
    stack: list[Section] = []
    for ordinal, h in enumerate(headings, start=1):
        level = h.level or 1
        while stack and stack[-1].level >= level:
            stack.pop().char_end = h.char_start
        section = Section(
            section_id=f"{document_id}:s{ordinal:03d}",
            number=h.number,
            title=h.title,
            level=level,
            parent_section_id=stack[-1].section_id if stack else None,
            char_start=h.char_start,
            char_end=text_length,
            heading_end=h.char_end,
        )
        sections.append(section)
        stack.append(section)
    return sections


def innermost_section(sections: Sequence[Section], starts: Sequence[int], char_start: int, char_end: int) -> str | None:
    """The deepest section whose span holds ``[char_start, char_end)``; ``starts`` are the sections' starts."""
    i = bisect.bisect_right(starts, char_start) - 1
    while i >= 0:
        s = sections[i]
        if s.char_start <= char_start and char_end <= s.char_end:
            return s.section_id
        i -= 1
    return None


# --------------------------------------------------------------------------- blocks


def lines_to_blocks(
    text: str,
    lines: Sequence[Line],
    media_type: MediaType,
    headings: list[Heading],
    contents_lines: set[int],
    furniture: set[int] | None = None,
) -> list[Block]:
    """Group the lines that are not headings into paragraphs, list items and table rows; page furniture
    lines are blocks of their own."""
    furniture = furniture or set()
    heading_at = {h.line: h for h in headings}
    table_lines = _tab_table_lines(text, lines)
    heading_lines = {j for h in headings for j in range(h.line, _last_line(lines, h) + 1)}
    blocks: list[Block] = []
    list_id = 0
    list_pos = 0
    prev_blank = True
    marker = patterns.list_marker()
    for i, line in enumerate(lines):
        raw = line_text(text, line)
        stripped = raw.strip()
        if not stripped:
            prev_blank = True
            continue
        if i in furniture:
            blocks.append(Block(BlockKind.FURNITURE, *_trimmed_span(text, line), line.page, line.bbox))
            prev_blank = True
            continue
        if i in heading_at:
            h = heading_at[i]
            blocks.append(Block(BlockKind.HEADING, h.char_start, h.char_end, h.page, h.bbox))
        elif i in heading_lines:
            pass
        elif i in contents_lines:
            blocks.append(Block(BlockKind.CONTENTS_ENTRY, *_trimmed_span(text, line), line.page, line.bbox))
        elif m := marker.match(stripped):
            prev = blocks[-1] if blocks else None
            if prev is None or prev.kind is not BlockKind.LIST_ITEM:
                list_id += 1
                list_pos = 0
            list_pos += 1
            start, end = _trimmed_span(text, line)
            blocks.append(
                Block(BlockKind.LIST_ITEM, start, end, line.page, line.bbox, list_id, list_pos, m.group("marker"))
            )
        elif i in table_lines:
            blocks.append(Block(BlockKind.TABLE_ROW, *_trimmed_span(text, line), line.page, line.bbox))
        elif blocks and _continues(blocks[-1], line, lines, i, prev_blank, media_type):
            prev = blocks[-1]
            prev.char_end = _trimmed_span(text, line)[1]
            if prev.bbox is not None and line.bbox is not None:
                prev.bbox = BBox.union([prev.bbox, line.bbox])
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, *_trimmed_span(text, line), line.page, line.bbox))
        prev_blank = False
    return blocks


def _tab_table_lines(text: str, lines: Sequence[Line]) -> set[int]:
    """Lines of tab-separated tables: three or more cells, or two beside such a line."""
    cells = [line_text(text, line).strip(" ").count("\t") + 1 if line_text(text, line).strip() else 0 for line in lines]
    rows = {i for i, n in enumerate(cells) if n >= 3}
    grown = True
    while grown:
        grown = False
        for i, n in enumerate(cells):
            if n >= 2 and i not in rows and ({i - 1, i + 1} & rows):
                rows.add(i)
                grown = True
    return rows


def _last_line(lines: Sequence[Line], h: Heading) -> int:
    j = h.line
    while j + 1 < len(lines) and lines[j + 1].char_end <= h.char_end:
        j += 1
    return j


def _trimmed_span(text: str, line: Line) -> tuple[int, int]:
    raw = line_text(text, line)
    lead = len(raw) - len(raw.lstrip())
    return line.char_start + lead, line.char_start + len(raw.rstrip())


def _continues(prev: Block, line: Line, lines: Sequence[Line], i: int, prev_blank: bool, media_type: MediaType) -> bool:
    """Does this line carry on the block before it (a wrapped paragraph or list item)?"""
    if prev_blank or prev.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        return False
    before = lines[i - 1]
    if media_type is not MediaType.PDF:
        # plain text: only an indented line under a list item wraps it
        return prev.kind is BlockKind.LIST_ITEM and line.indent > before.indent
    if before.page != line.page or before.bbox is None or line.bbox is None:
        return False
    height = before.bbox.bottom - before.bbox.top
    gap = line.bbox.top - before.bbox.bottom
    same_look = before.font_size == line.font_size and before.bold == line.bold
    return same_look and -height < gap <= height * PDF_PARAGRAPH_GAP_RATIO


# --------------------------------------------------------------------------- all together


def page_of(page_starts: Sequence[int], offset: int) -> int | None:
    """The 1-based page holding ``offset``, given each page's first offset; None without pages."""
    if not page_starts:
        return None
    return bisect.bisect_right(page_starts, offset)


def lines_to_layout(
    document_id: str,
    text: str,
    lines: Sequence[Line],
    media_type: MediaType,
    page_starts: Sequence[int],
    page_heights: Mapping[int, float] | None = None,
) -> Layout:
    furniture = lines_to_furniture(text, lines, page_heights or {})
    contents, contents_lines = lines_to_contents(text, lines)
    headings = lines_to_headings(text, lines, media_type, contents, contents_lines | furniture)
    sections = headings_to_sections(document_id, headings, len(text))
    blocks = lines_to_blocks(text, lines, media_type, headings, contents_lines, furniture)
    starts = [s.char_start for s in sections]
    for block in blocks:
        block.section_id = innermost_section(sections, starts, block.char_start, block.char_end)
    for section in sections:
        section.char_end = _trim_end(text, section.char_start, section.char_end)
        if page_starts:
            section.page_start = page_of(page_starts, section.char_start)
            section.page_end = page_of(page_starts, max(section.char_start, section.char_end - 1))
    return Layout(contents, headings, sections, blocks)


def _trim_end(text: str, start: int, end: int) -> int:
    """Trailing blank lines and form feeds belong to no section."""
    while end > start + 1 and text[end - 1] in "\n\f \t":
        end -= 1
    return end
