"""Objectives: the lists of objectives, aims, themes, priorities or directions a document gives.

A list counts when a *lead-in* announces it: the last sentence of the block
before the list names what follows (``the following objectives:``, ``four
strategic directions``, ``The key themes for this cluster are:``), or says what
the plan seeks or aims to do and ends in a colon. A lead-in whose noun is
something else (``projects``, ``activities``, ``prerequisites``, ``sections``)
announces no objectives, even when it also uses the word (``From these
objectives flow a number of new support activities covering:``). A heading
such as ``Aims and objectives`` (or ``Summary of decisions``: what the government decided, its commitments)
frames the lists of its section. ``We are:`` (``However, we are already:``) announces actions when each item
says what is being done (``Operating a new portal ...``), not what the authors are (``Open and honest``). A
heading that recurs chapter after chapter over a list frames the lists under all its occurrences as the lead-in
under one of them frames its own (``Strategic operational entities`` over goals).

The items come from the layout tree: a numbered or bulleted list (a numbered list stays one list when each
item is followed by a paragraph describing it), a run of "Title – description" paragraphs, or the items a
sentence counts off itself after the lead-in (``These are i) ..., ii) ... and iii) ...``). Without a
lead-in, lists come from headings that frame them (their lists, or short phrases set one per block right under
them: a row of goals under their icons; the headings phrased as measures in a section of recommendations,
``Strengthening cooperatives as viable businesses`` under ``Policy orientations``), labelled items (``Goal 1:``,
or ``Action 3 (2021)`` alone over its text; labelled headings, ``Mission 1: ...`` to ``Mission 15: ...``,
however many chapters apart), boxes opening with a label (``Action`` over its text), paragraphs the plan counts
off (``First, we will …``, ``Second, …``) and the numbered paragraphs of an agreement, most of which commit a
party (``4. WMCA will establish …``, ``5. The Government commits to …``). When the lead-in announces a count
(``the following five themes``) that the items do not meet, a ``list_count_mismatch`` quality issue says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.catalogue.gazetteer import places
from pipeline.extract.context import DocumentView
from pipeline.language.numbers import without_leaders
from pipeline.language.patterns import (
    aim_verb_lead_in,
    aside_title,
    cluster_word_after,
    commitment_actor,
    counted_noun,
    labelled_objective,
    list_marker,
    non_objective_nouns,
    objective_label,
    objective_nouns,
    title_description,
)
from pipeline.models import Block, BlockKind, Objective, SourceIssue, Table, TableCell, behind_page_furniture
from pipeline.registry import extractor
from pipeline.spans import trim_span
from pipeline.tables.build import figure_columns

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
    ("recommend", "recommendation"), ("orientation", "recommendation"), ("target", "target"),
    ("focus", "focus_area"), ("area", "focus_area"),
)  # fmt: skip
FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.I)
# "we" asking others to act: the actor is the other ("We expect schools and colleges to:")
ASKING_OTHERS = re.compile(
    r"\bwe\s+(?:will\s+|would\s+)?(?:expect|want|ask|encourage|require|call\s+on|urge|invite)\b", re.I
)
COMMITTING = (
    "commitment",
    "action",
)  # kinds an actor's heading carries on (``Government action`` under ``Key commitments``)
MAX_FRAMING_HEADING_WORDS = 10
MAX_FRAME_PAGES = 4
ASIDE_TITLE_WORDS = 12  # an aside's title that frames its lists as a heading would is at most this long
MIN_PROSE_WORDS = 15
# a table column of objectives: its header cell is the noun alone
TABLE_FRAME = re.compile(
    r"(?:key\s+|our\s+|planned\s+|strategic\s+)?(?:recommendations?|actions?|objectives?|priorit(?:y|ies)|commitments?"
    r"|goals?|aims?|targets?)",
    re.I,
)
# a table column naming who carries each row out: its cell is the row's actor
ACTOR_COLUMN = re.compile(
    r"(?:lead(?:\s+(?:partners?|organi[sz]ations?|bod(?:y|ies)|departments?|agenc(?:y|ies)))?|owners?|who"
    r"|responsib(?:le|ility)(?:\s+(?:bod(?:y|ies)|part(?:y|ies)|organi[sz]ations?))?|delivered\s+by"
    r"|delivery\s+partners?|responsables?|porteurs?)(?:\s+(?:and|et|&)\s+(?:partners?|partenaires?))?",
    re.I,
)
MIN_TABLE_ITEM_WORDS = 3
# a block that opens with a kind's label on a line of its own, its text under it: ``Action`` / ``Our commitment:``
LABEL = r"(?:our\s+|key\s+)?(?P<noun>actions?|commitments?|recommendations?|objectives?|targets?)\s*:?\s*"
LABEL_BOX = re.compile(rf"^\s*{LABEL}\n\s*(?P<text>\S[^\n]*(?:\n[^\n]*){{0,40}})", re.I)
# a paragraph that opens with a kind's label and a colon, its text after it on the same line: ``Our aim: We want
# all young people to ...``, ``Objective: To ...`` (the colon is what makes it a label, not a sentence's subject)
LABEL_INLINE = re.compile(
    r"\s*(?:our\s+|key\s+)?(?P<noun>aims?|objectives?|goals?|missions?|priorit(?:y|ies)|commitments?|actions?"
    r"|targets?|recommendations?)[ \t]*:[ \t]+(?P<text>\S)",
    re.I,
)
# a paragraph the plan counts off: "First, we will ...", "Secondly, ...", "Finally, ..."
ORDINAL_OPENING = re.compile(
    r"\s*(First|Firstly|Second|Secondly|Third|Thirdly|Fourth|Fourthly|Fifth|Fifthly|Sixth|Finally|Lastly),\s+"
)
ORDINAL_WORDS = ("second", "third", "fourth", "fifth", "sixth")
# a lead-in that points back at the sentence before it for what it announces
ANAPHORIC_LEAD_IN = re.compile(
    r"(?i:these|they|those|this|which)\s+(?:include|includes|are|is|comprise|will\s+be|will\s+include)\s*:"
)
FORM_FIELD = re.compile(r"\s*[A-Z][A-Z]+(?:\s[A-Z]+){0,2}\s?:\s")  # a form's field in capitals: "AGENCY : ", "DATES: "
LABEL_ALONE = re.compile(rf"\s*{LABEL}", re.I)  # the label as a block of its own, over the paragraph it labels
LABELLED_KINDS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING)  # blocks a label may open or be
# the plan's own voice in a counted lead-in whose noun is no list noun ("we will need three key things to ...:")
PLAN_SAYS = re.compile(r"\b(?:we|our|the\s+government|this\s+(?:strategy|plan|deal|report))\b", re.I)
# the plan's own voice right before its verb: "... the government will deliver:", "The measures in this Plan will
# work towards this:"
PLAN_ACTS = re.compile(
    r"\b(?:we|(?:the\s+)?(?:uk\s+)?government|this\s+(?:plan|strategy|deal|programme))\s+(?:\w+\s+)?$", re.I
)
# who an action or commitment says will act, at its start: "The Department for International Trade will ...",
# "UK Export Finance (UKEF) will ...", "The UK government will ..."
ITEM_ACTOR = re.compile(
    r"(?:The\s+)?(?P<actor>[A-Z][\w&’'-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w&’'-]*){0,7}(?:\s+government)?)"
    r"(?:\s+\([A-Z][\w&]{1,10}\))?\s+(?:will|shall)\s+[a-z]"
)
TITLE_END = re.compile(r"[.;:!?,()]|\b(?:and|or|with|by|of|to|the|a|an)\s*$", re.I)  # a title before the actor
MIN_LABELLED_WORDS = 4  # the text under a label-only line ("Action 1 (2021)") is a sentence, not another label
DASHES = ("-", "–", "—", "")
MAX_HEADED_GAP = 40  # blocks between two labelled headings of a run (each explained by its paragraphs)
MAX_LABEL_GAP = 400  # label-only lines ("Action 3 (2021)") in boxes pages apart: the rising numbers make the run
NUMBERED_PREFIX = re.compile(r"^\s*\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s+")
NUMBERED_TITLE = re.compile(r"\s*(?P<n>\d{1,2})\.\s+(?=[A-Z‘“])")  # "1. Capture the European market ..."
MAX_NUMBERED_TITLE_WORDS = 15  # a numbered title over its paragraphs is at most this long
# A lead-in that says someone will do what the list says: ``Defence will achieve this through:``, ``The S&T
# policy function will:``, ``Together we must:``, ``we propose to:``, ``To do this the government is:``, or a
# longer one ending in the purpose its items complete (``we will work together to enhance ... in order to:``) or
# announcing them (``The government will implement the following to stimulate demand:``); not
# ``This will include:`` (examples follow) or ``This will result in:`` (outcomes: what "this" will do)
COMMITTING_LEAD_IN = re.compile(
    r"(?<!\bthis\s)(?<!\bthese\s)(?<!\bit\s)(?<!\bthat\s)(?<!\bwhich\s)"
    r"\b(?P<verb>(?:will|must|shall)(?!\s+(?:include|cover|be|involve|consist|contain|comprise|also\s+include)\b)"
    r"|commits?\s+to|(?:is|are)\s+committed\s+to|propose\s+to|(?<=government\s)is"
    r"|(?<=\bwe\s)(?<!who\swe\s)(?<!what\swe\s)(?<!where\swe\s)are(?=(?:\s+(?:already|also|now|currently))?\s*:))\b"
    r"(?:[^:.;]{0,60}|[^:.;]{0,200}\b(?:in\s+order|so\s+as)\s+to|(?:\s+\w+){1,3}\s+the\s+following\b[^:.;]{0,120}):\s*-?$",
    re.I,
)
# who will act, at the start of a short sentence heading a list: ``We will work with partners to``, ``MOD will``
WILL_ACT = re.compile(
    r"^\s*(?:[Ww]e|(?:[Tt]he\s+)?(?:UK\s+)?[Gg]overnment|[A-Z][\w&-]+(?:\s+[A-Z][\w&-]+){0,3})\s+will\s+\w"
)
MAX_WILL_WORDS = 20
# a numbered paragraph: "4. The Government commits to ..." (its number read off, whatever the gap after it)
NUMBERED_PARAGRAPH = re.compile(r"\s*\d{1,3}\.\s*(?=[A-Z‘“])")
# a sentence in which a party commits: "The Mayor of ... commits to working ...", "DfE commits to piloting ...",
# "The Taskforce will also oversee ...", "As part of this, we will develop ..."; not "This package will ...", nor
# what will be done or be so ("Applications will be assessed ...", "Greater Manchester will be carbon neutral")
PARTY_COMMITS = re.compile(
    r"(?:[A-Z][^,.;:]{0,40},\s+)?(?!(?:This|These|That|Those|It|There|They|Such)\b)"
    r"(?P<actor>[Ww]e|(?:[Tt]he\s+)?[A-Z][\w&’'-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w&’'-]*){0,7})"
    r"(?:\s+\([A-Z][\w&]{1,10}\))?\s*[\u00b9\u00b2\u00b3\u2070-\u2079]*"
    r"\s+(?:(?:also|further|jointly)\s+)?(?:(?:will|shall)(?!\s+(?:be|have\s+been)\b)|commits?\s+to|(?:is|are)\s+committed\s+to"
    r"|agrees?\s+to)\s+[a-z]"
)
MIN_AGREEMENT_PARAGRAPHS = 8  # numbered paragraphs a document needs to be read as an agreement ...
AGREEMENT_SHARE = 0.5  # ... and more than this share of them in which a party commits
MAX_SENTENCE_WORDS = 40  # a sentence a lead-in ("This will include:") points back to
MAX_TITLE_LINE_WORDS = 20  # a title or lead-in line over a list, not a description of the item before it
SENTENCE_END = (".", "!", "?", ")", ";", ":", "”", "’", '"')
# the means a plan gives for what it just said it wants, whoever "it" is: ``It will do this by:``
DOING_THIS = re.compile(r"\bwill\s+(?:achieve|do|deliver)\s+this\s+(?:through|by)\s*:\s*-?$", re.I)
# a clause set off by dashes or brackets inside a lead-in: its nouns are not what the lead-in announces
ASIDE = re.compile(r"\s[–—]\s[^–—:]{1,120}?\s[–—]\s|\([^()]{1,120}\)")
# the steps a plan says it will take next: actions, not the steps of a procedure
NEXT_STEPS = re.compile(
    r"\b(?:next\s+steps|(?:will|shall)\s+(?:\w+\s+)?take\s+(?:the\s+following\s+)?(?:\w+\s+)?steps)\b", re.I
)
# the subject of a lead-in that is something the plan describes, whose lists are its own
OTHERS_SUBJECT = re.compile(
    r"\s*(?:the|this|each|a)\s+(?:new\s+)?(?:[\w-]+\s+)?(?:project|pilot|scheme|initiative|fellowship|centre|center"
    r"|competition|consortium|institute)s?\b(?!\s+(?:of|for)\b)",
    re.I,
)
# a subject named by a proper name or an acronym, then its verb: "DARTeC will initially focus on ..."
# (an acronym or a name of capitalised words, not a sentence's first word: "There are", "We will", "Six Areas")
NAMED_SUBJECT = re.compile(
    r"\s*(?!(?:The|This|That|These|Those|There|We|Our|It|Its|They|Their|In|To|As|For|By|One|Two|Three|Four|Five"
    r"|Six|Seven|Eight|Nine|Ten)\b)(?P<name>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3})\s+(?:will|aims?|has|have|uses?"
    r"|is|are)\b"
)
# a lead-in over what someone will set out, assess or watch: the list is its topics, not what it commits to
# (``The review will assess:``, ``The Bank will also monitor:``, ``... how we will monitor and evaluate:``), unless
# what it sets out is what someone will do (``proposals which will set out how we will:``)
TOPICS_LEAD_IN = re.compile(
    r"\b(?:will|shall|must)\s+(?:also\s+)?(?:set\s+out|assess|monitor|evaluate|report\s+on|consider|examine"
    r"|look\s+at|explore|measure|track|cover)(?:\s+(?:and|or)\s+\w+(?:\s+on)?)?"
    r"(?:\s+(?!(?:how|what|will|shall|must|to)\b)[^:\s]+){0,3}\s*:\s*-?$",
    re.I,
)
WILL_COLON = re.compile(r"\b(?:will|must|shall)(?:\s+(?:achieve|do|deliver)\s+this\s+(?:through|by))?\s*:\s*-?$", re.I)
# a heading naming only a time horizon, over what the plan will have delivered by then
TIME_HORIZON = re.compile(
    r"(?:in\s+the\s+)?(?:short|medium|long|longer|near)[- ]term"
    r"|in\s+the\s+(?:next|coming)\s+(?:\w+\s+)?(?:years?|months?)"
    r"|within\s+(?:a|one|two|three|four|five|\d{1,2})\s+(?:years?|months?)"
    r"|by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d{2}",
    re.I,
)
# a heading about the work of setting objectives, not a frame for them: "Agreeing objectives", "Setting targets"
SETTING_HEADING = re.compile(
    r"\s*(?:agreeing|setting|developing|defining|choosing|selecting|writing|drafting)"
    r"\s+(?:(?:the|your|our|local|good|smart|clear)\s+)*\w+\b",
    re.I,
)
# what may stand before the noun that opens a lead-in: "Examples", "Some good examples", "In 2019, our priorities"
OPENING_NOUN = re.compile(r"\s*(?:[\w’']+,?\s+){0,4}")
# an item that opens with what is being done, a clause: "Revising internal guidance on ..." (not "Caring")
DOING = re.compile(r"\s*[A-Za-z]{2,}ing\s+(?:\S+\s+){2}")
# a heading over the decisions a plan has taken: "Summary of decisions", "Key decisions", "Our decisions"
DECISIONS = re.compile(r"(?:summary\s+of\s+(?:the\s+)?(?:key\s+|main\s+)?|key\s+|our\s+|main\s+)decisions", re.I)
# a lead-in over decisions someone has taken: "The government has taken the following decisions:"
TAKEN_DECISIONS = re.compile(
    r"\b(?:has|have|had)\s+(?:now\s+)?(?:taken|made)\s+(?:the\s+following|these|(?:a\s+)?(?:number|series)\s+of)"
    r"\s+(?:\w+\s+)?decisions\b",
    re.I,
)
# a lead-in saying what something is focused on, or where policy acts: its "areas" are focus areas ("centred on
# four areas:", "the six specific areas where policy can help cooperatives ... are as follows:")
FOCUSED = re.compile(
    r"\bfocus|\bcent(?:re|er)d\s+(?:on|around)\b|\bconcentrat"
    r"|\bareas\s+(?:where|in\s+which)\s+(?:policy|policies|(?:the\s+)?government|we|action)\s+(?:can|could|will|should|must)\b",
    re.I,
)
# the parts of the plan's approach, uncounted: "Our policy to achieve this has a number of elements:"
UNCOUNTED_PARTS = re.compile(
    r"\b(?:a\s+(?:number|range|set)\s+of|several)\s+(?:(?:key|main|core|inter-?related|distinct)\s+)?"
    r"(?P<noun>elements|strands|pillars)\b[^:]{0,60}:\s*-?$",
    re.I,
)
# a lead-in speaking to the reader: what to consider or do ("In developing objectives, you should consider:")
READER_ADDRESSED = re.compile(r"\byou\s+(?:should|could|may|might|must|need|can|want)\b", re.I)
# A lead-in over what is already done: "A number of priorities have been delivered, including:", "the following
# actions were completed:" (achievements, progress so far), not "will have been delivered by 2025:" (targets)
ACHIEVED = re.compile(
    r"(?<!will\s)\b(?:ha(?:ve|s)(?:\s+already)?\s+been|were|was)\s+(?:already\s+|successfully\s+|fully\s+)?"
    r"(?:delivered|achieved|completed|met|implemented|accomplished|fulfilled)\b",
    re.I,
)
# a blank to fill in: "X% increase in footfall by [20XX]", "[£ amount]", "[insert name]"
PLACEHOLDER = re.compile(r"\[[^\]]{0,30}\b(?:X+|20XX|amount|insert|name)\b[^\]]{0,30}\]|\bX+%|\b20XX\b|\[X\]")
# a heading ``Actions``, ``Our planned actions``
ACTIONS_HEADING = re.compile(
    r"(?:(?:our|key|next|priority|planned|proposed|further)\s+){0,2}actions?(?:\s+plan)?", re.I
)
# a lead-in over what something will bring about or contain, not what the plan will do: outcomes, examples
OUTCOMES_LEAD_IN = re.compile(
    r"\b(?:this|these|it|which)\s+will\s+(?:include|result\s+in|involve|mean)\b[^:]*:\s*$", re.I
)
MAX_TITLE_WORDS = 8
# a lead-in whose subject is one name before what it will do: "Defence will achieve this through:"
NAMED_ACTOR = re.compile(
    r"(?:^|[,:;]\s+)(?:[Tt]he\s+)?(?P<name>[A-Z][\w&’'-]+(?:\s+[A-Z][\w&’'-]+){0,3})"
    r"\s+(?:will|must|commits?|(?:is|are)\s+committed)\b"
)
NOT_NAMES = frozenset(("We", "It", "This", "These", "They", "That", "Our", "Each", "All", "Together"))
MIN_GROUPS = 2  # titled groups of items one lead-in announces
# a sentence stating the plan's one aim: "The strategic goal of the Programme is to ...", "The main objective of the
# smart specialisation strategy, building on ..., is:" (over the aim's own paragraph, "To improve ...")
STATED_AIM = re.compile(
    r"(?:\d+(?:\.\d+)*\.?\s+)?The\s+(?:(?:main|overall|strategic|general|principal|primary|central|core|key)\s+)*"
    r"(?P<noun>objective|goal|aim)\s+of\s+(?:the|this|our)\s+(?P<what>[^.:;]{1,160}?)\s+is\s*(?P<colon>:\s*$)?"
)
AIM_BLOCKS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)  # a stated aim's paragraph may be numbered as a list's item
PARAGRAPH_NUMBER = re.compile(r"\s*(?:\d+(?:\.\d+)*\.?)?\s*")  # "19. " before a paragraph's first sentence
# the plan a stated aim is the aim of, named by its head noun (not a report's purpose, a process step's objective)
PLAN_NOUN = re.compile(
    r".*\b(?:programmes?|programs?|strateg(?:y|ies)|plans?|polic(?:y|ies)|deals?|agreements?|frameworks?|funds?"
    r"|partnerships?|compacts?)",
    re.I,
)
MIN_INLINE_ITEMS = 3  # items a sentence counts off in its own words ("These are i) ..., ii) ... and iii) ...")
# an item's marker inside a sentence: "i)", "(ii)", "a)", "(b)", "1)", "(2)"
INLINE_MARKER = re.compile(r"(?<![\w(])\(?(?P<mark>[ivx]{1,4}|[a-h]|\d{1,2})\)\s+")
INLINE_SEQUENCES = (
    ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"),
    tuple("abcdefgh"),
    tuple(str(n) for n in range(1, 21)),
)
INLINE_ITEM_END = re.compile(r"[\s,;.]*(?:\b(?:and|or)\b)?[\s,;.]*$")  # "..., ", "... and " before the next marker
# A section whose opening says it presents recommendations: "The recommendations and policy implications presented
# in this section were derived from ...", "the recommendations set out in this chapter"
RECOMMENDATIONS_HERE = re.compile(
    r"\brecommendations\b[^.]{0,80}?\b(?:presented|set\s+out|made|given|proposed)\s+in\s+this\s+(?:section|chapter|part)\b",
    re.I,
)
# A heading phrased as a measure: its first word a verb's -ing form and an object after it ("Strengthening platform
# cooperatives as viable business models", "(2) Raising awareness of ..."), not a noun in -ing ("Funding and finance")
MEASURE_HEADING = re.compile(
    r"\s*(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]?\s+)?(?P<verb>[A-Z][a-z]{3,}ing)\s+(?P<next>[\w’'(]+)"
)
NOT_MEASURES = frozenset({"during", "including", "following", "regarding", "concerning", "according", "excluding"})
# what a section of measures is framed as: its recommendations or actions (under "How we will achieve our goals" or
# "Our priorities", headings phrased as measures are the means to the goals, not the goals)
MEASURE_KINDS = frozenset({"recommendation", "action"})
MIN_MEASURE_HEADINGS = 3  # headings phrased as measures under one frame ...
MAX_MEASURE_HEADING_WORDS = 14  # ... each at most this long
MIN_PHRASES = 3  # short phrases set one per block under a framing heading (a row of goals under icons) ...
MAX_PHRASE_WORDS = 12  # ... each at most this long, opening with a capital and ending in no stop
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
    exact: bool = False  # the list counts only when it has exactly ``count`` items
    doings: bool = False  # the list counts only when each item opens with what is being done ("Operating ...")


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
    framing: dict[str, tuple[str, LeadIn]] = {}  # a section heading's words → its section and the lead-in under it
    for i, sentences in zip(candidates, last_sentences, strict=True):
        if not sentences or i in used:
            continue
        s, e = sentences[-1]
        lead = sentence_to_lead_in(text[s:e]) or _will_then_verbs(view, i, text[s:e])
        if lead is None and len(sentences) > 1 and ANAPHORIC_LEAD_IN.fullmatch(text[s:e].strip()):
            ps, pe = sentences[-2]  # "... Areas for Action have been identified. These include:"
            before = text[ps:pe].rstrip(" .")
            lead = sentence_to_lead_in(before + ":") or _will_then_verbs(view, i, before, MAX_SENTENCE_WORDS)
            s = ps
        if lead is None:
            continue
        if lead.kind in COMMITTING and lead.actor is None:
            lead = replace(lead, actor=_own_body(view, text[s:e]))
        items, style = _items_after(view, i)
        items = [j for j in items if j not in used]
        counted = style != "grouped"  # a lead-in over titled groups counts the groups, not their items
        several = (lead.count or 0) > 1 and len(items) == 1
        if not items or (counted and lead.exact and lead.count != len(items)) or several:
            continue  # a list of one where the lead-in counts several: the list is not where it was looked for
        if lead.doings and not all(DOING.match(_without_marker(view.text(blocks[j]))) for j in items):
            continue  # "We are:" over what the authors are ("Open and honest"), not what they are doing
        if lead.kind not in COMMITTING and _someone_elses_list(view, text[s:e]):
            continue  # "The project uses ... underpinned by three core aims:": the project's, not the plan's
        cluster_id, attribution = _attribute(view, blocks[i], text[s:e])
        if attribution not in ("sentence", "section") and not lead.strong:
            continue  # a weak lead-in ("the plan seeks to:") counts in a cluster's own section only
        list_number += 1
        used.update(items)
        objectives += _items_to_objectives(
            view, items, style, lead.kind, text[s:e], cluster_id, attribution, list_number, lead.confidence, lead.actor
        )
        section_id = blocks[items[0]].section_id
        if section_id and blocks[i].section_id == section_id:  # the lead-in says what its section's heading heads
            framing.setdefault(_title_key(view.sections[section_id].title), (section_id, lead))
        if counted and lead.count is not None and lead.count != len(items):
            issues.append(
                SourceIssue(
                    "list_count_mismatch", "warning",
                    f"the text announces {lead.count} {lead.kind.replace('_', ' ')}s but lists {len(items)}",
                    char_start=s, char_end=e, extractor=EXTRACTOR, confidence=0.9,
                )
            )  # fmt: skip
    recurring = _recurring_headings(view, used, list_number, framing)
    objectives += recurring
    list_number = max((o.list_number for o in recurring), default=list_number)
    inline = _inline_lists(view, used, list_number)
    inline += _stated_aims(view, used, max((o.list_number for o in inline), default=list_number))
    objectives += inline
    objectives.extend(_heading_framed(view, used, max((o.list_number for o in inline), default=list_number)))
    objectives.sort(key=lambda o: o.char_start)
    return _the_governments_we(view, _without_templates(objectives)), issues


def _recurring_headings(
    view: DocumentView, used: set[int], list_number: int, framing: dict[str, tuple[str, LeadIn]]
) -> list[Objective]:
    """The lists under a heading that recurs, section after section, once a lead-in under one of its occurrences
    has said what its list is: in chapter after chapter, ``Strategic operational entities`` heads a list, and the
    first says ``the following strategic development goals have been set:``; the lists right under the heading's
    other occurrences are goals too, with the heading as their lead-in. A list of one is no list."""
    blocks = view.doc.blocks
    out: list[Objective] = []
    for h, heading in enumerate(blocks[:-1]):
        if heading.kind is not BlockKind.HEADING or not heading.section_id or not view.clean(heading):
            continue
        title = view.sections[heading.section_id].title
        framed = framing.get(_title_key(title))
        if framed is None or framed[0] == heading.section_id:
            continue
        lead = framed[1]
        items, style = _items_after(view, h)
        items = [j for j in items if j not in used and blocks[j].section_id == heading.section_id]
        if len(items) < 2:
            continue
        cluster_id, attribution = view.cluster_of(heading.section_id)
        list_number += 1
        used.update(items)
        out += _items_to_objectives(
            view, items, style, lead.kind, " ".join(title.split()), cluster_id, attribution, list_number,
            lead.confidence, lead.actor,
        )  # fmt: skip
    return out


def _title_key(title: str) -> str:
    """A heading's words, to know it again: spacing and case aside."""
    return " ".join(title.split()).casefold()


