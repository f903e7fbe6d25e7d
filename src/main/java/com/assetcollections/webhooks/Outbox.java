package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.DELIVERIES;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_CREATED_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_EVENT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_EVENT_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_NEXT_ATTEMPT_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_STATUS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_UPDATED_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_WEBHOOK_ID;
import static com.assetcollections.webhooks.WebhookTable.EVENTS;
import static com.assetcollections.webhooks.WebhookTable.EVENTS_TABLE;
import static com.assetcollections.webhooks.WebhookTable.EVENT_BODY;
import static com.assetcollections.webhooks.WebhookTable.EVENT_CREATED_AT;
import static com.assetcollections.webhooks.WebhookTable.EVENT_ID;
import static com.assetcollections.webhooks.WebhookTable.EVENT_NAME;
import static com.assetcollections.webhooks.WebhookTable.EVENT_UUID;
import static com.assetcollections.webhooks.WebhookTable.ID;
import static com.assetcollections.webhooks.WebhookTable.WEBHOOKS;

import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.JsonResponses;
import com.assetcollections.web.JsonValues;
import com.assetcollections.web.PublicBaseUrl;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes events into the outbox in the transaction of the change they describe: a rolled-back
 * write emits nothing, a committed one has its event and one pending delivery per subscription
 * that asked for it and whose owner may read the resource ({@link Audience}). Only inserts, with
 * ids from sequences, so writers of unrelated data never wait for each other here; with no
 * matching subscription a write pays one small select and builds no body.
 */
@Component
public class Outbox {

    private final DSLContext db;
    private final JsonResponses json;
    private final DispatchSignal signal;
    private final PublicBaseUrl baseUrl;

    Outbox(DSLContext db, JsonResponses json, DispatchSignal signal, PublicBaseUrl baseUrl) {
        this.db = db;
        this.json = json;
        this.signal = signal;
        this.baseUrl = baseUrl;
    }

    /** Records the event named {@code name} for the subscriptions of {@code audience} that asked for it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String name, Audience audience, Supplier<WebhookEvent> event) {
        List<Long> subscriptions = db.select(ID)
                .from(WEBHOOKS)
                .where(asksFor(name).and(audience.owners()))
                .fetch(ID);
        if (!subscriptions.isEmpty()) {
            insert(event.get(), ID.in(subscriptions));
        }
    }

    /** Records {@code event} for one subscription whatever it asked for (a ping); returns the delivery's id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long recordFor(long webhookId, WebhookEvent event) {
        long eventId = insert(event, ID.eq(webhookId));
        return db.select(DELIVERY_ID)
                .from(DELIVERIES)
                .where(DELIVERY_EVENT_ID.eq(eventId).and(DELIVERY_WEBHOOK_ID.eq(webhookId)))
                .fetchSingle(DELIVERY_ID);
    }

    private long insert(WebhookEvent event, Condition subscriptions) {
        Instant now = SqlTypes.now();
        UUID uuid = UUID.randomUUID();
        long eventId = db.insertInto(EVENTS_TABLE)
                .set(EVENT_UUID, uuid)
                .set(EVENT_NAME, event.event())
                .set(EVENT_BODY, body(event, uuid, now))
                .set(EVENT_CREATED_AT, now)
                .returningResult(EVENT_ID)
                .fetchSingle(EVENT_ID);
        db.insertInto(
                        DELIVERIES,
                        DELIVERY_WEBHOOK_ID,
                        DELIVERY_EVENT_ID,
                        DELIVERY_EVENT,
                        DELIVERY_STATUS,
                        DELIVERY_NEXT_ATTEMPT_AT,
                        DELIVERY_CREATED_AT,
                        DELIVERY_UPDATED_AT)
                .select(DSL.select(
                                ID,
                                DSL.val(eventId),
                                DSL.val(event.event()),
                                DSL.val("pending"),
                                DSL.val(now, DELIVERY_NEXT_ATTEMPT_AT),
                                DSL.val(now, DELIVERY_CREATED_AT),
                                DSL.val(now, DELIVERY_UPDATED_AT))
                        .from(WEBHOOKS)
                        .where(subscriptions))
                .execute();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.raise();
                }
            });
        }
        return eventId;
    }

    private String body(WebhookEvent event, UUID uuid, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", event.action());
        body.put("event", event.event());
        body.put("type", event.type());
        body.put("data", event.data());
        body.put("url", baseUrl.of(event.path()));
        body.put("webhookDate", JsonValues.datetime(now));
        body.put("webhookTimestamp", now.getEpochSecond());
        body.put("webhookId", uuid.toString());
        return new String(json.bytes(body), StandardCharsets.UTF_8);
    }

    /** Subscriptions asking for {@code name}: by name in their JSON array of names, or all events. */
    static Condition asksFor(String name) {
        return EVENTS.eq(ALL_EVENTS)
                .or(DSL.position(EVENTS, DSL.inline("\"" + name + "\"")).gt(0));
    }

    /** The {@code events} column of a subscription to every event. */
    public static final String ALL_EVENTS = "[\"*\"]";
}
