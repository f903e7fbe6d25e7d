package com.assetcollections.collections;

import static com.assetcollections.collections.VisibilityWorld.pick;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.collections.VisibilityWorld.Coll;
import com.assetcollections.collections.VisibilityWorld.Person;
import com.assetcollections.query.TextFolding;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.CursorWalk;
import com.assetcollections.support.OffsetPage;
import com.assetcollections.support.PropertySeeds;
import com.assetcollections.support.SeededProperty;
import com.assetcollections.web.JsonValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Generated worlds of users, public and private collections, shares and memberships, written
 * through the API, and random requests against them: no response ever shows or counts a
 * collection its caller may not see, and totals and pages are exactly what the model in Java
 * says — also right after each of a random sequence of writes, allowed or refused by the sharing
 * rules. Replay a failing seed with {@code -Dproperty.seed=<seed>}.
 */
abstract class VisibilityPropertyContract extends ApiTestBase {

    /** Writes in each run of the write-sequence property. */
    static final int WRITES = 20;

    /**
     * Ten worlds per property: written through the API, a world costs about as much as all the
     * reads made against it, so each world is read more (40 random pages, 6 cursor walks) rather
     * than more worlds built.
     */
    static LongStream seeds() {
        return PropertySeeds.seeds(0x5EED_1000L, 10);
    }

    /** Fewer seeds: each makes {@value #WRITES} writes and reads about a thousand times. */
    static LongStream writeSeeds() {
        return PropertySeeds.seeds(0x5EED_2000L, 3);
    }

    @SeededProperty
    void listsShowAndCountExactlyTheVisibleMatchingCollections(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(seed, random);
        for (Person person : world.people) {
            List<Long> ids = listAll(seed, world, person, Map.of());
            assertThat(ids)
                    .as("seed %d: unfiltered list of user %d", seed, person.id())
                    .containsExactlyElementsOf(
                            world.visibleTo(person.id()).stream().map(Coll::id).toList());
        }
        randomPages(seed, random, world, searchHits(seed, random, world), 40);
    }

