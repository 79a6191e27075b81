-- Which data tests a run ran, and on what (issue 23): a run checks the documents it changed, and the
-- whole warehouse when the tests themselves changed, so it records the tests' fingerprint and its scope.
ALTER TABLE runs ADD COLUMN data_tests_fingerprint VARCHAR;
ALTER TABLE runs ADD COLUMN data_tests_documents INTEGER;
