package com.assetcollections.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.OnSqlite;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The browser docs over plain HTTP: where they are, that they need no token, and what they may load. */
@OnSqlite
class BrowserDocsSqliteTest extends ApiTestBase {

    private final HttpClient http = HttpClient.newHttpClient(); // follows no redirect

    @Test
    void sendsTheRootAndTheDocsWithASlashToTheDocsByRelativeRedirects() throws Exception {
        for (String path : List.of("/", "/docs/")) {
            HttpResponse<String> answer = get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            String location = answer.headers().firstValue("Location").orElseThrow();
            assertThat(location).as(path).doesNotStartWith("/").doesNotContain("://");
            // relative, so that it leads to the docs under a proxy's path prefix as well
            assertThat(URI.create("https://example.com/prefix" + path).resolve(location))
                    .as(path)
                    .isEqualTo(URI.create("https://example.com/prefix/docs"));
        }
    }

    @Test
    void servesThePageWithoutATokenUnderAPolicyThatKeepsItToThisOrigin() throws Exception {
        HttpResponse<String> page = get("/docs");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body())
                .contains("<script src=\"docs/swagger-ui-bundle.js\"")
                .doesNotContain("://");
    }

    @Test
    void servesSwaggerUiFromTheJarSetToThisServicesDocument() throws Exception {
        HttpResponse<String> bundle = get("/docs/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Type")).hasValue("text/javascript");
        assertThat(bundle.body()).contains("SwaggerUIBundle");

        HttpResponse<String> settings = get("/docs/swagger-initializer.js");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("url: \"api/v2/openapi.json\"").doesNotContain("petstore");
    }

    @Test
    void leavesTheDocsOutOfTheApiDocumentWhoseServerIsThePagesOrigin() throws Exception {
        JsonNode document = JsonMapper.builder()
                .build()
                .readTree(get("/api/v2/openapi.json").body());

        assertThat(document.get("servers").toString()).isEqualTo("[{\"url\":\"/\"}]");
        assertThat(document.get("paths").propertyNames()).allMatch(path -> path.startsWith("/api/v2/"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
