"""Blocks: the lines that are not headings grouped into paragraphs, list items, table rows and furniture."""

from __future__ import annotations

import itertools
import re
import statistics
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from pipeline.language import patterns
from pipeline.layout.common import (
    JOINS_ON,
    PDF_PARAGRAPH_GAP_RATIO,
    TYPE_STEP,
    Heading,
    heading_last_line,
    line_text,
    same_type,
    set_apart,
    usual_gaps,
)
from pipeline.layout.regions import Region
from pipeline.models import BBox, Block, BlockKind, Line, MediaType, behind_page_furniture
from pipeline.readers.repair import SUPERSCRIPT

ITEM_PARAGRAPH_GAP_RATIO = 1.5  # a paragraph set under a bullet follows its item within this many line heights
INDENT_TOLERANCE = 2.0  # points: a line this far right of a list marker is indented under it
HANGING_INDENT = 4  # line heights: an item's text stands at most this far right of its marker, in one column
FOOTNOTE_SIZE_RATIO = 0.9  # a footnote is set at most this large against the body's median size
FOOT_SHARE = 0.35  # ... in this lower share of its page
NOTES_FROM = 0.5  # ... or with no larger text under it, in this lower share
PARAGRAPH_RUN_LENGTH = 8  # numbered paragraphs: a sequence this long ...
PARAGRAPH_RUN_PAGES = 3  # ... over this many pages
PARAGRAPH_LINES = 4  # ... its numbers this many lines apart (median)
FIRST_INDENT_MIN, FIRST_INDENT_MAX = 0.8, 4.0  # type sizes: a paragraph's first line set in this far opens it
PARAGRAPH_RESTART_LENGTH = 3  # numbering starting again in the numbered paragraphs' look runs at least this long
LABEL_WINDOW = 60  # lines: a labelled item's neighbour in sequence lies this close
RUN_IN_LABEL_WORDS = 12  # a run-in head labelling an item is at most this long ...
RUN_IN_ITEM_LINES = 12  # ... and its item at most this many lines more, to the next head
SIZE_TOLERANCE = 1.0  # points: a bold head's median size differs this much from its item's regular type
NOTES_TITLE = re.compile(r"(?:end)?notes?(?:\s+and\s+references)?", re.IGNORECASE)  # a chapter's notes' title
NOTE_OPENING = re.compile(r"^(?P<n>\d{1,3})[ \t]+\S")  # a note set in the text's flow opens with its bare number
MIN_FIELDS = 3  # a card of fields ("Name: ...", "Location: ...") has at least this many, under different labels
FIELD = re.compile(r"^(?P<label>[A-Z][\w’'&/-]*(?: [\w’'&/()-]+){0,2}):[ \t]+\S")  # "Business name: S4RB"
NOTE_LABELS = frozenset({"source", "sources", "note", "notes", "data", "key", "base", "definition", "definitions"})
DASHES = ("-", "–")  # bullets that may also open a clause of a wrapped line
MAX_DESCRIBED_GAP = 6  # blocks: an item's paragraph and sub-items before the next item of its sequence
MIN_TITLED_ITEMS = 2  # titles over a paragraph each, after a lead-in ending in a colon, that make a list ...
TITLED_ITEM_WORDS = 12  # ... each title at most this long ...
TITLED_ITEM_LINES = 8  # ... and its paragraph at most this many lines
MIN_TILES, MAX_TILES = 3, 6  # tiles a lead-in announces as a list: columns of lines side by side ...
TILE_LINES = 12  # ... of at most this many lines each ...
TILE_GAP = 1.5  # ... each within this many line heights of the one above ...
LEAD_REACH = 8.0  # ... under their lead-in within this many line heights (an icon may stand between)
MAX_DESCRIBED_PARAGRAPHS = 1  # an item's own paragraphs (more between two items make each a section of prose)
SUPERSCRIPT_DIGITS = {superscript: digit for digit, superscript in SUPERSCRIPT.items()}  # as repair writes marks
NOTE_NUMBER = re.compile(r"^\(?\d{1,2}\)\s*\S")  # a table's note opens "1) ..." or "(1) ..."
NOTE_MARK = re.compile(f"[{''.join(map(chr, SUPERSCRIPT_DIGITS))}]+")
_SUB_POINT = r"(?P<paragraph>\d{1,3})(?:\.\d{1,2}){1,3}\."  # a numbered paragraph's sub-point: "19.1.", "20.1.1."
SUB_POINT = re.compile(rf"^(?P<marker>{_SUB_POINT})[ \t]+\S")  # a line opening one
SUB_POINT_MARKER = re.compile(_SUB_POINT)  # an item's marker that is one
SENTENCE_END = (".", "!", "?", ":", ";", "”", "’")
CLOSING_QUOTES = '’”")'  # closing a quotation or an aside before the clause goes on


