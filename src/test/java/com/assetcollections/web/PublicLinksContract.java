package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.PublicServiceTestBase;
import com.assetcollections.support.RawHttp;
import com.assetcollections.users.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Links are built on {@code app.public-base-url}, whatever Host or forwarded headers a client
 * sends: a client must not be able to make the service hand out links to a host it chose.
 */
abstract class PublicLinksContract extends PublicServiceTestBase {

    private static final String EVIL = "evil.example";
    private static final String SPOOFED = "X-Forwarded-Host: " + EVIL + "\r\nX-Forwarded-Proto: http\r\n"
            + "X-Forwarded-Port: 666\r\nForwarded: host=" + EVIL + ";proto=http\r\n";

    private String token;

    @BeforeEach
    void collections() {
        User alice = fixtures.user("Alice");
        token = fixtures.token(alice, EnumSet.allOf(Scope.class));
        for (String name : List.of("Brands", "Logos", "Photos")) {
            fixtures.collection(alice, name).create();
        }
    }

    @Test
    void pageLinksAreOnThePublicBaseUrlWhateverHostTheClientSends() {
        RawHttp.Response page = get("/api/v2/collections?per_page=1&page=2&sort=name");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(EVIL);
        JsonNode json = JsonMapper.builder().build().readTree(page.body());
        String path = PUBLIC_BASE_URL + "/api/v2/collections";
        assertThat(json.at("/meta/path").asString()).isEqualTo(path);
        assertThat(json.at("/links/first").asString()).isEqualTo(path + "?per_page=1&page=1&sort=name");
        assertThat(json.at("/links/next").asString()).isEqualTo(path + "?per_page=1&page=3&sort=name");
        assertThat(urls(json.at("/meta/links")))
                .isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith(path + "?"));
    }

    @Test
    void cursorLinksAreOnThePublicBaseUrlToo() {
        RawHttp.Response page = get("/api/v2/collections?per_page=1&cursor=");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(EVIL);
        JsonNode json = JsonMapper.builder().build().readTree(page.body());
        assertThat(json.at("/links/next").asString()).startsWith(PUBLIC_BASE_URL + "/api/v2/collections?");
    }

    @Test
    void theOpenApiDocumentsServerIsThePathPrefixOnTheOriginItWasReadFrom() {
        JsonNode document = JsonMapper.builder()
                .build()
                .readTree(api.get("/api/v2/openapi.json", null).body());

        // relative to the document's own origin, so that the browser docs try operations where they came from
        assertThat(document.get("servers").toString()).isEqualTo("[{\"url\":\"/assets\"}]");
    }

    @Test
    void aCreatedItemsLocationDoesNotNameTheClientsHost() {
        byte[] body = "{\"name\": \"Banners\"}".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response created = RawHttp.send(
                port,
                "POST /api/v2/collections HTTP/1.1".getBytes(StandardCharsets.UTF_8),
                EVIL,
                "Authorization: Bearer " + token + "\r\n" + SPOOFED + "Content-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).startsWith("/api/v2/collections/");
        assertThat(created.headers().values()).noneMatch(value -> value.contains(EVIL));
    }

    private RawHttp.Response get(String pathAndQuery) {
        return RawHttp.send(
                port,
                ("GET " + pathAndQuery + " HTTP/1.1").getBytes(StandardCharsets.UTF_8),
                EVIL,
                "Authorization: Bearer " + token + "\r\n" + SPOOFED);
    }

    private static List<String> urls(JsonNode links) {
        List<String> urls = new ArrayList<>();
        links.forEach(link -> {
            if (!link.get("url").isNull()) {
                urls.add(link.get("url").asString());
            }
        });
        return urls;
    }
}
