"""PDF tables: unruled tables from the words' gutters, the strategy chosen per region, spanning header
cells, wrapped cells, tables continued across pages; exact cells on real pages of the corpus; and the
ICDAR 2013 level reached (``make eval-tables``)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
from support import corpus_path, cut
from table_eval import evaluate, found_tables

from pipeline.evaluation import adjacency_relations
from pipeline.ingest.manifest import sources_to_specs
from pipeline.models import BBox, Block, BlockKind, RawTable, Table, TableCell, Word
from pipeline.parse import source_to_document
from pipeline.readers.table_finder import (
    _Cell,
    _framed_stubs,
    _header_edges,
    _over_groups,
    _row_ruled,
    _rows_inside,
    lines_to_tables,
    lines_to_text_tables,
    rejoin_columns,
)
from pipeline.tables.build import _titled, _unit, join_continued, pdf_tables, period_columns

SIZE = 9.0
CHAR = 4.5  # a character's width in the synthetic lines
SPACE = 0.3 * SIZE  # a space between words


def line(top: float, *cells: tuple[float, str]) -> list[dict[str, Any]]:
    """A visual line of words: each (x, text) is a cell whose words are a space apart."""
    out = []
    for x, text in cells:
        for word in text.split():
            out.append({"text": word, "x0": x, "x1": x + CHAR * len(word), "top": top, "bottom": top + SIZE,
                        "size": SIZE, "fontname": "Helvetica"})  # fmt: skip
            x += CHAR * len(word) + SPACE
    return out


def tables_of(lines: list[list[dict[str, Any]]]) -> list[Table]:
    """The text tables found in ``lines``."""
    return _built(lines, lines_to_text_tables(lines, 1))


def tables_from(lines: list[list[dict[str, Any]]], ruled: list[RawTable]) -> list[Table]:
    """The tables found in ``lines`` with the ``ruled`` tables of their page."""
    return _built(lines, lines_to_tables(lines, ruled, 1))


def _built(lines: list[list[dict[str, Any]]], raw: list[RawTable]) -> list[Table]:
    """``raw`` tables built from the words of ``lines``, as an ingest builds them."""
    words: list[Word] = []
    text_parts: list[str] = []
    offset = 0
    for ln in lines:
        for w in ln:
            words.append(Word(offset, offset + len(w["text"]), 1, w["x0"], w["top"], w["x1"], w["bottom"]))
            text_parts.append(w["text"])
            offset += len(w["text"]) + 1
    return pdf_tables(" ".join(text_parts), words, raw)


def cells_of(lines: list[list[dict[str, Any]]]) -> list[list[str]]:
    """The one text table found in ``lines``, as rows of cell texts ('' empty, None covered by a span)."""
    [table] = tables_of(lines)
    grid = table.grid()
    covered = {(c.row, k) for c in table.cells for k in range(c.col + 1, c.col + c.col_span)}
    return [
        [None if (r, k) in covered else (cell.text if cell else "") for k, cell in enumerate(row)]
        for r, row in enumerate(grid)
    ]


def test_an_unruled_table_is_read_by_its_gutters() -> None:
    lines = [
        line(100, (50, "Sector"), (200, "Jobs"), (260, "Share")),
        line(112, (50, "Advanced manufacturing"), (200, "21,000"), (260, "12%")),
        line(124, (50, "Tourism"), (200, "9,500"), (260, "5%")),
        line(136, (50, "Total"), (200, "30,500"), (260, "17%")),
    ]
    assert cells_of(lines) == [
        ["Sector", "Jobs", "Share"],
        ["Advanced manufacturing", "21,000", "12%"],
        ["Tourism", "9,500", "5%"],
        ["Total", "30,500", "17%"],
    ]


def test_a_header_over_two_columns_spans_them_and_a_wrapped_label_is_one_cell() -> None:
    lines = [
        line(100, (222, "All items")),  # centred over both columns
        line(112, (50, "Content"), (200, "Number"), (245, "Percent")),
        line(124, (50, "Total items"), (215, "135"), (260, "100")),
        line(136, (50, "Literary experience and"), (215, "72"), (260, "53")),
        line(148, (50, "reading for pleasure")),
        line(160, (50, "Information"), (215, "63"), (260, "47")),
    ]
    assert cells_of(lines) == [
        ["", "All items", None],
        ["Content", "Number", "Percent"],
        ["Total items", "135", "100"],
        ["Literary experience and reading for pleasure", "72", "53"],
        ["Information", "63", "47"],
    ]


def test_a_heading_set_flush_right_that_reaches_back_over_the_gutter_heads_its_own_column() -> None:
    # "of total spend" ends over its figures, its first word left of the middle of the gutter before them
    lines = [
        line(100, (50, "Region"), (150, "Spend"), (236, "Share")),
        line(110, (150, "(£m)"), (205, "of total spend")),
        line(124, (50, "North"), (150, "21,000"), (250, "12%")),
        line(136, (50, "South"), (150, "9,500"), (250, "5%")),
        line(148, (50, "Total"), (150, "30,500"), (250, "17%")),
    ]
    assert cells_of(lines)[0] == ["Region", "Spend (£m)", "Share of total spend"]


def test_a_heading_centred_over_its_column_and_reaching_into_the_gutter_before_it_heads_its_own_column() -> None:
    # "Welfare" is wider than the figures under it, centred over them: it starts left of the middle of the
    # gutter before them, a wide space after "Public"
    lines = [
        line(100, (50, "State"), (155, "Medical"), (212, "Family")),
        line(110, (160, "Public"), (200, "Welfare")),
        line(124, (50, "North"), (150, "1,275,000"), (213, "15,000")),
        line(136, (50, "South"), (150, "5,329,000"), (235.5, "0")),
        line(148, (50, "East"), (150, "2,366,592"), (213, "42,000")),
    ]
    assert cells_of(lines)[0] == ["State", "Medical Public", "Family Welfare"]


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(
            [line(100 + 12 * i, (50, "•"), (70, f"point number {i} of the list")) for i in range(4)], id="bullets"
        ),
        pytest.param(
            [line(100 + 12 * i, (50, f"{i + 1}"), (70, f"Footnote {i} at gov.uk")) for i in range(4)], id="notes"
        ),
        pytest.param(
            [line(100 + 12 * i, (50, f"Chapter {i} title"), (300, f"{5 + 7 * i}")) for i in range(5)], id="contents"
        ),
        pytest.param(
            [line(100 + 12 * i, (50, "running text in the left"), (300, "column and more text on")) for i in range(5)],
            id="two-columns-of-prose",
        ),
        pytest.param([line(100 + 12 * i, (50, f"{400 - 50 * i}"), (300, "x y")) for i in range(5)], id="chart-axis"),
    ],
)
def test_lists_notes_contents_prose_and_charts_are_not_tables(lines: list[list[dict[str, Any]]]) -> None:
    assert lines_to_text_tables(lines, 1) == []


def test_a_ruled_table_whose_rules_only_separate_rows_is_read_by_its_gutters() -> None:
    lines = [
        line(100, (50, "Region"), (200, "2019"), (260, "2020")),
        line(112, (50, "North"), (200, "10"), (260, "12")),
        line(124, (50, "South"), (200, "20"), (260, "22")),
    ]
    whole_rows = [[BBox(x0=40, top=98 + 12 * i, x1=300, bottom=110 + 12 * i)] for i in range(3)]
    ruled = RawTable(1, BBox(x0=40, top=98, x1=300, bottom=134), whole_rows)
    [table] = lines_to_tables(lines, [ruled], 1)
    assert table.strategy == "text"
    assert len(table.rows) == 3 and len(table.rows[0]) == 3


def test_a_paragraph_beside_a_ruled_table_is_no_table_with_the_rows_level_with_its_lines() -> None:
    """A paragraph runs down beside a small ruled table, its lines level with the table's rows: the unruled
    reading that takes each prose line with the row beside it reaches into the ruled table, and is dropped,
    however little of the ruled box it covers."""
    prose = [
        "Although a recovery in the population",
        "of eagles has resulted in a status",
        "upgrade from endangered to",
        "threatened in five states of the",
        "country, populations are still low",
        "throughout much of their range.",
    ]
    rows = [("Species", "Share"), ("Kingfisher", "29%"), ("Bald Eagle", "34%"), ("Osprey", "20%"), ("Loon", "40%"),
            ("Panther", "100%"), ("Mink", "35%"), ("Otter", "38%")]  # fmt: skip
    lines = [line(100 + 12 * i, (50, text)) for i, text in enumerate(prose[:2])]
    lines += [line(124 + 12 * i, (50, text), (310, label), (440, share))
              for i, (text, (label, share)) in enumerate(zip(prose[2:], rows[:4], strict=True))]  # fmt: skip
    lines += [line(172 + 12 * i, (310, label), (440, share)) for i, (label, share) in enumerate(rows[4:])]
    cells = [[BBox(x0=x0, top=122 + 12 * i, x1=x1, bottom=134 + 12 * i) for x0, x1 in ((306, 400), (400, 496))]
             for i in range(len(rows))]  # fmt: skip
    ruled = RawTable(1, BBox(x0=306, top=122, x1=496, bottom=218), cells)
    assert [t.strategy for t in lines_to_tables(lines, [ruled], 1)] == ["lines"]


def test_a_table_of_words_touching_a_ruled_table_under_it_stands() -> None:
    """An action table of long cells set right over a ruled budget table, its last row's box a point inside the
    ruled one: it takes none of the ruled table's rows, so it is no prose read across it, and both tables stand."""
    acts = [("Action", "Lead organisation", "Date"),
            ("Launch a regional skills fund for SMEs", "Regional Development Agency North", "2021"),
            ("Open two new innovation hubs in the city", "University of the North and partners", "2022"),
            ("Publish a digital adoption plan for firms", "Chamber of Commerce and Industry", "2022"),
            ("Review the export support services offer", "Department for Trade and Business", "2023")]  # fmt: skip
    lines = [line(100 + 12 * i, (40, a), (225, b), (395, c)) for i, (a, b, c) in enumerate(acts)]
    rows = [
        ("Budget line", "2021", "2022"),
        ("Skills fund", "12", "14"),
        ("Hubs", "30", "31"),
        ("Digital plan", "5", "6"),
    ]
    lines += [line(159 + 14 * i, (45, a), (250, b), (400, c)) for i, (a, b, c) in enumerate(rows)]
    cells = [[BBox(x0=x0, top=156 + 14 * i, x1=x1, bottom=170 + 14 * i) for x0, x1 in ((40, 240), (240, 390), (390, 450))]
             for i in range(len(rows))]  # fmt: skip
    ruled = RawTable(1, BBox(x0=40, top=156, x1=450, bottom=156 + 14 * len(rows)), cells)
    assert sorted(t.strategy for t in lines_to_tables(lines, [ruled], 1)) == ["lines", "text"]


