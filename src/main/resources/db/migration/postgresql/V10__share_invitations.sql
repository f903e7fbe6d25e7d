-- Sharing by e-mail address answers the same whether the address has an account (issue 9, "no
-- account enumeration"; docs/decisions.md "Sharing by e-mail").
--
-- A share made by e-mail remembers the address the owner typed: the share list shows that
-- address, never the account's id or name. An address without an account is kept as an
-- invitation, which becomes such a share when a user with that address is created (or takes
-- that address); to the owner the two look the same.
ALTER TABLE collection_shares ADD COLUMN invited_email text;
CREATE INDEX collection_shares_invited ON collection_shares (collection_id, invited_email)
    WHERE invited_email IS NOT NULL;

CREATE TABLE collection_invitations (
    collection_id bigint      NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    email         text        NOT NULL CHECK (email = lower(email)),
    level         text        NOT NULL CHECK (level IN ('view', 'edit')),
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (collection_id, email)
);
CREATE INDEX collection_invitations_email ON collection_invitations (email);

-- The user's invitations become shares in the transaction that creates the user (or changes
-- their address). The collections are not touched: their owners must not see when it happens.
CREATE FUNCTION accept_invitations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO collection_shares (collection_id, user_id, level, created_at, invited_email)
    SELECT i.collection_id, NEW.id, i.level, i.created_at, i.email
    FROM collection_invitations i JOIN collections c ON c.id = i.collection_id
    WHERE i.email = lower(NEW.email) AND c.owner_id <> NEW.id
    ON CONFLICT (collection_id, user_id) DO NOTHING;
    DELETE FROM collection_invitations WHERE email = lower(NEW.email);
    RETURN NULL;
END;
$$;
CREATE TRIGGER users_accept_invitations AFTER INSERT OR UPDATE OF email ON users
    FOR EACH ROW EXECUTE FUNCTION accept_invitations();
