package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One user of {@link WebhookConcurrentWritesContract}: renames collections it may edit, creates,
 * renames and deletes its own assets and moves them in and out of those collections, one write
 * after the other, every one of them allowed and changing something; remembers the event each
 * should cause.
 */
final class ConcurrentWriter {

    /** The most writes one user makes, so that the deliveries to wait for stay bounded. */
    static final int MAX_WRITES = 40;

    /** The fewest, so that a slow machine still races enough writes against each other. */
    static final int MIN_WRITES = 8;

    /**
     * An event a committed write should cause: its name, the resource's id, and its data as the
     * write's answer showed it, or null when the answer had none (a 204; a collection that lost an
     * asset by its deletion).
     */
    record Written(String event, long id, JsonNode data) {
        boolean asset() {
            return event.startsWith("asset.");
        }
    }

    private final ApiClient api;
    private final String token;
    private final int index;
    /** Its own private one, the two shared with it, its own public one. */
    private final List<Long> collections;

    private final Random random;
    private final Map<Long, Set<Long>> holdersOfOwnAssets = new LinkedHashMap<>();
    private final List<Written> written = new ArrayList<>();
    private int names;

    ConcurrentWriter(ApiClient api, String token, int index, List<Long> collections) {
        this.api = api;
        this.token = token;
        this.index = index;
        this.collections = collections;
        this.random = new Random(0xC0FFEEL + index);
    }

    List<Written> run(Instant until) {
        while ((Instant.now().isBefore(until) || written.size() < MIN_WRITES) && written.size() < MAX_WRITES) {
            int roll = random.nextInt(100);
            if (roll < 20) {
                rename();
            } else if (roll < 32 || holdersOfOwnAssets.isEmpty()) {
                createAsset();
            } else if (roll < 45) {
                renameAsset();
            } else if (roll < 72) {
                add();
            } else if (roll < 88) {
                remove();
            } else {
                deleteAsset();
            }
        }
        return written;
    }

    private void rename() {
        int roll = random.nextInt(100);
        long collection = collections.get(roll < 35 ? 0 : roll < 60 ? 1 : roll < 85 ? 2 : 3);
        ApiResponse response =
                expect(api.patch("/api/v2/collections/" + collection, token, "{\"name\":\"" + name() + "\"}"), 200);
        written.add(
                new Written("collection.updated", collection, response.json().get("data")));
    }

    private void createAsset() {
        ApiResponse response = expect(
                api.post(
                        "/api/v2/assets",
                        token,
                        "{\"name\":\"" + name() + "\",\"asset_type\":\"image\",\"mime_type\":\"image/png\","
                                + "\"url\":\"https://cdn.example.com/w" + index + ".png\"}"),
                201);
        JsonNode data = response.json().get("data");
        holdersOfOwnAssets.put(data.get("id").asLong(), new LinkedHashSet<>());
        written.add(new Written("asset.created", data.get("id").asLong(), data));
    }

    private void renameAsset() {
        long asset = ownAsset();
        ApiResponse response =
                expect(api.patch("/api/v2/assets/" + asset, token, "{\"name\":\"" + name() + "\"}"), 200);
        written.add(new Written("asset.updated", asset, response.json().get("data")));
    }

    private void add() {
        long asset = ownAsset();
        List<Long> free = collections.stream()
                .filter(c -> !holdersOfOwnAssets.get(asset).contains(c))
                .toList();
        if (free.isEmpty()) {
            createAsset();
            return;
        }
        long collection = free.get(random.nextInt(free.size()));
        ApiResponse response = expect(
                api.post("/api/v2/collections/" + collection + "/assets", token, "{\"asset_ids\":[" + asset + "]}"),
                200);
        holdersOfOwnAssets.get(asset).add(collection);
        written.add(new Written(
                "collection.assets_changed", collection, response.json().get("data")));
    }

    private void remove() {
        long asset = ownAsset();
        Set<Long> holders = holdersOfOwnAssets.get(asset);
        if (holders.isEmpty()) {
            add();
            return;
        }
        long collection = new ArrayList<>(holders).get(random.nextInt(holders.size()));
        expect(api.delete("/api/v2/collections/" + collection + "/assets/" + asset, token), 204);
        holders.remove(collection);
        written.add(new Written("collection.assets_changed", collection, null));
    }

    private void deleteAsset() {
        long asset = ownAsset();
        expect(api.delete("/api/v2/assets/" + asset, token), 204);
        written.add(new Written("asset.deleted", asset, null));
        for (long collection : holdersOfOwnAssets.remove(asset)) {
            written.add(new Written("collection.assets_changed", collection, null));
        }
    }

    private long ownAsset() {
        List<Long> own = new ArrayList<>(holdersOfOwnAssets.keySet());
        return own.get(random.nextInt(own.size()));
    }

    private String name() {
        return "W" + index + "-" + ++names;
    }

    private static ApiResponse expect(ApiResponse response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response;
    }
}
