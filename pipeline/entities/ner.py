"""Named entities with spaCy, offline: the pipeline comes from ``configs/ner.cfg``.

The config builds spaCy's English language with :func:`create_tokenizer`
(money, scales and ranges split so that patterns can see them: ``£1.2bn`` →
``£ 1.2 bn``, ``£850m-£950m`` → ``£ 850 m - £ 950 m``) and an entity ruler whose
patterns come from :func:`entity_patterns`: MONEY, PERCENT, QUANTITY (counts of
named things), DATE (dates, years, fiscal periods) and the ORG/GPE gazetteer in
``pipeline/catalogue/data/gazetteer.yml``. When ``paths.pretrained`` names an installed
pipeline, its entities are added where ours have none.

Per document, acronyms it defines (``Cluster Opportunity Groups (COGs)``) are
learned, so its later ``COGs`` join the long form; every organisation and
place gets a normalised name (``AWM`` → ``Advantage West Midlands``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.util import registry

from pipeline.catalogue import GAZETTEER_PATH
from pipeline.catalogue.gazetteer import load_gazetteer
from pipeline.document import LaidOutDocument
from pipeline.entities import NER_CONFIG_PATH
from pipeline.entities.names import name_entities
from pipeline.language.counted import COUNT_NOUNS, MAX_ADJECTIVES, NOT_QUANTITIES
from pipeline.language.scales import ABBREVIATED_SCALES, SPELLED_SCALES
from pipeline.models import Block, BlockKind, Entity
from pipeline.registry import extractor
from pipeline.spans import Quarantine

EXTRACTOR = extractor("entities/ruler")
ACRONYM_EXTRACTOR = extractor("entities/acronym")
MODEL_EXTRACTOR = extractor("entities/model")
ENTITY_KINDS = frozenset({
    BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING, BlockKind.TABLE_ROW, BlockKind.CAPTION, BlockKind.CHART
})  # fmt: skip
# a part of a place the gazetteer knows, named by a compass word before it ("Western Netherlands", "North Wales",
# "the South West of Scotland") or a capitalised word hyphenated to it ("Noord-Holland"); ends where the place begins
_COMPASS = r"(?:(?:North|South)(?:[- ]?(?:East|West))?|East|West|Northern|Southern|Eastern|Western|Central|Mid)"
_COMPASS_START = re.compile(rf"{_COMPASS}\b")
NOT_PLACE_PREFIXES = (
    r"(?:Non|Pan|Anti|Post|Pre|Ex|Trans|Cross|Inter|Intra|Sub|Neo|Pro|Euro|Anglo|Franco|Sino|Afro|Indo)"
)
REGION_OF_PLACE = re.compile(
    rf"(?<![\w’'-])(?:{_COMPASS}(?:\s+of(?:\s+the)?)?\s+|(?!{NOT_PLACE_PREFIXES}-)[A-Z][a-zà-ÿ]{{3,}}-)\Z"
)
SCALE_ABBREVIATIONS = frozenset({"m.", "k.", "b.", "n."})  # "£1m." is £1m and a full stop, not "m."
MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SEASONS = ["spring", "summer", "autumn", "winter"]
NOT_A_YEAR = r"^(?!(?:19|20)\d\d$)"
SCALES = [*ABBREVIATED_SCALES, *SPELLED_SCALES]  # after a currency's number: "£5m", "£4.8 billion"
SCALE_WORDS = [*SPELLED_SCALES, "hundred"]  # "million inhabitants" has no number
# Counted nouns beyond the figures' (pipeline.language.counted.COUNT_NOUNS): things counted that are not figures.
COUNTED = [
    "interviews",
    "members",
    "experts",
    "residents",
    "households",
    "adults",
    "children",
    "volunteers",
    "patients",
]
# Words that end the description of a count ("jobs in ...", "people of ...") rather than describe it.
FUNCTION_WORDS = [
    "of", "in", "on", "at", "by", "for", "with", "from", "to", "and", "or", "the", "a", "an", "per", "each",
    "every", "than", "as", "who", "which", "that", "were", "was", "are", "is", "be", "been", "have", "has", "had",
    "will", "would", "could", "should", "can", "may", "this", "these", "those", "their", "its", "our", "year",
    "years", "months", "weeks", "days", *SPELLED_SCALES,
]  # fmt: skip
ORG_HEADS = re.compile(
    r"\b(?:groups?|agenc(?:y|ies)|association|council|partnership|department|office|authority|board|centre|center"
    r"|institute|university|alliance|network|company|bank|services?|commission|executive|trust|society|forum"
    r"|task\s?force|consortium|corporation|ministry|organi[sz]ation|federation|foundation|academy|college"
    r"|catapult|committee|agency)$",
    re.I,
)
ACRONYM_DEFINITION = re.compile(
    r"(?P<long>(?:[A-Z][\w&'’-]*\s+(?:(?:of|and|for|the|&|on|in|to)\s+){0,2}){1,8}[A-Z][\w'’-]*)\s*\(\s*(?P<acr>[A-Z][A-Za-z&]{1,9})\s*\)"
)


# --------------------------------------------------------------------------- spaCy registry


@registry.tokenizers("policyfacts.tokenizer.v1")  # type: ignore[untyped-decorator]
def create_tokenizer() -> Callable[[Any], Any]:
    """English tokenization plus splits for money: a scale after a number (``1.2bn`` → ``1.2 bn``), a range
    dash between amounts (``£850m-£950m``), ``c`` before a number (``c40%``) and ``2005/06``."""

    def make(nlp: Any) -> Any:
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

        defaults = nlp.Defaults
        prefixes = [*defaults.prefixes, r"c(?=\d)"]
        suffixes = [*defaults.suffixes, r"(?<=\d)(?:bn|mn|tn|m|k|M|BN)", r"(?<=[\dmnk])\+"]
        infixes = [
            *defaults.infixes,
            r"(?<=\d)(?:bn|mn|m|k)(?=[-–—])",  # the low end's scale: 850m-£950m
            r"(?<=[\dmnk%])[-–—](?=[£$€\d])",  # the range dash
            r"(?<=[-–—])[£$€]",  # the high end's currency
            r"(?<=\d)/(?=\d)",  # 2005/06
            r"(?<=mid)-(?=\d)",  # mid-1990s
        ]
        rules = {k: v for k, v in defaults.tokenizer_exceptions.items() if k.lower() not in SCALE_ABBREVIATIONS}
        return Tokenizer(
            nlp.vocab,
            rules=rules,
            prefix_search=compile_prefix_regex(prefixes).search,
            suffix_search=compile_suffix_regex(suffixes).search,
            infix_finditer=compile_infix_regex(infixes).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return make


@registry.misc("policyfacts.entity_patterns.v1")  # type: ignore[untyped-decorator]
def entity_patterns(gazetteer: str | None = None) -> list[dict[str, Any]]:
    """Every entity-ruler pattern: money, percentages, quantities, dates, fiscal periods, gazetteer."""
    path = Path(gazetteer) if gazetteer else GAZETTEER_PATH
    return [
        *money_patterns(), *percent_patterns(), *quantity_patterns(), *date_patterns(), *fiscal_patterns(),
        *gazetteer_patterns(path),
    ]  # fmt: skip


def money_patterns() -> list[dict[str, Any]]:
    """``£51M``, ``£ 13 M``, ``£1.4bn``, ``£4.8 billion``, ``£850m – £950m``, ``£3-4m``, ``£1bn+``."""
    amount = [{"ORTH": {"IN": ["£", "$", "€"]}}, {"LIKE_NUM": True}, {"LOWER": {"IN": SCALES}, "OP": "?"}]
    joint = {"LOWER": {"IN": ["-", "–", "—", "to"]}}
    return [
        {"label": "MONEY", "pattern": [*amount, joint, *amount]},
        {"label": "MONEY", "pattern": [*amount, joint, {"LIKE_NUM": True}, {"LOWER": {"IN": SCALES}}]},
        {"label": "MONEY", "pattern": [*amount, {"ORTH": "+", "OP": "?"}]},
    ]


def percent_patterns() -> list[dict[str, Any]]:
    """``5%``, ``c40%``, ``14 per cent``, ``20 percent``, ``5 to 10%`` (but not ``from 1992 to 5.7%``)."""
    number = [{"LOWER": "c", "OP": "?"}, {"LIKE_NUM": True}]
    low = {"LIKE_NUM": True, "TEXT": {"REGEX": NOT_A_YEAR}}
    return [
        {"label": "PERCENT", "pattern": [*number, {"ORTH": "%"}]},
        {"label": "PERCENT", "pattern": [*number, {"LOWER": "per"}, {"LOWER": "cent"}]},
        {"label": "PERCENT", "pattern": [*number, {"LOWER": "percent"}]},
        {"label": "PERCENT", "pattern": [low, {"LOWER": {"IN": ["-", "–", "to"]}}, *number, {"ORTH": "%"}]},
    ]


def quantity_patterns() -> list[dict[str, Any]]:
    """A count of named things, with up to three words describing them: ``48,400 people``, ``124 million
    visits``, ``11,200 to 12,400 jobs``, ``1,468 new businesses``, ``half a million manufacturing jobs``; or any
    plural noun right after a number that is no year (``six cities``, ``14 miles``), but units of time and of a
    text, money's names and a plan's own elements (:data:`NOT_QUANTITIES`)."""

    number = [
        {"LIKE_NUM": True, "LOWER": {"NOT_IN": ["zero", "one", "nil"]}},
        {"LOWER": {"IN": list(SPELLED_SCALES)}, "OP": "?"},
    ]
    describing = {
        "TEXT": {"REGEX": r"^(?:[a-z]+|-)$"},
        "LOWER": {"NOT_IN": FUNCTION_WORDS},
        "OP": f"{{0,{MAX_ADJECTIVES}}}",
    }
    noun = {"LOWER": {"IN": sorted({*COUNT_NOUNS, *COUNTED})}}
    # any other plural noun right after a number that is no year: "six cities", "42 passengers", "14 miles"
    counted = [
        {"LIKE_NUM": True, "TEXT": {"REGEX": NOT_A_YEAR}, "LOWER": {"NOT_IN": [*SCALE_WORDS, "zero", "one", "nil"]}},
        number[1],
    ]
    # a plural noun's ending: not an adjective's ("prosperous") nor a word ending in -ss or -is
    plural = {"TEXT": {"REGEX": r"^[a-z][a-z-]{2,}(?<![siu])s$"}, "LOWER": {"NOT_IN": sorted(NOT_QUANTITIES)}}
    joint = {"LOWER": {"IN": ["-", "–", "to"]}}
    return [
        {"label": "QUANTITY", "pattern": [*number, describing, noun]},
        {"label": "QUANTITY", "pattern": [*counted, plural]},
        {"label": "QUANTITY", "pattern": [*number, joint, *number, describing, noun]},
        {"label": "QUANTITY", "pattern": [{"LOWER": "half"}, {"LOWER": "a"}, {"LOWER": "million"}, describing, noun]},
    ]


def date_patterns() -> list[dict[str, Any]]:
    """``April 2005``, ``5 July 2018``, ``Monday 23rd July``, ``3-4 December, 2009``, ``July``, ``Spring
    2021``, ``2001``, ``the early 1960s``, ``the 20th century``. May alone is a verb more often than a month."""
    year = {"TEXT": {"REGEX": r"^(?:19|20)\d\d$"}}
    month = {"LOWER": {"IN": MONTHS}}
    day = {"TEXT": {"REGEX": r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$"}}
    weekday = {"LOWER": {"IN": WEEKDAYS}, "OP": "?"}
    comma = {"ORTH": ",", "OP": "?"}
    dash = {"ORTH": {"IN": ["-", "–"]}}
    decade = {"TEXT": {"REGEX": r"^(?:1[6-9]|20)\d0s$"}}
    return [
        {"label": "DATE", "pattern": [weekday, day, month, comma, year]},
        {"label": "DATE", "pattern": [weekday, day, month]},
        {"label": "DATE", "pattern": [day, dash, day, month, comma, year]},
        {"label": "DATE", "pattern": [month, comma, year]},
        {"label": "DATE", "pattern": [{"TEXT": {"IN": [m.title() for m in MONTHS if len(m) > 3 and m != "may"]}}]},
        {"label": "DATE", "pattern": [{"LOWER": {"IN": SEASONS}}, year]},
        {"label": "DATE", "pattern": [year]},
        {"label": "DATE", "pattern": [{"LOWER": {"IN": ["early", "late", "mid"]}, "OP": "?"}, decade]},
        {"label": "DATE", "pattern": [{"LOWER": "mid"}, {"ORTH": "-"}, decade]},
        {"label": "DATE", "pattern": [{"TEXT": {"REGEX": r"^(?:1\d|2[01])(?:st|nd|rd|th)$"}}, {"LOWER": "century"}]},
    ]


def fiscal_patterns() -> list[dict[str, Any]]:
    """Fiscal years and spans: ``2005-06``, ``2005/06``, ``2005-08``, ``2020-2050``, ``FY2011``."""
    year = {"TEXT": {"REGEX": r"^(?:19|20)\d\d$"}}
    end = {"TEXT": {"REGEX": r"^(?:\d\d|(?:19|20)\d\d)$"}}
    return [
        {"label": "DATE", "id": "fiscal", "pattern": [year, {"ORTH": {"IN": ["-", "–", "/", "‑"]}}, end]},
        {"label": "DATE", "id": "fiscal", "pattern": [{"TEXT": {"REGEX": r"^FY(?:19|20)?\d\d$"}}]},
    ]


def gazetteer_patterns(path: Path) -> list[dict[str, Any]]:
    """Phrase patterns for every gazetteer name and alias, with the normalised name as the pattern's id."""
    out = []
    for entry in load_gazetteer(path):
        for name in (entry["name"], *entry.get("aliases", [])):
            out.append({"label": entry["label"], "pattern": name, "id": entry["name"]})
    return out


