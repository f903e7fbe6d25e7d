package com.assetcollections.collections;

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

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.openapi.Body;
import com.assetcollections.openapi.BodyField;
import com.assetcollections.query.TextFolding;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.ConditionalWrite;
import com.assetcollections.web.JsonBody;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and deletes collections, each in one transaction. */
@Service
class CollectionWriter {

    private static final List<String> TYPES = List.of("public", "private");
    static final int MAX_NAME = 255;
    static final int MAX_DESCRIPTION = 10_000;
    /** The body of a POST; a PATCH takes the same fields, each optional. */
    static final Body BODY = Body.of(
            BodyField.text("name", 1, MAX_NAME, "the primary name of the collection")
                    .required(),
            BodyField.text("description", 0, MAX_DESCRIPTION, "free text describing it, or null"),
            BodyField.oneOf("collection_type", TYPES, "`public` or `private` (the default)"));

    static final List<String> FIELDS = BODY.names();

    private final DSLContext db;
    private final CollectionLocks locks;
    private final Tombstones tombstones;
    private final CollectionEvents events;

    CollectionWriter(DSLContext db, CollectionLocks locks, Tombstones tombstones, CollectionEvents events) {
        this.db = db;
        this.locks = locks;
        this.tombstones = tombstones;
        this.events = events;
    }

    /** The new collection, as {@link CollectionReader#REPRESENTATION}. */
    Record create(Caller caller, JsonBody body) {
        caller.require(Scope.COLLECTIONS_WRITE);
        String name = body.requiredText("name", 1, MAX_NAME);
        Optional<String> description = body.text("description", 0, MAX_DESCRIPTION);
        String type = body.oneOf("collection_type", TYPES).orElse("private");
        body.validate();
        Instant now = SqlTypes.now();
        Record created = db.insertInto(COLLECTIONS)
                .set(UUID_, UUID.randomUUID())
                .set(OWNER_ID, caller.userId())
                .set(NAME, name)
                .set(NAME_FOLDED, TextFolding.fold(name))
                .set(DESCRIPTION, description.orElse(null))
                .set(DESCRIPTION_FOLDED, TextFolding.fold(description.orElse(null)))
                .set(COLLECTION_TYPE, type)
                .set(CREATED_AT, now)
                .set(UPDATED_AT, now)
                .returningResult(CollectionReader.REPRESENTATION)
                .fetchOne();
        events.created(created);
        return created;
    }

    /**
     * Applies the fields the body names; the owner may change all, an `edit` user name and
     * description. A PATCH that changes no value leaves {@code updated_at} (and the ETag) as it was.
     * Returns the collection as it is now, as {@link CollectionReader#REPRESENTATION}.
     */
    @Transactional
    Record update(Caller caller, String key, JsonBody body, ConditionalWrite condition) {
        caller.require(Scope.COLLECTIONS_WRITE);
        EditableCollection collection = locks.lock(caller, key);
        collection.requireEdit();
        if (body.has("collection_type")) {
            collection.requireOwner("change its type");
        }
        Map<Field<?>, Object> changes = new HashMap<>();
        if (body.has("name")) {
            String name = body.requiredText("name", 1, MAX_NAME);
            changes.put(NAME, name);
            changes.put(NAME_FOLDED, TextFolding.fold(name));
        }
        if (body.has("description")) {
            String description = body.text("description", 0, MAX_DESCRIPTION).orElse(null);
            changes.put(DESCRIPTION, description);
            changes.put(DESCRIPTION_FOLDED, TextFolding.fold(description));
        }
        if (body.has("collection_type")) {
            if (body.isNull("collection_type")) {
                body.reject("collection_type", "`collection_type` must be one of public, private");
            }
            body.oneOf("collection_type", TYPES).ifPresent(type -> changes.put(COLLECTION_TYPE, type));
        }
        body.validate();
        condition.check(collection.id());
        if (!changes.isEmpty()) {
            Condition anyDifferent = DSL.or(changes.entrySet().stream()
                    .map(change -> isDistinct(change.getKey(), change.getValue()))
                    .toList());
            changes.put(UPDATED_AT, SqlTypes.now());
            Record changed = db.update(COLLECTIONS)
                    .set(changes)
                    .where(ID.eq(collection.id()).and(anyDifferent))
                    .returningResult(CollectionReader.REPRESENTATION)
                    .fetchOne();
            if (changed != null) {
                events.updated(changed);
                return changed;
            }
        }
        return locks.row(collection.id());
    }

    @SuppressWarnings("unchecked")
    private static Condition isDistinct(Field<?> field, Object value) {
        return ((Field<Object>) field).isDistinctFrom(value);
    }

    @Transactional
    void delete(Caller caller, String key, ConditionalWrite condition) {
        caller.require(Scope.COLLECTIONS_WRITE);
        EditableCollection collection = locks.lock(caller, key);
        collection.requireOwner("delete it");
        condition.check(collection.id());
        Record row = locks.row(collection.id());
        events.deleted(row, tombstones.buryCollection(collection.id()));
        db.deleteFrom(COLLECTIONS).where(ID.eq(collection.id())).execute();
    }
}
