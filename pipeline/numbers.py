"""Numbers as documents print them → values in base units, and back (for round-trip tests).

Small named functions, each with examples. Arithmetic is decimal, so ``£1.4bn``
is exactly 1,400,000,000 and not 1,399,999,999.9999998.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

SCALES: dict[str, Decimal] = {
    "k": Decimal(10) ** 3, "thousand": Decimal(10) ** 3,
    "m": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "million": Decimal(10) ** 6,
    "bn": Decimal(10) ** 9, "b": Decimal(10) ** 9, "billion": Decimal(10) ** 9,
    "tn": Decimal(10) ** 12, "trillion": Decimal(10) ** 12,
}  # fmt: skip
SHORT_SCALES = {Decimal(10) ** 12: "tn", Decimal(10) ** 9: "bn", Decimal(10) ** 6: "m", Decimal(10) ** 3: "k"}
CURRENCIES = {"£": "GBP", "€": "EUR", "$": "USD"}
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def text_to_decimal(text: str) -> Decimal:
    """A printed number as a Decimal: thousands separators dropped.

    >>> text_to_decimal("11,200")
    Decimal('11200')
    >>> text_to_decimal("1.4")
    Decimal('1.4')
    """
    cleaned = text.strip()
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(f"not a number as documents print them: {text!r}")
    try:
        return Decimal(cleaned.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the pattern above rules it out
        raise ValueError(text) from exc


def scale_to_multiplier(scale: str | None) -> Decimal:
    """The multiplier a scale word or suffix stands for; 1 for none.

    >>> scale_to_multiplier("bn"), scale_to_multiplier(" Million"), scale_to_multiplier("M")
    (Decimal('1000000000'), Decimal('1000000'), Decimal('1000000'))
    """
    if scale is None or not scale.strip():
        return Decimal(1)
    key = scale.strip().lower()
    if key not in SCALES:
        raise ValueError(f"unknown scale {scale!r}")
    return SCALES[key]


def amount_to_value(number: str, scale: str | None = None) -> float:
    """A number and its scale as a value in base units.

    >>> amount_to_value("850", "m"), amount_to_value("1.4", "bn"), amount_to_value("13", " M")
    (850000000.0, 1400000000.0, 13000000.0)
    """
    return float(text_to_decimal(number) * scale_to_multiplier(scale))


def money_text_to_value(text: str) -> tuple[float, str]:
    """A money amount as printed → (value in base units, currency code).

    >>> money_text_to_value("£51M"), money_text_to_value("£ 13 M"), money_text_to_value("£4.8 billion")
    ((51000000.0, 'GBP'), (13000000.0, 'GBP'), (4800000000.0, 'GBP'))
    """
    m = re.fullmatch(r"\s*(?P<cur>[£€$])\s?(?P<num>[\d,.]+)\s?(?P<scale>[A-Za-z]+)?\s*", text)
    if m is None:
        raise ValueError(f"not a money amount: {text!r}")
    return amount_to_value(m.group("num"), m.group("scale")), CURRENCIES[m.group("cur")]


def value_to_money_text(value: Decimal | int, currency: str = "£") -> str:
    """A value in base units printed the way plans print money: the largest scale that divides it evenly.

    >>> value_to_money_text(850_000_000), value_to_money_text(Decimal("1400000000")), value_to_money_text(51_000)
    ('£850m', '£1.4bn', '£51k')
    """
    amount = Decimal(value)
    for multiplier, suffix in SHORT_SCALES.items():
        if amount >= multiplier and (amount / multiplier) == (amount / multiplier).quantize(Decimal("0.01")):
            return f"{currency}{_plain(amount / multiplier)}{suffix}"
    return f"{currency}{_plain(amount)}"


def value_to_count_text(value: Decimal | int) -> str:
    """A count printed with thousands separators.

    >>> value_to_count_text(11200)
    '11,200'
    """
    amount = Decimal(value)
    integral = amount == amount.to_integral_value()
    return f"{int(amount):,}" if integral else f"{amount:,}"


def count_text_to_value(text: str) -> float:
    """A printed count (``11,200``, ``124 million``) as a value.

    >>> count_text_to_value("11,200"), count_text_to_value("124 million")
    (11200.0, 124000000.0)
    """
    m = re.fullmatch(r"\s*(?P<num>[\d,.]+)(?:\s?(?P<scale>thousand|million|billion|trillion))?\s*", text, re.I)
    if m is None:
        raise ValueError(f"not a count: {text!r}")
    return amount_to_value(m.group("num"), m.group("scale"))


def percent_text_to_value(text: str) -> float:
    """A percentage as its number of percent (5 for 5%).

    >>> percent_text_to_value("5%"), percent_text_to_value("14 per cent"), percent_text_to_value("c40%")
    (5.0, 14.0, 40.0)
    """
    m = re.fullmatch(r"\s*(?:c\.?\s?)?(?P<num>[\d,.]+)\s?(?:%|per\s?cent|percent)\s*", text, re.I)
    if m is None:
        raise ValueError(f"not a percentage: {text!r}")
    return float(text_to_decimal(m.group("num")))


def fiscal_year_to_period(text: str) -> str | None:
    """A printed fiscal year or span of years, normalised: ``2005-06``, ``2005/06``, ``2005-2006`` → ``2005-06``.

    >>> fiscal_year_to_period("2005/06"), fiscal_year_to_period("2005-2008"), fiscal_year_to_period("Total")
    ('2005-06', '2005-08', None)
    """
    m = re.fullmatch(r"\s*(?P<a>(?:19|20)\d{2})\s*[-–/]\s*(?P<b>(?:19|20)?\d{2})\s*", text)
    if m is None:
        return None
    start, end = m.group("a"), m.group("b")[-2:]
    return f"{start}-{end}"


def _plain(amount: Decimal) -> str:
    return format(amount.normalize(), "f")