def lines_to_blocks(
    text: str,
    lines: Sequence[Line],
    media_type: MediaType,
    headings: list[Heading],
    contents_lines: set[int],
    furniture: set[int] | None = None,
    regions: Mapping[int, Region] | None = None,
    labelled: Mapping[int, str] | None = None,
    page_heights: Mapping[int, float] | None = None,
    captions: Collection[int] = (),
    titled: Mapping[int, int] | None = None,
    tabled: Collection[int] = (),
) -> list[Block]:
    """Group the lines that are not headings into paragraphs, list items and table rows; page furniture
    lines are blocks of their own. Lines of an aside (``regions``) make blocks of their own region, never
    joined to the body's; the labels of a chart are ``chart`` blocks, one per run of lines. ``labelled``:
    lines that open labelled items (:func:`labelled_items`). In PDFs a source or note line ("Source: ...")
    and a footnote (a numbered line set smaller than the body, in the foot of its page: ``page_heights``)
    are captions, and so are the lines ``captions`` opens (a picture's: :func:`regions.picture_captions`).
    ``titled``: the lines of titled items (:func:`titled_items`), each run on to its item's first line.
    ``tabled``: the lines inside a table the reader found: no item takes them as its paragraph."""
    furniture = furniture or set()
    regions = regions or {}
    fenced: set[int] = set()  # blocks of a table's lines
    notes = _note_lines(text, lines, page_heights or {}) if media_type is MediaType.PDF else set()
    notes |= set(captions)
    opening, noted = _table_notes(text, lines, notes) if media_type is MediaType.PDF else (set(), set())
    notes |= opening
    heading_at = {h.line: h for h in headings}
    table_lines = _tab_table_lines(text, lines)
    heading_lines = {j for h in headings for j in range(h.line, heading_last_line(lines, h) + 1)}
    blocks: list[Block] = []
    list_id = 0
    list_pos = 0
    prev_blank = True
    marker = patterns.list_marker()
    source = patterns.source_note()
    labelled = labelled if labelled is not None else labelled_items(text, lines)
    numbered_paragraphs = _numbered_paragraphs(text, lines, marker)
    leading = usual_gaps(lines) if media_type is MediaType.PDF else {}
    item_x0: float | None = None  # where the open list item's marker stands (PDF)
    list_style = ""  # the open list's kind of marker (:func:`_marker_style`)
    paragraph_number: int | None = None  # the number of the numbered paragraph last opened
    lead_x0: float | None = None  # where the block before the open list starts (PDF)
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
        region = regions.get(i)
        where = ("body", None) if region is None else (region.kind, region.number)
        crossed = bool(blocks) and (blocks[-1].region, blocks[-1].region_id) != where
        prev_blank = prev_blank or crossed  # a block never runs on from one region into another
        if region is not None and region.kind == "chart":
            prev = blocks[-1] if blocks else None
            if source.match(stripped) or _over_source(text, lines, i, regions, source):
                # the chart's source or note printed within its frame: a caption of the body
                blocks.append(Block(BlockKind.CAPTION, *_trimmed_span(text, line), line.page, line.bbox))
            elif _caption_runs_on(prev, text, lines, i, media_type, leading) or (
                prev is not None and prev.kind is BlockKind.CHART and prev.region_id == region.number
            ):
                blocks[-1] = _extended(blocks[-1], text, line)
            else:
                blocks.append(
                    Block(
                        BlockKind.CHART, *_trimmed_span(text, line), line.page, line.bbox,
                        region="chart", region_id=region.number,
                    )
                )  # fmt: skip
            prev_blank = False
            continue
        count = len(blocks)
        point = _sub_point(stripped, paragraph_number)  # a numbered paragraph's sub-point opens this line
        if i in heading_at:
            h = heading_at[i]
            blocks.append(Block(BlockKind.HEADING, h.char_start, h.char_end, h.page, h.bbox))
        elif i in heading_lines:
            pass
        elif titled and titled.get(i, i) != i and blocks and blocks[-1].kind is BlockKind.LIST_ITEM:
            blocks[-1] = _extended(blocks[-1], text, line)  # a titled item's title and paragraph run on
        elif i in contents_lines:
            blocks.append(Block(BlockKind.CONTENTS_ENTRY, *_trimmed_span(text, line), line.page, line.bbox))
        elif i in noted and blocks and blocks[-1].kind is BlockKind.CAPTION:
            blocks[-1] = _extended(blocks[-1], text, line)  # the notes under a source line are its caption's
        elif i in notes:
            blocks.append(Block(BlockKind.CAPTION, *_trimmed_span(text, line), line.page, line.bbox))
        elif i in numbered_paragraphs:
            # a paragraph the document numbers opens a paragraph of its own, set apart or not
            paragraph_number = int(marker.match(stripped).group("ordinal"))  # type: ignore[union-attr]
            blocks.append(Block(BlockKind.PARAGRAPH, *_trimmed_span(text, line), line.page, line.bbox))
        elif (
            (
                (m := marker.match(stripped))
                and not _dash_runs_on(text, blocks, lines, i, m.group("marker"), item_x0, leading)
            )
            or i in labelled
            or point
        ):
            prev = blocks[-1] if blocks else None
            printed = m.group("marker").strip() if m else labelled.get(i, point)
            carried = _carried_over(blocks, line, printed, where)
            restyled = (  # bullets then numbers at one indent: a list of its own, not sub-items
                prev is not None and prev.kind is BlockKind.LIST_ITEM and item_x0 is not None
                and line.bbox is not None and abs(line.bbox.x0 - item_x0) <= INDENT_TOLERANCE
                and _marker_style(printed) != list_style
            )  # fmt: skip
            if not carried and (prev is None or prev.kind is not BlockKind.LIST_ITEM or prev_blank or restyled):
                list_id += 1
                list_pos = 0
                list_style = _marker_style(printed)
                lead_x0 = prev.bbox.x0 if prev is not None and prev.page == line.page and prev.bbox else None
            list_pos += 1
            start, end = _trimmed_span(text, line)
            blocks.append(Block(BlockKind.LIST_ITEM, start, end, line.page, line.bbox, list_id, list_pos, printed))
            item_x0 = line.bbox.x0 if line.bbox is not None else None
        elif i in table_lines:
            blocks.append(Block(BlockKind.TABLE_ROW, *_trimmed_span(text, line), line.page, line.bbox))
        elif (
            blocks
            and not crossed
            and (
                _continues(blocks[-1], line, lines, i, prev_blank, media_type, leading, text)
                or _under_item(blocks[-1], (item_x0, lead_x0), text, lines, i, media_type, marker)
                or _point_wraps(blocks[-1], text, lines, i, prev_blank)
                or _emphasis_runs_on(blocks[-1], text, lines, i, prev_blank, media_type)
                or _next_column(blocks[-1], text, lines, i, media_type, marker)
            )
        ):
            blocks[-1] = _extended(blocks[-1], text, line)
        elif media_type is MediaType.PDF and (broken := _item_broken_off(blocks, text, line, where)) is not None:
            # the item's tail on the next page: an item of its list again, with its number and no marker
            start, end = _trimmed_span(text, line)
            blocks.append(
                Block(BlockKind.LIST_ITEM, start, end, line.page, line.bbox, broken.list_id, broken.ordinal, "")
            )
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, *_trimmed_span(text, line), line.page, line.bbox))
        if region is not None and len(blocks) > count:
            blocks[-1] = replace(blocks[-1], region=region.kind, region_id=region.number)
        if i in tabled and len(blocks) > count:
            fenced.add(len(blocks) - 1)
        prev_blank = False
    return _endnotes(text, _described_items(blocks, fenced)) if media_type is MediaType.PDF else blocks


def _endnotes(text: str, blocks: list[Block]) -> list[Block]:
    """A chapter's notes set in the text's flow under their title ("Notes", "Endnotes"): the paragraphs opening
    with a bare number in sequence ("1 The terms ...", "2 There is no single ...", on over the page) are the
    items of one list, the number their marker; a paragraph opening in lower case after one is its tail over
    a page break. The next heading, or any other block of the body, ends the notes."""
    out = list(blocks)
    list_id = max((b.list_id or 0 for b in blocks), default=0)
    last: Block | None = None
    open_notes = False
    for k, block in enumerate(out):
        words = text[block.char_start : block.char_end].strip()
        if block.kind is BlockKind.HEADING:
            open_notes = NOTES_TITLE.fullmatch(words) is not None
            if open_notes:
                list_id, last = list_id + 1, None
            continue
        if not open_notes or block.kind in (BlockKind.FURNITURE, BlockKind.CAPTION) or block.region != "body":
            continue
        m = NOTE_OPENING.match(words) if block.kind is BlockKind.PARAGRAPH else None
        if m and (last is None or int(m.group("n")) == int(last.marker or 0) + 1):
            ordinal = (last.ordinal or 0) + 1 if last is not None else 1
            out[k] = last = replace(block, kind=BlockKind.LIST_ITEM, list_id=list_id, ordinal=ordinal, marker=m["n"])
        elif block.kind is BlockKind.PARAGRAPH and last is not None and words[:1].islower():
            out[k] = replace(block, kind=BlockKind.LIST_ITEM, list_id=list_id, ordinal=last.ordinal, marker="")
        else:
            open_notes = False
    return out


def _marker_style(printed: str) -> str:
    """What kind of marker opens an item: "number" (``3.``, ``(iv)``, ``b)``), "label" (a labelled item's
    ``Goal 2``, a numbered paragraph's sub-point ``19.1.``, or none printed: a run-in head) or "bullet" (any
    glyph)."""
    m = patterns.list_marker().match(f"{printed} X")  # a marker as it opens an item
    if m is not None and (m.group("ordinal") or m.group("roman") or m.group("letter")) and not m.group("inner"):
        return "number"
    return "bullet" if m is not None else "label"