def test_a_cell_wrapped_level_with_a_wrapped_label_is_one_value_not_rows() -> None:
    """A label and a note each wrapped over three lines set level: the note runs on ("weighted sample, ..."
    under "All SMEs. Previous 12 months,"), so it is one value; short labels level line by line with names that
    open in capitals are rows, one per line."""
    label = [line(100, (50, "BEIS Small Business Survey")), line(112, (50, "(UK Department for Business")),
             line(124, (50, "Industrial Strategy, 2019)"))]  # fmt: skip
    note = [line(100, (200, "All SMEs. Previous 12 months,")), line(112, (200, "weighted sample, disaggregating")),
            line(124, (200, "results for 1-4 and 5-9 employees."))]  # fmt: skip
    assert not _rows_inside(label, note, 400)
    names = [line(100, (50, "North")), line(112, (50, "South")), line(124, (50, "East"))]
    towns = [line(100, (200, "Leeds")), line(112, (200, "Bristol")), line(124, (200, "Norwich"))]
    assert _rows_inside(names, towns, 400)


def test_a_value_wrapped_for_want_of_room_level_with_a_name_and_its_note_is_one_value() -> None:
    """A board member's name over "(appointed ...)", level with a position wrapped over two lines because its
    next word would not fit in the column ("Treasury-Appointed Non-" / "Executive Director"): one value, though
    the second line opens in a capital. The same lines in a column wide enough to have held the word are rows."""
    name = [line(100, (50, "Charles Roxburgh")), line(112, (50, "(appointed 28 September 2016)"))]
    position = [line(100, (200, "Treasury-Appointed Non-")), line(112, (200, "Executive Director"))]
    end = 200 + CHAR * len("Treasury-Appointed Non-")
    assert not _rows_inside(name, position, end + 5)
    assert _rows_inside(name, position, end + 200)


def _table(page: int, rows: list[list[str]], x: float = 50, header_rows: int = 1, start: int = 0) -> Table:
    cells = [
        TableCell(r, c, text, start + 10 * r + c, start + 10 * r + c + 1, r < header_rows, page,
                  BBox(x0=x + 100 * c, top=100 + 12 * r, x1=x + 100 * c + 40, bottom=110 + 12 * r))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    ]  # fmt: skip
    end = start + 10 * len(rows)
    return Table(0, "pdf-text", None, start, end, len(rows), len(rows[0]), header_rows, cells, page=page)


def test_a_table_continued_on_the_next_page_is_one_table_without_its_repeated_header() -> None:
    first = _table(3, [["Area", "Jobs"], ["North", "10"], ["South", "20"]])
    second = _table(4, [["Area", "Jobs"], ["East", "30"]], start=100)
    footer = Block(BlockKind.FURNITURE, 40, 50, page=3)
    [joined] = join_continued([first, second], [footer], "x" * 200)
    assert (joined.page, joined.last_page, joined.n_rows, joined.header_rows) == (3, 4, 4, 1)
    assert [c.text for c in joined.grid()[3] if c] == ["East", "30"]
    assert joined.grid()[3][0] is not None and joined.grid()[3][0].page == 4


def test_a_heading_naming_the_next_table_parts_it_from_the_table_on_the_page_before() -> None:
    """Notes of accounts, each its own table under the same header: a note's heading at the top of the next page
    starts another table; a caption saying the table goes on (or its title printed again) does not."""
    first = _table(3, [["", "2020-21 £000"], ["Recharges", "821"], ["Total", "1,187"]])
    second = _table(4, [["", "2020-21 £000"], ["Directors' emoluments", "456"], ["Total", "456"]], start=100)
    text = "x" * 60 + "6. Directors' Emoluments" + "x" * 200
    heading = Block(BlockKind.HEADING, 60, 84, page=4)
    assert len(join_continued([first, second], [heading], text)) == 2
    text = "x" * 60 + "Table 5 (continued)     " + "x" * 200
    assert len(join_continued([first, second], [heading], text)) == 1


def test_a_table_after_a_paragraph_or_with_other_columns_is_not_joined() -> None:
    first = _table(3, [["Area", "Jobs"], ["North", "10"]])
    moved = _table(4, [["East", "30"]], x=200, header_rows=0, start=100)
    assert len(join_continued([first, moved], [], "x" * 200)) == 2
    same = _table(4, [["Area", "Jobs"], ["East", "30"]], start=150)
    paragraph = Block(BlockKind.PARAGRAPH, 40, 139, page=3)  # twenty words of running text
    text = "x" * 40 + " ".join(["word"] * 20) + "x" * 200
    assert len(join_continued([first, same], [paragraph], text)) == 2


def test_adjacency_relations_skip_blanks_and_count_a_spanning_cell_once() -> None:
    relations = adjacency_relations([("Head", 0, 1, 0, 2), ("a", 1, 0, 1, 0), ("1", 1, 1, 1, 1), ("2", 1, 2, 1, 2)])
    assert relations == [("a", "1", "right"), ("1", "2", "right"), ("Head", "1", "down"), ("Head", "2", "down")]


# Real pages (../shared/corpus)


def _icdar_tables(name: str) -> list[Table]:
    folder = "competition-dataset-eu" if name.startswith("eu") else "competition-dataset-us"
    return found_tables(corpus_path(f"icdar2013/{folder}/{name}.pdf"))[0]


def _texts(table: Table) -> list[list[str | None]]:
    return [[c.text if c else None for c in row] for row in table.grid()]


def test_issue_7_an_unruled_table_of_the_pirls_report() -> None:
    small = next(t for t in _icdar_tables("us-021") if t.n_cols == 3)
    assert small.source == "pdf-text"
    assert _texts(small) == [
        ["Item Format", "Number of items", "Percent of items"],
        ["Total", "135", "100"],
        ["Multiple choice", "74", "55"],
        ["Constructed response", "61", "45"],
    ]


def test_issue_7_rules_between_rows_only_give_way_to_the_columns_and_years_span_two() -> None:
    table = _icdar_tables("eu-018")[0]
    assert table.source == "pdf-text" and (table.n_rows, table.n_cols, table.header_rows) == (7, 13, 2)
    years = [(c.text, c.col, c.col_span) for c in table.cells if c.row == 0]
    assert years == [("2007", 3, 2), ("2006", 5, 2), ("2005", 7, 2), ("2004", 9, 2), ("2003", 11, 2)]
    # the page prints "N" (a small capital); pdfium reads it so, pdfminer read "n" (and so does ICDAR's truth)
    assert _texts(table)[1] == ["Country", "Sample unit", "Sample size"] + ["N", "% Pos"] * 5
    assert _texts(table)[6] == ["Total (4 MSs)", None, None, "537", "0.9", "820", "0.5", "976", "0.3", "741", "1.7",
                                "415", "1.2"]  # fmt: skip


def test_issue_7_the_warn_report_is_one_table_across_fifteen_pages() -> None:
    path = corpus_path("tables/us_ca_edd_warn_report_2015_2016.pdf")
    spec = next(s for s in sources_to_specs(path.parent) if Path(s.path) == path)
    doc = source_to_document(spec)
    warn, summary = doc.tables[0], doc.tables[1]
    assert (warn.page, warn.last_page, warn.n_rows, warn.header_rows) == (1, 15, 634, 1)
    assert sum(1 for c in warn.cells if c.text == "Notice Date") == 1  # the header printed on each page, once
    row = [c.text if c else None for c in warn.grid()[43]]
    assert row[3:6] == ["Minno, Inc.", "San Francisco", "255"] and warn.grid()[43][0].page == 2
    assert (summary.page, summary.last_page) == (15, 16)
    assert [c.text for c in summary.grid()[1] if c] == ["July 2015", "71", "8,574", "30", "2", "13", "25", "1", "0"]


def test_issue_7_icdar_2013_level_holds() -> None:
    corpus_path("icdar2013")
    results = evaluate()
    total = results.total
    # measured when the table finder landed: all relations P 0.913 R 0.930 (F1 0.922); per-document
    # mean P 0.884 R 0.919 (F1 0.901). Lines-only pdfplumber tables scored P 0.875 R 0.254.
    # With pdfium reading the text layer (issue 18): P 0.908 R 0.925 (F1 0.917), mean P 0.878 R 0.912;
    # 113 of the 132 relations lost are eu-016..019, whose header prints "N" (a small capital) that pdfium
    # reads as printed and the ground truth, like pdfminer, as "n".
    # Issue 21 (one table per region, nested columns one, split headers rejoined, captions no rows):
    # P 0.930 R 0.929 (F1 0.930), mean P 0.903 R 0.917.
    # Open-sided ruled tables given their sides (2026-12-03): P 0.929 R 0.936 (F1 0.933), mean P 0.906 R 0.930.
    # A cell spans only the columns and rows its box reaches into (2026-12-03): P 0.938 R 0.940 (F1 0.939),
    # mean P 0.924 R 0.939.
    # Rows set widely apart, monospaced spaces, lists set in blocks side by side, wide figures set close,
    # headings over groups of columns, captions and notes inside a ruled frame (2026-12-04): P 0.952 R 0.950
    # (F1 0.951), mean P 0.937 R 0.946. A shade drawn inside another of its colour draws no edge, a ruled table
    # stands over an unruled reading that took in a paragraph beside it (later that day): P 0.959 R 0.955
    # (F1 0.957), mean P 0.949 R 0.954.
    assert total.precision >= 0.955 and total.recall >= 0.95
    assert results.mean_precision >= 0.945 and results.mean_recall >= 0.95


