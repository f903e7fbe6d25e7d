package com.assetcollections.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.AssetCollectionsApplication;
import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.OnSqlite;
import com.assetcollections.support.RedisServer;
import com.assetcollections.support.RequiresRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Two instances of the service (this test's and a second one on its own port) over one SQLite
 * database and one redis-server of the test's own, which the test stops and starts again: one
 * user's limit (and one address's anonymous limit) holds across both instances, requests are
 * served and limited by each instance alone while Redis is down, and shared again once it is back.
 */
@OnSqlite
@RequiresRedis
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext // closed after the class: its Redis client would otherwise retry the stopped server until the JVM exits
@TestPropertySource(
        properties = {
            "app.rate-limit.per-minute=" + RedisRateLimitSqliteTest.LIMIT,
            "app.anonymous-read.enabled=true",
            "app.anonymous-read.per-minute=" + RedisRateLimitSqliteTest.ANONYMOUS_LIMIT,
            "app.rate-limit.redis.recheck-interval=100ms",
            "spring.data.redis.host=127.0.0.1"
        })
class RedisRateLimitSqliteTest extends ApiTestBase {

    static final int LIMIT = 20;
    static final int ANONYMOUS_LIMIT = 10;
    private static final String PATH = "/api/v2/collections";
    private static final String REDIS_LOST = "Redis does not answer";

    private static RedisServer redis;
    private static ConfigurableApplicationContext second;
    private ApiClient other;

    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void redisPort(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", () -> redis().port());
    }

    private static synchronized RedisServer redis() {
        if (redis == null) {
            redis = RedisServer.start();
        }
        return redis;
    }

    @BeforeEach
    void emptyRedisAndSecondInstance() {
        redis().flush();
        if (second == null) {
            second = new SpringApplicationBuilder(AssetCollectionsApplication.class)
                    .run(
                            "--server.port=0",
                            "--app.demo-data=false",
                            "--app.rate-limit.per-minute=" + LIMIT,
                            "--app.anonymous-read.enabled=true",
                            "--app.anonymous-read.per-minute=" + ANONYMOUS_LIMIT,
                            "--app.rate-limit.failed-auth-per-minute=1000000",
                            "--app.rate-limit.concurrent-per-user=1000",
                            "--app.rate-limit.heavy-units=1000000",
                            "--app.rate-limit.redis.recheck-interval=100ms",
                            "--app.idempotency-keys.purge-interval=" + NEVER,
                            "--app.tombstones.purge-interval=" + NEVER,
                            "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                            "--spring.datasource.hikari.maximum-pool-size=2",
                            "--spring.data.redis.host=127.0.0.1",
                            "--spring.data.redis.port=" + redis().port());
        }
        other = new ApiClient(
                ((WebServerApplicationContext) second).getWebServer().getPort());
        // an instance whose first connection came too late for its first request asks Redis on a later one
        awaitShared();
    }

    @AfterAll
    static void stopSecondInstanceAndRedis() {
        if (second != null) {
            second.close();
            second = null;
        }
        if (redis != null) {
            redis.stop();
        }
    }

