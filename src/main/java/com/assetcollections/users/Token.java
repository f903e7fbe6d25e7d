package com.assetcollections.users;

import com.assetcollections.auth.Scope;
import com.assetcollections.web.JsonValues;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A stored token as its owner and admins see it: everything but the secret, which is never kept, and its hash. */
public record Token(
        long id,
        long userId,
        String name,
        Set<Scope> scopes,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt) {

    public Token {
        scopes = Set.copyOf(scopes);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("user_id", userId);
        json.put("name", name);
        json.put("scopes", scopes.stream().sorted().map(Scope::token).toList());
        json.put("created_at", JsonValues.of(createdAt));
        json.put("last_used_at", JsonValues.of(lastUsedAt));
        json.put("expires_at", JsonValues.of(expiresAt));
        json.put("revoked_at", JsonValues.of(revokedAt));
        return json;
    }
}