# Issue 21: only real tables, and tables read whole.


def _box(x0: float, top: float, x1: float, bottom: float) -> BBox:
    return BBox(x0=x0, top=top, x1=x1, bottom=bottom)


def test_a_ruled_band_of_column_headings_heads_the_unruled_table_under_it() -> None:
    # an annual report's note: "2020-21 / £000" in a shaded, ruled band, the figures below without rules
    lines = [
        line(100, (200, "2020-21"), (260, "2019-20")),
        line(116, (205, "£000"), (265, "£000")),
        line(140, (50, "Salaries"), (205, "9,433"), (265, "8,701")),
        line(152, (50, "Pensions costs"), (210, "850"), (270, "918")),
        line(164, (50, "Total costs"), (200, "10,283"), (260, "9,619")),
    ]
    band = RawTable(
        1, _box(45, 96, 320, 130), [[_box(45, 96, 190, 130), _box(190, 96, 250, 130), _box(250, 96, 320, 130)]]
    )
    [table] = lines_to_tables(lines, [band], 1)
    assert table.strategy == "text" and len(table.rows) == 4  # the band's two lines are one header row


def test_a_heading_set_flush_right_past_its_figures_moves_its_cells_side_not_its_words() -> None:
    """A header over a table ruled between its rows whose last heading is set flush right over a narrow column of
    figures and reaches into the gutter left of them ("Estimate of proportion" / "of SMEs exporting (%)", SME
    exporting trends TABLE 4): the side between the last two header cells moves to the heading's left end, so no
    word of it goes to the column before. A side that pieces print across from both columns stays."""
    header = [
        line(100, (50, "Survey"), (200, "Basis of estimate"), (320, "Estimate of proportion")),
        line(110, (320, "of SMEs exporting (%)")),
    ]
    assert _header_edges(header, [45.0, 190.0, 345.0, 430.0]) == [45.0, 190.0, 319.5, 430.0]
    both = [line(100, (50, "Survey"), (290, "Basis of estimate")), line(110, (330, "of SMEs exporting"))]
    assert _header_edges(both, [45.0, 190.0, 345.0, 430.0])[2] == 345.0


def test_header_cells_drawn_over_rules_between_rows_head_the_table_the_rules_rule() -> None:
    """An annual report's board table: a shaded header band parted into cells (a ruled table of one row) over rules
    drawn between rows only, each row a name over "(appointed ...)" beside a position and committees. No header
    stands over the first rule and no caption: the band's cells are the header, and the rows' two lines are one
    row each, not a band of its own nor rows of their own."""
    lines = [
        line(100, (50, "Board Member"), (200, "Position"), (320, "Committee")),
        line(126, (50, "Robert Swannell"), (200, "Chairman"), (320, "N (Chair), T")),
        line(138, (50, "(appointed 11 September 2015)")),
        line(158, (50, "Robin Lawther"), (200, "Non-Executive Director"), (320, "A, R, N, T")),
        line(170, (50, "(appointed 12 February 2016)")),
        line(190, (50, "Philip Duffy"), (200, "Treasury-Appointed Non-"), (320, "N")),
        line(202, (50, "(appointed 29 June 2017)"), (200, "Executive Director")),
    ]
    ys = [96, 120, 152, 184, 216]
    rules = RawTable(1, _box(45, 96, 400, 216), [[_box(45, a, 400, b)] for a, b in itertools.pairwise(ys)], "rows")
    band = RawTable(
        1, _box(45, 96, 400, 120), [[_box(45, 96, 190, 120), _box(190, 96, 310, 120), _box(310, 96, 400, 120)]]
    )
    [table] = lines_to_tables(lines, [rules, band], 1)
    assert table.strategy == "text" and len(table.rows) == 4 and len(table.rows[0]) == 3
    assert table.bbox.top == 96


def test_figures_level_with_the_middle_of_a_wrapped_label_are_its_row() -> None:
    lines = [
        line(100, (50, "Item"), (250, "2021"), (310, "2020")),
        line(112, (50, "Salaries (including performance pay)"), (250, "9,433"), (310, "8,701")),
        line(124, (50, "Recoveries in respect of")),
        line(130, (250, "(245)"), (310, "(366)")),
        line(136, (50, "secondments")),
        line(148, (50, "Total"), (250, "9,188"), (310, "8,335")),
    ]
    assert cells_of(lines)[2] == ["Recoveries in respect of secondments", "(245)", "(366)"]


def test_rows_set_widely_apart_stay_one_table_when_they_print_the_same_columns() -> None:
    lines = [
        line(100, (50, "Measure"), (250, "2019"), (310, "2020"), (370, "2021")),
        line(128, (50, "Median income"), (250, "$49,497"), (310, "$51,295"), (370, "$52,587")),  # 2.1 sizes apart
        line(156, (50, "Income inequality"), (250, "0.4590"), (310, "0.4560"), (370, "0.4580")),  # again
        line(170, (50, "Mortality (years of life")),
        line(174, (250, "7108.3"), (310, "6960.6"), (370, "6920.0")),
        line(178, (50, "(per 100,000), ages 18-65")),  # a wrapped label going on with a bracket
        line(193, (50, "Total"), (250, "1.0"), (310, "1.0"), (370, "1.0")),
    ]
    rows = cells_of(lines)
    assert rows[:3] == [
        ["Measure", "2019", "2020", "2021"],
        ["Median income", "$49,497", "$51,295", "$52,587"],
        ["Income inequality", "0.4590", "0.4560", "0.4580"],
    ]
    assert rows[3] == ["Mortality (years of life (per 100,000), ages 18-65", "7108.3", "6960.6", "6920.0"]


def mono(top: float, text: str, x: float = 50) -> list[dict[str, Any]]:
    """A line set in a monospaced font: every character and space CHAR wide, columns made of spaces."""
    out = []
    for i, ch in enumerate(text):
        if ch != " " and (i == 0 or text[i - 1] == " "):
            word = text[i:].split(" ")[0]
            out.append({"text": word, "x0": x + CHAR * i, "x1": x + CHAR * (i + len(word)), "top": top,
                        "bottom": top + SIZE, "size": SIZE, "fontname": "Courier"})  # fmt: skip
    return out


def test_a_monospaced_space_between_words_on_every_line_is_no_gutter() -> None:
    counts = [2468083, 2375849, 2325572, 2237108, 2262796, 2242318, 2139385, 2222969, 2163709, 2321374]
    rows = cells_of([mono(100 + 12 * i, f"{40 + i} years {count:>12,}") for i, count in enumerate(counts)])
    assert rows[0] == ["40 years", "2,468,083"]
    figures = cells_of([mono(100 + 12 * i, f"0.{9 - i}0 {a:>5,} {b:>5,} {c:>5,}") for i, (a, b, c) in
                        enumerate([(800, 880, 1040), (160, 176, 208), (85, 88, 104), (53, 59, 69)])])  # fmt: skip
    assert figures[0] == ["0.90", "800", "880", "1,040"]  # right-aligned: some gap wider than a space


def test_a_list_set_in_blocks_side_by_side_under_a_repeated_header_is_a_table_per_block() -> None:
    lines = [line(100, (50, "Age"), (120, "Total"), (200, "Age"), (270, "Total"))]
    counts = [(3_533_692, 2_468_083), (3_269_557, 2_375_849), (3_223_816, 2_325_572), (3_179_441, 2_237_108)]
    lines += [line(112 + 12 * i, (50, f"{i} years"), (120, f"{a:,}"), (200, f"{40 + i} years"), (270, f"{b:,}"))
              for i, (a, b) in enumerate(counts)]  # fmt: skip
    assert [(t.n_rows, t.n_cols) for t in tables_of(lines)] == [(5, 2), (5, 2)]


def test_wide_figures_set_close_in_columns_set_flush_right_are_two_values() -> None:
    states = [(485_670, 503_528, 521_015), (665_210, 671_843, 680_114), (965_227, 986_801, 991_773)] * 3
    lines = [line(100, (50, "Region"), (160, "2003"), (210, "2004"), (260, "2005"))]
    lines += [line(112 + 12 * i, (50, f"State {i}"), (155, f"{a:,}"), (205, f"{b:,}"), (255, f"{c:,}"))
              for i, (a, b, c) in enumerate(states)]  # fmt: skip
    lines.append(line(220, (50, "Total"), (141.5, "12,753,438"), (191.5, "12,799,250"), (241.5, "12,815,544")))
    assert cells_of(lines)[-1] == ["Total", "12,753,438", "12,799,250", "12,815,544"]  # a space apart


def test_headings_over_groups_of_columns_span_them_and_a_label_over_the_figures_is_a_row() -> None:
    figures = [(51_544, 37_481, 14_062, 45_611), (52_071, 37_797, 14_275, 46_127), (52_526, 38_091, 14_435, 46_539)]
    lines = [
        line(100, (146, "Total"), (257, "Public")),  # each centred over its two columns
        line(112, (50, "Year"), (120, "All"), (170, "Primary"), (230, "All"), (280, "Primary")),
        line(124, (50, "Actual")),
        *[line(136 + 12 * i, (50, str(1996 + i)), (120, f"{a:,}"), (170, f"{b:,}"), (230, f"{c:,}"), (280, f"{d:,}"))
          for i, (a, b, c, d) in enumerate(figures)],
    ]  # fmt: skip
    rows = cells_of(lines)
    assert rows[:3] == [
        ["", "Total", None, "Public", None],
        ["Year", "All", "Primary", "All", "Primary"],
        ["Actual", "", "", "", ""],
    ]


def test_a_stub_heading_wrapped_over_two_lines_stays_one_heading() -> None:
    lines = [
        line(100, (50, "Local authority"), (200, "Jobs"), (260, "Firms")),
        line(112, (50, "area")),
        line(124, (50, "Oxford"), (200, "21,000"), (260, "1,200")),
        line(136, (50, "Cherwell"), (200, "9,500"), (260, "830")),
        line(148, (50, "West Oxfordshire"), (200, "7,100"), (260, "610")),
    ]
    assert cells_of(lines)[:2] == [["Local authority area", "Jobs", "Firms"], ["Oxford", "21,000", "1,200"]]


