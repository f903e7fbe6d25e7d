package com.assetcollections.webhooks;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import com.assetcollections.storage.SqlTypes;
import java.time.Instant;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** The tables of migration V11: subscriptions, the outbox of events, and deliveries. */
public final class WebhookTable {

    public static final Table<?> WEBHOOKS = table(name("webhooks"));
    public static final Field<Long> ID = field(name("webhooks", "id"), SQLDataType.BIGINT);
    public static final Field<UUID> UUID_ = field(name("webhooks", "uuid"), SQLDataType.UUID);
    public static final Field<Long> OWNER_ID = field(name("webhooks", "owner_id"), SQLDataType.BIGINT);
    public static final Field<String> URL = field(name("webhooks", "url"), SQLDataType.VARCHAR);
    /** The event names as a JSON array of strings, {@code ["*"]} for all. */
    public static final Field<String> EVENTS = field(name("webhooks", "events"), SQLDataType.VARCHAR);

    public static final Field<String> DESCRIPTION = field(name("webhooks", "description"), SQLDataType.VARCHAR);
    public static final Field<Boolean> ENABLED = field(name("webhooks", "enabled"), SQLDataType.BOOLEAN);
    public static final Field<String> DISABLED_REASON = field(name("webhooks", "disabled_reason"), SQLDataType.VARCHAR);
    /** The signing secret, sealed by {@link SecretBox}. */
    public static final Field<byte[]> SECRET = field(name("webhooks", "secret"), SQLDataType.BLOB);

    public static final Field<byte[]> PREVIOUS_SECRET = field(name("webhooks", "previous_secret"), SQLDataType.BLOB);
    public static final Field<Instant> PREVIOUS_SECRET_UNTIL =
            field(name("webhooks", "previous_secret_until"), SqlTypes.TIMESTAMP);
    /** Events that ended failed since the last one delivered. */
    public static final Field<Integer> FAILED_IN_A_ROW =
            field(name("webhooks", "failed_in_a_row"), SQLDataType.INTEGER);

    public static final Field<Instant> CREATED_AT = field(name("webhooks", "created_at"), SqlTypes.TIMESTAMP);
    public static final Field<Instant> UPDATED_AT = field(name("webhooks", "updated_at"), SqlTypes.TIMESTAMP);
    public static final Field<String> LEASED_BY = field(name("webhooks", "leased_by"), SQLDataType.VARCHAR);
    public static final Field<Instant> LEASED_UNTIL = field(name("webhooks", "leased_until"), SqlTypes.TIMESTAMP);

    public static final Table<?> EVENTS_TABLE = table(name("webhook_events"));
    public static final Field<Long> EVENT_ID = field(name("webhook_events", "id"), SQLDataType.BIGINT);
    public static final Field<UUID> EVENT_UUID = field(name("webhook_events", "uuid"), SQLDataType.UUID);
    public static final Field<String> EVENT_NAME = field(name("webhook_events", "event"), SQLDataType.VARCHAR);
    /** The whole JSON body every subscription receives. */
    public static final Field<String> EVENT_BODY = field(name("webhook_events", "body"), SQLDataType.VARCHAR);

    public static final Field<Instant> EVENT_CREATED_AT =
            field(name("webhook_events", "created_at"), SqlTypes.TIMESTAMP);

    public static final Table<?> DELIVERIES = table(name("webhook_deliveries"));
    public static final Field<Long> DELIVERY_ID = field(name("webhook_deliveries", "id"), SQLDataType.BIGINT);
    public static final Field<Long> DELIVERY_WEBHOOK_ID =
            field(name("webhook_deliveries", "webhook_id"), SQLDataType.BIGINT);
    public static final Field<Long> DELIVERY_EVENT_ID =
            field(name("webhook_deliveries", "event_id"), SQLDataType.BIGINT);
    public static final Field<String> DELIVERY_EVENT = field(name("webhook_deliveries", "event"), SQLDataType.VARCHAR);
    /** {@code pending}, {@code succeeded} or {@code failed}. */
    public static final Field<String> DELIVERY_STATUS =
            field(name("webhook_deliveries", "status"), SQLDataType.VARCHAR);

    public static final Field<Integer> DELIVERY_ATTEMPTS_COUNT =
            field(name("webhook_deliveries", "attempts_count"), SQLDataType.INTEGER);
    /** A JSON array of the attempts, oldest first (see {@link DeliveryAttempt}). */
    public static final Field<String> DELIVERY_ATTEMPTS =
            field(name("webhook_deliveries", "attempts"), SQLDataType.VARCHAR);

    public static final Field<Instant> DELIVERY_NEXT_ATTEMPT_AT =
            field(name("webhook_deliveries", "next_attempt_at"), SqlTypes.TIMESTAMP);
    public static final Field<Instant> DELIVERY_CREATED_AT =
            field(name("webhook_deliveries", "created_at"), SqlTypes.TIMESTAMP);
    public static final Field<Instant> DELIVERY_UPDATED_AT =
            field(name("webhook_deliveries", "updated_at"), SqlTypes.TIMESTAMP);

    private WebhookTable() {}
}
