"""Cluster mentions: where a document presents a cluster, resolved against the catalogue.

Rules, each named in ``cluster_mentions.rule``:

``label``     a ``Cluster: name`` heading or line (WMCA growth profiles)
``title``     a sector deal's or cluster plan's title (``Aerospace Sector Deal``)
``heading``   a section heading that is a cluster's name, or one part of it
              (``2.5 Transport Technologies – Aerospace``); or the sectors a heading or a box's title names
              before the head noun they share (``... the UK’s film, heritage, sports and music sectors``)
``brand``     a heading among cluster sections that uses a brand name; the
              section's opening says which cluster it is
``sibling``   a heading among cluster sections whose name the catalogue does
              not know: a discovered cluster
``list``      items of a list (or run of short lines) most of which are clusters
``table``     a header cell or row label of a table that is a cluster's name, or a row of a table column headed
              as the sectors (``Sector``, ``Growth area``, ``Cluster``): each names one, its brackets left out,
              discovered when unknown (not when the column names places: the clusters of a city)
``named``     a name in running text followed by ``cluster``/``COG`` (``the ICT Cluster``)
``named_sector`` a name followed by ``sector`` (``the manufacturing sector``): often a passing
              reference, so it does not count among the clusters a document presents
``prose_list`` three or more cluster names enumerated in a sentence of a paragraph about clusters or sectors
              (the enumeration's other parts then become ``sector_list`` mentions, discovered when unknown)
``sector_list`` the items of an enumeration a sentence frames as the place's sectors (``Oxfordshire has strengths
              in: energy; creative industries; ...``, ``sectoral strengths, including capabilities in ...``,
              ``clusters ... in sectors such as aerospace, nuclear, ...``), or of a list after such a lead-in, or
              the headings set in one type after a paragraph saying it presents sectors below (``We present a few
              business sectors as examples below.`` over ``BANKING``, ``CHILD CARE``, ...), or the numbered
              items a paragraph announces as the place's priority or growth areas, each named by its run-in title
              (``15.1. Energy and sustainable environment. The selection ...``) when most of the names hold a
              sector the catalogue knows: names the catalogue does not know become discovered clusters. Sectors a
              sentence names to qualify something else (``particularly for sectors such as ...``, ``companies from
              different sectors, including ...``) are not the place's, nor are sectors it gives as examples
              (``sectors, such as ...``) when it names no place and says not whose they are

Each mention has a ``salience``: ``subject`` (a title names it: the document is about it), ``passing``
(``named_sector``: a name followed by "sector" in running text; and, in a document about one sector, any other
sector named outside a heading of its own, unless a list names it as a part of that sector) or ``presented``
(every other rule).

Not the document's sectors, whatever the rule: a glossary's, a list of abbreviations', the references' or the
endnotes' terms (:data:`BACK_MATTER`); the sectors a case study's panel names in its sentences (a third party's
story); a place named among sectors; the parts of a sentence's enumeration after a part that is no sector's name,
once three sectors are named.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from pipeline.catalogue.clusters import NameMatch
from pipeline.catalogue.gazetteer import places
from pipeline.evaluation import squeeze
from pipeline.extract.context import CASE_STUDY, DocumentView
from pipeline.language.patterns import (
    aside_title,
    cluster_label,
    cluster_word_after,
    numbered_heading,
    sector_deal_title,
)
from pipeline.models import Block, BlockKind, ClusterMention, Section, Table, TableCell
from pipeline.spans import trim_span

# Confidence per rule: set by hand when the rules were written, before any gold was annotated, as a ranking
# of how direct each kind of evidence is (a `Cluster:` label over a name followed by `sector`). Not measured per
# rule: `make eval` scores the clusters each document presents against tests/data/gold, all rules together.
CONFIDENCE = {
    "label": 0.95, "title": 0.9, "heading": 0.95, "brand": 0.8, "sibling": 0.7,
    "list": 0.85, "table": 0.85, "named": 0.8, "prose_list": 0.7, "named_sector": 0.5, "sector_list": 0.7,
}  # fmt: skip
SECTION_RULES = frozenset({"label", "title", "heading", "brand", "sibling"})
# How prominently a rule's mention presents the cluster; every other rule: presented. ``named_sector`` ("the
# manufacturing sector") is often a passing reference: kept, but not counted among the sectors presented.
SALIENCE = {"title": "subject", "named_sector": "passing"}
# A sentence framing what follows as the place's sectors: the enumeration starts after the match.
SECTOR_FRAME = re.compile(
    r"\b(?:(?:sectoral\s+)?strengths?|specialisms?|speciali[sz]ations?|capabilit(?:y|ies)|expertise)"
    r"\s+(?:include|including|are|such\s+as|in)\s*:?\s*(?:capabilities\s+in\s+)?"
    r"|\b(?:sectors?|clusters?|industries|domains|priority\s+areas"
    r"|(?:key|priority|growth|top|focus|strategic|thematic|speciali[sz]ation|selected|main|leading|core|target)"
    r"\s+(?:[\w-]+\s+){0,2}(?:fields|areas|specialisations?))"
    r"\s*(?:\([^()]{1,40}\))?\s*(?:,\s*)?(?:such\s+as|including|include|are|comprise|like|:)\s*:?\s*",
    re.I,
)
# A heading that titles a list of the place's sectors: ``Key sectors``, ``Priority domains``, ``Growth sectors``.
SECTOR_HEADING = re.compile(
    r"^(?:our\s+|the\s+)?(?:key|priority|growth|top|focus|strategic|thematic|speciali[sz]ation|selected|main|leading"
    r"|core|target)\s+(?:[\w-]+\s+){0,2}(?:sectors|clusters|industries|domains|fields|areas)\s*:?$",
    re.I,
)
# a table column headed as the sectors its rows name: ``Sector``, ``Growth area``, ``Key clusters``
SECTOR_COLUMN = re.compile(
    r"(?:(?:key|priority|growth|focus|thematic|target|main)\s+)?(?:sectors?|clusters?|industr(?:y|ies)"
    r"|(?:growth|priority|speciali[sz]ation)\s+(?:areas?|domains?|fields?))",
    re.I,
)
# a list's lead-in or heading that calls its items sectors (not "the tourism sector:", not "priority areas")
SECTORS_PLURAL = re.compile(r"\b(?:clusters|sectors|industries)\b", re.I)
# a lead-in that points to the list after it: "The thematic business sectors are the following:"
FOLLOWING = re.compile(r"(?:the\s+following|as\s+follows)", re.I)
# sectors named before the head noun they share, in a title: "the UK's film, heritage, sports and music sectors"
_SHARED_PART = r"[^\W\d][\w-]*(?:\s[^\W\d][\w-]*)?"
SHARED_HEAD = re.compile(
    rf"(?<![\w’'-])(?P<parts>{_SHARED_PART}(?:,\s{_SHARED_PART})+,?\s(?:and|&)\s{_SHARED_PART})\s(?:sectors|industries)\b"
)
# a paragraph's last sentence saying the sectors come next, each under its heading
SECTORS_BELOW = re.compile(
    r"\b(?:clusters|sectors|industries)\b[^.:;]{0,80}\b(?:below|that\s+follow|in\s+turn)\W*$", re.I
)
# words that single out some cases of what a sentence says: the names after them qualify it
_SINGLING_OUT = r"particularly|notably|especially|in\s+particular"
# an enumeration given as examples: "(e.g. in housing, education, health and culture industries)"
EXAMPLES_BEFORE = re.compile(
    rf"\b(?:e\.\s?g\.?|for\s+(?:example|instance)|{_SINGLING_OUT})[\s,:]+"
    r"(?:(?:in|for|the)\s+)?(?:[\w -]{1,30},\s*){0,3}$",
    re.I,
)
# sectors a sentence names to qualify something else, not as the place's own: "demand for skills is growing,
# particularly for sectors such as ...", "companies from different sectors, including ...", "other sectors like"
QUALIFYING_FRAME = re.compile(
    rf"\b(?:{_SINGLING_OUT}|different|various|diverse|other|many|several|all)"
    r"(?:\s+(?!sectors?\b|clusters?\b|industries\b)[\w-]+){0,3}\s*$",
    re.I,
)
# a contents entry over the sectors' own entries: "Part 2. Policy: sector-specific guidance", "Our clusters",
# "Sector deals"; not one sector ("Mission 9: a social sector confident with digital")
CONTENTS_SECTORS = re.compile(
    r"\b(?:sectors|clusters|industries|sector[- ]specific|sectoral)\b|^\W*(?:[\d.]+\s+)?sector\b", re.I
)  # "Sector deals", "Sector profiles": the word opening the entry
# a contents entry's name: no number before it, no bracket, leader dots or page number after it
CONTENTS_NAME = re.compile(
    r"\s*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?P<name>[^\s(][^(]*?)\s*(?:\([^)]*\)\s*)?(?:[.…·_ ]{2,}\s*)?\d{0,4}\s*$"
)
INDENT_POINTS = 4.0  # a contents entry set in this much further than another is under it ...
MAX_INDENT_POINTS = 60.0  # ... and at most this much (further is the next column)
CURATED_SHARE = 1 / 3  # contents entries under a sectors entry: at least this share of them known sectors
# the title of a section of terms or sources: "Glossary of Terms", "Annex A: Glossary", "List of abbreviations",
# "References", "ENDNOTES", a bare "Notes" (not "Notes to the Financial Statements")
BACK_MATTER = re.compile(
    r"(?:(?:annex|appendix)(?:\s+\w{1,3})?\s*[.:–-]?\s*)?(?:glossary|(?:list\s+of\s+)?(?:abbreviations|acronyms)"
    r"|references|bibliography|endnotes|(?:notes|definitions?|sources)\s*$)",
    re.I,
)
# a word that joins a name to more words: a line ending in it is not a whole title
JOINING_WORD = re.compile(r"\b(?:and|or|of|in|for|the|to|with|a|an|&)$", re.I)
TOTAL = re.compile(r"(?:all|total|other|overall)\b", re.I)
# the place's sectors named in a paragraph right over a list of them (its last 300 characters)
SECTOR_NOUNS = re.compile(
    r"\b(?:growth|priority|speciali[sz]ation|focus|thematic|strategic|key|target)\s+(?:areas|sectors|domains|fields"
    r"|clusters|industries)\b",
    re.I,
)
ENUMERATION_PART = re.compile(r"\s*,(?![^()]*\))\s*(?:and\s+|or\s+)?")
LAST_AND = re.compile(r"\s+(?:and|or)\s+(?!.*\s(?:and|or)\s)(?![^()]*\))", re.S)
DISCOVERED_NOT_SECTOR = re.compile(
    r"^(?:other|diverse|various|wide|range|number|variety|many|new|recent|key|for\s+example|e\.g)\b"
    r"|^(?:today|now|currently|etc|globally|nationally|locally|elsewhere)\W*$|\s(?:of|in|include|for|to)\s",
    re.I,
)
NOT_A_NAME = re.compile(
    r"\b(?:is|are|was|were|be|will|which|that|who|has|have|can|could|would|this|these|its|their|our|we)\b|\d", re.I
)
MAX_SECTOR_WORDS = 6
MAX_LISTED_WORDS = 8  # a list item's name, or its run-in title, may run a little longer than a part of a sentence
# words that join a part to an enumeration, not part of its name: "including X", "in addition to Y"
LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:and|or|the|from|to|i\.\s?e\.|including|notably|especially|particularly|in\s+addition\s+to"
    r"|as\s+well\s+as|alongside|plus|(?:(?:key\s+)?(?:sectors?|industries|clusters|fields|areas)\s+)?(?:such\s+as|like))\s+)+",
    re.I,
)
MIN_SECTOR_ITEMS = 3
MAX_SECTOR_ITEMS = 20
PART_SEPARATOR = re.compile(r"\s+[–—-]\s+|:\s+")
MAX_NAME_WORDS = 12
MAX_TITLE_BLOCKS = 60  # a title stands among the first blocks of the document
MAX_TITLE_WORDS = 8
MAX_TITLE_HEADINGS = 4  # a title is among the first headings of its page (a kicker, the title, a subtitle, ...)
MAX_LONG_TITLE_WORDS = 16  # a longer title names its sector before the document's kind, or last
# the end of a title's main part, right after the sector it names last (``… inclusive economy with cooperatives``,
# ``Empowering communities with platform cooperatives: A catalyst for …``): the block's end or its subtitle's colon
TITLE_ENDS = re.compile(r"\s*(?::|$)")
# what a title calls the document, right after the sector it names (``5G strategy``, ``Space Industrial Plan``)
DOCUMENT_KIND = re.compile(
    r"\s+(?:(?:industrial|sector|recovery|action|infrastructure|investment)\s+)?"
    r"(?:sector\s+deal|strategy|plan|policy|review|white\s+paper|programme|framework)\b",
    re.I,
)
# a body's name up to a sector it holds: "Department for Education", "Department for Digital, Culture, Media & Sport"
AUTHOR_BODY = re.compile(
    r"\b(?:department|ministry|secretary\s+of\s+state|minister)\s+(?:for|of)\s+(?:the\s+)?"
    r"(?:(?-i:[A-Z])[\w-]*(?:\s*,\s*|\s+(?:and|&)\s+))*$",
    re.I,
)
MIN_LIST_ITEMS = 3
ENUMERATION_JOIN = re.compile(
    r"\s*(?:\([^()]{1,120}\))?\s*(?:[,;]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)\s*(?:the\s+)?", re.I
)
MIN_ENUMERATED = 3
# a list item's number, its last part counting on: "1.", "2)", "15.1.", "15.2."
NUMBER_MARKER = re.compile(r"((?:\d{1,2}\.)*)(\d{1,2})([.)]?)")
# a list item that opens with a title of its own: "Energy and sustainable environment. The selection of ..."
RUN_IN_TITLE = re.compile(r"\s*(?P<title>[A-Z][^.:;!?()\n]*(?:\n[^.:;!?()\n]+)?)\.\s+(?=[A-Z])")
FOOTNOTE_NUMBER = re.compile(r"(?:^|(?<=\n))\s*\d{1,3}\s+(?=[A-Z])")
# a frame that gives its sectors as examples ("sectors such as", "industries including"), not as the place's list
EXAMPLES_FRAME = re.compile(r"\b(?:such\s+as|including|include|like)\W*$", re.I)
# a sentence that makes an enumeration the place's or the plan's own: its strengths, its clusters, its key sectors
OWN_SECTORS = re.compile(
    r"\b(?:our|region(?:al|'s|’s)?|county|city|local(?:ly)?|strengths?|speciali[sz]\w*|excellence|clusters?|key"
    r"|priority|growth|leading|strong)\b",
    re.I,
)
# a paragraph that speaks of clusters or sectors (not of the public, private or voluntary sector: kinds of
# organisation, not of industry)
CLUSTER_WORDS = re.compile(
    r"(?<!\bpublic\s)(?<!\bprivate\s)(?<!\bcorporate\s)(?<!\bvoluntary\s)(?<!\bthird\s)(?<!\bcharity\s)"
    r"\b(?:clusters?|sectors?|industr(?:y|ies))\b",
    re.I,
)


def document_to_mentions(view: DocumentView, tables: Sequence[Table] = ()) -> list[ClusterMention]:
    """Every cluster mention of the document, one per span, in text order (``tables``: the document's tables)."""
    found = headings_to_mentions(view) + lists_to_mentions(view) + tables_to_mentions(view) + prose_to_mentions(view)
    found += enumerations_to_mentions(view) + sector_columns_to_mentions(view, tables)
    found += headed_sectors_to_mentions(view) + shared_head_to_mentions(view) + contents_to_mentions(view)
    if not any(m.rule == "title" for m in found):
        found += title_to_mentions(view)
    best: dict[tuple[int, int], ClusterMention] = {}
    for m in found:
        key = (m.char_start, m.char_end)
        if key not in best or m.confidence > best[key].confidence:
            best[key] = m
    kept = sorted(best.values(), key=lambda m: (m.char_start, m.char_end))
    kept = [m for m in kept if not any(_inside(m, o) for o in kept if o is not m) and not _back_matter(view, m)]
    return _in_passing_beside_the_subject(view, kept)


def _back_matter(view: DocumentView, m: ClusterMention) -> bool:
    """True inside a glossary, a list of abbreviations, the references or the endnotes (or a section under one):
    a term defined or a source cited there is not a sector the document presents."""
    return any(
        BACK_MATTER.match(section.title.strip()) for section in view.lineage(view.section_at(m.char_start, m.char_end))
    )


def _in_passing_beside_the_subject(view: DocumentView, mentions: list[ClusterMention]) -> list[ClusterMention]:
    """In a document about one sector (a title names it), other sectors named in its running text and lists are
    context (``services, life sciences, agriculture and the public sector`` in an AI sector deal), not sectors
    it presents: only their own sections (a heading or label, whatever rule read it) still present them."""
    subjects = {m.cluster_id for m in mentions if m.salience == "subject"}
    if not subjects:
        return mentions
    return [
        m
        if m.cluster_id in subjects
        or m.rule in SECTION_RULES
        or m.salience != "presented"
        or _part_of(view, m, subjects)
        or _in_heading(view, m)
        else replace(m, salience="passing")
        for m in mentions
    ]


def _in_heading(view: DocumentView, m: ClusterMention) -> bool:
    """True for a mention a heading makes (``BANKING``, ``CHILD CARE`` … under a paragraph presenting sectors
    below, in a document about co-operatives): the sector has a section of its own."""
    i = view.block_at(m.char_start)
    return i >= 0 and view.doc.blocks[i].kind is BlockKind.HEADING and m.char_end <= view.doc.blocks[i].char_end


def _part_of(view: DocumentView, m: ClusterMention, subjects: set[str]) -> bool:
    """True for a sub-sector of the document's subject that a list of sectors names (``early years providers``
    among the sectors of an education strategy): the document presents its own sector's parts."""
    return m.rule in ("sector_list", "list") and view.catalogue.parent_of(m.cluster_id) in subjects


def _inside(m: ClusterMention, other: ClusterMention) -> bool:
    """True when ``m`` lies strictly inside ``other`` (a shorter name within a longer one)."""
    return (
        other.char_start <= m.char_start
        and m.char_end <= other.char_end
        and (other.char_end - other.char_start) > (m.char_end - m.char_start)
    )


def _mention(view: DocumentView, cluster_id: str, start: int, end: int, rule: str, origin: str) -> ClusterMention:
    salience = SALIENCE.get(rule, "presented")
    return ClusterMention(cluster_id, view.doc.text[start:end], start, end, rule, origin, CONFIDENCE[rule], salience)


def headings_to_mentions(view: DocumentView) -> list[ClusterMention]:
    """Mentions from headings and ``Cluster:`` labels, with discovered clusters among cluster siblings."""
    doc = view.doc
    out: list[ClusterMention] = []
    pending: list[tuple[Block, int, int]] = []  # headings among possible cluster sections, not yet resolved
    for block in doc.blocks:
        if not view.clean(block) or block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH):
            continue
        text = view.text(block)
        label = cluster_label().match(text)
        if label:
            start = block.char_start + label.start("name")
            end = block.char_start + label.end("name")
            match = view.catalogue.resolve(label.group("name"))
            out.append(_mention(view, match.cluster_id, start, end, "label", match.origin))
            continue
        if block.kind is not BlockKind.HEADING:
            continue
        deal = sector_deal_title().match(text) if _title_position(view, block) else None
        if deal:
            cluster_id = view.catalogue.lookup(deal.group("name"))
            if cluster_id:
                s, e = block.char_start + deal.start("name"), block.char_start + deal.end("name")
                out.append(_mention(view, cluster_id, s, e, "title", "curated"))
            continue
        title_start = block.char_start
        numbered = numbered_heading().match(text)
        if numbered:
            title_start += numbered.start("title")
        part = _best_part(view, title_start, block.char_end)
        if part is not None:
            cluster_id, s, e = part
            out.append(_mention(view, cluster_id, s, e, "heading", "curated"))
        elif _name_shaped(doc.text[title_start : block.char_end]):
            pending.append((block, title_start, block.char_end))
    out.extend(_among_cluster_siblings(view, out, pending))
    return out


