package com.assetcollections.query;

import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;

/** Turns a field, an operator and parsed values into a jOOQ condition (values are always bound). */
final class FieldConditions {

    private FieldConditions() {}

    @SuppressWarnings("unchecked")
    static Condition condition(FieldSpec field, Operator operator, List<Object> values) {
        Field<Object> column = (Field<Object>) field.column();
        Object first = values.get(0);
        return switch (operator) {
            case EQ -> column.eq(first);
            case IN -> values.size() == 1 ? column.eq(first) : column.in(values);
            case CONTAINS -> field.foldedColumn().contains(TextFolding.fold((String) first));
            case STARTS_WITH -> field.foldedColumn().startsWith(TextFolding.fold((String) first));
            case GT -> column.gt(first);
            case GTE -> column.ge(first);
            case LT -> column.lt(first);
            case LTE -> column.le(first);
            case NULL -> Boolean.TRUE.equals(first) ? column.isNull() : column.isNotNull();
        };
    }
}
