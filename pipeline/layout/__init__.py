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

from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.layout.blocks import labelled_items, lines_to_blocks, tiled_items, titled_items
from pipeline.layout.common import Heading
from pipeline.layout.contents import lines_to_contents
from pipeline.layout.folios import pages_to_labels
from pipeline.layout.furniture import lines_to_furniture
from pipeline.layout.headings import headings_to_sections, lines_to_headings, repeated_titles
from pipeline.layout.regions import icon_items, lines_to_regions, picture_captions
from pipeline.models import BBox, Block, ContentsEntry, Line, MediaType, Page, PageGraphics, RawTable, Section
from pipeline.readers.table_finder import is_grid
from pipeline.spans import innermost_section, page_of


@dataclass(frozen=True, slots=True)
class Layout:
    contents: list[ContentsEntry]
    headings: list[Heading]
    sections: list[Section]
    blocks: list[Block]
    pages: list[Page]


def lines_to_layout(
    document_id: str,
    text: str,
    lines: Sequence[Line],
    media_type: MediaType,
    pages: Sequence[Page] = (),
    graphics: Sequence[PageGraphics] = (),
    tables: Sequence[RawTable] = (),
) -> Layout:
    page_starts = [p.char_start for p in pages]
    heights = {p.number: p.height for p in pages}
    furniture = lines_to_furniture(text, lines, heights)
    contents, contents_lines = lines_to_contents(text, lines, pages, furniture)
    tabled = _in_tables(lines, tables)
    tiled = tiled_items(text, lines, contents_lines | furniture | tabled) if media_type is MediaType.PDF else {}
    tile_lines = set(tiled)
    regions = lines_to_regions(text, lines, pages, graphics, tables, prose=tile_lines, furniture=furniture)
    labelled = labelled_items(text, lines, furniture | tile_lines, regions, tabled)
    taken = contents_lines | furniture | set(regions) | set(labelled) | tile_lines
    iconic = icon_items(lines, graphics, taken)
    labelled = {**labelled, **{i: "" for i in iconic}}  # an icon bullet prints no marker in the text
    captions = picture_captions(text, lines, graphics, regions)
    skip = taken | iconic | captions
    headings = lines_to_headings(text, lines, media_type, contents, skip)
    repeated = repeated_titles(headings, lines)
    headings = [h for h in headings if h.line not in repeated]
    furniture |= repeated
    titled = titled_items(text, lines, headings, furniture) if media_type is MediaType.PDF else {}
    headings = [h for h in headings if h.line not in titled]
    titled = {**titled, **tiled}  # a tile runs on from its first line as a titled item does
    labelled = {**labelled, **{n: "" for n, first in titled.items() if n == first}}
    sections = headings_to_sections(document_id, headings, len(text))
    blocks = lines_to_blocks(
        text, lines, media_type, headings, contents_lines, furniture, regions, labelled, heights, captions,
        titled, tabled,
    )  # fmt: skip
    starts = [s.char_start for s in sections]
    blocks = [replace(b, section_id=innermost_section(sections, starts, b.char_start, b.char_end)) for b in blocks]
    sections = [_trimmed_section(text, s, page_starts) for s in sections]
    return Layout(contents, headings, sections, blocks, pages_to_labels(text, lines, pages))


def _in_tables(lines: Sequence[Line], tables: Sequence[RawTable]) -> set[int]:
    """The lines inside a table the reader found (of two rows and two columns or more, not a band of rules):
    no item takes them as its paragraph."""
    by_page: dict[int, list[BBox]] = {}
    for table in tables:
        if is_grid(table):
            by_page.setdefault(table.page, []).append(table.bbox)
    return {
        i for i, line in enumerate(lines)
        if line.bbox is not None and any(box.holds_centre_of(line.bbox) for box in by_page.get(line.page or 0, ()))
    }  # fmt: skip


def _trimmed_section(text: str, section: Section, page_starts: Sequence[int]) -> Section:
    """A section without its trailing blank lines, with the pages it starts and ends on."""
    end = _trim_end(text, section.char_start, section.char_end)
    if not page_starts:
        return replace(section, char_end=end)
    first, last = page_of(page_starts, section.char_start), page_of(page_starts, max(section.char_start, end - 1))
    return replace(section, char_end=end, page_start=first, page_end=last)


def _trim_end(text: str, start: int, end: int) -> int:
    """Trailing blank lines and form feeds belong to no section."""
    while end > start + 1 and text[end - 1] in "\n\f \t":
        end -= 1
    return end
