-- Writing over the API: replayable POSTs (Idempotency-Key) and tombstones of deleted rows for
-- incremental sync (filter[with_deleted]).

-- One row per (user, key): the request's fingerprint and, once it committed, the response to replay.
CREATE TABLE idempotency_keys (
    user_id         bigint      NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    status          integer     NOT NULL,
    location        text,
    response_body   bytea       NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- A deleted collection keeps what decides who may see its tombstone: type, owner and the users
-- it was shared with when it was deleted. Identity ids are never reused, so a tombstone never
-- shares an id with a live row.
CREATE TABLE collection_tombstones (
    id              bigint      PRIMARY KEY,
    uuid            uuid        NOT NULL,
    owner_id        bigint      NOT NULL,
    collection_type text        NOT NULL,
    created_at      timestamptz NOT NULL,
    deleted_at      timestamptz NOT NULL
);
CREATE INDEX collection_tombstones_deleted ON collection_tombstones (deleted_at, id);
CREATE TABLE collection_tombstone_viewers (
    collection_id bigint NOT NULL REFERENCES collection_tombstones (id) ON DELETE CASCADE,
    user_id       bigint NOT NULL,
    PRIMARY KEY (collection_id, user_id)
);

CREATE TABLE asset_tombstones (
    id         bigint      PRIMARY KEY,
    uuid       uuid        NOT NULL,
    owner_id   bigint      NOT NULL,
    created_at timestamptz NOT NULL,
    deleted_at timestamptz NOT NULL
);
CREATE INDEX asset_tombstones_deleted ON asset_tombstones (deleted_at, id);
