package com.assetcollections.collections;

import com.assetcollections.collections.WriteMixWorld.Person;
import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * One user of a write mix: a bounded run of random writes through the API, each answer recorded
 * with the statuses a correct server may give it. Success, and only the refusals a concurrent
 * write by someone else can cause: an asset deleted meanwhile (422 on adding it, 404 on moving
 * it), and, on someone else's collection, access lost meanwhile (404 unshared or deleted, 403
 * share lowered to `view`) or, with If-Match, a change meanwhile (412). The user's own
 * collections, assets and shares change only through this user, one request at a time.
 */
final class WriteMixUser implements Callable<List<WriteMixUser.Outcome>> {

    /** One answer: which request, what came back, and what a correct server may answer. */
    record Outcome(String kind, String request, int status, String body, Set<Integer> allowed) {

        boolean serverError() {
            return status >= 500;
        }

        boolean allowedStatus() {
            return allowed.contains(status);
        }

        @Override
        public String toString() {
            return request + " -> " + status + " (allowed " + allowed + ") " + body;
        }
    }

    private static final String COLLECTIONS = "/api/v2/collections/";
    private final WriteMixWorld world;
    private final Person me;
    private final ApiClient api;
    private final Random random;
    private final int operations;
    private final long deadlineNanos;
    private final List<Outcome> outcomes = new ArrayList<>();

