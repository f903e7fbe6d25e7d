package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.MEMBERS;
import static com.assetcollections.collections.CollectionTable.MEMBER_ASSET_ID;
import static com.assetcollections.collections.CollectionTable.MEMBER_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.MEMBER_POSITION;
import static com.assetcollections.storage.ChangeMarks.MARKS;
import static com.assetcollections.storage.ChangeMarks.MARK_KEY;
import static com.assetcollections.storage.ChangeMarks.MARK_KIND;
import static com.assetcollections.storage.ChangeMarks.MARK_VERSION;

import com.assetcollections.assets.AssetTable;
import com.assetcollections.caches.CacheLimit;
import com.assetcollections.caches.EstimatedBytes;
import com.assetcollections.caches.MeasuredCache;
import com.assetcollections.query.ResourceItems;
import com.assetcollections.storage.ChangeScope;
import com.assetcollections.storage.DataVersions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;
import org.springframework.util.unit.DataSize;

/**
 * Loads the relationships {@code include=} asks for, for a whole page of collections at once: one
 * query per relationship, whatever the page size.
 *
 * <p>A collection's embedded assets are the same for every caller (assets are a catalogue; the
 * page itself was already cut to collections the caller may see), so they are remembered per
 * collection and version of its {@link ChangeScope#membersOf members scope}, which triggers mark
 * in the same transaction as any change to its memberships or to an asset it holds. Each list is
 * stored under the version read in the statement that loaded it, so a write elsewhere costs no
 * other collection its entry. Without this the include cost 6× the page without it (10 embedded
 * assets per collection: 250 asset rows for a page of 25).
 */
@Repository
class CollectionIncludes implements MeasuredCache {

    private final DSLContext db;
    private final DataVersions versions;
    private final EmbeddedAssetsCache cached;

    CollectionIncludes(
            DSLContext db,
            DataVersions versions,
            @Value("${app.caches.embedded-assets.max-size:64MB}") DataSize cacheSize,
            @Value("${app.caches.embedded-assets.idle:30m}") Duration cacheIdle) {
        this.db = db;
        this.versions = versions;
        this.cached = new EmbeddedAssetsCache(new CacheLimit(cacheSize, cacheIdle));
    }

    /** The first assets, unmodifiable and shared between requests: callers narrow them into new maps. */
    record Assets(List<Map<String, Object>> first, long count) implements ResourceItems.Related {

        /** Whether {@link #first} holds the first {@code limit} assets, or all there are. */
        boolean covers(int limit) {
            return first.size() >= Math.min(limit, count);
        }

        Assets limitedTo(int limit) {
            return first.size() <= limit ? this : new Assets(first.subList(0, limit), count);
        }

        long estimatedBytes() {
            return EstimatedBytes.OBJECT + Long.BYTES + EstimatedBytes.ofJson(first);
        }
    }

    /**
     * Each collection's first assets in collection order (slim schema), at most {@code limit} (see
     * {@link com.assetcollections.query.EmbedLimit}), and its asset count.
     */
    @Override
    public String cacheName() {
        return "includes";
    }

    @Override
    public com.github.benmanes.caffeine.cache.Cache<?, ?> cacheForMetrics() {
        return cached.cacheForMetrics();
    }

    Map<Long, Assets> assets(Collection<Long> collectionIds, int limit) {
        Map<Long, Assets> byCollection = new HashMap<>();
        if (collectionIds.isEmpty()) {
            return byCollection;
        }
        Map<ChangeScope, Long> current =
                versions.each(collectionIds.stream().map(ChangeScope::membersOf).toList());
        List<Long> missing = new ArrayList<>();
        for (Long id : collectionIds) {
            Assets known = cached.get(id, current.get(ChangeScope.membersOf(id)), limit);
            if (known == null) {
                missing.add(id);
            } else {
                byCollection.put(id, known);
            }
        }
        if (!missing.isEmpty()) {
            load(missing, limit).forEach((id, loaded) -> {
                cached.put(id, loaded.version(), loaded.assets());
                byCollection.put(id, loaded.assets());
            });
        }
        for (Long id : collectionIds) {
            byCollection.putIfAbsent(id, new Assets(List.of(), 0));
        }
        return byCollection;
    }

