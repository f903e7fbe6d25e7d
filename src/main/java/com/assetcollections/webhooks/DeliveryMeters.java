package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.DELIVERIES;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_STATUS;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The webhook series: {@code webhook_deliveries_pending} (the queue, counted when scraped, from the
 * partial index of pending deliveries), {@code webhook_attempts_total} by outcome (succeeded,
 * retrying, failed, gone), and {@code webhook_delivery_lag_seconds}: from when a delivery was due
 * (its event's time, or its retry's) to the attempt that delivered it; {@code
 * webhook_deliveries_paced_total}: sends that waited because the API was saturated.
 */
@Component
class DeliveryMeters implements MeterBinder {

    private static final String ATTEMPTS = "webhook.attempts";
    static final String PACED = "webhook.deliveries.paced";

    private final DSLContext db;

    DeliveryMeters(DSLContext db) {
        this.db = db;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("webhook.deliveries.pending", this, meters -> meters.pending())
                .description("deliveries waiting to be sent or retried")
                .register(registry);
        for (String outcome : List.of("succeeded", "retrying", "failed", "gone")) {
            Counter.builder(ATTEMPTS)
                    .tag("outcome", outcome)
                    .description("delivery attempts, by what came of them")
                    .register(registry);
        }
        lag(registry);
        Counter.builder(PACED)
                .description("sends that waited for their turn because the API was saturated")
                .register(registry);
    }

    private static Timer lag(MeterRegistry registry) {
        return Timer.builder("webhook.delivery.lag")
                .description("from when a delivery was due to the attempt that delivered it")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    private double pending() {
        return db.fetchCount(DELIVERIES, DELIVERY_STATUS.eq("pending"));
    }

    static void succeeded(Instant due, Instant attempted) {
        Metrics.counter(ATTEMPTS, "outcome", "succeeded").increment();
        Duration lag = Duration.between(due, attempted);
        lag(Metrics.globalRegistry).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    static void failed(boolean gone, boolean willRetry) {
        Metrics.counter(ATTEMPTS, "outcome", gone ? "gone" : willRetry ? "retrying" : "failed")
                .increment();
    }
}
