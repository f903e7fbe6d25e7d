package com.assetcollections.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.ratelimit.RateLimiter.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {

    @Test
    void allowsTheLimitThenRefusesWithTheTimeToWait() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(5, Duration.ofMinutes(1));
        long now = System.currentTimeMillis() / 1000;
        for (int i = 0; i < 5; i++) {
            Decision decision = limiter.consume("user:1");
            assertThat(decision.allowed()).as("request %d", i + 1).isTrue();
            assertThat(decision.limit()).isEqualTo(5);
            assertThat(decision.remaining()).isEqualTo(4 - i);
            assertThat(decision.retryAfterSeconds()).isZero();
        }
        Decision refused = limiter.consume("user:1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(5);
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds())
                .as("the rest of the one-minute window")
                .isBetween(58L, 60L);
        assertThat(refused.resetEpochSecond()).isBetween(now + 58, now + 62);
    }

    @Test
    void resetIsTheEndOfTheWindowForAllowedRequestsToo() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(5, Duration.ofMinutes(1));
        long now = System.currentTimeMillis() / 1000;
        limiter.consume("user:1");
        assertThat(limiter.consume("user:1").resetEpochSecond()).isBetween(now, now + 62);
    }

    @Test
    void countsEachUserSeparately() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(2, Duration.ofMinutes(1));
        limiter.consume("user:1");
        limiter.consume("user:1");
        assertThat(limiter.consume("user:1").allowed()).isFalse();

        Decision other = limiter.consume("user:2");
        assertThat(other.allowed()).isTrue();
        assertThat(other.remaining()).isEqualTo(1);
    }

    @Test
    void aUserAndAClientAddressWithTheSameNumberHaveTheirOwnCounts() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(1, Duration.ofMinutes(1));
        limiter.consume("user:1");
        assertThat(limiter.consume("user:1").allowed()).isFalse();

        assertThat(limiter.consume("ip:1").allowed()).isTrue();
    }

    @Test
    void refillsInFullOnceTheWindowHasPassed() throws InterruptedException {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(3, Duration.ofMillis(300));
        for (int i = 0; i < 3; i++) {
            limiter.consume("user:7");
        }
        Decision refused = limiter.consume("user:7");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).as("never less than a second").isEqualTo(1);

        Thread.sleep(350);

        Decision again = limiter.consume("user:7");
        assertThat(again.allowed()).isTrue();
        assertThat(again.remaining()).isEqualTo(2);
    }

    @Test
    void refusedRequestsDoNotUseUpTheNextWindow() throws InterruptedException {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(2, Duration.ofMillis(300));
        for (int i = 0; i < 10; i++) {
            limiter.consume("user:3");
        }
        Thread.sleep(350);
        assertThat(limiter.consume("user:3").remaining()).isEqualTo(1);
        assertThat(limiter.consume("user:3").allowed()).isTrue();
        assertThat(limiter.consume("user:3").allowed()).isFalse();
    }

    @Test
    void concurrentRequestsOfOneUserNeverExceedTheLimit() throws Exception {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(100, Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(() -> {
                    start.await();
                    int allowed = 0;
                    for (int i = 0; i < 50; i++) {
                        allowed += limiter.consume("user:42").allowed() ? 1 : 0;
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
}
