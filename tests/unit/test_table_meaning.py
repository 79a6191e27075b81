"""Issue 21: what a table is about (title, unit, periods, kind, why it is a table) and funding lines from
real tables; the pages a user reported, read again (skipped when ../shared/corpus is absent)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from support import corpus_path, cut
from table_gold_eval import found_tables

from pipeline.ingest.manifest import sources_to_specs
from pipeline.models import BBox, Block, BlockKind, Table, TableCell, Word
from pipeline.parse import source_to_document
from pipeline.tables.build import _titled, column_period, evidence, period_columns
from pipeline.tables.funding import table_kind, tables_to_funding


def _table(rows: list[list[str]], header_rows: int = 1, title: str | None = None, unit: str | None = None) -> Table:
    cells = [
        TableCell(
            r,
            c,
            text,
            0,
            len(text),
            r < header_rows,
            1,
            BBox(x0=100 * c, top=20 * r + 100, x1=100 * c + 80, bottom=20 * r + 110),
        )
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if text
    ]
    box = BBox(x0=0, top=100, x1=100 * len(rows[0]), bottom=20 * len(rows) + 100)
    return Table(1, "pdf-text", title, 0, 1, len(rows), len(rows[0]), header_rows, cells, page=1, bbox=box, unit=unit)


def _titled_by(table: Table, lines: list[tuple[str, BlockKind, float]]) -> Table:
    """The table titled from blocks (text, kind, bottom) set above it on its page."""
    text = ""
    blocks = []
    for words, kind, bottom in lines:
        blocks.append(
            Block(kind, len(text), len(text) + len(words), 1, BBox(x0=0, top=bottom - 10, x1=300, bottom=bottom))
        )
        text += words + "\n"
    return _titled(table, blocks, text)


NOTE = [["", "2020 ‑ 21 £000", "2019 ‑ 20 £000"], ["Salaries", "9,433", "8,701"], ["Pensions", "850", "918"],
        ["Total costs", "10,283", "9,619"]]  # fmt: skip


@pytest.mark.parametrize(
    ("header", "period"),
    [
        ("2020 ‑ 21 £000", "2020-21"),  # a non-breaking hyphen, the unit under the year
        ("2021-22(£m)", "2021-22"),
        ("FY2020-21", "2020-21"),
        ("2019", "2019"),
        ("Q3 2019", "Q3 2019"),
        ("Total", "total"),
        ("Notes", None),
        ("Buildings £000", None),
        ("Total 2019-20 £’000", "2019-20"),  # a total over a year is that year's
        ("Totals 2013– 2017", "2013-17"),  # a total over a span of years is that span's
        ("31-Mar-20 £000", "2019-20"),  # a balance at the end of a UK fiscal year
        ("As at 31 December 2020", "2020"),
        ("30 June 2020", None),  # a year ending in June is not told from a date within a year
    ],
)
def test_a_columns_period_is_read_from_its_header(header: str, period: str | None) -> None:
    assert column_period(header) == period


def test_a_note_of_accounts_gives_its_unit_periods_title_and_funding_lines() -> None:
    table = _titled_by(
        _table(NOTE), [("Notes to the accounts", BlockKind.HEADING, 40), ("3. Staff costs", BlockKind.HEADING, 90)]
    )
    assert (table.title, table.unit, table.unit_text) == ("3. Staff costs", "GBP x 1000", "£000")
    assert period_columns(table) == {1: "2020-21", 2: "2019-20"}
    assert table_kind(table) == "funding"
    lines, issues = tables_to_funding([table])
    assert [(f.line_item, f.period, f.amount, f.is_total) for f in lines][:2] == [
        ("Salaries", "2020-21", 9_433_000.0, False),
        ("Salaries", "2019-20", 8_701_000.0, False),
    ]
    assert issues == []  # 9,433 + 850 = 10,283 and 8,701 + 918 = 9,619


def test_a_total_that_does_not_add_up_is_an_issue_with_both_numbers() -> None:
    rows = [r[:] for r in NOTE]
    rows[3][1] = "10,300"
    [issue] = tables_to_funding([_titled_by(_table(rows), [])])[1]
    assert "10283" in issue.detail and "10300" in issue.detail


def test_half_a_bracketed_cell_is_no_amount_but_a_bracketed_one_is_negative() -> None:
    rows = [r[:] for r in NOTE] + [["", "-230)", "(12)"]]  # a range's end, broken from "(225" on the line above
    lines, _ = tables_to_funding([_titled_by(_table(rows), [("3. Staff costs", BlockKind.HEADING, 90)])])
    assert [(f.period, f.amount) for f in lines if f.row == 4] == [("2019-20", -12_000.0)]


def test_subtotals_stand_for_their_rows_each_total_adds_the_rows_since_the_last_and_a_minus_sign_is_negative() -> None:
    rows = [
        ["", "2020 ‑ 21 £000", "2019 ‑ 20 £000"], ["Defence ³", "699", "709"], ["Other", "600", "610"],
        ["Subtotal, programmes", "1,299", "1,319"], ["Net interest", "230", "223"], ["Enforcement", "−71", ""],
        ["Total outlays", "1,458", "1,542"], ["Income tax", "1,091", "1,179"], ["Corporation tax", "181", "281"],
        ["Total receipts", "1,272", "1,461"],  # 1,179 + 281 = 1,460: off by one in a table rounded to units
    ]  # fmt: skip
    lines, issues = tables_to_funding([_titled_by(_table(rows), [("3. Outlays", BlockKind.HEADING, 90)])])
    assert [f.amount for f in lines if f.line_item == "Enforcement"] == [-71_000.0]
    assert [f.amount for f in lines if f.line_item == "Defence"] == [699_000.0, 709_000.0]  # its note mark left out
    assert issues == []
    rows[6][1] = "1,558"
    assert len(tables_to_funding([_titled_by(_table(rows), [("3. Outlays", BlockKind.HEADING, 90)])])[1]) == 1


def test_a_groups_total_in_a_statement_of_accounts_adds_the_rows_under_its_heading() -> None:
    """``Net current assets`` stands between two groups, under neither heading: the next group's total adds the
    rows under its heading (``Non current liabilities``); a grand total over groups still adds them all."""
    rows = [
        ["", "31-Mar-21 £000", "31-Mar-20 £000"], ["Current liabilities", "", ""],
        ["Trade and other payables", "(5,250)", "(3,673)"], ["Total current liabilities", "(5,250)", "(3,673)"],
        ["Net current assets/(liabilities)", "112", "(2,176)"], ["Non current liabilities", "", ""],
        ["Payables due after one year", "(3,657)", "0"], ["Total non current liabilities", "(3,657)", "0"],
        ["Taxpayers’ equity", "", ""], ["General fund", "3,545", "2,176"], ["Total taxpayers’ equity", "3,545", "2,176"],
    ]  # fmt: skip
    heading = [("Statement of financial position", BlockKind.HEADING, 90)]
    assert tables_to_funding([_titled_by(_table(rows), heading)])[1] == []
    rows[7][1] = "(3,600)"
    [issue] = tables_to_funding([_titled_by(_table(rows), heading)])[1]
    assert "-3600" in issue.detail
    grand = [["", "2021"], ["Revenue", ""], ["Grants", "10"], ["Loans", "20"], ["Capital", ""], ["Buildings", "5"],
             ["Total", "35"]]  # fmt: skip
    assert tables_to_funding([_titled_by(_table(grand), [("Budget £000", BlockKind.HEADING, 90)])])[1] == []


def test_a_caption_label_takes_the_title_line_under_it_and_its_unit() -> None:
    rows = [["", "2017", "2018"], ["Bank lending", "57", "58"], ["Equity", "5.89", "4.65"]]
    table = _titled_by(
        _table(rows),
        [
            ("FIG 1", BlockKind.PARAGRAPH, 70),
            ("ESTIMATES OF THE FLOW OF FINANCE FOR SMEs (£ BILLION)", BlockKind.PARAGRAPH, 85),
        ],
    )
    assert table.title == "FIG 1 ESTIMATES OF THE FLOW OF FINANCE FOR SMEs (£ BILLION)"
    assert table.unit == "GBP x 1000000000"
    assert table_kind(table) == "money"  # lending and equity of a market: no funding lines
    assert tables_to_funding([table]) == ([], [])
    assert 'captioned "FIG 1"' in evidence(table)


def test_a_unit_line_under_the_heading_is_the_unit_not_the_title() -> None:
    rows = [["", "Female", "BAME"], ["Advertising", "45", "12"], ["Architecture", "36", "7"]]
    table = _titled_by(
        _table(rows),
        [("Creative industries employee characteristics", BlockKind.HEADING, 75),
         ("Expressed as percentage total of the sector", BlockKind.PARAGRAPH, 90)],
    )  # fmt: skip
    assert table.title == "Creative industries employee characteristics"
    assert table.unit_text == "Expressed as percentage total of the sector" and table.unit is None
    assert table_kind(table) == "data"


def test_a_lead_in_sentence_is_no_title_and_per_cent_cells_give_the_unit() -> None:
    rows = [["Region", "Exporters", "All"], ["London", "16.6%", "26.5%"], ["Wales", "4.1%", "3.9%"]]
    table = _titled_by(
        _table(rows), [("The table below shows the share of exporters by region:", BlockKind.PARAGRAPH, 90)]
    )
    assert table.title is None and table.unit_text == "%"


def test_one_column_of_amounts_takes_its_period_from_the_caption() -> None:
    rows = [["Programme", "£m"], ["Skills", "12.5"], ["Research", "30.0"], ["Total", "42.5"]]
    table = _titled_by(_table(rows), [("Table 4: Budget allocation 2021-22", BlockKind.PARAGRAPH, 90)])
    lines, _issues = tables_to_funding([table])
    assert [(f.line_item, f.period, f.amount) for f in lines] == [
        ("Skills", "2021-22", 12_500_000.0), ("Research", "2021-22", 30_000_000.0), ("Total", "2021-22", 42_500_000.0),
    ]  # fmt: skip


def test_an_amount_under_a_bound_or_before_dot_leaders_or_a_full_stop_is_the_figure_printed() -> None:
    rows = [
        ["Action", "2021-22"],
        ["Wiring change ......", "Up to $766,865."],
        ["Sensor test ......", "$248,200."],
        ["Revisions . . . . .", "$6,205 ......"],
    ]
    table = _titled_by(_table(rows), [("ESTIMATED COSTS", BlockKind.PARAGRAPH, 90)])
    assert table.unit == "USD x 1"
    lines, _issues = tables_to_funding([table])
    assert [(f.line_item, f.period, f.amount) for f in lines] == [
        ("Wiring change", "2021-22", 766_865.0), ("Sensor test", "2021-22", 248_200.0), ("Revisions", "2021-22", 6_205.0),
    ]  # fmt: skip


def test_columns_of_amounts_under_a_total_column_give_lines_in_the_titles_period() -> None:
    rows = [["Property, plant & equipment", "Buildings £000", "Leasehold improvements £000", "Total £000"],
            ["Additions", "4,152", "310", "4,462"], ["Depreciation charge for the year", "(294)", "0", "(294)"],
            ["NBV at 31 March 2021", "3,858", "310", "4,100"]]  # fmt: skip
    table = _table(rows, title="8. Property, plant and equipment", unit="GBP x 1000")
    lines, issues = tables_to_funding([table])
    assert [(f.line_item, f.period, f.amount) for f in lines[:3]] == [
        ("Additions", "none", 4_152_000.0), ("Additions", "none", 310_000.0), ("Additions", "total", 4_462_000.0),
    ]  # fmt: skip  # the asset classes are no periods and the title names none
    assert [i.kind for i in issues] == ["total_mismatch"]  # 3,858 + 310 is not 4,100


def test_columns_of_amounts_beside_total_columns_by_year_give_undated_lines_and_a_row_of_counts_none() -> None:
    rows = [["", "Permanent staff £’000", "Seconded staff £’000", "Total 2019-20 £’000", "Total 2018-19 £’000"],
            ["Salaries", "8,701", "2,391", "11,092", "10,325"], ["Social security", "1,082", "219", "1,301", "1,186"],
            ["Staff numbers (average FTE)", "102", "32", "134", "125"]]  # fmt: skip
    table = _titled_by(_table(rows), [("Staff costs", BlockKind.HEADING, 90)])
    assert table.unit == "GBP x 1000" and period_columns(table) == {3: "2019-20", 4: "2018-19"}
    lines, issues = tables_to_funding([table])
    assert [(f.line_item, f.period, f.amount, f.is_total) for f in lines[:4]] == [
        ("Salaries", "none", 8_701_000.0, False), ("Salaries", "none", 2_391_000.0, False),
        ("Salaries", "2019-20", 11_092_000.0, True), ("Salaries", "2018-19", 10_325_000.0, True),
    ]  # fmt: skip
    assert len(lines) == 8 and issues == []  # the staff numbers are counts, not money


def test_a_titles_last_clause_or_a_header_cell_that_is_a_unit_gives_the_unit() -> None:
    rows = [["", "Percentage"], ["Working capital", "28%"], ["To take on staff", "6%"]]
    assert _titled_by(_table(rows), [("FIG 7 REASONS FOR FUNDING", BlockKind.HEADING, 90)]).unit_text == "Percentage"
    rows = [["Receive trade credit", "35%"], ["Not sure", "2%"], ["Do not receive trade credit", "65%"]]
    titled = _titled_by(
        _table(rows, header_rows=0), [("FIG 8 TRADE CREDIT, PERCENTAGE OF SMEs", BlockKind.HEADING, 90)]
    )
    assert titled.unit_text == "PERCENTAGE OF SMEs"


@pytest.mark.slow
@pytest.mark.corpus
def test_issue_21_reported_pages_contents_and_chart_labels_are_not_tables() -> None:
    bbb, _ = found_tables(corpus_path("policy/uk_bbb_small_business_finance_markets_2019.pdf").resolve())
    # p2 the contents page; pp62, 68, 72 charts' axes and legends
    assert not [t for t in bbb if t.page in (2, 62, 68, 72)]
    creative, _ = found_tables(corpus_path("policy/uk_creative_industries_sector_deal_2018.pdf").resolve())
    assert not [t for t in creative if t.page == 25]  # a map's numbered key set in ruled columns


@pytest.mark.slow
@pytest.mark.corpus
def test_issue_21_an_annual_reports_notes_give_funding_lines() -> None:
    tables, funding = found_tables(corpus_path("policy/uk_ukgi_annual_report_2021.pdf").resolve())
    [staff] = [t for t in tables if t.page == 78 and t.title == "3. Staff Costs"]
    assert (staff.unit, staff.header_rows, period_columns(staff)) == ("GBP x 1000", 1, {1: "2020-21", 2: "2019-20"})
    lines = {(f.line_item, f.period): f.amount for f in funding if f.table_number == staff.number}
    assert lines[("Salaries", "2020-21")] == 9_433_000 and lines[("Total Costs", "2019-20")] == 13_774_000
    [costs] = [t for t in tables if t.page == 60 and t.n_cols == 5]  # a ruled header band over unruled figures
    assert costs.header_rows == 1 and costs.unit == "GBP x 1000"
    assert [c.text for c in costs.cells if c.row == 4][:2] == ["Recoveries in respect of outward secondments", "(245)"]


@pytest.mark.slow
@pytest.mark.corpus
def test_issue_21_figures_with_decimal_commas_are_a_table_not_garbled_text() -> None:
    tables, _ = found_tables(corpus_path("policy/ee_estonia_s3_analysis.pdf").resolve())
    [scores] = [t for t in tables if t.page == 15]
    assert scores.title and scores.title.startswith("Table 2.")
    assert scores.n_rows >= 9


def test_a_unit_in_words_and_an_indented_items_label() -> None:
    rows = [
        ["", "", "2013", "2014"],
        ["Outlays:", "", "", ""],
        ["", "Defense", "700", "673"],
        ["", "Non-defense", "565", "546"],
    ]
    table = _titled_by(_table(rows), [("(In billions of dollars)", BlockKind.PARAGRAPH, 90)])
    assert (table.unit, table.unit_text) == ("USD x 1000000000", "billions of dollars")
    assert table_kind(table) == "funding"  # outlays
    lines, _ = tables_to_funding([table])
    assert [(f.line_item, f.period, f.amount) for f in lines][:2] == [
        ("Defense", "2013", 7e11),
        ("Defense", "2014", 6.73e11),
    ]


def test_a_header_cell_naming_two_periods_gives_no_funding_lines() -> None:
    # '2011 2012' over one column: the figures under the header are shifted against their periods
    rows = [
        ["", "2011 2012", "2013", "2014"],
        ["Budget line", "699", "709", "700"],
        ["Other costs", "600", "610", "565"],
    ]
    table = _titled_by(_table(rows), [("Table 5: Budget (£m)", BlockKind.PARAGRAPH, 90)])
    assert table_kind(table) == "funding" and tables_to_funding([table]) == ([], [])


def test_a_caption_printed_over_each_page_and_wrapped_to_a_second_line_is_the_title_whole() -> None:
    """A long table's caption, printed again over each of its pages (so the layout takes it for page furniture),
    its last words wrapped to a line of their own: the title is the caption whole; a line under a caption that
    starts a sentence of its own is no part of it."""
    rows = [["Region", "2003–04", "2004–05"], ["Northeast", "485,670", "503,528"], ["Maine", "13,278", "13,077"]]
    caption = "Table 14. Actual and projected numbers for public high school graduates, by region: School years"
    table = _titled_by(
        _table(rows), [(caption, BlockKind.FURNITURE, 78), ("2003–04 through 2021–22", BlockKind.PARAGRAPH, 90)]
    )
    assert table.title == caption  # the wrapped line starts with a figure, not a lower-case word: left apart
    wrapped = _titled_by(
        _table(rows), [(caption, BlockKind.FURNITURE, 78), ("through 2021–22", BlockKind.PARAGRAPH, 90)]
    )
    assert wrapped.title == f"{caption} through 2021–22"
    for under in ("Figures are rounded.", "per cent", "base: all firms"):  # a sentence, a unit, a note
        noted = _titled_by(_table(rows), [(caption, BlockKind.PARAGRAPH, 78), (under, BlockKind.PARAGRAPH, 90)])
        assert noted.title == caption
    assert noted.unit_text is None and _titled_by(_table(rows), [(caption, BlockKind.PARAGRAPH, 78),
        ("per cent", BlockKind.PARAGRAPH, 90)]).unit_text == "per cent"  # fmt: skip


def test_a_question_over_a_table_of_its_answers_is_its_title_however_long() -> None:
    rows = [["Synthèse des résultats", "Tous les jours", "Jamais", "Total"], ["", "60%", "3%", "244"]]
    question = (
        "Question 3 : À quelle fréquence optez-vous pour un moyen de transport actif (marche, course, vélo, "
        "ski, raquette, canoë-kayak, etc.) lors de vos déplacements récréatifs ou utilitaires ?"
    )
    table = _titled_by(_table(rows), [(question, BlockKind.PARAGRAPH, 90)])
    assert table.title == question
    assert table.unit_text == "%"  # the shares' unit: the Total column's count of answers is left out
    statement = "Most residents travel on foot or by bike every day, and fewer than one in twenty never do."
    assert _titled_by(_table(rows), [(statement, BlockKind.PARAGRAPH, 90)]).title is None  # a sentence


def test_an_item_labelled_by_a_word_over_a_table_is_its_title_a_bullet_item_is_not() -> None:
    rows = [["Synthèse des résultats", "Standart", "%"], ["Oui", "190", "79%"], ["Non", "34", "14%"]]
    said = "Question 4 : Aimeriez-vous utiliser un moyen de transport actif plus fréquemment?"
    box = BBox(x0=0, top=80, x1=300, bottom=90)
    for marker, title in (("Question 4", said), ("•", None)):
        item = Block(BlockKind.LIST_ITEM, 0, len(said), 1, box, list_id=1, ordinal=1, marker=marker)
        assert _titled(_table(rows), [item], said + "\n").title == title


@pytest.mark.corpus
def test_survey_tables_over_their_charts_are_tables_titled_by_their_questions() -> None:
    # p58: a ruled table of answers right over a bar chart drawn as a picture (the chart does not take the
    # table's lines as its labels), and a second under a labelled question (whose item does not take the
    # table's lines as its paragraph)
    tables, _ = found_tables(corpus_path("policy/ca_chelsea_plan_directeur_transport_actif_2021.pdf").resolve())
    titles = [t.title or "" for t in tables if t.page == 58]
    assert [title.split(" :")[0] for title in titles] == ["Question 3", "Question 4"]
    assert titles[0].endswith("récréatifs ou utilitaires ?")


def test_a_table_whose_periods_run_down_its_first_column_gives_a_line_per_year_and_column_of_amounts() -> None:
    """Years down the stub, a share in % beside amounts printed in pounds under a heading in billions: the
    unit comes from the heading's bracket and the cells' sign, and each amount is a line of its column in its
    row's year; the shares give none."""
    rows = [
        ["Year", "Ambition", "Procurement Spend (bn)", "Spend with SMEs (bn)", "Notes"],
        ["2013-14", "25%", "£0.39", "£0.09", "Total of direct and indirect spend"],
        ["2014-15", "25%", "£0.40", "£0.12", "Total of direct and indirect spend"],
    ]
    table = _titled_by(_table(rows), [("Table 1: Spend to date", BlockKind.PARAGRAPH, 90)])
    assert (table.unit, table.unit_text) == ("GBP x 1000000000", "bn")
    lines, issues = tables_to_funding([table])
    assert [(f.line_item, f.period, round(f.amount)) for f in lines] == [
        ("Procurement Spend (bn)", "2013-14", 390_000_000),
        ("Spend with SMEs (bn)", "2013-14", 90_000_000),
        ("Procurement Spend (bn)", "2014-15", 400_000_000),
        ("Spend with SMEs (bn)", "2014-15", 120_000_000),
    ]
    assert issues == []
    one = [row[:3] for row in rows]  # one column of amounts: still a line per year, not one line per row label
    lines, _ = tables_to_funding([_titled_by(_table(one), [("Table 1: Spend to date", BlockKind.PARAGRAPH, 90)])])
    assert [(f.line_item, f.period) for f in lines] == [
        ("Procurement Spend (bn)", "2013-14"),
        ("Procurement Spend (bn)", "2014-15"),
    ]
    mixed = [row[:] for row in rows]  # billions beside millions: no one unit for the table
    mixed[0][3], mixed[1][3], mixed[2][3] = "Grants (m)", "£12", "£14"
    assert _titled_by(_table(mixed), []).unit is None
    rows[2][0] = "Forecast"  # a row not labelled by a period: the periods do not run down the table
    assert tables_to_funding([_titled_by(_table(rows), [("Table 1: Spend to date", BlockKind.PARAGRAPH, 90)])])[0] == []


