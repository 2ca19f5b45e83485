-- Every write of a secret raises its value_version, so the provenance receipt of a create, rotation or delete can
-- name which value it was about (never the value itself).
ALTER TABLE secret ADD COLUMN value_version INT DEFAULT 1 NOT NULL;

-- Secret receipts name their subject as secret:<name> (names are up to 63 characters).
ALTER TABLE receipt ALTER COLUMN instance SET DATA TYPE VARCHAR(100);
