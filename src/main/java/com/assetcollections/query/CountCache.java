package com.assetcollections.query;

import com.assetcollections.caches.CacheKey;
import com.assetcollections.caches.CacheLimit;
import com.assetcollections.caches.EstimatedBytes;
import com.assetcollections.caches.MeasuredCache;
import com.assetcollections.storage.ChangeScope;
import com.github.benmanes.caffeine.cache.Cache;

/**
 * Exact totals, remembered per version of the change scopes they depend on. A key holds the
 * version the total was counted on (read in the same statement), so a write (which marks its
 * scopes in its own transaction) makes every older entry unreachable at once; entries are never
 * served for data they were not counted on.
 */
public final class CountCache implements MeasuredCache {

    private final Cache<CacheKey, Long> totals;

    public CountCache(CacheLimit limit) {
        this.totals = limit.build((CacheKey key, Long total) -> CacheKey.BYTES + EstimatedBytes.OBJECT + Long.BYTES);
    }

    @Override
    public String cacheName() {
        return "totals";
    }

    @Override
    public Cache<?, ?> cacheForMetrics() {
        return totals;
    }

    public Long get(CacheKey key) {
        return totals.getIfPresent(key);
    }

    public void put(CacheKey key, long total) {
        totals.put(key, total);
    }

    public static CacheKey key(Source source, long version, ResourceQuery query) {
        return CacheKey.of(canonical(source, version, query));
    }

    /**
     * Which rows a list matches, within which scope, at which version: two different lists never
     * have the same text (filter values are escaped, see {@link ResourceQuery#matchKey()}).
     */
    static String canonical(Source source, long version, ResourceQuery query) {
        return ChangeScope.names(source.changes()) + '@' + version + '|' + source.scopeKey() + '|' + query.matchKey();
    }
}
