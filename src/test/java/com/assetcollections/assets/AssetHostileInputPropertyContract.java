package com.assetcollections.assets;

import static com.assetcollections.collections.HostileInputs.assertAnswers;
import static com.assetcollections.collections.HostileInputs.assertCursorRefused;
import static com.assetcollections.collections.HostileInputs.assertWellFormed;
import static com.assetcollections.support.ApiClient.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.collections.DatabaseChecksum;
import com.assetcollections.collections.HostileInputs;
import com.assetcollections.collections.HostileInputs.Expect;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.PropertySeeds;
import com.assetcollections.support.SeededProperty;
import com.assetcollections.users.User;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile query strings and keys, hand-picked and generated from a seeded Random, against
 * {@code /api/v2/assets}, {@code /api/v2/assets/{key}} and {@code /api/v2/collections/{key}/assets}:
 * every answer is 2xx or a 4xx with a JSON {@code message}, never a 5xx, a collection the caller
 * may not see is indistinguishable from a missing one, and the database is unchanged afterwards.
 * Replay a failing seed with {@code -Dproperty.seed=<seed>}.
 */
abstract class AssetHostileInputPropertyContract extends ApiTestBase {

    private static final String ASSETS = "/api/v2/assets";

    private String token;
    private long visible;
    private long invisible;
    private long shared;
    private long logo;
    private long secret;
    private final UUID visibleUuid = UUID.randomUUID();
    private Map<String, String> before;