def test_periods_down_the_stub_under_group_labels_give_a_line_per_money_column_at_its_own_scale() -> None:
    """A statistical table: years down the stub under ``Actual`` and ``Projected``, the currency printed on the
    first row only, totals in billions beside amounts per pupil in whole dollars, a column of counts, and cells
    not available (``—``). Each amount is a line of its column's header path in its row's year; the counts and the
    dashes give none."""
    rows = [
        ["", "", "Current expenditures", "", ""],
        ["", "", "Constant dollars", "", "Current dollars"],
        ["School year", "Enrollment (in thousands)", "Total (in billions)", "Per pupil", "Total (in billions)"],
        ["Actual", "", "", "", ""],
        ["1996–97", "45,611", "$375.9", "$8,242", "$270.2"],
        ["Projected", "", "", "", ""],
        ["2015–16", "50,773", "585.6", "11,534", "—"],
    ]
    spans = {(0, 2): 3, (1, 2): 2}
    table = _table(rows, header_rows=3)
    table = dataclasses.replace(
        table, cells=[dataclasses.replace(c, col_span=spans.get((c.row, c.col), 1)) for c in table.cells]
    )
    table = _titled_by(table, [("Table 18. Current expenditures: School years", BlockKind.PARAGRAPH, 90)])
    assert (table.unit, table.unit_text) == ("USD x 1000000000", "billions")
    lines, _ = tables_to_funding([table])
    assert [(f.line_item, f.period, round(f.amount), f.unit_multiplier) for f in lines] == [
        ("Current expenditures Constant dollars Total (in billions)", "1996-97", 375_900_000_000, 1e9),
        ("Current expenditures Constant dollars Per pupil", "1996-97", 8_242, 1),
        ("Current expenditures Current dollars Total (in billions)", "1996-97", 270_200_000_000, 1e9),
        ("Current expenditures Constant dollars Total (in billions)", "2015-16", 585_600_000_000, 1e9),
        ("Current expenditures Constant dollars Per pupil", "2015-16", 11_534, 1),
    ]
    rows[6][0] = "Notes"  # a row with figures not labelled by a period: the periods do not run down the table
    assert tables_to_funding([_titled_by(_table(rows, header_rows=3), [])])[0] == []
    # a column of counts headed by its scale leaves a money column headed by its own unit at that unit
    counted = [["Year", "Spending (£m)", "Pupils (000)"], ["2019-20", "£1,200", "8,100"], ["2020-21", "1,250", "8,200"]]
    lines, _ = tables_to_funding([_titled_by(_table(counted), [("Table 4. School spending", BlockKind.PARAGRAPH, 90)])])
    assert [(f.period, round(f.amount)) for f in lines] == [("2019-20", 1_200_000_000), ("2020-21", 1_250_000_000)]


