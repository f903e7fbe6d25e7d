package com.assetcollections.collections;

import com.assetcollections.caches.CacheLimit;
import com.assetcollections.caches.EstimatedBytes;
import com.assetcollections.collections.CollectionIncludes.Assets;
import com.github.benmanes.caffeine.cache.Cache;

/**
 * The embedded assets of collections, per collection and version of its members scope (see
 * {@link CollectionIncludes}), bounded in bytes: an asset's URL alone may be 2,000 characters. An
 * entry loaded for a large page holds fewer assets than a small page embeds (see
 * {@link com.assetcollections.query.EmbedLimit}); it serves only requests that need no more.
 */
final class EmbeddedAssetsCache {

    private record Key(long collectionId, long version) {}

    private static final long KEY_BYTES = EstimatedBytes.OBJECT + 2 * Long.BYTES;

    private final Cache<Key, Assets> cached;

    EmbeddedAssetsCache(CacheLimit limit) {
        this.cached = limit.build((Key key, Assets assets) -> KEY_BYTES + assets.estimatedBytes());
    }

    /** The cache itself, for its hit and miss counts ({@code caches/CacheMeters}). */
    Cache<?, ?> cacheForMetrics() {
        return cached;
    }

    /** The first {@code limit} assets of the collection at {@code version}, or null unless known. */
    Assets get(long collectionId, long version, int limit) {
        Assets known = cached.getIfPresent(new Key(collectionId, version));
        return known != null && known.covers(limit) ? known.limitedTo(limit) : null;
    }

    /** Remembers the collection's first assets, unless an entry holding more is already known. */
    void put(long collectionId, long version, Assets assets) {
        cached.asMap()
                .merge(
                        new Key(collectionId, version),
                        assets,
                        (known, loaded) ->
                                known.first().size() >= loaded.first().size() ? known : loaded);
    }
}
