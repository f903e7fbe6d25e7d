package com.assetcollections.collections;

import static com.assetcollections.collections.VisibilityWorld.pick;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.collections.VisibilityWorld.Coll;
import com.assetcollections.collections.VisibilityWorld.Person;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Generated worlds of users, public and private collections, shares and memberships, and random
 * requests against them: no response ever shows or counts a collection its caller may not see,
 * and totals and pages are exactly what the model in Java says. Replay a failing seed with
 * {@code -Dproperty.seed=<seed>}.
 */
abstract class VisibilityPropertyContract extends ApiTestBase {

    static LongStream seeds() {
        return PropertySeeds.seeds(0x5EED_1000L, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void listsShowAndCountExactlyTheVisibleMatchingCollections(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(random);
        for (Person person : world.people) {
            List<Long> ids = listAll(seed, world, person, Map.of());
            assertThat(ids)
                    .as("seed %d: unfiltered list of user %d", seed, person.id())
                    .containsExactlyElementsOf(
                            world.visibleTo(person.id()).stream().map(Coll::id).toList());
        }
        Map<String, Set<Long>> searchHits = searchHits(seed, random, world);
        for (int i = 0; i < 20; i++) {
            Person caller = pick(random, world.people);
            RandomCollectionQuery query = RandomCollectionQuery.generate(random, world, caller.id(), searchHits);
            if (random.nextInt(100) < 30) {
                query.randomFields(random);
            }
            if (random.nextInt(100) < 30) {
                query.params.put("include", pick(random, List.of("owner", "assets", "owner,assets", "assets,owner")));
            }
            offsetPage(seed, random, world, caller, query);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void totalsAndListsFollowChangesToSharesAndVisibility(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(random);
        Map<String, String> firstRow = Map.of("per_page", "1", "sort", "-updated_at");
        String text = searchText(random);
        for (Person person : world.people) {
            // full first pages, so that the totals are counted (and remembered) rather than read off a short page
            assertTotal(
                    seed,
                    "before the changes",
                    person,
                    firstRow,
                    world.visibleTo(person.id()).size());
            api.get("/api/v2/collections", person.token(), Map.of("per_page", "1", "search", text));
        }
        VisibilityWorld before = world;
        world = db.transactionResult(configuration -> before.change(random, db, fixtures));
        Map<String, Set<Long>> hits = searchHits(seed, world, List.of(text));
        for (Person person : world.people) {
            assertTotal(
                    seed,
                    "after the changes",
                    person,
                    firstRow,
                    world.visibleTo(person.id()).size());
            long found = world.visibleTo(person.id()).stream()
                    .filter(c -> hits.get(text).contains(c.id()))
                    .count();
            assertTotal(seed, "after the changes", person, Map.of("per_page", "1", "search", text), found);
            assertThat(listAll(seed, world, person, Map.of()))
                    .as("seed %d: list of user %d after the changes", seed, person.id())
                    .containsExactlyElementsOf(
                            world.visibleTo(person.id()).stream().map(Coll::id).toList());
        }
    }

    private void assertTotal(long seed, String when, Person person, Map<String, String> params, long expected) {
        ApiResponse response = api.get("/api/v2/collections", person.token(), params);
        assertThat(response.status())
                .as("seed %d: %s: %s", seed, params, response.body())
                .isEqualTo(200);
        assertThat(response.json().at("/meta/total").asLong())
                .as("seed %d, %s: total of %s for user %d", seed, when, params, person.id())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cursorWalksVisitExactlyTheVisibleMatchingCollectionsBothWays(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(random);
        Map<String, Set<Long>> searchHits = searchHits(seed, random, world);
        for (int i = 0; i < 3; i++) {
            Person caller = pick(random, world.people);
            RandomCollectionQuery query = RandomCollectionQuery.generate(random, world, caller.id(), searchHits);
            if (query.ranked()) {
                rankedResultsRefuseCursorPaging(seed, caller, query);
                continue;
            }
            new CursorWalk(api, seed, world, caller, query, 1 + random.nextInt(6)).walkForwardAndBack();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void singleReadsOfInvisibleCollectionsAnswerLikeMissingOnes(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(random);
        for (Coll collection : world.collections) {
            Person caller = pick(random, world.people);
            readOne(seed, world, caller, collection, Long.toString(collection.id()), random);
            String uuid = collection.uuid().toString();
            readOne(
                    seed,
                    world,
                    pick(random, world.people),
                    collection,
                    random.nextInt(4) == 0 ? uuid.toUpperCase() : uuid,
                    random);
        }
    }

    /** Written in one transaction: one commit instead of one per row. */
    private VisibilityWorld world(Random random) {
        return db.transactionResult(configuration -> VisibilityWorld.generate(random, fixtures));
    }

    private void readOne(long seed, VisibilityWorld world, Person caller, Coll collection, String key, Random random) {
        Map<String, String> params = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            params.put("include", "owner,assets");
        }
        if (random.nextInt(4) == 0) {
            params.put("page", "3");
            params.put("per_page", "7");
        }
        ApiResponse response = api.get("/api/v2/collections/" + key, caller.token(), params);
        String what = String.format(
                "seed %d: GET collection %s as user %d (%s)",
                seed, key, caller.id(), collection.visibleTo(caller.id()) ? "visible" : "invisible");
        if (collection.visibleTo(caller.id())) {
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
            JsonNode item = response.json().get("data");
            assertThat(item.get("id").asLong()).as(what).isEqualTo(collection.id());
            assertThat(item.get("uuid").asString())
                    .as(what)
                    .isEqualTo(collection.uuid().toString());
            assertIncludes(what, world, collection, item, params.containsKey("include"));
            return;
        }
        String missingKey = key.length() > 20 ? UUID.randomUUID().toString() : Long.toString(world.unusedId());
        ApiResponse missing = api.get("/api/v2/collections/" + missingKey, caller.token(), params);
        assertThat(missing.status()).as(what + ": a missing key").isEqualTo(404);
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(404);
        assertThat(response.body()).as(what).isEqualTo(missing.body().replace(missingKey, key));
        assertThat(response.header("Content-Type")).as(what).isEqualTo(missing.header("Content-Type"));
    }

    private void offsetPage(
            long seed, Random random, VisibilityWorld world, Person caller, RandomCollectionQuery query) {
        List<Coll> expected = query.expected(world);
        int perPage = 25;
        if (random.nextInt(100) < 70) {
            perPage = 1 + random.nextInt(Math.max(2, expected.size() + 2));
            query.params.put("per_page", Integer.toString(perPage));
        }
        long lastPage = Math.max(1, (expected.size() + perPage - 1) / perPage);
        long page = 1;
        if (random.nextInt(100) < 70) {
            page = 1 + random.nextInt((int) lastPage + 1);
            query.params.put("page", Long.toString(page));
        }
        ApiResponse response = api.get("/api/v2/collections", caller.token(), query.params);
        String what = String.format("seed %d: GET %s as user %d", seed, query.params, caller.id());
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>(response.json().get("data").values());
        List<Long> ids = items.stream().map(item -> item.get("id").asLong()).toList();
        assertThat(ids)
                .as(what + ": only visible collections")
                .allSatisfy(id -> assertThat(world.byId(id).visibleTo(caller.id()))
                        .as("collection %d is visible", id)
                        .isTrue());
        assertThat(response.json().at("/meta/total").asLong())
                .as(what + ": meta.total")
                .isEqualTo(expected.size());
        int from = (int) Math.min(expected.size(), (page - 1) * perPage);
        List<Long> expectedPage = expected.subList(from, Math.min(expected.size(), from + perPage)).stream()
                .map(Coll::id)
                .toList();
        if (query.ranked()) {
            assertThat(ids)
                    .as(what + ": page (ranked, so in any order)")
                    .doesNotHaveDuplicates()
                    .hasSize(expectedPage.size())
                    .isSubsetOf(expected.stream().map(Coll::id).toList());
        } else {
            assertThat(ids).as(what + ": page").containsExactlyElementsOf(expectedPage);
        }
        boolean include = query.params.containsKey("include");
        for (JsonNode item : items) {
            Coll collection = world.byId(item.get("id").asLong());
            if (query.fields != null) {
                List<String> keys = new ArrayList<>(query.fields);
                String includes = query.params.getOrDefault("include", "");
                if (includes.contains("assets")) {
                    keys.addAll(List.of("assets", "assets_count"));
                }
                if (includes.contains("owner")) {
                    keys.add("owner");
                }
                assertThat(item.propertyNames()).as(what + ": sparse fields").containsExactlyInAnyOrderElementsOf(keys);
            }
            if (include) {
                assertIncludes(
                        what,
                        world,
                        collection,
                        item,
                        query.params.get("include").contains("assets")
                                && query.params.get("include").contains("owner"));
            }
        }
    }

    private static void assertIncludes(
            String what, VisibilityWorld world, Coll collection, JsonNode item, boolean both) {
        if (item.has("owner")) {
            assertThat(item.at("/owner/id").asLong()).as(what + ": owner").isEqualTo(collection.ownerId());
            assertThat(item.at("/owner/name").asString())
                    .as(what + ": owner")
                    .isEqualTo(world.nameOf(collection.ownerId()));
        }
        if (item.has("assets")) {
            assertThat(item.get("assets").values().stream()
                            .map(a -> a.get("id").asLong())
                            .toList())
                    .as(what + ": assets of collection %d in order", collection.id())
                    .containsExactlyElementsOf(collection.assetIds());
            assertThat(item.get("assets_count").asLong())
                    .as(what)
                    .isEqualTo(collection.assetIds().size());
        }
        if (both) {
            assertThat(item.has("owner") && item.has("assets"))
                    .as(what + ": both includes")
                    .isTrue();
        }
    }

    /**
     * Runs a few searches as every user. Matching does not depend on the caller, and every
     * collection is visible to at least its owner, so the union of what the users find is the
     * set of matching collections, and each user must find exactly its visible part.
     */
    private Map<String, Set<Long>> searchHits(long seed, Random random, VisibilityWorld world) {
        return searchHits(seed, world, List.of(searchText(random), searchText(random)));
    }

    private Map<String, Set<Long>> searchHits(long seed, VisibilityWorld world, List<String> texts) {
        Map<String, Set<Long>> hits = new LinkedHashMap<>();
        for (String text : texts) {
            Map<Long, List<Long>> found = new LinkedHashMap<>();
            for (Person person : world.people) {
                found.put(person.id(), listAll(seed, world, person, Map.of("search", text)));
            }
            Set<Long> matching = found.values().stream().flatMap(List::stream).collect(Collectors.toSet());
            for (Person person : world.people) {
                Set<Long> expected = world.visibleTo(person.id()).stream()
                        .map(Coll::id)
                        .filter(matching::contains)
                        .collect(Collectors.toSet());
                assertThat(new HashSet<>(found.get(person.id())))
                        .as("seed %d: search `%s` as user %d finds every visible match", seed, text, person.id())
                        .isEqualTo(expected);
            }
            hits.put(text, matching);
        }
        return hits;
    }

    private static String searchText(Random random) {
        String word = pick(random, VisibilityWorld.WORDS);
        String other = pick(random, VisibilityWorld.WORDS);
        return switch (random.nextInt(5)) {
            case 0 -> word + " " + other;
            case 1 -> word + " or " + other;
            case 2 -> word + " -" + other;
            case 3 -> "\"" + word + " " + other + "\"";
            default -> random.nextBoolean() ? word.toLowerCase() : word;
        };
    }

    /** Every row of an unpaged (per_page=1000) list, checked to be visible and counted exactly. */
    private List<Long> listAll(long seed, VisibilityWorld world, Person person, Map<String, String> params) {
        Map<String, String> query = new LinkedHashMap<>(params);
        query.put("per_page", "1000");
        ApiResponse response = api.get("/api/v2/collections", person.token(), query);
        String what = String.format("seed %d: GET %s as user %d", seed, query, person.id());
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
        List<Long> ids = response.json().get("data").values().stream()
                .map(item -> item.get("id").asLong())
                .toList();
        assertThat(ids)
                .as(what + ": only visible collections")
                .allSatisfy(id -> assertThat(world.byId(id).visibleTo(person.id()))
                        .as("collection %d is visible", id)
                        .isTrue());
        assertThat(response.json().at("/meta/total").asLong())
                .as(what + ": meta.total")
                .isEqualTo(ids.size());
        return ids;
    }

    private void rankedResultsRefuseCursorPaging(long seed, Person caller, RandomCollectionQuery query) {
        Map<String, String> params = new LinkedHashMap<>(query.params);
        params.put("cursor", "");
        ApiResponse response = api.get("/api/v2/collections", caller.token(), params);
        assertThat(response.status())
                .as("seed %d: GET %s: %s", seed, params, response.body())
                .isEqualTo(400);
        assertThat(response.json().at("/errors/cursor").isArray())
                .as("seed %d: %s", seed, response.body())
                .isTrue();
    }
}
