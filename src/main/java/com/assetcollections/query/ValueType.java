package com.assetcollections.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

/** The type of a resource field, which decides how filter values are parsed and how the field is written. */
public enum ValueType {
    INTEGER("integer"),
    STRING("string"),
    UUID_("uuid"),
    DATETIME("datetime"),
    /** A list of short strings, stored as a JSON array; filters match its text. */
    STRING_LIST("string[]"),
    /** {@code true} or {@code false}; a filter value is {@code 1}, {@code 0}, {@code true} or {@code false}. */
    BOOLEAN("boolean"),
    /**
     * A JSON array of objects stored as its text (a log, such as a delivery's attempts), written as
     * that array. Neither filterable nor sortable: {@link FieldSpec} refuses to declare it so.
     */
    OBJECT_LIST("object[]");

    private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    // A '+' in an unencoded query string arrives as a space: "…T10:00:00 02:00".
    private static final Pattern SPACE_FOR_PLUS_OFFSET =
            Pattern.compile("(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?) (\\d{2}:?\\d{2})$");
    // PHP's DATE_ISO8601 (what many clients of this API family send) writes the offset without a colon: "+0200".
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("(T[0-9:.]+[+-][0-9]{2})([0-9]{2})$");
    // Years 1 to 9999: every stored timestamp is inside, and the databases cannot bind much beyond
    // (SQLite's epoch microseconds overflow a long in the year 294,247).
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999Z");

    private final String label;

    ValueType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses one filter value, or throws {@link InvalidQuery} naming the parameter. */
    public Object parse(String raw, String parameter) {
        String value = raw.trim();
        return switch (this) {
            case INTEGER -> parseInteger(value, parameter);
            case STRING -> text(raw, parameter);
            case STRING_LIST -> itemText(raw, parameter);
            case UUID_ -> parseUuid(value, parameter);
            case DATETIME -> parseDateTime(value, parameter);
            case BOOLEAN -> parseBoolean(value, parameter);
            case OBJECT_LIST -> throw new IllegalStateException(parameter + ": an object[] field is never filtered");
        };
    }

    /**
     * Free text as given. PostgreSQL cannot hold NUL in text (binding one fails the statement), so
     * no stored value contains it and a value with it is refused as malformed on both databases.
     */
    static String text(String raw, String parameter) {
        if (raw.indexOf('\u0000') >= 0) {
            throw new InvalidQuery(parameter, "`" + parameter + "` must not contain the NUL character (%00)");
        }
        return raw;
    }

    /**
     * Text matched within one item of a list. The items are stored one per line for matching, so
     * a value with a line break would match across two items; it can never match within one.
     */
    private static String itemText(String raw, String parameter) {
        String text = text(raw, parameter);
        if (text.indexOf('\n') >= 0) {
            throw new InvalidQuery(
                    parameter, "`" + parameter + "` must not contain a line break (%0A); it matches within one item");
        }
        return text;
    }

    private static Boolean parseBoolean(String value, String parameter) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true" -> Boolean.TRUE;
            case "0", "false" -> Boolean.FALSE;
            default ->
                throw new InvalidQuery(
                        parameter, "`" + parameter + "` must be 1, 0, true or false, got `" + value + "`");
        };
    }

    private static Long parseInteger(String value, String parameter) {
        if (DIGITS.matcher(value).matches()) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException tooLarge) {
                // falls through to the error below
            }
        }
        throw new InvalidQuery(parameter, "`" + parameter + "` must be a whole number, got `" + value + "`");
    }

    private static UUID parseUuid(String value, String parameter) {
        if (!CANONICAL_UUID.matcher(value).matches()) {
            throw new InvalidQuery(
                    parameter,
                    "`" + parameter + "` must be a UUID like " + "`123e4567-e89b-12d3-a456-426614174000`, got `" + value
                            + "`");
        }
        return UUID.fromString(value);
    }

    /** Whether {@code instant} lies in the years 1 to 9999, the datetimes filters, cursors and bodies accept. */
    public static boolean inSupportedYears(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && !instant.isAfter(LAST_INSTANT);
    }

    /**
     * Accepts {@code YYYY-MM-DD}, {@code YYYY-MM-DD HH:MM:SS} and ISO-8601 date-times with or
     * without fraction and offset; a value without an offset is UTC. Throws {@link
     * DateTimeOutOfRange} for an instant outside the years 1 to 9999, {@link InvalidQuery} for
     * anything else that is not a datetime.
     */
    public static Instant parseDateTime(String value, String parameter) {
        Instant instant = parseAnyDateTime(value, parameter);
        if (!inSupportedYears(instant)) {
            throw new DateTimeOutOfRange(parameter, value);
        }
        return instant;
    }

    private static Instant parseAnyDateTime(String value, String parameter) {
        String text = SPACE_FOR_PLUS_OFFSET.matcher(value).replaceFirst("$1+$4");
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            String iso = text.length() > 10 && text.charAt(10) == ' '
                    ? text.substring(0, 10) + 'T' + text.substring(11)
                    : text;
            iso = OFFSET_WITHOUT_COLON.matcher(iso).replaceFirst("$1:$2");
            Instant instant = hasOffset(iso)
                    ? OffsetDateTime.parse(iso).toInstant()
                    : LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            return instant.truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new InvalidQuery(
                    parameter,
                    "`" + parameter + "` must be a date (`2023-01-01`), a date and time "
                            + "(`2023-01-01 13:45:00`) or an ISO-8601 date-time, got `" + value + "`");
        }
    }

    private static boolean hasOffset(String iso) {
        int time = iso.indexOf('T');
        return time > 0 && (iso.endsWith("Z") || iso.indexOf('+', time) > 0 || iso.indexOf('-', time) > 0);
    }
}
