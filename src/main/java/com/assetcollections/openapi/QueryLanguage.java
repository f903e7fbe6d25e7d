package com.assetcollections.openapi;

import com.assetcollections.query.ExtraFilter;
import com.assetcollections.query.FieldSpec;
import com.assetcollections.query.Include;
import com.assetcollections.query.Operator;
import com.assetcollections.query.Paging;
import com.assetcollections.query.QueryParser;
import com.assetcollections.query.ResourceSchema;
import com.assetcollections.query.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The query parameters a resource's schema allows, as OpenAPI parameter objects. */
final class QueryLanguage {

    private static final String DATETIME_FORMS =
            "a date (`2023-01-01`), a date and time (`2023-01-01 13:45:00`, UTC) or an ISO-8601 date-time";
    private static final List<String> FLAG_VALUES = List.of("1", "0", "true", "false");

    private QueryLanguage() {}

    /** Every parameter of a list: filters with their operators, sort, fields, include, search and paging. */
    static List<Map<String, Object>> list(ResourceSchema resource) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (FieldSpec field : resource.fields()) {
            if (!field.isFilterable()) {
                continue;
            }
            if (field.defaultOperator() != null) {
                parameters.add(parameter(
                        "filter[" + field.name() + "]", value(field, field.defaultOperator()), plainFilter(field)));
            }
            for (Operator operator : field.operators()) {
                parameters.add(parameter(
                        "filter[" + field.name() + "][" + operator.token() + "]",
                        value(field, operator),
                        operatorFilter(field, operator)));
            }
        }
        for (ExtraFilter filter : resource.extraFilters()) {
            parameters.add(parameter("filter[" + filter.name() + "]", value(filter), filter.description()));
        }
        // an empty filter value is no filter at all
        parameters.forEach(parameter -> parameter.put("allowEmptyValue", true));
        parameters.add(sort(resource));
        parameters.addAll(item(resource));
        if (resource.searchable()) {
            parameters.add(
                    parameter(
                            "search",
                            Map.of("type", "string", "maxLength", QueryParser.MAX_SEARCH_LENGTH),
                            "full-text search over the text fields, word-aware and ranked (by relevance unless `sort` is given)"));
        }
        parameters.addAll(paging());
        parameters.add(parameter(
                "cursor",
                Map.of("type", "string"),
                "cursor paging: empty for the first page, then `meta.next_cursor` or `meta.prev_cursor`"));
        return parameters;
    }

    /** The parameters of one item: {@code fields} and {@code include} (and paging, accepted and ignored). */
    static List<Map<String, Object>> item(ResourceSchema resource) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        parameters.add(names(
                "fields[" + resource.name() + "]",
                resource.fields().stream().map(FieldSpec::name).toList(),
                "only these keys in each " + resource.name() + " item"));
        Set<String> resources = new HashSet<>(Set.of(resource.name()));
        for (Include include : resource.includes()) {
            if (!resources.add(include.resource())) {
                continue; // one fields[...] per resource, however many includes embed it
            }
            parameters.add(names(
                    "fields[" + include.resource() + "]",
                    include.slimFields(),
                    "only these keys in each embedded " + include.name() + " item (with `include=" + include.name()
                            + "`)"));
        }
        if (!resource.includes().isEmpty()) {
            parameters.add(names(
                    "include",
                    resource.includes().stream().map(Include::name).toList(),
                    "relationships to embed with their slim schemas"));
        }
        return parameters;
    }

    static List<Map<String, Object>> paging() {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("type", "integer");
        page.put("minimum", 1);
        page.put("maximum", Integer.MAX_VALUE);
        page.put("default", 1);
        Map<String, Object> perPage = new LinkedHashMap<>();
        perPage.put("type", "integer");
        perPage.put("minimum", 1);
        perPage.put("maximum", Paging.MAX_PER_PAGE);
        perPage.put("default", Paging.DEFAULT_PER_PAGE);
        return List.of(parameter("page", page, "the page, from 1"), parameter("per_page", perPage, "items per page"));
    }

    private static Map<String, Object> sort(ResourceSchema resource) {
        List<String> keys = resource.fields().stream()
                .filter(FieldSpec::isSortable)
                .flatMap(field -> Stream.of(field.name(), "-" + field.name()))
                .toList();
        return names(
                "sort",
                keys,
                "sort keys, comma-separated; `-` before a key sorts descending. Default: `id` (with `search`: by"
                        + " relevance)");
    }

    private static String plainFilter(FieldSpec field) {
        String how = field.defaultOperator() == Operator.IN
                ? "matches exactly; a comma-separated value means any of"
                : "a case-insensitive contains match";
        return field.description() + " (" + field.type().label() + "): " + how;
    }

    private static String operatorFilter(FieldSpec field, Operator operator) {
        String what = switch (operator) {
            case EQ -> "equal to";
            case IN -> "any of the comma-separated values";
            case CONTAINS -> "contains (case-insensitive)";
            case STARTS_WITH -> "starts with (case-insensitive)";
            case GT -> "greater than";
            case GTE -> "greater than or equal to";
            case LT -> "less than";
            case LTE -> "less than or equal to";
            case NULL -> "1: is null, 0: is not null";
        };
        return "`" + field.name() + "` " + what;
    }

    /** The value of a filter: a list or a flag as text, one value as its type's parameter schema. */
    private static Map<String, Object> value(FieldSpec field, Operator operator) {
        if (operator == Operator.NULL) {
            return Map.of("type", "string", "enum", FLAG_VALUES);
        }
        if (operator == Operator.IN) {
            return Map.of("type", "string");
        }
        return value(field.type());
    }

    private static Map<String, Object> value(ExtraFilter filter) {
        return filter.flag() ? Map.of("type", "string", "enum", FLAG_VALUES) : value(filter.valueType());
    }

    private static Map<String, Object> value(ValueType type) {
        return switch (type) {
            case INTEGER -> Map.of("type", "integer", "format", "int64");
            case UUID_ -> Map.of("type", "string", "format", "uuid");
            case DATETIME -> Map.of("type", "string", "description", DATETIME_FORMS);
            case BOOLEAN -> Map.of("type", "string", "enum", FLAG_VALUES);
            case STRING, STRING_LIST, OBJECT_LIST -> Map.of("type", "string");
        };
    }

    /** A comma-separated list of names from {@code allowed}. */
    private static Map<String, Object> names(String name, List<String> allowed, String description) {
        Map<String, Object> parameter = parameter(
                name, Map.of("type", "array", "items", Map.of("type", "string", "enum", allowed)), description);
        parameter.put("style", "form");
        parameter.put("explode", false);
        return parameter;
    }

    static Map<String, Object> parameter(String name, Map<String, Object> schema, String description) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put("in", "query");
        parameter.put("description", description);
        parameter.put("schema", schema);
        return parameter;
    }
}
