"""Visions: the statements a document frames as the vision, ambition or mission.

Four framings count, and only these (a sentence that merely uses the word
"vision" does not):

``sentence``  one sentence frames and states it: ``The vision for this cluster is
              for the Region to be …`` (:func:`patterns.vision_statement`);
``heading``   a heading or lead-in announces it (``Our Vision``, ``… realises the
              following Ambition:``) and the next block states it, or the plan's
              wanting heads a list (``We want:``) whose items are its ambitions;
``framed``    a frame inside a sentence (``our ambition is for AI to be adopted …``,
              ``We want every person … to``): :func:`framed_to_visions`;
``list``      the items of a list its lead-in frames as ambitions
              (:func:`ambitions_of_lists`).

The vision belongs to the cluster its sentence names (``the vision for the ICT
cluster``), else to the cluster whose section it sits in, else to the cluster
the whole document is about, else to no cluster (a plan-wide vision).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.extract.context import DocumentView
from pipeline.language.patterns import cluster_word_after, vision_frame, vision_heading, vision_statement
from pipeline.models import Block, BlockKind, Objective, Vision

MAX_STATEMENT_WORDS = 80
INDENT = 3.0  # points: a list item set this much right of the one above is a sub-item of it
MAX_OWNER_WORDS = 8
PLAN = "plan"
WEAK_FRAMES = ("aim", "goal", "intention")  # framing nouns projects use too: the plan's only when it owns them
THIRD_PARTY = "third party"
FRAME_WORDS = re.compile(
    r"vision|ambition|mission|aspir|\baims?\b|\bgoal|intention|\bwants?\b|determined|striving|desired\s+(?:future\s+)?state",
    re.I,
)
# what a framing noun or verb says the statement is (the first stem the words hold); otherwise an ambition
# ("ambition", "intention", "we want", "determined that")
FRAMES = (("vision", "vision"), ("desired", "vision"), ("mission", "mission"), ("aspir", "aspiration"),
          ("aim", "goal"), ("goal", "goal"), ("striv", "goal"))  # fmt: skip
# the plan's own voice as the owner of a statement: its authors, the government, the country or sector it is for
PLAN_VOICE = re.compile(
    r"(?i:our|we|its|their|an?|one of the|(?:uk\s+|hm\s+)?government|industry|the\s+sector|ministers?"
    r"|(?:the\s+)?(?:uk|country|nation|region|province|county|city|sector|industry|strategy|plan|deal|sector\s+deal"
    r"|white\s+paper|prime\s+minister|department|partnership|programme|fund|this\s+\w+(?:\s+\w+)?"
    r"|smart\s+speciali[sz]ation(?:\s+strategy)?))"
)
# what a plan calls itself in "the goal of ... is to": the strategy, plan, deal, partnership, smart specialisation
PLAN_DOCUMENT = re.compile(
    r"(?i:(?:the|this|our|its)\s+)?(?:[\w-]+\s+){0,2}?(?i:strategy|plan|deal|white\s+paper|partnership"
    r"|smart\s+speciali[sz]ation(?:\s+strategy)?)"
)
# what a plan wants to find out or how it wants to work, not a future it wants: "we want to understand ...", "the
# government also wants to work with city region mayors", "we want to continue to engage with investors"; or what
# it wants to tell its reader: "We also want to provide information on the funding streams ..."
LEARNING = re.compile(
    r"\s*(?:also\s+)?(?:to\s+)?(?:learn|understand|explore|consider|hear|know|emphasise|emphasize|highlight|thank"
    r"|acknowledge|discuss|test|review|examine|assess|find\s+out|gather|ask|consult|listen|work\s+(?:closely\s+)?with"
    r"|engage|continue(?!\s+to\s+(?:be|lead|grow)\b)|retain|streamline|do\s+more|take\s+(?:further\s+)?steps"
    r"|raise\s+awareness|address|provide\s+(?:more\s+)?(?:information|guidance|details)|set\s+out|explain|show)\b",
    re.I,
)
PLAN_SUBJECT = re.compile(r"\b(?:we|our|government|strategy|plan|deal|programme|fund|partnership)\b", re.I)
MAKING_A_FRAME = re.compile(
    r"\b(?:develop|create|produce|draw\s+up|agree|refresh|update|co-design|write)\w*\s+(?:a|an|the|our|its|new)?\s*$",
    re.I,
)
DOCUMENT_PURPOSE = re.compile(
    r"(?:of\s+)?(?:this|the)\s+(?:report|document|paper|chapter|section|guide|consultation|review|survey|study|note)\b",
    re.I,
)
CONDITION = re.compile(r"\b(?:if|unless|whether)\b[^,;:]*$", re.I)  # a frame inside an "if ..." clause ...
PASSIVE_INFINITIVE = re.compile(r"be\s+(?:\w+(?:ed|en)|met|done)\b", re.I)  # ... that is "to be realised": a condition
MIN_STATEMENT_WORDS = 4
# a count right before a frame noun ("2 key ambitions"): the sentence says whose they are
COUNT_BEFORE = re.compile(r"\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z]+\s+)?$", re.I)
RESOLVE = re.compile(r"intention|determined")  # frames of a resolve: to act, mostly, rather than a future wanted
STATE_INTENDED = re.compile(r"\s*(?:be|become|remain|make|position|help)\b", re.I)  # ... "to be the best place"
STATE_RESOLVED = re.compile(  # ... "that the UK should be a world leader"
    r"\s*(?:the\s+)?(?:UK|Britain|England|Scotland|Wales|country|nation|region|city|sector|industry)\b[^.;:]{0,40}?"
    r"\b(?:is|are|should|will|remains?|becomes?)\b",
    re.I,
)
AMBITION = "ambition"  # the kind of an objectives list whose lead-in frames its items as ambitions
# a lead-in's subject, up to its verb: "The teams are responsible ...", "This strategy set out ..."
LEAD_SUBJECT = re.compile(
    r"(?P<who>(?:[\w’'&-]+\s+){0,4}?[\w’'&-]+)\s+(?:is|are|was|were|has|have|had|will|would|sets?|aims?|wants?"
    r"|seeks?|can|must|should)\b"
)
# words before "the <noun> we want" that make it an adverbial ("In the future we want ..."), not an object
PREPOSITIONS = frozenset(
    ("in", "across", "over", "by", "for", "from", "at", "on", "within", "throughout", "during", "under")
)
MAX_LEAD_WORDS = 8  # a statement framed within a sentence begins at the sentence when a short lead has the plan
# set it out ("In the Industrial Strategy, the government set out its vision to ..."), else at its frame or owner
# ("These activities will support the government’s ambition to ...")
ORGANISATION_POSSESSIVE = re.compile(r"(?:[Tt]he\s+)?(?!Our\b|Its\b|This\b)[A-Z][\w&.’' -]{0,60}?['’]s\s")
GENERIC_SUBJECTS = ("this cluster", "the cluster", "the sector", "this sector", "cluster growth")
# a lead-in that is the plan's wanting itself, the list under it what it wants: "We want:", "4. We want:" (a
# numbered paragraph), "By 2030, we want to see:", "Our ambition is for:" (not "Our ambition is to:", whose items
# are things to do)
WANTING_LEAD_IN = re.compile(
    r"(?:\d{1,3}(?:\.\d{1,2})*\.?\s+)?"  # the paragraph's number
    r"(?:(?:[^.:;]{0,60},\s*)?(?:we|(?:the\s+)?government)\s+(?:also\s+)?wants?(?:\s+to\s+see)?"
    r"|(?:our|the\s+government['’]s)\s+(?:vision|ambition|aspiration)\s+is\s+(?:for|that))\s*:",
    re.I,
)


def document_to_visions(view: DocumentView) -> list[Vision]:
    """Every framed vision statement of the document, in text order, one per span."""
    body = [b for _, b in view.body_blocks(statements=True)]  # captions that are the document's own sentences too
    found = sentences_to_visions(view, body) + headings_to_visions(view) + framed_to_visions(view, body)
    found.sort(key=lambda v: (v.char_start, -v.confidence))
    kept: list[Vision] = []
    for v in found:
        if not any(v.char_start < k.char_end and k.char_start < v.char_end for k in kept):
            kept.append(v)
    return kept


def sentences_to_visions(view: DocumentView, body: Sequence[Block]) -> list[Vision]:
    """Sentences of the ``body`` blocks that state a vision in its own words (:func:`patterns.vision_statement`:
    ``The vision for this cluster is ...``)."""
    text = view.doc.text
    candidates = [b for b in body if _mentions_frame(view.text(b))]
    spans = [view.item_span(b) for b in candidates]
    out: list[Vision] = []
    for block, sentences in zip(candidates, view.sentences(spans), strict=True):
        for s, e in sentences:
            m = vision_statement().match(text[s:e])
            if m is None or len(m.group("statement").split()) < MIN_STATEMENT_WORDS:
                continue
            if m.group("frame").lower() == "mission" and ORGANISATION_POSSESSIVE.match(text, s, e):
                continue  # an organisation's standing mission (``UKEF's mission is …``), not the plan's
            cluster_id, attribution = _attribute(view, block, m.group("subject"))
            out.append(Vision(cluster_id, text[s:e], s, e, m.group("frame").lower(), "sentence", attribution, 0.9))
    return out


def framed_to_visions(view: DocumentView, body: Sequence[Block]) -> list[Vision]:
    """Statements framed inside a sentence of the ``body`` blocks (:func:`patterns.vision_frame`): ``our ambition
    is for AI to be adopted ...``, ``We want every person ... to``, ``Industry aspires to ...``. The statement
    runs from the frame (or its owner) to the end of the sentence. It is the plan's when its owner is the plan's voice
    (``our``, ``we``, the government, the document's own title or its acronym); a named third party's
    (``China aims to``, ``Ofcom has set the goal of``) otherwise, and a case study's when it sits in an aside."""
    text = view.doc.text
    candidates = [b for b in body if FRAME_WORDS.search(view.text(b))]
    spans = [view.item_span(b) for b in candidates]
    title = _title_words(view)
    out: list[Vision] = []
    for block, sentences in zip(candidates, view.sentences(spans), strict=True):
        for s, e in sentences:
            m = vision_frame().search(text, s, e)
            if m is None or _not_a_statement(text, s, m):
                continue
            rest = m.group("rest") if m.group("rest") is not None else m.group("vrest")
            if len(rest.split()) < MIN_STATEMENT_WORDS or rest.rstrip().endswith(":"):
                continue  # too short, or a lead-in ("... realises the following Ambition:"): the heading rule's
            if LEARNING.match(rest):
                continue  # "we want to understand / learn / explore ...": finding out, not a future wanted
            if _resolve_to_act(text, m, rest):
                continue  # "our intention to legislate", "determined to ensure ...": a plan of action
            written = m.group("owner") or m.group("subject") or m.group("of")
            noun = (m.group("frame") or "").lower()
            counted = COUNT_BEFORE.search(text, max(s, m.start("frame") - 20), m.start("frame"))
            if noun.endswith("s") and not written and not counted:
                continue  # "there are ambitions to make ...", "businesses’ ambitions to": whose is not said (but
                # "This strategy set out 2 key ambitions to ...": the plan's, counted)
            if noun in WEAK_FRAMES and not (written and PLAN_VOICE.fullmatch(_bare(written))):
                continue  # "The aim is to ..." of a project or programme: only the plan's own aims count
            of = m.group("of")
            if of and not (m.group("owner") or PLAN_DOCUMENT.fullmatch(of)) and (noun in WEAK_FRAMES or of.islower()):
                continue  # "the aim of this competition is to": a project's, not the plan's
            owner = _owner(view, block, written, title, text[s : m.start()])
            words = (m.group("frame") or m.group("verb") or "").lower()
            frame = next((f for stem, f in FRAMES if stem in words), "ambition")
            cluster_id, attribution = _attribute(view, block, None)
            lead = text[s : m.start()]
            # "As new modes are introduced, we want ...": a clause before "we" is the statement's own
            opens = PLAN_SUBJECT.search(lead) or (m.group("subject") == "we" and re.search(r"[a-z]", lead))
            start = s if len(lead.split()) <= MAX_LEAD_WORDS and opens else m.start()
            out.append(Vision(cluster_id, text[start:e], start, e, frame, "framed", attribution, 0.7, owner))
    return out


def _resolve_to_act(text: str, m: re.Match[str], rest: str) -> bool:
    """An intention or a resolve (``its intention to invest``, ``It is our intention to legislate``, ``We are
    determined to ensure ...``) states a vision only when what is resolved is a state of the place or sector:
    ``Our intention is to be the best place to start and grow a business``, ``the intention to position the UK
    at the forefront``, ``we are determined that the UK should be a world leader in 5G``."""
    words = (m.group("frame") or m.group("verb") or "").lower()
    if not RESOLVE.search(words):
        return False
    framing = "frame" if m.group("frame") else "verb"
    said = "rest" if m.group("rest") is not None else "vrest"  # a noun frame's statement, or a verb's
    connector = text[m.start(framing) : m.start(said)].split()[-1].lower()  # "intention is to", "determined that"
    if connector == "to":
        return STATE_INTENDED.match(rest) is None
    if connector == "that":
        return STATE_RESOLVED.match(rest) is None
    return True  # "our intention is for the plans to provide ...": who is to do what


def _not_a_statement(text: str, sentence_start: int, m: re.Match[str]) -> bool:
    """A frame that states nothing: ``develop a vision for``, ``the aim of this report``, a condition on an
    ambition stated elsewhere (``If this ambition is to be realised, ...``), what someone wants set out as the
    object of another verb (``This strategy sets out what we want mobility innovation to deliver``); or a
    journey: ``a trade mission to Kazakhstan``."""
    before = text[max(sentence_start, m.start() - 30) : m.start()]
    rest = (m.group("rest") or m.group("vrest") or "").lstrip()
    journey = (m.group("frame") or "").lower() == "mission" and re.match(r"\s+to\s+[A-Z]", text[m.end("frame") :])
    purpose = DOCUMENT_PURPOSE.match(rest) or DOCUMENT_PURPOSE.match(m.group("of") or "")
    condition = CONDITION.search(before) and PASSIVE_INFINITIVE.match(rest)  # "if this ambition is to be realised"
    # "sets out what we want X to deliver", "the benefits we want X to deliver": the object of another verb
    relative = re.search(r"(\w+)\s+(?:the|these|those)\s+[a-z]+\s+$", before)  # "... the benefits we want"
    reduced = relative is not None and relative.group(1).lower() not in PREPOSITIONS  # not "In the future we want"
    reported = m.group("verb") and (re.search(r"\bwhat\s+$", before) or (m.group("subject") == "we" and reduced))
    return bool(MAKING_A_FRAME.search(before) or purpose or journey or condition or reported)


def _quoted(before: str) -> bool:
    """True inside a quotation the sentence opened before the frame (an interviewee's words)."""
    return before.count("‘") + before.count("“") > before.count("’") + before.count("”") or before.count('"') % 2 == 1


def _someone_elses(before: str, written: str | None) -> bool:
    """``its``/``their`` refer back to the sentence's subject: the plan's only when the plan's voice precedes."""
    if (written or "").strip().lower() not in ("its", "their"):
        return False
    return PLAN_SUBJECT.search(before) is None


def _bare(written: str) -> str:
    """An owner as written without its article and possessive: ``the Government’s`` → ``Government``."""
    return re.sub(r"^(?:[Tt]he)\s+|['’]s?$", "", written.strip())


def _owner(view: DocumentView, block: Block, written: str | None, title: set[str], before: str) -> str:
    """Whose the statement is: a named third party (``Ofcom``), the case study an aside holds, someone the
    sentence quotes or refers back to (``its intention to ...``: ``third party``), or the plan. ``before`` is
    the sentence up to the frame."""
    name = _bare(written or "")
    if name[:1].isupper() and not (
        PLAN_VOICE.fullmatch(name) or _names_the_plan(name, title) or view.names_itself(name)
    ):
        return name
    if block.region == "aside" and name.lower() not in ("our", "we"):
        return _aside_owner(view, block)  # a case study's statement, unless the plan's own voice speaks in it
    if _quoted(before) or _someone_elses(before, written):
        return THIRD_PARTY
    return PLAN


def _aside_owner(view: DocumentView, block: Block) -> str:
    """The case study a statement sits in: the first line of its aside (``Case study: Aeromet`` → ``Aeromet``)."""
    first = next((b for b in view.doc.blocks if b.region_id == block.region_id and b.region == "aside"), block)
    line = " ".join(view.text(first).split())
    line = re.sub(r"^(?i:case\s+study)\s*\d*\s*[:–—-]?\s*", "", line)
    return line if 0 < len(line.split()) <= MAX_OWNER_WORDS else THIRD_PARTY


def _title_words(view: DocumentView) -> set[str]:
    """Capitalised words of the document's title (its first headings) and their acronyms."""
    headings = [view.text(b) for b in view.doc.blocks[:40] if b.kind is BlockKind.HEADING][:3]
    title = " ".join(" ".join(headings).split())
    words = re.findall(r"[A-Z][\w&-]+", title)
    acronyms = {
        "".join(w[0] for w in words[i:j]) for i in range(len(words)) for j in range(i + 2, min(len(words), i + 5) + 1)
    }
    return {w.lower() for w in words} | {a.lower() for a in acronyms}


def _names_the_plan(name: str, title: set[str]) -> bool:
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w&-]+", name)]
    return bool(words) and all(w in title for w in words)


