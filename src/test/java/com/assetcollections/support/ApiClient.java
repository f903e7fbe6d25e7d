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

    /** POST, PUT, PATCH or DELETE with a JSON body (null for none) and extra headers (name, value, ...). */
    public ApiResponse write(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build(), json);
    }

    public ApiResponse post(String path, String token, String json, String... headers) {
        return write("POST", path, token, json, headers);
    }

    public ApiResponse put(String path, String token, String json, String... headers) {
        return write("PUT", path, token, json, headers);
    }

    public ApiResponse patch(String path, String token, String json, String... headers) {
        return write("PATCH", path, token, json, headers);
    }

    public ApiResponse delete(String path, String token, String... headers) {
        return write("DELETE", path, token, null, headers);
    }

    /** GET with extra headers (name, value, ...). */
    public ApiResponse getWith(String path, String token, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public ApiResponse send(HttpRequest request) {
        return send(request, null);
    }

    /**
     * Sends {@code request}, whose body is {@code requestJson} (null for none), and fails unless the
     * exchange matches the service's OpenAPI document ({@link OpenApiExchanges}).
     */
    public ApiResponse send(HttpRequest request, String requestJson) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            OpenApiExchanges.check(base, request, requestJson, response);
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