    @BeforeEach
    void smallWorld() {
        db.transaction(configuration -> {
            User alice = fixtures.user("Alice");
            User bob = fixtures.user("Bob");
            token = fixtures.token(alice);
            logo = fixtures.asset(alice, "Logo")
                    .tags("oil", "brand")
                    .description("Client work")
                    .create();
            long manual = fixtures.asset(bob, "Manual")
                    .type("document")
                    .mime("application/pdf")
                    .create();
            secret = fixtures.asset(bob, "Secret plan").tags("bob only").create();
            visible = fixtures.collection(alice, "Alpha brand")
                    .publicOne()
                    .uuid(visibleUuid)
                    .create();
            invisible = fixtures.collection(bob, "Gamma drafts").create();
            shared = fixtures.collection(bob, "Delta ideas").create();
            fixtures.share(shared, alice);
            fixtures.member(visible, logo, 1);
            fixtures.member(visible, manual, 2);
            fixtures.member(invisible, secret, 1);
            fixtures.member(invisible, logo, 2);
            fixtures.member(shared, manual, 1);
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
        return HostileAssetInputs.handPicked();
    }

    static Stream<String> garbageCursors() {
        return HostileAssetInputs.contentsCursors().stream();
    }

    static LongStream seeds() {
        return PropertySeeds.seeds(0x0BAD_A55EL, 15);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("handPicked")
    void handPickedHostileQueriesAnswerAsTheContractSaysOnBothAssetLists(Expect expect, String query) {
        for (String path : List.of(ASSETS, contents(Long.toString(visible)))) {
            ApiResponse response = api.getRaw(path + "?" + query, token);
            String what = path + "?" + query + ": " + response.body();
            assertWellFormed(path + "?" + query, response);
            assertAnswers(expect, what, response);
            if (expect == Expect.NO_ROWS) {
                assertThat(response.json().at("/meta/total").asLong()).as(what).isZero();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbageCursors")
    void garbageCursorsAreRefusedWith400OnBothAssetLists(String garbage) {
        for (String path : List.of(ASSETS, contents(Long.toString(visible)), contents(visibleUuid.toString()))) {
            ApiResponse response = api.get(path, token, Map.of("cursor", garbage));
            assertWellFormed(path + "?cursor=" + garbage, response);
            assertCursorRefused(path + "?cursor=" + garbage, response);
        }
    }

    @SeededProperty
    void randomHostileQueriesNeverFailTheServerNorChangeData(long seed) {
        Random random = new Random(seed);
        List<String> collectionKeys = List.of(
                Long.toString(visible),
                Long.toString(invisible),
                Long.toString(shared),
                visibleUuid.toString().toUpperCase(),
                "0",
                "-1",
                encode("' OR 1=1 --"),
                encode("😀"),
                "%00",
                "99999999999999999999");
        List<String> assetKeys = List.of(
                Long.toString(logo), Long.toString(secret), "0", encode("1 OR 1=1"), "%00", "99999999999999999999");
        for (int i = 0; i < 30; i++) {
            String query =
                    random.nextInt(3) == 0 ? HostileInputs.randomQuery(random) : HostileAssetInputs.randomQuery(random);
            String path = switch (random.nextInt(5)) {
                case 0, 1 -> ASSETS;
                case 2 -> ASSETS + "/" + HostileInputs.pick(random, assetKeys);
                default -> contents(HostileInputs.pick(random, collectionKeys));
            };
            ApiResponse response = api.getRaw(path + "?" + query, token);
            assertWellFormed("seed " + seed + ": " + path + "?" + query, response);
        }
    }

    @Test
    void hostileKeysAnswerJson404OnSingleAssetsAndCollectionContents() {
        List<String> keys = List.of(
                encode("' OR 1=1 --"),
                encode("1;DROP TABLE assets"),
                "-1",
                "0",
                "99999999999999999999",
                "9223372036854775807",
                "9223372036854775808",
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
                "123e4567e89b12d3a456426614174000");
        for (String key : keys) {
            for (String path : List.of(ASSETS + "/" + key, contents(key))) {
                ApiResponse response = api.getRaw(path, token);
                assertWellFormed(path, response);
                assertThat(response.status())
                        .as("GET %s: %s", path, response.body())
                        .isEqualTo(404);
            }
        }
    }

    @Test
    void contentsOfAnInvisibleCollectionAnswerLikeAMissingOneWhateverTheQuery() {
        String missing = Long.toString(invisible + 1000);
        for (String query : List.of(
                "",
                "sort=bogus",
                "filter%5Bnope%5D=1",
                "cursor=garbage",
                "per_page=0",
                "include=assets",
                "fields%5Busers%5D=email",
                "search=%00")) {
            ApiResponse hidden = api.getRaw(contents(Long.toString(invisible)) + "?" + query, token);
            ApiResponse absent = api.getRaw(contents(missing) + "?" + query, token);
            assertWellFormed(query, hidden);
            assertThat(hidden.status()).as("%s: %s", query, hidden.body()).isEqualTo(404);
            assertThat(hidden.body()).as(query).isEqualTo(absent.body().replace(missing, Long.toString(invisible)));
        }
    }

    @Test
    void filteringByAnInvisibleCollectionLooksLikeFilteringByAMissingOne() {
        String missing = Long.toString(invisible + 1000);
        ApiResponse hidden = api.get(
                ASSETS, token, Map.of("filter[collection]", Long.toString(invisible), "include", "collections"));
        ApiResponse absent = api.get(ASSETS, token, Map.of("filter[collection]", missing, "include", "collections"));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(200);
        assertThat(hidden.json().at("/meta/total").asLong()).isZero();
        assertThat(hidden.body()).isEqualTo(absent.body().replace(missing, Long.toString(invisible)));

        ApiResponse held = api.get(ASSETS + "/" + logo, token, Map.of("include", "collections"));
        assertThat(held.json().at("/data/collections_count").asLong()).isEqualTo(1);
        assertThat(held.body()).doesNotContain("Gamma");
    }

    @Test
    void singleAssetsCheckTheirParametersAndIgnoreListOnes() {
        String path = ASSETS + "/" + logo + "?";
        for (String bad : List.of(
                "include=assets",
                "include=" + encode("collections;drop"),
                "fields%5Bassets%5D=nope",
                "fields%5Busers%5D=email",
                "fields%5Bcollections%5D=owner_id",
                "fields%5Bcollections%5D=",
                "page=abc",
                "per_page=0",
                "fields%5Bassets%5D=id&fields%5Bassets%5D=name")) {
            ApiResponse response = api.getRaw(path + bad, token);
            assertWellFormed(bad, response);
            assertThat(response.status()).as(bad + ": " + response.body()).isEqualTo(400);
        }
        for (String ignored : List.of(
                "filter%5Btags%5D=" + encode("' OR 1=1 --"),
                "filter%5Bcollection%5D=junk",
                "sort=" + encode("; DROP"),
                "search=" + encode("😀"),
                "cursor=garbage",
                "page=2&per_page=5",
                "unknown=%00")) {
            ApiResponse response = api.getRaw(path + ignored, token);
            assertWellFormed(ignored, response);
            assertThat(response.status()).as(ignored + ": " + response.body()).isEqualTo(200);
            assertThat(response.json().at("/data/id").asLong()).isEqualTo(logo);
        }
    }

    /** Tags are stored one per line for matching; a value with a line break must not match across two tags. */
    @Test
    void aTagsFilterNeverMatchesAcrossTwoTags() {
        for (String value : List.of("oil\nbrand", "\n", "l\nb")) {
            ApiResponse response = api.get(ASSETS, token, Map.of("filter[tags]", value));
            assertWellFormed("filter[tags]=" + value, response);
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().at("/errors/filter[tags]/0").asString())
                    .isEqualTo("`filter[tags]` must not contain a line break (%0A); it matches within one item");
        }
    }

    private static String contents(String key) {
        return "/api/v2/collections/" + key + "/assets";
    }
}