def test_headings_over_columns_that_head_nothing_under_one_of_them_are_no_groups() -> None:
    def cell(col: int, x0: float, x1: float) -> _Cell:
        return _Cell([{"text": "x", "x0": x0, "x1": x1, "top": 0, "bottom": 9}], col, 1)

    below = [cell(k, 100 * k, 100 * k + 60) for k in (0, 1, 2, 3, 5, 6, 7, 8)]  # nothing headed in column 4
    assert _over_groups([cell(2, 200, 260), cell(4, 400, 460), cell(7, 700, 760)], below) is None


def test_paragraphs_a_wide_gap_apart_are_not_joined_to_a_table_above() -> None:
    table = [
        line(100, (50, "Sector"), (200, "Jobs"), (260, "Share")),
        line(112, (50, "Tourism"), (200, "9,500"), (260, "5%")),
        line(124, (50, "Total"), (200, "30,500"), (260, "17%")),
    ]
    far = [line(150, (50, "Retail"), (200, "4,000"), (300, "2%"))]  # as far, but its columns differ
    assert len(cells_of(table + far)) == 3


def test_a_group_label_over_labelled_rows_is_not_joined_to_them() -> None:
    lines = [
        line(100, (50, "Group"), (150, "Band"), (250, "Number"), (300, "Share")),
        line(112, (50, "Age"), (150, "Under 30"), (250, "20,301"), (300, "2.2")),
        line(124, (150, "30 or over"), (250, "70,512"), (300, "7.3")),
        line(136, (50, "Annual income")),
        line(148, (150, "Under 25,000"), (250, "46,912"), (300, "4.9")),
        line(160, (150, "25,000 or more"), (250, "51,020"), (300, "5.1")),
    ]
    assert cells_of(lines)[3:5] == [["Annual income", "", "", ""], ["", "Under 25,000", "46,912", "4.9"]]


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(
            [
                line(100, (60, "0"), (400, "0%")),
                line(112, *((60 + 60 * i, str(2008 + 2 * i)) for i in range(6))),
                line(124, (120, "Total exports (LHS)"), (260, "SME share (RHS)")),
            ],
            id="x-axis-and-legend",
        ),
        pytest.param(
            [
                line(100, (60, "2011 2012 2013"), (200, "2014 2015"), (320, "2016 2017 2018")),
                line(112, (60, "Up to £499k"), (200, "£500k to £999k"), (320, "£1m to £1.99m")),
                line(124, (60, "£2m to £4.99m"), (200, "£5m to £9.99m"), (320, "£10m+ Undisclosed")),
            ],
            id="legend-of-years-and-bins",
        ),
    ],
)
def test_a_charts_axis_and_legend_are_not_tables(lines: list[list[dict[str, Any]]]) -> None:
    assert lines_to_text_tables(lines, 1) == []


def test_a_header_of_years_over_figures_is_still_a_table() -> None:
    lines = [line(100, (50, "Year"), *((150 + 50 * i, str(2015 + i)) for i in range(4)))] + [
        line(112 + 12 * r, (50, f"Row {r}"), *((150 + 50 * i, f"{10 * r + i}.5") for i in range(4))) for r in range(3)
    ]
    assert cells_of(lines)[0] == ["Year", "2015", "2016", "2017", "2018"]


def test_a_numbered_list_set_in_ruled_columns_is_not_a_table() -> None:
    # a map's key: places numbered down two ruled columns
    names = ["Edinburgh", "Glasgow", "Newcastle", "Belfast", "High Wycombe", "London", "Southend", "Cardiff"]
    lines = [line(100 + 12 * r, (50, f"{r + 1} {names[r]}"), (250, f"{r + 5} {names[r + 4]}")) for r in range(4)]
    rows = [[_box(45, 98 + 12 * r, 240, 110 + 12 * r), _box(240, 98 + 12 * r, 450, 110 + 12 * r)] for r in range(4)]
    assert lines_to_tables(lines, [RawTable(1, _box(45, 98, 450, 146), rows)], 1) == []


def test_a_column_of_names_the_reading_order_read_apart_from_its_figures_is_their_stub() -> None:
    names = ["Robert Swannell", "James Leigh-Pemberton", "Jane Guyett", "Jitesh Gadhia"]
    labels = [line(100 + 18 * r, (60, name)) for r, name in enumerate(names)]  # read first, as a column
    figures = [line(100 + 18 * r, (220, "10/10"), (300, f"{21 - r}/21"), (380, "2/2")) for r in range(4)]
    prose = [line(200 + 12 * r, (220, "The Board met ten times in the year and")) for r in range(3)]
    [table] = lines_to_tables(labels + figures + prose, [], 1)
    assert len(table.rows) == 4 and len(table.rows[0]) == 4  # the names are the first column


def test_names_read_after_the_text_over_the_table_are_still_the_stub_of_its_figures() -> None:
    # the reading order read the heading over the table with the row labels, then its header and figures
    above = [line(60, (60, "Statement of changes in equity for the year"))]
    names = [
        "Balance at 1 April 2018",
        "Grant-in-Aid from the Treasury",
        "Comprehensive expenditure for the year after tax",
    ]
    labels = [line(100 + 18 * r, (60, name)) for r, name in enumerate(names)]
    header = [line(74, (300, "General Reserve")), line(86, (312, "£000"))]  # a heading over its unit
    figures = [line(100 + 18 * r, (310, amount)) for r, amount in enumerate(["(1,284)", "12,900", "(14,009)"])]
    [table] = lines_to_tables(above + labels + header + figures, [], 1)
    assert len(table.rows) == 4 and len(table.rows[0]) == 2  # a header row, three rows, the names beside the figures
    assert table.bbox.top == 74  # both heading lines head the column


def test_rows_whose_labels_wrap_read_apart_from_their_figures_join_them_when_whole_rows_resume_under() -> None:
    """Two rows whose labels wrap, read as a column of their own (labels, then their two lines of figures), then
    the table's whole rows again: the two lines of figures join their labels' first lines, though fewer than
    three lines stand level, because whole rows of a label and figures resume under them."""
    rows = [line(100 + 18 * r, (60, f"Product {r}"), (200, f"{r}%"), (240, f"{r + 1}%")) for r in range(3)]
    labels = [line(154, (60, "-Leasing or hire")), line(164, (60, "purchase")),
              line(182, (60, "-Loans from directors,")), line(192, (60, "family & Friends"))]  # fmt: skip
    figures = [line(154, (200, "8%"), (240, "6%")), line(182, (200, "5%"), (240, "4%"))]
    resumed = [line(210 + 18 * r, (60, f"Finance {r}"), (200, f"{r}%"), (240, f"{r + 2}%")) for r in range(3)]
    joined = rejoin_columns(rows + labels + figures + resumed)
    texts = [" ".join(w["text"] for w in sorted(ln, key=lambda w: w["x0"])) for ln in joined]
    assert texts[3:7] == ["-Leasing or hire 8% 6%", "purchase", "-Loans from directors, 5% 4%", "family & Friends"]


def test_figures_set_at_the_middle_of_a_wrapped_label_join_its_first_line() -> None:
    """A column of labels, one wrapped over two lines with its figures set between them, read before its
    figures: the figures join the label's first line, and its second line stays a line of its own under it."""
    names = ["Ammonia (NH3)", "Carbon monoxide (CO)", "Chlorine and inorganic compounds", "(as HCl)", "Halons"]
    tops = [100, 112, 124, 134, 146]
    labels = [line(top, (60, name)) for top, name in zip(tops, names, strict=True)]
    figures = [
        line(top, (300, amount)) for top, amount in [(100, "10 000"), (112, "500 000"), (129, "10 000"), (146, "1")]
    ]
    joined = rejoin_columns(labels + figures)
    texts = [" ".join(w["text"] for w in sorted(ln, key=lambda w: w["x0"])) for ln in joined]
    assert texts == ["Ammonia (NH3) 10 000", "Carbon monoxide (CO) 500 000", "Chlorine and inorganic compounds 10 000",
                     "(as HCl)", "Halons 1"]  # fmt: skip


def test_a_column_of_running_text_beside_one_with_years_in_it_is_not_a_stub() -> None:
    # two columns of numbered paragraphs under a heading: the right one's lines carry years, not rows of figures
    above = [line(-20 + 12 * r, (60, f"the case study above runs on here, line {r} of it")) for r in range(5)]
    above.append(line(40, (60, "2. Transport is becoming automated")))
    left = [
        line(60 + 12 * r, (60, text))
        for r, text in enumerate(
            ["3.5 Improved sensing", "power and software", "are leading to more", "levels of automation"]
        )
    ]
    right = [
        line(60 + 12 * r, (320, text))
        for r, text in enumerate(
            ["3.6 Total investment since", "2010 stands at over", "an increase from 2013", "to 2014-2018."]
        )
    ]
    assert rejoin_columns(above + left + right) == above + left + right


def test_a_ruled_band_of_headings_wrapped_over_several_lines_heads_the_table_under_it() -> None:
    lines = [
        line(100, (200, "Permanent"), (270, "Seconded"), (340, "Total")),
        line(110, (270, "into the")),
        line(120, (270, "company")),
        line(130, (270, "staff")),
        line(142, (205, "£000"), (275, "£000"), (345, "£000")),
        line(160, (50, "Salaries"), (205, "8,701"), (275, "2,391"), (340, "11,092")),
        line(172, (50, "Social security"), (205, "1,082"), (280, "219"), (345, "1,301")),
        line(184, (50, "Total net costs"), (200, "10,335"), (275, "3,073"), (340, "13,408")),
    ]
    band = RawTable(
        1,
        _box(45, 96, 400, 152),
        [[_box(45, 96, 190, 124), _box(190, 96, 400, 124)], [_box(45, 124, 190, 152), _box(190, 124, 400, 152)]],
    )
    [table] = lines_to_tables(lines, [band], 1)
    assert table.strategy == "text" and table.bbox.top <= 100 and len(table.rows[0]) == 4


