-- Views for the common questions, and page images for the run report (issue 9).
--
-- The views are read-only conveniences over the contract's tables; each states
-- its grain in warehouse/schema.yml. They join on the contract's keys only, so a
-- row of a view can always be traced back to the row (and the span) it came from.

CREATE TABLE page_images (
    document_id VARCHAR NOT NULL,
    page INTEGER NOT NULL,
    dpi INTEGER NOT NULL,
    width_px INTEGER NOT NULL,
    height_px INTEGER NOT NULL,
    png BLOB NOT NULL
);
CREATE TABLE history.page_images AS SELECT * FROM page_images LIMIT 0;
ALTER TABLE history.page_images ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.page_images ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.page_images ADD COLUMN superseded_reason VARCHAR;

-- Every figure with what is needed to compare it across documents.
CREATE VIEW figures_long AS
SELECT
    f.figure_id, f.document_id, d.title AS document_title, d.published_date,
    TRY_CAST(left(d.published_date, 4) AS INTEGER) AS published_year,
    f.cluster_id, c.name AS cluster_name, f.measure, f.unit, f.value, f.value_low, f.value_high,
    coalesce(f.value, (f.value_low + f.value_high) / 2) AS value_mid,
    f.value_low IS NOT NULL AS is_range, f.period,
    TRY_CAST(regexp_extract(f.period, '(19|20)\d\d') AS INTEGER) AS period_year,
    f.qualifier, f.quality, f.page, s.number AS section_number, s.title AS section_title,
    f.char_start, f.char_end, f.source_text, f.extractor, f.confidence, f.run_id
FROM figures f
JOIN documents d USING (document_id)
LEFT JOIN clusters c ON c.cluster_id = f.cluster_id
LEFT JOIN sections s ON s.document_id = f.document_id AND s.section_id = f.section_id;

-- One row per cluster per document that presents it: vision, objectives, headline figures.
CREATE VIEW cluster_profiles AS
WITH present AS (
    SELECT document_id, cluster_id FROM cluster_mentions
    UNION SELECT document_id, cluster_id FROM visions
    UNION SELECT document_id, cluster_id FROM objectives
    UNION SELECT document_id, cluster_id FROM figures WHERE cluster_id IS NOT NULL
),
vision AS (
    SELECT document_id, cluster_id, string_agg(text, ' / ' ORDER BY char_start) AS vision,
           arg_min(vision_id, char_start) AS vision_id
    FROM visions GROUP BY ALL
),
objective_counts AS (
    SELECT document_id, cluster_id, count(*) AS objectives FROM objectives GROUP BY ALL
),
headline AS (
    -- the first figure of each headline measure in reading order, a clean one before a suspect one
    SELECT document_id, cluster_id,
           CASE WHEN measure = 'gva' THEN 'output' ELSE measure END AS headline_measure,
           figure_id, coalesce(value, value_low) AS low, coalesce(value, value_high) AS high
    FROM figures
    WHERE cluster_id IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY document_id, cluster_id, CASE WHEN measure = 'gva' THEN 'output' ELSE measure END
        ORDER BY quality <> 'ok', char_start
    ) = 1
),
figure_counts AS (
    SELECT document_id, cluster_id, count(*) AS figures FROM figures WHERE cluster_id IS NOT NULL GROUP BY ALL
),
wide AS (
    SELECT document_id, cluster_id,
        max(low) FILTER (WHERE headline_measure = 'employment') AS employment_low,
        max(high) FILTER (WHERE headline_measure = 'employment') AS employment_high,
        max(low) FILTER (WHERE headline_measure = 'businesses') AS businesses_low,
        max(high) FILTER (WHERE headline_measure = 'businesses') AS businesses_high,
        max(low) FILTER (WHERE headline_measure = 'turnover') AS turnover_low,
        max(high) FILTER (WHERE headline_measure = 'turnover') AS turnover_high,
        max(low) FILTER (WHERE headline_measure = 'output') AS output_low,
        max(high) FILTER (WHERE headline_measure = 'output') AS output_high,
        max(low) FILTER (WHERE headline_measure = 'jobs') AS jobs_low,
        max(high) FILTER (WHERE headline_measure = 'jobs') AS jobs_high,
        max(low) FILTER (WHERE headline_measure = 'funding') AS funding_low,
        max(high) FILTER (WHERE headline_measure = 'funding') AS funding_high,
        list(figure_id ORDER BY figure_id) FILTER (
            WHERE headline_measure IN ('employment', 'businesses', 'turnover', 'output', 'jobs', 'funding')
        ) AS headline_figure_ids
    FROM headline GROUP BY ALL
)
SELECT
    p.document_id, d.title AS document_title, d.published_date, p.cluster_id, c.name AS cluster_name,
    v.vision, v.vision_id, coalesce(o.objectives, 0) AS objectives, coalesce(fc.figures, 0) AS figures,
    w.employment_low, w.employment_high, w.businesses_low, w.businesses_high,
    w.turnover_low, w.turnover_high, w.output_low, w.output_high, w.jobs_low, w.jobs_high,
    w.funding_low, w.funding_high, coalesce(w.headline_figure_ids, []) AS headline_figure_ids
