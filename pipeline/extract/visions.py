"""Visions: the statements a document frames as the vision, ambition or mission.

Two framings count, and only these (a sentence that merely uses the word
"vision" does not):

``sentence``  one sentence frames and states it: ``The vision for this cluster is
              for the Region to be …`` (:func:`patterns.vision_statement`);
``heading``   a heading or lead-in announces it (``Our Vision``, ``… realises the
              following Ambition:``) and the next block states it.

The vision belongs to the cluster its sentence names (``the vision for the ICT
cluster``), else to the cluster whose section it sits in, else to the cluster
the whole document is about, else to no cluster (a plan-wide vision).
"""

from __future__ import annotations

import re

from pipeline.extract.context import DocumentView
from pipeline.language.patterns import cluster_word_after, vision_heading, vision_statement
from pipeline.models import Block, BlockKind, Vision

MAX_STATEMENT_WORDS = 80
MIN_STATEMENT_WORDS = 4
ORGANISATION_POSSESSIVE = re.compile(r"(?:[Tt]he\s+)?(?!Our\b|Its\b|This\b)[A-Z][\w&.’' -]{0,60}?['’]s\s")
GENERIC_SUBJECTS = ("this cluster", "the cluster", "the sector", "this sector", "cluster growth")


def document_to_visions(view: DocumentView) -> list[Vision]:
    """Every framed vision statement of the document, in text order, one per span."""
    found = sentences_to_visions(view) + headings_to_visions(view)
    found.sort(key=lambda v: (v.char_start, -v.confidence))
    kept: list[Vision] = []
    for v in found:
        if not any(v.char_start < k.char_end and k.char_start < v.char_end for k in kept):
            kept.append(v)
    return kept


def sentences_to_visions(view: DocumentView) -> list[Vision]:
    text = view.doc.text
    candidates = [b for _, b in view.body_blocks() if _mentions_frame(view.text(b))]
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


def headings_to_visions(view: DocumentView) -> list[Vision]:
    """A heading (or a lead-in ending in a colon) that announces the vision; the next block states it."""
    blocks = view.doc.blocks
    out: list[Vision] = []
    for i, block in enumerate(blocks[:-1]):
        if block.kind not in (BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or not view.clean(block):
            continue
        framing = vision_heading().search(view.text(block).strip())
        if framing is None:
            continue
        statement = blocks[i + 1]
        if statement.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or not view.clean(statement):
            continue
        s, e = _statement_span(view, statement)
        if e - s == 0 or len(view.doc.text[s:e].split()) < MIN_STATEMENT_WORDS:
            continue
        cluster_id, attribution = _attribute(view, statement, None)
        frame = next(w for w in ("vision", "ambition", "mission") if w in framing.group(0).lower())
        out.append(Vision(cluster_id, view.doc.text[s:e], s, e, frame, "heading", attribution, 0.75))
    return out


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
