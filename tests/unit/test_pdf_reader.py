"""The PDF reader on real PDFs from ../shared/corpus (skipped when it is absent)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pdfs import build_pdf
from support import CORPUS, corpus_path

from pipeline.ingest.manifest import file_to_spec
from pipeline.models import BlockKind, MediaType
from pipeline.parse import source_to_document
from pipeline.readers.pdf import read_pdf
from pipeline.readers.pdf_page import BOLD_WEIGHT, Drawing, font_weight, page_picture, words_to_lines
from pipeline.readers.text import UnreadableSource

pytestmark = pytest.mark.corpus


def manifest_pages() -> dict[str, int]:
    with (CORPUS / "MANIFEST.csv").open(newline="", encoding="utf-8") as handle:
        return {row["path"]: int(row["pages"]) for row in csv.DictReader(handle) if row["pages"]}


def test_pages_are_separated_by_form_feeds_and_words_sit_on_their_page() -> None:
    path = corpus_path("policy/uk_west_midlands_skills_agreement_2018.pdf")
    parts = read_pdf(path)
    assert len(parts.pages) == manifest_pages()["policy/uk_west_midlands_skills_agreement_2018.pdf"]
    assert parts.text.count("\f") == len(parts.pages) - 1
    assert [p.char_start for p in parts.pages] == [0] + [p.char_end + 1 for p in parts.pages[:-1]]
    for page_text, page in zip(parts.text.split("\f"), parts.pages, strict=True):
        assert parts.text[page.char_start : page.char_end] == page_text
    for word in parts.words:
        page = parts.pages[word.page - 1]
        assert page.char_start <= word.char_start < word.char_end <= page.char_end
        assert 0 <= word.x0 <= word.x1 <= page.width + 1 and 0 <= word.top <= word.bottom <= page.height + 1
        assert " " not in parts.text[word.char_start : word.char_end]


def test_lines_carry_font_size_and_weight() -> None:
    parts = read_pdf(corpus_path("policy/uk_ai_sector_deal_2018.pdf"))
    first_page = [
        (parts.text[ln.char_start : ln.char_end], ln.font_size, ln.bold) for ln in parts.lines if ln.page == 2
    ]
    assert ("Foreword", 30.0, True) in first_page
    body = max({ln.font_size for ln in parts.lines}, key=lambda s: sum(1 for ln in parts.lines if ln.font_size == s))
    assert body == 12.0


def test_pdf_sections_come_from_heading_fonts() -> None:
    path = corpus_path("policy/uk_ai_sector_deal_2018.pdf")
    doc = source_to_document(file_to_spec(path))
    titles = [s.title for s in doc.sections]
    assert "Foreword" in titles
    assert all(s.page_start is not None and s.page_start <= (s.page_end or 0) for s in doc.sections)
    assert {b.kind for b in doc.blocks} >= {BlockKind.HEADING, BlockKind.PARAGRAPH}
    assert doc.source.media_type is MediaType.PDF and doc.page_count == 21


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"this is not a PDF at all", "not a readable PDF"), (b"%PDF-1.4\n1 0 obj\n<<", "not a readable PDF")],
)
def test_bad_pdfs_fail_in_words(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(UnreadableSource, match=message):
        read_pdf(path)


def test_truncated_real_pdf_fails_in_words(tmp_path: Path) -> None:
    original = corpus_path("policy/uk_west_midlands_skills_agreement_2018.pdf").read_bytes()
    path = tmp_path / "truncated.pdf"
    path.write_bytes(original[: len(original) // 3])
    try:
        parts = read_pdf(path)
    except UnreadableSource as exc:
        assert "PDF" in str(exc)
    else:  # pdfminer can recover some truncated files: then what it read must still be consistent
        assert parts.text.count("\f") == len(parts.pages) - 1


@pytest.mark.parametrize(
    ("name", "bold"), [("ABCDEF+Arial-BoldMT", True), ("Helvetica", False), ("Gotham-Black", True)]
)
def test_a_fonts_name_says_whether_it_is_bold(name: str, bold: bool) -> None:
    assert (font_weight(name) >= BOLD_WEIGHT) is bold


def test_words_to_lines_groups_by_top_and_orders_by_x() -> None:
    words = [
        {"text": "b", "top": 10.5, "x0": 50.0}, {"text": "a", "top": 10.0, "x0": 10.0},
        {"text": "c", "top": 30.0, "x0": 10.0},
    ]  # fmt: skip
    assert [[w["text"] for w in line] for line in words_to_lines(words, tolerance=3.0)] == [["a", "b"], ["c"]]


def test_pdf_contents_page_is_recognised_and_not_sections() -> None:
    doc = source_to_document(file_to_spec(corpus_path("policy/uk_international_education_strategy_2021_update.pdf")))
    entries = [(e.number, e.title, e.page_ref) for e in doc.contents]
    assert entries[:3] == [
        (None, "Foreword", 4),
        (None, "Executive Summary", 7),
        ("1", "A Changing Global Context", 10),
    ]
    assert ("2", "From recovery to growth: building on the International Education Strategy", 24) in entries
    assert ("3.6", "Education technology", 47) in entries
    contents_pages = {e.page for e in doc.contents}
    assert contents_pages == {2}
    assert not [s.title for s in doc.sections if s.page_start in contents_pages]
    numbered = [s.number for s in doc.sections if s.number and "." not in s.number]
    assert numbered[:3] == ["1", "2", "3"]


def test_on_a_spread_the_contents_are_the_half_they_open_not_the_foreword_facing_them(tmp_path: Path) -> None:
    def at(x: float, y: float, text: str, size: int = 11) -> str:
        return f"BT /F1 {size} Tf {x:g} {y:g} Td ({text}) Tj ET"

    entries = ["3 Foreword", "5 Executive summary", "8 Introduction", "9 Flows of finance", "14 Themes"]
    left = [at(60, 700, "CONTENTS", 16)] + [at(60, 660 - 24 * k, e) for k, e in enumerate(entries)]
    foreword = [
        "The Bank was set up four years ago to make finance markets",
        "work better for smaller businesses across the whole country.",
        "This report finds that equity investment grew strongly last",
        "year while net bank lending to smaller firms stayed flat.",
    ]
    right = [at(672, 700, "FOREWORD", 16)] + [at(672, 660 - 16 * k, t) for k, t in enumerate(foreword)]
    (tmp_path / "report.pdf").write_bytes(build_pdf(["\n".join(left + right).encode()], size=(1224, 792)))
    doc = source_to_document(file_to_spec(tmp_path / "report.pdf"))
    assert doc.pages[0].spread
    assert [e.title for e in doc.contents] == ["Foreword", "Executive summary", "Introduction", "Flows of finance",
                                               "Themes"]  # fmt: skip
    paragraphs = [doc.text[b.char_start : b.char_end] for b in doc.blocks if b.kind is BlockKind.PARAGRAPH]
    assert any(p.startswith("The Bank was set up four years ago") for p in paragraphs)
    # contents that run on across the fold are contents on both halves
    more = ["20 Bank lending", "26 Equity finance", "31 Debt funds", "38 Asset finance", "44 Glossary"]
    right = [at(672, 660 - 24 * k, e) for k, e in enumerate(more)]
    (tmp_path / "report.pdf").write_bytes(build_pdf(["\n".join(left + right).encode()], size=(1224, 792)))
    doc = source_to_document(file_to_spec(tmp_path / "report.pdf"))
    assert [e.title for e in doc.contents][-3:] == ["Debt funds", "Asset finance", "Glossary"]


def test_issue_9_a_pdf_in_one_type_size_is_titled_by_its_first_line(tmp_path: Path) -> None:
    """Without metadata or larger type, the title was every line of page 1 joined (seen on a test brief)."""
    from pdfs import build_pdf, text_page

    from pipeline.readers.pdf import read_pdf

    path = tmp_path / "brief.pdf"
    path.write_bytes(
        build_pdf([text_page("Aerospace Cluster Brief 2024", "", "1. Aerospace", "The cluster employs 25,000.")])
    )
    assert read_pdf(path).title == "Aerospace Cluster Brief 2024"
    path.write_bytes(
        build_pdf([text_page("Regional Plan", size=20) + b"\n" + text_page("Body text here.", "More body.", top=600)])
    )
    assert read_pdf(path).title == "Regional Plan"


@pytest.mark.parametrize(
    "relative",
    [
        "policy/uk_west_midlands_skills_agreement_2018.pdf",
        "tables/in_population_decadal_growth_by_state.pdf",  # its crop box is inside its media box
        "tables/transport_sector_contract_awards_2016.pdf",  # pages rotated by 90°
    ],
)
def test_the_open_pdfium_document_draws_pages_as_pdfplumber_does(relative: str) -> None:
    """Page images and OCR renders come from the PDF opened once in pdfium: the same pixels as pdfplumber's."""
    import pdfplumber
    import pypdfium2

    path = corpus_path(relative)
    drawings = pypdfium2.PdfDocument(path)
    try:
        with pdfplumber.open(path) as pdf:
            page = pdf.pages[0]
            ours = page_picture(page, 96, Drawing(drawings, 0))
            theirs = page_picture(page, 96)
            assert ours.size == theirs.size
            assert ours.tobytes() == theirs.tobytes()
    finally:
        drawings.close()


