package com.assetcollections.ratelimit;

/**
 * Counts in Redis, shared by every instance, while Redis answers; in this instance's memory
 * while it does not ({@link RedisAvailability} decides when to ask it again), so that requests
 * are still served and limited. During an outage each instance allows the whole limit on its
 * own; counting resumes in Redis, where the counts were left, once it answers again.
 */
class SharedOrLocalRateLimiter implements RateLimiter {

    private final RateLimiter shared;
    private final RateLimiter local;
    private final RedisAvailability availability;

    SharedOrLocalRateLimiter(RateLimiter shared, RateLimiter local, RedisAvailability availability) {
        this.shared = shared;
        this.local = local;
        this.availability = availability;
    }

    @Override
    public Decision consume(String key) {
        if (availability.mayAsk()) {
            try {
                Decision decision = shared.consume(key);
                availability.answered();
                return decision;
            } catch (RedisUnavailable e) {
                availability.failed(e);
            }
        }
        availability.limitedLocally();
        return local.consume(key);
    }
}
