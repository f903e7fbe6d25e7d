-- Counts that make the unfiltered visible total of a caller cheap: the number of public
-- collections is kept here by triggers in the same transaction as every write, and the
-- caller's own private and shared-private collections are counted through indexes. SQLite has
-- one writer at a time, so the counter row adds no contention.
CREATE TABLE collection_counts (
    name  TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO collection_counts (name, value)
SELECT 'public', count(*) FROM collections WHERE collection_type = 'public';

-- The caller's own private collections, counted from the index alone.
CREATE INDEX collections_owner_type ON collections (owner_id, collection_type);

CREATE TRIGGER collections_public_insert AFTER INSERT ON collections
WHEN new.collection_type = 'public' BEGIN
    UPDATE collection_counts SET value = value + 1 WHERE name = 'public';
END;
CREATE TRIGGER collections_public_delete AFTER DELETE ON collections
WHEN old.collection_type = 'public' BEGIN
    UPDATE collection_counts SET value = value - 1 WHERE name = 'public';
END;
CREATE TRIGGER collections_public_retype AFTER UPDATE OF collection_type ON collections
WHEN old.collection_type IS NOT new.collection_type BEGIN
    UPDATE collection_counts
    SET value = value + CASE WHEN new.collection_type = 'public' THEN 1 ELSE -1 END
    WHERE name = 'public';
END;
