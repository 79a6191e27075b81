-- Tables from real PDFs (issue 21): what kind of table it is and why it was taken for one, its unit as
-- printed and the periods its columns carry.
--
-- The history twin keeps the main table's columns first and its three superseded_* columns last,
-- so it is rebuilt with the new columns in place.

ALTER TABLE tables ADD COLUMN kind VARCHAR;
ALTER TABLE tables ADD COLUMN why VARCHAR;
ALTER TABLE tables ADD COLUMN unit_text VARCHAR;
ALTER TABLE tables ADD COLUMN periods VARCHAR;

CREATE TABLE history.tables_0012 AS
SELECT
    * EXCLUDE (superseded_run_id, superseded_at, superseded_reason),
    CAST(NULL AS VARCHAR) AS kind,
    CAST(NULL AS VARCHAR) AS why,
    CAST(NULL AS VARCHAR) AS unit_text,
    CAST(NULL AS VARCHAR) AS periods,
    superseded_run_id,
    superseded_at,
    superseded_reason
FROM history.tables;
DROP TABLE history.tables;
ALTER TABLE history.tables_0012 RENAME TO tables;