    private record Loaded(Assets assets, long version) {}

    /**
     * The first {@code limit} assets of each collection, with the version of its members scope read
     * in the same statement. A collection deleted since the page was read is left out.
     */
    private Map<Long, Loaded> load(List<Long> collectionIds, int limit) {
        Table<?> marks = DSL.select(
                        MARK_KEY, DSL.sum(MARK_VERSION).cast(SQLDataType.BIGINT).as("members_version"))
                .from(MARKS)
                .where(MARK_KIND.eq("members").and(MARK_KEY.in(collectionIds)))
                .groupBy(MARK_KEY)
                .asTable("marks");
        Field<Long> markedVersion = marks.field("members_version", Long.class);
        Field<Integer> rowNumber = DSL.rowNumber()
                .over()
                .partitionBy(CollectionTable.ID)
                .orderBy(MEMBER_POSITION, MEMBER_ASSET_ID)
                .as("rn");
        Field<Integer> count = DSL.count(MEMBER_ASSET_ID)
                .over()
                .partitionBy(CollectionTable.ID)
                .as("member_count");
        var ranked = DSL.select(
                        CollectionTable.ID,
                        DSL.coalesce(markedVersion, 0L).as("version"),
                        MEMBER_POSITION,
                        AssetTable.ID.as("asset_id"),
                        AssetTable.UUID_,
                        AssetTable.NAME,
                        AssetTable.ASSET_TYPE,
                        AssetTable.URL,
                        rowNumber,
                        count)
                .from(CollectionTable.COLLECTIONS)
                .leftJoin(marks)
                .on(marks.field(MARK_KEY).eq(CollectionTable.ID))
                .leftJoin(MEMBERS.join(AssetTable.ASSETS).on(AssetTable.ID.eq(MEMBER_ASSET_ID)))
                .on(MEMBER_COLLECTION_ID.eq(CollectionTable.ID))
                .where(CollectionTable.ID.in(collectionIds))
                .asTable("ranked");
        Field<Long> collectionId = ranked.field(CollectionTable.ID.getName(), Long.class);
        Field<Integer> position = ranked.field(MEMBER_POSITION.getName(), Integer.class);
        Field<Long> assetId = ranked.field("asset_id", Long.class);
        Field<Integer> rn = ranked.field("rn", Integer.class);
        Map<Long, List<Map<String, Object>>> lists = new HashMap<>();
        Map<Long, long[]> countAndVersion = new HashMap<>();
        db.select(ranked.fields())
                .from(ranked)
                .where(rn.le(limit))
                .orderBy(collectionId, position, assetId)
                .forEach(r -> {
                    long id = r.get(collectionId);
                    countAndVersion.put(
                            id, new long[] {r.get("member_count", Long.class), r.get("version", Long.class)});
                    List<Map<String, Object>> list = lists.computeIfAbsent(id, k -> new ArrayList<>());
                    if (r.get(assetId) != null) {
                        list.add(slim(r, assetId));
                    }
                });
        Map<Long, Loaded> byCollection = new HashMap<>();
        countAndVersion.forEach((id, numbers) ->
                byCollection.put(id, new Loaded(new Assets(List.copyOf(lists.get(id)), numbers[0]), numbers[1])));
        return byCollection;
    }

    private static Map<String, Object> slim(Record r, Field<Long> assetId) {
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("id", r.get(assetId));
        asset.put("uuid", String.valueOf(r.get(AssetTable.UUID_.getName())));
        asset.put("name", r.get(AssetTable.NAME.getName()));
        asset.put("asset_type", r.get(AssetTable.ASSET_TYPE.getName()));
        asset.put("url", r.get(AssetTable.URL.getName()));
        return Collections.unmodifiableMap(asset);
    }
}
