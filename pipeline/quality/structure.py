"""Structure problems: a body that disagrees with its contents page, and sections that stop mid-sentence.

Each check returns :class:`SourceIssue` records whose spans point at the body
heading concerned (or, for a section missing from the body, at its contents
entry), in words an analyst understands.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from pipeline.document import LaidOutDocument
from pipeline.language import patterns
from pipeline.layout.common import normalise_title
from pipeline.models import Block, BlockKind, ContentsEntry, Page, Section, SourceIssue
from pipeline.registry import extractor

STRUCTURE_EXTRACTOR = extractor("quality/structure")
TITLE_MATCH = 0.6
NUMBER_BONUS = 0.3
PAIR_BASE = 0.5  # every pair counts, so the alignment pairs as many as it can
MIN_TRUNCATED_WORDS = 8
_STOPWORDS = frozenset({"and", "the", "of", "for", "in", "to", "a", "an", "on", "with"})
_SENTENCE_END = re.compile(r"""[.!?:;)"'’”\]]\s*$""")
_FULL_STOP = re.compile(r"""[.!?]["'’”)\]]?\s*$""")
_INNER_SENTENCE = re.compile(r"[.!?]\s+[A-Z]")
_LABEL = re.compile(r"^[^\s:]+(?:\s+[^\s:]+){0,3}:\s")


def title_similarity(a: str, b: str) -> float:
    """How alike two headings are: shared words (stopwords aside), or 0.9 when one's words hold the other's.

    >>> title_similarity("Transport Technologies – Aerospace", "Aerospace")
    0.9
    >>> title_similarity("Professional Business Services", "Business and Professional Services")
    1.0
    >>> title_similarity("Conclusion", "Summary")
    0.0
    >>> title_similarity("Growth of exports and international- isation", "Growth of exports and internationalisation")
    1.0
    """
    na, nb = normalise_title(a), normalise_title(b)
    if na.replace(" ", "") == nb.replace(" ", ""):
        return 1.0  # the same letters: a word broken at a line's end ("international- isation")
    wa = {w for w in na.split() if w not in _STOPWORDS}
    wb = {w for w in nb.split() if w not in _STOPWORDS}
    if not wa or not wb:
        return 0.0
    if wa == wb:
        return 1.0
    if wa <= wb or wb <= wa:
        return 0.9
    return len(wa & wb) / len(wa | wb)


@dataclass(slots=True)
class ContentsMatch:
    entry: ContentsEntry
    section: Section | None
    similarity: float


def contents_to_matches(contents: list[ContentsEntry], sections: list[Section]) -> list[ContentsMatch]:
    """Pair contents entries with body sections, both in order, so that the pairs are most alike.

    An alignment (like a diff) rather than a search per entry: a heading that
    matches a later entry loosely ('Summary' in 'Cluster Policy - Executive
    Summary') cannot pull the pairing out of order. A pair needs alike titles,
    or the same number; the same number also adds to a pair's weight.
    """
    n, m = len(contents), len(sections)
    weight = [[_pair_weight(e, s) for s in sections] for e in contents]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            paired = weight[i][j] + best[i + 1][j + 1] if weight[i][j] > 0 else 0.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], paired)
    matches: list[ContentsMatch] = []
    i = j = 0
    while i < n:
        if j < m and weight[i][j] > 0 and best[i][j] == weight[i][j] + best[i + 1][j + 1]:
            matches.append(
                ContentsMatch(contents[i], sections[j], title_similarity(contents[i].title, sections[j].title))
            )
            i, j = i + 1, j + 1
        elif j < m and best[i][j] == best[i][j + 1]:
            j += 1
        else:
            matches.append(ContentsMatch(contents[i], None, 0.0))
            i += 1
    return matches


def _pair_weight(entry: ContentsEntry, section: Section) -> float:
    similarity = title_similarity(entry.title, section.title)
    same_number = entry.number is not None and entry.number == section.number
    if similarity < TITLE_MATCH and not same_number:
        return 0.0
    return similarity + (NUMBER_BONUS if same_number else 0.0) + PAIR_BASE


