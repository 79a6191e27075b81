"""Text repair with evidence (pipeline/readers/repair.py): what is mended, and what is left alone."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.readers.repair import drawn_bullet, repair_lines


def word(text: str, x0: float, x1: float, size: float = 10.0, font: str = "Arial") -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x1, "top": 0.0, "bottom": size, "size": size, "fontname": font}


def line(*pairs: tuple[str, float], size: float = 10.0) -> list[dict[str, Any]]:
    """Words laid left to right, each ``gap`` points after the one before."""
    out, x = [], 0.0
    for text, gap in pairs:
        x += gap
        out.append(word(text, x, x + 6 * len(text), size))
        x += 6 * len(text)
    return out


def read(lines: list[list[dict[str, Any]]]) -> list[str]:
    mended, _ = repair_lines(lines)
    return [" ".join(str(w["text"]) for w in row) for row in mended]


def test_lost_ligatures_come_back_where_the_page_shows_the_loss() -> None:
    lines = [line(("The", 0), ("fnance", 3), ("is", 3), ("difcult", 3), ("to", 3), ("ofer", 3), ("frms.", 3))]
    assert read(lines) == ["The finance is difficult to offer firms."]


def test_lost_ligatures_whose_glyph_kept_only_its_last_letter_come_back() -> None:
    # the fi and ffi glyphs map to their last letter: "conidence", "ield oices"
    lines = [line(("The", 0), ("ield", 3), ("oices", 3), ("have", 3), ("conidence", 3), ("in", 3), ("it.", 3))]
    assert read(lines) == ["The field offices have confidence in it."]
    assert read([line(("A", 0), ("conidence", 3), ("vote", 3))]) == ["A conidence vote"]  # one odd word: no loss shown


def test_one_odd_word_on_a_clean_page_is_left_alone() -> None:
    assert read([line(("A", 0), ("fnance", 3), ("plan", 3))]) == ["A fnance plan"]


def test_a_ligature_printed_as_another_character_is_mended_where_the_swap_makes_words() -> None:
    lines = [line(("The", 0), ("ÿnance", 3), ("\x04ows", 3), ("are", 3), ("e\u00a4ectively", 3), ("signiÿcant.", 3))]
    assert read(lines) == ["The finance flows are effectively significant."]
    # one word with a letter that spells words of other languages is no evidence; accents stay
    assert read([line(("A", 0), ("ÿnance", 3), ("café", 3), ("naïve", 3))]) == ["A ÿnance café naïve"]
    # the character alone is not a word mended: a bullet glyph the font also prints stays as it is
    lines = [line(("\uf0b7", 0), ("Skills", 3)), line(("The", 0), ("\uf0b7ow", 3), ("of", 3), ("re\uf0b7ection.", 3))]
    assert read(lines) == ["\uf0b7 Skills", "The flow of reflection."]


@pytest.mark.parametrize(
    ("first", "second", "gap", "reads"),
    [
        ("specifi", "c", 3.0, "specific"),  # the gap a ligature glyph leaves
        ("Oxf", "ordshire", 3.0, "Oxfordshire"),  # neither half is a word
        ("thro", "ugh", 3.0, "through"),  # the whole far commoner than its halves
        ("fr", "om", 0.2, "from"),  # halves that touch
        ("g", "rowing", 0.2, "growing"),  # a letter that touches the rest of its word (set in another font)
        ("C", "reate", 3.0, "Create"),  # an initial capital set apart from a rest that is no word
        ("I", "ncrease", 3.0, "Increase"),
    ],
)
def test_a_split_word_is_joined(first: str, second: str, gap: float, reads: str) -> None:
    assert read([line((first, 0), (second, gap))]) == [reads]


@pytest.mark.parametrize(
    ("first", "second", "gap"),
    [
        ("of", "the", 0.2),
        ("in", "to", 3.0),
        ("fi", "g", 3.0),
        ("st", "er", 0.2),
        ("The", "me", 0.2),
        ("A", "nation", 3.0),
        ("o", "r", 0.2),  # letters drawn one by one (a diagram's text along a curve)
    ],
)
def test_two_words_stay_two_words(first: str, second: str, gap: float) -> None:
    assert read([line((first, 0), (second, gap))]) == [f"{first} {second}"]


def test_a_drop_cap_joins_its_word() -> None:
    cap = word("R", 0, 20, size=30)
    rest = word("ecover", 21, 60)
    assert read([[cap, rest]]) == ["Recover"]


def test_small_capitals_join_the_larger_capital_they_touch() -> None:
    # a heading set in small capitals: each word's initial at the full size, the rest smaller, drawn apart
    cap, rest = word("C", 0, 7.2, size=10), word("OSTS", 7.2, 29.0, size=8.2)
    assert read([[cap, rest]]) == ["COSTS"]
    # the same letters a space apart, or at one size, stay two words
    assert read([[word("A", 0, 7, size=10), word("LOT", 10, 30, size=8.2)]]) == ["A LOT"]
    assert read([[word("A", 0, 7, size=10), word("MEN", 7, 30, size=10)]]) == ["A MEN"]


def test_a_word_read_after_a_capital_but_set_left_of_it_is_not_its_other_half() -> None:
    # a formula's "Na" subscript (set smaller, left of the "U" the line reads before it) spells "UNa" with it,
    # a word of the lexicon; joined, the word's box ran backwards and the document failed
    symbol = word("U", 358.6, 365.1, size=9)
    subscript = word("Na", 323.9, 330.8, size=5.2)
    mended, _ = repair_lines([[symbol, subscript]])
    assert [w["text"] for w in mended[0]] == ["U", "Na"]


def test_bullets_drawn_in_symbol_fonts_are_bullets() -> None:
    assert drawn_bullet(word("\uf0b7", 0, 5), "\uf0b7")
    assert drawn_bullet(word("`", 0, 5, font="ACWIXG+Wingdings3"), "`")
    assert not drawn_bullet(word("`", 0, 5), "`")
    assert not drawn_bullet(word("Wing", 0, 5, font="Wingdings"), "Wing")


def mark(text: str, x0: float, size: float = 6.0, raised: float = 4.0) -> dict[str, Any]:
    """A number set small, its foot ``raised`` points above the line's (a body word's foot is at 10)."""
    return {"text": text, "x0": x0, "x1": x0 + 3 * len(text), "top": 10 - raised - size, "bottom": 10 - raised,
            "size": size, "fontname": "Arial"}  # fmt: skip


def test_a_footnote_mark_is_set_apart_from_the_number_it_touches() -> None:
    money, dot = word("£33,800", 0, 42), word(".", 48.5, 51)
    assert read([[money, mark("29", 42.5), dot]]) == ["£33,800 ²⁹."]
    assert read([[word("years", 0, 30), mark("9", 30.2), word("As", 40, 52)]]) == ["years ⁹ As"]


def test_a_power_stays_on_its_unit_and_a_number_on_the_line_is_no_mark() -> None:
    assert read([[word("100m", 0, 24), mark("2", 24.3)]]) == ["100m²"]
    assert read([[word("in", 0, 12), word("2019", 15, 39)]]) == ["in 2019"]  # same size, same line
    assert read([[word("in", 0, 12), mark("18", 12.3, size=10.0)]]) == ["in 18"]  # not smaller
    assert read([[word("page", 0, 24), mark("18", 24.3, raised=0.0)]]) == ["page 18"]  # not raised
    assert read([[word("page", 0, 24), mark("18", 30)]]) == ["page 18"]  # not close


def spaced(text: str, tracking: float, space: float, size: float = 8.0) -> list[dict[str, Any]]:
    """``text`` set one glyph per word, ``tracking`` points between letters and ``space`` between words."""
    out, x = [], 0.0
    for k, ch in enumerate(text):
        if ch == " ":
            continue
        x += 0.0 if k == 0 else (space if text[k - 1] == " " else tracking)
        out.append(word(ch, x, x + 0.6 * size, size))
        x += 0.6 * size
    return out


@pytest.mark.parametrize(
    ("text", "tracking", "space"),
    [("Community Wealth Building for a well-being economy", 0.8, 3.1), ("CASE STUDY LIBRARY", 2.1, 6.2)],
)
def test_letter_spaced_text_reads_as_its_words(text: str, tracking: float, space: float) -> None:
    mended, repairs = repair_lines([spaced(text, tracking, space)])
    assert [" ".join(str(w["text"]) for w in row) for row in mended] == [text]
    assert repairs.counts["letter_spaced"] == sum(1 for w in text.split() if len(w) > 1)


def test_single_letters_that_spell_no_words_or_run_sideways_stay_apart() -> None:
    assert read([spaced("x q z k v", 3.0, 3.0)]) == ["x q z k v"]
    sideways = [{**w, "upright": False} for w in spaced("Wealth", 0.8, 3.0)]
    assert read([sideways]) == ["W e a l t h"]
