package com.assetcollections.collections;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Writes racing each other end in a state some order of them would give: nothing lost, nothing doubled. */
abstract class ConcurrentWritesContract extends CollectionWriting {

    <T> List<T> race(int n, java.util.function.IntFunction<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            IntStream.range(0, n).forEach(i -> calls.add(() -> request.apply(i)));
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(calls)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrentAddsToOneCollectionKeepEveryAssetOnceInGapFreePositions() throws Exception {
        long collection = createdId(create(aliceToken, "{\"name\": \"Busy\"}"));
        List<Long> assets = IntStream.range(0, 16)
                .mapToObj(i -> fixtures.asset(alice, "Asset " + i, "image"))
                .toList();

        List<ApiResponse> responses = race(
                8,
                i -> api.post(
                        PATH + "/" + collection + "/assets",
                        aliceToken,
                        "{\"asset_ids\": [" + assets.get(2 * i) + ", " + assets.get(2 * i + 1)
                                + "], \"position\": 1}"));

        assertThat(responses)
                .allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        assertThat(ids(api.get(PATH + "/" + collection + "/assets?per_page=100", aliceToken)))
                .containsExactlyInAnyOrderElementsOf(assets);
        assertThat(db.select(CollectionTable.MEMBER_POSITION)
                        .from(CollectionTable.MEMBERS)
                        .where(CollectionTable.MEMBER_COLLECTION_ID.eq(collection))
                        .orderBy(CollectionTable.MEMBER_POSITION)
                        .fetch(CollectionTable.MEMBER_POSITION))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 16).boxed().toList());
        assertThat(item(aliceToken, collection)
                        .json()
                        .get("data")
                        .get("assets_count")
                        .asInt())
                .isEqualTo(16);
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyCreateOneCollection() throws Exception {
        List<ApiResponse> responses =
                race(6, i -> create(aliceToken, "{\"name\": \"Exactly once\"}", "Idempotency-Key", "race-1"));

        assertThat(responses)
                .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 409));
        assertThat(responses.stream()
                        .filter(r -> r.status() == 201)
                        .map(r -> r.json().get("data").get("id").asLong())
                        .distinct())
                .hasSize(1);
        assertThat(ids(list(aliceToken))).hasSize(1);
    }

    @Test
    void concurrentIfMatchWritesLetExactlyOneWin() throws Exception {
        long collection = createdId(create(aliceToken, "{\"name\": \"Contested\"}"));
        String etag = item(aliceToken, collection).header("ETag");

        List<ApiResponse> responses = race(
                6,
                i -> api.patch(
                        PATH + "/" + collection, aliceToken, "{\"name\": \"Winner " + i + "\"}", "If-Match", etag));

        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() == 412)).hasSize(5);
    }

    /**
     * PostgreSQL picks deadlock victims here (the triggers of both writes update the same
     * collection and data-version rows in different orders); the server runs a victim's
     * transaction again (web/DeadlockRetry), and only if three attempts lose is the answer 503
     * with Retry-After, having changed nothing. What must hold: no 500, a consistent end state.
     */
    @Test
    void assetDeletesRacingMembershipWritesLeaveAConsistentStateAndNo500() throws Exception {
        long collection = createdId(create(aliceToken, "{\"name\": \"Contested members\"}"));
        List<Long> assets = IntStream.range(0, 8)
                .mapToObj(i -> fixtures.asset(alice, "Asset " + i, "image"))
                .toList();
        String all = assets.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        api.put(PATH + "/" + collection + "/assets", aliceToken, "{\"asset_ids\": [" + all + "]}");

        List<ApiResponse> responses = race(
                8,
                i -> i % 2 == 0
                        ? api.delete("/api/v2/assets/" + assets.get(i), aliceToken)
                        : api.put(
                                PATH + "/" + collection + "/assets",
                                aliceToken,
                                "{\"asset_ids\": [" + assets.get(i) + ", " + assets.get(i - 1) + "]}"));

        assertThat(responses)
                .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 204, 422, 503));
        assertThat(responses.stream().filter(r -> r.status() == 503))
                .allSatisfy(r -> assertThat(r.header("Retry-After")).isEqualTo("1"));
        List<Long> held = ids(api.get(PATH + "/" + collection + "/assets?per_page=100", aliceToken));
        assertThat(db.select(CollectionTable.MEMBER_POSITION)
                        .from(CollectionTable.MEMBERS)
                        .where(CollectionTable.MEMBER_COLLECTION_ID.eq(collection))
                        .orderBy(CollectionTable.MEMBER_POSITION)
                        .fetch(CollectionTable.MEMBER_POSITION))
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, held.size()).boxed().toList());
        assertThat(item(aliceToken, collection)
                        .json()
                        .get("data")
                        .get("assets_count")
                        .asInt())
                .isEqualTo(held.size());
    }
}
