package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.Fixtures;
import com.assetcollections.users.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sharing a private collection at the view and edit levels. */
abstract class SharingContract extends CollectionWriting {

    long collection;
    User carol;
    String carolToken;

    @BeforeEach
    void privateCollection() {
        collection = createdId(create(aliceToken, "{\"name\": \"Secret plans\"}"));
        carol = fixtures.user("Carol");
        carolToken = fixtures.token(carol, Fixtures.READ_WRITE);
    }

    String shares() {
        return PATH + "/" + collection + "/shares";
    }

    ApiResponse share(String body) {
        return api.post(shares(), aliceToken, body);
    }

    @Test
    void sharingByEmailOrIdShowsTheCollectionAndUnsharingHidesItAgain() {
        assertThat(item(bobToken, collection).status()).isEqualTo(404);

        ApiResponse shared = share("{\"email\": \"" + bob.email().toUpperCase() + "\"}");

        assertThat(shared.status()).as(shared.body()).isEqualTo(201);
        assertThat(shared.json().get("data").get("email").asString())
                .isEqualTo(bob.email().toLowerCase());
        assertThat(shared.json().get("data").has("user_id")).isFalse();
        assertThat(shared.json().get("data").get("level").asString()).isEqualTo("view");
        assertThat(item(bobToken, collection).status()).isEqualTo(200);
        assertThat(ids(list(bobToken, "filter[shared_with_me]", "1"))).containsExactly(collection);
        assertThat(share("{\"user_id\": " + carol.id() + ", \"level\": \"edit\"}")
                        .status())
                .isEqualTo(201);
        JsonNode listed = api.get(shares(), aliceToken).json().get("data");
        assertThat(listed.get(0).get("email").asString()).isEqualTo(bob.email().toLowerCase());
        assertThat(listed.get(1).get("user_id").asLong()).isEqualTo(carol.id());

        assertThat(api.delete(shares() + "/" + bob.id(), aliceToken).status())
                .as("a share made by address is ended by that address")
                .isEqualTo(204);
        assertThat(item(bobToken, collection).status()).isEqualTo(200);
        assertThat(api.delete(shares() + "/" + bob.email(), aliceToken).status())
                .isEqualTo(204);

        assertThat(item(bobToken, collection).status()).isEqualTo(404);
        assertThat(ids(list(bobToken))).isEmpty();
        assertThat(api.delete(shares() + "/" + bob.email(), aliceToken).status())
                .isEqualTo(204);
    }