def _inline_lists(view: DocumentView, used: set[int], list_number: int) -> list[Objective]:
    """Items a paragraph counts off inside its sentences after a lead-in (``there are four strategic priorities.
    These are i) great jobs and careers, ii) ... and iv) diversity and inclusion.``; ``The plan sets three aims:
    (a) ..., (b) ... and (c) ...``): markers in sequence (:data:`INLINE_SEQUENCES`, at least MIN_INLINE_ITEMS),
    the words before the first of them a lead-in (:func:`sentence_to_lead_in`), or ``These are`` pointing back
    at the sentence before. Each item runs to the next marker (its ``, and`` left out) or its sentence's end."""
    text = view.doc.text
    out: list[Objective] = []
    for i, block in enumerate(view.doc.blocks):
        if block.kind is not BlockKind.PARAGRAPH or i in used or block.region == "chart" or not view.clean(block):
            continue
        start, end = view.item_span(block)
        markers = _inline_run(list(INLINE_MARKER.finditer(text, start, end)))
        if len(markers) < MIN_INLINE_ITEMS:
            continue
        (sentences,) = view.sentences([(start, end)])
        first = markers[0].start()
        opening = next(((s, e) for s, e in sentences if s <= first < e), (start, end))
        lead_text = text[opening[0] : first].strip()
        if ANAPHORIC_LEAD_IN.fullmatch(lead_text + ":"):
            before = [(s, e) for s, e in sentences if e <= opening[0]]
            if not before:
                continue
            lead_text = text[before[-1][0] : before[-1][1]].strip().rstrip(" .")
        lead = sentence_to_lead_in(lead_text.rstrip(" :") + ":")
        if lead is None or (lead.kind not in COMMITTING and _someone_elses_list(view, lead_text)):
            continue
        closing = next(((s, e) for s, e in sentences if s <= markers[-1].start() < e), (start, end))
        spans = []
        for k, marker in enumerate(markers):
            stop = markers[k + 1].start() if k + 1 < len(markers) else closing[1]
            item = text[marker.end() : stop]
            spans.append(trim_span(text, marker.end(), marker.end() + len(INLINE_ITEM_END.sub("", item))))
        if lead.exact and lead.count is not None and lead.count != len(spans):
            continue
        cluster_id, attribution = _attribute(view, block, lead_text)
        if attribution not in ("sentence", "section") and not lead.strong:
            continue
        list_number += 1
        out += [
            Objective(
                cluster_id, ordinal, text[cs:ce], cs, ce, list_number, "inline", lead.kind, lead_text, attribution,
                lead.confidence, _item_actor(text, cs, ce, lead.kind) or lead.actor,
            )
            for ordinal, (cs, ce) in enumerate(spans, start=1)
        ]  # fmt: skip
    return out


