"""A part's divider that maps its sections before they begin (pipeline.layout.headings)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdfs import build_pdf

from pipeline.ingest.manifest import file_to_spec
from pipeline.parse import source_to_document

SECTIONS = ("2.1 Business population", "2.2 Use of external finance", "2.3 Bank lending")
PROSE = (
    "Smaller businesses make up most of the private sector and most of its employment across the regions.",
    "Their numbers grew again this year, although the growth of firms without employees has stalled.",
    "The share of businesses that use external finance has stayed close to where it was a year ago.",
)


def _page(lines: list[tuple[str, float]]) -> bytes:
    """A page of lines set from the top, each in its own size, a heading (set larger) apart from the lines round it."""
    ops, top = [], 740.0
    for words, size in lines:
        top -= 2 * size if size > 10 else 0
        ops.append(f"BT /F1 {size:g} Tf 72 {top:g} Td ({words}) Tj ET")
        top -= size * (3.0 if size > 10 else 1.4)
    return "\n".join(ops).encode()


def _numbered_sections(
    tmp_path: Path, first: bytes, before: list[bytes] | None = None
) -> list[tuple[str | None, int | None]]:
    pages = [*(before or []), first, *(_page([(title, 18), *((line, 10) for line in PROSE)]) for title in SECTIONS)]
    path = tmp_path / "report.pdf"
    path.write_bytes(build_pdf(pages))
    doc = source_to_document(file_to_spec(path))
    return [(s.number, s.page_start) for s in doc.sections if s.number]


def test_a_divider_mapping_the_sections_to_come_makes_no_sections_of_its_own(tmp_path: Path) -> None:
    """The divider prints the part's section numbers and titles and nothing else; each section then begins on its
    page with its number, which runs back from the divider's last: the sections are those, numbered."""
    divider = _page([("Part B", 24), ("Market developments", 24), *((title, 18) for title in SECTIONS)])
    assert _numbered_sections(tmp_path, divider) == [("2.1", 2), ("2.2", 3), ("2.3", 4)]


def test_sections_with_text_of_their_own_stay_when_a_number_runs_back_after_them(tmp_path: Path) -> None:
    """Headings each over running text are sections, whatever comes after: a number running back from them later
    is no section (an item of a list, a reference)."""
    first = _page([("Annual report", 24), *(line for title in SECTIONS for line in ((title, 18), (PROSE[0], 10)))])
    numbered = _numbered_sections(tmp_path, first)
    assert numbered[:3] == [("2.1", 1), ("2.2", 1), ("2.3", 1)]
    assert ("2.1", 2) not in numbered and ("2.2", 3) not in numbered


def _contents(listed: list[tuple[str, int]]) -> bytes:
    """A contents page listing each (number and title, page)."""
    ops = ["BT /F1 18 Tf 72 740 Td (Contents) Tj ET"]
    for k, (title, page) in enumerate(listed):
        ops += [
            f"BT /F1 11 Tf 72 {700 - 20 * k} Td ({title}) Tj ET",
            f"BT /F1 11 Tf 500 {700 - 20 * k} Td ({page}) Tj ET",
        ]
    return "\n".join(ops).encode()


def test_sections_previewed_before_they_begin_are_the_later_ones_the_contents_lists(tmp_path: Path) -> None:
    """A part's divider lists its sections among lines of running text (no map of labels alone); each section then
    begins on its page with its number and title printed again, and the first runs back from the divider's last.
    With a contents page listing that first section, the divider's are previews: the sections are the later ones.
    Without one, nothing shows it: the divider's stay, and the numbers running back from them are none."""
    divider = _page([("Part B", 24), *(line for title in SECTIONS for line in ((title, 18), (PROSE[0], 10)))])
    contents = _contents([(title, 3 + k) for k, title in enumerate(SECTIONS)])
    assert _numbered_sections(tmp_path, divider, before=[contents]) == [("2.1", 3), ("2.2", 4), ("2.3", 5)]
    without = _numbered_sections(tmp_path, divider)
    assert without[:3] == [("2.1", 1), ("2.2", 1), ("2.3", 1)]
    assert ("2.1", 2) not in without and ("2.2", 3) not in without


