"""The number parser that makes rows (pipeline.language.numbers): named examples and Hypothesis round trips.

Each round trip prints a value the way plans print it, puts it in a sentence or a table
cell, and parses it back with the functions the figures and funding extractors call.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.language.numbers import cell_to_decimal, fiscal_year_to_period, text_to_quantities

SHORT_SCALES = {Decimal(10) ** 12: "tn", Decimal(10) ** 9: "bn", Decimal(10) ** 6: "m", Decimal(10) ** 3: "k"}


def money_text(value: Decimal | int, currency: str = "£") -> str:
    """A value printed as plans print money: the largest scale that divides it to two decimals."""
    amount = Decimal(value)
    for multiplier, suffix in SHORT_SCALES.items():
        if amount >= multiplier and (amount / multiplier) == (amount / multiplier).quantize(Decimal("0.01")):
            return f"{currency}{format((amount / multiplier).normalize(), 'f')}{suffix}"
    return f"{currency}{amount:,}"


def only(text: str) -> tuple[float, str, str | None]:
    """The single quantity of ``text``: value, kind, currency symbol."""
    [q] = text_to_quantities(text)
    return q.value, q.kind, q.currency


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("£51M", 51e6), ("£13 M", 13e6), ("£1.4bn", 1.4e9), ("£850m", 850e6), ("£4.8 billion", 4.8e9),
        ("£0.5m", 500_000.0), ("£25,000", 25_000.0), ("£87.5bn", 87.5e9), ("£1.3 million", 1.3e6),
    ],
)  # fmt: skip
def test_money_as_printed(text: str, value: float) -> None:
    assert only(f"a budget of {text} over the period") == (value, "money", "£")


@pytest.mark.parametrize(
    ("text", "value", "sign"),
    [("₹5 crore", 5e7, "₹"), ("₹ 3,000 crore", 3e10, "₹"), ("Rs. 250 crore", 2.5e9, "Rs."), ("Rs 12 lakh", 1.2e6, "Rs"),
     ("INR 40 billion", 4e10, "INR")],
)  # fmt: skip
def test_rupees_as_printed(text: str, value: float, sign: str) -> None:
    """South Asian money: the rupee's sign or abbreviation before the number, crores and lakhs as its scale."""
    assert only(f"a budget of {text} over the period") == (value, "money", sign)
    assert only("Mrs 5 years") == (5.0, "count", None)  # "Rs" inside a word is no currency


@pytest.mark.parametrize(
    "text",
    ["NVQ4 qualifications", "the 5th priority", "a 5m wide road", "£ten million", "one of the first", "half term"],
)
def test_what_is_not_a_quantity_is_skipped(text: str) -> None:
    assert text_to_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("ten million people", 10e6, "count"), ("reaching a million users", 1e6, "count"),
        ("two billion visits", 2e9, "count"), ("one-third of firms", 33.3, "percent"),
        ("two thirds of adults", 66.7, "percent"), ("nine out of ten businesses", 90.0, "percent"),
        ("half of all SMEs", 50.0, "percent"), ("a quarter of exports", 25.0, "percent"),
    ],
)  # fmt: skip
def test_quantities_in_words(text: str, value: float, kind: str) -> None:
    assert only(text)[:2] == (value, kind)


def test_a_quantity_in_digits_is_not_read_twice_in_words() -> None:
    assert [q.value for q in text_to_quantities("one in 20 firms, 5 million of them")] == [20.0, 5e6]


@pytest.mark.parametrize(
    ("text", "value", "currency", "printed"),
    [
        ("approximately one billion US dollars, which", 1e9, "US$", "one billion US dollars"),
        ("a fund of 5 million euros", 5e6, "€", "5 million euros"),
        ("250 million pounds sterling.", 250e6, "£", "250 million pounds sterling"),
        ("grants of 20 EUR each", 20.0, "€", "20 EUR"),
    ],
)  # fmt: skip
def test_a_currency_named_after_the_number_makes_it_money(text: str, value: float, currency: str, printed: str) -> None:
    [q] = text_to_quantities(text)
    assert (q.value, q.kind, q.currency, text[q.start : q.end]) == (value, "money", currency, printed)


@pytest.mark.parametrize("text", ["5 pounds of flour", "3 dollar stores"])
def test_a_word_that_may_not_be_money_leaves_a_count(text: str) -> None:
    assert [q.kind for q in text_to_quantities(text)] == ["count"]


