"""The garble detector against labelled examples (tests/data/garble_examples.jsonl).

The examples are real passages from the seeds and the corpus (and glyph shifts of
real text, which the corpus lacks). The thresholds in pipeline/language/garble.py were
chosen from these measurements: every example must land on its label.
"""

from __future__ import annotations

import json

import pytest
from support import ROOT

from pipeline.language.garble import Verdict, best_shift, lines_to_assessment, shift_text, text_to_garble_score
from pipeline.language.lexicon import lexicon

EXAMPLES = [json.loads(line) for line in (ROOT / "tests" / "data" / "garble_examples.jsonl").open(encoding="utf-8")]


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e['label']}:{e['source']}" for e in EXAMPLES])
def test_labelled_example(example: dict[str, str]) -> None:
    score = text_to_garble_score(example["text"], judge_words=example["scope"] == "block")
    assert score.garbled is (example["label"] == "garbled"), (score.verdict, score.signals)


def test_every_label_and_scope_is_represented() -> None:
    kinds = {(e["label"], e["scope"]) for e in EXAMPLES}
    assert kinds == {("garbled", "block"), ("garbled", "line"), ("clean", "block"), ("clean", "line")}
    assert sum(e["label"] == "clean" for e in EXAMPLES) >= 15


@pytest.mark.parametrize("shift", [3, -3, 7, 13, -29])
def test_glyph_shift_is_found_and_undone(shift: int) -> None:
    text = "The vision for this cluster is for the Region to be an international leader in sustainable building"
    score = text_to_garble_score(shift_text(text, shift))
    assert score.verdict is Verdict.SHIFTED
    assert score.shift == shift
    assert score.sample.startswith("The vision for this cluster")


def test_best_shift_is_none_for_plain_words() -> None:
    assert best_shift(["cluster", "vision", "region"], lexicon()) is None


def test_verdicts_explain_themselves() -> None:
    score = text_to_garble_score("Do iθaanAdva0.5(b)n-5.(ta0.5(b)giθa)eers")
    assert score.verdict is Verdict.ODD
    assert "noise from a broken PDF text layer" in score.explain()
    assert "iθaanAdva0.5" in score.explain()


def test_a_page_with_one_broken_line_is_broken() -> None:
    clean = "The cluster employs some 48,400 people in the West Midlands and 2,500 companies."
    broken = "Felony (cid:23)(cid:19)(cid:60)(cid:3)(cid:391) Person"
    assessment = lines_to_assessment([clean] * 5 + [broken] + [clean] * 5)
    assert not assessment.page.garbled
    assert assessment.broken
    assert [i for i, _ in assessment.garbled_lines] == [5]


def test_rows_of_figures_with_decimal_commas_are_not_shifted_words() -> None:
    # a table's rows printed with decimal commas: shifted by 21 code points, "2,4" would read "GAI"
    rows = [
        "ICT 2,4 3,0 2,1 2,0 2,5 3,0 0,8 0,8 2,0 2,4 6,5 7,4",
        "Logistics 2,4 2,0 1,1 1,0 2,1 1,5 0,7 0,7 1,3 1,1 4,8 4,1",
        "Functional food 2,0 1,5 2,4 2,5 1,9 2,0 0,6 0,7 1,2 0,7 5,7 4,7",
    ]
    for row in rows:
        assert text_to_garble_score(row).verdict is not Verdict.SHIFTED, row


def test_one_abbreviation_over_every_column_is_not_a_wordless_line() -> None:
    assert text_to_garble_score("%Chg %Chg %Chg %Chg", judge_words=False).verdict is Verdict.CLEAN
    assert text_to_garble_score("Xqzv Brlt Wkpt Zrvn", judge_words=False).verdict is Verdict.UNREADABLE


def test_words_joined_to_numbers_are_words_and_letters_mixed_with_symbols_are_not() -> None:
    # a table's header: "3-Year" is a number and a word, not a mis-mapped font's letters
    assert text_to_garble_score("IRR (% P.A) 3-Year 5-Year 10-Year", judge_words=False).verdict is Verdict.CLEAN
    assert text_to_garble_score("e$ect o$cial di$cult", judge_words=False).verdict is Verdict.UNREADABLE


def test_a_citations_volume_and_a_chemicals_name_are_no_noise_but_letters_bracketed_by_digits_are() -> None:
    """Two brackets in a token are noise when they sit among letters glued to digits (a broken text layer's
    kerning: ``aG0.4(e)n-0.2(d)``), not in a citation's volume and issue nor in a chemical's name."""
    assert text_to_garble_score("MMWR 1998;47(3):1–16,", judge_words=False).verdict is Verdict.CLEAN
    assert text_to_garble_score("Benzo(g,h,i)perylene", judge_words=False).verdict is Verdict.CLEAN
    assert text_to_garble_score("Referral aG0.4(e)n-0.2(d) 2019", judge_words=False).verdict is Verdict.ODD
