"""Numbers as documents print them → values in base units: the one parser every row's number comes from.

:func:`text_to_quantities` finds the quantities of a sentence (the figures
extractor's numbers); :func:`cell_to_decimal` reads a table cell (the funding
lines' amounts). Both rest on :func:`text_to_decimal` and :func:`scale_to_multiplier`.
Arithmetic is decimal, so ``£1.4bn`` is exactly 1,400,000,000 and not 1,399,999,999.9999998.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from pipeline.language.patterns import quantity
from pipeline.language.scales import ABBREVIATED_SCALES, SCALE_WORDS, SCALES, SPELLED_SCALE_WORDS

CURRENCIES = {"£": "GBP", "€": "EUR", "$": "USD", "US$": "USD", "₹": "INR", "Rs": "INR"}  # "Rs" as a table prints it
SCALED = re.compile(rf"(?i:{SCALE_WORDS})\b")
CURRENCY_NAMES = {"pounds": "£", "gbp": "£", "euros": "€", "eur": "€", "dollars": "$", "usd": "US$"}
# a currency named in a table's unit ("(In billions of dollars)", "(In crores of Rupees)"), and its sign
UNIT_CURRENCY_WORDS = {"dollar": "$", "pound": "£", "euro": "€", "rupee": "₹"}
# a currency named after a number: "5 million euros", "one billion US dollars", "£" only as "pounds sterling" or
# after a scale word ("250 million pounds"; "5 pounds" may weigh)
_CURRENCY_AFTER = re.compile(
    r"\s+(?P<us>US\s+|U\.S\.\s+)?(?P<name>dollars|euros|pounds(?=\s+sterling\b)|(?P<pounds>pounds)|EUR|USD|GBP)"
    r"(?:\s+sterling)?(?![\w-])",
    re.I,
)
# A thousand trillion: more than the world's annual output in any currency a policy document prints.
# A larger number is not a figure (a run of digits, a code, a hostile file) and is reported, not stored.
MAX_VALUE = Decimal(10) ** 15
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_GROUPING = str.maketrans("", "", ", \u00a0\u2009\u202f")


def text_to_decimal(text: str) -> Decimal:
    """A printed number as a Decimal: thousands separators (commas, or spaces as OECD and EU papers print them)
    dropped.

    >>> text_to_decimal("11,200")
    Decimal('11200')
    >>> text_to_decimal("34 163")
    Decimal('34163')
    >>> text_to_decimal("1.4")
    Decimal('1.4')
    """
    cleaned = text.strip()
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(f"not a number as documents print them: {text!r}")
    try:
        return Decimal(cleaned.translate(_GROUPING))
    except InvalidOperation as exc:  # pragma: no cover - the pattern above rules it out
        raise ValueError(text) from exc


def plausible(value: Decimal) -> bool:
    """Whether a value in base units can be a policy figure: finite, and below MAX_VALUE in size.

    >>> plausible(Decimal("1.4e9")), plausible(Decimal("9" * 340) * 10**9)
    (True, False)
    """
    return value.is_finite() and abs(value) < MAX_VALUE


CELL_SCALE = re.compile(r"(?<=\d)\s?(?:m|bn|k)$", re.I)  # a cell's own scale: $1.1M, £40m, 3.2bn, $500K


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


@dataclass(frozen=True, slots=True)
class Quantity:
    """One printed quantity of a text: its span, its value in base units (percent: the number of percent)."""

    start: int
    end: int
    value: float
    kind: str  # money, percent, count
    currency: str | None  # the symbol as printed: £, $, €
    circa: bool
    implausible: bool = False  # too large to be a figure (see MAX_VALUE): reported, never stored


_SHORT_RANGE = re.compile(rf"\s?[-–]\s?(\d+(?:\.\d+)?)\s?({SCALE_WORDS})\b")
# "£8-14": a money range's high end set close after a dash without its currency or a scale
_BARE_RANGE = re.compile(rf"[-–](\d{{1,3}}(?:\.\d+)?)(?![\d.,%]|\s?(?:{SCALE_WORDS})\b)")


WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "half a": 0.5, "a half": 0.5,
}  # fmt: skip
FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10}
_WORDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
# "two million visitors", "a million users": a number in words with a scale word
_WORD_SCALED = re.compile(rf"(?<![\w£$€.,-])(?P<num>{_WORDS})\s+(?P<scale>{SPELLED_SCALE_WORDS})\b", re.I)
# "four percent", "twenty per cent", "four percentage points": a percentage in words
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_PERCENT_WORDS = {
    **{w: n for w, n in WORD_NUMBERS.items() if n >= 1 and " " not in w and w not in ("a", "an")},
    **_TENS,
}
_WORD_PERCENT = re.compile(
    rf"(?<![\w-])(?P<num>{'|'.join(sorted(_PERCENT_WORDS, key=len, reverse=True))})\s+"
    r"(?:per\s?cent|percent)(?:age\s+points?)?(?!\w)",
    re.I,
)
# "one-third of", "two thirds of", "a quarter of", "nine out of ten", "half of": a share in words, before "of"
# (or after "out of"); the value is the percent it stands for, to one decimal
_WORD_SHARE = re.compile(
    rf"(?<![\w-])(?:(?P<num>{_WORDS})[\s-]+(?P<frac>half|third|quarter|fifth|sixth|eighth|tenth)s?(?=\s+of\b)"
    rf"|(?P<half>half)(?=\s+of\b)"
    rf"|(?P<part>{_WORDS})\s+(?:out\s+of|in)\s+(?P<whole>{_WORDS})\b)",
    re.I,
)
# "8 in 10 SMEs", "3 out of 4 firms", "1 in 500 people": a share in digits, read as the percent it stands for
YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT_SHARE = re.compile(r"(?<![\w£$€.,/-])(?P<part>\d{1,3})\s+(?:out\s+of|in)\s+(?P<whole>\d{1,4})(?=\s+[A-Za-z(])")


# what a text holding a quantity prints: a digit, or a word words_to_quantities reads a quantity by
_QUANTITY_HINT = re.compile(
    r"\d|(?i:million|billion|thousand|per\s?cent|percent|half|third|quarter|fifth|sixth|eighth|tenth|out\s+of"
    r"|\bin\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)"
)


def may_hold_quantities(text: str) -> bool:
    """False only when ``text`` can hold no quantity (no digit, no scale, percent or fraction word): a cheap
    test before :func:`text_to_quantities`.

    >>> may_hold_quantities("around one-third of the growth"), may_hold_quantities("Our vision")
    (True, False)
    """
    return _QUANTITY_HINT.search(text) is not None


def words_to_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Quantities printed in words: counts with a scale word, percentages and shares.

    >>> [(q.value, q.kind) for q in words_to_quantities("two million jobs, four percent, one-third of firms")]
    [(2000000.0, 'count'), (4.0, 'percent'), (33.3, 'percent')]
    """
    end = len(text) if end is None else end
    out = [
        Quantity(m.start(), m.end(), WORD_NUMBERS[" ".join(m.group("num").lower().split())] * float(
            SCALES[m.group("scale").lower()]), "count", None, False)
        for m in _WORD_SCALED.finditer(text, start, end)
    ]  # fmt: skip
    out += [
        Quantity(m.start(), m.end(), float(_PERCENT_WORDS[m.group("num").lower()]), "percent", None, False)
        for m in _WORD_PERCENT.finditer(text, start, end)
    ]
    for m in _WORD_SHARE.finditer(text, start, end):
        if m.group("half"):
            share = 0.5
        elif m.group("frac"):
            share = WORD_NUMBERS[" ".join(m.group("num").lower().split())] / FRACTIONS[m.group("frac").lower()]
        else:
            part, whole = (WORD_NUMBERS[" ".join(m.group(g).lower().split())] for g in ("part", "whole"))
            if part >= whole:
                continue
            share = part / whole
        if 0 < share < 1:
            out.append(Quantity(m.start(), m.end(), round(share * 100, 1), "percent", None, False))
    return out


