package com.assetcollections.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Exact totals, remembered per data version. A key holds the version of the data the total was
 * counted on, so a write (which bumps the version in its own transaction) makes every older entry
 * unreachable at once; entries are never served for data they were not counted on.
 */
public final class CountCache {

    private final Cache<String, Long> totals;

    public CountCache(long maximumEntries, Duration idleExpiry) {
        this.totals = Caffeine.newBuilder()
                .maximumSize(maximumEntries)
                .expireAfterAccess(idleExpiry)
                .build();
    }

    public Long get(String key) {
        return totals.getIfPresent(key);
    }

    public void put(String key, long total) {
        totals.put(key, total);
    }

    public static String key(Source source, long version, ResourceQuery query) {
        return source.dataSet() + '@' + version + '|' + source.scopeKey() + '|' + query.matchKey();
    }
}
