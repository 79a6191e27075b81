"""Objectives: the lists of objectives, aims, themes, priorities or directions a document gives.

A list counts when a *lead-in* announces it: the last sentence of the block
before the list names what follows (``the following objectives:``, ``four
strategic directions``, ``The key themes for this cluster are:``), or says what
the plan seeks or aims to do and ends in a colon. A lead-in whose noun is
something else (``projects``, ``activities``, ``prerequisites``, ``sections``)
announces no objectives, even when it also uses the word (``From these
objectives flow a number of new support activities covering:``). A heading
such as ``Aims and objectives`` frames the first list of its section.

The items come from the layout tree: a numbered or bulleted list (a numbered
list stays one list when each item is followed by a paragraph describing it),
or a run of "Title – description" paragraphs. When the lead-in announces a
count (``the following five themes``) that the items do not meet, a
``list_count_mismatch`` quality issue says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.context import DocumentView
from pipeline.language.patterns import (
    aim_verb_lead_in,
    cluster_word_after,
    commitment_actor,
    counted_noun,
    labelled_objective,
    list_marker,
    non_objective_nouns,
    objective_nouns,
    title_description,
)
from pipeline.models import Block, BlockKind, Objective, SourceIssue, Table
from pipeline.registry import extractor
from pipeline.spans import trim_span

EXTRACTOR = extractor("objectives/lists")
NUMBERS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
KINDS = (
    ("objective", "objective"), ("aim", "aim"), ("goal", "goal"), ("theme", "theme"), ("priorit", "priority"),
    ("direction", "strategic_direction"), ("pillar", "pillar"), ("mission", "mission"), ("ambition", "ambition"),
    ("strand", "strand"), ("outcome", "outcome"), ("commit", "commitment"), ("action", "action"),
    ("recommend", "recommendation"), ("target", "target"), ("focus", "focus_area"), ("area", "focus_area"),
)  # fmt: skip
COMMITTING = (
    "commitment",
    "action",
)  # kinds an actor's heading carries on (``Government action`` under ``Key commitments``)
MAX_FRAMING_HEADING_WORDS = 10
MAX_FRAME_PAGES = 4
MIN_PROSE_WORDS = 15
# a table column of objectives: its header cell is the noun alone
TABLE_FRAME = re.compile(
    r"(?:key\s+|our\s+|planned\s+|strategic\s+)?(?:recommendations?|actions?|objectives?|priorit(?:y|ies)|commitments?"
    r"|goals?|aims?|targets?)",
    re.I,
)
MIN_TABLE_ITEM_WORDS = 3
MAX_HEADED_GAP = 40  # blocks between two labelled headings of a run (each explained by its paragraphs)
NUMBERED_PREFIX = re.compile(r"^\s*\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s+")
# A lead-in that says someone will do what the list says: ``Defence will achieve this through:``, ``The S&T
# policy function will:``, ``Together we must:``, ``we propose to:``, ``To do this the government is:``; not
# ``This will include:`` (examples follow) or ``This will result in:`` (outcomes: what "this" will do)
COMMITTING_LEAD_IN = re.compile(
    r"(?<!\bthis\s)(?<!\bthese\s)(?<!\bit\s)(?<!\bthat\s)(?<!\bwhich\s)"
    r"\b(?P<verb>(?:will|must|shall)(?!\s+(?:include|cover|be|involve|consist|contain|comprise|also\s+include)\b)"
    r"|commits?\s+to|(?:is|are)\s+committed\s+to|propose\s+to|(?<=government\s)is)\b"
    r"[^:.;]{0,60}:\s*-?$",
    re.I,
)
WILL_COLON = re.compile(r"\b(?:will|must|shall)(?:\s+(?:achieve|do|deliver)\s+this\s+(?:through|by))?\s*:\s*-?$", re.I)
ACTIONS_HEADING = re.compile(r"(?:(?:our|key|next|priority)\s+)?actions?(?:\s+plan)?", re.I)  # a heading ``Actions``
MAX_TITLE_WORDS = 8
MAX_DESCRIPTION_GAP = 2  # paragraphs allowed between numbered items that describe the previous one
MAX_FURNITURE_BLOCKS = 4  # footnotes (and running headers not recognised as such) between a lead-in and its list
STEPPED_OVER = (BlockKind.PARAGRAPH, BlockKind.FURNITURE, BlockKind.CAPTION, BlockKind.CHART)


ROMAN_ORDINALS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")  # fmt: skip


@dataclass(frozen=True, slots=True)
class LeadIn:
    """What a lead-in announces: the kind of list, how sure we are, and the count it gives (if any)."""

    kind: str
    confidence: float
    count: int | None
    strong: bool
    actor: str | None = None


def document_to_objectives_and_issues(view: DocumentView) -> tuple[list[Objective], list[SourceIssue]]:
    """Every objective list item of the document in text order, and the lists whose announced count is off."""
    blocks = view.doc.blocks
    text = view.doc.text
    candidates = [i for i in range(len(blocks) - 1) if _could_lead(view, i)]
    last_sentences = view.sentences([view.item_span(blocks[i]) for i in candidates])
    objectives: list[Objective] = []
    issues: list[SourceIssue] = []
    used: set[int] = set()
    list_number = 0
    for i, sentences in zip(candidates, last_sentences, strict=True):
        if not sentences or i in used:
            continue
        s, e = sentences[-1]
        lead = sentence_to_lead_in(text[s:e])
        if lead is None:
            continue
        items, style = _items_after(view, i)
        items = [j for j in items if j not in used]
        if not items:
            continue
        cluster_id, attribution = _attribute(view, blocks[i], text[s:e])
        if cluster_id is None and not lead.strong:
            continue
        list_number += 1
        used.update(items)
        objectives += _items_to_objectives(
            view, items, style, lead.kind, text[s:e], cluster_id, attribution, list_number, lead.confidence, lead.actor
        )
        if lead.count is not None and lead.count != len(items):
            issues.append(
                SourceIssue(
                    "list_count_mismatch", "warning",
                    f"the text announces {lead.count} {lead.kind.replace('_', ' ')}s but lists {len(items)}",
                    char_start=s, char_end=e, extractor=EXTRACTOR, confidence=0.9,
                )
            )  # fmt: skip
    objectives.extend(_heading_framed(view, used, list_number))
    objectives.sort(key=lambda o: o.char_start)
    return objectives, issues


def sentence_to_lead_in(sentence: str) -> LeadIn | None:
    """What a lead-in sentence announces, or None when it announces no objectives.

    >>> sentence_to_lead_in("In the medium term, support for the cluster falls under the following five themes:")
    LeadIn(kind='theme', confidence=0.9, count=5, strong=True, actor=None)
    >>> sentence_to_lead_in("Working with other senior leaders in Defence, CSA will:")
    LeadIn(kind='commitment', confidence=0.7, count=None, strong=True, actor='CSA')
    >>> sentence_to_lead_in("This will include:") is None
    True
    >>> sentence_to_lead_in("From these objectives flow a number of new support activities covering:") is None
    True
    >>> sentence_to_lead_in("Specifically the plan seeks to:")
    LeadIn(kind='aim', confidence=0.7, count=None, strong=False, actor=None)
    """
    sentence = sentence.strip()
    colon = bool(re.search(r":\s*-?$", sentence))
    focus = re.search(r"\bfocus", sentence, re.I) is not None
    counted = [m for m in counted_noun().finditer(sentence) if _noun_verdict(m.group("noun"), focus) is not None]
    if counted:
        m = counted[-1]
        kind = _noun_verdict(m.group("noun"), focus)
        if kind is None or kind == "":
            return None
        return LeadIn(kind, 0.9, _count(m.group("count")), True)
    if not colon:
        return None
    if WILL_COLON.search(sentence):  # "Through the Programme we will:", "Defence will achieve this through:"
        return _committing(sentence)
    nouns = [(m.start(), m.group(0), True) for m in objective_nouns().finditer(sentence)]
    nouns += [(m.start(), m.group(0), False) for m in non_objective_nouns().finditer(sentence)]
    if nouns:
        _, noun, positive = max(nouns)
        if not positive:
            return None
        return LeadIn(_kind(noun), 0.85, None, True)
    if aim_verb_lead_in().search(sentence):
        return LeadIn("aim", 0.7, None, False)
    if COMMITTING_LEAD_IN.search(sentence):
        return _committing(sentence)
    return None


def _committing(sentence: str) -> LeadIn | None:
    """A lead-in saying someone will (or must) do what the list says: commitments (or actions) and who makes them."""
    committing = COMMITTING_LEAD_IN.search(sentence)
    if committing is None:
        return None
    actor = commitment_actor().search(sentence)
    kind = "action" if committing.group("verb").lower() == "must" else "commitment"
    return LeadIn(kind, 0.7, None, True, _actor(actor.group("actor")) if actor else None)


def _noun_verdict(noun: str, focus: bool) -> str | None:
    """The list kind a counted noun announces; ``""`` for a non-objective noun; None for neither."""
    if non_objective_nouns().fullmatch(noun):
        return ""
    if objective_nouns().fullmatch(noun) or (focus and re.fullmatch(r"areas?", noun, re.I)):
        return _kind(noun)
    return None


def _kind(noun: str) -> str:
    lowered = noun.lower()
    return next((kind for stem, kind in KINDS if stem in lowered), "objective")


def _count(word: str) -> int | None:
    last = word.lower().split()[-1]
    if last.isdigit():
        return int(last)
    return NUMBERS.get(last)


def _next_block(view: DocumentView, i: int) -> int:
    """The block after ``i`` that continues it: at a page break, footnotes and running headers
    (short paragraphs around the break) are stepped over."""
    blocks = view.doc.blocks
    j = i + 1
    lead = blocks[i]
    if lead.page is None:
        return j
    k, stepped = j, 0
    while k < len(blocks) and stepped < MAX_FURNITURE_BLOCKS and blocks[k].kind in STEPPED_OVER:
        if blocks[k].page != lead.page and blocks[k + 1 : k + 2] and blocks[k + 1].page == blocks[k].page:
            nxt = k + 1
            if blocks[nxt].kind is BlockKind.LIST_ITEM:
                return nxt
        stepped += blocks[k].kind is BlockKind.PARAGRAPH  # running headers and page numbers are free
        k += 1
    return j


def _could_lead(view: DocumentView, i: int) -> bool:
    block, following = view.doc.blocks[i], view.doc.blocks[_next_block(view, i)]
    if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or not view.clean(block):
        return False
    if not view.clean(following):
        return False
    if following.kind is BlockKind.LIST_ITEM:
        return following.list_id != block.list_id or view.text(block).rstrip().endswith(":")
    return following.kind is BlockKind.PARAGRAPH and view.text(block).rstrip().endswith((":", ":-"))


def _items_after(view: DocumentView, i: int) -> tuple[list[int], str]:
    """The blocks that make up the list a lead-in at ``i`` announces, and the list's style."""
    blocks = view.doc.blocks
    start = _next_block(view, i)
    first = blocks[start]
    if first.kind is BlockKind.LIST_ITEM:
        return _list_items(view, start)
    run = []
    j = i + 1
    while j < len(blocks) and _title_description(view, blocks[j], first.section_id):
        run.append(j)
        j += 1
    return run, "paragraphs"


