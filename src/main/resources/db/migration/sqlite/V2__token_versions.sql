-- Authenticated tokens are cached by the application, keyed by this version: any change that
-- could end or narrow a token (revocation, expiry, scopes, deletion) bumps it in its own
-- transaction, so a cached token is never honoured after such a change commits. Recording
-- last_used_at does not bump it.
INSERT INTO data_versions (name, version) VALUES ('api_tokens', 1);

CREATE TRIGGER tokens_version_update AFTER UPDATE OF user_id, token_hash, scopes, expires_at, revoked_at ON api_tokens
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'api_tokens';
END;
CREATE TRIGGER tokens_version_delete AFTER DELETE ON api_tokens
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'api_tokens';
END;
