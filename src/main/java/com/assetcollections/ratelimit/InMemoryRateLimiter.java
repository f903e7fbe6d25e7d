package com.assetcollections.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/** Bucket4j buckets, one per key, refilled in full once per window (a fixed window per key). */
public class InMemoryRateLimiter implements RateLimiter {

    private final long limit;
    private final LoadingCache<String, Bucket> buckets;

    public InMemoryRateLimiter(long limitPerWindow, Duration window) {
        this.limit = limitPerWindow;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(window.multipliedBy(2))
                .maximumSize(1_000_000)
                .build(key -> Bucket.builder()
                        .addLimit(l -> l.capacity(limitPerWindow).refillIntervally(limitPerWindow, window))
                        .build());
    }

    @Override
    public Decision consume(String key) {
        return Decision.of(buckets.get(key).tryConsumeAndReturnRemaining(1), limit);
    }
}
