-- Every quality issue with its document and section, worst first.
-- Grain and columns: warehouse/schema.yml (document_issues).
SELECT
    q.document_id, d.title AS document_title, d.status AS document_status, q.kind, q.severity, q.detail,
    q.page, s.number AS section_number, s.title AS section_title, q.char_start, q.char_end, q.source_text,
    q.bbox_x0, q.bbox_top, q.bbox_x1, q.bbox_bottom, q.extractor, q.confidence, q.run_id,
    CASE q.severity WHEN 'error' THEN 1 WHEN 'warning' THEN 2 ELSE 3 END AS severity_rank
FROM quality_issues q
JOIN documents d USING (document_id)
LEFT JOIN sections s ON s.document_id = q.document_id AND s.section_id = q.section_id
