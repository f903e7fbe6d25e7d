package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.OnPostgres;
import com.assetcollections.support.PostgresLocks;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OnPostgres
class SharingPostgresTest extends SharingContract {

    @Autowired
    private DataSource dataSource;

    /**
     * PostgreSQL alone: SQLite runs one write transaction at a time and has no deadlocks. The test
     * makes one: another transaction holds the share row, the level change locks the collection
     * and waits for that row, then the other transaction asks for the collection. The other
     * transaction checks for deadlocks later (deadlock_timeout 10 s against the server's 1 s), so
     * the level change is the victim; it is run again and succeeds instead of answering 503.
     */
    @Test
    void aLevelChangeThatLosesADeadlockIsRunAgain() throws Exception {
        share("{\"user_id\": " + bob.id() + "}");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            DSLContext other = DSL.using(connection, SQLDialect.POSTGRES);
            other.execute("SET LOCAL deadlock_timeout = '10s'");
            other.select(CollectionTable.SHARE_USER_ID)
                    .from(CollectionTable.SHARES)
                    .where(CollectionTable.SHARE_COLLECTION_ID
                            .eq(collection)
                            .and(CollectionTable.SHARE_USER_ID.eq(bob.id())))
                    .forUpdate()
                    .fetch();
            CompletableFuture<ApiResponse> changing = CompletableFuture.supplyAsync(
                    () -> api.patch(shares() + "/" + bob.id(), aliceToken, "{\"level\": \"edit\"}"));
            PostgresLocks.awaitALockWait(db);

            other.select(CollectionTable.ID)
                    .from(CollectionTable.COLLECTIONS)
                    .where(CollectionTable.ID.eq(collection))
                    .forUpdate()
                    .fetch();
            connection.rollback();

            ApiResponse changed = changing.get(10, TimeUnit.SECONDS);
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("data").get("level").asString()).isEqualTo("edit");
        }
    }
}
