"""The garble detector: is a passage readable text, or noise that came out of a broken PDF?

It combines signals that good tools use one at a time, each a share of the
passage's characters (so one long noise token weighs more than a short word):

* ``cid``: ``(cid:N)`` markers, glyphs with no Unicode mapping;
* ``bad_chars``: replacement, control and private-use characters;
* ``odd``: tokens that mix scripts (Greek letters inside Latin words) or carry
  brackets and digits glued between letters (``iθaanAdva0.5(b)n-5.(ta0.5(b)``);
* ``doubled``: tokens whose every glyph is drawn twice (``CCiirrccuullaattiioonn``),
  what fake-bold headings give;
* ``words``: the share of letters in tokens of three or more letters that are
  real words (see :mod:`pipeline.language.lexicon`). Low on its own it means unreadable
  text; when shifting every letter by a constant makes it high, the text is
  glyph-shifted (``Wkh`` for ``The``), which passes every character-ratio check.

The thresholds below were chosen from the labelled examples in
``tests/data/garble_examples.jsonl`` (see ``tests/unit/test_garble.py``, which
measures them): every garbled example scores at or above its threshold and no
clean one does.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from pipeline.language import patterns
from pipeline.language.lexicon import lexicon

CID_SHARE = 0.10
BAD_CHAR_SHARE = 0.05
ODD_SHARE = 0.25
DOUBLED_SHARE = 0.40
MIN_WORD_SHARE = 0.50
SHIFTED_WORD_SHARE = 0.70
LETTER_BY_DIGIT = re.compile(r"[^\W\d_][\d.]*\d|\d[\d.]*[^\W\d_]")  # a0.5, 5.(t: not 47(3) nor (g,h,i)
NUMBER_LIKE = re.compile(r"[\d.,%()+\-–−/]+")  # figures, whatever their separators: never shifted words
MIN_WORD_EVIDENCE = 40  # letters in 3+ letter tokens before the word share is trusted
MIN_CID_MARKERS = 3
MANY_CID_MARKERS = 10
MIN_BAD_CHARS = 3
MIN_DOUBLED_TOKENS = 4
MIN_DOUBLED_PAIRS = 3
MIN_SHIFT_TOKENS = 5
MIN_WORDLESS_TOKENS = 3
SHIFT_RANGE = 40
SHIFT_SAMPLE_TOKENS = 60

_EDGE_PUNCTUATION = ".,;:!?\"'()[]{}“”‘’«»*-–—/…"


class Verdict(StrEnum):
    CLEAN = "clean"
    CID = "cid"
    BAD_CHARS = "bad_chars"
    ODD = "odd"
    DOUBLED = "doubled"
    SHIFTED = "shifted"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class GarbleScore:
    """How garbled a passage is: the verdict, the strongest signal as a 0–1 score, and every signal."""

    verdict: Verdict
    score: float
    signals: dict[str, float] = field(default_factory=dict)
    shift: int | None = None
    sample: str = ""

    @property
    def garbled(self) -> bool:
        return self.verdict is not Verdict.CLEAN

    def explain(self) -> str:
        """The verdict in words an analyst understands."""
        quoted = f" (it reads '{self.sample}')" if self.sample else ""
        return {
            Verdict.CLEAN: "the text reads as words",
            Verdict.CID: f"the text is glyph codes '(cid:N)' with no letters behind them{quoted}",
            Verdict.BAD_CHARS: f"the text is made of replacement, control or private-use characters{quoted}",
            Verdict.ODD: f"the text is noise from a broken PDF text layer: letters, digits, brackets and "
            f"Greek letters jumbled inside words{quoted}",
            Verdict.DOUBLED: f"every letter is printed twice, as fake-bold headings come out of PDFs{quoted}",
            Verdict.SHIFTED: f"every letter is shifted by {self.shift} code points from the real one{quoted}",
            Verdict.UNREADABLE: f"too few of its words are words of any language the lexicon knows{quoted}",
        }[self.verdict]


def tokens_of(text: str) -> list[str]:
    return text.split()


def strip_edges(token: str) -> str:
    return token.strip(_EDGE_PUNCTUATION)


def is_doubled(token: str) -> bool:
    """Every glyph drawn twice: ``CCiirrccuullaattiioonn``; not ``committee`` or ``88``.

    >>> is_doubled("CCiirrccuullaattiioonn"), is_doubled("committee"), is_doubled("aabb")
    (True, False, True)
    """
    return len(token) >= 4 and len(token) % 2 == 0 and token[0::2] == token[1::2] and any(c.isalpha() for c in token)


@functools.lru_cache(maxsize=1 << 16)
def is_odd(token: str) -> bool:
    """Scripts mixed in one word, or brackets and digits glued between letters; not a citation's volume and
    issue (``1998;47(3):1–16``) nor a chemical's name (``Benzo(g,h,i)perylene``), which bracket no letter beside a
    digit.

    >>> samples = ("iθaanAdva0.5(b)n-5.(ta0.5(b)giθa)eers", "CO2", "(2005-08)", "organisation(s)", "2021-22(£m)",
    ...            "aG0.4(e)n-0.2(d)", "1998;47(3):1–16,", "Benzo(g,h,i)perylene")
    >>> [is_odd(t) for t in samples]
    [True, False, False, False, False, True, False, False]
    """
    core = strip_edges(patterns.benign_bracket_suffix().sub("", token))
    if len(core) < 3:
        return False
    scripts = {_script(c) for c in core if c.isalpha()}
    if len(scripts - {"other"}) > 1:
        return True
    return sum(c in "()[]{}" for c in core) >= 2 and bool(LETTER_BY_DIGIT.search(core))


@functools.lru_cache(maxsize=1 << 16)
def is_address(token: str) -> bool:
    """URLs, e-mail addresses and file paths, which are neither words nor noise.

    >>> is_address("https://www.gov.uk/x"), is_address("Documents/2019-09-24_Item.pdf"), is_address("plan")
    (True, True, False)
    """
    return bool(patterns.address_like().search(token))


@functools.lru_cache(maxsize=4096)
def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    for script in ("LATIN", "GREEK", "CYRILLIC", "ARABIC", "HEBREW", "CJK"):
        if name.startswith(script):
            return script.lower()
    return "other"


def _bad_char(char: str) -> bool:
    if char in "\t\n\f\r":
        return False
    category = unicodedata.category(char)
    return char == "\ufffd" or category in ("Cc", "Co", "Cs", "Cn")


def _bad_char_count(text: str) -> int:
    """Bad characters inside words; a run of one counted at most three times (dot leaders drawn as U+FFFD).

    A bad character standing alone is a bullet or symbol from a private font (U+F0B7), not noise.
    """
    bad = {char for char in set(text) if _bad_char(char)}  # a passage has a few dozen distinct chars
    if not bad:
        return 0
    count = 0
    for token in tokens_of(text):
        if len(token) < 2 or bad.isdisjoint(token):
            continue
        for char, run in itertools.groupby(token):
            if char in bad:
                count += min(3, len(list(run)))
    return count


class _Token(NamedTuple):
    """What the garble detector makes of one token, wherever it stands (see :func:`text_to_garble_score`)."""

    kind: str  # "address", "cid", "doubled", "odd" or "text"
    core: str  # the token without its edge punctuation
    candidate: bool  # three or more chars and not a figure: a word, or a shifted one
    lettered: bool  # letters mixed with symbols
    judged: bool  # three or more letters, not all capitals: judged as a word or not
    known: bool  # judged, and a word of the lexicon


@functools.lru_cache(maxsize=1 << 17)
def _token(token: str) -> _Token:
    core = strip_edges(token)
    if is_address(token):
        return _Token("address", core, False, False, False, False)
    if "(cid:" in token:
        return _Token("cid", core, False, False, False, False)
    if is_doubled(core):
        return _Token("doubled", core, False, False, False, False)
    if is_odd(token):
        return _Token("odd", core, False, False, False, False)
    long = len(core) >= 3
    candidate = long and not NUMBER_LIKE.fullmatch(core)  # "2,4" is a figure (a decimal comma), not a word
    judged = long and core.isalpha() and not core.isupper()
    # letters mixed with symbols: a word only if a mis-mapped font made it so
    lettered = long and not core.isupper() and not core.isalpha() and sum(c.isalpha() for c in core) >= 3
    if lettered and _words_joined(core):
        return _Token("text", core, bool(candidate), False, True, True)  # "10-Year", "co-operation", "3rd-party"
    return _Token("text", core, bool(candidate), lettered, judged, judged and core.lower() in lexicon())


def _words_joined(core: str) -> bool:
    """A token whose runs of letters, between hyphens, slashes, apostrophes or digits, are words of the lexicon
    (``10-Year``, ``SME/start-up``): text, not letters a mis-mapped font mixed with symbols (``e$ect``)."""
    if not re.fullmatch(r"[\w'’/-]+", core):
        return False
    parts = re.findall(r"[^\W\d_]+", core)
    return any(len(p) >= 3 for p in parts) and all(p.lower() in lexicon() for p in parts if len(p) >= 2)


def text_to_garble_score(text: str, judge_words: bool = True) -> GarbleScore:
    """Score a passage (a block, a table cell, a whole page).

    ``judge_words=False`` keeps to the hard signals (codes, bad characters, noise tokens,
    doubled glyphs): a single line is too short to be judged on its share of real words.
    """
    tokens = tokens_of(text)
    total = sum(len(t) for t in tokens)
    if total == 0:
        return GarbleScore(Verdict.CLEAN, 0.0)
    words = lexicon()
    cid = odd = doubled = n_doubled = lettered = 0
    word_letters = judged_letters = n_judged = 0
    bad = _bad_char_count(text)
    first_bad = ""
    paired = doubled_pairs(tokens)
    candidates: list[str] = []
    distinct: set[str] = set()  # the judged and lettered tokens' cores, each once
    for i, token in enumerate(tokens):
        seen = _token(token)
        if seen.kind == "address":
            continue  # URLs and paths: neither words nor noise
        if i in paired:  # "Circulation Circulation": a word drawn twice, apart enough to split
            doubled += len(token)
            n_doubled += len(seen.core) >= 3 and any(c.isalpha() for c in token)
            first_bad = first_bad or token
            continue
        if seen.kind != "text":
            if seen.kind == "cid":
                cid += len(token)
            elif seen.kind == "doubled":
                doubled += len(token)
                n_doubled += 2  # one token holding a word drawn twice counts as a pair
            else:
                odd += len(token)
            first_bad = first_bad or token
            continue
        if seen.candidate:
            candidates.append(seen.core)
        lettered += seen.lettered
        if seen.judged or seen.lettered:
            distinct.add(seen.core)
        if seen.judged:
            n_judged += 1
            judged_letters += len(seen.core)
            if seen.known:
                word_letters += len(seen.core)
    signals = {
        "cid": cid / total,
        "bad_chars": bad / max(len(text), 1),
        "odd": odd / total,
        "doubled": doubled / total,
        "words": word_letters / judged_letters if judged_letters else 1.0,
        "judged_letters": float(judged_letters),
    }
    sample = _sample(first_bad or text)
    n_cid = text.count("(cid:")
    if n_cid >= MANY_CID_MARKERS or (n_cid >= MIN_CID_MARKERS and signals["cid"] >= CID_SHARE):
        return GarbleScore(Verdict.CID, min(1.0, signals["cid"] / CID_SHARE / 2 + 0.5), signals, sample=sample)
    if n_doubled >= MIN_DOUBLED_TOKENS and signals["doubled"] >= DOUBLED_SHARE:
        return GarbleScore(Verdict.DOUBLED, signals["doubled"], signals, sample=sample)
    if signals["odd"] >= ODD_SHARE:
        return GarbleScore(Verdict.ODD, signals["odd"], signals, sample=sample)
    if judge_words and len(candidates) >= MIN_SHIFT_TOKENS and _word_share(candidates, words) < MIN_WORD_SHARE:
        shift = best_shift(candidates, words)
        if shift is not None:
            decoded = _sample(shift_text(text, shift))
            return GarbleScore(Verdict.SHIFTED, 1 - signals["words"], signals, shift=-shift, sample=decoded)
    if bad >= MIN_BAD_CHARS and signals["bad_chars"] >= BAD_CHAR_SHARE:
        return GarbleScore(Verdict.BAD_CHARS, 1.0, signals, sample=sample)
    if not judge_words and len(distinct) >= MIN_WORDLESS_TOKENS and word_letters == 0:
        # not one real word among several in a line: a decorative or mis-mapped font (one abbreviation over every
        # column of a table, "%Chg %Chg %Chg", is one word the lexicon lacks, not several)
        return GarbleScore(Verdict.UNREADABLE, 1.0, signals, sample=_sample(text))
    if judge_words and judged_letters >= MIN_WORD_EVIDENCE and signals["words"] < MIN_WORD_SHARE:
        return GarbleScore(Verdict.UNREADABLE, 1 - signals["words"], signals, sample=_sample(text))
    score = max(signals["cid"], signals["odd"], signals["doubled"], signals["bad_chars"], 0.0)
    return GarbleScore(Verdict.CLEAN, round(score, 4), signals)


MIN_LINE_CHARS = 12


@dataclass(frozen=True, slots=True)
class PageAssessment:
    """A page's text layer judged as a whole and line by line."""

    page: GarbleScore
    garbled_lines: tuple[tuple[int, GarbleScore], ...]
    garbled_chars: int
    total_chars: int

    @property
    def broken(self) -> bool:
        """Garbled as a whole, or in any line (a broken header, a column of codes)."""
        return self.page.garbled or bool(self.garbled_lines)

    @property
    def doubled(self) -> bool:
        verdicts = [self.page.verdict] + [s.verdict for _, s in self.garbled_lines]
        return Verdict.DOUBLED in verdicts

    @property
    def worst(self) -> GarbleScore:
        if self.page.garbled or not self.garbled_lines:
            return self.page
        return max((s for _, s in self.garbled_lines), key=lambda s: s.score)

    def explain(self) -> str:
        if self.page.garbled:
            return self.page.explain()
        return f"{len(self.garbled_lines)} of its lines are garbled: {self.worst.explain()}"


