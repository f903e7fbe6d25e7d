package com.assetcollections.storage;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.OnPostgres;
import com.assetcollections.users.User;
import java.util.EnumSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * On PostgreSQL every statement of the pool is stopped after {@code app.db.statement-timeout}
 * (300 ms here), waiting for a lock included: a rename queued behind a transaction that holds
 * the collection locked is answered 503, and the connection serves the next request.
 */
@OnPostgres
@TestPropertySource(properties = "app.db.statement-timeout=300ms")
class StatementTimeoutPostgresTest extends ApiTestBase {

    @Test
    void aStatementWaitingTooLongIsStoppedAndAnswered503() throws Exception {
        User owner = fixtures.user("Owner");
        String token = fixtures.token(owner, EnumSet.of(Scope.COLLECTIONS_READ, Scope.COLLECTIONS_WRITE));
        long collection = fixtures.collection(owner, "Held").create();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        ApiResponse stopped;
        try {
            Future<?> holder = pool.submit(() -> db.transaction(transaction -> {
                transaction
                        .dsl()
                        .select(ID)
                        .from(COLLECTIONS)
                        .where(ID.eq(collection))
                        .forUpdate()
                        .fetch();
                holding.countDown();
                // let go after a while in any case, so that a missing timeout fails the test instead of hanging it
                release.await(3, java.util.concurrent.TimeUnit.SECONDS);
            }));
            holding.await();
            long started = System.nanoTime();
            stopped = api.patch("/api/v2/collections/" + collection, token, "{\"name\": \"Renamed\"}");
            assertThat((System.nanoTime() - started) / 1_000_000)
                    .as("ms until the answer")
                    .isLessThan(5_000);
            release.countDown();
            holder.get();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }

        assertThat(stopped.status()).as(stopped.body()).isEqualTo(503);
        assertThat(stopped.header("Retry-After")).isEqualTo("1");
        assertThat(stopped.json().get("message").asString()).contains("longer than a request may");
        ApiResponse again = api.patch("/api/v2/collections/" + collection, token, "{\"name\": \"Renamed\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
    }
}
