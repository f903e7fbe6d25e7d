package com.assetcollections.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code operationId} of each endpoint, which client generators make their method names of: a
 * verb and the nouns of its path, one item's nouns singular ({@code listCollections},
 * {@code getCollection}, {@code addCollectionAssets}, {@code createCollectionShare},
 * {@code deleteCollectionAsset}). A last segment that cannot be read (no GET) is an action, and its
 * first word the verb ({@code rotate-secret} of a webhook: {@code rotateWebhookSecret}).
 */
final class OperationIds {

    private final Set<String> readable;
    private final Map<String, String> ids = new HashMap<>();

    /** Fails when two of {@code endpoints} would have the same id. */
    OperationIds(List<Endpoint> endpoints) {
        this.readable = endpoints.stream()
                .filter(e -> e.method().equals("GET"))
                .map(Endpoint::path)
                .collect(Collectors.toSet());
        Map<String, String> taken = new HashMap<>();
        for (Endpoint endpoint : endpoints) {
            String id = id(endpoint);
            String other = taken.putIfAbsent(id, endpoint.key());
            if (other != null) {
                throw new IllegalStateException(
                        "the operations " + other + " and " + endpoint.key() + " would both be named " + id);
            }
            ids.put(endpoint.key(), id);
        }
    }

    String of(Endpoint endpoint) {
        return ids.get(endpoint.key());
    }

    private String id(Endpoint endpoint) {
        List<String> segments =
                Arrays.asList(endpoint.path().replaceFirst("^/api/v2/", "").split("/"));
        List<String> nouns = new ArrayList<>();
        for (int i = 0; i < segments.size() - 1; i++) {
            if (!variable(segments.get(i))) {
                nouns.add(variable(segments.get(i + 1)) ? singular(segments.get(i)) : segments.get(i));
            }
        }
        String last = segments.get(segments.size() - 1);
        if (variable(last)) {
            return name(itemVerb(endpoint.method()), nouns, List.of());
        }
        if (endpoint.method().equals("POST") && !readable.contains(endpoint.path())) {
            List<String> action = Arrays.asList(last.split("-"));
            return name(action.get(0), nouns, action.subList(1, action.size()));
        }
        return switch (endpoint.method()) {
            case "GET" -> name(listed(endpoint.answer()) ? "list" : "get", nouns, List.of(last));
            case "POST" ->
                endpoint.answer() == Answer.CREATED || endpoint.answer() == Answer.CREATED_OR_CHANGED
                        ? name("create", nouns, List.of(singular(last)))
                        : name("add", nouns, List.of(last));
            case "PUT" -> name("replace", nouns, List.of(last));
            default -> name(itemVerb(endpoint.method()), nouns, List.of(last));
        };
    }

    private static String itemVerb(String method) {
        return switch (method) {
            case "GET" -> "get";
            case "PUT" -> "replace";
            case "PATCH" -> "update";
            default -> method.toLowerCase(Locale.ROOT);
        };
    }

    private static boolean listed(Answer answer) {
        return answer == Answer.LIST || answer == Answer.PLAIN_LIST || answer == Answer.ALL;
    }

    private static String name(String verb, List<String> nouns, List<String> tail) {
        StringBuilder id = new StringBuilder(verb);
        for (String word : nouns) {
            id.append(capitalized(word));
        }
        for (String word : tail) {
            id.append(capitalized(word));
        }
        return id.toString();
    }

    private static boolean variable(String segment) {
        return segment.startsWith("{");
    }

    private static String singular(String noun) {
        if (noun.endsWith("ies")) {
            return noun.substring(0, noun.length() - 3) + "y";
        }
        return noun.endsWith("s") ? noun.substring(0, noun.length() - 1) : noun;
    }

    /** {@code openapi.json} → {@code OpenapiJson}, {@code rotate-secret} → {@code RotateSecret}. */
    private static String capitalized(String word) {
        StringBuilder out = new StringBuilder();
        for (String part : word.split("[-._]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
