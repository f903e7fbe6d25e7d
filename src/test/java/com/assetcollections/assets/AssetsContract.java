package com.assetcollections.assets;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/v2/assets and /api/v2/assets/{id|uuid}: the catalogue and its query language. */
abstract class AssetsContract extends ApiTestBase {

    private User alice;
    private User bob;
    private String bobToken;
    private long sunset;
    private long logo;
    private long podcast;
    private long manual;

    @BeforeEach
    void catalogue() {
        alice = fixtures.user("Alice");
        bob = fixtures.user("Bob");
        bobToken = fixtures.token(bob);
        sunset = fixtures.asset(alice, "Sunset over Ärger Bay")
                .type("image")
                .mime("image/jpeg")
                .description("Oil paintings, scanned")
                .tags("Landscape", "oil")
                .created(Instant.parse("2024-01-01T00:00:00Z"))
                .updated(Instant.parse("2024-06-01T00:00:00Z"))
                .create();
        logo = fixtures.asset(bob, "Company logo")
                .type("image")
                .mime("image/svg+xml")
                .tags("brand")
                .created(Instant.parse("2024-02-01T00:00:00Z"))
                .updated(Instant.parse("2024-02-02T00:00:00Z"))
                .create();
        podcast = fixtures.asset(alice, "Weekly podcast")
                .type("audio")
                .mime("audio/mpeg")
                .description("Episode one")
                .created(Instant.parse("2024-03-01T00:00:00Z"))
                .updated(Instant.parse("2024-07-01T00:00:00Z"))
                .create();
        manual = fixtures.asset(bob, "Painting manual")
                .type("document")
                .mime("application/pdf")
                .created(Instant.parse("2024-04-01T00:00:00Z"))
                .updated(Instant.parse("2024-04-02T00:00:00Z"))
                .create();
    }

