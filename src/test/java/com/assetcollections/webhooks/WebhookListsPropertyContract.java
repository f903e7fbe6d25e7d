package com.assetcollections.webhooks;

import static com.assetcollections.support.RandomValues.pick;
import static com.assetcollections.webhooks.SubscriptionWorld.WEBHOOKS;
import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.CursorWalk;
import com.assetcollections.support.OffsetPage;
import com.assetcollections.support.PropertySeeds;
import com.assetcollections.support.SeededProperty;
import com.assetcollections.webhooks.DeliveryHistory.Delivery;
import com.assetcollections.webhooks.SubscriptionWorld.Owner;
import com.assetcollections.webhooks.SubscriptionWorld.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import tools.jackson.databind.JsonNode;

/**
 * Generated worlds of subscriptions and delivery logs, written through the API, and random
 * requests of the query language against both lists: every offset page (ids in order, total,
 * last page, items and sparse fields) and every cursor walk, both ways, is exactly what the model
 * in Java says, and no caller sees or counts a subscription that is not theirs (an admin sees
 * everyone's). Replay a failing seed with {@code -Dproperty.seed=<seed>}.
 */
abstract class WebhookListsPropertyContract extends WebhookTestBase {

    static LongStream seeds() {
        return PropertySeeds.seeds(0x5EED_4000L, 6);
    }

    @SeededProperty
    void subscriptionListsShowExactlyTheCallersMatchingSubscriptions(long seed) {
        Random random = new Random(seed);
        SubscriptionWorld world = SubscriptionWorld.generate(random, fixtures, api, "seed " + seed);
        for (Owner caller : world.owners) {
            subscriptionPage(seed, world, caller, RandomWebhookQuery.everything(world, caller));
        }
        for (int i = 0; i < 30; i++) {
            Owner caller = random.nextInt(3) == 0 ? world.admin() : pick(random, world.owners);
            RandomWebhookQuery query = RandomWebhookQuery.generate(random, world, caller);
            if (random.nextInt(100) < 30) {
                query.randomFields(random, "webhooks", RandomWebhookQuery.FIELDS);
            }
            query.randomPaging(random, query.expected().size());
            subscriptionPage(seed, world, caller, query);
        }
        for (int i = 0; i < 6; i++) {
            Owner caller = random.nextInt(3) == 0 ? world.admin() : pick(random, world.owners);
            RandomWebhookQuery query = RandomWebhookQuery.generate(random, world, caller);
            new CursorWalk(api, as(seed, caller), WEBHOOKS, caller.token(), query.params, 1 + random.nextInt(5))
                    .walkForwardAndBack(
                            query.expected().stream().map(Subscription::id).toList());
        }
    }

    @SeededProperty
    void deliveryLogsShowExactlyTheSubscriptionsMatchingDeliveries(long seed) {
        Random random = new Random(seed);
        SubscriptionWorld world = SubscriptionWorld.generate(random, fixtures, api, "seed " + seed);
        DeliveryHistory history = DeliveryHistory.generate(random, world, api, db, "seed " + seed);
        List<Delivery> every =
                history.bySubscription.values().stream().flatMap(List::stream).toList();
        for (Subscription subscription : world.subscriptions) {
            Owner caller = world.owner(subscription.ownerId());
            List<Delivery> log = history.bySubscription.get(subscription.id());
            deliveryPage(seed, caller, logPath(random, subscription), log, Map.of("per_page", "1000"), null);
            for (Owner other : world.owners) {
                if (!other.admin() && other.id() != subscription.ownerId()) {
                    ApiResponse hidden = api.get(logPath(random, subscription), other.token());
                    assertThat(hidden.status())
                            .as("%s: the log of subscription %d: %s", as(seed, other), subscription.id(), hidden.body())
                            .isEqualTo(404);
                }
            }
        }
        for (int i = 0; i < 30 && !every.isEmpty(); i++) {
            Subscription subscription = pick(random, world.subscriptions);
            Owner caller = random.nextInt(3) == 0 ? world.admin() : world.owner(subscription.ownerId());
            RandomDeliveryQuery query =
                    RandomDeliveryQuery.generate(random, history.bySubscription.get(subscription.id()), every);
            if (random.nextInt(100) < 30) {
                query.randomFields(random, "deliveries", RandomDeliveryQuery.FIELDS);
            }
            query.randomPaging(random, query.expected().size());
            deliveryPage(seed, caller, logPath(random, subscription), query.expected(), query.params, query.fields());
        }
        for (int i = 0; i < 6 && !every.isEmpty(); i++) {
            Subscription subscription = pick(random, world.subscriptions);
            Owner caller = random.nextInt(3) == 0 ? world.admin() : world.owner(subscription.ownerId());
            RandomDeliveryQuery query =
                    RandomDeliveryQuery.generate(random, history.bySubscription.get(subscription.id()), every);
            new CursorWalk(
                            api,
                            as(seed, caller),
                            logPath(random, subscription),
                            caller.token(),
                            query.params,
                            1 + random.nextInt(5))
                    .walkForwardAndBack(
                            query.expected().stream().map(Delivery::id).toList());
        }
    }

