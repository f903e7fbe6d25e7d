package com.assetcollections.caches;

import java.util.Collection;
import java.util.Map;

/**
 * Rough sizes of what caches hold, on a 64-bit JVM, erring on the large side: a cache bounded by
 * these estimates holds at most about its bound, never much more.
 */
public final class EstimatedBytes {

    /** An object's header, rounded up with its padding: also a boxed number, a small record. */
    public static final int OBJECT = 16;
    /** What a cache spends on one entry besides key and value (Caffeine's node, its table slot). */
    public static final int CACHE_ENTRY = 96;

    private static final int REFERENCE = 8;
    private static final int MAP = 96;
    private static final int MAP_ENTRY = 40;

    private EstimatedBytes() {}

    /** A string, at two bytes a character (text that is all Latin-1 takes half that). */
    public static long of(String text) {
        return text == null ? 0 : OBJECT + REFERENCE + OBJECT + 2L * text.length();
    }

    public static long of(long[] values) {
        return OBJECT + 8L * values.length;
    }

    /**
     * A map of JSON values as the readers build them: names that are constants of the code (not
     * counted), values that are strings, boxed numbers or booleans, nested maps or lists.
     */
    public static long ofJson(Map<String, ?> map) {
        long bytes = MAP + (long) MAP_ENTRY * map.size();
        for (Object value : map.values()) {
            bytes += ofJsonValue(value);
        }
        return bytes;
    }

    /** A list of JSON maps. */
    public static long ofJson(Collection<? extends Map<String, ?>> maps) {
        long bytes = OBJECT + OBJECT + (long) REFERENCE * maps.size();
        for (Map<String, ?> map : maps) {
            bytes += ofJson(map);
        }
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static long ofJsonValue(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String text) {
            return of(text);
        }
        if (value instanceof Map<?, ?> map) {
            return ofJson((Map<String, ?>) map);
        }
        if (value instanceof Collection<?> list) {
            long bytes = OBJECT + OBJECT + (long) REFERENCE * list.size();
            for (Object item : list) {
                bytes += ofJsonValue(item);
            }
            return bytes;
        }
        return OBJECT + 8;
    }
}
