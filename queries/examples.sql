-- Example queries: each answers a question analysts ask of the warehouse.
--
-- Run them all with `make examples`, one in `make sql`, or paste into any DuckDB client
-- opened on warehouse/policy.duckdb. Each query starts with a `-- name:` line and a
-- `-- question:` line; tests/analyst/test_examples.py runs every one and checks its answer.
-- Queries that take a parameter read it with getvariable(); set it first, e.g.
--   SET VARIABLE document_id = 'aerospace-brief-2024'; SET VARIABLE page = 1;

-- name: employment_by_cluster
-- question: How many people does each cluster employ, plan by plan?
-- The headline employment figure of each cluster in each document (cluster_profiles), oldest plan
-- first; a range keeps both ends. headline_figure_ids lead back to the figures and their pages.
SELECT
    cluster_name,
    document_title,
    published_date,
    employment_low,
    employment_high,
    headline_figure_ids
FROM cluster_profiles
WHERE employment_low IS NOT NULL
ORDER BY cluster_name, published_date NULLS LAST, document_id;

-- name: cluster_figures_between_plans
-- question: How did the same cluster's figures change between plans?
-- Pairs of figures with the same cluster, measure and unit from an earlier and a later
-- document; the change is between the values (the middles of ranges).
SELECT
    earlier.cluster_name,
    earlier.measure,
    earlier.unit,
    earlier.document_id AS earlier_document,
    earlier.published_date AS earlier_date,
    earlier.source_text AS earlier_text,
    earlier.value_mid AS earlier_value,
    later.document_id AS later_document,
    later.published_date AS later_date,
    later.source_text AS later_text,
    later.value_mid AS later_value,
    round(100 * (later.value_mid - earlier.value_mid) / earlier.value_mid, 1) AS change_percent
FROM figures_long AS earlier
JOIN figures_long AS later
    ON later.cluster_id = earlier.cluster_id
    AND later.measure = earlier.measure
    AND later.unit = earlier.unit
    AND later.published_date > earlier.published_date
WHERE earlier.quality = 'ok' AND later.quality = 'ok'
ORDER BY earlier.cluster_name, earlier.measure, earlier.published_date, later.published_date;

-- name: values_on_a_page
-- question: Which values were taken from a given page?
-- Set document_id and page first (PDFs: text sources have no pages; use section_number instead).
SELECT
    value_kind,
    label,
    value_text,
    number,
    unit,
    section_number,
    char_start,
    char_end,
    round(bbox_x0, 1) AS x0,
    round(bbox_top, 1) AS top,
    extractor,
    confidence
FROM extracted_values
WHERE document_id = getvariable('document_id') AND page = getvariable('page')
ORDER BY char_start, value_kind;

-- name: documents_changed_by_rerun
-- question: Which documents did the latest re-run change, and what happened to their figures?
-- The most recent run that did anything to a document (unchanged documents have no row in
-- document_changes); the figures each changed document had before sit in history.figures.
WITH latest AS (
    SELECT c.run_id
    FROM document_changes AS c
    JOIN runs AS r USING (run_id)
    ORDER BY r.started_at DESC
    LIMIT 1
)
SELECT
    c.run_id,
    c.document_id,
    c.change,
    c.version,
    c.previous_sha256,
    c.sha256,
    c.detail,
    (SELECT count(*) FROM history.figures AS h
     WHERE h.document_id = c.document_id AND h.superseded_run_id = c.run_id) AS figures_before,
    (SELECT count(*) FROM figures AS f WHERE f.document_id = c.document_id) AS figures_now
FROM document_changes AS c
JOIN latest USING (run_id)
ORDER BY c.document_id;

-- name: funding_by_year
-- question: How much funding do the plans commit in each year, and do their tables add up?
SELECT
    document_id,
    table_title,
    period,
    line_items,
    amount,
    stated_total,
    difference
FROM funding_by_period
ORDER BY document_id, table_id, period = 'total', period;

-- name: cluster_names_across_documents
-- question: Which clusters are named differently in different documents?
SELECT
    c.name AS cluster_name,
    count(DISTINCT m.document_id) AS documents,
    list(DISTINCT m.name_as_written ORDER BY m.name_as_written) AS names_as_written
FROM cluster_mentions AS m
JOIN clusters AS c USING (cluster_id)
GROUP BY c.name
HAVING count(DISTINCT lower(m.name_as_written)) > 1 AND count(DISTINCT m.document_id) > 1
ORDER BY documents DESC, cluster_name;

-- name: issues_per_document
-- question: What problems did the pipeline find in each document, worst first?
SELECT
    document_id,
    severity,
    kind,
    count(*) AS issues,
    list(DISTINCT section_number ORDER BY section_number) FILTER (WHERE section_number IS NOT NULL) AS sections
FROM document_issues
GROUP BY document_id, severity, severity_rank, kind
ORDER BY document_id, severity_rank, kind;

-- name: sectors_each_plan_presents
-- question: Which sectors does each plan present, and is it about one of them?
-- The plan's own list of sectors (cluster_profiles.salience): `subject` when the whole document is about the
-- sector (a sector deal's), `presented` for the sectors it presents (their own sections, a list of the
-- place's strengths); sectors it names only in passing are left out.
SELECT
    document_title,
    cluster_name,
    salience,
    vision
FROM cluster_profiles
WHERE salience IN ('subject', 'presented')
ORDER BY document_title, salience DESC, cluster_name;