def title_to_mentions(view: DocumentView) -> list[ClusterMention]:
    """A title that names a sector without the words of a sector deal (``Culture is Digital``, ``5G Strategy
    Update``): the first curated name in the first short heading where the title stands (among the first
    MAX_TITLE_HEADINGS headings of the first page, or of the document); in a longer title, a
    name the document's kind follows (``Next Generation Mobile Technologies: An update to the 5G strategy for
    the UK``; ``Robotics: Urban Strategy``), or the name that ends the title or its main part, before a colon
    opens its subtitle (``Policy strategies to build a more inclusive economy with cooperatives``). A cover's
    title set as a paragraph counts when it is the title the document's properties give. A name inside a body's
    name (``Department for Education``) is its author, not its subject."""
    text = view.doc.text
    given = squeeze(view.doc.title or "")  # the title the document's properties give
    seen = 0  # headings met where the title stands: the title is among the first of them
    for block in view.doc.blocks[:MAX_TITLE_BLOCKS]:
        if not (block.kind is BlockKind.HEADING or _the_title(view, block, given)) or not view.clean(block):
            continue
        if not _title_position(view, block):
            continue
        seen += 1
        if seen > MAX_TITLE_HEADINGS:
            break  # "Consumer / Food safety / Public health", a table's row on the first page, titles nothing
        words = len(view.text(block).split())
        if words > MAX_LONG_TITLE_WORDS:
            continue
        for m in view.catalogue.names_pattern().finditer(text, block.char_start, block.char_end):
            cluster_id = view.catalogue.lookup(m.group("name"))
            if cluster_id is None or AUTHOR_BODY.search(text, max(block.char_start, m.start() - 80), m.start()):
                continue
            kind_follows = DOCUMENT_KIND.match(text, m.end("name"), block.char_end) is not None
            if words <= MAX_TITLE_WORDS or kind_follows or TITLE_ENDS.match(text, m.end("name"), block.char_end):
                return [_mention(view, cluster_id, m.start("name"), m.end("name"), "title", "curated")]
    return []


