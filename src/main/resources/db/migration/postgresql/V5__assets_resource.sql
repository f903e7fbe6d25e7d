-- The assets resource: folded tags for contains filters, full-text search, sort and trigram
-- indexes, a maintained assets_count on collections, and a data version for cached asset totals.

ALTER TABLE assets ADD COLUMN tags_folded text COLLATE "C" NOT NULL DEFAULT '';
UPDATE assets SET tags_folded = lower(tags);
ALTER TABLE assets ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', name), 'A') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'B') ||
    setweight(to_tsvector('english', tags), 'C')) STORED;

CREATE INDEX assets_type ON assets (asset_type, id);
CREATE INDEX assets_mime ON assets (mime_type, id);
CREATE INDEX assets_created ON assets (created_at, id);
CREATE INDEX assets_search ON assets USING gin (search_vector);
CREATE INDEX assets_name_trgm ON assets USING gin (name_folded gin_trgm_ops);
CREATE INDEX assets_description_trgm ON assets USING gin (description_folded gin_trgm_ops);
CREATE INDEX assets_tags_trgm ON assets USING gin (tags_folded gin_trgm_ops);

ALTER TABLE collections ADD COLUMN assets_count integer NOT NULL DEFAULT 0;
UPDATE collections c SET assets_count = m.n
FROM (SELECT collection_id, count(*) AS n FROM collection_assets GROUP BY collection_id) m
WHERE m.collection_id = c.id;
CREATE INDEX collections_assets_count ON collections (assets_count, id);

CREATE FUNCTION count_added_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE collections c SET assets_count = c.assets_count + d.n
    FROM (SELECT collection_id, count(*) AS n FROM added GROUP BY collection_id) d
    WHERE c.id = d.collection_id;
    RETURN NULL;
END;
$$;
CREATE FUNCTION count_removed_members() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE collections c SET assets_count = c.assets_count - d.n
    FROM (SELECT collection_id, count(*) AS n FROM removed GROUP BY collection_id) d
    WHERE c.id = d.collection_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER members_count_insert AFTER INSERT ON collection_assets
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION count_added_members();
CREATE TRIGGER members_count_delete AFTER DELETE ON collection_assets
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION count_removed_members();

-- Asset lists depend on assets, memberships and (through collection filters and includes) on
-- which collections a caller may see, so all of those bump the assets version.
INSERT INTO data_versions (name, version) VALUES ('assets', 1);
CREATE FUNCTION bump_assets_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'assets';
    RETURN NULL;
END;
$$;
CREATE TRIGGER assets_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON assets
    FOR EACH STATEMENT EXECUTE FUNCTION bump_assets_version();
CREATE TRIGGER members_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON collection_assets
    FOR EACH STATEMENT EXECUTE FUNCTION bump_assets_version();
CREATE TRIGGER collections_assets_version AFTER UPDATE OF collection_type, owner_id OR DELETE OR TRUNCATE ON collections
    FOR EACH STATEMENT EXECUTE FUNCTION bump_assets_version();
CREATE TRIGGER shares_assets_version AFTER INSERT OR DELETE OR TRUNCATE ON collection_shares
    FOR EACH STATEMENT EXECUTE FUNCTION bump_assets_version();