def contents_issues(doc: LaidOutDocument) -> list[SourceIssue]:
    """Sections missing from the body, renumbered, retitled or numbered twice, against the contents page; the
    entries listed after the file's last page, as one issue (:func:`last_printed_page`)."""
    if not doc.contents:
        return []
    issues: list[SourceIssue] = []
    matches = contents_to_matches(doc.contents, doc.sections)
    body = _body_words(doc)
    last = last_printed_page(doc.pages)
    past_end: list[ContentsEntry] = []
    for i, m in enumerate(matches):
        e = m.entry
        listed = f"{e.number} {e.title}" if e.number else f"'{e.title}'"
        page_ref = f" (page {e.page_ref})" if e.page_ref else ""
        if m.section is None:
            if f" {normalise_title(e.title)} " in body or patterns.contents_heading().fullmatch(e.title.strip()):
                continue  # printed in the body, only not recognised as a heading; or the contents listing itself
            if last is not None and e.page_ref is not None and e.page_ref > last:
                past_end.append(e)  # listed on a page the file does not reach: a part of the document
            else:
                issues.append(_missing(doc, matches, i, listed, page_ref))
            continue
        s = m.section
        printed = f"{s.number} {s.title}" if s.number else f"'{s.title}'"
        if e.number and s.number and e.number != s.number:
            issues.append(
                _at_heading(
                    s,
                    "numbering_mismatch",
                    f"section {printed} is numbered {s.number} in the body but {e.number} in the contents "
                    f"(listed as {listed}{page_ref})",
                )
            )
        elif m.similarity < 0.9:
            number = f"{s.number} " if s.number else ""
            issues.append(
                _at_heading(
                    s,
                    "title_mismatch",
                    f"section {number}is titled '{s.title}' in the body but '{e.title}' in the contents",
                )
            )
    if past_end and last is not None:
        issues.append(_past_end(past_end, last))
    counts = Counter(s.number for s in doc.sections if s.number)
    for number, n in counts.items():
        if n > 1:
            twins = [s for s in doc.sections if s.number == number]
            titles = " and ".join(f"'{s.title}'" for s in twins)
            for s in twins[1:]:
                issues.append(
                    _at_heading(
                        s, "duplicate_number", f"the body numbers {n} sections {number}: {titles}", confidence=1.0
                    )
                )
    return issues


def _body_words(doc: LaidOutDocument) -> str:
    """The body after the contents page as one run of normalised words, to look a title up in.

    A heading wrapped over two lines, or set beside another column, is still found.
    """
    start = max((e.char_end for e in doc.contents), default=0)
    return f" {normalise_title(doc.text[start:])} "


def last_printed_page(pages: list[Page]) -> int | None:
    """The printed number of a document's last page: its highest printed page number, counted on over the pages
    after the one printing it (a last page often prints none; a spread counts two); None when no page prints a
    number.

    >>> page = lambda n, *labels, spread=False: Page(n, 0, 0, 595.0, 842.0, 0, 0, spread=spread, labels=labels)
    >>> last_printed_page([page(1), page(2, "ii"), page(3, "1"), page(4, "2", "3", spread=True), page(5)])
    4
    >>> last_printed_page([page(1, "24", "25", spread=True), page(2, spread=True), page(3, spread=True)])
    29
    """
    printed = [(int(label), p.number) for p in pages for label in p.labels if label.isdecimal() and label.isascii()]
    if not printed:
        return None
    number, at = max(printed)
    return number + sum(2 if p.spread else 1 for p in pages if p.number > at)


def _past_end(entries: list[ContentsEntry], last: int) -> SourceIssue:
    """One issue for the contents entries listed after the file's last page: the file holds part of the document."""
    first, final = entries[0], entries[-1]
    titles = "; ".join(f"'{e.title}'" for e in entries[:3]) + ("; ..." if len(entries) > 3 else "")
    return _issue(
        "sections_past_end",
        f"the contents lists {len(entries)} section{'s' if len(entries) > 1 else ''} on pages {first.page_ref}"
        f"{f'-{final.page_ref}' if final.page_ref != first.page_ref else ''} ({titles}), after this file's last "
        f"page ({last}): the file holds only part of the document",
        (first.page, first.char_start, final.char_end),
        confidence=0.9,
    )


