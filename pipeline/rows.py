"""A parsed document → plain rows per warehouse table, with provenance filled in.

Pure functions: the rows are dicts of column → value; ``warehouse.load``
writes them. Every span-bearing row gets the contract's provenance columns,
and :func:`provenance_row` refuses a span that is not inside its section or
its page, so an untrue provenance never reaches the warehouse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline import PIPELINE_VERSION, registry
from pipeline.document import ParsedDocument
from pipeline.entities import names
from pipeline.ids import stable_id
from pipeline.models import Provenance, Section, SourceIssue, SourceSpec
from pipeline.registry import extractor
from pipeline.tables.build import evidence, period_columns
from pipeline.tables.funding import FUNDING_CONFIDENCE, table_kind

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class DocumentRows:
    """A parsed document as the warehouse takes it: every row of it, and what the run reports of it.

    Built where the document was parsed (the sandboxed child process), so the cost of
    provenance lies inside the document's time and memory limits.
    """

    source: SourceSpec
    rows: dict[str, list[Row]]
    page_count: int | None  # pages of a PDF; None for text sources
    pages_read: int
    parse_seconds: float
    images: dict[str, bytes] = field(default_factory=dict)  # the page images' PNGs by the sha256 their rows name

    @property
    def document_id(self) -> str:
        return self.source.document_id

    @classmethod
    def of(cls, doc: ParsedDocument, run_id: str) -> DocumentRows:
        rows = document_to_rows(doc, run_id)  # its page_images rows follow doc.page_images, each named by its hash
        images = {row["sha256"]: i.png for row, i in zip(rows["page_images"], doc.page_images, strict=True)}
        return cls(doc.source, rows, doc.page_count, len(doc.pages), doc.parse_seconds, images)


LAYOUT_EXTRACTOR = extractor("layout/blocks")
OBJECTIVES = extractor("objectives/lists")
FIGURES = {source: extractor(f"figures/{source}") for source in ("text", "table")}
FUNDING = extractor("funding/table")
CONTENTS_EXTRACTOR = extractor("layout/contents")
READER_EXTRACTOR = extractor("reader")
PAGE_IMAGES = extractor("pages/image")  # page_images rows (pipeline.readers.pdf.page_image): 96 dpi, 16 greys
TABLE_EXTRACTORS = {source: extractor(f"tables/{source}") for source in ("text", "pdf-lines", "pdf-text")}
# how far a table's structure is trusted: ruling lines and tabs state it; gutters are inferred
TABLE_CONFIDENCE = {"text": 0.9, "pdf-lines": 0.9, "pdf-text": 0.8}
ENTITY_EXTRACTORS = {
    "ruler": extractor("entities/ruler"),
    "gazetteer": extractor("entities/ruler"),
    "acronym": extractor("entities/acronym"),
    names.SOURCE: extractor("entities/names"),
    "model": extractor("entities/model"),
}
PER_DOCUMENT_TABLES = (
    "documents", "document_text", "pages", "page_images", "page_layers", "sections", "blocks", "contents_entries",
    "cluster_mentions", "visions", "objectives", "figures", "tables", "table_cells",
    "funding", "entities", "quality_issues",
)  # fmt: skip


def provenance_row(doc: ParsedDocument, prov: Provenance, run_id: str, sections: dict[str, Section]) -> Row:
    """The contract's provenance columns for one span of ``doc``."""
    if prov.char_end > len(doc.text):
        raise ValueError(f"span {prov.char_start}..{prov.char_end} runs past the text of {doc.document_id}")
    if prov.section_id is not None:
        s = sections[prov.section_id]
        if not (s.char_start <= prov.char_start and prov.char_end <= s.char_end):
            raise ValueError(f"span {prov.char_start}..{prov.char_end} lies outside section {s.section_id}")
    if prov.page is not None and doc.pages:
        page = doc.pages[prov.page - 1]
        if not (page.char_start <= prov.char_start and prov.char_end <= page.char_end):
            raise ValueError(f"span {prov.char_start}..{prov.char_end} is not on page {prov.page}")
    box = prov.bbox
    return {
        "document_id": doc.document_id,
        "page": prov.page,
        "char_start": prov.char_start,
        "char_end": prov.char_end,
        "source_text": doc.text[prov.char_start : prov.char_end],
        "bbox_x0": box.x0 if box else None,
        "bbox_top": box.top if box else None,
        "bbox_x1": box.x1 if box else None,
        "bbox_bottom": box.bottom if box else None,
        "section_id": prov.section_id,
        "extractor": prov.extractor,
        "confidence": prov.confidence,
        "run_id": run_id,
    }


