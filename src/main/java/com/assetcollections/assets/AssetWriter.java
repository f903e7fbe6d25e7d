package com.assetcollections.assets;

import static com.assetcollections.assets.AssetTable.ASSETS;
import static com.assetcollections.assets.AssetTable.CREATED_AT;
import static com.assetcollections.assets.AssetTable.ID;
import static com.assetcollections.assets.AssetTable.OWNER_ID;
import static com.assetcollections.assets.AssetTable.UPDATED_AT;
import static com.assetcollections.assets.AssetTable.UUID_;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.collections.Memberships;
import com.assetcollections.query.ItemKey;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.ConditionalWrite;
import com.assetcollections.web.Forbidden;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SelectConditionStep;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and deletes assets, each in one transaction; only an asset's owner may change it. */
@Service
class AssetWriter {

    private final DSLContext db;
    private final Memberships memberships;
    private final AssetTombstones tombstones;
    private final AssetEvents events;

    AssetWriter(DSLContext db, Memberships memberships, AssetTombstones tombstones, AssetEvents events) {
        this.db = db;
        this.memberships = memberships;
        this.tombstones = tombstones;
        this.events = events;
    }

    /** The new asset, owned by the caller, as {@link AssetReader#REPRESENTATION}. */
    @Transactional
    Record create(Caller caller, AssetBody body) {
        caller.require(Scope.ASSETS_WRITE);
        Map<Field<?>, Object> columns = body.all();
        Instant now = SqlTypes.now();
        Record created = db.insertInto(ASSETS)
                .set(UUID_, UUID.randomUUID())
                .set(OWNER_ID, caller.userId())
                .set(columns)
                .set(CREATED_AT, now)
                .set(UPDATED_AT, now)
                .returningResult(AssetReader.REPRESENTATION)
                .fetchOne();
        events.created(caller, created);
        return created;
    }

    /**
     * Applies the fields the body names; {@code updated_at} moves only when a value really changes.
     * Returns the asset as it is now, as {@link AssetReader#REPRESENTATION}.
     */
    @Transactional
    Record update(Caller caller, String key, AssetBody body, ConditionalWrite condition) {
        caller.require(Scope.ASSETS_WRITE);
        Record asset = owned(caller, key, "change it", RowLock.NO_KEY_UPDATE);
        Map<Field<?>, Object> columns = body.present();
        long id = asset.get(ID);
        condition.check(id);
        boolean changed = AssetBody.VALUES.stream()
                .anyMatch(column ->
                        columns.containsKey(column) && !Objects.equals(columns.get(column), asset.get(column)));
        if (changed) {
            columns.put(UPDATED_AT, SqlTypes.now());
            Record updated = db.update(ASSETS)
                    .set(columns)
                    .where(ID.eq(id))
                    .returningResult(AssetReader.REPRESENTATION)
                    .fetchOne();
            events.updated(caller, updated);
            return updated;
        }
        return db.select(AssetReader.REPRESENTATION)
                .from(ASSETS)
                .where(ID.eq(id))
                .fetchOne();
    }

    /**
     * Deletes the asset, takes it out of every collection holding it and leaves its tombstone. The
     * collections holding it are locked before the asset, as on every write path (see
     * {@code CollectionLocks}); one that starts holding it meanwhile makes the attempt a lost race
     * that {@code DeadlockRetry} runs again.
     */
    @Transactional
    void delete(Caller caller, String key, ConditionalWrite condition) {
        caller.require(Scope.ASSETS_WRITE);
        long id = owned(caller, key, "delete it", RowLock.NONE).get(ID);
        List<Long> holders = memberships.lockHolders(id);
        // FOR UPDATE waits for a membership insert that holds the asset FOR KEY SHARE (a
        // collection not among the holders): once it commits, the holders below include it.
        owned(caller, key, "delete it", RowLock.UPDATE);
        if (!holders.containsAll(memberships.holders(id))) {
            throw new CannotAcquireLockException(
                    "asset " + id + " was added to a collection while it was being deleted");
        }
        condition.check(id);
        events.deleted(db.select(ID, UUID_).from(ASSETS).where(ID.eq(id)).fetchSingle(), tombstones.bury(id));
        memberships.withdraw(id);
        db.deleteFrom(ASSETS).where(ID.eq(id)).execute();
        memberships.announceWithdrawn(holders);
    }

    /** How {@link #owned} locks the asset row on PostgreSQL. */
    private enum RowLock {
        NONE,
        /**
         * A change of values: a membership insert holding its collection's lock takes FOR KEY SHARE
         * on the asset (the foreign key), which this must not block.
         */
        NO_KEY_UPDATE,
        /** A delete, once the collections holding the asset are locked. */
        UPDATE
    }

    /**
     * The asset {@code key} names with its stored values, locked until the transaction ends as
     * {@code lock} says (SQLite needs no row lock: its write transactions run one at a time); 404
     * when there is none, 403 when it belongs to someone else (assets are a public catalogue, so
     * that hides nothing).
     */
    private Record owned(Caller caller, String key, String what, RowLock lock) {
        List<Field<?>> fields = new ArrayList<>(List.of(ID, OWNER_ID));
        fields.addAll(AssetBody.VALUES);
        SelectConditionStep<Record> select =
                db.select(fields).from(ASSETS).where(ItemKey.condition(key, ID, UUID_, "asset"));
        boolean postgres = db.dialect().family() == SQLDialect.POSTGRES;
        Record asset = !postgres || lock == RowLock.NONE
                ? select.fetchOne()
                : lock == RowLock.UPDATE
                        ? select.forUpdate().fetchOne()
                        : select.forNoKeyUpdate().fetchOne();
        if (asset == null) {
            throw ItemKey.notFound(key, "asset");
        }
        if (asset.get(OWNER_ID) != caller.userId()) {
            throw new Forbidden("asset " + asset.get(ID) + " belongs to another user; only its owner may " + what);
        }
        return asset;
    }
}
