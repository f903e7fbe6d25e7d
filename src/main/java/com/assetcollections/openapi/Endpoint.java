package com.assetcollections.openapi;

import com.assetcollections.query.ResourceSchema;
import java.util.List;

/**
 * One operation of the API as the OpenAPI document describes it. Its method and path are those
 * the handler is mapped to, and its scopes are the handler's {@code @RequiredScopes}: {@link
 * OpenApiDocument} takes both from the handler, and refuses to start when the two disagree.
 *
 * @param resource    the resource whose query language and items it speaks, or null
 * @param shape       the item of an endpoint without a resource, or null (none for DELETED)
 * @param body        the JSON request body, or null when it takes none
 * @param adds        keys the answer adds to the item (a secret shown once)
 * @param parameters  query parameters beyond those of the query language
 */
public record Endpoint(
        String method,
        String path,
        String summary,
        Answer answer,
        ResourceSchema resource,
        Shape shape,
        Body body,
        List<Property> adds,
        List<QueryParameter> parameters) {

    public Endpoint {
        adds = List.copyOf(adds);
        parameters = List.copyOf(parameters);
    }

    public static Endpoint of(String method, String path, String summary, Answer answer, ResourceSchema resource) {
        return new Endpoint(method, path, summary, answer, resource, null, null, List.of(), List.of());
    }

    public static Endpoint of(String method, String path, String summary, Answer answer, Shape shape) {
        return new Endpoint(method, path, summary, answer, null, shape, null, List.of(), List.of());
    }

    public static Endpoint deletes(String path, String summary) {
        return new Endpoint("DELETE", path, summary, Answer.DELETED, null, null, null, List.of(), List.of());
    }

    public Endpoint taking(Body requestBody) {
        return new Endpoint(method, path, summary, answer, resource, shape, requestBody, adds, parameters);
    }

    public Endpoint adding(Property... properties) {
        return new Endpoint(method, path, summary, answer, resource, shape, body, List.of(properties), parameters);
    }

    public Endpoint with(QueryParameter... queryParameters) {
        return new Endpoint(method, path, summary, answer, resource, shape, body, adds, List.of(queryParameters));
    }

    /** {@code GET /api/v2/collections}: the key handlers and the document's paths share. */
    public String key() {
        return method + " " + path;
    }
}
