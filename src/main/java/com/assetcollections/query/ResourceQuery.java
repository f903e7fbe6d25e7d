package com.assetcollections.query;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A validated list or item request: everything the client asked for, checked against the
 * {@link ResourceSchema}, with no SQL text taken from the request.
 *
 * @param sort    the requested sort keys; empty means the default order (id, or relevance with search)
 * @param fields  the fields to write, in schema order
 * @param search  the full-text query, or null
 */
public record ResourceQuery(
        ResourceSchema schema,
        List<FilterClause> filters,
        List<SortKey> sort,
        List<FieldSpec> fields,
        Set<String> includes,
        String search,
        Paging paging) {

    public boolean includes(String name) {
        return includes.contains(name);
    }

    public boolean ranked() {
        return search != null && sort.isEmpty();
    }

    /** A stable description of which rows match (filters and search), independent of order and page. */
    public String matchKey() {
        String filterKey = filters.stream().map(FilterClause::canonical).sorted().collect(Collectors.joining("&"));
        return filterKey + "|search=" + (search == null ? "" : search);
    }
}
