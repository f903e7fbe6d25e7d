package com.assetcollections.query;

import com.assetcollections.storage.ChangeScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The list source of {@code filter[with_deleted]=1} on one resource: its live rows and the
 * tombstones of deleted ones as one table under the live table's name, so that every filter, sort
 * and page of the list applies to both, and the schema's columns name the union's.
 *
 * <p>A resource declares the union once: the live columns a list may read, and for each of them
 * what a tombstone has in its place (its own column, or a constant where it kept nothing), then the
 * tombstone's deletion time. The union adds the {@code deleted_at} column, null for live rows; a
 * row with one is written as {@code {id, uuid, deleted_at}} whatever fields were asked for.
 */
public final class TombstoneUnion {

    private final Table<?> live;
    private final Field<Long> id;
    private final Field<UUID> uuid;
    private final List<Field<?>> liveColumns;
    private final Table<?> tombstones;
    private final List<Field<?>> tombstoneColumns;
    private final Field<Instant> deletedAt;

    /**
     * @param liveColumns      the columns of {@code live} the union has, {@code id} and {@code uuid} among them
     * @param tombstoneColumns what a tombstone has in place of each live column, in the same order, then its
     *                         deletion time (the union's {@code deleted_at})
     */
    public TombstoneUnion(
            Table<?> live,
            Field<Long> id,
            Field<UUID> uuid,
            List<Field<?>> liveColumns,
            Table<?> tombstones,
            List<Field<?>> tombstoneColumns) {
        if (tombstoneColumns.size() != liveColumns.size() + 1) {
            throw new IllegalArgumentException(live.getName() + ": a tombstone needs a column for each of the "
                    + liveColumns.size() + " live columns, then its deletion time; got " + tombstoneColumns.size());
        }
        this.live = live;
        this.id = id;
        this.uuid = uuid;
        this.liveColumns = List.copyOf(liveColumns);
        this.tombstones = tombstones;
        this.tombstoneColumns = List.copyOf(tombstoneColumns);
        this.deletedAt = WithDeleted.deletedAt(live.getName());
    }

    /** The union's {@code deleted_at} column: null for a live row. */
    public Field<Instant> deletedAt() {
        return deletedAt;
    }

    /** The union, built anew for each statement (a jOOQ select is a mutable builder). */
    public Table<?> table() {
        List<Field<?>> liveRow = new ArrayList<>(liveColumns);
        liveRow.add(WithDeleted.notDeleted());
        return DSL.select(liveRow)
                .from(live)
                .unionAll(DSL.select(tombstoneColumns).from(tombstones))
                .asTable(live.getName());
    }

    /**
     * The source a list reads: {@code live}, or with {@code filter[with_deleted]=1} (refused where
     * {@link WithDeleted#check} refuses it) this union within {@code scope}, which says who may see
     * a tombstone. Its totals are kept apart from the live list's and change with tombstones too.
     */
    public Source sourceFor(
            ResourceQuery query, Map<String, String[]> parameters, Duration kept, Source live, Condition scope) {
        if (!query.flagSet(WithDeleted.FLAG)) {
            return live;
        }
        WithDeleted.check(query, parameters, kept);
        List<Field<?>> alwaysSelect = new ArrayList<>(live.alwaysSelect());
        alwaysSelect.add(deletedAt);
        return new Source(
                table(),
                scope,
                live.scopeKey() + "|with_deleted",
                live.search(),
                ChangeScope.withTombstones(live.changes()),
                List.copyOf(alwaysSelect));
    }

    /** Whether {@code row} is a tombstone (only rows read from the union have the column at all). */
    public boolean isTombstone(Record row) {
        return WithDeleted.isTombstone(row, deletedAt);
    }

    /** A tombstone as a list item: {@code {id, uuid, deleted_at}}. */
    public Map<String, Object> item(Record row) {
        return WithDeleted.item(row, id, uuid, deletedAt);
    }
}
