package com.assetcollections.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assetcollections.ratelimit.RateLimiter.Decision;
import com.assetcollections.support.RedisServer;
import com.assetcollections.support.RequiresRedis;
import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Limiters of two would-be instances (each its own Redis connection) over one redis-server of the test's own. */
@RequiresRedis
class RedisRateLimiterTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static RedisServer redis;
    private final List<RedisBuckets> connections = new ArrayList<>();

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.stop();
    }

    @BeforeEach
    void emptyRedis() {
        redis.flush();
    }

    @AfterEach
    void closeConnections() {
        connections.forEach(RedisBuckets::close);
    }

    @Test
    void twoInstancesCountAgainstOneLimit() {
        RateLimiter first = limiter(10);
        RateLimiter second = limiter(10);
        long now = System.currentTimeMillis() / 1000;

        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            decisions.add((i % 2 == 0 ? first : second).consume("user:1"));
        }

        assertThat(decisions.stream().filter(Decision::allowed)).hasSize(10);
        assertThat(decisions)
                .extracting(Decision::remaining)
                .containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L, 0L, 0L, 0L, 0L, 0L);
        Decision refused = decisions.get(13);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(10);
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(refused.resetEpochSecond()).isBetween(now, now + 62);
    }

    @Test
    void concurrentRequestsThroughTwoInstancesNeverExceedTheLimit() throws Exception {
        List<RateLimiter> instances = List.of(limiter(100), limiter(100));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                RateLimiter instance = instances.get(t % 2);
                workers.add(() -> {
                    start.await();
                    int allowed = 0;
                    for (int i = 0; i < 25; i++) {
                        allowed += instance.consume("user:42").allowed() ? 1 : 0;
                    }
                    return allowed;
                });
            }
            List<Future<Integer>> results = workers.stream().map(pool::submit).toList();
            start.countDown();
            int allowed = 0;
            for (Future<Integer> result : results) {
                allowed += result.get();
            }
            assertThat(allowed).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aUserAndAnAddressHaveTheirOwnCounts() {
        RateLimiter limiter = limiter(1);
        assertThat(limiter.consume("user:1").allowed()).isTrue();
        assertThat(limiter.consume("user:1").allowed()).isFalse();
        assertThat(limiter.consume("ip:1").allowed()).isTrue();
    }

    @Test
    void aKeyExpiresSoonAfterItsWindowSoRedisHoldsActiveCallersOnly() {
        limiter(10).consume("user:7");

        String ttl = redis.command("PTTL asset-collections:rate-limit:user:7");

        assertThat(ttl).startsWith(":");
        assertThat(Long.parseLong(ttl.substring(1)))
                .as("milliseconds to live: the rest of the one-minute window and 10 s")
                .isBetween(1L, 70_000L);
    }

    @Test
    void failsWhileRedisIsDownAndCountsAgainOnceItIsBack() {
        RateLimiter limiter = limiter(10);
        assertThat(limiter.consume("user:1").remaining()).isEqualTo(9);

        redis.stop();
        try {
            assertThatThrownBy(() -> limiter.consume("user:1")).isInstanceOf(RedisUnavailable.class);
            assertThatThrownBy(() -> limiter.consume("user:1")).isInstanceOf(RedisUnavailable.class);
        } finally {
            redis.startAgain();
        }

        Decision again = awaitAnswer(limiter, "user:1");
        assertThat(again.allowed()).isTrue();
        assertThat(again.remaining()).as("a fresh Redis: a fresh count").isEqualTo(9);
    }

    @Test
    void connectsInTheBackgroundWhenRedisWasDownAtTheStart() {
        redis.stop();
        RateLimiter limiter;
        try {
            limiter = limiter(10);
            assertThatThrownBy(() -> limiter.consume("user:1")).isInstanceOf(RedisUnavailable.class);
        } finally {
            redis.startAgain();
        }

        assertThat(awaitAnswer(limiter, "user:1").remaining()).isEqualTo(9);
    }

    private RateLimiter limiter(long limit) {
        RedisBuckets buckets = new RedisBuckets(
                RedisURI.create("127.0.0.1", redis.port()),
                TIMEOUT,
                Duration.ofSeconds(1),
                Duration.ofMillis(100),
                new RedisAvailability(Duration.ofMillis(100), Duration.ofMinutes(1), System::nanoTime));
        connections.add(buckets);
        return new RedisRateLimiter(buckets, limit, Duration.ofMinutes(1));
    }

    /** The first decision Redis makes again (Lettuce reconnects every 100 ms here). */
    private static Decision awaitAnswer(RateLimiter limiter, String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                return limiter.consume(key);
            } catch (RedisUnavailable e) {
                assertThat(System.nanoTime())
                        .as("Redis answering again: " + e.getMessage())
                        .isLessThan(deadline);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
