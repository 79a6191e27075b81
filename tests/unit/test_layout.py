"""The section tree, contents page and lists of the seed documents."""

from __future__ import annotations

import pytest
from support import AWM, BLOG, HE, ICT, WMCA

from pipeline.document import ParsedDocument
from pipeline.layout.common import normalise_title
from pipeline.layout.contents import lines_to_contents
from pipeline.models import BBox, BlockKind, Line, Page

AWM_BODY_SECTIONS = [
    ("1", "Cluster Plans - Executive Summary", 1),
    ("1.1", "Introduction", 2),
    ("1.2", "Overview of Cluster Plans", 2),
    (None, "Increasing Value-Added", 3),
    (None, "Design", 3),
    (None, "Embedding Innovation into Companies and Supply Chains", 3),
    (None, "Sustainable Development Opportunities", 3),
    (None, "Public Procurement Opportunities", 3),
    ("1.3", "Effective Clustering", 2),
    ("1.4", "Funding", 2),
    ("1.5", "Background: The Regional Economic Strategy and Clusters", 2),
    ("1.8", "Summary", 2),
    ("2", "Cluster Plans – Executive Summary", 1),
    ("2.1", "High Value Added Consumer Products – net[∞] infinity", 2),
    ("2.2", "Screen Image & Sound", 2),
    ("2.3", "Environmental Technologies", 2),
    ("2.4", "Building Technologies", 2),
    ("2.4", "Aerospace", 2),  # printed twice in the body: a numbering problem of the source
    ("2.5", "Automotive", 2),
    ("2.6", "Rail", 2),
    ("2.7", "Business and Professional Services", 2),
    ("2.8", "Food and Drink", 2),
    ("2.9", "Tourism and Leisure", 2),
    ("2.10", "Manufacturing", 2),
    ("2.11", "Information and Communications Technology (ICT)", 2),
    ("2.12", "Medical Technologies", 2),
]


def outline(doc: ParsedDocument) -> list[tuple[str | None, str, int]]:
    return [(s.number, s.title, s.level) for s in doc.sections]


def test_awm_sections_are_the_body_headings_in_order(seed_docs: dict[str, ParsedDocument]) -> None:
    assert outline(seed_docs[AWM]) == AWM_BODY_SECTIONS


