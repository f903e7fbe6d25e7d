package com.assetcollections.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API endpoint checks the scopes it needs before anything else: a token lacking any one of
 * them is 403 naming it, whatever the path ids, parameters, body and headers; with them, the
 * request gets past the check.
 * The table below must list every API endpoint the application maps (checked against Spring's
 * own list, less the {@link OpenPaths} served to anyone), so a new endpoint cannot be added
 * without deciding its scopes here.
 */
abstract class ScopesContract extends ApiTestBase {

    private static final String MISSING = "999999";

    /** One endpoint: method, path with {placeholders}, and the scopes it needs (empty: any valid token). */
    record Endpoint(String method, String path, Set<Scope> needs) {
        String pattern() {
            return method + " " + path.replaceAll("\\{[^}]+}", "{}");
        }
    }

    private static final Set<Scope> NONE = Set.of();
    private static final Set<Scope> C_READ = Set.of(Scope.COLLECTIONS_READ);
    private static final Set<Scope> C_WRITE = Set.of(Scope.COLLECTIONS_WRITE);
    private static final Set<Scope> A_READ = Set.of(Scope.ASSETS_READ);
    private static final Set<Scope> A_WRITE = Set.of(Scope.ASSETS_WRITE);
    private static final Set<Scope> ADMIN = Set.of(Scope.ADMIN);
    private static final Set<Scope> W_READ = Set.of(Scope.WEBHOOKS_READ);
    private static final Set<Scope> W_WRITE = Set.of(Scope.WEBHOOKS_WRITE);

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v2/collections", C_READ),
            new Endpoint("GET", "/api/v2/collections/{collection}", C_READ),
            new Endpoint("POST", "/api/v2/collections", C_WRITE),
            new Endpoint("PATCH", "/api/v2/collections/{missing}", C_WRITE),
            new Endpoint("DELETE", "/api/v2/collections/{missing}", C_WRITE),
            new Endpoint(
                    "GET",
                    "/api/v2/collections/{collection}/assets",
                    Set.of(Scope.COLLECTIONS_READ, Scope.ASSETS_READ)),
            new Endpoint("POST", "/api/v2/collections/{missing}/assets", C_WRITE),
            new Endpoint("PUT", "/api/v2/collections/{missing}/assets", C_WRITE),
            new Endpoint("DELETE", "/api/v2/collections/{missing}/assets", C_WRITE),
            new Endpoint("PATCH", "/api/v2/collections/{missing}/assets/{asset}", C_WRITE),
            new Endpoint("DELETE", "/api/v2/collections/{missing}/assets/{asset}", C_WRITE),
            new Endpoint("GET", "/api/v2/collections/{missing}/shares", C_READ),
            new Endpoint("POST", "/api/v2/collections/{missing}/shares", C_WRITE),
            new Endpoint("PATCH", "/api/v2/collections/{missing}/shares/{user}", C_WRITE),
            new Endpoint("DELETE", "/api/v2/collections/{missing}/shares/{user}", C_WRITE),
            new Endpoint("GET", "/api/v2/assets", A_READ),
            new Endpoint("GET", "/api/v2/assets/{asset}", A_READ),
            new Endpoint("POST", "/api/v2/assets", A_WRITE),
            new Endpoint("PATCH", "/api/v2/assets/{missing}", A_WRITE),
            new Endpoint("DELETE", "/api/v2/assets/{missing}", A_WRITE),
            new Endpoint("GET", "/api/v2/me", NONE),
            new Endpoint("GET", "/api/v2/tokens", NONE),
            new Endpoint("GET", "/api/v2/tokens/{missing}", NONE),
            new Endpoint("POST", "/api/v2/tokens", NONE),
            new Endpoint("DELETE", "/api/v2/tokens/{missing}", NONE),
            new Endpoint("GET", "/api/v2/users", ADMIN),
            new Endpoint("GET", "/api/v2/users/{user}", ADMIN),
            new Endpoint("POST", "/api/v2/users", ADMIN),
            new Endpoint("GET", "/api/v2/users/{user}/tokens", ADMIN),
            new Endpoint("POST", "/api/v2/users/{missing}/tokens", ADMIN),
            new Endpoint("GET", "/api/v2/metrics", ADMIN),
            new Endpoint("GET", "/api/v2/webhooks", W_READ),
            new Endpoint("GET", "/api/v2/webhooks/{missing}", W_READ),
            new Endpoint("POST", "/api/v2/webhooks", W_WRITE),
            new Endpoint("PATCH", "/api/v2/webhooks/{missing}", W_WRITE),
            new Endpoint("DELETE", "/api/v2/webhooks/{missing}", W_WRITE),
            new Endpoint("POST", "/api/v2/webhooks/{missing}/rotate-secret", W_WRITE),
            new Endpoint("POST", "/api/v2/webhooks/{missing}/ping", W_WRITE),
            new Endpoint("GET", "/api/v2/webhooks/{missing}/deliveries", W_READ),
            new Endpoint("GET", "/api/v2/webhooks/{missing}/deliveries/{missing}", W_READ),
            new Endpoint("POST", "/api/v2/webhooks/{missing}/deliveries/{missing}/redeliver", W_WRITE));

    @Autowired
    private RequestMappingHandlerMapping mappings;

    private User alice;
    private long collection;
    private long asset;

    @BeforeEach
    void data() {
        alice = fixtures.user("Alice");
        collection = fixtures.collection(alice, "Open").publicOne().create();
        asset = fixtures.asset(alice, "Logo", "image");
    }

    @Test
    void theTableListsEveryApiEndpoint() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods()
                .keySet()
                .forEach(info -> info.getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/") && !OpenPaths.contains(path))
                        .forEach(path -> info.getMethodsCondition()
                                .getMethods()
                                .forEach(method ->
                                        mapped.add(method.name() + " " + path.replaceAll("\\{[^}]+}", "{}")))));
        Set<String> listed = ENDPOINTS.stream().map(Endpoint::pattern).collect(Collectors.toCollection(TreeSet::new));

        assertThat(listed).isEqualTo(mapped);
    }

    @Test
    void aTokenWithoutANeededScopeIs403NamingIt() {
        for (Endpoint endpoint : ENDPOINTS) {
            for (Scope needed : endpoint.needs()) {
                EnumSet<Scope> others = EnumSet.allOf(Scope.class);
                others.remove(needed);
                ApiResponse response = send(endpoint, fixtures.token(alice, others));

                assertThat(response.status())
                        .as("%s without %s: %s", endpoint.pattern(), needed.token(), response.body())
                        .isEqualTo(403);
                assertThat(response.json().get("message").asString())
                        .as(endpoint.pattern())
                        .contains(needed.token());
            }
        }
    }

    /**
     * A token lacking a needed scope is 403 naming it before anything else of the request is read:
     * malformed path ids, query parameters, bodies and headers, each of which alone answers 400,
     * 404, 412, 413 or 422 with the scope.
     */
    @Test
    void aTokenWithoutANeededScopeIs403WhateverElseIsWrongWithTheRequest() {
        Map<Scope, String> lacking = new EnumMap<>(Scope.class);
        for (Endpoint endpoint : ENDPOINTS) {
            for (Scope needed : endpoint.needs()) {
                String token = lacking.computeIfAbsent(needed, scope -> {
                    EnumSet<Scope> others = EnumSet.allOf(Scope.class);
                    others.remove(scope);
                    return fixtures.token(alice, others);
                });
                for (MalformedRequest request : malformed(endpoint)) {
                    ApiResponse response = request.send().apply(token);

                    assertThat(response.status())
                            .as("%s without %s: %s", request.what(), needed.token(), response.body())
                            .isEqualTo(403);
                    assertThat(response.json().get("message").asString())
                            .as(request.what())
                            .isEqualTo("this token lacks the `" + needed.token() + "` scope");
                }
            }
        }
    }

    @Test
    void aTokenWithTheNeededScopesGetsPastTheCheck() {
        for (Endpoint endpoint : ENDPOINTS) {
            String token = fixtures.token(
                    alice, endpoint.needs().isEmpty() ? EnumSet.of(Scope.ASSETS_READ) : endpoint.needs());
            ApiResponse response = send(endpoint, token);

            assertThat(response.status())
                    .as("%s with %s: %s", endpoint.pattern(), endpoint.needs(), response.body())
                    .isNotIn(401, 403, 500);
        }
    }

    record MalformedRequest(String what, Function<String, ApiResponse> send) {}

    private static final List<String> BAD_PATH_IDS =
            List.of("x", "-1", "1.5", "99999999999999999999", ApiClient.encode("' OR 1=1 --"));
    private static final String BAD_QUERY = "?asset_ids=x,,&filter%5Bnope%5D=1&filter%5Bcreated_at%5D%5Bgt%5D="
            + ApiClient.encode("+300000-01-01T00:00:00") + "&per_page=0&page=abc&include=nope&sort=nope"
            + "&fields%5Bnope%5D=x&cursor=%21";
    private static final List<String> BAD_BODIES = List.of(
            "not json",
            "[]",
            "",
            "{\"bogus\": 1, \"name\": 5, \"asset_ids\": \"x\", \"position\": -1, \"level\": \"nope\","
                    + " \"email\": 3, \"scopes\": \"x\", \"expires_at\": \"+300000-01-01T00:00:00Z\"}",
            "{\"name\": \"" + "x".repeat(1_100_000) + "\"}");

    /** Requests to {@code endpoint} with something wrong besides the token: each path id, the query, the body, a header. */
    private List<MalformedRequest> malformed(Endpoint endpoint) {
        String method = endpoint.method();
        String path = path(endpoint);
        List<MalformedRequest> requests = new ArrayList<>();
        if (endpoint.path().contains("{")) {
            for (String id : BAD_PATH_IDS) {
                String badPath = endpoint.path().replaceAll("\\{[^}]+}", id);
                requests.add(new MalformedRequest(
                        method + " " + badPath, token -> api.write(method, badPath, token, bodyFor(method))));
            }
        }
        String query = path.contains("?") ? BAD_QUERY.replace('?', '&') : BAD_QUERY;
        requests.add(new MalformedRequest(
                method + " " + path + query, token -> api.write(method, path + query, token, bodyFor(method))));
        if (method.equals("DELETE") && path.contains("?")) {
            String bare = path.substring(0, path.indexOf('?'));
            requests.add(new MalformedRequest(method + " " + bare, token -> api.delete(bare, token)));
        }
        if (method.equals("GET")) {
            return requests;
        }
        for (String body : BAD_BODIES) {
            requests.add(new MalformedRequest(
                    method + " " + path + " with body " + body.substring(0, Math.min(body.length(), 40)),
                    token -> api.write(method, path, token, body)));
        }
        requests.add(new MalformedRequest(
                method + " " + path + " with If-Match and Idempotency-Key that are no such things",
                token -> api.write(
                        method,
                        path,
                        token,
                        bodyFor(method),
                        "If-Match",
                        "nope",
                        "Idempotency-Key",
                        "k".repeat(1000))));
        return requests;
    }

    private static String bodyFor(String method) {
        return method.equals("GET") || method.equals("DELETE") ? null : "{}";
    }

    private ApiResponse send(Endpoint endpoint, String token) {
        String path = path(endpoint);
        return switch (endpoint.method()) {
            case "GET" -> api.get(path, token);
            case "DELETE" -> api.delete(path, token);
            default -> api.write(endpoint.method(), path, token, "{}");
        };
    }

    private String path(Endpoint endpoint) {
        String path = endpoint.path()
                .replace("{collection}", Long.toString(collection))
                .replace("{asset}", Long.toString(asset))
                .replace("{user}", Long.toString(alice.id()))
                .replace("{missing}", MISSING);
        if (endpoint.method().equals("DELETE") && path.endsWith("/assets")) {
            path += "?asset_ids=" + asset;
        }
        return path;
    }
}
