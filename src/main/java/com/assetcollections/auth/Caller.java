package com.assetcollections.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is behind a request: the user a token belongs to and the token's scopes, or {@link
 * #ANONYMOUS} for a request without a token where anonymous read is on.
 */
public record Caller(long userId, long tokenId, Set<Scope> scopes) {

    /**
     * The user id anonymous callers carry. No user has it (ids start at 1), but nothing relies on
     * that alone: {@code collections/Visibility} turns it into "public collections only" in SQL.
     */
    public static final long ANONYMOUS_USER_ID = -1;

    /** A request without a token, allowed to read public collections and their assets and nothing more. */
    public static final Caller ANONYMOUS =
            new Caller(ANONYMOUS_USER_ID, -1, EnumSet.of(Scope.COLLECTIONS_READ, Scope.ASSETS_READ));

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the request came without a token. */
    public boolean anonymous() {
        return userId == ANONYMOUS_USER_ID;
    }

    /** Throws {@link MissingScope} (403) unless the token has {@code scope}. */
    public void require(Scope scope) {
        if (!scopes.contains(scope)) {
            throw new MissingScope(scope);
        }
    }
}