def _stated_aims(view: DocumentView, used: set[int], list_number: int) -> list[Objective]:
    """The one aim a sentence says the plan has (:data:`STATED_AIM`): the words from its ``to`` to the sentence's
    end, or, when the sentence ends ``is:``, the first sentence of the paragraph under it (``To improve the
    economic competitiveness ...``). The sentence opens its paragraph (further on, ``the programme`` is most often
    one the paragraph has just named, a third party's), and the aim is a plan's (:data:`PLAN_NOUN` heads what it
    is the aim of), not a document's purpose (``The aim of this report is to ...``) or a step's."""
    text = view.doc.text
    blocks = view.doc.blocks
    out: list[Objective] = []
    for i, block in enumerate(blocks):
        if block.kind not in AIM_BLOCKS or i in used or block.region != "body" or not view.clean(block):
            continue
        span = view.item_span(block)
        number = PARAGRAPH_NUMBER.match(text, *span)
        opening = span[0] + len(text[span[0] : span[1]]) - len(text[span[0] : span[1]].lstrip())
        if number is None or not any(STATED_AIM.match(text, at, span[1]) for at in (opening, number.end())):
            continue  # no paragraph opening so: its sentences are not split for this rule (most paragraphs)
        (sentences,) = view.sentences([span])
        for s, e in sentences:
            if not PARAGRAPH_NUMBER.fullmatch(text, span[0], s):
                break  # opening its paragraph (mid-paragraph, "the programme" is one the paragraph has just named)
            m = STATED_AIM.match(text, s, e)
            if m is None or not PLAN_NOUN.fullmatch(m.group("what").split(",")[0].strip()):
                continue  # "The objective of the second phase of the prioritisation process is ...": no plan's
            if m.group("colon"):
                nxt = i + 1
                if nxt >= len(blocks) or blocks[nxt].kind is not BlockKind.PARAGRAPH or not view.clean(blocks[nxt]):
                    continue
                (under,) = view.sentences([view.item_span(blocks[nxt])])
                if not under or not text.startswith("To ", under[0][0]):
                    continue
                cs, ce = trim_span(text, *under[0])
                used.add(nxt)
            elif text.startswith("to ", m.end()):
                cs, ce = trim_span(text, m.end(), e)
            else:
                continue
            ce -= text[ce - 1 : ce] == "."
            cluster_id, attribution = _attribute(view, block, text[s:e])
            list_number += 1
            kind = _kind(m.group("noun"))
            out.append(
                Objective(cluster_id, 1, text[cs:ce], cs, ce, list_number, "stated", kind, text[s : m.end()].strip(),
                          attribution, 0.7)
            )  # fmt: skip
    return out


def _inline_run(markers: list[re.Match[str]]) -> list[re.Match[str]]:
    """The first run of markers in one sequence from its start (``i)``, ``ii)``, ``iii)``), each the next."""
    for k, marker in enumerate(markers):
        sequence = next((seq for seq in INLINE_SEQUENCES if seq[0] == marker.group("mark")), None)
        if sequence is None:
            continue
        run = [marker]
        for later in markers[k + 1 :]:
            if len(run) < len(sequence) and later.group("mark") == sequence[len(run)]:
                run.append(later)
        if len(run) >= MIN_INLINE_ITEMS:
            return run
    return []


