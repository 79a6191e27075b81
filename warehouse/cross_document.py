"""Checks across documents, run at the end of every ingest over the whole warehouse.

The same measure of the same cluster for the same place, period and unit, counting the same thing (their
subjects share at least half of their words of four letters or more), stated differently in two documents,
becomes a ``cross_document_conflict`` quality issue on each figure (with the figure's provenance, the numbers
written as people read them: ``£101.5bn``), so an analyst sees both sources. A change (``from X to Y``) is not
compared; figures whose place is unknown are compared only with others whose place is unknown. The issues are
recomputed from scratch each run: a document that is changed or removed takes its conflicts with it.
"""

from __future__ import annotations

import duckdb

from pipeline.registry import extractor

EXTRACTOR = extractor("checks/cross-document")
RELATIVE_TOLERANCE = 0.01

# A number as people read it: £101.5bn, £290m, 5.2%, 48,400 people.
_HUMAN = """CASE
    WHEN {v}.unit IN ('GBP', 'EUR', 'USD') THEN
        CASE {v}.unit WHEN 'GBP' THEN '£' WHEN 'EUR' THEN '€' ELSE '$' END ||
        CASE WHEN abs({v}.value) >= 1e9 THEN format('{{:.1f}}bn', {v}.value / 1e9)
             WHEN abs({v}.value) >= 1e6 THEN format('{{:.1f}}m', {v}.value / 1e6)
             ELSE format('{{:,}}', round({v}.value)::BIGINT) END
    WHEN {v}.unit = 'percent' THEN format('{{}}%', {v}.value)
    ELSE format('{{:,}} {{}}', round({v}.value)::BIGINT, {v}.unit)
END"""
# The words of a figure's subject that say what it counts (four letters or more).
_WORDS = "list_filter(string_split(lower(coalesce({v}.subject, '')), ' '), lambda w: length(w) >= 4)"

CONFLICTS_SQL = f"""
WITH f AS (
    SELECT *, {_WORDS.format(v="figures")} AS words FROM figures
    WHERE cluster_id IS NOT NULL AND period IS NOT NULL AND value IS NOT NULL AND coalesce(quality, 'ok') = 'ok'
      AND value_before IS NULL AND subject IS NOT NULL
)
SELECT
    'cross_document_conflict' AS kind,
    'warning' AS severity,
    format('{{}} gives {{}} for {{}} of {{}} ({{}}, {{}}{{}}); {{}} gives {{}} ({{}})', a.document_id,
           {_HUMAN.format(v="a")}, a.subject, a.cluster_id, a.measure, a.period, coalesce(', ' || a.place, ''),
           b.document_id,
           {_HUMAN.format(v="b")}, b.source_text) AS detail,
    a.document_id, a.page, a.char_start, a.char_end, a.source_text,
    a.bbox_x0, a.bbox_top, a.bbox_x1, a.bbox_bottom, a.section_id,
    '{EXTRACTOR}' AS extractor, 0.8 AS confidence, greatest(a.run_id, b.run_id) AS run_id
FROM f a JOIN f b
  ON a.cluster_id = b.cluster_id AND a.measure = b.measure AND a.unit = b.unit AND a.period = b.period
 AND a.place IS NOT DISTINCT FROM b.place
 AND a.document_id <> b.document_id
 AND len(list_intersect(a.words, b.words)) * 2 >= greatest(len(a.words), len(b.words))
 AND len(a.words) > 0
 AND abs(a.value - b.value) > {RELATIVE_TOLERANCE} * greatest(abs(a.value), abs(b.value))
ORDER BY a.document_id, a.char_start, b.document_id
"""


def cross_document_conflicts(con: duckdb.DuckDBPyConnection) -> int:
    """Replace the cross-document conflict issues; returns how many there are.

    A conflict's ``run_id`` is the run that loaded the later of its two figures:
    the run in which it arose, unchanged by re-runs that leave both figures alone.
    """
    con.begin()
    try:
        con.execute("DELETE FROM quality_issues WHERE extractor = ?", [EXTRACTOR])
        con.execute(
            "INSERT INTO quality_issues (kind, severity, detail, document_id, page, char_start, char_end, source_text,"
            " bbox_x0, bbox_top, bbox_x1, bbox_bottom, section_id, extractor, confidence, run_id) " + CONFLICTS_SQL
        )
        row = con.execute("SELECT count(*) FROM quality_issues WHERE extractor = ?", [EXTRACTOR]).fetchone()
        con.commit()
    except Exception:
        con.rollback()
        raise
    return int(row[0]) if row else 0
