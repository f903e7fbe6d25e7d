package com.assetcollections.stories;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole flow over the API alone, as a user lives it, step by step: an admin makes two users
 * and their tokens; Alice creates assets and a private collection, fills it, shares it with Bob;
 * Bob sees it, edits it at the edit level, loses it when it is unshared; Alice deletes it and Bob's
 * sync learns of the deletion.
 */
abstract class SharingStoryContract extends ApiTestBase {

    private String admin;
    private String alice;
    private String bob;
    private long bobId;
    private final List<Long> assets = new ArrayList<>();
    private long collection;
    private String syncFrom;

    @Test
    void aCollectionIsCreatedFilledSharedUnsharedAndDeleted() {
        anAdminCreatesAliceAndBobWithTheirTokens();
        aliceCreatesThreeAssets();
        aliceCreatesAPrivateCollectionThatBobCannotSee();
        aliceAddsTheAssetsInHerOrder();
        aliceSharesItWithBobToView();
        bobSeesItWithItsAssetsButCannotChangeIt();
        aliceRaisesBobToEditAndBobReordersAndRenames();
        aliceUnsharesAndBobNoLongerSeesIt();
        aliceDeletesItAndBobsSyncDoesNotShowIt();
        aliceDeletesAnAssetAndHerSyncShowsTheTombstone();
    }

    private void anAdminCreatesAliceAndBobWithTheirTokens() {
        User root = fixtures.user("Root");
        admin = fixtures.token(root, EnumSet.allOf(Scope.class));
        alice = tokenFor(
                created(api.post("/api/v2/users", admin, "{\"name\": \"Alice\", \"email\": \"alice@example.com\"}")));
        bobId = created(api.post("/api/v2/users", admin, "{\"name\": \"Bob\", \"email\": \"bob@example.com\"}"))
                .get("id")
                .asLong();
        bob = tokenFor(api.get("/api/v2/users/" + bobId, admin).json().get("data"));
        assertThat(api.get("/api/v2/me", alice).json().get("data").get("email").asString())
                .isEqualTo("alice@example.com");
    }

    private String tokenFor(JsonNode user) {
        JsonNode token = created(api.post(
                "/api/v2/users/" + user.get("id").asLong() + "/tokens",
                admin,
                "{\"name\": \"laptop\", \"scopes\": [\"collections:read\", \"collections:write\", \"assets:read\","
                        + " \"assets:write\"]}"));
        return token.get("token").asString();
    }

    private void aliceCreatesThreeAssets() {
        for (String name : List.of("Logo", "Banner", "Icon")) {
            JsonNode asset = created(api.post(
                    "/api/v2/assets",
                    alice,
                    "{\"name\": \"" + name + "\", \"asset_type\": \"image\", \"mime_type\": \"image/png\","
                            + " \"url\": \"https://cdn.example.com/" + name.toLowerCase() + ".png\","
                            + " \"tags\": [\"brand\"]}",
                    "Idempotency-Key",
                    "asset-" + name));
            assets.add(asset.get("id").asLong());
        }
    }

    private void aliceCreatesAPrivateCollectionThatBobCannotSee() {
        ApiResponse response = api.post("/api/v2/collections", alice, "{\"name\": \"Client brands\"}");
        collection = created(response).get("id").asLong();
        syncFrom = created(response).get("created_at").asString();
        assertThat(response.header("Location")).isEqualTo("/api/v2/collections/" + collection);
        assertThat(api.get("/api/v2/collections/" + collection, bob).status()).isEqualTo(404);
        assertThat(total(api.get("/api/v2/collections", bob))).isZero();
    }

