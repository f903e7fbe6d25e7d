package com.assetcollections.query;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A validated list or item request: everything the client asked for, checked against the
 * {@link ResourceSchema}, with no SQL text taken from the request.
 *
 * @param sort    the requested sort keys; empty means the default order (id, or relevance with search)
 * @param fields  the fields to write, in schema order
 * @param search  the full-text query, or null
 * @param includeFields for an included resource type, the slim fields {@code fields[type]} kept
 */
public record ResourceQuery(
        ResourceSchema schema,
        List<FilterClause> filters,
        List<SortKey> sort,
        List<FieldSpec> fields,
        Set<String> includes,
        Map<String, List<String>> includeFields,
        String search,
        Paging paging) {

    /** The fields of included {@code resource} items to write: its slim fields, or those {@code fields[resource]} names. */
    public List<String> includeFields(Include include) {
        return includeFields.getOrDefault(include.resource(), include.slimFields());
    }

    /** Whether the request filters on {@code filter[name]} (with or without an operator). */
    public boolean filtersOn(String name) {
        return filters.stream().anyMatch(filter -> filter.name().equals(name));
    }

    /** Whether the flag filter {@code filter[name]=1} is set. */
    public boolean flagSet(String name) {
        return filters.stream().anyMatch(filter -> filter.canonical().equals(name + "=true"));
    }

    /** Whether the matching rows depend on who asks beyond the source's own scope (e.g. {@code filter[mine]}). */
    public boolean matchesByCaller() {
        return filters.stream().anyMatch(FilterClause::byCaller);
    }

    /** The same query with another order (e.g. a sub-resource's own default order). */
    public ResourceQuery withSort(List<SortKey> order) {
        return new ResourceQuery(schema, filters, order, fields, includes, includeFields, search, paging);
    }

    public boolean includes(String name) {
        return includes.contains(name);
    }

    public boolean ranked() {
        return search != null && sort.isEmpty();
    }

    /** A stable description of which rows match (filters and search), independent of order and page. */
    public String matchKey() {
        String filterKey =
                filters.stream().map(FilterClause::canonical).sorted().collect(Collectors.joining("&"));
        return filterKey + "|search=" + (search == null ? "" : search);
    }
}