def _chapters_and_cards(tmp_path: Path, chapter: str) -> list[str | None]:
    """The numbers of the sections of a PDF whose contents page lists chapters 1, 2 and ``chapter`` (The risks of
    change), with cards numbered 3 and 4 inside chapter 2, then that chapter."""
    listed = [("1 Introduction", 2), ("2 What is changing", 3), (f"{chapter} The risks of change", 4)]
    cards = [("3 Transport is becoming cleaner", 14), (PROSE[1], 10), ("4 New modes are emerging", 14), (PROSE[2], 10)]
    pages = [
        _contents(listed),
        _page([("1 Introduction", 18), *((line, 10) for line in PROSE)]),
        _page([("2 What is changing", 18), (PROSE[0], 10), *cards]),
        _page([(f"{chapter} The risks of change", 18), *((line, 10) for line in PROSE)]),
    ]
    path = tmp_path / f"strategy-{chapter}.pdf"
    path.write_bytes(build_pdf(pages))
    return [s.number for s in source_to_document(file_to_spec(path)).sections if s.number]


def test_numbered_cards_inside_a_chapter_give_way_to_the_chapter_the_contents_lists(tmp_path: Path) -> None:
    """Cards numbered 3 and 4 inside chapter 2 run ahead of chapter 3; when chapter 3's number runs back from them
    and the contents lists it (number and title), giving their number 3 to it, the cards are no sections and
    chapter 3 is one. When the contents says nothing of their numbers (it lists 1, 2 and 2.5), nothing shows that
    they are no sections: they stay, and a 2.5 running back from them is none."""
    assert _chapters_and_cards(tmp_path, "3") == ["1", "2", "3"]
    assert _chapters_and_cards(tmp_path, "2.5") == ["1", "2", "3", "4"]


def test_a_text_file_has_no_pages_to_map_its_sections_on(tmp_path: Path) -> None:
    """Short sections of a text file, then a number running back (an annex's list): the sections stay."""
    path = tmp_path / "plan.txt"
    path.write_text(
        "1. Scope\nFunding and staff\n\n2. Aims\nGrowth in jobs\n\n3. Method\nA survey of firms\n\nAnnex\n\n"
        "1. Survey questions\nWho answered\n",
        encoding="utf-8",
    )
    doc = source_to_document(file_to_spec(path))
    assert [s.number for s in doc.sections if s.number] == ["1", "2", "3"]


def test_short_sections_on_one_page_are_no_map_of_the_sections_that_follow(tmp_path: Path) -> None:
    """Three sections of short lines on one page, then a numbered item that runs back (``1 Invest in skills``): no
    section there maps it (none is numbered and titled so), so the sections stay."""
    short = [("Skills are scarce", 10), ("Firms are small", 10), ("Places differ", 10)]
    first = _page([("Annual report", 24), *(line for title in SECTIONS for line in ((title, 18), *short))])
    pages = [
        first,
        _page([("1 Invest in skills", 18), *short]),
        _page([("2.4 Delivery", 18), *((p, 10) for p in PROSE)]),
    ]
    path = tmp_path / "short.pdf"
    path.write_bytes(build_pdf(pages))
    numbered = [s.number for s in source_to_document(file_to_spec(path)).sections if s.number]
    assert numbered[:3] == ["2.1", "2.2", "2.3"]


def _sections_of(tmp_path: Path, pages: list[bytes]) -> list[tuple[str | None, str, int | None]]:
    path = tmp_path / "report.pdf"
    path.write_bytes(build_pdf(pages))
    return [(s.number, s.title, s.page_start) for s in source_to_document(file_to_spec(path)).sections]


CHAPTERS = ["1 Introduction", "2 Business population", "3 Use of external finance"]


def test_a_closing_summary_restating_the_sections_takes_none_of_their_numbers(tmp_path: Path) -> None:
    """The sections on their pages, then a summary restating each number and title: the sections, each on
    several pages, were no preview; they keep their numbers and the summary's restatements run back."""
    pages = [_contents([(t, 2 + k) for k, t in enumerate(CHAPTERS)])]
    pages += [_page([(t, 18), *((ln, 10) for ln in PROSE)]) for t in CHAPTERS]
    pages += [_page([("Summary of the report", 24), *(x for t in CHAPTERS for x in ((t, 18), (PROSE[0], 10)))])]
    numbered = [(number, page) for number, _, page in _sections_of(tmp_path, pages) if number]
    assert numbered[:3] == [("1", 2), ("2", 3), ("3", 4)]