def _own_body(view: DocumentView, sentence: str) -> str | None:
    """The body a committing lead-in names as its subject (:data:`NAMED_ACTOR`) when the document names it on
    page after page (:meth:`DocumentView.names_itself`): its own, as ``Defence will achieve this through:`` in a
    defence strategy; None for a name the document uses now and then, or for a place (``The UK will:``)."""
    m = NAMED_ACTOR.search(sentence)
    if m is None or m.group("name") in NOT_NAMES or not view.names_itself(m.group("name")):
        return None
    pattern, _ = places()
    return None if pattern.fullmatch(m.group("name")) else m.group("name")


def _someone_elses_list(view: DocumentView, sentence: str) -> bool:
    """A lead-in whose subject is a project, scheme, centre or fellowship the plan describes (``The project uses
    ... underpinned by three core aims:``, ``The Fellowships will focus on three key areas:``), or a body it names
    only now and then (``DARTeC will initially focus on five primary research challenges:``): the list is that
    one's aims or focus, not the plan's. The plan's own name, named on page after page, is the plan's voice."""
    if OTHERS_SUBJECT.match(sentence):
        return True
    named = NAMED_SUBJECT.match(sentence)
    if named is None or sum(c.isupper() for c in named.group("name")) < 2:
        return False  # one capitalised word may be any sentence's first: only acronyms and names of two words
    return not view.names_itself(named.group("name"))


def _the_governments_we(view: DocumentView, objectives: list[Objective]) -> list[Objective]:
    """In a publication under Crown copyright (its imprint: ``© Crown copyright 2021``; not a map's ``© Crown
    copyright and database rights``), the authors are the government: a commitment or action its lead-in makes in
    the first person (``In the short-term, we will take the following next steps:``) is the government's. Not
    where "we" asks others to act (``We expect schools to:``): theirs, which the lead-in names."""
    if not view.government:
        return objectives
    return [
        replace(o, actor="government")
        if o.actor is None
        and o.list_kind in COMMITTING
        and FIRST_PERSON.search(o.lead_in)
        and not ASKING_OTHERS.search(o.lead_in)
        else o
        for o in objectives
    ]


def _without_templates(objectives: list[Objective]) -> list[Objective]:
    """The objectives less the lists that are templates for the reader to fill in, half or more of their items
    holding a blank (:data:`PLACEHOLDER`: ``X% increase in footfall by [20XX]``)."""
    blanks: dict[int, list[bool]] = {}
    for o in objectives:
        blanks.setdefault(o.list_number, []).append(PLACEHOLDER.search(o.text) is not None)
    templates = {n for n, marks in blanks.items() if 2 * sum(marks) >= len(marks) and any(marks)}
    return [o for o in objectives if o.list_number not in templates]


def sentence_to_lead_in(sentence: str) -> LeadIn | None:
    """What a lead-in sentence announces, or None when it announces no objectives.

    >>> sentence_to_lead_in("In the medium term, support for the cluster falls under the following five themes:")
    LeadIn(kind='theme', confidence=0.9, count=5, strong=True, actor=None, exact=False, doings=False)
    >>> sentence_to_lead_in("Working with other senior leaders in Defence, CSA will:")
    LeadIn(kind='commitment', confidence=0.7, count=None, strong=True, actor='CSA', exact=False, doings=False)
    >>> sentence_to_lead_in("This will include:") is None
    True
    >>> sentence_to_lead_in("From these objectives flow a number of new support activities covering:") is None
    True
    >>> sentence_to_lead_in("To get there, the government will take the following steps:")
    LeadIn(kind='action', confidence=0.85, count=None, strong=True, actor='government', exact=False, doings=False)
    >>> sentence_to_lead_in("Specifically the plan seeks to:")
    LeadIn(kind='aim', confidence=0.7, count=None, strong=False, actor=None, exact=False, doings=False)
    >>> sentence_to_lead_in("Moreover, the six specific areas where policy can help cooperatives are as follows:")
    LeadIn(kind='focus_area', confidence=0.9, count=6, strong=True, actor=None, exact=False, doings=False)
    >>> sentence_to_lead_in("A number of priorities have been delivered, including:") is None
    True
    >>> sentence_to_lead_in("By 2025 the following priorities will have been delivered:").kind
    'priority'
    >>> sentence_to_lead_in("Twelve strands of work are set out in four parts:") is None
    True
    """
    sentence = sentence.strip()
    if READER_ADDRESSED.search(sentence):
        return None  # guidance to the reader: what to consider, not what the plan aims at
    if ACHIEVED.search(sentence):
        return None  # what has been done: progress so far, not what the plan aims at
    colon = bool(re.search(r":\s*-?$", sentence))
    focus = FOCUSED.search(sentence) is not None
    every_count = list(counted_noun().finditer(sentence))
    counted = [m for m in every_count if _noun_verdict(m.group("noun"), focus) is not None]
    # "The government has taken the following decisions:"; "we will take the following next steps:"
    for pattern, acted in ((TAKEN_DECISIONS, "commitment"), (NEXT_STEPS, "action")):
        if colon and pattern.search(sentence):
            actor = commitment_actor().search(sentence)  # "the government will take the following steps:"
            return LeadIn(acted, 0.85, None, True, _actor(actor.group("actor")) if actor else None)
    if counted:
        m = counted[-1]
        kind = _noun_verdict(m.group("noun"), focus)
        if kind is None or kind == "":
            return None
        if colon and every_count[-1].start() > m.start() and _at_colon(sentence, every_count[-1]):
            return None  # "Twelve strands of work are set out in four parts:": the items are the parts
        return LeadIn(kind, 0.9, _count(m.group("count")), True)
    if not colon:
        return None
    committing = COMMITTING_LEAD_IN.search(sentence)
    if WILL_COLON.search(sentence):  # "Through the Programme we will:", "Defence will achieve this through:"
        if lead := _committing(sentence, committing):
            return lead
        return LeadIn("commitment", 0.7, None, True) if DOING_THIS.search(sentence) else None
    spoken = ASIDE.sub(lambda m: " " * len(m.group(0)), sentence)  # "key Areas for Action – most led by partners –"
    nouns = [(m.start(), m.group(0), True) for m in objective_nouns().finditer(spoken) if not _in_name(spoken, m)]
    nouns += [(m.start(), m.group(0), False) for m in non_objective_nouns().finditer(spoken) if not _in_name(spoken, m)]
    if nouns:
        at, noun, positive = _head_noun(spoken, nouns)
        if positive:
            return LeadIn(_kind(noun), 0.85, None, True)
        # the noun's list ("all proposals will need to show:"), unless the plan acts after the noun ("To use these
        # milestones ... the government will deliver:")
        if committing is None or committing.start() < at or not PLAN_ACTS.search(sentence, 0, committing.start()):
            return None
    if aim_verb_lead_in().search(sentence):
        return LeadIn("aim", 0.7, None, False)
    if committing:
        return _committing(sentence, committing)
    any_count = [m for m in every_count if not m.group("count").lower().startswith("following")]
    if any_count and PLAN_SAYS.search(sentence):  # "Overall, we will need three key things to make ... :"
        return LeadIn("objective", 0.6, _count(any_count[-1].group("count")), True, exact=True)
    if (parts := UNCOUNTED_PARTS.search(sentence)) and PLAN_SAYS.search(sentence):
        noun = parts.group("noun")  # "Our policy to achieve this has a number of elements:"
        return LeadIn(_kind(noun) if objective_nouns().fullmatch(noun) else "objective", 0.6, None, True)
    return None


def _at_colon(sentence: str, counted: re.Match[str]) -> bool:
    """Whether a counted noun ends the lead-in, right before its colon (``... set out in four parts:``): what the
    list's items are."""
    return re.fullmatch(r"\s*(?:below|as\s+follows)?\s*:\s*-?", sentence[counted.end() :]) is not None


def _in_name(sentence: str, noun: re.Match[str]) -> bool:
    """Is the noun a word of a name in a sentence written in lower case ("The formulation of the RDI Priority Areas
    was based on:", "... the RDI Priority Action Plan proposals to:"): capitalised within the sentence and followed
    by another capitalised word? Such a name says what the list is about, not what its items are."""
    words = re.findall(r"[A-Za-z][\w’'-]*", sentence)
    if sum(w[0].isupper() for w in words) * 2 >= len(words):
        return False  # a title in capitals ("Our Strategic Objectives For The Region:")
    after = re.match(r"\s+([A-Z])[a-z]", sentence[noun.end() :])
    return noun.start() > 0 and noun.group(0)[:1].isupper() and after is not None


def _head_noun(sentence: str, nouns: list[tuple[int, str, bool]]) -> tuple[int, str, bool]:
    """The noun a lead-in's list is of: one that opens the sentence and governs another with ``of`` or ``for``
    (``Examples of good objectives might include:``, ``In 2019, our priorities for the programme are as
    follows:``), else the last."""
    nouns = sorted(nouns)
    at, noun, positive = nouns[0]
    governs = re.match(r"\s+(?:of|for)\b", sentence[at + len(noun) :])
    if len(nouns) > 1 and OPENING_NOUN.fullmatch(sentence[:at]) and governs:
        return at, noun, positive
    return nouns[-1]


def _will_then_verbs(view: DocumentView, i: int, sentence: str, max_words: int = MAX_WILL_WORDS) -> LeadIn | None:
    """A short sentence saying who will act, without a colon (``We will work with partners to maintain critical
    capabilities``), over bullets that each go on from it in lower case (``• investigate how to ...``): what the
    actor commits to do. A longer one when the next sentence points back to it (``We will take action to unlock
    growth in ..., using government to ... This will include:`` over ``• ensuring innovative businesses can ...``)."""
    if len(sentence.split()) > max_words or sentence.rstrip().endswith((":", ".")):
        return None
    will = WILL_ACT.search(sentence)
    if will is None or view.doc.blocks[i].kind is not BlockKind.PARAGRAPH:
        return None
    items, style = _items_after(view, i)
    firsts = [_without_marker(view.text(view.doc.blocks[k])) for k in items]
    if len(items) < 2 or style != "bulleted" or not all(f[:1].islower() and len(f.split()) >= 4 for f in firsts):
        return None  # each item a clause going on from the lead (not a list of names: "energetics;")
    actor = commitment_actor().search(sentence)
    return LeadIn("commitment", 0.6, None, True, _actor(actor.group("actor")) if actor else None)


def _committing(sentence: str, committing: re.Match[str] | None) -> LeadIn | None:
    """A lead-in saying someone will (or must) do what the list says: commitments (or actions) and who makes them
    (``committing``: the sentence's :data:`COMMITTING_LEAD_IN` match, None when it has none)."""
    if committing is None or TOPICS_LEAD_IN.search(sentence):
        return None
    actor = commitment_actor().search(sentence)
    # "we must:" and "we are already:" (over "Operating a new portal ...") say what is being or must be done
    verb = committing.group("verb").lower()
    kind = "action" if verb in ("must", "are") else "commitment"
    return LeadIn(kind, 0.7, None, True, _actor(actor.group("actor")) if actor else None, doings=verb == "are")


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
    return following.kind is BlockKind.PARAGRAPH and _ends_in_colon(view, block)


