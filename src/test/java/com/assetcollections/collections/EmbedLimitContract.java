package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One response embeds at most 10,000 related items: pages of more than 100 items embed fewer than
 * 100 per item (10 at {@code per_page=1000}), and the counts still tell how many there are in all.
 */
abstract class EmbedLimitContract extends ApiTestBase {

    private String token;
    private long collection;
    private long asset;

    /** A collection of 12 assets, and an asset in 12 collections. */
    @BeforeEach
    void twelveOfEach() {
        User alice = fixtures.user("Alice");
        token = fixtures.token(alice);
        collection = fixtures.collection(alice, "Twelve assets").create();
        List<Long> assets = IntStream.range(0, 12)
                .mapToObj(i -> fixtures.asset(alice, "Asset " + i, "image"))
                .toList();
        for (int i = 0; i < assets.size(); i++) {
            fixtures.member(collection, assets.get(i), i + 1);
        }
        asset = assets.get(0);
        IntStream.range(0, 11)
                .forEach(i -> fixtures.member(
                        fixtures.collection(alice, "Holder " + i).create(), asset, 1));
    }

    private JsonNode collectionInList(int perPage) {
        ApiResponse response = api.get(
                "/api/v2/collections",
                token,
                Map.of("include", "assets", "filter[id]", Long.toString(collection), "per_page", "" + perPage));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("data").get(0);
    }

    private JsonNode assetInList(int perPage) {
        ApiResponse response = api.get(
                "/api/v2/assets",
                token,
                Map.of("include", "collections", "filter[id]", Long.toString(asset), "per_page", "" + perPage));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("data").get(0);
    }

    @Test
    void aPageOfAThousandCollectionsEmbedsTenAssetsOfEach() {
        JsonNode item = collectionInList(1000);

        assertThat(item.get("assets")).hasSize(10);
        assertThat(item.get("assets").get(0).get("name").asString()).isEqualTo("Asset 0");
        assertThat(item.get("assets_count").asLong()).isEqualTo(12);
    }

    @Test
    void aPageOfAHundredCollectionsEmbedsEveryAssetUpToAHundred() {
        assertThat(collectionInList(100).get("assets")).hasSize(12);
        assertThat(collectionInList(500).get("assets")).as("20 each").hasSize(12);
    }

    @Test
    void aSmallPageAfterALargeOneStillEmbedsEveryAsset() {
        assertThat(collectionInList(1000).get("assets")).hasSize(10);

        assertThat(collectionInList(25).get("assets")).hasSize(12);
        assertThat(collectionInList(1000).get("assets")).hasSize(10);
    }

    @Test
    void aSingleCollectionIgnoresPerPageAndEmbedsUpToAHundred() {
        ApiResponse response =
                api.get("/api/v2/collections/" + collection, token, Map.of("include", "assets", "per_page", "1000"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("data").get("assets")).hasSize(12);
    }

    @Test
    void aPageOfAThousandAssetsEmbedsTenCollectionsOfEach() {
        JsonNode item = assetInList(1000);

        assertThat(item.get("collections")).hasSize(10);
        assertThat(item.get("collections_count").asLong()).isEqualTo(12);
        assertThat(assetInList(100).get("collections")).hasSize(12);
    }
}
