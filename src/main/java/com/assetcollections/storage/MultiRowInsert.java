package com.assetcollections.storage;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/** Bulk rows as one multi-row INSERT per batch (SQLite: AUTOINCREMENT follows explicit ids by itself). */
final class MultiRowInsert implements BulkInsert {

    private final DSLContext db;

    MultiRowInsert(DSLContext db) {
        this.db = db;
    }

    @Override
    public int batchSize() {
        return 1_000;
    }

    @Override
    public void write(Table<?> table, List<Field<?>> columns, List<List<Object>> rows) {
        var insert = db.insertInto(table, columns);
        for (List<Object> row : rows) {
            insert = insert.values(row);
        }
        insert.execute();
    }

    @Override
    public void advanceIds(Table<?> table, Field<Long> id) {}
}
