package com.assetcollections.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

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
        ConsumptionProbe probe = buckets.get(key).tryConsumeAndReturnRemaining(1);
        long nowMillis = System.currentTimeMillis();
        long resetNanos = probe.getNanosToWaitForReset();
        long reset = TimeUnit.MILLISECONDS.toSeconds(nowMillis + TimeUnit.NANOSECONDS.toMillis(resetNanos) + 999);
        if (probe.isConsumed()) {
            return new Decision(true, limit, probe.getRemainingTokens(), reset, 0);
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new Decision(false, limit, 0, reset, retryAfter);
    }
}
