package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.CursorWalk;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Record3;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery log of a subscription: listed with the query language, a delivery sent again on
 * request, a ping queued, a disabled subscription resumed from its oldest undelivered event, and
 * old events purged. Deliveries are written here as the dispatcher would leave them.
 */
abstract class WebhookDeliveriesContract extends WebhookTestBase {

    @Autowired
    EventRetention retention;

    static final List<String> FIELDS = List.of(
            "id",
            "webhook_id",
            "event_id",
            "event",
            "status",
            "attempts",
            "next_attempt_at",
            "created_at",
            "updated_at");

    @Test
    void listsTheLogWithTheQueryLanguage() {
        long id = subscription(aliceToken);
        Instant start = now().minusSeconds(600);
        long delivered = delivery(id, "asset.updated", "succeeded", "[" + attempt(204) + "]", start);
        long failed = delivery(
                id,
                "collection.updated",
                "failed",
                "[" + attempt(500) + "," + attempt(503) + "]",
                start.plusSeconds(60));
        long pending = delivery(id, "asset.updated", "pending", "[]", start.plusSeconds(120));
        long othersDelivery = delivery(subscription(bobToken), "asset.updated", "failed", "[]", start);
        String path = "/api/v2/webhooks/" + id + "/deliveries";

        ApiResponse all = api.get(path, aliceToken);
        assertThat(ids(all)).containsExactly(delivered, failed, pending);
        JsonNode item = all.json().get("data").get(1);
        assertThat(keys(item)).containsExactlyElementsOf(FIELDS);
        assertThat(item.get("webhook_id").asLong()).isEqualTo(id);
        assertThat(item.get("event_id").asString()).isEqualTo(eventUuid(failed));
        assertThat(item.get("attempts").size()).isEqualTo(2);
        assertThat(item.get("attempts").get(1).get("status_code").asInt()).isEqualTo(503);
        assertThat(item.get("attempts").get(0).get("response_body").asString()).isEqualTo("nope");
        assertThat(item.get("next_attempt_at").isNull())
                .as("only pending deliveries have a next attempt")
                .isTrue();
        assertThat(all.json().get("data").get(2).get("next_attempt_at").isNull())
                .isFalse();

        assertThat(ids(api.get(path, aliceToken, Map.of("filter[status]", "failed"))))
                .containsExactly(failed);
        assertThat(ids(api.get(path, aliceToken, Map.of("filter[event]", "asset.updated"))))
                .containsExactly(delivered, pending);
        assertThat(ids(api.get(
                        path,
                        aliceToken,
                        Map.of("filter[updated_since]", start.plusSeconds(30).toString()))))
                .containsExactly(failed, pending);
        assertThat(ids(api.get(path, aliceToken, Map.of("filter[event_id]", eventUuid(pending)))))
                .containsExactly(pending);
        assertThat(ids(api.get(path, aliceToken, Map.of("sort", "-updated_at", "per_page", "2", "cursor", ""))))
                .containsExactly(pending, failed);
        ApiResponse sparse = api.get(path, aliceToken, Map.of("fields[deliveries]", "id,status"));
        assertThat(keys(sparse.json().get("data").get(0))).containsExactly("id", "status");
        ApiResponse unsortable = api.get(path, aliceToken, Map.of("sort", "attempts"));
        assertThat(unsortable.status()).isEqualTo(400);
        assertThat(unsortable.json().get("message").asString())
                .isEqualTo("unknown sort field `attempts`; sortable: id, event, status, created_at, updated_at");
        ApiResponse one = api.get(path + "/" + failed, aliceToken);
        assertThat(one.json().get("data")).isEqualTo(item);
        assertThat(api.get(path + "/" + othersDelivery, aliceToken).status()).isEqualTo(404);
        assertThat(api.get(path + "/x", aliceToken).status()).isEqualTo(404);
    }

    @Test
    void cursorWalksVisitTheWholeLogInOrderBothWays() {
        long id = subscription(aliceToken);
        Instant start = now().minusSeconds(3600);
        List<String> statuses = List.of("pending", "succeeded", "failed");
        Map<Long, String> statusOf = new HashMap<>();
        Map<Long, Instant> updatedAt = new HashMap<>();
        for (int i = 0; i < 13; i++) {
            Instant at = start.plusSeconds(i * 7 % 13);
            long delivery = delivery(id, "asset.updated", statuses.get(i % 3), "[]", at);
            statusOf.put(delivery, statuses.get(i % 3));
            updatedAt.put(delivery, at);
        }
        List<Long> byStatusThenNewest = statusOf.keySet().stream()
                .sorted(Comparator.<Long, String>comparing(statusOf::get).thenComparing(Comparator.reverseOrder()))
                .toList();
        List<Long> latestFirst = updatedAt.keySet().stream()
                .sorted(Comparator.<Long, Instant>comparing(updatedAt::get).reversed())
                .toList();
        String path = "/api/v2/webhooks/" + id + "/deliveries";

        new CursorWalk(api, "status,-id", path, aliceToken, Map.of("sort", "status,-id"), 4)
                .walkForwardAndBack(byStatusThenNewest);
        new CursorWalk(api, "-updated_at", path, aliceToken, Map.of("sort", "-updated_at"), 5)
                .walkForwardAndBack(latestFirst);
    }