def _list_items(view: DocumentView, start: int) -> tuple[list[int], str]:
    blocks = view.doc.blocks
    first = blocks[start]
    numbered = _ordinal(first) is not None
    items = [start]
    j = start + 1
    while j < len(blocks):
        b = blocks[j]
        if b.section_id != first.section_id or not view.clean(b):
            break
        if b.kind is BlockKind.LIST_ITEM and b.list_id == first.list_id and (_ordinal(b) is not None) == numbered:
            items.append(j)
            j += 1
            continue
        # items that each have a paragraph of description after them (or run on over a page break): the next
        # number, or the same bullet, after at most MAX_DESCRIPTION_GAP paragraphs none of which leads in to a
        # list of its own
        nxt = next(
            (k for k in range(j, min(j + MAX_DESCRIPTION_GAP + 1, len(blocks))) if blocks[k].kind not in STEPPED_OVER),
            None,
        )
        between = blocks[j:nxt] if nxt is not None else []
        if (
            nxt is not None
            and blocks[nxt].kind is BlockKind.LIST_ITEM
            and blocks[nxt].section_id == first.section_id
            and view.clean(blocks[nxt])
            and not any(view.text(b).rstrip().endswith((":", ":-")) for b in between)
            and (
                _ordinal(blocks[nxt]) == (_ordinal(blocks[items[-1]]) or 0) + 1
                if numbered
                else _ordinal(blocks[nxt]) is None and blocks[nxt].marker == first.marker
            )
        ):
            items.append(nxt)
            j = nxt + 1
            continue
        break
    return items, "numbered" if numbered else "bulleted"


