"""What tables say (issue 20), on the smallest real pages that show each pattern: rows that are objectives (an
action's title set across the table over its text is one item with it; a cell holding a bulleted list gives the
list's items, not one item for the cell), and a column headed as the sectors, whose rows each present one."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from support import cut

from pipeline.document import ParsedDocument
from pipeline.extract import objectives
from pipeline.extract.context import DocumentView
from pipeline.ingest.manifest import sources_to_specs
from pipeline.models import Objective
from pipeline.parse import source_to_document

EDUCATION = "policy/uk_international_education_strategy_2021_update.pdf"
CAREERS = "policy/uk_careers_strategy_2017.pdf"
ESTONIA = "policy/ee_estonia_s3_analysis.pdf"
SPACE = "policy/uk_national_space_strategy_2021.pdf"


def parsed(path: Path) -> ParsedDocument:
    (spec,) = sources_to_specs(path.parent)
    return source_to_document(spec)


def test_a_title_row_across_an_actions_table_is_one_item_with_the_row_under_it(tmp_path: Path) -> None:
    doc = parsed(cut(EDUCATION, 26, tmp_path))
    items = [o for o in doc.objectives if o.list_style == "table"]
    assert [o.text.split(" The ")[0] for o in items[:3]] == [
        "International Education Champion",
        "free trade agreements",
        "streamlined application process for international students",
    ]  # the label "Action 2 (2021):" numbers the item and is left out, as a list item's is
    assert len(items) == 12 and [o.ordinal for o in items[:2]] == [1, 2]
    assert all(" will " in o.text or "Following a recommendation" in o.text for o in items)  # title and text
    assert not [o for o in doc.objectives if o.list_style != "table"]  # the titles are not a list of their own
    first = items[1]
    assert doc.text[first.char_start : first.char_end].startswith("free trade agreements")


def test_a_lead_in_over_a_table_makes_the_rows_its_items(tmp_path: Path) -> None:
    """ "The key ... capability priorities for the UK are described in the table below:" over a ruled table headed
    "Capability" and "UK activity": each row's first cell (the priority's name and what it is) is one priority."""
    doc = parsed(cut(SPACE, 41, tmp_path))
    items = [o for o in doc.objectives if o.list_style == "table"]
    assert [" ".join(o.text.split()[:2]) for o in items] == [
        "Satellite Communications",
        "Earth Observation",
        "Command-and-Control, and",
        "Space Control",
    ]
    assert {o.list_kind for o in items} == {"priority"} and len({o.list_number for o in items}) == 1
    assert items[0].lead_in.startswith("The key civil and defence capability priorities for the UK")
    assert not any("The UK will" in o.text for o in items)  # the second column says what is done about each


def test_a_lead_in_over_a_table_of_figures_announces_no_items(tmp_path: Path) -> None:
    body = "Our priorities are set out in the table below, with what each will be given:\n\n"
    rows = "Area\tFunding (£m)\tShare (%)\nSkills for the regional economy\t40\t62\n"
    rows += "Transport links across the county\t25\t38\n"
    prose = "Area\tWhat we will do\tBy when\nSkills for the regional economy\tTrain more people\tSpring\n"
    prose += "Transport links across the county\tOpen new routes\tSummer\n"
    for name, table in (("figures.md", rows), ("prose.md", prose)):
        (tmp_path / name).write_text(f"# Plan\n\n{body}{table}\nThe end of the plan is here.\n", encoding="utf-8")
    found = {}
    for spec in sources_to_specs(tmp_path):
        doc = source_to_document(spec)
        found[Path(spec.path).name] = [o.text for o in doc.objectives if o.list_style == "table"]
    assert found["figures.md"] == []  # a table of figures: the lines of an account, not aims
    assert found["prose.md"] == ["Skills for the regional economy", "Transport links across the county"]


def test_a_cell_holding_a_bulleted_list_gives_the_lists_items(tmp_path: Path) -> None:
    doc = parsed(cut(CAREERS, 9, tmp_path))
    texts = [o.text for o in doc.objectives]
    assert not [o for o in doc.objectives if o.list_style == "table"]
    assert any(t.startswith("CEC triples the number of cornerstone employers") for t in texts)
    assert any(t.startswith("All schools and colleges will have access") for t in texts)


def test_a_column_headed_growth_area_presents_a_sector_per_row(tmp_path: Path) -> None:
    doc = parsed(cut(ESTONIA, 13, tmp_path))
    named = [(m.name_as_written, m.salience) for m in doc.cluster_mentions if m.rule == "table"]
    assert ("Innovative house-building", "presented") in named  # up to its brackets: "(wooden houses)"
    assert ("Timber enhancement", "presented") in named  # the first line, where other columns' figures interleave
    assert ("Functional food", "presented") in named and ("Logistics", "presented") in named
    assert not [n for n, _ in named if any(ch.isdigit() for ch in n)]


def test_a_column_of_places_under_cluster_names_no_sector(tmp_path: Path) -> None:
    (tmp_path / "clusters.md").write_text(
        "# Equity deals\n\nThe deals cluster in a few cities.\n\n"
        "Cluster\tDeals\tValue\nManchester\t40\t120\nCardiff\t12\t30\nBirmingham\t25\t70\nBristol\t18\t44\n\n"
        "The deals by sector follow in a table of their own.\n\n"
        "Sector\tDeals\tValue\nLife sciences\t40\t120\nFintech\t12\t30\nAgritech\t25\t70\n\n"
        "The end of the report comes here with a closing paragraph.\n",
        encoding="utf-8",
    )
    (spec,) = sources_to_specs(tmp_path)
    doc = source_to_document(spec)
    named = {m.name_as_written for m in doc.cluster_mentions if m.rule == "table" and m.salience == "presented"}
    assert {"Life sciences", "Fintech", "Agritech"} <= named
    assert not named & {"Manchester", "Cardiff", "Birmingham", "Bristol"}


def test_bullets_of_an_actions_cell_keep_their_rows_lead_as_actor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A row whose action cell holds a bulleted list gives way to the list's items; they take the row's actor
    (its Lead or Responsible cell) unless their own words named one."""
    row = Objective(None, 1, "Build paths. Light crossings.", 100, 200, 9, "table", "action", "", "", 0.7, "Ville")
    bullets = [
        Objective(None, 1, "Build paths", 110, 130, 1, "bullet", "action", "", "", 0.8),
        Objective(None, 2, "Light crossings", 140, 170, 1, "bullet", "action", "", "", 0.8, "the province"),
    ]
    monkeypatch.setattr(objectives, "tables_to_objectives", lambda view, tables, list_number: [row])
    got = objectives.with_table_objectives(cast("DocumentView", None), bullets, [])
    assert [(o.text, o.actor) for o in got] == [("Build paths", "Ville"), ("Light crossings", "the province")]
