"""Reading order (issue 7): columns one at a time, side boxes apart, rows and bullets kept whole; and
page furniture (running headers, footers, page numbers) recognised. Synthetic words first, then real
pages of ../shared/corpus (skipped when it is absent)."""

from __future__ import annotations

from typing import Any

import pytest
from support import corpus_path

from pipeline.layout.furniture import lines_to_furniture
from pipeline.models import BBox, Line
from pipeline.readers.pdf_page import PdfSettings, page_to_lines, word_text, words_to_lines
from pipeline.readers.reading_order import words_to_reading_lines

SIZE = 10.0


def words(text: str, x: float, top: float, size: float = SIZE) -> list[dict[str, Any]]:
    """A line of words starting at ``x``: each word 6 points a character, one space of 3 points."""
    out = []
    for w in text.split():
        out.append({"text": w, "x0": x, "x1": x + 6 * len(w), "top": top, "bottom": top + size, "size": size})
        x += 6 * len(w) + 3
    return out


def read(*placed: list[dict[str, Any]]) -> list[str]:
    all_words = [w for line in placed for w in line]
    lines = words_to_lines(all_words, tolerance=3.0)
    return [" ".join(word_text(w) for w in line) for line in words_to_reading_lines(lines)]


LEFT = ["the left column starts here", "and it runs on down to", "the foot of the left side"]
RIGHT = ["the right column begins", "and carries the text on", "to the end of the page"]


def test_two_columns_are_read_one_after_the_other() -> None:
    placed = [words(t, 50, 100 + 14 * i) for i, t in enumerate(LEFT)]
    placed += [words(t, 320, 100 + 14 * i) for i, t in enumerate(RIGHT)]
    assert read(*placed) == LEFT + RIGHT


def test_a_title_across_the_columns_comes_first_and_a_footer_last() -> None:
    placed = [words("A title that runs across both of the columns", 50, 60, size=18)]
    placed += [words(t, 50, 100 + 14 * i) for i, t in enumerate(LEFT)]
    placed += [words(t, 320, 100 + 14 * i) for i, t in enumerate(RIGHT)]
    placed += [words("A footer line across the page bottom edge", 50, 400)]
    assert read(*placed) == [
        "A title that runs across both of the columns",
        *LEFT,
        *RIGHT,
        "A footer line across the page bottom edge",
    ]


def test_a_heading_beside_a_column_is_read_before_it() -> None:
    """A section title page: a large heading on the left, running text on the right at the same height."""
    placed = [words("2. From recovery to growth", 40, 100, size=21)]
    placed += [words(t, 320, 95 + 14 * i) for i, t in enumerate(RIGHT)]
    assert read(*placed) == ["2. From recovery to growth", *RIGHT]


def test_table_rows_and_bullets_stay_whole() -> None:
    """Columns of figures or bullet marks are not text columns: each row is read across."""
    rows = [["Revenue", "8.0", "14.5", "15.5", "38.0"], ["Capital", "5.5", "5.5", "2.0", "13.0"]]
    placed = [
        [w for j, cell in enumerate(row) for w in words(cell, 50 + 90 * j, 100 + 14 * i)] for i, row in enumerate(rows)
    ]
    assert read(*placed) == ["Revenue 8.0 14.5 15.5 38.0", "Capital 5.5 5.5 2.0 13.0"]
    bullets = [words("•", 50, 200 + 14 * i) + words(t, 70, 200 + 14 * i) for i, t in enumerate(LEFT)]
    assert read(*bullets) == [f"• {t}" for t in LEFT]


def test_a_table_of_words_is_still_read_row_by_row() -> None:
    rows = [["Region", "Sector", "Status"], ["North", "Energy", "Open"], ["South", "Digital", "Closed"]]
    placed = [words(cell, 50 + 100 * j, 100 + 12 * i) for i, row in enumerate(rows) for j, cell in enumerate(row)]
    assert read(*placed) == [" ".join(row) for row in rows]


GOALS = [["Grow and level", "up our space", "economy"], ["Promote the", "values of", "Global Britain"],
         ["Lead new", "scientific", "discovery"]]  # fmt: skip


