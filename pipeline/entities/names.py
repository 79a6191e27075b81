"""Names the gazetteer cannot list: organisations by their head word, people by title, given name or
citation.

Run after the entity ruler and acronym learning, over the clean blocks of a document:

- an organisation is a run of capitalised words holding an organisational head word
  (``Birmingham Health Partners``, ``Centre for Translational Medicine``, ``Department for Work and
  Pensions``); a place inside it gives way (``West Midlands`` in ``West Midlands Academic Health
  Science Network``);
- a person is a name after a title (``Dr``, ``The Rt Hon``), a given name from
  ``pipeline/catalogue/data/given_names.txt`` and a capitalised surname (``Patrick White``, ``Nick de Bois``), or an
  author cited with a year (``(Smith and Collinge, 2001)``, ``Porter (1990)``, ``Percy, C & Mann, A. (2013)``);
  an all-capitals "author" is an organisation (``(ONS, 2004)``).

Nothing here overrides an organisation or person already found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from pipeline.catalogue import GIVEN_NAMES_PATH
from pipeline.models import Block, Entity
from pipeline.registry import extractor

SOURCE = "name_rule"  # Entity.source
EXTRACTOR = extractor("entities/names")

ORG_HEAD_WORDS = frozenset([
    "Agency", "Agencies", "Alliance", "Association", "Authority", "Authorities", "Bank", "Board", "Body",
    "Catapult", "Centre", "Center", "Chamber", "College", "Commission", "Committee", "Company", "Consortium",
    "Corporation", "Council", "Councils", "Department", "Federation", "Forum", "Foundation", "Group", "Groups",
    "Institute", "Institutes", "Laboratory", "Ministry", "Network", "Office", "Organisation", "Organization",
    "Partners", "Partnership", "Partnerships", "School", "Service", "Society", "Taskforce", "Trust",
    "University",
])  # fmt: skip
_CAP = r"(?:[A-Z](?:[\w'’&-]|\.(?=\w))*|[a-z][A-Z][\w-]*)"  # Capitalised (U.K), or eSports
_LINK = r"(?:(?:of|for|on)(?:\s+the)?|and|&)"
NAME_RUN = re.compile(rf"(?<![\w’'-]){_CAP}(?:[ \t\n]+(?:{_LINK}[ \t\n]+)?{_CAP})*")
TITLES = re.compile(
    r"\b(?:(?:The\s+)?Rt\.?\s+Hon\.?|Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Baroness|Baron|Cllr|Councillor)"
    r"\.?\s+(?=[A-Z])"
)
# honours and degrees written after a name ("Mary Jean Brown, ScD"): never a word of a name
POST_NOMINALS = frozenset([
    "CBE", "OBE", "MBE", "KBE", "DBE", "MP", "MEP", "MSP", "QC", "KC", "FRS", "FREng", "FRSE", "FBA", "JP", "DL",
    "PhD", "DPhil", "ScD", "MD", "MPH", "MSc", "MPhil", "MBA", "BSc", "BA", "MA",
])  # fmt: skip
NOT_NAMES = POST_NOMINALS | frozenset([
    "Mayor", "Chancellor", "Justice", "Minister", "Secretary", "Chair", "Chairman", "President", "Chief",
    "The", "Hon", "Rt",
])  # fmt: skip
NOT_AUTHORS = frozenset([
    "See", "Table", "Figure", "Chart", "Annex", "Appendix", "Government", "Report", "Strategy", "Plan", "Act",
    "Paper", "Review", "Budget", "Census", "Survey", "Section", "Chapter",
])  # fmt: skip
MONTHS = frozenset([
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
])  # fmt: skip
_SURNAME = r"(?:(?:de|van|von|da|du|le|la|di|del)\s+)?(?:Mc|Mac|O['’])?[A-Z][a-z'’-]+(?:-[A-Z][a-z]+)?"
_YEAR = r"(?:19|20)\d\d[a-z]?"
_AUTHORS = rf"(?:{_SURNAME}|[A-Z]{{2,}})(?:\s*(?:,|and|&)\s*{_SURNAME})*(?:\s+et\.?\s+al\.?)?"
CITATION = re.compile(
    rf"\(\s*(?:see\s+|e\.g\.\s+|cf\.\s+)?(?P<cites>{_AUTHORS},?\s+{_YEAR}(?:\s*[,:]\s*(?:pp?\.\s*)?\d+(?:[-–]\d+)?)?"
    rf"(?:\s*;\s*{_AUTHORS},?\s+{_YEAR}(?:\s*[,:]\s*(?:pp?\.\s*)?\d+(?:[-–]\d+)?)?)*)\s*\)"
    rf"|(?P<narrative>{_AUTHORS})\s+\(\s*{_YEAR}\s*\)"
)
# a reference list's authors, surname then initials, before the year: "Percy, C & Mann, A. (2013)", "Smith, D, et
# al (2005)"
_LISTED_AUTHOR = rf"{_SURNAME},[ \t]*(?:[A-Z](?:\.|(?=[ \t,&(]))[ \t]*+){{1,3}}"  # initials: "D", "A.", not "UK"
REFERENCE = re.compile(
    rf"(?<![\w’'-])(?P<refs>{_LISTED_AUTHOR}(?:[ \t]*(?:,|&|and)[ \t]*{_LISTED_AUTHOR})*)"
    rf"(?:,?[ \t]*et\.?[ \t]+al\.?)?[ \t]*\([ \t]*{_YEAR}[ \t]*\)"
)
SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")  # only spaces since a sentence's end, or at the start
SURNAME_BEFORE_INITIALS = re.compile(rf"(?P<name>{_SURNAME}),")
NAME_WORD = re.compile(rf"[ \t]*({_SURNAME}|[A-Z][a-z]+)")
GIVEN_NAME = re.compile(r"(?<![\w’'-])[A-Z][a-z]+(?=[ \t]+(?:(?:de|van|von|da|du|le|di)[ \t]+)?[A-Z])")
AUTHOR = re.compile(rf"(?P<name>{_SURNAME}|[A-Z]{{2,}})(?=\s*(?:,|and\b|&|et\b|\s{_YEAR}|$))")


@cache
def given_names(path: Path = GIVEN_NAMES_PATH) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def name_entities(text: str, blocks: list[Block], found: list[Entity]) -> list[Entity]:
    """``found`` plus the organisations and people the name rules find in the blocks."""
    out = list(found)
    for block in blocks:
        for org in _organisations(text, block):
            out = _add(out, org, yields=("GPE",))
        # a person a title or a citation names is a person, whatever place shares the name ("Dr Tom Preston",
        # "Baroness Jordan", "Lincoln (2004)"); so is a given name and surname inside a sentence ("Gordon Preston"),
        # not at its start, where a given name may be a word ("Will Birmingham grow?")
        for person in [*_cited(text, block), *_titled(text, block)]:
            out = _add(out, person, yields=("GPE",))
        for person in _given_named(text, block):
            opening = SENTENCE_OPENING.search(text, block.char_start, person.char_start) is not None
            out = _add(out, person, yields=() if opening else ("GPE",))
    return out


def _add(entities: list[Entity], new: Entity, yields: tuple[str, ...]) -> list[Entity]:
    """Add ``new`` unless it overlaps an entity that does not yield to it; those that yield and lie
    inside it are dropped."""
    inside = []
    for e in entities:
        if e.char_start < new.char_end and new.char_start < e.char_end:
            within = new.char_start <= e.char_start and e.char_end <= new.char_end
            if e.label not in yields or not within:
                return entities
            inside.append(e)
    return [e for e in entities if e not in inside] + [new]


# --------------------------------------------------------------------------- organisations


def _organisations(text: str, block: Block) -> Iterable[Entity]:
    for m in NAME_RUN.finditer(text, block.char_start, block.char_end):
        span = _organisation_span(m.group(0))
        if span is None:
            continue
        start, end = m.start() + span[0], m.start() + span[1]
        name = " ".join(text[start:end].split())
        yield Entity(text[start:end], "ORG", start, end, name, SOURCE, 0.6)


def _organisation_span(run: str) -> tuple[int, int] | None:
    """The part of a run of capitalised words that names an organisation, as offsets into the run:
    from the segment (between ``of``/``for`` links) holding the first head word to the last head word,
    and on through the ``of``/``for`` segments after it. None without a head word or a word besides it."""
    words = list(re.finditer(r"\S+", run))
    texts = [w.group(0) for w in words]
    heads = [i for i, w in enumerate(texts) if _bare(w) in ORG_HEAD_WORDS]
    if not heads:
        return None
    first, last = heads[0], heads[-1]
    start = first
    while start > 0 and texts[start - 1] not in ("of", "for", "on", "the"):
        if texts[start - 1] in ("and", "&") and start > 2 and texts[start - 3] not in ("of", "for", "on", "the"):
            break  # "… Campus and Rosalind Franklin Laboratory": two names; "Learning and Skills Council": one
        start -= 1
    while texts[start] in ("The", "the", "A", "An", "This", "Our", "and", "&") or _bare(texts[start]) in POST_NOMINALS:
        start += 1  # "Mary Jean Brown, ScD / National Center for ...": the degree ends the line before the name
    end = last
    if end + 1 < len(texts) and texts[end + 1] in ("of", "for", "on"):
        end = len(texts) - 1
        for i in range(last + 1, len(texts) - 1):
            if texts[i] in ("and", "&") and texts[i + 1].isupper() and len(texts[i + 1]) > 1:
                end = i - 1  # "Centre of Construction Excellence and HVACP": another name begins
                break
    named = [w for w in texts[start : end + 1] if w[:1].isupper() or w[1:2].isupper()]
    if len(named) < 2 or all(_bare(w) in ORG_HEAD_WORDS for w in named):
        return None
    return words[start].start(), _before_possessive(run, words[end].end())


def _bare(word: str) -> str:
    """The word without a possessive: ``Board’s`` → ``Board``."""
    return word[: _before_possessive(word, len(word))]


def _before_possessive(text: str, end: int) -> int:
    """``end`` moved back over a possessive that ends there: ``’s``, or the apostrophe after a plural (``the
    Ministry of Economic Affairs’ ...``, ``Raines' (2002)``), which is also where a closing quote would stand."""
    if text[end - 2 : end] in ("’s", "'s"):
        return end - 2
    return end - 1 if text[end - 1 : end] in ("’", "'") else end


# --------------------------------------------------------------------------- people


def _person(text: str, start: int, end: int, confidence: float) -> Entity:
    end = _before_possessive(text, end)
    return Entity(text[start:end], "PERSON", start, end, " ".join(text[start:end].split()), SOURCE, confidence)


def _cited(text: str, block: Block) -> Iterable[Entity]:
    """Authors cited with a year, in the text or in a reference list (surname and initials); an all-capitals
    author is an organisation (ONS, DTI)."""
    for m in CITATION.finditer(text, block.char_start, block.char_end):
        group = "cites" if m.group("cites") else "narrative"
        for a in AUTHOR.finditer(text, m.start(group), m.end(group)):
            name = a.group("name")
            if name in MONTHS or name in NOT_AUTHORS or name in ORG_HEAD_WORDS:
                continue
            if name.isupper():
                yield Entity(name, "ORG", a.start(), a.end(), name, SOURCE, 0.6)
            else:
                yield _person(text, a.start(), a.end(), 0.7)
    for m in REFERENCE.finditer(text, block.char_start, block.char_end):
        for a in SURNAME_BEFORE_INITIALS.finditer(text, m.start("refs"), m.end("refs")):
            if a.group("name") not in NOT_AUTHORS and a.group("name") not in ORG_HEAD_WORDS:
                yield _person(text, a.start("name"), a.end("name"), 0.7)


def _titled(text: str, block: Block) -> Iterable[Entity]:
    """``Dr Jane Smith``, ``The Rt Hon Oliver Dowden CBE MP``: the capitalised words after a title."""
    for m in TITLES.finditer(text, block.char_start, block.char_end):
        end = _name_end(text, m.end(), block.char_end)
        if end > m.end():
            yield _person(text, m.end(), end, 0.75)


def _given_named(text: str, block: Block) -> Iterable[Entity]:
    """A given name from the list followed by a capitalised surname."""
    names = given_names()
    for m in GIVEN_NAME.finditer(text, block.char_start, block.char_end):
        if m.group(0) not in names:
            continue
        end = _name_end(text, m.end(), block.char_end)
        if end > m.end():
            yield _person(text, m.start(), end, 0.7)


def _name_end(text: str, start: int, limit: int) -> int:
    """The end of up to three name words (with particles) from ``start``; ``start`` when there are none."""
    end = start
    for w in NAME_WORD.finditer(text, start, limit):
        if w.start() != end or w.group(1) in NOT_NAMES or w.group(1).split()[-1] in ORG_HEAD_WORDS:
            break
        end = w.end()
        if len(text[start:end].split()) >= 3:
            break
    return end
