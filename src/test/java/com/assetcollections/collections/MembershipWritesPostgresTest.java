package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.assets.AssetTable;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.OnPostgres;
import com.assetcollections.support.PostgresLocks;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OnPostgres
class MembershipWritesPostgresTest extends MembershipWritesContract {

    @Autowired
    private DataSource dataSource;

    /**
     * PostgreSQL alone: SQLite has no row locks (one write transaction at a time). Asset rows are
     * locked in ascending id, whatever order the request names them in or the table stores them
     * in: while the middle asset is held by another transaction, an add naming all three already
     * holds the lowest and not yet the highest.
     */
    @Test
    void locksTheNamedAssetsInAscendingIdOrder() throws Exception {
        // a new row version of a1 is stored after a3, so a scan in storage order would meet it last
        db.update(AssetTable.ASSETS)
                .set(AssetTable.UPDATED_AT, SqlTypes.now())
                .where(AssetTable.ID.eq(a1))
                .execute();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            lockNow(DSL.using(holder, SQLDialect.POSTGRES), a2);
            CompletableFuture<ApiResponse> adding =
                    CompletableFuture.supplyAsync(() -> add("{\"asset_ids\": [" + a3 + ", " + a2 + ", " + a1 + "]}"));
            PostgresLocks.awaitALockWait(db);

            assertThat(lockable(a1))
                    .as("asset %d, the lowest id, is locked first", a1)
                    .isFalse();
            assertThat(lockable(a3))
                    .as("asset %d, the highest id, is not locked yet", a3)
                    .isTrue();
            holder.rollback();
            ApiResponse added = adding.get(10, TimeUnit.SECONDS);
            assertThat(added.status()).as(added.body()).isEqualTo(200);
        }
        assertThat(order()).containsExactly(a3, a2, a1);
    }

    private static void lockNow(DSLContext connection, long assetId) {
        connection
                .select(AssetTable.ID)
                .from(AssetTable.ASSETS)
                .where(AssetTable.ID.eq(assetId))
                .forUpdate()
                .noWait()
                .fetch();
    }

    /** Whether another transaction could lock the asset row for update at once (then releases it). */
    private boolean lockable(long assetId) throws Exception {
        try (Connection probe = dataSource.getConnection()) {
            probe.setAutoCommit(true);
            lockNow(DSL.using(probe, SQLDialect.POSTGRES), assetId);
            return true;
        } catch (DataAccessException e) {
            assertThat(e.sqlState()).as("lock_not_available").isEqualTo("55P03");
            return false;
        }
    }
}
