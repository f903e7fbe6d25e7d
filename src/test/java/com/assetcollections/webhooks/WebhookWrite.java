package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookVisibilityPropertyContract.readAll;
import static com.assetcollections.webhooks.WebhookVisibilityPropertyContract.tombstone;
import static com.assetcollections.webhooks.WebhookWorld.pick;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.webhooks.Deliveries.Heard;
import com.assetcollections.webhooks.WebhookWorld.Person;
import com.assetcollections.webhooks.WebhookWorld.Thing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * One random write of the webhook visibility property, by a random user (often the owner of
 * what it aims at, which may be deleted already), and the events it should make each subscriber
 * hear, worked out from reads through the API just before and just after it is sent.
 */
final class WebhookWrite {

    enum Kind {
        CREATE_COLLECTION(2, null),
        RENAME(3, "collection.updated"),
        CHANGE_TYPE(3, "collection.updated"),
        DELETE_COLLECTION(1, "collection.deleted"),
        SHARE(4, "collection.shared"),
        CHANGE_LEVEL(2, "collection.shared"),
        UNSHARE(3, "collection.unshared"),
        ADD_ASSET(3, "collection.assets_changed"),
        REMOVE_ASSET(2, "collection.assets_changed"),
        MOVE_ASSET(2, "collection.assets_changed"),
        REORDER_ASSETS(2, "collection.assets_changed"),
        CREATE_ASSET(1, null),
        UPDATE_ASSET(2, "asset.updated"),
        DELETE_ASSET(1, "asset.deleted");

        final int weight;
        final String event;

        Kind(int weight, String event) {
            this.weight = weight;
            this.event = event;
        }
    }

    private static final String COLLECTIONS = "/api/v2/collections";
    private static final String ASSETS = "/api/v2/assets";

    private final Kind kind;
    private final Person caller;
    private final Thing target;
    private final String method;
    private final String path;
    private final String body;
    /** The user a share or unshare names (null: an address without an account). */
    private final Long subject;

    private WebhookWrite(
            Kind kind, Person caller, Thing target, String method, String path, String body, Long subject) {
        this.kind = kind;
        this.caller = caller;
        this.target = target;
        this.method = method;
        this.path = path;
        this.body = body;
        this.subject = subject;
    }

