"""Scale words: what multiplies a printed number (``£5m``, ``1.4 billion``, ``£2tn``).

One vocabulary for every reader of numbers: the number parser, the figures' ranges, the entity ruler's
money and counts, and the ``quantity`` pattern. A reader that needs only the spelled words (``124 million
visits``) or only the abbreviations (``£850m``) takes that part.
"""

from __future__ import annotations

from decimal import Decimal

# each power of ten and how documents write it: the word, then its abbreviations as set after a number
SCALE_FORMS: dict[int, tuple[str, ...]] = {
    3: ("thousand", "k"),
    5: ("lakh",),  # South Asian: a hundred thousand ("Rs 5 lakh")
    6: ("million", "m", "mn"),
    7: ("crore",),  # South Asian: ten million ("(In crores of Rupees)")
    9: ("billion", "bn", "b"),
    12: ("trillion", "tn"),
}
SCALES: dict[str, Decimal] = {form: Decimal(10) ** power for power, forms in SCALE_FORMS.items() for form in forms}
SPELLED_SCALES: tuple[str, ...] = tuple(forms[0] for forms in SCALE_FORMS.values())
# the abbreviations prose prints after a number; a bare "b" is not one ("Table 2b"), though
# numbers.scale_to_multiplier reads it when a caller hands it over
ABBREVIATED_SCALES: tuple[str, ...] = tuple(form for forms in SCALE_FORMS.values() for form in forms[1:] if form != "b")


def scale_alternation(forms: tuple[str, ...]) -> str:
    """A regular expression's alternation of scale forms, longest first (``million|thousand|…``), so that
    ``mn`` is tried before ``m``."""
    return "|".join(sorted(forms, key=lambda form: (-len(form), form)))


SCALE_WORDS = scale_alternation(SPELLED_SCALES + ABBREVIATED_SCALES)  # any scale prose prints, for a pattern
SPELLED_SCALE_WORDS = scale_alternation(SPELLED_SCALES)  # "trillion|thousand|billion|million"
