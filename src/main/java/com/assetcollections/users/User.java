package com.assetcollections.users;

import com.assetcollections.web.JsonValues;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

public record User(long id, UUID uuid, String name, String email, Instant createdAt, Instant updatedAt) {

    /** The user as the API shows them (to themselves and to admins). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("uuid", JsonValues.of(uuid));
        json.put("name", name);
        json.put("email", email);
        json.put("created_at", JsonValues.of(createdAt));
        json.put("updated_at", JsonValues.of(updatedAt));
        return json;
    }
}
