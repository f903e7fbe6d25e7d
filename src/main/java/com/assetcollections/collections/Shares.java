package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.SHARES;
import static com.assetcollections.collections.CollectionTable.SHARE_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.SHARE_CREATED_AT;
import static com.assetcollections.collections.CollectionTable.SHARE_LEVEL;
import static com.assetcollections.collections.CollectionTable.SHARE_USER_ID;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.users.UserTable;
import com.assetcollections.web.ConditionalWrite;
import com.assetcollections.web.JsonBody;
import com.assetcollections.web.JsonValues;
import com.assetcollections.web.NotFound;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a collection is shared with and at which level. Only the owner lists and changes shares;
 * every change marks the collection updated.
 */
@Service
class Shares {

    static final List<String> FIELDS = List.of("user_id", "email", "level");
    static final List<String> LEVELS = List.of("view", "edit");

    private final DSLContext db;
    private final CollectionLocks locks;

    Shares(DSLContext db, CollectionLocks locks) {
        this.db = db;
        this.locks = locks;
    }

    /** The result of sharing: the share, and whether it is new. */
    record Shared(Map<String, Object> share, boolean created) {}

    @Transactional(readOnly = true)
    List<Map<String, Object>> list(Caller caller, String key) {
        caller.require(Scope.COLLECTIONS_READ);
        EditableCollection collection = locks.find(caller, key);
        collection.requireOwner("see who it is shared with");
        return read(SHARE_COLLECTION_ID.eq(collection.id()));
    }

    /** Shares with the user the body names (by user_id or email), or changes the level of an existing share. */
    @Transactional
    Shared share(Caller caller, String key, JsonBody body, ConditionalWrite condition) {
        EditableCollection collection = owned(caller, key, condition);
        Record user = user(body, collection);
        String level = body.oneOf("level", LEVELS).orElse("view");
        body.validate();
        long userId = user.get(UserTable.ID);
        Record existing = db.select(SHARE_LEVEL, SHARE_CREATED_AT)
                .from(SHARES)
                .where(shareOf(collection.id(), userId))
                .fetchOne();
        Instant createdAt = existing == null ? SqlTypes.now() : existing.get(SHARE_CREATED_AT);
        if (existing == null) {
            db.insertInto(SHARES)
                    .set(SHARE_COLLECTION_ID, collection.id())
                    .set(SHARE_USER_ID, userId)
                    .set(SHARE_LEVEL, level)
                    .set(SHARE_CREATED_AT, createdAt)
                    .execute();
        } else if (!level.equals(existing.get(SHARE_LEVEL))) {
            db.update(SHARES)
                    .set(SHARE_LEVEL, level)
                    .where(shareOf(collection.id(), userId))
                    .execute();
        }
        if (existing == null || !level.equals(existing.get(SHARE_LEVEL))) {
            locks.touch(collection.id());
        }
        return new Shared(json(userId, user.get(UserTable.NAME), level, createdAt), existing == null);
    }

    @Transactional
    Map<String, Object> changeLevel(Caller caller, String key, long userId, JsonBody body, ConditionalWrite condition) {
        EditableCollection collection = owned(caller, key, condition);
        if (!body.has("level") || body.isNull("level")) {
            body.reject("level", "`level` is required: `view` or `edit`");
        }
        String level = body.oneOf("level", LEVELS).orElse(null);
        body.validate();
        if (!db.fetchExists(SHARES, shareOf(collection.id(), userId))) {
            throw new NotFound("collection " + collection.id() + " is not shared with user " + userId);
        }
        if (db.update(SHARES)
                        .set(SHARE_LEVEL, level)
                        .where(shareOf(collection.id(), userId).and(SHARE_LEVEL.ne(level)))
                        .execute()
                > 0) {
            locks.touch(collection.id());
        }
        return read(shareOf(collection.id(), userId)).get(0);
    }

    /** Ends a share; ending one that does not exist changes nothing and is not an error. */
    @Transactional
    void unshare(Caller caller, String key, long userId, ConditionalWrite condition) {
        EditableCollection collection = owned(caller, key, condition);
        if (db.deleteFrom(SHARES).where(shareOf(collection.id(), userId)).execute() > 0) {
            locks.touch(collection.id());
        }
    }

    /** The access check of sharing on its own, run before an {@code Idempotency-Key} replay too. */
    void requireOwned(Caller caller, String key) {
        caller.require(Scope.COLLECTIONS_WRITE);
        locks.find(caller, key).requireOwner("share it");
    }

    private EditableCollection owned(Caller caller, String key, ConditionalWrite condition) {
        caller.require(Scope.COLLECTIONS_WRITE);
        EditableCollection collection = locks.lock(caller, key);
        collection.requireOwner("share it");
        condition.check(collection.id());
        return collection;
    }

    /** The user the body names (id and name); problems are recorded on the body. */
    private Record user(JsonBody body, EditableCollection collection) {
        boolean byId = body.has("user_id") && !body.isNull("user_id");
        boolean byEmail = body.has("email") && !body.isNull("email");
        if (byId == byEmail) {
            body.reject("user_id", "name the user to share with by exactly one of `user_id` or `email`");
            return null;
        }
        Condition which = byId
                ? body.number("user_id", 1).map(UserTable.ID::eq).orElse(null)
                : body.text("email", 3, 320)
                        .map(email -> org.jooq.impl.DSL.lower(UserTable.EMAIL).eq(email.toLowerCase(Locale.ROOT)))
                        .orElse(null);
        if (which == null) {
            return null;
        }
        Record user = db.select(UserTable.ID, UserTable.NAME)
                .from(UserTable.USERS)
                .where(which)
                .fetchOne();
        String field = byId ? "user_id" : "email";
        if (user == null) {
            body.reject(field, "no such user");
        } else if (user.get(UserTable.ID) == collection.ownerId()) {
            body.reject(field, "the owner already has every right to their collection");
        }
        return user;
    }

    private static Condition shareOf(long collectionId, long userId) {
        return SHARE_COLLECTION_ID.eq(collectionId).and(SHARE_USER_ID.eq(userId));
    }

    private List<Map<String, Object>> read(Condition which) {
        return db.select(SHARE_USER_ID, UserTable.NAME, SHARE_LEVEL, SHARE_CREATED_AT)
                .from(SHARES)
                .join(UserTable.USERS)
                .on(UserTable.ID.eq(SHARE_USER_ID))
                .where(which)
                .orderBy(SHARE_CREATED_AT, SHARE_USER_ID)
                .fetch(Shares::json);
    }

    private static Map<String, Object> json(Record row) {
        return json(row.get(SHARE_USER_ID), row.get(UserTable.NAME), row.get(SHARE_LEVEL), row.get(SHARE_CREATED_AT));
    }

    private static Map<String, Object> json(long userId, String name, String level, Instant createdAt) {
        Map<String, Object> share = new LinkedHashMap<>();
        share.put("user_id", userId);
        share.put("name", name);
        share.put("level", level);
        share.put("created_at", JsonValues.datetime(createdAt));
        return share;
    }
}