def _the_title(view: DocumentView, block: Block, given: str) -> bool:
    """A block set as a paragraph that is the title the document's properties give (``given``, squeezed): a
    cover's title."""
    return block.kind is BlockKind.PARAGRAPH and bool(given) and squeeze(view.text(block)) == given


def _title_position(view: DocumentView, block: Block) -> bool:
    """True for a heading where a document's title stands: on the first page, or among the first three headings."""
    if block.page is not None:
        return block.page == 1
    headings = [b for b in view.doc.blocks[:200] if b.kind is BlockKind.HEADING][:3]
    return any(b is block for b in headings)


def _best_part(view: DocumentView, start: int, end: int) -> tuple[str, int, int] | None:
    """The cluster a heading names: the whole title, else its most specific part (``A – B``, ``A: B``)."""
    text = view.doc.text[start:end]
    whole = view.catalogue.lookup(text)
    if whole:
        return whole, start, end
    parts: list[tuple[str, int, int]] = []
    offset = 0
    for piece in PART_SEPARATOR.split(text):
        at = text.index(piece, offset)
        offset = at + len(piece)
        cluster_id = view.catalogue.lookup(piece)
        if cluster_id and piece.strip():
            parts.append((cluster_id, start + at, start + at + len(piece)))
    specific = [p for p in parts if not view.catalogue.is_group(p[0])]
    candidates = specific or parts
    return candidates[0] if candidates else None


