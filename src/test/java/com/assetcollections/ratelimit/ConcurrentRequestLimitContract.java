package com.assetcollections.ratelimit;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * One user's requests beyond {@code app.rate-limit.concurrent-per-user} (2 here) are answered 429
 * at once while their others wait, and other users are served meanwhile. The user's writes are
 * kept waiting by a transaction of the test that holds their collection locked.
 */
@TestPropertySource(properties = "app.rate-limit.concurrent-per-user=2")
abstract class ConcurrentRequestLimitContract extends ApiTestBase {

    @Autowired
    ConcurrentRequestLimit limit;

    @Test
    void aUsersRequestsBeyondTheLimitAre429WhileOtherUsersAreServed() throws Exception {
        EnumSet<Scope> readWrite = EnumSet.of(Scope.COLLECTIONS_READ, Scope.COLLECTIONS_WRITE);
        User busy = fixtures.user("Busy");
        User other = fixtures.user("Other");
        String busyToken = fixtures.token(busy, readWrite);
        String otherToken = fixtures.token(other, readWrite);
        long held = fixtures.collection(busy, "Held").create();
        long others = fixtures.collection(other, "Other's").create();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            // On PostgreSQL the row lock holds the writes back; on SQLite an open write transaction
            // does (its transactions take turns).
            Future<?> holder = pool.submit(() -> db.transaction(transaction -> {
                var select = transaction.dsl().select(ID).from(COLLECTIONS).where(ID.eq(held));
                if (transaction.dsl().dialect().family() == SQLDialect.POSTGRES) {
                    select.forUpdate().fetch();
                } else {
                    select.fetch();
                }
                holding.countDown();
                release.await(10, TimeUnit.SECONDS);
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<ApiResponse>> waiting = List.of(
                    pool.submit(() -> api.patch("/api/v2/collections/" + held, busyToken, "{\"name\": \"One\"}")),
                    pool.submit(() -> api.patch("/api/v2/collections/" + held, busyToken, "{\"name\": \"Two\"}")));
            awaitRunning("user:" + busy.id(), 2);

            ApiResponse refused = api.get("/api/v2/collections/" + held, busyToken);
            ApiResponse served = api.get("/api/v2/collections/" + others, otherToken);

            assertThat(refused.status()).as(refused.body()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.json().get("message").asString()).contains("at most 2");
            assertThat(served.status()).as(served.body()).isEqualTo(200);
            release.countDown();
            holder.get();
            for (Future<ApiResponse> write : waiting) {
                assertThat(write.get().status()).isEqualTo(200);
            }
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(limit.running("user:" + busy.id())).isZero();
        assertThat(api.get("/api/v2/collections/" + held, busyToken).status()).isEqualTo(200);
    }

    private void awaitRunning(String key, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (limit.running(key) < count) {
            assertThat(System.nanoTime()).as("requests never started").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
