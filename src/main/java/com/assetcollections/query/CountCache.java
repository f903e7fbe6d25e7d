package com.assetcollections.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Exact totals, remembered per version of the change scopes they depend on. A key holds the
 * version the total was counted on (read in the same statement), so a write (which marks its
 * scopes in its own transaction) makes every older entry unreachable at once; entries are never
 * served for data they were not counted on.
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
        return com.assetcollections.storage.ChangeScope.names(source.changes())
                + '@'
                + version
                + '|'
                + source.scopeKey()
                + '|'
                + query.matchKey();
    }
}