def _name_shaped(title: str) -> bool:
    """A heading that could be a cluster's name: a few words, no sentence punctuation, no figures, and
    not a heading about clusters in general (``Cluster Growth Profiles``; ``Rail Cluster`` is fine)."""
    words = title.split()
    generic = re.search(r"\b(?:clusters?|sectors?)\b(?!\s*$)", title, re.I) is not None
    return 0 < len(words) <= MAX_NAME_WORDS and not generic and not re.search(r"[.?!:;]$|\d", title.strip())


def _among_cluster_siblings(
    view: DocumentView, found: list[ClusterMention], pending: list[tuple[Block, int, int]]
) -> list[ClusterMention]:
    """Headings whose siblings are mostly cluster headings (or whose parent is about clusters):
    the cluster their section's opening names (a brand name), else a discovered cluster."""
    doc = view.doc
    by_section: dict[str, Section] = view.sections
    matched_sections = {view.section_at(m.char_start, m.char_end) for m in found if m.rule in ("heading", "label")}
    siblings: dict[str | None, list[str]] = {}
    for s in doc.sections:
        siblings.setdefault(s.parent_section_id, []).append(s.section_id)
    out: list[ClusterMention] = []
    for block, start, end in pending:
        section_id = block.section_id
        if section_id is None:
            continue
        section = by_section[section_id]
        group = siblings.get(section.parent_section_id, [])
        share = sum(1 for s in group if s in matched_sections) / max(len(group), 1)
        parent = by_section.get(section.parent_section_id) if section.parent_section_id else None
        about_clusters = parent is not None and re.search(r"\bclusters?\b", parent.title, re.I) is not None
        if not (share >= 0.5 and len(group) >= MIN_LIST_ITEMS) and not (about_clusters and share > 0):
            continue
        brand = _opening_names_cluster(view, section)
        if brand is not None:
            out.append(_mention(view, brand, start, end, "brand", "curated"))
        else:
            match = view.catalogue.resolve(doc.text[start:end])
            out.append(_mention(view, match.cluster_id, start, end, "sibling", match.origin))
    return out


def _opening_names_cluster(view: DocumentView, section: Section) -> str | None:
    """The cluster the first paragraphs of a section name as ``the X cluster`` (two of them at most)."""
    seen = 0
    for b in view.doc.blocks:
        if b.section_id != section.section_id or b.kind is not BlockKind.PARAGRAPH:
            continue
        seen += 1
        text = view.text(b)
        for m in view.catalogue.names_pattern().finditer(text):
            if cluster_word_after().match(text[m.end() :]):
                return view.catalogue.lookup(m.group("name"))
        if seen >= 2:
            break
    return None