def test_lists_set_in_columns_under_a_tables_label_and_column_headings_are_a_table() -> None:
    # TABLE 12 over two headings and, read one after the other, the bulleted list under each heading
    lines = [
        line(60, (150, "TABLE 12")),
        line(80, (60, "EXAMPLES OF")),
        line(92, (60, "PREVIOUS"), (240, "QUESTIONS TO")),
        line(104, (60, "DOCUMENTS"), (240, "CONSIDER")),
        *[
            line(130 + 14 * r, (60, text))
            for r, text in enumerate(["• City plans", "• Neighbourhood plans", "• Workforce trends"])
        ],
        *[
            line(130 + 14 * r, (240, text))
            for r, text in enumerate(["• Who: who is the target?", "engaged?", "• What: what else?", "• Why: why now?"])
        ],
        line(240, (60, "Running text under the table goes on across the width of the page.")),
    ]
    [table] = lines_to_tables(lines, [], 1)
    assert [len(row) for row in table.rows] == [2, 2]  # a header row over one row of two lists
    assert table.bbox.top < 80 and 180 < table.bbox.bottom < 240  # from the headings to the lists’ ends
    lines[0] = line(60, (150, "Table 12 lists the documents"))  # a sentence, not a label: no table
    assert lines_to_tables(lines, [], 1) == []


def test_two_columns_of_running_text_are_not_set_side_by_side() -> None:
    left = [line(100 + 12 * r, (60, f"running text of the left column, line {r} of it.")) for r in range(5)]
    right = [line(100 + 12 * r, (320, f"and the right column carries on in {2000 + r}")) for r in range(5)]
    assert rejoin_columns(left + right) == left + right


def test_a_header_the_reading_order_read_as_two_blocks_heads_its_table() -> None:
    # the first two columns' header lines were read first, the third column's header with the rows under it
    left = [
        line(70, (400, "TABLE 2")),
        line(100, (400, "Demographic"), (560, "Share of SMEs currently")),
        line(111, (560, "or planning to export (%)")),
    ]
    right = [line(100, (700, "Share of non-exporting")), line(111, (700, "group (%)"))]
    right += [line(125 + 14 * r, (400, f"Sector {r}"), (560, f"{10 + r}.5"), (700, f"{20 + r}.1")) for r in range(4)]
    [table] = lines_to_tables(left + right, [], 1)
    assert len(table.rows) == 5 and table.bbox.top == 100  # one header row of two lines, and four rows


def test_a_caption_is_not_a_row_of_the_table_under_it() -> None:
    lines = [
        line(40, (50, "Table 18."), (120, "Actual and projected numbers for current expenditures")),
        line(60, (50, "School year"), (200, "Enrollment"), (300, "Total")),
    ]
    lines += [
        line(72 + 11 * r, (50, f"{1996 + r}-{97 + r}"), (200, f"45,{611 + r}"), (300, f"${375 + r}.9"))
        for r in range(3)
    ]
    [table] = lines_to_tables(lines, [], 1)
    assert len(table.rows) == 4 and table.bbox.top >= 60


def test_a_second_table_under_the_first_with_the_same_header_is_a_table_of_its_own() -> None:
    def block(top: float, first: float) -> list[list[dict[str, Any]]]:
        head = [line(top, (200, "Design effect")), line(top + 12, (50, "Proportion"), (200, f"{first}"), (260, "2.0"))]
        rows = [line(top + 24 + 12 * r, (50, f"0.{90 - r}"), (200, f"{80 + r}"), (260, f"{88 + r}")) for r in range(4)]
        return head + rows

    tables = lines_to_tables(block(100, 1.0) + block(172, 1.7), [], 1)
    assert [t.bbox.top for t in tables] == [100, 172]


def test_a_header_cell_stops_where_its_box_does_beside_a_cell_spanning_two_header_rows(tmp_path: Path) -> None:
    # "Value of criterion" over "baseline (year) | 2017 | 2020", beside "Responsible institution" set over both
    # header rows: the position right of "2020" on the second row is that cell's, not a span of "2020"
    [spec] = sources_to_specs(cut("policy/lt_ris3_programme.pdf", 22, tmp_path).parent)
    [table] = source_to_document(spec).tables
    second = {c.text: (c.col, c.col_span) for c in table.cells if c.row == 1}
    assert second == {"baseline (year))": (2, 1), "2017": (3, 1), "2020": (4, 1)}
    assert period_columns(table) == {3: "2017", 4: "2020"}


def test_a_group_label_boxed_in_the_first_column_does_not_split_the_table() -> None:
    # each sector's label sits in a ruled box of one column beside its three rows; the rows run on out of it
    lines, boxes = [], []
    for g, sector in enumerate(["Agriculture", "Manufacturing", "Construction"]):
        top = 100 + 54 * g
        for r, size in enumerate(["1-10 employees", "11-50 employees", "50+ employees"]):
            label = [(50, sector)] if r == 1 else []
            lines.append(line(top + 18 * r, *label, (180, size), (300, f"{10 + r}"), (360, f"{2 + r}.5%")))
        boxes.append(
            RawTable(
                1,
                _box(45, top - 2, 170, top + 52),
                [[_box(45, top - 2 + 18 * r, 170, top + 16 + 18 * r)] for r in range(3)],
            )
        )
    [table] = lines_to_tables(lines, boxes, 1)
    assert len(table.rows) == 9


def _sector_groups(
    sectors: list[str], pitch: float, joined: bool = False
) -> tuple[list[list[dict[str, Any]]], list[RawTable]]:
    """Sectors of three rows each, every sector's label (``|`` where it wraps, its lines ``pitch`` apart and set
    between the rows; level with the middle row when it does not wrap) in a ruled box of the first column beside
    its rows, one cell per row; ``joined``: the boxes are one ruled table of a cell per sector instead."""
    lines, boxes = [], []
    for g, sector in enumerate(sectors):
        top = 100 + 54 * g
        wrapped = sector.split("|")
        for r, size in enumerate(["1-10 employees", "11-50 employees", "50+ employees"]):
            label = [(50, sector)] if r == 1 and len(wrapped) == 1 else []
            lines.append(line(top + 18 * r, *label, (180, size), (300, f"{10 + r}"), (360, f"{2 + r}.5%")))
        first = top + 18 + SIZE / 2 - (len(wrapped) * pitch - (pitch - SIZE)) / 2  # the label centred on the group
        lines += [line(first + pitch * k, (50, part)) for k, part in enumerate(wrapped) if len(wrapped) > 1]
        boxes.append(
            RawTable(
                1,
                _box(45, top - 2, 170, top + 52),
                [[_box(45, top - 2 + 18 * r, 170, top + 16 + 18 * r)] for r in range(3)],
            )
        )
    lines.sort(key=lambda ln: ln[0]["top"])
    if joined:
        boxes = [RawTable(1, _box(45, 98, 170, 98 + 54 * len(sectors)), [[box.bbox] for box in boxes])]
    return lines, boxes


def _stubs(table: Table) -> list[tuple[int, str]]:
    """The first column's cells of ``table`` as (rows spanned, text), in order."""
    return [(c.row_span, c.text) for c in sorted(table.cells, key=lambda c: c.row) if c.col == 0 and c.text]


@pytest.mark.parametrize(
    ("sectors", "joined"),
    [
        (["Agriculture, Hunting|and Forestry", "Manufacturing", "Other Community,|Social and|Service"], False),
        (["Agriculture, Hunting|and Forestry", "Manufacturing", "Other Community,|Social and|Service"], True),
        (["Agriculture, Hunting|and Forestry", "Hotels and|Restaurants"], True),
    ],
    ids=["box per sector", "boxes joined in one ruled table", "joined boxes, every label wrapped"],
)
def test_a_group_label_boxed_beside_its_rows_is_one_cell_spanning_them_though_it_wraps_between_them(
    sectors: list[str], joined: bool
) -> None:
    """Each sector's label, boxed beside its three rows, wraps over lines set between the rows (or sits level
    with the middle one): its box is one cell of the first column spanning the three rows, its words read whole,
    also where touching boxes come as one ruled table (each of its cells frames one label; the table's box
    holds them all, set apart)."""
    lines, boxes = _sector_groups(sectors, pitch=12, joined=joined)
    [table] = tables_from(lines, boxes)
    assert table.n_rows == 3 * len(sectors)
    assert _stubs(table) == [(3, sector.replace("|", " ")) for sector in sectors]


def _regions_beside(label: list[str], heading: str = "") -> list[Table]:
    """A table of regions under its header, ``label`` (its lines set close) boxed just left of the first four rows,
    its words read apart from the rows: the rows' first column is the regions', unless ``heading`` over the box
    makes the first column reach over it."""
    regions = ["East Midlands", "London", "North West", "Scotland", "Wales"]
    lines = [line(100, *([(50, heading)] if heading else []), (180, "Area"), (300, "Number"), (360, "Share"))]
    lines += [
        line(118 + 18 * r, (180, name), (300, f"{50 + r}"), (360, f"{6 + r}.1%")) for r, name in enumerate(regions)
    ]
    first = 118 + 27 + SIZE / 2 - (len(label) * 11 - 2) / 2  # centred on the four rows
    lines += [line(first + 11 * k, (50, words)) for k, words in enumerate(label)]
    lines.sort(key=lambda ln: ln[0]["top"])
    box = RawTable(1, _box(45, 115, 170, 188), [[_box(45, 115 + 18 * r, 170, 133 + 18 * r)] for r in range(4)])
    return tables_from(lines, [box])


def test_a_group_label_boxed_just_left_of_a_table_is_a_first_column_of_its_own() -> None:
    """The table's rows start with their regions; the group's label, boxed left of them and read apart, is a
    first column of its own spanning its four rows, the last row's cell there empty."""
    [table] = _regions_beside(["Region"])
    assert table.n_cols == 4
    assert _stubs(table) == [(4, "Region")]
    assert [c.text for c in table.cells if c.row == 5] == ["Wales", "54", "10.1%"]


