-- Layout fidelity (issue 19): printed page labels, two-page spreads and mended words on pages;
-- asides and charts as regions of blocks (blocks.kind also takes `chart` and `caption`).
--
-- The history twins keep the main table's columns first and their three superseded_* columns last,
-- so they are rebuilt with the new columns in place.

ALTER TABLE pages ADD COLUMN label VARCHAR;
ALTER TABLE pages ADD COLUMN label_right VARCHAR;
ALTER TABLE pages ADD COLUMN spread BOOLEAN DEFAULT false;
ALTER TABLE pages ADD COLUMN repairs INTEGER DEFAULT 0;

ALTER TABLE blocks ADD COLUMN region VARCHAR DEFAULT 'body';
ALTER TABLE blocks ADD COLUMN region_id INTEGER;

CREATE TABLE history.pages_0010 AS
SELECT
    * EXCLUDE (superseded_run_id, superseded_at, superseded_reason),
    CAST(NULL AS VARCHAR) AS label,
    CAST(NULL AS VARCHAR) AS label_right,
    false AS spread,
    CAST(0 AS INTEGER) AS repairs,
    superseded_run_id,
    superseded_at,
    superseded_reason
FROM history.pages;
DROP TABLE history.pages;
ALTER TABLE history.pages_0010 RENAME TO pages;

CREATE TABLE history.blocks_0010 AS
SELECT
    * EXCLUDE (superseded_run_id, superseded_at, superseded_reason),
    'body' AS region,
    CAST(NULL AS INTEGER) AS region_id,
    superseded_run_id,
    superseded_at,
    superseded_reason
FROM history.blocks;
DROP TABLE history.blocks;
ALTER TABLE history.blocks_0010 RENAME TO blocks;
