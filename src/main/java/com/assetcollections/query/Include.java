package com.assetcollections.query;

import java.util.List;

/**
 * A relationship that {@code include=} can embed.
 *
 * @param resource   the type of what is embedded, as named in {@code fields[resource]}
 * @param slimFields the slim schema's fields, in order; {@code fields[resource]} may narrow them
 * @param many       whether it embeds a list of items rather than one item
 */
public record Include(String name, String resource, List<String> slimFields, boolean many, String description) {

    public Include {
        slimFields = List.copyOf(slimFields);
    }

    /** Embeds a list of items, such as the assets of a collection. */
    public static Include many(String name, String resource, List<String> slimFields, String description) {
        return new Include(name, resource, slimFields, true, description);
    }

    /** Embeds one item, such as the owner of a collection. */
    public static Include one(String name, String resource, List<String> slimFields, String description) {
        return new Include(name, resource, slimFields, false, description);
    }
}
