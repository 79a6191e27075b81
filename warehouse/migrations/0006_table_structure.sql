-- Table structure (issue 7): a cell's spans (a header cell over several columns is one
-- cell), and the pages a PDF table lies on (one continued across a page break is one table;
-- its provenance page is then NULL, as for a section, and each cell keeps its own page).

ALTER TABLE table_cells ADD COLUMN row_span INTEGER DEFAULT 1;
ALTER TABLE table_cells ADD COLUMN col_span INTEGER DEFAULT 1;
ALTER TABLE tables ADD COLUMN page_start INTEGER;
ALTER TABLE tables ADD COLUMN page_end INTEGER;
