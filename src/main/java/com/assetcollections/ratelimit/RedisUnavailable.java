package com.assetcollections.ratelimit;

/** Redis did not answer a rate-limit request in time, or there is no connection to it. */
class RedisUnavailable extends RuntimeException {

    RedisUnavailable(String message) {
        super(message);
    }

    RedisUnavailable(String message, Throwable cause) {
        super(message + ": " + cause, cause);
    }
}
