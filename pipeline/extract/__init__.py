"""Extractors: functions from a laid-out :class:`~pipeline.models.ParsedDocument` to records.

Each extractor reads the layout tree (sections, blocks) and asks the
document's quarantine before it takes anything, so nothing comes from text
flagged as garbled. :func:`document_to_extracts` runs them in order.
"""

from __future__ import annotations

from pipeline.clusters import Catalogue, load_catalogue
from pipeline.extract.checks import text_against_tables
from pipeline.extract.clusters import document_to_mentions, mentions_to_section_clusters
from pipeline.extract.context import DocumentView
from pipeline.extract.figures import document_to_figures
from pipeline.extract.objectives import document_to_objectives_and_issues
from pipeline.extract.visions import document_to_visions
from pipeline.models import ParsedDocument
from pipeline.ner import document_to_entities
from pipeline.tables import document_to_tables, tables_to_funding
from pipeline.timing import Stopwatch


def document_to_extracts(
    doc: ParsedDocument, catalogue: Catalogue | None = None, watch: Stopwatch | None = None
) -> None:
    """Fill the document's cluster mentions, visions, objectives, figures, tables, funding lines and entities,
    and add the quality issues the checks find (each extractor timed on ``watch``)."""
    watch = watch or Stopwatch()
    with watch.stage("extract/clusters"):
        view = DocumentView.of(doc, catalogue or load_catalogue())
        doc.cluster_mentions = document_to_mentions(view)
        view.section_clusters, view.document_cluster = mentions_to_section_clusters(view, doc.cluster_mentions)
    with watch.stage("extract/visions_objectives"):
        doc.visions = document_to_visions(view)
        doc.objectives, issues = document_to_objectives_and_issues(view)
        doc.issues.extend(issues)
    with watch.stage("extract/figures"):
        doc.figures, issues = document_to_figures(view)
        doc.issues.extend(issues)
    with watch.stage("extract/tables_funding"):
        doc.tables = document_to_tables(doc, view.quarantine)
        doc.funding, issues = tables_to_funding(doc.tables)
        doc.issues.extend(issues)
        doc.issues.extend(text_against_tables(doc))
    with watch.stage("extract/entities"):
        doc.entities = document_to_entities(doc, view.quarantine)
