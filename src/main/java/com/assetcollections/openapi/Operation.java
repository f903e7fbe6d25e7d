package com.assetcollections.openapi;

import com.assetcollections.auth.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One operation object of the document: parameters, request body, answers and security of one endpoint. */
final class Operation {

    private static final Map<String, String> PATH_VARIABLES = Map.of(
            "key", "the item's id or uuid",
            "user", "the user's id (for a share: or the e-mail address it was made for)",
            "assetId", "the asset's id",
            "id", "the token's id",
            "delivery", "the delivery's id");

    private final Endpoint endpoint;
    private final String id;
    private final HandlerFacts handler;
    private final Map<String, Map<String, Object>> items;
    private final Map<String, Map<String, Object>> envelopes;

    /**
     * @param id        its operationId
     * @param items     the item schema of every resource and shape, by name
     * @param envelopes the named answer envelopes of the document, which its answers add to
     */
    Operation(
            Endpoint endpoint,
            String id,
            HandlerFacts handler,
            Map<String, Map<String, Object>> items,
            Map<String, Map<String, Object>> envelopes) {
        this.endpoint = endpoint;
        this.id = id;
        this.handler = handler;
        this.items = items;
        this.envelopes = envelopes;
    }

    Map<String, Object> toMap() {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("operationId", id);
        operation.put("tags", List.of(tag()));
        operation.put("summary", endpoint.summary());
        if (!handler.open()) {
            operation.put(
                    "description",
                    "Scopes: " + scopeList()
                            + (handler.anonymous() ? "; also served without a token (anonymous read)" : ""));
        }
        operation.put("parameters", parameters());
        if (endpoint.body() != null) {
            operation.put(
                    "requestBody",
                    Map.of("required", true, "content", StandardResponses.json(JsonSchemas.of(endpoint.body()))));
        }
        operation.put("responses", new Answers(endpoint, handler, item(), envelopes).toMap());
        operation.put("security", security());
        return operation;
    }

    private String scopeList() {
        return handler.scopes().isEmpty()
                ? "any valid token"
                : String.join(", ", handler.scopes().stream().map(Scope::token).toList());
    }

    private List<Map<String, Object>> security() {
        if (handler.open()) {
            return List.of();
        }
        List<Map<String, Object>> security = new ArrayList<>();
        security.add(Map.of(
                OpenApiDocument.BEARER,
                handler.scopes().stream().map(Scope::token).toList()));
        if (handler.anonymous()) {
            security.add(Map.of());
        }
        return security;
    }

    private List<Map<String, Object>> parameters() {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (String name : OpenApiDocument.pathVariables(endpoint.path())) {
            Class<?> type = handler.pathVariables().getOrDefault(name, String.class);
            boolean number = type == long.class || type == Long.class || type == int.class || type == Integer.class;
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("name", name);
            parameter.put("in", "path");
            parameter.put("required", true);
            parameter.put("description", PATH_VARIABLES.getOrDefault(name, name));
            parameter.put("schema", number ? Map.of("type", "integer", "format", "int64") : Map.of("type", "string"));
            parameters.add(parameter);
        }
        String method = endpoint.method();
        if (method.equals("GET") && !handler.open()) {
            parameters.add(header("If-None-Match", "an ETag read before: 304 while it is current"));
        }
        if (handler.readsIfMatch()) {
            parameters.add(
                    header("If-Match", "the ETag read before: the write is refused with 412 unless it is current"));
        }
        if (method.equals("POST") && !handler.open()) {
            parameters.add(header(
                    "Idempotency-Key",
                    "a key of the client's choosing: a retry with the same key and body replays the first answer"));
        }
        parameters.addAll(queryParameters());
        return parameters;
    }

    private List<Map<String, Object>> queryParameters() {
        List<Map<String, Object>> parameters = new ArrayList<>();
        if (endpoint.resource() != null && endpoint.answer() == Answer.LIST) {
            parameters.addAll(QueryLanguage.list(endpoint.resource()));
        } else if (endpoint.resource() != null && endpoint.method().equals("GET")) {
            parameters.addAll(QueryLanguage.item(endpoint.resource()));
            parameters.addAll(QueryLanguage.paging());
        } else if (endpoint.answer() == Answer.PLAIN_LIST) {
            parameters.addAll(QueryLanguage.paging());
        }
        for (QueryParameter extra : endpoint.parameters()) {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "string");
            if (extra.pattern() != null) {
                schema.put("pattern", extra.pattern());
            }
            Map<String, Object> parameter = QueryLanguage.parameter(extra.name(), schema, extra.description());
            parameter.put("required", extra.required());
            parameters.add(parameter);
        }
        return parameters;
    }

    private static Map<String, Object> header(String name, String description) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put("in", "header");
        parameter.put("description", description);
        parameter.put("schema", Map.of("type", "string"));
        return parameter;
    }

    /** The schema of the item the endpoint answers with, with the keys it adds. */
    private Map<String, Object> item() {
        String name = endpoint.resource() != null
                ? endpoint.resource().name()
                : endpoint.shape() != null ? endpoint.shape().name() : null;
        if (name == null) {
            return null;
        }
        Map<String, Object> ref = Map.of("$ref", "#/components/schemas/" + name);
        if (endpoint.adds().isEmpty()) {
            return ref;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> properties =
                new LinkedHashMap<>((Map<String, Object>) items.get(name).get("properties"));
        endpoint.adds().forEach(p -> properties.put(p.name(), JsonSchemas.of(p)));
        return JsonSchemas.object(
                properties, endpoint.adds().stream().map(Property::name).toList());
    }

    private String tag() {
        return endpoint.path().replaceFirst("^/api/v2/", "").split("[/.]")[0];
    }
}