def _described_items(blocks: list[Block], fenced: Collection[int] = ()) -> list[Block]:
    """Numbered or labelled items each with a paragraph of its own ("Goal 1: Grow ..." over a paragraph that
    explains it, then "Goal 2: ..."; "1. ICT ..." / "Sub-sectors:" / a) b) c) / "2. Health ..."): the
    paragraph right after an item, on its page and in its region, before the next item of its sequence (the
    number after it, in the same style, at most MAX_DESCRIBED_GAP blocks on, with only that paragraph, sub-items
    of another style, footnotes and page furniture between), is the item's own, and the items one list; the
    last item of such a run takes the paragraph right after it too. Items with several paragraphs between them
    ("Recommendation 5: ..." over its case and its "Action") are sections of prose: their paragraphs stay. The
    lines of a table (``fenced``: those blocks) are no item's paragraph."""
    absorbed: dict[int, list[int]] = {}  # an item's index → the paragraphs it takes
    lists: dict[int, int] = {}  # a later item of a run → the list of the run's first item
    run_most: dict[int, int] = {}  # an item reached as the next of a described run → most paragraphs taken
    for i, block in enumerate(blocks):
        key = _sequence(block.marker) if block.kind is BlockKind.LIST_ITEM else None
        if key is None:
            continue
        mine, nxt = _described(blocks, i, key, fenced)
        if nxt is not None and len(mine) > MAX_DESCRIBED_PARAGRAPHS:
            continue
        if nxt is not None and (mine or i in run_most):
            absorbed[i] = mine
            run_most[nxt] = max(run_most.get(i, 0), len(mine))
            if block.list_id is not None:
                lists[nxt] = lists.get(i, block.list_id)  # the next item goes on this item's list
        elif nxt is None and run_most.get(i):
            absorbed[i] = mine[: run_most[i]]
    if not absorbed:
        return blocks  # no run: the lists and their ordinals stand as built
    taken = {k for ks in absorbed.values() for k in ks}
    out: list[Block] = []
    positions: dict[int, int] = {}
    item: Block | None = None  # the last list item, as built
    for k, block in enumerate(blocks):
        if k in taken:
            continue
        if absorbed.get(k):
            last = blocks[absorbed[k][-1]]
            boxes = [b.bbox for b in (block, *(blocks[j] for j in absorbed[k])) if b.bbox is not None]
            block = replace(block, char_end=last.char_end, bbox=BBox.union(boxes) if boxes else block.bbox)
        if block.kind is BlockKind.LIST_ITEM and block.list_id is not None:
            tail = item is not None and blocks[k].carries_on(item)  # the item's tail keeps its number
            item = blocks[k]
            list_id = lists.get(k, block.list_id)
            positions[list_id] = positions.get(list_id, 0) + (0 if tail else 1)
            block = replace(block, list_id=list_id, ordinal=positions[list_id])
        out.append(block)
    return out


def _described(
    blocks: list[Block], i: int, key: tuple[str, int], fenced: Collection[int] = ()
) -> tuple[list[int], int | None]:
    """The paragraphs right after item ``i`` (on its page, in its region), and the next item of its sequence
    (None when none follows within MAX_DESCRIBED_GAP blocks, or something else stands between)."""
    item = blocks[i]
    mine: list[int] = []
    for k in range(i + 1, min(len(blocks), i + 2 + MAX_DESCRIBED_GAP)):
        b = blocks[k]
        if b.kind in (BlockKind.FURNITURE, BlockKind.CAPTION):
            continue
        if (b.region, b.region_id) != (item.region, item.region_id) or k in fenced:
            break
        if b.kind is BlockKind.LIST_ITEM:
            following = _sequence(b.marker)
            if following == (key[0], key[1] + 1):
                return mine, k
            if following is not None and following[0] == key[0]:
                break  # the sequence breaks
        elif b.kind is not BlockKind.PARAGRAPH:
            break
        elif k == i + 1 + len(mine) and b.page == item.page:
            mine.append(k)  # a paragraph right after the item (or after the item's paragraphs)
        else:
            break  # a paragraph further on (over a page's foot): several stand between, a section of prose
    return mine, None


def _sequence(marker: str | None) -> tuple[str, int] | None:
    """An ordinal marker's style and number: "2." → ("#.", 2), "Goal 3" → ("Goal #", 3), "b)" → ("a)", 2);
    None for a bullet, a run-in head or a decimal ("1.2").

    >>> _sequence("Goal 3"), _sequence("b)"), _sequence("•"), _sequence("1.2")
    (('Goal #', 3), ('a)', 2), None, None)
    """
    marker = (marker or "").strip()
    number = list(re.finditer(r"\d+", marker))
    if len(number) == 1:
        m = number[0]
        return f"{marker[: m.start()]}#{marker[m.end() :]}", int(m.group())
    letter = re.fullmatch(r"(\(?)([a-z])([.)])", marker)
    if letter:
        return f"{letter.group(1)}a{letter.group(3)}", ord(letter.group(2)) - ord("a") + 1
    return None


def _caption_runs_on(
    prev: Block | None,
    text: str,
    lines: Sequence[Line],
    i: int,
    media_type: MediaType,
    leading: Mapping[float | None, float],
) -> bool:
    """Does a chart's line carry on the caption (of the body) its line above opened?"""
    return (
        prev is not None
        and prev.kind is BlockKind.CAPTION
        and prev.region == "body"
        and prev.char_end == _trimmed_span(text, lines[i - 1])[1]
        and _continues(prev, line=lines[i], lines=lines, i=i, prev_blank=False, media_type=media_type, leading=leading)
    )


def _over_source(
    text: str, lines: Sequence[Line], i: int, regions: Mapping[int, Region], source: re.Pattern[str]
) -> bool:
    """A chart's note line right over its source line, in the source's type and region ("Weighted N = 800
    (all current and planning exporters)." over "Source: ..."): small print of the caption, not a label."""
    if i + 1 >= len(lines) or regions.get(i + 1) != regions.get(i):
        return False
    line, below = lines[i], lines[i + 1]
    if line.page != below.page or line.bbox is None or below.bbox is None:
        return False
    return (
        source.match(line_text(text, below).strip()) is not None
        and same_type(line, below)
        and abs(line.bbox.x0 - below.bbox.x0) <= INDENT_TOLERANCE
    )


def _extended(block: Block, text: str, line: Line) -> Block:
    """The block run on over one more line: its span to the line's end, its box over the line's."""
    box = BBox.union([block.bbox, line.bbox]) if block.bbox is not None and line.bbox is not None else block.bbox
    return replace(block, char_end=_trimmed_span(text, line)[1], bbox=box)


def _carried_over(blocks: list[Block], line: Line, printed: str, where: tuple[str, int | None]) -> bool:
    """A list going on over a page break: behind the page's footnotes and running header or footer, the
    last block is an item of the same region on the page before (or on the facing half of a spread), with
    the same bullet or the number before this one."""
    k = behind_page_furniture(blocks, len(blocks))
    if k is None or k == len(blocks) - 1:
        return False  # nothing between them: not a page's first line
    last = blocks[k]
    if last.kind is not BlockKind.LIST_ITEM or (last.region, last.region_id) != where or last.marker is None:
        return False
    if last.page is None or line.page is None or line.page - last.page not in (0, 1):
        return False  # the next page, or the facing half of a spread (furniture between them on one page)
    if printed == last.marker and not any(ch.isdigit() for ch in printed):
        return True
    number, before = re.match(r"\d+", printed), re.match(r"\d+", last.marker)
    return bool(number and before and int(number.group()) == int(before.group()) + 1)


