package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.ASSETS_COUNT;
import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.COLLECTION_TYPE;
import static com.assetcollections.collections.CollectionTable.CREATED_AT;
import static com.assetcollections.collections.CollectionTable.DESCRIPTION;
import static com.assetcollections.collections.CollectionTable.DESCRIPTION_FOLDED;
import static com.assetcollections.collections.CollectionTable.ID;
import static com.assetcollections.collections.CollectionTable.NAME;
import static com.assetcollections.collections.CollectionTable.NAME_FOLDED;
import static com.assetcollections.collections.CollectionTable.OWNER_ID;
import static com.assetcollections.collections.CollectionTable.UPDATED_AT;
import static com.assetcollections.collections.CollectionTable.UUID_;

import com.assetcollections.query.TombstoneUnion;
import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The list source of {@code filter[with_deleted]=1}: live collections and the tombstones of
 * deleted ones as one table named {@code collections}, so that every filter, sort and page of the
 * list applies to both. A tombstone row has its id, uuid, owner, type and created_at, an empty
 * name, and its deletion time as {@code updated_at}; it is written as {@code {id, uuid, deleted_at}}.
 */
final class CollectionsWithTombstones {

    static final TombstoneUnion UNION = new TombstoneUnion(
            COLLECTIONS,
            ID,
            UUID_,
            List.of(
                    ID,
                    UUID_,
                    OWNER_ID,
                    NAME,
                    NAME_FOLDED,
                    DESCRIPTION,
                    DESCRIPTION_FOLDED,
                    COLLECTION_TYPE,
                    ASSETS_COUNT,
                    CREATED_AT,
                    UPDATED_AT),
            Tombstones.COLLECTION_TOMBSTONES,
            List.of(
                    Tombstones.ID,
                    Tombstones.UUID_,
                    Tombstones.OWNER_ID,
                    DSL.inline(""),
                    DSL.inline(""),
                    DSL.inline(null, SQLDataType.VARCHAR),
                    DSL.inline(null, SQLDataType.VARCHAR),
                    Tombstones.COLLECTION_TYPE,
                    DSL.inline(0),
                    Tombstones.CREATED_AT,
                    Tombstones.DELETED_AT,
                    Tombstones.DELETED_AT));

    private CollectionsWithTombstones() {}

    /** Who may see a row of {@link #UNION}: as {@link Visibility}, plus those a deleted one was shared with. */
    static Condition visibleTo(long userId) {
        if (userId == com.assetcollections.auth.Caller.ANONYMOUS_USER_ID) {
            return Visibility.visibleTo(userId);
        }
        return Visibility.visibleTo(userId)
                .or(DSL.exists(DSL.selectOne()
                        .from(Tombstones.VIEWERS)
                        .where(Tombstones.VIEWER_COLLECTION_ID.eq(ID).and(Tombstones.VIEWER_USER_ID.eq(userId)))));
    }
}
