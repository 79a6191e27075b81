"""The contents page: runs of lines that end in page numbers, as contents entries."""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from pipeline.language import patterns
from pipeline.layout.common import line_text, number_depth, title_shape_ok
from pipeline.models import ContentsEntry, Line, Page

MIN_CONTENTS_ENTRIES = 4
MAX_CONTENTS_WRAPPED_LINES = 2
CONTENTS_PAGES = 10  # a contents page with no "Contents" heading is among a document's first pages ...
ENTRY_SHARE = 0.8  # ... and this share of its lines end in a page number ...
RIGHT_EDGE = 3.0  # points: ... set flush right, their right edges this close to each other
LEADING_NUMBER = re.compile(r"(?P<page>\d{1,4})\s+(?P<rest>\S.*)")  # "31 1.4 SME FINANCE", "4 1. The context"
WRAP_ALIGN = 2.0  # points: a wrapped title's lines start this close to each other
MAX_TITLE_LINES = 3  # lines of one entry's title printed after its page number
MAX_WRAPPED_WORDS = 16  # words of a wrapped title's line: a full line of a page at most
LABELLED_ENTRY = re.compile(  # an entry that opens with its own label: no second line of a title over it
    r"(?:\d+(?:\.\d+)*\.?\s|(?:table|figure|fig\.|box|chart|annex|appendix|chapter|part|section)\s*[\dA-Z])", re.I
)
NUMBER_END = re.compile(r"\d(?:[%)]|\s?(?:m|bn|k))?$")  # a figure ending a title: 2.0, 41%, £5m, (12)
MIN_LEADING_PAGES = 3  # entries printed after their page number that make it a contents page's style


def lines_to_contents(
    text: str, lines: Sequence[Line], pages: Sequence[Page] = (), furniture: Collection[int] = ()
) -> tuple[list[ContentsEntry], set[int]]:
    """Find the contents page: runs of lines that end in page numbers.

    Returns the entries and the indices of every line that belongs to the
    contents (its heading included), so that they never become sections. On a
    two-page spread (``pages`` say which) the contents are the half its heading
    opens, and the facing half only when it is made of entries too (not the
    foreword printed there). The lines of ``furniture`` (a running title and its page number, a footer) are no
    entries of a PDF's contents page.
    """
    folds = {p.number: p.width / 2 for p in pages if p.spread}
    opener = patterns.contents_heading()
    i = 0
    while i < len(lines):
        raw = line_text(text, lines[i])
        if not raw.strip():
            i += 1
            continue
        opened = bool(opener.match(raw))
        first_on_page = lines[i].page is not None and (i == 0 or lines[i - 1].page != lines[i].page)
        if not opened and first_on_page and (lines[i].page or 0) <= CONTENTS_PAGES:
            region, members = _headless_contents(text, lines, i, len(pages), furniture)
            if region:
                return _entries(text, lines, members), region
        if opened and lines[i].page is not None:
            region, members = _pdf_contents_region(text, lines, i, folds.get(lines[i].page or 0), furniture)
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


def _pdf_contents_region(
    text: str, lines: Sequence[Line], start: int, fold: float | None = None, furniture: Collection[int] = ()
) -> tuple[set[int], list[Member]]:
    """Under a ``Contents`` heading in a PDF: the rest of its page (of its half, on a spread folding at ``fold``,
    and the facing half when half its lines or more are entries), and following pages made of entries."""
    strict, loose = patterns.contents_entry(), patterns.contents_entry_loose()
    numbered = patterns.numbered_heading()
    region: set[int] = set()
    members: list[Member] = []
    page = lines[start].page or 0
    by_page: dict[int, list[int]] = {}
    half = None if fold is None else _right_of(lines[start], fold)
    facing: list[int] = []  # on a spread, the lines of the other printed page
    for j in range(start + 1, len(lines)):
        if not line_text(text, lines[j]).strip() or lines[j].page is None or j in furniture:
            continue
        if half is not None and lines[j].page == page and _right_of(lines[j], fold or 0.0) != half:
            facing.append(j)
            continue
        by_page.setdefault(lines[j].page or 0, []).append(j)

    def entries(indexes: list[int]) -> list[Member]:
        found: dict[int, Member] = {}
        for j in indexes:
            raw = line_text(text, lines[j]).strip()
            m = _contents_match(raw, strict) or _contents_match(raw, loose)
            if m is not None or (numbered.match(raw) and title_shape_ok(raw)):
                found[j] = (j, m)
        hanging: dict[int, int] = {}  # the later lines of titles printed after their page numbers: which line
        for before, j, after in zip([-1, *indexes[:-1]], indexes, [*indexes[1:], -1], strict=True):
            if j in found:
                continue
            if _title_over_entry(text, lines, j, found.get(after)):
                found[j] = (j, None)
            elif hanging.get(before, 1) < MAX_TITLE_LINES and _title_hanging(
                text, lines, j, found.get(before), before in hanging
            ):
                found[j] = (j, None)
                hanging[j] = hanging.get(before, 1) + 1
        return [found[j] for j in indexes if j in found]

    while page in by_page:
        found = entries(by_page[page])
        if page != lines[start].page and sum(not _number_ended(m) for _, m in found) < 0.5 * len(by_page[page]):
            break  # a page after the contents counts as more of it by entries whose title ends in a word
        region.update(by_page[page])
        members.extend(found)
        if page == lines[start].page and facing and len(on_facing := entries(facing)) >= 0.5 * len(facing):
            region.update(facing)  # the contents run on across the fold
            members.extend(on_facing)
        page += 1
    return region, members


