package com.assetcollections.assets;

import static com.assetcollections.assets.AssetsContract.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The paging envelopes of the asset lists: a collection's contents (offset) and the catalogue (cursor). */
abstract class AssetsPagingContract extends ApiTestBase {

    private String token;
    private long board;
    private final UUID boardUuid = UUID.randomUUID();
    private long empty;
    private final List<Long> images = new ArrayList<>();
    private long video;

    @BeforeEach
    void boardOfFiveImagesAndAVideo() {
        User alice = fixtures.user("Alice");
        User bob = fixtures.user("Bob");
        token = fixtures.token(bob);
        board = fixtures.collection(alice, "Board").publicOne().uuid(boardUuid).create();
        empty = fixtures.collection(alice, "Empty").publicOne().create();
        Instant noon = Instant.parse("2024-03-01T12:00:00Z");
        for (String name : List.of("Anchor", "Buoy", "Compass", "Dock", "Easel")) {
            // two update times only, so that sorting on them leaves ties for id to break
            Instant updated = noon.plusSeconds(images.size() % 2 * 3600L);
            images.add(fixtures.asset(alice, name).updated(updated).create());
        }
        video = fixtures.asset(bob, "Film").type("video").updated(noon).create();
        for (int i = 0; i < images.size(); i++) {
            fixtures.member(board, images.get(i), 10 - i);
        }
        fixtures.member(board, video, 0);
    }

    @Test
    void contentsPagesKeepEveryOtherParameterInTheirLinks() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("filter[asset_type]", "image");
        query.put("sort", "-name");
        query.put("per_page", "2");
        query.put("page", "2");

        ApiResponse response = contents(Long.toString(board), query);

