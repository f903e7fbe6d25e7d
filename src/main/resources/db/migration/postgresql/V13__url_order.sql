-- Subscription urls sort by code point, as on SQLite, whatever the database's collation: under
-- an ICU or glibc "en" collation `sort=url` put /a before /HOOKS before /Hooks/… (case and
-- punctuation weigh less), unlike SQLite. The url filters fold with lower(), which under "C"
-- folds ASCII only, as SQLite's does (hosts are ASCII anyway). The change-mark trigger names the
-- column, so it is made again around the change, as V11 made it.
DROP TRIGGER webhooks_marks_update ON webhooks;
ALTER TABLE webhooks ALTER COLUMN url TYPE text COLLATE "C";
CREATE TRIGGER webhooks_marks_update
    AFTER UPDATE OF url, events, description, enabled, disabled_reason, updated_at ON webhooks
    FOR EACH ROW EXECUTE FUNCTION mark_webhook();