def test_a_contents_pages_second_column_keeps_the_page_numbers_printed_before_its_titles() -> None:
    """Two columns of contents, each title set a tab after its page number, the second column's titles wrapped;
    its numbers stand past the first's longest title, nearer the titles they open than anything on their left:
    they open those lines, not the first column's."""
    first = [("3", "Foreword"), ("4", "Executive summary"), ("10", "Rationale for study and context"), ("12", "Aim")]
    second = [("46", "Chapter 8:"), ("", "What role does finance play"), ("48", "External finance amongst")]
    second += [("", "exporters"), ("49", "Attitudes to finance"), ("", "amongst exporters"), ("50", "Use of finance")]
    placed = [words(n, 50, 100 + 14 * i) + words(t, 72, 100 + 14 * i) for i, (n, t) in enumerate(first)]
    placed += [words(f"{n} ", 300, 100 + 14 * i) + words(t, 322, 100 + 14 * i) for i, (n, t) in enumerate(second)]
    assert read(*placed) == [f"{n} {t}".strip() for n, t in first + second]


def test_figures_ending_a_columns_lines_stay_in_it_across_a_gutter() -> None:
    """Key facts set flush right against the gutter end their labels' lines: a gutter wider than the gap that parts
    two fragments of a line lies between them and the next column, so they are no page numbers opening its lines."""
    left = ["The region's economy grew steadily over", "the decade, with employment rising in", "most sectors:"]
    facts = [("Firms founded", "1204"), ("Patents filed", "356"), ("New jobs", "2100"), ("Spin-outs", "48")]
    right = ["The strategy builds on these strengths by", "focusing public investment on the areas",
             "where the region already leads, and by", "supporting firms that want to grow and",
             "export, through advice and funding for", "innovation projects across the region."]  # fmt: skip
    placed = [words(t, 50, 100 + 14 * i) for i, t in enumerate(left)]
    placed += [words(t, 50, 142 + 14 * i) + words(n, 285 - 6 * len(n), 142 + 14 * i) for i, (t, n) in enumerate(facts)]
    placed += [words(t, 300, 100 + 14 * i) for i, t in enumerate(right)]
    assert read(*placed) == left + [f"{t} {n}" for t, n in facts] + right


def test_a_row_of_boxes_is_read_box_by_box() -> None:
    """Short phrases set side by side, each wrapped in its own box: each phrase is read whole."""
    placed = [words(line, 50 + 120 * j, 100 + 12 * i) for j, box in enumerate(GOALS) for i, line in enumerate(box)]
    assert read(*placed) == [line for box in GOALS for line in box]


def test_a_tables_wrapped_header_over_figures_is_read_across() -> None:
    """The same phrases heading three columns of figures are a table's header: read row by row."""
    placed = [words(line, 50 + 120 * j, 100 + 12 * i) for j, box in enumerate(GOALS) for i, line in enumerate(box)]
    placed += [words(cell, 50 + 120 * j, 150 + 14 * i) for i in range(2) for j, cell in enumerate(["12", "3.4%", "56"])]
    assert read(*placed)[:3] == ["Grow and level Promote the Lead new", "up our space values of scientific",
                                 "economy Global Britain discovery"]  # fmt: skip


def test_a_table_of_phrases_is_read_row_by_row() -> None:
    """Columns whose lines each open a cell (capitals) are a table's, not boxes of one phrase each."""
    rows = [["Energy and", "Digital and", "Food and"], ["Transport", "Health", "Farming"]]
    placed = [words(cell, 50 + 120 * j, 100 + 12 * i) for i, row in enumerate(rows) for j, cell in enumerate(row)]
    assert read(*placed) == [" ".join(row) for row in rows]


def test_running_headers_footers_and_page_numbers_are_furniture() -> None:
    texts, lines = [], []
    offset = 0
    for page in range(1, 7):
        for text, top in ((f"{page} Department for Digital, Culture, Media & Sport", 20), ("Body text", 300),
                          (str(page), 820)):  # fmt: skip
            texts.append(text)
            lines.append(Line(offset, offset + len(text), page, BBox(x0=50, top=top, x1=300, bottom=top + 10)))
            offset += len(text) + 1
    furniture = lines_to_furniture("\n".join(texts), lines, {p: 842.0 for p in range(1, 7)})
    assert {texts[i] for i in furniture} == {
        f"{p} Department for Digital, Culture, Media & Sport" for p in range(1, 7)
    } | {str(p) for p in range(1, 7)}