# --------------------------------------------------------------------------- the ruler


class NumberGatedRuler(EntityRuler):
    """spaCy's entity ruler, whose token patterns are tried only near a token one of them needs.

    spaCy's matcher starts every token pattern at every token, so on prose it spent most of the
    pipeline's time failing them. Every token pattern of :func:`entity_patterns` needs a token that is
    like a number (spaCy's ``LIKE_NUM``: digits, number and ordinal words), holds a digit, or is a
    month's name or "half" (a trigger); a match holds one and is at most as long as the longest pattern
    can be, so the matcher is run on the stretches of text within that many tokens of a trigger and
    nowhere else. The entities are the same as spaCy's ruler finds (``tests/unit/test_ner.py``); with a
    pattern of unbounded length (``+``, ``*``) the whole text is matched. The phrase patterns (the
    gazetteer) are matched on every text.
    """

    def __init__(self, nlp: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(nlp, *args, **kwargs)
        self._trigger_texts: dict[int, bool] = {}  # a token's text (its hash): whether it is a trigger
        self._ready = False  # the patterns checked and their longest match counted, until they change
        self._longest: int | None = None  # tokens in the longest token pattern's match (None: unbounded)

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        self._ready = False
        super().add_patterns(patterns)

    def remove(self, ent_id: str) -> None:
        self._ready = False
        super().remove(ent_id)

    def clear(self) -> None:
        self._ready = False
        super().clear()

    def match(self, doc: Any) -> list[tuple[int, int, int]]:
        if not self._ready:  # spaCy counts every pattern on every call only to warn when there is none
            self._require_patterns()
            self._longest = longest_match(p for patterns in self.token_patterns.values() for p in patterns)
            self._ready = True
        matches = [*self._token_matches(doc), *self.phrase_matcher(doc)]
        found = {(m_id, start, end) for m_id, start, end in matches if start != end}
        return sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)  # as EntityRuler.match orders them

    def _token_matches(self, doc: Any) -> list[tuple[int, int, int]]:
        if self._longest is None:  # a pattern of unbounded length: the whole text
            return list(self.matcher(doc))
        out: list[tuple[int, int, int]] = []
        for start, end in stretches(self.triggers(doc), self._longest, len(doc)):
            out.extend((m_id, start + s, start + e) for m_id, s, e in self.matcher(doc[start:end]))
        return out

    def triggers(self, doc: Any) -> list[int]:
        """The indexes of ``doc``'s tokens that a token pattern needs one of (a property of the token's text)."""
        known, vocab = self._trigger_texts, doc.vocab
        out = []
        for i, key in enumerate(doc.to_array(ORTH).tolist()):
            trigger = known.get(key)
            if trigger is None:
                text = vocab.strings[key]
                trigger = known[key] = bool(vocab[key].like_num or text.lower() in WORD_TRIGGERS or DIGIT.search(text))
            if trigger:
                out.append(i)
        return out


