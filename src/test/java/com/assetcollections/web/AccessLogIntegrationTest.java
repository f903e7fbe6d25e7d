package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.OnSqlite;
import com.assetcollections.users.User;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The logs as an operator reads them, in JSON ({@code logging.structured.format.console=ecs}) with
 * the application, Spring MVC and jOOQ (statements and bind values) at DEBUG: one access line per
 * request with its route template, status, user and request id; the request id on every other
 * line of that request and in the {@code X-Request-Id} header; and no token or
 * {@code Authorization} header anywhere.
 */
@OnSqlite
@TestPropertySource(
        properties = {
            "logging.config=classpath:logback-structured.xml",
            "logging.structured.format.console=ecs",
            "logging.level.com.assetcollections=DEBUG",
            "logging.level.org.springframework.web=DEBUG",
            "logging.level.org.jooq.tools.LoggerListener=DEBUG"
        })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class AccessLogIntegrationTest extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCESS = "com.assetcollections.access";

    @AfterAll
    static void quietLogsAgain() {
        for (String name :
                List.of("com.assetcollections", "org.springframework.web", "org.jooq.tools.LoggerListener")) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(null);
        }
    }

    @Test
    void logsOneLineForEachRequestWithItsRouteStatusUserAndRequestId(CapturedOutput output) {
        User alice = fixtures.user("Alice");
        String token = fixtures.token(alice, EnumSet.allOf(Scope.class));
        long id = fixtures.collection(alice, "Brands").create();

        ApiResponse read = get("/api/v2/collections/" + id, token, "story-1.read_A");
        ApiResponse refused = get("/api/v2/collections?per_page=5", "ac_not-a-token", "story-2");
        ApiResponse insane = get("/api/v2/collections/" + id, token, "two words\u00e9");

        assertThat(read.header(RequestId.HEADER)).isEqualTo("story-1.read_A");
        assertThat(refused.header(RequestId.HEADER)).isEqualTo("story-2");
        assertThat(insane.header(RequestId.HEADER)).matches("[0-9a-f-]{36}");
        List<JsonNode> lines = linesOnceLogged(output, "story-1.read_A", "story-2", insane.header(RequestId.HEADER));
        assertThat(accessLines(lines, "story-1.read_A")).singleElement().satisfies(line -> {
            assertThat(line.path("method").asString()).isEqualTo("GET");
            assertThat(line.path("route").asString()).isEqualTo("/api/v2/collections/{key}");
            assertThat(line.path("status").asInt()).isEqualTo(200);
            assertThat(line.path("user_id").asString()).isEqualTo(Long.toString(alice.id()));
            assertThat(line.path("duration_ms").asDouble()).isPositive();
        });
        assertThat(accessLines(lines, "story-2")).singleElement().satisfies(line -> {
            assertThat(line.path("route").asString()).isEqualTo("/api/v2/collections");
            assertThat(line.path("status").asInt()).isEqualTo(401);
            assertThat(line.path("user_id").asString()).isEqualTo("-");
        });
        assertThat(accessLines(lines, insane.header(RequestId.HEADER))).hasSize(1);
        assertThat(lines)
                .filteredOn(line -> "story-1.read_A".equals(requestId(line)))
                .as("the request's other lines: MVC's and jOOQ's")
                .extracting(line -> line.path("log")
                        .path("logger")
                        .asString(line.path("log.logger").asString()))
                .contains("org.springframework.web.servlet.DispatcherServlet", "org.jooq.tools.LoggerListener");
    }

    @Test
    void noTokenNorAuthorizationHeaderReachesAnyLogLine(CapturedOutput output) {
        User alice = fixtures.user("Alice");
        String admin = fixtures.token(alice, EnumSet.allOf(Scope.class));
        String wrong = "ac_" + "x".repeat(43);
        String basic = "Basic YWxpY2U6cGFzc3dvcmQ=";

        ApiResponse created =
                api.post("/api/v2/tokens", admin, "{\"name\": \"laptop\", \"scopes\": [\"collections:read\"]}");
        String issued = created.json().path("data").path("token").asString();
        assertThat(issued).startsWith("ac_");
        assertThat(api.get("/api/v2/collections", issued).status()).isEqualTo(200);
        assertThat(api.get("/api/v2/collections", wrong).status()).isEqualTo(401);
        assertThat(api.write("GET", "/api/v2/collections", null, null, "Authorization", basic)
                        .status())
                .isEqualTo(401);
        assertThat(api.post("/api/v2/collections", admin, "{\"name\": \"Brands\"}")
                        .status())
                .isEqualTo(201);
        get("/api/v2/me", admin, "last-of-the-story");
        linesOnceLogged(output, "last-of-the-story");

        String log = output.getAll();
        assertThat(log).as("the access lines are captured").contains(ACCESS);
        assertThat(log).as("jOOQ's statement log is captured").contains("api_tokens");
        for (String secret : List.of(admin, issued, wrong, basic, "YWxpY2U6cGFzc3dvcmQ=")) {
            assertThat(log).doesNotContain(secret);
        }
        assertThat(log).doesNotContainIgnoringCase("authorization:").doesNotContain("Bearer ac_");
    }

    private ApiResponse get(String path, String token, String requestId) {
        return api.write("GET", path, token, null, RequestId.HEADER, requestId);
    }

    /**
     * The JSON lines once each request named has its access line: a request's line is written when
     * it has ended, which may be just after its client has read the response.
     */
    private static List<JsonNode> linesOnceLogged(CapturedOutput output, String... requestIds) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (true) {
            List<JsonNode> lines = jsonLines(output);
            boolean all = java.util.Arrays.stream(requestIds)
                    .noneMatch(id -> accessLines(lines, id).isEmpty());
            if (all || System.nanoTime() > deadline) {
                return lines;
            }
            Thread.onSpinWait();
        }
    }

    private static List<JsonNode> jsonLines(CapturedOutput output) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getAll().split("\n")) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static List<JsonNode> accessLines(List<JsonNode> lines, String requestId) {
        return lines.stream()
                .filter(line -> requestId.equals(requestId(line)))
                .filter(line -> ACCESS.equals(line.path("log")
                        .path("logger")
                        .asString(line.path("log.logger").asString())))
                .toList();
    }

    private static String requestId(JsonNode line) {
        return line.path(RequestId.MDC_KEY).asString(null);
    }
}
