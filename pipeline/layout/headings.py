"""Headings and sections: which lines are headings, at what level, and the section tree they make."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Mapping, Sequence

from pipeline.language import patterns
from pipeline.layout.common import (
    _END_PUNCTUATION,
    JOINS_ON,
    MAX_HEADING_CHARS,
    MAX_HEADING_WORDS,
    Heading,
    body_font_size,
    heading_last_line,
    line_text,
    normalise_title,
    number_depth,
    number_key,
    set_apart,
    title_shape_ok,
    usual_gaps,
)
from pipeline.layout.furniture import HEADING_TYPE, repeated_line_texts
from pipeline.models import BBox, ContentsEntry, Line, MediaType, Section

PDF_HEADING_SIZE_RATIO = 1.15


PDF_BOLD_HEADING_WORDS = 10
DISPLAY_SIZE_RATIO = 1.6  # times the body's size: display type, in which a title may run to twice the usual words


CAPITALS_SHARE = 0.9  # a line this much in capitals is emphasised like a bold one
MAX_CAPITALS_WORDS = 30  # a run of lines in capitals, set apart, of at most this many words is a title
MIN_CAPITAL_WORD = 6  # letters: one word alone in capitals ("GLOSSARY", "COLLATERAL") is at least this long


PDF_HEADING_LETTER_SHARE = 0.6


PDF_MAX_LEVEL = 3


PDF_RUN_GAP_RATIO = 0.6
RUN_OVERLAP = 0.25  # a title set solid: its lines may overlap by this share of their height


COLON_TITLE_WORDS = 8  # an emphasised title ending in a colon is at most this long ...
COLON_CAPITALS_WORDS = 12  # ... and one set in capitals ("SPECIFICALLY, THE RESEARCH AIMS OF THE STUDY INCLUDE:")
CARRIED_LINES = 3  # a title carried over to the next page has at most this many lines over it there (a header)
SAME_SIZE = 0.5  # points: two lines this close in size are set in one size
SIZE_JITTER = 0.2  # points: sizes a text layer reports for one type (60.0 and 60.02), to read runs of lines
TALL_LINE = 2.0  # a line this many times as tall as its type's size holds a glyph set larger than its type
TYPE_LINE = 1.25  # the height of a line of type, in its size
TITLE_PARAGRAPH_WIDTHS = 1.5  # an enumerated title's paragraph: its lines at least this many times the title's width
KICKER = re.compile(  # a division's name and number on a line of its own over its title
    r"^(?:chapter|section|part|appendix|annex)(?:\s+(?:\d{1,2}|[ivx]{1,5}|[a-z]))?\s*[:.]?$", re.IGNORECASE
)
MIN_MAPPED = 3  # numbered headings on a page mapping the sections to come (a part's divider) ...
MAP_LABEL_WORDS = 8  # ... whose every line is a label of at most this many words: no running text
SENTENCE_ENDS = (".", "!", "?", ";")  # a line ending so closes its sentence (a colon announces what follows)


def lines_to_headings(
    text: str, lines: Sequence[Line], media_type: MediaType, contents: list[ContentsEntry], skip: set[int]
) -> list[Heading]:
    """Decide which lines are headings, and at what level (see the module docstring)."""
    body_size = body_font_size(lines) if media_type is MediaType.PDF else None
    furniture = repeated_line_texts(text, lines) if body_size else set()
    unnumbered_contents = {normalise_title(e.title): e.level for e in contents if e.number is None}
    contents_numbers = {e.number: normalise_title(e.title) for e in contents if e.number}
    run_last = _pdf_runs(lines) if body_size else list(range(len(lines)))
    usual = usual_gaps(lines) if body_size else {}
    titles: set[int] = set()  # enumerated titles over their paragraphs: each a run of its own
    if body_size:
        _number_over_title(text, lines, run_last, body_size)
        titles = {i for i in range(len(lines)) if _ordinal_title(text, lines, i, body_size)}
        for i in titles:
            run_last[i] = i
    headings: list[Heading] = []
    printed = functools.cache(lambda: _numbered_runs(text, lines, run_last, furniture, skip, body_size))  # on need
    last_number: tuple[int, ...] | None = None
    last_numbered_level = 0
    for i, line in enumerate(lines):
        last = run_last[i]
        continues_run = i > 0 and run_last[i - 1] == last
        if i in skip or continues_run or not line_text(text, line).strip():
            continue  # a contents line, a blank, or a later line of a multi-line run
        raw = _run_text(text, lines, i, last)
        looks_like_heading = i in titles or (
            _pdf_heading_look(text, lines, i, last, raw, body_size, furniture, usual) if body_size else False
        )
        number, title, level = _numbered(
            text, lines, i, raw, media_type, contents_numbers, looks_like_heading, body_size
        )
        if number is not None:
            key = number_key(number)
            if last_number is not None and key < last_number and line.md_level is None:
                ahead = _overtaken(headings, key)
                if (
                    _section_map(ahead, number, title, text, lines, i)
                    or _unlisted(ahead, number, title, contents_numbers)
                    or (
                        _confirmed_by_contents(number, title, contents_numbers)
                        and _printed_again(ahead, printed(), lines, i)
                    )
                ):
                    # the numbers ran ahead on a page mapping the sections to come, on no section of the contents
                    # page (numbered cards in a chapter) where this one is the contents', or on headings printed
                    # again later (a preview: the divider of a part listing its sections): no sections
                    headings = [h for h in headings if h not in ahead]
                    numbered = [h for h in headings if h.number is not None]
                    last_number = number_key(numbered[-1].number) if numbered and numbered[-1].number else None
                    last_numbered_level = (numbered[-1].level or 1) if numbered else 0
            if last_number is not None and key < last_number and line.md_level is None:
                number = None  # runs backwards: an item of a list, not a section
            elif key == last_number and _retitled(headings, number, title, contents_numbers, lines, i):
                number = None  # the section's number again, under a title the contents gives it not: a card in it
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


def _overtaken(headings: Sequence[Heading], key: tuple[int, ...]) -> list[Heading]:
    """The last numbered headings so far whose numbers are ``key`` or past it, last first: those a number running
    backwards to ``key`` overtakes."""
    numbered = [h for h in headings if h.number is not None]
    return list(itertools.takewhile(lambda h: h.number is not None and number_key(h.number) >= key, numbered[::-1]))


def _section_map(ahead: Sequence[Heading], number: str, title: str, text: str, lines: Sequence[Line], i: int) -> bool:
    """Whether the headings ``ahead`` that heading ``number`` ``title`` (on line ``i``) overtakes
    (:func:`_overtaken`) are a map of the sections to come rather than sections: at least MIN_MAPPED of them, all on
    one page of a PDF, one of them this heading's number and title, with no line of running text (more than
    MAP_LABEL_WORDS words) from the first of them to line ``i``: a part's divider drawing its sections as boxes of
    numbers and titles, on the page or half-spread before the first section."""
    pages = {h.page for h in ahead}
    if len(ahead) < MIN_MAPPED or len(pages) != 1 or None in pages:  # pages of a PDF: text files have none
        return False
    if not any(h.number == number and normalise_title(h.title) == normalise_title(title) for h in ahead):
        return False  # the map names the section that begins here
    between = lines[ahead[-1].line : i]
    return not any(len(line_text(text, ln).split()) > MAP_LABEL_WORDS for ln in between)


def _run_text(text: str, lines: Sequence[Line], first: int, last: int) -> str:
    """The words of a run of lines, ``first`` to ``last``, on one line."""
    return " ".join(line_text(text, lines[j]).strip() for j in range(first, last + 1))


def _numbered_runs(
    text: str,
    lines: Sequence[Line],
    run_last: Sequence[int],
    furniture: set[str],
    skip: set[int],
    body_size: float | None,
) -> dict[tuple[str, str], list[int]]:
    """The runs of lines that begin with a section number, by number and normalised title: their first lines.
    Page furniture (a running header naming the chapter), contents lines and lines set smaller than the body
    are left out: none of them prints a section."""
    out: dict[tuple[str, str], list[int]] = {}
    pattern = patterns.numbered_heading()
    for i, line in enumerate(lines):
        if i in skip or (i > 0 and run_last[i - 1] == run_last[i]):
            continue  # a contents line, or a later line of a run
        if body_size and (line.font_size or 0) < 0.95 * body_size:
            continue
        raw = _run_text(text, lines, i, run_last[i])
        running = normalise_title(raw) in furniture and (
            not body_size or (line.font_size or 0) < HEADING_TYPE * body_size
        )
        if not running and (m := pattern.match(raw)):  # a running header's text, not a heading set in larger type
            out.setdefault((m.group("number"), normalise_title(m.group("title"))), []).append(i)
    return out


def _printed_again(
    ahead: Sequence[Heading], runs: Mapping[tuple[str, str], list[int]], lines: Sequence[Line], i: int
) -> bool:
    """Whether the headings ``ahead`` (:func:`_overtaken`), all on one page of a PDF, are each printed again, with
    its number and title and in their order, from line ``i`` on and on other pages: the sections were previewed
    (listed on a part's divider) before they begin. Headings on several pages are sections (a closing summary
    restating them overtakes them, but they were no preview).

    >>> h = Heading(3, "2.8", "MARKETPLACE LENDING", 2, 0, 10, 20, None)
    >>> pages = [Line(k, k + 1, 20 if k < 10 else 38) for k in range(100)]
    >>> again, once = {("2.8", "marketplace lending"): [3, 90]}, {("2.8", "marketplace lending"): [3]}
    >>> _printed_again([h], again, pages, 5), _printed_again([h], once, pages, 5)
    (True, False)
    """
    pages = {h.page for h in ahead}
    if not ahead or len(pages) != 1 or None in pages:
        return False
    last = i - 1
    for h in sorted(ahead, key=lambda h: h.line):
        reprints = [j for j in runs.get((h.number or "", normalise_title(h.title)), []) if j > last]
        last = next((j for j in reprints if lines[j].page != h.page), -1)
        if last < 0:
            return False
    return True


def _retitled(
    headings: Sequence[Heading],
    number: str,
    title: str,
    contents_numbers: dict[str, str],
    lines: Sequence[Line],
    i: int,
) -> bool:
    """Whether PDF heading ``number`` ``title`` (line ``i``) repeats the number of the last numbered heading, which
    the contents lists with its title, under a title the contents does not give that number, set in smaller type:
    a card or action numbered inside the section (``3 Transport is becoming cleaner`` after ``3 What's
    changing?``), no second section 3. In the section's own type it is a section misnumbered, as printed."""
    last = next((h for h in reversed(headings) if h.number is not None), None)
    if last is None or last.number != number:
        return False
    size, last_size = lines[i].font_size, lines[last.line].font_size
    return (
        size is not None
        and last_size is not None
        and size < last_size - SAME_SIZE
        and _confirmed_by_contents(number, last.title, contents_numbers)
        and not _confirmed_by_contents(number, title, contents_numbers)
    )


