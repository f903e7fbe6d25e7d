package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adding, ordering and removing the assets of a collection. */
abstract class MembershipWritesContract extends CollectionWriting {

    long collection;
    long a1;
    long a2;
    long a3;
    long a4;

    @BeforeEach
    void collectionAndAssets() {
        collection = createdId(create(aliceToken, "{\"name\": \"Ordered\"}"));
        a1 = fixtures.asset(bob, "One", "image");
        a2 = fixtures.asset(bob, "Two", "image");
        a3 = fixtures.asset(bob, "Three", "image");
        a4 = fixtures.asset(bob, "Four", "image");
    }

    String members() {
        return PATH + "/" + collection + "/assets";
    }

    List<Long> order() {
        return ids(api.get(members(), aliceToken));
    }

    ApiResponse add(String body) {
        return api.post(members(), aliceToken, body);
    }

    @Test
    void addsAtTheEndOrAtAPositionWithoutDuplicating() {
        ApiResponse first = add("{\"asset_ids\": [" + a1 + ", " + a2 + ", " + a3 + "]}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("data").get("assets_count").asInt()).isEqualTo(3);

        ApiResponse again = add("{\"asset_ids\": [" + a2 + ", " + a4 + "], \"position\": 1}");

        assertThat(again.json().get("data").get("assets_count").asInt()).isEqualTo(4);
        assertThat(order()).containsExactly(a4, a1, a2, a3);
        assertThat(positions()).containsExactly(1, 2, 3, 4);
        assertThat(add("{\"asset_ids\": [" + a4 + "]}").status()).isEqualTo(200);
        assertThat(order()).containsExactly(a4, a1, a2, a3);
    }

    @Test
    void aBatchWithOneUnknownAssetChangesNothing() {
        add("{\"asset_ids\": [" + a1 + "]}");
        String before = item(aliceToken, collection).body();

        ApiResponse response = add("{\"asset_ids\": [" + a2 + ", 999999, 999998]}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get("asset_ids").get(0).asString())
                .isEqualTo("no assets have ids 999999, 999998");
        assertThat(order()).containsExactly(a1);
        assertThat(item(aliceToken, collection).body()).isEqualTo(before);
    }

    @Test
    void movesOneAssetAndReplacesTheWholeOrder() {
        add("{\"asset_ids\": [" + a1 + ", " + a2 + ", " + a3 + "]}");

        assertThat(api.patch(members() + "/" + a3, aliceToken, "{\"position\": 1}")
                        .status())
                .isEqualTo(200);
        assertThat(order()).containsExactly(a3, a1, a2);
        assertThat(api.patch(members() + "/" + a3, aliceToken, "{\"position\": 99}")
                        .status())
                .isEqualTo(200);
        assertThat(order()).containsExactly(a1, a2, a3);
        assertThat(api.patch(members() + "/" + a4, aliceToken, "{\"position\": 1}")
                        .status())
                .isEqualTo(404);

        ApiResponse replaced = api.put(members(), aliceToken, "{\"asset_ids\": [" + a4 + ", " + a2 + ", " + a4 + "]}");

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(order()).containsExactly(a4, a2);
        assertThat(replaced.json().get("data").get("assets_count").asInt()).isEqualTo(2);
    }

    @Test
    void answersEachChangeWithTheEtagAFollowingGetReturns() {
        ApiResponse added = add("{\"asset_ids\": [" + a1 + ", " + a2 + "]}");
        assertThat(added.header("ETag")).isEqualTo(item(aliceToken, collection).header("ETag"));

        ApiResponse replaced = api.put(members(), aliceToken, "{\"asset_ids\": [" + a2 + ", " + a1 + ", " + a3 + "]}");
        assertThat(replaced.header("ETag"))
                .isEqualTo(item(aliceToken, collection).header("ETag"));

        ApiResponse moved = api.patch(members() + "/" + a3, aliceToken, "{\"position\": 1}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.header("ETag"))
                .isNotNull()
                .isEqualTo(item(aliceToken, collection).header("ETag"));
    }

    @Test
    void removesOneOrSeveralAndKeepsPositionsGapFree() {
        add("{\"asset_ids\": [" + a1 + ", " + a2 + ", " + a3 + ", " + a4 + "]}");

        assertThat(api.delete(members() + "/" + a2, aliceToken).status()).isEqualTo(204);
        assertThat(api.delete(members() + "/" + a2, aliceToken).status()).isEqualTo(204);
        assertThat(order()).containsExactly(a1, a3, a4);
        assertThat(api.delete(members() + "?asset_ids=" + a1 + "," + a4, aliceToken)
                        .status())
                .isEqualTo(204);
        assertThat(order()).containsExactly(a3);
        assertThat(positions()).containsExactly(1);
        assertThat(api.delete(members() + "?asset_ids=x", aliceToken).status()).isEqualTo(400);
    }

    @Test
    void everyMembershipChangeMovesTheCollectionsUpdatedAt() {
        String created = item(aliceToken, collection)
                .json()
                .get("data")
                .get("updated_at")
                .asString();
        add("{\"asset_ids\": [" + a1 + "]}");
        String added = item(aliceToken, collection)
                .json()
                .get("data")
                .get("updated_at")
                .asString();
        api.delete(members() + "/" + a1, aliceToken);
        String removed = item(aliceToken, collection)
                .json()
                .get("data")
                .get("updated_at")
                .asString();

        assertThat(added).isGreaterThan(created);
        assertThat(removed).isGreaterThan(added);
        assertThat(ids(list(aliceToken, "filter[updated_since]", added))).containsExactly(collection);
    }

    @Test
    void validatesMembershipBodies() {
        assertThat(add("{}").json().get("errors").has("asset_ids")).isTrue();
        assertThat(add("{\"asset_ids\": [\"x\"], \"position\": 0}")
                        .json()
                        .get("errors")
                        .propertyNames())
                .containsExactlyInAnyOrder("asset_ids", "position");
        assertThat(api.put(members(), aliceToken, "{}").status()).isEqualTo(422);
        assertThat(api.patch(members() + "/" + a1, aliceToken, "{}").status()).isEqualTo(422);
        add("{\"asset_ids\": [" + a1 + "]}");
        assertThat(api.patch(members() + "/" + a1, aliceToken, "{\"position\": null}")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void readsTheBodyAsJsonWhateverItsContentTypeSays() {
        add("{\"asset_ids\": [" + a1 + ", " + a2 + "]}");

        ApiResponse moved =
                api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + members() + "/" + a2))
                        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"position\": 1}"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", "Bearer " + aliceToken)
                        .build());

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(order()).containsExactly(a2, a1);
    }

    @Test
    void anIdempotentReplayIsRefusedOnceTheCallerHasLostAccess() {
        api.post(
                PATH + "/" + collection + "/shares",
                aliceToken,
                "{\"user_id\": " + bob.id() + ", \"level\": \"edit\"}");
        String body = "{\"asset_ids\": [" + a1 + "]}";
        assertThat(api.post(members(), bobToken, body, "Idempotency-Key", "bob-1")
                        .status())
                .isEqualTo(200);
        api.delete(PATH + "/" + collection + "/shares/" + bob.id(), aliceToken);

        assertNotFound(
                api.post(members(), bobToken, body, "Idempotency-Key", "bob-1"),
                "collection `" + collection + "` not found");
    }

    @Test
    void writesOrdersLongerThanOneStatementTakes() {
        List<Long> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(fixtures.asset(bob, "Bulk " + i, "image"));
        }
        String listed = many.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        ApiResponse filled = add("{\"asset_ids\": [" + listed + "]}");
        assertThat(filled.status()).as(filled.body()).isEqualTo(200);

        List<Long> reversed = new java.util.ArrayList<>(many);
        java.util.Collections.reverse(reversed);
        ApiResponse replaced = api.put(
                members(),
                aliceToken,
                "{\"asset_ids\": ["
                        + reversed.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                        + "]}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(allMembers()).isEqualTo(reversed);
        assertThat(positions())
                .isEqualTo(
                        java.util.stream.IntStream.rangeClosed(1, 1000).boxed().toList());

        String firstSix = reversed.subList(0, 600).stream()
                .map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
        assertThat(api.delete(members() + "?asset_ids=" + firstSix, aliceToken).status())
                .isEqualTo(204);
        assertThat(allMembers()).isEqualTo(reversed.subList(600, 1000));
        assertThat(positions())
                .isEqualTo(
                        java.util.stream.IntStream.rangeClosed(1, 400).boxed().toList());
        assertThat(item(aliceToken, collection)
                        .json()
                        .get("data")
                        .get("assets_count")
                        .asInt())
                .isEqualTo(400);
    }

    /** The stored asset ids, in order. */
    List<Long> allMembers() {
        return db.select(CollectionTable.MEMBER_ASSET_ID)
                .from(CollectionTable.MEMBERS)
                .where(CollectionTable.MEMBER_COLLECTION_ID.eq(collection))
                .orderBy(CollectionTable.MEMBER_POSITION)
                .fetch(CollectionTable.MEMBER_ASSET_ID);
    }

    /** The stored positions, in order: always 1..n. */
    List<Integer> positions() {
        return db.select(CollectionTable.MEMBER_POSITION)
                .from(CollectionTable.MEMBERS)
                .where(CollectionTable.MEMBER_COLLECTION_ID.eq(collection))
                .orderBy(CollectionTable.MEMBER_POSITION)
                .fetch(CollectionTable.MEMBER_POSITION);
    }
}