    @Test
    void listsEveryAssetWithEveryFieldByDefault() {
        ApiResponse response = list(Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response)).containsExactly(sunset, logo, podcast, manual);
        JsonNode first = response.json().at("/data/0");
        assertThat(names(first))
                .containsExactly(
                        "id",
                        "uuid",
                        "name",
                        "description",
                        "asset_type",
                        "mime_type",
                        "url",
                        "tags",
                        "owner_id",
                        "created_at",
                        "updated_at");
        assertThat(first.get("tags").isArray()).isTrue();
        assertThat(first.get("tags").get(0).asString()).isEqualTo("Landscape");
        assertThat(first.get("created_at").asString()).isEqualTo("2024-01-01T00:00:00.000000Z");
        assertThat(response.json().at("/meta/total").asLong()).isEqualTo(4);
    }

    @Test
    void filtersByTextFieldsCaseInsensitively() {
        assertThat(ids(list(Map.of("filter[name]", "ÄRGER")))).containsExactly(sunset);
        assertThat(ids(list(Map.of("filter[description]", "EPISODE")))).containsExactly(podcast);
        assertThat(ids(list(Map.of("filter[asset_type]", "IMAG")))).containsExactly(sunset, logo);
        assertThat(ids(list(Map.of("filter[mime_type]", "svg")))).containsExactly(logo);
        assertThat(ids(list(Map.of("filter[tags]", "LAND")))).containsExactly(sunset);
        assertThat(ids(list(Map.of("filter[tags]", "brand")))).containsExactly(logo);
    }

    @Test
    void filtersByIdsExactlyAndWithOperators() {
        assertThat(ids(list(Map.of("filter[id]", logo + "," + manual)))).containsExactly(logo, manual);
        assertThat(ids(list(Map.of("filter[owner_id]", Long.toString(alice.id())))))
                .containsExactly(sunset, podcast);
        assertThat(ids(list(Map.of("filter[created_at][gte]", "2024-03-01")))).containsExactly(podcast, manual);
        assertThat(ids(list(Map.of("filter[updated_since]", "2024-06-01")))).containsExactly(podcast);
        assertThat(ids(list(Map.of("filter[name][starts_with]", "painting")))).containsExactly(manual);
        assertThat(ids(list(Map.of("filter[description][null]", "1")))).containsExactly(logo, manual);
    }

    @Test
    void rejectsUnknownFiltersAndOperatorsNamingWhatIsAllowed() {
        ApiResponse unknown = list(Map.of("filter[colour]", "red"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asString())
                .isEqualTo(
                        "unknown filter `colour`; filterable: id, uuid, "
                                + "name, description, asset_type, mime_type, tags, owner_id, created_at, updated_at, updated_since, with_deleted, collection");

        ApiResponse operator = list(Map.of("filter[tags][eq]", "oil"));
        assertThat(operator.status()).isEqualTo(400);
        assertThat(operator.json().get("message").asString())
                .isEqualTo("unknown operator `eq` for filter `tags`; operators: contains");

        assertThat(list(Map.of("filter[url]", "cdn")).status()).isEqualTo(400);
    }

    @Test
    void sortsOnSortableFields() {
        assertThat(ids(list(Map.of("sort", "-updated_at")))).containsExactly(podcast, sunset, manual, logo);
        assertThat(ids(list(Map.of("sort", "name")))).containsExactly(logo, manual, sunset, podcast);
        assertThat(ids(list(Map.of("sort", "asset_type,-id")))).containsExactly(podcast, manual, logo, sunset);
        assertThat(ids(list(Map.of("sort", "mime_type")))).containsExactly(manual, podcast, sunset, logo);
        ApiResponse tags = list(Map.of("sort", "tags"));
        assertThat(tags.status()).isEqualTo(400);
        assertThat(tags.json().get("message").asString())
                .isEqualTo("unknown sort field `tags`; sortable: id, uuid, name, "
                        + "asset_type, mime_type, owner_id, created_at, updated_at");
    }

    @Test
    void searchesNameDescriptionAndTagsWithStemming() {
        assertThat(ids(list(Map.of("search", "painting"))))
                .as("name match ranks first")
                .containsExactly(manual, sunset);
        assertThat(ids(list(Map.of("search", "landscapes")))).containsExactly(sunset);
        assertThat(ids(list(Map.of("search", "painting", "sort", "id")))).containsExactly(sunset, manual);
    }

    @Test
    void aSearchWithOnlyExcludedWordsFindsNothing() {
        for (String text : List.of("-zz", "-painting", "- -", "!!")) {
            ApiResponse response = list(Map.of("search", text));
            assertThat(response.status()).as(text).isEqualTo(200);
            assertThat(ids(response)).as(text).isEmpty();
            assertThat(response.json().at("/meta/total").asLong()).as(text).isZero();
        }
        assertThat(ids(list(Map.of("search", "painting -landscapes")))).containsExactly(manual);
    }

    @Test
    void sparseFieldsNarrowItems() {
        ApiResponse response = list(Map.of("fields[assets]", "name,id"));
        assertThat(names(response.json().at("/data/0"))).containsExactly("id", "name");
    }

    @Test
    void includesOnlyTheCollectionsTheCallerMaySee() {
        long open = fixtures.collection(alice, "Open").publicOne().create();
        long secret = fixtures.collection(alice, "Secret").create();
        long sharedWithBob = fixtures.collection(alice, "For Bob").create();
        fixtures.share(sharedWithBob, bob);
        for (long collection : List.of(open, secret, sharedWithBob)) {
            fixtures.member(collection, sunset, 1);
        }

        ApiResponse response = api.get(
                "/api/v2/assets/" + sunset,
                bobToken,
                Map.of("include", "collections,owner", "fields[collections]", "id,name"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode data = response.json().get("data");
        assertThat(data.get("collections").findValues("id"))
                .extracting(JsonNode::asLong)
                .containsExactly(open, sharedWithBob);
        assertThat(names(data.get("collections").get(0))).containsExactly("id", "name");
        assertThat(data.get("collections_count").asLong()).isEqualTo(2);
        assertThat(data.get("owner").get("name").asString()).isEqualTo("Alice");
        assertThat(response.body()).doesNotContain("Secret");
    }

    @Test
    void filtersByACollectionOnlyWhenTheCallerMaySeeIt() {
        long open = fixtures.collection(alice, "Open").publicOne().create();
        long secret = fixtures.collection(alice, "Secret").create();
        fixtures.member(open, podcast, 1);
        fixtures.member(secret, manual, 1);

        assertThat(ids(list(Map.of("filter[collection]", Long.toString(open))))).containsExactly(podcast);
        ApiResponse hidden = list(Map.of("filter[collection]", Long.toString(secret)));
        assertThat(ids(hidden)).isEmpty();
        assertThat(hidden.json().at("/meta/total").asLong()).isZero();
        String aliceToken = fixtures.token(alice);
        assertThat(ids(api.get("/api/v2/assets", aliceToken, Map.of("filter[collection]", Long.toString(secret)))))
                .containsExactly(manual);
    }

    @Test
    void readsOneAssetByIdOrUuid() {
        UUID uuid = UUID.randomUUID();
        long id = fixtures.asset(alice, "By uuid").uuid(uuid).create();

        assertThat(api.get("/api/v2/assets/" + id, bobToken)
                        .json()
                        .at("/data/id")
                        .asLong())
                .isEqualTo(id);
        assertThat(api.get("/api/v2/assets/" + uuid, bobToken)
                        .json()
                        .at("/data/id")
                        .asLong())
                .isEqualTo(id);
        ApiResponse missing = api.get("/api/v2/assets/999999", bobToken);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("message").asString()).isEqualTo("asset `999999` not found");
        assertThat(api.get("/api/v2/assets/not-a-key", bobToken).status()).isEqualTo(404);
    }

    @Test
    void needsTheAssetsReadScope() {
        String collectionsOnly = fixtures.token(bob, EnumSet.of(Scope.COLLECTIONS_READ));
        ApiResponse response = api.get("/api/v2/assets", collectionsOnly);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("message").asString()).isEqualTo("this token lacks the `assets:read` scope");
    }

    @Test
    void showsWhichCollectionsHoldAnAssetOnlyWithTheCollectionsReadScope() {
        String assetsOnly = fixtures.token(bob, EnumSet.of(Scope.ASSETS_READ));
        long open = fixtures.collection(alice, "Open").publicOne().create();

        assertThat(api.get("/api/v2/assets", assetsOnly).status()).isEqualTo(200);
        for (ApiResponse response : List.of(
                api.get("/api/v2/assets", assetsOnly, Map.of("include", "collections")),
                api.get("/api/v2/assets/" + sunset, assetsOnly, Map.of("include", "collections")),
                api.get("/api/v2/assets", assetsOnly, Map.of("filter[collection]", Long.toString(open))))) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().get("message").asString())
                    .isEqualTo("this token lacks the `collections:read` scope");
        }
    }

    @Test
    void pagesWithTheSameEnvelopeAsCollections() {
        ApiResponse response = api.getRaw("/api/v2/assets?per_page=3&page=2&sort=id", bobToken);
        assertThat(ids(response)).containsExactly(manual);
        JsonNode meta = response.json().get("meta");
        assertThat(meta.get("current_page").asLong()).isEqualTo(2);
        assertThat(meta.get("from").asLong()).isEqualTo(4);
        assertThat(meta.get("to").asLong()).isEqualTo(4);
        assertThat(meta.get("last_page").asLong()).isEqualTo(2);
        assertThat(meta.get("total").asLong()).isEqualTo(4);
        assertThat(meta.get("path").asString()).isEqualTo(api.base() + "/api/v2/assets");
        assertThat(response.json().at("/links/prev").asString()).endsWith("/api/v2/assets?per_page=3&page=1&sort=id");
    }

    private ApiResponse list(Map<String, String> query) {
        return api.get("/api/v2/assets", bobToken, query);
    }

    static List<Long> ids(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().get("data").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }
}
