-- Timestamps are UTC epoch microseconds (INTEGER): one format, sorts correctly, no parsing.
-- *_folded columns hold the NFC lower-cased text that case-insensitive filters match against,
-- because SQLite's lower() and LIKE only fold ASCII.

CREATE TABLE users (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid       TEXT    NOT NULL UNIQUE,
    name       TEXT    NOT NULL,
    email      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    scopes       TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    expires_at   INTEGER,
    revoked_at   INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE assets (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid               TEXT    NOT NULL UNIQUE,
    owner_id           INTEGER NOT NULL REFERENCES users (id),
    name               TEXT    NOT NULL,
    name_folded        TEXT    NOT NULL,
    description        TEXT,
    description_folded TEXT,
    asset_type         TEXT    NOT NULL CHECK (asset_type IN ('image', 'video', 'audio', 'document', 'other')),
    mime_type          TEXT    NOT NULL,
    url                TEXT    NOT NULL,
    tags               TEXT    NOT NULL DEFAULT '[]',
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX assets_owner ON assets (owner_id, id);
CREATE INDEX assets_name ON assets (name_folded, id);
CREATE INDEX assets_updated ON assets (updated_at, id);

CREATE TABLE collections (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid               TEXT    NOT NULL UNIQUE,
    owner_id           INTEGER NOT NULL REFERENCES users (id),
    name               TEXT    NOT NULL,
    name_folded        TEXT    NOT NULL,
    description        TEXT,
    description_folded TEXT,
    collection_type    TEXT    NOT NULL CHECK (collection_type IN ('public', 'private')),
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX collections_type ON collections (collection_type, id);
CREATE INDEX collections_owner ON collections (owner_id, id);
CREATE INDEX collections_name ON collections (name_folded, id);
CREATE INDEX collections_created ON collections (created_at, id);
CREATE INDEX collections_updated ON collections (updated_at, id);
CREATE INDEX collections_type_updated ON collections (collection_type, updated_at, id);

CREATE TABLE collection_assets (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    asset_id      INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    added_at      INTEGER NOT NULL,
    PRIMARY KEY (collection_id, asset_id)
);
CREATE INDEX collection_assets_order ON collection_assets (collection_id, position);
CREATE INDEX collection_assets_asset ON collection_assets (asset_id);

CREATE TABLE collection_shares (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    level         TEXT    NOT NULL DEFAULT 'view' CHECK (level IN ('view', 'edit')),
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (collection_id, user_id)
);
CREATE INDEX collection_shares_user ON collection_shares (user_id, collection_id);

-- Full-text index over name and description, kept in step by triggers.
CREATE VIRTUAL TABLE collections_fts USING fts5(
    name, description,
    content = 'collections', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER collections_fts_insert AFTER INSERT ON collections BEGIN
    INSERT INTO collections_fts (rowid, name, description) VALUES (new.id, new.name, new.description);
END;
CREATE TRIGGER collections_fts_delete AFTER DELETE ON collections BEGIN
    INSERT INTO collections_fts (collections_fts, rowid, name, description)
    VALUES ('delete', old.id, old.name, old.description);
END;
CREATE TRIGGER collections_fts_update AFTER UPDATE OF name, description ON collections BEGIN
    INSERT INTO collections_fts (collections_fts, rowid, name, description)
    VALUES ('delete', old.id, old.name, old.description);
    INSERT INTO collections_fts (rowid, name, description) VALUES (new.id, new.name, new.description);
END;

-- A counter bumped in the same transaction as every change to what decides collection
-- visibility or matching. Cached totals are keyed by it, so a committed write invalidates them
-- on every instance at once.
CREATE TABLE data_versions (
    name    TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);
INSERT INTO data_versions (name, version) VALUES ('collections', 1);

CREATE TRIGGER collections_version_insert AFTER INSERT ON collections BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'collections';
END;
CREATE TRIGGER collections_version_update AFTER UPDATE ON collections BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'collections';
END;
CREATE TRIGGER collections_version_delete AFTER DELETE ON collections BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'collections';
END;
CREATE TRIGGER shares_version_insert AFTER INSERT ON collection_shares BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'collections';
END;
CREATE TRIGGER shares_version_update AFTER UPDATE ON collection_shares BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'collections';
END;
CREATE TRIGGER shares_version_delete AFTER DELETE ON collection_shares BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'collections';
END;