def test_a_short_range_shares_its_scale() -> None:
    assert [(q.value, q.kind) for q in text_to_quantities("worth £3-4m a year")] == [
        (3_000_000.0, "money"), (4_000_000.0, "money"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("worth £3-4mn a year", [3e6, 4e6]),
        ("worth £2-3tn a year", [2e12, 3e12]),
        ("worth £5-8 thousand a year", [5e3, 8e3]),
    ],
)
def test_a_short_range_shares_any_scale_it_prints(text: str, values: list[float]) -> None:
    """Every abbreviation and word of pipeline.language.scales ends a short range, not just the common ones."""
    assert [q.value for q in text_to_quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "value"), [("one trillion dollars", 1e12), ("two million euros", 2e6), ("5 trillion pounds", 5e12)]
)
def test_a_scale_in_words_makes_money_of_the_currency_named_after_it(text: str, value: float) -> None:
    assert [(q.value, q.kind) for q in text_to_quantities(text)] == [(value, "money")]


def test_spans_point_at_the_printed_quantity() -> None:
    text = "Employment rose to 11,200 (5% of the region) and turnover to £1.4bn."
    assert [text[q.start : q.end] for q in text_to_quantities(text)] == ["11,200", "5%", "£1.4bn"]


# Amounts as plans print them: up to two decimals of a scale, or whole pounds.
amounts = st.one_of(
    st.integers(min_value=0, max_value=10**13),
    st.builds(
        lambda n, e: Decimal(n) / 100 * Decimal(10) ** e,
        st.integers(min_value=1, max_value=99_999),
        st.sampled_from([3, 6, 9]),
    ),
)


@given(amounts)
def test_money_round_trip(value: Decimal | int) -> None:
    parsed, kind, currency = only(f"funding of {money_text(value)} was agreed")
    assert (kind, currency) == ("money", "£")
    assert Decimal(str(parsed)) == Decimal(value)


@given(st.integers(min_value=0, max_value=10**12))
def test_count_round_trip(value: int) -> None:
    assert only(f"employing {value:,} people") == (float(value), "count", None)


@given(st.decimals(min_value=0, max_value=1000, places=1, allow_nan=False, allow_infinity=False))
def test_percent_round_trip(value: Decimal) -> None:
    for text in (f"growth of {value}% a year", f"growth of {value} per cent a year"):
        parsed, kind, _ = only(text)
        assert kind == "percent" and Decimal(str(parsed)) == value


@given(st.integers(min_value=-(10**9), max_value=10**9), st.sampled_from(["", "£", "£ "]), st.booleans())
def test_table_cell_round_trip(value: int, currency: str, brackets: bool) -> None:
    printed = f"{currency}{abs(value):,}"
    if value < 0:
        printed = f"({printed})" if brackets else f"-{printed}"
    assert cell_to_decimal(printed) == value


@given(st.integers(min_value=1900, max_value=2098))
def test_fiscal_years_normalise_whatever_the_separator(year: int) -> None:
    expected = f"{year}-{(year + 1) % 100:02d}"
    for text in (f"{year}-{(year + 1) % 100:02d}", f"{year}/{(year + 1) % 100:02d}", f"{year}–{year + 1}"):
        assert fiscal_year_to_period(text) == expected


def test_a_currency_over_three_zeros_is_a_columns_unit_not_an_amount() -> None:
    """ "£000" heads a table's column of thousands of pounds (read into the text with the table); "£0" is an amount."""
    text = "Note 2020 £000 and a cost of £0"
    assert [text[q.start : q.end] for q in text_to_quantities(text)] == ["2020", "£0"]


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("the need for 8 in 10 SMEs to borrow", 80.0),
        ("3 out of 4 firms that grew", 75.0),
        ("one in five exporters", 20.0),
        ("nine in ten enterprises", 90.0),
        ("around 1 in 500 people", 0.2),
    ],
)
def test_a_part_in_a_whole_is_a_share(text: str, share: float) -> None:
    """ "8 in 10 SMEs" is 80% of them, not 10 businesses; in words as in digits."""
    assert [(q.value, q.kind) for q in text_to_quantities(text)] == [(share, "percent")]


def test_a_year_is_no_whole() -> None:
    assert [q.value for q in text_to_quantities("5 in 2017 reports")] == [5.0, 2017.0]