def _furniture_of(placed: list[tuple[int, str, float, float]]) -> set[tuple[int, float]]:
    """The furniture among lines given as (page, text, top, size), 12 pages of 842 points with body text: the
    page and size of each line of it."""
    texts, lines, offset = [], [], 0
    body = [(page, "Body text of the page", 300.0, 12.0) for page in range(1, 13)]
    for page, text, top, size in [*placed, *body]:
        texts.append(text)
        box = BBox(x0=50, top=top, x1=300, bottom=top + size)
        lines.append(Line(offset, offset + len(text), page, box, font_size=size))
        offset += len(text) + 1
    found = lines_to_furniture("\n".join(texts), lines, {p: 842.0 for p in range(1, 13)})
    return {(lines[i].page or 0, lines[i].font_size or 0.0) for i in found}


def test_a_chapters_title_is_no_running_header_and_a_short_sections_header_is() -> None:
    """A chapter's title in 36 pt on its first page, said again in 10 pt at the top of the next three: the
    title is a title, the small ones running headers; a section two pages long, its title on the first and its
    header on the second, has a running header too."""
    chapter = [(4, "Chief Executive’s Statement", 60.0, 36.0)]
    chapter += [(page, "Chief Executive’s Statement", 30.0, 10.0) for page in (5, 6, 7)]
    assert _furniture_of(chapter) == {(5, 10.0), (6, 10.0), (7, 10.0)}
    short = [(8, "Overview", 60.0, 36.0), (9, "Overview", 30.0, 10.0)]
    assert _furniture_of(short) == {(9, 10.0)}
    alone = [(8, "Key facts", 60.0, 12.0)]  # said once: nothing runs
    assert _furniture_of(alone) == set()


def _page_lines(relative: str, number: int) -> list[str]:
    import pdfplumber

    path = corpus_path(relative)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[number - 1]
        return [" ".join(word_text(w) for w in line) for line in page_to_lines(page, PdfSettings())]


@pytest.mark.corpus
def test_the_oxfordshire_plan_is_read_column_by_column() -> None:
    """p. 45: the Ambition's left column runs to its foot before the right column begins (pdfplumber's
    default text interleaves the two line by line)."""
    lines = _page_lines("policy/uk_oxfordshire_strategic_economic_plan_2024.pdf", 45)
    start = lines.index("Consistent with the Future Oxfordshire")
    assert lines[start : start + 6] == [
        "Consistent with the Future Oxfordshire",
        "Partnership’s Strategic Vision for long",
        "term sustainable development, the",
        "Ambition which sits at the heart of our",
        "Strategic Economic Plan may be",
        "summarised as follows:",
    ]
    foot = lines.index("population and in all senses –")
    assert lines.index("recognising that being equipped for, and") > foot


@pytest.mark.corpus
def test_the_space_strategy_goals_are_whole() -> None:
    """p. 21: "Goal 1: Grow and level / up our space economy" and its paragraph, not cut by the other column."""
    lines = _page_lines("policy/uk_national_space_strategy_2021.pdf", 21)
    i = lines.index("Goal 1: Grow and level")
    assert lines[i : i + 3] == ["Goal 1: Grow and level", "up our space economy", "We will make the UK one of the most"]


@pytest.mark.corpus
def test_the_space_strategys_row_of_goals_is_read_goal_by_goal() -> None:
    """p. 8: five goals side by side under icons, each wrapped over two to five lines: each goal whole, then the
    heading under the row."""
    lines = _page_lines("policy/uk_national_space_strategy_2021.pdf", 8)
    i = lines.index("Grow and level")
    assert (
        " / ".join(lines[i : i + 6])
        == "Grow and level / up our space / economy / Promote the / values of / Global Britain"
    )
    assert lines.index("How we will achieve the goals") > lines.index("the world")


@pytest.mark.corpus
@pytest.mark.slow
def test_the_tourism_plans_running_headers_are_furniture_and_give_no_entities() -> None:
    from extraction_eval import parse_source
    from support import ROOT

    doc = parse_source(ROOT, "../shared/corpus/policy/uk_tourism_recovery_plan_2021.pdf", "tourism")
    assert doc is not None
    furniture = {
        doc.text[b.char_start : b.char_end] for b in doc.blocks if b.kind == "furniture" and b.page in (4, 5, 6)
    }
    assert furniture == {"4 Department for Digital, Culture, Media & Sport", "The Tourism Recovery Plan 5",
                         "6 Department for Digital, Culture, Media & Sport"}  # fmt: skip
    spans = [(b.char_start, b.char_end) for b in doc.blocks if b.kind == "furniture"]
    assert not [e for e in doc.entities if any(s <= e.char_start < t for s, t in spans)]
    assert "Department for Digital, Culture, Media & Sport" in doc.text  # still addressable in the text