def lists_to_mentions(view: DocumentView) -> list[ClusterMention]:
    """Items of a run of list items or short lines of which at least half are curated cluster names."""
    out: list[ClusterMention] = []
    run: list[tuple[int, int, str | None]] = []
    previous_section: str | None = None
    for block in [*view.doc.blocks, None]:
        short = block is not None and _short_item(view, block)
        if block is None or not short or block.section_id != previous_section:
            hits = [r for r in run if r[2]]
            if len(run) >= MIN_LIST_ITEMS and len(hits) * 2 >= len(run) and len(hits) >= 2:
                out.extend(_mention(view, c, s, e, "list", "curated") for s, e, c in hits if c)
            run = []
        if block is not None and short:
            s, e = view.item_span(block)
            s, e = trim_span(view.doc.text, s, e, also=";,")
            run.append((s, e, view.catalogue.lookup(view.doc.text[s:e])))
            previous_section = block.section_id
    return out


def _short_item(view: DocumentView, block: Block) -> bool:
    if block.kind not in (BlockKind.LIST_ITEM, BlockKind.PARAGRAPH) or not view.clean(block):
        return False
    text = view.text(block).strip()
    return len(text.split()) <= MAX_NAME_WORDS and not text.endswith((".", ":", "?"))


def tables_to_mentions(view: DocumentView) -> list[ClusterMention]:
    """Header cells (first row) and row labels (first column) of text tables that are cluster names."""
    out: list[ClusterMention] = []
    first_row = True
    for block in view.doc.blocks:
        if block.kind is not BlockKind.TABLE_ROW or not view.clean(block):
            first_row = True
            continue
        offset = block.char_start
        for col, cell in enumerate(view.text(block).split("\t")):
            s, e = trim_span(view.doc.text, offset, offset + len(cell), also=";,")
            offset += len(cell) + 1
            if (first_row or col == 0) and e > s:
                cluster_id = view.catalogue.lookup(view.doc.text[s:e])
                if cluster_id:
                    out.append(_mention(view, cluster_id, s, e, "table", "curated"))
        first_row = False
    return out


def sector_columns_to_mentions(view: DocumentView, tables: Sequence[Table]) -> list[ClusterMention]:
    """The rows of a table column headed as the sectors (:data:`SECTOR_COLUMN`: ``Growth area``, ``Sector``):
    each row's cell names one, up to its brackets (``Innovative house-building (wooden houses)``). None from a
    column of fewer than MIN_SECTOR_ITEMS names, or one most of whose rows name places (``Leeds – Sheffield``
    under ``Cluster``: where firms cluster, not what they do)."""
    text = view.doc.text
    pattern, _ = places()
    out: list[ClusterMention] = []
    for table in tables:
        header = next(
            (
                c
                for c in table.cells
                if c.row < max(table.header_rows, 1) and SECTOR_COLUMN.fullmatch(" ".join(c.text.split()))
            ),
            None,
        )
        if header is None:
            continue
        spans = [
            span
            for cell in table.cells
            if cell.col == header.col and cell.row > header.row
            if (span := _cell_name(text, cell))
        ]
        placed = sum(1 for s, e in spans if pattern.search(text, s, e))
        if (
            len(spans) < MIN_SECTOR_ITEMS
            or placed * 2 > len(spans)
            or not view.quarantine.allows(header.char_start, table.char_end)
        ):
            continue
        for s, e in spans:
            match = view.catalogue.resolve(text[s:e])
            out.append(_mention(view, match.cluster_id, s, e, "table", match.origin))
    return out


def _cell_name(text: str, cell: TableCell) -> tuple[int, int] | None:
    """The span of the name a cell gives, up to its brackets: the cell's span, or its first line when the cell's
    lines interleave other columns' words; None when that is not the name or the cell names no sector."""
    name = " ".join(cell.text.split("(")[0].split())
    if not name or len(name.split()) > MAX_SECTOR_WORDS or NOT_A_NAME.search(name) or TOTAL.match(name):
        return None
    s, e = trim_span(text, cell.char_start, cell.char_end)
    first_line = text.find("\n", s, e)
    for end in (e, first_line) if first_line > s else (e,):
        start, stop = trim_span(text, s, end, also=",;:(")
        if " ".join(text[start:stop].split()) == name:
            return start, stop
    return None


def prose_to_mentions(view: DocumentView) -> list[ClusterMention]:
    """Cluster names in running text: followed by cluster/sector/COG, or enumerated (three or more in a row,
    separated only by commas and "and") in a paragraph about clusters or sectors."""
    text = view.doc.text
    pattern = view.catalogue.names_pattern()
    all_blocks = view.doc.blocks
    indexed = [(i, b) for i, b in view.body_blocks() if pattern.search(text, b.char_start, b.char_end)]
    blocks = [b for _, b in indexed]
    out: list[ClusterMention] = []
    for (i, block), sentences in zip(
        indexed, view.sentences([(b.char_start, b.char_end) for b in blocks]), strict=True
    ):
        # the paragraph, or one of the two before it in its section, speaks of clusters or sectors
        context = [b for b in all_blocks[max(0, i - 2) : i + 1] if b.section_id == block.section_id]
        about_clusters = any(CLUSTER_WORDS.search(text, b.char_start, b.char_end) for b in context)
        for s, e in sentences:
            hits = [
                (m.start("name"), m.end("name"), cluster_id)
                for m in pattern.finditer(text, s, e)
                if (cluster_id := view.catalogue.lookup(m.group("name")))
            ]
            enumerated = _enumerations(text, hits) if about_clusters and not view.in_case_study(block) else set()
            if enumerated:
                first = hits[min(enumerated)][0]
                if EXAMPLES_BEFORE.search(text, max(s, first - 80), first):
                    enumerated = set()  # "(e.g. in housing, education, health and culture industries)": examples
                else:
                    out.extend(_whole_enumeration(view, s, e, first))
            for k, (hs, he, cluster_id) in enumerate(hits):
                word = cluster_word_after().match(text[he : min(e, he + 20)])
                if word:
                    rule = "named_sector" if word.group("word").lower().startswith("sector") else "named"
                    out.append(_mention(view, cluster_id, hs, he, rule, "curated"))
                elif k in enumerated:
                    out.append(_mention(view, cluster_id, hs, he, "prose_list", "curated"))
    return out