def lines_to_assessment(lines: list[str]) -> PageAssessment:
    """Judge a page from its lines: the page text as a whole, and each line long enough to judge."""
    page = text_to_garble_score("\n".join(lines))
    garbled: list[tuple[int, GarbleScore]] = []
    for i, line in enumerate(lines):
        if len(line.strip()) >= MIN_LINE_CHARS:
            score = text_to_garble_score(line, judge_words=False)
            if score.garbled:
                garbled.append((i, score))
    garbled_chars = sum(len(lines[i]) for i, _ in garbled)
    return PageAssessment(page, tuple(garbled), garbled_chars, sum(len(line) for line in lines))


def doubled_pairs(tokens: list[str]) -> set[int]:
    """Indices of tokens that come in adjacent equal pairs (``UE UE 8. 8. Circulation Circulation``).

    Pairs count only when there are at least three, so ``Emissions: Emissions:`` (two table
    columns) or ``response responses responses`` (a chart legend) are not doubled text.

    >>> sorted(doubled_pairs("how how this this has has".split()))
    [0, 1, 2, 3, 4, 5]
    >>> doubled_pairs("Emissions: Emissions:".split())
    set()
    """
    pairs: list[int] = []
    i = 0
    while i + 1 < len(tokens):
        if tokens[i] == tokens[i + 1]:
            pairs.append(i)
            i += 2
        else:
            i += 1
    if len(pairs) < MIN_DOUBLED_PAIRS:
        return set()
    return {j for i in pairs for j in (i, i + 1)}