DIGIT = re.compile(r"\d")
WORD_TRIGGERS = frozenset(("half", *(m for m in MONTHS if m != "may")))  # "May" alone is not a date (date_patterns)


def longest_match(patterns: Iterable[list[dict[str, Any]]]) -> int | None:
    """The most tokens a match of any of ``patterns`` can span, or None when one has no bound (``+``, ``*``).

    >>> longest_match([[{"LOWER": "c", "OP": "?"}, {"LIKE_NUM": True}, {"ORTH": "%"}], [{"OP": "{0,3}"}]])
    3
    >>> longest_match([[{"LIKE_NUM": True, "OP": "+"}]]) is None
    True
    """
    most = 0
    for pattern in patterns:
        length = 0
        for token in pattern:
            op = token.get("OP", "1")
            if op in ("+", "*") or re.fullmatch(r"\{\d*,\}", op):
                return None
            bounds = re.fullmatch(r"\{(?:\d*,)?(\d+)\}", op)
            length += int(bounds.group(1)) if bounds else 1
        most = max(most, length)
    return most


def stretches(triggers: list[int], reach: int, length: int) -> list[tuple[int, int]]:
    """The token ranges within ``reach - 1`` tokens of a trigger (sorted indexes), overlapping ones joined.

    >>> stretches([3, 5, 40], 4, 42)
    [(0, 9), (37, 42)]
    """
    out: list[tuple[int, int]] = []
    for i in triggers:
        start, end = max(i - reach + 1, 0), min(i + reach, length)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