def _title_over_entry(text: str, lines: Sequence[Line], j: int, after: Member | None) -> bool:
    """Line ``j`` is the first line of an entry's title wrapped over two: set flush left with the entry's line under
    it, which carries the page number (``Ministerial statement: ...`` over ``... approach 35``), no further than a
    line's height from it; not a line ending in a number, nor one over an entry opening with its own label
    (``Tables`` over ``Table 2.1. ...``)."""
    box, raw = lines[j].bbox, line_text(text, lines[j]).strip()
    if box is None or after is None or after[1] is None or not _title_words(raw):
        return False
    below = lines[after[0]].bbox
    return (
        below is not None
        and title_shape_ok(raw)
        and not raw[-1].isdigit()  # a line ending in a number is an entry of its own (``Grants 2.0 111``)
        and not LABELLED_ENTRY.match(line_text(text, lines[after[0]]).strip())
        and abs(below.x0 - box.x0) <= WRAP_ALIGN
        and 0 <= below.top - box.bottom <= box.bottom - box.top
    )


def _title_hanging(text: str, lines: Sequence[Line], j: int, before: Member | None, before_hangs: bool) -> bool:
    """Line ``j`` is a later line of the title of an entry that prints its page number first: set under the
    entry's line and indented past its number (``11 Enabling Legislation, Improving`` over ``Incorporation and
    Chartering``), or flush with the title's line before it when that one hangs so too (``before_hangs``: a title
    over three lines, at most MAX_TITLE_LINES) and runs on from it (in lower case, or in capitals under a line in
    capitals: not the next of a list of sub-entries printed without their pages), no further than a line's
    height from it."""
    box, raw = lines[j].bbox, line_text(text, lines[j]).strip()
    if box is None or before is None or not _title_words(raw):
        return False
    above = lines[before[0]].bbox
    if above is None or not 0 <= box.top - above.bottom <= box.bottom - box.top:
        return False
    if before_hangs:  # a title's third line runs on: in lower case, or in capitals under capitals
        above_raw = line_text(text, lines[before[0]]).strip()
        runs_on = raw[:1].islower() or (raw.isupper() and above_raw.isupper())
        return runs_on and abs(box.x0 - above.x0) <= WRAP_ALIGN
    opens = LEADING_NUMBER.fullmatch(line_text(text, lines[before[0]]).strip()) is not None
    return opens and box.x0 - above.x0 > WRAP_ALIGN


def _title_words(raw: str) -> bool:
    """A line that may be part of a wrapped title: some letters, at most MAX_WRAPPED_WORDS words."""
    return bool(re.search(r"[^\W\d_]", raw)) and len(raw.split()) <= MAX_WRAPPED_WORDS


