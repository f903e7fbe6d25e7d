package com.assetcollections.query;

import java.util.EnumSet;
import java.util.Set;
import org.jooq.Field;

/**
 * One field of a resource: its JSON name and type, the column it is read from, and how it may be
 * filtered and sorted. Built with the fluent methods, e.g.
 * {@code FieldSpec.of("name", STRING, NAME).containsMatch(NAME_FOLDED).sortable()}.
 *
 * @param column       the column selected and compared by exact operators
 * @param foldedColumn the case-folded column that contains/starts_with match against, or null
 * @param sortColumn   the column ordered by, or null when the field is not sortable
 * @param defaultOperator the operator of a plain {@code filter[field]=value}, or null when a plain
 *                     filter is not allowed
 * @param nullable     whether the value can be null
 */
public record FieldSpec(
        String name,
        ValueType type,
        Field<?> column,
        Field<String> foldedColumn,
        Field<?> sortColumn,
        Operator defaultOperator,
        Set<Operator> operators,
        boolean nullable,
        String description) {

    public static FieldSpec of(String name, ValueType type, Field<?> column, String description) {
        return new FieldSpec(name, type, column, null, null, null, EnumSet.noneOf(Operator.class), false, description);
    }

    /** Plain filter matches exactly; a comma-separated value means any of. */
    public FieldSpec exactMatch() {
        Set<Operator> ops = EnumSet.of(Operator.IN, Operator.EQ);
        if (type == ValueType.INTEGER) {
            ops.addAll(EnumSet.of(Operator.GT, Operator.GTE, Operator.LT, Operator.LTE));
        }
        return with(null, Operator.IN, ops);
    }

    /** Plain filter is a case-insensitive contains on {@code folded}; also eq and starts_with. */
    public FieldSpec containsMatch(Field<String> folded) {
        return with(folded, Operator.CONTAINS, EnumSet.of(Operator.CONTAINS, Operator.EQ, Operator.STARTS_WITH));
    }

    /** Plain filter is a case-insensitive contains on {@code folded}, and that is the only operator. */
    public FieldSpec containsOnly(Field<String> folded) {
        return with(folded, Operator.CONTAINS, EnumSet.of(Operator.CONTAINS));
    }

    /** No plain filter, but range operators. */
    public FieldSpec rangeOperators() {
        return with(foldedColumn, null, EnumSet.of(Operator.EQ, Operator.GT, Operator.GTE, Operator.LT, Operator.LTE));
    }

    public FieldSpec sortable() {
        return sortableBy(column);
    }

    /** Sortable, ordered by another column than the one shown (e.g. the folded name). */
    public FieldSpec sortableBy(Field<?> orderColumn) {
        requireComparable("sorted");
        return new FieldSpec(
                name, type, column, foldedColumn, orderColumn, defaultOperator, operators, nullable, description);
    }

    public FieldSpec orNull() {
        Set<Operator> ops = operators.isEmpty() ? EnumSet.noneOf(Operator.class) : EnumSet.copyOf(operators);
        ops.add(Operator.NULL);
        return new FieldSpec(name, type, column, foldedColumn, sortColumn, defaultOperator, ops, true, description);
    }

    /** The value may be null, without a {@code null} filter (for a field that is not filtered). */
    public FieldSpec mayBeNull() {
        return new FieldSpec(
                name, type, column, foldedColumn, sortColumn, defaultOperator, operators, true, description);
    }

    private FieldSpec with(Field<String> folded, Operator defaultOp, Set<Operator> ops) {
        requireComparable("filtered");
        return new FieldSpec(name, type, column, folded, sortColumn, defaultOp, ops, nullable, description);
    }

    /** A schema that would filter or sort a JSON log is a programming error, found at startup. */
    private void requireComparable(String what) {
        if (type == ValueType.OBJECT_LIST) {
            throw new IllegalArgumentException("field `" + name + "` of type object[] cannot be " + what);
        }
    }

    public boolean isSortable() {
        return sortColumn != null;
    }

    public boolean isFilterable() {
        return !operators.isEmpty();
    }
}
