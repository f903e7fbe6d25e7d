package com.assetcollections.assets;

import static com.assetcollections.assets.AssetItems.assertAsset;
import static com.assetcollections.assets.AssetItems.assertEmbeddedAssets;
import static com.assetcollections.collections.VisibilityWorld.pick;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.collections.VisibilityWorld;
import com.assetcollections.collections.VisibilityWorld.Asset;
import com.assetcollections.collections.VisibilityWorld.Coll;
import com.assetcollections.collections.VisibilityWorld.Person;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.CursorWalk;
import com.assetcollections.support.OffsetPage;
import com.assetcollections.support.PropertySeeds;
import com.assetcollections.support.SeededProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import tools.jackson.databind.JsonNode;

/**
 * The assets endpoints over generated worlds of users, public and private collections, shares,
 * assets and memberships: no response ever shows or counts a collection its caller may not see
 * (through {@code include=collections}, {@code filter[collection]}, a collection's contents or
 * {@code include=assets}), and lists, totals, orders and includes are exactly what the model in
 * Java says. Replay a failing seed with {@code -Dproperty.seed=<seed>}.
 */
abstract class AssetVisibilityPropertyContract extends ApiTestBase {

    private static final String ASSETS = "/api/v2/assets";

    static LongStream seeds() {
        return PropertySeeds.seeds(0x5EED_A55EL, 10);
    }

    @SeededProperty
    void assetsIncludeOnlyTheCollectionsTheCallerMaySeeAndCountThem(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(random, false);
        for (Person person : world.people) {
            Map<String, String> params = Map.of("include", "collections", "per_page", "1000");
            List<Long> all = world.assets.stream().map(Asset::id).toList();
            offsetPage(seed, world, person, ASSETS, params, all, false);
        }
        Map<String, Set<Long>> searchHits = searchHits(seed, random, world);
        for (int i = 0; i < 12; i++) {
            Person caller = pick(random, world.people);
            RandomAssetQuery query = RandomAssetQuery.generate(random, world, caller.id(), searchHits);
            RandomAssetQuery.decorate(random, query.params);
            randomPage(seed, random, world, caller, ASSETS, query, query.expected());
        }
        for (int i = 0; i < 8; i++) {
            Person caller = pick(random, world.people);
            Asset asset = pick(random, world.assets);
            String key = random.nextBoolean() ? Long.toString(asset.id()) : uuidKey(random, asset.uuid());
            Map<String, String> params = new LinkedHashMap<>();
            RandomAssetQuery.decorate(random, params);
            if (random.nextInt(4) == 0) {
                params.put("page", "3");
                params.put("per_page", "7");
            }
            ApiResponse response = api.get(ASSETS + "/" + key, caller.token(), params);
            String what = String.format("seed %d: GET asset %s %s as user %d", seed, key, params, caller.id());
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
            assertAsset(what, world, caller.id(), response.json().get("data"), params, AssetItems.EMBEDDED);
        }
    }

    @SeededProperty
    void filteringByACollectionKeepsItsAssetsOnlyWhenTheCallerMaySeeIt(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(random, false);
        List<Long> keys =
                new ArrayList<>(world.collections.stream().map(Coll::id).toList());
        keys.add(world.unusedId());
        for (long id : keys) {
            Person caller = pick(random, world.people);
            Optional<Coll> collection =
                    world.collections.stream().filter(c -> c.id() == id).findFirst();
            List<Long> expected = collection
                    .filter(c -> c.visibleTo(caller.id()))
                    .map(c -> c.assetIds().stream().sorted().toList())
                    .orElse(List.of());
            Map<String, String> params = new LinkedHashMap<>();
            params.put("filter[collection]", Long.toString(id));
            // short pages make the server count the total instead of reading it off the page
            int perPage = pick(random, List.of(1, 2, 1000));
            params.put("per_page", Integer.toString(perPage));
            ApiResponse response = api.get(ASSETS, caller.token(), params);
            String what = String.format(
                    "seed %d: GET %s as user %d (%s)",
                    seed,
                    params,
                    caller.id(),
                    collection
                            .map(c -> c.visibleTo(caller.id()) ? "visible" : "invisible")
                            .orElse("missing"));
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
            assertThat(ids(response)).as(what).containsExactlyElementsOf(firstOf(expected, perPage));
            assertThat(response.json().at("/meta/total").asLong())
                    .as(what + ": meta.total")
                    .isEqualTo(expected.size());
        }
    }