def test_awm_contents_page_is_not_a_section(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[AWM]
    contents_end = max(e.char_end for e in doc.contents)
    assert all(s.char_start > contents_end for s in doc.sections)
    assert [(e.number, e.title, e.page_ref) for e in doc.contents[:3]] == [
        ("1", "Cluster Policy - Executive Summary", 3),
        ("1.1", "Introduction", 3),
        ("1.2", "Overview of Cluster Plans", 3),
    ]
    assert len(doc.contents) == 28
    assert doc.contents[-1].number == "2.13" and doc.contents[-1].title == "Medical Technologies"
    assert {e.title for e in doc.contents if e.number is None} == {
        "Increasing Value-added", "Design", "Embedding Innovation into Companies and Supply Chains",
        "Sustainable Development Opportunities", "Public Procurement Opportunities",
    }  # fmt: skip


def test_awm_section_tree_nests_and_spans(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[AWM]
    by_id = {s.section_id: s for s in doc.sections}
    for s in doc.sections:
        assert doc.text[s.char_start : s.heading_end].endswith(s.title)
        if s.parent_section_id:
            parent = by_id[s.parent_section_id]
            assert parent.level == s.level - 1
            assert parent.char_start < s.char_start and s.char_end <= parent.char_end
    design = next(s for s in doc.sections if s.title == "Design")
    assert by_id[design.parent_section_id or ""].number == "1.2"
    funding = next(s for s in doc.sections if s.number == "1.4")
    assert "£51M of AWM funding" in doc.text[funding.char_start : funding.char_end]
    assert "1.5 Background" not in doc.text[funding.char_start : funding.char_end]


def test_numbered_list_items_are_not_sections(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[AWM]
    rail_objectives = [
        b
        for b in doc.blocks
        if b.kind is BlockKind.LIST_ITEM and "Skills recruitment" in doc.text[b.char_start : b.char_end]
    ]
    assert len(rail_objectives) == 1
    item = rail_objectives[0]
    siblings = [b for b in doc.blocks if b.list_id == item.list_id]
    assert [doc.text[b.char_start : b.char_end] for b in siblings] == [
        "1. Skills recruitment and retention",
        "2. Improving Industry Competitiveness",
        "3. Promoting research, technology & innovation and improving takeUp",
        "4. Promoting collaborative agreements, networks & enterprise",
        "5. Promote and develop the capability in the West Midlands",
    ]
    assert [b.ordinal for b in siblings] == [1, 2, 3, 4, 5]
    assert by_title(doc, "Rail").section_id == item.section_id


def by_title(doc: ParsedDocument, title: str):  # type: ignore[no-untyped-def]
    return next(s for s in doc.sections if s.title == title)


def test_awm_blocks_strip_markdown_emphasis(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[AWM]
    assert "**" not in doc.text
    assert "1. catalyse and grow the digital content industries in the West Midlands" in doc.text


def test_he_paper_sections_follow_printed_numbers(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[HE]
    numbered = [(s.number, s.level) for s in doc.sections if s.number]
    assert numbered == [
        ("1", 1), ("2", 1), ("3", 1), ("4", 1), ("5", 1), ("6", 1), ("6.1", 2), ("6.2", 2), ("6.3", 2),
        ("7", 1), ("7.1", 2), ("7.2", 2), ("7.3", 2), ("8", 1),
    ]  # fmt: skip
    problems = by_title(doc, "Problems of political influence")
    assert problems.number is None and problems.level == 3
    assert by_title(doc, "Reference:").level == 1
    assert by_title(doc, "Abstract").level == 1
    # bold front matter ("**Creator(s):** Shaowei He") is not a heading in Markdown
    assert not any(s.title.startswith(("Creator", "Date")) for s in doc.sections)


def test_he_table_rows_are_table_rows(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[HE]
    rows = [doc.text[b.char_start : b.char_end] for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows[0] == "Medical\tICT\tAutomotive"
    assert rows[1].startswith("Community building\tMedilink : acts as the signposting")
    assert len(rows) == 7


def test_wmca_cluster_labels_open_sections(seed_docs: dict[str, ParsedDocument]) -> None:
    titles = [s.title for s in seed_docs[WMCA].sections if s.title.startswith("Cluster:")]
    assert titles == [
        "Cluster: Manufacturing of electrical light vehicles and associated battery storage devices",
        "Cluster: Health-tech and med-tech",
        "Cluster: Aerospace (including manufacturing alternative fuels)",
        "Cluster: Logistics and distribution",
        "Cluster: Professional and financial services and supply chain",
        "Cluster: Creative content production and gaming",
        "Cluster: Manufacturing of future housing",
        "Cluster: Modern and low carbon utilities",
    ]


def test_blog_headings_are_short_lines_before_paragraphs(seed_docs: dict[str, ParsedDocument]) -> None:
    titles = [s.title for s in seed_docs[BLOG].sections]
    assert titles == [
        "Our Region", "Our Specialisms", "Our Challenges", "Our Principles", "Our Local Industrial Strategy",
        "Developing the innovation theme in the WM Local Industrial Strategy", "In Summary", "Next Steps",
    ]  # fmt: skip


def test_web_page_without_headings_has_no_sections(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[ICT]
    assert doc.sections == []
    assert {b.kind for b in doc.blocks} == {BlockKind.PARAGRAPH}


def test_wmca_wrapped_bullet_continues_its_item(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[WMCA]
    item = next(
        b for b in doc.blocks if doc.text[b.char_start : b.char_end].startswith("• West Midlands has large base")
    )
    assert item.kind is BlockKind.LIST_ITEM
    assert doc.text[item.char_start : item.char_end].endswith("help secure higher-value activity.")


@pytest.mark.parametrize(
    ("a", "b"), [("Increasing Value-added", "Increasing Value-Added"), ("Food & Drink", "food  drink")]
)
def test_normalise_title_matches_variants(a: str, b: str) -> None:
    assert normalise_title(a) == normalise_title(b)


def _page_of_lines(rows: list[tuple[str, float, float]], page: int = 2) -> tuple[str, list[Line]]:
    """A PDF page's text and lines from (text, x0, top), each line 10 points high."""
    text, lines = "", []
    for row, x0, top in rows:
        lines.append(
            Line(len(text), len(text) + len(row), page, BBox(x0=x0, top=top, x1=x0 + 5 * len(row), bottom=top + 10))
        )
        text += row + "\n"
    return text, lines


def test_a_contents_pages_wrapped_titles_are_one_entry_and_its_running_title_none() -> None:
    """Titles wrapped over two lines are one entry, whether the page number ends the second line or opens the
    first; the page's running title and folio (furniture) are no entry."""
    text, lines = _page_of_lines(
        [
            ("Contents", 50, 50),
            ("Foreword 3", 50, 70),
            ("Ministerial statement: responsible", 50, 90),
            ("business and civil society 5", 50, 101),
            ("Introduction 9", 50, 120),
            ("Next steps 12", 50, 140),
            ("Tables", 50, 160),  # a heading over entries that open with their own label
            ("Table 2.1. Comparing platforms 16", 50, 171),
            ("Annexe: Internet-based consultation on the final draft version of the regional strategy for", 50, 190),
            ("growth and jobs 20", 50, 201),  # a first line as long as a line of the page
            ("Civil society strategy 2", 300, 780),
        ]
    )
    entries, _ = lines_to_contents(text, lines, furniture={10})
    assert [(e.title, e.page_ref) for e in entries] == [
        ("Foreword", 3),
        ("Ministerial statement: responsible business and civil society", 5),
        ("Introduction", 9),
        ("Next steps", 12),
        ("Table 2.1. Comparing platforms", 16),
        (
            "Annexe: Internet-based consultation on the final draft version of the regional strategy for growth and jobs",
            20,
        ),
    ]
    text, lines = _page_of_lines(
        [
            ("Contents", 300, 50),
            ("3 Executive summary", 300, 70),
            ("5 The cooperative approach", 300, 90),
            ("11 Enabling legislation, improving", 300, 110),
            ("incorporation and chartering", 315, 121),
            ("12 Eligibility and regulation", 300, 140),
            ("12 Grants", 300, 160),  # two entries on one page: the numbers are pages, not the sections' own
            ("15 How do they approach exporting", 300, 180),  # a title over three lines
            ("and what barriers do", 315, 191),
            ("they face?", 315, 202),
            ("18 Chapter 3: Exporting", 300, 222),  # sub-entries printed without their pages under a chapter
            ("Barriers to trade", 315, 233),
            ("Finance for exporters", 315, 244),
            ("20 References", 300, 264),
        ]
    )
    entries, _ = lines_to_contents(text, lines)
    assert [(e.title, e.page_ref) for e in entries] == [
        ("Executive summary", 3),
        ("The cooperative approach", 5),
        ("Enabling legislation, improving incorporation and chartering", 11),
        ("Eligibility and regulation", 12),
        ("Grants", 12),
        ("How do they approach exporting and what barriers do they face?", 15),
        ("Chapter 3: Exporting Barriers to trade", 18),  # the first read as its second line, as ever
        ("References", 20),
    ]


def test_a_contents_title_may_end_in_a_number_but_rows_of_figures_set_flush_right_are_no_contents() -> None:
    def flush(rows: list[tuple[str, int]]) -> tuple[str, list[Line]]:  # (text, page), right edges at 400 points
        text, lines = "", []
        for k, (row, page) in enumerate(rows):
            box = BBox(x0=60, top=100 + 14 * k, x1=400, bottom=110 + 14 * k)
            lines.append(Line(len(text), len(text) + len(row), page, box, font_size=10))
            text += row + "\n"
        return text, lines

    pages = [Page(n, 0, 0, 595, 842, 100, 500) for n in range(1, 41)]
    figures = ["Libraries open 5 8", "Bus routes 10 14", "Cycle lanes (km) 12 20", "Parks renewed 15 22"]
    text, lines = flush([("Measure Baseline Target", 3), *((row, 3) for row in figures)])
    assert lines_to_contents(text, lines, pages) == ([], set())  # a page of figures, no Contents heading
    text, lines = flush([("Contents", 2), ("Introduction 3", 2), ("Grants 2.0 11", 2), ("Next steps 14", 2)])
    text2, lines2 = flush([(row, 3) for row in figures])  # the page after: rows of figures, not more contents
    lines2 = [Line(s.char_start + len(text), s.char_end + len(text), s.page, s.bbox, font_size=10) for s in lines2]
    entries, region = lines_to_contents(text + text2, [*lines, *lines2], pages)
    assert [(e.title, e.page_ref) for e in entries] == [("Introduction", 3), ("Grants 2.0", 11), ("Next steps", 14)]
    assert region == set(range(len(lines)))  # the contents page's lines, none of the page after
    annexes = [("Annex 1 .......... 45", 3), ("Annex 2 .......... 47", 3), ("Annex 3 .......... 49", 3)]
    text, lines = flush([("Contents", 2), ("Introduction 3", 2), ("Next steps 14", 2), *annexes])
    entries, _ = lines_to_contents(text, lines, [Page(n, 0, 0, 595, 842, 100, 500) for n in range(1, 61)])
    assert [e.page_ref for e in entries] == [3, 14, 45, 47, 49]  # leaders set the page number apart: entries