def test_the_title_of_a_table_set_beside_another_is_the_part_of_the_title_line_over_it() -> None:
    """The titles of two tables side by side printed on one line, which the layout reads as one heading: each
    table's title is the part over it, and a count's scale in its header, ``(000)``, is its unit."""
    table = _table([["From", "Visits (000)"], ["USA", "4,499"], ["France", "3,570"]])  # x 0 to 180
    said = "Top markets by volume Top markets by value"
    words, start = [], 0
    for k, word in enumerate(said.split()):
        x = 10 + 30 * k if k < 4 else 300 + 30 * (k - 4)
        words.append(Word(start, start + len(word), 1, x, 80, x + 25, 90))
        start += len(word) + 1
    heading = Block(BlockKind.HEADING, 0, len(said), 1, BBox(x0=10, top=80, x1=415, bottom=90))
    titled = _titled(table, [heading], said + "\n", words)
    assert titled.title == "Top markets by volume" and titled.unit_text == "000"
    assert _titled(table, [heading], said + "\n").title == said  # without its words, the block whole


@pytest.mark.slow
@pytest.mark.corpus
def test_a_title_bar_drawn_as_the_tables_first_row_is_its_title_and_stays_a_row() -> None:
    """A grid of shaded cells (company | description) under a red bar naming it, on both halves of a spread, with
    no caption outside the grid: the bar, a row of one cell across the grid, is the title. On the left half the
    grid is read with a box of bullets above it, whose own bar and sub-heading are not the title."""
    tables, _ = found_tables(corpus_path("policy/uk_ai_sector_deal_2018.pdf").resolve())
    grids = [t for t in tables if t.page == 8]
    assert [t.title for t in grids] == ["Investments in the UK from AI powerhouses"] * 2
    right = grids[1]
    assert [c.text for c in right.cells if c.row == 0] == ["Investments in the UK from AI powerhouses"]
    assert [c.text for c in right.cells if c.row == 1][:1] == ["Beyond Limits"]