def _ordinal(block: Block) -> int | None:
    """The number a list item's marker gives (``3.`` → 3, ``c)`` → 3, ``iv.`` → 4), None for a bullet."""
    marker = (block.marker or "").strip()
    digits = re.search(r"\d+", marker)
    if digits:
        return int(digits.group(0))
    roman = re.fullmatch(r"\(?(i{1,3}|iv|v|vi{1,3}|ix|x)[.)]", marker)
    if roman:
        return ROMAN_ORDINALS.index(roman.group(1)) + 1
    letter = re.fullmatch(r"\(?([a-z])[.)]", marker)
    if letter:
        return ord(letter.group(1)) - ord("a") + 1
    return None


def _title_description(view: DocumentView, block: Block, section_id: str | None) -> bool:
    if block.kind is not BlockKind.PARAGRAPH or block.section_id != section_id or not view.clean(block):
        return False
    m = title_description().match(view.text(block).strip())
    return m is not None and len(m.group("title").split()) <= MAX_TITLE_WORDS


def _attribute(view: DocumentView, lead: Block, sentence: str) -> tuple[str | None, str]:
    """The cluster a list belongs to: the one its lead-in names, else its section's, else the document's."""
    for m in view.catalogue.names_pattern().finditer(sentence):
        if cluster_word_after().match(sentence[m.end() :]):
            cluster_id = view.catalogue.lookup(m.group("name"))
            if cluster_id:
                return cluster_id, "sentence"
    return view.cluster_of(lead.section_id)


