package com.assetcollections.ratelimit;

/**
 * Counts requests per key (a user, {@code "user:5"}, or a client address group, {@code
 * "ip:192.0.2.7"} or {@code "ip:2001:db8:0:1::/64"}) against a limit per window. The in-memory implementation serves one instance; a shared store
 * (Redis) implements the same interface when several instances run, which is why keys name their
 * kind: one store can then hold every limiter's counts.
 */
public interface RateLimiter {

    Decision consume(String key);

    /**
     * @param remaining       requests left in the current window after this one
     * @param resetEpochSecond when the window is full again (unix time)
     * @param retryAfterSeconds for a refused request, how long to wait; 0 when allowed
     */
    record Decision(boolean allowed, long limit, long remaining, long resetEpochSecond, long retryAfterSeconds) {}
}
