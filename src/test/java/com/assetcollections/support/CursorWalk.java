package com.assetcollections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Follows {@code meta.next_cursor} of a list from the first page to the last, then
 * {@code meta.prev_cursor} back to the first, and checks that both walks visit exactly the
 * expected items in order, with no total on any page.
 *
 * @param what names the request in assertion messages (seed, caller)
 */
public record CursorWalk(
        ApiClient api, String what, String path, String token, Map<String, String> params, int perPage) {

    /** A check of every page's ids beyond the walk's own (e.g. that the caller may see each). */
    @FunctionalInterface
    public interface PageCheck {

        /** @param at describes the request and cursor, for assertion messages */
        void check(String at, List<Long> ids);
    }

    public void walkForwardAndBack(List<Long> expected) {
        walkForwardAndBack(expected, (at, ids) -> {});
    }

    public void walkForwardAndBack(List<Long> expected, PageCheck eachPage) {
        int maxPages = expected.size() / perPage + 2;
        List<Long> forward = new ArrayList<>();
        String cursor = "";
        String lastPrev = null;
        int lastPageSize = 0;
        for (int pages = 0; cursor != null; pages++) {
            assertThat(pages).as(describe(cursor) + ": the walk ends").isLessThan(maxPages);
            JsonNode page = page(cursor);
            List<Long> ids = ids(page, cursor, eachPage);
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
            backward.add(0, ids(page, cursor, eachPage));
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

    private List<Long> ids(JsonNode page, String cursor, PageCheck eachPage) {
        List<Long> ids = page.get("data").values().stream()
                .map(item -> item.get("id").asLong())
                .toList();
        eachPage.check(describe(cursor), ids);
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
