"""Figures, tables and funding (issue 5): the seeds against what they say, and each check on a small example."""

from __future__ import annotations

from pathlib import Path

import pytest
from extraction_eval import load_gold
from support import AWM, BLOG, HE, WMCA, corpus_path

from pipeline.document import ParsedDocument
from pipeline.ingest.manifest import file_to_spec, sources_to_specs
from pipeline.parse import source_to_document


def parse_text(tmp_path: Path, name: str, body: str) -> ParsedDocument:
    (tmp_path / name).write_text(body, encoding="utf-8")
    (spec,) = sources_to_specs(tmp_path)
    return source_to_document(spec)


def found(doc: ParsedDocument) -> dict[str, tuple[object, ...]]:
    return {
        doc.text[f.char_start : f.char_end]: (
            f.cluster_id,
            f.measure,
            f.value,
            f.value_low,
            f.value_high,
            f.unit,
            f.period,
            f.qualifier,
        )
        for f in doc.figures
    }


def test_awm_headline_figures_per_cluster(seed_docs: dict[str, ParsedDocument]) -> None:
    figures = found(seed_docs[AWM])
    assert figures["48,400"] == (
        "high-value-added-consumer-products",
        "employment",
        48400.0,
        None,
        None,
        "people",
        None,
        "some",
    )
    assert figures["£1.4bn"] == ("screen-image-and-sound", "turnover", 1.4e9, None, None, "GBP", None, None)
    assert figures["5%"] == (
        "environmental-technologies",
        "growth_rate",
        5.0,
        None,
        None,
        "percent",
        "per annum",
        "forecast",
    )
    assert figures["21,700"][:3] == ("aerospace", "employment", 21700.0)
    assert figures["28,400"][:6] == (
        "business-and-professional-services",
        "businesses",
        28400.0,
        None,
        None,
        "establishments",
    )
    assert figures["124 million"] == (
        "tourism-and-leisure",
        "visits",
        124e6,
        None,
        None,
        "visits",
        "2001",
        "approximately",
    )
    assert figures["£4 billion"][:3] == ("ict", "turnover", 4e9)
    assert figures["£13 M"] == (None, "funding", 13e6, None, None, "GBP", "2005-08", None)


def test_both_ranges_of_every_wmca_cluster(seed_docs: dict[str, ParsedDocument]) -> None:
    ranges = [(f.cluster_id, f.unit) for f in seed_docs[WMCA].figures if f.value is None]
    clusters = load_gold()[WMCA]["clusters"]
    assert ranges == [(c, unit) for c in clusters for unit in ("GBP", "jobs")]
    aerospace = [f for f in seed_docs[WMCA].figures if f.cluster_id == "aerospace" and f.value is None]
    assert [(f.measure, f.value_low, f.value_high, f.period) for f in aerospace] == [
        ("output", 80e6, 90e6, "by 2030"), ("jobs", 900.0, 1000.0, "by 2030")
    ]  # fmt: skip