def _whole_enumeration(view: DocumentView, s: int, e: int, first_hit: int) -> list[ClusterMention]:
    """Every part of an enumeration whose known sectors make it a list of sectors (``Water, Life sciences and
    health, Creative industry, Logistics, Chemicals, Energy, ...``): its other parts are sectors too, discovered
    when the catalogue lacks them. The enumeration runs from the sentence's start (or its last colon before the
    first name, or a footnote's number) to its end, less the parts before the first known name that a part which
    is no name cuts off (``Harwell Campus, for example, has ... relating to energy, space, ...``); two thirds of
    its parts must be names."""
    text = view.doc.text
    colon = text.rfind(":", s, first_hit)
    start = colon + 1 if colon >= 0 else s
    notes = list(FOOTNOTE_NUMBER.finditer(text, start, first_hit))  # footnotes run together: the last one's
    start = notes[-1].end() if notes else start
    parts = _parts(text, start, len(text[:e].rstrip(" .;")))
    first = next((k for k, (_, pe) in enumerate(parts) if pe > first_hit), 0)
    while first > 0 and _name_like(text[slice(*parts[first - 1])]):
        first -= 1  # the names before the first known one, up to words that are no name ("for example", a verb)
    parts = parts[first:]
    named = _named_sectors(view, parts)
    return named if len(named) * 3 >= len(parts) * 2 else []


def _name_like(part: str) -> bool:
    """A part of an enumeration that could be a sector's name: a few words, no verb or figure, not "for example"."""
    name = LEADING_CONNECTIVE.sub("", part)
    words = len(name.split())
    return 0 < words <= MAX_SECTOR_WORDS and not NOT_A_NAME.search(name) and not DISCOVERED_NOT_SECTOR.search(name)


def enumerations_to_mentions(view: DocumentView) -> list[ClusterMention]:
    """The sectors an enumeration framed as the place's sectors names (:data:`SECTOR_FRAME`), in a sentence or in
    the list after a lead-in ending with a colon. Three or more short noun phrases are needed, and at least one
    of them must be a curated name (a list of anything else is not a list of sectors)."""
    text = view.doc.text
    blocks = view.doc.blocks
    out: list[ClusterMention] = []
    for i, block in enumerate(blocks[:-1]):
        if block.kind is BlockKind.HEADING and view.clean(block) and SECTOR_HEADING.match(view.text(block).strip()):
            strong = bool(SECTORS_PLURAL.search(view.text(block)))
            out.extend(_named_sectors(view, _list_names(view, i, strong), listed=True, strong=strong))
        elif block.kind is BlockKind.PARAGRAPH and view.clean(block) and SECTOR_NOUNS.search(view.text(block)[-300:]):
            # "... were selected as the growth areas ..." over "1. Information and communications technology. ..."
            out.extend(_named_sectors(view, _one_list_names(view, i), listed=True))
    # a case study's sectors are its company's or place's, not the document's
    indexed = [(i, b) for i, b in view.body_blocks() if SECTOR_FRAME.search(view.text(b)) and not view.in_case_study(b)]
    for (i, _block), sentences in zip(
        indexed, view.sentences([(b.char_start, b.char_end) for _, b in indexed]), strict=True
    ):
        for s, e in sentences:
            frame = SECTOR_FRAME.search(text, s, e)
            if frame is None:
                continue
            if QUALIFYING_FRAME.search(text, max(s, frame.start() - 60), frame.start()):
                continue
            if EXAMPLES_FRAME.search(frame.group(0)) and not _the_places_own(text[s:e]):
                continue  # "technology applied through sectors, such as ...": sectors, but no place's
            rest = text[frame.end() : e].rstrip(" .;:")
            lead_in = text[s:e].rstrip().endswith(":")
            if rest.strip() and not (lead_in and FOLLOWING.fullmatch(rest.strip())):
                out.extend(_named_sectors(view, _parts(text, frame.end(), frame.end() + len(rest))))
            elif lead_in:  # "... sectors include:", "The thematic business sectors are the following:"
                strong = bool(SECTORS_PLURAL.search(frame.group(0)))
                out.extend(_named_sectors(view, _list_names(view, i, strong), listed=True, strong=strong))
    return out


def _the_places_own(sentence: str) -> bool:
    """True for a sentence that speaks of a place's or the plan's own sectors: it names a place, or says whose or
    which they are (:data:`OWN_SECTORS`: ``the region is a centre of excellence in a number of sectors, including
    ...``), where ``sectors such as ...`` alone gives examples of sectors."""
    return OWN_SECTORS.search(sentence) is not None or places()[0].search(sentence) is not None


def shared_head_to_mentions(view: DocumentView) -> list[ClusterMention]:
    """Sectors a title names before the head noun they share (``Box 3: Tourism as a catalyst for the UK’s film,
    heritage, sports and music sectors``): each part is a sector the document presents under that title, as a
    heading's own name is (rule ``heading``). Titles only: a heading, or the title of a box (not a case study's,
    a third party's story); in running text such an enumeration is a passing reference."""
    text = view.doc.text
    out: list[ClusterMention] = []
    for block in view.doc.blocks:
        if not view.clean(block) or not _a_title(view, block):
            continue
        for m in SHARED_HEAD.finditer(text, block.char_start, block.char_end):
            parts = _parts(text, m.start("parts"), m.end("parts"))
            named = _named_sectors(view, parts, listed=True, strong=True)
            out.extend(replace(n, rule="heading") for n in named)
    return out


def _a_title(view: DocumentView, block: Block) -> bool:
    if block.kind is BlockKind.HEADING:
        return True
    if block.kind is not BlockKind.PARAGRAPH:
        return False
    said = view.text(block).strip()
    return aside_title().match(said) is not None and not said.lower().startswith("case stud")


def headed_sectors_to_mentions(view: DocumentView) -> list[ClusterMention]:
    """The sectors a paragraph says it presents below, one under each heading that follows it in one type (a
    heading in another type ends them): ``We present a few business sectors as examples below.`` over ``BANKING``,
    ``CHILD CARE``, ``FOOD SECURITY`` ... up to the next heading set larger. Names as a strong list's
    (:func:`_named_sectors`): no curated name needed."""
    blocks = view.doc.blocks
    leads = [
        i for i, block in enumerate(blocks)
        if block.kind is BlockKind.PARAGRAPH and view.clean(block)
        and SECTORS_BELOW.search(view.text(block).rstrip()[-200:])
    ]  # fmt: skip
    if not leads:
        return []
    starts = [line.char_start for line in view.doc.lines]  # to find each heading's line, and its type
    out: list[ClusterMention] = []
    for i in leads:
        names: list[tuple[int, int]] = []
        style = None
        for after in blocks[i + 1 :]:
            if after.kind is not BlockKind.HEADING:
                if not names and after.kind is not BlockKind.FURNITURE:
                    break  # the headings follow the paragraph
                continue
            line = view.doc.lines[max(0, bisect.bisect_right(starts, after.char_start) - 1)]
            look = (round((line.font_size or 0) * 2), line.bold, line.md_level)
            if (style is not None and look != style) or len(names) >= MAX_SECTOR_ITEMS:
                break
            style = look
            names.append(trim_span(view.doc.text, after.char_start, after.char_end))
        out.extend(_named_sectors(view, names, listed=True, strong=True))
    return out