    @SeededProperty
    void collectionContentsAnswerLikeMissingWhenInvisibleAndKeepTheCollectionsOrder(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(random, random.nextInt(3) == 0);
        for (Coll collection : world.collections) {
            readContents(seed, random, world, pick(random, world.people), collection);
        }
        Map<String, Set<Long>> searchHits = searchHits(seed, random, world);
        for (int i = 0; i < 10; i++) {
            Person caller = pick(random, world.people);
            List<Coll> visible = world.visibleTo(caller.id());
            if (visible.isEmpty()) {
                continue;
            }
            Coll collection = pick(random, visible);
            RandomAssetQuery query = RandomAssetQuery.generate(random, world, caller.id(), searchHits);
            RandomAssetQuery.decorate(random, query.params);
            String path = contentsPath(Long.toString(collection.id()));
            randomPage(seed, random, world, caller, path, query, query.expectedIn(collection));
        }
    }

    @SeededProperty
    void cursorWalksVisitExactlyTheExpectedAssetsBothWays(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(random, false);
        Map<String, Set<Long>> searchHits = searchHits(seed, random, world);
        for (int i = 0; i < 4; i++) {
            Person caller = pick(random, world.people);
            RandomAssetQuery query = RandomAssetQuery.generate(random, world, caller.id(), searchHits);
            List<Coll> visible = world.visibleTo(caller.id());
            boolean contents = i % 2 == 1 && !visible.isEmpty();
            Coll collection = contents ? pick(random, visible) : null;
            String path = contents ? contentsPath(Long.toString(collection.id())) : ASSETS;
            String what = String.format("seed %d: as user %d", seed, caller.id());
            if (query.ranked()) {
                rankedResultsRefuseCursorPaging(what, caller, path, query.params);
                continue;
            }
            List<Asset> expected = contents ? query.expectedIn(collection) : query.expected();
            new CursorWalk(api, what, path, caller.token(), query.params, 1 + random.nextInt(5))
                    .walkForwardAndBack(expected.stream().map(Asset::id).toList());
        }
    }

