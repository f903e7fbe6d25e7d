package com.assetcollections.query;

import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * The full ordering of a list (the requested keys, then {@code id} as the tie-breaker, so that
 * pages are stable) and the seek condition that continues it from a {@link Cursor}. Seeking costs
 * an index range scan however deep the page, unlike an offset.
 */
public final class Keyset {

    private final List<Field<?>> columns;
    private final List<Boolean> descending;
    private final String signature;

    private Keyset(List<Field<?>> columns, List<Boolean> descending, String signature) {
        this.columns = List.copyOf(columns);
        this.descending = List.copyOf(descending);
        this.signature = signature;
    }

    public static Keyset of(List<SortKey> sort, FieldSpec id) {
        List<Field<?>> columns = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (SortKey key : sort) {
            columns.add(key.field().sortColumn());
            descending.add(key.descending());
            tokens.add(key.token());
        }
        if (sort.stream().noneMatch(key -> key.field().name().equals(id.name()))) {
            columns.add(id.sortColumn());
            descending.add(false);
            tokens.add(id.name());
        }
        return new Keyset(columns, descending, String.join(",", tokens));
    }

    public List<Field<?>> columns() {
        return columns;
    }

    /** The sort as text, stored in cursors so that a cursor is only used with the sort it came from. */
    public String signature() {
        return signature;
    }

    public List<SortField<?>> orderBy(boolean reversed) {
        List<SortField<?>> order = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            boolean desc = descending.get(i) != reversed;
            order.add(desc ? columns.get(i).desc() : columns.get(i).asc());
        }
        return order;
    }

    /**
     * Rows strictly after (or, backward, before) the cursor's position in this ordering. The
     * leading column's bound is repeated as a plain range so that the database starts an index
     * scan there instead of filtering from the start.
     */
    @SuppressWarnings("unchecked")
    public Condition after(Cursor cursor) {
        Field<Object> leading = (Field<Object>) columns.get(0);
        Object leadingValue = cursor.keys().get(0);
        Condition range = descending.get(0) == cursor.backward() ? leading.ge(leadingValue) : leading.le(leadingValue);
        Condition any = DSL.falseCondition();
        Condition equalSoFar = DSL.trueCondition();
        for (int i = 0; i < columns.size(); i++) {
            Field<Object> column = (Field<Object>) columns.get(i);
            Object value = cursor.keys().get(i);
            boolean greater = descending.get(i) == cursor.backward();
            any = any.or(equalSoFar.and(greater ? column.gt(value) : column.lt(value)));
            equalSoFar = equalSoFar.and(column.eq(value));
        }
        return range.and(any);
    }
}