# issues that mean part of a document could not be read: the document is then `partial`
PARTIAL_KINDS = frozenset(("page_unreadable", "no_text", "garbled_page", "ocr_failed"))


def document_status(doc: ParsedDocument | None) -> str:
    if doc is None:
        return "failed"
    return "partial" if any(i.kind in PARTIAL_KINDS for i in doc.issues) else "ok"


def _partial_reason(doc: ParsedDocument | None) -> str | None:
    reasons = [i.detail for i in doc.issues if i.kind in PARTIAL_KINDS] if doc else []
    if len(reasons) > 3:
        reasons = [*reasons[:3], f"and {len(reasons) - 3} more (see quality_issues)"]
    return "; ".join(reasons) or None


def document_row(spec: SourceSpec, run_id: str, doc: ParsedDocument | None, error: str | None) -> Row:
    return {
        "document_id": spec.document_id,
        "title": (doc.title if doc else None) or spec.title,
        "source_path": spec.path,
        "media_type": str(spec.media_type),
        "sha256": spec.sha256,
        "page_count": doc.page_count if doc else None,
        "status": document_status(doc),
        "error": error or _partial_reason(doc),
        "run_id": run_id,
        "publisher": spec.publisher,
        "published_date": spec.date,
        "origin": spec.origin,
        "in_manifest": spec.in_manifest,
        "size_bytes": spec.size_bytes,
        "n_chars": len(doc.text) if doc else None,
        "warnings": "; ".join(i.detail for i in doc.issues) if doc and doc.issues else None,
        "pipeline_version": PIPELINE_VERSION,
        "parse_seconds": round(doc.parse_seconds, 4) if doc else None,
    }


def failure_to_rows(spec: SourceSpec, run_id: str, error: str, kind: str = "unreadable_source") -> dict[str, list[Row]]:
    """The rows that record a document that could not be read: its status, and its issues (``kind`` first)."""
    issues = [SourceIssue(kind, "error", error), *spec.warnings]
    return {
        "documents": [document_row(spec, run_id, None, error)],
        "quality_issues": [bare_issue_row(spec.document_id, i, run_id) for i in issues],
    }


def bare_issue_row(document_id: str, issue: SourceIssue, run_id: str) -> Row:
    """A quality issue with no span: about a document as a whole (its text was not read) or a whole page."""
    return {
        "kind": issue.kind,
        "severity": issue.severity,
        "detail": issue.detail,
        "document_id": document_id,
        "page": issue.page, "char_start": None, "char_end": None, "source_text": None,
        "bbox_x0": None, "bbox_top": None, "bbox_x1": None, "bbox_bottom": None,
        "section_id": None,
        "extractor": issue.extractor,
        "confidence": issue.confidence,
        "run_id": run_id,
    }  # fmt: skip


