package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.CREATED_AT;
import static com.assetcollections.webhooks.WebhookTable.ENABLED;
import static com.assetcollections.webhooks.WebhookTable.EVENTS;
import static com.assetcollections.webhooks.WebhookTable.ID;
import static com.assetcollections.webhooks.WebhookTable.OWNER_ID;
import static com.assetcollections.webhooks.WebhookTable.SECRET;
import static com.assetcollections.webhooks.WebhookTable.UPDATED_AT;
import static com.assetcollections.webhooks.WebhookTable.URL;
import static com.assetcollections.webhooks.WebhookTable.UUID_;
import static com.assetcollections.webhooks.WebhookTable.WEBHOOKS;

import com.assetcollections.storage.SqlTypes;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;

/** Subscriptions written straight into the database, for tests of delivery. */
final class Subscriptions {

    record Subscription(long id, String secret) {}

    private Subscriptions() {}

    static Subscription add(DSLContext db, SecretBox box, long ownerId, String url, String eventsJson) {
        String secret = WebhookSecret.generate();
        Instant now = SqlTypes.now();
        long id = db.insertInto(WEBHOOKS)
                .set(UUID_, UUID.randomUUID())
                .set(OWNER_ID, ownerId)
                .set(URL, url)
                .set(EVENTS, eventsJson)
                .set(ENABLED, true)
                .set(SECRET, box.seal(secret))
                .set(CREATED_AT, now)
                .set(UPDATED_AT, now)
                .returningResult(ID)
                .fetchSingle(ID);
        return new Subscription(id, secret);
    }
}
