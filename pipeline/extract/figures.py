"""Figures: every numeric fact of substance in the clean running text, in base units.

A figure is money (``£850m``), a percentage (``5%``, ``14 per cent``) or a count
of something named (``48,400 people``, ``3,000 firms``, ``124 million visits``,
``a cluster workforce of 21,000``), alone or as a range (``£850m – £950m``,
``11,200 to 12,400 jobs``, ``£3-4m``). Bare numbers (section numbers, list
ordinals, years, dates, footnote marks, ``3 years``) are not figures.

For each figure: what it measures (from the words around it), the period
(``per annum``, ``by 2030``, ``2005-08``), qualifiers (``approximately``,
``over``, ``a further``; ``forecast``/``expected`` from its clause), and the
cluster (named in the sentence, else the section's). A range whose low end is
above its high end is kept as printed, with ``quality = 'reversed_range'``, a
low confidence and a quality issue, so no one takes it for a clean range.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise
from typing import NamedTuple

from pipeline.catalogue.gazetteer import places
from pipeline.extract.context import DocumentView
from pipeline.language.counted import COUNT_NOUNS, LABEL_NOUNS, MAX_ADJECTIVES, NOT_COUNTED, NOT_NOUNS
from pipeline.language.numbers import CURRENCIES as SIGN_CURRENCIES
from pipeline.language.numbers import (
    MAX_VALUE,
    YEAR,
    Quantity,
    fiscal_year_to_period,
    may_hold_quantities,
    text_to_quantities,
)
from pipeline.language.patterns import (
    cluster_word_after,
    figure_qualifier,
    fiscal_period,
    period_phrase,
    range_joint,
    years_in_words,
)
from pipeline.language.scales import SCALE_WORDS
from pipeline.models import Figure, SourceIssue
from pipeline.registry import extractor

EXTRACTOR = extractor("figures/text")
# Words just before a bare number that say what it counts: "a workforce of 21,000", "employ 90,200".
COUNT_LEAD_INS = re.compile(
    r"(?:workforce\s+of|employs?|employing|employment\s+(?:\w+\s+){0,4}?(?:estimated\s+at|of|at))\s+"
    r"(?:some\s+|approximately\s+|around\s+|about\s+|over\s+)?$",
    re.I,
)
MONEY_MEASURES = (
    ("turnover", r"turnover|sales|\bgenerat"), ("output", r"\boutput"),
    ("gva", r"\bgva\b|gross value added|economic contribution|contribut"),
    ("exports", r"export"), ("spend", r"\bspen[dt]|expenditure"),
    ("funding", r"fund|cost|invest|budget|grant|allocat|capital|revenue|ring[- ]?fenc|programme|package|support"
                r"|commit|award|back(?:ed|ing)|announc|loan|financ"),
)  # fmt: skip
PERCENT_MEASURES = (
    ("growth_rate", r"grow|growth|increase|rise|rose|expan"),
    ("change", r"fall|fell|fallen|decline|down\b|drop|contract|reduc|cut"),
    ("saving", r"saving"), ("share", r"share|proportion|\bof\b|account"),
)  # fmt: skip
POINTS = re.compile(r"percentage\s+points?", re.I)
POINTS_AFTER = re.compile(r"\s*(?:pp|pts?|points?)\b", re.I)  # percentage points written short: "4.2% points", "3% pp"
# a statistic's level, not a fact: "the 90 percent confidence level", "Rate (95% CI)", "at the 5% significance level"
STATISTICAL_LEVEL = re.compile(r"\s*(?:confidence|credible|significance|probability\s+level|CI\b|C\.I\.)", re.I)
SIGNIFICANT_AT = re.compile(r"\bsignificant(?:ly)?\s+(?:different\s+)?at\s+(?:the\s+)?$", re.I)  # "... at the 5% level"
# a year before the currency it names: the prices a table's amounts are in ("2005 U.S. dollars", "2019 euros")
PRICE_BASE = re.compile(rf"{YEAR.pattern}\s+(?!million|billion|thousand|bn|m\b)[A-Za-z.]")
# an ordinal before a fraction in words: a part of a span of time, not a share ("the first three quarters of 2009")
PART_OF_TIME = re.compile(r"\b(?:first|second|third|last|next|past|final|latter|former|early|late)\s+$", re.I)
# an age, not a count: "adults aged 15 to 64", "people aged between 16 and 24", "ages 18 to 25"
AGED = re.compile(r"\b(?:aged|ages)\s+(?:between\s+|from\s+|over\s+|under\s+)?$", re.I)
PART_OF = re.compile(r"\s+of\s+(?!(?:growth|increase|decrease|decline|change)\b)", re.I)
FORECAST = re.compile(r"\b(forecast|expected|projected|predicted|target(?:ed)?|estimated|likely)\b", re.I)
# A plural noun a count counts: right after the number, or after one or two lower-case words, and not followed by
# "of" ("5 times of", "3 years of"); a capitalised noun ("9 LEPs") counts too.
PLURAL_AFTER = re.compile(
    r"\s+(?:(?!(?:from|to|in|of|for|per|by|with|at|on|than|into|over|under|between|across|within)\s)[a-z][a-z-]+\s+){0,2}?"
    r"(?P<noun>[a-z][a-z-]{2,}(?<![siu])s|[A-Z]{2,}s)\b(?!\s+of\b)(?!['’])"
)
# where the words a number qualifies stop: punctuation of a clause, a bracket, or a verb phrase starting
SUBJECT_BREAK = re.compile(
    r"[,;:()–—]|\.(?:\s|$)|\s(?:is|are|was|were|has|have|had|will|would|which|that|who|and\s+(?:a|an|the)|to\s+be)\s",
    re.I,
)
SUBJECT_NOT_A_START = frozenset({"per", "cent", "percent", "by", "to", "and", "or", "between"})
_LINKS = (
    r"of|in|for|from|on|into|with|at|to|by|around|about|over|some|worth|valued\s+at|estimated\s+at|reached"
    r"|totall?ed|stood"
)
SUBJECT_EDGE_START = re.compile(rf"^(?:{_LINKS}|and|or|a|an)\s+", re.I)
SUBJECT_EDGE_END = re.compile(
    rf"\s+(?:{_LINKS}|and|or|a|an|the|than|more|less|almost|nearly|approximately|just)$", re.I
)
MIN_BEFORE_WORDS = 1
MAX_SUBJECT_WORDS = 10
# what a number right after it labels, not counts: a reference word ("part 39", "Level 3"), or a number joined to it
# by a dash or slash, of which it is the tail (an identifier: "AD 2018-23-51", "737-9")
LABELLED = re.compile(rf"(?:\b(?:{'|'.join(sorted(LABEL_NOUNS))})\.?\s*|\d[-‐‑–/])$", re.I)
KNOWN_UNITS = frozenset(unit for unit, _ in COUNT_NOUNS.values())
MIN_HOME_MENTIONS = 5  # a place named this often is what a document is about, unless a sentence names another
NOT_THINGS = NOT_COUNTED | NOT_NOUNS  # plural words after a number that name no things it counts
MIN_COUNT = 10  # a count of a noun COUNT_NOUNS does not know is a figure from ten up (not a year)
# a money quantity's currency as printed (numbers.CURRENCIES: a sign, or "Rs"), or as the quantity pattern also
# reads it ("Rs.", a code before the number), and its code
CURRENCIES = {**SIGN_CURRENCIES, "Rs.": "INR", **{code: code for code in ("GBP", "EUR", "USD", "INR")}}
SCALE_WORD = re.compile(rf"\d\s?(?:{SCALE_WORDS})\b", re.I)
MIN_ROW_FIGURES = 2  # a sentence of at least this many figures ...
WORD = re.compile(r"[A-Za-z][a-z]+")  # ... and fewer words than them (a word: two letters or more) is rows
# a table's row of a label and its amount: "Contact Center Services $8.6M", "Monoprix 28%"; no sentence's break
LABELLED_AMOUNT = re.compile(r"[A-Z][^\n]*?[^\s.,;:]\s+[-+]?[£$€]?\s?\d[\d,.]*\s?(?:%|[mMkK]|bn|[mb]illion)?\*?\s*")
MIN_LABELLED_ROWS = 3  # lines of a label and its amount that make a sentence a table's rows
MIN_SIDE_BY_SIDE = 3  # figures set side by side with only spaces between them: a table row
MIN_ROW_LINE_FIGURES = 2  # a line of a sentence with this many figures and no more words is a row
# a count printed as a year or a span of years is a year unless the noun it counts follows it ("2,017 businesses"
# would carry its comma; "from 2013 to 2020 with SMEs" is a period)
YEAR_SHAPED = re.compile(r"(?:19|20)\d{2}(?:\s*(?:[-–]|to)\s*(?:19|20)\d{2})?")
UP_FROM = re.compile(r"\s*,?\s*(?:up|down|compared\s+with|compared\s+to)\s+from\s+", re.I)
_CHANGE_VERBS = (
    r"ris\w*|rose|f[ae]ll\w*|increas\w*|decreas\w*|gr[eo]w\w*|declin\w*|reduc\w*|cut|dropp?\w*|went|moved?"
    r"|chang\w*|doubl\w*|tripl\w*|halv\w*|jump\w*|climb\w*|expand\w*|shr[ai]nk\w*"
)
CHANGE_REACH = 80  # characters before "from" a word of change is looked for in: the word, and at most 60 more
# between it and "from" ("A UK-wide cut in VAT for the tourism and hospitality sectors from")
CHANGE_FROM = re.compile(rf"\b(?:{_CHANGE_VERBS}|up|down)\b[^.;]{{0,60}}?\bfrom\s+$", re.I)
_LEVEL_QUALIFIER = r"(?:around|about|approximately|almost|nearly|some|over|more\s+than|roughly|an\s+estimated)"
# what joins where a change started to where it ended: "to", "to around", or a phrase of the first figure's own
# ("from 12% of output in 2001 to 19%"): a preposition's phrase, no comma, no word that relates the second figure
# to something else ("compared to", "similar to", "due to") or starts another clause ("while ... rose to")
CHANGE_TO = re.compile(
    rf"\s(?:(?:of|in|at|for|among|across)\s(?:(?!compared|similar|equivalent|due|close|relative|according|while"
    rf"|whereas|and|but|or\b)[^,.;:!?]){{0,60}}?\s)?to\s+(?:{_LEVEL_QUALIFIER}\s+)?",
    re.I,
)
# a verb of change, then "by" right before a figure: how much something changes ("grow sales by £40m to £900m")
CHANGE_BY = re.compile(rf"\b(?:{_CHANGE_VERBS})\b(?:\s+[\w’'-]+){{0,8}}?\s+by\s+(?:{_LEVEL_QUALIFIER}\s+)?$", re.I)
LEVEL_TO = re.compile(rf"\s*to\s+(?:{_LEVEL_QUALIFIER}\s+)?", re.I)
MIN_LEVEL_RATIO = 3  # "by £40m to £900m": a level reached is this many times the money change at least ("cut by
# £2m to £5m" is a range of cuts)
# a year labelling the figure after it at the opening of a bracket: "(2012: 26.6% of total expenditure)"
YEAR_LABEL = re.compile(r"\(\s*((?:19|20)\d{2})\s*:\s*$")
# a verb dating an event just before a period phrase: the date of an announcement, not the figure's period
EVENT_DATE = re.compile(
    r"\b(?:announced|published|launched|agreed|unveiled|confirmed|set\s+out|introduced|signed|appointed|held)"
    r"(?:\s+\w+){0,2}\s*$",
    re.I,
)
EVENT_AFTER = re.compile(
    r"\s*,?\s*(?:[\w’']+\s+){0,3}(?:announced|published|launched|agreed|unveiled|confirmed|set\s+out|introduced"
    r"|signed|appointed|held)\b",
    re.I,
)
CREATION = re.compile(
    r"\b(?:creat(?:e[sd]?|ing|ion)\b|new|additional|further|growth\s+opportunity|safeguard\w*)\b", re.I
)


def document_to_figures(view: DocumentView) -> tuple[list[Figure], list[SourceIssue]]:
    """Every figure in the clean paragraphs and list items, and the reversed ranges among them."""
    text = view.doc.text
    indexed = [(i, b) for i, b in view.body_blocks() if may_hold_quantities(view.text(b))]
    spans = [view.item_span(b) for _, b in indexed]
    figures: list[Figure] = []
    issues: list[SourceIssue] = []
    home = home_place(text)
    for (_, block), sentences in zip(indexed, view.sentences(spans), strict=True):
        cluster_default, _ = view.cluster_of(block.section_id)
        for s, e in sentences:
            found = len(figures)
            cluster_id = _sentence_cluster(view, s, e) or cluster_default
            quantities = _quantities(text, s, e)
            for q in (q for q in quantities if q.implausible):
                issues.append(
                    SourceIssue(
                        "implausible_number", "warning",
                        f"{text[q.start:q.end][:60]!r} is too large to be a figure (more than {MAX_VALUE:,.0f} in "
                        "base units): it is not stored as one",
                        char_start=q.start, char_end=q.end, extractor=EXTRACTOR, confidence=1.0,
                    )
                )  # fmt: skip
            if _row_of_figures(text, s, e, quantities):
                continue  # a table's or a chart's rows read as a paragraph ("41,898 344,488 13.3% 75.2%"), not prose
            for figure in _figures(text, s, e, cluster_id, [q for q in quantities if not q.implausible]):
                figures.append(figure)
                if figure.quality == "reversed_range":
                    issues.append(
                        SourceIssue(
                            "reversed_range", "warning",
                            f"the range {text[figure.char_start:figure.char_end]!r} runs backwards: its low end is "
                            "above its high end (kept as printed, with quality 'reversed_range')",
                            char_start=figure.char_start, char_end=figure.char_end, extractor=EXTRACTOR,
                            confidence=0.95,
                        )
                    )  # fmt: skip
            figures[found:] = [replace(f, place=_place(text, s, e, f.char_start) or home) for f in figures[found:]]
    return figures, issues


def _row_of_figures(text: str, s: int, e: int, quantities: list[Quantity]) -> bool:
    """Rows of a table or a chart the layout read as a paragraph, whose figures say nothing without their column
    heads: a sentence with fewer words than its numbers that are no years, when it is one line (``41,898 344,488
    13.3% 75.2%``, ``East of England 36 9.1% 10.0% 10.0%``, ``62% B 68%``), or than its amounts and percentages
    however many lines it runs over (a table's rows run together: ``51+ employees 8 2.01% 0.06% 0.05% 1 employee 29
    7.29% …``; not chart ticks run into a sentence's start, ``0 1 2 3 4 5.2% in Q3 2012``, which are no amounts)."""
    spans = [(q.start, q.end) for q in quantities]
    words = _words_besides(text, s, e, spans)
    numbers = [q for q in quantities if not YEAR_SHAPED.fullmatch(text[q.start : q.end])]  # "5.2% in Q3 2012"
    amounts = [q for q in quantities if q.kind in ("money", "percent")]
    one_line = "\n" not in text[s:e].strip()
    if one_line and len(numbers) >= MIN_ROW_FIGURES and words < len(numbers):
        return True
    return (len(amounts) >= MIN_ROW_FIGURES and words < len(amounts)) or _rows_run_together(text, s, e, numbers, spans)


def _rows_run_together(text: str, s: int, e: int, numbers: list[Quantity], spans: list[tuple[int, int]]) -> bool:
    """A sentence over several lines at least half of whose lines with numbers are rows of figures, each with no
    more words than its numbers that are no years, and at least MIN_ROW_LINE_FIGURES of them (``Germany 233 Germany
    119 Spain 85 21%`` / ``United Kingdom 139 United Kingdom`` / ``Italy 92 Italy 82 France 46 6%``: a table's
    columns read across; ``0 reclassifications 52 52% 14 64%`` under header lines of words), or with figures side by
    side (:func:`_side_by_side`: ``Left out of things 27.9% 52.2% 19.9%``). A line of prose set in
    a narrow column (``£5.2bn, 12% of``) is one such line among lines of prose with numbers. So is a sentence most
    of whose lines with numbers, MIN_LABELLED_ROWS at least, are a label and the amount that ends it (``Contact
    Center Services $8.6M`` / ``Web Management and Content $6.1M``: a table of one column of amounts); prose wrapped
    at an amount goes on in lower case."""
    rows = labelled = numbered = 0
    for a, b in ((s + m.start(), s + m.end()) for m in re.finditer(r"[^\n]+", text[s:e])):
        on_line = [q for q in numbers if a <= q.start < b]
        words = _words_besides(text, a, b, spans)
        numbered += bool(on_line)
        rows += (len(on_line) >= MIN_ROW_LINE_FIGURES and words <= len(on_line)) or _side_by_side(text, on_line)
        labelled += len(on_line) == 1 and bool(LABELLED_AMOUNT.fullmatch(text, a, b)) and on_line[0].end >= b - 2
    return (rows >= 2 and 2 * rows >= numbered) or (labelled >= MIN_LABELLED_ROWS and 2 * labelled >= numbered)


def _words_besides(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> int:
    """The words of ``text[s:e]`` outside the figures' ``spans`` (a word: :data:`WORD`)."""
    return sum(1 for m in WORD.finditer(text, s, e) if not any(a <= m.start() < b for a, b in spans))


def _side_by_side(text: str, on_line: list[Quantity]) -> bool:
    """MIN_SIDE_BY_SIDE figures or more with nothing but spaces between them: a table's cells in a row
    (``Left out of things 27.9% 52.2% 19.9%``); prose puts words or commas between its figures."""
    run = 1
    for a, b in pairwise(on_line):
        run = run + 1 if not text[a.end : b.start].strip() else 1
        if run >= MIN_SIDE_BY_SIDE:
            return True
    return False


def _place(text: str, s: int, e: int, at: int) -> str | None:
    """The place a figure's sentence names: the last one before the figure, else the first after it."""
    pattern, canonical = places()
    named = list(pattern.finditer(text, s, e))
    before = [m for m in named if m.end() <= at]
    m = before[-1] if before else (named[0] if named else None)
    return canonical[m.group(0)] if m else None


def place_named(words: str) -> str | None:
    """The first place ``words`` name, as the gazetteer names it."""
    pattern, canonical = places()
    m = pattern.search(words)
    return canonical[m.group(0)] if m else None


def home_place(text: str) -> str | None:
    """The place a document is about: the gazetteer place it names most, at least :data:`MIN_HOME_MENTIONS`
    times (a region's plan names its region throughout; a national strategy, its country)."""
    pattern, canonical = places()
    counts = Counter(canonical[m.group(0)] for m in pattern.finditer(text))
    if not counts:
        return None
    place, n = counts.most_common(1)[0]
    return place if n >= MIN_HOME_MENTIONS else None


def _quantities(text: str, s: int, e: int) -> list[Quantity]:
    """The quantities of the sentence ``text[s:e]`` outside its fiscal periods (``2005-06`` is not 2005 and 6)."""
    masked = [(m.start(), m.end()) for m in fiscal_period().finditer(text, s, e)]
    return [q for q in text_to_quantities(text, s, e) if not any(a <= q.start < b for a, b in masked)]


def sentence_to_figures(text: str, s: int, e: int, cluster_id: str | None) -> list[Figure]:
    """The figures of one sentence ``text[s:e]`` (a number too large to be a figure is not one)."""
    return _figures(text, s, e, cluster_id, [q for q in _quantities(text, s, e) if not q.implausible])


def _figures(text: str, s: int, e: int, cluster_id: str | None, quantities: list[Quantity]) -> list[Figure]:
    items: list[_Item] = []
    k = 0
    while k < len(quantities):
        q = quantities[k]
        pair = quantities[k + 1] if k + 1 < len(quantities) else None
        ends = _change_end(text, s, quantities, k)
        if ends is not None:  # "fell from 20% to 5%": where it ended, and where it started
            end = quantities[ends]
            items.append(_Item(q.start, end.end, end.value, None, None, end, before=q.value))
            k = ends + 1
        elif pair is not None and _is_change_then_level(text, s, q, pair):  # "grow by £40m to £900m": two figures
            items.append(_Item(q.start, q.end, q.value, None, None, q, change=True))
            items.append(_Item(pair.start, pair.end, pair.value, None, None, pair))
            k += 2
        elif pair is not None and _is_range(text, q, pair):
            items.append(_Item(q.start, pair.end, None, _shared_scale(text, q, pair), pair.value, pair))
            k += 2
        elif pair is not None and q.kind == pair.kind and UP_FROM.fullmatch(text[q.end : pair.start]):
            items.append(_Item(q.start, q.end, q.value, None, None, q, before=pair.value))  # "£5bn, up from £3bn"
            k += 2
        else:
            items.append(_Item(q.start, q.end, q.value, None, None, q))
            k += 1
    out: list[Figure] = []
    for item in items:
        others = [(i.start, i.end) for i in items if (i.start, i.end) != (item.start, item.end)]
        figure = _figure(text, s, e, item.start, item.end, item.value, item.low, item.high, item.q, cluster_id, others)
        if figure is None:
            continue
        if item.before is not None:
            figure = replace(figure, value_before=item.before)
        out.append(replace(figure, measure="change") if item.change else figure)
    return out


class _Item(NamedTuple):
    """A figure read from a sentence's quantities: its span, its value (or a range's ends), the quantity
    that prints its unit, the value a change started from, and whether it is itself a change."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    q: Quantity
    before: float | None = None
    change: bool = False


def _change_end(text: str, s: int, quantities: list[Quantity], k: int) -> int | None:
    """The index of the quantity where a change from ``quantities[k]`` ends: the next one (``from 1500 to 2000
    jobs``, tried first even when printed like years), or past the years dating its start (``from 12% of output
    in 2001 to 19%``, never from a year); None when ``quantities[k]`` starts no change."""
    if k + 1 < len(quantities) and _is_change(text, s, quantities[k], quantities[k + 1]):
        return k + 1
    if _a_year(text, quantities[k]):
        return None
    j = next((j for j in range(k + 1, len(quantities)) if not _a_year(text, quantities[j])), None)
    return j if j is not None and j > k + 1 and _is_change(text, s, quantities[k], quantities[j]) else None


def _shared_scale(text: str, a: Quantity, b: Quantity) -> float:
    """The low end of a range in the high end's scale when only the high end prints one: ``£7–£10 billion`` is
    7 to 10 billion pounds (a low end printed with its own scale, ``£850m – £1bn``, keeps it)."""
    low_printed, high_printed = text[a.start : a.end], text[b.start : b.end]
    if SCALE_WORD.search(low_printed) or not SCALE_WORD.search(high_printed):
        return a.value
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", high_printed)
    number = float(digits.group(0).replace(",", "")) if digits else 0.0
    multiplier = b.value / number if number else 1.0
    scaled = a.value * multiplier
    return scaled if scaled <= b.value else a.value  # "£900–£1 billion" is not 900 billion


def _is_change(text: str, s: int, a: Quantity, b: Quantity) -> bool:
    """``from X to Y`` after a word of change (``rose from £3bn to £5bn``, ``reduced from 20% to 5%``, ``increased
    from EUR 2 billion to around EUR 6 billion``, ``climbed from 12% of output in 2001 to 19%``, ``a cut in VAT
    for the tourism and hospitality sectors from 20% to 5%``): a change, not a range (``loans from £10,000 to
    £250,000`` is a range)."""
    if CHANGE_FROM.search(text[max(s, a.start - CHANGE_REACH) : a.start]) is None:
        return False
    joint = text[a.end : b.start]
    if _is_range(text, a, b):
        return joint.strip().lower() == "to"
    return a.kind == b.kind and a.currency == b.currency and CHANGE_TO.fullmatch(joint) is not None


def _a_year(text: str, q: Quantity) -> bool:
    """A count printed as a year (``1995``): between the two ends of a change, a date (``2,000 jobs`` prints its
    comma; a pair of quantities is tried as a change before any year is passed over)."""
    return q.kind == "count" and YEAR.fullmatch(text[q.start : q.end]) is not None


def _is_change_then_level(text: str, s: int, a: Quantity, b: Quantity) -> bool:
    """``by X to Y`` after a verb of change: how much something changes, then the level it reaches (``grow sales
    by £40m to £900m``, ``rise by five percentage points to 35%``), two figures rather than a range. The change is
    in percentage points (a difference, never a range's end beside a percentage), or money printed with its own
    currency, the level at least MIN_LEVEL_RATIO times it (``cut by £2m to £5m`` is a range of cuts; so is ``by 2%
    to 5%``, no change in points; ``financed by £10,000 to £50,000``, no verb of change)."""
    if not CHANGE_BY.search(text[max(s, a.start - 90) : a.start]) or not LEVEL_TO.fullmatch(text[a.end : b.start]):
        return False
    if a.kind == b.kind == "money":
        return a.currency is not None and a.currency == b.currency and b.value >= MIN_LEVEL_RATIO * a.value
    return a.kind == b.kind == "percent" and POINTS.search(text, a.start, a.end) is not None


def _is_range(text: str, a: Quantity, b: Quantity) -> bool:
    """Two quantities joined as a range: same kind, or a bare number before a percentage or money
    (``5 to 10%``); never a year before another number (``1992 to 5.7%``)."""
    joint = text[a.end : b.start]
    if not range_joint().fullmatch(joint):
        return False
    if a.kind != b.kind and not (a.kind == "count" and re.fullmatch(r"\d{1,3}(?:\.\d+)?", text[a.start : a.end])):
        return False
    low, high = text[a.start : a.end], text[b.start : b.end]
    if a.kind == "count" and low.isdigit() and high.isdigit() and len(high) < len(low) and b.value < a.value:
        return False  # "737–9", "1995–9": a designation or the last digits of an abbreviated span, never a range
    if joint.strip().lower() == "and":
        return re.search(r"\bbetween\s+$", text[max(0, a.start - 12) : a.start], re.I) is not None
    return True


def _figure(
    text: str,
    s: int,
    e: int,
    start: int,
    end: int,
    value: float | None,
    low: float | None,
    high: float | None,
    q: Quantity,
    cluster_id: str | None,
    others: list[tuple[int, int]],
) -> Figure | None:
    before = text[max(s, start - 60) : start]
    after = text[end : min(e, end + 60)]
    clause = _clause(text, s, e, start, end)
    unit: str | None
    if q.kind == "money":
        if PRICE_BASE.match(text, start, end):
            return None  # "in 2005 U.S. dollars": the year whose prices the amounts are in, not an amount
        unit = CURRENCIES.get(q.currency or "", "GBP")
        # the words right around the number, else its clause ("export earnings ... £1.4 billion each year")
        measure = _measure(before[-40:] + " " + after[:40], MONEY_MEASURES, "") or _measure(
            clause, MONEY_MEASURES, "money"
        )
    elif q.kind == "percent":
        if STATISTICAL_LEVEL.match(after) or SIGNIFICANT_AT.search(before):
            return None  # "significant at the 90 percent confidence level"
        if PART_OF_TIME.search(before) and not any(c.isdigit() for c in text[start:end]):
            return None  # "the first three quarters of 2009", "the second half of the project": a span of time
        unit, measure = "percent", _measure(before[-40:] + " " + after[:25], PERCENT_MEASURES, "share")
        if PART_OF.match(after):
            measure = "share"  # "rise to 2.5% of its GDP": a part of a whole, whatever moves it
        if POINTS.search(text, start, end) or POINTS_AFTER.match(after):
            measure = "change"  # "four percentage points": a difference between two percentages
    else:
        if LABELLED.search(before) or AGED.search(before):
            return None  # "Level 3 apprenticeships", "part 39 continues", "AD 2018-23-51 applies": a label; an age
        counted = ("people", "employment") if COUNT_LEAD_INS.search(before) else _counted(after)
        generic = counted is not None and counted[1] == "count" and counted[0] not in KNOWN_UNITS
        number = value if value is not None else (low or 0)
        if counted is None or (generic and (number < MIN_COUNT or 1900 <= number <= 2100)):
            return None  # "the 3 partners met": a few of something unnamed is prose, not a figure
        unit, measure = counted
        if any(v is not None and not float(v).is_integer() for v in (value, low, high)):
            return None  # "3.7 UK companies": a paragraph's number (or a ratio), as no one counts 3.7 companies
        year_like = value is not None and 1900 <= value <= 2100 and float(value).is_integer() and not after.strip()
        if year_like:
            return None
        if YEAR_SHAPED.fullmatch(text[start:end]):
            first = re.match(r"\s*([A-Za-z][\w-]*)", after)
            if first is None or not _counted(first.group(1)):
                return None  # "published in October 2017, engaged widely with businesses": a year, not 2,017 businesses
        if unit == "jobs" and CREATION.search(clause):
            measure = "jobs"
        if unit == "people" and measure == "employment" and not re.search(r"employ|work|job|staff", clause, re.I):
            measure = "count"
    qualifiers = []
    if q.circa:
        qualifiers.append("c")
    qual = figure_qualifier().search(before)
    if qual:
        qualifiers.append(" ".join(qual.group("q").lower().split()).removesuffix(" at"))
    forecast = FORECAST.search(clause)
    if forecast:
        qualifiers.append(forecast.group(1).lower())
    quality = "reversed_range" if low is not None and high is not None and low > high else "ok"
    return Figure(
        cluster_id=cluster_id,
        measure=measure,
        value=value,
        value_low=low,
        value_high=high,
        unit=unit,
        period=_period(text, *_clause_bounds(text, s, e, start, end), start, end, others),
        qualifier=", ".join(dict.fromkeys(qualifiers)) or None,
        char_start=start,
        char_end=end,
        quality=quality,
        confidence=0.3 if quality != "ok" else 0.85,
        subject=_subject(text, s, e, start, end, others),
    )


def _subject(text: str, s: int, e: int, start: int, end: int, others: list[tuple[int, int]]) -> str | None:
    """What the number counts or measures, in the text's words: the phrase right after it up to the next
    break (``21,700 people employed in aerospace`` → ``people employed in aerospace``; ``23% of smaller
    businesses expect ...`` → ``smaller businesses``), or, where nothing follows in its clause, the words
    before it (``The package of support for the sector is worth £0.95bn`` → ``The package of support for the
    sector``)."""
    right = min([e, *(a for a, _ in others if a >= end)])
    after = _trimmed(SUBJECT_BREAK.split(text[end:right], maxsplit=1)[0])
    words = after.split()
    if words and words[0].lower() not in SUBJECT_NOT_A_START:
        return " ".join(words[:MAX_SUBJECT_WORDS])
    left = max([s, *(b for _, b in others if b <= start)])
    for segment in reversed(SUBJECT_BREAK.split(text[left:start])):
        words = _trimmed(segment).split()
        if len(words) >= MIN_BEFORE_WORDS:
            return " ".join(words[-MAX_SUBJECT_WORDS:])
    return None


def _trimmed(phrase: str) -> str:
    """A phrase without the linking words at its ends (``of``, ``in``, ``worth``, ``estimated at``)."""
    phrase = " ".join(phrase.split())
    for _ in range(3):
        phrase = SUBJECT_EDGE_START.sub("", phrase)
        phrase = SUBJECT_EDGE_END.sub("", phrase)
    return phrase.strip(" ,.;:'’\"“”")


# where a sentence's clause ends: a semicolon, ", with", ", while" ..., or ", and" opening a clause of its own with
# a verb ("reaching £21.4 billion, and increased again in 2018 to £23.3 billion")
CLAUSE_BREAK = re.compile(
    r";|,\s+(?=(?:with|while|whilst|but|which|whereas|although)\b)"
    r"|,\s+and\s+(?=(?:then\s+)?(?:[a-z]+ed|is|are|was|were|will|has|have|had|can|could|would|should|may|might|must)\b)",
    re.I,
)


def _clause_bounds(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """The clause around a figure within its sentence: between semicolons or ``, with``/``, while``… breaks."""
    left, right, _ = _clause_breaks(text, s, e, start, end)
    return left, right


def _clause_breaks(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int, re.Match[str] | None]:
    """The clause's bounds (:func:`_clause_bounds`) and the break that opens it, if one does."""
    left, right, opening = s, e, None
    for m in CLAUSE_BREAK.finditer(text, s, e):
        if m.end() <= start:
            left, opening = m.end(), m
        elif m.start() >= end:
            right = m.start()
            break
    return left, right, opening


def _clause(text: str, s: int, e: int, start: int, end: int) -> str:
    """The figure's clause; a clause that opens ``, and <verb>`` shares its subject with the clause before it
    (``exports … reached £21.4 billion, and increased again in 2018 to £23.3 billion``), so it runs from there."""
    left, right, opening = _clause_breaks(text, s, e, start, end)
    if opening is not None and opening.group(0).lstrip(", \n\t").lower().startswith("and"):
        left = _clause_bounds(text, s, e, opening.start(), opening.start())[0]
    return text[left:right]


def _counted(after: str) -> tuple[str, str] | None:
    """The noun a count counts, within a few words after it (not past another number): a known noun
    (:data:`COUNT_NOUNS`, with its unit and measure), else the plural noun right after the number, or after
    one or two lower-case words (``22 science parks`` → ``parks``, ``501 missiles``), measure ``count``; not a
    unit of time or measure (``3 years``, ``5 times``)."""
    words = re.findall(r"[A-Za-z][\w-]*|\d", after)[: MAX_ADJECTIVES + 1]
    for word in words:
        if word.isdigit():
            break
        hit = COUNT_NOUNS.get(word.lower())
        if hit:
            return hit
        if word.lower() in NOT_COUNTED:
            break  # "1.7 times as many businesses", "3 years of jobs growth": what the number is of comes first
    plural = PLURAL_AFTER.match(after)
    if plural and plural.group("noun").lower() not in NOT_THINGS:
        return plural.group("noun").lower(), "count"
    return None


def money_measure(words: str) -> str:
    """What money named by ``words`` measures (turnover, output, gva, exports, spend, funding), else ``money``.

    >>> money_measure("Turnover by sector 2019 Manufacturing"), money_measure("Gross value added"), money_measure("Q3")
    ('turnover', 'gva', 'money')
    """
    return _measure(words, MONEY_MEASURES, "money")


def _measure(window: str, measures: tuple[tuple[str, str], ...], default: str) -> str:
    """The first measure whose words appear around the figure."""
    return next((measure for measure, pattern in measures if re.search(pattern, window, re.I)), default)


# what joins two figures of one clause: "£80m of output and 900 jobs", "sales of £2.9 billion and nearly 12,000 jobs"
COORDINATION = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?:and|or)\s+(?:(?:approximately|around|about|some|over|nearly|almost|more\s+than"
    r"|up\s+to|at\s+least|a\s+further|further)\s+)?|\s*,\s*",
    re.I,
)


def _period(text: str, s: int, e: int, start: int, end: int, others: list[tuple[int, int]]) -> str | None:
    """The period phrase nearest the figure in its clause, normalised. A phrase before the figure
    introduces the clause (``In 2001 there were …``); one after it belongs to this figure unless another
    figure stands between them that is not coordinated with it (``£80m of output and 900 jobs by 2030``
    dates both; in ``£280m of output … by additional 1% per annum`` the period is the 1%'s). A year and a colon
    opening a bracket right before the figure date it (``(2011: 54% of gross domestic expenditure …)``)."""
    if dated := YEAR_LABEL.search(text, max(s, start - 12), start):
        return dated.group(1)
    best: tuple[int, str] | None = None
    for m in period_phrase().finditer(text, s, e):
        if m.start() < end and m.end() > start:
            continue
        if m.start() >= end and not _reaches(text, end, m.start(), others):
            continue
        if EVENT_DATE.search(text, max(s, m.start() - 30), m.start()) or EVENT_AFTER.match(text, m.end(), e):
            continue  # "announced in January 2019", "In January 2019, the NHS published ...": when something
            # happened, not the period the figure is for
        distance = m.start() - end if m.start() >= end else (start - m.end()) * 2
        if best is None or distance < best[0]:
            best = (distance, _normalise_period(m.group("period")))
    for m in fiscal_period().finditer(text, s, e):
        if m.start() >= end and not _reaches(text, end, m.start(), others):
            continue
        distance = m.start() - end if m.start() >= end else (start - m.end()) * 2
        if best is None or distance < best[0]:
            best = (distance, fiscal_year_to_period(m.group(0)) or m.group(0))
    return best[1] if best else None


def _reaches(text: str, end: int, target: int, others: list[tuple[int, int]]) -> bool:
    """True when every figure between ``end`` and ``target`` is coordinated with the one before it."""
    position = end
    for qs, qe in sorted(others):
        if position <= qs and qe <= target:
            if not COORDINATION.fullmatch(text[position:qs]):
                return False
            position = qe
    return True


def _normalise_period(phrase: str) -> str:
    """``per annum`` for yearly rates; ``in 2001`` → ``2001``; ``in 2005-2008`` and ``from 2005 to 2008`` →
    ``2005-08`` (``in 2022 to 2019 levels`` → ``2022``: no span runs backwards); ``by 2030`` kept.

    >>> _normalise_period("each year"), _normalise_period("in 2005-08"), _normalise_period("By the end of 2023")
    ('per annum', '2005-08', 'by end of 2023')
    >>> _normalise_period("In the 2019 to 2020 academic year"), _normalise_period("from 2013 to 2020")
    ('2019-20', '2013-20')
    """
    lowered = " ".join(phrase.lower().split())
    if lowered in ("per annum", "per year", "a year", "each year", "every year", "annually"):
        return "per annum"
    if years_in_words().fullmatch(lowered):  # "from 2013 to 2020", "in the 2019 to 2020 academic year"
        ends: list[str] = re.findall(r"(?:19|20)\d{2}", lowered)
        first, last = ends
        if last <= first:
            return first  # "in 2022 to 2019 levels": no span runs backwards
        return fiscal_year_to_period(f"{first}-{last}") or lowered
    if lowered.startswith(("in ", "during ")):
        lowered = lowered.split(" ", 1)[1]
    years = re.search(r"((?:19|20)\d{2})(?:\s?[-–/]\s?((?:19|20)?\d{2}))?$", lowered)
    if years and years.group(2):
        span = fiscal_year_to_period(years.group(0))
        return lowered.replace(years.group(0), span or years.group(0))
    return lowered.replace("the end of ", "end of ")


def _sentence_cluster(view: DocumentView, s: int, e: int) -> str | None:
    """A cluster the sentence names as such (``The ICT Cluster employs …``)."""
    text = view.doc.text
    for m in view.catalogue.names_pattern().finditer(text, s, e):
        if cluster_word_after().match(text[m.end() : min(e, m.end() + 20)]):
            return view.catalogue.lookup(m.group("name"))
    return None