def _numbered_paragraphs(text: str, lines: Sequence[Line], marker: re.Pattern[str]) -> set[int]:
    """Lines opening paragraphs a document numbers from start to end ("45. Throughout the pandemic ...",
    "46. ..."): a sequence of numbered lines counting on by one across at least PARAGRAPH_RUN_PAGES pages,
    reaching PARAGRAPH_RUN_LENGTH, its numbers typically PARAGRAPH_LINES lines or more apart (endnotes
    numbered through a document are short); and a sequence as far apart, of PARAGRAPH_RESTART_LENGTH or more
    over fewer pages, whose numbers stand where and in the type those of such a sequence do (the numbering
    starts again by chapter: an introduction's 1. to 11. over two pages, an executive summary's 1. to 6.).
    They are paragraphs, not the items of a list."""
    chains: dict[int, list[int]] = {}  # the number expected next → the lines of the sequence so far
    done: list[list[int]] = []
    for i, line in enumerate(lines):
        m = marker.match(line_text(text, line).strip())
        if m is None or m.group("ordinal") is None:
            continue
        n = int(m.group("ordinal"))
        chain = chains.pop(n, None)
        if chain is None:
            chain = []
            done.append(chain)
        chain.append(i)
        chains[n + 1] = chain
    out: set[int] = set()
    spaced = [
        c for c in done if len(c) > 1 and statistics.median(b - a for a, b in itertools.pairwise(c)) >= PARAGRAPH_LINES
    ]
    for chain in spaced:
        if len(chain) >= PARAGRAPH_RUN_LENGTH and len({lines[i].page for i in chain}) >= PARAGRAPH_RUN_PAGES:
            out.update(chain)  # far apart: paragraphs, not a long run of notes or short items
    looks = {_paragraph_look(lines[i]) for i in out}
    for chain in spaced:  # numbering that starts again (by chapter) in the same look: paragraphs too
        if len(chain) >= PARAGRAPH_RESTART_LENGTH and all(_paragraph_look(lines[i]) in looks for i in chain):
            out.update(chain)
    return out


def _paragraph_look(line: Line) -> tuple[int, float]:
    """Where a numbered paragraph's number stands (to INDENT_TOLERANCE) and its type's size."""
    x0 = line.bbox.x0 if line.bbox is not None else 0.0
    return round(x0 / INDENT_TOLERANCE), round(line.font_size or 0.0, 1)


def _sub_point(stripped: str, paragraph_number: int | None) -> str:
    """The marker of a numbered paragraph's sub-point ("19.1. create innovative ...", "20.1.1. smart systems
    ..." under paragraph 19 or 20 of a document that numbers its paragraphs), or "" when the line opens none."""
    if paragraph_number is None:
        return ""  # no numbered paragraph is open (most documents number none)
    m = SUB_POINT.match(stripped)
    return m.group("marker") if m and int(m.group("paragraph")) == paragraph_number else ""


def _right_under_mid_sentence(text: str, before: Line, line: Line) -> bool:
    """``line`` right under ``before`` on its page, within a paragraph's gap, after ``before`` ends no sentence
    or clause: the block ``before`` ends carries on, whatever else sets the line apart."""
    return _right_under(before, line) and not line_text(text, before).rstrip().endswith(SENTENCE_END)


def _right_under(before: Line, line: Line) -> bool:
    """``line`` under ``before`` on its page, within a paragraph's gap (PDF_PARAGRAPH_GAP_RATIO of its height)."""
    if line.page != before.page or line.bbox is None or before.bbox is None:
        return False
    gap = line.bbox.top - before.bbox.bottom
    return 0 <= gap <= (before.bbox.bottom - before.bbox.top) * PDF_PARAGRAPH_GAP_RATIO


def _emphasis_runs_on(
    prev: Block, text: str, lines: Sequence[Line], i: int, prev_blank: bool, media_type: MediaType
) -> bool:
    """A paragraph going on mid-sentence into words set in bold, or back out of them ("Across Oxfordshire, some
    228,000" | **"people – 60% of all people in"** | "‘foundational economy’. This includes"): the line right under
    the paragraph's last line, flush with it and in the same size, opening in lower case after a line that ends
    no sentence or clause. Its weight alone does not part it from the paragraph. So does a line in regular type
    under a bold sentence that fills a justified line to the paragraph's right edge ("Review existing regulations
    ... in market activities." | "Companies face challenges ..."): a run-in sentence that happened to end the line."""
    if prev_blank or prev.kind is not BlockKind.PARAGRAPH or media_type is not MediaType.PDF:
        return False
    line, before = lines[i], lines[i - 1]
    if line.bbox is None or before.bbox is None or prev.char_end != _trimmed_span(text, before)[1]:
        return False  # the line above must be the paragraph's own last line
    flush = abs(line.bbox.x0 - before.bbox.x0) <= INDENT_TOLERANCE
    if not flush or not _same_size(before, line):
        return False
    if _right_under_mid_sentence(text, before, line):
        return re.match(r"[‘“'\"(]?[a-z]", line_text(text, line).lstrip()) is not None
    filled = abs(line.bbox.x1 - before.bbox.x1) <= INDENT_TOLERANCE  # both lines run to one right edge
    return filled and _right_under(before, line) and before.bold and not line.bold


def _point_wraps(prev: Block, text: str, lines: Sequence[Line], i: int, prev_blank: bool) -> bool:
    """A numbered paragraph's sub-point wrapped back to the margin, left of its indented number: the line
    right under its last line, in the same type, when that line ends no sentence or clause."""
    if prev_blank or prev.kind is not BlockKind.LIST_ITEM or not SUB_POINT_MARKER.fullmatch(prev.marker or ""):
        return False
    line, before = lines[i], lines[i - 1]
    return same_type(before, line) and _right_under_mid_sentence(text, before, line)


