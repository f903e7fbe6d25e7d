package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.PublicServiceTestBase;
import com.assetcollections.users.User;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Browsers on other origins, through the real HTTP stack: the listed web app may call everything
 * with its token, any other origin (the configuration lists {@code *}) may only read without one.
 */
abstract class CorsContract extends PublicServiceTestBase {

    private static final String OTHER = "https://other.example";

    private String token;

    @BeforeEach
    void user() {
        User alice = fixtures.user("Alice");
        token = fixtures.token(alice);
        fixtures.collection(alice, "Brands").create();
    }

    @Test
    void answersAPreflightOfTheListedWebAppWithoutAToken() {
        ApiResponse preflight =
                preflight(WEB_APP, "PATCH", "authorization, content-type, if-match, if-none-match, idempotency-key");

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(WEB_APP);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PATCH");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "content-type", "if-match", "if-none-match", "idempotency-key");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(preflight.header("WWW-Authenticate")).isNull();
    }

    @Test
    void exposesTheHeadersAClientReadsToTheListedWebApp() {
        ApiResponse list = api.getWith("/api/v2/collections", token, "Origin", WEB_APP);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Access-Control-Allow-Origin")).isEqualTo(WEB_APP);
        assertThat(List.of(list.header("Access-Control-Expose-Headers").split(",\\s*")))
                .contains(
                        "X-RateLimit-Limit",
                        "X-RateLimit-Remaining",
                        "X-RateLimit-Reset",
                        "ETag",
                        "Location",
                        "X-Request-Id");
        assertThat(list.headers().allValues("Vary")).contains("Origin");
    }

    @Test
    void letsAnyOtherOriginReadWithoutAToken() {
        ApiResponse preflight = preflight(OTHER, "GET", "if-none-match");
        ApiResponse health = api.getWith("/health", null, "Origin", OTHER);

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }

    @Test
    void refusesAnyOtherOriginATokenOrAWrite() {
        ApiResponse withToken = preflight(OTHER, "GET", "authorization");
        ApiResponse write = preflight(OTHER, "POST", "content-type");

        for (ApiResponse refused : List.of(withToken, write)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
            assertThat(refused.json().get("message").asString()).isEqualTo(JsonCorsRefusals.MESSAGE);
        }
    }

    @Test
    void stillAsksForATokenOnAnOptionsRequestThatIsNoPreflight() {
        ApiResponse options = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v2/collections"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(options.status()).isEqualTo(401);
    }

    private ApiResponse preflight(String origin, String method, String headers) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v2/collections"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers)
                .build());
    }
}
