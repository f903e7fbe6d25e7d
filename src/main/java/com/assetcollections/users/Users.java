package com.assetcollections.users;

import static com.assetcollections.users.UserTable.CREATED_AT;
import static com.assetcollections.users.UserTable.EMAIL;
import static com.assetcollections.users.UserTable.ID;
import static com.assetcollections.users.UserTable.NAME;
import static com.assetcollections.users.UserTable.UPDATED_AT;
import static com.assetcollections.users.UserTable.USERS;
import static com.assetcollections.users.UserTable.UUID_;

import com.assetcollections.storage.SqlTypes;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class Users {

    private final DSLContext db;

    public Users(DSLContext db) {
        this.db = db;
    }

    public User create(String name, String email) {
        Instant now = SqlTypes.now();
        UUID uuid = UUID.randomUUID();
        long id = db.insertInto(USERS)
                .set(UUID_, uuid)
                .set(NAME, name)
                .set(EMAIL, email)
                .set(CREATED_AT, now)
                .set(UPDATED_AT, now)
                .returningResult(ID)
                .fetchOne()
                .value1();
        return new User(id, uuid, name, email);
    }

    public Optional<User> findByEmail(String email) {
        return db.select(ID, UUID_, NAME, EMAIL)
                .from(USERS)
                .where(DSL.lower(EMAIL).eq(email.toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(r -> new User(r.value1(), r.value2(), r.value3(), r.value4()));
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
}