    private void subscriptionPage(long seed, SubscriptionWorld world, Owner caller, RandomWebhookQuery query) {
        String what = as(seed, caller);
        List<JsonNode> items = new OffsetPage(api, what, WEBHOOKS, caller.token(), query.params)
                .check(query.expected().stream().map(Subscription::id).toList(), false);
        for (JsonNode item : items) {
            JsonNode expected = SubscriptionWorld.item(world.byId(item.get("id").asLong()));
            assertItem(what + " " + query.params, item, expected, fields(query.fields(), RandomWebhookQuery.FIELDS));
        }
    }

    private void deliveryPage(
            long seed,
            Owner caller,
            String path,
            List<Delivery> expected,
            Map<String, String> params,
            List<String> fields) {
        String what = as(seed, caller);
        List<JsonNode> items = new OffsetPage(api, what, path, caller.token(), params)
                .check(expected.stream().map(Delivery::id).toList(), false);
        for (JsonNode item : items) {
            Delivery delivery = expected.stream()
                    .filter(d -> d.id() == item.get("id").asLong())
                    .findFirst()
                    .orElseThrow();
            assertItem(
                    what + " " + params,
                    item,
                    SubscriptionWorld.SNAKE_CASE.valueToTree(delivery),
                    fields(fields, RandomDeliveryQuery.FIELDS));
            if (item.has("next_attempt_at")) {
                // when a pending delivery is tried next: a time the model does not know; null once finished
                assertThat(item.get("next_attempt_at").isNull())
                        .as(what + ": next_attempt_at of " + item)
                        .isEqualTo(!delivery.status().equals("pending"));
            }
        }
    }

    /**
     * The item has exactly {@code keys}, in order, and the values of {@code expected} where it has
     * one (datetimes compared as instants; the API writes them with six fraction digits).
     */
    private static void assertItem(String what, JsonNode item, JsonNode expected, List<String> keys) {
        assertThat(List.copyOf(item.propertyNames()))
                .as(what + ": the fields of " + item)
                .isEqualTo(keys);
        for (String key : keys) {
            if (expected.has(key)) {
                assertThat(comparable(key, item.get(key)))
                        .as(what + ": `" + key + "` of " + item)
                        .isEqualTo(comparable(key, expected.get(key)));
            }
        }
    }

    private static Object comparable(String key, JsonNode value) {
        return key.endsWith("_at") && value.isString() ? Instant.parse(value.asString()) : value.toString();
    }

    private static List<String> fields(List<String> asked, List<String> all) {
        return asked == null ? all : asked;
    }

    /** The path of the subscription's log, by id or by uuid. */
    private static String logPath(Random random, Subscription subscription) {
        return WEBHOOKS + "/" + (random.nextBoolean() ? subscription.id() : subscription.uuid()) + "/deliveries";
    }

    private static String as(long seed, Owner caller) {
        return String.format("seed %d: as %s %d", seed, caller.admin() ? "admin" : "user", caller.id());
    }
}