@pytest.mark.slow
@pytest.mark.corpus
def test_a_panel_of_stacked_boxes_over_one_row_of_labels_is_no_table() -> None:
    """The Space Strategy's panels: boxes one under another, each across the panel (a heading, a paragraph, a
    title), over one row of labels under icons, with rules drawn under the labels (p. 16), or over a row of five
    goals and more boxes (p. 8). No two rows hold cells side by side: an infographic, not a table. The ruled
    table of capability priorities (p. 41) stays."""
    tables, _ = found_tables(corpus_path("policy/uk_national_space_strategy_2021.pdf").resolve())
    assert not [t for t in tables if t.page in (8, 16)]
    assert [t for t in tables if t.page == 41]


@pytest.mark.slow
@pytest.mark.corpus
def test_a_board_table_ruled_between_its_rows_under_header_cells_is_one_table() -> None:
    """The annual reports' board tables (UKGI 2020 p. 39, and the 2021 report's across pp. 37-38) and risk tables
    (p. 34 of both): a shaded header band parted into cells over rules between rows, each row a name over
    "(appointed ...)" or a risk's name over its icon. Each is one table of three columns, its header the band's
    cells, its names one cell each: not a one-row table of the band and paragraphs of the rows."""
    tables, _ = found_tables(corpus_path("policy/uk_ukgi_annual_report_2020.pdf").resolve())
    [board] = [t for t in tables if t.page == 39]
    assert (board.n_rows, board.n_cols) == (13, 3)
    assert [c.text for c in board.cells if c.row == 0] == ["Board Member", "Position", "Committee Membership"]
    assert "Treasury-Appointed Non- Executive Director" in [c.text for c in board.cells if c.col == 1]
    [risks] = [t for t in tables if t.page == 34]
    assert (risks.n_rows, risks.n_cols) == (4, 3)


