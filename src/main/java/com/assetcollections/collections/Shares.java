package com.assetcollections.collections;

import static com.assetcollections.collections.CollectionTable.INVITATIONS;
import static com.assetcollections.collections.CollectionTable.INVITATION_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.INVITATION_CREATED_AT;
import static com.assetcollections.collections.CollectionTable.INVITATION_EMAIL;
import static com.assetcollections.collections.CollectionTable.INVITATION_LEVEL;
import static com.assetcollections.collections.CollectionTable.SHARES;
import static com.assetcollections.collections.CollectionTable.SHARE_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.SHARE_CREATED_AT;
import static com.assetcollections.collections.CollectionTable.SHARE_INVITED_EMAIL;
import static com.assetcollections.collections.CollectionTable.SHARE_LEVEL;
import static com.assetcollections.collections.CollectionTable.SHARE_USER_ID;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.openapi.Body;
import com.assetcollections.openapi.BodyField;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.users.UserTable;
import com.assetcollections.web.ConditionalWrite;
import com.assetcollections.web.JsonBody;
import com.assetcollections.web.JsonValues;
import com.assetcollections.web.NotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who a collection is shared with and at which level. Only the owner lists and changes shares;
 * every change marks the collection updated.
 */
@Service
class Shares {

    static final List<String> LEVELS = List.of("view", "edit");
    static final Body BODY = Body.of(
            BodyField.integer("user_id", 1, null, "the user to share with by id (exactly one of `user_id` or `email`)"),
            BodyField.text(
                    "email",
                    3,
                    320,
                    "the user to share with by e-mail address (exactly one of `user_id` or `email`); an address"
                            + " without an account becomes an invitation"),
            BodyField.oneOf("level", LEVELS, "`view` (the default) or `edit`"));
    static final Body LEVEL_BODY =
            Body.of(BodyField.oneOf("level", LEVELS, "`view` or `edit`").required());
    static final List<String> FIELDS = BODY.names();

    private final DSLContext db;
    private final CollectionLocks locks;
    private final CollectionEvents events;

    Shares(DSLContext db, CollectionLocks locks, CollectionEvents events) {
        this.db = db;
        this.locks = locks;
        this.events = events;
    }

    /** The result of sharing: the share, and whether it is new. */
    record Shared(Map<String, Object> share, boolean created) {}

    /**
     * Who the collection is shared with, oldest first: shares made by user id as {@code user_id},
     * those made by e-mail address as {@code email}, whether the address has an account or not.
     */
    @Transactional(readOnly = true)
    List<Map<String, Object>> list(Caller caller, String key) {
        caller.require(Scope.COLLECTIONS_READ);
        EditableCollection collection = locks.find(caller, key);
        collection.requireOwner("see who it is shared with");
        List<Entry> entries = new ArrayList<>();
        db.select(SHARE_USER_ID, SHARE_INVITED_EMAIL, SHARE_LEVEL, SHARE_CREATED_AT)
                .from(SHARES)
                .where(SHARE_COLLECTION_ID.eq(collection.id()))
                .forEach(row -> entries.add(new Entry(
                        row.value2() == null
                                ? new ShareRecipient.ById(row.value1())
                                : new ShareRecipient.ByEmail(row.value2()),
                        row.value3(),
                        row.value4())));
        db.select(INVITATION_EMAIL, INVITATION_LEVEL, INVITATION_CREATED_AT)
                .from(INVITATIONS)
                .where(INVITATION_COLLECTION_ID.eq(collection.id()))
                .forEach(row ->
                        entries.add(new Entry(new ShareRecipient.ByEmail(row.value1()), row.value2(), row.value3())));
        return entries.stream().sorted(Entry.ORDER).map(Entry::json).toList();
    }

    /**
     * Shares with the recipient the body names, or changes the level of their share. By e-mail
     * address the answer is the same whether the address has an account: one without becomes an
     * invitation, which turns into a share when such an account is made (migration V10).
     */
    @Transactional
    Shared share(Caller caller, String key, JsonBody body, ConditionalWrite condition) {
        EditableCollection collection = owned(caller, key, condition);
        Optional<ShareRecipient> recipient = ShareRecipient.of(body);
        String level = body.oneOf("level", LEVELS).orElse("view");
        Long userId = recipient.map(r -> userOf(r, body, collection)).orElse(null);
        body.validate();
        Entry existing = find(collection.id(), recipient.get());
        if (existing != null) {
            if (!existing.level().equals(level)) {
                setLevel(collection.id(), recipient.get(), level);
                events.shared(locks.touch(collection.id()));
            }
            return new Shared(new Entry(recipient.get(), level, existing.createdAt()).json(), false);
        }
        Instant now = SqlTypes.now();
        String email = recipient.get() instanceof ShareRecipient.ByEmail byEmail ? byEmail.email() : null;
        if (userId == null) {
            db.insertInto(INVITATIONS)
                    .set(INVITATION_COLLECTION_ID, collection.id())
                    .set(INVITATION_EMAIL, email)
                    .set(INVITATION_LEVEL, level)
                    .set(INVITATION_CREATED_AT, now)
                    .execute();
        } else {
            // A person already shared with the other way keeps one share, now shown this way.
            db.insertInto(SHARES)
                    .set(SHARE_COLLECTION_ID, collection.id())
                    .set(SHARE_USER_ID, userId)
                    .set(SHARE_LEVEL, level)
                    .set(SHARE_CREATED_AT, now)
                    .set(SHARE_INVITED_EMAIL, email)
                    .onConflict(SHARE_COLLECTION_ID, SHARE_USER_ID)
                    .doUpdate()
                    .set(SHARE_LEVEL, level)
                    .set(SHARE_CREATED_AT, now)
                    .set(SHARE_INVITED_EMAIL, email)
                    .execute();
        }
        events.shared(locks.touch(collection.id()));
        return new Shared(new Entry(recipient.get(), level, now).json(), true);
    }

