package com.assetcollections.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An opaque position in an ordered result: the sort-key values of one row, the sort it belongs
 * to, and the direction to read from it. Encoded as URL-safe base64 JSON.
 *
 * @param backward read the rows before the position (a "previous" cursor) instead of after it
 * @param keys     the values of the ordering columns of the row at the position
 */
public record Cursor(boolean backward, List<Object> keys) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String encode(String sortSignature) {
        ObjectNode node = JSON.createObjectNode();
        node.put("s", sortSignature);
        node.put("d", backward ? "prev" : "next");
        ArrayNode values = node.putArray("k");
        for (Object key : keys) {
            if (key instanceof Long number) {
                values.add(number);
            } else if (key instanceof Integer number) {
                values.add(number);
            } else if (key instanceof Instant instant) {
                values.add(instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000);
            } else {
                values.add(key.toString());
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(node));
    }

    /** Reads a cursor made for the same sort, or throws {@link InvalidQuery}. */
    public static Cursor decode(String text, String sortSignature, List<Field<?>> columns) {
        try {
            JsonNode node = JSON.readTree(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8));
            if (!sortSignature.equals(node.path("s").asString(""))) {
                throw invalid("the cursor was made for another sort; keep the sort of the request that returned it");
            }
            JsonNode values = node.path("k");
            if (!values.isArray() || values.size() != columns.size()) {
                throw invalid("the cursor is malformed");
            }
            List<Object> keys = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                keys.add(value(values.get(i), columns.get(i).getType()));
            }
            String direction = node.path("d").asString("");
            if (!direction.equals("next") && !direction.equals("prev")) {
                throw invalid("the cursor is malformed");
            }
            return new Cursor(direction.equals("prev"), keys);
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid("the cursor is malformed; use the next_cursor or prev_cursor of a previous response");
        }
    }

    private static Object value(JsonNode node, Class<?> type) {
        if (type == Long.class && node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (type == Integer.class && node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (type == Instant.class && node.isIntegralNumber() && node.canConvertToLong()) {
            long micros = node.longValue();
            Instant instant = Instant.ofEpochSecond(
                    Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
            if (ValueType.inSupportedYears(instant)) {
                return instant;
            }
        }
        if (type == UUID.class && node.isString()) {
            return UUID.fromString(node.stringValue());
        }
        if (type == String.class && node.isString() && node.stringValue().indexOf('\u0000') < 0) {
            return node.stringValue();
        }
        throw invalid("the cursor is malformed");
    }

    private static InvalidQuery invalid(String message) {
        return new InvalidQuery("cursor", message);
    }
}