def test_a_box_in_a_first_column_whose_rows_hold_their_own_labels_is_no_group_label() -> None:
    """A heading over the box makes the first column reach from the box over the regions: the box's label is
    no cell spanning the rows, whose first cells hold their regions, each in its own row."""
    [table] = _regions_beside(["Region"], heading="Sector")
    regions = ["East Midlands", "London", "North West", "Scotland", "Wales"]
    assert [c.text for c in table.cells if c.text in regions and c.row_span == 1] == regions


def test_a_row_joins_the_group_of_the_first_box_that_takes_it() -> None:
    """Two boxes overlapping on a row, the label in their overlap: the first takes its rows whole, the second (which
    would share one of them) none."""
    rows = [[_box(50, t, 150, t + 9), _box(180, t, 220, t + 9)] for t in (100, 118, 136, 154)]
    table = RawTable(1, _box(50, 100, 220, 163), rows, "text")
    first, second = _box(45, 115, 170, 150), _box(45, 97, 170, 131)
    labels = [line(119, (50, "Middle"))]
    stubs = [row[0] for row in _framed_stubs(table, [first, second], labels).rows]
    assert stubs == [rows[0][0], _box(45, 118, 170, 145), None, rows[3][0]]  # the rows' stretch, not the box's


def _grid_texts(tables: list[Table]) -> list[list[tuple[str, int]]]:
    return [[(c.text, c.row_span) for c in sorted(t.cells, key=lambda c: (c.row, c.col))] for t in tables]


def test_a_callout_boxed_in_the_text_column_beside_a_table_is_no_column_of_it() -> None:
    """A two-line callout boxed in the column of running text left of a table, beside some of its rows: the
    table is read as it is without the box (no column of callout and prose)."""
    prose = ["The survey asked firms about", "their exports over the last", "three years and whether they",
             "expected to export more in", "future. Most firms said that", "demand abroad was weaker but",
             "that costs had stayed level", "through the period shown in", "the table. Firms in London"]  # fmt: skip
    lines = [line(100 + 12 * k, (50, t)) for k, t in enumerate(prose[:4])]
    lines += [line(161 + 11 * k, (55, t)) for k, t in enumerate(["Key fact", "Exports rose 12% in 2018"])]
    lines += [line(200 + 12 * k, (50, t)) for k, t in enumerate(prose[4:])]
    regions = ["East Midlands", "London", "North West", "Scotland", "Wales", "Yorkshire", "Wales North"]
    lines += [line(120, (272, "Region"), (400, "Number"), (470, "Share"))]
    lines += [line(138 + 18 * r, (272, n), (400, f"{50 + r}"), (470, f"{6 + r}.1%")) for r, n in enumerate(regions)]
    box = RawTable(1, _box(45, 150, 262, 190), [[_box(45, 150, 262, 170)], [_box(45, 170, 262, 190)]])
    assert _grid_texts(tables_from(lines, [box])) == _grid_texts(tables_from(lines, []))


def test_a_box_on_one_table_is_no_group_label_of_the_table_beside_it() -> None:
    """Two tables side by side, the left one's last column of figures shaded (boxed), level with the right one's
    rows: the right-hand table, just right of the box, takes nothing of it."""
    firms, regions = ["Micro", "Small", "Medium", "Large"], ["East", "London", "North", "Wales"]
    left = [("Firms", "2019", "2020")] + [(n, f"{10 + r}", f"{20 + r}.5%") for r, n in enumerate(firms)]
    right = [("Region", "Number", "Share")] + [(n, f"{50 + r}", f"{6 + r}.1%") for r, n in enumerate(regions)]
    lines = [line(120 + 12 * r, (50, a), (150, b), (215, c)) for r, (a, b, c) in enumerate(left)]
    lines += [line(117 + 15 * r, (258, a), (380, b), (450, c)) for r, (a, b, c) in enumerate(right)]
    shade = RawTable(1, _box(212, 130, 250, 185), [[_box(212, 130, 250, 157)], [_box(212, 157, 250, 185)]])
    assert _grid_texts(tables_from(lines, [shade])) == _grid_texts(tables_from(lines, []))


def test_a_box_left_of_stacked_tables_takes_none_of_their_rows_or_captions() -> None:
    """A one-line label boxed left of two stacked tables, beside the last rows of the first, the second's caption
    and its first rows: it labels neither table's body, and the second keeps its caption over it as its title."""
    first = [("Sector", "2019", "2020")] + [
        (n, f"{10 + r}", f"{20 + r}") for r, n in enumerate(["Micro", "Small", "Large"])
    ]
    second = [("Region", "2019", "2020")] + [
        (n, f"{50 + r}", f"{60 + r}") for r, n in enumerate(["East", "North", "Wales"])
    ]
    caption = "Table 2 Firms by region of the United Kingdom"
    lines = [line(100 + 14 * r, (80, a), (200, b), (280, c)) for r, (a, b, c) in enumerate(first)]
    lines += [line(171, (80, caption)), line(176, (30, "England"))]
    lines += [line(191 + 14 * r, (80, a), (200, b), (280, c)) for r, (a, b, c) in enumerate(second)]
    lines.sort(key=lambda ln: ln[0]["top"])
    box = RawTable(1, _box(25, 136, 72, 221), [[_box(25, 136, 72, 186)], [_box(25, 186, 72, 221)]])
    tables = tables_from(lines, [box])
    assert _grid_texts(tables) == _grid_texts(tables_from(lines, []))
    titled = _titled(tables[1], [Block(BlockKind.PARAGRAPH, 0, len(caption), 1, _box(80, 171, 290, 180))], caption)
    assert titled.title == caption


def test_a_group_label_boxed_left_of_some_rows_only_is_a_column_of_its_own() -> None:
    """``England`` boxed left of the English regions, the other nations' rows with no box: a first column of its
    own, ``England`` spanning its five rows and the others' cells there empty."""
    regions = ["North East", "North West", "Yorkshire", "London", "South East", "Wales", "Scotland", "UK"]
    tops = [118 + 18 * r for r in range(len(regions))]
    lines = [line(100, (180, "Area"), (300, "Number"), (360, "Share")), line((tops[0] + tops[4]) / 2, (50, "England"))]
    lines += [
        line(t, (180, n), (300, f"{50 + r}"), (360, f"{6 + r}.1%"))
        for r, (n, t) in enumerate(zip(regions, tops, strict=True))
    ]
    lines.sort(key=lambda ln: ln[0]["top"])
    box = RawTable(
        1, _box(45, tops[0] - 3, 170, tops[4] + SIZE + 3), [[_box(45, tops[0] - 3, 170, tops[4] + SIZE + 3)]] * 2
    )
    [table] = tables_from(lines, [box])
    assert table.n_cols == 4 and _stubs(table) == [(5, "England")]


def test_a_note_boxed_beside_a_table_is_no_group_label() -> None:
    """A note of five lines boxed left of the rows is no label of theirs: the table keeps three columns."""
    note = ["Figures for", "the nations", "are weighted", "to their own", "survey targets"]
    [table] = _regions_beside(note)
    assert table.n_cols == 3
    assert not any("weighted" in c.text for c in table.cells)


def test_a_box_round_a_group_label_and_the_rows_own_labels_is_no_cell_spanning_them() -> None:
    """A box round the first column holds a group's label set between the rows and the rows' own labels beside it:
    the rows keep their labels, each in its own row."""
    names = ["Salaries", "Pensions", "Travel"]
    lines = [line(100, (180, "2020-21"), (260, "2019-20")), line(121, (50, "Staff"))]
    lines += [line(112 + 18 * r, (110, n), (180, f"{9 + r},433"), (260, f"{8 + r},701")) for r, n in enumerate(names)]
    lines.sort(key=lambda ln: ln[0]["top"])
    box = RawTable(1, _box(45, 110, 170, 160), [[_box(45, 110, 170, 160)]])
    [table] = tables_from(lines, [box])
    assert [(span, text) for span, text in _stubs(table) if text in names] == [(1, name) for name in names]


def test_a_box_round_a_column_of_row_labels_is_no_group_label() -> None:
    """A ruled box round the whole stub column, each row's label level with its own figures: no cell spans rows,
    and each label stays in its row."""
    names = ["Salaries", "Pensions costs", "Travel", "Total costs"]
    lines = [line(100, (180, "2020-21"), (260, "2019-20"))]
    lines += [line(112 + 12 * r, (50, n), (180, f"{9 + r},433"), (260, f"{8 + r},701")) for r, n in enumerate(names)]
    box = RawTable(1, _box(45, 110, 170, 160), [[_box(45, 110, 170, 160)]])
    [table] = tables_from(lines, [box])
    assert _stubs(table) == [(1, name) for name in names]


def _ruled_rows(*ys: float) -> RawTable:
    """Rules drawn across x = 40 to 500 at ``ys``, between rows only (strategy ``rows``)."""
    bands: list[list[BBox | None]] = [[BBox(x0=40, top=a, x1=500, bottom=b)] for a, b in itertools.pairwise(ys)]
    return RawTable(1, BBox(x0=40, top=ys[0], x1=500, bottom=ys[-1]), bands, "rows")


LISTED = [  # cells holding several lines, a column of bullets set a gutter apart from its items
    line(104, (50, "Build upon mapping"), (200, "Rail lines"), (350, "•"), (370, "No vehicle access")),
    line(116, (50, "and analyses"), (350, "•"), (370, "Poverty rates")),
    line(128, (350, "•"), (370, "Housing costs")),
    line(144, (50, "Engage residents"), (200, "Grassroots coalitions"), (350, "•"), (370, "Racism")),
    line(156, (350, "•"), (370, "Overpolicing")),
    line(184, (50, "Engage stakeholders"), (200, "Anchor institutions"), (350, "•"), (370, "Silos")),
    line(196, (200, "Transit sites")),
    line(208, (200, "Location assets")),
    line(222, (50, "Source: a survey")),
]