def headings_to_visions(view: DocumentView) -> list[Vision]:
    """A heading (or a lead-in ending in a colon) that announces the vision; the next block states it. A
    lead-in that is the plan's wanting (:data:`WANTING_LEAD_IN`) over a list: each item is an ambition."""
    blocks = view.doc.blocks
    out: list[Vision] = []
    for i, block in enumerate(blocks[:-1]):
        if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or not view.clean(block):
            continue
        words = view.text(block).strip()
        wanted = _wanted_items(view, i) if WANTING_LEAD_IN.fullmatch(words) else []
        if wanted:
            out.extend(wanted)
            continue
        framing = vision_heading().search(words)
        if framing is None:
            continue
        statement = blocks[i + 1]
        if view.text(statement).rstrip().endswith(":") and i + 2 < len(blocks):
            statement = blocks[i + 2]  # "Ambition" / "... the Ambition which sits at the heart of our plan is:" / it
        if statement.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or not view.clean(statement):
            continue
        s, e = _statement_span(view, statement)
        if e - s == 0 or len(view.doc.text[s:e].split()) < MIN_STATEMENT_WORDS:
            continue
        cluster_id, attribution = _attribute(view, statement, None)
        frame = next(w for w in ("vision", "ambition", "mission") if w in framing.group(0).lower())
        out.append(Vision(cluster_id, view.doc.text[s:e], s, e, frame, "heading", attribution, 0.75))
    return out