def _heading_framed(view: DocumentView, used: set[int], list_number: int) -> list[Objective]:
    """Lists headings frame (:func:`_headed_lists`) and runs of items labelled ``Objective 1:``, ``Goal 2:``."""
    out = _headed_lists(view, used, list_number)
    list_number += len({o.list_number for o in out})
    blocks = view.doc.blocks
    for items, kind in _labelled_runs(view, used):
        cluster_id, attribution = view.cluster_of(blocks[items[0]].section_id)
        list_number += 1
        used.update(items)
        out.extend(_items_to_objectives(view, items, "labelled", kind, "", cluster_id, attribution, list_number, 0.85))
    return out


@dataclass(frozen=True, slots=True)
class Frame:
    """What a heading says the lists under it are: their kind, who commits to them, where the frame began."""

    kind: str
    actor: str | None
    page: int | None


def _headed_lists(view: DocumentView, used: set[int], list_number: int) -> list[Objective]:
    """Lists under a heading that frames them: titled with a list noun (``Key commitments``, ``Our
    priorities``, ``Aims and objectives``) or naming who acts (``Government action to support AI``, ``What
    industry will do``). The frame covers the lists of the heading's section and of the sub-headings after
    it that title lists of their own (``Support AI innovation to raise productivity`` then its bullets); it
    ends at the first heading whose section holds no list, at a heading framing something else, or
    :data:`MAX_FRAME_PAGES` pages on. A numbered list must start afresh (a document's running paragraph
    numbers are not a list)."""
    blocks = view.doc.blocks
    out: list[Objective] = []
    frame: Frame | None = None
    last_kind = ""
    lead = ""
    taken = False  # the frame has given a list
    for i, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING:
            if not view.clean(block):
                frame = None
                continue
            title = " ".join(view.text(block).split())
            kind, actor = _heading_frame(title)
            if actor and last_kind in COMMITTING:
                kind = last_kind  # ``Government action`` under ``Key commitments``: government's commitments
            if kind or actor:
                kind = kind or "action"
                frame, last_kind, lead = Frame(kind, actor, block.page), kind, title
                taken = False
            elif frame is not None and (
                not _section_has_list(view, i) or _pages_apart(frame.page, block.page) > MAX_FRAME_PAGES
            ):
                frame = None
            elif frame is not None:
                lead = title
            continue
        if frame is not None and taken and block.kind is BlockKind.PARAGRAPH and _prose(view, block):
            frame = None  # running prose resumes after the framed lists
        if frame is None or block.kind is not BlockKind.LIST_ITEM or i in used or not view.clean(block):
            continue
        if block.region == "chart" or _ordinal(block) not in (None, 1):
            continue
        items, style = _list_items(view, i)
        items = [k for k in items if k not in used]
        if len(items) < 2 and not _section_has_list(view, i):
            continue  # one dashed line is not a list (a list broken by a sub-heading goes on after it)
        cluster_id, attribution = view.cluster_of(block.section_id)
        list_number += 1
        used.update(items)
        out += _items_to_objectives(
            view, items, style, frame.kind, lead, cluster_id, attribution, list_number, 0.7, frame.actor
        )
        taken = True
    return out