def _unlisted(ahead: Sequence[Heading], number: str, title: str, contents_numbers: dict[str, str]) -> bool:
    """Whether the contents page lists heading ``number`` ``title`` (its number with its title) and none of the
    headings ``ahead`` it overtakes (:func:`_overtaken`), giving one of their numbers another title: numbered
    boxes or cards inside a chapter (``3 Transport is becoming cleaner``, ``4 New modes are emerging``) that ran
    ahead of the chapters the contents lists (``4 An opportunity to improve urban mobility``)."""
    if not ahead or not _confirmed_by_contents(number, title, contents_numbers):
        return False
    if any(h.number is not None and _confirmed_by_contents(h.number, h.title, contents_numbers) for h in ahead):
        return False
    return any(h.number in contents_numbers for h in ahead)  # the contents gives its number another title


def repeated_titles(headings: Sequence[Heading], lines: Sequence[Line]) -> set[int]:
    """Lines of headings that only repeat the heading before them on the same or the next page, with no other
    heading between (a side tab printed on both halves of a spread, a title carried over a page): running
    titles, not new sections. On one page, the repeat stands level with the heading (the other half of the
    spread); on the next, it heads the page (at most CARRIED_LINES lines over it): a title said again lower
    down a page ("Action" over each recommendation's action) is a section again."""
    out: set[int] = set()
    for before, h in itertools.pairwise(headings):
        if before.page is None or h.page not in (before.page, before.page + 1):
            continue
        level = (
            h.bbox is None
            or before.bbox is None
            or abs(h.bbox.top - before.bbox.top) <= before.bbox.bottom - before.bbox.top
        )
        if h.page == before.page and not level:
            continue
        first = next((j for j in range(h.line, -1, -1) if j == 0 or lines[j - 1].page != h.page), h.line)
        if h.page != before.page and h.line - first > CARRIED_LINES:
            continue  # on the next page, a title carried over heads it (under a running header at most)
        if normalise_title(h.title) == normalise_title(before.title) and h.number == before.number:
            out.update(range(h.line, heading_last_line(lines, h) + 1))
    return out


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