def test_a_table_ruled_between_its_rows_only_is_read_with_its_header_over_and_last_row_under_the_rules() -> None:
    """Rules under the header and between the rows but not under the last row (a table of lists): the columns
    are the gutters of the words between the rules (the bullets go with their items), the header the line
    right over the first rule, the last row the lines right under the last rule, up to its source."""
    header = line(88, (50, "ACTIVITY"), (200, "ASSETS"), (350, "BARRIERS"))
    [table] = lines_to_tables([header, *LISTED], [_ruled_rows(100, 140, 180)], 1)
    assert table.strategy == "text" and len(table.rows) == 4 and all(len(row) == 3 for row in table.rows)
    assert table.bbox.top < 88 and 217 < table.bbox.bottom < 222  # the header in, the source out


def test_rules_between_rows_with_neither_a_header_nor_a_caption_over_them_are_no_table() -> None:
    """Text set in columns between rules (or a chart's gridlines with labels) is not a table unless a header
    of two columns or a caption stands over it."""
    assert lines_to_tables(LISTED, [_ruled_rows(100, 140, 180)], 1) == []
    [table] = lines_to_tables([line(84, (50, "TABLE 9")), *LISTED], [_ruled_rows(100, 140, 180)], 1)
    assert len(table.rows) == 3
    assert lines_to_tables([line(-10, (50, "TABLE 9")), *LISTED], [_ruled_rows(100, 140, 180)], 1) == []  # too far
    header = line(88, (50, "ACTIVITY"), (200, "ASSETS"), (350, "BARRIERS"))  # a caption right over the header
    [table] = lines_to_tables([line(76, (50, "TABLE 11")), header, *LISTED], [_ruled_rows(100, 140, 180)], 1)
    assert len(table.rows) == 4 and 87 <= table.bbox.top < 88


def _rows_ruled_at(x0: float, x1: float, ys: tuple[float, ...]) -> RawTable:
    bands: list[list[BBox | None]] = [[BBox(x0=x0, top=a, x1=x1, bottom=b)] for a, b in itertools.pairwise(ys)]
    return RawTable(1, BBox(x0=x0, top=ys[0], x1=x1, bottom=ys[-1]), bands, "rows")


def test_tables_set_side_by_side_under_title_bands_of_their_own_are_a_table_each() -> None:
    """Two ranked tables side by side, each with its title in a band of its own over its header and its rows
    set apart by bands of colour: the gutters alone read them as one table of both; each is a table of its
    own, its title band no row of it."""
    lines = [
        line(102, (50, "Top markets by visits"), (300, "Top markets by spend")),
        line(120, (60, "From"), (160, "Visits"), (310, "From"), (410, "Spend")),
        line(138, (60, "USA"), (160, "4,499"), (310, "USA"), (410, "£4,184")),
        line(156, (60, "France"), (160, "3,570"), (310, "China"), (410, "£1,710")),
        line(174, (60, "Germany"), (160, "3,233"), (310, "Germany"), (410, "£1,567")),
    ]
    ys = (98.0, 115.0, 133.0, 151.0, 169.0, 187.0)
    tables = lines_to_tables(lines, [_rows_ruled_at(45, 260, ys), _rows_ruled_at(295, 500, ys)], 1)
    assert sorted(round(t.bbox.x0) for t in tables) == [45, 295]
    assert all(round(t.bbox.top) == 115 and len(t.rows) == 4 for t in tables)


def test_a_ruled_band_of_column_headings_under_rows_of_figures_opens_the_next_table() -> None:
    """Two notes of accounts one under the other, each under a shaded band of column headings, the second's
    number and name between them: two tables, not one running through both."""
    lines = [
        line(100, (200, "2020-21"), (260, "2019-20")),
        line(112, (205, "£000"), (265, "£000")),
        line(130, (50, "Cash held"), (210, "585"), (270, "436")),
        line(142, (50, "Total"), (210, "585"), (270, "436")),
        line(160, (50, "8. Receivables")),
        line(178, (50, "Amounts due"), (200, "2020-21"), (260, "2019-20")),
        line(190, (205, "£000"), (265, "£000")),
        line(208, (50, "Trade receivables"), (215, "9"), (270, "100")),
        line(220, (50, "Total"), (210, "912"), (260, "1,133")),
    ]
    bands = [
        RawTable(1, _box(45, top, 320, top + 28), [[_box(45, top, 190, top + 28), _box(190, top, 250, top + 28),
                                                    _box(250, top, 320, top + 28)]])
        for top in (96.0, 174.0)
    ]  # fmt: skip
    tables = lines_to_tables(lines, bands, 1)
    assert [len(t.rows) for t in tables] == [3, 3]


def test_rules_between_groups_of_rows_give_a_row_per_figure_under_a_heading_wider_than_its_figures() -> None:
    """Rules between groups of rows (a survey over the measures it gives, each with its figure, the labels
    wrapped over several lines), under a caption, a title set across the columns and a header whose last
    heading reaches left of its figures into the gutter: one table, a row per figure, the title no row of it."""
    lines = [
        line(60, (50, "TABLE 4")),
        line(72, (50, "ESTIMATES OF SMES MOVING BETWEEN EXPORTING AND NOT EXPORTING BY SURVEY")),
        line(86, (50, "Survey"), (200, "Basis of estimate"), (330, "Estimate (%)")),
        line(104, (50, "Business Survey"), (200, "Share exporting in one"), (360, "20")),
        line(116, (50, "(Department, 2019)"), (200, "year but not the next")),
        line(128, (200, "Share exporting again"), (360, "11")),
        line(140, (200, "after a year without")),
        line(158, (50, "Export Survey"), (200, "Share of members lapsed"), (360, "7")),
    ]
    rules = _rows_ruled_at(45, 400, (98.0, 152.0, 172.0))
    assert _row_ruled(lines, rules) is None  # read as rules between rows, a band holding two rows is no row
    table = _row_ruled(lines, rules, grouped=True)
    assert table is not None and len(table.rows) == 4 and all(len(row) == 3 for row in table.rows)
    assert [round(row[2].top) for row in table.rows] == [85, 98, 127, 152]  # the header, then a row per figure
    assert 85 <= table.bbox.top < 86  # the header in, the caption and the title out


def test_a_survey_table_ruled_between_groups_of_rows_is_found_on_a_real_page(tmp_path: Path) -> None:
    """TABLE 3 of BBB SME exporting trends (p. 12): ruled under its header and between its surveys only, a survey
    giving one or two measures, each with its figure: one table, the header and a row per figure. TABLE 4 beside
    it, whose first group is over twice as tall as the others, is read the same way: the rule under its header
    still rules it (a cut between runs of rules leaves at least three on each side)."""
    path = cut("policy/uk_bbb_sme_exporting_trends.pdf", 12, tmp_path)
    tables, _ = found_tables(path)
    assert [t.n_rows for t in tables] == [7, 7]
    assert sorted(t.bbox.x1 < 600 for t in tables if t.bbox is not None) == [False, True]


def test_a_heading_over_headings_of_groups_spans_them_beside_a_column_no_group_heads() -> None:
    """A statistical table's header read one column's block at a time (each heading a block of its own): set side
    by side again, whatever the number of blocks; ``Current expenditures`` spans the two groups it is centred over,
    each group spans the columns it is centred over (the column of counts beside them in none), and a group's
    heading that crosses the gutter between its columns is one heading."""
    years = [("1996–97", "45,611", "$375.9", "$8,242"), ("1997–98", "46,127", "390.2", "8,460"),
             ("1998–99", "46,539", "407.0", "8,745")]  # fmt: skip
    lines = [
        line(63, (356, "Current expenditures")),
        line(77, (264, "Constant 2010–11 dollars"), (470, "Current dollars")),
        line(92, (146, "Fall enrollment")),
        line(102, (42, "School year"), (149, "(in thousands)")),
        line(92, (285, "Total")),
        line(102, (254, "(in billions)")),
        line(92, (354, "Per pupil")),
        line(102, (369, "in ADA")),
        line(92, (463, "Total")),
        line(102, (432, "(in billions)")),
        line(92, (532, "Per pupil")),
        line(102, (551, "in ADA")),
        line(116, (42, "Actual")),
        *[line(127 + 11 * i, (42, year), (185, count), (304 - CHAR * len(total), total),
               (394 - CHAR * len(pupil), pupil), (485 - CHAR * len(total), total), (576 - CHAR * len(pupil), pupil))
          for i, (year, count, total, pupil) in enumerate(years)],
    ]  # fmt: skip
    [table] = tables_from(lines, [])
    covered = {(c.row, k) for c in table.cells for k in range(c.col + 1, c.col + c.col_span)}
    rows = [[None if (r, k) in covered else (c.text if c else "") for k, c in enumerate(row)]
            for r, row in enumerate(table.grid())]  # fmt: skip
    assert rows[:4] == [
        ["", "", "Current expenditures", None, None, None],
        ["", "", "Constant 2010–11 dollars", None, "Current dollars", None],
        ["School year", "Fall enrollment (in thousands)", "Total (in billions)", "Per pupil in ADA",
         "Total (in billions)", "Per pupil in ADA"],
        ["Actual", "", "", "", "", ""],
    ]  # fmt: skip
    assert rows[4] == ["1996–97", "45,611", "$375.9", "$8,242", "$375.9", "$8,242"]


