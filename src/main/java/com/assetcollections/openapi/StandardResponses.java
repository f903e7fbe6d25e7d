package com.assetcollections.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parts every operation shares: the error body, the envelopes, the headers and the error answers. */
final class StandardResponses {

    static final String ERROR = "Error";
    static final List<String> RATE_LIMIT = List.of("X-RateLimit-Limit", "X-RateLimit-Remaining");

    private StandardResponses() {}

    static Map<String, Object> schemas() {
        Map<String, Object> schemas = new LinkedHashMap<>();
        Map<String, Object> errors = Map.of(
                "type", "object",
                "additionalProperties", Map.of("type", "array", "items", Map.of("type", "string")),
                "description", "each bad parameter or field with what is wrong with it (400 and 422 only)");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", Map.of("type", "string"));
        error.put("errors", errors);
        schemas.put(ERROR, JsonSchemas.object(error, List.of("message")));
        schemas.put("PageLinks", JsonSchemas.object(pageLinks(), List.of("first", "last", "prev", "next")));
        schemas.put("PageMeta", JsonSchemas.object(pageMeta(), List.of("path", "per_page")));
        return schemas;
    }

    private static Map<String, Object> pageLinks() {
        Map<String, Object> links = new LinkedHashMap<>();
        for (String name : List.of("first", "last", "prev", "next")) {
            links.put(name, nullable("string"));
        }
        return links;
    }

    /** The offset paginator's meta, or (with {@code cursor}) the cursor paginator's. */
    private static Map<String, Object> pageMeta() {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("url", nullable("string"));
        link.put("label", Map.of("type", "string"));
        link.put("active", Map.of("type", "boolean"));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("current_page", Map.of("type", "integer"));
        meta.put("from", nullable("integer"));
        meta.put("last_page", Map.of("type", "integer"));
        meta.put(
                "links", Map.of("type", "array", "items", JsonSchemas.object(link, List.of("url", "label", "active"))));
        meta.put("path", Map.of("type", "string"));
        meta.put("per_page", Map.of("type", "integer"));
        meta.put("to", nullable("integer"));
        meta.put("total", Map.of("type", "integer"));
        meta.put("next_cursor", nullable("string"));
        meta.put("prev_cursor", nullable("string"));
        return meta;
    }

    static Map<String, Object> headers() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Limit", header("integer", "requests allowed per window to this user"));
        headers.put("X-RateLimit-Remaining", header("integer", "requests left in this window"));
        headers.put("X-RateLimit-Reset", header("integer", "when the window ends (unix time)"));
        headers.put("Retry-After", header("integer", "seconds to wait before retrying"));
        headers.put(
                "ETag", header("string", "the strong validator of this representation (for If-None-Match, If-Match)"));
        headers.put("Location", header("string", "the URL of the new item"));
        headers.put(
                "Idempotent-Replayed",
                header(
                        "string",
                        "`true` when this is the stored answer to an earlier request with the same Idempotency-Key"));
        headers.put("WWW-Authenticate", header("string", "`Bearer`"));
        return headers;
    }

    static Map<String, Object> responses() {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("304", Map.of("description", "not modified: the If-None-Match ETag is current"));
        responses.put(
                "400", error("a malformed parameter, path id or body; the message names it and lists what is allowed"));
        responses.put("401", error("no token, or an unknown, expired or revoked one", "WWW-Authenticate"));
        responses.put("403", error("the token lacks a scope this operation needs"));
        responses.put("404", error("no such item, or one the caller may not see"));
        responses.put(
                "409", error("conflicts with the current state (an Idempotency-Key in use, an e-mail taken, ...)"));
        responses.put("412", error("the If-Match ETag is not the current one"));
        responses.put("413", error("the body is larger than app.max-body-size"));
        responses.put("422", error("fields break their rules: `errors` lists every one"));
        responses.put("429", error("too many requests", "Retry-After", "X-RateLimit-Reset"));
        responses.put("503", error("the service is overloaded or the database does not answer in time", "Retry-After"));
        return responses;
    }

    private static Map<String, Object> error(String description, String... headerNames) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("description", description);
        response.put("headers", headerRefs(List.of(headerNames)));
        response.put("content", json(Map.of("$ref", "#/components/schemas/" + ERROR)));
        return response;
    }

    static Map<String, Object> headerRefs(List<String> names) {
        Map<String, Object> refs = new LinkedHashMap<>();
        for (String name : names) {
            refs.put(name, Map.of("$ref", "#/components/headers/" + name));
        }
        return refs;
    }

    static Map<String, Object> json(Map<String, Object> schema) {
        return Map.of("application/json", Map.of("schema", schema));
    }

    private static Map<String, Object> header(String type, String description) {
        return Map.of("description", description, "schema", Map.of("type", type));
    }

    private static Map<String, Object> nullable(String type) {
        return Map.of("type", List.of(type, "null"));
    }
}
