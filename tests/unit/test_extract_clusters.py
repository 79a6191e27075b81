"""Clusters, visions and objectives on the seeds (issue 4), checked against what the documents say."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from extraction_eval import load_gold
from pdfs import build_pdf, text_page
from support import AWM, BLOG, HE, ICT, WMCA

from pipeline.document import ParsedDocument
from pipeline.evaluation import in_order
from pipeline.extract import document_to_extracts
from pipeline.extract.objectives import sentence_to_lead_in
from pipeline.ingest.manifest import sources_to_specs
from pipeline.models import SourceSpec
from pipeline.parse import source_to_document
from pipeline.spans import Quarantine

AWM_SECTIONS = {
    "2.1": "high-value-added-consumer-products", "2.2": "screen-image-and-sound", "2.3": "environmental-technologies",
    "Building Technologies": "building-technologies", "Aerospace": "aerospace", "2.5": "automotive", "2.6": "rail",
    "2.7": "business-and-professional-services", "2.8": "food-and-drink", "2.9": "tourism-and-leisure",
    "2.10": "manufacturing", "2.11": "ict", "2.12": "medical-technologies",
}  # fmt: skip


def heading_clusters(doc: ParsedDocument) -> dict[str, str]:
    """Section (number, or title where the body prints a number twice) → cluster of its heading mention."""
    out = {}
    for s in doc.sections:
        for m in doc.cluster_mentions:
            if m.rule in ("heading", "label", "brand", "sibling") and s.char_start <= m.char_start < s.heading_end:
                key = s.title if s.number == "2.4" else (s.number or s.title)
                out[key] = m.cluster_id
    return out


def test_every_awm_cluster_section_yields_its_cluster(seed_docs: dict[str, ParsedDocument]) -> None:
    assert heading_clusters(seed_docs[AWM]) == AWM_SECTIONS


def test_the_brand_name_heading_resolves_to_its_cluster(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[AWM]
    hvacp = [
        m for m in doc.cluster_mentions if m.rule == "heading" and m.cluster_id == "high-value-added-consumer-products"
    ]
    assert [m.name_as_written for m in hvacp] == ["High Value Added Consumer Products"]
    assert "net[∞] infinity" in doc.text[hvacp[0].char_start : hvacp[0].char_end + 20]


def test_the_eight_wmca_clusters_come_from_their_labels(seed_docs: dict[str, ParsedDocument]) -> None:
    labels = [(m.cluster_id, m.name_as_written) for m in seed_docs[WMCA].cluster_mentions if m.rule == "label"]
    assert [c for c, _ in labels] == load_gold()[WMCA]["clusters"]
    assert labels[2] == ("aerospace", "Aerospace (including manufacturing alternative fuels)")


def test_a_list_of_clusters_and_a_table_of_clusters_are_mentions(seed_docs: dict[str, ParsedDocument]) -> None:
    awm_list = [m.name_as_written for m in seed_docs[AWM].cluster_mentions if m.rule == "list"]
    assert awm_list[:4] == ["Transport Technologies", "Aerospace", "Automotive (including Motorsport)", "Rail"]
    assert "Information & Communications Technology" in awm_list
    table = [(m.cluster_id, m.name_as_written) for m in seed_docs[HE].cluster_mentions if m.rule == "table"]
    assert table == [("medical-technologies", "Medical"), ("ict", "ICT"), ("automotive", "Automotive")]


def test_every_awm_vision_and_nothing_else(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[AWM]
    gold = load_gold()[AWM]["visions"]
    assert [v.cluster_id for v in doc.visions] == [c for c, _ in gold]
    assert all(v.text.startswith(prefix) for v, (_, prefix) in zip(doc.visions, gold, strict=True))
    automotive = next(v for v in doc.visions if v.cluster_id == "automotive")
    assert automotive.text.startswith("The vision is to support") and "provisional" not in automotive.text
    for other in (WMCA, ICT, BLOG, HE):
        assert [v for v in seed_docs[other].visions if v.owner == "plan"] == []
    # a company's intention and an interviewee's aspiration are kept, as theirs, not the plan's
    assert {v.owner for v in seed_docs[HE].visions} == {"third party"}


def test_awm_objective_lists_are_in_order_per_cluster(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[AWM]
    for cluster_id, items in load_gold()[AWM]["objectives"].items():
        found = [o.text for o in doc.objectives if o.cluster_id == cluster_id]
        assert in_order(items, found), cluster_id
    styles = {(o.cluster_id, o.list_style) for o in doc.objectives if o.ordinal == 1}
    assert ("high-value-added-consumer-products", "paragraphs") in styles
    assert ("ict", "numbered") in styles and ("automotive", "bulleted") in styles
    ict = [o.ordinal for o in doc.objectives if o.cluster_id == "ict"]
    assert ict == [1, 2, 3, 4]  # one list, though a paragraph describes each direction


def test_projects_activities_and_prerequisites_are_not_objectives(seed_docs: dict[str, ParsedDocument]) -> None:
    texts = [o.text for o in seed_docs[AWM].objectives]
    for not_objective in ("Promoting regional strategic collaboration", "Business Strategy", "Having a unified image",
                          "A business-focussed trade association", "cluster vision"):  # fmt: skip
        assert not any(t.startswith(not_objective) for t in texts), not_objective


def test_a_list_announced_with_another_count_is_flagged(seed_docs: dict[str, ParsedDocument]) -> None:
    issues = [i for i in seed_docs[AWM].issues if i.kind == "list_count_mismatch"]
    assert [i.detail for i in issues] == ["the text announces 5 themes but lists 4"]
    assert seed_docs[AWM].text[issues[0].char_start : issues[0].char_end].endswith("the following five themes:")


def test_nothing_is_extracted_from_garbled_text(seed_docs: dict[str, ParsedDocument]) -> None:
    for doc in seed_docs.values():
        quarantine = doc.quarantine
        spans = [(r.char_start, r.char_end) for r in (*doc.cluster_mentions, *doc.visions, *doc.objectives)]
        assert all(quarantine.allows(s, e) for s, e in spans), doc.document_id


def test_extractors_skip_text_the_quarantine_holds(seed_specs: dict[str, SourceSpec]) -> None:
    """Quarantine the HVACP vision and the Rail objectives of a fresh parse: they must disappear."""
    doc = source_to_document(seed_specs[AWM])
    vision = next(v for v in doc.visions if v.cluster_id == "high-value-added-consumer-products")
    rail = [o for o in doc.objectives if o.cluster_id == "rail"]
    more = [(vision.char_start, vision.char_end), (rail[0].char_start, rail[-1].char_end)]
    found = document_to_extracts(replace(doc, quarantine=Quarantine.of([*doc.quarantine, *more])), doc.funding)
    assert "high-value-added-consumer-products" not in {v.cluster_id for v in found.visions}
    assert "rail" not in {o.cluster_id for o in found.objectives}
    assert len(found.visions) == 10


@pytest.mark.parametrize(
    ("sentence", "kind", "count"),
    [
        ("The strategy has 5 principal objectives:", "objective", 5),
        ("The ICT cluster has identified four strategic directions, which forms the basis for the existing funded projects.", "strategic_direction", 4),
        ("The key themes for this cluster are:", "theme", None),
        ("The main aim of the business plan is:", "aim", None),
        ("The focus of this plan is in three areas:-", "focus_area", 3),
        ("Specifically, the aim is to:", "aim", None),
        ("Our four key Objectives are:", "objective", 4),
        ("Our Strategic Priorities For The Region:", "priority", None),
        ("The work to improve resilience has been centred on four areas:", "focus_area", 4),
        ("Our policy to achieve this has a number of elements:", "objective", None),
        ("However, we are already:", "action", None),
        ("The government has taken the following decisions:", "commitment", None),
    ],
)  # fmt: skip
def test_lead_ins_that_announce_objectives(sentence: str, kind: str, count: int | None) -> None:
    lead = sentence_to_lead_in(sentence)
    assert lead is not None and (lead.kind, lead.count) == (kind, count)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Plan comprises key projects including:", "Key prerequisites to the success of the plan include:",
        "The individual Cluster Plans each contain the following sections:",
        "To see productivity and growth the WMCA is developing a strategy based on the following six principles:",
        "The proposed cluster projects are as follows:", "These are:", "We are pleased to publish:", "Who we are:",
        "Our report has several parts:", "Investment decisions are based on the following criteria:",
        # a kind word in a name says what the list is about, not what its items are
        "The formulation of the Smart Priority Areas was based on:",
        "At any time the Group may present to the ministries that approved the Priority Action Plan proposals to:",
    ],
)  # fmt: skip
def test_lead_ins_that_announce_something_else(sentence: str) -> None:
    assert sentence_to_lead_in(sentence) is None


def test_an_organisations_mission_is_not_the_plans_vision(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "plan.md").write_text(
        "# A plan for the creative industries\n\n"
        "The British Business Bank’s mission is to make finance markets for smaller businesses work better.\n\n"
        "Our mission is to grow the creative industries in every region of the country.\n\n"
        "The vision for the Creative Industries sector is to be the most innovative in the world by 2030.\n",
        encoding="utf-8",
    )
    (spec,) = sources_to_specs(tmp_path)
    doc = source_to_document(spec)
    assert [(v.cluster_id, v.text[:22], v.attribution) for v in doc.visions if v.owner == "plan"] == [
        ("creative-industries", "Our mission is to grow", "document"),  # the title names the sector: its subject
        ("creative-industries", "The vision for the Cre", "sentence"),
    ]
    assert [(v.owner, v.text[:26]) for v in doc.visions if v.owner != "plan"] == [
        ("British Business Bank", "British Business Bank’s mi")
    ]


def test_a_title_is_among_the_first_headings_of_its_page_not_a_row_set_as_a_heading_below(tmp_path: Path) -> None:
    """A first page of topics, each set as a heading over its paragraph: "Consumer / Food safety / Public health",
    the fifth, is no title, and the document is about no sector."""
    heads = ["EU Institutions", "Employment and equal opportunities", "Justice and security", "Air passengers"]
    page = text_page("Enquiries by topic", size=22, top=740)
    for k, head in enumerate([*heads, "Consumer / Food safety / Public health"]):
        body = f"The enquiries on this topic rose in the year to a new level of {k + 2} thousand."
        page += b"\n" + text_page(head, size=15, top=690 - 70 * k) + b"\n" + text_page(body, size=10, top=668 - 70 * k)
    (tmp_path / "enquiries.pdf").write_bytes(build_pdf([page]))
    doc = source_to_document(next(iter(sources_to_specs(tmp_path))))
    assert "Consumer / Food safety / Public health" in [doc.text[b.char_start : b.char_end] for b in doc.blocks]
    assert [m for m in doc.cluster_mentions if m.salience == "subject"] == []