def test_a_title_centred_over_a_header_of_years_and_a_repeated_group_header_are_not_one_tables_rows() -> None:
    """A heading is set over a header line of group headings only: a title centred over a line of years stays out
    of the table (for its caption to read), and the group headings printed again under a table open a second."""

    def flush_right(x: float, text: str) -> tuple[float, str]:
        return x - CHAR * len(text), text

    def centred(middle: float, text: str) -> tuple[float, str]:
        return middle - (CHAR * len(text) + SPACE * (len(text.split()) - 1)) / 2, text

    years = ["2019-20", "2020-21", "2021-22", "2022-23"]
    xs = [200, 260, 320, 380]
    rows = [("Salaries", "9,433", "8,701", "8,100", "7,900"), ("Pensions", "850", "918", "880", "860"),
            ("Grants", "1,200", "1,100", "1,050", "990")]  # fmt: skip
    lines = [
        line(88, centred((200 - CHAR * 7 + 380) / 2, "Total managed expenditure on schools")),
        line(100, *[flush_right(x, y) for x, y in zip(xs, years, strict=True)]),
        *[line(112 + 12 * i, (50, r[0]), *[flush_right(x, v) for x, v in zip(xs, r[1:], strict=True)])
          for i, r in enumerate(rows)],
    ]  # fmt: skip
    [table] = tables_from(lines, [])
    assert [c.text for c in table.cells if c.row == 0] == years

    middles = [x - 12 for x in xs]

    def block(top: float, lead: bool) -> list[list[dict[str, Any]]]:
        out = [line(top, centred((middles[0] + middles[3]) / 2, "Current expenditures"))] if lead else []
        out += [
            line(top + 12, centred(sum(middles[:2]) / 2, "Constant dollars"), centred(sum(middles[2:]) / 2, "Current dollars")),
            line(top + 24, (40, "Year"), *[centred(m, n) for m, n in zip(middles, ["Total", "Per pupil"] * 2, strict=True)]),
        ]  # fmt: skip
        return out + [
            line(top + 36 + 12 * i, (40, str(2001 + i)), *[flush_right(x, f"{10 + i + k}") for k, x in enumerate(xs)])
            for i in range(3)
        ]

    tables = tables_from(block(100, True) + block(160, False), [])
    assert [t.n_rows for t in tables] == [6, 5]
    assert [c.text for c in tables[0].cells if c.row < 2] == [
        "Current expenditures",
        "Constant dollars",
        "Current dollars",
    ]


def test_a_wrapped_headings_first_line_is_no_group_heading_and_a_first_labels_first_line_no_heading() -> None:
    def cell(col: int, x0: float, x1: float) -> _Cell:
        return _Cell([{"text": "x", "x0": x0, "x1": x1, "top": 0, "bottom": 9}], col, 1)

    below = [cell(k, 100 * k, 100 * k + 60) for k in range(7)]
    assert _over_groups([cell(2, 220, 240), cell(5, 510, 550)], below) is not None  # centred over their groups
    # the first ends where the heading of column 2 ends: that heading's first line, set flush right
    assert _over_groups([cell(2, 230, 260), cell(5, 510, 550)], below) is None

    lines = [
        line(100, (50, "Grand Challenge"), (200, "Deals"), (260, "Total")),
        line(110, (260, "investment")),  # the last heading wraps: the header's last line holds one cell
        line(128, (50, "Artificial Intelligence")),
        line(140, (50, "and Data"), (200, "125"), (260, "£403m")),
        line(152, (50, "Ageing Society"), (200, "32"), (260, "£16m")),
        line(164, (50, "Clean Growth"), (200, "470"), (260, "£1.2bn")),
    ]
    rows = cells_of(lines)
    assert rows[:2] == [
        ["Grand Challenge", "Deals", "Total investment"],
        ["Artificial Intelligence and Data", "125", "£403m"],
    ]


def test_a_register_table_with_dot_leaders_a_heading_wrapped_beside_level_ones_and_a_hanging_label() -> None:
    lines = [
        line(96, (360, "Cost on U.S.")),  # the last heading wraps; the others are set level with its middle
        line(100, (50, "Action"), (200, "Parts cost"), (275, "Cost per product")),
        line(104, (360, "operators")),
        line(120, (50, "AFM revisions ........"), (200, "$0 ........"), (275, "$85 ........"), (360, "$6,205.")),
        line(132, (50, "MDS installation, INOP"), (200, "$0 ........"), (275, "$85 ........"), (360, "$6,205.")),
        line(141, (58, "marker removal.")),  # the label's second line, under a hanging indent
    ]
    assert cells_of(lines) == [
        ["Action", "Parts cost", "Cost per product", "Cost on U.S. operators"],
        ["AFM revisions ........", "$0 ........", "$85 ........", "$6,205."],
        ["MDS installation, INOP marker removal.", "$0 ........", "$85 ........", "$6,205."],
    ]
    [table] = tables_of(lines)
    assert table.header_rows == 1  # the amounts are figures, leaders and stop aside: the header ends over them
    assert _unit(None, table.cells, table.header_rows)[0] == "USD x 1"


def test_a_continued_tables_title_set_larger_over_its_repeated_header_is_no_row_of_it() -> None:
    lines = [
        [{**w, "size": 11.0} for w in line(88, (200, "COSTS—Continued"))],  # set larger, over the figures' headings
        line(100, (50, "Action"), (200, "Parts cost"), (300, "Total cost")),
        line(116, (50, "Wiring change ......"), (200, "Up to $3,790 ...."), (300, "Up to $766,865.")),
        line(128, (50, "Sensor test ......"), (200, "$0 ......"), (300, "$248,200.")),
    ]
    assert cells_of(lines) == [
        ["Action", "Parts cost", "Total cost"],
        ["Wiring change ......", "Up to $3,790 ....", "Up to $766,865."],
        ["Sensor test ......", "$0 ......", "$248,200."],
    ]
    [table] = tables_of(lines)
    assert table.header_rows == 1  # a row with dot leaders (Up to $3,790 ....) is a body row: the header ends over it


def test_a_running_header_set_apart_over_a_table_is_no_row_but_a_header_printing_its_columns_is() -> None:
    rows = [
        line(57, (50, "Action"), (200, "Parts cost"), (300, "Total cost")),  # 14 points under the band: 1.56 sizes
        line(69, (50, "Wiring change"), (200, "$3,790"), (300, "$766,865")),
        line(81, (50, "Sensor test"), (200, "$0"), (300, "$248,200")),
    ]
    running = line(34, (50, "Federal Register / Vol. 85"), (300, "47703"))
    [table] = _built([running, *rows], lines_to_tables([running, *rows], [], 1, 842.0))
    assert [c.text for c in table.cells if c.row == 0] == ["Action", "Parts cost", "Total cost"]
    [whole] = _built([running, *rows], lines_to_tables([running, *rows], [], 1))  # without the page's height
    assert [c.text for c in whole.cells if c.row == 0] == ["Federal Register / Vol. 85", "47703"]
    repeated = line(34, (50, "Action"), (200, "Parts cost"), (300, "Total cost"))  # the header, set apart
    [kept] = _built([repeated, *rows[1:]], lines_to_tables([repeated, *rows[1:]], [], 1, 842.0))
    assert [c.text for c in kept.cells if c.row == 0] == ["Action", "Parts cost", "Total cost"]
    two = [
        line(24, (50, "Action"), (200, "Parts"), (300, "Total")),
        line(34, (50, "type"), (200, "cost"), (300, "cost")),
    ]
    [both] = _built([*two, *rows[1:]], lines_to_tables([*two, *rows[1:]], [], 1, 842.0))  # kept through the second
    assert [c.text for c in both.cells if c.row == 0] == ["Action type", "Parts cost", "Total cost"]


def _sized(size: float, top: float, *cells: tuple[float, str]) -> list[dict[str, Any]]:
    return [{**w, "size": size, "bottom": top + size} for w in line(top, *cells)]


@pytest.mark.parametrize(
    ("lines", "header"),
    [
        pytest.param(
            [
                line(40, (350, "17")),  # the folio, level with the header row of a table at the page's top
                line(40, (50, "Programme"), (200, "2021-22"), (300, "2022-23")),
                line(54, (50, "Housing"), (200, "12.5"), (300, "13.0")),
                line(66, (50, "Transport"), (200, "40.1"), (300, "42.2")),
                line(78, (50, "Total"), (200, "52.6"), (300, "55.2")),
            ],
            ["Programme", "2021-22", "2022-23"],
            id="a-folio-level-with-the-header",
        ),
        pytest.param(
            [
                line(99, (450, "See the notes")),  # a side note in the margin, level with the header row
                line(100, (50, "Programme"), (200, "2021-22"), (300, "2022-23")),
                line(114, (50, "Housing"), (200, "12.5"), (300, "13.0")),
                line(126, (50, "Transport"), (200, "40.1"), (300, "42.2")),
                line(138, (50, "Total"), (200, "52.6"), (300, "55.2")),
            ],
            ["Programme", "2021-22", "2022-23"],
            id="a-side-note-level-with-the-header",
        ),
        pytest.param(
            [
                _sized(10.0, 100, (190, "2021-22")),  # a heading set larger than the figures under it
                _sized(8.5, 114, (50, "Housing"), (200, "£12.5m")),
                _sized(8.5, 126, (50, "Transport"), (200, "£40.1m")),
                _sized(8.5, 138, (50, "Total"), (200, "£52.6m")),
            ],
            ["", "2021-22"],
            id="a-larger-heading-over-figures",
        ),
        pytest.param(
            [
                line(100, (50, "Region"), (200, "2020"), (320, "2021")),
                line(112, (200, "Under $50"), (320, "Over $50")),  # bins under years: headings, not amounts
                line(126, (50, "North"), (200, "120"), (320, "45")),
                line(138, (50, "South"), (200, "310"), (320, "72")),
            ],
            ["Region", "2020 Under $50", "2021 Over $50"],
            id="bins-of-amounts-under-years",
        ),
        pytest.param(
            [
                line(100, (50, "Type of support"), (200, "Schools"), (300, "Councils")),
                line(110, (50, "grants, loans etc..."), (200, "funded"), (300, "funded")),  # an ellipsis, no leaders
                line(124, (50, "Housing"), (200, "12.5"), (300, "13.0")),
                line(136, (50, "Total"), (200, "52.6"), (300, "55.2")),
            ],
            ["Type of support grants, loans etc...", "Schools funded", "Councils funded"],
            id="an-ellipsis-in-a-heading",
        ),
    ],
)
def test_a_folio_a_larger_heading_and_bins_of_amounts_are_read_as_a_reader_reads_them(
    lines: list[list[dict[str, Any]]], header: list[str]
) -> None:
    [table] = tables_of(lines)
    assert table.header_rows == 1
    assert [c.text if c else "" for c in table.grid()[0]] == header