    @Test
    void oneUsersLimitHoldsAcrossBothInstances() {
        String token = fixtures.token(fixtures.user("Alice"));

        List<ApiResponse> responses = alternating(2 * LIMIT, token);

        assertThat(responses.subList(0, LIMIT))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(responses.subList(LIMIT, 2 * LIMIT)).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("X-RateLimit-Limit")).isEqualTo(Integer.toString(LIMIT));
            assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(Long.parseLong(refused.header("X-RateLimit-Reset")))
                    .isBetween(System.currentTimeMillis() / 1000, System.currentTimeMillis() / 1000 + 61);
        });
        assertThat(remaining(responses.subList(0, LIMIT)))
                .as("one count, whichever instance answered")
                .isEqualTo(countdown(LIMIT));
    }

    @Test
    void concurrentRequestsOfOneUserThroughBothInstancesStayWithinTheLimit() throws Exception {
        String token = fixtures.token(fixtures.user("Alice"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                ApiClient instance = t % 2 == 0 ? api : other;
                clients.add(() -> {
                    start.await();
                    int allowed = 0;
                    for (int i = 0; i < LIMIT; i++) {
                        allowed += instance.get(PATH, token).status() == 200 ? 1 : 0;
                    }
                    return allowed;
                });
            }
            List<Future<Integer>> results = clients.stream().map(pool::submit).toList();
            start.countDown();
            int allowed = 0;
            for (Future<Integer> result : results) {
                allowed += result.get();
            }
            assertThat(allowed).as("of %d requests", 4 * LIMIT).isEqualTo(LIMIT);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anonymousReadersOfOneAddressShareTheirLimitAcrossBothInstances() {
        List<ApiResponse> responses = alternating(2 * ANONYMOUS_LIMIT, null);

        assertThat(responses)
                .extracting(ApiResponse::status)
                .filteredOn(s -> s == 200)
                .hasSize(ANONYMOUS_LIMIT);
        assertThat(remaining(responses.subList(0, ANONYMOUS_LIMIT))).isEqualTo(countdown(ANONYMOUS_LIMIT));
    }

    @Test
    void whileRedisIsDownEachInstanceServesAndLimitsAloneThenTheyShareAgain(CapturedOutput output) {
        String token = fixtures.token(fixtures.user("Alice"));
        assertThat(api.get(PATH, token).header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(LIMIT - 1));

        List<ApiResponse> duringOutage = new ArrayList<>();
        ApiResponse health;
        redis.stop();
        try {
            for (int i = 0; i <= LIMIT; i++) {
                duringOutage.add(api.get(PATH, token));
            }
            health = api.get("/health", null);
        } finally {
            redis.startAgain();
        }

        assertThat(duringOutage.subList(0, LIMIT))
                .as("served, limited by this instance alone from a fresh count")
                .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        assertThat(remaining(duringOutage.subList(0, LIMIT))).isEqualTo(countdown(LIMIT));
        assertThat(duringOutage.get(LIMIT).status()).isEqualTo(429);
        assertThat(duringOutage.get(LIMIT).header("Retry-After")).isNotBlank();
        assertThat(health.status()).as("Redis is not needed to serve").isEqualTo(200);
        assertThat(health.json().get("rate_limits").get("redis").asString()).isEqualTo("unreachable");
        assertThat(health.json().get("rate_limits").get("redis_outages").asLong())
                .isPositive();
        assertThat(health.json()
                        .get("rate_limits")
                        .get("requests_limited_locally")
                        .asLong())
                .isGreaterThanOrEqualTo(LIMIT + 1);
        assertThat(occurrences(output.getOut(), REDIS_LOST))
                .as("one warning for %d requests", LIMIT + 1)
                .isEqualTo(1);

        awaitShared();
        String other = fixtures.token(fixtures.user("Bob"));
        List<ApiResponse> afterwards = alternating(2 * LIMIT, other);
        assertThat(afterwards)
                .extracting(ApiResponse::status)
                .filteredOn(s -> s == 200)
                .hasSize(LIMIT);
        assertThat(remaining(afterwards.subList(0, LIMIT))).isEqualTo(countdown(LIMIT));
    }

    /** Requests of one caller (null: anonymous), the first to this instance, then to each in turn. */
    private List<ApiResponse> alternating(int count, String token) {
        List<ApiResponse> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add((i % 2 == 0 ? api : other).get(PATH, token));
        }
        return responses;
    }

    /**
     * Sends each instance requests (of a user of its own) until both say they count in Redis again:
     * an instance asks Redis again on a request, once per recheck interval.
     */
    private void awaitShared() {
        String token = fixtures.token(fixtures.user("Probe"));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!sharedBy(api, token) | !sharedBy(other, token)) {
            assertThat(System.nanoTime())
                    .as("both instances sharing limits again")
                    .isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean sharedBy(ApiClient instance, String token) {
        instance.get(PATH, token);
        return "up"
                .equals(instance.get("/health", null)
                        .json()
                        .get("rate_limits")
                        .get("redis")
                        .asString());
    }

    private static List<String> remaining(List<ApiResponse> responses) {
        return responses.stream().map(r -> r.header("X-RateLimit-Remaining")).toList();
    }

    private static List<String> countdown(int limit) {
        List<String> values = new ArrayList<>();
        for (int left = limit - 1; left >= 0; left--) {
            values.add(Integer.toString(left));
        }
        return values;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
