package com.assetcollections.openapi;

import java.util.List;

/**
 * One field of a JSON request body and the rules the service checks it by, as far as a JSON Schema
 * can say them; what it cannot (a rule across fields, a rule against the database) is in the
 * description. Built with the fluent methods, e.g. {@code BodyField.text("name", 1, 255, "...").required()}.
 *
 * @param kind      what JSON value it takes
 * @param mandatory whether it must be sent
 * @param nullable  whether an explicit {@code null} is accepted (and means "none")
 * @param minimum   the least whole number, or the least length of a text (code points, trimmed)
 * @param maximum   the greatest whole number, or the greatest length of a text
 * @param maxItems  the most items of a list, or null
 * @param allowed   the only values a text (or each text of a list) may take, or empty
 * @param format    the JSON Schema format of a text ({@code uri}), or null
 * @param pattern   the regular expression a text matches (surrounding spaces aside), or null
 */
public record BodyField(
        String name,
        Kind kind,
        boolean mandatory,
        boolean nullable,
        Long minimum,
        Long maximum,
        Integer maxItems,
        List<String> allowed,
        String format,
        String pattern,
        String description) {

    public enum Kind {
        TEXT,
        INTEGER,
        BOOLEAN,
        TEXTS,
        INTEGERS
    }

    public BodyField {
        allowed = List.copyOf(allowed);
    }

    /** An optional text of {@code min} to {@code max} characters (trimmed); null means none. */
    public static BodyField text(String name, int min, int max, String description) {
        return new BodyField(
                name, Kind.TEXT, false, true, (long) min, (long) max, null, List.of(), null, null, description);
    }

    /** An optional text that is one of {@code allowed}; null means the default. */
    public static BodyField oneOf(String name, List<String> allowed, String description) {
        return new BodyField(name, Kind.TEXT, false, true, null, null, null, allowed, null, null, description);
    }

    /** An optional date-time in the forms the query language takes; null means none. */
    public static BodyField datetime(String name, String description) {
        return new BodyField(name, Kind.TEXT, false, true, null, null, null, List.of(), null, null, description);
    }

    /** An optional whole number from {@code min} to {@code max} (null: no upper bound); null means none. */
    public static BodyField integer(String name, long min, Long max, String description) {
        return new BodyField(name, Kind.INTEGER, false, true, min, max, null, List.of(), null, null, description);
    }

    /** An optional {@code true} or {@code false}; null is refused. */
    public static BodyField bool(String name, String description) {
        return new BodyField(name, Kind.BOOLEAN, false, false, null, null, null, List.of(), null, null, description);
    }

    /** An optional list of at most {@code maxItems} non-empty texts of at most {@code maxLength} characters. */
    public static BodyField texts(String name, int maxItems, int maxLength, String description) {
        return new BodyField(
                name, Kind.TEXTS, false, true, 1L, (long) maxLength, maxItems, List.of(), null, null, description);
    }

    /** An optional list of at most {@code maxItems} positive ids. */
    public static BodyField ids(String name, int maxItems, String description) {
        return new BodyField(name, Kind.INTEGERS, false, true, 1L, null, maxItems, List.of(), null, null, description);
    }

    /** Must be sent, and not as null. */
    public BodyField required() {
        return new BodyField(
                name, kind, true, false, minimum, maximum, maxItems, allowed, format, pattern, description);
    }

    /** Sent or not, but never as null. */
    public BodyField notNull() {
        return new BodyField(
                name, kind, mandatory, false, minimum, maximum, maxItems, allowed, format, pattern, description);
    }

    /** Optional, as in a PATCH: absent means "leave it". */
    public BodyField optional() {
        return new BodyField(
                name, kind, false, nullable, minimum, maximum, maxItems, allowed, format, pattern, description);
    }

    /** A text (or each text of a list) that must be one of {@code values}. */
    public BodyField allowing(List<String> values) {
        return new BodyField(
                name, kind, mandatory, nullable, minimum, maximum, maxItems, values, format, pattern, description);
    }

    /** A text that matches {@code regex} as a whole once trimmed, as the service checks it. */
    public BodyField matching(java.util.regex.Pattern regex) {
        return new BodyField(
                name,
                kind,
                mandatory,
                nullable,
                minimum,
                maximum,
                maxItems,
                allowed,
                format,
                "^\\s*(?:" + regex.pattern() + ")\\s*$",
                description);
    }

    public BodyField format(String jsonSchemaFormat) {
        return new BodyField(
                name,
                kind,
                mandatory,
                nullable,
                minimum,
                maximum,
                maxItems,
                allowed,
                jsonSchemaFormat,
                pattern,
                description);
    }
}
