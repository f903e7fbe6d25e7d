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
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.SelectSelectStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

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
        return insert(event, ID.eq(webhookId)).get(0);
    }

    /** Inserts the event and a pending delivery of it to each subscription; returns the deliveries' ids. */
    private List<Long> insert(WebhookEvent event, Condition subscriptions) {
        Instant now = SqlTypes.now();
        UUID uuid = UUID.randomUUID();
        var eventRow = db.insertInto(EVENTS_TABLE)
                .set(EVENT_UUID, uuid)
                .set(EVENT_NAME, event.event())
                .set(EVENT_BODY, body(event, uuid, now))
                .set(EVENT_CREATED_AT, now)
                .returningResult(EVENT_ID);
        List<Long> deliveries;
        if (db.dialect().family() == SQLDialect.POSTGRES) {
            // one statement, one round trip: the event's insert is a common table expression
            var inserted = DSL.name("inserted_event").as(eventRow);
            Field<Long> eventId = DSL.field(DSL.name("inserted_event", EVENT_ID.getName()), Long.class);
            deliveries = db.with(inserted)
                    .insertInto(DELIVERIES, DELIVERY_COLUMNS)
                    .select(pendingDeliveries(eventId, event, now)
                            .from(WEBHOOKS)
                            .crossJoin(DSL.table(DSL.name("inserted_event")))
                            .where(subscriptions))
                    .returningResult(DELIVERY_ID)
                    .fetch(DELIVERY_ID);
        } else {
            long eventId = eventRow.fetchSingle(EVENT_ID);
            deliveries = db.insertInto(DELIVERIES, DELIVERY_COLUMNS)
                    .select(pendingDeliveries(DSL.val(eventId), event, now)
                            .from(WEBHOOKS)
                            .where(subscriptions))
                    .returningResult(DELIVERY_ID)
                    .fetch(DELIVERY_ID);
        }
        AfterCommit.run(signal::raise);
        return deliveries;
    }

    private static final List<Field<?>> DELIVERY_COLUMNS = List.of(
            DELIVERY_WEBHOOK_ID,
            DELIVERY_EVENT_ID,
            DELIVERY_EVENT,
            DELIVERY_STATUS,
            DELIVERY_NEXT_ATTEMPT_AT,
            DELIVERY_CREATED_AT,
            DELIVERY_UPDATED_AT);

    /** The values of {@link #DELIVERY_COLUMNS} for a pending delivery of the event to each selected subscription. */
    private static SelectSelectStep<?> pendingDeliveries(Field<Long> eventId, WebhookEvent event, Instant now) {
        return DSL.select(
                ID,
                eventId,
                DSL.val(event.event()),
                DSL.val("pending"),
                DSL.val(now, DELIVERY_NEXT_ATTEMPT_AT),
                DSL.val(now, DELIVERY_CREATED_AT),
                DSL.val(now, DELIVERY_UPDATED_AT));
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