def text_to_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """The quantities printed in ``text[start:end]``, in order, those printed in words included
    (:func:`words_to_quantities`).

    ``5m`` without a currency is skipped (metres, not millions); in ``£3-4m`` the low
    end shares the high end's scale.

    >>> [(q.value, q.kind) for q in text_to_quantities("£1.4bn, 11,200 jobs, 5% and £3-4m")]
    [(1400000000.0, 'money'), (11200.0, 'count'), (5.0, 'percent'), (3000000.0, 'money'), (4000000.0, 'money')]
    """
    end = len(text) if end is None else end
    shares = [
        Quantity(
            m.start(), m.end(), round(100 * int(m.group("part")) / int(m.group("whole")), 1), "percent", None, False
        )
        for m in _DIGIT_SHARE.finditer(text, start, end)
        if 0 < int(m.group("part")) < int(m.group("whole")) and not YEAR.fullmatch(m.group("whole"))
    ]  # a year is no whole: "5 in 2017 reports"
    digits = [
        d for d in _digit_quantities(text, start, end) if not any(s.start <= d.start < s.end for s in shares)
    ] + shares
    words = [
        w for w in words_to_quantities(text, start, end) if not any(d.start < w.end and w.start < d.end for d in digits)
    ]
    return [_currency_after(text, q, end) for q in sorted([*digits, *words], key=lambda q: q.start)]


