package com.assetcollections.query;

import com.assetcollections.caches.CacheKey;
import com.assetcollections.caches.CacheLimit;
import com.assetcollections.caches.EstimatedBytes;
import com.assetcollections.caches.MeasuredCache;
import com.github.benmanes.caffeine.cache.Cache;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * The positions of a list's rows, remembered per list (which rows, within which caller's scope, in
 * which order) with the data version they were read at: with them, page N is a slice of ids or a
 * seek from a known row instead of skipping N pages of rows, and a ranked search is ranked once
 * per version instead of once per page.
 *
 * <p>A list is computed by one request at a time: requests that need the same list while it is
 * being computed wait for that computation instead of repeating it (a client fetching every page
 * of a result in parallel costs one pass over the result, not one per page).
 */
public final class OrderedIds implements MeasuredCache {

    private final int maxKept;
    private final Cache<CacheKey, Listing> lists;
    private final ConcurrentHashMap<CacheKey, Computation> running = new ConcurrentHashMap<>();

    /** @param maxKept the most ids one listing keeps; a longer list keeps every second, fourth, ... row */
    public OrderedIds(CacheLimit limit, int maxKept) {
        this.maxKept = maxKept;
        this.lists = limit.build((CacheKey key, Listing listing) -> CacheKey.BYTES + listing.bytes());
    }

    @Override
    public String cacheName() {
        return "ordered_ids";
    }

    @Override
    public Cache<?, ?> cacheForMetrics() {
        return lists;
    }

    /**
     * Where a list's rows are at one version: {@code ids[j]} is the id of the row at offset
     * {@code (j + 1) * stride - 1}, so that the rows of block {@code b} (offsets {@code b * stride}
     * on) follow the row {@code ids[b - 1]}. With stride 1 the ids are the rows themselves, in
     * order; a ranked listing may keep only the first {@code ids.length} of {@code total} rows.
     *
     * @param version the data version of the list's change scopes, read with the ids
     */
    public record Listing(long version, long total, int stride, long[] ids) {

        /** Whether the rows before {@code end} can be found from this listing. */
        boolean reaches(long end) {
            return stride > 1 || ids.length >= Math.min(end, total);
        }

        long bytes() {
            return EstimatedBytes.OBJECT + 3 * Long.BYTES + EstimatedBytes.of(ids);
        }
    }

    public int maxKept() {
        return maxKept;
    }

    /** The listing of {@code key} if one is known, whatever its version. */
    public Listing get(CacheKey key) {
        return lists.getIfPresent(key);
    }

    /**
     * A listing of {@code key} computed by {@code compute} for rows up to {@code reach} (its
     * argument), or by a computation of the same list already running whose reach is enough; null
     * when the computation gave none. The listing may be of a newer version than the caller read:
     * callers check the version when they read rows with it.
     */
    public Listing compute(CacheKey key, long reach, LongFunction<Listing> compute) {
        while (true) {
            Computation mine = new Computation(reach, new CompletableFuture<>());
            Computation current = running.putIfAbsent(key, mine);
            if (current == null) {
                return run(key, mine, compute);
            }
            if (current.reach() >= reach) {
                return join(current.result());
            }
            join(current.result()); // a shorter one is running: wait for it, then compute ours
        }
    }

    private Listing run(CacheKey key, Computation mine, LongFunction<Listing> compute) {
        try {
            Listing listing = compute.apply(mine.reach());
            if (listing != null) {
                lists.put(key, listing);
            }
            mine.result().complete(listing);
            return listing;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    private static Listing join(CompletableFuture<Listing> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The key of the list of {@code source}'s rows matching {@code query} in {@code order}, at any version. */
    static CacheKey key(Source source, ResourceQuery query, String order) {
        return CacheKey.of(CountCache.canonical(source, -1, query) + "|order=" + order);
    }

    private record Computation(long reach, CompletableFuture<Listing> result) {}
}
