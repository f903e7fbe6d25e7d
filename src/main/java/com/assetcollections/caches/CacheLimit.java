package com.assetcollections.caches;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * The bounds of one in-memory cache: the most bytes its entries may take, keys included, as
 * {@link EstimatedBytes} estimates them, and how long an entry nobody reads is kept. Most caches
 * here key their entries by the version of the data they were derived from, so an entry of an old
 * version is never read again: the idle expiry frees it even while the cache is far from full.
 */
public record CacheLimit(DataSize maxSize, Duration idle) {

    /** A cache within these bounds; {@code bytes} estimates an entry's key and value without the cache's own overhead. */
    public <K, V> Cache<K, V> build(EntryBytes<? super K, ? super V> bytes) {
        return sized(maxSize, bytes).expireAfterAccess(idle).build();
    }

    /**
     * A cache builder bounded by {@code maxSize} alone, for a cache whose expiry is part of what it
     * means rather than a setting.
     */
    public static <K, V> Caffeine<K, V> sized(DataSize maxSize, EntryBytes<? super K, ? super V> bytes) {
        return Caffeine.newBuilder()
                .maximumWeight(maxSize.toBytes())
                .weigher((K key, V value) -> weight(bytes.estimate(key, value)))
                .recordStats()
                // Evicts in the thread that inserted rather than later on the common pool, so that a
                // burst of large entries cannot outgrow the bound before the pool gets to it.
                .executor(Runnable::run);
    }

    /** Estimates what an entry's key and value take, in bytes. */
    @FunctionalInterface
    public interface EntryBytes<K, V> {
        long estimate(K key, V value);
    }

    private static int weight(long entryBytes) {
        return (int) Math.min(Integer.MAX_VALUE, EstimatedBytes.CACHE_ENTRY + entryBytes);
    }
}
