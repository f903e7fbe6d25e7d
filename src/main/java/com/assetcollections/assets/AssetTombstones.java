package com.assetcollections.assets;

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
 * What is left of deleted assets (id, uuid, owner, created_at, deleted_at) so that clients syncing
 * with {@code filter[with_deleted]=1} learn of deletions. Kept for {@code app.tombstones.kept},
 * as collection tombstones are; older ones are removed by {@link #purgeExpired}, run on a schedule.
 */
@Repository
public class AssetTombstones {

    public static final Table<?> ASSET_TOMBSTONES = table(name("asset_tombstones"));
    public static final Field<Long> ID = field(name("asset_tombstones", "id"), SQLDataType.BIGINT);
    public static final Field<UUID> UUID_ = field(name("asset_tombstones", "uuid"), SQLDataType.UUID);
    public static final Field<Long> OWNER_ID = field(name("asset_tombstones", "owner_id"), SQLDataType.BIGINT);
    public static final Field<Instant> CREATED_AT = field(name("asset_tombstones", "created_at"), SqlTypes.TIMESTAMP);
    public static final Field<Instant> DELETED_AT = field(name("asset_tombstones", "deleted_at"), SqlTypes.TIMESTAMP);

    private final DSLContext db;
    private final ExpiredRows expiredRows;
    private final Duration kept;

    /** How long tombstones are kept: a sync older than this must start over. */
    Duration kept() {
        return kept;
    }

    AssetTombstones(DSLContext db, ExpiredRows expiredRows, @Value("${app.tombstones.kept:30d}") Duration kept) {
        this.db = db;
        this.expiredRows = expiredRows;
        this.kept = kept;
    }

    /** Removes the tombstones older than {@code app.tombstones.kept}; returns how many. */
    public int purgeExpired() {
        return expiredRows.purge(ASSET_TOMBSTONES, DELETED_AT, SqlTypes.now().minus(kept), ID);
    }

    /** Records the asset's tombstone; call in the deleting transaction, before the delete. Returns its {@code deleted_at}. */
    Instant bury(long id) {
        Instant now = SqlTypes.now();
        db.insertInto(ASSET_TOMBSTONES, ID, UUID_, OWNER_ID, CREATED_AT, DELETED_AT)
                .select(DSL.select(
                                AssetTable.ID,
                                AssetTable.UUID_,
                                AssetTable.OWNER_ID,
                                AssetTable.CREATED_AT,
                                DSL.val(now, SqlTypes.TIMESTAMP))
                        .from(AssetTable.ASSETS)
                        .where(AssetTable.ID.eq(id)))
                .execute();
        return now;
    }
}