def _number_over_title(text: str, lines: Sequence[Line], run_last: list[int], body_size: float) -> None:
    """A section number set on a line of its own over its title ("1.1" / "ATTITUDES TO USING FINANCE")
    joins the title's run, so the two are read as one numbered heading; so does a division's name and number
    (``KICKER``: "CHAPTER 2:", "Section 3", "PART A", "Appendix") over a title set in bold or larger than the
    body's type (not over the first of a chapter's notes)."""
    number = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?$")
    for i in range(len(lines) - 1):
        line, below = lines[i], lines[i + 1]
        if line.bbox is None or below.bbox is None or line.page != below.page or run_last[i] != i:
            continue
        raw = line_text(text, line).strip()
        kicker = KICKER.match(raw) is not None and (
            below.bold or (below.font_size or 0) >= PDF_HEADING_SIZE_RATIO * body_size
        )
        if not number.match(raw) and not kicker:
            continue
        height = line.bbox.bottom - line.bbox.top
        close = 0 <= below.bbox.top - line.bbox.bottom <= PDF_RUN_GAP_RATIO * 2 * height
        if close and abs(below.bbox.x0 - line.bbox.x0) <= height:
            last = run_last[i + 1]
            for j in range(i, last + 1):
                run_last[j] = last


def _same_run(a: Line, b: Line) -> bool:
    """Two lines set in one style (sizes within SIZE_JITTER: a title's 60 pt and 60.02 pt lines are one size;
    underlined or not), the second close below the first (or overlapping it by at most RUN_OVERLAP of its
    height: a title set solid, its lines' boxes touching)."""
    if (
        a.page != b.page
        or a.bbox is None
        or b.bbox is None
        or (a.bold, a.weight, a.underlined) != (b.bold, b.weight, b.underlined)
        or (a.font_size is None) != (b.font_size is None)
        or abs((a.font_size or 0) - (b.font_size or 0)) > SIZE_JITTER
    ):
        return False
    height = a.bbox.bottom - a.bbox.top
    if a.font_size and height > TALL_LINE * a.font_size:
        # a line made tall by one glyph set larger than its type (a chapter's big numeral beside its title's first
        # line): the lines of its type run on from where a line of that type ends, not from under the glyph
        height = TYPE_LINE * a.font_size
    overlaps = a.bbox.x0 < b.bbox.x1 and b.bbox.x0 < a.bbox.x1
    return overlaps and -RUN_OVERLAP * height <= b.bbox.top - (a.bbox.top + height) <= PDF_RUN_GAP_RATIO * height


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
    if media_type is MediaType.MARKDOWN or not title_shape_ok(title):
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
    if unnumbered_contents and not patterns.list_marker().match(raw):  # "• Financial support": an item
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
    if not title_shape_ok(raw) or len(raw.split()) > 10 or len(raw) > 80:
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