@pytest.mark.parametrize("header", ["running", "small"])
def test_a_running_header_or_small_type_naming_a_chapter_is_no_second_printing_of_it(
    tmp_path: Path, header: str
) -> None:
    """Chapter 3's first page restates `2.5` (listed by the contents), which runs back from 3, and chapter 3 is
    named again later only by a running header over its pages, or once in small type: neither prints a section,
    so chapter 3 was no preview and keeps its number."""
    listed = [("1 Introduction", 2), ("2 Business population", 5), ("2.5 Regional picture", 7)]
    pages = [_contents([*listed, ("3 Use of external finance", 8)])]
    for k, title in enumerate(CHAPTERS):
        extra = [("2.5 Regional picture", 18), (PROSE[2], 10)] if k == 2 else []
        pages.append(_page([(title, 18), (PROSE[0], 10), (PROSE[1], 10), *extra]))
        for m in range(2):
            named = header == "running" or (k == 2 and m == 1)
            size, top = (10, 770) if header == "running" else (8, 100)  # a header in the body's type, a note smaller
            over = f"BT /F1 {size} Tf 72 {top} Td ({title}) Tj ET\n" if named else ""
            pages.append(over.encode() + _page([(ln, 10) for ln in PROSE * 3]))
    numbered = [(number, page) for number, _, page in _sections_of(tmp_path, pages) if number]
    assert ("3", 8) in numbered


def test_an_overview_previews_chapters_whose_running_headers_repeat_their_titles(tmp_path: Path) -> None:
    """An overview page previews the chapters, which then run over four pages each under a running header (small
    type) repeating the chapter's number and title: the header's text is page furniture, the chapter's own heading
    in larger type is no less a second printing, so the overview's are previews and the chapters keep their
    numbers."""
    pages = [_contents([(t, 3 + 4 * k) for k, t in enumerate(CHAPTERS)])]
    pages.append(_page([("Overview", 24), *(x for t in CHAPTERS for x in ((t, 18), (PROSE[0], 10)))]))
    for title in CHAPTERS:
        pages.append(_page([(title, 18), *((ln, 10) for ln in PROSE)]))
        header = f"BT /F1 8 Tf 72 770 Td ({title}) Tj ET\n".encode()
        pages += [header + _page([(ln, 10) for ln in PROSE * 3])] * 3
    numbered = [(number, page) for number, _, page in _sections_of(tmp_path, pages) if number]
    assert numbered == [("1", 3), ("2", 7), ("3", 11)]


@pytest.mark.parametrize(("card_size", "numbers"), [(14, ["1", "2", "3"]), (18, ["1", "2", "2", "3"])])
def test_a_card_numbered_as_its_chapter_is_no_second_chapter_when_the_contents_titles_the_number(
    tmp_path: Path, card_size: int, numbers: list[str]
) -> None:
    """Chapter 2 holds a card numbered 2 under another title, set smaller than the chapter's heading. The contents
    lists chapter 2 with its own title, so the card is no second section 2; without a contents page nothing tells
    them apart and both stay numbered. Set in the chapter's own type, it is a section misnumbered, as printed."""
    chapters = ["1 Introduction", "2 What is changing", "3 The risks of change"]
    card = ("2 Transport is becoming cleaner", card_size)
    body = [
        _page([(chapters[0], 18), *((ln, 10) for ln in PROSE)]),
        _page([(chapters[1], 18), (PROSE[0], 10), card, (PROSE[1], 10)]),
        _page([(chapters[2], 18), *((ln, 10) for ln in PROSE)]),
    ]
    listed = _sections_of(tmp_path, [_contents([(t, 2 + k) for k, t in enumerate(chapters)]), *body])
    assert [number for number, _, _ in listed if number] == numbers
    unlisted = _sections_of(tmp_path, body)
    assert [number for number, _, _ in unlisted if number] == ["1", "2", "2", "3"]
