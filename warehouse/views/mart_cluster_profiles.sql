-- One row per cluster per document that presents it: vision, objectives, headline figures.
-- Grain and columns: warehouse/schema.yml (cluster_profiles).
WITH present AS (
    SELECT document_id, cluster_id FROM cluster_mentions
    UNION SELECT document_id, cluster_id FROM visions
    UNION SELECT document_id, cluster_id FROM objectives
    UNION SELECT document_id, cluster_id FROM figures WHERE cluster_id IS NOT NULL
),
salience AS (
    -- the most prominent way the document presents the cluster
    SELECT document_id, cluster_id,
           CASE max(CASE salience WHEN 'subject' THEN 3 WHEN 'presented' THEN 2 ELSE 1 END)
               WHEN 3 THEN 'subject' WHEN 2 THEN 'presented' ELSE 'passing' END AS salience
    FROM cluster_mentions GROUP BY ALL
),
vision AS (
    -- the plan's own visions (a case study's company's vision is not the plan's)
    SELECT document_id, cluster_id, string_agg(text, ' / ' ORDER BY char_start) AS vision,
           arg_min(vision_id, char_start) AS vision_id
    FROM visions WHERE owner = 'plan' GROUP BY ALL
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
    sa.salience, v.vision, v.vision_id, coalesce(o.objectives, 0) AS objectives, coalesce(fc.figures, 0) AS figures,
    w.employment_low, w.employment_high, w.businesses_low, w.businesses_high,
    w.turnover_low, w.turnover_high, w.output_low, w.output_high, w.jobs_low, w.jobs_high,
    w.funding_low, w.funding_high, coalesce(w.headline_figure_ids, []) AS headline_figure_ids
FROM present p
JOIN documents d USING (document_id)
JOIN clusters c ON c.cluster_id = p.cluster_id
LEFT JOIN salience sa ON sa.document_id = p.document_id AND sa.cluster_id = p.cluster_id
LEFT JOIN vision v ON v.document_id = p.document_id AND v.cluster_id = p.cluster_id
LEFT JOIN objective_counts o ON o.document_id = p.document_id AND o.cluster_id = p.cluster_id
LEFT JOIN figure_counts fc ON fc.document_id = p.document_id AND fc.cluster_id = p.cluster_id
LEFT JOIN wide w ON w.document_id = p.document_id AND w.cluster_id = p.cluster_id