@pytest.mark.slow
@pytest.mark.corpus
def test_a_tall_first_group_of_rows_is_no_gap_between_two_tables() -> None:
    """SME exporting trends p. 12 (a spread), TABLE 4: under its header rule, a first group of four measures of one
    survey runs twice the height of the other groups. The rule under the header still rules the table: it is read
    like TABLE 3 beside it, each a table of three columns titled by its caption."""
    tables, _ = found_tables(corpus_path("policy/uk_bbb_sme_exporting_trends.pdf").resolve())
    titles = sorted((t.title or "")[:7] for t in tables if t.page == 12)
    assert titles == ["TABLE 3", "TABLE 4"]
    assert all(t.n_cols == 3 for t in tables if t.page == 12)


@pytest.mark.slow
@pytest.mark.corpus
def test_two_tables_side_by_side_whose_labels_wrap_are_read_whole() -> None:
    """Small business finance markets 2017/18 p. 35 (a spread): FIG B.39 and FIG B.40 side by side, B.39's rows
    with wrapped labels read apart from their figures. B.39 is one table of six columns from "Unweighted base:"
    to "None of these", not two tables cut at the wrapped labels."""
    tables, _ = found_tables(corpus_path("policy/uk_bbb_small_business_finance_markets_2018.pdf").resolve())
    left = [t for t in tables if t.page == 35 and t.bbox is not None and t.bbox.x1 < 890]
    [table] = left
    assert table.n_cols == 6
    stub = [c.text for c in table.cells if c.col == 0]
    assert "-Leasing or hire purchase" in stub and stub[-1] == "None of these"