def _currency_after(text: str, q: Quantity, end: int) -> Quantity:
    """A count followed by its currency's name is money: ``one billion US dollars``, ``5 million euros``,
    ``250 million pounds sterling`` (the name joins the quantity's span).

    >>> q = text_to_quantities("approximately one billion US dollars, which")[0]
    >>> q.value, q.kind, q.currency
    (1000000000.0, 'money', 'US$')
    """
    if q.kind != "count" or q.implausible:
        return q
    m = _CURRENCY_AFTER.match(text, q.end, end)
    if m is None:
        return q
    if m.group("pounds") and not SCALED.search(text, q.start, q.end):
        return q
    symbol = "US$" if m.group("us") else CURRENCY_NAMES[m.group("name").lower()]
    return Quantity(q.start, m.end(), q.value, "money", symbol, q.circa)


def _digit_quantities(text: str, start: int, end: int) -> list[Quantity]:
    out: list[Quantity] = []
    for m in quantity().finditer(text, start, end):
        scale, cur, pct = m.group("scale"), m.group("cur"), m.group("pct")
        if scale and scale.strip().lower() in ABBREVIATED_SCALES and not cur:
            continue  # 5m without a currency: metres, not millions
        if cur and not scale and m.group("num") == "000":
            continue  # "£000": a table column's unit, thousands of pounds, not an amount
        number = text_to_decimal(m.group("num"))
        if pct:
            kind = "percent"
        elif cur:
            kind = "money"
        else:
            kind = "count"
        exact = number if pct else number * scale_to_multiplier(scale)
        if not plausible(exact):
            out.append(Quantity(m.start(), m.end(), 0.0, kind, cur, False, implausible=True))
            continue
        value = float(exact)
        short_range = _SHORT_RANGE.match(text[m.end() : m.end() + 16])
        if cur and not scale and short_range:  # £3-4m: the low end shares the high end's scale
            multiplier = scale_to_multiplier(short_range.group(2))
            if not (plausible(number * multiplier) and plausible(text_to_decimal(short_range.group(1)) * multiplier)):
                end = m.end() + short_range.end()
                out.append(Quantity(m.start(), end, 0.0, kind, cur, False, implausible=True))
                continue
            out.append(Quantity(m.start(), m.end(), float(number * multiplier), kind, cur, bool(m.group("circa"))))
            high = float(text_to_decimal(short_range.group(1)) * multiplier)
            out.append(Quantity(m.end() + short_range.start(1), m.end() + short_range.end(), high, kind, cur, False))
            continue
        out.append(Quantity(m.start(), m.end(), value, kind, cur, bool(m.group("circa"))))
        bare = _BARE_RANGE.match(text, m.end(), end) if cur and not scale and not pct else None
        if bare and float(bare.group(1)) > value:  # the high end of "£8-14", in the low end's currency
            out.append(Quantity(bare.start(1), bare.end(1), float(bare.group(1)), kind, cur, False))
    return out


STOP_TAIL = re.compile(r"(?<=[\d)%])\.$")  # the full stop ending a row's last cell: "$6,205.", "(1,234)."
SIGNED_OR_GROUPED = re.compile(r"[£$€]\s?[-−–]?\d|\d,\d{3}")
BOUND = re.compile(  # a bound or an approximation before an amount: Up to $766,865
    r"^\s*(?:up\s+to|about|approximately|around|over|under|(?:more|less)\s+than|at\s+(?:least|most))\s+(?=[£$€]\s?\d)",
    re.I,
)


def _leader_start(text: str) -> int:
    """Where the run of dots and spaces that ends the text starts (its length when there is none)."""
    i = len(text)
    while i > 0 and (text[i - 1] == "." or text[i - 1].isspace()):
        i -= 1
    return i


def without_leaders(text: str) -> str:
    """The text without the dot leaders that end it, run out to the next column (two dots or more, spaced or
    not: ``AFM revisions ......``, ``Total . . . .``); a last full stop alone stays.

    >>> [without_leaders(t) for t in ("AFM revisions ......", "Total . . . .", "n.a.", "$6,205.", "......")]
    ['AFM revisions', 'Total', 'n.a.', '$6,205.', '']
    """
    start = _leader_start(text)
    return text[:start] if text.count(".", start) >= 2 else text


