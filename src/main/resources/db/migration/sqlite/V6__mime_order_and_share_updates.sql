-- (SQLite already compares text by code point.) A change to a share (its level) also
-- invalidates cached asset lists, like adding or removing one.
CREATE TRIGGER shares_assets_version_update AFTER UPDATE ON collection_shares BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'assets';
END;
