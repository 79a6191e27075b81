"""The pdfium reader (issue 18): words and ruling edges from pdfium, against pdfplumber as the reference."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, cast

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from pdfplumber.page import Page
from pdfplumber.table import TableFinder
from pdfplumber.utils.text import dedupe_chars as dedupe_chars_by_pdfplumber
from pdfs import build_pdf, text_page
from support import corpus_path

from pipeline.readers.pdf import MAX_RULED_SEGMENTS, read_pdf
from pipeline.readers.pdf_page import PdfSettings, page_to_raw_tables
from pipeline.readers.pdfium_rulings import RuledPage, _edge, _hidden_shades, open_sides, page_edges
from pipeline.readers.pdfium_words import (
    SOFT_HYPHEN_MARK,
    Char,
    _codes,
    chars_to_words,
    dedupe_chars,
    page_chars,
)


def _both(path: Path, index: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One page's words from pdfplumber (the reference) and from pdfium."""
    with pdfplumber.open(path) as pdf:
        reference = pdf.pages[index].extract_words(x_tolerance=3, y_tolerance=3, extra_attrs=["fontname", "size"])
    doc = pdfium.PdfDocument(path)
    page = doc[index]
    textpage = page.get_textpage()
    ours = chars_to_words(page_chars(page, textpage))
    textpage.close()
    page.close()
    doc.close()
    return reference, ours


def _agree(reference: list[dict[str, Any]], ours: list[dict[str, Any]], tolerance: float = 1.0) -> float:
    """The share of the reference's words that pdfium has too: same text, box within ``tolerance`` points."""
    left = list(ours)
    matched = 0
    for word in reference:
        for i, other in enumerate(left):
            if other["text"] == word["text"] and all(
                abs(float(word[k]) - float(other[k])) <= tolerance for k in ("x0", "x1", "top", "bottom")
            ):
                matched += 1
                del left[i]
                break
    return matched / len(reference)


