package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What caches and clients rely on: authenticated answers are private and vary by token and encoding,
 * a 405 says what is allowed, JSON from 2 KB on is gzipped for clients that accept it, and its ETag
 * is then weak: the gzip bytes never share a strong ETag with the identity bytes, yet either form
 * answers If-None-Match with 304 and If-Match with the write.
 */
abstract class CachingAndCompressionContract extends ApiTestBase {

    private static final String LIST = "/api/v2/assets?per_page=50";

    private final HttpClient http = HttpClient.newHttpClient();
    private String token;
    private long collection;

    @BeforeEach
    void catalogue() {
        User alice = fixtures.user("Alice");
        token = fixtures.token(alice, EnumSet.allOf(Scope.class));
        collection = fixtures.collection(alice, "Brands").create();
        for (int i = 0; i < 50; i++) {
            fixtures.asset(alice, "Asset " + i)
                    .description("a photo of a lighthouse at dusk")
                    .create();
        }
    }

    @Test
    void marksAuthenticatedResponsesPrivateAndVaryingByTokenAndEncoding() {
        ApiResponse list = api.get(LIST, token);
        ApiResponse unauthenticated = api.get(LIST, null);

        for (ApiResponse response : List.of(list, unauthenticated)) {
            assertThat(response.headers().allValues("Cache-Control")).containsExactly("private, no-cache");
            assertThat(vary(response)).contains("authorization", "accept-encoding");
        }
    }

    @Test
    void keepsNoStoreOnAResponseShowingASecret() {
        ApiResponse created =
                api.post("/api/v2/tokens", token, "{\"name\": \"laptop\", \"scopes\": [\"assets:read\"]}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().allValues("Cache-Control")).containsExactly("no-store");
    }

    @Test
    void namesTheAllowedMethodsOnA405() {
        ApiResponse put = api.put("/api/v2/collections", token, "{}");

        assertThat(put.status()).isEqualTo(405);
        assertThat(Arrays.asList(put.header("Allow").split(",\\s*"))).contains("GET", "POST");
        assertThat(put.json().get("message").asString()).startsWith("method PUT is not allowed here; allowed: ");
    }

    @Test
    void gzipsALargeListUnderTheWeakFormOfItsEtag() throws IOException {
        HttpResponse<byte[]> identity = get(LIST, "identity");
        HttpResponse<byte[]> gzipped = get(LIST, "gzip, deflate");
        String strong = identity.headers().firstValue("ETag").orElseThrow();

        assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(strong).matches("\"0[0-9a-f]{32}\"");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().firstValue("ETag")).hasValue("W/" + strong);
        assertThat(gunzip(gzipped.body())).isEqualTo(identity.body());
        assertThat(gzipped.body().length).isLessThan(identity.body().length / 3);
    }

    @Test
    void answersIfNoneMatchWith304InEitherForm() {
        String strong = get(LIST, "identity").headers().firstValue("ETag").orElseThrow();

        assertThat(get(LIST, "gzip", "If-None-Match", strong).statusCode()).isEqualTo(304);
        assertThat(get(LIST, "identity", "If-None-Match", "W/" + strong).statusCode())
                .isEqualTo(304);
    }

    @Test
    void leavesASmallResponseUncompressedUnderItsStrongEtag() {
        HttpResponse<byte[]> item = get("/api/v2/collections/" + collection, "gzip");

        assertThat(item.body().length).isLessThan(2048);
        assertThat(item.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(item.headers().firstValue("ETag").orElseThrow()).startsWith("\"0");
    }

    @Test
    void takesTheWeakFormInIfMatch() {
        String etag = api.get("/api/v2/collections/" + collection, token).header("ETag");

        ApiResponse renamed = api.patch(
                "/api/v2/collections/" + collection, token, "{\"name\": \"Brands 2027\"}", "If-Match", "W/" + etag);

        assertThat(renamed.status()).isEqualTo(200);
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept-Encoding", acceptEncoding);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private static List<String> vary(ApiResponse response) {
        return response.headers().allValues("Vary").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .toList();
    }
}
