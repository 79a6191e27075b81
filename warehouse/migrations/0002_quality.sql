-- Source quality (issue 3): garbled blocks are marked, pages say where their text
-- came from (the PDF's text layer, de-duplicated glyphs, or OCR), and a text layer
-- the document text does not use is kept in page_layers for comparison.

ALTER TABLE blocks ADD COLUMN quality VARCHAR DEFAULT 'ok';

ALTER TABLE pages ADD COLUMN text_source VARCHAR DEFAULT 'pdf';
ALTER TABLE pages ADD COLUMN garble VARCHAR DEFAULT 'clean';
ALTER TABLE pages ADD COLUMN garble_score DOUBLE DEFAULT 0.0;
ALTER TABLE pages ADD COLUMN ocr_confidence DOUBLE;

CREATE TABLE page_layers (
    document_id VARCHAR NOT NULL,
    page INTEGER NOT NULL,
    source VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    garble VARCHAR NOT NULL,
    garble_score DOUBLE NOT NULL
);