def _wanted_items(view: DocumentView, lead: int) -> list[Vision]:
    """The items of the list right after a wanting lead-in, each an ambition of the plan. The list goes on over
    a page break (running headers and footnotes stepped over) and ends at an item with another marker or set
    left of the items (sub-items, set right of them, are part of the item above)."""
    blocks = view.doc.blocks
    after = [b for b in blocks[lead + 1 :] if b.kind not in (BlockKind.FURNITURE, BlockKind.CAPTION)]
    if not after or after[0].kind is not BlockKind.LIST_ITEM or after[0].list_id is None:
        return []
    first, above = after[0], after[0]
    out: list[Vision] = []
    for block in after:
        if (block.region, block.region_id) != (first.region, first.region_id):
            continue  # a box set between two items
        if block.carries_on(above):
            continue  # the item's tail on the next page
        if block.list_id != first.list_id or _marker_style(block.marker) != _marker_style(first.marker):
            break
        if block.bbox and above.bbox and block.page == above.page and block.bbox.top > above.bbox.top:
            if block.bbox.x0 > above.bbox.x0 + INDENT:
                continue  # a sub-item
            if block.bbox.x0 < above.bbox.x0 - INDENT:
                break
        above = block
        s, e = _statement_span(view, block)
        if not view.clean(block) or len(view.doc.text[s:e].split()) < MIN_STATEMENT_WORDS:
            continue
        cluster_id, attribution = _attribute(view, block, None)
        out.append(Vision(cluster_id, view.doc.text[s:e], s, e, "ambition", "heading", attribution, 0.75))
    return out


