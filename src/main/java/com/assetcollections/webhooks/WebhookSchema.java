package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.CREATED_AT;
import static com.assetcollections.webhooks.WebhookTable.DESCRIPTION;
import static com.assetcollections.webhooks.WebhookTable.DISABLED_REASON;
import static com.assetcollections.webhooks.WebhookTable.ENABLED;
import static com.assetcollections.webhooks.WebhookTable.EVENTS;
import static com.assetcollections.webhooks.WebhookTable.ID;
import static com.assetcollections.webhooks.WebhookTable.OWNER_ID;
import static com.assetcollections.webhooks.WebhookTable.PREVIOUS_SECRET_UNTIL;
import static com.assetcollections.webhooks.WebhookTable.UPDATED_AT;
import static com.assetcollections.webhooks.WebhookTable.URL;
import static com.assetcollections.webhooks.WebhookTable.UUID_;

import com.assetcollections.query.ExtraFilter;
import com.assetcollections.query.FieldSpec;
import com.assetcollections.query.ResourceSchema;
import com.assetcollections.query.ValueType;
import java.util.List;
import org.jooq.impl.DSL;

/** The webhooks resource (subscriptions) as docs/API.md "Webhooks" describes it. Never the secret. */
public final class WebhookSchema {

    public static final ResourceSchema SCHEMA = new ResourceSchema(
            "webhooks",
            List.of(
                    FieldSpec.of("id", ValueType.INTEGER, ID, "the system ID")
                            .exactMatch()
                            .sortable(),
                    FieldSpec.of("uuid", ValueType.UUID_, UUID_, "public unique identifier")
                            .exactMatch()
                            .sortable(),
                    FieldSpec.of("url", ValueType.STRING, URL, "where events are POSTed")
                            // hosts are ASCII (punycode); lower() folds ASCII alike on both databases
                            .containsMatch(DSL.lower(URL))
                            .sortable(),
                    FieldSpec.of(
                            "events",
                            ValueType.STRING_LIST,
                            EVENTS,
                            "the event names it receives, or `[\"*\"]` for every event"),
                    FieldSpec.of("description", ValueType.STRING, DESCRIPTION, "a note for its owner, or null")
                            .mayBeNull(),
                    FieldSpec.of("enabled", ValueType.BOOLEAN, ENABLED, "whether events are being delivered")
                            .exactMatch(),
                    FieldSpec.of(
                                    "disabled_reason",
                                    ValueType.STRING,
                                    DISABLED_REASON,
                                    "why it was disabled (by its owner, or after failed deliveries), or null")
                            .orNull(),
                    FieldSpec.of(
                                    "previous_secret_expires_at",
                                    ValueType.DATETIME,
                                    PREVIOUS_SECRET_UNTIL,
                                    "after a rotation, until when the previous secret signs too; null if never rotated")
                            .orNull(),
                    FieldSpec.of("owner_id", ValueType.INTEGER, OWNER_ID, "the ID of the user it belongs to")
                            .exactMatch()
                            .sortable(),
                    FieldSpec.of("created_at", ValueType.DATETIME, CREATED_AT, "when it was created")
                            .rangeOperators()
                            .sortable(),
                    FieldSpec.of("updated_at", ValueType.DATETIME, UPDATED_AT, "when it was last changed")
                            .rangeOperators()
                            .sortable()),
            List.of(ExtraFilter.since("updated_since", UPDATED_AT, "only subscriptions changed after this instant")),
            List.of(),
            false);

    private WebhookSchema() {}
}
