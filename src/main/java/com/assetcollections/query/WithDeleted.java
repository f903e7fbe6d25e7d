package com.assetcollections.query;

import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.JsonValues;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * {@code filter[with_deleted]=1}: a list that also holds the tombstones of deleted rows, for
 * clients that mirror a resource with {@code filter[updated_since]}. A resource's reader swaps its
 * table for the union of live rows and tombstones (each resource builds its own, with a
 * {@code deleted_at} column that is null for live rows); this class holds what they share.
 */
public final class WithDeleted {

    public static final String FLAG = "with_deleted";

    private WithDeleted() {}

    public static ExtraFilter filter(String description) {
        return ExtraFilter.flag(FLAG, caller -> DSL.noCondition(), description);
    }

    /** The union table's {@code deleted_at} column, qualified by the name the union takes. */
    public static Field<Instant> deletedAt(String table) {
        return DSL.field(DSL.name(table, "deleted_at"), SqlTypes.TIMESTAMP);
    }

    /** The {@code deleted_at} of a live row in the union: null, typed so that both databases accept it. */
    public static Field<Instant> notDeleted() {
        return DSL.field(DSL.sql("null"), SqlTypes.TIMESTAMP).as("deleted_at");
    }

    /**
     * Refuses what a sync with tombstones cannot answer exactly: a search (tombstones keep no
     * text), or a {@code filter[updated_since]} older than tombstones are kept.
     */
    public static void check(ResourceQuery query, Map<String, String[]> parameters, Duration kept) {
        if (query.search() != null) {
            throw new InvalidQuery("search", "`search` cannot be combined with `filter[with_deleted]`");
        }
        String[] since = parameters.get("filter[updated_since]");
        if (since != null && since.length > 0 && !since[0].isBlank()) {
            Instant from = ValueType.parseDateTime(since[0], "filter[updated_since]");
            if (from.isBefore(Instant.now().minus(kept))) {
                throw new InvalidQuery(
                        "filter[updated_since]",
                        "deletions are remembered for " + kept.toDays() + " days; a sync from "
                                + "further back must start over without `filter[updated_since]`");
            }
        }
    }

    /** Whether {@code row} is a tombstone (only rows read from a union have the column at all). */
    public static boolean isTombstone(Record row, Field<Instant> deletedAt) {
        return row.indexOf(deletedAt) >= 0 && row.get(deletedAt) != null;
    }

    /** A tombstone as a list item: {@code {id, uuid, deleted_at}}, whatever fields were asked for. */
    public static Map<String, Object> item(Record row, Field<Long> id, Field<UUID> uuid, Field<Instant> deletedAt) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", row.get(id));
        item.put("uuid", row.get(uuid).toString());
        item.put("deleted_at", JsonValues.datetime(row.get(deletedAt)));
        return item;
    }
}
