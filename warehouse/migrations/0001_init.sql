-- The warehouse contract (../shared/contract.md) and the layout tables behind it.
-- Extraction tables start empty; the issues that fill them add their columns in
-- later migrations. Never edit this file once applied: add 0002_*.sql instead.
--
-- No primary keys on per-document tables: a document is reloaded by deleting
-- its rows and inserting new ones in one transaction, which DuckDB's ART
-- indexes do not allow for the same key. Uniqueness is checked instead by the
-- data tests of warehouse/schema.yml (`key`), run after every ingest.

CREATE TABLE runs (
    run_id VARCHAR NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    status VARCHAR NOT NULL,
    pipeline_version VARCHAR NOT NULL,
    sources_path VARCHAR,
    documents_total INTEGER,
    documents_ok INTEGER,
    documents_failed INTEGER,
    pages INTEGER,
    seconds DOUBLE
);

CREATE TABLE documents (
    document_id VARCHAR NOT NULL,
    title VARCHAR,
    source_path VARCHAR NOT NULL,
    media_type VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    page_count INTEGER,
    status VARCHAR NOT NULL,
    error VARCHAR,
    run_id VARCHAR NOT NULL,
    publisher VARCHAR,
    published_date VARCHAR,
    origin VARCHAR,
    in_manifest BOOLEAN NOT NULL,
    size_bytes BIGINT NOT NULL,
    n_chars INTEGER,
    warnings VARCHAR,
    pipeline_version VARCHAR NOT NULL,
    parse_seconds DOUBLE
);

CREATE TABLE document_text (
    document_id VARCHAR NOT NULL,
    text VARCHAR NOT NULL
);

CREATE TABLE pages (
    document_id VARCHAR NOT NULL,
    page INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    width DOUBLE NOT NULL,
    height DOUBLE NOT NULL,
    n_words INTEGER NOT NULL,
    n_chars INTEGER NOT NULL
);

CREATE TABLE sections (
    document_id VARCHAR NOT NULL,
    section_id VARCHAR NOT NULL,
    number VARCHAR,
    title VARCHAR NOT NULL,
    level INTEGER NOT NULL,
    parent_section_id VARCHAR,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    page_start INTEGER,
    page_end INTEGER,
    quality VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    heading_char_end INTEGER NOT NULL,
    run_id VARCHAR NOT NULL
);

CREATE TABLE blocks (
    block_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    list_id INTEGER,
    ordinal INTEGER,
    marker VARCHAR,
    document_id VARCHAR NOT NULL,
    page INTEGER,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    source_text VARCHAR NOT NULL,
    bbox_x0 DOUBLE,
    bbox_top DOUBLE,
    bbox_x1 DOUBLE,
    bbox_bottom DOUBLE,
    section_id VARCHAR,
    extractor VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    run_id VARCHAR NOT NULL
);

CREATE TABLE contents_entries (
    ordinal INTEGER NOT NULL,
    number VARCHAR,
    title VARCHAR NOT NULL,
    page_ref INTEGER,
    level INTEGER NOT NULL,
    document_id VARCHAR NOT NULL,
    page INTEGER,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    source_text VARCHAR NOT NULL,
    bbox_x0 DOUBLE,
    bbox_top DOUBLE,
    bbox_x1 DOUBLE,
    bbox_bottom DOUBLE,
    section_id VARCHAR,
    extractor VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    run_id VARCHAR NOT NULL
);

CREATE TABLE clusters (
    cluster_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL
);

CREATE TABLE cluster_aliases (
    cluster_id VARCHAR NOT NULL,
    alias VARCHAR NOT NULL
);

CREATE TABLE cluster_mentions (
    cluster_id VARCHAR NOT NULL,
    name_as_written VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    page INTEGER,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    source_text VARCHAR NOT NULL,
    bbox_x0 DOUBLE,
    bbox_top DOUBLE,
    bbox_x1 DOUBLE,
    bbox_bottom DOUBLE,
    section_id VARCHAR,
    extractor VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    run_id VARCHAR NOT NULL
);

