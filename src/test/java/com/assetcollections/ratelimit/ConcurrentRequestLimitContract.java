package com.assetcollections.ratelimit;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * One user's requests in flight weigh at most {@code app.rate-limit.concurrent-per-user} units (3
 * here); a request that does not fit waits up to {@code app.rate-limit.concurrent-wait} (1 s) and
 * is then 429, while other users are served. Heavy requests of everyone together weigh at most
 * {@code app.rate-limit.heavy-units} (2 here). The user's writes (1 unit each) are kept in flight
 * by a transaction of the test that holds their collection locked; a heavy read in flight is
 * stood in for by units taken directly, since nothing holds a read back on SQLite.
 */
@TestPropertySource(
        properties = {
            "app.rate-limit.concurrent-per-user=3",
            "app.rate-limit.heavy-units=2",
            "app.rate-limit.concurrent-wait=1s"
        })
abstract class ConcurrentRequestLimitContract extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final String HEAVY_READ = "/api/v2/collections?per_page=1000&include=assets";

    @Autowired
    ConcurrentRequestLimit limit;

    @Autowired
    DataSource dataSource;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private User busy;
    private String busyToken;
    private String otherToken;
    private long held;
    private long others;

    @BeforeEach
    void twoUsers() {
        EnumSet<Scope> readWrite = EnumSet.of(Scope.COLLECTIONS_READ, Scope.COLLECTIONS_WRITE, Scope.ASSETS_READ);
        busy = fixtures.user("Busy");
        User other = fixtures.user("Other");
        busyToken = fixtures.token(busy, readWrite);
        otherToken = fixtures.token(other, readWrite);
        held = fixtures.collection(busy, "Held").create();
        others = fixtures.collection(other, "Other's").create();
    }

    @AfterEach
    void releaseEverything() {
        release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aUsersRequestBeyondItsUnitsWaitsThenIs429WhileOtherUsersAreServed() throws Exception {
        List<Future<ApiResponse>> writes = holdThreeWrites();

        long started = System.nanoTime();
        ApiResponse refused = api.get("/api/v2/collections/" + held, busyToken);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        ApiResponse served = api.get("/api/v2/collections/" + others, otherToken);

        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.json().get("message").asString())
                .isEqualTo("too many requests at once: one caller's requests in flight may take 3 units, and this"
                        + " one needs 1 (at most 1,000 items); it waited 1 s for the others to finish; retry when"
                        + " one has finished");
        assertThat(waited).isGreaterThanOrEqualTo(WAIT);
        assertThat(served.status()).as(served.body()).isEqualTo(200);
        release.countDown();
        for (Future<ApiResponse> write : writes) {
            assertThat(write.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        assertThat(budgets().inFlight(key(busy))).isZero();
        assertThat(api.get("/api/v2/collections/" + held, busyToken).status()).isEqualTo(200);
    }

    @Test
    void aWaitingRequestIsServedOnceOneOfTheUsersRequestsHasFinished() throws Exception {
        List<Future<ApiResponse>> writes = holdThreeWrites();

        Future<ApiResponse> waiting = threads.submit(() -> api.get("/api/v2/collections/" + held, busyToken));
        await(() -> budgets().waiting(key(busy)), 1);
        release.countDown();

        assertThat(waiting.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        for (Future<ApiResponse> write : writes) {
            assertThat(write.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }

    @Test
    void waitingRequestsHoldNoDatabaseConnection() throws Exception {
        List<Future<ApiResponse>> writes = holdThreeWrites();
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        int activeBefore = pool.getHikariPoolMXBean().getActiveConnections();

        List<Future<ApiResponse>> waiting = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waiting.add(threads.submit(() -> api.get("/api/v2/collections/" + held, busyToken)));
        }
        await(() -> budgets().waiting(key(busy)), 6);

        assertThat(pool.getHikariPoolMXBean().getActiveConnections())
                .as("six requests wait beside three writes in a pool of %d", pool.getMaximumPoolSize())
                .isLessThanOrEqualTo(activeBefore);
        release.countDown();
        for (Future<ApiResponse> request : waiting) {
            assertThat(request.get(10, TimeUnit.SECONDS).status()).isIn(200, 429);
        }
        for (Future<ApiResponse> write : writes) {
            assertThat(write.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
    }

    @Test
    void aHeavyReadLeavesRoomForOneCheapRequestOfItsUserButNotForASecondHeavyOne() throws Exception {
        InFlightBudgets.Admission heavyInFlight = budgets().admit(key(busy), 11);

        ApiResponse cheap = api.get("/api/v2/collections/" + held, busyToken);
        ApiResponse secondHeavy = api.get(HEAVY_READ, busyToken);
        ApiResponse othersItem = api.get("/api/v2/collections/" + others, otherToken);
        ApiResponse othersFirstPage = api.get("/api/v2/collections", otherToken);

        assertThat(cheap.status()).as(cheap.body()).isEqualTo(200);
        assertThat(secondHeavy.status()).as(secondHeavy.body()).isEqualTo(429);
        assertThat(secondHeavy.json().get("message").asString())
                .isEqualTo("too many requests at once: one caller's requests in flight may take 3 units, and this"
                        + " one needs 2 (per_page=1000 with 1 include: up to 11,000 items); it waited 1 s for the"
                        + " others to finish; retry when one has finished");
        assertThat(othersItem.status()).isEqualTo(200);
        assertThat(othersFirstPage.status()).isEqualTo(200);
        budgets().release(heavyInFlight);
        assertThat(api.get(HEAVY_READ, busyToken).status()).isEqualTo(200);
        assertThat(budgets().inFlight(key(busy))).isZero();
        assertThat(budgets().heavyInFlight()).isZero();
    }

    @Test
    void heavyReadsOfAllUsersTogetherWaitForTheHeavyUnitsThenAre503WhileCheapReadsAreServed() throws Exception {
        InFlightBudgets.Admission heavyInFlight = budgets().admit(key(busy), 11);

        ApiResponse othersHeavy = api.get(HEAVY_READ, otherToken);
        ApiResponse othersCheap = api.get("/api/v2/collections", otherToken);

        assertThat(othersHeavy.status()).as(othersHeavy.body()).isEqualTo(503);
        assertThat(othersHeavy.header("Retry-After")).isEqualTo("1");
        assertThat(othersHeavy.json().get("message").asString())
                .isEqualTo("the service is busy with other callers' large requests: this one (per_page=1000 with"
                        + " 1 include: up to 11,000 items) waited 1 s for them to finish; retry shortly, or ask for"
                        + " fewer items (per_page, include)");
        assertThat(othersCheap.status()).isEqualTo(200);
        budgets().release(heavyInFlight);
        assertThat(api.get(HEAVY_READ, otherToken).status()).isEqualTo(200);
    }

    /** Three writes of the busy user (its whole budget), kept in flight until {@link #release}. */
    private List<Future<ApiResponse>> holdThreeWrites() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        // On PostgreSQL the row lock holds the writes back; on SQLite an open write transaction
        // does (its transactions take turns).
        threads.submit(() -> db.transaction(transaction -> {
            var select = transaction.dsl().select(ID).from(COLLECTIONS).where(ID.eq(held));
            if (transaction.dsl().dialect().family() == SQLDialect.POSTGRES) {
                select.forUpdate().fetch();
            } else {
                select.fetch();
            }
            holding.countDown();
            release.await(20, TimeUnit.SECONDS);
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<ApiResponse>> writes = new ArrayList<>();
        for (String name : List.of("One", "Two", "Three")) {
            Callable<ApiResponse> write =
                    () -> api.patch("/api/v2/collections/" + held, busyToken, "{\"name\": \"" + name + "\"}");
            writes.add(threads.submit(write));
        }
        await(() -> budgets().inFlight(key(busy)), 3);
        return writes;
    }

    private InFlightBudgets budgets() {
        return limit.budgets();
    }

    private static String key(User user) {
        return "user:" + user.id();
    }

    private static void await(IntSupplier count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (count.getAsInt() != expected) {
            assertThat(System.nanoTime()).as("never reached " + expected).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