def ambitions_of_lists(visions: list[Vision], objectives: list[Objective]) -> tuple[list[Vision], list[Objective]]:
    """The items of a list its lead-in frames as ambitions (``This strategy set out 2 key ambitions to achieve
    by 2030:``) are visions, frame ``ambition``, not objectives: a future wanted, as ``Our ambition is ...``
    states one. Whose they are comes from the lead-in (:func:`_lead_owner`). A statement already found in the
    item's span stays as found. Returns the visions and the objectives left."""
    listed = [
        Vision(
            o.cluster_id, o.text, o.char_start, o.char_end, "ambition", "list", o.attribution, o.confidence,
            _lead_owner(o.lead_in),
        )
        for o in objectives
        if o.list_kind == AMBITION
        and not any(v.char_start < o.char_end and o.char_start < v.char_end for v in visions)
    ]  # fmt: skip
    kept = [o for o in objectives if o.list_kind != AMBITION]
    return sorted([*visions, *listed], key=lambda v: v.char_start), kept


def _lead_owner(lead_in: str) -> str:
    """Whose ambitions a lead-in announces: the plan's when it speaks in the plan's voice (``This strategy set
    out ...``, ``Our ambitions are:``) or names no one; else its subject (``The teams are responsible for ...
    the following ambitions:`` → ``teams``)."""
    words = " ".join(lead_in.split())
    subject = LEAD_SUBJECT.match(words)
    if (
        subject is None
        or PLAN_SUBJECT.search(words[: subject.end()])
        or PLAN_VOICE.fullmatch(_bare(subject.group("who")))
    ):
        return PLAN
    return _bare(subject.group("who")) or THIRD_PARTY


