package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.DELIVERIES;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ATTEMPTS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_STATUS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_WEBHOOK_ID;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A subscription's deliveries as the database holds them, for tests of delivery. */
final class DeliveryLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DeliveryLog() {}

    /** Waits until none of the subscription's deliveries is pending; fails after {@code timeout}. */
    static void awaitSettled(DSLContext db, long webhookId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (db.fetchExists(DELIVERIES, DELIVERY_WEBHOOK_ID.eq(webhookId).and(DELIVERY_STATUS.eq("pending")))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "webhook " + webhookId + " still has pending deliveries after " + timeout + ": " + raw(db));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Every attempt logged for the subscription, oldest delivery first. */
    static List<JsonNode> attempts(DSLContext db, long webhookId) {
        List<JsonNode> attempts = new ArrayList<>();
        for (String log : db.select(DELIVERY_ATTEMPTS)
                .from(DELIVERIES)
                .where(DELIVERY_WEBHOOK_ID.eq(webhookId))
                .orderBy(DELIVERY_ID)
                .fetch(DELIVERY_ATTEMPTS)) {
            JSON.readTree(log).forEach(attempts::add);
        }
        return attempts;
    }

    /** Every delivery row as text, to search for what must not be stored. */
    static String raw(DSLContext db) {
        return db.selectFrom(DELIVERIES).fetch().formatJSON();
    }
}