def _pdf_heading_look(
    text: str,
    lines: Sequence[Line],
    i: int,
    last: int,
    raw: str,
    body_size: float,
    furniture: set[str],
    usual: Mapping[float | None, float],
) -> bool:
    """A PDF heading: a short title-like line in a larger font, or emphasised and set apart from the line above
    (:func:`set_apart`). Emphasised: bold, in capitals, underlined, or in a heavier weight than the text it opens
    (the line after its run, which ends at line ``last``: "Current situation" in a regular weight over items in a
    light one), which also holds in smaller type than the body's (the titles of an endnotes list), as bold capitals
    over regular text do. A bold title closing up under the end of a sentence in regular type, over regular text, is
    set apart by its type alone (a column of titled lists set evenly). A chapter's title under its name and number,
    in display type, may run to twice the usual words. An emphasised line in the body's size ending in a word that
    joins more to it ("of", "and") is the opening of a sentence that runs on, not a title."""
    line = lines[i]
    after = lines[last + 1] if last + 1 < len(lines) else None
    capitals = _capitals(raw)
    # a title set in capitals may run to a sentence's length over a few lines ("EQUITY DEALS CONTINUE TO ...")
    capital_title = capitals and len(raw.split()) <= MAX_CAPITALS_WORDS and not raw.endswith(_END_PUNCTUATION)
    capital_title = capital_title and (not raw.endswith(":") or len(raw.split()) <= COLON_CAPITALS_WORDS)
    # a short emphasised title ending in a colon over what it introduces ("Key policies include:", "For DCMS:")
    colon_title = raw.endswith(":") and len(raw.split()) <= COLON_TITLE_WORDS and _heading_words(raw[:-1])
    # a chapter's title under its name and number ("Chapter 2"), set in display type, may run to a long sentence
    display = (
        KICKER.match(line_text(text, line).strip()) is not None
        and line.font_size is not None
        and line.font_size >= DISPLAY_SIZE_RATIO * body_size
        and _heading_words(raw, 2)
    )
    if line.font_size is None or not (_heading_words(raw) or capital_title or colon_title or display):
        return False
    if normalise_title(raw) in furniture or patterns.figure_caption().match(raw):
        return False  # a running header, or a figure's caption ("Figure 3: ..."), however large its type
    if line.font_size >= body_size * PDF_HEADING_SIZE_RATIO:
        return True  # a title in larger type, even behind a decorative bullet ("▸ Infrastructure")
    bullet = patterns.list_marker().match(raw)
    if bullet and not (bullet.group("ordinal") or bullet.group("roman") or bullet.group("letter")):
        return False  # in the body's size, a bullet opens a list's item, however its words are emphasised
    heavier = (
        after is not None
        and after.page == line.page
        and after.font_size is not None
        and abs(after.font_size - line.font_size) <= SAME_SIZE
        and line.weight > after.weight
        and not patterns.list_marker().match(raw)  # a list's items may be set heavier than the text after them
    )
    # a bold title in capitals over regular text may be set a size smaller than the text ("BANKING" in 9 pt
    # bold over 10 pt text): its capitals and weight stand it out
    small_capitals = line.bold and capitals and after is not None and after.page == line.page and not after.bold
    smaller = line.font_size < body_size * 0.95
    if not (line.bold or capitals or heavier or line.underlined) or (smaller and not (heavier or small_capitals)):
        return False
    if len(raw.split()) > PDF_BOLD_HEADING_WORDS and not capital_title:
        return False
    runs_on = _runs_into(line, after, usual) or _sentence_runs_on(text, raw, lines[last], after, usual)
    if JOINS_ON.search(raw.rstrip()) or runs_on:
        return False  # its sentence runs on into the next line: a bold run-in opening a paragraph ("... one-third of")
    above = lines[i - 1] if i else None
    if above is not None and JOINS_ON.search(line_text(text, above).rstrip()):
        return False  # it goes on with the words above, at the head of the next column ("new Codes of" | "Practice")
    if above is None or above.page != line.page or above.bbox is None or line.bbox is None:
        return True
    if line.bbox.top < above.bbox.top:
        return True  # it opens a column: nothing of its own column stands above it
    if set_apart(above, line, usual):
        return True
    closes_up = line.bold and not above.bold and line_text(text, above).rstrip().endswith(SENTENCE_ENDS)
    return closes_up and after is not None and after.page == line.page and not after.bold