def _headless_contents(
    text: str, lines: Sequence[Line], start: int, last_page: int, furniture: Collection[int] = ()
) -> tuple[set[int], list[Member]]:
    """The PDF page opening at line ``start`` when it is a contents page with no heading: at least
    MIN_CONTENTS_ENTRIES of its lines, and ENTRY_SHARE of them all, none of them a "Contents" heading, are a
    title and a page number of the document (at most ``last_page``; rising) set flush right (their right
    edges within RIGHT_EDGE points), as a contents page sets its numbers, their titles ending in a word
    (:func:`_number_ended`); the page's lines and its entries, or nothing."""
    loose = patterns.contents_entry_loose()
    page = list(itertools.takewhile(lambda j: lines[j].page == lines[start].page, range(start, len(lines))))
    if any(patterns.contents_heading().match(line_text(text, lines[j])) for j in page):
        return set(), []  # a headed contents page: its heading opens it (lines_to_contents)
    right = {
        j: box.x1
        for j in page
        if (box := lines[j].bbox) is not None and line_text(text, lines[j]).strip() and j not in furniture
    }
    members = [(j, m) for j in right if (m := _contents_match(line_text(text, lines[j]), loose)) is not None]
    members = [(j, m) for j, m in members if 0 < int(m.group("page")) <= max(last_page, 1) and not _number_ended(m)]
    if len(members) < max(MIN_CONTENTS_ENTRIES, ENTRY_SHARE * len(right)) or not _is_contents_run(members, False):
        return set(), []
    edge = sorted(right[j] for j, _ in members)[len(members) // 2]
    if sum(abs(right[j] - edge) <= RIGHT_EDGE for j, _ in members) < ENTRY_SHARE * len(members):
        return set(), []
    found: list[Member] = [*members]
    return set(page), found


def _number_ended(match: re.Match[str] | None) -> bool:
    """The entry's title ends in a figure (``Grants 2.0 111``, ``Recycling rate 41% 8``) and only a space sets
    its page number apart: a contents entry under a Contents heading, but on a page without one as likely a row
    of figures (``Libraries open 5 8``). A page number set apart by leaders or a tab is an entry's either way."""
    return (
        match is not None
        and match.re is patterns.contents_entry_loose()
        and NUMBER_END.search(match.group("title")) is not None
    )


def _pages_first(raws: list[str]) -> bool:
    """Whether a contents page prints each entry after its page number (``31 1.4 SME FINANCE AT THE LOCAL LEVEL``,
    ``4 1. The geopolitical context``) rather than numbered sections: its entries' titles (``raws``, without a
    number at their end) open with a number, half of them and MIN_LEADING_PAGES at least, those numbers never
    fall, and the style shows in them: a section's own number after the first (``1.4``), or one number opening
    two entries (a chapter and its first section on one page). Numbers 1, 2, 3 ... opening titles are the
    sections' own. On such a page a number at an entry's end is the next column's page, read into its line.

    >>> _pages_first(["3 FOREWORD", "10 CHAPTER 1:", "10 1.1 RATIONALE FOR STUDY", "13 1.3 METHODOLOGY"])
    True
    >>> _pages_first(["1 Introduction", "2 The economy", "3 Our priorities"])
    False
    """
    leads = [m for raw in raws if (m := LEADING_NUMBER.fullmatch(raw))]
    if len(leads) < MIN_LEADING_PAGES or len(leads) < len(raws) / 2:
        return False
    pages = [int(m.group("page")) for m in leads]
    if any(b < a for a, b in itertools.pairwise(pages)):
        return False
    own_numbers = any(patterns.numbered_heading().match(m.group("rest")) for m in leads)
    return own_numbers or len(set(pages)) < len(pages)


def _right_of(line: Line, fold: float) -> bool:
    return line.bbox is not None and (line.bbox.x0 + line.bbox.x1) / 2 > fold


def _contents_match(raw: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    m = pattern.match(raw.strip())
    if m is None or "\t" in m.group("title") or not re.search(r"[^\W\d_]{2}", m.group("title")):
        return None
    return m


def _is_contents_run(members: Sequence[Member], opened: bool) -> bool:
    if len(members) < (2 if opened else MIN_CONTENTS_ENTRIES):
        return False
    pages = [int(m.group("page")) for _, m in members if m is not None]
    rises = sum(1 for a, b in itertools.pairwise(pages) if b >= a)
    return rises >= 0.8 * (len(pages) - 1)


def _entries(text: str, lines: Sequence[Line], members: list[Member]) -> list[ContentsEntry]:
    entries: list[ContentsEntry] = []
    last_numbered_level = 0
    numbered = patterns.numbered_heading()
    titles = [m.group("title").strip() if m is not None else line_text(text, lines[idx]).strip() for idx, m in members]
    paged_first = _pages_first(titles)
    for (idx, m), title in zip(members, titles, strict=True):
        line = lines[idx]
        number = None
        page_ref = int(m.group("page")) if m is not None else None
        lead = LEADING_NUMBER.fullmatch(title) if paged_first else None
        if lead is not None:  # a number after it is a facing column's
            page_ref, title = int(lead.group("page")), lead.group("rest")
        if (n := numbered.match(title)) is not None:
            number, title = n.group("number"), n.group("title")
            level = number_depth(number)
            last_numbered_level = level
        else:
            level = last_numbered_level + 1
            prev = entries[-1] if entries else None
            if lead is None and prev is not None and prev.page_ref is None and m is not None:
                # a title wrapped onto the next line, which carries the page number
                entries[-1] = replace(
                    prev, title=f"{prev.title} {title}", page_ref=int(m.group("page")), char_end=line.char_end
                )
                continue
            if paged_first and lead is None and m is None and prev is not None and prev.page_ref is not None:
                # the second line of a title printed after its page number
                entries[-1] = replace(prev, title=f"{prev.title} {title}", char_end=line.char_end)
                continue
        entries.append(
            ContentsEntry(
                number=number,
                title=title,
                page_ref=page_ref,
                level=level,
                char_start=line.char_start,
                char_end=line.char_end,
                page=line.page,
            )
        )
    return entries