def document_to_rows(doc: ParsedDocument, run_id: str) -> dict[str, list[Row]]:
    """Every row the warehouse holds for one parsed document."""
    sections = {s.section_id: s for s in doc.sections}
    rows: dict[str, list[Row]] = {
        "documents": [document_row(doc.source, run_id, doc, None)],
        "document_text": [{"document_id": doc.document_id, "text": doc.text}],
        "pages": [
            {
                "document_id": doc.document_id, "page": p.number, "char_start": p.char_start,
                "char_end": p.char_end, "width": p.width, "height": p.height,
                "n_words": p.n_words, "n_chars": p.n_chars, "text_source": p.text_source,
                "garble": p.garble, "garble_score": p.garble_score, "ocr_confidence": p.ocr_confidence,
                "label": p.label, "label_right": p.labels[1] if len(p.labels) > 1 else None,
                "spread": p.spread, "repairs": p.repairs,
            }
            for p in doc.pages
        ],
        "page_images": [
            {
                "document_id": doc.document_id, "page": i.page, "dpi": i.dpi, "width_px": i.width_px,
                "height_px": i.height_px, "sha256": i.sha256,
            }
            for i in doc.page_images
        ],
        "page_layers": [
            {
                "document_id": doc.document_id, "page": layer.page, "source": layer.source, "text": layer.text,
                "garble": layer.garble, "garble_score": layer.garble_score,
            }
            for layer in doc.layers
        ],
        "sections": [
            {
                "document_id": doc.document_id, "section_id": s.section_id, "number": s.number,
                "title": s.title, "level": s.level, "parent_section_id": s.parent_section_id,
                "char_start": s.char_start, "char_end": s.char_end, "page_start": s.page_start,
                "page_end": s.page_end, "quality": s.quality, "ordinal": ordinal,
                "heading_char_end": s.heading_end, "run_id": run_id,
            }
            for ordinal, s in enumerate(doc.sections, start=1)
        ],
    }  # fmt: skip
    rows["blocks"] = [
        {
            "block_id": stable_id("blk", doc.document_id, b.kind, b.char_start, b.char_end, LAYOUT_EXTRACTOR),
            "kind": str(b.kind),
            "list_id": b.list_id,
            "ordinal": b.ordinal,
            "marker": b.marker,
            "quality": b.quality,
            "region": b.region,
            "region_id": b.region_id,
            **provenance_row(
                doc,
                Provenance(
                    document_id=doc.document_id, char_start=b.char_start, char_end=b.char_end,
                    page=b.page, bbox=b.bbox, section_id=b.section_id, extractor=LAYOUT_EXTRACTOR,
                ),
                run_id,
                sections,
            ),
        }
        for b in doc.blocks
        if b.char_end > b.char_start
    ]  # fmt: skip
    rows["contents_entries"] = [
        {
            "ordinal": ordinal, "number": e.number, "title": e.title, "page_ref": e.page_ref, "level": e.level,
            **provenance_row(
                doc,
                Provenance(
                    document_id=doc.document_id, char_start=e.char_start, char_end=e.char_end, page=e.page,
                    bbox=doc.spans.bbox(e.char_start, e.char_end),
                    section_id=doc.spans.section(e.char_start, e.char_end),
                    extractor=CONTENTS_EXTRACTOR,
                ),
                run_id,
                sections,
            ),
        }
        for ordinal, e in enumerate(doc.contents, start=1)
    ]  # fmt: skip
    rows["quality_issues"] = [_issue_row(doc, i, run_id, sections) for i in doc.issues]
    rows.update(extracts_to_rows(doc, run_id, sections))
    return rows


def span_provenance(
    doc: ParsedDocument,
    start: int,
    end: int,
    extractor: str,
    confidence: float,
) -> Provenance:
    """Provenance of a span: its page and box when it lies on one page, and its innermost section."""
    page = doc.spans.page_holding(start, end)
    return Provenance(
        document_id=doc.document_id,
        char_start=start,
        char_end=end,
        page=page,
        bbox=doc.spans.bbox(start, end) if page is not None else None,
        section_id=doc.spans.section(start, end),
        extractor=extractor,
        confidence=confidence,
    )


def _issue_row(
    doc: ParsedDocument,
    issue: SourceIssue,
    run_id: str,
    sections: dict[str, Section],
) -> Row:
    """A quality issue with provenance; one about a whole page or file has no span."""
    if issue.char_start is None or issue.char_end is None or issue.char_end <= issue.char_start:
        return bare_issue_row(doc.document_id, issue, run_id)
    prov = span_provenance(doc, issue.char_start, issue.char_end, issue.extractor, issue.confidence)
    return {
        "kind": issue.kind,
        "severity": issue.severity,
        "detail": issue.detail,
        **provenance_row(doc, prov, run_id, sections),
    }


