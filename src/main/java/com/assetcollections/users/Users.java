package com.assetcollections.users;

import static com.assetcollections.users.UserTable.CREATED_AT;
import static com.assetcollections.users.UserTable.EMAIL;
import static com.assetcollections.users.UserTable.ID;
import static com.assetcollections.users.UserTable.NAME;
import static com.assetcollections.users.UserTable.UPDATED_AT;
import static com.assetcollections.users.UserTable.USERS;
import static com.assetcollections.users.UserTable.UUID_;

import com.assetcollections.query.ItemKey;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.Conflict;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class Users {

    private static final List<Field<?>> COLUMNS = List.of(ID, UUID_, NAME, EMAIL, CREATED_AT, UPDATED_AT);

    private final DSLContext db;

    public Users(DSLContext db) {
        this.db = db;
    }

    /** Creates a user; {@link Conflict} (409) when the e-mail address is taken (case-insensitively). */
    public User create(String name, String email) {
        return createIfEmailFree(name, email)
                .orElseThrow(() -> new Conflict("a user with e-mail address " + email + " exists already"));
    }

    /**
     * Creates a user unless one has the same e-mail address (case-insensitively). The unique index
     * on {@code lower(email)} decides, so two concurrent requests cannot both succeed.
     */
    public Optional<User> createIfEmailFree(String name, String email) {
        Instant now = SqlTypes.now();
        UUID uuid = UUID.randomUUID();
        int inserted = db.insertInto(USERS)
                .set(UUID_, uuid)
                .set(NAME, name)
                .set(EMAIL, email)
                .set(CREATED_AT, now)
                .set(UPDATED_AT, now)
                .onConflictDoNothing()
                .execute();
        // Not RETURNING: on SQLite jOOQ reads the id back with last_insert_rowid(), which after an
        // ignored insert is the id of the connection's previous insert.
        return inserted == 0
                ? Optional.empty()
                : db.select(COLUMNS).from(USERS).where(UUID_.eq(uuid)).fetchOptional(Users::user);
    }

    public Optional<User> findByEmail(String email) {
        return db.select(COLUMNS)
                .from(USERS)
                .where(DSL.lower(EMAIL).eq(email.toLowerCase(Locale.ROOT)))
                .fetchOptional(Users::user);
    }

    public Optional<User> find(long id) {
        return db.select(COLUMNS).from(USERS).where(ID.eq(id)).fetchOptional(Users::user);
    }

    /** The user an {@code {id|uuid}} path names, or {@link com.assetcollections.web.NotFound} (404). */
    public User byKey(String key) {
        return db.select(COLUMNS)
                .from(USERS)
                .where(ItemKey.condition(key, ID, UUID_, "user"))
                .fetchOptional(Users::user)
                .orElseThrow(() -> ItemKey.notFound(key, "user"));
    }

    /** One page of all users, by id. */
    public List<User> page(long offset, int limit) {
        return db.select(COLUMNS)
                .from(USERS)
                .orderBy(ID)
                .limit(limit)
                .offset(offset)
                .fetch(Users::user);
    }

    public long count() {
        return db.fetchCount(USERS);
    }

    /** Users in the slim schema ({@code id}, {@code name}) by id, for includes; one query. */
    public Map<Long, Map<String, Object>> slimByIds(Collection<Long> ids) {
        Map<Long, Map<String, Object>> slim = new HashMap<>();
        if (ids.isEmpty()) {
            return slim;
        }
        db.select(ID, NAME).from(USERS).where(ID.in(ids)).forEach(r -> {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", r.value1());
            user.put("name", r.value2());
            slim.put(r.value1(), user);
        });
        return slim;
    }

    public boolean isEmpty() {
        return !db.fetchExists(USERS);
    }

    private static User user(Record row) {
        return new User(
                row.get(ID), row.get(UUID_), row.get(NAME), row.get(EMAIL), row.get(CREATED_AT), row.get(UPDATED_AT));
    }
}
