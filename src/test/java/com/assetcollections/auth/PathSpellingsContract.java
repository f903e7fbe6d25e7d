package com.assetcollections.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every spelling of an API path either is authenticated as the endpoint it reaches or answers 400
 * before authentication: nothing reaches a handler without a caller, and nothing a client writes
 * in the path is a 500.
 */
abstract class PathSpellingsContract extends ApiTestBase {

    private static final String MALFORMED_PATH =
            "malformed path: API paths take no `.` or `..` segments and no empty ones (`//`)";

    private User alice;
    private String token;
    private long collection;

    @BeforeEach
    void aliceWithACollection() {
        alice = fixtures.user("Alice");
        token = fixtures.token(alice);
        collection = fixtures.collection(alice, "Board").create();
    }

    /** Paths that Tomcat normalises to an API path but Spring MVC would match segment by segment as written. */
    private List<String> ambiguousSpellings() {
        return List.of(
                "/api/v2/./me",
                "/api/v2/%2e/me",
                "/api/v2/x/../me",
                "/api/v2/collections/" + collection + "/./shares",
                "/api/v2/collections/./" + collection,
                "//api/v2/me",
                "/api//v2/me",
                "/./api/v2/me",
                "/x/../api/v2/me");
    }

    /** Other spellings of {@code /api/v2/me} and the collection, which Tomcat and Spring MVC both decode alike. */
    private List<String> decodedSpellings() {
        String id = Long.toString(collection);
        return List.of(
                "/api;x/v2/me",
                "/api/v2;x/me",
                "/api/v2/me;jsessionid=1",
                "/%61pi/v2/me",
                "/api/v2/%6De",
                "/api;x/v2/collections/" + id,
                "/api/v2/collections/" + id + ";x",
                "/api/v2/collections/%3" + id.charAt(0) + id.substring(1));
    }

    @Test
    void ambiguousSpellingsOfApiPathsAnswer400WithOrWithoutAToken() {
        for (String path : ambiguousSpellings()) {
            ApiResponse response = api.get(path, null);
            assertMalformedPath(path, response);
            assertThat(response.header("WWW-Authenticate")).as(path).isNull();
            assertMalformedPath(path, api.get(path, token));
            assertMalformedPath("DELETE " + path, api.delete(path, token));
        }
        assertThat(api.get("/api/v2/collections/" + collection, token).status())
                .as("the collection is still there")
                .isEqualTo(200);
    }

    @Test
    void decodedSpellingsNeedATokenAndWorkWithOne() {
        for (String path : decodedSpellings()) {
            ApiResponse anonymous = api.get(path, null);
            assertThat(anonymous.status()).as(path + ": " + anonymous.body()).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).as(path).isEqualTo("Bearer");
            assertCleanJson(path, anonymous);

            ApiResponse authenticated = api.get(path, token);
            assertThat(authenticated.status())
                    .as(path + ": " + authenticated.body())
                    .isEqualTo(200);
            assertThat(authenticated.header("X-RateLimit-Remaining"))
                    .as(path + ": counted")
                    .isNotNull();
        }
    }

    @Test
    void otherCapitalisationsVersionsAndTrailingSlashesAreNoEndpoint() {
        for (String path : List.of("/API/v2/me", "/Api/v2/collections", "/api/V2/me", "/api/v3/me", "/api/v2/me/")) {
            for (String bearer : new String[] {null, token}) {
                ApiResponse response = api.get(path, bearer);
                assertThat(response.status())
                        .as("%s %s: %s", path, bearer == null ? "without a token" : "with a token", response.body())
                        .isIn(401, 404);
                assertCleanJson(path, response);
            }
        }
    }

    @Test
    void pathsTheServerCannotDecodeAnswer400() {
        for (String path : List.of("/api%2Fv2/me", "/api/v2/%2e%2e/%2e%2e/%2e%2e/me")) {
            for (String bearer : new String[] {null, token}) {
                ApiResponse response = api.get(path, bearer);
                assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
                assertCleanJson(path, response);
            }
        }
    }

    @Test
    void canonicalPathsWorkAsBefore() {
        List<Integer> statuses = new ArrayList<>();
        for (String path : List.of("/api/v2/me", "/api/v2/collections", "/api/v2/collections/" + collection)) {
            statuses.add(api.get(path, token).status());
            statuses.add(api.get(path, null).status());
        }
        assertThat(statuses).containsExactly(200, 401, 200, 401, 200, 401);
    }

    private static void assertMalformedPath(String path, ApiResponse response) {
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
        assertCleanJson(path, response);
        assertThat(response.json().get("message").asString()).as(path).isEqualTo(MALFORMED_PATH);
        assertThat(response.header("X-RateLimit-Remaining"))
                .as(path + ": not counted")
                .isNull();
    }

    private static void assertCleanJson(String path, ApiResponse response) {
        assertThat(response.header("Content-Type")).as(path).startsWith("application/json");
        assertThat(response.json()).as(path + ": " + response.body()).isNotNull();
        assertThat(response.json().propertyNames()).as(path).containsExactly("message");
        assertThat(response.body()).as(path).doesNotContain("Exception").hasSizeLessThan(300);
    }
}
