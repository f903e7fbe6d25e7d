package com.assetcollections.assets;

import static com.assetcollections.collections.CollectionTable.COLLECTIONS;
import static com.assetcollections.collections.CollectionTable.MEMBERS;
import static com.assetcollections.collections.CollectionTable.MEMBER_ASSET_ID;
import static com.assetcollections.collections.CollectionTable.MEMBER_COLLECTION_ID;
import static com.assetcollections.collections.CollectionTable.MEMBER_POSITION;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.collections.CollectionTable;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** POST, PATCH and DELETE on /api/v2/assets: validation, ownership, scopes, preconditions, and what a delete leaves. */
abstract class AssetWritesContract extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ASSETS = "/api/v2/assets";
    private static final Instant LONG_AGO = Instant.parse("2024-01-01T00:00:00Z");
    private static final String VALID = """
            {"name": "Sunset", "asset_type": "image", "mime_type": "image/jpeg",
             "url": "https://cdn.example.com/sunset.jpg"}""";

    private User alice;
    private User bob;
    private String aliceToken;
    private String bobToken;

    @BeforeEach
    void people() {
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        aliceToken = writer(alice);
        bobToken = writer(bob);
    }

    @Test
    void createsAnAssetAnsweringWhatAFollowingGetReturns() {
        ApiResponse created = api.post(ASSETS, aliceToken, """
                {"name": "  Sunset over the bay ", "description": "Oil, scanned", "asset_type": "image",
                 "mime_type": "Image/JPEG", "url": "https://cdn.example.com/sunset.jpg?size=large#top",
                 "tags": [" Landscape ", "oil", "LANDSCAPE", "Öl", "öl"]}""");

        assertThat(created.status()).isEqualTo(201);
        JsonNode data = created.json().get("data");
        long id = data.get("id").asLong();
        assertThat(created.header("Location")).endsWith(ASSETS + "/" + id);
        assertThat(data.get("name").asString()).isEqualTo("Sunset over the bay");
        assertThat(data.get("mime_type").asString()).isEqualTo("image/jpeg");
        assertThat(data.get("url").asString()).isEqualTo("https://cdn.example.com/sunset.jpg?size=large#top");
        assertThat(data.get("tags")).isEqualTo(json("[\"Landscape\", \"oil\", \"Öl\"]"));
        assertThat(data.get("owner_id").asLong()).isEqualTo(alice.id());
        assertThat(data.get("updated_at")).isEqualTo(data.get("created_at"));
        assertThat(data.get("uuid").asString()).hasSize(36);

        ApiResponse read = api.get(ASSETS + "/" + id, aliceToken);
        assertThat(read.body()).isEqualTo(created.body());
        assertThat(read.header("ETag")).isNotNull().isEqualTo(created.header("ETag"));
        assertThat(read.header("Last-Modified")).isNotNull().isEqualTo(created.header("Last-Modified"));
        assertThat(api.get(ASSETS + "/" + data.get("uuid").asString(), aliceToken)
                        .body())
                .isEqualTo(created.body());
    }

    @Test
    void createsWithOnlyTheRequiredFields() {
        ApiResponse created = api.post(ASSETS, aliceToken, VALID);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/data/description").isNull()).isTrue();
        assertThat(created.json().at("/data/tags")).isEqualTo(json("[]"));
    }

    @Test
    void acceptsValuesAtTheLimits() {
        ObjectNode body = valid();
        body.put("name", "n".repeat(255));
        body.put("description", "d".repeat(10_000));
        body.put("url", "http://127.0.0.1:8080/" + "u".repeat(2048 - 22));
        body.put("mime_type", "application/vnd.ms-excel.sheet.macroEnabled.12");
        body.set(
                "tags",
                JSON.valueToTree(
                        IntStream.range(0, 50).mapToObj("%050d"::formatted).toList()));

        ApiResponse created = api.post(ASSETS, aliceToken, body.toString());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/data/mime_type").asString())
                .isEqualTo("application/vnd.ms-excel.sheet.macroenabled.12");
        assertThat(created.json().at("/data/tags").size()).isEqualTo(50);
        assertThat(api.post(ASSETS, aliceToken, with("url", "\"https://[2001:db8::1]/a.png\""))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void listsEveryInvalidFieldAtOnce() {
        ApiResponse response = api.post(ASSETS, aliceToken, """
                {"name": "   ", "description": 5, "asset_type": "picture", "mime_type": "image/p n g",
                 "url": "ftp://example.com/a.png", "tags": ["ok", ""]}""");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("message").asString())
                .isEqualTo("`name` must be 1 to 255 characters long (trimmed) (and 5 more errors)");
        assertThat(response.json().get("errors"))
                .isEqualTo(json("""
                {"name": ["`name` must be 1 to 255 characters long (trimmed)"],
                 "description": ["`description` must be a string"],
                 "asset_type": ["`asset_type` must be one of image, video, audio, document, other; got `picture`"],
                 "mime_type": ["%s"],
                 "url": ["%s"],
                 "tags": ["`tags` must hold only non-empty strings of at most 50 characters; got `\\"\\"`"]}""".formatted(badMime("image/p n g"), badUrl("ftp://example.com/a.png"))));
        assertThat(count()).isZero();
    }

    @Test
    void requiresNameTypeMimeTypeAndUrl() {
        ApiResponse response = api.post(ASSETS, aliceToken, "{\"description\": \"no more\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors")).isEqualTo(json("""
                {"name": ["`name` is required"],
                 "asset_type": ["`asset_type` is required; one of image, video, audio, document, other"],
                 "mime_type": ["`mime_type` is required"],
                 "url": ["`url` is required"]}"""));
    }

    @Test
    void rejectsEachBrokenRuleWithItsMessage() {
        String tooLong = "`%s` must be %d to %d characters long (trimmed)";
        String badTags = "`tags` must hold only non-empty strings of at most 50 characters; got `%s`";
        List<List<String>> cases = List.of(
                List.of("name", "\"\"", tooLong.formatted("name", 1, 255)),
                List.of("name", quoted("n".repeat(256)), tooLong.formatted("name", 1, 255)),
                List.of("name", "12", "`name` must be a string"),
                List.of("description", quoted("d".repeat(10_001)), tooLong.formatted("description", 0, 10_000)),
                List.of(
                        "asset_type",
                        "\"Image\"",
                        "`asset_type` must be one of image, video, audio, document, other;" + " got `Image`"),
                List.of("mime_type", "\"image\"", badMime("image")),
                List.of("mime_type", "\"image/png; charset=utf-8\"", badMime("image/png; charset=utf-8")),
                List.of("mime_type", "\"/png\"", badMime("/png")),
                List.of("mime_type", "\"image/-png\"", badMime("image/-png")),
                List.of("mime_type", "\"text/plain/x\"", badMime("text/plain/x")),
                List.of("url", "\"/a.png\"", badUrl("/a.png")),
                List.of("url", "\"mailto:a@example.com\"", badUrl("mailto:a@example.com")),
                List.of("url", "\"https://\"", badUrl("https://")),
                List.of("url", "\"https:///a.png\"", badUrl("https:///a.png")),
                List.of("url", "\"https://exa mple.com/\"", badUrl("https://exa mple.com/")),
                List.of("url", quoted("https://a.example/" + "u".repeat(2031)), tooLong.formatted("url", 1, 2048)),
                List.of("tags", "\"red\"", "`tags` must be a list of at most 50 strings"),
                List.of(
                        "tags",
                        JSON.writeValueAsString(Collections.nCopies(51, "x")),
                        "`tags` must be a list of at most 50 strings"),
                List.of("tags", "[1]", badTags.formatted("1")),
                List.of("tags", "[\"  \"]", badTags.formatted("\"  \"")),
                List.of("tags", quoted("t".repeat(51), true), badTags.formatted(quoted("t".repeat(51)))),
                List.of(
                        "tags",
                        "[\"a\\nb\"]",
                        "`tags` may not contain control characters (line breaks, tabs); got `a\nb`"),
                List.of("name", "\"a\\u0000b\"", unstorable("name")),
                List.of("description", "\"\\ud800 lone surrogate\"", unstorable("description")),
                List.of("tags", "[\"a\\u0000\"]", unstorable("tags")));
        for (List<String> rule : cases) {
            ApiResponse response = api.post(ASSETS, aliceToken, with(rule.get(0), rule.get(1)));

            assertThat(response.status()).as(rule.toString()).isEqualTo(422);
            assertThat(response.json().get("errors"))
                    .as(rule.get(0) + " = " + rule.get(1))
                    .isEqualTo(JSON.createObjectNode()
                            .set(rule.get(0), JSON.createArrayNode().add(rule.get(2))));
        }
        assertThat(count()).isZero();
    }

    @Test
    void refusesBodiesThatAreNotOneKnownJsonObject() {
        String fields = "name, description, asset_type, mime_type, url, tags";
        assertThat(message(api.post(ASSETS, aliceToken, VALID.replace("}", ", \"id\": 5, \"colour\": \"red\"}"))))
                .isEqualTo("400 unknown fields `colour`, `id`; allowed: " + fields);
        assertThat(message(api.post(ASSETS, aliceToken, "name=Sunset")))
                .startsWith("400 the request body is not valid JSON: ");
        assertThat(message(api.post(ASSETS, aliceToken, "[" + VALID + "]")))
                .isEqualTo("400 the request body must be a JSON object; fields: " + fields);
        assertThat(message(api.post(ASSETS, aliceToken, VALID.replace("{", "{\"name\": \"x\", "))))
                .isEqualTo("400 the request body is not valid JSON: Duplicate Object property \"name\"");
        assertThat(message(api.post(ASSETS, aliceToken, "")))
                .isEqualTo("400 the request needs a JSON object body; fields: " + fields);
        assertThat(message(api.post(ASSETS, aliceToken, with("description", quoted("d".repeat(1_048_576))))))
                .isEqualTo("413 the request body is larger than the limit of 1048576 bytes");
        long id = fixtures.asset(alice, "Sunset").create();
        assertThat(message(api.patch(ASSETS + "/" + id, aliceToken, "{\"url\": \"x\", \"owner_id\": 2}")))
                .isEqualTo("400 unknown field `owner_id`; allowed: " + fields);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void needsTheWriteScopeBeforeAnythingElse() {
        long id = fixtures.asset(alice, "Sunset").create();
        String readOnly = fixtures.token(alice);
        String collectionsWriter =
                fixtures.token(alice, EnumSet.of(Scope.ASSETS_READ, Scope.COLLECTIONS_WRITE, Scope.COLLECTIONS_READ));
        String lacks = "403 this token lacks the `assets:write` scope";

        assertThat(message(api.post(ASSETS, readOnly, "not json"))).isEqualTo(lacks);
        assertThat(message(api.post(ASSETS, collectionsWriter, VALID))).isEqualTo(lacks);
        assertThat(message(api.patch(ASSETS + "/" + id, readOnly, "{\"name\": \"\"}")))
                .isEqualTo(lacks);
        assertThat(message(api.patch(ASSETS + "/999999", readOnly, "{}"))).isEqualTo(lacks);
        assertThat(message(api.delete(ASSETS + "/" + id, readOnly))).isEqualTo(lacks);
        assertThat(message(api.delete(ASSETS + "/999999", collectionsWriter))).isEqualTo(lacks);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void givesAWriteOnlyTokenTheWrittenAssetBack() {
        String writeOnly = fixtures.token(alice, EnumSet.of(Scope.ASSETS_WRITE));

        ApiResponse created = api.post(ASSETS, writeOnly, VALID);
        long id = created.json().at("/data/id").asLong();
        ApiResponse changed = api.patch(ASSETS + "/" + id, writeOnly, "{\"name\": \"Dusk\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().at("/data/name").asString()).isEqualTo("Dusk");
        assertThat(message(api.get(ASSETS + "/" + id, writeOnly)))
                .isEqualTo("403 this token lacks the `assets:read` scope");
    }

    @Test
    void letsOnlyTheOwnerChangeOrDeleteAnAsset() {
        long id = fixtures.asset(alice, "Sunset").created(LONG_AGO).create();
        String before = api.get(ASSETS + "/" + id, bobToken).body();

        assertThat(message(api.patch(ASSETS + "/" + id, bobToken, "{\"name\": \"Mine now\"}")))
                .isEqualTo("403 asset " + id + " belongs to another user; only its owner may change it");
        assertThat(message(api.patch(ASSETS + "/" + id, bobToken, "{\"name\": \"\"}")))
                .as("ownership is checked before the values")
                .isEqualTo("403 asset " + id + " belongs to another user; only its owner may change it");
        assertThat(message(api.delete(ASSETS + "/" + id, bobToken)))
                .isEqualTo("403 asset " + id + " belongs to another user; only its owner may delete it");
        assertThat(api.get(ASSETS + "/" + id, bobToken).body()).isEqualTo(before);
    }

    @Test
    void answers404ForAssetsThatDoNotExist() {
        UUID nobody = UUID.fromString("7d444840-9dc0-11d1-b245-5ffdce74fad2");
        assertThat(message(api.patch(ASSETS + "/999999", aliceToken, "{\"name\": \"x\"}")))
                .isEqualTo("404 asset `999999` not found");
        assertThat(message(api.patch(ASSETS + "/" + nobody, aliceToken, "{}")))
                .isEqualTo("404 asset `" + nobody + "` not found");
        assertThat(message(api.delete(ASSETS + "/999999", aliceToken))).isEqualTo("404 asset `999999` not found");
        assertThat(message(api.delete(ASSETS + "/sunset", aliceToken))).isEqualTo("404 asset `sunset` not found");
    }

    @Test
    void patchChangesOnlyTheFieldsItNames() {
        long id = fixtures.asset(alice, "Sunset")
                .description("Oil")
                .tags("sea")
                .created(LONG_AGO)
                .create();
        JsonNode before = api.get(ASSETS + "/" + id, aliceToken).json().get("data");

        ApiResponse changed =
                api.patch(ASSETS + "/" + id, aliceToken, "{\"name\": \" Dusk \", \"mime_type\": \"IMAGE/WebP\"}");

        assertThat(changed.status()).isEqualTo(200);
        ObjectNode expected = (ObjectNode) before.deepCopy();
        expected.put("name", "Dusk");
        expected.put("mime_type", "image/webp");
        expected.set("updated_at", changed.json().at("/data/updated_at"));
        assertThat(changed.json().get("data")).isEqualTo(expected);
        assertThat(changed.json().at("/data/updated_at").asString())
                .isGreaterThan(before.get("updated_at").asString());
        ApiResponse read = api.get(ASSETS + "/" + id, aliceToken);
        assertThat(read.body()).isEqualTo(changed.body());
        assertThat(read.header("ETag")).isEqualTo(changed.header("ETag"));
        assertThat(fts("Dusk")).containsExactly(id);
    }

    @Test
    void patchWithNullClearsOptionalFieldsAndRefusesToClearRequiredOnes() {
        long id = fixtures.asset(alice, "Sunset")
                .description("Oil")
                .tags("sea", "sky")
                .create();

        ApiResponse cleared = api.patch(ASSETS + "/" + id, aliceToken, "{\"description\": null, \"tags\": null}");
        ApiResponse refused = api.patch(
                ASSETS + "/" + id,
                aliceToken,
                "{\"name\": null, \"asset_type\": null, \"mime_type\": null, \"url\": null, \"tags\": []}");

        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().at("/data/description").isNull()).isTrue();
        assertThat(cleared.json().at("/data/tags")).isEqualTo(json("[]"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors")).isEqualTo(json("""
                {"name": ["`name` is required"],
                 "asset_type": ["`asset_type` is required; one of image, video, audio, document, other"],
                 "mime_type": ["`mime_type` is required"],
                 "url": ["`url` is required"]}"""));
        assertThat(api.get(ASSETS + "/" + id, aliceToken).body()).isEqualTo(cleared.body());
    }

    @Test
    void patchThatChangesNothingKeepsUpdatedAtAndTheEtag() {
        long id = fixtures.asset(alice, "Sunset").tags("Sea").created(LONG_AGO).create();
        ApiResponse before = api.get(ASSETS + "/" + id, aliceToken);

        ApiResponse same = api.patch(
                ASSETS + "/" + id,
                aliceToken,
                "{\"name\": \"Sunset \", \"tags\": [\"Sea\", \"sea\"], \"mime_type\": \"image/png\"}");
        ApiResponse empty = api.patch(ASSETS + "/" + id, aliceToken, "{}");

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body()).isEqualTo(before.body());
        assertThat(same.header("ETag")).isEqualTo(before.header("ETag"));
        assertThat(empty.body()).isEqualTo(before.body());
        assertThat(before.json().at("/data/updated_at").asString()).isEqualTo("2024-01-01T00:00:00.000000Z");
    }

    @Test
    void conditionalRequestsFollowTheEtag() {
        long id = fixtures.asset(alice, "Sunset").created(LONG_AGO).create();
        String path = ASSETS + "/" + id;

        // step: a client reads the asset and revalidates its copy
        ApiResponse read = api.get(path, aliceToken);
        String etag = read.header("ETag");
        assertThat(api.getWith(path, aliceToken, "If-None-Match", etag).status())
                .isEqualTo(304);

        // step: it changes the asset with the ETag it read
        ApiResponse changed = api.patch(path, aliceToken, "{\"name\": \"Dusk\"}", "If-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(api.getWith(path, aliceToken, "If-None-Match", etag).status())
                .isEqualTo(200);

        // step: a second change with the stale ETag is refused, and nothing changes
        ApiResponse stale = api.patch(path, aliceToken, "{\"name\": \"Night\"}", "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("message").asString())
                .isEqualTo("the resource has changed since it was read (If-Match " + etag + ", current ETag "
                        + changed.header("ETag") + "); read it again and retry");
        assertThat(api.get(path, aliceToken).body()).isEqualTo(changed.body());

        // step: with the ETag of the PATCH response it goes through, as does a delete with `*` after a stale one
        assertThat(api.patch(path, aliceToken, "{\"name\": \"Night\"}", "If-Match", changed.header("ETag"))
                        .status())
                .isEqualTo(200);
        assertThat(api.delete(path, aliceToken, "If-Match", etag).status()).isEqualTo(412);
        assertThat(api.get(path, aliceToken).status()).isEqualTo(200);
        assertThat(api.delete(path, aliceToken, "If-Match", "*").status()).isEqualTo(204);
    }

    @Test
    void replaysAPostWithTheSameIdempotencyKey() {
        ApiResponse first = api.post(ASSETS, aliceToken, VALID, "Idempotency-Key", "sunset-1");
        ApiResponse again = api.post(ASSETS, aliceToken, VALID, "Idempotency-Key", "sunset-1");
        ApiResponse other = api.post(ASSETS, aliceToken, with("name", "\"Dusk\""), "Idempotency-Key", "sunset-1");
        ApiResponse bobs = api.post(ASSETS, bobToken, VALID, "Idempotency-Key", "sunset-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("errors")).isEqualTo(json("""
                {"Idempotency-Key": ["this `Idempotency-Key` was already used for a different request; use a new key"]}"""));
        assertThat(bobs.status()).as("keys are per user").isEqualTo(201);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void deletingAnAssetTakesItOutOfEveryCollection() {
        long sunset = fixtures.asset(alice, "Sunset").created(LONG_AGO).create();
        long logo = fixtures.asset(bob, "Logo").create();
        long podcast = fixtures.asset(bob, "Podcast").create();
        long manual = fixtures.asset(alice, "Manual").create();
        long album = fixtures.collection(alice, "Album").updated(LONG_AGO).create();
        long brands = fixtures.collection(bob, "Brands (private, Bob's)")
                .updated(LONG_AGO)
                .create();
        long other =
                fixtures.collection(bob, "Other").publicOne().updated(LONG_AGO).create();
        members(album, logo, sunset, podcast, manual);
        members(brands, sunset, logo);
        members(other, logo, podcast);
        Record tombstoneSource = db.select(AssetTable.UUID_, AssetTable.CREATED_AT)
                .from(AssetTable.ASSETS)
                .where(AssetTable.ID.eq(sunset))
                .fetchOne();

        ApiResponse deleted = api.delete(ASSETS + "/" + sunset, aliceToken);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(message(api.get(ASSETS + "/" + sunset, aliceToken)))
                .isEqualTo("404 asset `" + sunset + "` not found");
        assertThat(message(api.delete(ASSETS + "/" + sunset, aliceToken)))
                .isEqualTo("404 asset `" + sunset + "` not found");
        assertThat(order(album)).containsExactly(logo, podcast, manual);
        assertThat(order(brands)).containsExactly(logo);
        assertThat(order(other)).containsExactly(logo, podcast);
        assertThat(count(album)).isEqualTo(3);
        assertThat(count(brands)).isEqualTo(1);
        assertThat(count(other)).isEqualTo(2);
        assertThat(updatedAt(album)).isAfter(LONG_AGO);
        assertThat(updatedAt(brands))
                .as("also collections the owner cannot see")
                .isAfter(LONG_AGO);
        assertThat(updatedAt(other)).isEqualTo(LONG_AGO);
        ApiResponse albumAssets = api.get("/api/v2/collections/" + album + "/assets", aliceToken);
        assertThat(albumAssets.json().at("/meta/total").asLong()).isEqualTo(3);
        assertThat(albumAssets.json().at("/data/0/id").asLong()).isEqualTo(logo);
        assertThat(fts("Sunset")).isEmpty();

        Record tombstone = db.select(
                        AssetTombstones.ID,
                        AssetTombstones.UUID_,
                        AssetTombstones.OWNER_ID,
                        AssetTombstones.CREATED_AT,
                        AssetTombstones.DELETED_AT)
                .from(AssetTombstones.ASSET_TOMBSTONES)
                .fetchOne();
        assertThat(tombstone.get(AssetTombstones.ID)).isEqualTo(sunset);
        assertThat(tombstone.get(AssetTombstones.UUID_)).isEqualTo(tombstoneSource.get(AssetTable.UUID_));
        assertThat(tombstone.get(AssetTombstones.OWNER_ID)).isEqualTo(alice.id());
        assertThat(tombstone.get(AssetTombstones.CREATED_AT)).isEqualTo(LONG_AGO);
        assertThat(tombstone.get(AssetTombstones.DELETED_AT))
                .isBetween(SqlTypes.now().minusSeconds(60), SqlTypes.now());
    }

    @Test
    void concurrentDeletesOfAssetsSharingCollectionsKeepEveryCollectionDense() throws Exception {
        List<Long> assets = new ArrayList<>();
        Map<Long, String> ownerTokens = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            long id = fixtures.asset(i % 2 == 0 ? alice : bob, "Asset " + i).create();
            assets.add(id);
            ownerTokens.put(id, i % 2 == 0 ? aliceToken : bobToken);
        }
        List<Long> backward = new ArrayList<>(assets);
        Collections.reverse(backward);
        List<Long> shuffled = new ArrayList<>(assets);
        Collections.shuffle(shuffled, new Random(7));
        Map<Long, List<Long>> orders = Map.of(
                fixtures.collection(alice, "Forward").create(), assets,
                fixtures.collection(bob, "Backward").create(), backward,
                fixtures.collection(bob, "Shuffled").publicOne().create(), shuffled);
        orders.forEach(this::members);
        List<Long> doomed = assets.subList(0, 14);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> deletes;
        try {
            deletes = pool.invokeAll(doomed.stream()
                    .map(id -> (Callable<Integer>) () ->
                            api.delete(ASSETS + "/" + id, ownerTokens.get(id)).status())
                    .toList());
        } finally {
            pool.shutdown();
        }

        for (Future<Integer> status : deletes) {
            assertThat(status.get()).isEqualTo(204);
        }
        orders.forEach((collection, order) -> {
            assertThat(order(collection))
                    .containsExactlyElementsOf(
                            order.stream().filter(id -> !doomed.contains(id)).toList());
            assertThat(count(collection)).isEqualTo(assets.size() - doomed.size());
        });
    }

    /** Expired tombstones go in a scheduled purge (system/PurgesContract), never in a delete. */
    @Test
    void deletingLeavesOtherTombstonesAloneExpiredOnesIncluded() {
        long expired = 900_001;
        long recent = 900_002;
        tombstone(expired, SqlTypes.now().minus(Duration.ofDays(31)));
        tombstone(recent, SqlTypes.now().minus(Duration.ofDays(29)));
        long id = fixtures.asset(alice, "Sunset").create();

        assertThat(api.delete(ASSETS + "/" + id, aliceToken).status()).isEqualTo(204);

        assertThat(db.select(AssetTombstones.ID)
                        .from(AssetTombstones.ASSET_TOMBSTONES)
                        .orderBy(AssetTombstones.ID)
                        .fetch(AssetTombstones.ID))
                .containsExactly(id, expired, recent);
    }

    private String writer(User user) {
        return fixtures.token(user, EnumSet.of(Scope.ASSETS_READ, Scope.ASSETS_WRITE, Scope.COLLECTIONS_READ));
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static ObjectNode valid() {
        return (ObjectNode) json(VALID);
    }

    /** The valid body with {@code field} set to the JSON text {@code value}, sent as written (escapes too). */
    private static String with(String field, String value) {
        ObjectNode body = valid();
        body.remove(field);
        String rest = body.toString();
        return rest.substring(0, rest.length() - 1) + ", " + quoted(field) + ": " + value + "}";
    }

    private static String quoted(String text) {
        return quoted(text, false);
    }

    private static String quoted(String text, boolean inList) {
        String string = JSON.writeValueAsString(text);
        return inList ? "[" + string + "]" : string;
    }

    private static String badMime(String value) {
        return "`mime_type` must be a media type `type/subtype` (RFC 6838: letters, digits and ! # $ & ^ _ . + -,"
                + " without parameters); got `" + value + "`";
    }

    private static String unstorable(String field) {
        return "`" + field + "` must be Unicode text without NUL characters or unpaired surrogates";
    }

    private static String badUrl(String value) {
        return "`url` must be an absolute http or https URL with a host (e.g. https://cdn.example.com/a.png); got `"
                + value + "`";
    }

    private static String message(ApiResponse response) {
        return response.status() + " "
                + (response.json() == null
                        ? response.body()
                        : response.json().get("message").asString());
    }

    private int count() {
        return db.fetchCount(AssetTable.ASSETS);
    }

    private void members(long collectionId, long... assetIds) {
        members(collectionId, LongStream.of(assetIds).boxed().toList());
    }

    private void members(long collectionId, List<Long> assetIds) {
        for (int i = 0; i < assetIds.size(); i++) {
            fixtures.member(collectionId, assetIds.get(i), i + 1);
        }
    }

    /** The collection's assets by position; the positions must be exactly 1..n. */
    private List<Long> order(long collectionId) {
        var rows = db.select(MEMBER_ASSET_ID, MEMBER_POSITION)
                .from(MEMBERS)
                .where(MEMBER_COLLECTION_ID.eq(collectionId))
                .orderBy(MEMBER_POSITION)
                .fetch();
        assertThat(rows.map(r -> r.value2()))
                .as("positions of collection " + collectionId)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, rows.size()).boxed().toList());
        return rows.map(r -> r.value1());
    }

    private int count(long collectionId) {
        return db.select(CollectionTable.ASSETS_COUNT)
                .from(COLLECTIONS)
                .where(CollectionTable.ID.eq(collectionId))
                .fetchOne(CollectionTable.ASSETS_COUNT);
    }

    private Instant updatedAt(long collectionId) {
        return db.select(CollectionTable.UPDATED_AT)
                .from(COLLECTIONS)
                .where(CollectionTable.ID.eq(collectionId))
                .fetchOne(CollectionTable.UPDATED_AT);
    }

    /** Ids of the assets a full-text search finds (the index follows writes on both databases). */
    private List<Long> fts(String words) {
        ApiResponse found = api.get(ASSETS, aliceToken, Map.of("search", words));
        List<Long> ids = new ArrayList<>();
        found.json().get("data").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private void tombstone(long id, Instant deletedAt) {
        db.insertInto(AssetTombstones.ASSET_TOMBSTONES)
                .set(AssetTombstones.ID, id)
                .set(AssetTombstones.UUID_, UUID.randomUUID())
                .set(AssetTombstones.OWNER_ID, alice.id())
                .set(AssetTombstones.CREATED_AT, LONG_AGO)
                .set(AssetTombstones.DELETED_AT, deletedAt)
                .execute();
    }
}
