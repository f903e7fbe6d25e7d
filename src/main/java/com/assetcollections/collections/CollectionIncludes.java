package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.MEMBERS;
import static com.assetcollections.collections.CollectionTable.MEMBER_ASSET_ID;
import static com.assetcollections.collections.CollectionTable.MEMBER_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.MEMBER_POSITION;

import com.assetcollections.assets.AssetTable;
import com.assetcollections.storage.DataVersions;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Loads the relationships {@code include=} asks for, for a whole page of collections at once: one
 * query per relationship, whatever the page size.
 *
 * <p>A collection's embedded assets are the same for every caller (assets are a catalogue; the
 * page itself was already cut to collections the caller may see), so they are remembered per
 * collection and {@code assets} data version, which triggers bump in the same transaction as any
 * write to assets or memberships. The version comes from the request's snapshot, read before the
 * assets, so an entry never holds data older than its version. Without this the include cost
 * 6× the page without it (10 embedded assets per collection: 250 asset rows for a page of 25).
 */
@Repository
class CollectionIncludes {

    /** Most assets embedded per collection; {@code assets_count} tells how many there are in all. */
    static final int ASSETS_PER_COLLECTION = 100;

    /** How many embedded assets (plus one per collection) the cache of {@link #assets} holds at most. */
    private static final long CACHED_ASSETS = 1_000_000;
    /** The data version bumped by writes to assets and memberships (V5 migrations). */
    private static final String ASSETS_VERSION = "assets";

    private final DSLContext db;
    private final DataVersions versions;
    private final Cache<String, Assets> cached = Caffeine.newBuilder()
            .maximumWeight(CACHED_ASSETS)
            .weigher((String key, Assets assets) -> assets.first().size() + 1)
            .build();

    CollectionIncludes(DSLContext db, DataVersions versions) {
        this.db = db;
        this.versions = versions;
    }

    /** The first assets, unmodifiable and shared between requests: callers narrow them into new maps. */
    record Assets(List<Map<String, Object>> first, long count) {}

    /** Each collection's first assets in collection order (slim schema) and its asset count. */
    Map<Long, Assets> assets(Collection<Long> collectionIds) {
        Map<Long, Assets> byCollection = new HashMap<>();
        if (collectionIds.isEmpty()) {
            return byCollection;
        }
        String version = versions.current(ASSETS_VERSION) + ":";
        List<Long> missing = new ArrayList<>();
        for (Long id : collectionIds) {
            Assets known = cached.getIfPresent(version + id);
            if (known == null) {
                missing.add(id);
            } else {
                byCollection.put(id, known);
            }
        }
        if (!missing.isEmpty()) {
            load(missing).forEach((id, assets) -> {
                cached.put(version + id, assets);
                byCollection.put(id, assets);
            });
        }
        return byCollection;
    }

    private Map<Long, Assets> load(List<Long> collectionIds) {
        Map<Long, Assets> byCollection = new HashMap<>();
        Field<Integer> rowNumber = DSL.rowNumber()
                .over()
                .partitionBy(MEMBER_COLLECTION_ID)
                .orderBy(MEMBER_POSITION, MEMBER_ASSET_ID)
                .as("rn");
        Field<Integer> count =
                DSL.count().over().partitionBy(MEMBER_COLLECTION_ID).as("member_count");
        var ranked = DSL.select(
                        MEMBER_COLLECTION_ID,
                        MEMBER_POSITION,
                        AssetTable.ID,
                        AssetTable.UUID_,
                        AssetTable.NAME,
                        AssetTable.ASSET_TYPE,
                        AssetTable.URL,
                        rowNumber,
                        count)
                .from(MEMBERS)
                .join(AssetTable.ASSETS)
                .on(AssetTable.ID.eq(MEMBER_ASSET_ID))
                .where(MEMBER_COLLECTION_ID.in(collectionIds))
                .asTable("ranked");
        Field<Long> collectionId = ranked.field(MEMBER_COLLECTION_ID.getName(), Long.class);
        Field<Integer> position = ranked.field(MEMBER_POSITION.getName(), Integer.class);
        Field<Long> assetId = ranked.field(AssetTable.ID.getName(), Long.class);
        Field<Integer> rn = ranked.field("rn", Integer.class);
        Map<Long, List<Map<String, Object>>> lists = new HashMap<>();
        Map<Long, Long> counts = new HashMap<>();
        db.select(ranked.fields())
                .from(ranked)
                .where(rn.le(ASSETS_PER_COLLECTION))
                .orderBy(collectionId, position, assetId)
                .forEach(r -> {
                    long id = r.get(collectionId);
                    Map<String, Object> asset = new LinkedHashMap<>();
                    asset.put("id", r.get(assetId));
                    asset.put("uuid", String.valueOf(r.get(AssetTable.UUID_.getName())));
                    asset.put("name", r.get(AssetTable.NAME.getName()));
                    asset.put("asset_type", r.get(AssetTable.ASSET_TYPE.getName()));
                    asset.put("url", r.get(AssetTable.URL.getName()));
                    lists.computeIfAbsent(id, k -> new ArrayList<>()).add(Collections.unmodifiableMap(asset));
                    counts.put(id, r.get("member_count", Long.class));
                });
        for (Long id : collectionIds) {
            byCollection.put(
                    id, new Assets(List.copyOf(lists.getOrDefault(id, List.of())), counts.getOrDefault(id, 0L)));
        }
        return byCollection;
    }
}
