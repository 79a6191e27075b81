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

# (task, precision, recall): measured on 2026-12-01 with `make eval` (development: clusters 0.756/0.607, visions
# 0.515/0.667, objectives 0.847/0.674, figures 0.926/0.767; held-out: clusters 1.000/0.115, visions 0.500/0.176,
# objectives 0.605/0.490, figures 0.922/0.808), set at or just below. Before issue 20's rules the held-out set
# measured clusters 1.000/0.000, visions 0.000/0.000, objectives 0.560/0.095, figures 0.917/0.753.
LEVELS = {
    "development": [
        ("clusters", 0.75, 0.6), ("visions", 0.5, 0.65), ("objectives", 0.84, 0.67), ("figures", 0.92, 0.76),
    ],
    "held-out": [
        ("clusters", 1.0, 0.11), ("visions", 0.5, 0.17), ("objectives", 0.6, 0.48), ("figures", 0.92, 0.8),
    ],
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
