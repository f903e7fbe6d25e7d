package com.assetcollections.auth;

import java.util.Set;

/**
 * The only API paths served to anyone, with or without a token, and needing no scope: the
 * OpenAPI document, which a client needs before it has a token.
 */
public final class OpenPaths {

    public static final Set<String> PATHS = Set.of("/api/v2/openapi.json", "/api/v2/openapi.yaml");

    private OpenPaths() {}

    public static boolean contains(String path) {
        return PATHS.contains(path);
    }
}
