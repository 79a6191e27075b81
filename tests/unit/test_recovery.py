"""Broken PDF pages, flagged and recovered: real pages cut from ../shared/corpus/broken-text.

Each test cuts the pages it needs into a one-page PDF (the broken fonts travel with
the page), so the fixtures stay small and nothing of the corpus is committed.
Word accuracy is measured against hand transcriptions in tests/data/transcriptions.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT, cut

from pipeline.evaluation import word_accuracy
from pipeline.readers import ocr
from pipeline.readers.ocr import OcrSettings
from pipeline.readers.pdf import read_pdf

pytestmark = pytest.mark.corpus
TRANSCRIPTIONS = ROOT / "tests" / "data" / "transcriptions"
needs_tesseract = pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed (make ocr)")


def transcription(name: str) -> str:
    return (TRANSCRIPTIONS / name).read_text(encoding="utf-8")


@needs_tesseract
@pytest.mark.parametrize(
    ("relative", "page", "reference", "min_accuracy"),
    [
        ("broken-text/tamreview_missing_tounicode_pages2plus.pdf", 2, "tamreview_p2.txt", 0.97),
        ("broken-text/us_md_offense_table_partial_cid.pdf", 1, "us_md_p1.txt", 0.60),  # a ruled table: 0.64 measured
        ("broken-text/fr_cerfa_14411_assurance_maladie_form.pdf", 1, "fr_cerfa_p1.txt", 0.75),
    ],
)
def test_cid_pages_are_recovered_by_ocr(
    relative: str, page: int, reference: str, min_accuracy: float, tmp_path: Path
) -> None:
    parts = read_pdf(cut(relative, page, tmp_path), ocr_settings=OcrSettings())
    assert parts.pages[0].text_source == "ocr"
    assert parts.pages[0].ocr_confidence is not None and parts.pages[0].ocr_confidence > 0.7
    assert "(cid:" not in parts.text
    assert [i.kind for i in parts.issues] == ["ocr_recovered"]
    assert "(cid:" in parts.layers[0].text  # the broken layer is kept for comparison
    assert word_accuracy(transcription(reference), parts.text) >= min_accuracy
    for word in parts.words:  # OCR words carry boxes on the page
        assert 0 <= word.x0 < word.x1 <= parts.pages[0].width + 1


def test_doubled_glyphs_are_repaired_without_ocr(tmp_path: Path) -> None:
    parts = read_pdf(cut("broken-text/fr_textbook_duplicate_chars.pdf", 1, tmp_path), ocr_settings=None)
    assert parts.pages[0].text_source == "pdf-dedupe"
    # the page draws its objectives box's words, paints the box over them and draws them again: read once
    assert [i.kind for i in parts.issues] == ["doubled_glyphs_repaired", "text_painted_over", "text_repaired"]
    assert parts.text.count("Savoir définir l’acidose") == 1
    assert "“défi nir” → “définir”" in parts.issues[2].detail  # the space a ligature glyph left is closed
    assert "UE 8. Circulation - Métabolismes" in parts.text
    assert word_accuracy(transcription("fr_textbook_p1.txt"), parts.text) == 1.0


@needs_tesseract
def test_decorative_header_is_flagged_then_read_by_ocr(tmp_path: Path) -> None:
    """Only the garbled header line is read by OCR and spliced in; the clean rest keeps its text layer."""
    parts = read_pdf(
        cut("broken-text/ar_diputados_voting_record_garbled_header.pdf", 1, tmp_path), ocr_settings=OcrSettings()
    )
    assert [i.kind for i in parts.issues] == ["doubled_glyphs_repaired", "ocr_lines_spliced"]
    assert parts.pages[0].text_source == "pdf-dedupe"
    assert "ÉÉÉÉ" not in parts.text and "ÉÇÉÜ" not in parts.text
    assert word_accuracy(transcription("ar_diputados_p1.txt"), parts.text) >= 0.85


@needs_tesseract
def test_a_spliced_line_is_read_from_its_own_band_of_the_page_and_keeps_its_place(tmp_path: Path) -> None:
    """OCR is given only the band of the page around the garbled lines; the words it reads there are put
    back where they stand on the page, on the garbled line's own place."""
    path = cut("broken-text/ar_diputados_voting_record_garbled_header.pdf", 1, tmp_path)
    before = read_pdf(path, ocr_settings=None)
    after = read_pdf(path, ocr_settings=OcrSettings())
    garbled = [i for i, line in enumerate(before.lines) if "ÉÇÉÜ" in before.text[line.char_start : line.char_end]]
    assert garbled and len(after.lines) == len(before.lines)
    for i in garbled:
        was, now = before.lines[i].bbox, after.lines[i].bbox
        assert "Diputad" in after.text[after.lines[i].char_start : after.lines[i].char_end]
        middle = (now.top + now.bottom) / 2
        assert was.top - 2 <= middle <= was.bottom + 2
        assert was.x0 - 12 <= now.x0 and now.x1 <= was.x1 + 12


def test_without_ocr_a_broken_page_is_flagged_and_kept(tmp_path: Path) -> None:
    parts = read_pdf(cut("broken-text/tamreview_missing_tounicode_pages2plus.pdf", 2, tmp_path), ocr_settings=None)
    assert parts.pages[0].text_source == "pdf"
    assert parts.pages[0].garble == "cid"
    (issue,) = parts.issues
    assert issue.kind == "garbled_page" and "OCR is unavailable" in issue.detail


def test_clean_policy_pages_are_left_alone(tmp_path: Path) -> None:
    for relative, page in [
        ("policy/ca_chelsea_plan_directeur_transport_actif_2021.pdf", 15),  # French
        ("policy/uk_ukgi_annual_report_2021.pdf", 5),  # dot leaders drawn as U+FFFD
        ("policy/uk_refreshing_defence_industrial_policy_2017.pdf", 10),  # long URLs
    ]:
        parts = read_pdf(cut(relative, page, tmp_path), ocr_settings=OcrSettings())
        assert parts.pages[0].text_source == "pdf", relative
        # nothing read by OCR or flagged as garbled; only repairs said (footnote marks set apart: "2015 ⁷")
        assert [i.kind for i in parts.issues if i.kind != "text_repaired"] == [], relative


def test_issue_3_blank_page_is_not_garbled(tmp_path: Path) -> None:
    """A blank inside cover has no text layer; OCR finds nothing: it is noted, not flagged as garbled."""
    parts = read_pdf(cut("policy/uk_health_infrastructure_plan_2019.pdf", 2, tmp_path), ocr_settings=OcrSettings())
    assert [(i.kind, i.severity) for i in parts.issues] == [("no_text_layer", "info")]
    assert parts.pages[0].text_source == "pdf" and parts.pages[0].garble == "clean"
