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
import com.assetcollections.caches.CacheLimit;
import com.assetcollections.caches.EstimatedBytes;
import com.assetcollections.caches.MeasuredCache;
import com.assetcollections.storage.ChangeScope;
import com.assetcollections.storage.DataVersions;
import com.assetcollections.storage.SqlTypes;
import com.github.benmanes.caffeine.cache.Cache;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;
import org.springframework.util.unit.DataSize;

/** Personal access tokens: issuing, authenticating and revoking. */
@Repository
public class Tokens implements MeasuredCache {

    /** Every column but the hash, which never leaves this class. */
    private static final List<Field<?>> DETAILS = List.of(
            TOKEN_ID,
            TOKEN_USER_ID,
            TOKEN_NAME,
            TOKEN_SCOPES,
            TOKEN_CREATED_AT,
            TOKEN_LAST_USED_AT,
            TOKEN_EXPIRES_AT,
            TOKEN_REVOKED_AT);

    /** What a {@link KnownToken} takes, its set of scopes and two instants included. */
    private static final long KNOWN_TOKEN_BYTES = 160;

    private final DSLContext db;
    private final DataVersions versions;
    private final TokenUse use;
    /** Token rows by hash, with the version of the token's change scope they were read at (migration V9). */
    private final Cache<String, KnownToken> known;

    public Tokens(
            DSLContext db,
            DataVersions versions,
            TokenUse use,
            @Value("${app.caches.tokens.max-size:16MB}") DataSize cacheSize,
            @Value("${app.caches.tokens.idle:30m}") Duration cacheIdle) {
        this.db = db;
        this.versions = versions;
        this.use = use;
        this.known = new CacheLimit(cacheSize, cacheIdle)
                .build((String hash, KnownToken token) -> EstimatedBytes.of(hash) + KNOWN_TOKEN_BYTES);
    }

    @Override
    public String cacheName() {
        return "tokens";
    }

    @Override
    public Cache<?, ?> cacheForMetrics() {
        return known;
    }

    private record KnownToken(
            long version, long id, long userId, Set<Scope> scopes, Instant expiresAt, Instant revokedAt) {}

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

    /**
     * The caller a token stands for, unless it is unknown, revoked or expired. A token read before
     * is taken from memory while the version of its change scope is unchanged, so a revocation is
     * honoured by the next request on every instance. The versions the caller's reads usually
     * need are read in the same round trip.
     */
    public Optional<Caller> authenticate(String plaintext) {
        if (!plaintext.startsWith(TokenHash.PREFIX) || plaintext.length() > 100) {
            return Optional.empty();
        }
        String hash = TokenHash.hash(plaintext);
        KnownToken token = known.getIfPresent(hash);
        if (token != null) {
            ChangeScope scope = ChangeScope.token(token.id());
            versions.prefetch(withUsual(scope, token.userId()));
            if (versions.current(List.of(scope)) != token.version()) {
                token = null;
            }
        }
        if (token == null) {
            token = load(hash);
            if (token == null) {
                return Optional.empty();
            }
            known.put(hash, token);
            versions.prefetch(withUsual(ChangeScope.token(token.id()), token.userId()));
        }
        Instant now = Instant.now();
        if (token.revokedAt() != null
                || (token.expiresAt() != null && !token.expiresAt().isAfter(now))) {
            return Optional.empty();
        }
        use.record(token.id(), now);
        return Optional.of(new Caller(token.userId(), token.id(), token.scopes()));
    }

    /**
     * Whether this instance holds {@code plaintext} in memory as a token that was valid when read:
     * such a token is looked up without counting against the limit on failed authentications (it
     * costs a version read at most, and is still refused if revoked meanwhile).
     */
    public boolean holdsValid(String plaintext) {
        if (!plaintext.startsWith(TokenHash.PREFIX) || plaintext.length() > 100) {
            return false;
        }
        KnownToken token = known.getIfPresent(TokenHash.hash(plaintext));
        return token != null
                && token.revokedAt() == null
                && (token.expiresAt() == null || token.expiresAt().isAfter(Instant.now()));
    }

    private static List<ChangeScope> withUsual(ChangeScope token, long userId) {
        List<ChangeScope> scopes = new ArrayList<>(ChangeScope.usualFor(userId));
        scopes.add(token);
        return scopes;
    }

    /** The token row with the version of its change scope, read in one statement. */
    private KnownToken load(String hash) {
        return db.select(
                        TOKEN_ID,
                        TOKEN_USER_ID,
                        TOKEN_SCOPES,
                        TOKEN_EXPIRES_AT,
                        TOKEN_REVOKED_AT,
                        DataVersions.versionOf(ChangeScope.TOKEN_KIND, TOKEN_ID))
                .from(TOKENS)
                .where(TOKEN_HASH.eq(hash))
                .fetchOptional()
                .map(row -> new KnownToken(
                        row.value6(),
                        row.value1(),
                        row.value2(),
                        parseScopes(row.value3()),
                        row.value4(),
                        row.value5()))
                .orElse(null);
    }

    public Optional<Token> find(long tokenId) {
        return db.select(DETAILS)
                .from(TOKENS)
                .where(TOKEN_ID.eq(tokenId))
                .fetchOptional(Tokens::token)
                .map(use::withNotedUse);
    }

    /** One page of a user's tokens, revoked and expired ones included, by id. */
    public List<Token> ofUser(long userId, long offset, int limit) {
        return db
                .select(DETAILS)
                .from(TOKENS)
                .where(TOKEN_USER_ID.eq(userId))
                .orderBy(TOKEN_ID)
                .limit(limit)
                .offset(offset)
                .fetch(Tokens::token)
                .stream()
                .map(use::withNotedUse)
                .toList();
    }

    public long countOfUser(long userId) {
        return db.fetchCount(TOKENS, TOKEN_USER_ID.eq(userId));
    }

    /**
     * Revokes a token that is not revoked yet; false when there is none. The update marks the
     * token's change scope (a trigger), so every instance stops honouring the token at once.
     */
    public boolean revoke(long tokenId) {
        return db.update(TOKENS)
                        .set(TOKEN_REVOKED_AT, SqlTypes.now())
                        .where(TOKEN_ID.eq(tokenId).and(TOKEN_REVOKED_AT.isNull()))
                        .execute()
                == 1;
    }

    private static Token token(Record row) {
        return new Token(
                row.get(TOKEN_ID),
                row.get(TOKEN_USER_ID),
                row.get(TOKEN_NAME),
                parseScopes(row.get(TOKEN_SCOPES)),
                row.get(TOKEN_CREATED_AT),
                row.get(TOKEN_LAST_USED_AT),
                row.get(TOKEN_EXPIRES_AT),
                row.get(TOKEN_REVOKED_AT));
    }

    private static Set<Scope> parseScopes(String stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        Arrays.stream(stored.split(" "))
                .map(Scope::fromToken)
                .flatMap(Optional::stream)
                .forEach(scopes::add);
        return scopes;
    }
}
