-- Meaning that generalises (issue 20): how prominently a document presents a cluster, whose a vision is,
-- who commits to an objective, what a figure counts and the value a change starts from.
--
-- The history twins keep the main table's columns first and their three superseded_* columns last,
-- so they are rebuilt with the new columns in place.

ALTER TABLE cluster_mentions ADD COLUMN salience VARCHAR DEFAULT 'presented';
ALTER TABLE visions ADD COLUMN owner VARCHAR DEFAULT 'plan';
ALTER TABLE objectives ADD COLUMN actor VARCHAR;
ALTER TABLE figures ADD COLUMN subject VARCHAR;
ALTER TABLE figures ADD COLUMN value_before DOUBLE;

CREATE TABLE history.cluster_mentions_0011 AS
SELECT
    * EXCLUDE (superseded_run_id, superseded_at, superseded_reason),
    'presented' AS salience,
    superseded_run_id,
    superseded_at,
    superseded_reason
FROM history.cluster_mentions;
DROP TABLE history.cluster_mentions;
ALTER TABLE history.cluster_mentions_0011 RENAME TO cluster_mentions;

CREATE TABLE history.visions_0011 AS
SELECT
    * EXCLUDE (superseded_run_id, superseded_at, superseded_reason),
    'plan' AS owner,
    superseded_run_id,
    superseded_at,
    superseded_reason
FROM history.visions;
DROP TABLE history.visions;
ALTER TABLE history.visions_0011 RENAME TO visions;

CREATE TABLE history.objectives_0011 AS
SELECT
    * EXCLUDE (superseded_run_id, superseded_at, superseded_reason),
    CAST(NULL AS VARCHAR) AS actor,
    superseded_run_id,
    superseded_at,
    superseded_reason
FROM history.objectives;
DROP TABLE history.objectives;
ALTER TABLE history.objectives_0011 RENAME TO objectives;

CREATE TABLE history.figures_0011 AS
SELECT
    * EXCLUDE (superseded_run_id, superseded_at, superseded_reason),
    CAST(NULL AS VARCHAR) AS subject,
    CAST(NULL AS DOUBLE) AS value_before,
    superseded_run_id,
    superseded_at,
    superseded_reason
FROM history.figures;
DROP TABLE history.figures;
ALTER TABLE history.figures_0011 RENAME TO figures;
