"""Measures used by the evaluations and tests: word accuracy of recovered text against a transcription,
and precision/recall of extracted records against gold annotations."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of a comparison against gold, with precision, recall and F1."""

    true_positives: int
    found: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.true_positives + other.true_positives, self.found + other.found, self.gold + other.gold)


@dataclass
class Agreement:
    """How often an attribute of the matched records agrees with the gold.

    >>> a = Agreement()
    >>> a.add(True); a.add(False)
    >>> str(a + Agreement(1, 1)), (a + Agreement(1, 1)).rate
    ('2/3 (0.67)', 0.6666666666666666)
    """

    agree: int = 0
    compared: int = 0

    def add(self, ok: bool) -> None:
        self.agree += ok
        self.compared += 1

    @property
    def rate(self) -> float:
        return self.agree / self.compared if self.compared else 1.0

    def __add__(self, other: Agreement) -> Agreement:
        return Agreement(self.agree + other.agree, self.compared + other.compared)

    def __str__(self) -> str:
        return f"{self.agree}/{self.compared}" + (f" ({self.rate:.2f})" if self.compared else "")


# note marks as the reader sets them apart (superscript digits), not the power of a unit ("50,000 m²")
NOTE_MARKS = re.compile(r"(?<!\bm)(?<![kcm]m)(?<!ft)[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def squeeze(text: str) -> str:
    """Text reduced for matching (a prefix, a phrase said twice): note marks (superscript digits, as the reader
    sets them apart) dropped, NFKC, case folded, letters and digits only.

    >>> squeeze("R ecover domestic, overnight")
    'recoverdomesticovernight'
    >>> squeeze("The Government ² will work")
    'thegovernmentwillwork'
    >>> squeeze("50,000 m² of space")
    '50000m2ofspace'
    """
    text = unicodedata.normalize("NFKC", NOTE_MARKS.sub("", text)).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def score_sets(gold: set[str], found: set[str]) -> Score:
    """Precision and recall of a set (e.g. the clusters a document presents)."""
    return Score(len(gold & found), len(found), len(gold))


def score_prefixed(gold: list[tuple[str | None, str]], found: list[tuple[str | None, str]]) -> Score:
    """Items (key, text) against gold items (key, first words): a found item matches an unmatched
    gold item with the same key whose first words begin it (after :func:`squeeze`).

    >>> score_prefixed([("ict", "The vision for")], [("ict", "The vision for this cluster"), ("rail", "x")])
    Score(true_positives=1, found=2, gold=1)
    """
    unmatched = list(gold)
    hits = 0
    for key, text in found:
        squeezed = squeeze(text)
        for i, (gold_key, prefix) in enumerate(unmatched):
            if gold_key == key and squeezed.startswith(squeeze(prefix)):
                hits += 1
                del unmatched[i]
                break
    return Score(hits, len(found), len(gold))


def in_order(gold: list[str], found: list[str]) -> bool:
    """True when the found items begin with the gold first words, one for one, in order."""
    return len(gold) == len(found) and all(squeeze(f).startswith(squeeze(g)) for g, f in zip(gold, found, strict=True))


# (text, start_row, start_col, end_row, end_col) of a table cell; end indices inclusive
GridCell = tuple[str, int, int, int, int]
Relation = tuple[str, str, str]


def adjacency_relations(cells: list[GridCell]) -> list[Relation]:
    """The adjacency relations of one table, as the ICDAR 2013 table competition counts them.

    Each non-empty cell is related to the next non-empty cell to its right in every row it covers, and to
    the next below in every column it covers; blank cells are skipped; a spanning cell is one cell; each
    pair counts once. Cells compare by their text without accents, spaces or non-ASCII characters.

    >>> adjacency_relations([("a", 0, 0, 0, 0), ("", 0, 1, 0, 1), ("b", 0, 2, 0, 2), ("c", 1, 0, 1, 2)])
    [('a', 'b', 'right'), ('a', 'c', 'down'), ('b', 'c', 'down')]
    """
    grid: dict[tuple[int, int], int] = {}
    for i, (_, r0, c0, r1, c1) in enumerate(cells):
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                grid[(r, c)] = i
    texts = [_relation_text(cell[0]) for cell in cells]
    n_rows = max((cell[3] for cell in cells), default=-1) + 1
    n_cols = max((cell[4] for cell in cells), default=-1) + 1
    seen: set[tuple[int, int, str]] = set()
    out: list[Relation] = []
    for direction, lanes, steps in (("right", n_rows, n_cols), ("down", n_cols, n_rows)):
        for lane in range(lanes):
            run = [grid.get((lane, step) if direction == "right" else (step, lane)) for step in range(steps)]
            filled = [i for k, i in enumerate(run) if i is not None and texts[i] and (k == 0 or run[k - 1] != i)]
            for a, b in itertools.pairwise(filled):
                if a != b and (a, b, direction) not in seen:
                    seen.add((a, b, direction))
                    out.append((texts[a], texts[b], direction))
    return out


def _relation_text(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and not ch.isspace() and not unicodedata.combining(ch))


def score_relations(gold: list[Relation], found: list[Relation]) -> Score:
    """Matches between two bags of adjacency relations."""
    hits = Counter(gold) & Counter(found)
    return Score(sum(hits.values()), len(found), len(gold))
