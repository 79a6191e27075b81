"""Blocks: the lines that are not headings grouped into paragraphs, list items, table rows and furniture."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pipeline.language import patterns
from pipeline.layout.common import Heading, line_text
from pipeline.models import BBox, Block, BlockKind, Line, MediaType

PDF_PARAGRAPH_GAP_RATIO = 0.8


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
            box = BBox.union([prev.bbox, line.bbox]) if prev.bbox is not None and line.bbox is not None else prev.bbox
            blocks[-1] = replace(prev, char_end=_trimmed_span(text, line)[1], bbox=box)
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