def _note_lines(text: str, lines: Sequence[Line], page_heights: Mapping[int, float]) -> set[int]:
    """Lines that open a caption: a source or note line, a figure's caption standing apart from any chart
    the page's drawings show ("Figure 4: Delimitation of ..."), or a footnote (a number, a roman numeral
    before a capital ("XII The following ...") or a note symbol, ``*``, ``†``, opening a line set smaller
    than the body text, or a number in the body's type when the page's text carries its mark, in the lower
    FOOT_SHARE of its page, or in its lower half with no larger text under it)."""
    sizes = [line.font_size for line in lines if line.font_size]
    body = statistics.median(sizes) if sizes else None
    source, footnote = (
        patterns.source_note(),
        re.compile(r"^(?:(?:(?P<n>\d{1,3})|[*†‡]{1,3})\s*[A-Za-z“‘\"(]|[IVXL]{1,6}\s+[A-Z“‘\"(])"),
    )
    figure = patterns.figure_caption()
    marks: dict[int, set[int]] = {}  # per page, the footnote marks its text carries (set as superscripts)
    for line in lines:
        for mark in NOTE_MARK.findall(line_text(text, line)):
            marks.setdefault(line.page or 0, set()).add(int(mark.translate(SUPERSCRIPT_DIGITS)))
    larger: dict[int, list[BBox]] = {}  # per page, the boxes of lines set larger than footnotes (not folios)
    if body is not None:
        for line in lines:
            big = line.font_size is not None and line.font_size > FOOTNOTE_SIZE_RATIO * body
            if big and line.bbox is not None and not line_text(text, line).strip().isdigit():
                larger.setdefault(line.page or 0, []).append(line.bbox)
    out: set[int] = set()
    for i, line in enumerate(lines):
        raw = line_text(text, line).strip()
        if source.match(raw) or figure.match(raw):
            out.add(i)
            continue
        height = page_heights.get(line.page or 0)
        if body is None or line.font_size is None or line.bbox is None or height is None:
            continue
        if not (m := footnote.match(raw)) or line.font_size > body + SIZE_TOLERANCE:
            continue
        number = int(m.group("n")) if m.group("n") else None
        if line.font_size > FOOTNOTE_SIZE_RATIO * body and number not in marks.get(line.page or 0, ()):
            continue  # in the body's type, a footnote is known by its number's mark in the page's text
        box = line.bbox
        under = any(b.top > box.bottom and b.x0 < box.x1 and box.x0 < b.x1 for b in larger.get(line.page or 0, []))
        if box.top >= (1 - FOOT_SHARE) * height or (not under and box.top >= NOTES_FROM * height):
            out.add(i)
    return out


def _table_notes(text: str, lines: Sequence[Line], notes: Collection[int]) -> tuple[set[int], set[int]]:
    """The numbered notes under a table's source line ("1) R&D expenditure figures are available only ...",
    "2) The total ..."): lines set at most FOOTNOTE_SIZE_RATIO of the body's size, each right under the
    caption's last line on its page (within ITEM_PARAGRAPH_GAP_RATIO of its height), and their lines that
    wrap. Returns the line that opens the notes' caption, and the lines that carry it on."""
    sizes = [line.font_size for line in lines if line.font_size]
    if not sizes:
        return set(), set()
    small = FOOTNOTE_SIZE_RATIO * statistics.median(sizes)
    out: set[int] = set()
    for i in range(1, len(lines)):
        line, above = lines[i], lines[i - 1]
        if i in notes or (i - 1 not in notes and i - 1 not in out):
            continue
        if line.page != above.page or line.bbox is None or above.bbox is None:
            continue
        if (line.font_size or small + 1) > small:
            continue
        gap = line.bbox.top - above.bbox.bottom
        if 0 <= gap <= ITEM_PARAGRAPH_GAP_RATIO * (above.bbox.bottom - above.bbox.top) and NOTE_NUMBER.match(
            line_text(text, line).strip()
        ):
            out.add(i)
        elif i - 1 in out and _runs_under(above, line):
            out.add(i)  # a note's second line
    opening = {i for i in out if i - 1 in notes}
    return opening, out - opening


def _runs_under(above: Line, line: Line) -> bool:
    """A line right under another, as wide a column: a paragraph's next line."""
    if above.bbox is None or line.bbox is None or line.page != above.page:
        return False
    return 0 <= line.bbox.top - above.bbox.bottom <= above.bbox.bottom - above.bbox.top and same_type(above, line)


def labelled_items(
    text: str,
    lines: Sequence[Line],
    furniture: Collection[int] = (),
    regions: Mapping[int, Region] | None = None,
    tabled: Collection[int] = (),
) -> dict[int, str]:
    """Lines that open labelled items ("Objective 1: ...", "Goal 2 – ..."): the same label numbered in
    sequence on nearby lines; and items under bold run-in heads (:func:`run_in_items`). Two labels are of
    one list only within one region (the body, or one aside) with no table or chart between them: a
    "Question 10" over its table and a "Question 11" over the next are each their table's lead-in. Returns
    the line index → the label as printed ("" for a run-in head: it is the item's own first words, no marker)."""
    label = patterns.labelled_item()
    regions = regions or {}
    found: dict[int, tuple[str, int, str]] = {}
    for i, line in enumerate(lines):
        if m := label.match(line_text(text, line).strip()):
            found[i] = (m.group("label").casefold(), int(m.group("n")), m.group("printed"))
    out: dict[int, str] = {}
    for i, (name, n, printed) in found.items():
        near = [found[j] for j in found if j != i and abs(j - i) <= LABEL_WINDOW and _together(i, j, regions, tabled)]
        if any(other == name and abs(k - n) == 1 for other, k, _ in near):
            out[i] = printed
    for i in [*run_in_items(text, lines, furniture, regions, tabled), *field_items(text, lines, regions, tabled)]:
        out.setdefault(i, "")  # the label is the item's own first words: no marker to take off
    return out


def field_items(
    text: str, lines: Sequence[Line], regions: Mapping[int, Region] | None = None, tabled: Collection[int] = ()
) -> list[int]:
    """PDF lines that open the fields of a card (a case study's "Name: ...", "Business name: ...", "Location:
    ...", "Website: ..."; a contact block): MIN_FIELDS or more lines one under the other, each opening with a
    short label (at most three words) and a colon, the labels all different, in one type at one left edge, none
    set apart from the line above, in one region, outside tables; a field's value may wrap onto one more line
    under it when another field follows. Each field is an item of a list, its label its own first words. A
    figure's source and notes ("Source: ...", "Data: ...", "Note: ...") are its captions, not fields."""
    regions = regions or {}

    def field(i: int) -> str | None:
        m = FIELD.match(line_text(text, lines[i]).strip()) if i not in tabled else None
        label = m.group("label").casefold() if m else None
        return None if label in NOTE_LABELS else label  # a figure's "Source:" and "Note:" lines are its captions

    def under(a: int, b: int) -> bool:
        above, line = lines[a], lines[b]
        return (
            above.page == line.page and above.bbox is not None and line.bbox is not None
            and line.bbox.top > above.bbox.top and abs(line.bbox.x0 - above.bbox.x0) <= INDENT_TOLERANCE
            and _same_size(above, line) and not set_apart(above, line, {}) and _together(a, b, regions, tabled)
        )  # fmt: skip

    out: list[int] = []
    i = 0
    while i < len(lines):
        if field(i) is None:
            i += 1
            continue
        run, j = [i], i + 1
        while j < len(lines) and under(j - 1, j):
            if field(j) is not None:
                run.append(j)
            elif not (j + 1 < len(lines) and j - 1 == run[-1] and field(j + 1) is not None and under(j, j + 1)):
                break  # a value wraps onto one line at most, and another field follows it
            j += 1
        labels = [field(k) for k in run]
        if len(run) >= MIN_FIELDS and len(set(labels)) == len(labels):
            out.extend(run)
        i = j
    return out


def _together(i: int, j: int, regions: Mapping[int, Region], tabled: Collection[int]) -> bool:
    """Lines ``i`` and ``j`` in one region, with no line of a table or a chart between them."""
    a, b = sorted((i, j))
    region = regions.get(a)
    return region == regions.get(b) and not any(
        k in tabled or (k in regions and regions[k].kind == "chart") for k in range(a + 1, b)
    )


