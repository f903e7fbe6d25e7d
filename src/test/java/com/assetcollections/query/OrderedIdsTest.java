package com.assetcollections.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assetcollections.caches.CacheKey;
import com.assetcollections.caches.CacheLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class OrderedIdsTest {

    private static final DataSize LIMIT = DataSize.ofMegabytes(1);

    private final OrderedIds lists = new OrderedIds(new CacheLimit(LIMIT, Duration.ofHours(1)), 1 << 20);

    @Test
    void keepsNoMoreIdsThanItsBytesAllow() {
        int length = 10_000;

        IntStream.range(0, 100).forEach(n -> lists.compute(CacheKey.of("list " + n), 1, reach -> listing(length)));

        long kept = IntStream.range(0, 100)
                .filter(n -> lists.get(CacheKey.of("list " + n)) != null)
                .count();
        assertThat(kept).isPositive().isLessThanOrEqualTo(LIMIT.toBytes() / (Long.BYTES * length));
    }

    @Test
    void keepsNoListLargerThanItsWholeBound() {
        lists.compute(CacheKey.of("huge"), 1, reach -> listing((int) (LIMIT.toBytes() / Long.BYTES) + 1));

        assertThat(lists.get(CacheKey.of("huge"))).isNull();
    }

    @Test
    void requestsForAListBeingComputedWaitForThatComputation() throws Exception {
        CacheKey key = CacheKey.of("export");
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(9);
        try {
            Future<OrderedIds.Listing> first = threads.submit(() -> lists.compute(key, 100, reach -> {
                computations.incrementAndGet();
                started.countDown();
                await(release);
                return listing(100);
            }));
            started.await(5, TimeUnit.SECONDS);
            List<Future<OrderedIds.Listing>> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                others.add(threads.submit(() -> lists.compute(key, 50, reach -> {
                    computations.incrementAndGet();
                    return listing(50);
                })));
            }
            Thread.sleep(100);
            release.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS).ids()).hasSize(100);
            for (Future<OrderedIds.Listing> other : others) {
                assertThat(other.get(5, TimeUnit.SECONDS)).isSameAs(first.get());
            }
            assertThat(computations).hasValue(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRequestNeedingMoreThanTheRunningComputationReachesComputesAfterIt() throws Exception {
        CacheKey key = CacheKey.of("ranked");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<OrderedIds.Listing> shorter = threads.submit(() -> lists.compute(key, 10, reach -> {
                started.countDown();
                await(release);
                return listing(10);
            }));
            started.await(5, TimeUnit.SECONDS);
            Future<OrderedIds.Listing> longer = threads.submit(() -> lists.compute(key, 1000, reach -> listing(1000)));
            Thread.sleep(100);
            assertThat(longer.isDone()).as("waits for the running computation").isFalse();
            release.countDown();

            assertThat(shorter.get(5, TimeUnit.SECONDS).ids()).hasSize(10);
            assertThat(longer.get(5, TimeUnit.SECONDS).ids()).hasSize(1000);
            assertThat(lists.get(key).ids()).hasSize(1000);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFailedComputationFailsItsWaitersAndIsNotRemembered() {
        CacheKey key = CacheKey.of("failing");

        assertThatThrownBy(() -> lists.compute(key, 1, reach -> {
                    throw new IllegalStateException("statement timeout");
                }))
                .hasMessage("statement timeout");

        assertThat(lists.get(key)).isNull();
        assertThat(lists.compute(key, 1, reach -> listing(3)).ids()).hasSize(3);
    }

    private static OrderedIds.Listing listing(int length) {
        return new OrderedIds.Listing(1, length, 1, new long[length]);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
