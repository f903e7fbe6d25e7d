package com.assetcollections.caches;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.List;
import org.springframework.stereotype.Component;

/** Hits, misses, evictions and size of each {@link MeasuredCache}, as {@code cache_*} series labelled by cache. */
@Component
class CacheMeters implements MeterBinder {

    private final List<MeasuredCache> caches;

    CacheMeters(List<MeasuredCache> caches) {
        this.caches = caches;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MeasuredCache cache : caches) {
            CaffeineCacheMetrics.monitor(registry, cache.cacheForMetrics(), cache.cacheName());
        }
    }
}