FROM present p
JOIN documents d USING (document_id)
JOIN clusters c ON c.cluster_id = p.cluster_id
LEFT JOIN vision v ON v.document_id = p.document_id AND v.cluster_id = p.cluster_id
LEFT JOIN objective_counts o ON o.document_id = p.document_id AND o.cluster_id = p.cluster_id
LEFT JOIN figure_counts fc ON fc.document_id = p.document_id AND fc.cluster_id = p.cluster_id
LEFT JOIN wide w ON w.document_id = p.document_id AND w.cluster_id = p.cluster_id;

-- Funding tables summed per period: the line items, the table's own total row, and the gap.
CREATE VIEW funding_by_period AS
WITH cells AS (
    SELECT *, regexp_matches(line_item, '^\s*(grand\s+)?totals?\b', 'i') AS total_row FROM funding
)
SELECT
    c.document_id, c.table_id, t.title AS table_title, c.period,
    count(*) FILTER (WHERE NOT c.total_row) AS line_items,
    sum(c.amount) FILTER (WHERE NOT c.total_row) AS amount,
    sum(c.amount) FILTER (WHERE c.total_row) AS stated_total,
    sum(c.amount) FILTER (WHERE c.total_row) - sum(c.amount) FILTER (WHERE NOT c.total_row) AS difference,
    any_value(c.currency) AS currency, min(c.page) AS page
FROM cells c
JOIN tables t ON t.table_id = c.table_id
GROUP BY c.document_id, c.table_id, t.title, c.period;

-- Every quality issue with its document and section, worst first.
CREATE VIEW document_issues AS
SELECT
    q.document_id, d.title AS document_title, d.status AS document_status, q.kind, q.severity, q.detail,
    q.page, s.number AS section_number, s.title AS section_title, q.char_start, q.char_end, q.source_text,
    q.bbox_x0, q.bbox_top, q.bbox_x1, q.bbox_bottom, q.extractor, q.confidence, q.run_id,
    CASE q.severity WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END AS severity_rank
FROM quality_issues q
JOIN documents d USING (document_id)
LEFT JOIN sections s ON s.document_id = q.document_id AND s.section_id = q.section_id;

-- Every extracted value in one shape, with its provenance: what the run report's viewer shows.
CREATE VIEW extracted_values AS
WITH v AS (
    SELECT 'figure' AS value_kind, figure_id AS value_id, cluster_id, measure AS label,
           source_text AS value_text, coalesce(value, value_low) AS number, unit,
           document_id, page, char_start, char_end, source_text, bbox_x0, bbox_top, bbox_x1, bbox_bottom,
           section_id, extractor, confidence, run_id
    FROM figures
    UNION ALL
    SELECT 'vision', vision_id, cluster_id, 'vision', text, NULL, NULL,
           document_id, page, char_start, char_end, source_text, bbox_x0, bbox_top, bbox_x1, bbox_bottom,
           section_id, extractor, confidence, run_id
    FROM visions
    UNION ALL
    SELECT 'objective', objective_id, cluster_id, coalesce(list_kind, 'objective'), text, ordinal, NULL,
           document_id, page, char_start, char_end, source_text, bbox_x0, bbox_top, bbox_x1, bbox_bottom,
           section_id, extractor, confidence, run_id
    FROM objectives
    UNION ALL
    SELECT 'cluster_mention', mention_id, cluster_id, 'cluster', name_as_written, NULL, NULL,
           document_id, page, char_start, char_end, source_text, bbox_x0, bbox_top, bbox_x1, bbox_bottom,
           section_id, extractor, confidence, run_id
    FROM cluster_mentions
    UNION ALL
    SELECT 'funding', funding_id, NULL, line_item || ' ' || period, source_text, amount, currency,
           document_id, page, char_start, char_end, source_text, bbox_x0, bbox_top, bbox_x1, bbox_bottom,
           section_id, extractor, confidence, run_id
    FROM funding
    UNION ALL
    SELECT 'entity', entity_id, NULL, label, text, NULL, NULL,
           document_id, page, char_start, char_end, source_text, bbox_x0, bbox_top, bbox_x1, bbox_bottom,
           section_id, extractor, confidence, run_id
    FROM entities
)
SELECT v.*, s.number AS section_number, s.title AS section_title
FROM v
LEFT JOIN sections s ON s.document_id = v.document_id AND s.section_id = v.section_id;