def _runs_into(line: Line, after: Line | None, usual: Mapping[float | None, float]) -> bool:
    """An emphasised line as wide as the line right under it, in its type's size, at its left edge and not set
    apart from it: a bold sentence opening a justified paragraph over a full line ("Where necessary, introduce
    appropriate regulations for inclusive business" over "companies. Inclusive businesses ..."), not a title.

    >>> def at(top, x1): return BBox(x0=99, top=top, x1=x1, bottom=top + 11)
    >>> bold = Line(0, 70, 8, at(600, 552.6), 11.0, bold=True)
    >>> plain = Line(71, 150, 8, at(613.5, 552.8), 11.0)
    >>> usual = usual_gaps([plain, Line(151, 220, 8, at(627, 552.5), 11.0)])
    >>> _runs_into(bold, plain, usual), _runs_into(Line(0, 30, 8, at(600, 300), 11.0, bold=True), plain, usual)
    (True, False)
    """
    if after is None or after.page != line.page or line.bbox is None or after.bbox is None:
        return False
    if line.font_size is None or after.font_size is None or abs(line.font_size - after.font_size) > SAME_SIZE:
        return False
    slip = line.bbox.bottom - line.bbox.top  # a line's height
    return (
        abs(line.bbox.x0 - after.bbox.x0) <= slip
        and line.bbox.x1 >= after.bbox.x1 - slip
        and not set_apart(line, after, usual)
    )


