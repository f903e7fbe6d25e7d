-- Media types sort by code point, as on SQLite, whatever the server's locale.
ALTER TABLE assets ALTER COLUMN mime_type TYPE text COLLATE "C";

-- A change to a share (its level) also invalidates cached asset lists, like adding or removing one.
CREATE TRIGGER shares_assets_version_update AFTER UPDATE ON collection_shares
    FOR EACH STATEMENT EXECUTE FUNCTION bump_assets_version();
