package com.assetcollections.assets;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.MEMBERS;
import static com.assetcollections.collections.CollectionTable.MEMBER_ASSET_ID;
import static com.assetcollections.collections.CollectionTable.MEMBER_COLLECTION_ID;

import com.assetcollections.collections.CollectionTable;
import com.assetcollections.collections.Visibility;
import com.assetcollections.query.ResourceItems;
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

/** Loads {@code include=collections} for a page of assets in one query: only collections the caller may see. */
@Repository
class AssetIncludes {

    private final DSLContext db;

    AssetIncludes(DSLContext db) {
        this.db = db;
    }

    record Collections(List<Map<String, Object>> first, long count) implements ResourceItems.Related {}

    /**
     * The first {@code limit} collections holding each asset that the caller may see (see
     * {@link com.assetcollections.query.EmbedLimit}), by id, and how many the caller may see in all.
     */
    Map<Long, Collections> visibleCollections(Collection<Long> assetIds, long callerId, int limit) {
        Map<Long, Collections> byAsset = new HashMap<>();
        if (assetIds.isEmpty()) {
            return byAsset;
        }
        Field<Integer> rowNumber = DSL.rowNumber()
                .over()
                .partitionBy(MEMBER_ASSET_ID)
                .orderBy(CollectionTable.ID)
                .as("rn");
        Field<Integer> count = DSL.count().over().partitionBy(MEMBER_ASSET_ID).as("visible_count");
        var ranked = DSL.select(
                        MEMBER_ASSET_ID,
                        CollectionTable.ID,
                        CollectionTable.UUID_,
                        CollectionTable.NAME,
                        CollectionTable.COLLECTION_TYPE,
                        rowNumber,
                        count)
                .from(MEMBERS)
                .join(COLLECTIONS)
                .on(CollectionTable.ID.eq(MEMBER_COLLECTION_ID))
                .where(MEMBER_ASSET_ID.in(assetIds).and(Visibility.visibleTo(callerId)))
                .asTable("ranked");
        Field<Long> assetId = ranked.field(MEMBER_ASSET_ID.getName(), Long.class);
        Field<Long> collectionId = ranked.field(CollectionTable.ID.getName(), Long.class);
        Map<Long, List<Map<String, Object>>> lists = new HashMap<>();
        Map<Long, Long> counts = new HashMap<>();
        db.select(ranked.fields())
                .from(ranked)
                .where(ranked.field("rn", Integer.class).le(limit))
                .orderBy(assetId, collectionId)
                .forEach(r -> {
                    Map<String, Object> collection = new LinkedHashMap<>();
                    collection.put("id", r.get(collectionId));
                    collection.put("uuid", String.valueOf(r.get(CollectionTable.UUID_.getName())));
                    collection.put("name", r.get(CollectionTable.NAME.getName()));
                    collection.put("collection_type", r.get(CollectionTable.COLLECTION_TYPE.getName()));
                    lists.computeIfAbsent(r.get(assetId), k -> new ArrayList<>())
                            .add(collection);
                    counts.put(r.get(assetId), r.get("visible_count", Long.class));
                });
        for (Long id : assetIds) {
            byAsset.put(id, new Collections(lists.getOrDefault(id, List.of()), counts.getOrDefault(id, 0L)));
        }
        return byAsset;
    }
}
