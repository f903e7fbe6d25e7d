package com.assetcollections.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the query language ({@code filter[...]}, {@code sort}, {@code fields[...]}, {@code include},
 * {@code search}, {@code page}, {@code per_page}, {@code cursor}) from request parameters and
 * checks every name and value against a {@link ResourceSchema}. Unknown top-level parameters are
 * ignored; anything wrong inside the known ones is an {@link InvalidQuery}.
 */
public final class QueryParser {

    /** Most values a comma-separated list may hold. */
    public static final int MAX_LIST_VALUES = 1000;

    public static final int MAX_SEARCH_LENGTH = 500;

    private static final Pattern BRACKETED = Pattern.compile("(filter|fields)\\[([^\\[\\]]*)](?:\\[([^\\[\\]]*)])?");
    private static final Pattern POSITIVE = Pattern.compile("[0-9]{1,10}");

    private QueryParser() {}

    public static ResourceQuery parseList(ResourceSchema schema, Map<String, String[]> parameters) {
        Map<String, String> single = singleValues(parameters);
        List<FilterClause> filters = new ArrayList<>();
        SparseFields fields = new SparseFields(schema);
        for (Map.Entry<String, String> entry : single.entrySet()) {
            String key = entry.getKey();
            if (!key.startsWith("filter") && !key.startsWith("fields")) {
                continue;
            }
            Matcher bracketed = BRACKETED.matcher(key);
            if (!bracketed.matches()) {
                throw new InvalidQuery(
                        key,
                        "malformed parameter `" + key
                                + "`; write filters as filter[field]=value or filter[field][operator]=value, and fields as fields["
                                + schema.name() + "]=a,b");
            }
            if (bracketed.group(1).equals("fields")) {
                fields.parse(key, bracketed.group(2), bracketed.group(3), entry.getValue());
            } else {
                parseFilter(schema, key, bracketed.group(2), bracketed.group(3), entry.getValue())
                        .ifPresent(filters::add);
            }
        }
        return new ResourceQuery(
                schema,
                filters,
                parseSort(schema, single.get("sort")),
                fields.own(),
                parseIncludes(schema, single.get("include")),
                fields.included(),
                parseSearch(schema, single.get("search")),
                parsePaging(single));
    }

