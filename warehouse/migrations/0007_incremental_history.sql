-- Incremental runs and history (issue 8).
--
-- documents: what each row was computed from (input_key: the file's bytes, its
-- manifest entry and the pipeline's fingerprint), the file version it holds, and
-- when its file was withdrawn from sources/. A source refused before reading (a
-- manifest entry with no file, a link out of sources/) has no bytes to hash.
--
-- document_changes: one row per document a run added, changed, re-extracted,
-- withdrawn or refused; documents a run left alone have none.
--
-- history.<table>: the rows a document held before its file changed, was renamed
-- or was withdrawn, with the run that superseded them. Every per-document table has
-- its twin here, with the same columns plus superseded_*.

ALTER TABLE documents ALTER COLUMN sha256 DROP NOT NULL;
ALTER TABLE documents ALTER COLUMN size_bytes DROP NOT NULL;
ALTER TABLE documents ADD COLUMN input_key VARCHAR;
ALTER TABLE documents ADD COLUMN pipeline_fingerprint VARCHAR;
ALTER TABLE documents ADD COLUMN version INTEGER DEFAULT 1;
ALTER TABLE documents ADD COLUMN loaded_at TIMESTAMP;
ALTER TABLE documents ADD COLUMN renamed_from VARCHAR;
ALTER TABLE documents ADD COLUMN withdrawn_at TIMESTAMP;
ALTER TABLE documents ADD COLUMN withdrawn_run_id VARCHAR;

ALTER TABLE runs ADD COLUMN documents_unchanged INTEGER;
ALTER TABLE runs ADD COLUMN documents_added INTEGER;
ALTER TABLE runs ADD COLUMN documents_changed INTEGER;
ALTER TABLE runs ADD COLUMN documents_reextracted INTEGER;
ALTER TABLE runs ADD COLUMN documents_withdrawn INTEGER;
ALTER TABLE runs ADD COLUMN limits VARCHAR;

CREATE TABLE document_changes (
    run_id VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    change VARCHAR NOT NULL,
    sha256 VARCHAR,
    previous_sha256 VARCHAR,
    version INTEGER,
    detail VARCHAR,
    changed_at TIMESTAMP NOT NULL
);

CREATE SCHEMA history;
CREATE TABLE history.documents AS SELECT * FROM documents LIMIT 0;
CREATE TABLE history.document_text AS SELECT * FROM document_text LIMIT 0;
CREATE TABLE history.pages AS SELECT * FROM pages LIMIT 0;
CREATE TABLE history.page_layers AS SELECT * FROM page_layers LIMIT 0;
CREATE TABLE history.sections AS SELECT * FROM sections LIMIT 0;
CREATE TABLE history.blocks AS SELECT * FROM blocks LIMIT 0;
CREATE TABLE history.contents_entries AS SELECT * FROM contents_entries LIMIT 0;
CREATE TABLE history.cluster_mentions AS SELECT * FROM cluster_mentions LIMIT 0;
CREATE TABLE history.visions AS SELECT * FROM visions LIMIT 0;
CREATE TABLE history.objectives AS SELECT * FROM objectives LIMIT 0;
CREATE TABLE history.figures AS SELECT * FROM figures LIMIT 0;
CREATE TABLE history.tables AS SELECT * FROM tables LIMIT 0;
CREATE TABLE history.table_cells AS SELECT * FROM table_cells LIMIT 0;
CREATE TABLE history.funding AS SELECT * FROM funding LIMIT 0;
CREATE TABLE history.entities AS SELECT * FROM entities LIMIT 0;
CREATE TABLE history.quality_issues AS SELECT * FROM quality_issues LIMIT 0;

ALTER TABLE history.documents ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.documents ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.documents ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.document_text ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.document_text ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.document_text ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.pages ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.pages ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.pages ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.page_layers ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.page_layers ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.page_layers ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.sections ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.sections ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.sections ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.blocks ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.blocks ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.blocks ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.contents_entries ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.contents_entries ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.contents_entries ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.cluster_mentions ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.cluster_mentions ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.cluster_mentions ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.visions ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.visions ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.visions ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.objectives ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.objectives ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.objectives ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.figures ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.figures ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.figures ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.tables ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.tables ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.tables ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.table_cells ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.table_cells ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.table_cells ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.funding ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.funding ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.funding ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.entities ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.entities ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.entities ADD COLUMN superseded_reason VARCHAR;
ALTER TABLE history.quality_issues ADD COLUMN superseded_run_id VARCHAR;
ALTER TABLE history.quality_issues ADD COLUMN superseded_at TIMESTAMP;
ALTER TABLE history.quality_issues ADD COLUMN superseded_reason VARCHAR;

-- Every version of every document: the current one and those superseded.
CREATE VIEW document_versions AS
SELECT document_id, version, sha256, status, error, run_id AS loaded_run_id, loaded_at,
       pipeline_version, withdrawn_run_id AS superseded_run_id, withdrawn_at AS superseded_at,
       CASE WHEN withdrawn_at IS NULL THEN NULL ELSE 'withdrawn' END AS superseded_reason,
       withdrawn_at IS NULL AS is_current
FROM documents
UNION ALL
SELECT document_id, version, sha256, status, error, run_id, loaded_at, pipeline_version,
       superseded_run_id, superseded_at, superseded_reason, FALSE
FROM history.documents;
