package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.CREATED_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERIES;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_STATUS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_WEBHOOK_ID;
import static com.assetcollections.webhooks.WebhookTable.DISABLED_REASON;
import static com.assetcollections.webhooks.WebhookTable.ENABLED;
import static com.assetcollections.webhooks.WebhookTable.FAILED_IN_A_ROW;
import static com.assetcollections.webhooks.WebhookTable.ID;
import static com.assetcollections.webhooks.WebhookTable.OWNER_ID;
import static com.assetcollections.webhooks.WebhookTable.PREVIOUS_SECRET;
import static com.assetcollections.webhooks.WebhookTable.PREVIOUS_SECRET_UNTIL;
import static com.assetcollections.webhooks.WebhookTable.SECRET;
import static com.assetcollections.webhooks.WebhookTable.UPDATED_AT;
import static com.assetcollections.webhooks.WebhookTable.UUID_;
import static com.assetcollections.webhooks.WebhookTable.WEBHOOKS;

import com.assetcollections.auth.Caller;
import com.assetcollections.auth.Scope;
import com.assetcollections.query.ItemKey;
import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.ConditionalWrite;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, rotates and deletes subscriptions, each in one transaction. A user manages
 * their own; a caller with {@code admin} anyone's; any other subscription is 404.
 */
@Service
class WebhookWriter {

    /** The {@code disabled_reason} of a subscription its owner (or an admin) disabled. */
    static final String DISABLED_BY_USER = "disabled by the user";

    private static final List<Field<?>> VALUES =
            List.of(WebhookTable.URL, WebhookTable.EVENTS, WebhookTable.DESCRIPTION);

    private final DSLContext db;
    private final SecretBox secrets;
    private final WebhookSettings settings;
    private final DispatchSignal signal;

    WebhookWriter(DSLContext db, SecretBox secrets, WebhookSettings settings, DispatchSignal signal) {
        this.db = db;
        this.secrets = secrets;
        this.settings = settings;
        this.signal = signal;
    }

    /** A subscription just created or rotated, with the secret to show this once. */
    record Secreted(long id, String secret) {}

    @Transactional
    Secreted create(Caller caller, WebhookBody.Change change) {
        caller.require(Scope.WEBHOOKS_WRITE);
        String secret = WebhookSecret.generate();
        Instant now = SqlTypes.now();
        long id = db.insertInto(WEBHOOKS)
                .set(UUID_, UUID.randomUUID())
                .set(OWNER_ID, caller.userId())
                .set(change.columns())
                .set(ENABLED, true)
                .set(SECRET, secrets.seal(secret))
                .set(FAILED_IN_A_ROW, 0)
                .set(CREATED_AT, now)
                .set(UPDATED_AT, now)
                .returningResult(ID)
                .fetchSingle(ID);
        return new Secreted(id, secret);
    }

    /**
     * Applies the fields the body names; {@code updated_at} moves only when a value really changes.
     * Enabling a disabled subscription resumes it from its oldest undelivered event ({@link
     * #resume}); disabling one holds its pending deliveries (the dispatcher skips them).
     */
    @Transactional
    long update(Caller caller, String key, WebhookBody.Change change, ConditionalWrite condition) {
        caller.require(Scope.WEBHOOKS_WRITE);
        Map<Field<?>, Object> columns = new LinkedHashMap<>(change.columns());
        Boolean enabled = change.enabled();
        Record webhook = managed(caller, key);
        long id = webhook.get(ID);
        condition.check(id);
        boolean changed = VALUES.stream()
                .anyMatch(column ->
                        columns.containsKey(column) && !Objects.equals(columns.get(column), webhook.get(column)));
        if (enabled != null && enabled != webhook.get(ENABLED)) {
            changed = true;
            columns.put(ENABLED, enabled);
            columns.put(DISABLED_REASON, enabled ? null : DISABLED_BY_USER);
            if (enabled) {
                columns.put(FAILED_IN_A_ROW, 0);
                resume(id);
            }
        }
        if (changed) {
            columns.put(UPDATED_AT, SqlTypes.now());
            db.update(WEBHOOKS).set(columns).where(ID.eq(id)).execute();
        }
        return id;
    }

    /**
     * Makes the subscription's failed deliveries after its last successful one pending again, due
     * now, with a fresh round of attempts (the log of earlier attempts is kept): the receiver gets
     * every event it missed, in order.
     */
    private void resume(long webhookId) {
        Field<Long> lastSucceeded = DSL.select(DSL.coalesce(DSL.max(DELIVERY_ID), 0L))
                .from(DELIVERIES)
                .where(DELIVERY_WEBHOOK_ID.eq(webhookId).and(DELIVERY_STATUS.eq("succeeded")))
                .asField();
        int resumed = DeliveryWriter.pendingAgain(
                db,
                DELIVERY_WEBHOOK_ID
                        .eq(webhookId)
                        .and(DELIVERY_STATUS.eq("failed"))
                        .and(DELIVERY_ID.gt(lastSucceeded)));
        if (resumed > 0) {
            AfterCommit.run(signal::raise);
        }
    }

    /**
     * A new signing secret; the current one becomes the previous one, which keeps signing beside
     * the new one for {@code app.webhooks.rotation-overlap}. (A secret older than that is dropped.)
     */
    @Transactional
    Secreted rotate(Caller caller, String key) {
        caller.require(Scope.WEBHOOKS_WRITE);
        Record webhook = managed(caller, key);
        String secret = WebhookSecret.generate();
        Instant now = SqlTypes.now();
        db.update(WEBHOOKS)
                .set(PREVIOUS_SECRET, webhook.get(SECRET))
                .set(PREVIOUS_SECRET_UNTIL, now.plus(settings.rotationOverlap()))
                .set(SECRET, secrets.seal(secret))
                .set(UPDATED_AT, now)
                .where(ID.eq(webhook.get(ID)))
                .execute();
        return new Secreted(webhook.get(ID), secret);
    }

    /** Deletes the subscription and its delivery log (the events stay until the retention purge). */
    @Transactional
    void delete(Caller caller, String key, ConditionalWrite condition) {
        caller.require(Scope.WEBHOOKS_WRITE);
        long id = managed(caller, key).get(ID);
        condition.check(id);
        db.deleteFrom(WEBHOOKS).where(ID.eq(id)).execute();
    }

    /**
     * The subscription {@code key} names with its stored values, if the caller manages it (404
     * otherwise), locked until the transaction ends on PostgreSQL (SQLite's writers run one at a
     * time) so that the dispatcher's changes and this one do not interleave.
     */
    private Record managed(Caller caller, String key) {
        List<Field<?>> fields = new ArrayList<>(List.of(ID, ENABLED, SECRET));
        fields.addAll(VALUES);
        SelectConditionStep<Record> select = db.select(fields)
                .from(WEBHOOKS)
                .where(ItemKey.condition(key, ID, UUID_, "webhook").and(WebhookReader.managedBy(caller)));
        Record webhook = db.dialect().family() == SQLDialect.POSTGRES
                ? select.forNoKeyUpdate().fetchOne()
                : select.fetchOne();
        if (webhook == null) {
            throw ItemKey.notFound(key, "webhook");
        }
        return webhook;
    }
}
