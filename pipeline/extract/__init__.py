"""Extractors: from a laid-out document (and its tables) to cluster mentions, visions, objectives and figures.

Each extractor reads the layout tree (sections, blocks) and asks the
document's quarantine before it takes anything, so nothing comes from text
flagged as garbled. :func:`document_to_extracts` runs them in order and
returns what they found as one frozen :class:`Extracts`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.catalogue.clusters import Catalogue, load_catalogue
from pipeline.document import LaidOutDocument
from pipeline.extract.cluster_mentions import document_to_mentions, mentions_to_section_clusters
from pipeline.extract.consistency import text_against_tables
from pipeline.extract.context import DocumentView
from pipeline.extract.figures import document_to_figures
from pipeline.extract.objectives import document_to_objectives_and_issues, with_table_objectives
from pipeline.extract.table_figures import tables_to_figures
from pipeline.extract.visions import ambitions_of_lists, document_to_visions
from pipeline.models import ClusterMention, Figure, FundingLine, Objective, SourceIssue, Table, Vision
from pipeline.timing import Stopwatch


@dataclass(frozen=True, slots=True)
class Extracts:
    """What the extractors found in one document, and the issues they raised."""

    cluster_mentions: list[ClusterMention]
    visions: list[Vision]
    objectives: list[Objective]
    figures: list[Figure]
    issues: list[SourceIssue]  # from the objectives and figures extractors
    checks: list[SourceIssue]  # where the text and the funding tables disagree


def document_to_extracts(
    doc: LaidOutDocument,
    funding: list[FundingLine],
    catalogue: Catalogue | None = None,
    watch: Stopwatch | None = None,
    tables: list[Table] | None = None,
) -> Extracts:
    """The document's cluster mentions, visions, objectives and figures, and the issues the extractors and
    the text-against-tables check raise (each extractor timed on ``watch``)."""
    watch = watch or Stopwatch()
    with watch.stage("extract/clusters"):
        view = DocumentView.of(doc, catalogue or load_catalogue())
        mentions = document_to_mentions(view, tables or [])
        view = view.with_clusters(*mentions_to_section_clusters(view, mentions))
    with watch.stage("extract/visions_objectives"):
        visions = document_to_visions(view)
        objectives, objective_issues = document_to_objectives_and_issues(view)
        objectives = with_table_objectives(view, objectives, tables or [])
        visions, objectives = ambitions_of_lists(visions, objectives)
    with watch.stage("extract/figures"):
        figures, figure_issues = document_to_figures(view)
        from_tables = tables_to_figures(view, tables or [])
    with watch.stage("extract/checks"):
        checks = text_against_tables(doc, figures, funding)
    figures = sorted([*figures, *from_tables], key=lambda f: f.char_start)
    return Extracts(mentions, visions, objectives, figures, [*objective_issues, *figure_issues], checks)
