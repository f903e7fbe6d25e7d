package com.assetcollections.assets;

import static com.assetcollections.assets.AssetsContract.ids;
import static com.assetcollections.assets.AssetsContract.names;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The assets of a collection: GET /api/v2/collections/{id}/assets and include=assets on collections. */
abstract class CollectionAssetsContract extends ApiTestBase {

    private User alice;
    private User bob;
    private String bobToken;
    private long board;
    private final UUID boardUuid = UUID.randomUUID();
    private long zebra;
    private long apple;
    private long mango;

    @BeforeEach
    void boardWithAssetsOutOfIdOrder() {
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        bobToken = fixtures.token(bob);
        board = fixtures.collection(alice, "Mood board")
                .publicOne()
                .uuid(boardUuid)
                .create();
        zebra = fixtures.asset(alice, "Zebra photo").type("image").create();
        apple = fixtures.asset(alice, "Apple video").type("video").create();
        mango = fixtures.asset(bob, "Mango sketch").type("image").tags("fruit").create();
        fixtures.member(board, mango, 1);
        fixtures.member(board, zebra, 2);
        fixtures.member(board, apple, 3);
    }

    @Test
    void listsTheCollectionsAssetsInItsOwnOrder() {
        ApiResponse response = assetsOf(Long.toString(board), Map.of());

        assertThat(ids(response)).containsExactly(mango, zebra, apple);
        assertThat(response.json().at("/meta/total").asLong()).isEqualTo(3);
        assertThat(ids(assetsOf(boardUuid.toString(), Map.of()))).containsExactly(mango, zebra, apple);
    }

    @Test
    void appliesTheAssetsQueryLanguageOnTop() {
        assertThat(ids(assetsOf(Long.toString(board), Map.of("sort", "name")))).containsExactly(apple, mango, zebra);
        assertThat(ids(assetsOf(Long.toString(board), Map.of("filter[asset_type]", "image"))))
                .containsExactly(mango, zebra);
        assertThat(ids(assetsOf(Long.toString(board), Map.of("search", "sketches"))))
                .containsExactly(mango);
        ApiResponse narrowed = assetsOf(Long.toString(board), Map.of("fields[assets]", "id", "include", "owner"));
        assertThat(names(narrowed.json().at("/data/0"))).containsExactly("id", "owner");
        assertThat(narrowed.json().at("/data/0/owner/name").asString()).isEqualTo("Bob");
    }

    @Test
    void pagesInCollectionOrderWithOffsetsAndCursors() {
        ApiResponse second = assetsOf(Long.toString(board), Map.of("per_page", "2", "page", "2"));
        assertThat(ids(second)).containsExactly(apple);
        assertThat(second.json().at("/meta/last_page").asLong()).isEqualTo(2);

        List<Long> walked = new ArrayList<>();
        ApiResponse page = assetsOf(Long.toString(board), Map.of("per_page", "1", "cursor", ""));
        while (true) {
            walked.addAll(ids(page));
            JsonNode next = page.json().at("/meta/next_cursor");
            if (next.isNull()) {
                break;
            }
            page = assetsOf(Long.toString(board), Map.of("per_page", "1", "cursor", next.asString()));
        }
        assertThat(walked).containsExactly(mango, zebra, apple);
    }

    @Test
    void hidesTheAssetsOfCollectionsTheCallerMayNotSee() {
        long secret = fixtures.collection(alice, "Secret").create();
        fixtures.member(secret, zebra, 1);

        ApiResponse hidden = assetsOf(Long.toString(secret), Map.of());
        ApiResponse missing = assetsOf("987654", Map.of());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("message").asString()).isEqualTo("collection `" + secret + "` not found");
        assertThat(missing.status()).isEqualTo(404);

        fixtures.share(secret, bob);
        assertThat(ids(assetsOf(Long.toString(secret), Map.of()))).containsExactly(zebra);
    }

    @Test
    void embedsAssetsInCollectionOrderNarrowedByTheirSparseFields() {
        ApiResponse response = api.get(
                "/api/v2/collections/" + board,
                bobToken,
                Map.of("include", "assets", "fields[assets]", "id,name", "fields[collections]", "id"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode data = response.json().get("data");
        assertThat(data.get("assets").findValues("id"))
                .extracting(JsonNode::asLong)
                .containsExactly(mango, zebra, apple);
        assertThat(names(data.get("assets").get(0))).containsExactly("id", "name");
        assertThat(data.get("assets_count").asLong()).isEqualTo(3);
        assertThat(names(data)).containsExactly("id", "assets", "assets_count");
    }

    @Test
    void embeddedAssetsFollowEveryCommittedWriteAtOnce() {
        Map<String, String> include = Map.of("include", "assets", "fields[assets]", "id,name");
        assertThat(api.get("/api/v2/collections/" + board, bobToken, include)
                        .json()
                        .at("/data/assets")
                        .findValues("id"))
                .extracting(JsonNode::asLong)
                .containsExactly(mango, zebra, apple);

        db.deleteFrom(com.assetcollections.collections.CollectionTable.MEMBERS)
                .where(com.assetcollections.collections.CollectionTable.MEMBER_ASSET_ID.eq(mango))
                .execute();
        db.update(AssetTable.ASSETS)
                .set(AssetTable.NAME, "Zebra photo, retouched")
                .where(AssetTable.ID.eq(zebra))
                .execute();

        JsonNode assets = api.get("/api/v2/collections/" + board, bobToken, include)
                .json()
                .at("/data/assets");
        assertThat(assets.findValues("id")).extracting(JsonNode::asLong).containsExactly(zebra, apple);
        assertThat(assets.get(0).get("name").asString()).isEqualTo("Zebra photo, retouched");
    }

    @Test
    void rejectsSparseFieldsOutsideTheSlimSchema() {
        ApiResponse response = api.get(
                "/api/v2/collections/" + board, bobToken, Map.of("include", "assets", "fields[assets]", "tags"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString())
                .isEqualTo("unknown field `tags` in fields[assets]; fields: id, uuid, name, asset_type, url");
    }

    @Test
    void keepsAssetsCountExactAndSortable() {
        long empty = fixtures.collection(alice, "Empty").publicOne().create();
        long single = fixtures.collection(alice, "Single").publicOne().create();
        fixtures.member(single, apple, 1);

        ApiResponse sorted = api.get(
                "/api/v2/collections",
                bobToken,
                Map.of("sort", "-assets_count", "fields[collections]", "id,assets_count"));
        assertThat(ids(sorted)).containsExactly(board, single, empty);
        assertThat(sorted.json().at("/data/0/assets_count").asLong()).isEqualTo(3);
        assertThat(ids(api.get("/api/v2/collections", bobToken, Map.of("filter[assets_count][gte]", "1"))))
                .containsExactly(board, single);

        db.deleteFrom(com.assetcollections.collections.CollectionTable.MEMBERS)
                .where(com.assetcollections.collections.CollectionTable.MEMBER_ASSET_ID.eq(zebra))
                .execute();
        assertThat(api.get("/api/v2/collections/" + board, bobToken)
                        .json()
                        .at("/data/assets_count")
                        .asLong())
                .isEqualTo(2);
    }

    private ApiResponse assetsOf(String key, Map<String, String> query) {
        return api.get("/api/v2/collections/" + key + "/assets", bobToken, query);
    }
}