    @Test
    void redeliveringMakesADeliveryPendingAgainAndKeepsItsLog() {
        long id = subscription(aliceToken);
        long failed = delivery(id, "asset.created", "failed", "[" + attempt(500) + "]", now().minusSeconds(3600));

        ApiResponse redelivered =
                api.post("/api/v2/webhooks/" + id + "/deliveries/" + failed + "/redeliver", aliceToken, null);

        assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(202);
        JsonNode data = redelivered.json().get("data");
        assertThat(data.get("id").asLong()).isEqualTo(failed);
        assertThat(data.get("status").asString()).isEqualTo("pending");
        assertThat(data.get("attempts").size()).isEqualTo(1);
        assertDueNow(data.get("next_attempt_at"));
        assertThat(attemptsCount(failed)).isZero();
        assertThat(api.post("/api/v2/webhooks/" + id + "/deliveries/999999/redeliver", aliceToken, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v2/webhooks/" + id + "/deliveries/" + failed + "/redeliver", bobToken, null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aPingQueuesAPendingDeliveryOfTheSubscription() {
        ApiResponse created = subscribe(aliceToken, "{\"url\": \"" + TARGET + "\", \"events\": [\"asset.created\"]}");
        long id = created.json().get("data").get("id").asLong();
        String secret = created.json().get("data").get("secret").asString();

        ApiResponse ping = api.post("/api/v2/webhooks/" + id + "/ping", aliceToken, null);

        assertThat(ping.status()).as(ping.body()).isEqualTo(202);
        JsonNode data = ping.json().get("data");
        assertThat(data.get("event").asString()).isEqualTo("webhook.ping");
        assertThat(data.get("status").asString()).isEqualTo("pending");
        assertThat(data.get("attempts").size()).isZero();
        assertDueNow(data.get("next_attempt_at"));
        String body = db.select(WebhookTable.EVENT_BODY)
                .from(WebhookTable.EVENTS_TABLE)
                .where(WebhookTable.EVENT_UUID.eq(
                        UUID.fromString(data.get("event_id").asString())))
                .fetchSingle(WebhookTable.EVENT_BODY);
        JsonNode event = JsonMapper.builder().build().readTree(body);
        assertThat(event.get("event").asString()).isEqualTo("webhook.ping");
        assertThat(event.get("type").asString()).isEqualTo("webhook");
        assertThat(event.get("url").asString()).endsWith("/api/v2/webhooks/" + id);
        assertThat(event.get("webhookId").asString())
                .isEqualTo(data.get("event_id").asString());
        assertThat(event.get("data"))
                .isEqualTo(api.get("/api/v2/webhooks/" + id, aliceToken).json().get("data"));
        assertThat(body).doesNotContain(secret);
    }

    @Test
    void aDisabledSubscriptionRefusesRedeliveryAndPingsWith409() {
        long id = subscription(aliceToken);
        long failed = delivery(id, "asset.created", "failed", "[]", now());
        api.patch("/api/v2/webhooks/" + id, aliceToken, "{\"enabled\": false}");

        ApiResponse redeliver =
                api.post("/api/v2/webhooks/" + id + "/deliveries/" + failed + "/redeliver", aliceToken, null);
        ApiResponse ping = api.post("/api/v2/webhooks/" + id + "/ping", aliceToken, null);

        assertThat(redeliver.status()).isEqualTo(409);
        assertThat(redeliver.json().get("message").asString())
                .isEqualTo("webhook " + id + " is disabled, so nothing can be delivered to it; enable it"
                        + " (PATCH {\"enabled\": true}) to redeliver, which also resumes its failed deliveries");
        assertThat(ping.status()).isEqualTo(409);
        assertThat(status(failed)).isEqualTo("failed");
        assertThat(db.fetchCount(WebhookTable.DELIVERIES)).isEqualTo(1);
    }

    @Test
    void disablingHoldsPendingDeliveriesAndEnablingResumesFromTheOldestUndelivered() {
        long id = subscription(aliceToken);
        Instant earlier = now().minusSeconds(3600);
        long failedBefore = delivery(id, "asset.created", "failed", "[" + attempt(500) + "]", earlier);
        long lastDelivered = delivery(id, "asset.updated", "succeeded", "[" + attempt(200) + "]", earlier);
        long missedFirst =
                delivery(id, "asset.updated", "failed", "[" + attempt(500) + "," + attempt(502) + "]", earlier);
        long missedSecond = delivery(id, "asset.deleted", "failed", "[" + attempt(410) + "]", earlier);
        long held = delivery(id, "asset.created", "pending", "[]", earlier);

        ApiResponse disabled = api.patch("/api/v2/webhooks/" + id, aliceToken, "{\"enabled\": false}");
        assertThat(disabled.json().get("data").get("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().get("data").get("disabled_reason").asString())
                .isEqualTo("disabled by the user");
        assertThat(status(held)).as("held, not dropped").isEqualTo("pending");
        db.update(WebhookTable.WEBHOOKS)
                .set(WebhookTable.DISABLED_REASON, "3 events in a row failed")
                .set(WebhookTable.FAILED_IN_A_ROW, 3)
                .where(WebhookTable.ID.eq(id))
                .execute();

        ApiResponse enabled = api.patch("/api/v2/webhooks/" + id, aliceToken, "{\"enabled\": true}");

        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.json().get("data").get("enabled").asBoolean()).isTrue();
        assertThat(enabled.json().get("data").get("disabled_reason").isNull()).isTrue();
        assertThat(db.select(WebhookTable.FAILED_IN_A_ROW)
                        .from(WebhookTable.WEBHOOKS)
                        .where(WebhookTable.ID.eq(id))
                        .fetchSingle(WebhookTable.FAILED_IN_A_ROW))
                .isZero();
        assertThat(List.of(
                        status(failedBefore),
                        status(lastDelivered),
                        status(missedFirst),
                        status(missedSecond),
                        status(held)))
                .containsExactly("failed", "succeeded", "pending", "pending", "pending");
        assertThat(attemptsCount(missedFirst)).isZero();
        JsonNode resumed = api.get("/api/v2/webhooks/" + id + "/deliveries/" + missedFirst, aliceToken)
                .json()
                .get("data");
        assertThat(resumed.get("attempts").size()).as("the log is kept").isEqualTo(2);
        assertDueNow(resumed.get("next_attempt_at"));
        ApiResponse again = api.patch("/api/v2/webhooks/" + id, aliceToken, "{\"enabled\": true}");
        assertThat(again.header("ETag"))
                .as("enabling an enabled subscription changes nothing")
                .isEqualTo(enabled.header("ETag"));
    }

    @Test
    void purgesEventsOlderThanTheRetentionWithTheirDeliveries() {
        long id = subscription(aliceToken);
        Instant cutoff = now().minus(Duration.ofDays(30));
        long old = delivery(id, "asset.created", "succeeded", "[]", cutoff.minusSeconds(60));
        long kept = delivery(id, "asset.created", "failed", "[]", cutoff.plusSeconds(600));
        long oldEvent = event("asset.updated", cutoff.minus(Duration.ofDays(2)));

        int purged = retention.purgeExpired();

        assertThat(purged).isEqualTo(2);
        assertThat(db.fetchExists(WebhookTable.EVENTS_TABLE, WebhookTable.EVENT_ID.eq(oldEvent)))
                .isFalse();
        assertThat(ids(api.get("/api/v2/webhooks/" + id + "/deliveries", aliceToken)))
                .containsExactly(kept);
        assertThat(db.fetchExists(WebhookTable.DELIVERIES, WebhookTable.DELIVERY_ID.eq(old)))
                .isFalse();
    }

    private String eventUuid(long deliveryId) {
        return db.select(WebhookTable.EVENT_UUID)
                .from(WebhookTable.DELIVERIES)
                .join(WebhookTable.EVENTS_TABLE)
                .on(WebhookTable.EVENT_ID.eq(WebhookTable.DELIVERY_EVENT_ID))
                .where(WebhookTable.DELIVERY_ID.eq(deliveryId))
                .fetchSingle(WebhookTable.EVENT_UUID)
                .toString();
    }

    private String status(long deliveryId) {
        return delivered(deliveryId).value1();
    }

    private int attemptsCount(long deliveryId) {
        return delivered(deliveryId).value2();
    }

    private Record3<String, Integer, String> delivered(long deliveryId) {
        return db.select(
                        WebhookTable.DELIVERY_STATUS,
                        WebhookTable.DELIVERY_ATTEMPTS_COUNT,
                        WebhookTable.DELIVERY_ATTEMPTS)
                .from(WebhookTable.DELIVERIES)
                .where(WebhookTable.DELIVERY_ID.eq(deliveryId))
                .fetchSingle();
    }

    private static void assertDueNow(JsonNode nextAttemptAt) {
        assertThat(Duration.between(Instant.parse(nextAttemptAt.asString()), now())
                        .abs())
                .isLessThan(Duration.ofSeconds(30));
    }
}
