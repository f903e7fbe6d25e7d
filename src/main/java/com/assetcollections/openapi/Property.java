package com.assetcollections.openapi;

import com.assetcollections.query.ValueType;

/**
 * One key of a JSON object the API answers with, for items that no {@code ResourceSchema}
 * describes (users, tokens, shares) and for keys a response adds to one (a secret shown once).
 *
 * @param object the keys of a nested object, or null when {@code type} says what the value is
 */
public record Property(String name, ValueType type, boolean nullable, String description, Shape object) {

    public static Property of(String name, ValueType type, String description) {
        return new Property(name, type, false, description, null);
    }

    public static Property orNull(String name, ValueType type, String description) {
        return new Property(name, type, true, description, null);
    }

    public static Property object(String name, Shape object, String description) {
        return new Property(name, null, false, description, object);
    }
}
