package com.assetcollections.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Bearer tokens that did not authenticate, counted per client address group ({@code
 * app.rate-limit.failed-auth-per-minute} per {@code app.rate-limit.window}, in Bucket4j buckets
 * refilled in full once per window). Once a group has used up its allowance, {@link
 * BearerTokenFilter} answers 429 to the tokens it does not already hold as valid without looking
 * them up, so a client sending made-up tokens costs the database at most that many lookups per
 * window instead of one or two per request.
 */
public class FailedAuthentications {

    private final LoadingCache<String, Bucket> buckets;

    public FailedAuthentications(long limitPerWindow, Duration window) {
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(window.multipliedBy(2))
                .maximumSize(1_000_000)
                .build(group -> Bucket.builder()
                        .addLimit(l -> l.capacity(limitPerWindow).refillIntervally(limitPerWindow, window))
                        .build());
    }

    /** Seconds until {@code addressGroup} may have a token looked up again; 0 when it may now. */
    public long secondsUntilAllowed(String addressGroup) {
        Bucket bucket = buckets.getIfPresent(addressGroup);
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (probe.canBeConsumed()) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }

    /** Counts one token from {@code addressGroup} that did not authenticate. */
    public void count(String addressGroup) {
        buckets.get(addressGroup).tryConsume(1);
    }
}