def titled_items(
    text: str, lines: Sequence[Line], headings: Sequence[Heading], skip: Collection[int] = ()
) -> dict[int, int]:
    """Titles over one paragraph each that a lead-in announces as a list ("The thematic business sectors are the
    following:" over three titles, each with a sentence or two under it): the titles (headings to the
    heading finder) are items of one list and each paragraph is its item's own, not sections of a paragraph
    each. A run is at least MIN_TITLED_ITEMS titles in one type at one left edge, of at most
    TITLED_ITEM_WORDS words, right after a line of the body that ends in a colon, on its page; under each
    title one paragraph (lines at one size, smaller than the title's, each within a line's height of the
    one above, at most TITLED_ITEM_LINES of them) and, between two titles, nothing else. Returns each line
    of such an item (the title's and its paragraph's) → the item's first line."""
    if not headings:
        return {}
    heading_of = {h.line: h for h in headings}
    in_heading = {j for h in headings for j in range(h.line, heading_last_line(lines, h) + 1)}
    out: dict[int, int] = {}
    ordered = sorted(heading_of)
    k = 0
    while k < len(ordered):
        run: list[tuple[int, int, list[int]]] = []  # (title's first line, its last, its paragraph's lines)
        j = k
        while j < len(ordered):
            first = ordered[j]
            last = heading_last_line(lines, heading_of[first])
            paragraph = _paragraph_under(text, lines, last, in_heading, skip)
            if not paragraph or not _item_title(text, lines, first, last):
                break
            if run and not (
                run[-1][2][-1] + 1 == first
                and _same_look(lines[run[0][0]], lines[first])
                and _aligned(lines, run[0][0], first)
            ):
                break
            run.append((first, last, paragraph))
            j += 1
        if len(run) >= MIN_TITLED_ITEMS and _lead_in(text, lines, run[0][0], skip):
            for first, last, paragraph in run:
                out.update({n: first for n in range(first, last + 1)})
                out.update({n: first for n in paragraph})
            k = j
        else:
            k += 1
    return out


def _item_title(text: str, lines: Sequence[Line], first: int, last: int) -> bool:
    words = sum(len(line_text(text, lines[n]).split()) for n in range(first, last + 1))
    return 0 < words <= TITLED_ITEM_WORDS and all(lines[n].page == lines[first].page for n in range(first, last + 1))


def _same_look(a: Line, b: Line) -> bool:
    """Two titles in one type: both bold or neither, sizes within TYPE_STEP (19.5 and 19.8 pt)."""
    return a.bold == b.bold and abs((a.font_size or 0.0) - (b.font_size or 0.0)) <= TYPE_STEP


def _aligned(lines: Sequence[Line], a: int, b: int) -> bool:
    box_a, box_b = lines[a].bbox, lines[b].bbox
    return box_a is not None and box_b is not None and abs(box_a.x0 - box_b.x0) <= INDENT_TOLERANCE


def _paragraph_under(
    text: str, lines: Sequence[Line], last: int, in_heading: Collection[int], skip: Collection[int]
) -> list[int]:
    """The lines of the one paragraph right under a title whose last line is ``last``: set at one size
    smaller than the title's, each within a line's height of the one above, on the title's page, at most
    TITLED_ITEM_LINES of them; nothing when the next line is not such."""
    title = lines[last]
    out: list[int] = []
    for n in range(last + 1, min(len(lines), last + 2 + TITLED_ITEM_LINES)):
        line = lines[n]
        if n in in_heading or n in skip or line.page != title.page or line.bbox is None or title.bbox is None:
            break
        size, title_size = line.font_size or 0.0, title.font_size or 0.0
        if size >= title_size or (out and not same_type(lines[out[0]], line)):
            break
        above = lines[out[-1]].bbox if out else None
        if above is not None and line.bbox.top - above.bottom > above.bottom - above.top:
            break  # a gap: the paragraph has ended
        out.append(n)
    return out if 0 < len(out) <= TITLED_ITEM_LINES else []


def _lead_in(text: str, lines: Sequence[Line], first: int, skip: Collection[int]) -> bool:
    """The body's line right before the first title (page furniture aside) ends in a colon, on its page."""
    n = first - 1
    while n >= 0 and n in skip:
        n -= 1
    return n >= 0 and lines[n].page == lines[first].page and line_text(text, lines[n]).rstrip().endswith(":")


def tiled_items(text: str, lines: Sequence[Line], skip: Collection[int] = ()) -> dict[int, int]:
    """Tiles a lead-in announces as a list ("... to undertake the following objectives:" over a row of boxes, each
    a title and a few lines under it): MIN_TILES to MAX_TILES columns of lines side by side, read one after
    the other, each opening level with the first (within half a line height), left of the next one with no
    overlap, of at least two and at most TILE_LINES lines (a longer column is running text), each line under the
    one before within TILE_GAP line heights and across its column, none opening with a list's marker (a table's
    cells); right under a body line that ends in a colon, set over at least two of the columns, within
    LEAD_REACH line heights (an icon may stand between). Each tile is one item. Returns each line of a tile →
    the tile's first line.

    >>> def line(start, x0, top, x1):
    ...     return Line(start, start + 5, 1, BBox(x0=x0, top=top, x1=x1, bottom=top + 10), 10.0)
    >>> text = "Aims:" + "Title" * 9
    >>> at = [(k, j) for k in range(3) for j in range(3)]  # three tiles of three lines each
    >>> tiles = [line(5 + 15 * k + 5 * j, 60 + 120 * k, 40 + 12 * j, 150 + 120 * k) for k, j in at]
    >>> found = tiled_items(text, [line(0, 50, 0, 400), *tiles])
    >>> sorted(set(found.values()))
    [1, 4, 7]
    >>> tiled_items("Aims:" + "• Tit" * 9, [line(0, 50, 0, 400), *tiles])  # columns of bullets: a table's cells
    {}
    >>> long = [line(50 + 5 * j, 300, 40 + 12 * j, 390) for j in range(13)]  # a third column of running text
    >>> tiled_items(text + "Title" * 13, [line(0, 50, 0, 400), *tiles[:6], *long])
    {}
    """
    out: dict[int, int] = {}
    marker = patterns.list_marker()
    n = 0
    while n < len(lines):
        lead = lines[n]
        n += 1
        if n - 1 in skip or lead.bbox is None or not line_text(text, lead).rstrip().endswith(":"):
            continue
        tiles = _tiles_after(lines, n, skip)
        if not MIN_TILES <= len(tiles) <= MAX_TILES or any(marker.match(line_text(text, lines[t[0]])) for t in tiles):
            continue
        first = _tile_box(lines, tiles[0][:1])
        reach = LEAD_REACH * (first.bottom - first.top)
        over = sum(1 for tile in tiles if _across(lead.bbox, _tile_box(lines, tile)))
        if lead.page != lines[tiles[0][0]].page or not 0 <= first.top - lead.bbox.bottom <= reach or over < 2:
            continue
        for tile in tiles:
            out.update({m: tile[0] for m in tile})
        n = tiles[-1][-1] + 1
    return out


