package com.assetcollections.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.IssuedToken;
import com.assetcollections.users.Tokens;
import com.assetcollections.users.User;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bearer tokens: 401 without a usable one, 403 without the scope, JSON errors always, hashes only at rest. */
abstract class AuthContract extends ApiTestBase {

    private static final Set<Scope> READ_ALL = EnumSet.of(Scope.COLLECTIONS_READ, Scope.ASSETS_READ);

    @Autowired
    private Tokens tokens;

    private User alice;
    private long collection;

    @BeforeEach
    void aliceWithACollection() {
        alice = fixtures.user("Alice");
        collection = fixtures.collection(alice, "Alpha brand").create();
    }

    @Test
    void requestWithoutAuthorizationHeaderAnswers401WithBearerChallenge() {
        for (String path : List.of("/api/v2/collections", "/api/v2/collections/" + collection, "/api/v2/nope")) {
            assertUnauthorized(path, send(path, null, null));
        }
    }

    @Test
    void malformedAuthorizationHeadersAnswer401() {
        String valid = fixtures.token(alice);
        List<String> headers = List.of(
                "Basic YWxpY2U6c2VjcmV0",
                "Bearer",
                "Bearer ",
                "Bearer     ",
                "Token " + valid,
                valid,
                "Bearer: " + valid,
                "Bearer" + valid,
                "Bearer " + valid + " extra",
                "Bearer " + valid + valid,
                "Bearer \"" + valid + "\"",
                "Bearer " + valid.substring(0, valid.length() - 1),
                "Bearer " + "ac_" + "x".repeat(5000),
                "Bearer ' OR 1=1 --");
        for (String header : headers) {
            assertUnauthorized("Authorization: " + abbreviate(header), send("/api/v2/collections", header, null));
        }
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        String valid = fixtures.token(alice);
        assertThat(send("/api/v2/collections", "bearer " + valid, null).status())
                .isEqualTo(200);
        assertThat(send("/api/v2/collections", "BEARER " + valid, null).status())
                .isEqualTo(200);
    }

    @Test
    void unknownTokensAnswer401() {
        String valid = fixtures.token(alice);
        String changed = valid.substring(0, 10) + (valid.charAt(10) == 'A' ? 'B' : 'A') + valid.substring(11);
        for (String token : List.of("ac_" + "A".repeat(43), changed, "not-a-token", valid.toUpperCase())) {
            assertUnauthorized("token " + token, api.get("/api/v2/collections", token));
        }
    }

    @Test
    void revokedTokenAnswers401EvenRightAfterItWasUsed() {
        IssuedToken token = fixtures.issue(alice, READ_ALL, null);
        IssuedToken other = fixtures.issue(alice, READ_ALL, null);
        assertThat(api.get("/api/v2/collections", token.plaintext()).status()).isEqualTo(200);

        assertThat(tokens.revoke(token.id())).isTrue();

        assertUnauthorized("a revoked token", api.get("/api/v2/collections", token.plaintext()));
        assertUnauthorized("a revoked token", api.get("/api/v2/collections/" + collection, token.plaintext()));
        assertThat(api.get("/api/v2/collections", other.plaintext()).status())
                .as("the user's other token still works")
                .isEqualTo(200);
    }

    @Test
    void expiredTokenAnswers401() {
        IssuedToken expired = fixtures.issue(alice, READ_ALL, Instant.now().minus(Duration.ofMinutes(1)));
        assertUnauthorized("an expired token", api.get("/api/v2/collections", expired.plaintext()));
    }

    @Test
    void tokenStopsWorkingTheMomentItExpires() throws InterruptedException {
        Instant expiry = Instant.now().plusMillis(1500);
        IssuedToken token = fixtures.issue(alice, READ_ALL, expiry);
        assertThat(api.get("/api/v2/collections", token.plaintext()).status()).isEqualTo(200);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 100);

