package com.assetcollections.openapi;

import java.util.List;

/**
 * The keys of an item that has no {@code ResourceSchema} (a user, a token, a share), named as
 * its component in the OpenAPI document.
 */
public record Shape(String name, List<Property> properties) {

    public Shape {
        properties = List.copyOf(properties);
    }

    public static Shape of(String name, Property... properties) {
        return new Shape(name, List.of(properties));
    }
}
