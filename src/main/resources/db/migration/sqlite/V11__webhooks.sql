-- Webhooks (issue 10); the PostgreSQL migration of the same name explains the tables.
CREATE TABLE webhooks (
    id                    INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid                  TEXT    NOT NULL UNIQUE,
    owner_id              INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    url                   TEXT    NOT NULL,
    events                TEXT    NOT NULL,
    description           TEXT,
    enabled               INTEGER NOT NULL,
    disabled_reason       TEXT,
    secret                BLOB    NOT NULL,
    previous_secret       BLOB,
    previous_secret_until INTEGER,
    failed_in_a_row       INTEGER NOT NULL DEFAULT 0,
    created_at            INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    leased_by             TEXT,
    leased_until          INTEGER
);
CREATE INDEX webhooks_owner ON webhooks (owner_id, id);

CREATE TABLE webhook_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT    NOT NULL,
    event       TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE INDEX webhook_events_created ON webhook_events (created_at);

CREATE TABLE webhook_deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id      INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id        INTEGER NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    event           TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts_count  INTEGER NOT NULL DEFAULT 0,
    attempts        TEXT    NOT NULL DEFAULT '[]',
    next_attempt_at INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    -- event first: it also serves the cascade when old events are purged
    UNIQUE (event_id, webhook_id)
);
CREATE INDEX webhook_deliveries_list ON webhook_deliveries (webhook_id, id);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (webhook_id, id) WHERE status = 'pending';

CREATE TRIGGER webhooks_marks_insert AFTER INSERT ON webhooks BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('webhooks', new.owner_id, 0, 1), ('webhooks', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER webhooks_marks_update
    AFTER UPDATE OF url, events, description, enabled, disabled_reason, updated_at ON webhooks BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('webhooks', new.owner_id, 0, 1), ('webhooks', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER webhooks_marks_delete AFTER DELETE ON webhooks BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('webhooks', old.owner_id, 0, 1), ('webhooks', 0, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;

CREATE TRIGGER deliveries_marks_insert AFTER INSERT ON webhook_deliveries BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('deliveries', new.webhook_id, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER deliveries_marks_update AFTER UPDATE ON webhook_deliveries BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('deliveries', new.webhook_id, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
CREATE TRIGGER deliveries_marks_delete AFTER DELETE ON webhook_deliveries BEGIN
    INSERT INTO change_marks (kind, key, slot, version) VALUES ('deliveries', old.webhook_id, 0, 1)
    ON CONFLICT (kind, key, slot) DO UPDATE SET version = version + 1;
END;