def _items_after(view: DocumentView, i: int) -> tuple[list[int], str]:
    """The blocks that make up the list a lead-in at ``i`` announces, and the list's style."""
    blocks = view.doc.blocks
    start = _next_block(view, i)
    first = blocks[start]
    if first.kind is BlockKind.LIST_ITEM:
        return _list_items(view, start)
    if groups := _titled_groups(view, start):
        return groups, "grouped"
    run = []
    j = i + 1
    while j < len(blocks) and _title_description(view, blocks[j], first.section_id):
        run.append(j)
        j += 1
    return run, "paragraphs"


def _titled_groups(view: DocumentView, start: int) -> list[int]:
    """The items of the lists a lead-in announces in groups, each under a title of its own and perhaps a lead-in
    line (``our priorities are as follows:`` over ``Supporting industry`` over bullets, ``Implementing a flexible
    regulatory framework`` over ``Initiating four new areas of focus:`` over bullets, ...): at least
    :data:`MIN_GROUPS` groups in the lead-in's section. A group whose title or own lead-in names things that are
    no objectives (``existing regulatory programmes for:``, ``Projects delivered in 2023``) is left out, and the
    run goes on after it."""
    blocks = view.doc.blocks
    section = blocks[start].section_id
    items: list[int] = []
    groups = 0
    j = start
    while j < len(blocks) and blocks[j].section_id == section:
        while j < len(blocks) - 1 and blocks[j].kind in (BlockKind.CAPTION, BlockKind.FURNITURE, BlockKind.CHART):
            j += 1  # a photograph's credit, a page number between two groups
        k, titles = j, 0
        while k < len(blocks) and titles < 2 and _title_line(view, blocks[k]) and not _ends_in_colon(view, blocks[k]):
            k, titles = _next_block(view, k), titles + 1
        own_lead = k < len(blocks) and blocks[k].kind is BlockKind.PARAGRAPH and _ends_in_colon(view, blocks[k])
        nxt = _next_block(view, k) if own_lead else k
        if not (titles or own_lead) or nxt >= len(blocks) or blocks[nxt].kind is not BlockKind.LIST_ITEM:
            break
        listed, _ = _list_items(view, nxt)
        heads = [(t, True) for t in range(j, k)] + ([(k, False)] if own_lead else [])  # titles, then its lead-in
        if not any(_names_no_objectives(view.text(blocks[t]), title) for t, title in heads):
            items += listed  # a title or lead-in naming projects, programmes, examples ... leaves its group out
        groups += 1
        j = _next_block(view, listed[-1])
    return items if groups >= MIN_GROUPS else []


def _names_no_objectives(text: str, title: bool) -> bool:
    """A group's title or lead-in names what are no objectives (``Projects delivered in 2023``, ``existing
    programmes for:``); a title that says what the plan is doing (``Continuing established programmes``) does not."""
    return non_objective_nouns().search(text) is not None and not (title and re.match(r"\s*[A-Z][a-z]+ing\b", text))


def _ends_in_colon(view: DocumentView, block: Block) -> bool:
    return view.text(block).rstrip().endswith((":", ":-"))