    @Transactional
    Map<String, Object> changeLevel(
            Caller caller, String key, ShareRecipient recipient, JsonBody body, ConditionalWrite condition) {
        EditableCollection collection = owned(caller, key, condition);
        if (!body.has("level") || body.isNull("level")) {
            body.reject("level", "`level` is required: `view` or `edit`");
        }
        String level = body.oneOf("level", LEVELS).orElse(null);
        body.validate();
        Entry existing = find(collection.id(), recipient);
        if (existing == null) {
            throw new NotFound("collection " + collection.id() + " is not shared with " + describe(recipient));
        }
        if (!existing.level().equals(level)) {
            setLevel(collection.id(), recipient, level);
            events.shared(locks.touch(collection.id()));
        }
        return new Entry(recipient, level, existing.createdAt()).json();
    }

    /** Ends a share (or invitation); ending one that does not exist changes nothing and is not an error. */
    @Transactional
    void unshare(Caller caller, String key, ShareRecipient recipient, ConditionalWrite condition) {
        EditableCollection collection = owned(caller, key, condition);
        List<Long> formerReaders = db.deleteFrom(SHARES)
                .where(shareOf(collection.id(), recipient))
                .returningResult(SHARE_USER_ID)
                .fetch(SHARE_USER_ID);
        int removed = formerReaders.size();
        if (recipient instanceof ShareRecipient.ByEmail byEmail) {
            removed += db.deleteFrom(INVITATIONS)
                    .where(invitationOf(collection.id(), byEmail))
                    .execute();
        }
        if (removed > 0) {
            events.unshared(locks.touch(collection.id()), formerReaders);
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

    /**
     * The account a recipient names, or null for an address without one; problems are recorded on
     * the body. An unknown user id is refused (ids are sequential, so that tells nothing new); an
     * address is never refused for having no account.
     */
    private Long userOf(ShareRecipient recipient, JsonBody body, EditableCollection collection) {
        Condition which = recipient instanceof ShareRecipient.ById byId
                ? UserTable.ID.eq(byId.userId())
                : DSL.lower(UserTable.EMAIL).eq(((ShareRecipient.ByEmail) recipient).email());
        Long userId = db.select(UserTable.ID).from(UserTable.USERS).where(which).fetchOne(UserTable.ID);
        String field = recipient instanceof ShareRecipient.ById ? "user_id" : "email";
        if (userId == null && recipient instanceof ShareRecipient.ById) {
            body.reject(field, "no such user");
        } else if (userId != null && userId == collection.ownerId()) {
            body.reject(field, "the owner already has every right to their collection");
        }
        return userId;
    }

    /** The recipient's share or invitation, or null. */
    private Entry find(long collectionId, ShareRecipient recipient) {
        Entry share = db.select(SHARE_LEVEL, SHARE_CREATED_AT)
                .from(SHARES)
                .where(shareOf(collectionId, recipient))
                .fetchOne(row -> new Entry(recipient, row.value1(), row.value2()));
        if (share != null || !(recipient instanceof ShareRecipient.ByEmail byEmail)) {
            return share;
        }
        return db.select(INVITATION_LEVEL, INVITATION_CREATED_AT)
                .from(INVITATIONS)
                .where(invitationOf(collectionId, byEmail))
                .fetchOne(row -> new Entry(recipient, row.value1(), row.value2()));
    }

    private void setLevel(long collectionId, ShareRecipient recipient, String level) {
        db.update(SHARES)
                .set(SHARE_LEVEL, level)
                .where(shareOf(collectionId, recipient))
                .execute();
        if (recipient instanceof ShareRecipient.ByEmail byEmail) {
            db.update(INVITATIONS)
                    .set(INVITATION_LEVEL, level)
                    .where(invitationOf(collectionId, byEmail))
                    .execute();
        }
    }

    /** The share row a recipient names: by id only one made by id, by address only one made by that address. */
    private static Condition shareOf(long collectionId, ShareRecipient recipient) {
        Condition whose = recipient instanceof ShareRecipient.ById byId
                ? SHARE_USER_ID.eq(byId.userId()).and(SHARE_INVITED_EMAIL.isNull())
                : SHARE_INVITED_EMAIL.eq(((ShareRecipient.ByEmail) recipient).email());
        return SHARE_COLLECTION_ID.eq(collectionId).and(whose);
    }

    private static Condition invitationOf(long collectionId, ShareRecipient.ByEmail recipient) {
        return INVITATION_COLLECTION_ID.eq(collectionId).and(INVITATION_EMAIL.eq(recipient.email()));
    }

    private static String describe(ShareRecipient recipient) {
        return recipient instanceof ShareRecipient.ById byId
                ? "user " + byId.userId()
                : ((ShareRecipient.ByEmail) recipient).email();
    }

    /** One line of the share list. */
    private record Entry(ShareRecipient recipient, String level, Instant createdAt) {

        static final Comparator<Entry> ORDER =
                Comparator.comparing(Entry::createdAt).thenComparing(entry -> describe(entry.recipient()));

        Map<String, Object> json() {
            Map<String, Object> share = new LinkedHashMap<>();
            if (recipient instanceof ShareRecipient.ById byId) {
                share.put("user_id", byId.userId());
            } else {
                share.put("email", ((ShareRecipient.ByEmail) recipient).email());
            }
            share.put("level", level);
            share.put("created_at", JsonValues.datetime(createdAt));
            return share;
        }
    }
}
