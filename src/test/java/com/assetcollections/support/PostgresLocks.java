package com.assetcollections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** For tests that stage lock waits on PostgreSQL: knowing when a request has started waiting. */
public final class PostgresLocks {

    private PostgresLocks() {}

    /** Returns once some session of the test database waits for a lock (fails after 10 seconds). */
    public static void awaitALockWait(DSLContext db) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (db.fetchCount(
                        DSL.table(DSL.name("pg_stat_activity")),
                        DSL.field(DSL.name("datname"))
                                .eq(DSL.currentCatalog())
                                .and(DSL.field(DSL.name("wait_event_type")).eq("Lock")))
                == 0) {
            assertThat(Instant.now()).as("a session waiting for a lock").isBefore(deadline);
            Thread.sleep(20);
        }
    }
}
