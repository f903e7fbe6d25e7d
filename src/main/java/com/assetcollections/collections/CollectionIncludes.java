package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.MEMBERS;
import static com.assetcollections.collections.CollectionTable.MEMBER_ASSET_ID;
import static com.assetcollections.collections.CollectionTable.MEMBER_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.MEMBER_POSITION;

import com.assetcollections.assets.AssetTable;
import java.util.ArrayList;
import java.util.Collection;
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
 */
@Repository
class CollectionIncludes {

    /** Most assets embedded per collection; {@code assets_count} tells how many there are in all. */
    static final int ASSETS_PER_COLLECTION = 100;

    private final DSLContext db;

    CollectionIncludes(DSLContext db) {
        this.db = db;
    }

    record Assets(List<Map<String, Object>> first, long count) {}

    /** Each collection's first assets in collection order (slim schema) and its asset count. */
    Map<Long, Assets> assets(Collection<Long> collectionIds) {
        Map<Long, Assets> byCollection = new HashMap<>();
        if (collectionIds.isEmpty()) {
            return byCollection;
        }
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
                    lists.computeIfAbsent(id, k -> new ArrayList<>()).add(asset);
                    counts.put(id, r.get("member_count", Long.class));
                });
        for (Long id : collectionIds) {
            byCollection.put(id, new Assets(lists.getOrDefault(id, List.of()), counts.getOrDefault(id, 0L)));
        }
        return byCollection;
    }
}