CREATE TABLE visions (
    cluster_id VARCHAR,
    text VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    page INTEGER,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    source_text VARCHAR NOT NULL,
    bbox_x0 DOUBLE,
    bbox_top DOUBLE,
    bbox_x1 DOUBLE,
    bbox_bottom DOUBLE,
    section_id VARCHAR,
    extractor VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    run_id VARCHAR NOT NULL
);

CREATE TABLE objectives (
    cluster_id VARCHAR,
    ordinal INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    page INTEGER,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    source_text VARCHAR NOT NULL,
    bbox_x0 DOUBLE,
    bbox_top DOUBLE,
    bbox_x1 DOUBLE,
    bbox_bottom DOUBLE,
    section_id VARCHAR,
    extractor VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    run_id VARCHAR NOT NULL
);

CREATE TABLE figures (
    cluster_id VARCHAR,
    measure VARCHAR,
    value DOUBLE,
    value_low DOUBLE,
    value_high DOUBLE,
    unit VARCHAR,
    period VARCHAR,
    qualifier VARCHAR,
    document_id VARCHAR NOT NULL,
    page INTEGER,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    source_text VARCHAR NOT NULL,
    bbox_x0 DOUBLE,
    bbox_top DOUBLE,
    bbox_x1 DOUBLE,
    bbox_bottom DOUBLE,
    section_id VARCHAR,
    extractor VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    run_id VARCHAR NOT NULL
);

CREATE TABLE tables (
    table_id VARCHAR NOT NULL,
    title VARCHAR,
    n_rows INTEGER NOT NULL,
    n_cols INTEGER NOT NULL,
    document_id VARCHAR NOT NULL,
    page INTEGER,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    source_text VARCHAR NOT NULL,
    bbox_x0 DOUBLE,
    bbox_top DOUBLE,
    bbox_x1 DOUBLE,
    bbox_bottom DOUBLE,
    section_id VARCHAR,
    extractor VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    run_id VARCHAR NOT NULL
);

CREATE TABLE table_cells (
    table_id VARCHAR NOT NULL,
    "row" INTEGER NOT NULL,
    col INTEGER NOT NULL,
    text VARCHAR,
    is_header BOOLEAN NOT NULL,
    document_id VARCHAR NOT NULL,
    page INTEGER,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    source_text VARCHAR NOT NULL,
    bbox_x0 DOUBLE,
    bbox_top DOUBLE,
    bbox_x1 DOUBLE,
    bbox_bottom DOUBLE,
    section_id VARCHAR,
    extractor VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    run_id VARCHAR NOT NULL
);

CREATE TABLE funding (
    table_id VARCHAR NOT NULL,
    line_item VARCHAR NOT NULL,
    period VARCHAR NOT NULL,
    amount DOUBLE,
    currency VARCHAR,
    is_total BOOLEAN NOT NULL,
    document_id VARCHAR NOT NULL,
    page INTEGER,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    source_text VARCHAR NOT NULL,
    bbox_x0 DOUBLE,
    bbox_top DOUBLE,
    bbox_x1 DOUBLE,
    bbox_bottom DOUBLE,
    section_id VARCHAR,
    extractor VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    run_id VARCHAR NOT NULL
);

CREATE TABLE entities (
    text VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    page INTEGER,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    source_text VARCHAR NOT NULL,
    bbox_x0 DOUBLE,
    bbox_top DOUBLE,
    bbox_x1 DOUBLE,
    bbox_bottom DOUBLE,
    section_id VARCHAR,
    extractor VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    run_id VARCHAR NOT NULL
);

-- A quality issue may concern a whole document (one that could not be read):
-- its span and source_text are then NULL.
CREATE TABLE quality_issues (
    kind VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    detail VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL,
    page INTEGER,
    char_start INTEGER,
    char_end INTEGER,
    source_text VARCHAR,
    bbox_x0 DOUBLE,
    bbox_top DOUBLE,
    bbox_x1 DOUBLE,
    bbox_bottom DOUBLE,
    section_id VARCHAR,
    extractor VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    run_id VARCHAR NOT NULL
);
