package com.assetcollections.ratelimit;

/**
 * Counts requests per user against a per-minute limit. The in-memory implementation serves one
 * instance; a shared store (Redis) implements the same interface when several instances run.
 */
public interface RateLimiter {

    Decision consume(long userId);

    /**
     * @param remaining       requests left in the current window after this one
     * @param resetEpochSecond when the window is full again (unix time)
     * @param retryAfterSeconds for a refused request, how long to wait; 0 when allowed
     */
    record Decision(boolean allowed, long limit, long remaining, long resetEpochSecond, long retryAfterSeconds) {}
}
