"""Source quality: garbled blocks quarantined, and structure problems found, as records for ``quality_issues``.

A garbled block stays in the document text (its provenance still points at it)
but is marked: its ``quality`` names the problem, its section's quality says
``garbled``, an issue explains it, and :meth:`Quarantine.allows` refuses any span
that touches it, which every extractor asks before taking a value.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pipeline.language.garble import GarbleScore, text_to_garble_score
from pipeline.models import Block, BlockKind, Section, SourceIssue
from pipeline.registry import extractor
from pipeline.spans import Quarantine

GARBLE_EXTRACTOR = extractor("quality/garble")
MIN_BLOCK_CHARS = 12


@dataclass(frozen=True, slots=True)
class Assessed:
    """Blocks and sections with the garbled ones marked, an issue per garbled run, and the quarantine."""

    blocks: list[Block]
    sections: list[Section]
    issues: list[SourceIssue]
    quarantine: Quarantine


def block_to_score(text: str, block: Block) -> GarbleScore | None:
    """The garble score of a block of ``text`` long enough to judge; None for short ones."""
    text = text[block.char_start : block.char_end]
    if len(text.strip()) < MIN_BLOCK_CHARS:
        return None
    judge_words = block.kind is BlockKind.PARAGRAPH
    return text_to_garble_score(text, judge_words=judge_words)


def mark_garbled_blocks(text: str, blocks: list[Block], sections: list[Section]) -> Assessed:
    """Score every block; mark garbled ones and their sections, and explain each garbled run in one issue."""
    scores = [block_to_score(text, block) for block in blocks]
    garbled_at = {i: score for i, score in enumerate(scores) if score is not None and score.garbled}
    marked = [replace(b, quality=garbled_at[i].verdict.value) if i in garbled_at else b for i, b in enumerate(blocks)]
    garbled = [(i, marked[i], score) for i, score in garbled_at.items()]
    garbled_sections = {b.section_id for _, b, _ in garbled}
    sections = [replace(s, quality="garbled") if s.section_id in garbled_sections else s for s in sections]
    issues: list[SourceIssue] = []
    for run in _runs(garbled):
        first, last = run[0][1], run[-1][1]
        worst = max((score for _, _, score in run), key=lambda s: s.score)
        where = _where(sections, first)
        issues.append(
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
    quarantine = Quarantine.of([(b.char_start, b.char_end) for _, b, _ in garbled])
    return Assessed(marked, sections, issues, quarantine)


def _runs(garbled: list[tuple[int, Block, GarbleScore]]) -> list[list[tuple[int, Block, GarbleScore]]]:
    """Consecutive garbled blocks of one section (and page) form one run."""
    runs: list[list[tuple[int, Block, GarbleScore]]] = []
    for i, block, score in garbled:
        prev = runs[-1][-1] if runs else None
        if (
            prev is not None
            and i == prev[0] + 1
            and prev[1].section_id == block.section_id
            and prev[1].page == block.page
        ):
            runs[-1].append((i, block, score))
        else:
            runs.append([(i, block, score)])
    return runs


def _where(sections: list[Section], block: Block) -> str:
    section = next((s for s in sections if s.section_id == block.section_id), None)
    label = "before the first heading"
    if section is not None:
        label = f"section {section.number} {section.title}" if section.number else f"section '{section.title}'"
    return f"{label} (page {block.page})" if block.page else label