def _word_share(tokens: list[str], words: frozenset[str]) -> float:
    letters = sum(len(t) for t in tokens)
    return sum(len(t) for t in tokens if t.lower() in words) / letters if letters else 1.0


def shift_text(text: str, shift: int) -> str:
    """Add ``shift`` to the code point of every printable non-space character."""
    return "".join(_shift_char(c, shift) if not c.isspace() else c for c in text)


def _shift_char(char: str, shift: int) -> str:
    code = ord(char) + shift
    return chr(code) if 32 < code < 0x2FFF else char


def best_shift(tokens: Iterable[str], words: frozenset[str]) -> int | None:
    """The constant shift that turns most of these tokens into real words, if one does."""
    sample = list(tokens)[:SHIFT_SAMPLE_TOKENS]
    letters = sum(len(t) for t in sample)
    if not letters:
        return None
    best, best_share = None, _word_share(sample, words)
    for shift in range(-SHIFT_RANGE, SHIFT_RANGE + 1):
        if shift == 0:
            continue
        share = _word_share([shift_text(t, shift) for t in sample], words)
        if share > best_share:
            best, best_share = shift, share
    return best if best_share >= SHIFTED_WORD_SHARE else None


def _sample(text: str, width: int = 40) -> str:
    flat = re.sub(r"\s+", " ", text).strip()
    return flat if len(flat) <= width else flat[: width - 1] + "…"