@Language.factory(
    "policyfacts_entity_ruler",
    default_config={"phrase_matcher_attr": None, "validate": False, "overwrite_ents": False, "ent_id_sep": "||"},
)
def make_entity_ruler(
    nlp: Any, name: str, phrase_matcher_attr: str | None, validate: bool, overwrite_ents: bool, ent_id_sep: str
) -> NumberGatedRuler:
    """The entity ruler of ``configs/ner.cfg``: :class:`NumberGatedRuler`, configured as spaCy's ``entity_ruler``."""
    return NumberGatedRuler(
        nlp,
        name,
        phrase_matcher_attr=phrase_matcher_attr,
        validate=validate,
        overwrite_ents=overwrite_ents,
        ent_id_sep=ent_id_sep,
    )


# --------------------------------------------------------------------------- pipelines


@cache
def ner_pipeline(config_path: Path = NER_CONFIG_PATH, pretrained: str | None = None) -> tuple[Any, Any]:
    """(our pipeline, the pretrained one or None), built once per process from the config file.

    ``pretrained`` overrides ``paths.pretrained`` of the config.
    """
    import spacy
    from spacy import util

    config = util.load_config(config_path, interpolate=False)
    nlp = util.load_model_from_config(config, auto_fill=True)
    nlp.initialize()
    name = pretrained or config["paths"].get("pretrained")
    model = spacy.load(name, exclude=["lemmatizer", "textcat"]) if name else None
    return nlp, model


