package com.assetcollections.support;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.MEMBERS;
import static com.assetcollections.collections.CollectionTable.SHARES;

import com.assetcollections.assets.AssetTable;
import com.assetcollections.assets.AssetTags;
import com.assetcollections.auth.Scope;
import com.assetcollections.collections.CollectionTable;
import com.assetcollections.query.TextFolding;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.users.IssuedToken;
import com.assetcollections.users.Tokens;
import com.assetcollections.users.User;
import com.assetcollections.users.UserTable;
import com.assetcollections.users.Users;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;

/**
 * Writes test data straight into the database (the write API comes later), the same way the
 * application's own writers do: folded columns filled, timestamps at microsecond precision.
 */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final DSLContext db;
    private final Users users;
    private final Tokens tokens;

    public Fixtures(DSLContext db, Users users, Tokens tokens) {
        this.db = db;
        this.users = users;
        this.tokens = tokens;
    }

    /** Removes every row, child tables first. */
    public void wipe() {
        db.deleteFrom(MEMBERS).execute();
        db.deleteFrom(SHARES).execute();
        db.deleteFrom(COLLECTIONS).execute();
        db.deleteFrom(AssetTable.ASSETS).execute();
        db.deleteFrom(UserTable.TOKENS).execute();
        db.deleteFrom(UserTable.USERS).execute();
        for (String table : List.of(
                "idempotency_keys",
                "collection_tombstone_viewers",
                "collection_tombstones",
                "asset_tombstones",
                "webhooks",
                "webhook_events")) {
            db.deleteFrom(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name(table)))
                    .execute();
        }
    }

    public User user(String name) {
        return users.create(
                name, name.toLowerCase().replace(' ', '.') + "." + SEQUENCE.incrementAndGet() + "@example.com");
    }

    public User user(String name, String email) {
        return users.create(name, email);
    }

    public User userById(long id) {
        return users.find(id).orElseThrow();
    }

    /** The scopes of a user who reads and writes collections and assets (no webhooks, no admin). */
    public static final Set<Scope> READ_WRITE = Set.copyOf(
            EnumSet.of(Scope.COLLECTIONS_READ, Scope.COLLECTIONS_WRITE, Scope.ASSETS_READ, Scope.ASSETS_WRITE));

    /** A token with every read scope. */
    public String token(User user) {
        return token(user, EnumSet.of(Scope.COLLECTIONS_READ, Scope.ASSETS_READ));
    }

    public String token(User user, Set<Scope> scopes) {
        return tokens.issue(user.id(), "test", scopes, null).plaintext();
    }

    public IssuedToken issue(User user, Set<Scope> scopes, Instant expiresAt) {
        return tokens.issue(user.id(), "test", scopes, expiresAt);
    }

    public CollectionBuilder collection(User owner, String name) {
        return new CollectionBuilder(owner.id(), name);
    }

    public void share(long collectionId, User with) {
        share(collectionId, with, "view");
    }

    /** @param level {@code view} or {@code edit} */
    public void share(long collectionId, User with, String level) {
        db.insertInto(SHARES)
                .set(CollectionTable.SHARE_COLLECTION_ID, collectionId)
                .set(CollectionTable.SHARE_USER_ID, with.id())
                .set(CollectionTable.SHARE_LEVEL, level)
                .set(CollectionTable.SHARE_CREATED_AT, SqlTypes.now())
                .execute();
    }

    public long asset(User owner, String name, String assetType) {
        return asset(owner, name).type(assetType).create();
    }

    public AssetBuilder asset(User owner, String name) {
        return new AssetBuilder(owner.id(), name);
    }

    public void member(long collectionId, long assetId, int position) {
        db.insertInto(MEMBERS)
                .set(CollectionTable.MEMBER_COLLECTION_ID, collectionId)
                .set(CollectionTable.MEMBER_ASSET_ID, assetId)
                .set(CollectionTable.MEMBER_POSITION, position)
                .set(CollectionTable.MEMBER_ADDED_AT, SqlTypes.now())
                .execute();
    }

    /** An asset being described; {@link #create()} writes it and returns its id. */
    public final class AssetBuilder {
        private final long ownerId;
        private final String name;
        private String type = "image";
        private String mimeType = "image/png";
        private String description;
        private List<String> tags = List.of();
        private Instant createdAt = SqlTypes.now();
        private Instant updatedAt;
        private UUID uuid = UUID.randomUUID();

        private AssetBuilder(long ownerId, String name) {
            this.ownerId = ownerId;
            this.name = name;
        }

        public AssetBuilder type(String assetType) {
            type = assetType;
            return this;
        }

        public AssetBuilder mime(String value) {
            mimeType = value;
            return this;
        }

        public AssetBuilder description(String text) {
            description = text;
            return this;
        }

        public AssetBuilder tags(String... values) {
            tags = List.of(values);
            return this;
        }

        public AssetBuilder created(Instant at) {
            createdAt = at;
            return this;
        }

        public AssetBuilder updated(Instant at) {
            updatedAt = at;
            return this;
        }

        public AssetBuilder uuid(UUID value) {
            uuid = value;
            return this;
        }

        public long create() {
            return db.insertInto(AssetTable.ASSETS)
                    .set(AssetTable.UUID_, uuid)
                    .set(AssetTable.OWNER_ID, ownerId)
                    .set(AssetTable.NAME, name)
                    .set(AssetTable.NAME_FOLDED, TextFolding.fold(name))
                    .set(AssetTable.DESCRIPTION, description)
                    .set(AssetTable.DESCRIPTION_FOLDED, TextFolding.fold(description))
                    .set(AssetTable.ASSET_TYPE, type)
                    .set(AssetTable.MIME_TYPE, mimeType)
                    .set(AssetTable.URL, "https://cdn.example.com/" + uuid + ".png")
                    .set(AssetTable.TAGS, AssetTags.json(tags))
                    .set(AssetTable.TAGS_FOLDED, AssetTags.folded(tags))
                    .set(AssetTable.CREATED_AT, createdAt)
                    .set(AssetTable.UPDATED_AT, updatedAt == null ? createdAt : updatedAt)
                    .returningResult(AssetTable.ID)
                    .fetchOne()
                    .value1();
        }
    }

    /** A collection being described; {@link #create()} writes it and returns its id. */
    public final class CollectionBuilder {
        private final long ownerId;
        private final String name;
        private String type = "private";
        private String description;
        private Instant createdAt = SqlTypes.now();
        private Instant updatedAt;
        private UUID uuid = UUID.randomUUID();

        private CollectionBuilder(long ownerId, String name) {
            this.ownerId = ownerId;
            this.name = name;
        }

        public CollectionBuilder publicOne() {
            type = "public";
            return this;
        }

        public CollectionBuilder description(String text) {
            description = text;
            return this;
        }

        public CollectionBuilder created(Instant at) {
            createdAt = at;
            return this;
        }

        public CollectionBuilder updated(Instant at) {
            updatedAt = at;
            return this;
        }

        public CollectionBuilder uuid(UUID value) {
            uuid = value;
            return this;
        }

        public long create() {
            return db.insertInto(COLLECTIONS)
                    .set(CollectionTable.UUID_, uuid)
                    .set(CollectionTable.OWNER_ID, ownerId)
                    .set(CollectionTable.NAME, name)
                    .set(CollectionTable.NAME_FOLDED, TextFolding.fold(name))
                    .set(CollectionTable.DESCRIPTION, description)
                    .set(CollectionTable.DESCRIPTION_FOLDED, TextFolding.fold(description))
                    .set(CollectionTable.COLLECTION_TYPE, type)
                    .set(CollectionTable.CREATED_AT, createdAt)
                    .set(CollectionTable.UPDATED_AT, updatedAt == null ? createdAt : updatedAt)
                    .returningResult(CollectionTable.ID)
                    .fetchOne()
                    .value1();
        }
    }
}
