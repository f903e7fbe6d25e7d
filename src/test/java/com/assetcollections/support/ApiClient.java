package com.assetcollections.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running test server; query values are percent-encoded here. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** GET {@code path} with a raw query string (sent as written; encode it yourself). */
    public ApiResponse getRaw(String pathAndQuery, String token) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** GET {@code path} with query parameters, each name and value percent-encoded. */
    public ApiResponse get(String path, String token, Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((k, v) -> joined.add(encode(k) + "=" + encode(v)));
        return getRaw(path + (query.isEmpty() ? "" : "?" + joined), token);
    }

    public ApiResponse get(String path, String token) {
        return getRaw(path, token);
    }

    public ApiResponse send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            try {
                json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                // left null: the test asserting on JSON will fail with the body in view
            }
            return new ApiResponse(response.statusCode(), response.headers(), json, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String base() {
        return base;
    }

    public static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