def document_to_entities(
    doc: LaidOutDocument, quarantine: Quarantine, config_path: Path = NER_CONFIG_PATH, pretrained: str | None = None
) -> list[Entity]:
    """Every entity in the clean blocks of the document, with learned acronyms and normalised names."""
    nlp, model = ner_pipeline(config_path, pretrained)
    blocks = [b for b in doc.blocks if _clean(b, quarantine)]
    # a line break inside a block is a space to the patterns ("£25\nbillion", "Combined\nAuthority")
    texts = [doc.text[b.char_start : b.char_end].replace("\n", " ") for b in blocks]
    found: list[Entity] = []
    for block, parsed in zip(blocks, nlp.pipe(texts), strict=True):
        found.extend(_ruler_entity(doc.text, block, ent) for ent in parsed.ents)
    if model is not None:
        taken = [(e.char_start, e.char_end) for e in found]
        for block, parsed in zip(blocks, model.pipe(texts), strict=True):
            for ent in parsed.ents:
                s, e = block.char_start + ent.start_char, block.char_start + ent.end_char
                if not any(s < te and ts < e for ts, te in taken):
                    found.append(Entity(ent.text, ent.label_, s, e, _normalise(ent.text), "model", 0.7))
    found = _regions_of_places(doc.text, blocks, found)
    found = _learn_acronyms(doc.text, blocks, found)
    found = name_entities(doc.text, blocks, found)
    found.sort(key=lambda x: (x.char_start, -x.char_end))
    return found


def _clean(block: Block, quarantine: Quarantine) -> bool:
    return (
        block.kind in ENTITY_KINDS
        and block.quality == "ok"
        and block.char_end > block.char_start
        and quarantine.allows(block.char_start, block.char_end)
    )


