package com.assetcollections.web;

import io.micrometer.core.instrument.Metrics;
import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Runs a write transaction again when the database chose it as a deadlock victim (or could not
 * lock in time): the failed attempt changed nothing, so a fresh attempt is safe, and two writes
 * whose triggers touch shared rows in different orders (an asset delete and a membership change
 * of a collection holding it) then both succeed instead of one answering 503. Call it around the
 * outermost transactional call only; after the last attempt the failure reaches
 * {@code ApiExceptionHandler} (503 with Retry-After).
 */
public final class DeadlockRetry {

    static final int ATTEMPTS = 3;

    /** Writes that lost a lock race and were run again, as {@code api_write_conflicts_retried_total}. */
    public static final String RETRIED = "api.write.conflicts.retried";
    /** A lost race that a later attempt wins is routine, not an error: DEBUG only. */
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeadlockRetry.class);

    private DeadlockRetry() {}

    public static <T> T get(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("attempt {} lost a lock race, running it again: {}", attempt, e.getMessage());
                Metrics.counter(RETRIED).increment();
                pause(attempt);
            }
        }
    }

    public static void run(Runnable transaction) {
        get(() -> {
            transaction.run();
            return null;
        });
    }

    /** A short, growing, jittered wait, so the two victims do not meet again at once. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(5L * attempt
                    + java.util.concurrent.ThreadLocalRandom.current().nextLong(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
