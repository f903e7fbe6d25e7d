package com.assetcollections.query;

import java.util.function.BiFunction;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A filter that is not a plain field match, such as {@code filter[updated_since]} or
 * {@code filter[mine]}. Its condition may depend on the caller.
 *
 * @param condition from the parsed value and the caller's user id to a condition
 * @param byCaller  whether the rows it keeps depend on who asks (so totals are per caller)
 */
public record ExtraFilter(
        String name,
        ValueType valueType,
        boolean flag,
        BiFunction<Object, Long, Condition> condition,
        boolean byCaller,
        String description) {

    /** {@code filter[name]=<datetime>}: rows whose {@code column} is after that instant. */
    public static ExtraFilter since(String name, Field<java.time.Instant> column, String description) {
        return new ExtraFilter(
                name,
                ValueType.DATETIME,
                false,
                (value, caller) -> column.gt((java.time.Instant) value),
                false,
                description);
    }

    /**
     * {@code filter[name]=1}: applies {@code condition}; {@code 0} (or false) applies nothing, any other
     * value is rejected.
     */
    public static ExtraFilter flag(
            String name, java.util.function.Function<Long, Condition> condition, String description) {
        return new ExtraFilter(
                name,
                null,
                true,
                (value, caller) -> Boolean.TRUE.equals(value) ? condition.apply(caller) : DSL.noCondition(),
                true,
                description);
    }

    /** {@code filter[name]=<value>} of the given type, kept per caller by {@code condition}. */
    public static ExtraFilter byCaller(
            String name, ValueType type, BiFunction<Object, Long, Condition> condition, String description) {
        return new ExtraFilter(name, type, false, condition, true, description);
    }

    public Object parse(String raw, String parameter) {
        if (!flag) {
            return valueType.parse(raw, parameter);
        }
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true" -> Boolean.TRUE;
            case "0", "false" -> Boolean.FALSE;
            default -> throw new InvalidQuery(parameter, "`" + parameter + "` must be 1 or 0, got `" + raw + "`");
        };
    }
}
