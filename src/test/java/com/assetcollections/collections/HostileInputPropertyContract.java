package com.assetcollections.collections;

import static com.assetcollections.collections.HostileInputs.assertAnswers;
import static com.assetcollections.collections.HostileInputs.assertCursorRefused;
import static com.assetcollections.collections.HostileInputs.assertWellFormed;
import static com.assetcollections.support.ApiClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.collections.HostileInputs.Expect;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.PropertySeeds;
import com.assetcollections.support.RawHttp;
import com.assetcollections.support.SeededProperty;
import com.assetcollections.users.User;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile query strings, hand-picked and generated from a seeded Random: every answer is 2xx or a
 * 4xx with a JSON {@code message}, never a 5xx, and the database is unchanged afterwards. Replay a
 * failing seed with {@code -Dproperty.seed=<seed>}.
 */
abstract class HostileInputPropertyContract extends ApiTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String token;
    private long visibleId;
    private long invisibleId;
    private Map<String, String> before;

    @BeforeEach
    void smallWorld() {
        db.transaction(configuration -> {
            User alice = fixtures.user("Alice");
            User bob = fixtures.user("Bob");
            token = fixtures.token(alice);
            visibleId = fixtures.collection(alice, "Alpha brand")
                    .publicOne()
                    .description("Client work")
                    .create();
            long beta = fixtures.collection(alice, "Beta plans").create();
            invisibleId = fixtures.collection(bob, "Gamma drafts")
                    .description("Bob only")
                    .create();
            long delta = fixtures.collection(bob, "Delta ideas").create();
            fixtures.share(delta, alice);
            long asset = fixtures.asset(alice, "Logo", "image");
            fixtures.member(visibleId, asset, 1);
            fixtures.member(beta, asset, 1);
        });
        before = DatabaseChecksum.of(db);
    }

    @AfterEach
    void databaseIsUnchanged() {
        assertThat(DatabaseChecksum.of(db))
                .as("row counts and checksums after the requests")
                .isEqualTo(before);
    }

    static Stream<Arguments> handPicked() {
        return HostileInputs.handPicked();
    }

    static Stream<Arguments> garbageCursors() {
        return HostileInputs.cursors().stream().map(c -> Arguments.of(c));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("handPicked")
    void handPickedHostileListQueriesAnswerAsTheContractSays(Expect expect, String query) {
        ApiResponse response = api.getRaw("/api/v2/collections?" + query, token);
        assertWellFormed(query, response);
        assertAnswers(expect, query + ": " + response.body(), response);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbageCursors")
    void garbageCursorsAreRefusedWith400(String garbage) {
        ApiResponse response = api.getRaw("/api/v2/collections?cursor=" + encode(garbage), token);
        assertWellFormed("cursor=" + garbage, response);
        assertCursorRefused("cursor=" + garbage, response);
    }

    static LongStream seeds() {
        return PropertySeeds.seeds(0x0BAD_1000L, 25);
    }

    @SeededProperty
    void randomHostileQueriesNeverFailTheServerNorChangeData(long seed) {
        Random random = new Random(seed);
        List<String> keys = List.of(
                Long.toString(visibleId),
                Long.toString(invisibleId),
                "0",
                "-1",
                encode("' OR 1=1 --"),
                encode("😀"),
                "%00",
                "99999999999999999999");
        for (int i = 0; i < 30; i++) {
            String query = HostileInputs.randomQuery(random);
            String path = random.nextInt(100) < 75
                    ? "/api/v2/collections"
                    : "/api/v2/collections/" + HostileInputs.pick(random, keys);
            ApiResponse response = api.getRaw(path + "?" + query, token);
            assertWellFormed("seed " + seed + ": " + path + "?" + query, response);
        }
    }

    @Test
    void singleItemEndpointAnswersHostileKeysWithJson404() {
        List<String> keys = List.of(
                encode("' OR 1=1 --"),
                encode("1;DROP TABLE collections"),
                "-1",
                "0",
                "99999999999999999999",
                "9223372036854775807",
                "9223372036854775808",
                "999999999999999999",
                encode("１"),
                encode("😀"),
                encode(" 1"),
                encode("1,2"),
                "*",
                "null",
                "1e3",
                "0x1",
                "a".repeat(300),
                encode("{123e4567-e89b-12d3-a456-426614174000}"),
                "123E4567-E89B-12D3-A456-426614174000",
                "123e4567e89b12d3a456426614174000",
                encode("1 OR 1=1"),
                Long.toString(invisibleId));
        for (String key : keys) {
            ApiResponse response = api.getRaw("/api/v2/collections/" + key, token);
            assertWellFormed(key, response);
            assertThat(response.status())
                    .as("GET /api/v2/collections/%s: %s", key, response.body())
                    .isEqualTo(404);
        }
    }

    @Test
    void singleItemEndpointChecksItsParametersAndIgnoresListOnes() {
        String path = "/api/v2/collections/" + visibleId + "?";
        for (String bad : List.of(
                "include=" + encode("owner;drop"),
                "fields%5Bcollections%5D=nope",
                "fields%5B%5D=id",
                "page=abc",
                "per_page=-1",
                "fields%5Bcollections%5D=id&fields%5Bcollections%5D=name")) {
            ApiResponse response = api.getRaw(path + bad, token);
            assertWellFormed(bad, response);
            assertThat(response.status()).as(bad + ": " + response.body()).isEqualTo(400);
        }
        for (String ignored : List.of(
                "filter%5Bname%5D=" + encode("' OR 1=1 --"),
                "sort=" + encode("; DROP"),
                "search=" + encode("😀"),
                "page=2&per_page=5",
                "unknown=%00")) {
            ApiResponse response = api.getRaw(path + ignored, token);
            assertWellFormed(ignored, response);
            assertThat(response.status()).as(ignored + ": " + response.body()).isEqualTo(200);
            assertThat(response.json().at("/data/id").asLong()).isEqualTo(visibleId);
        }
    }

    /** Requests Tomcat refuses itself, before any application code runs, get the JSON error shape too. */
    @Test
    void requestsTheContainerRefusesAnswerJsonToo() {
        List<byte[]> requestLines = List.of(
                bytes("GET /api/v2/collections?filter[name]=\u00e4 HTTP/1.1"),
                bytes("GET /api/v2/collections?filter[name]=\ud83d\ude00 HTTP/1.1"),
                bytes("GET /api/v2/collections?search=a b HTTP/1.1"),
                bytes("GET /api/v2/collections?search=\"x\" HTTP/1.1"),
                bytes("GET /api/v2/collections?search=<x> HTTP/1.1"),
                bytes("GET /api/v2/collections?search=%zz HTTP/1.1"),
                bytes("GET /api/v2/collections?search=% HTTP/1.1"),
                bytes("GET /api/v2/collections/%00 HTTP/1.1"),
                bytes("GET /api/v2/collections/1%00 HTTP/1.1"),
                bytes("GET /api/v2/collections/a%2Fb HTTP/1.1"),
                bytes("GET /api/v2/collections/%C0%80 HTTP/1.1"),
                bytes("GET /api/v2/collections?search=" + "a".repeat(10_000) + " HTTP/1.1"),
                bytes("GET /api/v2/collections\u0000 HTTP/1.1"),
                bytes("G\u00c9T /api/v2/collections HTTP/1.1"));
        for (byte[] line : requestLines) {
            assertContainerJson(new String(line, StandardCharsets.UTF_8), RawHttp.send(port, line, authorization()));
        }
        RawHttp.Response unsupportedVersion = RawHttp.send(port, bytes("GET /api/v2/collections HTTP/9.9"), "");
        assertThat(unsupportedVersion.status()).as(unsupportedVersion.body()).isEqualTo(505);
        assertThat(unsupportedVersion.header("Content-Type")).startsWith("application/json");
        assertThat(JSON.readTree(unsupportedVersion.body()).path("message").asString(""))
                .isEqualTo("http version not supported");
        assertContainerJson(
                "a 20 kB header",
                RawHttp.send(
                        port,
                        bytes("GET /api/v2/collections HTTP/1.1"),
                        authorization() + "X-Big: " + "a".repeat(20_000) + "\r\n"));
        assertContainerJson(
                "a header without a colon",
                RawHttp.send(port, bytes("GET /api/v2/collections HTTP/1.1"), authorization() + "Bad Header\r\n"));
    }

    private String authorization() {
        return "Authorization: Bearer " + token + "\r\nAccept: text/html\r\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertContainerJson(String request, RawHttp.Response response) {
        String what = request.length() > 120 ? request.substring(0, 120) + "…" : request;
        assertThat(response.status()).as("%s: %s", what, response.body()).isBetween(400, 499);
        assertThat(response.header("Content-Type"))
                .as("%s: content type; body %s", what, response.body())
                .startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("message").asString(""))
                .as("%s: %s", what, response.body())
                .isNotBlank();
    }
}