def _ruler_entity(text: str, block: Block, ent: Any) -> Entity:
    s, e = block.char_start + ent.start_char, block.char_start + ent.end_char
    if ent.label_ in ("ORG", "GPE") and ent.ent_id_:
        return Entity(text[s:e], ent.label_, s, e, ent.ent_id_, "gazetteer", 0.95)
    normalised = ent.ent_id_ if ent.ent_id_ == "fiscal" else " ".join(text[s:e].split())
    return Entity(text[s:e], ent.label_, s, e, normalised, "ruler", 0.9)


def _regions_of_places(text: str, blocks: list[Block], found: list[Entity]) -> list[Entity]:
    """Places the gazetteer knows widened to the region of them the words before name (:data:`REGION_OF_PLACE`:
    ``Western Netherlands``, ``the North of England``, ``Noord-Holland``), within their block; not over another
    entity (``Bristol-Bath``, ``North East | Newcastle``) nor before a place named by a compass word already
    (``West | East Midlands``)."""
    starts = [b.char_start for b in blocks]
    ends = sorted(e.char_end for e in found)
    out = []
    for entity in found:
        if entity.label != "GPE" or _COMPASS_START.match(entity.text):
            out.append(entity)
            continue
        block = blocks[bisect.bisect_right(starts, entity.char_start) - 1]
        part = REGION_OF_PLACE.search(text, max(block.char_start, entity.char_start - 30), entity.char_start)
        if part is None or ends[bisect.bisect_left(ends, part.start() + 1)] < entity.char_end:
            out.append(entity)  # no region named, or another entity ends between the region's words and the place
            continue
        start, end = part.start(), entity.char_end
        out.append(Entity(text[start:end], "GPE", start, end, " ".join(text[start:end].split()), entity.source, 0.85))
    return out


def _learn_acronyms(text: str, blocks: list[Block], found: list[Entity]) -> list[Entity]:
    """Organisations (and places the gazetteer knows) the document defines with an acronym: the long form and
    every later use of the acronym, with the long form's label."""
    taken = {(x.char_start, x.char_end) for x in found}
    definitions: dict[str, str] = {}
    labels: dict[str, str] = {}  # normalised name → ORG, or GPE for a place's acronym
    out = list(found)
    for block in blocks:
        for m in ACRONYM_DEFINITION.finditer(text, block.char_start, block.char_end):
            acronym = m.group("acr")
            first = _first_initial(m.group("long"), acronym)
            if first is None:
                continue
            words = list(re.finditer(r"\S+", m.group("long")))
            start, end = m.start("long") + words[first].start(), m.start("long") + words[-1].end()
            if text[end - 2 : end] in ("'s", "’s"):
                end -= 2  # "Glasgow City Region's (GCR)": the name without its possessive
            long = " ".join(text[start:end].split())
            known = _known_name(found, start, end)  # a place the gazetteer knows ("Glasgow City Region (GCR)")
            if known is None and not ORG_HEADS.search(long):
                continue
            normalised, label = known or (long, "ORG")
            definitions[acronym] = normalised
            definitions.setdefault(acronym.rstrip("s"), normalised)
            labels[normalised] = label
            if (start, end) not in taken:
                out.append(Entity(text[start:end], label, start, end, normalised, "acronym", 0.8))
                taken.add((start, end))
    if not definitions:
        return out
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(definitions, key=len, reverse=True))) + r")\b")
    for block in blocks:
        for m in pattern.finditer(text, block.char_start, block.char_end):
            span = (m.start(), m.end())
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            name = definitions[m.group(0)]
            out.append(Entity(m.group(0), labels[name], m.start(), m.end(), name, "acronym", 0.8))
            taken.add(span)
    return out


def _first_initial(long: str, acronym: str) -> int | None:
    """The index of the word of ``long`` from which the capitals' initials spell the acronym
    (``Cluster Opportunity Groups`` for ``COGs``), or None when they do not."""
    letters = (acronym.rstrip("s") if len(acronym) > 2 else acronym).upper().replace("&", "")
    words = long.split()
    for first, word in enumerate(words):
        if not word[:1].isupper():
            continue
        initials = "".join(w[0].upper() for w in words[first:] if w[:1].isupper())
        if initials == letters:
            return first
    return None


def _known_name(found: Iterable[Entity], start: int, end: int) -> tuple[str, str] | None:
    """The gazetteer's name and label of the organisation or place found at exactly this span."""
    for e in found:
        if e.char_start == start and e.char_end == end and e.source == "gazetteer":
            return e.normalised, e.label
    return None


def _normalise(text: str) -> str:
    return re.sub(r"^(?:the)\s+", "", " ".join(text.split()), flags=re.I)