def _sentence_runs_on(text: str, raw: str, last: Line, after: Line | None, usual: Mapping[float | None, float]) -> bool:
    """An emphasised line whose sentence goes on in lower case on the line right under it, at its left edge, in
    its size and not set apart from it ("UK SMEs are less international than their EU" | "counterparts. The
    ..."): a bold sentence opening a ragged paragraph, not a title. ``last`` is the run's last line, right over
    ``after``."""
    if after is None or after.bbox is None or after.font_size is None or raw.rstrip().endswith(_END_PUNCTUATION):
        return False
    if last.page != after.page or last.bbox is None or last.font_size is None:
        return False
    height = last.bbox.bottom - last.bbox.top
    return (
        line_text(text, after).lstrip()[:1].islower()
        and abs(last.font_size - after.font_size) <= SAME_SIZE
        and abs(last.bbox.x0 - after.bbox.x0) <= height
        and not set_apart(last, after, usual)
    )


def _ordinal_title(text: str, lines: Sequence[Line], i: int, body_size: float) -> bool:
    """An enumerated title over its paragraph ("ii) Credit risk" over "Credit risk is the possibility ..."):
    a short title after an ordinal, on a line of its own in the body's type, with no enumerated line next to
    it, over a paragraph of at least two lines each at least :data:`TITLE_PARAGRAPH_WIDTHS` times as wide that
    opens a sentence and stands no further left. A wrapped list item fills its first line; a list of short
    items has its items next to each other."""
    raw = line_text(text, lines[i]).strip()
    m = patterns.list_marker().match(raw)
    line = lines[i]
    if m is None or not (m.group("ordinal") or m.group("roman") or m.group("letter")) or line.bbox is None:
        return False
    if not _heading_words(raw[m.end() :]) or (line.font_size or 0) < body_size * 0.95 or i + 2 >= len(lines):
        return False
    below = lines[i + 1 : i + 3]
    if any(b.page != line.page or b.bbox is None for b in below) or _in_numbered_run(text, lines, i):
        return False
    first = line_text(text, below[0]).strip()
    return (
        first[:1].isupper()
        and all(b.bbox.x0 >= line.bbox.x0 - SAME_SIZE for b in below if b.bbox is not None)
        and all(_width(b) >= TITLE_PARAGRAPH_WIDTHS * _width(line) for b in below)
    )


def _width(line: Line) -> float:
    return line.bbox.x1 - line.bbox.x0 if line.bbox is not None else 0.0


def _capitals(raw: str) -> bool:
    """A line set in capitals ("FLOWS OF FINANCE TO SMEs", "GLOSSARY"): nearly all its letters upper case, in
    several words or one long one."""
    letters = [c for c in raw if c.isalpha()]
    return (
        (len(raw.split()) >= 2 or len(letters) >= MIN_CAPITAL_WORD)
        and len(letters) >= MIN_CAPITAL_WORD
        and sum(c.isupper() for c in letters) >= CAPITALS_SHARE * len(letters)
    )


def _heading_words(raw: str, longest: int = 1) -> bool:
    """Short (``longest`` times MAX_HEADING_WORDS and MAX_HEADING_CHARS at most), mostly letters, starting with a
    capital, not ending like a sentence or a lead-in."""
    if (
        len(raw) > longest * MAX_HEADING_CHARS
        or len(raw.split()) > longest * MAX_HEADING_WORDS
        or raw.endswith((*_END_PUNCTUATION, ":"))
    ):
        return False
    visible = [c for c in raw if not c.isspace()]
    letters = sum(c.isalpha() for c in visible)
    if letters < 3 or letters < PDF_HEADING_LETTER_SHARE * len(visible):
        return False
    first = next(c for c in raw if c.isalpha())
    return first.isupper()


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


def headings_to_sections(document_id: str, headings: list[Heading], text_length: int) -> list[Section]:
    """Nest headings by level into sections; each runs to the next heading at its level or above."""
    levels = [h.level or 1 for h in headings]
    ids = [f"{document_id}:s{ordinal:03d}" for ordinal in range(1, len(headings) + 1)]
    ends = [text_length] * len(headings)
    parents: list[str | None] = []
    stack: list[int] = []  # indexes of the open sections, outermost first
    for i, h in enumerate(headings):
        while stack and levels[stack[-1]] >= levels[i]:
            ends[stack.pop()] = h.char_start
        parents.append(ids[stack[-1]] if stack else None)
        stack.append(i)
    return [
        Section(
            section_id=ids[i], number=h.number, title=h.title, level=levels[i], parent_section_id=parents[i],
            char_start=h.char_start, char_end=ends[i], heading_end=h.char_end,
        )
        for i, h in enumerate(headings)
    ]  # fmt: skip
