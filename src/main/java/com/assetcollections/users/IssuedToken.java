package com.assetcollections.users;

import com.assetcollections.auth.Scope;
import java.time.Instant;
import java.util.Set;

/** A newly created token; {@code plaintext} exists only here and is never stored or logged. */
public record IssuedToken(long id, long userId, String name, Set<Scope> scopes, Instant expiresAt, String plaintext) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + id + ", userId=" + userId + ", name=" + name + ", scopes=" + scopes + "]";
    }
}
