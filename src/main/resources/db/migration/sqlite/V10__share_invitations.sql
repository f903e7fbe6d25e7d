-- Sharing by e-mail address answers the same whether the address has an account (issue 9, "no
-- account enumeration"; docs/decisions.md "Sharing by e-mail"). See the PostgreSQL migration of
-- the same number for the design; this is the same on SQLite.
ALTER TABLE collection_shares ADD COLUMN invited_email TEXT;
CREATE INDEX collection_shares_invited ON collection_shares (collection_id, invited_email)
    WHERE invited_email IS NOT NULL;

CREATE TABLE collection_invitations (
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    email         TEXT    NOT NULL CHECK (email = lower(email)),
    level         TEXT    NOT NULL CHECK (level IN ('view', 'edit')),
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (collection_id, email)
);
CREATE INDEX collection_invitations_email ON collection_invitations (email);

CREATE TRIGGER users_accept_invitations_insert AFTER INSERT ON users BEGIN
    INSERT OR IGNORE INTO collection_shares (collection_id, user_id, level, created_at, invited_email)
    SELECT i.collection_id, new.id, i.level, i.created_at, i.email
    FROM collection_invitations i JOIN collections c ON c.id = i.collection_id
    WHERE i.email = lower(new.email) AND c.owner_id <> new.id;
    DELETE FROM collection_invitations WHERE email = lower(new.email);
END;
CREATE TRIGGER users_accept_invitations_update AFTER UPDATE OF email ON users BEGIN
    INSERT OR IGNORE INTO collection_shares (collection_id, user_id, level, created_at, invited_email)
    SELECT i.collection_id, new.id, i.level, i.created_at, i.email
    FROM collection_invitations i JOIN collections c ON c.id = i.collection_id
    WHERE i.email = lower(new.email) AND c.owner_id <> new.id;
    DELETE FROM collection_invitations WHERE email = lower(new.email);
END;