def _tiles_after(lines: Sequence[Line], start: int, skip: Collection[int]) -> list[list[int]]:
    """The columns of lines read from ``start`` on (see :func:`tiled_items`); [] when they are not tiles."""
    tiles: list[list[int]] = []
    n = start
    while n < len(lines) and (n in skip or lines[n].bbox is None):
        n += 1
    while n < len(lines):
        line, box = lines[n], lines[n].bbox
        if n in skip or box is None:
            break
        if tiles:
            column = _tile_box(lines, tiles[-1])  # its bottom is its last line's
            height = box.bottom - box.top
            if (
                0 <= box.top - column.bottom <= TILE_GAP * height and _across(box, column)
                and line.page == lines[tiles[-1][0]].page
            ):  # fmt: skip
                if len(tiles[-1]) == TILE_LINES:
                    return []  # a column longer than a tile: running text
                tiles[-1].append(n)
                n += 1
                continue
            level = abs(box.top - _tile_box(lines, tiles[0]).top) <= height / 2 and line.page == lines[tiles[0][0]].page
            if not (level and box.x0 > column.x1 and len(tiles[-1]) >= 2):
                break
        tiles.append([n])
        n += 1
    if tiles and len(tiles[-1]) < 2:
        tiles.pop()
    return tiles


def _tile_box(lines: Sequence[Line], tile: Sequence[int]) -> BBox:
    return BBox.union([box for m in tile if (box := lines[m].bbox) is not None])


def _across(a: BBox, b: BBox) -> bool:
    """The two overlap across (their horizontal extents meet)."""
    return a.x0 < b.x1 and b.x0 < a.x1


def run_in_items(
    text: str,
    lines: Sequence[Line],
    furniture: Collection[int] = (),
    regions: Mapping[int, Region] | None = None,
    tabled: Collection[int] = (),
) -> list[int]:
    """PDF lines that open items labelled by a bold run-in head ("**Permanent services for growing companies:**
    Private and public ..."): two or more such lines one after the other, at one left edge, each item's
    other lines set under it in the same type, nothing but running headers and footers between them (a
    definition list; one such paragraph alone is a paragraph with a run-in head). A head that wraps opens
    its item on the bold line above the one where it ends; a head that fills its line (:func:`_whole_head`)
    opens an item among run-in heads, not between two heads like it."""
    heads = []
    whole: set[int] = set()  # heads that fill their line: "**Productivity, ... RDI operations:**" over its text
    for i, line in enumerate(lines):
        if _whole_head(text, lines, i):
            heads.append(i)
            whole.add(i)
            continue
        if not line.run_in or not _short_label(text, line):
            continue
        above = lines[i - 1] if i else None
        wrapped = (
            above is not None and above.bold and above.page == line.page and _same_size(above, line)
            and above.bbox is not None and line.bbox is not None
            and abs(above.bbox.x0 - line.bbox.x0) <= INDENT_TOLERANCE and not above.run_in
            and not set_apart(above, line, {})  # a title over the first item is not its head's first line
        )  # fmt: skip
        heads.append(i - 1 if wrapped else i)
    out: set[int] = set()
    for i, j in itertools.pairwise(heads):
        a, b = lines[i], lines[j]
        if i in whole and j in whole:
            continue  # two titles ending in colons, each over its text: headings, unless run-in heads surround them
        if a.page != b.page or a.bbox is None or b.bbox is None or abs(a.bbox.x0 - b.bbox.x0) > INDENT_TOLERANCE:
            continue
        if not _together(i, j, regions or {}, tabled):
            continue  # a panel's run-in head and the body's next one are not items of one list
        between = [ln for k, ln in enumerate(lines[i + 1 : j], start=i + 1) if k not in furniture]
        if len(between) <= RUN_IN_ITEM_LINES and all(
            _same_size(ln, a) and ln.bbox is not None and ln.bbox.x0 >= a.bbox.x0 - INDENT_TOLERANCE for ln in between
        ):
            out.update((i, j))
    return sorted(out)


def _whole_head(text: str, lines: Sequence[Line], i: int) -> bool:
    """A bold line that is all label, ending in a colon, of at most RUN_IN_LABEL_WORDS words, over a line in
    regular type of its size at its left edge: a run-in head whose label fills its line."""
    line = lines[i]
    raw = line_text(text, line).strip()
    if not line.bold or line.run_in or not raw.endswith(":") or len(raw.split()) > RUN_IN_LABEL_WORDS:
        return False
    below = lines[i + 1] if i + 1 < len(lines) else None
    return (
        below is not None and not below.bold and below.page == line.page and _same_size(below, line)
        and below.bbox is not None and line.bbox is not None
        and abs(below.bbox.x0 - line.bbox.x0) <= INDENT_TOLERANCE and not set_apart(line, below, {})
    )  # fmt: skip


def _same_size(a: Line, b: Line) -> bool:
    """Set in one size of type, to within :data:`SIZE_TOLERANCE`."""
    return a.font_size is not None and b.font_size is not None and abs(a.font_size - b.font_size) <= SIZE_TOLERANCE


def _short_label(text: str, line: Line) -> bool:
    return len(text[line.char_start : line.char_start + line.run_in].split()) <= RUN_IN_LABEL_WORDS


def _under_item(
    prev: Block,
    where: tuple[float | None, float | None],
    text: str,
    lines: Sequence[Line],
    i: int,
    media_type: MediaType,
    marker: re.Pattern[str],
) -> bool:
    """A PDF line indented under the open list item's marker: the item's wrapped text, or a paragraph set
    under the same bullet. ``where``: the x of the item's marker and of the block before its list. In the next
    column, where the item's text runs on, a line set left of that text is not under it.

    A paragraph under the bullet follows within a paragraph's gap when the bullets stand at or inside
    the text before the list; when they hang out to its left (so the body's own paragraphs are indented
    like the items' text), only when another item follows it at the marker's place."""
    item_x0, lead_x0 = where
    line, before = lines[i], lines[i - 1]
    if prev.kind is not BlockKind.LIST_ITEM or media_type is not MediaType.PDF or item_x0 is None:
        return False
    if line.bbox is None or before.bbox is None or before.page != line.page or line.bbox.top < before.bbox.top:
        return False
    if line.bbox.x0 <= item_x0 + INDENT_TOLERANCE:
        return False
    height = before.bbox.bottom - before.bbox.top
    if before.bbox.x0 - item_x0 > HANGING_INDENT * height and line.bbox.x0 < before.bbox.x0 - INDENT_TOLERANCE:
        return False  # the item ran on into the next column, where a line left of its text is the body's again
    gap = line.bbox.top - before.bbox.bottom
    if gap <= height * PDF_PARAGRAPH_GAP_RATIO:
        return True
    hanging = lead_x0 is None or item_x0 < lead_x0 - INDENT_TOLERANCE
    if not hanging and gap <= height * ITEM_PARAGRAPH_GAP_RATIO:
        return True
    # a paragraph under a hanging bullet: the lines indented under it run on to the next item's marker
    last = before
    for j in range(i, len(lines)):
        nxt = lines[j]
        if nxt.bbox is None or nxt.page != line.page or nxt.bbox.top < last.bbox.top:  # type: ignore[union-attr]
            return False
        if marker.match(line_text(text, nxt).strip()):
            return abs(nxt.bbox.x0 - item_x0) <= INDENT_TOLERANCE
        if nxt.bbox.x0 <= item_x0 + INDENT_TOLERANCE:
            return False
        last = nxt
    return False


