-- Writing over the API: replayable POSTs (Idempotency-Key) and tombstones of deleted rows for
-- incremental sync (filter[with_deleted]).

-- One row per (user, key): the request's fingerprint and, once it committed, the response to replay.
CREATE TABLE idempotency_keys (
    user_id         INTEGER NOT NULL,
    idempotency_key TEXT    NOT NULL,
    request_hash    TEXT    NOT NULL,
    status          INTEGER NOT NULL,
    location        TEXT,
    response_body   BLOB    NOT NULL,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- A deleted collection keeps what decides who may see its tombstone: type, owner and the users
-- it was shared with when it was deleted. Ids are never reused (AUTOINCREMENT), so a tombstone
-- never shares an id with a live row.
CREATE TABLE collection_tombstones (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT    NOT NULL,
    owner_id        INTEGER NOT NULL,
    collection_type TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    deleted_at      INTEGER NOT NULL
);
CREATE INDEX collection_tombstones_deleted ON collection_tombstones (deleted_at, id);
CREATE TABLE collection_tombstone_viewers (
    collection_id INTEGER NOT NULL REFERENCES collection_tombstones (id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL,
    PRIMARY KEY (collection_id, user_id)
);

CREATE TABLE asset_tombstones (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT    NOT NULL,
    owner_id   INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER NOT NULL
);
CREATE INDEX asset_tombstones_deleted ON asset_tombstones (deleted_at, id);
