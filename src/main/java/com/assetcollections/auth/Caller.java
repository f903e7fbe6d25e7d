package com.assetcollections.auth;

import java.util.Set;

/** The authenticated user behind a request and the scopes of the token they used. */
public record Caller(long userId, long tokenId, Set<Scope> scopes) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** Throws {@link MissingScope} (403) unless the token has {@code scope}. */
    public void require(Scope scope) {
        if (!scopes.contains(scope)) {
            throw new MissingScope(scope);
        }
    }
}