def _prose(view: DocumentView, block: Block) -> bool:
    """A paragraph of running prose (not a short line standing as a sub-heading)."""
    return len(view.text(block).split()) >= MIN_PROSE_WORDS


def _heading_frame(title: str) -> tuple[str, str | None]:
    """(kind, actor) a heading frames its lists with: ``("commitment", None)`` for ``Key commitments``,
    ``("", "government")`` for ``Government action to support AI``, ``("", None)`` for neither."""
    if len(title.split()) > MAX_FRAMING_HEADING_WORDS:
        return "", None
    actor = commitment_actor().search(title)
    nouns = next((m for m in objective_nouns().finditer(title) if _plural(m.group(0))), None)
    nouns = nouns or ACTIONS_HEADING.fullmatch(title)
    kind = _kind(nouns.group(0)) if nouns and not non_objective_nouns().search(title) else ""
    return kind, _actor(actor.group("actor")) if actor else None


def _plural(noun: str) -> bool:
    """A heading frames a list with a plural noun (``Our priorities``, ``Areas for action``), not one about a
    single thing (``Developing the innovation theme``)."""
    return noun.lower().endswith("s") or " for " in noun.lower()


def _actor(name: str) -> str:
    """``government`` or ``industry`` for the usual parties, else the body's name as written."""
    lowered = name.lower()
    if "government" in lowered:
        return "government"
    if lowered in ("industry", "businesses", "employers"):
        return "industry"
    return re.sub(r"^The\s+", "", name)


def _section_has_list(view: DocumentView, heading: int) -> bool:
    """True when a list item follows the heading before the next heading; a heading with nothing of its own
    over sub-headings (``Ideas`` over ``Research and technology grant support`` and its bullets) looks on
    under them."""
    own = False  # the heading has something of its own under it
    for block in view.doc.blocks[heading + 1 :]:
        if block.kind is BlockKind.HEADING:
            if own:
                return False
            continue
        if block.kind is BlockKind.LIST_ITEM:
            return True
        own = own or block.kind is not BlockKind.FURNITURE
    return False


def _pages_apart(a: int | None, b: int | None) -> int:
    return abs(a - b) if a is not None and b is not None else 0


