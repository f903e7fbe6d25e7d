package com.assetcollections.auth;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a token may do. */
public enum Scope {
    COLLECTIONS_READ("collections:read"),
    COLLECTIONS_WRITE("collections:write"),
    ASSETS_READ("assets:read"),
    ASSETS_WRITE("assets:write"),
    /** The caller's own webhook subscriptions and their delivery logs (everyone's with {@link #ADMIN}). */
    WEBHOOKS_READ("webhooks:read"),
    WEBHOOKS_WRITE("webhooks:write"),
    ADMIN("admin");

    private final String token;

    Scope(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Optional<Scope> fromToken(String token) {
        return Arrays.stream(values()).filter(s -> s.token.equals(token)).findFirst();
    }

    public static String allTokens() {
        return Arrays.stream(values()).map(Scope::token).collect(Collectors.joining(", "));
    }
}
