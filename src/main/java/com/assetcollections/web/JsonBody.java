package com.assetcollections.web;

import com.assetcollections.query.DateTimeOutOfRange;
import com.assetcollections.query.InvalidQuery;
import com.assetcollections.query.ValueType;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The JSON object body of a write request, read field by field. Each reader records what is wrong
 * with its field instead of throwing, so that {@link #validate()} can answer 422 with every bad
 * field at once. A field that is absent reads as empty; an explicit {@code null} is recorded as
 * such, so PATCH can tell "leave it" from "clear it".
 */
public final class JsonBody {

    private final JsonNode root;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    JsonBody(JsonNode root) {
        this.root = root;
    }

    public boolean has(String field) {
        return root.has(field);
    }

    public boolean isNull(String field) {
        return root.has(field) && root.get(field).isNull();
    }

    /** A required text, trimmed, of {@code min} to {@code max} characters. */
    public String requiredText(String field, int min, int max) {
        if (!has(field) || isNull(field)) {
            reject(field, "`" + field + "` is required");
            return null;
        }
        return text(field, min, max).orElse(null);
    }

    /** An optional text, trimmed, of {@code min} to {@code max} characters; empty when absent or null. */
    public Optional<String> text(String field, int min, int max) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isString()) {
            reject(field, "`" + field + "` must be a string");
            return Optional.empty();
        }
        String value = node.stringValue().strip();
        if (!storable(value)) {
            reject(field, unstorable(field));
            return Optional.empty();
        }
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            reject(
                    field,
                    min == max
                            ? "`" + field + "` must be " + min + " characters long"
                            : "`" + field + "` must be " + min + " to " + max + " characters long (trimmed)");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** An optional text that must be one of {@code allowed}. */
    public Optional<String> oneOf(String field, List<String> allowed) {
        Optional<String> value = text(field, 0, Integer.MAX_VALUE);
        if (value.isPresent() && !allowed.contains(value.get())) {
            reject(
                    field,
                    "`" + field + "` must be one of " + String.join(", ", allowed) + "; got `" + value.get() + "`");
            return Optional.empty();
        }
        return value;
    }

    /** A required text that must be one of {@code allowed}; absent or null is "required". */
    public String requiredOneOf(String field, List<String> allowed) {
        if (!has(field) || isNull(field)) {
            reject(field, "`" + field + "` is required; one of " + String.join(", ", allowed));
            return null;
        }
        return oneOf(field, allowed).orElse(null);
    }

    /** An optional {@code true} or {@code false}; empty when absent, and {@code null} is refused like any non-boolean. */
    public Optional<Boolean> bool(String field) {
        JsonNode node = root.get(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            reject(field, "`" + field + "` must be true or false");
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    /** An optional whole number, at least {@code min}. */
    public Optional<Long> number(String field, long min) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min) {
            reject(field, "`" + field + "` must be a whole number of at least " + min);
            return Optional.empty();
        }
        return Optional.of(node.longValue());
    }

    /** An optional whole number from {@code min} to {@code max}. */
    public Optional<Long> number(String field, long min, long max) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            reject(field, "`" + field + "` must be a whole number from " + min + " to " + max);
            return Optional.empty();
        }
        return Optional.of(node.longValue());
    }

    /**
     * An optional instant, written as the query language writes datetimes ({@code 2030-01-01},
     * {@code 2030-01-01 13:45:00}, or ISO-8601 with optional fraction and offset; no offset means
     * UTC), in the years 1 to 9999; empty when absent or null.
     */
    public Optional<Instant> datetime(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String hint = "`" + field + "` must be an ISO-8601 date-time (`2030-01-31T13:45:00Z`), a date and time"
                + " (`2030-01-31 13:45:00`, UTC) or a date (`2030-01-31`, midnight UTC)";
        if (!node.isString()) {
            reject(field, hint);
            return Optional.empty();
        }
        try {
            return Optional.of(ValueType.parseDateTime(node.stringValue().strip(), field));
        } catch (DateTimeOutOfRange e) {
            reject(field, e.getMessage());
            return Optional.empty();
        } catch (InvalidQuery | DateTimeException e) {
            reject(field, hint + "; got `" + node.stringValue() + "`");
            return Optional.empty();
        }
    }

    /** An optional list of whole numbers of at most {@code maxItems} items; duplicates are dropped. */
    public Optional<List<Long>> numbers(String field, int maxItems) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray() || node.size() > maxItems) {
            reject(field, "`" + field + "` must be a list of at most " + maxItems + " ids");
            return Optional.empty();
        }
        List<Long> values = new ArrayList<>();
        for (JsonNode item : node.values()) {
            if (!item.isIntegralNumber() || !item.canConvertToLong() || item.longValue() < 1) {
                reject(field, "`" + field + "` must hold only positive whole numbers; got `" + item + "`");
                return Optional.empty();
            }
            if (!values.contains(item.longValue())) {
                values.add(item.longValue());
            }
        }
        return Optional.of(values);
    }

    /** An optional list of trimmed strings, each of 1 to {@code maxLength} characters. */
    public Optional<List<String>> texts(String field, int maxItems, int maxLength) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray() || node.size() > maxItems) {
            reject(field, "`" + field + "` must be a list of at most " + maxItems + " strings");
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node.values()) {
            String value = item.isString() ? item.stringValue().strip() : null;
            if (value == null || value.isEmpty() || value.codePointCount(0, value.length()) > maxLength) {
                reject(
                        field,
                        "`" + field + "` must hold only non-empty strings of at most " + maxLength
                                + " characters; got `" + item + "`");
                return Optional.empty();
            }
            if (!storable(value)) {
                reject(field, unstorable(field));
                return Optional.empty();
            }
            values.add(value);
        }
        return Optional.of(values);
    }

    /**
     * Text both databases store as sent: PostgreSQL refuses NUL (a 500 otherwise), and an unpaired
     * surrogate has no UTF-8 form (it would be stored as "?").
     */
    private static boolean storable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (c == 0 || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String unstorable(String field) {
        return "`" + field + "` must be Unicode text without NUL characters or unpaired surrogates";
    }

    /** Records a problem with {@code field}; the request fails at {@link #validate()}. */
    public void reject(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    /** Throws {@link InvalidBody} (422) listing every problem found so far. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new InvalidBody(errors);
        }
    }
}
