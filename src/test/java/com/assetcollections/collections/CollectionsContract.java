package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the collection read contracts share: requests written as name/value pairs (sent
 * percent-encoded, in the order given), and reading ids and error bodies back.
 */
abstract class CollectionsContract extends ApiTestBase {

    static final String PATH = "/api/v2/collections";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    ApiResponse list(String token, String... pairs) {
        return api.get(PATH, token, query(pairs));
    }

    ApiResponse item(String token, Object key, String... pairs) {
        return api.get(PATH + "/" + key, token, query(pairs));
    }

    /** The absolute URL the server writes for the list path with {@code query}. */
    String url(String query) {
        return api.base() + PATH + (query.isEmpty() ? "" : "?" + query);
    }

    private static Map<String, String> query(String... pairs) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], pairs[i + 1]);
        }
        return query;
    }

    /** The ids of a successful list response, in response order. */
    static List<Long> ids(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().get("data").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** A 400 with exactly {@code {"message": message, "errors": {parameter: [message]}}}. */
    static void assertBadRequest(ApiResponse response, String parameter, String message) {
        ObjectNode expected = JSON.createObjectNode().put("message", message);
        expected.putObject("errors").putArray(parameter).add(message);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json()).isEqualTo(expected);
    }

    /** A 404 with exactly {@code {"message": message}}. */
    static void assertNotFound(ApiResponse response, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.json()).isEqualTo(JSON.createObjectNode().put("message", message));
    }
}
