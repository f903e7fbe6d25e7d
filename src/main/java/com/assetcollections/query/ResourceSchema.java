package com.assetcollections.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The declarative description of one resource: its fields, extra filters and includes. Parsing,
 * validation, SQL and the 400 messages listing allowed names all come from here.
 *
 * @param name the resource name as used in {@code fields[name]} (snake case, plural)
 */
public record ResourceSchema(
        String name,
        List<FieldSpec> fields,
        List<ExtraFilter> extraFilters,
        List<Include> includes,
        boolean searchable) {

    public ResourceSchema {
        fields = List.copyOf(fields);
        extraFilters = List.copyOf(extraFilters);
        includes = List.copyOf(includes);
        requireUnique(Stream.concat(
                fields.stream().map(FieldSpec::name), extraFilters.stream().map(ExtraFilter::name)));
        requireUnique(includes.stream().map(Include::name));
        if (fields.stream().noneMatch(f -> f.name().equals("id") && f.isSortable())) {
            throw new IllegalArgumentException(name + ": a resource needs a sortable `id` field as the tie-breaker");
        }
    }

    private static void requireUnique(Stream<String> names) {
        Map<String, Long> counts =
                names.collect(Collectors.groupingBy(n -> n, LinkedHashMap::new, Collectors.counting()));
        counts.forEach((n, count) -> {
            if (count > 1) {
                throw new IllegalArgumentException("name `" + n + "` is declared twice");
            }
        });
    }

    public Optional<FieldSpec> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    public FieldSpec id() {
        return field("id").orElseThrow();
    }

    public Optional<ExtraFilter> extraFilter(String filterName) {
        return extraFilters.stream().filter(f -> f.name().equals(filterName)).findFirst();
    }

    /** The declared include of that name; an undeclared one is a programming error. */
    public Include include(String includeName) {
        return includes.stream()
                .filter(i -> i.name().equals(includeName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " declares no include " + includeName));
    }

    public boolean hasInclude(String includeName) {
        return includes.stream().anyMatch(i -> i.name().equals(includeName));
    }

    public String filterableNames() {
        return Stream.concat(
                        fields.stream().filter(FieldSpec::isFilterable).map(FieldSpec::name),
                        extraFilters.stream().map(ExtraFilter::name))
                .collect(Collectors.joining(", "));
    }

    public String sortableNames() {
        return fields.stream()
                .filter(FieldSpec::isSortable)
                .map(FieldSpec::name)
                .collect(Collectors.joining(", "));
    }

    public String fieldNames() {
        return fields.stream().map(FieldSpec::name).collect(Collectors.joining(", "));
    }

    public String includeNames() {
        return includes.isEmpty()
                ? "(none)"
                : includes.stream().map(Include::name).collect(Collectors.joining(", "));
    }
}