def test_a_reversed_range_is_kept_as_printed_and_flagged(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[WMCA]
    reversed_ = [f for f in doc.figures if f.quality == "reversed_range"]
    assert [(doc.text[f.char_start : f.char_end], f.value_low, f.value_high, f.confidence) for f in reversed_] == [
        ("£320m to £220m", 320e6, 220e6, 0.3)
    ]
    assert [i.kind for i in doc.issues if i.kind == "reversed_range"] == ["reversed_range"]


def test_short_ranges_share_their_scale(seed_docs: dict[str, ParsedDocument]) -> None:
    assert found(seed_docs[BLOG])["£3-4m"][2:6] == (None, 3e6, 4e6, "GBP")


def test_section_numbers_ordinals_years_and_dates_are_not_figures(tmp_path: Path) -> None:
    doc = parse_text(
        tmp_path, "plan.md",
        "## 2.4 Aerospace\n\n1. On 5th July 2018 the 3 partners met (AWM, 1999) for 2 days.\n\n"
        "2. The cluster employs some 21,700 people in 298 businesses, with growth of 14 per cent by 2030.\n",
    )  # fmt: skip
    assert sorted(found(doc)) == ["14 per cent", "21,700", "298"]
    assert found(doc)["14 per cent"][1:] == ("growth_rate", 14.0, None, None, "percent", "by 2030", None)


def test_nothing_comes_from_garbled_text(seed_docs: dict[str, ParsedDocument]) -> None:
    for doc in seed_docs.values():
        quarantine = doc.quarantine
        spans = [(f.char_start, f.char_end) for f in doc.figures] + [
            (c.char_start, c.char_end) for t in doc.tables for c in t.cells
        ]
        assert all(quarantine.allows(s, e) for s, e in spans), doc.document_id
    awm = seed_docs[AWM]
    noise_numbers = [f for f in awm.figures if awm.quarantine.starts[0] <= f.char_start < awm.quarantine.ends[-1]]
    assert noise_numbers == []  # "0.5", "5.5", "75" sit in the noise of 1.5


def test_the_awm_funding_table_cell_by_cell(seed_docs: dict[str, ParsedDocument]) -> None:
    doc = seed_docs[AWM]
    (table,) = doc.tables
    assert (table.title, table.n_rows, table.n_cols, table.header_rows, table.unit) == (
        "AWM committed funding (“single pot”)",
        3,
        5,
        1,
        "GBP x 1000000",
    )
    lines = [(f.line_item, f.period, f.amount, f.is_total) for f in doc.funding]
    assert lines == [
        ("Revenue", "2005-06", 8e6, False), ("Revenue", "2006-07", 14.5e6, False), ("Revenue", "2007-08", 15.5e6, False),
        ("Revenue", "total", 38e6, True), ("Capital", "2005-06", 5.5e6, False), ("Capital", "2006-07", 5.5e6, False),
        ("Capital", "2007-08", 2e6, False), ("Capital", "total", 13e6, True),
    ]  # fmt: skip
    assert not [i for i in doc.issues if i.kind in ("total_mismatch", "text_table_mismatch")]


def test_the_he_table_keeps_its_empty_corner(seed_docs: dict[str, ParsedDocument]) -> None:
    (table,) = seed_docs[HE].tables
    header = [(c.col, c.text) for c in table.cells if c.row == 0]
    assert header == [(1, "Medical"), (2, "ICT"), (3, "Automotive")]
    assert table.title == "Table 8-1 examples of instruments in the West Midlands cluster policy"
    assert (table.n_rows, table.n_cols) == (7, 4)


FUNDING_TEXT = (
    "## 1.4 Funding\n\n"
    "These plans will cost £51M of funding in 2005-08 (£39M revenue and £13M capital).\n\n"
    "Committed funding\n\n"
    "£M\t2005-06\t2006-07\tTotal\n"
    "Revenue\t8.0\t30.0\t38.0\n"
    "Capital\t5.5\t7.0\t13.0\n"
    "Total\t13.5\t37.0\t52.0\n"
)


def test_totals_that_do_not_add_up_and_text_that_disagrees_are_flagged(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, "funding.md", FUNDING_TEXT)
    flagged = [
        (i.kind, i.detail, doc.text[i.char_start : i.char_end])
        for i in doc.issues
        if i.kind in ("total_mismatch", "text_table_mismatch") and i.char_start is not None
    ]
    assert flagged == [
        ("total_mismatch", "table 1 (Committed funding): Capital: the periods add up to 12.5 but the total says 13.0", "13.0"),
        ("total_mismatch", "table 1 (Committed funding): Total: the periods add up to 50.5 but the total says 52.0", "52.0"),
        ("total_mismatch", "table 1 (Committed funding): total: the rows add up to 51.0 but the total row says 52.0", "52.0"),
        ("text_table_mismatch", "the parts add up to £52.0m, not £51.0m", "£51M"),
        ("text_table_mismatch", "the text gives £39.0m for 'revenue'; the table's total is £38.0m", "£39M"),
    ]  # fmt: skip


def test_a_total_column_adds_the_columns_since_the_total_before_it(tmp_path: Path) -> None:
    """``Revenue | Capital | Total | Others | Total``: the first total adds the columns before it, the last adds
    the first total and ``Others``; none is flagged while they add up so, and one that does not is told with the
    columns it totals. Group totals side by side (``Salaries | Running costs | Total | Buildings | Equipment |
    Total``) add their own groups; a total beside a subtotal left blank adds every part; totals printed before
    their parts (``Total | EU | National``) add the columns after them."""
    text = (
        "## Outlay\n\nHealth outlay 2012-13 (£000)\n\n"
        "State\tRevenue\tCapital\tTotal\tOthers\tTotal\n"
        "North\t40\t10\t50\t5\t55\nSouth\t30\t3\t33\t2\t39\n\n"
        "Grants 2012-13 (£000)\n\n"
        "Fund\tSalaries\tRunning costs\tTotal\tBuildings\tEquipment\tTotal\n"
        "Arts\t4\t6\t10\t7\t1\t8\nSport\t2\t2\t4\t1\t1\t2\n\n"
        "Funding 2019-2021 (£000)\n\n"  # a grand total beside a subtotal left blank
        "Programme\t2019\t2020\tTotal\t2021\tTotal\nSkills\t4\t6\t10\t5\t15\nTransport\t3\t3\t\t2\t8\n\n"
        "Grants 2020 and 2021 (£000)\n\n"  # totals printed before their parts
        "Fund\tTotal\tEU\tNational\tTotal\tEU\tNational\nArts\t10\t6\t4\t15\t9\t6\nSport\t5\t3\t2\t9\t4\t5\n"
    )
    doc = parse_text(tmp_path, "outlay.md", text)
    assert [i.detail for i in doc.issues if i.kind == "total_mismatch"] == [
        "table 1 (Health outlay 2012-13 (£000)): South: the columns it totals add up to 35 but the total says 39"
    ]


def test_a_table_whose_cells_print_their_currency_and_scale_gives_funding_lines_in_base_units(tmp_path: Path) -> None:
    """No header or title states a unit, but every amount prints `$` and its own scale: the table is in dollars,
    each cell at its scale; a total within the rounding of its printed digits passes, one beyond it is flagged; a
    footnote's asterisk after an item's label is no part of it."""
    text = (
        "## Budget appendix\n\nData Fund\n\nProgram\tLead\tBudget\nOpen data portal\tGSA\t$1.1M\n"
        "Performance dashboard\tOMB\t$0.44M\nChallenge platform\tGSA\t$0\nSmall business tools*\tSBA\t$500K\n"
        "Total\t\t$2M\n\n"
        "Citizen Services Fund\n\nProgram\tLead\tBudget\nContact centre services\tGSA\t$8.6M\n"
        "Web content\tGSA\t$6.1M\nTotal\t\t$16.7M\n"
    )
    doc = parse_text(tmp_path, "budget.md", text)
    assert [t.unit for t in doc.tables] == ["USD x 1", "USD x 1"]
    assert [(f.line_item, f.period, f.amount, f.currency, f.is_total) for f in doc.funding] == [
        ("Open data portal", "none", 1_100_000, "USD", False),
        ("Performance dashboard", "none", 440_000, "USD", False),
        ("Challenge platform", "none", 0, "USD", False),
        ("Small business tools", "none", 500_000, "USD", False),
        ("Total", "none", 2_000_000, "USD", True),
        ("Contact centre services", "none", 8_600_000, "USD", False),
        ("Web content", "none", 6_100_000, "USD", False),
        ("Total", "none", 16_700_000, "USD", True),
    ]
    assert [i.detail for i in doc.issues if i.kind == "total_mismatch"] == [
        "table 2 (Citizen Services Fund): none: the rows add up to 14700000 but the total row says 16700000"
    ]


@pytest.mark.corpus
def test_a_pdf_table_with_spanning_cells(tmp_path: Path) -> None:
    source = corpus_path("tables/us_doe_server_energy_projections_spanning_cells.pdf")
    doc = source_to_document(file_to_spec(source))
    first = doc.tables[0]
    assert (first.n_rows, first.n_cols, first.header_rows, first.page) == (21, 6, 2, 1)
    title = first.cells[0]
    assert (title.text, title.row_span, title.col_span, title.is_header) == ("Improved operation scenario", 1, 6, True)
    row2 = [c.text for c in first.cells if c.row == 2]
    assert row2 == ["Server closets", "1,505", "1,580", "1,643", "1,673", "1,689"]
    assert all(doc.text[c.char_start : c.char_end] == c.text for c in first.cells if c.row == 2)


MARKET_TEXT = (
    "# Sector Profile\n\n"
    "## Turnover\n\n"
    "Turnover of the region's sectors (£m)\n\n"
    "Sector\t2019\t2020\tTotal\n"
    "Manufacturing\t120.5\t98.0\t218.5\n"
    "North West retail\t40\t44\t84\n"
)


def test_a_money_table_that_is_not_funding_gives_figures_by_row_and_period(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, "market.md", MARKET_TEXT)
    (table,) = doc.tables
    assert (table.unit, doc.funding) == ("GBP x 1000000", [])
    cells = [f for f in doc.figures if f.source == "table"]
    assert [(doc.text[f.char_start : f.char_end], f.measure, f.value, f.unit, f.subject, f.period) for f in cells] == [
        ("120.5", "turnover", 120.5e6, "GBP", "Manufacturing", "2019"),
        ("98.0", "turnover", 98e6, "GBP", "Manufacturing", "2020"),
        ("218.5", "turnover", 218.5e6, "GBP", "Manufacturing (total)", None),
        ("40", "turnover", 40e6, "GBP", "North West retail", "2019"),
        ("44", "turnover", 44e6, "GBP", "North West retail", "2020"),
        ("84", "turnover", 84e6, "GBP", "North West retail (total)", None),
    ]
    assert cells[3].place == "North West" and cells[0].place != "North West"
    assert {f.confidence for f in cells} == {0.75}


def test_a_funding_table_gives_funding_lines_not_figures(tmp_path: Path) -> None:
    doc = parse_text(tmp_path, "funding.md", FUNDING_TEXT)
    assert doc.funding and not [f for f in doc.figures if f.source == "table"]


def test_a_money_tables_columns_that_are_not_periods_name_the_subject_and_other_units_give_none(
    tmp_path: Path,
) -> None:
    body = (
        "# Regions\n\n## Turnover\n\nTurnover by region, 2019 (£m)\n\n"
        "Region\tTurnover\tNumber of firms\nNorth West\t1,250\t40\nLondon\t8,400\t310\n"
    )
    doc = parse_text(tmp_path, "regions.md", body)
    assert [(f.value, f.subject, f.period, f.place) for f in doc.figures if f.source == "table"] == [
        (1.25e9, "North West - Turnover", "2019", "North West"),
        (8.4e9, "London - Turnover", "2019", "London"),
    ]