    @SeededProperty
    void collectionsEmbedTheirFirstHundredAssetsInCollectionOrder(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(random, random.nextBoolean());
        for (Person person : world.people) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("include", random.nextBoolean() ? "assets" : "owner,assets");
            params.put("per_page", "1000");
            if (random.nextBoolean()) {
                params.put("fields[assets]", RandomAssetQuery.randomFields(random, AssetItems.SLIM_ASSET, false));
            }
            if (random.nextBoolean()) {
                params.put("fields[collections]", pick(random, List.of("id", "id,assets_count", "name,id")));
            }
            List<Coll> visible = world.visibleTo(person.id());
            collectionsWithAssets(seed, world, person, params, visible);

            List<Coll> byCount = visible.stream()
                    .sorted(Comparator.comparing((Coll c) -> c.assetIds().size())
                            .reversed()
                            .thenComparingLong(Coll::id))
                    .toList();
            int perPage = 1 + random.nextInt(4);
            long page = 1 + random.nextInt(Math.max(1, (byCount.size() + perPage - 1) / perPage));
            Map<String, String> sorted = new LinkedHashMap<>();
            sorted.put("include", "assets");
            sorted.put("sort", "-assets_count");
            sorted.put("per_page", Integer.toString(perPage));
            sorted.put("page", Long.toString(page));
            int from = (int) Math.min(byCount.size(), (page - 1) * perPage);
            collectionsWithAssets(
                    seed, world, person, sorted, byCount.subList(from, Math.min(byCount.size(), from + perPage)));
        }
        for (Coll collection : world.collections) {
            Person caller = pick(random, world.people);
            Map<String, String> params = Map.of("include", "assets");
            ApiResponse response = api.get("/api/v2/collections/" + collection.id(), caller.token(), params);
            String what = String.format(
                    "seed %d: GET collection %d %s as user %d", seed, collection.id(), params, caller.id());
            if (collection.visibleTo(caller.id())) {
                assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
                assertEmbeddedAssets(what, world, collection, response.json().get("data"), null, AssetItems.EMBEDDED);
            } else {
                assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(404);
                assertThat(response.body()).as(what).doesNotContain("\"assets\"");
            }
        }
    }

    @SeededProperty
    void includesFiltersAndContentsFollowChangesToSharesVisibilityAndMemberships(long seed) {
        Random random = new Random(seed);
        VisibilityWorld world = world(random, false);
        List<Long> probes =
                new ArrayList<>(world.collections.stream().map(Coll::id).toList());
        Collections.shuffle(probes, random);
        probes = probes.subList(0, 3);
        // every request once before the changes, so that totals are counted and remembered
        checkCollectionLinks(seed, "before the changes", world, probes);
        VisibilityWorld before = world;
        world = db.transactionResult(
                configuration -> before.change(random, db, fixtures).changeMembers(random, db, fixtures));
        checkCollectionLinks(seed, "after the changes", world, probes);
    }

    private void checkCollectionLinks(long seed, String when, VisibilityWorld world, List<Long> probes) {
        for (Person person : world.people) {
            List<Long> all = world.assets.stream().map(Asset::id).toList();
            offsetPage(seed, world, person, ASSETS, Map.of("include", "collections", "per_page", "1000"), all, false);
            for (long id : probes) {
                Optional<Coll> visible = world.collections.stream()
                        .filter(c -> c.id() == id && c.visibleTo(person.id()))
                        .findFirst();
                String what = String.format("seed %d, %s: collection %d as user %d", seed, when, id, person.id());
                ApiResponse filtered = api.get(
                        ASSETS, person.token(), Map.of("filter[collection]", Long.toString(id), "per_page", "1"));
                assertThat(filtered.status()).as(what + ": " + filtered.body()).isEqualTo(200);
                assertThat(filtered.json().at("/meta/total").asLong())
                        .as(what + ": total of filter[collection]")
                        .isEqualTo(visible.map(c -> (long) c.assetIds().size()).orElse(0L));
                ApiResponse contents =
                        api.get(contentsPath(Long.toString(id)), person.token(), Map.of("per_page", "1"));
                if (visible.isEmpty()) {
                    assertThat(contents.status())
                            .as(what + ": " + contents.body())
                            .isEqualTo(404);
                    continue;
                }
                assertThat(contents.status()).as(what + ": " + contents.body()).isEqualTo(200);
                assertThat(contents.json().at("/meta/total").asLong())
                        .as(what + ": total of the contents")
                        .isEqualTo(visible.get().assetIds().size());
                assertThat(ids(contents))
                        .as(what + ": first of the contents")
                        .containsExactlyElementsOf(firstOf(visible.get().assetIds(), 1));
            }
        }
    }

    /** Written in one transaction: one commit instead of one per row. */
    private VisibilityWorld world(Random random, boolean withLargeCollection) {
        return db.transactionResult(configuration -> VisibilityWorld.generate(random, fixtures, withLargeCollection));
    }

    /** A collection's contents by id or uuid: 404 as for a missing key if invisible, else all of them in order. */
    private void readContents(long seed, Random random, VisibilityWorld world, Person caller, Coll collection) {
        String key = random.nextBoolean() ? Long.toString(collection.id()) : uuidKey(random, collection.uuid());
        int perPage = random.nextInt(3) == 0
                ? 1 + random.nextInt(collection.assetIds().size() + 1)
                : 1000;
        Map<String, String> params = Map.of("per_page", Integer.toString(perPage));
        ApiResponse response = api.get(contentsPath(key), caller.token(), params);
        String what = String.format(
                "seed %d: GET %s %s as user %d (%s)",
                seed,
                contentsPath(key),
                params,
                caller.id(),
                collection.visibleTo(caller.id()) ? "visible" : "invisible");
        if (collection.visibleTo(caller.id())) {
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
            assertThat(ids(response))
                    .as(what + ": in collection order")
                    .containsExactlyElementsOf(firstOf(collection.assetIds(), perPage));
            assertThat(response.json().at("/meta/total").asLong())
                    .as(what + ": meta.total")
                    .isEqualTo(collection.assetIds().size());
            return;
        }
        String missingKey = key.length() > 20 ? UUID.randomUUID().toString() : Long.toString(world.unusedId());
        ApiResponse missing = api.get(contentsPath(missingKey), caller.token(), params);
        assertThat(missing.status()).as(what + ": a missing key").isEqualTo(404);
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(404);
        assertThat(response.body()).as(what).isEqualTo(missing.body().replace(missingKey, key));
        assertThat(response.header("Content-Type")).as(what).isEqualTo(missing.header("Content-Type"));
    }

    /** The query with a random per_page and page (sometimes past the last), checked against the model. */
    private void randomPage(
            long seed,
            Random random,
            VisibilityWorld world,
            Person caller,
            String path,
            RandomAssetQuery query,
            List<Asset> expected) {
        query.randomPaging(random, expected.size());
        List<Long> ids = expected.stream().map(Asset::id).toList();
        offsetPage(seed, world, caller, path, query.params, ids, query.ranked());
    }

    /** One offset page of {@code expected} (all matching rows in order) as the params' page and per_page say. */
    private void offsetPage(
            long seed,
            VisibilityWorld world,
            Person caller,
            String path,
            Map<String, String> params,
            List<Long> expected,
            boolean ranked) {
        String what = String.format("seed %d: as user %d", seed, caller.id());
        for (JsonNode item : new OffsetPage(api, what, path, caller.token(), params).check(expected, ranked)) {
            assertAsset(what, world, caller.id(), item, params, AssetItems.embeddedPerItem(params));
        }
    }

    private void collectionsWithAssets(
            long seed, VisibilityWorld world, Person person, Map<String, String> params, List<Coll> expected) {
        ApiResponse response = api.get("/api/v2/collections", person.token(), params);
        String what = String.format("seed %d: GET collections %s as user %d", seed, params, person.id());
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>(response.json().get("data").values());
        assertThat(items.stream().map(item -> item.get("id").asLong()).toList())
                .as(what + ": exactly the visible collections")
                .containsExactlyElementsOf(expected.stream().map(Coll::id).toList());
        for (int i = 0; i < items.size(); i++) {
            assertEmbeddedAssets(
                    what,
                    world,
                    expected.get(i),
                    items.get(i),
                    params.get("fields[assets]"),
                    AssetItems.embeddedPerItem(params));
        }
    }

    /**
     * A few searches: matching does not depend on the caller (assets are a catalogue), so two
     * callers must find the same assets, and those are the hits the model uses.
     */
    private Map<String, Set<Long>> searchHits(long seed, Random random, VisibilityWorld world) {
        Map<String, Set<Long>> hits = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) {
            String text = VisibilityWorld.searchText(random);
            Map<String, String> params = Map.of("search", text, "per_page", "1000");
            Set<Long> found = null;
            for (Person person : List.of(pick(random, world.people), pick(random, world.people))) {
                ApiResponse response = api.get(ASSETS, person.token(), params);
                String what = String.format("seed %d: GET %s as user %d", seed, params, person.id());
                assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
                Set<Long> ids = new HashSet<>(ids(response));
                assertThat(response.json().at("/meta/total").asLong()).as(what).isEqualTo(ids.size());
                if (found != null) {
                    assertThat(ids)
                            .as(what + ": the same hits for every caller")
                            .isEqualTo(found);
                }
                found = ids;
            }
            hits.put(text, found);
        }
        return hits;
    }

    private void rankedResultsRefuseCursorPaging(String what, Person caller, String path, Map<String, String> query) {
        Map<String, String> params = new LinkedHashMap<>(query);
        params.put("cursor", "");
        ApiResponse response = api.get(path, caller.token(), params);
        assertThat(response.status())
                .as("%s: GET %s %s: %s", what, path, params, response.body())
                .isEqualTo(400);
        assertThat(response.json().at("/errors/cursor").isArray())
                .as("%s: %s", what, response.body())
                .isTrue();
    }

    private static String contentsPath(String key) {
        return "/api/v2/collections/" + key + "/assets";
    }

    private static String uuidKey(Random random, UUID uuid) {
        return random.nextInt(4) == 0 ? uuid.toString().toUpperCase() : uuid.toString();
    }

    private static List<Long> firstOf(List<Long> ids, int count) {
        return ids.subList(0, Math.min(count, ids.size()));
    }

    private static List<Long> ids(ApiResponse response) {
        return response.json().get("data").values().stream()
                .map(item -> item.get("id").asLong())
                .toList();
    }
}
