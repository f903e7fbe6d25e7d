package com.assetcollections.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.TimeUnit;

/**
 * Counts requests per key (a user, {@code "user:5"}, or a client address group, {@code
 * "ip:192.0.2.7"} or {@code "ip:2001:db8:0:1::/64"}) against a limit per window. The in-memory
 * implementation serves one instance; {@link SharedOrLocalRateLimiter} counts in Redis when
 * several instances run, which is why keys name their kind: one store holds every limiter's
 * counts.
 */
public interface RateLimiter {

    Decision consume(String key);

    /**
     * @param remaining       requests left in the current window after this one
     * @param resetEpochSecond when the window is full again (unix time)
     * @param retryAfterSeconds for a refused request, how long to wait; 0 when allowed
     */
    record Decision(boolean allowed, long limit, long remaining, long resetEpochSecond, long retryAfterSeconds) {

        /** The decision a Bucket4j bucket of {@code limit} tokens took for one request. */
        static Decision of(ConsumptionProbe probe, long limit) {
            long nowMillis = System.currentTimeMillis();
            long resetNanos = probe.getNanosToWaitForReset();
            long reset = TimeUnit.MILLISECONDS.toSeconds(nowMillis + TimeUnit.NANOSECONDS.toMillis(resetNanos) + 999);
            if (probe.isConsumed()) {
                return new Decision(true, limit, probe.getRemainingTokens(), reset, 0);
            }
            long retryAfter =
                    Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            return new Decision(false, limit, 0, reset, retryAfter);
        }
    }
}
