-- Figures, tables and funding (issue 5): ids stable across runs, a figure's quality
-- (a reversed range is kept as printed but marked), a table's source and header
-- rows, and whether a funding cell is a total and how it was checked.

ALTER TABLE figures ADD COLUMN figure_id VARCHAR;
ALTER TABLE figures ADD COLUMN quality VARCHAR DEFAULT 'ok';

ALTER TABLE tables ADD COLUMN source VARCHAR;
ALTER TABLE tables ADD COLUMN header_rows INTEGER;
ALTER TABLE tables ADD COLUMN unit VARCHAR;

ALTER TABLE funding ADD COLUMN funding_id VARCHAR;
ALTER TABLE funding ADD COLUMN unit_multiplier DOUBLE;
ALTER TABLE funding ADD COLUMN row INTEGER;
ALTER TABLE funding ADD COLUMN col INTEGER;
