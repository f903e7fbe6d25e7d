package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.collections.VisibilityWorld.Coll;
import com.assetcollections.collections.VisibilityWorld.Person;
import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Follows {@code meta.next_cursor} from the first page to the last, then {@code meta.prev_cursor}
 * back to the first, checking every page shows only visible collections and that both walks
 * visit exactly the expected rows in order.
 */
final class CursorWalk {

    private final ApiClient api;
    private final long seed;
    private final VisibilityWorld world;
    private final Person caller;
    private final RandomCollectionQuery query;
    private final int perPage;
    private final List<Long> expected;

    CursorWalk(
            ApiClient api, long seed, VisibilityWorld world, Person caller, RandomCollectionQuery query, int perPage) {
        this.api = api;
        this.seed = seed;
        this.world = world;
        this.caller = caller;
        this.query = query;
        this.perPage = perPage;
        this.expected = query.expected(world).stream().map(Coll::id).toList();
    }

    void walkForwardAndBack() {
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
        Map<String, String> params = new LinkedHashMap<>(query.params);
        params.put("per_page", Integer.toString(perPage));
        params.put("cursor", cursor);
        ApiResponse response = api.get("/api/v2/collections", caller.token(), params);
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
        assertThat(ids)
                .as(describe(cursor) + ": only visible collections")
                .allSatisfy(id -> assertThat(world.byId(id).visibleTo(caller.id()))
                        .as("collection %d is visible", id)
                        .isTrue());
        assertThat(ids.size()).as(describe(cursor) + ": page size").isLessThanOrEqualTo(perPage);
        return ids;
    }

    private String describe(String cursor) {
        return String.format(
                "seed %d: cursor walk %s per_page=%d as user %d, at cursor `%s`",
                seed, query.params, perPage, caller.id(), cursor);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
    }
}