def _list_items(view: DocumentView, start: int) -> tuple[list[int], str]:
    blocks = view.doc.blocks
    first = blocks[start]
    numbered = _ordinal(first) is not None
    items = [start]
    j = start + 1
    while j < len(blocks):
        b = blocks[j]
        if b.carries_on(blocks[items[-1]]):
            j += 1  # the item's tail on the next page: its item is taken (a span stays on one page)
            continue
        if b.section_id != first.section_id or not view.clean(b):
            break
        if b.kind is BlockKind.LIST_ITEM and b.list_id == first.list_id and (_ordinal(b) is not None) == numbered:
            items.append(j)
            j += 1
            continue
        # items that each have a paragraph of description after them (or run on over a page break): the next
        # number, or the same bullet, after at most MAX_DESCRIPTION_GAP paragraphs none of which leads in to a
        # list of its own
        nxt = _after_description(blocks, j)
        if nxt is not None and blocks[nxt].carries_on(blocks[items[-1]]):
            j = nxt + 1  # past the page's running header to the item's tail: its item is taken
            continue
        between = blocks[j:nxt] if nxt is not None else []
        if (
            nxt is not None
            and blocks[nxt].kind is BlockKind.LIST_ITEM
            and blocks[nxt].section_id == first.section_id
            and view.clean(blocks[nxt])
            and not any(_ends_in_colon(view, b) for b in between)
            and not (between and _title_line(view, between[-1]))  # "We will invest in these areas": a new lead-in
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


def _after_description(blocks: list[Block], j: int) -> int | None:
    """The first block from ``j`` that is not a description: at most :data:`MAX_DESCRIPTION_GAP` paragraphs
    stepped over (footnotes, captions and running headers between them are free)."""
    paragraphs = 0
    for k in range(j, len(blocks)):
        if blocks[k].kind not in STEPPED_OVER:
            return k
        paragraphs += blocks[k].kind is BlockKind.PARAGRAPH
        if paragraphs > MAX_DESCRIPTION_GAP:
            return None
    return None


def _title_line(view: DocumentView, block: Block) -> bool:
    """A short paragraph without a sentence's end: a title or a lead-in over what follows, not a description."""
    text = view.text(block).rstrip()
    return (
        block.kind is BlockKind.PARAGRAPH
        and len(text.split()) <= MAX_TITLE_LINE_WORDS
        and not text.endswith(SENTENCE_END)
    )


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
    out.extend(_numbered_titles(view, used, list_number))
    list_number = max((o.list_number for o in out), default=list_number)
    out.extend(_measure_headings(view, used, list_number + 1))
    list_number = max((o.list_number for o in out), default=list_number)
    blocks = view.doc.blocks
    for items, kind in _labelled_runs(view, used):
        cluster_id, attribution = view.cluster_of(blocks[items[0]].section_id)
        list_number += 1
        used.update(items)
        out.extend(_items_to_objectives(view, items, "labelled", kind, "", cluster_id, attribution, list_number, 0.85))
    out.extend(_label_boxes(view, used, list_number))
    out.extend(_phrase_runs(view, used, max((o.list_number for o in out), default=list_number) + 1))
    out.extend(_ordinal_paragraphs(view, used, max((o.list_number for o in out), default=list_number) + 1))
    out.extend(_agreement_paragraphs(view, used, max((o.list_number for o in out), default=list_number) + 1))
    return out


def _phrase_runs(view: DocumentView, used: set[int], list_number: int) -> list[Objective]:
    """Phrases set one per block right under a heading that frames them (``The UK’s goals`` over ``Grow and level
    up our space economy``, ``Promote the values of Global Britain``, ... each under its icon): at least
    :data:`MIN_PHRASES` paragraphs of the heading's section, each a phrase (:func:`_phrase`), in a row with
    nothing between them. A heading framing them names its kind with a plural noun (:func:`_heading_frame`)."""
    blocks = view.doc.blocks
    out: list[Objective] = []
    for i, block in enumerate(blocks[:-1]):
        if block.kind is not BlockKind.HEADING or not view.clean(block):
            continue
        title = " ".join(view.text(block).split())
        kind, actor = _heading_frame(title)
        if not kind:
            continue
        items = []
        j = i + 1
        while j < len(blocks) and j not in used and _phrase(view, blocks[j], block.section_id):
            items.append(j)
            j += 1
        if len(items) < MIN_PHRASES:
            continue
        cluster_id, attribution = view.cluster_of(block.section_id)
        used.update(items)
        out += _items_to_objectives(
            view, items, "phrases", kind, title, cluster_id, attribution, list_number, 0.6, actor
        )
        list_number += 1
    return out


def _phrase(view: DocumentView, block: Block, section_id: str | None) -> bool:
    """A paragraph of the section that is one short phrase: at most MAX_PHRASE_WORDS words, opening with a capital,
    ending in no stop or colon (a goal's wording under its icon, not a sentence, not a lead-in)."""
    if block.kind is not BlockKind.PARAGRAPH or block.section_id != section_id or block.region != "body":
        return False
    if not view.clean(block):
        return False
    text = " ".join(view.text(block).split())
    return 0 < len(text.split()) <= MAX_PHRASE_WORDS and text[:1].isupper() and not text.endswith((*".!?:;", "…"))


def _numbered_titles(view: DocumentView, used: set[int], list_number: int) -> list[Objective]:
    """Titles a framing heading's section numbers over their paragraphs (``Ten Point Plan: Initial focus areas``
    over ``1. Capture the European market in commercial small satellite launch``, its paragraphs, ``2. Fight
    climate change with space technology`` ...): paragraphs opening with a number, at most
    :data:`MAX_NUMBERED_TITLE_WORDS` long and ending no sentence, counting from 1 within the section; a run of
    :data:`MIN_GROUPS` or more gives one item of the heading's kind each."""
    blocks = view.doc.blocks
    frames: dict[str, tuple[str, str | None, str]] = {}  # section → the kind and actor its heading frames, its title
    for block in blocks:
        if block.kind is BlockKind.HEADING and block.section_id and view.clean(block):
            title = " ".join(view.text(block).split())
            kind, actor = _heading_frame(title)
            if kind:
                frames[block.section_id] = (kind, actor, title)
    runs: dict[str, list[int]] = {}
    for i, block in enumerate(blocks):
        if i in used or block.kind is not BlockKind.PARAGRAPH or block.section_id not in frames:
            continue
        text = view.text(block)
        words, m = text.split(), NUMBERED_TITLE.match(text)
        if m is None or len(words) > MAX_NUMBERED_TITLE_WORDS or words[-1].endswith(SENTENCE_END):
            continue
        run = runs.setdefault(block.section_id, [])
        if int(m.group("n")) == len(run) + 1 and view.clean(block):
            run.append(i)
    out: list[Objective] = []
    for section_id, run in runs.items():
        if len(run) < MIN_GROUPS:
            continue
        kind, actor, title = frames[section_id]
        cluster_id, attribution = view.cluster_of(section_id)
        list_number += 1
        used.update(run)
        out += _items_to_objectives(
            view, run, "numbered", kind, title, cluster_id, attribution, list_number, 0.7, actor
        )
    return out


def _measure_headings(view: DocumentView, used: set[int], list_number: int) -> list[Objective]:
    """The headings of a section of recommendations or actions phrased as measures (:data:`MEASURE_HEADING`): under
    ``3 Policy orientations`` (a heading framing its section as recommendations, :func:`_heading_frame`), or a
    section whose opening paragraph says it presents recommendations (:data:`RECOMMENDATIONS_HERE`), the headings
    ``Positioning platform cooperatives as alternative models``, ``Strengthening ...``, ``Reinforcing ...`` are its
    recommendations, one item each, at any depth of the section, when there are :data:`MIN_MEASURE_HEADINGS` or
    more. Headings outside the body (an aside's, a case study's panel's), and headings naming a topic (``Legal
    frameworks``, ``Access to finance``), are not items; nor are the headings under goals or priorities (``How we
    will achieve our goals`` over ``Building trading partnerships``: the means, not the goals)."""
    blocks = view.doc.blocks
    frames: list[tuple[int, int, str, str | None, str]] = []  # (heading, its section's end, kind, actor, lead-in)
    for i, block in enumerate(blocks[:-1]):
        if block.kind is not BlockKind.HEADING or not block.section_id or not view.clean(block):
            continue
        title = " ".join(view.text(block).split())
        kind, actor = _heading_frame(title)
        opening = blocks[i + 1]
        if not kind and opening.kind is BlockKind.PARAGRAPH and opening.section_id == block.section_id:
            said = RECOMMENDATIONS_HERE.search(view.doc.text, *view.item_span(opening))
            if said:  # the lead-in is the sentence that says so
                (sentences,) = view.sentences([view.item_span(opening)])
                s, e = next(((s, e) for s, e in sentences if s <= said.start() < e), view.item_span(opening))
                kind, title = "recommendation", " ".join(view.doc.text[s:e].split())
        if kind in MEASURE_KINDS:
            frames.append((i, view.sections[block.section_id].char_end, kind, actor, title))
    out: list[Objective] = []
    for i, end, kind, actor, lead in frames:
        items = []
        for j in range(i + 1, len(blocks)):
            block = blocks[j]
            if block.char_start >= end:
                break
            if block.kind is BlockKind.HEADING and j not in used and _measure(view, block):
                items.append(j)
        if len(items) < MIN_MEASURE_HEADINGS:
            continue
        list_number += 1
        used.update(items)
        for ordinal, j in enumerate(items, start=1):  # each in its own section's cluster
            cluster_id, attribution = view.cluster_of(blocks[j].section_id)
            (item,) = _items_to_objectives(
                view, [j], "headings", kind, lead, cluster_id, attribution, list_number, 0.6, actor
            )
            out.append(replace(item, ordinal=ordinal))
    return out


def _measure(view: DocumentView, block: Block) -> bool:
    """A heading of the body phrased as a measure (:data:`MEASURE_HEADING`), at most
    :data:`MAX_MEASURE_HEADING_WORDS` long, ending in no colon (a lead-in's)."""
    if block.region != "body" or not view.clean(block):  # an aside's (a case study's panel's) is not the body's
        return False
    text = " ".join(view.text(block).split())
    m = MEASURE_HEADING.match(text)
    if m is None or m.group("verb").lower() in NOT_MEASURES or m.group("next").lower() in ("and", "or", "&"):
        return False
    return len(text.split()) <= MAX_MEASURE_HEADING_WORDS and not text.endswith(":")


def _agreement_paragraphs(view: DocumentView, used: set[int], list_number: int) -> list[Objective]:
    """The commitments of an agreement or deal that numbers its paragraphs and opens most of them with a party
    committing (more than :data:`AGREEMENT_SHARE` of at least :data:`MIN_AGREEMENT_PARAGRAPHS`, by their first
    sentences: a white paper's numbered paragraphs say "We will ..." somewhere in most of them): each numbered
    paragraph in which a party commits (:data:`PARTY_COMMITS`, in any of its sentences) is then one commitment,
    the actor the party it names; so is each item of a list a numbered paragraph leads into (``9. For young
    people who ...:``) in which a party commits. Paragraphs of context (``14. ... Government welcomes ...``) are
    not."""
    blocks = view.doc.blocks
    numbered = [
        i for i, b in enumerate(blocks)
        if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and NUMBERED_PARAGRAPH.match(view.text(b))
    ]  # fmt: skip
    if len(numbered) < MIN_AGREEMENT_PARAGRAPHS:
        return []
    spans = [_paragraph_span(view, blocks[i]) for i in numbered]
    parties = [_party(view, sentences) for sentences in view.sentences(spans)]
    if sum(p is not None and p[0] == 0 for p in parties) <= AGREEMENT_SHARE * len(numbered):
        return []  # a white paper's numbered paragraphs say "We will ..." somewhere; an agreement's open with it
    text = view.doc.text
    items: list[tuple[int, int, int, str]] = []  # block, start, end, actor as written
    for i, (s, e), party in zip(numbered, spans, parties, strict=True):
        if party is not None:
            items.append((i, s, e, party[1]))
        elif text[s:e].rstrip().endswith(":") and i + 1 < len(blocks):
            listed, _ = _items_after(view, i)
            item_spans = [trim_span(text, *_objective_span(view, blocks[k])) for k in listed]
            for k, (ks, ke), sentences in zip(listed, item_spans, view.sentences(item_spans), strict=True):
                if (own := _party(view, sentences)) is not None:
                    items.append((k, ks, ke, own[1]))
    out = []
    for ordinal, (k, s, e, written) in enumerate((t for t in items if t[0] not in used), start=1):
        cluster_id, attribution = view.cluster_of(blocks[k].section_id)
        actor = None if written.lower() == "we" else _actor(written)
        out.append(
            Objective(
                cluster_id, ordinal, text[s:e], s, e, list_number, "numbered", "commitment", "", attribution, 0.7, actor
            )
        )  # fmt: skip
        used.add(k)
    return out


def _paragraph_span(view: DocumentView, block: Block) -> tuple[int, int]:
    """A numbered paragraph's span without its number."""
    start, end = view.item_span(block)
    number = NUMBERED_PARAGRAPH.match(view.doc.text, start, end)
    return trim_span(view.doc.text, number.end() if number else start, end)


def _party(view: DocumentView, sentences: list[tuple[int, int]]) -> tuple[int, str] | None:
    """The first sentence committing a party (:data:`PARTY_COMMITS`): its position among ``sentences`` and the
    party it names, as written."""
    for n, (s, e) in enumerate(sentences):
        m = PARTY_COMMITS.match(view.doc.text, s, e)
        if m:
            return n, m.group("actor")
    return None


def _ordinal_paragraphs(view: DocumentView, used: set[int], list_number: int) -> list[Objective]:
    """Paragraphs the plan counts off as what it will do: ``First, we will work with partners …``, ``Second,
    we will …``, ``Finally, …`` (a run from ``First`` of two or more, each saying who will act). Each item is
    the paragraph's first sentence."""
    blocks = view.doc.blocks
    runs: list[list[int]] = []
    for i, block in enumerate(blocks):
        if i in used or block.kind is not BlockKind.PARAGRAPH or not view.clean(block):
            continue
        m = ORDINAL_OPENING.match(view.text(block))
        if m is None or not re.search(r"\bwill\b", view.text(block)[:200]):
            continue
        word = m.group(1).lower().removesuffix("ly")
        if word == "first":
            runs.append([i])
        elif runs and i - runs[-1][-1] <= MAX_HEADED_GAP and (word in ("final", "last") or word in ORDINAL_WORDS):
            runs[-1].append(i)
    out: list[Objective] = []
    text = view.doc.text
    for run in (r for r in runs if len(r) >= 2):
        spans = view.sentences([view.item_span(blocks[k]) for k in run])
        actor = commitment_actor().search(view.text(blocks[run[0]]))
        for ordinal, (k, sentences) in enumerate(zip(run, spans, strict=True), start=1):
            s, e = sentences[0] if sentences else view.item_span(blocks[k])
            opening = ORDINAL_OPENING.match(text, s, e)
            cs, ce = trim_span(text, opening.end() if opening else s, e)
            cluster_id, attribution = view.cluster_of(blocks[k].section_id)
            out.append(
                Objective(
                    cluster_id, ordinal, text[cs:ce], cs, ce, list_number, "ordinal", "commitment", "", attribution,
                    0.7, _actor(actor.group("actor")) if actor else None,
                )
            )  # fmt: skip
        used.update(run)
        list_number += 1
    return out


def _label_boxes(view: DocumentView, used: set[int], list_number: int) -> list[Objective]:
    """Blocks whose first line is a kind's label alone (``Action`` over ``Development of new funding calls ...``), a
    label in the singular standing as a block of its own (a paragraph or a title) over the paragraph it labels, or a
    paragraph opening with a label and a colon (:data:`LABEL_INLINE`): each is one item of that kind, its text the
    words under or after the label. Boxes of one kind within :data:`MAX_LABEL_GAP` blocks make one list."""
    text = view.doc.text
    out: list[Objective] = []
    last, last_kind = -MAX_LABEL_GAP - 1, ""
    for i, block in enumerate(view.doc.blocks):
        if i in used or block.kind not in LABELLED_KINDS or not view.clean(block):
            continue
        words = view.text(block)
        # a label alone over its paragraph (``Action``) is one item's; in the plural it heads a section (``Objectives``
        # over its lead-in and list) or a column (``Actions`` over ``Action 7 (2019): ...`` and the rest)
        alone = LABEL_ALONE.fullmatch(words)
        alone = alone if alone is not None and not alone.group("noun").lower().endswith("s") else None
        if block.kind is BlockKind.HEADING:  # a label set as a title of its own over its paragraph
            m = alone
        else:
            m = LABEL_BOX.match(words) or alone or _inline_label(view, i, words)
        if m is not None and m.groupdict().get("text") and len(words[m.start("text") :].split()) < MIN_LABELLED_WORDS:
            continue  # "Objective / Usability": a diagram's labels, not a label over its statement
        item = i if m is None or m.groupdict().get("text") else _labelled_text(view, i)
        if m is None or item is None or item in used:
            continue
        kind = _kind(m.group("noun"))
        if i - last > MAX_LABEL_GAP or kind != last_kind:
            list_number += 1
        last, last_kind = i, kind
        used.update((i, item))
        start = block.char_start + m.start("text") if item == i else view.doc.blocks[item].char_start
        cs, ce = trim_span(text, start, view.doc.blocks[item].char_end)
        cluster_id, attribution = view.cluster_of(block.section_id)
        ordinal = sum(1 for o in out if o.list_number == list_number) + 1
        out.append(
            Objective(
                cluster_id, ordinal, text[cs:ce], cs, ce, list_number, "labelled", kind, "", attribution, 0.75,
                _item_actor(text, cs, ce, kind),
            )
        )  # fmt: skip
    return out


def _inline_label(view: DocumentView, i: int, words: str) -> re.Match[str] | None:
    """A paragraph's opening label (:data:`LABEL_INLINE`) over a statement of its own, in the body or opening a
    panel of its own (the plan's ``Our aim: …`` box): a field of a form or a table set as text (``Priority:
    High. Lead: the department``) is no item, nor is a label inside a case study's panel."""
    m = LABEL_INLINE.match(words)
    block = view.doc.blocks[i]
    if m is None or (block.region != "body" and _inside_panel(view, i)) or _among_fields(view, i):
        return None
    statement = re.split(r"(?<=[.!?])\s", words[m.start("text") :], maxsplit=1)[0]
    return m if len(statement.split()) >= MIN_LABELLED_WORDS and ":" not in statement else None


def _among_fields(view: DocumentView, i: int) -> bool:
    """Block ``i`` stands beside a block that opens with a label of another kind in capitals and a colon: a
    field among a form's fields (``AGENCY : Federal Aviation Administration`` / ``ACTION : Notice of proposed
    rulemaking`` / ``SUMMARY : ...``), not an item the document frames."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(view.doc.blocks):
            words = view.text(view.doc.blocks[j])
            if FORM_FIELD.match(words) and not LABEL_INLINE.match(words):
                return True
    return False


def _inside_panel(view: DocumentView, i: int) -> bool:
    """Block ``i`` comes after another block of its aside or chart (it does not open the panel)."""
    block, before = view.doc.blocks[i], view.doc.blocks[i - 1] if i > 0 else None
    return before is not None and (before.region, before.region_id) == (block.region, block.region_id)


@dataclass(frozen=True, slots=True)
class Frame:
    """What a heading says the lists under it are: their kind, who commits to them, where the frame began."""

    kind: str
    actor: str | None
    page: int | None
    aside: int | None = None  # the aside whose title framed the lists (the frame ends with it)
    number: str | None = None  # the framing heading's section number ("1.1"): a heading numbered as its sibling ends it
    level: int | None = None  # the framing heading's rank: a chapter's title after it ends it (:func:`_outranks`)


def _sibling(framing: str | None, heading: str | None) -> bool:
    """A heading numbered at the framing heading's depth or above it (``1.2`` after ``1.1``, ``2`` after
    ``1.1``): a section of its own, not one under the frame.

    >>> _sibling("1.1", "1.2"), _sibling("1.1", "2"), _sibling("1.1", "1.1.1"), _sibling(None, "1.2")
    (True, True, False, False)
    """
    if not framing or not heading:
        return False
    return len(heading.strip(".").split(".")) <= len(framing.strip(".").split("."))


def _level(view: DocumentView, block: Block) -> int | None:
    """The rank of the section a heading opens (1 for a chapter)."""
    return view.sections[block.section_id].level if block.section_id else None


def _outranks(heading: int | None, framing: int | None) -> bool:
    """A chapter's title (a heading of the first rank) after a framing heading of a lower rank: a part of the
    document of its own, not one under the frame. (Ranks below the first follow type sizes, which a summary
    page may set out of step with its document's outline: a rank-2 "Ideas" under a rank-3 "Industry action
    to support the sector" is still under its frame.)

    >>> _outranks(1, 3), _outranks(2, 3), _outranks(1, 1), _outranks(None, 3)
    (True, False, False, False)
    """
    return heading == 1 and framing is not None and framing > 1


def _number(view: DocumentView, block: Block) -> str | None:
    """The printed number of the section a heading opens."""
    return view.sections[block.section_id].number if block.section_id else None


def _headed_lists(view: DocumentView, used: set[int], list_number: int) -> list[Objective]:
    """Lists under a heading that frames them: titled with a list noun (``Key commitments``, ``Our
    priorities``, ``Aims and objectives``) or naming who acts (``Government action to support AI``, ``What
    industry will do``). The frame covers the lists of the heading's section and of the sub-headings after
    it that title lists of their own (``Support AI innovation to raise productivity`` then its bullets); it
    ends at the first heading whose section holds no list, at a heading framing something else, at a heading
    numbered as the framing heading's sibling (``1.2`` after ``1.1``), or :data:`MAX_FRAME_PAGES` pages on. A
    numbered list must start afresh (a document's running paragraph numbers are not a list)."""
    blocks = view.doc.blocks
    out: list[Objective] = []
    frame: Frame | None = None
    last_kind = ""
    lead = ""
    taken = False  # the frame has given a list
    for i, block in enumerate(blocks):
        if frame is not None and frame.aside is not None and _leaves(block, frame.aside):
            frame = None  # the aside whose title framed the lists has ended
        titles_aside = _titles_aside(view, i) and any(_heading_frame(" ".join(view.text(block).split())))
        if block.kind is BlockKind.HEADING or titles_aside:
            if not view.clean(block):
                frame = None
                continue
            title = " ".join(view.text(block).split())
            kind, actor = _heading_frame(title)
            if actor and last_kind in COMMITTING:
                kind = last_kind  # ``Government action`` under ``Key commitments``: government's commitments
            if kind or actor:
                kind = kind or "action"
                aside = block.region_id if titles_aside else None
                framing = Frame(kind, actor, block.page, aside, _number(view, block), _level(view, block))
                frame, last_kind, lead = framing, kind, title
                taken = False
            elif frame is not None and (
                not _section_has_list(view, i)
                or _pages_apart(frame.page, block.page) > MAX_FRAME_PAGES
                or _sibling(frame.number, _number(view, block))
                or _outranks(_level(view, block), frame.level)
            ):
                frame = None
            elif frame is not None:
                lead = title
            continue
        if (
            frame is not None
            and taken
            and block.kind is BlockKind.PARAGRAPH
            and _prose(view, block)
            and not _runs_on(view, i)
        ):
            frame = None  # running prose resumes after the framed lists
        if frame is not None and block.kind is BlockKind.LIST_ITEM and i in used:
            taken = True  # a lead-in inside the frame gave this list: prose after it ends the frame all the same
        if frame is None or block.kind is not BlockKind.LIST_ITEM or i in used or not view.clean(block):
            continue
        if _carried(view, i):
            continue  # an item's tail on the next page: its list was taken from its first item
        if block.region == "chart" or _ordinal(block) not in (None, 1):
            continue
        items, style = _list_items(view, i)
        if i > 0 and OUTCOMES_LEAD_IN.search(view.text(view.doc.blocks[i - 1]).rstrip()):
            used.update(items)  # "This will result in:" under an actions heading: outcomes, not actions
            continue
        items = [k for k in items if k not in used]
        alone = len(items) < 2 and not (frame.actor and (block.marker or "").strip() not in DASHES)
        if alone and not _section_has_list(view, i):
            continue  # one dashed line is not a list (a list broken by a sub-heading goes on after it); one bullet
            # under a heading naming who acts ("Government action to support ...") is that actor's one action
        cluster_id, attribution = view.cluster_of(block.section_id)
        list_number += 1
        used.update(items)
        out += _items_to_objectives(
            view, items, style, frame.kind, lead, cluster_id, attribution, list_number, 0.7, frame.actor
        )
        taken = True
    return out


def _leaves(block: Block, aside: int) -> bool:
    """The block lies outside the aside (furniture lies between)."""
    return block.kind is not BlockKind.FURNITURE and (block.region != "aside" or block.region_id != aside)


def _titles_aside(view: DocumentView, i: int) -> bool:
    """Block ``i`` is the title of an aside (a panel's first block, a short paragraph that ends no sentence:
    ``Industry action to support AI`` over the panel's bullets), which frames the aside's lists as a heading
    frames its section's; not a box's or a case study's title, whose lists illustrate."""
    block = view.doc.blocks[i]
    if block.region != "aside" or block.kind is not BlockKind.PARAGRAPH or _inside_panel(view, i):
        return False
    text = " ".join(view.text(block).split())
    if aside_title().match(text):
        return False  # "Box 3: Local commitments ...", "Case study: ...": an illustration, not the plan's own lists
    return 0 < len(text.split()) <= ASIDE_TITLE_WORDS and not text.endswith(SENTENCE_END)


def _runs_on(view: DocumentView, i: int) -> bool:
    """True when paragraph ``i`` carries on the list item before it over a column or page break (the item ends
    without a sentence's end: ``... for the highly successful`` | ``UK Games Fund so that ...``)."""
    blocks = view.doc.blocks
    before = next((blocks[k] for k in range(i - 1, -1, -1) if blocks[k].kind is not BlockKind.FURNITURE), None)
    return (
        before is not None
        and before.kind is BlockKind.LIST_ITEM
        and not view.text(before).rstrip().endswith(SENTENCE_END)
    )


def _carried(view: DocumentView, i: int) -> bool:
    """Block ``i`` is the tail of the list item before it, carried over a page break (:meth:`Block.carries_on`;
    running headers and footnotes between)."""
    k = behind_page_furniture(view.doc.blocks, i)
    return k is not None and view.doc.blocks[i].carries_on(view.doc.blocks[k])


def _prose(view: DocumentView, block: Block) -> bool:
    """A paragraph of running prose (not a short line standing as a sub-heading)."""
    return len(view.text(block).split()) >= MIN_PROSE_WORDS


def _heading_frame(title: str) -> tuple[str, str | None]:
    """(kind, actor) a heading frames its lists with: ``("commitment", None)`` for ``Key commitments``,
    ``("", "government")`` for ``Government action to support AI``, ``("target", None)`` for a time horizon
    (``In the short term``, ``Within a year``, ``By 2025``), ``("", None)`` for neither."""
    if len(title.split()) > MAX_FRAMING_HEADING_WORDS:
        return "", None
    if SETTING_HEADING.fullmatch(title.rstrip(" :")):
        return "", None  # how to set them: the lists under it are advice or examples
    if TIME_HORIZON.fullmatch(title.rstrip(" :")):
        return "target", None  # "In the short term", "Within two years": what the plan will have delivered by then
    if DECISIONS.fullmatch(title.rstrip(" :")):
        return "commitment", None  # "Summary of decisions": what the government has decided, its commitments
    actor = commitment_actor().search(title)
    nouns = next((m for m in objective_nouns().finditer(title) if _plural(m.group(0))), None)
    nouns = nouns or ACTIONS_HEADING.fullmatch(title)
    kind = _kind(nouns.group(0)) if nouns and not non_objective_nouns().search(title) else ""
    return kind, _actor(actor.group("actor")) if actor else None


def _plural(noun: str) -> bool:
    """A heading frames a list with a plural noun (``Our priorities``, ``Areas for action``), not one about a
    single thing (``Developing the innovation theme``)."""
    return noun.lower().endswith("s") or " for " in noun.lower()


def _item_actor(text: str, start: int, end: int, kind: str) -> str | None:
    """The body an action or commitment itself says will act (``UK Export Finance (UKEF) will tailor …``), at its
    start or right after the item's title (``system-to-system engagement The Department for International Trade
    will lead …``: a few words that end no sentence)."""
    if kind not in COMMITTING:
        return None
    own = ITEM_ACTOR.search(text, start, end)
    if own is None:
        return None
    title = text[start : own.start()]
    if title.strip() and (len(title.split()) > MAX_TITLE_WORDS or TITLE_END.search(title)):
        return None  # the body is named inside the item's sentence, not as who acts
    return _actor(re.split(r"\s+The\s+", own.group("actor"))[-1])  # a title in capitals ends at "The"


def _actor(name: str) -> str:
    """``government`` or ``industry`` for the usual parties, else the body's name as written (on one line)."""
    name = " ".join(name.split())
    lowered = name.lower()
    if "government" in lowered:
        return "government"
    if lowered in ("industry", "businesses", "employers", "sector"):
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
    followed by the paragraphs that explain it. A run goes on from labelled items another rule took
    (``Recommendation 1:`` to ``3:`` under a heading framing recommendations, then ``Recommendation 4:`` ...)."""
    runs: list[tuple[list[int], str]] = []
    current: list[int] = []
    kind = ""
    last = 0
    blocks = view.doc.blocks
    candidates = [
        i for i, b in enumerate(blocks)
        if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING) and view.clean(b)
    ]  # fmt: skip
    taken: int | None = None  # the last labelled block another rule took: a run may go on from it
    for i in candidates:
        block = blocks[i]
        printed = _without_marker(view.text(block))  # the label stays: "• Goal 2: ..." → "Goal 2: ..."
        m = labelled_objective().match(printed) or labelled_objective().match(NUMBERED_PREFIX.sub("", printed, count=1))
        item: int | None = i
        if i in used:
            if m is not None:  # "Recommendation 3:" taken under a heading that frames recommendations
                if _a_run(current, taken):
                    runs.append((current, kind))
                current, taken, last, kind = [], i, int(m.group("number")), _kind(m.group("noun"))
            continue
        if m is None and (m := objective_label().match(printed)) is not None:
            item = _labelled_text(view, i)  # "Action 1 (2021)" over its text: the item is the text
        if m is None or item is None:
            continue  # a paragraph explaining the item before: the gap decides whether the run goes on
        number = int(m.group("number"))
        gap = MAX_LABEL_GAP if item != i else MAX_HEADED_GAP  # the rising numbers carry a run over explanations
        before = current[-1] if current else taken
        if before is not None and block.kind is BlockKind.HEADING and blocks[before].kind is BlockKind.HEADING:
            gap = len(blocks)  # headings "Mission 1: ...", "Mission 2: ...": the document's own parts, chapters apart
        if before is not None and number == last + 1 and i - before <= gap and _kind(m.group("noun")) == kind:
            current.append(item)
        else:
            if _a_run(current, taken):
                runs.append((current, kind))
            current, taken = ([item] if number == 1 else []), None
            kind = _kind(m.group("noun"))
        last = number
    if _a_run(current, taken):
        runs.append((current, kind))
    return runs


def _a_run(items: list[int], taken: int | None) -> bool:
    """Labelled items make a run when there are two or more, or when they go on from a labelled item another
    rule ``taken`` (``Recommendation 4:`` after ``1:`` to ``3:``)."""
    return len(items) >= 2 or (bool(items) and taken is not None)


def _labelled_text(view: DocumentView, label: int) -> int | None:
    """The block a label-only line (``Action 1 (2021)``) stands over: the next paragraph or list item, clean."""
    blocks = view.doc.blocks
    following = blocks[label + 1] if label + 1 < len(blocks) else None
    if following is None or following.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        return None
    return label + 1 if view.clean(following) and len(view.text(following).split()) >= MIN_LABELLED_WORDS else None


def _without_marker(text: str) -> str:
    """A block's text without the bullet or ordinal that opens it (:func:`patterns.list_marker`)."""
    text = text.lstrip()
    marker = list_marker().match(text)
    return text[marker.end() :].lstrip() if marker else text


def _objective_span(view: DocumentView, block: Block) -> tuple[int, int]:
    """An item's span without its marker or the label that only numbers it (``Goal 2:``, ``Action 3 (2021):``);
    a labelled heading's without its number too, and a numbered title's (:func:`_numbered_titles`) without its
    ``1. ``."""
    start, end = view.item_span(block)
    text = view.doc.text[start:end]
    number = {BlockKind.HEADING: NUMBERED_PREFIX, BlockKind.PARAGRAPH: NUMBERED_TITLE}.get(block.kind)
    prefix = number.match(text) if number else None
    offset = prefix.end() if prefix else 0
    label = labelled_objective().match(text[offset:])
    if label:
        offset += label.start("body")
    return start + offset, end


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
                _item_actor(text, cs, ce, kind) or actor,
            )
        )  # fmt: skip
    return out