@pytest.mark.parametrize(
    ("unit_line", "unit"),
    [
        ("(In crores of Rupees )", "INR x 10000000"),
        ("(Rs. in 000)", "INR x 1000"),
        ("(₹ Billion)", "INR x 1000000000"),
        ("Rs. in lakhs", "INR x 100000"),
        ("(In billions of dollars)", "USD x 1000000000"),
    ],
)
def test_a_unit_line_under_an_annex_tables_caption_is_its_unit_in_any_currency(unit_line: str, unit: str) -> None:
    rows = [["", "2013", "2014"], ["Defense", "700", "673"], ["Non-defense", "565", "546"]]
    table = _titled_by(
        _table(rows),
        [("Table S–4. Adjusted Baseline by Category", BlockKind.PARAGRAPH, 70), (unit_line, BlockKind.PARAGRAPH, 85)],
    )
    assert table.title == "Table S–4. Adjusted Baseline by Category"
    assert table.unit == unit


def test_a_counts_scale_alone_on_a_line_under_the_caption_is_its_unit_not_its_title() -> None:
    """``[In thousands]`` alone on its line under the caption is the table's unit, not part of its title, and says
    the unit better than a heading naming what a column counts (``Number of teachers``)."""
    rows = [["Region", "Number of teachers", "New hires"], ["Northeast", "1,021", "103"], ["Midwest", "1,244", "116"]]
    table = _titled_by(
        _table(rows),
        [("Table 16. Teachers by region", BlockKind.PARAGRAPH, 70), ("[In thousands]", BlockKind.PARAGRAPH, 85)],
    )
    assert (table.title, table.unit, table.unit_text) == ("Table 16. Teachers by region", None, "[In thousands]")


