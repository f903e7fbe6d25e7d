package com.assetcollections.query;

import java.util.List;

/**
 * A relationship that {@code include=} can embed.
 *
 * @param resource   the type of what is embedded, as named in {@code fields[resource]}
 * @param slimFields the slim schema's fields, in order; {@code fields[resource]} may narrow them
 */
public record Include(String name, String resource, List<String> slimFields, String description) {

    public Include {
        slimFields = List.copyOf(slimFields);
    }
}
