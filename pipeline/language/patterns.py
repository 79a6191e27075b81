"""Named, documented text patterns. Each is tested in ``tests/unit/test_patterns.py``.

Every pattern is built once by a function whose docstring gives what it
matches and what it must not; extractors import the compiled pattern.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.language.scales import SPELLED_SCALE_WORDS

OPENING_QUOTES = ("“", '"', "‘")  # a quotation opens with one of these ...
CLOSING_QUOTES = ("”", '"', "’")  # ... and closes with one of these


@cache
def numbered_heading() -> re.Pattern[str]:
    r"""A printed section number and its title at the start of a line.

    Matches ``1.5 Background: The Regional Economic Strategy``,
    ``2. Cluster Plans – Executive Summary``, ``2.10 Manufacturing``.
    Not ``2005-08 plans`` (no space after the number), ``1)`` items or ``3.5m``.
    Groups: ``number`` (``1.5``; a trailing dot is dropped), ``title``.
    """
    return re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})\.?[ \t]+(?P<title>\S.*?)\s*$")


@cache
def contents_entry() -> re.Pattern[str]:
    r"""A contents line: a title, then a tab, dot leaders or a wide gap, then a page number.

    Matches ``1.1 Introduction\t3`` and ``Design .......... 4``.
    Not ``Revenue\t8.0\t14.5`` (a table row) or ``In 2001 there were 124``.
    Groups: ``title``, ``page``.
    """
    return re.compile(r"^(?P<title>\S.*?\S)(?:\t+|\s*(?:\.\s?){3,}\s*| {2,})(?P<page>\d{1,4})\s*$")


@cache
def contents_entry_loose() -> re.Pattern[str]:
    r"""A contents line whose page number follows a single space, as PDF text gives it.

    Only trusted inside a region that a ``Contents`` heading opens.
    Matches ``1.1 Introduction 3`` and ``Grants 2.0 111`` (a title ending in a number, when it has a word and
    the page number is no year); not ``12 3``, ``1.4 12`` or ``Employment 2019 2020``. Groups: ``title``, ``page``.
    """
    return re.compile(r"^(?P<title>\S.*?[^\s\d.,]|(?=.*?[^\W\d_]).*?\d(?=\s+\d{1,3}\s*$))\s+(?P<page>\d{1,4})\s*$")


@cache
def contents_heading() -> re.Pattern[str]:
    """The heading of a contents page: ``Contents``, ``Table of Contents`` (a page number may follow)."""
    return re.compile(r"^\s*(?:table\s+of\s+)?contents(?:\s+page)?\s*(?:\t+\d{1,4}|\s+\d{1,4})?\s*$", re.I)


@cache
def list_marker() -> re.Pattern[str]:
    r"""The marker that opens a list item.

    Bullets of any font: ``-``, ``–``, ``•``, ``*``, ``‣``, ``◦``, ``▪``, ``■``, ``●``, ``○``, ``➢``, ``►``,
    ``✓``, ``❖`` and the like, ``o`` before a capital (a word processor's second level), the private-use
    characters symbol fonts (Symbol, Wingdings) draw bullets with (U+F0B7, U+F0A7, U+F076, U+F0D8, U+F0FC,
    ...), which may touch the item's first word, and a glyph with no Unicode mapping standing alone before
    the item (pdfminer's ``(cid:131)``); ordinals:
    ``1. ``, ``1) ``, ``(1) ``, ``(iv) ``, ``(a) ``, ``a) ``, ``a. `` (before a capital), ``iv. ``; and ``- 1) ``
    (a bullet carrying an ordinal).
    Not ``-5%``, ``1.5 Background`` (a dotted section number), ``c. 200 firms`` or ``p. 23``.
    Groups: ``marker`` (the whole marker without trailing space), ``ordinal``.
    """
    bullets = "\\-•*‣◦▪▫●○■□◆◇❖➢➤►▸▶✓✔✗✘⁃∙·–»"
    return re.compile(
        rf"^(?P<marker>[{bullets}](?:[ \t]+(?P<inner>\d{{1,2}}[.)]))?"
        r"|o(?=[ \t]+[A-Z‘“'\"])"
        r"|(?:\((?=\d{1,2}\)))?(?P<ordinal>\d{1,2})[.)]"
        r"|(?:\((?=[ivx]{1,4}\)))?(?P<roman>(?:i{1,3}|iv|v|vi{1,3}|ix|x))[.)]"
        r"|\(?(?P<letter>[a-z])(?:\)|\.(?=[ \t]+[A-Z‘“'\"]))"
        r"|\(cid:\d{1,5}\)"
        r"|[\uf000-\uf0ff])(?:[ \t]+|(?<=[\uf000-\uf0ff]))(?=\S)"
    )


@cache
def labelled_item() -> re.Pattern[str]:
    r"""A labelled, numbered item at the start of a line: ``Objective 1: Ensure ...``, ``Goal 2 – ...``,
    ``Priority 3. ...``, ``Theme 4:``. The label is one capitalised word; lists are told from headings
    by the layout (the same label numbered in sequence). Not ``Table 3: Employment`` or ``Figure 2.``
    (captions), nor ``Section 4`` or ``Chapter 2``.
    Groups: ``printed`` (``Objective 1``), ``label``, ``n``.
    """
    return re.compile(
        r"^(?P<printed>(?!(?:Table|Figure|Chart|Box|Map|Section|Chapter|Annex|Appendix|Part|Page|Source|Note)\b)"
        r"(?P<label>[A-Z][a-z]{2,15})\s+(?P<n>\d{1,2}))\s*[:.–—-]\s+\S"
    )


@cache
def aside_title() -> re.Pattern[str]:
    r"""The title that opens a panel set beside the body: ``Case study: ...``, ``CASE STUDIES``, ``Box 1: ...``,
    ``Spotlight on ...``, ``In focus``. Not ``Case law``, ``Boxing``, ``Case studies show that ...``,
    ``Box 3 sets out ...`` or ``In focus groups, ...`` (a sentence, not a title).
    """
    return re.compile(
        r"^(?:case\s+stud(?:y|ies)|box\s+\d{1,2}(?:\.\d{1,2})?|spotlight|in\s+focus)\b"
        r"(?=\s*$|\s*[:.–—-]|\s+(?:on|of)\b|\s+(?-i:[A-Z0-9‘“]))",  # a title goes on with a colon, a name or nothing
        re.IGNORECASE,
    )


@cache
def table_label() -> re.Pattern[str]:
    r"""A table's label alone on its line, over the table: ``TABLE 12``, ``Table A.3``, ``TABLE 13 (Continued)``.

    >>> [bool(table_label().fullmatch(t)) for t in ("TABLE 12", "Table 13 (Continued)", "Table 4 shows the share")]
    [True, True, False]
    """
    return re.compile(r"\s*table\s+(?:[A-Z]\.?)?\d+(?:\.\d+)*\s*(?:\((?:cont(?:inued|['’]?d|\.)?)\))?\s*", re.I)


def figure_caption() -> re.Pattern[str]:
    r"""The caption that names a chart, diagram or map: ``Figure 3 Road transport emissions``,
    ``FIG A.1``, ``Chart 2: ...``, ``Map 1 –``, ``Exhibit 4.2``, ``Figure 3-2:``, ``PICTURE 2.``.
    Not ``Figures show ...`` or ``Figure of speech`` (no number), nor ``Picture 2 presents ...`` (a sentence:
    a word in lower case goes on from the number).

    >>> [bool(figure_caption().match(t)) for t in ("PICTURE 2. Operation matrix", "Picture 2 presents a matrix")]
    [True, False]
    """
    return re.compile(
        r"^(?:fig(?:ure)?|chart|graph|map|exhibit|diagram|infographic|picture)\.?\s*(?:[A-Z]\.?)?\d{1,3}"
        r"(?:[.\-–]\d{1,3})*\b(?!\s+(?-i:[a-z]))",
        re.IGNORECASE,
    )


@cache
def source_note() -> re.Pattern[str]:
    r"""A line that gives a figure's or table's source or a note on it: ``Source: ONS``,
    ``Sources: ...``, ``Note: ...``, ``Notes.``, ``NB:``. Not ``Sources of finance are ...`` (no colon).
    """
    return re.compile(r"^(?:sources?|notes?|nb)\s*[:.]\s*\S", re.IGNORECASE)


@cache
def cluster_label() -> re.Pattern[str]:
    """A ``Cluster: name`` label that opens a cluster's part of a page.

    Matches ``Cluster: Health-tech and med-tech``. Group ``name``.
    """
    return re.compile(r"^\s*Cluster\s*:\s*(?P<name>\S.{0,150}?)\s*$")


@cache
def markdown_heading() -> re.Pattern[str]:
    """An ATX Markdown heading: ``## 1. Introduction``. Groups ``hashes``, ``title``."""
    return re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<title>.*?)[ \t#]*$")


@cache
def markdown_emphasis() -> re.Pattern[str]:
    """Paired ``*``/``**``/``***`` (or underscore) emphasis around text: ``**grow**`` → ``grow``.

    Not a lone ``*`` or a bullet ``* item``. Group ``inner``.
    """
    return re.compile(r"(?P<mark>\*{1,3}|_{2,3})(?=[^\s*])(?P<inner>.+?)(?<=[^\s*])(?P=mark)")


@cache
def dangling_emphasis() -> re.Pattern[str]:
    """Emphasis marks opened on one line and closed on another: ``***Business Clusters``."""
    return re.compile(r"^\*{2,}(?=\S)|(?<=\S)\*{2,}$")


@cache
def inline_html_tag() -> re.Pattern[str]:
    """An inline HTML tag kept out of the text: ``<b>``, ``</i>``, ``<sup>``, ``<br/>``."""
    return re.compile(r"</?(?:b|i|em|strong|u|sup|sub|span|small|br)\b[^>]*>", re.I)


@cache
def markdown_link() -> re.Pattern[str]:
    """A Markdown link or autolink: ``[text](url)`` → ``text``; ``<http://x>`` → ``http://x``."""
    return re.compile(r"\[(?P<text>[^\]]*)\]\([^)]*\)|<(?P<url>(?:https?|mailto):[^>\s]+)>")


@cache
def back_matter_title() -> re.Pattern[str]:
    """Titles that stand at the top level whatever precedes them: references, appendices, abstract."""
    return re.compile(
        r"^(?:abstract|summary|executive summary|references?|bibliography|appendix|appendices|annex"
        r"|acknowledge?ments?|glossary|notes|endnotes|foreword|preface)\b",
        re.I,
    )


@cache
def benign_bracket_suffix() -> re.Pattern[str]:
    """A short bracketed suffix that clean text glues to words: ``organisation(s)``, ``2021-22(£m)``.

    Not ``0.5(b)n`` (letters follow it) or ``(2005)`` (digits inside).
    """
    return re.compile(r"\([^()\s\d]{1,4}\)(?!\w)")


@cache
def address_like() -> re.Pattern[str]:
    """URLs, e-mail addresses and paths: ``https://…``, ``www.gov.uk``, ``a@b.org``, ``docs/file.pdf``, ``%20``."""
    return re.compile(r"://|^www\.|\w@\w|\w/\w|%[0-9A-Fa-f]{2}|\.(?:pdf|html?|aspx?|php|docx?|xlsx?)\b|[?&]\w+=", re.I)


@cache
def vision_statement() -> re.Pattern[str]:
    """A sentence that frames itself as the vision, ambition or mission, then states it.

    Matches ``The vision for this cluster is for the Region to be …``,
    ``The vision is to support …``, ``Our ambition is that …``,
    ``The ICT cluster's vision is to …``, ``Our mission: to …``, ``A key ambition of the industrial strategy is
    for the UK to be …``.
    Not ``The development of an overall vision … will require``, ``the current
    vision for AWM intervention … is provisional`` (no statement follows ``is``),
    ``This vision will be delivered through …`` or ``develop a vision for …``.
    Groups: ``frame`` (vision/ambition/mission), ``subject`` (what ``for``/``of``
    names, if anything), ``statement`` (from ``to``/``for``/``that``… onwards).
    """
    return re.compile(
        r"^(?:(?:in\s+short|overall|ultimately|simply\s+put),\s+)?"
        r"(?:(?:the|our|its|their|this|an?|one\s+of\s+(?:the|our|its)|[A-Z][\w&’'.\- ]{0,60}?(?:'s|’s))\s+)?"
        r"(?:(?:overall|long[- ]term|shared|strategic|central|overarching|key|main|\d+[- ]year)\s+)*"
        r"(?P<frame>vision|ambition|mission)s?(?:\s+statement)?"
        r"(?:\s+(?:for|of)\s+(?P<subject>[^,.;:]{1,90}?))?"
        r"(?:\s+(?:is|remains|will\s+be)\s*(?::\s*|(?=(?:to|for|that|of|a|an|the|where|one)\b|[\"'‘“]))|\s*:\s*)"
        r"(?P<statement>.+)$",
        re.I | re.S,
    )


@cache
def vision_frame() -> re.Pattern[str]:
    """A phrase inside a sentence that frames what follows as the future someone wants, and whose it is.

    Nouns: ``our ambition is for AI to be adopted``, ``the government’s vision to be a leader``, ``an ambition
    to be a top three global innovation ecosystem``, ``the goal of helping communities prosper``, ``our
    aspiration that 33% ...``, ``the Government’s aim is to``, ``the Prime Minister’s ambition for the UK to
    secure``, ``a five-year vision for boosting resilience``, ``The strategic desired state of the province is
    that``. Verbs: ``We want every person ... to``, ``Government wants to``, ``Industry aspires to``, ``we are
    determined that``, ``The Industrial Strategy aims to``, ``Ofcom has set the goal of``, ``Techlab has the
    goal of strengthening``. Not ``develop a vision``, ``the vision will be delivered``, ``The Vision is supported
    by``, ``the ambitions of the Local Transport Plan`` or ``an overall Ambition for the economy`` (nothing stated), nor
    ``the aim of this report`` (a document's purpose), nor ``we wanted to ...`` (a wish in the past), nor ``the
    ambitions that would be let slip`` (a relative clause), nor ``the national ambition for space, providing
    direction to the sector`` (its "to" opens no infinitive), nor ``I want to choose ...`` (a person quoted, in the
    first person singular: never the plan's voice). Groups:
    ``owner`` (the possessor or subject, when written), ``frame`` (the noun or verb), ``rest``.
    """
    owner = (
        r"(?P<owner>(?:[Oo]ur|[Ii]ts|[Tt]heir|[Tt]he\s+(?:UK\s+)?[Gg]overnment|(?:UK\s+|HM\s+)?[Gg]overnment"
        r"|(?:the\s+)?(?!(?:A|An|The|This|That|These|Those|It|In|By|As|For|With|To|And|But|So)\b)"
        r"[A-Z][\w&.\-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z0-9][\w&.\-]*){0,6}"
        r"|[Tt]he\s+[a-z]+(?:\s+[a-z]+)?)(?:['’]s?)?)\s+"
    )
    qualifiers = (
        r"(?i:(?:key|main|overall|long[- ]term|shared|strategic|central|overarching|ultimate|stated|clear|core"
        r"|collective|common|grand)\s+)*"
    )
    noun = (
        r"(?P<frame>(?i:vision|ambitions?|mission|aspirations?|aim|goal|intention|desired\s+(?:future\s+)?state))"
        r"(?:\s+(?:is|are|was|remains|will\s+be)\s*(?:to|for|that|:)|\s+to\s+(?!(?:the|a|an|this|that|date)\b|\d)"
        r"|\s+of\s+(?P<of>(?:the\s+|this\s+|our\s+|its\s+)?[\w&’' -]{2,50}?)\s+(?:is|are|remains)\s+(?:to|for|that)\b"
        r"|\s+of\s+(?=\w+ing\b|an?\b|[£€$]?\d)|\s+for\s+(?=\w+ing\b|[^.;:]{1,80}?\bto\s+(?!(?:the|a|an|this|these|their|its|our)\b)[a-z])"
        r"|\s+that\b(?!\s+(?:would|will|could|should|can|may|might|is|are|was|were|has|have|had)\b)|\s*:)"
    )
    verb = (
        r"(?P<verb>(?:wants?\b|aspires?\s+to|is\s+aspiring\s+to|aspiring\s+to|(?:are|is)\s+determined\s+(?:that|to)"
        r"|aims?\s+to|(?:is|are)\s+(?:also\s+)?striving\s+to"
        r"|ha(?:s|ve)\s+(?:also\s+)?(?:set\s+(?:(?:itself|themselves)\s+)?)?(?:the|a)\s+(?:(?:common|shared|overall|main"
        r"|clear|strategic)\s+)?goal\s+(?:of|to)\b))"
    )
    return re.compile(
        rf"(?:{owner}|\b(?:[Aa]n?|[Tt]he|[Oo]ne\s+of\s+the)\s+)?{qualifiers}\b{noun}(?P<rest>\s*\S.*)"
        rf"|\b(?P<subject>[Ww]e|(?:[Tt]he\s+)?(?:UK\s+)?[Gg]overnment|[Ii]ndustry"
        rf"|[Tt]he\s+(?:region|province|county|city|country|nation|sector|industry|partnership)|(?:[Tt]he\s+)?"
        rf"(?!(?:A|An|The|This|That|These|Those|It|In|By|As|For|With|To|And|But|So|We|I"
        rf"|Section|Chapter|Table|Figure|Annex|Appendix|Box|Part|Paragraph)\b)[A-Z][\w&.\-]*"
        rf"(?:\s+[A-Z0-9][\w&.\-]*){{0,6}})\s+(?:also\s+|now\s+|still\s+)?{verb}(?P<vrest>\s*\S.*)",
        re.S,
    )


@cache
def vision_heading() -> re.Pattern[str]:
    """A heading or lead-in that announces the vision in the next block.

    Matches ``Vision``, ``Our Vision``, ``The UK vision``, ``Vision statement``, ``The vision for
    the cluster``, ``… realises the following Ambition:``. Not ``Delivering the Strategic Vision``
    or ``Visitor Economy Vision and Destination Management Plan`` (titles about a vision).
    """
    return re.compile(
        r"(?:^(?:(?:our|the|a|shared)\s+)?(?:(?:uk|national|overall|strategic|long-term|shared|\w+[’']s)\s+){0,2}"
        r"(?:vision|ambition|mission)"
        r"(?:\s+statement)?(?:\s+for\s+[^:]{1,60})?\s*:?\s*$"
        r"|\b(?:following|this|our)\s+(?:\w+\s+)?(?:vision|ambition|mission)(?:\s+statement)?\s*:\s*$)",
        re.I,
    )


@cache
def title_description() -> re.Pattern[str]:
    """A "Title – description" paragraph, as plans list themes and objectives.

    Matches ``Holistic design – promoting design as a key business driver …`` and
    ``Business Growth – recognising and exploiting strengths …``. The title is one
    to eight words. Not ``2005-08 plans`` or ``The move to factory-made solution …``.
    Groups: ``title``, ``description``.
    """
    return re.compile(r"^(?P<title>[^\s–—\-:][^–—:.;]{0,70}?)\s+[–—-]{1,2}\s+(?P<description>\S.*)$", re.S)


@cache
def objective_nouns() -> re.Pattern[str]:
    """Nouns under which plans list what they aim at.

    ``objectives``, ``aims`` (not the verb ``aim to``, but ``the Government’s aims to:``), ``goals``, ``themes``,
    ``priorities``, ``strategic directions``, ``pillars``, ``missions``, ``focus``/``areas``, and what a plan
    commits to do: ``commitments``, ``key actions``, ``areas for action``, ``action areas``, ``recommendations``,
    ``policy orientations`` (the recommendations of OECD's papers), ``targets`` (not any ``action``: ``areas of
    opportunity and future action`` frames findings).
    """
    return re.compile(
        r"\b(?:objectives?|(?<!will\s)aims?(?!\s+to\b)|(?:(?<=['’]s\s)|(?<=our\s)|(?<=its\s)|(?<=key\s))aims|goals?|themes?|priorit(?:y|ies)|(?:strategic\s+)?directions"
        r"|pillars?|missions|ambitions|strands?|outcomes|areas?\s+for\s+action|action\s+areas?|key\s+actions"
        r"|commitments?|recommendations|(?:policy\s+)?orientations|targets|focus(?:\s+areas?)?|areas\s+of\s+focus)\b",
        re.I,
    )


@cache
def non_objective_nouns() -> re.Pattern[str]:
    """Nouns under which plans list things that are not objectives: projects, activities, examples, parts.

    ``projects``, ``activities``, ``interventions``, ``prerequisites``,
    ``examples``, ``sections``, ``partners``, ``members``, ``case studies``, ``steps``, ``factors``,
    ``considerations``, ``resources``, ``tools``.
    """
    return re.compile(
        r"\b(?:projects?|activit(?:y|ies)|interventions?|prerequisites?|examples?|sections?|chapters?"
        r"|partners?|members?|bodies|case\s+stud(?:y|ies)|steps?|initiatives?|programmes?"
        r"|mechanisms?|measures?|milestones?|questions?|principles?|references?|sources?|factors|considerations"
        r"|resources|tools)\b",
        re.I,
    )


@cache
def counted_noun() -> re.Pattern[str]:
    """A count and the noun it counts: ``the following five themes``, ``5 principal objectives``,
    ``four strategic directions``, ``three areas``. Not the ``33`` of a paragraph number ``7.33 Priority for
    2019``. Groups ``count``, ``noun``."""
    return re.compile(
        r"\b(?P<count>following(?:\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?"
        r"|(?<![\d.])\d{1,2}(?![.\d])|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
        r"\s+(?:(?:key|main|principal|strategic|core|broad|cross-cutting|delivery|new|specific|major|\w+ly)\s+)*"
        r"(?P<noun>[a-z][\w-]+(?:\s+(?:areas?|directions?))?)",
        re.I,
    )


@cache
def aim_verb_lead_in() -> re.Pattern[str]:
    """A lead-in whose verb announces aims, ending in a colon: ``Specifically the plan seeks to:``,
    ``The Plan seeks to … by including:``, ``the aim is to:``, ``… will focus on … will include:``."""
    return re.compile(
        r"\b(?:seeks?\s+to|aims?\s+to|aim\s+is\s+to|intends?\s+to|will\s+focus|wish\s+to\s+focus|focus(?:es)?\s+on"
        r"|is\s+to|sets?\s+out\s+to|objectives?\s+(?:is|are)\s+to)\b[^:]*:\s*-?\s*$",
        re.I,
    )


def names_in_text(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``names`` as whole words, longest first, ``&`` and ``and`` interchangeable, any spacing.

    Built per catalogue (the names are data, the shape is this function):
    ``names_in_text(("Food and Drink",))`` matches ``Food & Drink`` and ``food and  drink``.
    Group ``name``.
    """
    parts = []
    for name in sorted(set(names), key=len, reverse=True):
        words = re.split(r"\s+", name.strip())
        escaped = [r"(?:and|&)" if w.lower() in {"and", "&"} else re.escape(w) for w in words]
        parts.append(r"\s+".join(escaped))
    return re.compile(r"(?<![\w&])(?P<name>" + "|".join(parts) + r")(?![\w&])", re.I)


@cache
def cluster_word_after() -> re.Pattern[str]:
    """What follows a name that makes it a cluster's name in prose: ``… Cluster``, ``… cluster plan``,
    ``… sector``, ``… COG``. Matched at the end of a name. Group ``word``."""
    return re.compile(r"^\s+(?P<word>clusters?|sectors?|COG|sub-clusters?)\b", re.I)


@cache
def sector_deal_title() -> re.Pattern[str]:
    """A document title that names the sector it is about: ``Aerospace Sector Deal``,
    ``The Tourism Recovery Plan``, ``National Space Strategy``, ``ICT Cluster Plan``, ``5G Strategy Update``.
    Not ``Strategic Economic Plan`` (no sector named; the catalogue decides). Group ``name``."""
    return re.compile(
        r"^\s*(?:the\s+)?(?:national\s+|uk\s+)?(?P<name>[A-Z][\w&,' -]{1,60}?)\s+"
        r"(?:sector\s+deal|cluster\s+plan|(?:sector\s+|industrial\s+|recovery\s+|action\s+)?(?:strategy|plan))"
        r"(?:\s+(?:update|refresh|progress\s+report|review))?\s*$",
        re.I,
    )


@cache
def labelled_objective() -> re.Pattern[str]:
    """An item that labels itself as a numbered objective: ``Objective 1: A swift recovery …``,
    ``Goal 3 – Lead pioneering …``, ``Priority 2. …``, ``Recommendation 4: …``, ``Action 2 (2021): free trade
    agreements``. Groups ``noun``, ``number``, ``body``."""
    return re.compile(
        r"^\s*(?P<noun>objective|aim|goal|priority|theme|pillar|mission|recommendation|commitment|action"
        r"|(?:indicator\s*/\s*)?target)"
        r"\s+(?P<number>\d{1,2})(?:\s*\([^()]{1,20}\))?\s*[:.–—-]\s*(?P<body>\S.*)$",
        re.I | re.S,
    )


@cache
def objective_label() -> re.Pattern[str]:
    """A line that is only a numbered objective's label, its text in the block after it: ``Action 1 (2021)``,
    ``Recommendation 3``, ``Objective 2:``. Groups ``noun``, ``number``."""
    return re.compile(
        r"^\s*(?P<noun>objective|aim|goal|priority|theme|pillar|mission|recommendation|commitment|action|target)"
        r"\s+(?P<number>\d{1,2})(?:\s*\([^()]{1,20}\))?\s*[:.–—-]?\s*$",
        re.I,
    )


@cache
def commitment_actor() -> re.Pattern[str]:
    """Who a heading or lead-in says commits to the list after it: ``Government action to support AI``,
    ``Industry commitments``, ``Sector action to support ...``, ``What government will do``, ``The government
    will:``, ``To do this the government is:``, ``UKRI will:``, ``The County Council will:``. Not ``Key
    commitments`` or ``We will:`` (the plan's own authors: no actor named). Group ``actor``."""
    return re.compile(
        r"\b(?P<actor>(?:UK\s+|HM\s+)?[Gg]overnment|[Ii]ndustry|[Bb]usinesses|[Ee]mployers|(?<![\w-]\s)[Ss]ector(?=\s+action)"
        r"|[A-Z][\w&-]*[A-Z][\w&-]*"
        r"|(?:[A-Z][a-z]+\s+){0,3}(?:Council|Partnership|Board|Authority|Agency|Catapult|Institute|Commission))"
        r"\s+(?:will\b|is(?=[^:]{0,30}:\s*$)|commits?\b|(?:is|are)\s+committed\b|actions?\b|commitments?\b)"
    )


@cache
def quantity() -> re.Pattern[str]:
    r"""One printed quantity: an optional ``c``/currency, a number, an optional scale, an optional percent.

    Matches ``£850m``, ``£ 13 M``, ``£1.4bn``, ``£4.8 billion``, ``EUR 24.1``, ``US$3 billion``, ``₹5 crore``,
    ``Rs. 250 crore``, ``11,200``,
    ``34 163`` (thousands set apart by a space: one group, or more of zeros, as in ``1 000 000``; ``26 134 134``
    and ``242 100 %`` are cells of a table row, not one number), ``124 million``, ``5%``, ``14 per cent``,
    ``4 percentage points``, ``c40%``, the ``£250,000`` of ``£10,000-£250,000``, the ``50%`` of ``20-50%`` and the
    ``£350m`` of ``£350m³`` (a note mark after it).
    Not the ``4`` of ``NVQ4``, the ``5`` of ``5th`` or ``5m`` without a currency (metres?). Groups ``circa``,
    ``cur``, ``num``, ``scale``, ``pct``.
    """
    return re.compile(
        r"(?:(?<![\w.,£$€₹/-])|(?<=\d[-–])(?=[£$€₹]|\d+(?:\.\d+)?\s?%))"
        r"(?:(?P<circa>c\.?|circa)\s?)?(?:(?P<cur>US\$|[£$€₹]|(?:Rs\.?|EUR|USD|GBP|INR)(?=\s?\d))\s?)?"
        r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+(?![\d,])(?:\.\d+)?"
        r"|(?<!\d\ )\d{1,3}\ \d{3}(?:\ 000)*(?![\d,]|\ ?[\d%])(?:\.\d+)?|\d+(?:\.\d+)?)"
        rf"(?:\s?(?P<scale>(?i:{SPELLED_SCALE_WORDS})|(?<=\d)(?i:bn|mn|tn)|(?<=\d)m|(?<=\d)k|\sM(?=\s)|M)(?![A-Za-z]))?"
        r"(?:\s?(?P<pct>%|(?i:per\s?cent(?:age\s+points?)?|percent(?:age\s+points?)?)))?"
        r"(?![\w%](?<![⁰¹²³⁴-⁹]))",  # a note mark may touch it: "£350m³" (repair writes marks as superscripts)
    )


@cache
def fiscal_period() -> re.Pattern[str]:
    """A fiscal year or span of years: ``2005-06``, ``2005/06``, ``2005-08``, ``2023-26``, ``2020-2050``."""
    return re.compile(r"(?<![\d£$€])(?:19|20)\d{2}\s?[-–/]\s?(?:(?:19|20)\d{2}|\d{2})(?![\d%])")


@cache
def period_phrase() -> re.Pattern[str]:
    """What period a figure refers to: ``per annum``, ``each year``, ``by 2030``, ``by the end of 2023``,
    ``in 2001``, ``to 2010``, ``in 2005-08``, ``as at September 2017``, ``in Q3 2012``, ``in early 2019``, a span
    of years in words (:func:`years_in_words`). Group ``period``."""
    return re.compile(
        r"\b(?P<period>per\s+annum|per\s+year|a\s+year|each\s+year|every\s+year|annually"
        rf"|{YEARS_IN_WORDS}"
        r"|(?:by|to|until|in|during|from|since|as\s+at|as\s+of|at\s+the\s+end\s+of)\s+(?:the\s+end\s+of\s+)?"
        r"(?:(?:Q[1-4]|(?:the\s+)?(?:first|second|third|fourth)\s+quarter\s+of|January|February|March|April|May"
        r"|June|July|August|September|October|November|December)\s+|(?:early|mid|late)(?:\s+|-))?"
        r"(?:19|20)\d{2}(?:\s?[-–/]\s?(?:(?:19|20)\d{2}|\d{2}))?)\b",
        re.I,
    )


# a span of years in words: "from 2013 to 2020", "in the 2019 to 2020 academic year"
YEARS_IN_WORDS = (
    r"(?:from|in|during|for|over)\s+(?:the\s+)?(?:19|20)\d{2}\s+to\s+(?:19|20)\d{2}"
    r"(?:\s+(?:academic|financial|fiscal|tax|school)\s+year)?"
)


@cache
def years_in_words() -> re.Pattern[str]:
    """A span of years in words, whole: ``from 2013 to 2020``, ``in the 2019 to 2020 academic year``."""
    return re.compile(YEARS_IN_WORDS, re.I)


@cache
def range_joint() -> re.Pattern[str]:
    """What joins the two ends of a range: ``–``, ``-``, ``to``, ``and`` (after ``between``). Whole-string match."""
    return re.compile(r"\s*(?:[-–—]|to|and)\s*", re.I)


@cache
def figure_qualifier() -> re.Pattern[str]:
    """Words before a number that qualify it: ``approximately``, ``some``, ``over``, ``more than``,
    ``up to``, ``at least``, ``around``, ``a further``, ``estimated at``, ``well over``. Matched at the end
    of the text before the number. Group ``q``."""
    return re.compile(
        r"\b(?P<q>approximately|approx\.?|around|about|some|well\s+over|over|more\s+than|up\s+to|at\s+least|almost"
        r"|nearly|circa|estimated\s+at|an\s+estimated|a\s+further|further|under|less\s+than|fewer\s+than|below"
        r"|above|in\s+excess\s+of|roughly)\s+(?:of\s+)?(?:the\s+)?$",
        re.I,
    )
