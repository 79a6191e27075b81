"""What every layout step shares: a line's text, section numbers, titles compared, the heading record."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.models import BBox, Line

MAX_HEADING_CHARS = 120


MAX_HEADING_WORDS = 14


_END_PUNCTUATION = (".", ",", ";")


@dataclass(slots=True)
class Heading:
    line: int
    number: str | None
    title: str
    level: int | None
    char_start: int
    char_end: int
    page: int | None
    bbox: BBox | None


def line_text(text: str, line: Line) -> str:
    return text[line.char_start : line.char_end]


def number_depth(number: str) -> int:
    """``'2'`` → 1, ``'2.11'`` → 2."""
    return number.count(".") + 1


def number_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def normalise_title(title: str) -> str:
    """Casefolded words only, for matching a heading against its contents entry.

    >>> normalise_title("Increasing Value-Added")
    'increasing value added'
    """
    return " ".join(re.findall(r"[^\W_]+", title.casefold()))


def title_shape_ok(title: str) -> bool:
    if len(title) > MAX_HEADING_CHARS or len(title.split()) > MAX_HEADING_WORDS:
        return False
    if title.endswith(_END_PUNCTUATION) or not re.search(r"[^\W\d_]", title):
        return False
    first = title[0]
    return first.isupper() or first.isdigit() or not first.isalpha()