def _labelled_runs(view: DocumentView, used: set[int]) -> list[tuple[list[int], str]]:
    """Runs of body blocks labelled ``Objective 1:``, ``Objective 2:`` … (numbers rising by one), and of headings
    so labelled (``Goal 1: Grow and level up ...``, ``2. Theme 2: Recognising our assets``), each heading
    followed by the paragraphs that explain it."""
    runs: list[tuple[list[int], str]] = []
    current: list[int] = []
    kind = ""
    last = 0
    blocks = view.doc.blocks
    candidates = [
        i for i, b in enumerate(blocks)
        if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING) and view.clean(b)
    ]  # fmt: skip
    for i in candidates:
        block = blocks[i]
        if i in used:
            continue
        printed = _without_marker(view.text(block))  # the label stays: "• Goal 2: ..." → "Goal 2: ..."
        m = labelled_objective().match(printed) or labelled_objective().match(NUMBERED_PREFIX.sub("", printed, count=1))
        if m is None:
            continue  # a paragraph explaining the item before: the gap decides whether the run goes on
        number = int(m.group("number"))
        gap = MAX_HEADED_GAP if block.kind is BlockKind.HEADING else MAX_DESCRIPTION_GAP + 1
        if current and number == last + 1 and i - current[-1] <= gap and _kind(m.group("noun")) == kind:
            current.append(i)
        else:
            if len(current) >= 2:
                runs.append((current, kind))
            current = [i] if number == 1 else []
            kind = _kind(m.group("noun"))
        last = number
    if len(current) >= 2:
        runs.append((current, kind))
    return runs


def _without_marker(text: str) -> str:
    """A block's text without the bullet or ordinal that opens it (:func:`patterns.list_marker`)."""
    text = text.lstrip()
    marker = list_marker().match(text)
    return text[marker.end() :].lstrip() if marker else text


def _objective_span(view: DocumentView, block: Block) -> tuple[int, int]:
    """An item's span without its marker or label; a labelled heading's without its number and label."""
    if block.kind is not BlockKind.HEADING:
        return view.item_span(block)
    text = view.text(block)
    prefix = NUMBERED_PREFIX.match(text)
    start = prefix.end() if prefix else 0
    label = labelled_objective().match(text[start:])
    if label:
        start += label.start("body")
    return block.char_start + start, block.char_end


def _items_to_objectives(
    view: DocumentView,
    items: list[int],
    style: str,
    kind: str,
    lead_in: str,
    cluster_id: str | None,
    attribution: str,
    list_number: int,
    confidence: float,
    actor: str | None = None,
) -> list[Objective]:
    text = view.doc.text
    out = []
    for ordinal, k in enumerate(items, start=1):
        cs, ce = trim_span(text, *_objective_span(view, view.doc.blocks[k]))
        out.append(
            Objective(
                cluster_id, ordinal, text[cs:ce], cs, ce, list_number, style, kind, lead_in, attribution, confidence,
                actor,
            )
        )  # fmt: skip
    return out


def tables_to_objectives(view: DocumentView, tables: list[Table], list_number: int) -> list[Objective]:
    """Tables whose rows are objectives: a header cell names the column ``Recommendations``, ``Action``,
    ``Objective``, ``Priorities`` ... (the whole cell: not ``Actions delivered`` or ``Current position``), and
    each row's cell in that column is one item; lists are numbered on from ``list_number``."""
    out: list[Objective] = []
    text = view.doc.text
    for table in tables:
        header = [c for c in table.cells if c.is_header or c.row < table.header_rows]
        column = next((c for c in header if TABLE_FRAME.fullmatch(" ".join(c.text.split()))), None)
        if column is None:
            continue
        cells = sorted(
            (
                c
                for c in table.cells
                if c.col == column.col and c.row >= table.header_rows and c.char_end > c.char_start
            ),
            key=lambda c: c.row,
        )
        items = [
            c
            for c in cells
            if len(c.text.split()) >= MIN_TABLE_ITEM_WORDS and view.quarantine.allows(c.char_start, c.char_end)
        ]
        if len(items) < 2:
            continue
        list_number += 1
        kind = _kind(column.text)
        lead = " ".join(f"{table.title or ''} {column.text}".split())
        for ordinal, cell in enumerate(items, start=1):
            cs, ce = trim_span(text, cell.char_start, cell.char_end)
            cluster_id, attribution = view.cluster_of(view.section_at(cs, ce))
            item = " ".join(cell.text.split())  # the cell's own words: its span's lines may interleave other columns
            out.append(Objective(cluster_id, ordinal, item, cs, ce, list_number, "table", kind, lead, attribution, 0.7))
    return out