def test_a_title_whose_lines_the_text_layer_sizes_a_hair_apart_is_one_heading(tmp_path: Path) -> None:
    """A cover's title over three lines, the middle one reported at 40.02 pt against 40 pt: one heading, not
    three ("Science and" / "Technology" / "Strategy 2020")."""
    title = [(40, 600, "Science and"), (40.02, 556, "Technology"), (40, 512, "Strategy 2020")]
    ops = [f"BT /F1 {size:g} Tf 72 {y} Td ({line}) Tj ET" for size, y, line in title]
    ops += [f"BT /F1 11 Tf 72 {400 - 14 * k} Td (Line {k} of the body of the strategy sets out its aims.) Tj ET"
            for k in range(6)]  # fmt: skip
    (tmp_path / "strategy.pdf").write_bytes(build_pdf(["\n".join(ops).encode()]))
    doc = source_to_document(file_to_spec(tmp_path / "strategy.pdf"))
    headings = [
        " ".join(doc.text[b.char_start : b.char_end].split()) for b in doc.blocks if b.kind is BlockKind.HEADING
    ]
    assert headings == ["Science and Technology Strategy 2020"]


def test_text_painted_over_by_an_opaque_rectangle_is_left_out_and_said_so(tmp_path: Path) -> None:
    """A template's words the page draws and then paints a panel over: no reader sees them, so they are no text of
    the page, and an info issue quotes them. Words under a triangle whose box holds them, drawn over the panel,
    under a fill clipped away from them, or drawn as a clip that a fill then shows through, stay: only a
    rectangle painted over them after them hides them."""
    ops = [
        b"BT /F1 12 Tf 72 700 Td (Hidden template words) Tj ET",
        b"0.9 g 60 690 300 30 re f",  # the panel painted over them
        b"BT /F1 12 Tf 72 700 Td (Words drawn on the panel) Tj ET",
        b"BT /F1 12 Tf 400 420 Td (Beside the triangle) Tj ET",
        b"0.2 g 380 400 m 600 400 l 600 600 l h f",  # a triangle: its box holds the words, its shape does not
        b"BT /F1 12 Tf 72 300 Td (A paragraph of running text.) Tj ET",
        b"BT /F1 12 Tf 72 200 Td (Under a clipped fill) Tj ET",
        b"q 300 100 50 50 re W n 0 0 1 rg 0 0 612 792 re f Q",  # a page-wide fill that shows only in its clip
        b"BT 7 Tr /F1 24 Tf 72 150 Td (A TITLE AS A CLIP) Tj ET",
        b"0 0 1 rg 60 140 300 40 re f",  # filled through the title's letters: the title shows in blue
    ]
    path = tmp_path / "template.pdf"
    path.write_bytes(build_pdf(["\n".join(o.decode() for o in ops).encode()]))
    parts = read_pdf(path, ocr_settings=None)
    assert "Hidden template words" not in parts.text
    shown = ("Words drawn on the panel", "Beside the triangle", "A paragraph of running text.", "Under a clipped fill")
    for words in (*shown, "A TITLE AS A CLIP"):
        assert words in parts.text
    [painted] = [i for i in parts.issues if i.kind == "text_painted_over"]
    assert painted.detail.endswith("'Hidden template words'") and painted.page == 1