def _dash_runs_on(
    text: str,
    blocks: list[Block],
    lines: Sequence[Line],
    i: int,
    printed: str,
    item_x0: float | None,
    leading: Mapping[float | None, float],
) -> bool:
    """A PDF line opening with a dash that carries on the list item or paragraph above: it stands indented
    under the item's marker (or at the paragraph's left edge, in its type), close under a line that ends
    mid-clause ("... at the next capital review" / "– ensuring planning certainty ..."; "... go ‘hand-in-hand’"
    / "– such that ..."), and goes on in lower case, so the dash opens a clause, not an item of its own."""
    if printed not in DASHES or not blocks:
        return False
    line, before = lines[i], lines[i - 1]
    if line.bbox is None or before.bbox is None or before.page != line.page or line.bbox.top < before.bbox.top:
        return False
    prev = blocks[-1]
    if prev.kind is BlockKind.LIST_ITEM:
        placed = item_x0 is not None and line.bbox.x0 > item_x0 + INDENT_TOLERANCE
    else:
        placed = (
            prev.kind is BlockKind.PARAGRAPH
            and abs(line.bbox.x0 - before.bbox.x0) <= INDENT_TOLERANCE
            and same_type(before, line)
        )
    opening = line_text(text, line).strip()[len(printed) :].lstrip()
    return (
        placed
        and not set_apart(before, line, leading)
        and line_text(text, before).rstrip().rstrip(CLOSING_QUOTES)[-1:].isalnum()
        and opening[:1].islower()  # a clause goes on; a sub-item under a dash would open in capitals
    )


def _next_column(
    prev: Block, text: str, lines: Sequence[Line], i: int, media_type: MediaType, marker: re.Pattern[str]
) -> bool:
    """A PDF paragraph or list item running on at the top of the next column of the same page: the last
    line ends mid-sentence and the next column opens in lower case (behind a quotation mark or not), or the
    last line ends in a word that joins more to it (``... agree new Codes of`` | ``Practice in: social media``),
    or, for a list item, the next column's first lines hang under its markers as the item's text hangs under
    its own (:func:`_hangs_like_item`)."""
    line, before = lines[i], lines[i - 1]
    if prev.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or media_type is not MediaType.PDF:
        return False
    if line.bbox is None or before.bbox is None or before.page != line.page:
        return False
    if not (line.bbox.top < before.bbox.top and line.bbox.x0 > before.bbox.x1 - INDENT_TOLERANCE):
        return False
    ending = line_text(text, before).rstrip()
    opening = line_text(text, line).lstrip().lstrip("".join(patterns.OPENING_QUOTES))  # "‘fall into exporting’"
    return (
        bool(opening)
        and (
            opening[0].islower()
            or JOINS_ON.search(ending) is not None
            or _hangs_like_item(prev, text, lines, i, marker)
        )
        and not ending.endswith(SENTENCE_END)
    )


def _hangs_like_item(prev: Block, text: str, lines: Sequence[Line], i: int, marker: re.Pattern[str]) -> bool:
    """The lines opening the next column stand in from the column's next marker by as much as the open item's
    wrapped text stands in from its own marker: they are that item's text, whatever their first letter."""
    before, line = lines[i - 1], lines[i]
    if prev.kind is not BlockKind.LIST_ITEM or not prev.marker or prev.bbox is None or before.bbox is None:
        return False
    hang = before.bbox.x0 - prev.bbox.x0
    if hang <= INDENT_TOLERANCE or line.bbox is None:
        return False
    last = line
    for nxt in lines[i + 1 :]:
        if nxt.bbox is None or nxt.page != line.page or last.bbox is None or nxt.bbox.top < last.bbox.top:
            return False
        if abs(nxt.bbox.x0 - line.bbox.x0) > INDENT_TOLERANCE:
            return (
                abs(line.bbox.x0 - hang - nxt.bbox.x0) <= INDENT_TOLERANCE
                and marker.match(line_text(text, nxt).strip()) is not None
            )
        last = nxt
    return False


def _item_broken_off(blocks: list[Block], text: str, line: Line, where: tuple[str, int | None]) -> Block | None:
    """The list item a page's first line carries on: behind the page's footnotes and running header or
    footer, the last block is an item of the same region on the page before (or on the facing half of a
    spread) that ends mid-sentence, and the line opens in lower case (``... charities, social`` | ``are
    building businesses ...``) or the item ends in a word that joins more to it (``... the launch of`` |
    ``Festival UK ...``)."""
    k = behind_page_furniture(blocks, len(blocks))
    if k is None or k == len(blocks) - 1:
        return None  # nothing between them: not a page's first line
    last = blocks[k]
    if last.kind is not BlockKind.LIST_ITEM or (last.region, last.region_id) != where:
        return None
    if last.page is None or line.page is None or line.page - last.page not in (0, 1):
        return None
    if line.page == last.page and (line.bbox is None or last.bbox is None or line.bbox.top >= last.bbox.top):
        return None  # on one page, only the facing half of a spread, which opens higher up
    ending = text[last.char_start : last.char_end].rstrip()
    opening = line_text(text, line).lstrip()
    if not opening or ending.endswith(SENTENCE_END):
        return None
    return last if opening[0].islower() or JOINS_ON.search(ending) is not None else None


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


def _trimmed_span(text: str, line: Line) -> tuple[int, int]:
    raw = line_text(text, line)
    lead = len(raw) - len(raw.lstrip())
    return line.char_start + lead, line.char_start + len(raw.rstrip())


def _continues(
    prev: Block,
    line: Line,
    lines: Sequence[Line],
    i: int,
    prev_blank: bool,
    media_type: MediaType,
    leading: Mapping[float | None, float] | None = None,
    text: str = "",
) -> bool:
    """Does this line carry on the block before it (a wrapped paragraph or list item)? In a PDF, a line of
    the same look (or, in an item under a run-in head, the same size) under the one before, not set apart
    from it (:func:`set_apart`), does, unless it stands out left of a list item's marker, or opens a new
    paragraph by its first-line indent (:func:`_indented_first_line`)."""
    if prev_blank or prev.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.CAPTION):
        return False
    before = lines[i - 1]
    if media_type is not MediaType.PDF:
        # plain text: only an indented line under a list item wraps it
        return prev.kind is BlockKind.LIST_ITEM and line.indent > before.indent
    if before.page != line.page or before.bbox is None or line.bbox is None:
        return False
    height = before.bbox.bottom - before.bbox.top
    gap = line.bbox.top - before.bbox.bottom
    same_look = same_type(before, line)
    # an item under a bold run-in head goes on in regular type: the head's weight is not the item's look
    same_look = same_look or (prev.kind is BlockKind.LIST_ITEM and prev.marker == "" and _same_size(before, line))
    if prev.kind is BlockKind.LIST_ITEM and prev.bbox is not None and line.bbox.x0 < prev.bbox.x0 - INDENT_TOLERANCE:
        return False  # a line standing out left of the item's marker is the body again, not the item wrapped
    if text and _indented_first_line(text, before, line):
        return False
    return same_look and -height < gap and not set_apart(before, line, leading or {})


def _indented_first_line(text: str, before: Line, line: Line) -> bool:
    """A paragraph's first line set in by a typographic indent (FIRST_INDENT_MIN to FIRST_INDENT_MAX of its
    type's size) under a line that ends a sentence: a new paragraph with no space over it, not the last one
    wrapped (text flowing round a picture is set in much further)."""
    if before.bbox is None or line.bbox is None or not line.font_size:
        return False
    indent = (line.bbox.x0 - before.bbox.x0) / line.font_size
    ends = line_text(text, before).rstrip().endswith((".", "!", "?"))
    return ends and FIRST_INDENT_MIN <= indent <= FIRST_INDENT_MAX
