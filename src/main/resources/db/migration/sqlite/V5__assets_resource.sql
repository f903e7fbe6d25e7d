-- The assets resource: folded tags for contains filters, full-text search, sort indexes, a
-- maintained assets_count on collections, and a data version for cached asset totals.

ALTER TABLE assets ADD COLUMN tags_folded TEXT NOT NULL DEFAULT '';
-- Existing rows were written with ASCII tags only (demo and benchmark data); new rows get the
-- application's Unicode folding.
UPDATE assets SET tags_folded = lower(tags);

CREATE INDEX assets_type ON assets (asset_type, id);
CREATE INDEX assets_mime ON assets (mime_type, id);
CREATE INDEX assets_created ON assets (created_at, id);

CREATE VIRTUAL TABLE assets_fts USING fts5(
    name, description, tags,
    content = 'assets', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO assets_fts (assets_fts) VALUES ('rebuild');
CREATE TRIGGER assets_fts_insert AFTER INSERT ON assets BEGIN
    INSERT INTO assets_fts (rowid, name, description, tags) VALUES (new.id, new.name, new.description, new.tags);
END;
CREATE TRIGGER assets_fts_delete AFTER DELETE ON assets BEGIN
    INSERT INTO assets_fts (assets_fts, rowid, name, description, tags)
    VALUES ('delete', old.id, old.name, old.description, old.tags);
END;
CREATE TRIGGER assets_fts_update AFTER UPDATE OF name, description, tags ON assets BEGIN
    INSERT INTO assets_fts (assets_fts, rowid, name, description, tags)
    VALUES ('delete', old.id, old.name, old.description, old.tags);
    INSERT INTO assets_fts (rowid, name, description, tags) VALUES (new.id, new.name, new.description, new.tags);
END;

ALTER TABLE collections ADD COLUMN assets_count INTEGER NOT NULL DEFAULT 0;
UPDATE collections SET assets_count = (SELECT count(*) FROM collection_assets m WHERE m.collection_id = collections.id);
CREATE INDEX collections_assets_count ON collections (assets_count, id);
CREATE TRIGGER members_count_insert AFTER INSERT ON collection_assets BEGIN
    UPDATE collections SET assets_count = assets_count + 1 WHERE id = new.collection_id;
END;
CREATE TRIGGER members_count_delete AFTER DELETE ON collection_assets BEGIN
    UPDATE collections SET assets_count = assets_count - 1 WHERE id = old.collection_id;
END;

-- Asset lists depend on assets, memberships and (through collection filters and includes) on
-- which collections a caller may see, so all of those bump the assets version.
INSERT INTO data_versions (name, version) VALUES ('assets', 1);
CREATE TRIGGER assets_version_insert AFTER INSERT ON assets BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'assets';
END;
CREATE TRIGGER assets_version_update AFTER UPDATE ON assets BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'assets';
END;
CREATE TRIGGER assets_version_delete AFTER DELETE ON assets BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'assets';
END;
CREATE TRIGGER members_version_insert AFTER INSERT ON collection_assets BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'assets';
END;
CREATE TRIGGER members_version_update AFTER UPDATE ON collection_assets BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'assets';
END;
CREATE TRIGGER members_version_delete AFTER DELETE ON collection_assets BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'assets';
END;
CREATE TRIGGER collections_assets_version AFTER UPDATE OF collection_type, owner_id ON collections BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'assets';
END;
CREATE TRIGGER collections_assets_version_delete AFTER DELETE ON collections BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'assets';
END;
CREATE TRIGGER shares_assets_version_insert AFTER INSERT ON collection_shares BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'assets';
END;
CREATE TRIGGER shares_assets_version_delete AFTER DELETE ON collection_shares BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'assets';
END;
