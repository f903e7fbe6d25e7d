package com.assetcollections.collections;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.assetcollections.storage.ExpiredRows;
import com.assetcollections.storage.SqlTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

/**
 * What is left of deleted collections (id, uuid, deleted_at, and who could see them) so that
 * clients syncing with {@code filter[with_deleted]=1} learn of deletions. Kept for
 * {@code app.tombstones.kept}; older ones are removed by {@link #purgeExpired}, run on a
 * schedule (not by deletes: a delete touches only its own collection's rows).
 */
@Repository
public class Tombstones {

    public static final Table<?> COLLECTION_TOMBSTONES = table(name("collection_tombstones"));
    public static final Field<Long> ID = field(name("collection_tombstones", "id"), SQLDataType.BIGINT);
    public static final Field<UUID> UUID_ = field(name("collection_tombstones", "uuid"), SQLDataType.UUID);
    public static final Field<Long> OWNER_ID = field(name("collection_tombstones", "owner_id"), SQLDataType.BIGINT);
    public static final Field<String> COLLECTION_TYPE =
            field(name("collection_tombstones", "collection_type"), SQLDataType.VARCHAR);
    public static final Field<Instant> CREATED_AT =
            field(name("collection_tombstones", "created_at"), SqlTypes.TIMESTAMP);
    public static final Field<Instant> DELETED_AT =
            field(name("collection_tombstones", "deleted_at"), SqlTypes.TIMESTAMP);
    public static final Table<?> VIEWERS = table(name("collection_tombstone_viewers"));
    public static final Field<Long> VIEWER_COLLECTION_ID =
            field(name("collection_tombstone_viewers", "collection_id"), SQLDataType.BIGINT);
    public static final Field<Long> VIEWER_USER_ID =
            field(name("collection_tombstone_viewers", "user_id"), SQLDataType.BIGINT);

    private final DSLContext db;
    private final ExpiredRows expiredRows;
    private final Duration kept;

    Tombstones(DSLContext db, ExpiredRows expiredRows, @Value("${app.tombstones.kept:30d}") Duration kept) {
        this.db = db;
        this.expiredRows = expiredRows;
        this.kept = kept;
    }

    /** How long tombstones are kept: a sync older than this must start over. */
    public Duration kept() {
        return kept;
    }

    /** Removes the tombstones older than {@code app.tombstones.kept} (their viewers cascade); returns how many. */
    public int purgeExpired() {
        return expiredRows.purge(
                COLLECTION_TOMBSTONES, DELETED_AT, SqlTypes.now().minus(kept), ID);
    }

    /**
     * Records the collection's tombstone; call in the deleting transaction, before the delete.
     * Returns its {@code deleted_at}.
     */
    Instant buryCollection(long id) {
        Instant now = SqlTypes.now();
        db.insertInto(COLLECTION_TOMBSTONES, ID, UUID_, OWNER_ID, COLLECTION_TYPE, CREATED_AT, DELETED_AT)
                .select(DSL.select(
                                CollectionTable.ID,
                                CollectionTable.UUID_,
                                CollectionTable.OWNER_ID,
                                CollectionTable.COLLECTION_TYPE,
                                CollectionTable.CREATED_AT,
                                DSL.val(now, SqlTypes.TIMESTAMP))
                        .from(CollectionTable.COLLECTIONS)
                        .where(CollectionTable.ID.eq(id)))
                .execute();
        db.insertInto(VIEWERS, VIEWER_COLLECTION_ID, VIEWER_USER_ID)
                .select(DSL.select(CollectionTable.SHARE_COLLECTION_ID, CollectionTable.SHARE_USER_ID)
                        .from(CollectionTable.SHARES)
                        .where(CollectionTable.SHARE_COLLECTION_ID.eq(id)))
                .execute();
        return now;
    }
}
