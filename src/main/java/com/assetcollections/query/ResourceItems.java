package com.assetcollections.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Field;
import org.jooq.Record;

/**
 * Writes the rows of a page (or the one row of an item) as JSON items: a live row as its requested
 * fields and then what each include embeds, a tombstone of a {@link TombstoneUnion} as
 * {@code {id, uuid, deleted_at}}.
 */
public final class ResourceItems {

    /**
     * What one include adds to an item, read beforehand for the whole page in one query (never one
     * per item); {@link #NONE} when the request does not ask for the include.
     */
    @FunctionalInterface
    public interface Embed {

        Embed NONE = (item, row) -> {};

        void addTo(Map<String, Object> item, Record row);
    }

    /**
     * The related items an include embeds in one item: the first ones (see {@link EmbedLimit}) and
     * how many there are in all.
     */
    public interface Related {

        List<Map<String, Object>> first();

        long count();
    }

    private ResourceItems() {}

    /** The items of {@code rows} of a resource without tombstones; each gets its {@code embeds} in their order. */
    public static List<Map<String, Object>> write(List<Record> rows, ResourceQuery query, List<Embed> embeds) {
        return items(rows, query, null, embeds);
    }

    /**
     * The items of {@code rows}, which may hold tombstones of {@code union}; each live item gets
     * its {@code embeds} in their order.
     */
    public static List<Map<String, Object>> write(
            List<Record> rows, ResourceQuery query, TombstoneUnion union, List<Embed> embeds) {
        return items(rows, query, Objects.requireNonNull(union), embeds);
    }

    /**
     * An include of many related items, read for the page by item id: the first ones under the
     * include's name, narrowed to {@code fields[resource]}, and how many there are in all under
     * {@code <name>_count}, unless the resource has a field of that name (which then says it).
     */
    public static Embed related(
            Include include, ResourceQuery query, Field<Long> id, Map<Long, ? extends Related> byId) {
        List<String> fields = query.includeFields(include);
        return (item, row) -> {
            Related related = byId.get(row.get(id));
            item.put(
                    include.name(),
                    related.first().stream()
                            .map(embedded -> ResourceJson.narrow(embedded, fields))
                            .toList());
            item.putIfAbsent(include.name() + "_count", related.count());
        };
    }

    private static List<Map<String, Object>> items(
            List<Record> rows, ResourceQuery query, TombstoneUnion union, List<Embed> embeds) {
        List<Map<String, Object>> items = new ArrayList<>(rows.size());
        for (Record row : rows) {
            if (union != null && union.isTombstone(row)) {
                items.add(union.item(row));
                continue;
            }
            Map<String, Object> item = ResourceJson.write(row, query.fields());
            embeds.forEach(embed -> embed.addTo(item, row));
            items.add(item);
        }
        return items;
    }

    /** The ids of the live rows of a page (what includes are read for), in page order. */
    public static List<Long> liveIds(List<Record> rows, Field<Long> id, TombstoneUnion union) {
        return rows.stream()
                .filter(row -> !union.isTombstone(row))
                .map(row -> row.get(id))
                .toList();
    }

    /** The body of a single-item response: {@code {"data": item}}. */
    public static Map<String, Object> body(Map<String, Object> item) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", item);
        return body;
    }
}
