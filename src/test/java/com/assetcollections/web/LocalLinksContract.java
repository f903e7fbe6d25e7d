package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.RawHttp;
import com.assetcollections.users.User;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Without {@code app.public-base-url}, links are on localhost at the server's port, whatever Host a client sends. */
abstract class LocalLinksContract extends ApiTestBase {

    @Test
    void putsLinksOnLocalhostAtTheServersPortWhateverHostTheClientSends() {
        User alice = fixtures.user("Alice");
        String token = fixtures.token(alice);
        fixtures.collection(alice, "Brands").create();
        fixtures.collection(alice, "Logos").create();

        RawHttp.Response page = RawHttp.send(
                port,
                "GET /api/v2/collections?per_page=1 HTTP/1.1".getBytes(StandardCharsets.UTF_8),
                "evil.example",
                "Authorization: Bearer " + token + "\r\nX-Forwarded-Host: evil.example\r\n");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("evil.example");
        JsonNode json = JsonMapper.builder().build().readTree(page.body());
        assertThat(json.at("/links/next").asString())
                .isEqualTo("http://localhost:" + port + "/api/v2/collections?per_page=1&page=2");
    }
}
