-- Where a figure is about (issue 20): the place its sentence names, else the place its document names most
-- (gazetteer names). Cross-document conflicts compare figures of the same place only.
--
-- The history twin keeps the main table's columns first and its three superseded_* columns last, so it is
-- rebuilt with the new column in place.

ALTER TABLE figures ADD COLUMN place VARCHAR;

CREATE TABLE history.figures_0015 AS
SELECT
    * EXCLUDE (superseded_run_id, superseded_at, superseded_reason),
    CAST(NULL AS VARCHAR) AS place,
    superseded_run_id,
    superseded_at,
    superseded_reason
FROM history.figures;
DROP TABLE history.figures;
ALTER TABLE history.figures_0015 RENAME TO figures;
