-- Change tracking by scope (issue 8, docs/decisions.md "Change marks"); the PostgreSQL migration
-- of the same name explains the scheme. SQLite runs one write transaction at a time, so every
-- mark has the one slot 0; the version of a scope is still read as the sum of its rows, so the
-- application reads both databases alike.
CREATE TABLE change_marks (
    kind    TEXT    NOT NULL,
    key     INTEGER NOT NULL,
    slot    INTEGER NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (kind, key, slot)
) WITHOUT ROWID;

DROP TRIGGER collections_version_insert;
DROP TRIGGER collections_version_update;
DROP TRIGGER collections_version_delete;
DROP TRIGGER shares_version_insert;
DROP TRIGGER shares_version_update;
DROP TRIGGER shares_version_delete;
DROP TRIGGER tokens_version_update;
DROP TRIGGER tokens_version_delete;
DROP TRIGGER assets_version_insert;
DROP TRIGGER assets_version_update;
DROP TRIGGER assets_version_delete;
DROP TRIGGER members_version_insert;
DROP TRIGGER members_version_update;
DROP TRIGGER members_version_delete;
DROP TRIGGER collections_assets_version;
DROP TRIGGER collections_assets_version_delete;
DROP TRIGGER shares_assets_version_insert;
DROP TRIGGER shares_assets_version_delete;
DROP TRIGGER shares_assets_version_update;
DROP TABLE data_versions;

-- Collections: the owner's scope, the public set when public before or after, the users it is
-- shared with, and the asset links when who may see it changed.
CREATE TRIGGER collections_marks_insert AFTER INSERT ON collections BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('owner', new.owner_id, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
    INSERT INTO change_marks (kind, key, slot, version)
    SELECT 'public', 0, 0, 1 WHERE new.collection_type = 'public'
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER collections_marks_update AFTER UPDATE ON collections BEGIN
    INSERT INTO change_marks (kind, key, slot, version)
    SELECT 'owner', owner_id, 0, 1 FROM (SELECT new.owner_id AS owner_id UNION SELECT old.owner_id) WHERE true
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
    INSERT INTO change_marks (kind, key, slot, version)
    SELECT 'public', 0, 0, 1 WHERE new.collection_type = 'public' OR old.collection_type = 'public'
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
    INSERT INTO change_marks (kind, key, slot, version)
    SELECT 'shared', user_id, 0, 1 FROM collection_shares WHERE collection_id = new.id
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
    INSERT INTO change_marks (kind, key, slot, version)
    SELECT 'links', 0, 0, 1
    WHERE new.collection_type IS NOT old.collection_type OR new.owner_id IS NOT old.owner_id
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER collections_marks_delete AFTER DELETE ON collections BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('owner', old.owner_id, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
    INSERT INTO change_marks (kind, key, slot, version)
    SELECT 'public', 0, 0, 1 WHERE old.collection_type = 'public'
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;

-- Shares: the user a share names, and the asset links.
CREATE TRIGGER shares_marks_insert AFTER INSERT ON collection_shares BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('shared', new.user_id, 0, 1), ('links', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER shares_marks_update AFTER UPDATE ON collection_shares BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('shared', new.user_id, 0, 1), ('links', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER shares_marks_delete AFTER DELETE ON collection_shares BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('shared', old.user_id, 0, 1), ('links', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;

-- Memberships: the collection's own scope and the asset links.
CREATE TRIGGER members_marks_insert AFTER INSERT ON collection_assets BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('members', new.collection_id, 0, 1), ('links', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER members_marks_update AFTER UPDATE ON collection_assets BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('members', new.collection_id, 0, 1), ('links', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER members_marks_delete AFTER DELETE ON collection_assets BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('members', old.collection_id, 0, 1), ('links', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;

-- Assets: the catalogue, and for a changed asset the collections holding it.
CREATE TRIGGER assets_marks_insert AFTER INSERT ON assets BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('assets', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER assets_marks_update AFTER UPDATE ON assets BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('assets', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
    INSERT INTO change_marks (kind, key, slot, version)
    SELECT 'members', collection_id, 0, 1 FROM collection_assets WHERE asset_id = new.id
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER assets_marks_delete AFTER DELETE ON assets BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('assets', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;

-- Tokens: anything that could end or narrow one token (recording last_used_at does not).
CREATE TRIGGER tokens_marks_update AFTER UPDATE OF user_id, token_hash, scopes, expires_at, revoked_at ON api_tokens BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('token', old.id, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER tokens_marks_delete AFTER DELETE ON api_tokens BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('token', old.id, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;

-- Tombstones purged once older than app.tombstones.kept: lists with filter[with_deleted] change.
CREATE TRIGGER collection_tombstones_marks_delete AFTER DELETE ON collection_tombstones BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('tombstones', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER asset_tombstones_marks_delete AFTER DELETE ON asset_tombstones BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('tombstones', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;

-- bm25 ranks by statistics of the whole index, so a ranked collection search depends on the text
-- of every collection (PostgreSQL's ts_rank does not: no such mark there).
CREATE TRIGGER collections_texts_insert AFTER INSERT ON collections BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('collection_texts', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER collections_texts_update AFTER UPDATE OF name, description ON collections BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('collection_texts', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER collections_texts_delete AFTER DELETE ON collections BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('collection_texts', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
