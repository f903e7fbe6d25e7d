package com.assetcollections.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** How column values are written in JSON: datetimes as {@code YYYY-MM-DDTHH:MM:SS.ffffffZ} (UTC), UUIDs as text. */
public final class JsonValues {

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private JsonValues() {
    }

    public static Object of(Object value) {
        if (value instanceof Instant instant) {
            return DATETIME.format(instant);
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        return value;
    }

    public static String datetime(Instant instant) {
        return DATETIME.format(instant);
    }
}
