package com.assetcollections.webhooks;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: after {@code first-retry}, then each wait
 * {@code multiplier} times longer, each varied at random by up to {@code jitter} either way (so that
 * the retries of many events failed at once do not come back at once).
 */
final class RetrySchedule {

    private final WebhookSettings settings;

    RetrySchedule(WebhookSettings settings) {
        this.settings = settings;
    }

    /** The wait after the {@code attempts}-th failed attempt. */
    Duration after(int attempts) {
        double base = settings.firstRetry().toMillis() * Math.pow(settings.multiplier(), attempts - 1);
        double jitter = 1 + settings.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(base * jitter)));
    }
}
