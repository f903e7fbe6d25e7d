package com.assetcollections.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Follows {@code meta.next_cursor} of an asset list from the first page to the last, then
 * {@code meta.prev_cursor} back to the first, and checks that both walks visit exactly the
 * expected assets in order, with no total on any page.
 *
 * @param what names the request in assertion messages (seed, caller)
 */
record AssetCursorWalk(ApiClient api, String what, String path, String token, Map<String, String> params, int perPage) {

    void walkForwardAndBack(List<Long> expected) {
        int maxPages = expected.size() / perPage + 2;
        List<Long> forward = new ArrayList<>();
        String cursor = "";
        String lastPrev = null;
        int lastPageSize = 0;
        for (int pages = 0; cursor != null; pages++) {
            assertThat(pages).as(describe(cursor) + ": the walk ends").isLessThan(maxPages);
            JsonNode page = page(cursor);
            List<Long> ids = ids(page, cursor);
            forward.addAll(ids);
            lastPageSize = ids.size();
            lastPrev = text(page.at("/meta/prev_cursor"));
            cursor = text(page.at("/meta/next_cursor"));
        }
        assertThat(forward).as(describe("") + ": the forward walk").containsExactlyElementsOf(expected);

        List<List<Long>> backward = new ArrayList<>();
        cursor = lastPrev;
        for (int pages = 0; cursor != null; pages++) {
            assertThat(pages).as(describe(cursor) + ": the backward walk ends").isLessThan(maxPages);
            JsonNode page = page(cursor);
            backward.add(0, ids(page, cursor));
            cursor = text(page.at("/meta/prev_cursor"));
        }
        List<Long> walkedBack = new ArrayList<>();
        backward.forEach(walkedBack::addAll);
        assertThat(walkedBack)
                .as(describe(lastPrev) + ": the backward walk from the last page")
                .containsExactlyElementsOf(expected.subList(0, expected.size() - lastPageSize));
    }

    private JsonNode page(String cursor) {
        Map<String, String> query = new LinkedHashMap<>(params);
        query.put("per_page", Integer.toString(perPage));
        query.put("cursor", cursor);
        ApiResponse response = api.get(path, token, query);
        assertThat(response.status())
                .as(describe(cursor) + ": " + response.body())
                .isEqualTo(200);
        assertThat(response.json().has("meta") && !response.json().get("meta").has("total"))
                .as(describe(cursor) + ": a cursor page has no total")
                .isTrue();
        return response.json();
    }

    private List<Long> ids(JsonNode page, String cursor) {
        List<Long> ids = page.get("data").values().stream()
                .map(item -> item.get("id").asLong())
                .toList();
        assertThat(ids.size()).as(describe(cursor) + ": page size").isLessThanOrEqualTo(perPage);
        return ids;
    }

    private String describe(String cursor) {
        return String.format(
                "%s: cursor walk of %s %s per_page=%d, at cursor `%s`", what, path, params, perPage, cursor);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