def contents_to_mentions(view: DocumentView) -> list[ClusterMention]:
    """The entries of a contents page set in under an entry that names sectors, clusters or industries (``Part 2.
    Policy: sector-specific guidance`` over ``Arts and Culture``, ``Creative Industries``, ``Civil Society``, ...):
    one sector each, up to the next entry set no further in than that one (on its page, in its column). Names as
    a list's (:func:`_named_sectors`): three or more, and :data:`CURATED_SHARE` of them sectors the catalogue knows
    (``Our economy and its industries`` over ``Productivity``, ``Transport``, ``Energy``, ``Housing`` names none)."""
    entries = [(b, b.bbox.x0) for b in view.doc.blocks if b.kind is BlockKind.CONTENTS_ENTRY and b.bbox is not None]
    out: list[ClusterMention] = []
    for k, (parent, indent) in enumerate(entries):
        if not CONTENTS_SECTORS.search(view.text(parent)):
            continue
        names: list[tuple[int, int]] = []
        for child, x0 in entries[k + 1 :]:
            inside = indent + INDENT_POINTS < x0 <= indent + MAX_INDENT_POINTS and child.page == parent.page
            if not inside or len(names) >= MAX_SECTOR_ITEMS:
                break
            m = CONTENTS_NAME.match(view.text(child))
            if m and not CASE_STUDY.match(m.group("name")):  # a case study's entry names its story
                start = child.char_start + m.start("name")
                names.append(trim_span(view.doc.text, start, child.char_start + m.end("name")))
        found = _named_sectors(view, names, listed=True)
        if CURATED_SHARE * len(names) <= sum(m.origin == "curated" for m in found):
            out.extend(found)  # a good part of them sectors the catalogue knows: not "Transport", "Housing", ...
    return out


def _list_names(view: DocumentView, i: int, titled: bool = False) -> list[tuple[int, int]]:
    """The names of the list items right after block ``i`` (at most :data:`MAX_SECTOR_ITEMS`); with ``titled``,
    an item's title line over its paragraph is its name (:func:`_title_line`)."""
    names = []
    for block in view.doc.blocks[i + 1 : i + 1 + MAX_SECTOR_ITEMS]:
        if block.kind is not BlockKind.LIST_ITEM:
            break
        names.append((titled and _title_line(view, block)) or _item_name(view, block))
    return names


def _title_line(view: DocumentView, block: Block) -> tuple[int, int] | None:
    """An item's first line when it titles the sentences under it: no punctuation in it, at most MAX_NAME_WORDS
    words not ending in a word that joins (``and``, ``of``), and the next line opening a sentence."""
    s, e = view.item_span(block)
    text = view.doc.text
    cut = text.find("\n", s, e)
    if cut < 0:
        return None
    line = text[s:cut].strip()
    after = text[cut:e].lstrip()
    if (
        not line
        or len(line.split()) > MAX_NAME_WORDS
        or re.search(r"[.,;:()]|\s[–—-]\s|-$", line)
        or JOINING_WORD.search(line)
        or not after[:1].isupper()
        or not re.search(r"[.!?]\s*$", after)
    ):
        return None
    return trim_span(text, s, cut)


def _one_list_names(view: DocumentView, i: int) -> list[tuple[int, int]]:
    """The names of the items of the one list that starts right after block ``i`` (page furniture stepped over),
    its items found over the sub-lists and paragraphs between them until the next heading."""
    blocks = view.doc.blocks
    start = next((k for k in range(i + 1, len(blocks)) if blocks[k].kind is not BlockKind.FURNITURE), None)
    if start is None or blocks[start].kind is not BlockKind.LIST_ITEM:
        return []
    first = (blocks[start].marker or "").strip()
    number = NUMBER_MARKER.fullmatch(first)
    names: list[tuple[int, int]] = []
    item = blocks[start]
    for block in blocks[start:]:
        if block.kind is BlockKind.HEADING or len(names) >= MAX_SECTOR_ITEMS:
            break
        if block.kind is not BlockKind.LIST_ITEM or block.carries_on(item):
            continue  # not an item, or an item's tail on the next page
        item = block
        marker = (block.marker or "").strip()
        if number is not None:  # "1.", "2.", "3." (or "15.1.", "15.2.") over the sub-lists and paragraphs between
            if marker == f"{number.group(1)}{int(number.group(2)) + len(names)}{number.group(3)}":
                names.append(_item_name(view, block))
        elif block.list_id == blocks[start].list_id:
            names.append(_item_name(view, block))
    return names


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of an enumeration's parts: split at semicolons, else at commas and "and"/"or" (not inside
    brackets, whose contents are parts too: ``future mobility (automotive production and motorsport)``; the last
    part split at its "and" only when no serial comma's "and" came before it)."""
    spans: list[tuple[int, int]] = []
    cursor = start
    chunk = text[start:end]
    semicolons = ";" in chunk
    splitter = re.compile(r"\s*;\s*(?:and\s+|or\s+)?") if semicolons else ENUMERATION_PART
    breaks = list(splitter.finditer(text, start, end))
    serial = bool(breaks) and re.search(r"\b(?:and|or)\b", breaks[-1].group(0)) is not None
    for m in [*breaks, None]:
        part_end = m.start() if m else end
        last = LAST_AND.search(text, cursor, part_end) if m is None and breaks and not (semicolons or serial) else None
        if last is not None:  # "A, B, C and D": the serial "and" parts the last two, not the "and" inside a name
            # (after "A, B, and C and D" the comma's "and" did: "C and D" is one name)
            spans.extend(_unbracketed(text, cursor, last.start()))
            cursor = last.end()
        spans.extend(_unbracketed(text, cursor, part_end))
        cursor = m.end() if m else end
    return spans


