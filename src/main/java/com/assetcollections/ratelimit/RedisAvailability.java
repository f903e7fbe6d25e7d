package com.assetcollections.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the shared limits' Redis is worth asking, like a circuit breaker: after a failure,
 * requests are limited in this instance's memory for {@code recheckInterval}, then one request
 * (one, not every request arriving then) asks Redis again. A dead Redis so costs at most one
 * request per interval a timeout, instead of every request. Logs one warning when Redis is lost,
 * a reminder at most once per {@code reminderInterval} while it stays away, and one line when it
 * answers again; counts outages and the requests limited locally (shown by {@code /health}).
 */
public class RedisAvailability {

    private static final Logger log = LoggerFactory.getLogger(RedisAvailability.class);

    private final long recheckNanos;
    private final long reminderNanos;
    private final LongSupplier nanoClock;
    private final AtomicBoolean up = new AtomicBoolean(true);
    /** While down: when (nanoClock) the next request may ask Redis. */
    private final AtomicLong nextCheck = new AtomicLong();

    private final AtomicLong lastWarning = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();
    private final AtomicLong limitedLocally = new AtomicLong();

    public RedisAvailability(Duration recheckInterval, Duration reminderInterval, LongSupplier nanoClock) {
        this.recheckNanos = recheckInterval.toNanos();
        this.reminderNanos = reminderInterval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** True when this request should ask Redis: always while it answers, once per interval while not. */
    boolean mayAsk() {
        if (up.get()) {
            return true;
        }
        long due = nextCheck.get();
        long now = nanoClock.getAsLong();
        return now - due >= 0 && nextCheck.compareAndSet(due, now + recheckNanos);
    }

    void answered() {
        if (up.compareAndSet(false, true)) {
            log.info(
                    "Redis answers again: rate limits are shared across instances again ({} requests were limited"
                            + " by this instance alone)",
                    limitedLocally.get());
        }
    }

    void failed(RedisUnavailable failure) {
        long now = nanoClock.getAsLong();
        nextCheck.set(now + recheckNanos);
        if (up.compareAndSet(true, false)) {
            outages.incrementAndGet();
            lastWarning.set(now);
            log.warn(
                    "Redis does not answer ({}): rate limits are counted by each instance alone until it does;"
                            + " asking again every {}",
                    failure.getMessage(),
                    Duration.ofNanos(recheckNanos));
        }
    }

    /** Notes one request limited by this instance alone; reminds of the outage now and then. */
    void limitedLocally() {
        long count = limitedLocally.incrementAndGet();
        long now = nanoClock.getAsLong();
        long warned = lastWarning.get();
        if (!up.get() && now - warned >= reminderNanos && lastWarning.compareAndSet(warned, now)) {
            log.warn("Redis still does not answer: {} requests limited by this instance alone so far", count);
        }
    }

    /** Whether Redis answered the last request that asked it. */
    public boolean up() {
        return up.get();
    }

    /** How often Redis was lost since the start. */
    public long outages() {
        return outages.get();
    }

    /** Requests limited by this instance alone since the start because Redis did not answer. */
    public long requestsLimitedLocally() {
        return limitedLocally.get();
    }
}