    WriteMixUser(WriteMixWorld world, Person me, ApiClient api, long seed, int operations, long deadlineNanos) {
        this.world = world;
        this.me = me;
        this.api = api;
        this.random = new Random(seed);
        this.operations = operations;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public List<Outcome> call() {
        for (int i = 0; i < operations && System.nanoTime() < deadlineNanos; i++) {
            int roll = random.nextInt(100);
            if (roll < 20) {
                addAssets();
            } else if (roll < 26) {
                replaceAssets();
            } else if (roll < 38) {
                moveAsset();
            } else if (roll < 46) {
                removeAsset();
            } else if (roll < 54) {
                rename();
            } else if (roll < 59) {
                createCollection();
            } else if (roll < 63) {
                deleteCollection();
            } else if (roll < 69) {
                createAsset();
            } else if (roll < 74) {
                deleteAsset();
            } else if (roll < 82) {
                share();
            } else if (roll < 87) {
                unshare();
            } else if (roll < 92) {
                changeShareLevel();
            } else {
                send("list", Set.of(200), "GET", "/api/v2/collections?per_page=10", null);
            }
        }
        return outcomes;
    }

    private void addAssets() {
        Long collection = pick(world.editableBy(me.id()));
        if (collection == null) {
            createCollection();
            return;
        }
        String body = "{\"asset_ids\": " + ids(world.someAssets(random, 1 + random.nextInt(3)))
                + (random.nextBoolean() ? ", \"position\": " + (1 + random.nextInt(6)) : "") + "}";
        send("add", onCollection(collection, 200, 422), "POST", COLLECTIONS + collection + "/assets", body);
    }

    private void replaceAssets() {
        Long collection = pick(world.editableBy(me.id()));
        if (collection == null) {
            createCollection();
            return;
        }
        String body = "{\"asset_ids\": " + ids(world.someAssets(random, random.nextInt(6))) + "}";
        send("replace", onCollection(collection, 200, 422), "PUT", COLLECTIONS + collection + "/assets", body);
    }

    private void moveAsset() {
        Long collection = pick(world.editableBy(me.id()));
        List<Long> held = collection == null ? List.of() : heldBy(collection);
        if (held.isEmpty()) {
            return;
        }
        String path = COLLECTIONS + collection + "/assets/" + held.get(random.nextInt(held.size()));
        String body = "{\"position\": " + (1 + random.nextInt(held.size() + 1)) + "}";
        // 404 on one's own too: the asset was deleted or taken out since it was listed
        send("move", onCollection(collection, 200, 404), "PATCH", path, body);
    }

    private void removeAsset() {
        Long collection = pick(world.editableBy(me.id()));
        if (collection == null) {
            return;
        }
        List<Long> held = heldBy(collection);
        // mostly an asset it holds; sometimes one it does not (removing that is a no-op, 204)
        Long asset = pick(held.isEmpty() || random.nextInt(4) == 0 ? world.someAssets(random, 1) : held);
        if (asset != null) {
            send(
                    "remove",
                    onCollection(collection, 204),
                    "DELETE",
                    COLLECTIONS + collection + "/assets/" + asset,
                    null);
        }
    }

    /** A new name, half the time under If-Match; an owner sometimes also flips the type. */
    private void rename() {
        Long collection = pick(world.editableBy(me.id()));
        if (collection == null) {
            return;
        }
        String type = random.nextBoolean() ? "public" : "private";
        String body = "{\"name\": \"Renamed " + random.nextInt(1000) + "\""
                + (mine(collection) && random.nextInt(4) == 0 ? ", \"collection_type\": \"" + type + "\"" : "")
                + "}";
        String path = COLLECTIONS + collection;
        if (random.nextBoolean()) {
            send("rename", onCollection(collection, 200), "PATCH", path, body);
            return;
        }
        ApiResponse read = send("read", onCollection(collection, 200), "GET", path, null);
        if (read.status() == 200) {
            send(
                    "rename if-match",
                    onCollection(collection, 200, 412),
                    "PATCH",
                    path,
                    body,
                    "If-Match",
                    read.header("ETag"));
        }
    }

    private void createCollection() {
        String type = random.nextInt(4) == 0 ? "public" : "private";
        String body = "{\"name\": \"New " + random.nextInt(1000) + "\", \"collection_type\": \"" + type + "\"}";
        ApiResponse created = send("create collection", Set.of(201), "POST", "/api/v2/collections", body);
        if (created.status() == 201) {
            world.addCollection(created.json().get("data").get("id").asLong(), me.id());
        }
    }

    /** Deletes one of the user's collections, keeping at least one; it leaves the world before the request. */
    private void deleteCollection() {
        List<Long> mine = world.collectionsOf(me.id());
        if (mine.size() > 1) {
            long collection = mine.get(random.nextInt(mine.size()));
            world.removeCollection(collection);
            send("delete collection", Set.of(204), "DELETE", COLLECTIONS + collection, null);
        }
    }

    private void createAsset() {
        String body = "{\"name\": \"Made " + random.nextInt(1000) + "\", \"asset_type\": \"image\","
                + " \"mime_type\": \"image/png\", \"url\": \"https://cdn.example.com/" + random.nextInt(1000000)
                + ".png\"}";
        ApiResponse created = send("create asset", Set.of(201), "POST", "/api/v2/assets", body);
        if (created.status() == 201) {
            world.assets.put(created.json().get("data").get("id").asLong(), me.id());
        }
    }

    /** Deletes one of the user's assets, keeping at least two; it leaves the world before the request. */
    private void deleteAsset() {
        List<Long> mine = world.assetsOf(me.id());
        if (mine.size() > 2) {
            long asset = mine.get(random.nextInt(mine.size()));
            world.assets.remove(asset);
            send("delete asset", Set.of(204), "DELETE", "/api/v2/assets/" + asset, null);
        }
    }

    private void share() {
        Long collection = pick(world.collectionsOf(me.id()));
        if (collection == null) {
            return;
        }
        Person with = world.someoneBut(random, me.id());
        String level = random.nextInt(10) < 7 ? "edit" : "view";
        String body = "{\"user_id\": " + with.id() + ", \"level\": \"" + level + "\"}";
        ApiResponse shared = send("share", Set.of(200, 201), "POST", COLLECTIONS + collection + "/shares", body);
        if (shared.status() == 200 || shared.status() == 201) {
            world.share(collection, with.id(), level);
        }
    }

    private void unshare() {
        Long collection = pick(world.collectionsOf(me.id()));
        Long with = collection == null ? null : pick(world.sharedWith(collection));
        if (with == null) {
            return;
        }
        ApiResponse answer = send("unshare", Set.of(204), "DELETE", COLLECTIONS + collection + "/shares/" + with, null);
        if (answer.status() == 204) {
            world.unshare(collection, with);
        }
    }

    private void changeShareLevel() {
        Long collection = pick(world.collectionsOf(me.id()));
        Long with = collection == null ? null : pick(world.sharedWith(collection));
        if (with == null) {
            share();
            return;
        }
        String level = "edit".equals(world.sharesOf(collection).get(with)) ? "view" : "edit";
        String body = "{\"level\": \"" + level + "\"}";
        ApiResponse answer =
                send("share level", Set.of(200), "PATCH", COLLECTIONS + collection + "/shares/" + with, body);
        if (answer.status() == 200) {
            world.share(collection, with, level);
        }
    }

    /** The assets the collection holds now (none when the user cannot see it any more). */
    private List<Long> heldBy(long collection) {
        String path = COLLECTIONS + collection + "/assets?per_page=100";
        ApiResponse answer = send("read members", onCollection(collection, 200), "GET", path, null);
        List<Long> held = new ArrayList<>();
        if (answer.status() == 200) {
            answer.json().get("data").forEach(asset -> held.add(asset.get("id").asLong()));
        }
        return held;
    }

    /** The statuses a request on the collection may answer: those given, and for a non-owner also 403 and 404. */
    private Set<Integer> onCollection(long collection, Integer... statuses) {
        Set<Integer> allowed = new TreeSet<>(Arrays.asList(statuses));
        if (!mine(collection)) {
            allowed.addAll(List.of(403, 404));
        }
        return allowed;
    }

    private boolean mine(long collection) {
        Long owner = world.collections.get(collection);
        return owner != null && owner == me.id();
    }

    /** Sends the request (a null body for GET and DELETE) and records its answer. */
    private ApiResponse send(
            String kind, Set<Integer> allowed, String method, String path, String body, String... headers) {
        ApiResponse answer = method.equals("GET")
                ? api.getWith(path, me.token(), headers)
                : api.write(method, path, me.token(), body, headers);
        String request = "user " + me.id() + ": " + method + " " + path + (body == null ? "" : " " + body);
        outcomes.add(new Outcome(kind, request, answer.status(), answer.body(), new TreeSet<>(allowed)));
        return answer;
    }

    private Long pick(List<Long> from) {
        return from.isEmpty() ? null : from.get(random.nextInt(from.size()));
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
}
