-- Every version of every document: the current one and those superseded.
-- Grain and columns: warehouse/schema.yml (document_versions).
SELECT document_id, version, sha256, status, error, run_id AS loaded_run_id, loaded_at,
       pipeline_version, withdrawn_run_id AS superseded_run_id, withdrawn_at AS superseded_at,
       CASE WHEN withdrawn_at IS NULL THEN NULL ELSE 'withdrawn' END AS superseded_reason,
       withdrawn_at IS NULL AS is_current
FROM documents
UNION ALL
SELECT document_id, version, sha256, status, error, run_id, loaded_at, pipeline_version,
       superseded_run_id, superseded_at, superseded_reason, FALSE
FROM history.documents
