-- Every extracted value in one shape, with its provenance: what the run report's viewer shows.
-- Grain and columns: warehouse/schema.yml (extracted_values).
WITH v AS (
    SELECT 'figure' AS value_kind, figure_id AS value_id, cluster_id,
           measure || coalesce(': ' || subject, '') AS label,
           source_text AS value_text, coalesce(value, value_low) AS number, unit,
           document_id, page, char_start, char_end, source_text, bbox_x0, bbox_top, bbox_x1, bbox_bottom,
           section_id, extractor, confidence, run_id
    FROM figures
    UNION ALL
    SELECT 'vision', vision_id, cluster_id,
           coalesce(frame, 'vision') || CASE WHEN owner <> 'plan' THEN ' (' || owner || ')' ELSE '' END, text, NULL, NULL,
           document_id, page, char_start, char_end, source_text, bbox_x0, bbox_top, bbox_x1, bbox_bottom,
           section_id, extractor, confidence, run_id
    FROM visions
    UNION ALL
    SELECT 'objective', objective_id, cluster_id,
           coalesce(list_kind, 'objective') || coalesce(' (' || actor || ')', ''), text, ordinal, NULL,
           document_id, page, char_start, char_end, source_text, bbox_x0, bbox_top, bbox_x1, bbox_bottom,
           section_id, extractor, confidence, run_id
    FROM objectives
    UNION ALL
    SELECT 'cluster_mention', mention_id, cluster_id, 'cluster (' || coalesce(salience, 'presented') || ')',
           name_as_written, NULL, NULL,
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
LEFT JOIN sections s ON s.document_id = v.document_id AND s.section_id = v.section_id
