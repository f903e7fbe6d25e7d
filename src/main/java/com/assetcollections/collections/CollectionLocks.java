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
import org.jooq.Record3;
import org.jooq.SQLDialect;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
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
        SelectConditionStep<Record3<Long, Long, String>> select = db.select(ID, OWNER_ID, level)
                .from(COLLECTIONS)
                .where(ItemKey.condition(key, ID, UUID_, "collection").and(Visibility.visibleTo(caller.userId())));
        boolean rowLock = lock && db.dialect().family() == SQLDialect.POSTGRES;
        Record3<Long, Long, String> row =
                rowLock ? select.forUpdate().of(COLLECTIONS).fetchOne() : select.fetchOne();
        if (row != null && rowLock) {
            // The lock may have been granted only after another write (an unshare, a change of
            // type) committed; the share sub-select of a locking statement still sees the snapshot
            // from before the wait, so the access is read again by a statement that starts after it.
            row = select.fetchOne();
        }
        if (row == null) {
            throw ItemKey.notFound(key, "collection");
        }
        EditableCollection.Access access = row.value2() == caller.userId()
                ? EditableCollection.Access.OWNER
                : "edit".equals(row.value3()) ? EditableCollection.Access.EDIT : EditableCollection.Access.VIEW;
        return new EditableCollection(row.value1(), row.value2(), access);
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

    /** Marks a change of the collection's own data (its fields, membership or shares). */
    void touch(long id) {
        db.update(COLLECTIONS)
                .set(CollectionTable.UPDATED_AT, SqlTypes.now())
                .where(ID.eq(id))
                .execute();
    }
}