    private void randomPages(
            long seed, Random random, VisibilityWorld world, Map<String, Set<Long>> searchHits, int count) {
        for (int i = 0; i < count; i++) {
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

    @SeededProperty
    void totalsAndListsFollowChangesToSharesAndVisibility(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(seed, random);
        Map<String, String> firstRow = Map.of("per_page", "1", "sort", "-updated_at");
        String text = VisibilityWorld.searchText(random);
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

    /**
     * Random writes by random users, each sent through the API and applied to the model: after
     * every one, each user's totals (remembered per data version, so a write that failed to move
     * it would show a stale one), with tombstones too, and their read of the collection written
     * are exact; every few writes, whole lists, searches, random pages and a cursor walk too.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("writeSeeds")
    void listsTotalsAndItemsStayExactThroughRandomWritesAllowedOrRefused(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(seed, random);
        String word = pick(random, VisibilityWorld.WORDS);
        List<Coll> deleted = new ArrayList<>();
        for (int i = 1; i <= WRITES; i++) {
            RandomCollectionWrite write = RandomCollectionWrite.generate(random, world);
            String when = String.format("seed %d, write %d: %s", seed, i, write);
            world = write.apply(api, when, world);
            long written = write.target().id();
            if (world.collections.stream().noneMatch(c -> c.id() == written)) {
                deleted.add(write.target());
            }
            searchFindsANewName(seed, when, write.target(), world);
            for (Person person : world.people) {
                assertTotals(seed, when, world, person, word);
                assertTotalWithDeleted(seed, when, world, deleted, person);
                assertAssetsTotal(when, world, person, write.target().id());
                readWritten(when, world, person, write.target(), random);
            }
            if (i % 5 == 0) {
                for (Person person : world.people) {
                    assertThat(listAll(seed, world, person, Map.of()))
                            .as("%s: list of user %d", when, person.id())
                            .containsExactlyElementsOf(world.visibleTo(person.id()).stream()
                                    .map(Coll::id)
                                    .toList());
                }
                Map<String, Set<Long>> searchHits = searchHits(seed, random, world);
                randomPages(seed, random, world, searchHits, 3);
                Person caller = pick(random, world.people);
                RandomCollectionQuery query = RandomCollectionQuery.generate(random, world, caller.id(), Map.of());
                walkForwardAndBack(seed, world, caller, query, 1 + random.nextInt(6));
            }
        }
    }

    /** After a rename, a search for a word of the new name finds the collection (the search index followed). */
    private void searchFindsANewName(long seed, String when, Coll before, VisibilityWorld world) {
        Coll after = world.collections.stream()
                .filter(c -> c.id() == before.id())
                .findFirst()
                .orElse(null);
        if (after == null || after.name().equals(before.name())) {
            return;
        }
        List<String> words = Arrays.stream(after.name().split(" "))
                .filter(w -> w.matches("[A-Za-z]+"))
                .toList();
        if (words.isEmpty()) {
            return;
        }
        Person owner = world.person(after.ownerId());
        assertThat(listAll(seed, world, owner, Map.of("search", words.get(0))))
                .as("%s: search `%s` as the owner finds the renamed collection", when, words.get(0))
                .contains(after.id());
    }

    /**
     * Totals that writes move: of everything, of what is shared with the user (at the `edit` level
     * too), of private ones, by a name filter and by the number of assets. One row per page, so
     * that each total is counted (and remembered), not read off a short page.
     */
    private void assertTotals(long seed, String when, VisibilityWorld world, Person person, String word) {
        long id = person.id();
        String folded = TextFolding.fold(word);
        Map<Map<String, String>, Predicate<Coll>> totals = new LinkedHashMap<>();
        totals.put(Map.of(), c -> true);
        totals.put(Map.of("filter[shared_with_me]", "1"), c -> c.sharedWith().contains(id));
        totals.put(
                Map.of("filter[share_level]", "edit"),
                c -> "edit".equals(c.shares().get(id)));
        totals.put(Map.of("filter[collection_type][eq]", "private"), c -> !c.isPublic());
        totals.put(Map.of("filter[name]", word), c -> TextFolding.fold(c.name()).contains(folded));
        totals.put(Map.of("filter[assets_count][gte]", "2"), c -> c.assetIds().size() >= 2);
        totals.forEach((filter, matches) -> {
            Map<String, String> params = new LinkedHashMap<>(filter);
            params.put("per_page", "1");
            long expected = world.visibleTo(id).stream().filter(matches).count();
            assertTotal(seed, when, person, params, expected);
        });
    }

    /**
     * With {@code filter[with_deleted]=1}, also the tombstones of the deleted collections the user
     * could see when they were deleted (as owner, reader of a public one, or by a share).
     */
    private void assertTotalWithDeleted(
            long seed, String when, VisibilityWorld world, List<Coll> deleted, Person person) {
        long tombstones = deleted.stream().filter(c -> c.visibleTo(person.id())).count();
        assertTotal(
                seed,
                when,
                person,
                Map.of("filter[with_deleted]", "1", "per_page", "1"),
                world.visibleTo(person.id()).size() + tombstones);
    }

    /**
     * The assets of the written collection as the user counts them with {@code filter[collection]}:
     * all of them when they may see it, none when not or when it was deleted (asset totals are
     * remembered per their own data version, which memberships, shares and types move).
     */
    private void assertAssetsTotal(String when, VisibilityWorld world, Person person, long collectionId) {
        long expected = world.collections.stream()
                .filter(c -> c.id() == collectionId && c.visibleTo(person.id()))
                .mapToLong(c -> c.assetIds().size())
                .sum();
        Map<String, String> params = Map.of("filter[collection]", Long.toString(collectionId), "per_page", "1");
        ApiResponse response = api.get("/api/v2/assets", person.token(), params);
        assertThat(response.status())
                .as("%s: %s: %s", when, params, response.body())
                .isEqualTo(200);
        assertThat(response.json().at("/meta/total").asLong())
                .as("%s: assets total of %s for user %d", when, params, person.id())
                .isEqualTo(expected);
    }

    /** The written collection as the user reads it: as the model says, or 404 like a missing one. */
    private void readWritten(String when, VisibilityWorld world, Person person, Coll written, Random random) {
        if (world.collections.stream().anyMatch(c -> c.id() == written.id())) {
            readOne(when, world, person, world.byId(written.id()), Long.toString(written.id()), random);
            return;
        }
        ApiResponse gone = api.get("/api/v2/collections/" + written.id(), person.token());
        assertThat(gone.status())
                .as("%s: deleted, as user %d reads it", when, person.id())
                .isEqualTo(404);
        assertThat(gone.json().get("message").asString())
                .as(when)
                .isEqualTo("collection `" + written.id() + "` not found");
    }

    @SeededProperty
    void cursorWalksVisitExactlyTheVisibleMatchingCollectionsBothWays(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(seed, random);
        Map<String, Set<Long>> searchHits = searchHits(seed, random, world);
        for (int i = 0; i < 6; i++) {
            Person caller = pick(random, world.people);
            RandomCollectionQuery query = RandomCollectionQuery.generate(random, world, caller.id(), searchHits);
            if (query.ranked()) {
                rankedResultsRefuseCursorPaging(seed, caller, query);
                continue;
            }
            walkForwardAndBack(seed, world, caller, query, 1 + random.nextInt(6));
        }
    }

    @SeededProperty
    void singleReadsOfInvisibleCollectionsAnswerLikeMissingOnes(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(seed, random);
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

    /** Users, collections, shares and memberships written through the API (assets still with fixtures). */
    private VisibilityWorld world(long seed, Random random) {
        return VisibilityWorld.generate(random, new ApiWorldWriter(api, fixtures, "seed " + seed), false);
    }

    private void readOne(long seed, VisibilityWorld world, Person caller, Coll collection, String key, Random random) {
        readOne("seed " + seed, world, caller, collection, key, random);
    }

    private void readOne(
            String context, VisibilityWorld world, Person caller, Coll collection, String key, Random random) {
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
                "%s: GET collection %s as user %d (%s)",
                context, key, caller.id(), collection.visibleTo(caller.id()) ? "visible" : "invisible");
        if (collection.visibleTo(caller.id())) {
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
            JsonNode item = response.json().get("data");
            assertThat(item.get("id").asLong()).as(what).isEqualTo(collection.id());
            assertThat(item.get("uuid").asString())
                    .as(what)
                    .isEqualTo(collection.uuid().toString());
            assertThat(Arrays.asList(
                            item.get("name").asString(),
                            ApiWorldWriter.text(item.get("description")),
                            item.get("collection_type").asString(),
                            item.get("owner_id").asLong(),
                            item.get("created_at").asString(),
                            item.get("updated_at").asString()))
                    .as(what + ": name, description, type, owner, created_at, updated_at")
                    .isEqualTo(Arrays.asList(
                            collection.name(),
                            collection.description(),
                            collection.type(),
                            collection.ownerId(),
                            JsonValues.datetime(collection.createdAt()),
                            JsonValues.datetime(collection.updatedAt())));
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
        query.randomPaging(random, expected.size());
        String what = String.format("seed %d: as user %d", seed, caller.id());
        List<JsonNode> items = new OffsetPage(api, what, "/api/v2/collections", caller.token(), query.params)
                .check(expected.stream().map(Coll::id).toList(), query.ranked());
        assertThat(items.stream().map(item -> item.get("id").asLong()))
                .as(what + ": only visible collections")
                .allSatisfy(id -> assertThat(world.byId(id).visibleTo(caller.id()))
                        .as("collection %d is visible", id)
                        .isTrue());
        boolean include = query.params.containsKey("include");
        for (JsonNode item : items) {
            Coll collection = world.byId(item.get("id").asLong());
            if (query.fields() != null) {
                List<String> keys = new ArrayList<>(query.fields());
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
        return searchHits(seed, world, List.of(VisibilityWorld.searchText(random), VisibilityWorld.searchText(random)));
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

    /** A cursor walk of the caller's list through every page and back, checking every page shows only visible collections. */
    private void walkForwardAndBack(
            long seed, VisibilityWorld world, Person caller, RandomCollectionQuery query, int perPage) {
        String what = String.format("seed %d: as user %d", seed, caller.id());
        new CursorWalk(api, what, "/api/v2/collections", caller.token(), query.params, perPage)
                .walkForwardAndBack(
                        query.expected(world).stream().map(Coll::id).toList(),
                        (at, ids) -> assertThat(ids)
                                .as(at + ": only visible collections")
                                .allSatisfy(id -> assertThat(world.byId(id).visibleTo(caller.id()))
                                        .as("collection %d is visible", id)
                                        .isTrue()));
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
