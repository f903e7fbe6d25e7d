package com.assetcollections.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * Counts in Bucket4j buckets kept in Redis ({@link RedisBuckets}), so every instance using the
 * same Redis counts against one limit: the same fixed window per key as {@link
 * InMemoryRateLimiter}. Throws {@link RedisUnavailable} when Redis does not answer in time.
 */
class RedisRateLimiter implements RateLimiter {

    private final RedisBuckets buckets;
    private final long limit;
    private final BucketConfiguration configuration;

    RedisRateLimiter(RedisBuckets buckets, long limitPerWindow, Duration window) {
        this.buckets = buckets;
        this.limit = limitPerWindow;
        this.configuration = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limitPerWindow).refillIntervally(limitPerWindow, window))
                .build();
    }

    @Override
    public Decision consume(String key) {
        try {
            return Decision.of(buckets.bucket(key, configuration).tryConsumeAndReturnRemaining(1), limit);
        } catch (RedisUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            // Bucket4j's timeout, Lettuce's "not connected" or command failures alike
            throw new RedisUnavailable("Redis failed to count a request", e);
        }
    }
}
