package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.caches.CacheLimit;
import com.assetcollections.query.CountCache;
import com.assetcollections.query.OrderedIds;
import com.assetcollections.query.ResourcePages;
import com.assetcollections.storage.DataVersions;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.Fixtures;
import com.assetcollections.support.PropertySeeds;
import com.assetcollections.support.SeededProperty;
import com.assetcollections.users.OwnerInclude;
import com.assetcollections.users.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Caches stay exact while several users write at once: writers of different users change their
 * own collections, shares, memberships and assets over the API, readers fill the caches over the
 * API, and checkers compare, inside one database snapshot, the answer the service's cached reader
 * gives with the answer of a reader that has no caches at all. Every cached total, ordered-id list
 * and embedded-assets list is kept under the version it was computed on, so in any snapshot the
 * two must be equal. After the writers stop, every answer over the API equals the uncached one.
 */
abstract class ConcurrentCachesPropertyContract extends ApiTestBase {

    private static final List<String> WORDS = List.of("red", "blue", "paintings", "photos", "archive", "brand");
    private static final List<Map<String, String>> QUERIES = List.of(
            Map.of(),
            Map.of("filter[mine]", "1"),
            Map.of("filter[shared_with_me]", "1"),
            Map.of("filter[public]", "1"),
            Map.of("filter[name]", "a", "per_page", "3"),
            Map.of("search", "paintings"),
            Map.of("search", "red", "per_page", "2", "page", "2"),
            Map.of("include", "assets", "per_page", "10"),
            Map.of("sort", "-updated_at", "per_page", "4", "page", "2"),
            Map.of("filter[share_level]", "edit"));
    private static final int USERS = 6;
    private static final int WRITERS = 4;
    private static final int WRITES_EACH = 40;

    @Autowired
    private CollectionReader cachedReader;

    @Autowired
    private DataVersions versions;

    @Autowired
    private OwnerInclude owners;

    @Autowired
    private CollectionSearch search;

    @Autowired
    private Tombstones tombstones;

    @Autowired
    private PlatformTransactionManager transactions;

    /** The isolation that gives one snapshot for a whole transaction on this database. */
    abstract int snapshotIsolation();

    /**
     * How many threads compare answers in snapshots. On SQLite a transaction holds the one write
     * lock while it reads, so one checker is enough to see many interleavings.
     */
    abstract int checkers();

    static LongStream seeds() {
        return PropertySeeds.seeds(8_001, 3);
    }