def extracts_to_rows(doc: ParsedDocument, run_id: str, sections: dict[str, Section]) -> dict[str, list[Row]]:
    """Rows of ``cluster_mentions``, ``visions`` and ``objectives``, each with its provenance."""

    def prov(start: int, end: int, extractor: str, confidence: float) -> Row:
        p = span_provenance(doc, start, end, extractor, confidence)
        return provenance_row(doc, p, run_id, sections)

    mentions = []
    for m in doc.cluster_mentions:
        extractor = registry.extractor(f"clusters/{m.rule}")
        mentions.append({
            "mention_id": stable_id("cm", doc.document_id, m.char_start, m.char_end, extractor),
            "cluster_id": m.cluster_id, "name_as_written": m.name_as_written, "rule": m.rule, "origin": m.origin,
            "salience": m.salience, **prov(m.char_start, m.char_end, extractor, m.confidence),
        })  # fmt: skip
    visions = []
    for v in doc.visions:
        extractor = registry.extractor(f"visions/{v.rule}")
        visions.append({
            "vision_id": stable_id("vis", doc.document_id, v.char_start, v.char_end, extractor),
            "cluster_id": v.cluster_id, "text": v.text, "frame": v.frame, "rule": v.rule,
            "attribution": v.attribution, "owner": v.owner, **prov(v.char_start, v.char_end, extractor, v.confidence),
        })  # fmt: skip
    objectives = []
    for o in doc.objectives:
        extractor = OBJECTIVES
        objectives.append({
            "objective_id": stable_id("obj", doc.document_id, o.char_start, o.char_end, extractor),
            "cluster_id": o.cluster_id, "ordinal": o.ordinal, "text": o.text, "list_number": o.list_number,
            "list_style": o.list_style, "list_kind": o.list_kind, "lead_in": o.lead_in,
            "attribution": o.attribution, "actor": o.actor, **prov(o.char_start, o.char_end, extractor, o.confidence),
        })  # fmt: skip
    figures = []
    for f in doc.figures:
        figures.append({
            "figure_id": stable_id("fig", doc.document_id, f.char_start, f.char_end, FIGURES[f.source]),
            "cluster_id": f.cluster_id, "measure": f.measure, "value": f.value, "value_low": f.value_low,
            "value_high": f.value_high, "unit": f.unit, "period": f.period, "qualifier": f.qualifier,
            "quality": f.quality, "subject": f.subject, "value_before": f.value_before, "place": f.place,
            **prov(f.char_start, f.char_end, FIGURES[f.source], f.confidence),
        })  # fmt: skip
    rows = {"cluster_mentions": mentions, "visions": visions, "objectives": objectives, "figures": figures}
    rows.update(tables_to_rows(doc, prov))
    rows["entities"] = [
        {
            "entity_id": stable_id("ent", doc.document_id, e.char_start, e.char_end, e.label),
            "text": e.text, "label": e.label, "normalised_name": e.normalised, "source": e.source,
            **prov(e.char_start, e.char_end, ENTITY_EXTRACTORS[e.source], e.confidence),
        }
        for e in doc.entities
    ]  # fmt: skip
    return rows


def tables_to_rows(doc: ParsedDocument, prov: Any) -> dict[str, list[Row]]:
    """Rows of ``tables``, ``table_cells`` and ``funding``."""
    tables, cells, funding = [], [], []
    ids: dict[int, str] = {}
    for t in doc.tables:
        extractor = TABLE_EXTRACTORS[t.source]
        table_id = stable_id("tbl", doc.document_id, t.char_start, t.char_end, extractor)
        ids[t.number] = table_id
        tables.append({
            "table_id": table_id, "title": t.title, "n_rows": t.n_rows, "n_cols": t.n_cols, "source": t.source,
            "header_rows": t.header_rows, "unit": t.unit, "page_start": t.page, "page_end": t.last_page or t.page,
            "kind": table_kind(t), "why": evidence(t), "unit_text": t.unit_text,
            "periods": ",".join(period_columns(t).values()) or None,
            **prov(t.char_start, t.char_end, extractor, TABLE_CONFIDENCE[t.source]),
        })  # fmt: skip
        for c in t.cells:
            cells.append({
                "table_id": table_id, "row": c.row, "col": c.col, "text": c.text, "is_header": c.is_header,
                "row_span": c.row_span, "col_span": c.col_span,
                **prov(c.char_start, c.char_end, extractor, TABLE_CONFIDENCE[t.source]),
            })  # fmt: skip
    for line in doc.funding:
        funding.append({
            "funding_id": stable_id("fund", doc.document_id, line.char_start, line.char_end, FUNDING),
            "table_id": ids[line.table_number], "line_item": line.line_item, "period": line.period,
            "amount": line.amount, "currency": line.currency, "is_total": line.is_total,
            "unit_multiplier": line.unit_multiplier, "row": line.row, "col": line.col,
            **prov(line.char_start, line.char_end, FUNDING, FUNDING_CONFIDENCE),
        })  # fmt: skip
    return {"tables": tables, "table_cells": cells, "funding": funding}