def with_table_objectives(view: DocumentView, objectives: list[Objective], tables: list[Table]) -> list[Objective]:
    """The text's objectives and the tables' (:func:`tables_to_objectives`) in text order. A table's item that
    holds two or more of the text's items (a cell holding a bulleted list) gives way to them; otherwise it
    stands for the one it holds (an action's title read as a labelled item of its own). Items that give way
    to them keep their row's actor (its Lead or Responsible cell) when they name none; an item that stands names
    its own actor when its row has none. Lists and their items are numbered again (:func:`_renumbered`)."""
    from_tables = tables_to_objectives(view, tables, max((o.list_number for o in objectives), default=0))
    held = {id(t): [o for o in objectives if t.char_start <= o.char_start < t.char_end] for t in from_tables}
    coarse = {id(o) for t in from_tables if len(held[id(t)]) == 1 for o in held[id(t)]}
    row_actor = {id(o): t.actor for t in from_tables if len(held[id(t)]) >= 2 and t.actor for o in held[id(t)]}
    kept = [
        replace(o, actor=row_actor[id(o)]) if id(o) in row_actor and not o.actor else o
        for o in objectives
        if id(o) not in coarse
    ]
    # a standing item of a table with no Lead column: the body it says will act (not given to the items of
    # a cell's list, which name their own)
    kept += [
        t if t.actor else replace(t, actor=_item_actor(t.text, 0, len(t.text), t.list_kind))
        for t in from_tables
        if len(held[id(t)]) < 2
    ]
    return _renumbered(sorted(kept, key=lambda o: o.char_start))


