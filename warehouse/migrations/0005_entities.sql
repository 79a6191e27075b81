-- Named entities (issue 6): a stable id, the normalised name that joins an entity
-- across documents (AWM = Advantage West Midlands), and what found it.

ALTER TABLE entities ADD COLUMN entity_id VARCHAR;
ALTER TABLE entities ADD COLUMN normalised_name VARCHAR;
ALTER TABLE entities ADD COLUMN source VARCHAR;
