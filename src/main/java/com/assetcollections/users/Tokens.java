package com.assetcollections.users;

import static com.assetcollections.users.UserTable.TOKENS;
import static com.assetcollections.users.UserTable.TOKEN_CREATED_AT;
import static com.assetcollections.users.UserTable.TOKEN_EXPIRES_AT;
import static com.assetcollections.users.UserTable.TOKEN_HASH;
import static com.assetcollections.users.UserTable.TOKEN_ID;
import static com.assetcollections.users.UserTable.TOKEN_LAST_USED_AT;
import static com.assetcollections.users.UserTable.TOKEN_NAME;
import static com.assetcollections.users.UserTable.TOKEN_REVOKED_AT;
import static com.assetcollections.users.UserTable.TOKEN_SCOPES;
import static com.assetcollections.users.UserTable.TOKEN_USER_ID;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.storage.SqlTypes;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Personal access tokens: issuing, authenticating and revoking. */
@Repository
public class Tokens {

    /** last_used_at is written at most this often per token, so reads do not turn into writes. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final DSLContext db;
    private final Cache<Long, Instant> lastUsedWritten =
            Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(LAST_USED_RESOLUTION).build();

    public Tokens(DSLContext db) {
        this.db = db;
    }

    public IssuedToken issue(long userId, String name, Set<Scope> scopes, Instant expiresAt) {
        String plaintext = TokenHash.newToken();
        long id = db.insertInto(TOKENS)
                .set(TOKEN_USER_ID, userId)
                .set(TOKEN_NAME, name)
                .set(TOKEN_HASH, TokenHash.hash(plaintext))
                .set(TOKEN_SCOPES, scopes.stream().map(Scope::token).sorted().collect(Collectors.joining(" ")))
                .set(TOKEN_CREATED_AT, SqlTypes.now())
                .set(TOKEN_EXPIRES_AT, expiresAt)
                .returningResult(TOKEN_ID)
                .fetchOne()
                .value1();
        return new IssuedToken(id, userId, name, Set.copyOf(scopes), expiresAt, plaintext);
    }

    /** The caller a token stands for, unless it is unknown, revoked or expired. */
    public Optional<Caller> authenticate(String plaintext) {
        if (!plaintext.startsWith(TokenHash.PREFIX) || plaintext.length() > 100) {
            return Optional.empty();
        }
        var row = db.select(TOKEN_ID, TOKEN_USER_ID, TOKEN_SCOPES, TOKEN_EXPIRES_AT, TOKEN_REVOKED_AT)
                .from(TOKENS)
                .where(TOKEN_HASH.eq(TokenHash.hash(plaintext)))
                .fetchOne();
        Instant now = Instant.now();
        if (row == null || row.value5() != null || (row.value4() != null && !row.value4().isAfter(now))) {
            return Optional.empty();
        }
        recordUse(row.value1(), now);
        return Optional.of(new Caller(row.value2(), row.value1(), parseScopes(row.value3())));
    }

    public boolean revoke(long tokenId) {
        return db.update(TOKENS)
                .set(TOKEN_REVOKED_AT, SqlTypes.now())
                .where(TOKEN_ID.eq(tokenId).and(TOKEN_REVOKED_AT.isNull()))
                .execute() == 1;
    }

    private void recordUse(long tokenId, Instant now) {
        if (lastUsedWritten.asMap().putIfAbsent(tokenId, now) == null) {
            db.update(TOKENS).set(TOKEN_LAST_USED_AT, SqlTypes.now()).where(TOKEN_ID.eq(tokenId)).execute();
        }
    }

    private static Set<Scope> parseScopes(String stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(stored.split(" ")).map(Scope::fromToken).flatMap(Optional::stream).forEach(scopes::add);
        return scopes;
    }
}