    /** A single item honours {@code fields} and {@code include}; page and per_page are accepted and ignored. */
    public static ResourceQuery parseItem(ResourceSchema schema, Map<String, String[]> parameters) {
        Map<String, String> single = singleValues(parameters);
        SparseFields fields = new SparseFields(schema);
        for (Map.Entry<String, String> entry : single.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith("fields")) {
                Matcher bracketed = BRACKETED.matcher(key);
                if (!bracketed.matches() || !bracketed.group(1).equals("fields")) {
                    throw new InvalidQuery(
                            key, "malformed parameter `" + key + "`; write fields[" + schema.name() + "]=a,b");
                }
                fields.parse(key, bracketed.group(2), bracketed.group(3), entry.getValue());
            }
        }
        parsePaging(single);
        return new ResourceQuery(
                schema,
                List.of(),
                List.of(),
                fields.own(),
                parseIncludes(schema, single.get("include")),
                fields.included(),
                null,
                new Paging(1, 1, null));
    }

    /**
     * The page of a plain list that offers no query language beyond {@code page} and
     * {@code per_page} (users, tokens): any other query-language parameter is 400 rather than
     * silently ignored; other unknown parameters are ignored as everywhere.
     */
    public static Paging parsePlainList(Map<String, String[]> parameters, String endpoint) {
        Map<String, String> single = singleValues(parameters);
        for (String key : single.keySet()) {
            if (isQueryLanguage(key) && !key.equals("page") && !key.equals("per_page")) {
                throw new InvalidQuery(
                        key, "`" + key + "` is not supported by " + endpoint + "; it takes only `page` and `per_page`");
            }
        }
        return parsePaging(single);
    }

    private static Map<String, String> singleValues(Map<String, String[]> parameters) {
        Map<String, String> single = new LinkedHashMap<>();
        parameters.forEach((key, values) -> {
            if (values.length > 1 && isQueryLanguage(key)) {
                throw new InvalidQuery(
                        key,
                        "parameter `" + key + "` is given " + values.length
                                + " times; give it once (use a comma-separated list for several values)");
            }
            single.put(key, values.length == 0 ? "" : values[0]);
        });
        return single;
    }

    private static boolean isQueryLanguage(String key) {
        return key.startsWith("filter")
                || key.startsWith("fields")
                || Set.of("sort", "include", "search", "page", "per_page", "cursor")
                        .contains(key);
    }

    private static java.util.Optional<FilterClause> parseFilter(
            ResourceSchema schema, String key, String name, String operatorToken, String raw) {
        var extra = schema.extraFilter(name);
        if (extra.isPresent()) {
            if (operatorToken != null) {
                throw new InvalidQuery(
                        key, "filter `" + name + "` takes no operator; write filter[" + name + "]=value");
            }
            if (raw.isBlank()) {
                return java.util.Optional.empty();
            }
            ExtraFilter filter = extra.get();
            Object value = filter.parse(raw, key);
            return java.util.Optional.of(new FilterClause(
                    name,
                    name + "=" + canonical(value),
                    caller -> filter.condition().apply(value, caller),
                    filter.byCaller()));
        }
        FieldSpec field = schema.field(name)
                .filter(FieldSpec::isFilterable)
                .orElseThrow(() -> new InvalidQuery(
                        key, "unknown filter `" + name + "`; filterable: " + schema.filterableNames()));
        Operator operator = operator(field, key, operatorToken);
        if (raw.isEmpty() && operator != Operator.NULL) {
            return java.util.Optional.empty();
        }
        List<Object> values = filterValues(field, operator, key, raw);
        return java.util.Optional.of(new FilterClause(
                name,
                name + "[" + operator.token() + "]="
                        + values.stream().map(QueryParser::canonical).collect(Collectors.joining(",")),
                caller -> FieldConditions.condition(field, operator, values),
                false));
    }

    private static Operator operator(FieldSpec field, String key, String token) {
        String allowed = field.operators().stream().map(Operator::token).collect(Collectors.joining(", "));
        if (token == null) {
            if (field.defaultOperator() == null) {
                throw new InvalidQuery(
                        key,
                        "filter `" + field.name() + "` needs an operator, e.g. filter[" + field.name()
                                + "][gte]=...; operators: " + allowed);
            }
            return field.defaultOperator();
        }
        return Operator.fromToken(token)
                .filter(field.operators()::contains)
                .orElseThrow(() -> new InvalidQuery(
                        key,
                        "unknown operator `" + token + "` for filter `" + field.name() + "`; operators: " + allowed));
    }

    private static List<Object> filterValues(FieldSpec field, Operator operator, String key, String raw) {
        if (operator == Operator.NULL) {
            return List.of(
                    switch (raw.trim()) {
                        case "1", "true" -> Boolean.TRUE;
                        case "0", "false" -> Boolean.FALSE;
                        default ->
                            throw new InvalidQuery(
                                    key, "`" + key + "` must be 1 (is null) or 0 (is not null), got `" + raw + "`");
                    });
        }
        if (operator != Operator.IN) {
            return List.of(field.type().parse(raw, key));
        }
        String[] parts = raw.split(",", -1);
        if (parts.length > MAX_LIST_VALUES) {
            throw new InvalidQuery(key, "`" + key + "` lists " + parts.length + " values; at most " + MAX_LIST_VALUES);
        }
        return Arrays.stream(parts)
                .map(part -> field.type().parse(part, key))
                .distinct()
                .toList();
    }

    /**
     * A filter value as it appears in {@link ResourceQuery#matchKey()}: the separators of that key
     * ({@code ,} between values, {@code &} between filters, {@code |} before the search) are escaped,
     * so that two different queries can never share a key (and a cached total).
     */
    private static String canonical(Object value) {
        return String.valueOf(value)
                .replace("\\", "\\\\")
                .replace(",", "\\,")
                .replace("&", "\\&")
                .replace("|", "\\|");
    }

    private static List<SortKey> parseSort(ResourceSchema schema, String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<SortKey> keys = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String token : raw.split(",", -1)) {
            String trimmed = token.trim();
            boolean descending = trimmed.startsWith("-");
            String name = descending || trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
            FieldSpec field = schema.field(name)
                    .filter(FieldSpec::isSortable)
                    .orElseThrow(() -> new InvalidQuery(
                            "sort", "unknown sort field `" + name + "`; sortable: " + schema.sortableNames()));
            if (!seen.add(name)) {
                throw new InvalidQuery("sort", "sort field `" + name + "` is given twice");
            }
            keys.add(new SortKey(field, descending));
        }
        return List.copyOf(keys);
    }

    private static Set<String> parseIncludes(ResourceSchema schema, String raw) {
        if (raw == null || raw.isBlank()) {
            return Set.of();
        }
        Set<String> includes = new LinkedHashSet<>();
        for (String token : raw.split(",", -1)) {
            String name = token.trim();
            if (!schema.hasInclude(name)) {
                throw new InvalidQuery("include", "unknown include `" + name + "`; includes: " + schema.includeNames());
            }
            includes.add(name);
        }
        return Set.copyOf(includes);
    }

    private static String parseSearch(ResourceSchema schema, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!schema.searchable()) {
            throw new InvalidQuery("search", schema.name() + " cannot be searched");
        }
        String text = ValueType.text(raw.strip(), "search");
        if (text.length() > MAX_SEARCH_LENGTH) {
            throw new InvalidQuery(
                    "search", "`search` is " + text.length() + " characters long; at most " + MAX_SEARCH_LENGTH);
        }
        return text;
    }

    private static Paging parsePaging(Map<String, String> single) {
        long page = positive(single, "page", 1, Integer.MAX_VALUE, 1);
        int perPage = (int) positive(single, "per_page", 1, Paging.MAX_PER_PAGE, Paging.DEFAULT_PER_PAGE);
        String cursor = single.get("cursor");
        return new Paging(page, perPage, cursor == null ? null : cursor.trim());
    }

    private static long positive(Map<String, String> single, String name, long min, long max, long fallback) {
        String raw = single.get(name);
        if (raw == null) {
            return fallback;
        }
        String value = raw.trim();
        long parsed = POSITIVE.matcher(value).matches() ? Long.parseLong(value) : -1;
        if (parsed < min || parsed > max) {
            throw new InvalidQuery(
                    name, "`" + name + "` must be a whole number from " + min + " to " + max + ", got `" + raw + "`");
        }
        return parsed;
    }
}
