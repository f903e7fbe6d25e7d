package com.assetcollections.query;

import com.assetcollections.caches.CacheKey;
import com.assetcollections.caches.CacheLimit;
import com.assetcollections.caches.EstimatedBytes;
import com.github.benmanes.caffeine.cache.Cache;

/**
 * The ids of every row a list matches, in its order, remembered per change-scope version and caller
 * scope (same keys as {@link CountCache}, plus the order). Ranking a search scores every matching
 * row, and a filtered, sorted page reads many rows to find a few; with the list a page is a slice
 * and its total the list's length. A write marks the version, so a list is never served for data it
 * was not computed on, and it holds only rows the scope let through.
 */
public final class OrderedIds {

    /** Longer lists are not kept: computing them costs about what paging through them directly does. */
    public static final int MAX_IDS = 100_000;
    /** Remembered in place of a list when more than {@link #MAX_IDS} rows match (compared by identity). */
    public static final long[] TOO_MANY = new long[0];

    private final Cache<CacheKey, long[]> lists;

    public OrderedIds(CacheLimit limit) {
        this.lists = limit.build((CacheKey key, long[] ids) -> CacheKey.BYTES + EstimatedBytes.of(ids));
    }

    public long[] get(CacheKey key) {
        return lists.getIfPresent(key);
    }

    public void put(CacheKey key, long[] ids) {
        lists.put(key, ids);
    }

    /** The key of the list of {@code source}'s rows matching {@code query} at {@code version}, in {@code order}. */
    static CacheKey key(Source source, long version, ResourceQuery query, String order) {
        return CacheKey.of(CountCache.canonical(source, version, query) + "|order=" + order);
    }
}