def ends_in_leaders(text: str) -> bool:
    """The text ends in dot leaders, not an ellipsis: four dots or more, or two or more after a space
    (``Up to $3,790 ......``, ``Notes . .``; not ``grants, loans etc...``).

    >>> [ends_in_leaders(t) for t in ("Up to $3,790 ......", "Notes . .", "loans etc...", "n.a.")]
    [True, True, False, False]
    """
    start = _leader_start(text)
    dots = text.count(".", start)
    return dots >= 4 or (dots >= 2 and text[start : start + 1].isspace())


def bare_figure(text: str) -> str:
    """A cell's text without what is printed after its figure but is not part of it: the dot leaders that run out
    to the next column (:func:`without_leaders`), and the full stop a register prints after a row's last amount
    (after a digit, a closing bracket or a per cent sign, in a figure with a currency sign or thousands
    separator, so that a numbered label ``12.`` keeps its stop).

    >>> [bare_figure(t) for t in ("$0 .........", "$6,205.", "(1,234).", "12.", "3.5", "AFM ...")]
    ['$0', '$6,205', '(1,234)', '12.', '3.5', 'AFM']
    """
    text = without_leaders(text)
    return STOP_TAIL.sub("", text) if SIGNED_OR_GROUPED.search(text) else text


def unbounded(text: str) -> str:
    """A cell's amount without the bound or approximation printed before it (``Up to $766,865``): the amount a
    table's line takes is the figure printed, while the cell's text keeps the words. Only where amounts are read:
    a chart's legend of bins (``Up to £499k``) is no figure to the table finder.

    >>> unbounded("Up to $766,865."), unbounded("Over 65")
    ('$766,865.', 'Over 65')
    """
    return BOUND.sub("", text)


def cell_to_decimal(text: str) -> Decimal:
    """A table cell's number, as printed in the table's unit: currency, scale suffix and spaces dropped,
    ``(12)`` and ``-12`` negative (the minus printed as a hyphen, a minus sign or an en dash).

    >>> cell_to_decimal("£1,250"), cell_to_decimal("(3.5)"), cell_to_decimal("-40m"), cell_to_decimal("−71")
    (Decimal('1250'), Decimal('-3.5'), Decimal('-40'), Decimal('-71'))
    """
    return _cell_number(text)[0]


def _cell_number(text: str) -> tuple[Decimal, str | None]:
    """A table cell's number as printed and the scale suffix printed after it (``$1.1M``: 1.1 and ``M``)."""
    core = bare_figure(unbounded(text.strip())).rstrip(")")
    own = CELL_SCALE.search(core)
    cleaned = re.sub(r"[£$€\s()%]", "", core[: own.start()] if own else core)
    negative = cleaned.startswith(("-", "−", "–")) or text.strip().startswith("(")
    value = text_to_decimal(cleaned.lstrip("-−–"))
    return -value if negative else value, own.group(0) if own else None


def cell_to_amount(text: str, multiplier: Decimal) -> Decimal:
    """A table cell's amount in base units, as precise as printed (``5,321`` in £000 is ``5.321E+6``): its number
    times the table's ``multiplier``; in a table whose unit has no scale (a currency printed in each cell), times
    the scale the cell prints (``$1.1M``).

    >>> cell_to_amount("$1.1M", Decimal(1)), cell_to_amount("$0", Decimal(1)), cell_to_amount("40m", Decimal(10**6))
    (Decimal('1.1E+6'), Decimal('0'), Decimal('4.0E+7'))
    """
    number, own = _cell_number(text)
    return scaled(number, scale_to_multiplier(own) if own and multiplier == 1 else multiplier)


def scaled(number: Decimal, multiplier: Decimal) -> Decimal:
    """``number`` times ``multiplier``, as precise as ``number`` was printed when the multiplier is a power of ten
    (its exponent shifted: ``5321`` times 1000 is ``5.321E+6``, ``1.30E+7`` times 1/1000000 is ``13.0``).

    >>> scaled(Decimal("5321"), Decimal(1000)), scaled(Decimal("1.30E+7"), Decimal(1) / Decimal(10**6))
    (Decimal('5.321E+6'), Decimal('13.0'))
    """
    power = multiplier.adjusted()
    return number.scaleb(power) if multiplier == Decimal(10) ** power else number * multiplier
