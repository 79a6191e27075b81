"""Hold the levels reached against the table gold of issue 21 (``make eval-tables`` prints them): table
regions, titles, units and funding lines on policy PDFs, development and held-out apart (skipped when
../shared/corpus is absent).

Levels are the ones measured on the day the rules last changed, at or a little below them; a drop fails
the test. Each held-out part was annotated and committed before the rules it measures changed; the misses of
two of them (held-out and held-out 4) were read later, as the notes below say, so held-out 2, 3 and 5 are the
ones that still measure how the rules generalise: where their level lags the development level, the rules fit
the development documents more than they generalise.
"""

from __future__ import annotations

import pytest
from support import CORPUS
from table_gold_eval import SetResult, evaluate

# Measured on 2026-12-01 with `make eval-tables`:
#   development (16 PDFs, 54 pages): regions P 0.897 R 0.929, funding P 1.000 R 0.657, title 0.857, unit 0.600
#   held-out (5 PDFs, 21 pages):     regions P 1.000 R 0.741, funding P 0.951 R 1.000, title 0.800, unit 0.667
# Before issue 21's rules the held-out set measured regions P 0.792 R 0.704, funding 0 of 78 lines, title 0 of
# 19, unit 0 of 11 (no PDF table had a title, a unit from its header or a funding line); development regions
# P 0.697 R 0.821.
# 2026-12-02 (rows of units head their table, headers read as two blocks rejoined, captions no rows, lines
# running out of a box that frames a group's label stay in their table):
#   development: regions P 0.963 R 0.929, funding P 1.000 R 0.771, title 0.952, unit 0.800
#   held-out:    regions P 1.000 R 0.741, funding P 0.951 R 1.000, title 0.800, unit 0.750
# 2026-12-03 (open-sided ruled tables given their sides): development regions P 0.964 R 0.964, title 0.955,
# unit 0.800; held-out unchanged. Later that day (the columns of amounts a Total column adds up give lines):
# development funding P 1.000 R 1.000 (70/70/70); the rest unchanged. Later (a cell spans only the columns its
# box reaches into): development structure P 0.938 R 0.841, periods 0.833 (10/12, was 8/12); held-out unchanged
# (structure P 0.844 R 0.615, periods 0.833).
# 2026-12-04: a development part 2 (6 PDFs, 23 pages) and a held-out part 2 (5 PDFs, 21 pages) annotated and
# committed before that day's rules changed. Measured before they changed: development, both parts (22 PDFs,
# 77 pages): regions P 1.000 R 0.886, structure P 0.935 R 0.836, funding 70/70/70, title 0.923, unit 0.867,
# periods 0.923; held-out 2: regions P 0.900 R 1.000, structure P 0.822 R 0.791, title 0.571 (no funding
# table, unit or period column among its tables). After (a ruled table right over a chart stays a table; a
# labelled item or a question right over a table titles it; a Total column's counts leave a table of shares in
# %): development regions P 1.000 R 0.914, structure P 0.935 R 0.843, title 0.963, unit 0.875, periods 0.929;
# held-out and held-out 2 unchanged.
# Later on 2026-12-04: a development part 3 (the 9 policy PDFs no table gold held, 36 pages, 10 tables; mostly
# pages that look tabular and are not) annotated before the day's second round. Development, all three parts (31
# PDFs, 113 pages), before: regions P 0.974 R 0.844, structure P 0.928 R 0.831, funding 70/70/84, title 30/33,
# unit 14/17, periods 13/14. After (tables ruled between rows only read by their rules; a shade inside another
# of its colour draws no edge; periods down the first column give funding lines; a few labelled records under a
# header make a table, not a panel): regions P 0.976 R 0.911, structure P 0.937 R 0.854, funding 84/84/84, title
# 33/36, unit 16/18, periods 13/15; held-out and held-out 2 unchanged. Then (a form's labels and details set in
# columns, a colophon, are no table): development regions P 1.000 R 0.911; the rest unchanged.
# 2026-12-05: the misses of the held-out set read page by page (so from this day it is a held-out set no more for
# these rules; held-out 2 stays unread): a row band drawn as one thick stroked line is a band; a table's title in a
# band of its own over it is no row; a ruled header band under rows of figures opens the next table; a ruled
# box's words alone are its table's; the gutter reading of tables set side by side gives way to their rules; the
# title over tables side by side is cut at the gutter; a count's scale "(000)" is a unit; a table's shaded rows
# are no chart's bars. Held-out, before: regions P 1.000 R 0.741, structure P 0.856 R 0.641, funding P 0.951,
# title 17/20, unit 10/12, periods 11/12; after: regions P 0.964 R 1.000, structure P 0.880 R 0.828, funding
# 78/78/78, title 24/27, unit 18/19, periods 13/14. Development, held-out 2 and ICDAR 2013 unchanged.
# Then a held-out part 3 (20 pages of 5 development PDFs that no table gold held, annotated 2026-12-05 after the
# day's rules and before any later one), measured as committed: regions P 1.000 R 0.875 (14/14/16), structure
# P 0.958 R 0.885, funding P 1.000 R 0.895 (34/34/38), title 11/12, unit 7/7, periods 4/5. Then (a heading naming
# another table, between a table and one under the same header on the next page, parts them; found checking the
# held-out set's funding lines by eye): held-out title 25/27, structure P 0.880 R 0.830; held-out 3 title 12/12;
# the rest unchanged. Then (a table with no caption outside it takes the bar drawn as its own first row, a row of
# one cell across it, as its title; found in the development set's title misses): development title 35/36; the
# rest unchanged. Then (a table has two rows of two cells or more with text): every set unchanged (the six tables
# it drops over the policy corpus are panels and a cover on pages no table gold holds); ICDAR 2013 precision
# 23641/24647 -> 23641/24637.
# 2026-12-05, later: held-out part 4 (21 pages of 5 PDFs, new pages) measured at caabfda as committed: regions
# P 0.818 R 0.750 (9/11/12), structure P 0.946 R 0.762, funding P 1.000 R 0.343 (24/24/70), title 7/9, unit 3/7,
# periods 2/5. Its misses were then read (so it is a held-out set no more for these rules), and a held-out part 5
# (20 pages of 5 PDFs) annotated and committed before any rule changed, at caabfda: regions P 1.000 R 0.588
# (10/10/17), structure P 0.846 R 0.703, funding P 1.000 R 0.360 (32/32/89), title 6/7, unit 5/7, periods 1/4.
# After (labels read with the text over a table are its stub; a ruled band's wrapped headings head it; headings
# over a column of figures and its unit head it; a balance date or "Total 2019-20" heads its year; amounts beside
# the period columns give lines of period "none", counts none; a title's last clause or a header cell gives a
# unit; lists set in columns under a table's label are a table): development regions P 1.000 R 0.933, structure
# P 0.939 R 0.855, title 36/37; held-out 4 regions P 0.917 R 0.917, structure P 0.923 R 0.831, funding P 1.000 R
# 0.957 (67/67/70), title 10/11, unit 7/8, periods 4/5; held-out 5 regions P 1.000 R 0.647 (11/11/17), structure
# P 0.850 R 0.725, funding P 1.000 R 0.989 (88/88/89), title 7/8, unit 6/8, periods 3/4; held-out structure
# 1025 -> 1018 relations matched (two tables side by side read as one, before and after); the rest unchanged.
# ICDAR 2013: precision 23641/24644 -> 23654/24672 (0.959), recall 0.955 -> 0.956, F1 0.957.
# 2026-12-06: held-out part 6 (20 pages of 5 PDFs, mostly pages that look tabular and are not; 5 tables),
# annotated and committed after those rules and before any later one, at ab17441: regions P 0.714 R 1.000 (5/7/5),
# structure P 0.851 R 0.958, title 4/5.
# 2026-12-06, later: held-out part 7 (29 pages of 5 PDFs, two annotators apart, merged; no real table on them, one
# borderline grid), annotated and committed before that evening's table rules, at 500781a: one table found (a
# diagram), none right. It is held by MAX_FOUND: tables found on pages that hold none.
# 2026-12-06, evening: held-out part 8 (30 pages of 6 policy PDFs, no table gold held them: diagrams of boxes in
# rows and columns, charts, contents, 5 continued text tables) and part 9 (every page of 8 PDFs of the tables
# corpus, 14 regions, 517 funding lines), annotated and committed before that evening's rules. At 170583b: part 8
# regions P 1.000 R 1.000 (5/5/5), structure P 0.968 R 0.973; part 9 regions P 0.857 R 0.857 (12/14/14), structure
# P 0.904 R 0.773, funding 0/0/517, title 4/12, unit 0/6. After (paths drawn wholly outside their clipping path
# draw no rule; boxes whose sides run through words frame text, not a table; a bar chart's category with its one
# value is a chart's label; a unit line under a caption, an annex's caption "Table S-4", rupees, crores and lakhs;
# subtotal rows are totals): part 6 regions P 1.000 R 1.000 (5/5/5), structure P 0.932 R 0.958; part 7 no table
# found; part 8 unchanged; part 9 regions P 0.857 R 0.857, structure P 0.903 R 0.773, funding P 0.614 R 0.679
# (351/572/517), title 5/12, unit 3/6 (its three budget pages were read while writing the unit rules, so part 9
# is read for them); development and parts 1-5 unchanged; ICDAR 2013 F1 0.957 (23667/24686/24751). Then (a caption
# "Table: 5"; a span of years beside its years is their total): part 9 title 6/12, structure P 0.905; the rest
# unchanged.
# 2026-12-07: a development part 5 annotated (a Federal Register rule's cost table over two pages, the six tables
# of ICDAR us-018 with expenditures by school year), scored apart as "development 5" before any rule read it:
# regions 9/9/9, title 5/9, unit 0/4, funding 0/0/185. Then (small capitals joined to their initial: "ESTIMATED
# C OSTS" read "ESTIMATED COSTS") title 6/9; every other set unchanged. Then (a heading's first word reaching
# back over the gutter heads its own column): development 5 structure 3761 -> 3773 of 3848 relations, ICDAR 2013
# F1 0.957 -> 0.959 (23705/24689/24751); every other set unchanged.
# 2026-12-07, later (a header read one column's block at a time is set side by side whatever the number of blocks;
# a heading centred over headings of groups spans them, a group may leave out a column of counts, a group heading a
# gutter cut is one; a first row's label wrapped under the header is a body row; periods down the stub under label
# rows, the currency sign on a column's first figure only, each column at its own heading's scale; "[In thousands]"
# is a unit line): development 5 structure 3773 -> 3788 of 3848 relations, funding 0/0/185 -> 180/180/185 (the
# Federal Register's five lines are still missed), unit 0/4 -> 3/4; ICDAR 2013 F1 0.959 -> 0.960
# (23757/24722/24751); development parts 1-4 and every held-out part unchanged. Then (a review's fixes: a
# heading is set over group headings only when they head column headings, not figures; a repeated header opens a
# second table; a column without a scale of its own takes whole units only for an amount per pupil or head)
# every set unchanged.
# 2026-12-07, a new stop (dot leaders and a register's closing full stop are no part of a figure; an amount under a
# bound, "Up to $3,790", is the figure printed; a heading wrapped beside headings set level with its middle
# heads its column; a row label's last line under a hanging indent stays in the table; a title set larger than the
# table heads none of its columns; a running header set apart at the page's top is no row of a table):
# development 5 structure 3788/3866 -> 3790/3859 of 3848 relations (the Federal Register's table read whole over
# its two pages; its five funding lines are still missed: no period and no Total column says which of its four
# money columns to take); ICDAR 2013 (23757/24722/24751), development parts 1-4 and every held-out part unchanged.
# Then (a review's fixes: dot leaders, not a bound before an amount, end a header; a larger title heads only a row of
# headings; a heading wrapped beside level ones starts near them and is no folio; a running line that prints a
# table's columns stays in it) every set unchanged.
# 2026-12-07, a new stop (0.8.106): a box holding a group's label beside its rows is one cell spanning them; a caption printed
# over each page of a long table, or wrapped to a line of its own, is the title whole. Structure, matched/found:
# development 2277/2413 -> 2297/2456 (F1 0.900 -> 0.900), held-out 5 886/1005 -> 906/1048 (0.868 -> 0.869); titles
# development 5 6/9 -> 8/9, held-out 5 9/10 -> 10/10; the rest unchanged. Then the structure measure writes a found
# cell spanning rows or columns as the gold writes one (its text in its first position, the positions it covers
# blank): a label spanning three rows was counted adjacent to each of them, which the gold's grid cannot say. Same
# code, matched/found and F1, before -> after: development 2297/2456 -> 2297/2394 (0.900 -> 0.911), development 5
# 3790/3859 -> 3790/3838 (0.984 -> 0.986), held-out 1071/1206 -> 1083/1194 (0.878 -> 0.892), held-out 2
# 277/333 -> 280/327 (0.841 -> 0.858), held-out 3 594/613 -> 594/602 (0.959 -> 0.967), held-out 4 unchanged,
# held-out 5 906/1048 -> 906/1014 (0.869 -> 0.883), held-out 6 137/147 -> 137/137 (0.945 -> 0.979), held-out 8
# 214/221 -> 217/217 (0.971 -> 0.993), held-out 9 4434/4870 -> 4434/4853 (0.838 -> 0.839). The levels below
# stand.
SCORES = {  # (precision, recall)
    "development": {"regions": (1.0, 0.93), "funding": (1.0, 1.0), "structure": (0.93, 0.85)},
    "held-out": {"regions": (0.96, 1.0), "funding": (1.0, 1.0), "structure": (0.87, 0.82)},
    "held-out 2": {"regions": (0.9, 1.0), "structure": (0.82, 0.79)},
    "held-out 3": {"regions": (1.0, 0.87), "funding": (1.0, 0.89), "structure": (0.95, 0.88)},
    "held-out 4": {"regions": (0.91, 0.91), "funding": (1.0, 0.95), "structure": (0.92, 0.83)},
    "held-out 5": {"regions": (1.0, 0.64), "funding": (1.0, 0.98), "structure": (0.84, 0.72)},
    "held-out 6": {"regions": (1.0, 1.0), "structure": (0.93, 0.95)},
    "held-out 7": {},
    "held-out 8": {"regions": (1.0, 1.0), "structure": (0.96, 0.97)},
    "held-out 9": {"regions": (0.85, 0.85), "funding": (0.61, 0.67), "structure": (0.9, 0.77)},
    "development 5": {"regions": (1.0, 1.0), "funding": (1.0, 0.97), "structure": (0.97, 0.98)},
}
MAX_FOUND = {"held-out 7": 0}  # tables found on a set's pages that hold no real table (look-alikes only)
RATES = {  # share right of the tables that print one
    "development": {"title": 0.97, "unit": 0.88, "periods": 0.86},
    "held-out": {"title": 0.88, "unit": 0.94, "periods": 0.92},
    "held-out 2": {"title": 0.57},
    "held-out 3": {"title": 0.91, "unit": 1.0, "periods": 0.8},
    "held-out 4": {"title": 0.9, "unit": 0.87, "periods": 0.8},
    "held-out 5": {"title": 0.87, "unit": 0.75, "periods": 0.75},
    "held-out 6": {"title": 0.8},
    "held-out 9": {"title": 0.5, "unit": 0.5},
    "development 5": {"title": 0.66, "unit": 0.75},
}


@pytest.fixture(scope="module", params=sorted(SCORES))
def results(request) -> tuple[str, SetResult]:  # type: ignore[no-untyped-def]
    if not CORPUS.exists():
        pytest.skip(f"needs {CORPUS}")
    return request.param, evaluate(request.param)


@pytest.mark.slow
@pytest.mark.corpus
def test_table_gold_levels_hold(results: tuple[str, SetResult]) -> None:
    name, result = results
    assert result.documents
    for task, (precision, recall) in SCORES[name].items():
        score = result.total(task)
        assert score.gold > 0 and score.precision >= precision and score.recall >= recall, (name, task, score)
    if name in MAX_FOUND:
        assert result.total("regions").found <= MAX_FOUND[name], (name, result.total("regions"))
    for task, rate in RATES.get(name, {}).items():
        assert result.total(task).compared > 0 and result.total(task).rate >= rate, (name, task, result.total(task))
