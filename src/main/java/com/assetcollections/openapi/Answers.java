package com.assetcollections.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The responses object of one operation: its success answer and the errors that apply to it. */
final class Answers {

    private final Endpoint endpoint;
    private final HandlerFacts handler;
    private final Map<String, Object> item;
    private final Map<String, Map<String, Object>> envelopes;

    /**
     * @param item      the schema of the item it answers with, or null
     * @param envelopes the named envelopes of the document's components, which it adds to
     */
    Answers(
            Endpoint endpoint,
            HandlerFacts handler,
            Map<String, Object> item,
            Map<String, Map<String, Object>> envelopes) {
        this.endpoint = endpoint;
        this.handler = handler;
        this.item = item;
        this.envelopes = envelopes;
    }

    Map<String, Object> toMap() {
        Map<String, Object> responses = new LinkedHashMap<>();
        success(responses);
        if (handler.open()) {
            return responses;
        }
        String method = endpoint.method();
        List<String> errors = new ArrayList<>(List.of("400", "401", "403"));
        if (endpoint.path().contains("{")) {
            errors.add("404");
        }
        if (method.equals("POST")) {
            errors.add("409");
        }
        if (handler.readsIfMatch()) {
            errors.add("412");
        }
        if (endpoint.body() != null || method.equals("POST")) {
            errors.add("413");
        }
        if (endpoint.body() != null) {
            errors.add("422");
        }
        errors.addAll(List.of("429", "503"));
        if (method.equals("GET")) {
            responses.put("304", ref("304"));
        }
        errors.forEach(status -> responses.put(status, ref(status)));
        return responses;
    }

    private void success(Map<String, Object> responses) {
        boolean replayable = endpoint.method().equals("POST");
        switch (endpoint.answer()) {
            case LIST, PLAIN_LIST ->
                responses.put("200", answer("a page of items", named("page", page()), List.of("ETag")));
            case ALL ->
                responses.put(
                        "200",
                        answer(
                                "every item",
                                named("list", data(Map.of("type", "array", "items", item))),
                                List.of("ETag")));
            case ITEM -> responses.put("200", answer("the item", itemData(), List.of("ETag")));
            case CREATED -> responses.put("201", answer("the new item", itemData(), created()));
            case CREATED_OR_CHANGED -> {
                responses.put("200", answer("the item existed and is changed", itemData(), replayed(replayable)));
                responses.put("201", answer("the new item", itemData(), replayed(replayable)));
            }
            case CHANGED -> responses.put("200", answer("the item as it is now", itemData(), withEtag(replayable)));
            case ACCEPTED -> responses.put("202", answer("accepted: done shortly", itemData(), replayed(replayable)));
            case DELETED -> responses.put("204", Map.of("description", "done", "headers", rateLimited(List.of())));
            case DOCUMENT -> responses.put("200", document());
            case METRICS ->
                responses.put(
                        "200",
                        Map.of(
                                "description",
                                "the metrics, in Prometheus's text exposition format",
                                "headers",
                                rateLimited(List.of("ETag")),
                                "content",
                                Map.of("text/plain", Map.of("schema", Map.of("type", "string")))));
        }
    }

    private Map<String, Object> document() {
        String type = endpoint.path().endsWith(".yaml") ? "application/yaml" : "application/json";
        Map<String, Object> schema =
                type.equals("application/json") ? Map.of("type", "object") : Map.of("type", "string");
        return Map.of("description", "this OpenAPI document", "content", Map.of(type, Map.of("schema", schema)));
    }

    private static List<String> created() {
        return List.of("Location", "ETag", "Idempotent-Replayed");
    }

    private static List<String> withEtag(boolean replayable) {
        return replayable ? List.of("ETag", "Idempotent-Replayed") : List.of("ETag");
    }

    private static List<String> replayed(boolean replayable) {
        return replayable ? List.of("Idempotent-Replayed") : List.of();
    }

    private Map<String, Object> answer(String description, Map<String, Object> schema, List<String> headers) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("description", description);
        answer.put("headers", rateLimited(headers));
        answer.put("content", StandardResponses.json(schema));
        return answer;
    }

    private static Map<String, Object> rateLimited(List<String> headers) {
        List<String> all = new ArrayList<>(StandardResponses.RATE_LIMIT);
        all.addAll(headers);
        return StandardResponses.headerRefs(all);
    }

    private Map<String, Object> itemData() {
        String adds = String.join(
                "_and_", endpoint.adds().stream().map(Property::name).toList());
        return named(adds.isEmpty() ? "item" : "item_with_" + adds, data(item));
    }

    /**
     * A reference to {@code envelope}, kept in the components under a name ("collections_page")
     * that every operation answering with the same envelope shares: client generators make one
     * class of it, named after it.
     */
    private Map<String, Object> named(String kind, Map<String, Object> envelope) {
        String name = (endpoint.resource() != null
                        ? endpoint.resource().name()
                        : endpoint.shape().name())
                + "_" + kind;
        Map<String, Object> known = envelopes.putIfAbsent(name, envelope);
        if (known != null && !known.equals(envelope)) {
            throw new IllegalStateException("two different answers are both named " + name + " (" + endpoint.key()
                    + " answers the second): give one of them another name");
        }
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private static Map<String, Object> data(Map<String, Object> schema) {
        return JsonSchemas.object(new LinkedHashMap<>(Map.of("data", schema)), List.of("data"));
    }

    private Map<String, Object> page() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("data", Map.of("type", "array", "items", item));
        properties.put("links", Map.of("$ref", "#/components/schemas/PageLinks"));
        properties.put("meta", Map.of("$ref", "#/components/schemas/PageMeta"));
        return JsonSchemas.object(properties, List.of("data", "links", "meta"));
    }

    private static Map<String, Object> ref(String status) {
        return Map.of("$ref", "#/components/responses/" + status);
    }
}