def _renumbered(objectives: list[Objective]) -> list[Objective]:
    """Lists numbered from 1 in the order of their first numbers (the gaps of lists given way closed), each
    list's items from 1 in text order."""
    lists = {n: i for i, n in enumerate(sorted({o.list_number for o in objectives}), start=1)}
    counts: dict[int, int] = {}
    out = []
    for o in objectives:
        number = lists[o.list_number]
        counts[number] = counts.get(number, 0) + 1
        out.append(replace(o, list_number=number, ordinal=counts[number]))
    return out


def tables_to_objectives(view: DocumentView, tables: list[Table], list_number: int) -> list[Objective]:
    """Tables whose rows are objectives: a header cell names the column ``Recommendations``, ``Action``,
    ``Objective``, ``Priorities`` ... (the whole cell: not ``Actions delivered`` or ``Current position``), and
    each row's cell in that column is one item; lists are numbered on from ``list_number``. A column headed
    ``Lead``, ``Responsible``, ``Owner``, ``Delivered by`` ... names each row's actor.

    A table with no such header cell holds objectives when the paragraph right over it ends in a lead-in that
    announces them (``The key ... capability priorities for the UK are described in the table below:``): each
    row's first cell is one item, of the kind the lead-in names (and as many as it counts, when it counts them).

    A cell of that column spanning the table's width (``Action 2 (2021): free trade agreements`` over the
    action's text and its timeline) titles the row below it: the two are one item, the label (``Action 2
    (2021):``) left out as a list item's is."""
    out: list[Objective] = []
    text = view.doc.text
    for table in tables:
        header = [c for c in table.cells if c.is_header or c.row < table.header_rows]
        framing = _framing(view, table, header)
        if framing is None:
            continue
        col, kind, lead, count = framing
        who = next((c.col for c in header if ACTOR_COLUMN.fullmatch(" ".join(c.text.split()))), None)
        spans = [
            span
            for span in _table_items(text, table, col, who)
            if len(span[2].split()) >= MIN_TABLE_ITEM_WORDS and view.quarantine.allows(span[0], span[1])
        ]
        if len(spans) < 2 or count not in (None, len(spans)):
            continue
        list_number += 1
        for ordinal, (start, end, item, actor) in enumerate(spans, start=1):
            cluster_id, attribution = view.cluster_of(view.section_at(start, end))
            out.append(
                Objective(
                    cluster_id, ordinal, item, start, end, list_number, "table", kind, lead, attribution, 0.7, actor
                )
            )
    return out


def _framing(view: DocumentView, table: Table, header: list[TableCell]) -> tuple[int, str, str, int | None] | None:
    """The column of a table that holds objectives, their kind, the words that say so and the count they give: a
    header cell naming its column (:data:`TABLE_FRAME`), else a lead-in right over the table (its first column,
    each row's stub: :func:`_announced_by`); None for a table whose rows are no objectives."""
    column = next((c for c in header if TABLE_FRAME.fullmatch(" ".join(c.text.split()))), None)
    if column is not None:
        return column.col, _kind(column.text), " ".join(f"{table.title or ''} {column.text}".split()), None
    announced = _announced_by(view, table)
    if announced is None:
        return None
    lead, sentence = announced
    return 0, lead.kind, sentence, lead.count


def _announced_by(view: DocumentView, table: Table) -> tuple[LeadIn, str] | None:
    """The lead-in a table's rows are the items of, with its words: the last sentence of the paragraph right over
    the table, on its page, ending in a colon and announcing objectives (``The key civil and defence capability
    priorities for the UK are described in the table below:`` over a table whose first column names each
    priority and describes it). Not a table of figures: its rows are the lines of an account, not aims."""
    i = view.block_at(table.char_start - 1)
    while i >= 0 and view.doc.blocks[i].char_end > table.char_start:
        i -= 1  # blocks of the table's own cells
    if i < 0 or figure_columns(table):
        return None
    block = view.doc.blocks[i]
    if block.kind is not BlockKind.PARAGRAPH or block.page != table.page or not view.clean(block):
        return None
    sentences = view.sentences([(block.char_start, block.char_end)])[0]
    if not sentences:
        return None
    sentence = " ".join(view.doc.text[slice(*sentences[-1])].split())
    lead = sentence_to_lead_in(sentence) if sentence.endswith(":") else None
    if lead is None or not lead.strong or lead.exact or lead.doings or _someone_elses_list(view, sentence):
        return None
    return lead, sentence


def _table_items(text: str, table: Table, col: int, who: int | None = None) -> list[tuple[int, int, str, str | None]]:
    """Each item of a table's objectives column as (start, end, words, actor): one per row, a title row joined
    to the row under it. The words are the cells' own (a cell's span may interleave other columns' lines); the
    actor is the words of the row's cell in column ``who``, when there is one."""
    grid = table.grid()
    items: list[tuple[int, int, str, str | None]] = []
    title: TableCell | None = None
    for row in grid[table.header_rows :]:
        cell = row[col]
        if cell is None or cell.char_end <= cell.char_start:
            continue
        if table.n_cols > 1 and cell.col_span == table.n_cols:
            if title is not None:
                items.append((*_table_item(text, [title]), None))
            title = cell
            continue
        named = row[who] if who is not None and who != col else None
        actor = _actor(named.text) if named is not None and named.text.strip() else None
        items.append((*_table_item(text, [title, cell] if title is not None else [cell]), actor))
        title = None
    if title is not None:
        items.append((*_table_item(text, [title]), None))
    return items


def _table_item(text: str, cells: list[TableCell]) -> tuple[int, int, str]:
    """One item from a cell, or from a title cell and the cell under it: its span and words, without the label
    that only numbers it, nor the dot leaders run out to the next column (``AFM revisions ......``)."""
    start, end = trim_span(text, cells[0].char_start, cells[-1].char_end)
    end = start + len(without_leaders(text[start:end]))
    words = without_leaders(" ".join(" ".join(c.text.split()) for c in cells))
    label = labelled_objective().match(words)
    if label is None:
        return start, end, words
    printed = labelled_objective().match(text[start:end])
    return (start + printed.start("body") if printed else start), end, label.group("body")
