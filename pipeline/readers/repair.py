"""Text repair with evidence: words a PDF's text layer breaks, mended where the lexicon and the glyphs agree.

* **Lost ligatures.** A font whose ``fi``, ``fl``, ``ff``, ``ffi`` or ``ffl`` glyph maps to a bare ``f``
  (or to nothing after it) gives "fnance", "difcult", "ofer"; one whose glyph maps to its last letter gives
  "conidence", "ield oices". A word that is not a word is mended when putting a ligature's letters back at one
  ``f``, or its ``f`` or ``ff`` before one ``i`` or ``l``, makes it one ("finance", "confidence"); the page must
  show the loss at least ``MIN_LIGATURE_REPAIRS`` times, so one odd token on a clean page is left alone.
* **Odd ligatures.** A font that prints a ligature as another character ("ÿnance", "e¤ectively", a control
  code for "fl") is mended where swapping that character for one ligature's letters makes a word, once the
  page shows the same swap making words of ``MIN_LIGATURE_REPAIRS`` distinct words.
* **Split words.** A word cut in two by a spurious space ("specifi c", "Oxf ordshire", "thro ugh") or by
  a drop cap (a large initial: "R ecover") is joined when the two halves read as one common word
  (Zipf ``MIN_JOINED_ZIPF`` in some language of the lexicon), the gap is narrower than a real space, and:
  the first half ends in a ligature's letters, or the halves touch (and are not two commoner words:
  "of the"), or neither half is a word, or the whole is far commoner than either half (halves of two
  letters or more), or the first is a single capital set larger than the rest (a drop cap, or small capitals
  touching their initial: "C OSTS") or apart from a rest that is no word ("C reate", "I ncrease").
* **Letter-spaced text.** A run of single letters set apart by even gaps ("C o m m u n i t y  W e a l t h",
  tracked capitals in a masthead) reads as words: the letters close up where a gap is about the run's
  narrowest, and a word ends where the gap is wider by ``TRACKING_SLACK`` of the font size or more. The
  run is read so only when most of the words it makes are words of the lexicon.
* **Decorative initials.** A chapter's opening capital printed large and apart before a title that spells it
  again ("S   Summary", the S at twice the title's size or more, a real space away) is an ornament: the line
  reads "Summary".

* **Footnote marks.** A number (or ``*``, ``†``, ``‡``) set small and raised right after a word ("years⁹",
  "£33,800²⁹") is a note's mark, not a number of the text: it becomes a word of its own, its digits written in
  superscript, so that it neither runs into the number it touches nor reads as a figure ("£33,800 ²⁹"), with
  the punctuation it touches after it ("years ⁹."); an area's or volume's ² or ³ stays on its unit ("m²").

* **Lines drawn twice**: a line whose words come twice in order, the second copy starting left of where the
  first ends (a title drawn again as its shadow, in another colour and size), is read once.

* **Bullets drawn in a symbol font** (:func:`drawn_bullet`) read ``•`` when they open a line.

Each repair is counted by kind and a few examples are kept for the page's ``text_repaired`` issue. Pure
functions over word dicts (``text``, ``x0``, ``x1``, ``top``, ``bottom``, ``size``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.language.lexicon import DEFAULT_LANGUAGES, lexicon

Word = dict[str, Any]

LIGATURES = ("fi", "ff", "fl", "ffi", "ffl")
MIN_LIGATURE_REPAIRS = 2  # the page must show a lost ligature this many times
RARER_BY = 2.5  # Zipf: a word of the lexicon this much rarer than its mended form lost its ligature too
TOUCHING_GAP = 0.05  # two words this close (in font sizes) touch: one word, even when each half is one
MORE_COMMON_BY = 1.5  # Zipf: halves that do not touch are joined only into a word this much commoner
MIN_LIGATURE_JOIN = 4  # letters: a word closed over a ligature's gap is at least this long ("fi ve")
LIGATURE_ENDS = ("fi", "fl", "ff")
STAND_IN = re.compile(r"[^\x20-\x7e\s’‘“”–—£€]")  # a character a font may print for a ligature: not plain text
MIN_JOINED_ZIPF = 3.0  # a joined word is a common word (Zipf 3: once per million words) of some language
WIDE_GAP = 0.5  # a gap this many font sizes wide is a real space, whatever the words
OVERLAP = 0.25  # font sizes a word may start left of the one before ends and still be its other half (kerning)
DROP_CAP_RATIO = 1.5  # a drop cap is set this many times larger than the word it opens
SMALL_CAPS_RATIO = 1.1  # a word in small capitals opens with a capital this many times larger than the rest
INITIAL_RATIO = 2.0  # a decorative initial is set this many times larger than the title that spells it again
NOTE_MARK_SIZE = 0.8  # a footnote mark is set at most this large against the word it follows
NOTE_MARK_RAISE = 0.15  # ... with its foot raised at least this many of that word's font sizes above the word's
NOTE_MARK_GAP = 0.25  # ... and this close to it (in that word's font sizes), as punctuation after it is to the mark
NOTE_MARK = re.compile(r"^(?:\d{1,3}(?:,\d{1,3})*|[*†‡]{1,3})$")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
POWERED_UNIT = re.compile(r"(?:^|[\d/(])(?:m|km|cm|mm|ft)$")  # "m²", "100km²", "/m³": a power, not a note
CLOSING = re.compile(r"^[.,;:)\]”’'\"]+$")
MIN_SPACED_LETTERS = 4  # a letter-spaced run is at least this many single glyphs of one size in a row
TRACKING_SLACK = 0.15  # font sizes: a gap this much wider than the run's narrowest ends a word
SPACED_GLYPHS = re.compile(r"^[^\W\d_]$|^[-’'&]$")
MIN_SPACED_WORDS_SHARE = 0.6  # ... of its words of two letters or more are words of the lexicon
MAX_EXAMPLES = 5
MIN_DOUBLED_WORDS = 2  # a line drawn twice over itself repeats at least this many words
WORDS_CACHED = 1 << 16  # distinct words whose mending is remembered (a process may read many documents)
CORE = re.compile(r"^(?P<lead>[^\w]*)(?P<core>[^\W\d_](?:[\w’'\-]*[^\W\d_])?)(?P<trail>[^\w]*)$")


BULLET = "•"
SYMBOL_FONTS = ("symbol", "wingding", "dingbat", "zapf", "webdings", "bullet")


def drawn_bullet(word: dict[str, Any], text: str) -> bool:
    """A line's first word is a bullet drawn in a symbol font: one glyph of a Symbol, Wingdings or
    Dingbats font (whose codes say nothing: ``\uf0b7``, `````, ``l``), a private-use symbol char, or the
    ``o`` a word processor draws in Courier New for a list's second level."""
    if not text or len(text) > 2:
        return False
    if all("\uf000" <= ch <= "\uf0ff" for ch in text):
        return True
    font = str(word.get("fontname") or "").split("+", 1)[-1].lower()
    return any(name in font for name in SYMBOL_FONTS) or (text == "o" and "courier" in font)


@dataclass
class Repairs:
    """What was repaired on a page: counts by kind and a few examples (as read → as repaired)."""

    counts: Counter[str] = field(default_factory=Counter)
    examples: list[tuple[str, str]] = field(default_factory=list)

    def add(self, kind: str, before: str, after: str) -> None:
        self.counts[kind] += 1
        if len(self.examples) < MAX_EXAMPLES and (before, after) not in self.examples:
            self.examples.append((before, after))

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def repair_lines(lines: list[list[Word]]) -> tuple[list[list[Word]], Repairs]:
    """The page's lines with split words joined and lost ligatures restored."""
    repairs = Repairs()
    joined = [
        _joined(_note_marks(_letter_spaced(_drawn_once(line, repairs), repairs), repairs), repairs) for line in lines
    ]
    texts = [str(w["text"]) for line in joined for w in line]
    standing = _stand_ins(texts)
    lost = sum(1 for text in texts if _ligature(text, rarer_ok=False) != text) >= MIN_LIGATURE_REPAIRS
    if not standing and not lost:
        return joined, repairs
    mended = {text: _mended(text, standing, lost) for text in set(texts)}
    out = []
    for line in joined:
        row = []
        for word in line:
            text = str(word["text"])
            if mended[text] != text:
                repairs.add("ligature", text, mended[text])
                word = {**word, "text": mended[text]}
            row.append(word)
        out.append(row)
    return out, repairs


def _stand_ins(texts: list[str]) -> dict[str, str]:
    """The odd glyphs a page's font prints for its ligatures (``ÿ`` for fi in "ÿnance", ``¤`` for ff in
    "e¤ectively", a control code for fl), each with the ligature's letters: a character other than printable
    ASCII that, swapped for one ligature's letters, makes a word of the lexicon of at least
    ``MIN_LIGATURE_REPAIRS`` distinct words on the page that are no words as printed (of one, for a character
    never in words: :func:`_never_in_words`)."""
    votes: dict[str, Counter[str]] = {}
    for text in set(texts):
        for ch in set(STAND_IN.findall(text)):
            if not _letters_besides(text, ch) or (ch.isalpha() and _is_word(text)):
                continue
            fits = [letters for letters in LIGATURES if _reads(text.replace(ch, letters))]
            if len(fits) == 1:
                votes.setdefault(ch, Counter())[fits[0]] += 1
    return {
        ch: letters
        for ch, count in votes.items()
        for letters, n in count.most_common(1)
        if n >= (1 if _never_in_words(ch) else MIN_LIGATURE_REPAIRS)
    }


def _letters_besides(text: str, ch: str) -> bool:
    """True when the word holds letters other than the stand-in ``ch``: a word it may be part of, not a glyph alone."""
    return re.search(r"[^\W\d_]", text.replace(ch, "")) is not None


def _never_in_words(ch: str) -> bool:
    """A control code, a private-use or unassigned code, or a currency sign other than ``£ $ € ¥`` (``¤``, ``¢``):
    never a letter of a word, so one word it spells is evidence enough."""
    return unicodedata.category(ch) in ("Cc", "Co", "Cn") or (unicodedata.category(ch) == "Sc" and ch not in "£$€¥")


def _mended(text: str, standing: dict[str, str], lost: bool) -> str:
    """A word with its stand-in glyphs swapped for their ligatures where that makes a word, then (on a page that
    lost its ligatures: ``lost``) a lost ligature put back."""
    for ch, letters in standing.items():
        if ch in text and _letters_besides(text, ch) and _reads(swapped := text.replace(ch, letters)):
            text = swapped  # not the character alone (a bullet glyph the font also prints stays a bullet)
    return _ligature(text, rarer_ok=True) if lost else text


@lru_cache(maxsize=WORDS_CACHED)
def _ligature(text: str, rarer_ok: bool) -> str:
    """The word with a lost ligature restored (the most frequent such word, in English first), or the word
    itself. ``rarer_ok``: a word of the lexicon is mended too when the mended word is far more frequent in
    English ("ofer" → "offer"; on a page known to have lost its ligatures)."""
    from wordfreq import zipf_frequency

    m = CORE.match(text)
    if m is None or not re.search(r"[fil]", m.group("core").lower()):
        return text
    core = m.group("core")
    if "-" in core:  # a compound: each part mended on its own ("fxed-rate", "spin-ofs")
        parts = [_ligature(part, rarer_ok) if part else part for part in core.split("-")]
        return m.group("lead") + "-".join(parts) + m.group("trail")
    words = lexicon()
    known_word = core.lower() in words
    if known_word and not rarer_ok:
        return text
    candidates = [
        core[:i] + ch + ligature[1:] + core[i + 1 :]
        for i, ch in enumerate(core) if ch in "fF"
        for ligature in LIGATURES
    ] + [
        core[:i] + fs + core[i:]  # the glyph kept its last letter only: "conidence", "oices", "Paciic"
        for i, ch in enumerate(core) if ch in "il"
        for fs in ("f", "ff")
    ]  # fmt: skip
    known = [c for c in candidates if c.lower() in words]
    if not known:
        return text
    best = max(known, key=lambda c: zipf_frequency(c.lower(), "en"))
    if known_word and zipf_frequency(best.lower(), "en") - zipf_frequency(core.lower(), "en") < RARER_BY:
        return text
    return f"{m.group('lead')}{best}{m.group('trail')}"


def _drawn_once(line: list[Word], repairs: Repairs) -> list[Word]:
    """The line read once when it is its own words drawn twice, the second time over the first (a title with a
    shadow in another colour and size): the words repeat in order and the repeat starts left of where the first
    copy ends. Words merely repeated side by side ("New New York") are left alone."""
    half = len(line) // 2
    if half < MIN_DOUBLED_WORDS or len(line) != 2 * half:
        return line
    first, second = line[:half], line[half:]
    if [w["text"] for w in first] != [w["text"] for w in second] or float(second[0]["x0"]) >= float(first[-1]["x1"]):
        return line
    words = " ".join(str(w["text"]) for w in first)
    repairs.add("doubled", f"{words} {words}", words)
    return first


def _note_marks(line: list[Word], repairs: Repairs) -> list[Word]:
    """The line with its footnote marks in superscript digits, and the punctuation each touches joined to it."""
    if len(line) < 2:
        return line
    out: list[Word] = []
    mark: Word | None = None  # the mark just written, which punctuation touching it joins
    for word in line:
        text = str(word["text"])
        if mark is not None and CLOSING.match(text) and float(word["x0"]) - float(mark["x1"]) < _gap(out[-2]):
            out[-1] = mark = {**mark, "text": f"{mark['text']}{text}", "x1": max(float(mark["x1"]), float(word["x1"]))}
            continue
        mark = None
        if not out or not _is_note_mark(out[-1], word):
            out.append(word)
            continue
        before = out[-1]
        power = text in ("2", "3") and POWERED_UNIT.search(str(before["text"])) is not None
        superscript = text.translate(SUPERSCRIPT)
        repairs.add("note_mark", f"{before['text']}{text}", f"{before['text']}{'' if power else ' '}{superscript}")
        if power:
            out[-1] = {
                **before,
                "text": f"{before['text']}{superscript}",
                "x1": max(float(before["x1"]), float(word["x1"])),
            }
        else:
            out.append({**word, "text": superscript})
            mark = out[-1]
    return out


def _is_note_mark(before: Word, word: Word) -> bool:
    """Is ``word`` a footnote mark set after ``before``: a number or dagger, smaller, raised and close?"""
    size_before, size = float(before.get("size") or 0), float(word.get("size") or 0)
    if not size_before or not size or size > NOTE_MARK_SIZE * size_before or not NOTE_MARK.match(str(word["text"])):
        return False
    raised = float(before["bottom"]) - float(word["bottom"]) >= NOTE_MARK_RAISE * size_before
    return raised and float(word["x0"]) - float(before["x1"]) < _gap(before)


def _gap(word: Word) -> float:
    return NOTE_MARK_GAP * float(word.get("size") or 0)


def _letter_spaced(line: list[Word], repairs: Repairs) -> list[Word]:
    """The line with its runs of letter-spaced glyphs read as the words they spell."""
    out: list[Word] = []
    start = 0
    while start < len(line):
        if not _spaced_glyph(line[start]):
            out.append(line[start])
            start += 1
            continue
        end = start + 1
        while end < len(line) and _spaced_glyph(line[end]) and line[end].get("size") == line[start].get("size"):
            end += 1
        words = _spaced_words(line[start:end])
        if words is None:  # single glyphs, but no letter-spaced words: each stays as it is
            out.extend(line[start:end])
            start = end
            continue
        for word in words:
            merged = _merged(word)
            if len(word) > 1:
                repairs.add("letter_spaced", " ".join(str(g["text"]) for g in word), str(merged["text"]))
            out.append(merged)
        start = end
    return out


def _spaced_glyph(word: Word) -> bool:
    """A single letter (or a hyphen, apostrophe or ampersand) set upright: a glyph of a letter-spaced run
    (glyphs of sideways text are set apart on one line by their height, not by tracking)."""
    return word.get("upright", True) is not False and SPACED_GLYPHS.match(str(word["text"])) is not None


def _spaced_words(run: list[Word]) -> list[list[Word]] | None:
    """The words a run of single glyphs spells, split where a gap is clearly wider than its narrowest; None
    when the run is too short or its words are mostly not words."""
    if len(run) < MIN_SPACED_LETTERS:
        return None
    gaps = [float(b["x0"]) - float(a["x1"]) for a, b in itertools.pairwise(run)]
    narrowest, size = min(gaps), float(run[0].get("size") or 0)
    if narrowest < 0 or size <= 0 or narrowest >= WIDE_GAP * size:
        return None
    words: list[list[Word]] = [[run[0]]]
    for gap, glyph in zip(gaps, run[1:], strict=True):
        if gap >= narrowest + TRACKING_SLACK * size:
            words.append([glyph])
        else:
            words[-1].append(glyph)
    spelt = ["".join(str(g["text"]) for g in word) for word in words]
    longer = [text for text in spelt if len(text) >= 2]
    if not longer or sum(_is_word(text) for text in longer) < MIN_SPACED_WORDS_SHARE * len(longer):
        return None
    return words


def _merged(glyphs: list[Word]) -> Word:
    """Neighbouring words (or glyphs) of a line read as one word, in the first one's font."""
    return {
        **glyphs[0],
        "text": "".join(str(g["text"]) for g in glyphs),
        "x0": min(float(g["x0"]) for g in glyphs),
        "x1": max(float(g["x1"]) for g in glyphs),
        "top": min(float(g["top"]) for g in glyphs),
        "bottom": max(float(g["bottom"]) for g in glyphs),
    }


def _joined(line: list[Word], repairs: Repairs) -> list[Word]:
    out: list[Word] = []
    for word in line:
        if len(out) == 1 and _decorative_initial(out[0], word):
            repairs.add("initial", f"{out[0]['text']} {word['text']}", str(word["text"]))
            out[0] = word
        elif out and (kind := _split(out[-1], word)) is not None:
            before = f"{out[-1]['text']} {word['text']}"
            merged = _merged([out[-1], word])
            if kind == "drop_cap":
                merged["size"] = word.get("size", merged.get("size"))
            repairs.add(kind, before, str(merged["text"]))
            out[-1] = merged
        else:
            out.append(word)
    return out


def _decorative_initial(first: Word, second: Word) -> bool:
    """Is ``first`` an ornamental capital standing before a word that begins with it ("S" before "Summary"):
    set at least INITIAL_RATIO times larger, a real space away, the two not one word?"""
    a, b = str(first["text"]), str(second["text"])
    if len(a) != 1 or not a.isupper() or not b.startswith(a) or len(b) < 2 or not _is_word(b) or _is_word(a + b):
        return False
    size_a, size_b = float(first.get("size") or 0), float(second.get("size") or 0)
    gap = float(second["x0"]) - float(first["x1"])
    return size_b > 0 and size_a >= INITIAL_RATIO * size_b and gap >= WIDE_GAP * size_b


def _split(first: Word, second: Word) -> str | None:
    """Why two neighbouring words are one ("split_word" or "drop_cap"), or None."""
    a, b = str(first["text"]), str(second["text"])
    if not a[-1:].isalpha() or not b[:1].isalpha():
        return None
    if float(second["x0"]) - float(first["x1"]) < -OVERLAP * max(float(second.get("size") or 0), 1.0):
        return None  # a word set over or left of the one before (a formula's subscript read after its symbol)
    whole = _core(a + b)
    if whole is None or whole.lower() not in lexicon() or _zipf(whole.lower()) < MIN_JOINED_ZIPF:
        return None
    size_a, size_b = float(first.get("size") or 0), float(second.get("size") or 0)
    if len(a) == 1 and a.isupper() and size_b and size_a >= DROP_CAP_RATIO * size_b:
        return "drop_cap"
    half_a, half_b = _core(a), _core(b)
    gap, size = float(second["x0"]) - float(first["x1"]), max(size_b, 1.0)
    if half_a is None or half_b is None or gap >= WIDE_GAP * size:
        return None
    joined, zipf_a, zipf_b = _zipf(whole.lower()), _zipf(half_a.lower()), _zipf(half_b.lower())
    if half_a.lower().endswith(LIGATURE_ENDS):  # the gap a ligature glyph leaves: "specifi c", "effi cient"
        return "split_word" if len(whole) >= MIN_LIGATURE_JOIN else None
    if len(half_a) == 1 and half_a.isupper() and len(half_b) >= 2 and not _is_word(b):
        return "split_word"  # an initial capital set apart from the rest of its word: "C reate", "I ncrease"
    touching = gap < TOUCHING_GAP * size
    small_caps = half_b.isupper() and touching and size_a >= SMALL_CAPS_RATIO * size_b
    if len(half_a) == 1 and half_a.isupper() and small_caps:  # small capitals touching their initial: "C OSTS"
        return "split_word"
    if touching and max(len(half_a), len(half_b)) >= 2:
        # halves that touch (a font change parts them: "g rowing"), unless two commoner words ("of the"); two single
        # letters are letters drawn one by one (along a curve, in a diagram), not a word's halves
        return "split_word" if joined >= min(zipf_a, zipf_b) else None
    if min(len(half_a), len(half_b)) < 2:
        return None
    if not (_is_word(a) or _is_word(b)):  # "Oxf ordshire", "BA NK": neither half is a word
        return "split_word"
    if joined >= max(zipf_a, zipf_b) + MORE_COMMON_BY:  # "thro ugh": the whole far commoner than its halves
        return "split_word"
    return None


def load_frequencies() -> None:
    """Load wordfreq's word lists of the lexicon's languages (a second or two; see :func:`pipeline.parse.warm_up`)."""
    _zipf("the")


@lru_cache(maxsize=WORDS_CACHED)
def _zipf(word: str) -> float:
    """How common the word is in the most common of the lexicon's languages (Zipf)."""
    from wordfreq import zipf_frequency

    return float(max(zipf_frequency(word, language) for language in DEFAULT_LANGUAGES))


def _core(text: str) -> str | None:
    m = CORE.match(text)
    return m.group("core") if m else None


def _reads(text: str) -> bool:
    """A word of the lexicon, or a compound of them ("first-time", "non-financial"), possessive or not ("firm’s")."""
    parts = re.sub(r"['’]s(?=\W*$)", "", text).split("-")
    return all(_is_word(part) for part in parts if part) and any(parts)


def _is_word(text: str) -> bool:
    core = _core(text)
    return core is not None and core.lower() in lexicon()