def _missing(doc: LaidOutDocument, matches: list[ContentsMatch], i: int, listed: str, page_ref: str) -> SourceIssue:
    """A contents entry with no body section; swallowed when the body where it belongs is garbled."""
    entry = matches[i].entry
    before = next((m.section for m in reversed(matches[:i]) if m.section is not None), None)
    after = next((m.section for m in matches[i + 1 :] if m.section is not None), None)
    start = before.char_start if before else 0
    end = after.char_start if after else len(doc.text)
    garbled = [b for b in doc.blocks if b.quality != "ok" and start <= b.char_start < end]
    if garbled:
        where = f"section {before.number} {before.title}" if before and before.number else "the text before it"
        return _issue(
            "heading_swallowed",
            f"the contents lists {listed}{page_ref}, but the body has no such heading: the text where it "
            f"should start ({where}) is garbled, so the heading was probably swallowed by the garbled text",
            (garbled[0].page, garbled[0].char_start, garbled[-1].char_end),
            confidence=0.8,
        )
    return _issue(
        "missing_section",
        f"the contents lists {listed}{page_ref}, but the body has no such section",
        (entry.page, entry.char_start, entry.char_end),
    )


def _at_heading(section: Section, kind: str, detail: str, confidence: float = 0.9) -> SourceIssue:
    return _issue(kind, detail, (section.page_start, section.char_start, section.heading_end), confidence)


def _issue(kind: str, detail: str, where: tuple[int | None, int, int], confidence: float = 0.9) -> SourceIssue:
    """A structure warning at ``where`` = (page, char_start, char_end)."""
    page, start, end = where
    return SourceIssue(
        kind, "warning", detail, page=page, char_start=start, char_end=end,
        extractor=STRUCTURE_EXTRACTOR, confidence=confidence,
    )  # fmt: skip


def truncated_sections(doc: LaidOutDocument) -> tuple[list[SourceIssue], list[Section]]:
    """Sections whose last paragraph stops mid-sentence (``…we have the world-``) before the next heading:
    an issue for each, and the sections with those marked ``truncated`` (unless already marked otherwise)."""
    issues: list[SourceIssue] = []
    truncated: set[str] = set()
    last_block: dict[str, Block] = {}
    for b in doc.blocks:
        if b.section_id is not None and b.kind is not BlockKind.HEADING:
            last_block[b.section_id] = b
    for section in doc.sections:
        block = last_block.get(section.section_id)
        if block is None or block.kind is not BlockKind.PARAGRAPH or block.quality != "ok":
            continue
        if block.char_end < section.char_end - 2 and _has_child_after(doc, section, block):
            continue  # subsections follow: the section goes on in them
        text = doc.text[block.char_start : block.char_end]
        if not _stops_mid_sentence(doc, block, text):
            continue
        tail = text[-40:].split(" ", 1)[-1] if len(text) > 40 else text
        label = f"{section.number} {section.title}" if section.number else f"'{section.title}'"
        truncated.add(section.section_id)
        issues.append(
            _issue(
                "truncated_section",
                f"section {label} stops mid-sentence ('…{tail}'): the rest of its text is missing from the source",
                (block.page, block.char_start, block.char_end),
                confidence=0.8 if text.rstrip().endswith(("-", "–")) else 0.6,
            )
        )
    sections = [
        replace(s, quality="truncated") if s.section_id in truncated and s.quality == "ok" else s for s in doc.sections
    ]
    return issues, sections


def _stops_mid_sentence(doc: LaidOutDocument, block: Block, text: str) -> bool:
    """A paragraph of prose that ends in a broken word, or without the full stop its neighbours have.

    Paragraphs that are items of an unbulleted list (their neighbours end without a full
    stop, or with ``;``) and ``Label: value`` lines end without one by design.
    """
    stripped = text.rstrip()
    if stripped.endswith(("-", "–", "—")) and not stripped.endswith((" -", " –", " —")):
        return True  # a word broken at the end: "we have the world-"
    if doc.pages:
        # in PDFs a paragraph also ends where a column, a call-out or a page does: only a broken word counts
        return False
    if len(text.split()) < MIN_TRUNCATED_WORDS or _SENTENCE_END.search(text) or _LABEL.match(text):
        return False
    index = doc.blocks.index(block)
    previous = doc.blocks[index - 1] if index else None
    if previous is not None and previous.section_id == block.section_id and previous.kind is not BlockKind.HEADING:
        return bool(_FULL_STOP.search(doc.text[previous.char_start : previous.char_end]))
    return bool(_INNER_SENTENCE.search(text))


def _has_child_after(doc: LaidOutDocument, section: Section, block: Block) -> bool:
    return any(s.parent_section_id == section.section_id and s.char_start >= block.char_end for s in doc.sections)
