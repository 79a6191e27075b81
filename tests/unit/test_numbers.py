"""Number parsing: named examples and Hypothesis round trips (format a value, parse it back)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.numbers import (
    count_text_to_value,
    fiscal_year_to_period,
    money_text_to_value,
    percent_text_to_value,
    value_to_count_text,
    value_to_money_text,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("£51M", 51e6), ("£13 M", 13e6), ("£1.4bn", 1.4e9), ("£850m", 850e6), ("£4.8 billion", 4.8e9),
        ("£0.5m", 500_000.0), ("£25,000", 25_000.0), ("£87.5bn", 87.5e9), ("£1.3 million", 1.3e6),
    ],
)  # fmt: skip
def test_money_as_printed(text: str, value: float) -> None:
    assert money_text_to_value(text) == (value, "GBP")


@pytest.mark.parametrize("text", ["51M", "£", "£ten million", "£1.2.3m"])
def test_money_refuses_what_is_not_money(text: str) -> None:
    with pytest.raises(ValueError):
        money_text_to_value(text)


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
    text = value_to_money_text(value)
    parsed, currency = money_text_to_value(text)
    assert currency == "GBP"
    assert Decimal(str(parsed)) == Decimal(value)


@given(st.integers(min_value=0, max_value=10**12))
def test_count_round_trip(value: int) -> None:
    assert count_text_to_value(value_to_count_text(value)) == value


@given(st.decimals(min_value=0, max_value=1000, places=1, allow_nan=False, allow_infinity=False))
def test_percent_round_trip(value: Decimal) -> None:
    assert Decimal(str(percent_text_to_value(f"{value}%"))) == value
    assert Decimal(str(percent_text_to_value(f"{value} per cent"))) == value


@given(st.integers(min_value=1900, max_value=2098))
def test_fiscal_years_normalise_whatever_the_separator(year: int) -> None:
    expected = f"{year}-{(year + 1) % 100:02d}"
    for text in (f"{year}-{(year + 1) % 100:02d}", f"{year}/{(year + 1) % 100:02d}", f"{year}–{year + 1}"):
        assert fiscal_year_to_period(text) == expected