@pytest.mark.slow
@pytest.mark.corpus
def test_a_budget_table_under_its_caption_and_unit_line_gives_its_funding_lines() -> None:
    """The US budget's summary table (tables corpus): "Table S–4." over "(In billions of dollars)" over the
    header; the unit line is neither the title nor a row, and every amount by year is a line."""
    tables, funding = found_tables(corpus_path("tables/us_budget_adjusted_baseline_outlays_fy2011_2022.pdf").resolve())
    [table] = tables
    assert table.title and table.title.startswith("Table S–4. Adjusted Baseline by Category")
    assert table.unit == "USD x 1000000000"
    assert not any("billions" in c.text for c in table.cells)
    lines = {(f.line_item, f.period): (f.amount, f.is_total) for f in funding}
    assert lines[("Defense", "2011")] == (699e9, False)
    assert lines[("Subtotal, appropriated programs", "2022")] == (1398e9, True)


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.parametrize(
    ("relative", "page"),
    [
        ("policy/lt_ris3_programme.pdf", 14),  # white boxes behind each line of a paragraph
        ("policy/uk_oxfordshire_strategic_economic_plan_2024.pdf", 6),  # a highlight behind lines of a panel
    ],
)
def test_boxes_drawn_behind_lines_of_running_text_are_no_table(relative: str, page: int, tmp_path: Path) -> None:
    # their sides run through words where a line's boxes end ("team" across two boxes): a table's rules never do
    [spec] = sources_to_specs(cut(relative, page, tmp_path).parent)
    assert source_to_document(spec).tables == []