    static WebhookWrite generate(Random random, WebhookWorld world, ApiClient api) {
        Kind kind = kind(random);
        Person anyone = pick(random, world.people);
        String name = pick(random, WebhookWorld.NAMES);
        if (kind == Kind.CREATE_COLLECTION) {
            String type = random.nextBoolean() ? "public" : "private";
            return new WebhookWrite(kind, anyone, null, "POST", COLLECTIONS, json(name, type), null);
        }
        if (kind == Kind.CREATE_ASSET) {
            String asset = "{\"name\":\"" + name + "\",\"asset_type\":\"image\",\"mime_type\":\"image/png\","
                    + "\"url\":\"https://cdn.example.com/" + random.nextInt(1000) + ".png\"}";
            return new WebhookWrite(kind, anyone, null, "POST", ASSETS, asset, null);
        }
        boolean onAsset = kind == Kind.UPDATE_ASSET || kind == Kind.DELETE_ASSET;
        Thing target = pick(random, onAsset ? world.assets : world.collections);
        Person caller = random.nextInt(100) < 55 ? world.person(target.ownerId()) : anyone;
        String item = (onAsset ? ASSETS : COLLECTIONS) + "/" + target.id();
        Person someone = pick(random, world.people);
        long other = someone.id();
        // a share named by e-mail address, sometimes of someone without an account (an invitation)
        String email = random.nextInt(100) < 15 ? "nobody" + random.nextInt(3) + "@example.com" : someone.email();
        boolean byEmail = random.nextInt(100) < 30;
        String recipient = byEmail ? "\"email\":\"" + email + "\"" : "\"user_id\":" + other;
        String level = random.nextBoolean() ? "view" : "edit";
        long asset = pick(random, world.assets).id();
        return switch (kind) {
            case RENAME -> new WebhookWrite(kind, caller, target, "PATCH", item, "{\"name\":\"" + name + "\"}", null);
            case CHANGE_TYPE ->
                new WebhookWrite(
                        kind,
                        caller,
                        target,
                        "PATCH",
                        item,
                        json(null, random.nextBoolean() ? "public" : "private"),
                        null);
            case DELETE_COLLECTION, DELETE_ASSET -> new WebhookWrite(kind, caller, target, "DELETE", item, null, null);
            case SHARE ->
                new WebhookWrite(
                        kind,
                        caller,
                        target,
                        "POST",
                        item + "/shares",
                        "{" + recipient + ",\"level\":\"" + level + "\"}",
                        other);
            case CHANGE_LEVEL ->
                new WebhookWrite(
                        kind,
                        caller,
                        target,
                        "PATCH",
                        item + "/shares/" + (byEmail ? email : other),
                        "{\"level\":\"" + level + "\"}",
                        other);
            case UNSHARE ->
                new WebhookWrite(
                        kind,
                        caller,
                        target,
                        "DELETE",
                        item + "/shares/" + (byEmail ? email : other),
                        null,
                        byEmail && !email.equals(someone.email()) ? null : other);
            case ADD_ASSET ->
                new WebhookWrite(
                        kind, caller, target, "POST", item + "/assets", "{\"asset_ids\":[" + asset + "]}", null);
            case REMOVE_ASSET ->
                new WebhookWrite(kind, caller, target, "DELETE", item + "/assets/" + asset, null, null);
            case MOVE_ASSET ->
                new WebhookWrite(
                        kind,
                        caller,
                        target,
                        "PATCH",
                        item + "/assets/" + asset,
                        "{\"position\":" + (1 + random.nextInt(4)) + "}",
                        null);
            case REORDER_ASSETS ->
                new WebhookWrite(
                        kind,
                        caller,
                        target,
                        "PUT",
                        item + "/assets",
                        "{\"asset_ids\":" + shuffled(random, api, world, target) + "}",
                        null);
            case UPDATE_ASSET ->
                new WebhookWrite(kind, caller, target, "PATCH", item, "{\"name\":\"" + name + "\"}", null);
            default -> throw new IllegalStateException(kind.name());
        };
    }

    /** Sends the write; returns what each user should hear of it, by user id, in order. */
    Map<Long, List<Heard>> apply(ApiClient api, WebhookWorld world) {
        Map<Long, List<Heard>> heard = new LinkedHashMap<>();
        world.people.forEach(p -> heard.put(p.id(), new ArrayList<>()));
        switch (kind) {
            case CREATE_COLLECTION, CREATE_ASSET -> created(api, world, heard);
            case UPDATE_ASSET -> assetUpdated(api, world, heard);
            case DELETE_ASSET -> assetDeleted(api, world, heard);
            case DELETE_COLLECTION -> collectionDeleted(api, world, heard);
            default -> collectionChanged(api, world, heard);
        }
        return heard;
    }

    private void created(ApiClient api, WebhookWorld world, Map<Long, List<Heard>> heard) {
        ApiResponse response = send(api);
        assertThat(response.status()).as("%s: %s", this, response.body()).isEqualTo(201);
        JsonNode data = response.json().get("data");
        Thing made =
                new Thing(data.get("id").asLong(), caller.id(), data.get("uuid").asString());
        boolean collection = kind == Kind.CREATE_COLLECTION;
        (collection ? world.collections : world.assets).add(made);
        String event = collection ? "collection.created" : "asset.created";
        hearAfter(heard, event, made.id(), readAll(api, world, (collection ? COLLECTIONS : ASSETS) + "/" + made.id()));
    }

    private void collectionChanged(ApiClient api, WebhookWorld world, Map<Long, List<Heard>> heard) {
        Map<Long, JsonNode> before = readAll(api, world, COLLECTIONS + "/" + target.id());
        if (!succeeded(send(api))) {
            return;
        }
        Map<Long, JsonNode> after = readAll(api, world, COLLECTIONS + "/" + target.id());
        JsonNode owners = after.get(target.ownerId());
        if (owners.equals(before.get(target.ownerId()))) {
            return; // changed nothing, so nothing to hear of
        }
        hearAfter(heard, kind.event, target.id(), after);
        if (kind == Kind.UNSHARE && subject != null && after.get(subject) == null) {
            heard.get(subject).add(new Heard(kind.event, target.id(), owners));
        }
    }

