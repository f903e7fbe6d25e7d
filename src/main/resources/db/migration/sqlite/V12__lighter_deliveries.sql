-- Lists of deliveries are not cached any more (see the PostgreSQL migration of the same version):
-- their change marks go. The foreign keys stay here: with one writer at a time they lock nothing
-- that another writer waits for.
DROP TRIGGER deliveries_marks_insert;
DROP TRIGGER deliveries_marks_update;
DROP TRIGGER deliveries_marks_delete;
DELETE FROM change_marks WHERE kind = 'deliveries';