def test_words_of_a_written_page_are_pdfplumbers_words(tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(build_pdf([text_page("The cluster employs 5,000 people.", "Objective 1: grow exports")]))
    reference, ours = _both(pdf, 0)
    assert [w["text"] for w in ours] == [w["text"] for w in reference]
    assert _agree(reference, ours) == 1.0
    assert {w["fontname"] for w in ours} == {"Helvetica"} and {w["size"] for w in ours} == {12.0}


@pytest.mark.parametrize("page", [2, 18])
def test_prose_pages_read_as_pdfplumber_reads_them(page: int) -> None:
    reference, ours = _both(corpus_path("policy/ee_estonia_s3_analysis.pdf"), page)
    assert _agree(reference, ours) == 1.0


def test_letters_pdfminer_scatters_are_words_for_pdfium() -> None:
    # the report sets the chars of many of its dates one by one; pdfplumber splits those into single digits
    # and slashes, pdfium reads every one as the date printed in the table's first two columns
    reference, ours = _both(corpus_path("tables/us_ca_edd_warn_report_2015_2016.pdf"), 0)

    def dates(words: list[dict[str, Any]]) -> int:
        return sum(1 for w in words if re.fullmatch(r"\d\d/\d\d/\d{4}", w["text"]))

    assert dates(ours) > dates(reference)
    assert {"0", "/"} <= {w["text"] for w in reference} and not {"0", "/"} & {w["text"] for w in ours}


def test_a_dash_pdfium_boxes_tightly_stays_in_its_word() -> None:
    # the accounts' column headers print "2019‑20" with a non-breaking hyphen; pdfium gives that hyphen its
    # glyph's thin box (4 pt above the digits' bottom) in place of its loose box, which made it a line of its own
    reference, ours = _both(corpus_path("policy/uk_ukgi_annual_report_2020.pdf"), 74)
    headers = [w for w in ours if w["top"] < 110 and w["x0"] > 400]
    assert [w["text"] for w in headers] == ["2019-20", "2018-19", "£000", "£000"]
    assert {round(w["bottom"]) for w in headers[:2]} == {97}
    assert [w["text"] for w in reference if w["top"] < 110 and w["x0"] > 400][:2] == ["2019‑20", "2018‑19"]


def test_a_ligature_is_read_as_its_letters(tmp_path: Path) -> None:
    # WinAnsi has no ligature, so the page draws a U+FB01 through a font with a /Differences entry
    content = b"BT /F2 12 Tf 72 720 Td (\x01nance) Tj ET"
    pdf = build_pdf([content])
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [1 /fi] >> >>"
    pdf = pdf.replace(b"/Font << /F1 3 0 R >>", b"/Font << /F1 3 0 R /F2 %b >>" % font)
    path = tmp_path / "ligature.pdf"
    path.write_bytes(pdf)  # the edit moves the objects after it; pdfium rebuilds the cross-reference table
    doc = pdfium.PdfDocument(path)
    page = doc[0]
    words = chars_to_words(page_chars(page, page.get_textpage()))
    assert [w["text"] for w in words] == ["finance"]


def test_the_page_text_asked_in_one_call_is_the_text_asked_char_by_char(tmp_path: Path) -> None:
    # a glyph the font's ToUnicode map sends beyond the Basic Multilingual Plane (U+1D400), which pdfium
    # gives as two chars, and a corpus page with a hyphen pdfium marks as breaking a word at a line's end
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def 1 begincodespacerange "
        b"<00> <FF> endcodespacerange 1 beginbfchar <41> <D835DC00> endbfchar endcmap CMapName currentdict "
        b"/CMap defineresource pop end end"
    )
    pdf = build_pdf([text_page("xAy Bz")])
    pdf = pdf.replace(b"/Encoding /WinAnsiEncoding >>", b"/Encoding /WinAnsiEncoding /ToUnicode 99 0 R >>")
    stream = b"99 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\nxref\n" % (len(cmap), cmap)
    path = tmp_path / "beyond.pdf"
    path.write_bytes(pdf.replace(b"xref\n", stream, 1))  # pdfium rebuilds the cross-reference table
    pages = [(path, 0), (corpus_path("policy/ee_estonia_s3_analysis.pdf"), 5)]
    for source, index in pages:
        doc = pdfium.PdfDocument(source)
        textpage = doc[index].get_textpage()
        one_by_one = [pdfium_c.FPDFText_GetUnicode(textpage.raw, i) for i in range(textpage.count_chars())]
        assert _codes(textpage.raw) == one_by_one
    soft_hyphens = one_by_one.count(SOFT_HYPHEN_MARK)
    assert soft_hyphens, "the corpus page has a hyphen pdfium marks as breaking a word"
    assert [c.text for c in page_chars(*_page_and_text(path))] == ["x", "\ud835", "\udc00", "y", " ", "B", "z"]


def _page_and_text(path: Path) -> tuple[pdfium.PdfPage, pdfium.PdfTextPage]:
    page = pdfium.PdfDocument(path)[0]
    return page, page.get_textpage()


def test_ruled_tables_from_pdfium_edges_are_pdfplumbers() -> None:
    path = corpus_path("tables/us_ca_edd_warn_report_2015_2016.pdf")
    doc = pdfium.PdfDocument(path)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        reference = [(t.bbox, [r.cells for r in t.rows]) for t in TableFinder(page).tables]
        ruled = RuledPage(page_edges(doc[0]), cast(tuple[float, float, float, float], tuple(page.bbox)))
        ours = [(t.bbox, [r.cells for r in t.rows]) for t in TableFinder(cast(Page, ruled)).tables]
    assert reference and len(ours) == len(reference)
    for (box, rows), (our_box, our_rows) in zip(reference, ours, strict=True):
        assert our_box == pytest.approx(box, abs=0.5) and len(our_rows) == len(rows)


