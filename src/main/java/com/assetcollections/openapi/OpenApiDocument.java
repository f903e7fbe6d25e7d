package com.assetcollections.openapi;

import com.assetcollections.auth.Scope;
import com.assetcollections.query.ResourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the OpenAPI 3.1 document of the API from its endpoint lists, the resource schemas they
 * name and the facts of the handlers they are mapped to: nothing in it is written by hand, so a
 * field added to a schema, an operator allowed or a scope required appears in it by itself.
 */
public final class OpenApiDocument {

    static final String BEARER = "bearer";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final List<Endpoint> endpoints;
    private final Map<String, HandlerFacts> handlers;
    private final Map<String, Map<String, Object>> items = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> envelopes = new LinkedHashMap<>();

    private OpenApiDocument(List<Endpoint> endpoints, Map<String, HandlerFacts> handlers) {
        this.endpoints = List.copyOf(endpoints);
        this.handlers = Map.copyOf(handlers);
    }

    /**
     * The document of {@code endpoints}, each described by the handler facts under its {@link
     * Endpoint#key()}; fails when an endpoint has no handler or a handler no endpoint.
     */
    public static Map<String, Object> of(String version, List<Endpoint> endpoints, Map<String, HandlerFacts> handlers) {
        return of(version, "/", endpoints, handlers);
    }

    /**
     * The same, served under {@code server}: the path the service is reached under, on the origin
     * the document was read from (so that a page on that origin tries operations there).
     */
    public static Map<String, Object> of(
            String version, String server, List<Endpoint> endpoints, Map<String, HandlerFacts> handlers) {
        return new OpenApiDocument(endpoints, handlers).build(version, server);
    }

    private Map<String, Object> build(String version, String server) {
        requireSameOperations();
        collectItems();
        OperationIds ids = new OperationIds(endpoints);
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            @SuppressWarnings("unchecked")
            Map<String, Object> path =
                    (Map<String, Object>) paths.computeIfAbsent(endpoint.path(), p -> new LinkedHashMap<>());
            path.put(
                    endpoint.method().toLowerCase(java.util.Locale.ROOT),
                    new Operation(endpoint, ids.of(endpoint), handlers.get(endpoint.key()), items, envelopes).toMap());
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", info(version));
        document.put("servers", List.of(Map.of("url", server)));
        document.put("security", List.of(Map.of(BEARER, List.of())));
        document.put("paths", paths);
        document.put("components", components());
        return ordered(document);
    }

    /**
     * {@code value} with the keys of every map not built in order sorted: {@code Map.of} iterates in
     * an order that changes from one JVM to the next, and the document should be the same bytes on
     * every start (the committed copy in {@code docs/openapi.yaml} is compared with it as text). A
     * {@code LinkedHashMap} copied from a {@code Map.of} keeps its order of that run: don't.
     */
    @SuppressWarnings("unchecked")
    private static <T> T ordered(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = map instanceof LinkedHashMap<?, ?> ? new LinkedHashMap<>() : new TreeMap<>();
            map.forEach((key, item) -> copy.put(key, ordered(item)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            return (T) list.stream().map(OpenApiDocument::ordered).toList();
        }
        return value;
    }

    private void requireSameOperations() {
        TreeSet<String> declared = new TreeSet<>();
        endpoints.forEach(endpoint -> {
            if (!declared.add(endpoint.key())) {
                throw new IllegalStateException("endpoint " + endpoint.key() + " is declared twice");
            }
        });
        TreeSet<String> undeclared = new TreeSet<>(handlers.keySet());
        undeclared.removeAll(declared);
        declared.removeAll(handlers.keySet());
        if (!undeclared.isEmpty() || !declared.isEmpty()) {
            throw new IllegalStateException(
                    "the endpoint lists and the handlers disagree: handlers without an endpoint " + undeclared
                            + ", endpoints without a handler " + declared);
        }
    }

    /** The item schema of every resource and shape, by name; includes take their slim fields from these. */
    private void collectItems() {
        for (Endpoint endpoint : endpoints) {
            if (endpoint.shape() != null) {
                items.putIfAbsent(
                        endpoint.shape().name(),
                        JsonSchemas.object(endpoint.shape().properties(), List.of()));
            }
        }
        Map<String, ResourceSchema> resources = new LinkedHashMap<>();
        endpoints.stream()
                .filter(e -> e.resource() != null)
                .forEach(e -> resources.putIfAbsent(e.resource().name(), e.resource()));
        // a resource's includes need the items of other resources: plain fields first, includes after
        resources.values().forEach(r -> items.put(r.name(), JsonSchemas.object(fieldsOnly(r), List.of())));
        resources.values().forEach(r -> items.put(r.name(), JsonSchemas.item(r, items)));
    }

    private static Map<String, Object> fieldsOnly(ResourceSchema resource) {
        Map<String, Object> properties = new LinkedHashMap<>();
        resource.fields().forEach(field -> properties.put(field.name(), JsonSchemas.of(field)));
        return properties;
    }

    private Map<String, Object> components() {
        Map<String, Object> schemas = new LinkedHashMap<>(StandardResponses.schemas());
        schemas.putAll(items);
        schemas.putAll(envelopes);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas);
        components.put("responses", StandardResponses.responses());
        components.put("headers", StandardResponses.headers());
        components.put(
                "securitySchemes",
                Map.of(
                        BEARER,
                        Map.of(
                                "type",
                                "http",
                                "scheme",
                                "bearer",
                                "description",
                                "a personal access token: `Authorization: Bearer ac_…`. Each operation lists the"
                                        + " scopes its token needs: " + Scope.allTokens())));
        return components;
    }

    private static Map<String, Object> info(String version) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Asset Collections API");
        info.put("version", version);
        info.put(
                "description",
                "Assets and the collections that group them (private, shared or public), with the `Fount` API v2"
                        + " query language: `filter[...]`, `sort`, `fields[...]`, `include`, `search`, `page`/`per_page`"
                        + " or `cursor`. Generated from the service's own resource schemas and endpoint table.");
        return info;
    }

    /** The path variables of {@code path}, in order. */
    static List<String> pathVariables(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PATH_VARIABLE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
