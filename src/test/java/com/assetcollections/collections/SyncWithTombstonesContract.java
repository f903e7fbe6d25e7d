package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.Fixtures;
import com.assetcollections.users.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Incremental sync: filter[updated_since] with filter[with_deleted]=1 also returns deletions. */
abstract class SyncWithTombstonesContract extends CollectionWriting {

    String since(ApiResponse created) {
        return Instant.parse(created.json().get("data").get("updated_at").asString())
                .minus(1, ChronoUnit.MILLIS)
                .toString();
    }

    ApiResponse sync(String token, String since, String... more) {
        String[] pairs = new String[4 + more.length];
        pairs[0] = "filter[updated_since]";
        pairs[1] = since;
        pairs[2] = "filter[with_deleted]";
        pairs[3] = "1";
        System.arraycopy(more, 0, pairs, 4, more.length);
        return list(token, pairs);
    }

    @Test
    void aDeletedCollectionComesBackAsATombstoneToThoseWhoCouldSeeIt() {
        ApiResponse kept = create(aliceToken, "{\"name\": \"Kept\"}");
        String since = since(kept);
        long keptId = createdId(kept);
        long goneId = createdId(create(aliceToken, "{\"name\": \"Gone\"}"));
        api.post(PATH + "/" + goneId + "/shares", aliceToken, "{\"user_id\": " + bob.id() + "}");
        User carol = fixtures.user("Carol");
        String carolToken = fixtures.token(carol, Fixtures.READ_WRITE);
        String uuid = item(aliceToken, goneId).json().get("data").get("uuid").asString();

        assertThat(api.delete(PATH + "/" + goneId, aliceToken).status()).isEqualTo(204);

        ApiResponse owner = sync(aliceToken, since, "sort", "updated_at");
        assertThat(ids(owner)).containsExactly(keptId, goneId);
        JsonNode tombstone = owner.json().get("data").get(1);
        assertThat(tombstone.propertyNames()).containsExactly("id", "uuid", "deleted_at");
        assertThat(tombstone.get("uuid").asString()).isEqualTo(uuid);
        assertThat(owner.json().get("meta").get("total").asInt()).isEqualTo(2);
        assertThat(ids(sync(bobToken, since))).containsExactly(goneId);
        assertThat(ids(sync(carolToken, since))).isEmpty();
        assertThat(ids(list(aliceToken, "filter[updated_since]", since))).containsExactly(keptId);
        assertThat(ids(sync(aliceToken, Instant.now().plusSeconds(60).toString())))
                .isEmpty();
    }

    @Test
    void everyoneSeesTheTombstoneOfAPublicCollection() {
        ApiResponse created = create(aliceToken, "{\"name\": \"Open\", \"collection_type\": \"public\"}");
        long id = createdId(created);
        User carol = fixtures.user("Carol");

        api.delete(PATH + "/" + id, aliceToken);

        assertThat(ids(sync(fixtures.token(carol), since(created)))).containsExactly(id);
        assertThat(ids(sync(fixtures.token(carol), since(created), "filter[mine]", "1")))
                .isEmpty();
    }

    @Test
    void aDeletedAssetComesBackAsATombstoneInTheAssetList() {
        ApiResponse kept = api.post(
                "/api/v2/assets",
                aliceToken,
                "{\"name\": \"Kept\", \"asset_type\": \"image\", \"mime_type\": \"image/png\","
                        + " \"url\": \"https://cdn.example.com/kept.png\"}");
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        long keptId = kept.json().get("data").get("id").asLong();
        long goneId = fixtures.asset(alice, "Gone", "image");
        String uuid = api.get("/api/v2/assets/" + goneId, aliceToken)
                .json()
                .get("data")
                .get("uuid")
                .asString();

        assertThat(api.delete("/api/v2/assets/" + goneId, aliceToken).status()).isEqualTo(204);

        ApiResponse synced = api.get(
                "/api/v2/assets",
                bobToken,
                java.util.Map.of(
                        "filter[updated_since]", since(kept), "filter[with_deleted]", "1", "sort", "updated_at"));
        assertThat(ids(synced)).containsExactly(keptId, goneId);
        assertThat(synced.json().get("data").get(1).get("uuid").asString()).isEqualTo(uuid);
        assertThat(synced.json().get("data").get(1).propertyNames()).containsExactly("id", "uuid", "deleted_at");
        assertThat(ids(api.get("/api/v2/assets", bobToken, java.util.Map.of("filter[updated_since]", since(kept)))))
                .containsExactly(keptId);
    }

    @Test
    void refusesWhatItCannotAnswerExactly() {
        assertBadRequest(
                sync(aliceToken, "2026-01-01", "search", "logo"),
                "search",
                "`search` cannot be combined with `filter[with_deleted]`");
        assertBadRequest(
                sync(aliceToken, Instant.now().minus(31, ChronoUnit.DAYS).toString()),
                "filter[updated_since]",
                "deletions are remembered for 30 days; a sync from further back must start over without"
                        + " `filter[updated_since]`");
    }

    @Test
    void cursorPagesWalkLiveRowsAndTombstonesTogether() {
        ApiResponse first = create(aliceToken, "{\"name\": \"A\"}");
        long a = createdId(first);
        long b = createdId(create(aliceToken, "{\"name\": \"B\"}"));
        long c = createdId(create(aliceToken, "{\"name\": \"C\"}"));
        api.delete(PATH + "/" + b, aliceToken);

        ApiResponse page = sync(aliceToken, since(first), "sort", "updated_at", "per_page", "1", "cursor", "");
        java.util.List<Long> seen = new java.util.ArrayList<>();
        while (true) {
            seen.addAll(ids(page));
            JsonNode next = page.json().get("links").get("next");
            if (next == null || next.isNull()) {
                break;
            }
            page = api.getRaw(next.asString().substring(api.base().length()), aliceToken);
        }
        assertThat(seen).containsExactly(a, c, b);
    }
}
