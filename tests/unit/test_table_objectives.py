"""Tables whose rows are objectives (issue 20), on the smallest real pages that show each pattern: an action's
title set across the table over its text is one item with it, and a cell holding a bulleted list gives the
list's items, not one item for the cell."""

from __future__ import annotations

from pathlib import Path

from support import cut

from pipeline.document import ParsedDocument
from pipeline.ingest.manifest import sources_to_specs
from pipeline.parse import source_to_document

EDUCATION = "policy/uk_international_education_strategy_2021_update.pdf"
CAREERS = "policy/uk_careers_strategy_2017.pdf"


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


def test_a_cell_holding_a_bulleted_list_gives_the_lists_items(tmp_path: Path) -> None:
    doc = parsed(cut(CAREERS, 9, tmp_path))
    texts = [o.text for o in doc.objectives]
    assert not [o for o in doc.objectives if o.list_style == "table"]
    assert any(t.startswith("CEC triples the number of cornerstone employers") for t in texts)
    assert any(t.startswith("All schools and colleges will have access") for t in texts)
