package com.assetcollections.webhooks;

import static com.assetcollections.support.RandomValues.pick;
import static com.assetcollections.webhooks.WebhookTable.DELIVERIES;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_CREATED_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_EVENT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_EVENT_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_STATUS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_UPDATED_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_WEBHOOK_ID;
import static com.assetcollections.webhooks.WebhookTable.EVENTS_TABLE;
import static com.assetcollections.webhooks.WebhookTable.EVENT_ID;
import static com.assetcollections.webhooks.WebhookTable.EVENT_UUID;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.webhooks.SubscriptionWorld.Owner;
import com.assetcollections.webhooks.SubscriptionWorld.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The delivery logs of a {@link SubscriptionWorld} after random writes through the API: owners
 * create, rename and delete private collections (an event for each of their own subscriptions
 * that takes it) and ping their subscriptions (202 when enabled, 409 when not). The test knows
 * which events each subscription must have, in order; the rows' ids, event ids and times are
 * then read from the database (never from the API under test) and checked against those events,
 * and about half are marked succeeded or failed, later, as the dispatcher would.
 */
final class DeliveryHistory {

    /** A delivery as recorded, every filterable and sortable field. */
    record Delivery(
            long id, long webhookId, UUID eventId, String event, String status, Instant createdAt, Instant updatedAt) {}

    final Map<Long, List<Delivery>> bySubscription = new LinkedHashMap<>();

    private DeliveryHistory() {}

    static DeliveryHistory generate(Random random, SubscriptionWorld world, ApiClient api, DSLContext db, String what) {
        Map<Long, List<String>> expected = new LinkedHashMap<>();
        world.subscriptions.forEach(s -> expected.put(s.id(), new ArrayList<>()));
        Map<Long, List<Long>> collections = new LinkedHashMap<>();
        for (int i = 0, n = 30 + random.nextInt(20); i < n && !world.subscriptions.isEmpty(); i++) {
            Subscription some = pick(random, world.subscriptions);
            Owner owner = world.owner(some.ownerId());
            List<Long> own = collections.computeIfAbsent(owner.id(), id -> new ArrayList<>());
            boolean ping = random.nextInt(4) == 0;
            String event = ping ? ping(api, what, owner, some) : write(random, api, what, owner, own);
            world.subscriptions.stream()
                    .filter(s -> ping ? s == some && s.enabled() : s.ownerId() == owner.id() && s.receives(event))
                    .forEach(s -> expected.get(s.id()).add(event));
        }
        DeliveryHistory history = new DeliveryHistory();
        world.subscriptions.forEach(s -> history.bySubscription.put(s.id(), new ArrayList<>()));
        for (Delivery recorded : recorded(db)) {
            history.bySubscription.get(recorded.webhookId()).add(settle(random, db, recorded));
        }
        history.bySubscription.forEach((id, deliveries) -> assertThat(
                        deliveries.stream().map(Delivery::event).toList())
                .as("%s: the events recorded for subscription %d", what, id)
                .isEqualTo(expected.get(id)));
        return history;
    }

    /** A ping of {@code subscription}; its event name, or "" when refused for being disabled. */
    private static String ping(ApiClient api, String what, Owner owner, Subscription subscription) {
        ApiResponse ping =
                api.post(SubscriptionWorld.WEBHOOKS + "/" + subscription.id() + "/ping", owner.token(), null);
        assertThat(ping.status())
                .as("%s: ping %s: %s", what, subscription, ping.body())
                .isEqualTo(subscription.enabled() ? 202 : 409);
        return subscription.enabled() ? "webhook.ping" : "";
    }

    /** Creates, renames or deletes one of the owner's private collections; the event it makes. */
    private static String write(Random random, ApiClient api, String what, Owner owner, List<Long> own) {
        String name = "Collection " + random.nextInt(1_000_000);
        int kind = own.isEmpty() ? 0 : random.nextInt(3);
        ApiResponse response = switch (kind) {
            case 0 ->
                api.post(
                        "/api/v2/collections",
                        owner.token(),
                        "{\"name\": \"" + name + "\", \"collection_type\": \"private\"}");
            case 1 -> api.patch("/api/v2/collections/" + own.get(0), owner.token(), "{\"name\": \"" + name + "\"}");
            default -> api.delete("/api/v2/collections/" + own.remove(own.size() - 1), owner.token());
        };
        assertThat(response.status())
                .as("%s: collection write %d: %s", what, kind, response.body())
                .isEqualTo(List.of(201, 200, 204).get(kind));
        if (kind == 0) {
            own.add(response.json().get("data").get("id").asLong());
        }
        return List.of("collection.created", "collection.updated", "collection.deleted")
                .get(kind);
    }

    private static List<Delivery> recorded(DSLContext db) {
        return db.select(
                        DELIVERY_ID,
                        DELIVERY_WEBHOOK_ID,
                        EVENT_UUID,
                        DELIVERY_EVENT,
                        DELIVERY_STATUS,
                        DELIVERY_CREATED_AT,
                        DELIVERY_UPDATED_AT)
                .from(DELIVERIES)
                .join(EVENTS_TABLE)
                .on(DELIVERY_EVENT_ID.eq(EVENT_ID))
                .orderBy(DELIVERY_ID)
                .fetch(r -> new Delivery(
                        r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /** Half the deliveries finished (succeeded, or failed for good) some seconds to a day later. */
    private static Delivery settle(Random random, DSLContext db, Delivery pending) {
        if (random.nextBoolean()) {
            return pending;
        }
        String status = random.nextInt(3) == 0 ? "failed" : "succeeded";
        Instant at =
                pending.createdAt().plusMillis(1 + random.nextInt(86_400_000)).plusNanos(1000L * random.nextInt(1000));
        db.update(DELIVERIES)
                .set(DELIVERY_STATUS, status)
                .set(DELIVERY_UPDATED_AT, at)
                .where(DELIVERY_ID.eq(pending.id()))
                .execute();
        return new Delivery(
                pending.id(), pending.webhookId(), pending.eventId(), pending.event(), status, pending.createdAt(), at);
    }
}
