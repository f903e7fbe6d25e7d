package com.assetcollections.query;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads {@code fields[type]=a,b} parameters: for the resource itself (any of its fields) and for the
 * types its includes embed (any of their slim fields), each checked against what exists.
 */
final class SparseFields {

    private final ResourceSchema schema;
    private List<FieldSpec> own;
    private final Map<String, List<String>> included = new HashMap<>();

    SparseFields(ResourceSchema schema) {
        this.schema = schema;
        this.own = schema.fields();
    }

    void parse(String key, String resource, String extra, String raw) {
        Optional<Include> include = schema.includes().stream()
                .filter(i -> i.resource().equals(resource))
                .findFirst();
        if (extra != null || (!schema.name().equals(resource) && include.isEmpty())) {
            throw new InvalidQuery(key, "unknown resource in `" + key + "`; sparse fields apply to: " + types());
        }
        List<String> allowed = include.isPresent() && !schema.name().equals(resource)
                ? include.get().slimFields()
                : schema.fields().stream().map(FieldSpec::name).toList();
        Set<String> requested = new LinkedHashSet<>();
        for (String name : raw.split(",", -1)) {
            String trimmed = name.trim();
            if (trimmed.isEmpty() || !allowed.contains(trimmed)) {
                throw new InvalidQuery(
                        key,
                        (trimmed.isEmpty()
                                        ? "`" + key + "` must list field names separated by commas"
                                        : "unknown field `" + trimmed + "` in " + key)
                                + "; fields: " + String.join(", ", allowed));
            }
            requested.add(trimmed);
        }
        if (schema.name().equals(resource)) {
            own = schema.fields().stream()
                    .filter(f -> requested.contains(f.name()))
                    .toList();
        } else {
            included.put(resource, allowed.stream().filter(requested::contains).toList());
        }
    }

    List<FieldSpec> own() {
        return own;
    }

    Map<String, List<String>> included() {
        return Map.copyOf(included);
    }

    private String types() {
        return Stream.concat(
                        Stream.of(schema.name()), schema.includes().stream().map(Include::resource))
                .distinct()
                .collect(Collectors.joining(", "));
    }
}
