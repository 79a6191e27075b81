"""Measures used by the evaluations and tests: word accuracy of recovered text against a transcription."""

from __future__ import annotations

import unicodedata
from collections import Counter

_EDGE = ".,;:!?\"'()[]{}“”‘’«»*"


def words_of(text: str) -> list[str]:
    """Words for comparison: NFKC, typographic apostrophes unified, edge punctuation dropped, case folded."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return [w for w in (t.strip(_EDGE).casefold() for t in text.split()) if w]


def word_accuracy(reference: str, hypothesis: str) -> float:
    """Share of the reference's words that the hypothesis holds (as a bag of words, so reading order
    in tables and forms does not count against it).

    >>> word_accuracy("The cluster employs 21,000 people", "the cluster emp1oys 21,000 people")
    0.8
    """
    ref = Counter(words_of(reference))
    hyp = Counter(words_of(hypothesis))
    total = sum(ref.values())
    return sum((ref & hyp).values()) / total if total else 1.0
