package com.assetcollections.webhooks;

import com.assetcollections.system.Saturation;
import io.micrometer.core.instrument.Metrics;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Deliveries give way to the API. While it is saturated ({@link Saturation}), the sends of this
 * instance's turns together go at most {@code app.webhooks.busy-rate} a second, one after another
 * at even intervals; otherwise as fast as the receivers answer. A delivery costs about as much CPU
 * as a write, so on a machine whose processors the writes fill, sending at full speed would take a
 * share of them from the writes; paced, the queue grows while the API is saturated (never faster
 * than the writes) and is sent at full speed once it is not. {@code busy-rate} 0 never paces.
 */
@Component
class DeliveryPace {

    /** How often a waiting send looks whether the API is still saturated. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final BooleanSupplier saturated;
    private final long intervalNanos;
    /** When the next paced send may start (guarded by this). */
    private long nextTurn = Long.MIN_VALUE;

    @Autowired
    DeliveryPace(Saturation saturation, WebhookSettings settings) {
        this(saturation::saturated, settings.busyRate());
    }

    DeliveryPace(BooleanSupplier saturated, int perSecond) {
        this.saturated = saturated;
        this.intervalNanos = perSecond > 0 ? TimeUnit.SECONDS.toNanos(1) / perSecond : 0;
    }

    /**
     * Waits for the next send's turn, or until the API is no longer saturated, whichever comes
     * first (a turn taken far ahead does not hold a send back once the load has gone); false when
     * interrupted.
     */
    boolean awaitTurn() {
        long start = System.nanoTime();
        long wait = reserve(start);
        if (wait <= 0) {
            return true;
        }
        Metrics.counter(DeliveryMeters.PACED).increment();
        try {
            long until = start + wait;
            for (long left = wait; left > 0 && saturated.getAsBoolean(); left = until - System.nanoTime()) {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, RECHECK_NANOS));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Takes the next turn at {@code now} (a {@link System#nanoTime()}); returns how long to wait for it. */
    synchronized long reserve(long now) {
        if (intervalNanos == 0 || !saturated.getAsBoolean()) {
            nextTurn = now;
            return 0;
        }
        long turn = Math.max(now, nextTurn);
        nextTurn = turn + intervalNanos;
        return turn - now;
    }
}
