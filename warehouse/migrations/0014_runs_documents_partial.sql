-- A run counts the documents it loaded as `partial` apart from those loaded `ok` (issue 24): the run
-- line and `runs` said "ok 8" of a run that stored one document as partial.
ALTER TABLE runs ADD COLUMN documents_partial INTEGER;