    private void collectionDeleted(ApiClient api, WebhookWorld world, Map<Long, List<Heard>> heard) {
        Map<Long, JsonNode> before = readAll(api, world, COLLECTIONS + "/" + target.id());
        if (!succeeded(send(api))) {
            return;
        }
        for (Person person : world.people) {
            JsonNode tombstone = tombstone(api, COLLECTIONS, target, person);
            assertThat(tombstone != null)
                    .as("%s: user %d sees the tombstone iff they could read it before", this, person.id())
                    .isEqualTo(before.get(person.id()) != null);
            if (tombstone != null) {
                heard.get(person.id()).add(new Heard(kind.event, target.id(), tombstone));
            }
        }
    }

    private void assetUpdated(ApiClient api, WebhookWorld world, Map<Long, List<Heard>> heard) {
        Map<Long, JsonNode> before = readAll(api, world, ASSETS + "/" + target.id());
        if (!succeeded(send(api))) {
            return;
        }
        Map<Long, JsonNode> after = readAll(api, world, ASSETS + "/" + target.id());
        if (!after.get(caller.id()).equals(before.get(caller.id()))) {
            hearAfter(heard, kind.event, target.id(), after);
        }
    }

    /** The asset's tombstone to everyone, then each collection that held it to those who read it now. */
    private void assetDeleted(ApiClient api, WebhookWorld world, Map<Long, List<Heard>> heard) {
        TreeSet<Long> holders = new TreeSet<>();
        for (Person person : world.people) {
            ApiResponse held = api.get(ASSETS + "/" + target.id() + "?include=collections", person.token());
            if (held.status() == 200) {
                held.json()
                        .at("/data/collections")
                        .forEach(c -> holders.add(c.get("id").asLong()));
            }
        }
        if (!succeeded(send(api))) {
            return;
        }
        for (Person person : world.people) {
            JsonNode tombstone = tombstone(api, ASSETS, target, person);
            assertThat(tombstone)
                    .as("%s: tombstone as user %d", this, person.id())
                    .isNotNull();
            heard.get(person.id()).add(new Heard(kind.event, target.id(), tombstone));
        }
        for (long holder : holders) {
            hearAfter(heard, "collection.assets_changed", holder, readAll(api, world, COLLECTIONS + "/" + holder));
        }
    }

    private static void hearAfter(Map<Long, List<Heard>> heard, String event, long id, Map<Long, JsonNode> after) {
        after.forEach((user, data) -> {
            if (data != null) {
                heard.get(user).add(new Heard(event, id, data));
            }
        });
    }

    private ApiResponse send(ApiClient api) {
        return api.write(method, path, caller.token(), body);
    }

    /** A write succeeds or is refused by the rules; never anything else. */
    private boolean succeeded(ApiResponse response) {
        assertThat(response.status()).as("%s: %s", this, response.body()).isIn(200, 201, 204, 403, 404, 422);
        return response.status() < 300;
    }

    private static Kind kind(Random random) {
        int total = 0;
        for (Kind kind : Kind.values()) {
            total += kind.weight;
        }
        int drawn = random.nextInt(total);
        for (Kind kind : Kind.values()) {
            drawn -= kind.weight;
            if (drawn < 0) {
                return kind;
            }
        }
        throw new IllegalStateException();
    }

    /** The collection's assets as its owner reads them, shuffled (empty when it is gone). */
    private static List<Long> shuffled(Random random, ApiClient api, WebhookWorld world, Thing collection) {
        ApiResponse members = api.get(
                COLLECTIONS + "/" + collection.id() + "/assets?per_page=100",
                world.person(collection.ownerId()).token());
        List<Long> ids = new ArrayList<>();
        if (members.status() == 200) {
            members.json().get("data").forEach(a -> ids.add(a.get("id").asLong()));
        }
        Collections.shuffle(ids, random);
        return ids;
    }

    private static String json(String name, String type) {
        return "{" + (name == null ? "" : "\"name\":\"" + name + "\",") + "\"collection_type\":\"" + type + "\"}";
    }

    @Override
    public String toString() {
        return "user " + caller.id() + " " + kind + " " + method + " " + path + (body == null ? "" : " " + body);
    }
}
