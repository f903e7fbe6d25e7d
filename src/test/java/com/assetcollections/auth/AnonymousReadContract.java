package com.assetcollections.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.storage.SqlTypes;
import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.IssuedToken;
import com.assetcollections.users.Tokens;
import com.assetcollections.users.User;
import com.assetcollections.users.UserTable;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Anonymous read switched on (a Spring context of its own): token-less reads see public
 * collections and the assets they hold, never anything private or shared, and count against a
 * limit per client address.
 *
 * <p>Every anonymous request here comes from 127.0.0.1, so the tests give each request a client
 * address of its own in {@code X-Forwarded-For}, which this context trusts from loopback peers
 * ({@code server.forward-headers-strategy=native}, the operator's setting behind a proxy); the
 * limit test uses one address for all its requests.
 */
@TestPropertySource(
        properties = {
            "app.anonymous-read.enabled=true",
            "app.anonymous-read.per-minute=5",
            "server.forward-headers-strategy=native"
        })
abstract class AnonymousReadContract extends ApiTestBase {

    private static final int ANONYMOUS_LIMIT = 5;
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    private Tokens tokens;

    private User alice;
    private long publicBoard;
    private long privateBoard;
    private long sharedBoard;
    private long bobsPublicBoard;
    private UUID privateBoardUuid;
    private long inPublicOnly;
    private long inPublicAndPrivate;
    private long inPrivateOnly;
    private long inSharedOnly;
    private long inNoCollection;

    /**
     * Alice's public, private and shared (with Bob) boards and Bob's public one; assets in the
     * public board only, in both the public and the private one, in the private one only, in the
     * shared one only, and in none.
     */
    @BeforeEach
    void boardsOfEveryKind() {
        alice = fixtures.user("Alice");
        User bob = fixtures.user("Bob");
        publicBoard = fixtures.collection(alice, "Public board").publicOne().create();
        privateBoardUuid = UUID.randomUUID();
        privateBoard = fixtures.collection(alice, "Private board")
                .uuid(privateBoardUuid)
                .create();
        sharedBoard = fixtures.collection(alice, "Shared board").create();
        fixtures.share(sharedBoard, bob);
        bobsPublicBoard =
                fixtures.collection(bob, "Bob's public board").publicOne().create();
        inPublicOnly = fixtures.asset(alice, "Sunrise", "image");
        inPublicAndPrivate = fixtures.asset(alice, "Harbour", "image");
        inPrivateOnly = fixtures.asset(alice, "Passport scan", "document");
        inSharedOnly = fixtures.asset(alice, "Draft contract", "document");
        inNoCollection = fixtures.asset(alice, "Loose sketch", "image");
        fixtures.member(publicBoard, inPublicAndPrivate, 1);
        fixtures.member(publicBoard, inPublicOnly, 2);
        fixtures.member(privateBoard, inPublicAndPrivate, 1);
        fixtures.member(privateBoard, inPrivateOnly, 2);
        fixtures.member(sharedBoard, inSharedOnly, 1);
    }

    @Test
    void listsAndCountsOnlyPublicCollections() {
        ApiResponse all = anonymous("/api/v2/collections");
        assertThat(ids(all)).containsExactly(publicBoard, bobsPublicBoard);
        assertThat(all.json().at("/meta/total").asLong()).isEqualTo(2);

        ApiResponse search = anonymous("/api/v2/collections", "search", "board");
        assertThat(ids(search)).containsExactlyInAnyOrder(publicBoard, bobsPublicBoard);
        ApiResponse privateOnes = anonymous("/api/v2/collections", "filter[collection_type]", "private");
        assertThat(ids(privateOnes)).isEmpty();
        assertThat(privateOnes.json().at("/meta/total").asLong()).isZero();
        ApiResponse byId =
                anonymous("/api/v2/collections", "filter[id]", privateBoard + "," + sharedBoard + "," + publicBoard);
        assertThat(ids(byId)).containsExactly(publicBoard);
    }

    @Test
    void privateAndSharedCollectionsAnswer404LikeMissingOnes() {
        for (String key : List.of(
                Long.toString(privateBoard), privateBoardUuid.toString(), Long.toString(sharedBoard), "999999999")) {
            assertNotFound(anonymous("/api/v2/collections/" + key), "collection `" + key + "` not found");
        }
        ApiResponse visible = anonymous("/api/v2/collections/" + publicBoard, "include", "owner");
        assertThat(visible.status()).as(visible.body()).isEqualTo(200);
        assertThat(visible.json().at("/data/name").asString()).isEqualTo("Public board");
        assertThat(visible.json().at("/data/owner/name").asString()).isEqualTo("Alice");
    }

    @Test
    void mineAndSharedWithMeMatchNothing() {
        for (String filter : List.of("filter[mine]", "filter[shared_with_me]")) {
            ApiResponse response = anonymous("/api/v2/collections", filter, "1");
            assertThat(ids(response)).as(filter).isEmpty();
            assertThat(response.json().at("/meta/total").asLong()).as(filter).isZero();
        }
        assertThat(ids(anonymous("/api/v2/collections", "filter[public]", "1")))
                .containsExactly(publicBoard, bobsPublicBoard);
    }

    @Test
    void aUserRowWithTheAnonymousIdGivesAnonymousCallersNothingOfItsOwn() {
        User impostor = userWithId(Caller.ANONYMOUS_USER_ID);
        long owned = fixtures.collection(impostor, "Impostor's private board").create();
        fixtures.share(privateBoard, impostor);
        long asset = fixtures.asset(impostor, "Impostor's photo", "image");
        fixtures.member(owned, asset, 1);

        assertThat(ids(anonymous("/api/v2/collections"))).containsExactly(publicBoard, bobsPublicBoard);
        assertThat(ids(anonymous("/api/v2/collections", "filter[mine]", "1"))).isEmpty();
        assertThat(ids(anonymous("/api/v2/collections", "filter[shared_with_me]", "1")))
                .isEmpty();
        assertNotFound(anonymous("/api/v2/collections/" + owned), "collection `" + owned + "` not found");
        assertNotFound(anonymous("/api/v2/assets/" + asset), "asset `" + asset + "` not found");
        ApiResponse holding = anonymous("/api/v2/assets/" + inPublicAndPrivate, "include", "collections");
        assertThat(holding.json().at("/data/collections_count").asLong()).isEqualTo(1);
    }

    @Test
    void includeAssetsEmbedsThePublicCollectionsAssets() {
        ApiResponse response = anonymous("/api/v2/collections", "include", "assets", "fields[assets]", "id");
        JsonNode first = response.json().at("/data/0");
        assertThat(first.get("id").asLong()).isEqualTo(publicBoard);
        assertThat(first.get("assets").toString())
                .isEqualTo("[{\"id\":" + inPublicAndPrivate + "},{\"id\":" + inPublicOnly + "}]");
        assertThat(first.get("assets_count").asLong()).isEqualTo(2);
        assertThat(response.json().at("/data/1/assets").size()).isZero();
    }

    @Test
    void theAssetsOfAPrivateOrSharedCollectionAnswer404() {
        for (long board : List.of(privateBoard, sharedBoard)) {
            assertNotFound(
                    anonymous("/api/v2/collections/" + board + "/assets"), "collection `" + board + "` not found");
        }
        assertThat(ids(anonymous("/api/v2/collections/" + publicBoard + "/assets")))
                .containsExactly(inPublicAndPrivate, inPublicOnly);
    }

    @Test
    void listsAndCountsOnlyAssetsHeldByAPublicCollection() {
        ApiResponse all = anonymous("/api/v2/assets");
        assertThat(ids(all)).containsExactly(inPublicOnly, inPublicAndPrivate);
        assertThat(all.json().at("/meta/total").asLong()).isEqualTo(2);

        assertThat(ids(anonymous("/api/v2/assets", "search", "contract"))).isEmpty();
        assertThat(ids(anonymous("/api/v2/assets", "filter[asset_type]", "document")))
                .isEmpty();
        assertThat(ids(anonymous("/api/v2/assets", "filter[collection]", Long.toString(privateBoard))))
                .isEmpty();
        assertThat(ids(anonymous("/api/v2/assets", "filter[collection]", Long.toString(publicBoard))))
                .containsExactly(inPublicOnly, inPublicAndPrivate);
        assertThat(ids(anonymous("/api/v2/assets", "cursor", "", "sort", "-name")))
                .containsExactly(inPublicOnly, inPublicAndPrivate);
    }

    @Test
    void assetsInNoPublicCollectionAnswer404() {
        for (long asset : List.of(inPrivateOnly, inSharedOnly, inNoCollection)) {
            assertNotFound(anonymous("/api/v2/assets/" + asset), "asset `" + asset + "` not found");
        }
        for (long asset : List.of(inPublicOnly, inPublicAndPrivate)) {
            ApiResponse response = anonymous("/api/v2/assets/" + asset);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json().at("/data/id").asLong()).isEqualTo(asset);
        }
    }

    @Test
    void includeCollectionsOnAssetsShowsOnlyPublicOnes() {
        ApiResponse item = anonymous(
                "/api/v2/assets/" + inPublicAndPrivate, "include", "collections", "fields[collections]", "id");
        assertThat(item.json().at("/data/collections").toString()).isEqualTo("[{\"id\":" + publicBoard + "}]");
        assertThat(item.json().at("/data/collections_count").asLong()).isEqualTo(1);

        ApiResponse list = anonymous("/api/v2/assets", "include", "collections", "fields[collections]", "id");
        for (JsonNode asset : list.json().get("data")) {
            assertThat(asset.get("collections").toString())
                    .as("asset %s", asset.get("id"))
                    .isEqualTo("[{\"id\":" + publicBoard + "}]");
        }
    }

    @Test
    void datetimesOutsideTheYears1To9999Answer400() {
        for (String path : List.of("/api/v2/collections", "/api/v2/assets")) {
            ApiResponse response = anonymous(path, "filter[updated_since]", "-300000-01-01T00:00:00Z");
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().at("/errors/filter[updated_since]/0").asString())
                    .isEqualTo(
                            "`filter[updated_since]` must lie in the years 1 to 9999; got `-300000-01-01T00:00:00Z`");
        }
    }

    @Test
    void headRequestsAreReadsToo() {
        ApiResponse head = send(nextAddress(), "HEAD", "/api/v2/collections/" + publicBoard);
        assertThat(head.status()).isEqualTo(200);
        assertThat(send(nextAddress(), "HEAD", "/api/v2/collections/" + privateBoard)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void writesWithoutATokenAnswer401WhateverThePath() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
            for (String path : List.of(
                    "/api/v2/collections",
                    "/api/v2/collections/" + publicBoard,
                    "/api/v2/collections/" + publicBoard + "/assets",
                    "/api/v2/assets",
                    "/api/v2/assets/" + inPublicOnly)) {
                assertUnauthorized(method + " " + path, send(nextAddress(), method, path));
            }
        }
    }

    @Test
    void readsOutsideTheCollectionAndAssetEndpointsAnswer401() {
        for (String path : List.of(
                "/api/v2/nope",
                "/api/v2/users",
                "/api/v2/tokens",
                "/api/v2/webhooks",
                "/api/v2/collections/" + publicBoard + "/shares",
                "/api/v2/collections/" + publicBoard + "/assets/" + inPublicOnly,
                "/api/v3/collections")) {
            assertUnauthorized("GET " + path, anonymous(path));
        }
    }

    @Test
    void otherSpellingsOfAPathAreReadAsThePathTheyReach() {
        for (String path : List.of("/api;x/v2/collections", "/%61pi/v2/collections", "/api/v2/collections;x")) {
            ApiResponse response = anonymous(path);
            assertThat(ids(response)).as(path).containsExactly(publicBoard, bobsPublicBoard);
            assertThat(response.header("X-RateLimit-Remaining")).as(path).isEqualTo("4");
        }
        for (String path :
                List.of("/api;x/v2/users", "/%61pi/v2/me", "/api/v2/collections/" + publicBoard + ";x/shares")) {
            assertUnauthorized("GET " + path, anonymous(path));
        }
        for (String path : List.of(
                "/api/v2/collections/" + publicBoard + "/./shares",
                "/api/v2/collections/./shares",
                "/api/v2/users/../collections",
                "//api/v2/collections")) {
            ApiResponse response = anonymous(path);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
            assertThat(response.header("X-RateLimit-Remaining")).as(path).isNull();
        }
    }

    @Test
    void aTokenThatDoesNotWorkIsNeverReadAnonymously() {
        IssuedToken revoked = fixtures.issue(alice, EnumSet.of(Scope.COLLECTIONS_READ), null);
        tokens.revoke(revoked.id());
        for (String authorization : List.of(
                "Bearer " + revoked.plaintext(),
                "Bearer ac_" + "A".repeat(43),
                "Bearer ",
                "",
                "Basic YWxpY2U6c2VjcmV0")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v2/collections"))
                    .header("X-Forwarded-For", nextAddress())
                    .header("Authorization", authorization)
                    .build();
            assertUnauthorized("Authorization: " + authorization, api.send(request));
        }
    }

    @Test
    void tokensStillReadEverythingTheirUserMaySeeUnderTheirOwnLimit() {
        ApiResponse response = api.get("/api/v2/collections", fixtures.token(alice));
        assertThat(ids(response)).containsExactly(publicBoard, privateBoard, sharedBoard, bobsPublicBoard);
        assertThat(response.header("X-RateLimit-Limit")).isEqualTo("1000000");
        assertThat(ids(api.get("/api/v2/assets", fixtures.token(alice))))
                .containsExactly(inPublicOnly, inPublicAndPrivate, inPrivateOnly, inSharedOnly, inNoCollection);
    }

    @Test
    void anonymousRequestsCountAgainstTheLimitOfTheirAddress() {
        String address = nextAddress();
        List<ApiResponse> responses = new ArrayList<>();
        for (int i = 0; i < ANONYMOUS_LIMIT + 2; i++) {
            responses.add(send(address, "GET", i % 2 == 0 ? "/api/v2/collections" : "/api/v2/assets"));
        }
        assertThat(responses).extracting(ApiResponse::status).containsExactly(200, 200, 200, 200, 200, 429, 429);
        assertThat(responses)
                .extracting(r -> r.header("X-RateLimit-Remaining"))
                .containsExactly("4", "3", "2", "1", "0", "0", "0");
        assertThat(responses).extracting(r -> r.header("X-RateLimit-Limit")).containsOnly("5");
        ApiResponse refused = responses.get(ANONYMOUS_LIMIT);
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        assertThat(refused.json().get("message").asString())
                .isEqualTo("too many requests: the limit of 5 requests is used up; retry after "
                        + refused.header("Retry-After") + " s");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(Long.parseLong(refused.header("X-RateLimit-Reset")))
                .isBetween(System.currentTimeMillis() / 1000, System.currentTimeMillis() / 1000 + 61);

        ApiResponse otherAddress = send(nextAddress(), "GET", "/api/v2/collections");
        assertThat(otherAddress.status()).as("another address is unaffected").isEqualTo(200);
        assertThat(otherAddress.header("X-RateLimit-Remaining")).isEqualTo("4");
        ApiResponse withToken = api.get("/api/v2/collections", fixtures.token(alice));
        assertThat(withToken.status()).as("a token is unaffected").isEqualTo(200);
        assertThat(withToken.header("X-RateLimit-Limit")).isEqualTo("1000000");
    }

    @Test
    void everyAddressOfOneIpv6Slash64SharesOneLimit() {
        String network = nextAddress().replace("::1", ":0:");
        List<ApiResponse> responses = new ArrayList<>();
        for (int i = 1; i <= ANONYMOUS_LIMIT + 2; i++) {
            String address = network + Integer.toHexString(i * 4099) + ":0:0:" + Integer.toHexString(i);
            responses.add(send(address, "GET", "/api/v2/collections"));
        }
        assertThat(responses).extracting(ApiResponse::status).containsExactly(200, 200, 200, 200, 200, 429, 429);
        assertThat(responses)
                .extracting(r -> r.header("X-RateLimit-Remaining"))
                .containsExactly("4", "3", "2", "1", "0", "0", "0");

        ApiResponse nextNetwork = send(nextAddress(), "GET", "/api/v2/collections");
        assertThat(nextNetwork.status()).as("the next /64 has its own limit").isEqualTo(200);
        assertThat(nextNetwork.header("X-RateLimit-Remaining")).isEqualTo("4");
    }

    @Test
    void anIpv4AddressAndItsIpv4MappedIpv6FormShareOneLimit() {
        String ipv4 = "192.0.2." + (ADDRESSES.incrementAndGet() % 250 + 1);
        List<ApiResponse> responses = new ArrayList<>();
        for (int i = 0; i < ANONYMOUS_LIMIT + 1; i++) {
            responses.add(send(i % 2 == 0 ? ipv4 : "::ffff:" + ipv4, "GET", "/api/v2/assets"));
        }
        assertThat(responses).extracting(ApiResponse::status).containsExactly(200, 200, 200, 200, 200, 429);
    }

    private User userWithId(long id) {
        UUID uuid = UUID.randomUUID();
        java.time.Instant now = SqlTypes.now();
        db.insertInto(UserTable.USERS)
                .set(UserTable.ID, id)
                .set(UserTable.UUID_, uuid)
                .set(UserTable.NAME, "Impostor")
                .set(UserTable.EMAIL, "impostor@example.com")
                .set(UserTable.CREATED_AT, now)
                .set(UserTable.UPDATED_AT, now)
                .execute();
        return new User(id, uuid, "Impostor", "impostor@example.com", now, now);
    }

    /** A token-less GET from a client address no other request used. */
    private ApiResponse anonymous(String path, String... pairs) {
        StringJoiner query = new StringJoiner("&", "?", "");
        query.setEmptyValue("");
        for (int i = 0; i < pairs.length; i += 2) {
            query.add(ApiClient.encode(pairs[i]) + "=" + ApiClient.encode(pairs[i + 1]));
        }
        return send(nextAddress(), "GET", path + query);
    }

    private ApiResponse send(String clientAddress, String method, String pathAndQuery) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("X-Forwarded-For", clientAddress)
                .build());
    }

    /** Documentation addresses (RFC 3849), each in a /64 of its own: a fresh one per call, so each has a full window. */
    private static String nextAddress() {
        return "2001:db8:" + Integer.toHexString(ADDRESSES.incrementAndGet()) + "::1";
    }

    private static List<Long> ids(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().get("data").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private static void assertNotFound(ApiResponse response, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.json().propertyNames()).containsExactly("message");
        assertThat(response.json().get("message").asString()).isEqualTo(message);
    }

    private static void assertUnauthorized(String what, ApiResponse response) {
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).as(what).isEqualTo("Bearer");
        assertThat(response.header("Content-Type")).as(what).startsWith("application/json");
        assertThat(response.header("X-RateLimit-Remaining"))
                .as(what + ": not counted")
                .isNull();
    }
}