def test_both_text_layer_readers_give_the_same_document(tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(build_pdf([text_page("1. Vision", "The cluster employs 5,000 people."), text_page("Page two")]))
    by_pdfium = read_pdf(pdf, PdfSettings(text_layer="pdfium", image_dpi=0))
    by_pdfplumber = read_pdf(pdf, PdfSettings(text_layer="pdfplumber", image_dpi=0))
    assert by_pdfium.text == by_pdfplumber.text == "1. Vision\nThe cluster employs 5,000 people.\fPage two"
    spans = [(w.char_start, w.char_end, w.page) for w in by_pdfium.words]
    assert spans == [(w.char_start, w.char_end, w.page) for w in by_pdfplumber.words]


def test_the_text_layer_reader_is_one_we_have() -> None:
    with pytest.raises(ValueError, match="text_layer must be one of pdfium, pdfplumber"):
        PdfSettings(text_layer="pdfminer")


def test_glyphs_drawn_twice_are_removed_as_pdfplumber_removes_them() -> None:
    path = corpus_path("policy/uk_bbb_sme_exporting_trends.pdf")  # its running header is drawn twice
    doc = pdfium.PdfDocument(path)
    page = doc[1]
    chars = page_chars(page, page.get_textpage())
    as_dicts = [
        {"text": c.text, "x0": c.x0, "top": c.top, "doctop": c.top, "upright": c.upright, "fontname": c.fontname,
         "size": c.size}
        for c in chars
    ]  # fmt: skip
    reference = dedupe_chars_by_pdfplumber(as_dicts)
    ours = dedupe_chars(chars)
    assert len(ours) < len(chars)
    assert [(c.text, c.x0, c.top) for c in ours] == [(c["text"], c["x0"], c["top"]) for c in reference]


def test_a_page_with_a_doubled_header_is_repaired_from_pdfiums_chars(tmp_path: Path) -> None:
    source = pdfium.PdfDocument(corpus_path("policy/uk_bbb_sme_exporting_trends.pdf"))
    one = pdfium.PdfDocument.new()
    one.import_pages(source, [1])  # a spread whose running header is drawn twice, a little apart
    one.save(tmp_path / "spread.pdf")
    reading = read_pdf(tmp_path / "spread.pdf", PdfSettings(image_dpi=0))
    assert reading.pages[0].text_source == "pdf-dedupe"
    (repaired,) = [i for i in reading.issues if i.kind == "doubled_glyphs_repaired"]
    assert "every letter is printed twice" in repaired.detail and "the page now reads cleanly" in repaired.detail
    (as_drawn,) = reading.layers  # the text as drawn is kept as a layer
    assert as_drawn.source == "pdf" and "BRITISH BRITISH" in as_drawn.text
    assert "BRITISH BRITISH" not in reading.text


def test_a_page_drawn_with_more_segments_than_rulings_take_is_not_searched_for_ruled_tables(tmp_path: Path) -> None:
    grid = b" ".join(b"72 %d m 540 %d l S" % (y, y) for y in range(100, 700, 20))  # rules a table would have
    dense = (
        b"0.1 w " + b" ".join(b"%d 750 m %d 760 l" % (x % 500, x % 500 + 1) for x in range(MAX_RULED_SEGMENTS)) + b" S"
    )
    for content, skipped in ((grid, False), (grid + b"\n" + dense, True)):
        path = tmp_path / "drawing.pdf"
        path.write_bytes(build_pdf([text_page("The cluster employs 5,000 people.") + b"\n" + content]))
        read = read_pdf(path, PdfSettings(image_dpi=0))
        assert read.text == "The cluster employs 5,000 people."
        issues = [i for i in read.issues if i.kind == "ruled_tables_skipped"]
        assert [(i.page, i.severity) for i in issues] == ([(1, "info")] if skipped else [])
        if skipped:
            assert f"draws {2 * MAX_RULED_SEGMENTS + 30 * 2:,} path segments" in issues[0].detail


def _landscape_table() -> bytes:
    """A ruled table of two rows under a heading, designed on a landscape page (792 × 612 points)."""
    rows = [("Cluster", "2020", "2024"), ("Automotive", "4,000", "5,000"), ("Aerospace", "1,500", "2,100")]
    ops = [b"0.5 w"]
    for r, row in enumerate(rows):
        bottom = 480 - 24 * r
        for left, width, cell in zip((72, 272, 372), (200, 100, 100), row, strict=True):
            ops.append(b"%d %d %d 24 re S" % (left, bottom, width))
            ops.append(b"BT /F1 11 Tf %d %d Td (%s) Tj ET" % (left + 6, bottom + 8, cell.encode()))
    return text_page("Jobs by cluster across the region", size=16, top=540) + b"\n" + b"\n".join(ops)


@pytest.mark.parametrize(
    ("rotate", "drawn", "turn"),
    [
        (90, b"", 270),  # /Rotate shows the page's upright text on its side
        (180, b"", 180),  # upside down
        (270, b"", 90),
        (0, b"0 1 -1 0 612 0 cm", 90),  # a landscape table set sideways on a portrait page
    ],
)
def test_a_page_whose_text_runs_sideways_is_read_turned_upright(
    tmp_path: Path, rotate: int, drawn: bytes, turn: int
) -> None:
    size = (792, 612)  # the landscape page the table was designed on, as a reader turns the page to read it
    media = (612, 792) if drawn else (792, 612)
    path = tmp_path / "sideways.pdf"
    path.write_bytes(build_pdf([b"q " + drawn + b"\n" + _landscape_table() + b"\nQ"], size=media, rotate=rotate))
    reading = read_pdf(path, PdfSettings(image_dpi=72))
    assert reading.text.splitlines() == [
        "Jobs by cluster across the region", "Cluster 2020 2024", "Automotive 4,000 5,000", "Aerospace 1,500 2,100"
    ]  # fmt: skip
    (page,) = reading.pages
    assert (page.width, page.height) == size
    (image,) = reading.page_images
    assert (image.width_px, image.height_px) == size  # drawn turned too: at 72 dpi a pixel is a point
    (turned,) = [i for i in reading.issues if i.kind == "page_turned"]
    assert turned.severity == "info" and {90: "quarter turn clockwise", 180: "half turn"}.get(
        turn, "anticlockwise"
    ) in (turned.detail)
    (table,) = reading.raw_tables  # the rulings are turned with the text
    assert len(table.rows) == 3 and all(len(row) == 3 for row in table.rows)
    for word in reading.words:  # every box on the turned page, the heading above the table
        assert 0 <= word.x0 < word.x1 <= page.width and 0 <= word.top < word.bottom <= page.height
    heading, first = reading.words[0], reading.words[6]
    assert reading.text[first.char_start : first.char_end] == "Cluster"
    assert heading.bottom <= table.bbox.top <= first.top and table.bbox.x0 <= first.x0


def test_a_turned_page_with_a_crop_box_keeps_its_words_on_the_page(tmp_path: Path) -> None:
    page = _landscape_table()
    plain, cropped = tmp_path / "plain.pdf", tmp_path / "cropped.pdf"
    for path, rotate in ((plain, 0), (cropped, 90)):  # the same page, shown upright and on its side
        path.write_bytes(
            build_pdf([page], size=(792, 612), rotate=rotate).replace(
                b"/Rotate %d" % rotate, b"/Rotate %d /CropBox [40 40 752 572]" % rotate
            )
        )
    upright, turned = (read_pdf(path, PdfSettings(image_dpi=0)) for path in (plain, cropped))
    assert [i.kind for i in turned.issues] == ["page_turned"]  # no word clipped to a page too small
    assert (turned.pages[0].width, turned.pages[0].height) == (upright.pages[0].width, upright.pages[0].height)
    assert turned.text == upright.text
    assert [(w.x0, w.top, w.x1, w.bottom) for w in turned.words] == [
        (w.x0, w.top, w.x1, w.bottom) for w in upright.words
    ]


def test_a_turned_page_that_pdfplumber_must_read_is_read_and_drawn_as_displayed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.readers import pdf_page

    path = tmp_path / "sideways.pdf"
    path.write_bytes(build_pdf([_landscape_table()], size=(792, 612), rotate=90))
    monkeypatch.setattr(pdf_page, "_read_chars", lambda *args: None)  # as for a char with a broken Unicode mapping
    reading = read_pdf(path, PdfSettings(image_dpi=72))
    (page,) = reading.pages
    assert (page.width, page.height) == (612, 792)  # as displayed
    (image,) = reading.page_images
    assert (image.width_px, image.height_px) == (612, 792)  # drawn as displayed too: pdfium's page turned back
    assert not [i for i in reading.issues if i.kind == "page_turned"]


def test_a_page_whose_only_text_is_a_sideways_credit_is_not_turned(tmp_path: Path) -> None:
    credit = b"BT /F1 8 Tf 0 1 -1 0 590 300 Tm (Photo: J. Smith) Tj ET"  # beside a photograph: too little to read
    path = tmp_path / "photo.pdf"
    path.write_bytes(build_pdf([credit]))
    reading = read_pdf(path, PdfSettings(image_dpi=0))
    assert (reading.pages[0].width, reading.pages[0].height) == (612, 792)
    assert not [i for i in reading.issues if i.kind == "page_turned"]


def test_a_chart_whose_labels_run_sideways_beside_upright_text_is_not_turned(tmp_path: Path) -> None:
    labels = b" ".join(
        b"BT /F1 9 Tf 0 1 -1 0 %d 100 Tm (%s) Tj ET" % (100 + 30 * i, name)
        for i, name in enumerate((b"Manufacturing", b"Construction", b"Retail", b"Creative industries"))
    )  # a bar chart's category labels, set sideways under their bars: over half the page's letters
    prose = text_page("Employment by sector", "Manufacturing leads.", top=700)
    path = tmp_path / "chart.pdf"
    path.write_bytes(build_pdf([prose + b"\n" + labels]))
    reading = read_pdf(path, PdfSettings(image_dpi=0))
    assert reading.text.startswith("Employment by sector\nManufacturing leads.")
    assert (reading.pages[0].width, reading.pages[0].height) == (612, 792)
    assert not [i for i in reading.issues if i.kind == "page_turned"]


def test_the_reader_tells_a_follower_each_page_and_stage_it_reaches(tmp_path: Path) -> None:
    """What the parsing sandbox keeps, so that a document stopped at its time limit is said to be stopped there."""
    from pipeline import timing

    path = tmp_path / "two.pdf"
    path.write_bytes(build_pdf([text_page("First page."), text_page("Second page.")]))
    places: list[tuple[str | None, tuple[int, int] | None]] = []
    timing.follow(lambda stage, page: places.append((stage, page)))
    try:
        read_pdf(path, PdfSettings(image_dpi=0))
    finally:
        timing.follow(None)
    pages = [page for _, page in places if page]
    assert pages == [(1, 2), (2, 2)]
    second = places.index((None, (2, 2)))
    assert ("read/words", None) in places[:second] and ("read/words", None) in places[second:]


def _rule(x0: float, top: float, x1: float, bottom: float, thickness: float | None = None) -> dict[str, Any]:
    edge = _edge(x0, top, x1, bottom, "line" if thickness is None else "rect")
    return edge if thickness is None else {**edge, "thickness": thickness}


def test_a_table_ruled_between_rows_and_columns_but_open_at_its_sides_gets_its_sides() -> None:
    """Four rules across a table, each drawn in three pieces, with thin column rules at x = 100 and 200 in
    every row and nothing at either end: sides at the rules' ends (x = 0 and 300), from the first rule to the
    last; none where a side is drawn, where nothing rules a column, or where the only uprights are bars."""
    rows = [0.0, 20.0, 40.0, 60.0]
    rules = [_rule(a, y, b, y) for y in rows for a, b in ((0, 100), (101, 200), (201, 300))]
    columns = [_rule(x, top, x, top + 20, thickness=1.0) for x in (100, 200) for top in rows[:-1]]
    sides = {(e["x0"], e["top"], e["bottom"]) for e in open_sides(rules + columns)}
    assert sides == {(0.0, 0.0, 60.0), (300.0, 0.0, 60.0)}
    left = [_rule(0, 0, 0, 60)]
    assert [e["x0"] for e in open_sides(rules + columns + left)] == [300.0]
    assert open_sides(rules) == []
    bars = [_rule(x, 10, x, 60, thickness=30.0) for x in (120, 150)]
    assert open_sides(rules + bars) == []


def test_an_ordinal_drawn_a_tenth_of_an_em_before_its_word_with_no_space_is_a_word_of_its_own() -> None:
    """West Midlands skills agreement p. 6: "10." then "WMCA" 1.3 pt on, at 12 pt, no space drawn or generated."""

    def line(text: str, gap_after: int) -> list[Char]:
        chars, x = [], 75.0
        for i, ch in enumerate(text):
            chars.append(Char(ch, x, 100.0, x + 6.0, 112.0, "Arial", 1, 12.0, True, 0, False, False, False))
            x += 6.0 + (1.3 if i == gap_after else 0.0)
        return chars

    assert [w["text"] for w in chars_to_words(line("10.WMCA", 2))] == ["10.", "WMCA"]
    assert [w["text"] for w in chars_to_words(line("10.WMCA", -1))] == ["10.WMCA"]  # set solid: one word
    assert [w["text"] for w in chars_to_words(line("A1.Bx", 2))] == ["A1.Bx"]  # not digits before the dot
    assert [w["text"] for w in chars_to_words(line("2019.The", 4))] == ["2019.The"]  # a year, not an ordinal
    assert [w["text"] for w in chars_to_words(line("10.wmca", 2))] == ["10.wmca"]  # no capital after it


def test_a_shade_drawn_inside_another_of_the_same_colour_draws_no_edge() -> None:
    """A word processor shades a heading cell whole, then again line by line: the inner shades' sides would cut
    the cell into rows. A shade of another colour, or one not inside, keeps its sides; of two alike, one stays."""

    def shade(x0: float, top: float, x1: float, bottom: float) -> list[dict[str, Any]]:
        return [_rule(x0, top, x1, top, 30), _rule(x0, bottom, x1, bottom, 30), _rule(x0, top, x0, bottom, 30),
                _rule(x1, top, x1, bottom, 30)]  # fmt: skip

    blue, grey = (207, 220, 227, 255), (200, 200, 200, 255)
    drawn = [
        (shade(57, 80, 113, 113), blue),
        (shade(57, 87, 113, 106), blue),  # the cell, then its line's shade
        (shade(280, 80, 400, 113), blue),
        (shade(280, 80, 400, 113), blue),  # drawn twice
        (shade(60, 90, 100, 100), grey),  # another colour
        (shade(400, 80, 531, 113), blue),
        (shade(410, 120, 520, 130), blue),  # beside, below: not inside
    ]
    assert _hidden_shades(drawn, 612 * 792) == {1, 3}
    white = (255, 255, 255, 255)  # white cells set apart by dark gaps, over a white page background: no cell hidden
    page = [(shade(0, 0, 612, 792), white), (shade(50, 50, 300, 200), (0, 0, 0, 255))]
    assert (
        _hidden_shades([*page, (shade(51, 51, 150, 100), white), (shade(151, 51, 299, 100), white)], 612 * 792) == set()
    )


def test_rules_round_the_whole_page_frame_it_and_are_no_table(tmp_path: Path) -> None:
    """A grid of rules covering nearly the whole page (a spread's panels, a page frame) is no table; the same
    grid drawn round a part of the page is one."""

    def grid(x0: int, y0: int, x1: int, y1: int) -> bytes:
        xs, ys = (x0, (x0 + x1) // 2, x1), (y0, (y0 + y1) // 2, y1)
        rules = [b"%d %d m %d %d l" % (x, y0, x, y1) for x in xs] + [b"%d %d m %d %d l" % (x0, y, x1, y) for y in ys]
        return b"1 w " + b" ".join(rules) + b" S"

    for content, found in ((grid(2, 2, 610, 790), 0), (grid(72, 500, 300, 700), 1)):
        path = tmp_path / "framed.pdf"
        path.write_bytes(build_pdf([text_page("The cluster employs 5,000 people.") + b"\n" + content]))
        with pdfplumber.open(path) as pdf:
            assert len(page_to_raw_tables(pdf.pages[0], 1, pdfium.PdfDocument(path)[0])) == found


def test_rules_drawn_wholly_outside_their_clipping_path_draw_no_edge(tmp_path: Path) -> None:
    """A grid clipped away (the rest of a spread's artwork, set beside the page's clipping box) is not seen, and
    gives no ruled table; the same grid inside its clipping box does."""
    xs, ys = (72, 150, 230), (500, 560, 620, 680)
    rules = [b"%d %d m %d %d l" % (x, ys[0], x, ys[-1]) for x in xs]
    rules += [b"%d %d m %d %d l" % (xs[0], y, xs[-1], y) for y in ys]
    grid = b"1 w " + b" ".join(rules) + b" S"
    for clip, found in ((b"300 400 200 300 re W n", 0), (b"50 400 250 300 re W n", 1)):
        path = tmp_path / "clipped.pdf"
        content = b"q " + clip + b" " + grid + b" Q"
        path.write_bytes(build_pdf([text_page("The cluster employs 5,000 people.") + b"\n" + content]))
        assert bool(page_edges(pdfium.PdfDocument(path)[0])) == bool(found)
        with pdfplumber.open(path) as pdf:
            assert len(page_to_raw_tables(pdf.pages[0], 1, pdfium.PdfDocument(path)[0])) == found
