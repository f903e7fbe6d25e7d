-- Change tracking without a global hot row (issue 8, docs/decisions.md "Change marks").
--
-- Every cached value (a total, an ordered-id list, a collection's embedded assets, an
-- authenticated token) depends on a few *scopes* of data: the public collections, one owner's
-- collections, the collections shared with one user, one collection's members, the asset
-- catalogue, the links between assets and collections, one token. Triggers add 1 to the mark of
-- every scope a statement changes, in the same transaction. A scope's version is the SUM of its
-- rows, and each writer adds to the row of its own backend (slot = pg_backend_pid()): two
-- transactions running at once are always on different backends, so they never update the same
-- mark row and never wait for each other here. The sum only grows, so a cached value stored
-- under the sum it was computed with can never be served after a committed change to its scopes.
-- A background job folds the rows of backends that have ended into slot 0 (the sum is unchanged).
CREATE TABLE change_marks (
    kind    text    NOT NULL,
    key     bigint  NOT NULL,
    slot    integer NOT NULL,
    version bigint  NOT NULL,
    PRIMARY KEY (kind, key, slot)
);
-- What the fold job looks for.
CREATE INDEX change_marks_unfolded ON change_marks (slot) WHERE slot <> 0;

-- Adds 1 to the marks of the backend running it for each scope (kind, key) named; the triggers
-- below only say which scopes a statement changed.
CREATE FUNCTION add_marks(kinds text[], keys bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO change_marks AS m (kind, key, slot, version)
    SELECT DISTINCT kind, key, pg_backend_pid(), 1 FROM unnest(kinds, keys) AS changed (kind, key)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = m.version + 1;
$$;

DROP TRIGGER collections_version ON collections;
DROP TRIGGER shares_version ON collection_shares;
DROP TRIGGER tokens_version_update ON api_tokens;
DROP TRIGGER tokens_version_delete ON api_tokens;
DROP TRIGGER assets_version ON assets;
DROP TRIGGER members_version ON collection_assets;
DROP TRIGGER collections_assets_version ON collections;
DROP TRIGGER shares_assets_version ON collection_shares;
DROP TRIGGER shares_assets_version_update ON collection_shares;
DROP FUNCTION bump_collections_version();
DROP FUNCTION bump_tokens_version();
DROP FUNCTION bump_assets_version();
DROP TABLE data_versions;

-- Collections: their owner's scope, the public set when public before or after, the users the
-- collection is shared with, and the asset links when who may see it changed.
CREATE FUNCTION mark_inserted_collections() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_marks(array_agg(kind), array_agg(key)) FROM (
        SELECT 'owner' AS kind, owner_id AS key FROM added
        UNION SELECT 'public', 0 FROM added WHERE collection_type = 'public'
    ) changed;
    RETURN NULL;
END;
$$;
CREATE FUNCTION mark_updated_collections() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_marks(array_agg(kind), array_agg(key)) FROM (
        SELECT 'owner' AS kind, owner_id AS key FROM added
        UNION SELECT 'owner', owner_id FROM removed
        UNION SELECT 'public', 0 FROM added WHERE collection_type = 'public'
        UNION SELECT 'public', 0 FROM removed WHERE collection_type = 'public'
        UNION SELECT 'shared', s.user_id FROM collection_shares s JOIN added a ON a.id = s.collection_id
        UNION SELECT 'links', 0 FROM added a JOIN removed r ON r.id = a.id
            WHERE a.collection_type <> r.collection_type OR a.owner_id <> r.owner_id
    ) changed;
    RETURN NULL;
END;
$$;
-- The shares and memberships of a deleted collection cascade away and mark their own scopes.
CREATE FUNCTION mark_deleted_collections() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_marks(array_agg(kind), array_agg(key)) FROM (
        SELECT 'owner' AS kind, owner_id AS key FROM removed
        UNION SELECT 'public', 0 FROM removed WHERE collection_type = 'public'
    ) changed;
    RETURN NULL;
END;
$$;
CREATE TRIGGER collections_marks_insert AFTER INSERT ON collections
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION mark_inserted_collections();
CREATE TRIGGER collections_marks_update AFTER UPDATE ON collections
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION mark_updated_collections();
CREATE TRIGGER collections_marks_delete AFTER DELETE ON collections
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION mark_deleted_collections();

-- Shares: the scope of the user a share names, and the asset links (which collections, and so
-- which memberships, that user may see).
CREATE FUNCTION mark_new_shares() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_marks(array_agg(kind), array_agg(key)) FROM (
        SELECT 'shared' AS kind, user_id AS key FROM added
        UNION SELECT 'links', 0 FROM added
    ) changed;
    RETURN NULL;
END;
$$;
CREATE FUNCTION mark_old_shares() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_marks(array_agg(kind), array_agg(key)) FROM (
        SELECT 'shared' AS kind, user_id AS key FROM removed
        UNION SELECT 'links', 0 FROM removed
    ) changed;
    RETURN NULL;
END;
$$;
CREATE TRIGGER shares_marks_insert AFTER INSERT ON collection_shares
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION mark_new_shares();
-- A change of level is a change for the user named before and after (the same user).
CREATE TRIGGER shares_marks_update AFTER UPDATE ON collection_shares
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION mark_new_shares();
CREATE TRIGGER shares_marks_delete AFTER DELETE ON collection_shares
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION mark_old_shares();

-- Memberships: the collection's own scope (its embedded assets, its sub-resource) and the links.
CREATE FUNCTION mark_new_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_marks(array_agg(kind), array_agg(key)) FROM (
        SELECT 'members' AS kind, collection_id AS key FROM added
        UNION SELECT 'links', 0 FROM added
    ) changed;
    RETURN NULL;
END;
$$;
CREATE FUNCTION mark_old_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_marks(array_agg(kind), array_agg(key)) FROM (
        SELECT 'members' AS kind, collection_id AS key FROM removed
        UNION SELECT 'links', 0 FROM removed
    ) changed;
    RETURN NULL;
END;
$$;
CREATE TRIGGER members_marks_insert AFTER INSERT ON collection_assets
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION mark_new_members();
CREATE TRIGGER members_marks_update AFTER UPDATE ON collection_assets
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION mark_new_members();
CREATE TRIGGER members_marks_delete AFTER DELETE ON collection_assets
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION mark_old_members();

-- Assets: the catalogue, and for a change of an asset the members scope of every collection
-- holding it (their embedded assets show its name, type and url). A delete takes the asset out
-- of its collections first (their memberships mark them).
CREATE FUNCTION mark_new_assets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_marks(ARRAY['assets'], ARRAY[0::bigint]) WHERE EXISTS (SELECT 1 FROM added);
    RETURN NULL;
END;
$$;
CREATE FUNCTION mark_updated_assets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_marks(array_agg(kind), array_agg(key)) FROM (
        SELECT 'assets' AS kind, 0::bigint AS key FROM added
        UNION SELECT 'members', h.collection_id FROM collection_assets h JOIN added a ON a.id = h.asset_id
    ) changed;
    RETURN NULL;
END;
$$;
CREATE FUNCTION mark_old_assets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_marks(ARRAY['assets'], ARRAY[0::bigint]) WHERE EXISTS (SELECT 1 FROM removed);
    RETURN NULL;
END;
$$;
CREATE TRIGGER assets_marks_insert AFTER INSERT ON assets
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION mark_new_assets();
CREATE TRIGGER assets_marks_update AFTER UPDATE ON assets
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION mark_updated_assets();
CREATE TRIGGER assets_marks_delete AFTER DELETE ON assets
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION mark_old_assets();

-- Tokens: anything that could end or narrow one token marks that token (recording last_used_at
-- does not).
CREATE FUNCTION mark_changed_token() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_marks(ARRAY['token'], ARRAY[OLD.id]);
    RETURN NULL;
END;
$$;
CREATE FUNCTION mark_deleted_tokens() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_marks(array_agg('token'::text), array_agg(id)) FROM removed;
    RETURN NULL;
END;
$$;
CREATE TRIGGER tokens_marks_update AFTER UPDATE OF user_id, token_hash, scopes, expires_at, revoked_at ON api_tokens
    FOR EACH ROW EXECUTE FUNCTION mark_changed_token();
CREATE TRIGGER tokens_marks_delete AFTER DELETE ON api_tokens
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION mark_deleted_tokens();

-- The public count (V8) was one row that every public write updated: it becomes one row per
-- backend too, read as a sum.
ALTER TABLE collection_counts ADD COLUMN slot integer NOT NULL DEFAULT 0;
ALTER TABLE collection_counts DROP CONSTRAINT collection_counts_pkey;
ALTER TABLE collection_counts ADD PRIMARY KEY (name, slot);

CREATE OR REPLACE FUNCTION count_inserted_public() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    SELECT count(*) INTO n FROM added WHERE collection_type = 'public';
    IF n > 0 THEN
        INSERT INTO collection_counts AS c (name, slot, value) VALUES ('public', pg_backend_pid(), n)
        ON CONFLICT (name, slot) DO UPDATE SET value = c.value + n;
    END IF;
    RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION count_deleted_public() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    SELECT count(*) INTO n FROM removed WHERE collection_type = 'public';
    IF n > 0 THEN
        INSERT INTO collection_counts AS c (name, slot, value) VALUES ('public', pg_backend_pid(), -n)
        ON CONFLICT (name, slot) DO UPDATE SET value = c.value - n;
    END IF;
    RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION count_retyped_public() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n bigint := CASE WHEN NEW.collection_type = 'public' THEN 1 ELSE -1 END;
BEGIN
    INSERT INTO collection_counts AS c (name, slot, value) VALUES ('public', pg_backend_pid(), n)
    ON CONFLICT (name, slot) DO UPDATE SET value = c.value + n;
    RETURN NULL;
END;
$$;
CREATE OR REPLACE FUNCTION count_truncated_public() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM collection_counts WHERE name = 'public';
    INSERT INTO collection_counts (name, slot, value) VALUES ('public', 0, 0);
    RETURN NULL;
END;
$$;

-- Tombstones are purged by a background job once older than app.tombstones.kept; lists with
-- filter[with_deleted] depend on that too (new tombstones come with the deletes, which mark).
CREATE FUNCTION mark_purged_tombstones() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM add_marks(ARRAY['tombstones'], ARRAY[0::bigint]) WHERE EXISTS (SELECT 1 FROM removed);
    RETURN NULL;
END;
$$;
CREATE TRIGGER collection_tombstones_marks_delete AFTER DELETE ON collection_tombstones
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION mark_purged_tombstones();
CREATE TRIGGER asset_tombstones_marks_delete AFTER DELETE ON asset_tombstones
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION mark_purged_tombstones();
