package com.assetcollections.storage;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;

/**
 * Writes many generated rows fast: one statement (and, outside a transaction, one commit) per
 * batch. PostgreSQL streams batches with COPY; SQLite takes multi-row inserts, which are already
 * cheap there. Rows carry explicit ids, so nothing has to be read back.
 */
public interface BulkInsert {

    /** How many rows a caller should buffer before calling {@link #write}. */
    int batchSize();

    void write(Table<?> table, List<Field<?>> columns, List<List<Object>> rows);

    /** Moves the table's id generator past the explicit ids written (a no-op where it follows by itself). */
    void advanceIds(Table<?> table, Field<Long> id);

    static BulkInsert forDatabase(DSLContext db) {
        return db.dialect().family() == SQLDialect.POSTGRES ? new PostgresCopyInsert(db) : new MultiRowInsert(db);
    }
}
