-- Counts that make the unfiltered visible total of a caller cheap: the number of public
-- collections is kept here by triggers in the same transaction as every write, and the
-- caller's own private and shared-private collections are counted through indexes. The row sits
-- beside the 'collections' data version, which every write already updates, so it adds no new
-- point of contention.
CREATE TABLE collection_counts (
    name  text PRIMARY KEY,
    value bigint NOT NULL
);
INSERT INTO collection_counts (name, value)
SELECT 'public', count(*) FROM collections WHERE collection_type = 'public';

-- The caller's own private collections, counted from the index alone.
CREATE INDEX collections_owner_type ON collections (owner_id, collection_type);

-- Inserts and deletes: one update per statement (transition tables), so a bulk insert costs one
-- counter write, not one per row.
CREATE FUNCTION count_inserted_public() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    SELECT count(*) INTO n FROM added WHERE collection_type = 'public';
    IF n > 0 THEN
        UPDATE collection_counts SET value = value + n WHERE name = 'public';
    END IF;
    RETURN NULL;
END;
$$;
CREATE FUNCTION count_deleted_public() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    SELECT count(*) INTO n FROM removed WHERE collection_type = 'public';
    IF n > 0 THEN
        UPDATE collection_counts SET value = value - n WHERE name = 'public';
    END IF;
    RETURN NULL;
END;
$$;
-- A change of type is a row trigger with a WHEN clause: the many updates that do not change the
-- type (names, assets_count kept by the membership triggers) do not run it at all, which a
-- statement trigger with transition tables (no column list allowed) could not avoid.
CREATE FUNCTION count_retyped_public() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE collection_counts
    SET value = value + CASE WHEN NEW.collection_type = 'public' THEN 1 ELSE -1 END
    WHERE name = 'public';
    RETURN NULL;
END;
$$;
CREATE FUNCTION count_truncated_public() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE collection_counts SET value = 0 WHERE name = 'public';
    RETURN NULL;
END;
$$;
CREATE TRIGGER collections_public_insert AFTER INSERT ON collections
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_inserted_public();
CREATE TRIGGER collections_public_delete AFTER DELETE ON collections
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION count_deleted_public();
CREATE TRIGGER collections_public_retype AFTER UPDATE OF collection_type ON collections
    FOR EACH ROW WHEN (OLD.collection_type IS DISTINCT FROM NEW.collection_type)
    EXECUTE FUNCTION count_retyped_public();
CREATE TRIGGER collections_public_truncate AFTER TRUNCATE ON collections
    FOR EACH STATEMENT EXECUTE FUNCTION count_truncated_public();
