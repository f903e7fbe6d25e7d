package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Creating, changing and deleting collections: rules, statuses, validators and idempotency. */
abstract class CollectionWritesContract extends CollectionWriting {

    @Test
    void createsACollectionThatReadsBackTheSame() {
        ApiResponse created = create(aliceToken, """
                {"name": "  Client brands ", "description": "Logos"}""");

        long id = createdId(created);
        JsonNode data = created.json().get("data");
        assertThat(created.header("Location")).isEqualTo("/api/v2/collections/" + id);
        assertThat(data.get("name").asString()).isEqualTo("Client brands");
        assertThat(data.get("collection_type").asString()).isEqualTo("private");
        assertThat(data.get("owner_id").asLong()).isEqualTo(alice.id());
        assertThat(data.get("assets_count").asInt()).isZero();
        assertThat(data.get("created_at")).isEqualTo(data.get("updated_at"));
        ApiResponse read = item(aliceToken, id);
        assertThat(read.json()).isEqualTo(created.json());
        assertThat(read.header("ETag")).isNotNull().isEqualTo(created.header("ETag"));
        assertThat(read.header("Last-Modified")).isNotNull();
    }

    @Test
    void listsEveryInvalidFieldAtOnce() {
        ApiResponse response = create(aliceToken, """
                {"name": "   ", "collection_type": "secret", "description": 5}""");

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("errors").propertyNames())
                .containsExactlyInAnyOrder("name", "collection_type", "description");
        assertThat(response.json().get("errors").get("collection_type").get(0).asString())
                .isEqualTo("`collection_type` must be one of public, private; got `secret`");
        assertThat(response.json().get("message").asString()).contains("(and 2 more errors)");
        assertThat(ids(list(aliceToken))).isEmpty();
    }

    @Test
    void refusesBodiesThatAreNotAJsonObjectOfKnownFields() {
        assertThat(create(aliceToken, "{\"name\": \"x\", \"colour\": \"red\"}")
                        .json()
                        .get("message")
                        .asString())
                .isEqualTo("unknown field `colour`; allowed: name, description, collection_type");
        assertThat(create(aliceToken, "{\"name\": ").status()).isEqualTo(400);
        assertThat(create(aliceToken, "[1, 2]").status()).isEqualTo(400);
        assertThat(create(aliceToken, "{\"name\": \"a\", \"name\": \"b\"}").status())
                .isEqualTo(400);
        assertThat(create(aliceToken, null).status()).isEqualTo(400);
        String huge = "{\"name\": \"x\", \"description\": \"" + "x".repeat(1_100_000) + "\"}";
        ApiResponse tooLarge = create(aliceToken, huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("message").asString()).startsWith("the request body is larger than");
        assertThat(ids(list(aliceToken))).isEmpty();
    }

    @Test
    void needsTheWriteScope() {
        String readOnly = fixtures.token(alice);
        ApiResponse response = create(readOnly, "{\"name\": \"x\"}");
        assertThat(response.status()).isEqualTo(403);
        long id = fixtures.collection(alice, "Mine").create();
        assertThat(api.patch(PATH + "/" + id, readOnly, "{\"name\": \"y\"}").status())
                .isEqualTo(403);
        assertThat(api.delete(PATH + "/" + id, readOnly).status()).isEqualTo(403);
        assertThat(api.post(PATH + "/" + id + "/assets", readOnly, "{\"asset_ids\": []}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void onlyTheOwnerChangesOrDeletesAndOthersCannotEvenSeePrivateOnes() {
        long publicId = fixtures.collection(alice, "Open").publicOne().create();
        long privateId = fixtures.collection(alice, "Closed").create();

        ApiResponse patchPublic = api.patch(PATH + "/" + publicId, bobToken, "{\"name\": \"Mine now\"}");
        assertThat(patchPublic.status()).isEqualTo(403);
        assertThat(patchPublic.json().get("message").asString()).contains("only be read by you");
        assertThat(api.delete(PATH + "/" + publicId, bobToken).status()).isEqualTo(403);
        assertNotFound(
                api.patch(PATH + "/" + privateId, bobToken, "{\"name\": \"Mine now\"}"),
                "collection `" + privateId + "` not found");
        assertThat(api.delete(PATH + "/" + privateId, bobToken).status()).isEqualTo(404);
        assertThat(item(aliceToken, privateId).json().get("data").get("name").asString())
                .isEqualTo("Closed");
    }

    @Test
    void changesOnlyTheGivenFieldsAndMovesUpdatedAt() {
        long id = createdId(create(aliceToken, "{\"name\": \"Before\", \"description\": \"Keep\"}"));
        JsonNode before = item(aliceToken, id).json().get("data");

        ApiResponse changed =
                api.patch(PATH + "/" + id, aliceToken, "{\"name\": \"After\", \"collection_type\": \"public\"}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.header("ETag"))
                .isNotNull()
                .isEqualTo(item(aliceToken, id).header("ETag"));
        JsonNode after = changed.json().get("data");
        assertThat(after.get("name").asString()).isEqualTo("After");
        assertThat(after.get("description").asString()).isEqualTo("Keep");
        assertThat(after.get("collection_type").asString()).isEqualTo("public");
        assertThat(after.get("created_at")).isEqualTo(before.get("created_at"));
        assertThat(after.get("updated_at").asString())
                .isGreaterThan(before.get("updated_at").asString());
        assertThat(ids(list(bobToken, "filter[name]", "after"))).containsExactly(id);
        ApiResponse cleared = api.patch(PATH + "/" + id, aliceToken, "{\"description\": null}");
        assertThat(cleared.json().get("data").get("description").isNull()).isTrue();
        assertThat(api.patch(PATH + "/" + id, aliceToken, "{\"name\": null}").status())
                .isEqualTo(422);
        String etag = item(aliceToken, id).header("ETag");
        ApiResponse same = api.patch(PATH + "/" + id, aliceToken, "{\"name\": \"After\", \"description\": null}");
        assertThat(same.header("ETag")).as("a PATCH that changes nothing").isEqualTo(etag);
    }

    @Test
    void ifMatchRefusesAStaleWriteAndIfNoneMatchAnswers304() {
        long id = createdId(create(aliceToken, "{\"name\": \"Versioned\"}"));
        String etag = item(aliceToken, id).header("ETag");
        assertThat(api.getWith(PATH + "/" + id, aliceToken, "If-None-Match", etag)
                        .status())
                .isEqualTo(304);

        ApiResponse first = api.patch(PATH + "/" + id, aliceToken, "{\"name\": \"One\"}", "If-Match", etag);
        ApiResponse stale = api.patch(PATH + "/" + id, aliceToken, "{\"name\": \"Two\"}", "If-Match", etag);

        assertThat(first.status()).isEqualTo(200);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(api.delete(PATH + "/" + id, aliceToken, "If-Match", etag).status())
                .isEqualTo(412);
        assertThat(item(aliceToken, id).json().get("data").get("name").asString())
                .isEqualTo("One");
        assertThat(api.getWith(PATH + "/" + id, aliceToken, "If-None-Match", etag)
                        .status())
                .isEqualTo(200);
        assertThat(api.delete(PATH + "/" + id, aliceToken, "If-Match", first.header("ETag"))
                        .status())
                .isEqualTo(204);
    }

    @Test
    void listsCarryAnETagThatChangesWithTheirContent() {
        createdId(create(aliceToken, "{\"name\": \"One\"}"));
        ApiResponse before = list(aliceToken);
        assertThat(api.getWith(PATH, aliceToken, "If-None-Match", before.header("ETag"))
                        .status())
                .isEqualTo(304);
        createdId(create(aliceToken, "{\"name\": \"Two\"}"));
        assertThat(api.getWith(PATH, aliceToken, "If-None-Match", before.header("ETag"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponseAndRefusesAnotherBody() {
        ApiResponse first = create(aliceToken, "{\"name\": \"Once\"}", "Idempotency-Key", "k-1");
        ApiResponse again = create(aliceToken, "{\"name\": \"Once\"}", "Idempotency-Key", "k-1");
        ApiResponse other = create(aliceToken, "{\"name\": \"Twice\"}", "Idempotency-Key", "k-1");
        ApiResponse bobsOwn = create(bobToken, "{\"name\": \"Once\"}", "Idempotency-Key", "k-1");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("errors").has("Idempotency-Key")).isTrue();
        assertThat(createdId(bobsOwn)).isNotEqualTo(createdId(first));
        assertThat(ids(list(aliceToken, "filter[mine]", "1"))).containsExactly(createdId(first));
    }

    @Test
    void failedRequestsDoNotUseUpTheirIdempotencyKey() {
        assertThat(create(aliceToken, "{\"name\": \"\"}", "Idempotency-Key", "k-2")
                        .status())
                .isEqualTo(422);
        assertThat(create(aliceToken, "{\"name\": \"Fixed\"}", "Idempotency-Key", "k-2")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void deletingLeavesNothingReadable() {
        long id = createdId(create(aliceToken, "{\"name\": \"Short-lived\", \"collection_type\": \"public\"}"));
        long asset = fixtures.asset(alice, "Logo", "image");
        api.post(PATH + "/" + id + "/assets", aliceToken, "{\"asset_ids\": [" + asset + "]}");

        assertThat(api.delete(PATH + "/" + id, aliceToken).status()).isEqualTo(204);

        assertThat(item(aliceToken, id).status()).isEqualTo(404);
        assertThat(api.get(PATH + "/" + id + "/assets", aliceToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v2/assets/" + asset, aliceToken, java.util.Map.of("include", "collections"))
                        .json()
                        .get("data")
                        .get("collections"))
                .isEmpty();
        assertThat(api.delete(PATH + "/" + id, aliceToken).status()).isEqualTo(404);
        assertThat(list(aliceToken).json().get("meta").get("total").asInt()).isZero();
    }
}