@pytest.mark.slow
@pytest.mark.corpus
def test_a_bar_charts_categories_with_their_values_are_a_chart_not_a_table() -> None:
    # p17: each bar's category and its value read as one line ("MA SANTÉ PHYSIQUE ET MENTALE 42%"), long
    # categories among them; p62: two small survey tables over two such charts stay tables
    tables, _ = found_tables(corpus_path("policy/ca_chelsea_plan_directeur_transport_actif_2021.pdf").resolve())
    assert not [t for t in tables if t.page == 17]
    assert [(t.n_rows, t.n_cols) for t in tables if t.page == 62] == [(2, 7), (3, 7)]


def test_a_span_of_years_beside_its_years_adds_them_up() -> None:
    # a column over 2013–2015 beside the columns of 2013, 2014 and 2015: its lines are totals, in their span
    rows = [["Spending", "2013", "2014", "2015", "2013–2015"], ["Schools", "10", "12", "14", "36"]]
    table = _titled_by(_table(rows), [("Table 5: Public spending by programme (£m)", BlockKind.PARAGRAPH, 90)])
    lines, _ = tables_to_funding([table])
    assert [(f.period, f.amount, f.is_total) for f in lines] == [
        ("2013", 10e6, False), ("2014", 12e6, False), ("2015", 14e6, False), ("2013-15", 36e6, True),
    ]  # fmt: skip


@pytest.mark.slow
@pytest.mark.corpus
def test_a_caption_with_a_colon_titles_its_table_and_is_no_row_of_it() -> None:
    # "Table: 5 Public Health Outlay 2012-13 (Budget Estimates)" over "(Rs. in 000)" (tables corpus)
    [table], _ = found_tables(corpus_path("tables/in_public_health_outlay_2012_13.pdf").resolve())
    assert table.title and table.title.startswith("Table: 5 Public Health Outlay 2012-13")
    assert table.unit == "INR x 1000"
    assert not any("Table" in c.text for c in table.cells)
