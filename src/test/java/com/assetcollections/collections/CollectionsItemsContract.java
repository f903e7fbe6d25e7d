package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.assets.AssetTable;
import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.users.User;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Shape of collections: every field, sparse fields, includes, and single items by id or uuid. */
abstract class CollectionsItemsContract extends CollectionsContract {

    private static final String ALL_FIELDS =
            "id, name, collection_type, uuid, description, owner_id, assets_count, created_at, updated_at";

    private User alice;
    private User bob;
    private String token;

    @BeforeEach
    void people() {
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        token = fixtures.token(alice);
    }

    @Test
    void writesEveryFieldInSchemaOrderOnListsAndItems() {
        UUID uuid = UUID.fromString("5b0c6e2e-1d1a-4f4e-9c53-0d3a8f6b2a11");
        long id = fixtures.collection(bob, "Client brands")
                .publicOne()
                .description("Logos")
                .uuid(uuid)
                .created(Instant.parse("2024-03-02T10:05:01.123456Z"))
                .updated(Instant.parse("2024-03-26T10:43:02Z"))
                .create();
        long bare = fixtures.collection(alice, "Bare")
                .created(Instant.parse("2024-01-01T00:00:00Z"))
                .create();
        JsonNode expected = json("""
                {"id": %d, "name": "Client brands", "collection_type": "public", "uuid": "%s", "description": "Logos",
                 "owner_id": %d, "assets_count": 0, "created_at": "2024-03-02T10:05:01.123456Z",
                 "updated_at": "2024-03-26T10:43:02.000000Z"}
                """.formatted(id, uuid, bob.id()));

        JsonNode first = list(token).json().at("/data/0");
        assertThat(first).isEqualTo(expected);
        assertThat(first.propertyNames()).containsExactly(ALL_FIELDS.split(", "));
        assertThat(list(token).json().at("/data/1/description").isNull()).isTrue();
        assertThat(item(token, id).json()).isEqualTo(json("{\"data\": " + expected + "}"));
        assertThat(item(token, bare).json().at("/data/collection_type").asString())
                .isEqualTo("private");
    }

    @Test
    void returnsOnlyTheRequestedFieldsInSchemaOrder() {
        long id = fixtures.collection(alice, "Mine").create();
        UUID uuid = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        long other = fixtures.collection(bob, "Theirs").publicOne().uuid(uuid).create();

        assertThat(list(token, "fields[collections]", "name,id").json().get("data"))
                .isEqualTo(json("""
                [{"id": %d, "name": "Mine"}, {"id": %d, "name": "Theirs"}]""".formatted(id, other)));
        ApiResponse one = item(token, other, "fields[collections]", "created_at, uuid");
        assertThat(one.json().get("data").propertyNames()).containsExactly("uuid", "created_at");
        assertThat(one.json().at("/data/uuid").asString()).isEqualTo(uuid.toString());
        assertThat(item(token, uuid, "fields[collections]", "name").json())
                .isEqualTo(json("{\"data\": {\"name\": \"Theirs\"}}"));
    }

    @Test
    void rejectsUnknownFieldsAndResources() {
        long id = fixtures.collection(alice, "Mine").create();

        assertBadRequest(
                list(token, "fields[collections]", "id,size"),
                "fields[collections]",
                "unknown field `size` in fields[collections]; fields: " + ALL_FIELDS);
        assertBadRequest(
                item(token, id, "fields[collections]", "size"),
                "fields[collections]",
                "unknown field `size` in fields[collections]; fields: " + ALL_FIELDS);
        assertBadRequest(
                list(token, "fields[widgets]", "id"),
                "fields[widgets]",
                "unknown resource in `fields[widgets]`; sparse fields apply to: collections, assets, users");
        assertBadRequest(
                list(token, "fields[collections]", ""),
                "fields[collections]",
                "`fields[collections]` must list field names separated by commas; fields: " + ALL_FIELDS);
        assertBadRequest(list(token, "include", "tags"), "include", "unknown include `tags`; includes: assets, owner");
    }

    @Test
    void includesTheSlimOwner() {
        long mine = fixtures.collection(alice, "Mine").create();
        long theirs = fixtures.collection(bob, "Theirs").publicOne().create();

        assertThat(list(token, "include", "owner", "fields[collections]", "name")
                        .json()
                        .get("data"))
                .isEqualTo(json("""
                [{"name": "Mine", "owner": {"id": %d, "name": "Alice"}},
                 {"name": "Theirs", "owner": {"id": %d, "name": "Bob"}}]""".formatted(alice.id(), bob.id())));
        assertThat(item(token, theirs, "include", "owner").json().at("/data/owner"))
                .isEqualTo(json("{\"id\": %d, \"name\": \"Bob\"}".formatted(bob.id())));
        assertThat(item(token, mine).json().get("data").has("owner"))
                .as("not loaded unless asked")
                .isFalse();
    }

    private JsonNode slimAsset(long assetId) {
        var row = db.select(AssetTable.UUID_, AssetTable.NAME, AssetTable.ASSET_TYPE, AssetTable.URL)
                .from(AssetTable.ASSETS)
                .where(AssetTable.ID.eq(assetId))
                .fetchOne();
        return json("{\"id\": %d, \"uuid\": \"%s\", \"name\": \"%s\", \"asset_type\": \"%s\", \"url\": \"%s\"}"
                .formatted(assetId, row.value1(), row.value2(), row.value3(), row.value4()));
    }