    @Test
    void aShareAnswersAsTheListShowsItAndChangingItsLevelKeepsWhenItWasMade() {
        ApiResponse first = share("{\"user_id\": " + bob.id() + "}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("data").has("name"))
                .as("a share tells no names")
                .isFalse();
        assertThat(api.get(shares(), aliceToken).json().get("data").get(0))
                .isEqualTo(first.json().get("data"));

        ApiResponse again = share("{\"user_id\": " + bob.id() + ", \"level\": \"edit\"}");
        ApiResponse same = share("{\"user_id\": " + bob.id() + ", \"level\": \"edit\"}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("data").get("level").asString()).isEqualTo("edit");
        assertThat(again.json().get("data").get("created_at"))
                .isEqualTo(first.json().get("data").get("created_at"));
        assertThat(same.json().get("data")).isEqualTo(again.json().get("data"));
        assertThat(api.get(shares(), aliceToken).json().get("data").get(0))
                .isEqualTo(again.json().get("data"));
    }

    @Test
    void theShareListIsTheOwnersAlone() {
        share("{\"user_id\": " + bob.id() + "}");
        assertThat(api.get(shares(), bobToken).status()).isEqualTo(403);
        assertThat(api.get(shares(), carolToken).status()).isEqualTo(404);
        assertThat(api.get(shares(), aliceToken).json().get("data").get(0).has("email"))
                .isFalse();
    }

    @Test
    void viewUsersReadEditUsersChangeNameAndMembershipButNeverMore() {
        share("{\"user_id\": " + bob.id() + ", \"level\": \"view\"}");
        share("{\"user_id\": " + carol.id() + ", \"level\": \"edit\"}");
        long asset = fixtures.asset(bob, "Sketch", "image");

        assertThat(api.patch(PATH + "/" + collection, bobToken, "{\"name\": \"Bob's\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.post(PATH + "/" + collection + "/assets", bobToken, "{\"asset_ids\": [" + asset + "]}")
                        .status())
                .isEqualTo(403);
        assertThat(api.patch(PATH + "/" + collection, carolToken, "{\"name\": \"Carol's\", \"description\": \"d\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(PATH + "/" + collection + "/assets", carolToken, "{\"asset_ids\": [" + asset + "]}")
                        .status())
                .isEqualTo(200);
        assertThat(api.patch(PATH + "/" + collection, carolToken, "{\"collection_type\": \"public\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.delete(PATH + "/" + collection, carolToken).status()).isEqualTo(403);
        assertThat(api.post(shares(), carolToken, "{\"user_id\": " + bob.id() + ", \"level\": \"edit\"}")
                        .status())
                .isEqualTo(403);
        assertThat(api.delete(shares() + "/" + bob.id(), carolToken).status()).isEqualTo(403);
        assertThat(item(aliceToken, collection).json().get("data").get("name").asString())
                .isEqualTo("Carol's");
        assertThat(item(aliceToken, collection)
                        .json()
                        .get("data")
                        .get("collection_type")
                        .asString())
                .isEqualTo("private");
    }

    @Test
    void changingTheLevelTakesEffectAndCanBeFilteredOn() {
        share("{\"user_id\": " + bob.id() + "}");
        assertThat(ids(list(bobToken, "filter[share_level]", "edit"))).isEmpty();
        assertThat(ids(list(bobToken, "filter[share_level]", "view"))).containsExactly(collection);

        ApiResponse changed = api.patch(shares() + "/" + bob.id(), aliceToken, "{\"level\": \"edit\"}");
        ApiResponse again = share("{\"user_id\": " + bob.id() + ", \"level\": \"edit\"}");

        assertThat(changed.json().get("data").get("level").asString()).isEqualTo("edit");
        assertThat(again.status()).isEqualTo(200);
        assertThat(ids(list(bobToken, "filter[share_level]", "edit"))).containsExactly(collection);
        assertThat(api.patch(PATH + "/" + collection, bobToken, "{\"name\": \"Edited\"}")
                        .status())
                .isEqualTo(200);
        assertBadRequest(
                list(bobToken, "filter[share_level]", "admin"),
                "filter[share_level]",
                "`filter[share_level]` must be `view` or `edit`, got `admin`");
        assertThat(api.patch(shares() + "/" + carol.id(), aliceToken, "{\"level\": \"edit\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.patch(shares() + "/" + bob.id(), aliceToken, "{\"level\": null}")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void refusesSharesWithNobodyTheOwnerOrAtAnUnknownLevel() {
        ApiResponse response = share("{\"email\": \"nobody@example.com\", \"level\": \"admin\"}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames()).containsExactly("level");
        assertThat(share("{\"email\": \"not an address\"}").json().get("errors").propertyNames())
                .containsExactly("email");
        assertThat(share("{\"user_id\": 999999}").status()).isEqualTo(422);
        assertThat(share("{\"email\": \"" + alice.email() + "\"}").status()).isEqualTo(422);
        assertThat(share("{\"user_id\": " + alice.id() + "}").status()).isEqualTo(422);
        assertThat(share("{\"user_id\": " + bob.id() + ", \"email\": \"" + bob.email() + "\"}")
                        .status())
                .isEqualTo(422);
        assertThat(api.get(shares(), aliceToken).json().get("data")).isEmpty();
    }

    @Test
    void sharingMovesTheCollectionsUpdatedAt() {
        String before = item(aliceToken, collection)
                .json()
                .get("data")
                .get("updated_at")
                .asString();
        share("{\"user_id\": " + bob.id() + "}");
        String after = item(aliceToken, collection)
                .json()
                .get("data")
                .get("updated_at")
                .asString();
        assertThat(after).isGreaterThan(before);
    }
}
