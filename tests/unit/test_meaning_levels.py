"""Hold the precision and recall reached against the meaning gold of issue 20 (``make eval`` prints them):
development and held-out apart, on real policy PDFs (skipped when ../shared/corpus is absent).

Levels are the ones measured on the day the rules last changed, at or a little below them; a drop fails the
test. The held-out documents were annotated and committed before
any rule changed and are never tuned on: where their level lags the development level, the rules fit the
development documents more than they generalise.
"""

from __future__ import annotations

import pytest
from meaning_eval import SetResult, evaluate
from support import CORPUS, ROOT

# (task, precision, recall): development = meaning_dev.yml + meaning_dev_2.yml (17 documents) and, from 2026-12-03,
# meaning_dev_3.yml (4 more, clusters, visions and objectives only) and meaning_dev_4.yml (4 more), held-out =
# meaning_heldout_2.yml (4 documents annotated 2026-12-02). Measured on 2026-12-02 with `make eval` after the second
# round of rules: development clusters 0.773/0.622, visions 0.627/0.616, objectives 0.790/0.790, figures
# 0.901/0.809; held-out clusters 0.591/0.464, visions 0.667/0.571, objectives 0.600/0.278, figures 0.920/0.821. Before
# that round (the rules of 2026-12-01): development 0.771/0.451, 0.532/0.527, 0.791/0.645, 0.925/0.780; held-out
# 0.556/0.357, 0.615/0.571, 0.561/0.237, 0.958/0.821. Re-measured the same day after issue 19's footnote marks and
# side tabs (layout only): development objectives 0.792/0.797, figures 0.909/0.805; held-out figures 0.939/0.821;
# the rest unchanged. Re-measured 2026-12-03 after issue 19's enumerated titles, charts and footnote marks (layout
# only, and pull quotes read once): development clusters 0.785/0.622, visions 0.627/0.616, objectives 0.789/0.799 (446/565/558: the layout now reads a sector deal's
# "Key commitments" title as the heading it is, which frames two items of text hidden under a panel that the reader
# takes with the visible words), figures 0.900/0.805 (footnotes in the body's type are read as footnotes, and still
# read); held-out unchanged but objectives 0.600/0.278. Re-measured 2026-12-03 after issue 19's items with their own
# paragraph (layout only): development clusters 0.783/0.659 (a numbered item's lead-in "Sub-sectors:" is now its own,
# so its sub-items read as the list of sectors they are), objectives 0.783/0.803 (448/572/558, since the paragraph
# line sizes told apart to half a point and the titles and call-outs of that day); held-out unchanged. Re-measured
# 2026-12-03 after that day's meaning rules (actions tables, sector columns and lists, time horizons, purpose
# lead-ins, percentages in words): development clusters 0.833/0.793, objectives 0.857/0.846, figures 0.902/0.818,
# visions unchanged; held-out unchanged. With development part 3 added (2026-12-03, measured before any rule changed
# for it: clusters 0.838/0.615, visions 0.633/0.625, objectives 0.854/0.757 over the 21 documents) and that day's rules
# from its pages: development clusters 0.854/0.697, visions 0.638/0.625, objectives 0.860/0.793, figures 0.902/0.818;
# held-out unchanged. With development part 4 added (meaning_dev_4.yml, 2026-12-03, measured at 6543c1f before any
# rule changed for it: part 4 alone clusters 3/18/19, visions 13/26/25, objectives 61/113/116, figures 40/52/57) and
# that day's rules (agreements' numbered commitments, titled groups under one lead-in, examples, templates and
# guidance set aside, contents entries under a sectors entry, thousands set apart by spaces): development (25
# documents) clusters 0.775/0.672, visions 0.637/0.616, objectives 0.864/0.809, figures 0.881/0.809; held-out
# objectives 0.643/0.278 (three items fewer found, none lost), the rest unchanged. Set at or just below.
# The day's second round (numbered paragraphs and their sub-points, "19.1.", read as a legal act prints them;
# numbered titles under a framing heading; a kind word inside a name frames nothing): development objectives
# 0.869/0.850 (690/794/812), the rest and every held-out part unchanged. Then a paragraph running on into bold
# words (layout) and figures (years never counts unless the noun follows them, "£8-14", a note mark touching a
# number): development figures 0.903/0.823 (241/267/293); held-out 3 figures 0.967/0.952, held-out 4 0.860/0.587;
# held-out part 2 visions 8/12/14 -> 8/13/14 (one more statement found in the defence policy once a paragraph ran
# on into bold words; not looked at, it is held out). 2026-12-04: a paragraph opening with a kind's label and a
# colon ("Our aim: We want ..."), and the items under a lead-in that is the plan's wanting ("4. We want:"):
# development visions 0.646/0.638 (113/175/177), objectives 0.870/0.855 (694/798/812); every held-out part
# unchanged.
LEVELS = {
    "development": [
        ("clusters", 0.77, 0.67), ("visions", 0.64, 0.63), ("objectives", 0.86, 0.85), ("figures", 0.9, 0.82),
    ],
    "held-out": [
        ("clusters", 0.59, 0.46), ("visions", 0.61, 0.57), ("objectives", 0.64, 0.27), ("figures", 0.93, 0.82),
    ],
    # held-out part 3 (meaning_heldout_3.yml), annotated after the rules of 2026-12-03 were committed: measured
    # first at 3e427fe (objectives 107/226/204: the agreement rule then counted a party committing in any sentence
    # of a numbered paragraph, and took a white paper for an agreement), then with that rule's gate on first
    # sentences, as it had been measured over the corpus (107/138/204; 6543c1f, before the day's rules: 107/133/204).
    # Visions 45/98/72, figures 59/62/62. Clusters (0/13/5) are not held: a floor of zero holds nothing.
    "held-out 3": [("visions", 0.45, 0.62), ("objectives", 0.77, 0.52), ("figures", 0.96, 0.95)],
    # held-out part 4 (meaning_heldout_4.yml), annotated before the second round of 2026-12-03 and measured first
    # at c6eb4eb (the rules of f63f649): visions 2/10/13, objectives 12/22/28, figures 37/44/63; the second round
    # changed none of it. Clusters (0/0/7) are not held: a floor of zero holds nothing.
    "held-out 4": [("visions", 0.2, 0.15), ("objectives", 0.54, 0.42), ("figures", 0.86, 0.58)],
    # held-out part 5 (meaning_heldout_5.yml: the UKGI annual report 2020, BBB Small Business Finance Markets 2019
    # and the French Chelsea active-transport plan), annotated 2026-12-04 after that day's rules (f252028) and
    # measured at once: visions 1/2/5, objectives 3/7/64 (none of the French plan's 55), figures 45/58/54.
    # Clusters (0/12/4) are not held: a floor of zero holds nothing.
    "held-out 5": [("visions", 0.5, 0.2), ("objectives", 0.42, 0.04), ("figures", 0.77, 0.83)],
}  # fmt: skip


@pytest.fixture(scope="module", params=sorted(LEVELS))
def results(request) -> SetResult:  # type: ignore[no-untyped-def]
    if not CORPUS.exists():
        pytest.skip(f"needs {CORPUS}")
    return evaluate(ROOT, request.param)


@pytest.mark.slow
@pytest.mark.corpus
def test_meaning_levels_hold(results: SetResult) -> None:
    assert not results.skipped and results.per_document
    for task, precision, recall in LEVELS[results.name]:
        score = results.total(task)
        assert score.gold > 0, task
        assert score.precision >= precision and score.recall >= recall, (results.name, task, score)
