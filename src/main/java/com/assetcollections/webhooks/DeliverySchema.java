package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ATTEMPTS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_CREATED_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_EVENT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_NEXT_ATTEMPT_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_STATUS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_UPDATED_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_WEBHOOK_ID;
import static com.assetcollections.webhooks.WebhookTable.EVENT_UUID;

import com.assetcollections.query.ExtraFilter;
import com.assetcollections.query.FieldSpec;
import com.assetcollections.query.ResourceSchema;
import com.assetcollections.query.ValueType;
import java.time.Instant;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The delivery log of a subscription ({@code webhook_deliveries} joined with the event each one
 * carries) as docs/API.md "Webhook deliveries" describes it.
 */
public final class DeliverySchema {

    /** When the next attempt is due: only a pending delivery has one. */
    static final Field<Instant> NEXT_ATTEMPT_AT =
            DSL.when(DELIVERY_STATUS.eq("pending"), DELIVERY_NEXT_ATTEMPT_AT).as("next_attempt_at");

    public static final ResourceSchema SCHEMA = new ResourceSchema(
            "deliveries",
            List.of(
                    FieldSpec.of("id", ValueType.INTEGER, DELIVERY_ID, "the system ID")
                            .exactMatch()
                            .sortable(),
                    FieldSpec.of("webhook_id", ValueType.INTEGER, DELIVERY_WEBHOOK_ID, "the subscription's ID"),
                    FieldSpec.of(
                                    "event_id",
                                    ValueType.UUID_,
                                    EVENT_UUID,
                                    "the event's UUID: the `webhookId` of the body and the `webhook-id` header")
                            .exactMatch(),
                    FieldSpec.of("event", ValueType.STRING, DELIVERY_EVENT, "the event's name, e.g. `asset.updated`")
                            .containsMatch(DELIVERY_EVENT)
                            .sortable(),
                    FieldSpec.of("status", ValueType.STRING, DELIVERY_STATUS, "`pending`, `succeeded` or `failed`")
                            .containsMatch(DELIVERY_STATUS)
                            .sortable(),
                    FieldSpec.of(
                            "attempts",
                            ValueType.OBJECT_LIST,
                            DELIVERY_ATTEMPTS,
                            "every attempt, oldest first: `attempted_at`, `status_code`, `duration_ms`,"
                                    + " `response_body` (its first 1 KB), `error`"),
                    FieldSpec.of(
                                    "next_attempt_at",
                                    ValueType.DATETIME,
                                    NEXT_ATTEMPT_AT,
                                    "when a pending delivery is tried next, else null")
                            .mayBeNull(),
                    FieldSpec.of("created_at", ValueType.DATETIME, DELIVERY_CREATED_AT, "when the event was recorded")
                            .rangeOperators()
                            .sortable(),
                    FieldSpec.of(
                                    "updated_at",
                                    ValueType.DATETIME,
                                    DELIVERY_UPDATED_AT,
                                    "when the delivery last changed")
                            .rangeOperators()
                            .sortable()),
            List.of(ExtraFilter.since(
                    "updated_since", DELIVERY_UPDATED_AT, "only deliveries changed after this instant")),
            List.of(),
            false);

    private DeliverySchema() {}
}