    private void aliceAddsTheAssetsInHerOrder() {
        ApiResponse added = api.post(
                "/api/v2/collections/" + collection + "/assets",
                alice,
                "{\"asset_ids\": [" + assets.get(2) + ", " + assets.get(0) + ", " + assets.get(1) + "]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("data").get("assets_count").asInt()).isEqualTo(3);
        assertThat(assetIds(alice)).containsExactly(assets.get(2), assets.get(0), assets.get(1));
    }

    private void aliceSharesItWithBobToView() {
        ApiResponse shared =
                api.post("/api/v2/collections/" + collection + "/shares", alice, "{\"email\": \"bob@example.com\"}");
        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        assertThat(shared.json().get("data").get("level").asString()).isEqualTo("view");
    }

    private void bobSeesItWithItsAssetsButCannotChangeIt() {
        ApiResponse list =
                api.get("/api/v2/collections", bob, Map.of("filter[shared_with_me]", "1", "include", "assets"));
        assertThat(total(list)).isEqualTo(1);
        assertThat(list.json().get("data").get(0).get("assets").findValues("id"))
                .extracting(JsonNode::asLong)
                .containsExactly(assets.get(2), assets.get(0), assets.get(1));
        assertThat(api.patch("/api/v2/collections/" + collection, bob, "{\"name\": \"Bob's\"}")
                        .status())
                .isEqualTo(403);
    }

    private void aliceRaisesBobToEditAndBobReordersAndRenames() {
        assertThat(api.patch(
                                "/api/v2/collections/" + collection + "/shares/bob@example.com",
                                alice,
                                "{\"level\": \"edit\"}")
                        .status())
                .isEqualTo(200);
        String etag = api.get("/api/v2/collections/" + collection, bob).header("ETag");
        ApiResponse renamed = api.patch(
                "/api/v2/collections/" + collection, bob, "{\"name\": \"Client brands 2027\"}", "If-Match", etag);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(api.put(
                                "/api/v2/collections/" + collection + "/assets",
                                bob,
                                "{\"asset_ids\": [" + assets.get(0) + ", " + assets.get(1) + ", " + assets.get(2)
                                        + "]}")
                        .status())
                .isEqualTo(200);
        assertThat(assetIds(alice)).containsExactly(assets.get(0), assets.get(1), assets.get(2));
        assertThat(api.delete("/api/v2/collections/" + collection, bob).status())
                .isEqualTo(403);
    }

    private void aliceUnsharesAndBobNoLongerSeesIt() {
        assertThat(api.delete("/api/v2/collections/" + collection + "/shares/bob@example.com", alice)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v2/collections/" + collection, bob).status()).isEqualTo(404);
        assertThat(total(api.get("/api/v2/collections", bob))).isZero();
        assertThat(api.get("/api/v2/collections/" + collection + "/assets", bob).status())
                .isEqualTo(404);
    }

    private void aliceDeletesItAndBobsSyncDoesNotShowIt() {
        assertThat(api.delete("/api/v2/collections/" + collection, alice).status())
                .isEqualTo(204);
        Map<String, String> sync = Map.of("filter[updated_since]", syncFrom, "filter[with_deleted]", "1");
        assertThat(api.get("/api/v2/collections", alice, sync)
                        .json()
                        .get("data")
                        .get(0)
                        .get("deleted_at"))
                .isNotNull();
        assertThat(total(api.get("/api/v2/collections", bob, sync))).isZero();
    }

    private void aliceDeletesAnAssetAndHerSyncShowsTheTombstone() {
        assertThat(api.delete("/api/v2/assets/" + assets.get(0), alice).status())
                .isEqualTo(204);
        ApiResponse sync = api.get(
                "/api/v2/assets",
                alice,
                Map.of("filter[updated_since]", syncFrom, "filter[with_deleted]", "1", "sort", "-updated_at"));
        assertThat(sync.json().get("data").get(0).get("id").asLong()).isEqualTo(assets.get(0));
        assertThat(sync.json().get("data").get(0).has("deleted_at")).isTrue();
        assertThat(total(sync)).as("the other assets did not change since").isEqualTo(1);
    }

    private List<Long> assetIds(String token) {
        List<Long> ids = new ArrayList<>();
        api.get("/api/v2/collections/" + collection + "/assets", token)
                .json()
                .get("data")
                .forEach(a -> ids.add(a.get("id").asLong()));
        return ids;
    }

    private static JsonNode created(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("data");
    }

    private static long total(ApiResponse list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("meta").get("total").asLong();
    }
}
