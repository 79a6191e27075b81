"""Source quality: garbled blocks quarantined, and structure problems found, as records for ``quality_issues``.

A garbled block stays in the document text (its provenance still points at it)
but is marked: its ``quality`` names the problem, its section's quality says
``garbled``, an issue explains it, and :meth:`Quarantine.allows` refuses any span
that touches it, which every extractor asks before taking a value.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from pipeline.garble import GarbleScore, text_to_garble_score
from pipeline.models import Block, BlockKind, ParsedDocument, SourceIssue

GARBLE_EXTRACTOR = "quality/garble@1"
MIN_BLOCK_CHARS = 12


@dataclass(frozen=True, slots=True)
class Quarantine:
    """Spans of a document's text that no extractor may take values from."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> Quarantine:
        ordered = sorted(spans)
        return cls(tuple(s for s, _ in ordered), tuple(e for _, e in ordered))

    def allows(self, char_start: int, char_end: int) -> bool:
        """True when ``[char_start, char_end)`` overlaps no quarantined span."""
        i = bisect.bisect_left(self.starts, char_end)
        return not any(self.ends[j] > char_start for j in range(i))

    def __len__(self) -> int:
        return len(self.starts)


def block_to_score(doc: ParsedDocument, block: Block) -> GarbleScore | None:
    """The garble score of a block long enough to judge; None for short ones."""
    text = doc.text[block.char_start : block.char_end]
    if len(text.strip()) < MIN_BLOCK_CHARS:
        return None
    judge_words = block.kind is BlockKind.PARAGRAPH
    return text_to_garble_score(text, judge_words=judge_words)


def mark_garbled_blocks(doc: ParsedDocument) -> Quarantine:
    """Score every block; mark garbled ones, their sections, and add one issue per garbled run.

    Returns the quarantine of the garbled blocks' spans.
    """
    garbled: list[tuple[Block, GarbleScore]] = []
    for block in doc.blocks:
        score = block_to_score(doc, block)
        if score is not None and score.garbled:
            block.quality = score.verdict.value
            garbled.append((block, score))
    sections = {s.section_id: s for s in doc.sections}
    for block, _ in garbled:
        if block.section_id in sections:
            sections[block.section_id].quality = "garbled"
    for run in _runs(doc, garbled):
        first, last = run[0][0], run[-1][0]
        worst = max((score for _, score in run), key=lambda s: s.score)
        where = _where(doc, first)
        doc.issues.append(
            SourceIssue(
                kind="garbled_text",
                severity="error",
                detail=(
                    f"{where}: {len(run)} passage(s) of garbled text — {worst.explain()}. The text is kept "
                    "but quarantined: nothing (figures, entities, tables, visions, objectives) is extracted from it."
                ),
                page=first.page,
                char_start=first.char_start,
                char_end=last.char_end,
                extractor=GARBLE_EXTRACTOR,
                confidence=round(max(0.5, worst.score), 3),
            )
        )
    return Quarantine.of([(b.char_start, b.char_end) for b, _ in garbled])


def _runs(doc: ParsedDocument, garbled: list[tuple[Block, GarbleScore]]) -> list[list[tuple[Block, GarbleScore]]]:
    """Consecutive garbled blocks of one section (and page) form one run."""
    index = {id(b): i for i, b in enumerate(doc.blocks)}
    runs: list[list[tuple[Block, GarbleScore]]] = []
    for block, score in garbled:
        prev = runs[-1][-1][0] if runs else None
        if (
            prev is not None
            and index[id(block)] == index[id(prev)] + 1
            and prev.section_id == block.section_id
            and prev.page == block.page
        ):
            runs[-1].append((block, score))
        else:
            runs.append([(block, score)])
    return runs


def _where(doc: ParsedDocument, block: Block) -> str:
    section = next((s for s in doc.sections if s.section_id == block.section_id), None)
    label = "before the first heading"
    if section is not None:
        label = f"section {section.number} {section.title}" if section.number else f"section '{section.title}'"
    return f"{label} (page {block.page})" if block.page else label
