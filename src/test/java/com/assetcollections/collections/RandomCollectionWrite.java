package com.assetcollections.collections;

import static com.assetcollections.collections.ApiWorldWriter.instant;
import static com.assetcollections.collections.ApiWorldWriter.json;
import static com.assetcollections.collections.VisibilityWorld.phrase;
import static com.assetcollections.collections.VisibilityWorld.pick;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.collections.VisibilityWorld.Access;
import com.assetcollections.collections.VisibilityWorld.Asset;
import com.assetcollections.collections.VisibilityWorld.Coll;
import com.assetcollections.collections.VisibilityWorld.Person;
import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * A random write to a collection of a {@link VisibilityWorld} — rename, describe, make public or
 * private, share at a level, change a share's level, unshare, add, remove, move or reorder assets,
 * delete — by a random user,
 * with the answer the rules give it: the owner may do everything; a share at the `edit` level may
 * change the name, description and assets but not the type, the shares, nor delete (403); a
 * `view` share or a public collection allows no write at all (403); a collection the caller may
 * not see answers 404 exactly like a missing one. {@link #apply} sends it, checks the answer, and
 * returns the world after it: changed as the model says when allowed, unchanged when refused.
 */
final class RandomCollectionWrite {

    enum Kind {
        RENAME,
        DESCRIBE,
        CHANGE_TYPE,
        SHARE,
        CHANGE_LEVEL,
        UNSHARE,
        ADD_ASSETS,
        REMOVE_ASSET,
        MOVE_ASSET,
        REORDER_ASSETS,
        DELETE;

        boolean ownerOnly() {
            return this == CHANGE_TYPE || sharing() || this == DELETE;
        }

        boolean sharing() {
            return this == SHARE || this == CHANGE_LEVEL || this == UNSHARE;
        }

        /** Changes to the collection itself (a PATCH or its assets) first need the `edit` level, then perhaps the owner. */
        boolean editFirst() {
            return !sharing() && this != DELETE;
        }

        /** What only the owner may do, as the 403 says it. */
        String ownerDeed() {
            return switch (this) {
                case CHANGE_TYPE -> "change its type";
                case DELETE -> "delete it";
                default -> "share it";
            };
        }

        /** Writes that leave updated_at alone when they change nothing (a PATCH always moves it). */
        boolean quietWhenNoChange() {
            return sharing()
                    || this == ADD_ASSETS
                    || this == REMOVE_ASSET
                    || this == MOVE_ASSET
                    || this == REORDER_ASSETS;
        }
    }

    /** How often each kind is drawn, in the order of {@link Kind}. */
    private static final int[] WEIGHTS = {3, 2, 3, 4, 2, 3, 3, 2, 2, 2, 2};

    private final Kind kind;
    private final Coll target;
    private final Person caller;
    private final String method;
    private final String path;
    private final Map<String, Object> body;
    /** The collection after the write if it is allowed; null when it deletes it. */
    private final Coll after;
    /** The status when allowed. */
    private final int allowed;
    /** The error body when the rules allow the write but it cannot be done (e.g. sharing with the owner). */
    private final JsonNode problem;

    private RandomCollectionWrite(
            Kind kind,
            Coll target,
            Person caller,
            String method,
            String path,
            Map<String, Object> body,
            Coll after,
            int allowed) {
        this(kind, target, caller, method, path, body, after, allowed, null);
    }

    /** A write the rules allow that fails with {@code status} and {@code problem}, changing nothing. */
    private RandomCollectionWrite(
            Kind kind,
            Coll target,
            Person caller,
            String method,
            String path,
            Map<String, Object> body,
            int status,
            JsonNode problem) {
        this(kind, target, caller, method, path, body, target, status, problem);
    }

    private RandomCollectionWrite(
            Kind kind,
            Coll target,
            Person caller,
            String method,
            String path,
            Map<String, Object> body,
            Coll after,
            int allowed,
            JsonNode problem) {
        this.kind = kind;
        this.target = target;
        this.caller = caller;
        this.method = method;
        this.path = path;
        this.body = body;
        this.after = after;
        this.allowed = allowed;
        this.problem = problem;
    }

    static RandomCollectionWrite generate(Random random, VisibilityWorld world) {
        Kind kind = kind(random);
        if (kind == Kind.DELETE && world.collections.size() <= 3) {
            kind = Kind.RENAME;
        }
        Map.Entry<Coll, Person> drawn = targetAndCaller(random, world);
        Coll target = drawn.getKey();
        Person caller = drawn.getValue();
        String key = key(random, target);
        String at = "/api/v2/collections/" + key;
        Map<String, Object> body = new LinkedHashMap<>();
        return switch (kind) {
            case RENAME -> {
                String name = phrase(random, 1 + random.nextInt(3));
                body.put("name", name);
                yield new RandomCollectionWrite(kind, target, caller, "PATCH", at, body, target.withName(name), 200);
            }
            case DESCRIBE -> {
                String description = random.nextInt(100) < 30 ? null : phrase(random, 1 + random.nextInt(4));
                body.put("description", description);
                Coll after = target.withDescription(description);
                yield new RandomCollectionWrite(kind, target, caller, "PATCH", at, body, after, 200);
            }
            case CHANGE_TYPE -> {
                Coll after = target.withPublic(!target.isPublic());
                body.put("collection_type", after.type());
                if (random.nextInt(100) < 30) {
                    // an `edit` user may rename, but not when the same request changes the type
                    String name = phrase(random, 1 + random.nextInt(3));
                    body.put("name", name);
                    after = after.withName(name);
                }
                yield new RandomCollectionWrite(kind, target, caller, "PATCH", at, body, after, 200);
            }
            case SHARE -> share(random, world, target, caller, at, body);
            case UNSHARE -> {
                List<Long> shared = List.copyOf(target.sharedWith());
                long user = !shared.isEmpty() && random.nextInt(100) < 80
                        ? pick(random, shared)
                        : pick(random, world.people).id();
                Map<Long, String> shares = new LinkedHashMap<>(target.shares());
                shares.remove(user);
                String to = at + "/shares/" + user;
                yield new RandomCollectionWrite(
                        kind, target, caller, "DELETE", to, null, target.withShares(shares), 204);
            }
            case CHANGE_LEVEL -> changeLevel(random, world, target, caller, at, body);
            case ADD_ASSETS -> addAssets(random, world, target, caller, at, body);
            case MOVE_ASSET -> move(random, world, target, caller, at, body);
            case REMOVE_ASSET -> {
                long asset = !target.assetIds().isEmpty() && random.nextInt(100) < 80
                        ? pick(random, target.assetIds())
                        : pick(random, world.assets).id();
                List<Long> kept = new ArrayList<>(target.assetIds());
                kept.remove(asset);
                String to = at + "/assets/" + asset;
                yield new RandomCollectionWrite(
                        kind, target, caller, "DELETE", to, null, target.withAssetIds(kept), 204);
            }
            case REORDER_ASSETS -> reorder(random, world, target, caller, at, body);
            case DELETE -> new RandomCollectionWrite(kind, target, caller, "DELETE", at, null, null, 204);
        };
    }

    /** Writes name a collection by id or by uuid (in any letter case), as reads do. */
    private static String key(Random random, Coll target) {
        if (random.nextInt(4) != 0) {
            return Long.toString(target.id());
        }
        String uuid = target.uuid().toString();
        return random.nextBoolean() ? uuid : uuid.toUpperCase();
    }

    private static Kind kind(Random random) {
        int total = 0;
        for (int weight : WEIGHTS) {
            total += weight;
        }
        int drawn = random.nextInt(total);
        for (Kind kind : Kind.values()) {
            drawn -= WEIGHTS[kind.ordinal()];
            if (drawn < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("weights cover every draw");
    }

    /**
     * A collection and a caller who is its owner, has the `edit` level, may only read it or may
     * not even see it, so that each rule is tried on every kind of write; an owner when nobody
     * has the access drawn.
     */
    private static Map.Entry<Coll, Person> targetAndCaller(Random random, VisibilityWorld world) {
        Access access = pick(random, List.of(Access.OWNER, Access.OWNER, Access.EDIT, Access.VIEW, Access.NONE));
        List<Map.Entry<Coll, Person>> pairs = new ArrayList<>();
        for (Coll collection : world.collections) {
            for (Person person : world.people) {
                if (collection.access(person.id()) == access) {
                    pairs.add(Map.entry(collection, person));
                }
            }
        }
        if (pairs.isEmpty()) {
            Coll collection = pick(random, world.collections);
            return Map.entry(collection, world.person(collection.ownerId()));
        }
        return pick(random, pairs);
    }

    /** Mostly with someone else at a random level (new, or changing the level); now and then with the owner: 422. */
    private static RandomCollectionWrite share(
            Random random, VisibilityWorld world, Coll target, Person caller, String at, Map<String, Object> body) {
        List<Person> others =
                world.people.stream().filter(p -> p.id() != target.ownerId()).toList();
        long user = others.isEmpty() || random.nextInt(100) < 8
                ? target.ownerId()
                : pick(random, others).id();
        String level = random.nextBoolean() ? "view" : "edit";
        body.put("user_id", user);
        body.put("level", level);
        String to = at + "/shares";
        if (user == target.ownerId()) {
            String problem = "the owner already has every right to their collection";
            return new RandomCollectionWrite(
                    Kind.SHARE,
                    target,
                    caller,
                    "POST",
                    to,
                    body,
                    422,
                    error(problem, Map.of("user_id", List.of(problem))));
        }
        Map<Long, String> shares = new LinkedHashMap<>(target.shares());
        boolean isNew = shares.put(user, level) == null;
        Coll after = target.withShares(shares);
        return new RandomCollectionWrite(Kind.SHARE, target, caller, "POST", to, body, after, isNew ? 201 : 200);
    }

    /** One to three assets, some perhaps already in it (they stay where they are), at a position or at the end. */
    private static RandomCollectionWrite addAssets(
            Random random, VisibilityWorld world, Coll target, Person caller, String at, Map<String, Object> body) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            ids.add(pick(random, world.assets).id());
        }
        body.put("asset_ids", ids);
        List<Long> order = new ArrayList<>(target.assetIds());
        List<Long> added =
                ids.stream().distinct().filter(id -> !order.contains(id)).toList();
        int index = order.size();
        if (random.nextBoolean()) {
            int position = 1 + random.nextInt(order.size() + 2);
            body.put("position", position);
            index = Math.min(order.size(), position - 1);
        }
        order.addAll(index, added);
        String to = at + "/assets";
        return new RandomCollectionWrite(
                Kind.ADD_ASSETS, target, caller, "POST", to, body, target.withAssetIds(order), 200);
    }

    /** A share's level changed (or set to the one it has); a user it is not shared with is 404. */
    private static RandomCollectionWrite changeLevel(
            Random random, VisibilityWorld world, Coll target, Person caller, String at, Map<String, Object> body) {
        List<Long> shared = List.copyOf(target.sharedWith());
        long user = !shared.isEmpty() && random.nextInt(100) < 80
                ? pick(random, shared)
                : pick(random, world.people).id();
        String level = random.nextBoolean() ? "view" : "edit";
        body.put("level", level);
        String to = at + "/shares/" + user;
        if (!shared.contains(user)) {
            String problem = "collection " + target.id() + " is not shared with user " + user;
            return new RandomCollectionWrite(
                    Kind.CHANGE_LEVEL, target, caller, "PATCH", to, body, 404, error(problem, null));
        }
        Map<Long, String> shares = new LinkedHashMap<>(target.shares());
        shares.put(user, level);
        return new RandomCollectionWrite(
                Kind.CHANGE_LEVEL, target, caller, "PATCH", to, body, target.withShares(shares), 200);
    }

    /** One asset moved to a position (past the end: last); an asset not in the collection is 404. */
    private static RandomCollectionWrite move(
            Random random, VisibilityWorld world, Coll target, Person caller, String at, Map<String, Object> body) {
        long asset = !target.assetIds().isEmpty() && random.nextInt(100) < 85
                ? pick(random, target.assetIds())
                : pick(random, world.assets).id();
        int position = 1 + random.nextInt(target.assetIds().size() + 2);
        body.put("position", position);
        String to = at + "/assets/" + asset;
        if (!target.assetIds().contains(asset)) {
            String problem = "asset " + asset + " is not in collection " + target.id();
            return new RandomCollectionWrite(
                    Kind.MOVE_ASSET, target, caller, "PATCH", to, body, 404, error(problem, null));
        }
        List<Long> order = new ArrayList<>(target.assetIds());
        order.remove(asset);
        order.add(Math.min(order.size(), position - 1), asset);
        return new RandomCollectionWrite(
                Kind.MOVE_ASSET, target, caller, "PATCH", to, body, target.withAssetIds(order), 200);
    }

    /** The whole new order: the members shuffled, perhaps one left out and one new one added. */
    private static RandomCollectionWrite reorder(
            Random random, VisibilityWorld world, Coll target, Person caller, String at, Map<String, Object> body) {
        List<Long> order = new ArrayList<>(target.assetIds());
        Collections.shuffle(order, random);
        if (!order.isEmpty() && random.nextInt(100) < 30) {
            order.remove(random.nextInt(order.size()));
        }
        Asset asset = pick(random, world.assets);
        if (!order.contains(asset.id()) && random.nextInt(100) < 30) {
            order.add(random.nextInt(order.size() + 1), asset.id());
        }
        body.put("asset_ids", order);
        String to = at + "/assets";
        return new RandomCollectionWrite(
                Kind.REORDER_ASSETS, target, caller, "PUT", to, body, target.withAssetIds(order), 200);
    }

    /** The status the rules give this write. */
    int expectedStatus() {
        Access access = target.access(caller.id());
        if (access == Access.NONE) {
            return 404;
        }
        if (kind.ownerOnly() ? access != Access.OWNER : access == Access.VIEW) {
            return 403;
        }
        return allowed;
    }

    /** The id or uuid the path names the collection by. */
    private String key() {
        return path.split("/")[4];
    }

    /** The collection the write names. */
    Coll target() {
        return target;
    }

    /**
     * Sends the write and checks the answer; a refused one must leave the collection and its
     * shares exactly as they were.
     *
     * @return the world after the write
     */
    VisibilityWorld apply(ApiClient api, String context, VisibilityWorld world) {
        int expected = expectedStatus();
        String what = context + ": " + this;
        if (expected >= 400) {
            List<JsonNode> before = snapshot(api, world);
            ApiResponse response = send(api);
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(expected);
            assertThat(response.json()).as(what).isEqualTo(refusal());
            assertThat(snapshot(api, world)).as(what + ": changes nothing").isEqualTo(before);
            return world;
        }
        ApiResponse response = send(api);
        assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(expected);
        if (after == null) {
            return world.without(target.id());
        }
        // 204s and shares do not answer with the collection
        JsonNode data = response.status() == 204 || kind.sharing()
                ? api.get("/api/v2/collections/" + target.id(), owner(world))
                        .json()
                        .get("data")
                : response.json().get("data");
        assertThat(Arrays.asList(
                        data.get("name").asString(),
                        ApiWorldWriter.text(data.get("description")),
                        data.get("collection_type").asString(),
                        data.get("assets_count").asInt()))
                .as(what + ": the collection after it")
                .isEqualTo(Arrays.asList(
                        after.name(),
                        after.description(),
                        after.type(),
                        after.assetIds().size()));
        Instant updatedAt = instant(data.get("updated_at"));
        if (!after.withUpdatedAt(target.updatedAt()).equals(target)) {
            assertThat(updatedAt).as(what + ": updated_at moves").isAfter(target.updatedAt());
        } else if (kind.quietWhenNoChange()) {
            assertThat(updatedAt).as(what + ": a write that changes nothing").isEqualTo(target.updatedAt());
        }
        return world.replacing(after.withUpdatedAt(updatedAt));
    }

    private ApiResponse send(ApiClient api) {
        return api.write(method, path, caller.token(), body == null ? null : json(body));
    }

    /**
     * The error body of a refused write: the same 404 as a missing collection, the 403 naming what
     * was not allowed, or the problem of a write the rules allow but that cannot be done.
     */
    private JsonNode refusal() {
        Access access = target.access(caller.id());
        if (access == Access.NONE) {
            return error("collection `" + key() + "` not found", null);
        }
        if (access == Access.VIEW && kind.editFirst()) {
            return error(
                    "collection " + target.id() + " can only be read by you; changing it needs its owner or a"
                            + " share at the `edit` level",
                    null);
        }
        if (kind.ownerOnly() && access != Access.OWNER) {
            return error("only the owner of collection " + target.id() + " may " + kind.ownerDeed(), null);
        }
        return problem;
    }

    private static JsonNode error(String message, Map<String, List<String>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (errors != null) {
            body.put("errors", errors);
        }
        return ApiWorldWriter.tree(body);
    }

    /** The collection with its assets and its shares, as its owner reads them. */
    private List<JsonNode> snapshot(ApiClient api, VisibilityWorld world) {
        String at = "/api/v2/collections/" + target.id();
        String owner = owner(world);
        return List.of(
                api.get(at, owner, Map.of("include", "assets")).json(),
                api.get(at + "/shares", owner).json());
    }

    private String owner(VisibilityWorld world) {
        return world.person(target.ownerId()).token();
    }

    @Override
    public String toString() {
        return String.format(
                "%s %s %s by user %d (%s of collection %d)",
                method, path, body == null ? "" : json(body), caller.id(), target.access(caller.id()), target.id());
    }
}