    @Test
    void includesAssetsInMembershipOrderWithTheirCount() {
        long moodboard = fixtures.collection(alice, "Moodboard").create();
        long empty = fixtures.collection(alice, "Empty").create();
        long logo = fixtures.asset(bob, "Logo", "image");
        long intro = fixtures.asset(bob, "Intro", "video");
        long brief = fixtures.asset(alice, "Brief", "document");
        fixtures.member(moodboard, logo, 3);
        fixtures.member(moodboard, intro, 1);
        fixtures.member(moodboard, brief, 2);

        ApiResponse response = list(token, "include", "assets", "fields[collections]", "id");
        assertThat(response.json().get("data"))
                .isEqualTo(json("""
                [{"id": %d, "assets": [%s, %s, %s], "assets_count": 3}, {"id": %d, "assets": [], "assets_count": 0}]
                """.formatted(moodboard, slimAsset(intro), slimAsset(brief), slimAsset(logo), empty)));
        assertThat(item(token, moodboard, "include", "assets,owner")
                        .json()
                        .get("data")
                        .propertyNames())
                .containsExactly(
                        "id",
                        "name",
                        "collection_type",
                        "uuid",
                        "description",
                        "owner_id",
                        "assets_count",
                        "created_at",
                        "updated_at",
                        "assets",
                        "owner");
    }

    @Test
    void embedsAtMostOneHundredAssetsButCountsThemAll() {
        long big = fixtures.collection(alice, "Big").create();
        for (int position = 101; position >= 1; position--) {
            fixtures.member(big, fixtures.asset(alice, "Asset " + position, "image"), position);
        }

        JsonNode data = item(token, big, "include", "assets").json().get("data");
        assertThat(data.get("assets")).hasSize(100);
        assertThat(data.at("/assets/0/name").asString()).isEqualTo("Asset 1");
        assertThat(data.at("/assets/99/name").asString()).isEqualTo("Asset 100");
        assertThat(data.get("assets_count").asLong()).isEqualTo(101);
    }

    @Test
    void includingAssetsNeedsTheAssetsReadScope() {
        long id = fixtures.collection(alice, "Mine").create();
        String collectionsOnly = fixtures.token(alice, EnumSet.of(Scope.COLLECTIONS_READ));

        for (ApiResponse response : new ApiResponse[] {
            list(collectionsOnly, "include", "assets"), item(collectionsOnly, id, "include", "owner,assets")
        }) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json()).isEqualTo(json("{\"message\": \"this token lacks the `assets:read` scope\"}"));
        }
        assertThat(list(collectionsOnly, "include", "owner").status()).isEqualTo(200);
    }

    @Test
    void readsOneCollectionByIdOrByUuid() {
        UUID uuid = UUID.randomUUID();
        long id = fixtures.collection(bob, "Open").publicOne().uuid(uuid).create();

        ApiResponse byId = item(token, id);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().at("/data/id").asLong()).isEqualTo(id);
        assertThat(item(token, uuid).json()).isEqualTo(byId.json());
        assertThat(item(token, uuid.toString().toUpperCase()).json()).isEqualTo(byId.json());
    }

    @Test
    void answersOthersPrivateCollectionsLikeMissingOnes() {
        UUID uuid = UUID.randomUUID();
        long secret = fixtures.collection(bob, "Secret").uuid(uuid).create();
        UUID sharedUuid = UUID.randomUUID();
        long shared = fixtures.collection(bob, "Shared").uuid(sharedUuid).create();
        fixtures.share(shared, alice);
        long missing = shared + 1000;

        assertNotFound(item(token, secret), "collection `" + secret + "` not found");
        assertNotFound(item(token, missing), "collection `" + missing + "` not found");
        assertNotFound(item(token, uuid), "collection `" + uuid + "` not found");
        UUID unknown = UUID.randomUUID();
        assertNotFound(item(token, unknown), "collection `" + unknown + "` not found");
        assertThat(item(token, shared).json().at("/data/name").asString()).isEqualTo("Shared");
        assertThat(item(token, sharedUuid).json().at("/data/id").asLong()).isEqualTo(shared);
        assertThat(item(fixtures.token(bob), secret).status()).isEqualTo(200);
    }

    @Test
    void answersKeysThatAreNeitherIdNorUuidWithNotFound() {
        for (String key : new String[] {"abc", "12abc", "-1", "1.5", "99999999999999999999999", "not-a-uuid"}) {
            assertNotFound(item(token, key), "collection `" + key + "` not found");
        }
    }

    @Test
    void acceptsAndIgnoresPagingParametersOnSingleItems() {
        long id = fixtures.collection(alice, "Mine").create();

        ApiResponse plain = item(token, id);
        ApiResponse paged = item(token, id, "page", "3", "per_page", "5", "utm_source", "mail");
        assertThat(paged.status()).isEqualTo(200);
        assertThat(paged.json()).isEqualTo(plain.json());
    }
}
