package com.assetcollections.openapi;

import com.assetcollections.query.FieldSpec;
import com.assetcollections.query.Include;
import com.assetcollections.query.ResourceSchema;
import com.assetcollections.query.ValueType;
import com.assetcollections.query.WithDeleted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON Schemas (the 2020-12 dialect of OpenAPI 3.1) of items, request bodies and values. */
final class JsonSchemas {

    private JsonSchemas() {}

    static Map<String, Object> of(ValueType type, boolean nullable) {
        Map<String, Object> schema = new LinkedHashMap<>();
        String jsonType = switch (type) {
            case INTEGER -> "integer";
            case STRING, UUID_, DATETIME -> "string";
            case STRING_LIST, OBJECT_LIST -> "array";
            case BOOLEAN -> "boolean";
        };
        schema.put("type", nullable ? List.of(jsonType, "null") : jsonType);
        switch (type) {
            case INTEGER -> schema.put("format", "int64");
            case UUID_ -> schema.put("format", "uuid");
            case DATETIME -> schema.put("format", "date-time");
            case STRING_LIST -> schema.put("items", Map.of("type", "string"));
            case OBJECT_LIST -> schema.put("items", Map.of("type", "object"));
            default -> {}
        }
        return schema;
    }

    static Map<String, Object> of(FieldSpec field) {
        return described(of(field.type(), field.nullable()), field.description());
    }

    static Map<String, Object> of(Property property) {
        Map<String, Object> schema = property.object() != null
                ? object(property.object().properties(), List.of())
                : of(property.type(), property.nullable());
        return described(schema, property.description());
    }

    /** An object holding at most {@code properties}, with every one of {@code required}. */
    static Map<String, Object> object(List<Property> properties, List<String> required) {
        Map<String, Object> props = new LinkedHashMap<>();
        properties.forEach(p -> props.put(p.name(), of(p)));
        return object(props, required);
    }

    static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /**
     * An item of {@code resource}: every field (none required, as {@code fields[...]} may leave any
     * out), each include embedded with its slim fields, and {@code deleted_at} where a list may hold
     * tombstones. Slim fields take their types from {@code items}, the items of every resource.
     */
    static Map<String, Object> item(ResourceSchema resource, Map<String, Map<String, Object>> items) {
        Map<String, Object> properties = new LinkedHashMap<>();
        resource.fields().forEach(field -> properties.put(field.name(), of(field)));
        for (Include include : resource.includes()) {
            Map<String, Object> slim = slim(include, items);
            properties.put(
                    include.name(),
                    described(include.many() ? Map.of("type", "array", "items", slim) : slim, include.description()));
            String count = include.name() + "_count";
            if (include.many() && resource.field(count).isEmpty()) {
                properties.put(
                        count,
                        described(
                                of(ValueType.INTEGER, false),
                                "with `include=" + include.name() + "`: how many there are in all (`" + include.name()
                                        + "` holds the first ones)"));
            }
        }
        if (resource.extraFilter(WithDeleted.FLAG).isPresent()) {
            properties.put(
                    "deleted_at",
                    described(
                            of(ValueType.DATETIME, false),
                            "only in a tombstone ({id, uuid, deleted_at}) of `filter[with_deleted]=1`"));
        }
        return object(properties, List.of());
    }

    private static Map<String, Object> slim(Include include, Map<String, Map<String, Object>> items) {
        Map<String, Object> full = items.get(include.resource());
        if (full == null) {
            throw new IllegalStateException(
                    "include `" + include.name() + "` embeds `" + include.resource() + "`, which no endpoint answers");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fullProperties = (Map<String, Object>) full.get("properties");
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String name : include.slimFields()) {
            Object schema = fullProperties.get(name);
            if (schema == null) {
                throw new IllegalStateException("include `" + include.name() + "` embeds `" + name + "`, which `"
                        + include.resource() + "` does not have");
            }
            properties.put(name, schema);
        }
        return object(properties, List.of());
    }

    /** A request body: its fields with their rules, unknown fields refused. */
    static Map<String, Object> of(Body body) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (BodyField field : body.fields()) {
            properties.put(field.name(), of(field));
            if (field.mandatory()) {
                required.add(field.name());
            }
        }
        return object(properties, required);
    }

    static Map<String, Object> of(BodyField field) {
        Map<String, Object> schema = new LinkedHashMap<>();
        switch (field.kind()) {
            case TEXT -> schema.putAll(text(field));
            case INTEGER -> {
                schema.put("type", "integer");
                schema.put("format", "int64");
                schema.put("minimum", field.minimum());
                if (field.maximum() != null) {
                    schema.put("maximum", field.maximum());
                }
            }
            case BOOLEAN -> schema.put("type", "boolean");
            case TEXTS -> {
                schema.put("type", "array");
                schema.put("items", text(field));
                schema.put("maxItems", field.maxItems());
            }
            case INTEGERS -> {
                schema.put("type", "array");
                schema.put("items", Map.of("type", "integer", "format", "int64", "minimum", field.minimum()));
                schema.put("maxItems", field.maxItems());
            }
        }
        if (field.nullable()) {
            schema.put("type", List.of(schema.get("type"), "null"));
            if (schema.containsKey("enum")) {
                List<Object> values = new ArrayList<>((List<?>) schema.get("enum"));
                values.add(null);
                schema.put("enum", values);
            }
        }
        return described(schema, field.description());
    }

    private static Map<String, Object> text(BodyField field) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "string");
        if (!field.allowed().isEmpty()) {
            schema.put("enum", field.allowed());
        }
        if (field.minimum() != null) {
            schema.put("minLength", field.minimum());
        }
        if (field.maximum() != null) {
            schema.put("maxLength", field.maximum());
        }
        if (field.format() != null) {
            schema.put("format", field.format());
        }
        if (field.pattern() != null) {
            schema.put("pattern", field.pattern());
        }
        return schema;
    }

    static Map<String, Object> described(Map<String, Object> schema, String description) {
        // a Map.of iterates in an order that changes from one JVM to the next: its copy is sorted
        Map<String, Object> copy =
                new LinkedHashMap<>(schema instanceof LinkedHashMap<?, ?> ? schema : new TreeMap<>(schema));
        if (description != null && !description.isBlank()) {
            copy.put("description", description);
        }
        return copy;
    }
}
