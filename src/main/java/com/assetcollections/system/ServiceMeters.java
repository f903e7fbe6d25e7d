package com.assetcollections.system;

import com.assetcollections.ratelimit.Rejections;
import com.assetcollections.web.DeadlockRetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** The counters that code without a registry of its own increments, registered at 0 from the start. */
@Component
class ServiceMeters implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        Rejections.register(registry);
        Counter.builder(DeadlockRetry.RETRIED)
                .description("writes that lost a lock race (deadlock) and were run again")
                .register(registry);
    }
}
