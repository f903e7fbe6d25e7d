package com.assetcollections.webhooks;

import static com.assetcollections.support.RandomValues.pick;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.Fixtures;
import com.assetcollections.users.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated world of subscriptions, written through the API: a few users and an admin, each
 * with one to seven subscriptions of random urls, events and descriptions; then some disabled, some
 * with a rotated secret, some with a new url, some deleted. The model keeps what each write sent
 * and what its response said (ids, uuids, times); the list endpoints are never asked.
 */
final class SubscriptionWorld {

    /** A user who subscribes; {@code admin} lists and manages everyone's subscriptions. */
    record Owner(long id, String token, boolean admin) {}

    /** A subscription as written, every field of its response schema. */
    record Subscription(
            long id,
            UUID uuid,
            String url,
            List<String> events,
            String description,
            boolean enabled,
            String disabledReason,
            Instant previousSecretExpiresAt,
            long ownerId,
            Instant createdAt,
            Instant updatedAt) {

        /** The subscription after a write answered with {@code data}. */
        Subscription after(JsonNode data) {
            return read(data, events);
        }

        boolean receives(String event) {
            return event.equals("webhook.ping") || events.equals(List.of("*")) || events.contains(event);
        }
    }

    /** Mixed case and punctuation, repeated urls, so that url filters and order have something to tell apart. */
    static final List<String> PATHS =
            List.of("/hooks", "/Hooks/Brand-kit", "/hooks/brand_kit?x=1", "/HOOKS", "/a", "/hooks/2", "/z/Hooks");

    /** The subscriptions list, and the path of each below it. */
    static final String WEBHOOKS = "/api/v2/webhooks";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Model rows as JSON items: their components are the fields of the schema, in camel case. */
    static final JsonMapper SNAKE_CASE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    final List<Owner> owners = new ArrayList<>();
    final List<Subscription> subscriptions = new ArrayList<>();

    private SubscriptionWorld() {}

    static SubscriptionWorld generate(Random random, Fixtures fixtures, ApiClient api, String what) {
        SubscriptionWorld world = new SubscriptionWorld();
        EnumSet<Scope> scopes = EnumSet.complementOf(EnumSet.of(Scope.ADMIN));
        for (int i = 0, n = 3 + random.nextInt(2); i <= n; i++) {
            boolean admin = i == n;
            User user = fixtures.user(admin ? "Admin" : "User " + i);
            world.owners.add(
                    new Owner(user.id(), fixtures.token(user, admin ? EnumSet.allOf(Scope.class) : scopes), admin));
        }
        for (Owner owner : world.owners) {
            for (int i = 0, n = 1 + random.nextInt(7); i < n; i++) {
                world.subscriptions.add(world.subscribe(random, api, what, owner));
            }
        }
        for (int i = 0; i < world.subscriptions.size(); i++) {
            world.change(random, api, what, i);
        }
        world.subscriptions.removeIf(java.util.Objects::isNull);
        return world;
    }

    List<Subscription> visibleTo(Owner caller) {
        return subscriptions.stream()
                .filter(s -> caller.admin() || s.ownerId() == caller.id())
                .toList();
    }

    Subscription byId(long id) {
        return subscriptions.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    Owner owner(long id) {
        return owners.stream().filter(o -> o.id() == id).findFirst().orElseThrow();
    }

    Owner admin() {
        return owners.stream().filter(Owner::admin).findFirst().orElseThrow();
    }

    /** What the API must show of the subscription: every field but the secret. */
    static JsonNode item(Subscription subscription) {
        return SNAKE_CASE.valueToTree(subscription);
    }

    /** The id one past the last subscription's, which none has. */
    long unusedId() {
        return subscriptions.stream().mapToLong(Subscription::id).max().orElse(0) + 1;
    }

    private Subscription subscribe(Random random, ApiClient api, String what, Owner owner) {
        List<String> events = new ArrayList<>(WebhookEvent.NAMES);
        Collections.shuffle(events, random);
        events = random.nextInt(3) == 0 ? List.of("*") : List.copyOf(events.subList(0, 1 + random.nextInt(4)));
        String description = pick(random, java.util.Arrays.asList(null, "Brand kit", "Ärger im Archiv", "logos"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url(random));
        body.put("events", events);
        if (description != null || random.nextBoolean()) {
            body.put("description", description);
        }
        ApiResponse created = api.post(WEBHOOKS, owner.token(), JSON.writeValueAsString(body));
        assertThat(created.status())
                .as("%s: POST %s: %s", what, body, created.body())
                .isEqualTo(201);
        Subscription subscription = read(created.json().get("data"), events);
        assertThat(List.<Object>of(subscription.url(), subscription.ownerId(), subscription.enabled()))
                .as("%s: %s", what, created.body())
                .isEqualTo(List.of(body.get("url"), owner.id(), true));
        return subscription;
    }

    /** Disables, rotates, moves or deletes (null) the subscription at {@code index}, or leaves it. */
    private void change(Random random, ApiClient api, String what, int index) {
        Subscription subscription = subscriptions.get(index);
        String path = WEBHOOKS + "/" + (random.nextBoolean() ? subscription.id() : subscription.uuid());
        String token = random.nextInt(4) == 0
                ? admin().token()
                : owner(subscription.ownerId()).token();
        String url = url(random);
        int change = random.nextInt(6);
        ApiResponse response = switch (change) {
            case 0 -> api.patch(path, token, "{\"enabled\": false}");
            case 1 -> api.post(path + "/rotate-secret", token, null);
            case 2 -> api.patch(path, token, "{\"url\": \"" + url + "\"}");
            case 3 -> api.delete(path, token);
            default -> null;
        };
        if (response == null) {
            return;
        }
        String at = String.format("%s: change %d of %s: %s", what, change, path, response.body());
        assertThat(response.status()).as(at).isEqualTo(change == 3 ? 204 : 200);
        Subscription after =
                change == 3 ? null : subscription.after(response.json().get("data"));
        if (after != null) {
            assertThat(List.<Object>of(
                            after.enabled(),
                            String.valueOf(after.disabledReason()),
                            after.previousSecretExpiresAt() != null,
                            after.url()))
                    .as(at)
                    .isEqualTo(List.of(
                            change != 0 && subscription.enabled(),
                            change == 0 ? "disabled by the user" : String.valueOf(subscription.disabledReason()),
                            change == 1 || subscription.previousSecretExpiresAt() != null,
                            change == 2 ? url : subscription.url()));
        }
        subscriptions.set(index, after);
    }

    private static String url(Random random) {
        return pick(random, List.of("https://", "http://")) + WebhookTestBase.HTTP_HOST + pick(random, PATHS);
    }

    private static Subscription read(JsonNode data, List<String> events) {
        assertThat(data.get("events").values().stream().map(JsonNode::asString).toList())
                .as(data.toString())
                .isEqualTo(events);
        return new Subscription(
                data.get("id").asLong(),
                UUID.fromString(data.get("uuid").asString()),
                data.get("url").asString(),
                events,
                text(data.get("description")),
                data.get("enabled").asBoolean(),
                text(data.get("disabled_reason")),
                instant(data.get("previous_secret_expires_at")),
                data.get("owner_id").asLong(),
                Instant.parse(data.get("created_at").asString()),
                Instant.parse(data.get("updated_at").asString()));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asString());
    }
}
