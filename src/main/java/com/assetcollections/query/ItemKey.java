package com.assetcollections.query;

import com.assetcollections.web.NotFound;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.Field;

/** The {@code {id|uuid}} of an item path: a number is an id, a UUID a uuid, anything else exists nowhere. */
public final class ItemKey {

    private static final Pattern NUMERIC_ID = Pattern.compile("[0-9]{1,18}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ItemKey() {}

    /** The condition selecting the item, or {@link NotFound} naming {@code what} when the key cannot name one. */
    public static Condition condition(String key, Field<Long> id, Field<UUID> uuid, String what) {
        if (NUMERIC_ID.matcher(key).matches()) {
            return id.eq(Long.parseLong(key));
        }
        if (UUID_TEXT.matcher(key).matches()) {
            return uuid.eq(UUID.fromString(key));
        }
        throw notFound(key, what);
    }

    /** The id of an item that has no uuid, or {@link NotFound} naming {@code what} when the key cannot be one. */
    public static long id(String key, String what) {
        if (NUMERIC_ID.matcher(key).matches()) {
            return Long.parseLong(key);
        }
        throw notFound(key, what);
    }

    public static NotFound notFound(String key, String what) {
        return new NotFound(what + " `" + key + "` not found");
    }
}
