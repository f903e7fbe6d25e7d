package com.assetcollections.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document is served to anyone, parses without a single message in a real OpenAPI
 * parser, holds every operation the application maps with the scopes its handler requires, and is
 * the committed copy {@code docs/openapi.yaml} (the build generates a client from that copy, and a
 * change of the API shows in a pull request as a change of that file).
 */
abstract class OpenApiContract extends ApiTestBase {

    /** The committed copy of the document: the build generates the tests' API client from it. */
    private static final Path SNAPSHOT = Path.of("docs", "openapi.yaml");

    private static final Path LIVE = Path.of("target", "openapi.yaml");

    @Autowired
    private RequestMappingHandlerMapping mappings;

    @Test
    void isServedAsJsonAndYamlWithoutAToken() {
        ApiResponse json = api.get("/api/v2/openapi.json", null);
        ApiResponse yaml = api.get("/api/v2/openapi.yaml", null);

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.json().get("openapi").asString()).isEqualTo("3.1.0");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(parsed(yaml.body()).getPaths().keySet())
                .isEqualTo(parsed(json.body()).getPaths().keySet());
    }

    @Test
    void parsesWithoutErrorsOrWarnings() {
        SwaggerParseResult result = new OpenAPIParser().readContents(document(), null, null);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void listsEveryMappedOperationWithTheScopesOfItsHandler() {
        OpenAPI openApi = parsed(document());
        Set<String> documented = new TreeSet<>();
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> documented.add(method.name() + " " + path)));
        Map<String, HandlerFacts> handlers =
                MappedHandlers.of(mappings, new com.assetcollections.auth.AnonymousRead(false));

        assertThat(documented).isEqualTo(new TreeSet<>(handlers.keySet()));
        handlers.forEach((key, facts) -> {
            String[] methodAndPath = key.split(" ");
            var operation = openApi.getPaths()
                    .get(methodAndPath[1])
                    .readOperationsMap()
                    .get(PathItem.HttpMethod.valueOf(methodAndPath[0]));
            var expected = facts.open()
                    ? java.util.List.<String>of()
                    : facts.scopes().stream().map(s -> s.token()).toList();
            var listed = operation.getSecurity().stream()
                    .flatMap(requirement -> requirement.values().stream())
                    .flatMap(java.util.List::stream)
                    .toList();
            assertThat(listed).as(key).isEqualTo(expected);
        });
    }

    @Test
    void describesEachFilterOperatorAndSortKeyOfTheSchemas() {
        OpenAPI openApi = parsed(document());
        var list = openApi.getPaths().get("/api/v2/collections").getGet();
        var names = list.getParameters().stream().map(p -> p.getName()).toList();

        assertThat(names)
                .contains(
                        "filter[name]",
                        "filter[name][starts_with]",
                        "filter[created_at][gte]",
                        "filter[description][null]",
                        "filter[shared_with_me]",
                        "sort",
                        "fields[collections]",
                        "fields[assets]",
                        "include",
                        "search",
                        "page",
                        "per_page",
                        "cursor");
        assertThat(names).doesNotContain("filter[created_at]", "filter[name][gt]");
    }

    @Test
    void isTheCommittedCopyTheClientIsGeneratedFrom() throws IOException {
        String live = api.get("/api/v2/openapi.yaml", null).body();
        String committed = Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT) : null;

        if (!live.equals(committed)) {
            Files.createDirectories(LIVE.getParent());
            Files.writeString(LIVE, live);
        }
        assertThat(live.equals(committed))
                .as(
                        "the OpenAPI document differs from %s, the copy the build generates the test client from (%s);"
                                + " the service's document is in %s: review the change, then `cp %s %s`",
                        SNAPSHOT, firstDifference(live, committed), LIVE, LIVE, SNAPSHOT)
                .isTrue();
    }

    private static String firstDifference(String live, String committed) {
        if (committed == null) {
            return "which does not exist";
        }
        List<String> liveLines = live.lines().toList();
        List<String> committedLines = committed.lines().toList();
        for (int i = 0; i < Math.max(liveLines.size(), committedLines.size()); i++) {
            String served = i < liveLines.size() ? liveLines.get(i) : "(end)";
            String copied = i < committedLines.size() ? committedLines.get(i) : "(end)";
            if (!served.equals(copied)) {
                return "first at line " + (i + 1) + ": served `" + served.strip() + "`, committed `" + copied.strip()
                        + "`";
            }
        }
        return "in line endings only";
    }

    private String document() {
        return api.get("/api/v2/openapi.json", null).body();
    }

    private static OpenAPI parsed(String text) {
        return new OpenAPIParser().readContents(text, null, null).getOpenAPI();
    }
}
