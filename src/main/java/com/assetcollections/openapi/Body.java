package com.assetcollections.openapi;

import java.util.List;

/**
 * A JSON request body: the fields it may hold (any other is refused) and their rules. The
 * handler that reads it takes its allowed names from here ({@link #names()}), so the document and
 * the service cannot disagree about which fields exist.
 */
public record Body(List<BodyField> fields) {

    public Body {
        fields = List.copyOf(fields);
    }

    public static Body of(BodyField... fields) {
        return new Body(List.of(fields));
    }

    public List<String> names() {
        return fields.stream().map(BodyField::name).toList();
    }

    /** The same fields, none required: a PATCH changes only those it sends. */
    public Body allOptional() {
        return new Body(fields.stream().map(BodyField::optional).toList());
    }
}
