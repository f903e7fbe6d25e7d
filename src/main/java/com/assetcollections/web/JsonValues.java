package com.assetcollections.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** How column values are written in JSON: datetimes as {@code YYYY-MM-DDTHH:MM:SS.ffffffZ} (UTC), UUIDs as text. */
public final class JsonValues {

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonValues() {}

    public static Object of(Object value) {
        if (value instanceof Instant instant) {
            return DATETIME.format(instant);
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        return value;
    }

    /** A list stored as a JSON array of strings, written as that array. */
    public static List<String> stringList(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        return List.of(JSON.readValue(json, String[].class));
    }

    /** A list stored as a JSON array of objects, written as that array (keys in their stored order). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objectList(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        return JSON.readValue(json, List.class);
    }

    public static String datetime(Instant instant) {
        return DATETIME.format(instant);
    }
}
