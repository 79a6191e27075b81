-- Page images leave the warehouse's tables for files named by their content (issue 23): they were three
-- quarters of its bytes, and the warehouse is kept in two generations. `page_images.sha256` names the file
-- `<warehouse>-pages/<first two hex digits>/<sha256>.png` beside the warehouse (warehouse/pages.py).
--
-- The ingest writes every stored PNG to that folder before this migration runs (warehouse/session.py), so
-- the bytes dropped here are already on disk under the hash computed here. Both tables are rebuilt: the main
-- one keeps its NOT NULLs, the history twin its three superseded_* columns last.

CREATE TABLE page_images_0016 (
    document_id VARCHAR NOT NULL,
    page INTEGER NOT NULL,
    dpi INTEGER NOT NULL,
    width_px INTEGER NOT NULL,
    height_px INTEGER NOT NULL,
    sha256 VARCHAR NOT NULL
);
INSERT INTO page_images_0016 SELECT * EXCLUDE (png), sha256(png) FROM page_images;
DROP TABLE page_images;
ALTER TABLE page_images_0016 RENAME TO page_images;

CREATE TABLE history.page_images_0016 AS
SELECT
    * EXCLUDE (png, superseded_run_id, superseded_at, superseded_reason),
    sha256(png) AS sha256,
    superseded_run_id,
    superseded_at,
    superseded_reason
FROM history.page_images;
DROP TABLE history.page_images;
ALTER TABLE history.page_images_0016 RENAME TO page_images;
