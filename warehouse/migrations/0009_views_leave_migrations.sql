-- The analyst views leave the migrations (issue 17).
--
-- 0007 and 0008 created views; migrations are never edited once applied, so they
-- still do. From here on migrations hold tables only: this one drops those views,
-- and every ingest re-creates each view from its file in warehouse/views/ after the
-- migrations (warehouse.migrate.replace_views). Changing a view is editing its file.

DROP VIEW IF EXISTS extracted_values;
DROP VIEW IF EXISTS document_issues;
DROP VIEW IF EXISTS funding_by_period;
DROP VIEW IF EXISTS cluster_profiles;
DROP VIEW IF EXISTS figures_long;
DROP VIEW IF EXISTS document_versions;
