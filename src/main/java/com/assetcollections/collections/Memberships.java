package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.MEMBERS;
import static com.assetcollections.collections.CollectionTable.MEMBER_ADDED_AT;
import static com.assetcollections.collections.CollectionTable.MEMBER_ASSET_ID;
import static com.assetcollections.collections.CollectionTable.MEMBER_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.MEMBER_POSITION;
import static org.jooq.impl.DSL.name;

import com.assetcollections.assets.AssetTable;
import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.ConditionalWrite;
import com.assetcollections.web.InvalidBody;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which assets a collection holds and in what order. Every change computes the new order in
 * full and writes only the rows whose position changed, so positions stay 1..n without gaps;
 * the collection row is locked first, so concurrent changes to one collection take turns.
 *
 * <p>The lock order every write keeps, so that two writes wait for each other instead of
 * deadlocking: collection rows first, in ascending id; then asset rows, in ascending id; then
 * child rows (memberships, shares) of the collections already locked. Counters kept by triggers
 * (a collection's {@code assets_count}, the change marks) come after all of these and must never
 * make a write wait.
 */
@Service
public class Memberships {

    /** The most asset ids one request may name. */
    static final int MAX_IDS = 1000;
    /** The most rows one membership statement writes (a few bind values each). */
    private static final int CHUNK = 500;

    private final DSLContext db;
    private final CollectionLocks locks;
    private final CollectionEvents events;
    private final int maxAssets;

    Memberships(
            DSLContext db,
            CollectionLocks locks,
            CollectionEvents events,
            @Value("${app.collections.max-assets:10000}") int maxAssets) {
        this.db = db;
        this.locks = locks;
        this.events = events;
        this.maxAssets = maxAssets;
    }

    /**
     * Adds the assets not yet in the collection at {@code position} (1-based; null or past the end:
     * at the end), in the order given; assets already in it stay where they are.
     */
    @Transactional
    Record add(Caller caller, String key, List<Long> assetIds, Long position, ConditionalWrite condition) {
        EditableCollection collection = editable(caller, key, condition);
        requireAssetsExist(assetIds);
        Map<Long, Integer> stored = stored(collection.id());
        List<Long> order = List.copyOf(stored.keySet());
        Set<Long> present = stored.keySet();
        List<Long> added = assetIds.stream().filter(id -> !present.contains(id)).toList();
        requireRoomFor(order.size() + added.size());
        int at = position == null ? order.size() : (int) Math.min(order.size(), position - 1);
        List<Long> next = new ArrayList<>(order.subList(0, at));
        next.addAll(added);
        next.addAll(order.subList(at, order.size()));
        return write(collection.id(), stored, next);
    }

    /** Makes the collection hold exactly {@code assetIds}, in that order. */
    @Transactional
    Record replace(Caller caller, String key, List<Long> assetIds, ConditionalWrite condition) {
        EditableCollection collection = editable(caller, key, condition);
        requireAssetsExist(assetIds);
        requireRoomFor(assetIds.size());
        return write(collection.id(), stored(collection.id()), assetIds);
    }

    /** Moves one asset of the collection to {@code position} (1-based; past the end: last). */
    @Transactional
    Record move(Caller caller, String key, long assetId, long position, ConditionalWrite condition) {
        EditableCollection collection = editable(caller, key, condition);
        Map<Long, Integer> stored = stored(collection.id());
        List<Long> order = new ArrayList<>(stored.keySet());
        if (!order.remove(assetId)) {
            throw new com.assetcollections.web.NotFound(
                    "asset " + assetId + " is not in collection " + collection.id());
        }
        order.add((int) Math.min(order.size(), position - 1), assetId);
        return write(collection.id(), stored, order);
    }

    /** Removes the assets from the collection; ids not in it are ignored. */
    @Transactional
    void remove(Caller caller, String key, List<Long> assetIds, ConditionalWrite condition) {
        EditableCollection collection = editable(caller, key, condition);
        Map<Long, Integer> stored = stored(collection.id());
        List<Long> order = new ArrayList<>(stored.keySet());
        order.removeAll(assetIds);
        write(collection.id(), stored, order);
    }

    /**
     * Takes an asset that is being deleted out of every collection holding it: those collections
     * are locked and marked changed, and the assets after it move up one place, so that once its
     * membership rows cascade away each collection keeps positions 1..n. Call in the deleting
     * transaction, with the asset row locked (no new membership of it can appear), before the delete.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdraw(long assetId) {
        Table<?> held = MEMBERS.as("held");
        Select<Record1<Long>> holders = DSL.select(column(held, MEMBER_COLLECTION_ID))
                .from(held)
                .where(column(held, MEMBER_ASSET_ID).eq(assetId));
        locks.lockAll(CollectionTable.ID.in(holders));
        db.update(CollectionTable.COLLECTIONS)
                .set(CollectionTable.UPDATED_AT, SqlTypes.now())
                .where(CollectionTable.ID.in(holders))
                .execute();
        // reads only the asset's own row, which this statement leaves alone (so SQLite, which may
        // evaluate it row by row, sees what PostgreSQL's statement snapshot sees)
        Table<?> removed = MEMBERS.as("removed");
        Field<Integer> removedAt = DSL.field(DSL.select(column(removed, MEMBER_POSITION))
                .from(removed)
                .where(column(removed, MEMBER_COLLECTION_ID)
                        .eq(MEMBER_COLLECTION_ID)
                        .and(column(removed, MEMBER_ASSET_ID).eq(assetId))));
        db.update(MEMBERS)
                .set(MEMBER_POSITION, MEMBER_POSITION.minus(1))
                .where(MEMBER_COLLECTION_ID.in(holders).and(MEMBER_POSITION.gt(removedAt)))
                .execute();
    }

    /**
     * Records {@code collection.assets_changed} for collections that lost an asset by its deletion:
     * call after the delete, when their rows (the assets count) show it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void announceWithdrawn(List<Long> collectionIds) {
        for (Record changed : db.select(CollectionReader.REPRESENTATION)
                .from(CollectionTable.COLLECTIONS)
                .where(CollectionTable.ID.in(collectionIds))
                .orderBy(CollectionTable.ID)
                .fetch()) {
            events.assetsChanged(changed);
        }
    }

    /** The collections holding the asset, by id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> holders(long assetId) {
        return db.select(MEMBER_COLLECTION_ID)
                .from(MEMBERS)
                .where(MEMBER_ASSET_ID.eq(assetId))
                .orderBy(MEMBER_COLLECTION_ID)
                .fetch(MEMBER_COLLECTION_ID);
    }

    /**
     * Locks the collections holding the asset (in id order) until the transaction ends, before the
     * asset itself is locked; returns them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> lockHolders(long assetId) {
        List<Long> holders = holders(assetId);
        locks.lockAll(CollectionTable.ID.in(holders));
        return holders;
    }

    private static <T> Field<T> column(Table<?> alias, Field<T> column) {
        return DSL.field(name(alias.getName(), column.getName()), column.getDataType());
    }

    /**
     * The access check of a membership change on its own (404 unseen, 403 read-only), run before an
     * {@code Idempotency-Key} replay too, so that a replay never answers for a collection the caller
     * has lost access to.
     */
    void requireEditable(Caller caller, String key) {
        caller.require(Scope.COLLECTIONS_WRITE);
        locks.find(caller, key).requireEdit();
    }

    private EditableCollection editable(Caller caller, String key, ConditionalWrite condition) {
        caller.require(Scope.COLLECTIONS_WRITE);
        EditableCollection collection = locks.lock(caller, key);
        collection.requireEdit();
        condition.check(collection.id());
        return collection;
    }

    private void requireAssetsExist(List<Long> assetIds) {
        if (assetIds.isEmpty()) {
            return;
        }
        // FOR SHARE keeps the assets from being deleted before the memberships are written (a
        // concurrent delete would otherwise break the foreign key), and from being changed until they
        // commit: an asset update marks the collections holding it as its own snapshot sees them, so
        // it must not run beside a membership it cannot see yet. SQLite writes one at a time.
        // Ordered by id: rows are locked in the order the query returns them, and asset rows are
        // always taken in ascending id (see the lock order above), whatever order the request lists.
        var select = db.select(AssetTable.ID)
                .from(AssetTable.ASSETS)
                .where(AssetTable.ID.in(assetIds))
                .orderBy(AssetTable.ID);
        Set<Long> found = new HashSet<>(
                db.dialect().family() == org.jooq.SQLDialect.POSTGRES
                        ? select.forShare().fetch(AssetTable.ID)
                        : select.fetch(AssetTable.ID));
        List<String> missing = assetIds.stream()
                .filter(id -> !found.contains(id))
                .map(String::valueOf)
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidBody(
                    "asset_ids",
                    "no " + (missing.size() == 1 ? "asset has id " : "assets have ids ") + String.join(", ", missing));
        }
    }

    /**
     * Refuses a change that would leave the collection holding more than {@code
     * app.collections.max-assets}: every membership change rewrites the shifted positions while
     * the collection is locked (and SQLite's one writer waits), so its cost must stay bounded.
     */
    private void requireRoomFor(int size) {
        if (size > maxAssets) {
            throw new InvalidBody(
                    "asset_ids", "a collection holds at most " + maxAssets + " assets; this would make it " + size);
        }
    }

    /** The collection's assets in their order, with their stored positions. */
    private Map<Long, Integer> stored(long collectionId) {
        Map<Long, Integer> stored = new LinkedHashMap<>();
        db.select(MEMBER_ASSET_ID, MEMBER_POSITION)
                .from(MEMBERS)
                .where(MEMBER_COLLECTION_ID.eq(collectionId))
                .orderBy(MEMBER_POSITION, MEMBER_ASSET_ID)
                .forEach(r -> stored.put(r.value1(), r.value2()));
        return stored;
    }

    /**
     * Writes the order {@code next} (a list without repeats) over {@code stored}, with at most one
     * statement per kind of change (and chunk of {@link #CHUNK} rows): each statement fires the
     * change-mark triggers once, and a prepared statement is planned once per connection.
     * Returns the collection as it is then, as {@link CollectionReader#REPRESENTATION}.
     */
    private Record write(long collectionId, Map<Long, Integer> stored, List<Long> next) {
        Set<Long> kept = new HashSet<>(next);
        List<Long> gone =
                stored.keySet().stream().filter(id -> !kept.contains(id)).toList();
        Map<Long, Integer> added = new LinkedHashMap<>();
        Map<Long, Integer> moved = new LinkedHashMap<>();
        for (int i = 0; i < next.size(); i++) {
            long assetId = next.get(i);
            Integer position = stored.get(assetId);
            if (position == null) {
                added.put(assetId, i + 1);
            } else if (position != i + 1) {
                moved.put(assetId, i + 1);
            }
        }
        for (List<Long> chunk : chunks(gone)) {
            db.deleteFrom(MEMBERS)
                    .where(MEMBER_COLLECTION_ID.eq(collectionId).and(MEMBER_ASSET_ID.in(chunk)))
                    .execute();
        }
        for (List<Long> chunk : chunks(List.copyOf(moved.keySet()))) {
            CaseValueStep<Long> byAsset = DSL.choose(MEMBER_ASSET_ID);
            CaseWhenStep<Long, Integer> position = null;
            for (long assetId : chunk) {
                position = position == null
                        ? byAsset.when(assetId, moved.get(assetId))
                        : position.when(assetId, moved.get(assetId));
            }
            db.update(MEMBERS)
                    .set(MEMBER_POSITION, position.otherwise(MEMBER_POSITION))
                    .where(MEMBER_COLLECTION_ID.eq(collectionId).and(MEMBER_ASSET_ID.in(chunk)))
                    .execute();
        }
        Instant now = SqlTypes.now();
        for (List<Long> chunk : chunks(List.copyOf(added.keySet()))) {
            var insert =
                    db.insertInto(MEMBERS, MEMBER_COLLECTION_ID, MEMBER_ASSET_ID, MEMBER_POSITION, MEMBER_ADDED_AT);
            for (long assetId : chunk) {
                insert = insert.values(collectionId, assetId, added.get(assetId), now);
            }
            insert.execute();
        }
        if (!gone.isEmpty() || !moved.isEmpty() || !added.isEmpty()) {
            Record touched = locks.touch(collectionId);
            events.assetsChanged(touched);
            return touched;
        }
        return locks.row(collectionId);
    }

    /** {@code ids} in pieces small enough for any database's limit of bind values per statement. */
    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }
}