def _unbracketed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A part without its brackets, and the parts a bracket that enumerates (holds a comma) names; a bracket
    inside a name, words of the name after it, stays in the name (the catalogue's names leave brackets out)."""
    part = text[start:end]
    open_at = part.find("(")
    if open_at < 0:
        return [trim_span(text, start, end, also=",;:")]
    depth, close_at = 0, len(part)
    for k in range(open_at, len(part)):
        depth += {"(": 1, ")": -1}.get(part[k], 0)
        if depth == 0:
            close_at = k
            break
    head = trim_span(text, start, start + open_at, also=",;:")
    inner = part[open_at + 1 : close_at]
    if "," not in re.sub(r"\([^()]*\)", "", inner):
        if re.match(r"\s+[^\W\d]", part[close_at + 1 :]):  # "autonomous (self-driving) vehicles": one name
            return [trim_span(text, start, end, also=",;:")]
        return [head]
    return [head, *_parts(text, start + open_at + 1, start + close_at)]


def _item_name(view: DocumentView, block: Block) -> tuple[int, int]:
    """A list item's name: its words up to the first dash, colon, bracket or full stop; or its run-in title, a
    short first sentence that names without saying anything, sentences after it (``Transport, logistics and
    information and communication technologies. It is projected that ...``)."""
    s, e = view.item_span(block)
    text = view.doc.text
    run_in = RUN_IN_TITLE.match(text, s, e)
    title = run_in.group("title") if run_in else ""
    if run_in and len(title.split()) <= MAX_LISTED_WORDS and not NOT_A_NAME.search(title):
        return trim_span(text, s, run_in.end("title"))
    m = re.search(r"\s[–—-]\s|[:(.;,]", text[s:e])
    return trim_span(text, s, s + m.start() if m else e)


def _named_sectors(
    view: DocumentView, spans: list[tuple[int, int]], listed: bool = False, strong: bool = False
) -> list[ClusterMention]:
    """Mentions of the parts of an enumeration that are names; none unless three or more are and one is curated.
    A list item's name may hold "of" or "in" (``More efficient use of resources``); a part of a sentence may not
    (``a range of sectors``). A list its lead-in or heading calls sectors, clusters or industries (``strong``:
    not areas or domains, which may be anything, nor "the tourism sector:") needs no curated name, and its names
    may run to MAX_NAME_WORDS words (``Sustainable food systems and new solutions for the bioeconomy``)."""
    text = view.doc.text
    names: list[tuple[int, int, NameMatch]] = []
    longest = MAX_NAME_WORDS if strong else MAX_LISTED_WORDS if listed else MAX_SECTOR_WORDS
    place, _ = places()
    for s, e in spans:
        name = LEADING_CONNECTIVE.sub("", text[s:e])
        s = e - len(name)
        match = view.catalogue.resolve(name) if name else None
        not_sector = DISCOVERED_NOT_SECTOR.search(name)
        if match is not None and match.origin == "discovered" and place.fullmatch(name.removeprefix("the ")):
            continue  # a place named among sectors ("... media businesses in Manchester, Liverpool, Leeds")
        if (
            match is None
            or len(name.split()) > longest
            or NOT_A_NAME.search(name)
            or (match.origin == "discovered" and not_sector and not (listed and not_sector.group(0).startswith(" ")))
        ):
            if len(names) >= MIN_SECTOR_ITEMS and not listed:
                break  # in a sentence that has named its sectors, a part that is no sector's name ends the
                # enumeration ("aerospace, nuclear, pharmaceuticals and engineering to digital creative and media
                # businesses in ...": what follows is about something else)
            continue
        pair = _two_known(view, s, e) if match.origin == "discovered" else None
        names.extend(pair or [(s, e, match)])
    if len(names) < MIN_SECTOR_ITEMS:
        return []
    if not (strong or any(m.origin == "curated" for *_, m in names) or (listed and _sector_words(view, names))):
        return []
    return [_mention(view, m.cluster_id, s, e, "sector_list", m.origin) for s, e, m in names]


def _sector_words(view: DocumentView, names: list[tuple[int, int, NameMatch]]) -> bool:
    """True when most of a list's names hold a sector's name the catalogue knows, though none is one (``Energy
    and sustainable environment``, ``Agricultural innovation and food technologies``): the areas of a
    smart-specialisation strategy, named in its own words; a list of themes (``Skills``, ``Housing``) holds none."""
    pattern = view.catalogue.names_pattern()
    holding = sum(1 for s, e, _ in names if pattern.search(view.doc.text, s, e))
    return holding * 2 > len(names)


def _two_known(view: DocumentView, s: int, e: int) -> list[tuple[int, int, NameMatch]] | None:
    """``EdTech and English language teaching``: two curated names joined by "and" are two sectors."""
    text = view.doc.text
    joint = re.search(r"\s+(?:and|&)\s+", text[s:e])
    if joint is None:
        return None
    halves = [(s, s + joint.start()), (s + joint.end(), e)]
    matches = [view.catalogue.resolve(text[a:b]) for a, b in halves]
    if not all(m.origin == "curated" for m in matches):
        return None
    return [(a, b, m) for (a, b), m in zip(halves, matches, strict=True)]


def _enumerations(text: str, hits: list[tuple[int, int, str]]) -> set[int]:
    """Indexes of hits in runs of three or more names joined only by commas, semicolons and "and".

    A name's own acronym in brackets (``information and communication technology (ICT)``)
    belongs to the name, not to the run.
    """
    runs: list[list[int]] = []
    for k in range(len(hits)):
        if (
            runs
            and hits[k][2] == hits[runs[-1][-1]][2]
            and re.fullmatch(r"\s*\(\s*", text[hits[runs[-1][-1]][1] : hits[k][0]])
        ):
            continue
        if runs and ENUMERATION_JOIN.fullmatch(text[hits[runs[-1][-1]][1] : hits[k][0]]):
            runs[-1].append(k)
        else:
            runs.append([k])
    return {k for run in runs if len({hits[i][2] for i in run}) >= MIN_ENUMERATED for k in run}


def mentions_to_section_clusters(
    view: DocumentView, mentions: list[ClusterMention]
) -> tuple[dict[str, str], str | None]:
    """Each section's cluster (from its heading's mention) and the document's, when it is about one cluster.

    A document is about one cluster when its title names it (a sector deal); when
    several titles name clusters, the one named most often.
    """
    section_clusters: dict[str, str] = {}
    titled: list[str] = []
    for m in mentions:
        if m.rule not in SECTION_RULES:
            continue
        section_id = view.section_at(m.char_start, m.char_end)
        if m.rule == "title":
            titled.append(m.cluster_id)
        elif section_id is not None and section_id not in section_clusters and _heads(view, section_id, m):
            section_clusters[section_id] = m.cluster_id
    if titled:
        return section_clusters, Counter(titled).most_common(1)[0][0]
    return section_clusters, None


def _heads(view: DocumentView, section_id: str, m: ClusterMention) -> bool:
    """True when the mention sits in the heading line of its section."""
    section = view.sections[section_id]
    return section.char_start <= m.char_start and m.char_end <= max(section.heading_end, section.char_start + 1)
