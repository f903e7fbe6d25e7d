package com.assetcollections.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The ids of every row a list matches, in its order, remembered per change-scope version and caller
 * scope (same keys as {@link CountCache}). Ranking a search scores every matching row, and a
 * filtered, sorted page reads many rows to find a few; with the list a page is a slice and its
 * total the list's length. A write marks the version, so a list is never served for data it was
 * not computed on, and it holds only rows the scope let through.
 */
public final class OrderedIds {

    /** Longer lists are not kept: computing them costs about what paging through them directly does. */
    public static final int MAX_IDS = 100_000;
    /** Remembered in place of a list when more than {@link #MAX_IDS} rows match (compared by identity). */
    public static final long[] TOO_MANY = new long[0];

    private final Cache<String, long[]> lists;

    public OrderedIds(long maximumIds, Duration idleExpiry) {
        this.lists = Caffeine.newBuilder()
                .maximumWeight(maximumIds)
                .weigher((String key, long[] ids) -> ids.length + 16)
                .expireAfterAccess(idleExpiry)
                .build();
    }

    public long[] get(String key) {
        return lists.getIfPresent(key);
    }

    public void put(String key, long[] ids) {
        lists.put(key, ids);
    }
}
