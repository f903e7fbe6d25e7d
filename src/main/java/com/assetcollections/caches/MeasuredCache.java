package com.assetcollections.caches;

import com.github.benmanes.caffeine.cache.Cache;

/** A bean that keeps one of the caches whose hits, misses and size the metrics show ({@link CacheMeters}). */
public interface MeasuredCache {

    /** The {@code cache} label of its series: totals, ordered_ids, includes, tokens. */
    String cacheName();

    Cache<?, ?> cacheForMetrics();
}
