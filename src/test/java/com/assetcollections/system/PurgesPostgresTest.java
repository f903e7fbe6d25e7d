package com.assetcollections.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.storage.SqlTypes;
import com.assetcollections.support.OnPostgres;
import java.sql.Connection;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OnPostgres
class PurgesPostgresTest extends PurgesContract {

    @Autowired
    private DataSource dataSource;

    /**
     * PostgreSQL alone: SQLite has one writer at a time, so there a purge waits its turn like any
     * write. Here a purge skips the rows another transaction holds (another instance purging, a
     * request reclaiming its expired key) instead of waiting for them; a later run takes them.
     */
    @Test
    void aPurgeSkipsRowsAnotherTransactionHolds() throws Exception {
        Instant expired = SqlTypes.now().minus(KEYS_KEPT).minusSeconds(60);
        db.batch(key(alice, "held", expired), key(bob, "free", expired)).execute();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            DSL.using(connection, SQLDialect.POSTGRES)
                    .select(KEY)
                    .from(KEYS)
                    .where(KEY.eq("held"))
                    .forUpdate()
                    .fetch();

            CompletableFuture.runAsync(purges::idempotencyKeys).get(10, TimeUnit.SECONDS);

            assertThat(db.select(KEY).from(KEYS).fetch(KEY)).containsExactly("held");
            connection.rollback();
        }
        purges.idempotencyKeys();
        assertThat(db.fetchCount(KEYS)).isZero();
    }
}
