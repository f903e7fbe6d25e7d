package com.assetcollections.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.List;

/**
 * Counts the requests a limit turned away, as {@code api_rate_limit_rejections_total} labelled by
 * the limit: {@code requests} (per minute), {@code concurrent} (in flight per caller), {@code heavy}
 * (expensive requests in flight, 503), {@code failed_authentications}.
 */
public final class Rejections {

    private static final String NAME = "api.rate.limit.rejections";
    private static final List<String> LIMITS = List.of("requests", "concurrent", "heavy", "failed_authentications");

    private Rejections() {}

    public static void count(String limit) {
        Metrics.counter(NAME, "limit", limit).increment();
    }

    /** Each limit's series from the start, at 0, so that a rate over it is defined before the first rejection. */
    public static void register(MeterRegistry registry) {
        for (String limit : LIMITS) {
            Counter.builder(NAME)
                    .tag("limit", limit)
                    .description("requests a limit turned away, by limit")
                    .register(registry);
        }
    }
}
