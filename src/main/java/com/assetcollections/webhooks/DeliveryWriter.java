package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.DELIVERIES;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ATTEMPTS_COUNT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_NEXT_ATTEMPT_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_STATUS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_UPDATED_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_WEBHOOK_ID;
import static com.assetcollections.webhooks.WebhookTable.ENABLED;
import static com.assetcollections.webhooks.WebhookTable.ID;
import static com.assetcollections.webhooks.WebhookTable.WEBHOOKS;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.query.ItemKey;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.Conflict;
import java.time.Instant;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a delivery again (redeliver) or a new ping, for a subscription the caller manages
 * (checked before, {@link WebhookReader#visibleId}). Both need the subscription enabled: a disabled
 * one holds its deliveries, so a queued one would wait unseen.
 */
@Service
class DeliveryWriter {

    private final DSLContext db;
    private final Outbox outbox;
    private final DispatchSignal signal;

    DeliveryWriter(DSLContext db, Outbox outbox, DispatchSignal signal) {
        this.db = db;
        this.outbox = outbox;
        this.signal = signal;
    }

    /**
     * Makes the delivery pending again, due now, with a fresh round of attempts (its log of earlier
     * attempts is kept); the receiver gets the same event again, with the same {@code webhook-id}.
     */
    @Transactional
    long redeliver(Caller caller, long webhookId, String deliveryKey) {
        caller.require(Scope.WEBHOOKS_WRITE);
        long deliveryId = ItemKey.id(deliveryKey, "delivery");
        requireEnabled(webhookId, "redeliver");
        int queued = pendingAgain(db, DELIVERY_ID.eq(deliveryId).and(DELIVERY_WEBHOOK_ID.eq(webhookId)));
        if (queued == 0) {
            throw ItemKey.notFound(deliveryKey, "delivery");
        }
        AfterCommit.run(signal::raise);
        return deliveryId;
    }

    /**
     * Makes these deliveries pending, due now, with a fresh round of attempts; their log of earlier
     * attempts is kept. Returns how many there were.
     */
    static int pendingAgain(DSLContext db, Condition deliveries) {
        Instant now = SqlTypes.now();
        return db.update(DELIVERIES)
                .set(DELIVERY_STATUS, "pending")
                .set(DELIVERY_NEXT_ATTEMPT_AT, now)
                .set(DELIVERY_ATTEMPTS_COUNT, 0)
                .set(DELIVERY_UPDATED_AT, now)
                .where(deliveries)
                .execute();
    }

    /** Records a {@code webhook.ping} event for this subscription alone, whatever events it asked for. */
    @Transactional
    long ping(Caller caller, long webhookId, Map<String, Object> subscription) {
        caller.require(Scope.WEBHOOKS_WRITE);
        requireEnabled(webhookId, "ping");
        return outbox.recordFor(
                webhookId,
                new WebhookEvent(WebhookEvent.PING, "webhook", "ping", "/api/v2/webhooks/" + webhookId, subscription));
    }

    /**
     * 409 unless the subscription is enabled. Not locked: should the dispatcher disable it
     * meanwhile, the queued delivery is held like any other of a disabled subscription.
     */
    private void requireEnabled(long webhookId, String what) {
        Boolean enabled =
                db.select(ENABLED).from(WEBHOOKS).where(ID.eq(webhookId)).fetchOne(ENABLED);
        if (enabled == null) {
            throw ItemKey.notFound(Long.toString(webhookId), "webhook");
        }
        if (!enabled) {
            throw new Conflict("webhook " + webhookId + " is disabled, so nothing can be delivered to it; enable it"
                    + " (PATCH {\"enabled\": true}) to " + what + ", which also resumes its failed deliveries");
        }
    }
}