    @SeededProperty
    void cachedAnswersEqualUncachedOnesInTheSameSnapshotWhileOthersWrite(long seed) throws Exception {
        List<Writer> people = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            User user = fixtures.user("User " + i);
            people.add(new Writer(user, fixtures.token(user, Fixtures.READ_WRITE), new Random(seed + i)));
        }
        for (Writer person : people) {
            person.start(people);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                Writer writer = people.get(i);
                writers.add(threads.submit(() -> writer.write(people, WRITES_EACH, problems)));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Random random = new Random(seed * 31 + i);
                readers.add(threads.submit(() -> warm(people, random, writing)));
            }
            for (int i = 0; i < checkers(); i++) {
                Random random = new Random(seed * 37 + i);
                readers.add(threads.submit(() -> check(people, random, writing, problems)));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }
        assertThat(problems).as("seed " + seed).isEmpty();
        for (Writer person : people) {
            for (Map<String, String> query : QUERIES) {
                ApiResponse answer = api.get(PATH, person.token, query);
                assertThat(answer.status()).isEqualTo(200);
                Map<String, Object> fresh =
                        inOneSnapshot(() -> uncachedReader().list(person.caller(), params(query), links(query)));
                tools.jackson.databind.JsonNode expected = JSON.valueToTree(fresh);
                assertThat(answer.json().get("data"))
                        .as("seed %d, %s, %s after the writes", seed, person.user.name(), query)
                        .hasToString(expected.get("data").toString());
                assertThat(answer.json().at("/meta/total").asLong())
                        .isEqualTo(expected.at("/meta/total").asLong());
            }
        }
    }

    private static final String PATH = "/api/v2/collections";
    private static final tools.jackson.databind.json.JsonMapper JSON = new tools.jackson.databind.json.JsonMapper();

    /** Fills the service's caches the way clients do, while the writers write. */
    private void warm(List<Writer> people, Random random, AtomicBoolean writing) {
        while (writing.get()) {
            Writer person = people.get(random.nextInt(people.size()));
            api.get(PATH, person.token, QUERIES.get(random.nextInt(QUERIES.size())));
        }
    }

    /** Compares cached and uncached answers of one snapshot, while the writers write. */
    private void check(
            List<Writer> people, Random random, AtomicBoolean writing, ConcurrentLinkedQueue<String> problems) {
        while (writing.get()) {
            Writer person = people.get(random.nextInt(people.size()));
            Map<String, String> query = QUERIES.get(random.nextInt(QUERIES.size()));
            inOneSnapshot(() -> {
                Map<String, Object> cached = cachedReader.list(person.caller(), params(query), links(query));
                Map<String, Object> uncached = uncachedReader().list(person.caller(), params(query), links(query));
                if (!cached.equals(uncached)) {
                    problems.add(person.user.name() + " " + query + ": cached " + cached + " but in the same snapshot "
                            + uncached);
                }
                return null;
            });
        }
    }

    private <T> T inOneSnapshot(java.util.function.Supplier<T> work) {
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(snapshotIsolation());
        return snapshot.execute(status -> work.get());
    }

    /** A reader over the same database and code with no caches at all. */
    private CollectionReader uncachedReader() {
        ResourcePages pages = new ResourcePages(
                db,
                versions,
                new CountCache(new CacheLimit(DataSize.ofMegabytes(1), Duration.ofMinutes(1))),
                new OrderedIds(new CacheLimit(DataSize.ofMegabytes(8), Duration.ofMinutes(1)), 1 << 20),
                Long.MAX_VALUE);
        return new CollectionReader(
                db,
                pages,
                new CollectionIncludes(db, versions, DataSize.ofMegabytes(8), Duration.ofMinutes(1)),
                owners,
                search,
                tombstones);
    }

    private static Map<String, String[]> params(Map<String, String> query) {
        Map<String, String[]> parameters = new java.util.LinkedHashMap<>();
        query.forEach((name, value) -> parameters.put(name, new String[] {value}));
        return parameters;
    }

    private static com.assetcollections.web.PageLinks links(Map<String, String> query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", PATH);
        query.forEach(request::addParameter);
        return com.assetcollections.web.PageLinks.of("http://localhost", request);
    }

    /** One user: their token, and the ids of what they own (only they create or delete those). */
    private final class Writer {

        final User user;
        final String token;
        final Random random;
        final List<Long> collections = new ArrayList<>();
        final List<Long> assets = new ArrayList<>();

        Writer(User user, String token, Random random) {
            this.user = user;
            this.token = token;
            this.random = random;
        }

        Caller caller() {
            return new Caller(user.id(), 0, EnumSet.allOf(Scope.class));
        }

        void start(List<Writer> people) {
            for (int i = 0; i < 3; i++) {
                createAsset();
                createCollection();
            }
            share(people);
        }

        void write(List<Writer> people, int count, ConcurrentLinkedQueue<String> problems) {
            for (int i = 0; i < count; i++) {
                ApiResponse response = switch (random.nextInt(9)) {
                    case 0 -> createCollection();
                    case 1 -> collections.isEmpty() ? createCollection() : patch(collection(), "name", name());
                    case 2 ->
                        collections.isEmpty()
                                ? createCollection()
                                : patch(collection(), "collection_type", random.nextBoolean() ? "public" : "private");
                    case 3 -> collections.size() < 2 ? createCollection() : delete();
                    case 4 -> share(people);
                    case 5 -> collections.isEmpty() || assets.isEmpty() ? createAsset() : addMember();
                    case 6 -> collections.isEmpty() ? createAsset() : removeMember();
                    case 7 ->
                        assets.isEmpty()
                                ? createAsset()
                                : api.patch("/api/v2/assets/" + asset(), token, "{\"name\": \"" + name() + "\"}");
                    default -> createAsset();
                };
                if (response.status() >= 300) {
                    problems.add(user.name() + ": " + response.status() + " " + response.body());
                }
            }
        }

        private ApiResponse createCollection() {
            ApiResponse created = api.post(
                    PATH,
                    token,
                    "{\"name\": \"" + name() + "\", \"collection_type\": \""
                            + (random.nextBoolean() ? "public" : "private") + "\"}");
            collections.add(created.json().at("/data/id").asLong());
            return created;
        }

        private ApiResponse createAsset() {
            ApiResponse created = api.post(
                    "/api/v2/assets",
                    token,
                    "{\"name\": \"" + name() + "\", \"asset_type\": \"image\", \"mime_type\": \"image/png\","
                            + " \"url\": \"https://cdn.example.com/a.png\"}");
            assets.add(created.json().at("/data/id").asLong());
            return created;
        }

        private ApiResponse patch(long collection, String field, String value) {
            return api.patch(PATH + "/" + collection, token, "{\"" + field + "\": \"" + value + "\"}");
        }

        private ApiResponse delete() {
            long collection = collections.remove(random.nextInt(collections.size()));
            return api.delete(PATH + "/" + collection, token);
        }

        private ApiResponse share(List<Writer> people) {
            if (collections.isEmpty()) {
                return createCollection();
            }
            Writer other = people.get(random.nextInt(people.size()));
            if (other == this) {
                return api.delete(
                        PATH + "/" + collection() + "/shares/"
                                + people.get(0).user.id(),
                        token);
            }
            if (random.nextInt(3) == 0) {
                return api.delete(PATH + "/" + collection() + "/shares/" + other.user.id(), token);
            }
            return api.post(
                    PATH + "/" + collection() + "/shares",
                    token,
                    "{\"user_id\": " + other.user.id() + ", \"level\": \"" + (random.nextBoolean() ? "view" : "edit")
                            + "\"}");
        }

        private ApiResponse addMember() {
            return api.post(PATH + "/" + collection() + "/assets", token, "{\"asset_ids\": [" + asset() + "]}");
        }

        private ApiResponse removeMember() {
            return api.delete(
                    PATH + "/" + collection() + "/assets?asset_ids=" + (assets.isEmpty() ? 0 : asset()), token);
        }

        private long collection() {
            return collections.get(random.nextInt(collections.size()));
        }

        private long asset() {
            return assets.get(random.nextInt(assets.size()));
        }

        private String name() {
            return WORDS.get(random.nextInt(WORDS.size())) + " " + WORDS.get(random.nextInt(WORDS.size()));
        }
    }
}
