-- Every figure with what is needed to compare it across documents.
-- Grain and columns: warehouse/schema.yml (figures_long).
SELECT
    f.figure_id, f.document_id, d.title AS document_title, d.published_date,
    TRY_CAST(left(d.published_date, 4) AS INTEGER) AS published_year,
    f.cluster_id, c.name AS cluster_name, f.measure, f.subject, f.unit, f.value, f.value_low, f.value_high,
    coalesce(f.value, (f.value_low + f.value_high) / 2) AS value_mid,
    f.value_low IS NOT NULL AS is_range, f.value_before, f.value - f.value_before AS change, f.place, f.period,
    TRY_CAST(regexp_extract(f.period, '(19|20)\d\d') AS INTEGER) AS period_year,
    f.qualifier, f.quality, f.page, s.number AS section_number, s.title AS section_title,
    f.char_start, f.char_end, f.source_text, f.extractor, f.confidence, f.run_id
FROM figures f
JOIN documents d USING (document_id)
LEFT JOIN clusters c ON c.cluster_id = f.cluster_id
LEFT JOIN sections s ON s.document_id = f.document_id AND s.section_id = f.section_id