        assertUnauthorized("a token that has just expired", api.get("/api/v2/collections", token.plaintext()));
    }

    @Test
    void tokenWithoutCollectionsReadAnswers403() {
        String token = fixtures.token(alice, EnumSet.of(Scope.ASSETS_READ, Scope.COLLECTIONS_WRITE));
        for (String path : List.of("/api/v2/collections", "/api/v2/collections/" + collection)) {
            ApiResponse response = api.get(path, token);
            assertJsonError(path, response, 403);
            assertThat(response.json().get("message").asString()).as(path).contains("collections:read");
        }
    }

    @Test
    void includeAssetsWithoutAssetsReadAnswers403() {
        String token = fixtures.token(alice, EnumSet.of(Scope.COLLECTIONS_READ));
        for (String path : List.of("/api/v2/collections", "/api/v2/collections/" + collection)) {
            ApiResponse refused = api.get(path + "?include=assets", token);
            assertJsonError(path + "?include=assets", refused, 403);
            assertThat(refused.json().get("message").asString()).contains("assets:read");
            assertThat(api.get(path + "?include=owner", token).status())
                    .as(path + "?include=owner")
                    .isEqualTo(200);
            assertThat(api.get(path, token).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void healthNeedsNoTokenAndReportsOkWithAUtcTimestamp() {
        for (String authorization : new String[] {null, "Bearer nonsense"}) {
            ApiResponse response = send("/health", authorization, null);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            assertThat(response.json().propertyNames()).containsExactly("status", "timestamp");
            assertThat(response.json().get("status").asString()).isEqualTo("ok");
            String timestamp = response.json().get("timestamp").asString();
            assertThat(timestamp).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
            assertThat(Instant.parse(timestamp))
                    .isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
        }
    }

    @Test
    void unknownEndpointsAnswerJson404() {
        String token = fixtures.token(alice);
        for (String path :
                List.of("/api/v2/nope", "/api/v3/collections", "/api/v2/collections/" + collection + "/nope/1")) {
            assertJsonError(path, send(path, "Bearer " + token, null), 404);
        }
        for (String path : List.of("/nope", "/health/deep", "/index.html", "/docs/nope.js")) {
            assertJsonError(path, send(path, null, null), 404);
        }
    }

    @Test
    void errorsAreJsonWhateverTheAcceptHeaderSays() {
        String token = "Bearer " + fixtures.token(alice);
        String noScope = "Bearer " + fixtures.token(alice, EnumSet.of(Scope.ASSETS_READ));
        for (String accept : List.of("text/html", "application/xml", "text/html,application/xhtml+xml;q=0.9", "*/*")) {
            assertUnauthorized(accept, send("/api/v2/collections", null, accept));
            assertUnauthorized(accept, send("/api/v2/collections", "Bearer nonsense", accept));
            assertJsonError(accept, send("/api/v2/collections", noScope, accept), 403);
            assertJsonError(accept, send("/api/v2/collections/999999999", token, accept), 404);
            assertJsonError(accept, send("/api/v2/nope", token, accept), 404);
            assertJsonError(accept, send("/nope", null, accept), 404);
            assertJsonError(accept, send("/api/v2/collections?filter%5Bnope%5D=1", token, accept), 400);
            ApiResponse ok = send("/api/v2/collections", token, accept);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("Content-Type")).as(accept).startsWith("application/json");
        }
    }

    @Test
    void tokensAreRandomAndStoredOnlyAsAHash() {
        IssuedToken first = fixtures.issue(alice, READ_ALL, null);
        IssuedToken second = fixtures.issue(alice, READ_ALL, null);
        assertThat(first.plaintext()).matches("ac_[A-Za-z0-9_-]{43}").isNotEqualTo(second.plaintext());

        for (String table : List.of("api_tokens", "users", "change_marks")) {
            String stored = db.fetch("select * from " + table).formatCSV();
            for (IssuedToken token : List.of(first, second)) {
                assertThat(stored)
                        .as(table)
                        .doesNotContain(token.plaintext())
                        .doesNotContain(token.plaintext().substring(3))
                        .doesNotContain(token.plaintext().substring(3, 20));
            }
        }
        var hashes =
                db.fetch("select token_hash from api_tokens where id in (" + first.id() + ", " + second.id() + ")");
        assertThat(hashes)
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.get(0, String.class)).matches("[0-9a-f]{64}"));
    }

    private ApiResponse send(String path, String authorization, String accept) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(api.base() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return api.send(request.build());
    }

    private static void assertUnauthorized(String what, ApiResponse response) {
        assertJsonError(what, response, 401);
        assertThat(response.header("WWW-Authenticate")).as(what + ": challenge").startsWith("Bearer");
    }

    private static void assertJsonError(String what, ApiResponse response, int status) {
        assertThat(response.status()).as("%s: %s", what, response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(what + ": content type").startsWith("application/json");
        assertThat(response.json())
                .as("%s: JSON body: %s", what, response.body())
                .isNotNull();
        assertThat(response.json().path("message").asString(""))
                .as("%s: message: %s", what, response.body())
                .isNotBlank();
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
