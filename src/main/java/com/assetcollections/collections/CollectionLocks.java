package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.ID;
import static com.assetcollections.collections.CollectionTable.OWNER_ID;
import static com.assetcollections.collections.CollectionTable.SHARES;
import static com.assetcollections.collections.CollectionTable.SHARE_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.SHARE_LEVEL;
import static com.assetcollections.collections.CollectionTable.SHARE_USER_ID;
import static com.assetcollections.collections.CollectionTable.UUID_;

import com.assetcollections.auth.Caller;
import com.assetcollections.query.ItemKey;
import com.assetcollections.storage.SqlTypes;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Finds the collection a write names and locks its row until the transaction ends, so that
 * concurrent writes to one collection (membership order, If-Match checks) take turns. SQLite
 * needs no row lock: its write transactions run one at a time.
 *
 * <p>Lock order, the same on every write path so that writes never deadlock: collection rows
 * (ascending id), then asset rows (ascending id), then the child rows of locked collections
 * (memberships, shares); change marks and counters are rows of the writing backend alone and
 * never wait (migration V9). docs/decisions.md "Lock order".
 */
@Repository
class CollectionLocks {

    private final DSLContext db;

    CollectionLocks(DSLContext db) {
        this.db = db;
    }

    /** The collection {@code key} names if the caller may see it, locked; otherwise 404. */
    EditableCollection lock(Caller caller, String key) {
        return find(caller, key, true);
    }

    /** As {@link #lock}, for reads that need the caller's access but no lock. */
    EditableCollection find(Caller caller, String key) {
        return find(caller, key, false);
    }

    private EditableCollection find(Caller caller, String key, boolean lock) {
        Field<String> level = DSL.select(SHARE_LEVEL)
                .from(SHARES)
                .where(SHARE_COLLECTION_ID.eq(ID).and(SHARE_USER_ID.eq(caller.userId())))
                .asField("level");
        Condition which = ItemKey.condition(key, ID, UUID_, "collection").and(Visibility.visibleTo(caller.userId()));
        Record row;
        if (lock && db.dialect().family() == SQLDialect.POSTGRES) {
            row = locked(which, level);
        } else {
            row = db.select(ID, OWNER_ID, level).from(COLLECTIONS).where(which).fetchOne();
        }
        if (row == null) {
            throw ItemKey.notFound(key, "collection");
        }
        long ownerId = row.get(OWNER_ID);
        EditableCollection.Access access = ownerId == caller.userId()
                ? EditableCollection.Access.OWNER
                : "edit".equals(row.get(level)) ? EditableCollection.Access.EDIT : EditableCollection.Access.VIEW;
        return new EditableCollection(row.get(ID), ownerId, access);
    }

    /**
     * The collection row locked FOR UPDATE, with the caller's access as it is once the lock is
     * granted. A locking statement checks its conditions again on the newest version of a row that
     * changed while it waited, but its sub-selects (the caller's share) still see the statement's
     * snapshot from before. Every change of access (a share written or removed, a change of type)
     * also writes the collection row, so the row's version as locked ({@code xmin}) differs from
     * the one in the snapshot exactly when such a change may have committed meanwhile: only then is
     * the access read again, by a statement that starts after it.
     */
    private Record locked(Condition which, Field<String> level) {
        Table<?> seen = COLLECTIONS.as("seen");
        Field<String> seenVersion = DSL.select(rowVersion(seen))
                .from(seen)
                .where(DSL.field(DSL.name(seen.getName(), ID.getName()), Long.class)
                        .eq(ID))
                .asField("seen_version");
        Field<String> lockedVersion = rowVersion(COLLECTIONS).as("locked_version");
        Record row = db.select(ID, OWNER_ID, level, lockedVersion, seenVersion)
                .from(COLLECTIONS)
                .where(which)
                .forUpdate()
                .of(COLLECTIONS)
                .fetchOne();
        if (row == null || row.get(lockedVersion).equals(row.get(seenVersion))) {
            return row;
        }
        return db.select(ID, OWNER_ID, level).from(COLLECTIONS).where(which).fetchOne();
    }

    /** The transaction that wrote this version of a row (PostgreSQL's {@code xmin}), as text. */
    private static Field<String> rowVersion(Table<?> table) {
        return DSL.field(DSL.name(table.getName(), "xmin")).cast(SQLDataType.VARCHAR);
    }

    /**
     * Locks every collection {@code which} selects until the transaction ends, in id order, so that
     * two writes locking overlapping sets take turns instead of deadlocking.
     */
    void lockAll(Condition which) {
        if (db.dialect().family() == SQLDialect.POSTGRES) {
            db.select(ID).from(COLLECTIONS).where(which).orderBy(ID).forUpdate().fetch();
        }
    }

    /**
     * Marks a change of the collection's own data (its fields, membership or shares); returns the
     * collection as it is now, as {@link CollectionReader#REPRESENTATION}.
     */
    Record touch(long id) {
        return db.update(COLLECTIONS)
                .set(CollectionTable.UPDATED_AT, SqlTypes.now())
                .where(ID.eq(id))
                .returningResult(CollectionReader.REPRESENTATION)
                .fetchOne();
    }

    /** A collection the caller has locked (or found) in this transaction, as {@link CollectionReader#REPRESENTATION}. */
    Record row(long id) {
        return db.select(CollectionReader.REPRESENTATION)
                .from(COLLECTIONS)
                .where(ID.eq(id))
                .fetchOne();
    }
}
