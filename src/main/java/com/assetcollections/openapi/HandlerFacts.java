package com.assetcollections.openapi;

import com.assetcollections.auth.Scope;
import java.util.List;
import java.util.Map;

/**
 * What the handler of an endpoint itself says about it: the scopes it requires, the types of its
 * path variables, whether it reads {@code If-Match}, and whether it is served without a token.
 *
 * @param pathVariables the Java type of each path variable, by name
 * @param anonymous     whether a request without a token is served (anonymous read)
 * @param open          whether it is served to anyone, token or not (this document)
 */
public record HandlerFacts(
        List<Scope> scopes,
        Map<String, Class<?>> pathVariables,
        boolean readsIfMatch,
        boolean anonymous,
        boolean open) {

    public HandlerFacts {
        scopes = List.copyOf(scopes);
        pathVariables = Map.copyOf(pathVariables);
    }
}