        assertThat(ids(response)).containsExactly(images.get(2), images.get(1));
        String path = api.base() + "/api/v2/collections/" + board + "/assets";
        String page = path + "?filter%5Basset_type%5D=image&sort=-name&per_page=2&page=";
        JsonNode links = response.json().get("links");
        assertThat(links.get("first").asString()).isEqualTo(page + 1);
        assertThat(links.get("last").asString()).isEqualTo(page + 3);
        assertThat(links.get("prev").asString()).isEqualTo(page + 1);
        assertThat(links.get("next").asString()).isEqualTo(page + 3);
        JsonNode meta = response.json().get("meta");
        assertThat(meta.get("current_page").asLong()).isEqualTo(2);
        assertThat(meta.get("from").asLong()).isEqualTo(3);
        assertThat(meta.get("to").asLong()).isEqualTo(4);
        assertThat(meta.get("last_page").asLong()).isEqualTo(3);
        assertThat(meta.get("per_page").asLong()).isEqualTo(2);
        assertThat(meta.get("total").asLong()).isEqualTo(5);
        assertThat(meta.get("path").asString()).isEqualTo(path);
        assertThat(labels(meta)).containsExactly("&laquo; Previous", "1", "2", "3", "Next &raquo;");
        assertThat(meta.at("/links/2/active").asBoolean()).isTrue();
        assertThat(meta.at("/links/3/url").asString()).isEqualTo(page + 3);
    }

    @Test
    void contentsByUuidKeepTheUuidInTheirPath() {
        ApiResponse response = contents(boardUuid.toString(), Map.of("per_page", "4"));

        assertThat(ids(response)).containsExactly(video, images.get(4), images.get(3), images.get(2));
        String path = api.base() + "/api/v2/collections/" + boardUuid + "/assets";
        assertThat(response.json().at("/meta/path").asString()).isEqualTo(path);
        assertThat(response.json().at("/links/next").asString()).isEqualTo(path + "?per_page=4&page=2");
    }

    @Test
    void anEmptyCollectionHasOneEmptyPage() {
        ApiResponse response = contents(Long.toString(empty), Map.of());

        assertThat(ids(response)).isEmpty();
        JsonNode meta = response.json().get("meta");
        assertThat(meta.get("total").asLong()).isZero();
        assertThat(meta.get("last_page").asLong()).isEqualTo(1);
        assertThat(meta.get("current_page").asLong()).isEqualTo(1);
        assertThat(meta.get("from").isNull()).isTrue();
        assertThat(meta.get("to").isNull()).isTrue();
        String first = api.base() + "/api/v2/collections/" + empty + "/assets?page=1";
        JsonNode links = response.json().get("links");
        assertThat(links.get("first").asString()).isEqualTo(first);
        assertThat(links.get("last").asString()).isEqualTo(first);
        assertThat(links.get("prev").isNull()).isTrue();
        assertThat(links.get("next").isNull()).isTrue();
        assertThat(labels(meta)).containsExactly("&laquo; Previous", "1", "Next &raquo;");
    }

    @Test
    void aFilterMatchingNothingInTheCollectionHasOneEmptyPage() {
        ApiResponse response = contents(Long.toString(board), Map.of("filter[asset_type]", "audio"));

        assertThat(ids(response)).isEmpty();
        assertThat(response.json().at("/meta/total").asLong()).isZero();
        assertThat(response.json().at("/meta/last_page").asLong()).isEqualTo(1);
    }

    @Test
    void aPagePastTheLastIsEmptyWithTheRightMeta() {
        ApiResponse response = contents(Long.toString(board), Map.of("per_page", "4", "page", "9"));

        assertThat(ids(response)).isEmpty();
        JsonNode meta = response.json().get("meta");
        assertThat(meta.get("current_page").asLong()).isEqualTo(9);
        assertThat(meta.get("last_page").asLong()).isEqualTo(2);
        assertThat(meta.get("total").asLong()).isEqualTo(6);
        assertThat(meta.get("from").isNull()).isTrue();
        assertThat(meta.get("to").isNull()).isTrue();
        assertThat(response.json().at("/links/next").isNull()).isTrue();
    }

    @Test
    void cursorPagesOfTheCatalogueFollowTheSortBothWays() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("sort", "-updated_at,name");
        query.put("per_page", "2");
        query.put("cursor", "");
        // updated at 13:00: Buoy, Dock; at 12:00: Anchor, Compass, Easel, Film
        List<Long> expected = List.of(images.get(1), images.get(3), images.get(0), images.get(2), images.get(4), video);

        List<Long> forward = new ArrayList<>();
        ApiResponse page = api.get("/api/v2/assets", token, query);
        String lastPrev = null;
        while (true) {
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode meta = page.json().get("meta");
            assertThat(meta.has("total")).isFalse();
            assertThat(meta.get("per_page").asLong()).isEqualTo(2);
            assertThat(meta.get("path").asString()).isEqualTo(api.base() + "/api/v2/assets");
            assertThat(page.json().at("/links/first").isNull()).isTrue();
            assertThat(page.json().at("/links/last").isNull()).isTrue();
            forward.addAll(ids(page));
            lastPrev = meta.get("prev_cursor").asString();
            JsonNode next = page.json().at("/links/next");
            if (next.isNull()) {
                assertThat(meta.get("next_cursor").isNull()).isTrue();
                break;
            }
            String nextCursor = meta.get("next_cursor").asString();
            assertThat(next.asString())
                    .isEqualTo(api.base() + "/api/v2/assets?sort=-updated_at%2Cname&per_page=2&cursor=" + nextCursor);
            page = api.getRaw(next.asString().substring(api.base().length()), token);
        }
        assertThat(forward).containsExactlyElementsOf(expected);

        Map<String, String> back = new LinkedHashMap<>(query);
        back.put("cursor", lastPrev);
        ApiResponse previous = api.get("/api/v2/assets", token, back);
        assertThat(ids(previous)).containsExactly(images.get(0), images.get(2));

        Map<String, String> otherSort = new LinkedHashMap<>(back);
        otherSort.put("sort", "name");
        ApiResponse refused = api.get("/api/v2/assets", token, otherSort);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/cursor/0").asString())
                .isEqualTo("the cursor was made for another sort; keep the sort of the request that returned it");
    }

    @Test
    void cursorPagesOfTheContentsKeepTheCollectionOrderAndFilters() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("filter[asset_type]", "image");
        query.put("per_page", "3");
        query.put("cursor", "");

        ApiResponse first = contents(Long.toString(board), query);
        assertThat(ids(first)).containsExactly(images.get(4), images.get(3), images.get(2));
        String next = first.json().at("/links/next").asString();
        assertThat(next)
                .startsWith(api.base() + "/api/v2/collections/" + board
                        + "/assets?filter%5Basset_type%5D=image&per_page=3&cursor=");
        ApiResponse second = api.getRaw(next.substring(api.base().length()), token);
        assertThat(ids(second)).containsExactly(images.get(1), images.get(0));
        assertThat(second.json().at("/meta/next_cursor").isNull()).isTrue();
    }

    private ApiResponse contents(String key, Map<String, String> query) {
        return api.get("/api/v2/collections/" + key + "/assets", token, query);
    }

    private static List<String> labels(JsonNode meta) {
        return meta.get("links").values().stream()
                .map(link -> link.get("label").asString())
                .toList();
    }
}