def _marker_style(marker: str | None) -> str:
    """A list marker with its number or letter taken out: "2." and "3." are one style, "•" and "-" two."""
    marker = (marker or "").strip()
    return re.sub(r"\d+", "#", re.sub(r"^(\(?)[a-z]([.)])$", r"\1a\2", marker))


def _statement_span(view: DocumentView, block: Block) -> tuple[int, int]:
    """The whole block when it is short enough to be one statement, else its first sentence."""
    s, e = view.item_span(block)
    if len(view.doc.text[s:e].split()) <= MAX_STATEMENT_WORDS:
        return s, e
    (first,) = view.sentences([(s, e)])
    return first[0] if first else (s, s)


def _mentions_frame(text: str) -> bool:
    lowered = text.lower()
    return "vision" in lowered or "ambition" in lowered or "mission" in lowered


def _attribute(view: DocumentView, block: Block, subject: str | None) -> tuple[str | None, str]:
    """The cluster a vision belongs to, and how that was decided."""
    if subject:
        pattern = view.catalogue.names_pattern()
        for m in pattern.finditer(subject):
            rest = subject[m.end() :]
            if cluster_word_after().match(rest) or not rest.strip():
                cluster_id = view.catalogue.lookup(m.group("name"))
                if cluster_id:
                    return cluster_id, "sentence"
    cluster_id, how = view.cluster_of(block.section_id)
    generic = subject is None or subject.strip().lower().startswith(GENERIC_SUBJECTS)
    if how == "section" or generic:
        return cluster_id, how
    # the vision is for something else (a place, an organisation): the plan's, not a cluster's
    return None, "none"
