package com.assetcollections.storage;

import java.time.Instant;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectLimitPercentStep;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the rows of a table that are older than a cutoff, off the request path, in batches of at
 * most {@value #BATCH} rows, each in a transaction of its own: one run never holds many row locks,
 * nor SQLite's one writer for long. On PostgreSQL a batch skips rows another transaction holds
 * ({@code FOR UPDATE SKIP LOCKED}), so several instances may purge at once without waiting for
 * each other or for a request that is reclaiming an expired row; what is skipped goes in a later
 * run.
 */
@Component
public class ExpiredRows {

    static final int BATCH = 500;

    private final DSLContext db;
    private final TransactionTemplate transaction;

    ExpiredRows(DSLContext db, PlatformTransactionManager transactions) {
        this.db = db;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Deletes the rows of {@code table} whose {@code at} lies before {@code cutoff}, naming rows by
     * their primary key {@code key}; returns how many went. Call outside a transaction.
     */
    public int purge(Table<?> table, Field<Instant> at, Instant cutoff, Field<?>... key) {
        Condition inBatch = inOneBatch(table, at, cutoff, key);
        int total = 0;
        int deleted;
        do {
            deleted = transaction.execute(
                    status -> db.deleteFrom(table).where(inBatch).execute());
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private Condition inOneBatch(Table<?> table, Field<Instant> at, Instant cutoff, Field<?>... key) {
        SelectLimitPercentStep<?> oldest =
                db.select(key).from(table).where(at.lt(cutoff)).orderBy(at).limit(BATCH);
        Select<?> batch = db.dialect().family() == SQLDialect.POSTGRES
                ? oldest.forUpdate().skipLocked()
                : oldest;
        return DSL.row(key).in(batch);
    }
}
