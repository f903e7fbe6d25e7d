package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.DELIVERIES;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ATTEMPTS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ATTEMPTS_COUNT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_EVENT_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_NEXT_ATTEMPT_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_STATUS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_WEBHOOK_ID;
import static com.assetcollections.webhooks.WebhookTable.ENABLED;
import static com.assetcollections.webhooks.WebhookTable.EVENTS_TABLE;
import static com.assetcollections.webhooks.WebhookTable.EVENT_BODY;
import static com.assetcollections.webhooks.WebhookTable.EVENT_ID;
import static com.assetcollections.webhooks.WebhookTable.EVENT_UUID;
import static com.assetcollections.webhooks.WebhookTable.FAILED_IN_A_ROW;
import static com.assetcollections.webhooks.WebhookTable.ID;
import static com.assetcollections.webhooks.WebhookTable.LEASED_BY;
import static com.assetcollections.webhooks.WebhookTable.LEASED_UNTIL;
import static com.assetcollections.webhooks.WebhookTable.PREVIOUS_SECRET;
import static com.assetcollections.webhooks.WebhookTable.PREVIOUS_SECRET_UNTIL;
import static com.assetcollections.webhooks.WebhookTable.SECRET;
import static com.assetcollections.webhooks.WebhookTable.URL;
import static com.assetcollections.webhooks.WebhookTable.WEBHOOKS;

import com.assetcollections.storage.SqlTypes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Delivers one leased subscription's due events, in order: the head first (the delivery being
 * retried, else the oldest pending one), and no event before the one ahead of it has succeeded or
 * failed for good. A failure puts the head in backoff and ends the turn; {@code 410 Gone}
 * disables the subscription at once, and so do {@code disable-after-failed-events} events failed
 * in a row. Successes are recorded in batches; an instance that dies before recording one has
 * that event delivered again, with the same {@code webhook-id}. Sends wait their turn while the
 * API is saturated ({@link DeliveryPace}).
 */
@Component
class SubscriptionDelivery {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    /** How long a turn waits for more events once it has sent all it found, before looking again or ending. */
    private static final Duration LINGER = Duration.ofMillis(100);

    /** Time kept in hand when deciding whether a send still fits in the lease. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

    private final DSLContext db;
    private final WebhookSettings settings;
    private final DeliverySender sender;
    private final SecretBox secrets;
    /** Checks each subscription's URL when it is read (the sender's resolver checks every connection). */
    private final TargetGuard guard;

    private final DeliveryOutcomes outcomes;
    private final DeliveryPace pace;

    SubscriptionDelivery(
            DSLContext db,
            WebhookSettings settings,
            DeliverySender sender,
            SecretBox secrets,
            TargetGuard guard,
            DeliveryOutcomes outcomes,
            DeliveryPace pace) {
        this.db = db;
        this.settings = settings;
        this.sender = sender;
        this.secrets = secrets;
        this.guard = guard;
        this.outcomes = outcomes;
        this.pace = pace;
    }

    /** What a turn needs of its subscription, read again after {@link #FRESH_FOR} (a PATCH takes effect then). */
    private record Subscription(String url, Signature signature, String refused, boolean hadFailures, long readAt) {
        boolean stale() {
            return System.nanoTime() - readAt > FRESH_FOR.toNanos();
        }
    }

    /** A delivery not yet done, with its event. */
    record Pending(long id, String webhookId, byte[] body, int attemptsCount, String attempts, Instant due) {}

    void deliver(long webhookId, String instance, BooleanSupplier running) {
        Instant leasedAt = Instant.now();
        boolean lingered = false;
        Subscription subscription = null;
        while (running.getAsBoolean()) {
            if (subscription == null || subscription.stale()) {
                subscription = subscription(webhookId);
            }
            List<Pending> batch = subscription == null ? List.of() : pending(webhookId);
            if (batch.isEmpty()) {
                if (subscription == null || lingered || !linger()) {
                    return;
                }
                lingered = true; // once: events written meanwhile join this turn instead of a new claim
                continue;
            }
            lingered = false;
            List<DeliveryOutcomes.Success> succeeded = new ArrayList<>();
            try {
                for (Pending head : batch) {
                    if (!pace.awaitTurn()) {
                        return;
                    }
                    Instant now = Instant.now();
                    if (!running.getAsBoolean() || head.due().isAfter(now)) {
                        return;
                    }
                    // a send must end within the lease, or another instance could take over mid-send
                    if (now.plus(settings.requestTimeout())
                            .plus(LEASE_MARGIN)
                            .isAfter(leasedAt.plus(settings.lease()))) {
                        outcomes.recordSuccesses(
                                webhookId, succeeded, subscription == null || subscription.hadFailures());
                        if (!renew(webhookId, instance)) {
                            return;
                        }
                        leasedAt = now;
                    }
                    DeliveryAttempt attempt = subscription.refused() != null
                            ? new DeliveryAttempt(now, null, 0, null, "the URL " + subscription.refused())
                            : sender.send(subscription.url(), subscription.signature(), head.webhookId(), head.body());
                    if (attempt.succeeded()) {
                        succeeded.add(DeliveryOutcomes.success(head, attempt));
                    } else {
                        outcomes.recordSuccesses(
                                webhookId, succeeded, subscription == null || subscription.hadFailures());
                        if (!outcomes.recordFailure(webhookId, head, attempt)) {
                            return;
                        }
                        subscription = subscription(webhookId); // its count of failures has changed
                        if (subscription == null) {
                            return;
                        }
                    }
                }
            } finally {
                outcomes.recordSuccesses(webhookId, succeeded, subscription == null || subscription.hadFailures());
            }
            // Caught up: let the next events gather before looking again. Under a steady write load
            // a turn then reads and records a batch every LINGER, not a few events per statement.
            if (batch.size() < settings.batchSize()) {
                if (!linger()) {
                    return;
                }
                lingered = true;
            }
        }
    }

    /** Waits a moment for more events before giving the subscription up; false when interrupted. */
    private static boolean linger() {
        try {
            Thread.sleep(LINGER.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Subscription subscription(long webhookId) {
        Record row = db.select(URL, ENABLED, SECRET, PREVIOUS_SECRET, PREVIOUS_SECRET_UNTIL, FAILED_IN_A_ROW)
                .from(WEBHOOKS)
                .where(ID.eq(webhookId))
                .fetchOne();
        if (row == null || !Boolean.TRUE.equals(row.get(ENABLED))) {
            return null;
        }
        List<String> signing = new ArrayList<>();
        signing.add(secrets.open(row.get(SECRET)));
        Instant previousUntil = row.get(PREVIOUS_SECRET_UNTIL);
        if (row.get(PREVIOUS_SECRET) != null && previousUntil != null && previousUntil.isAfter(Instant.now())) {
            signing.add(secrets.open(row.get(PREVIOUS_SECRET)));
        }
        String url = row.get(URL);
        return new Subscription(
                url,
                Signature.of(signing),
                guard.problem(url).orElse(null),
                row.get(FAILED_IN_A_ROW) > 0,
                System.nanoTime());
    }

    /** The next deliveries in order: the one being retried first, then by id. */
    private List<Pending> pending(long webhookId) {
        return db.select(
                        DELIVERY_ID,
                        EVENT_UUID,
                        EVENT_BODY,
                        DELIVERY_ATTEMPTS_COUNT,
                        DELIVERY_ATTEMPTS,
                        DELIVERY_NEXT_ATTEMPT_AT)
                .from(DELIVERIES)
                .join(EVENTS_TABLE)
                .on(EVENT_ID.eq(DELIVERY_EVENT_ID))
                .where(DELIVERY_WEBHOOK_ID.eq(webhookId).and(DELIVERY_STATUS.eq("pending")))
                .orderBy(DSL.when(DELIVERY_ATTEMPTS_COUNT.gt(0), 0).otherwise(1), DELIVERY_ID)
                .limit(settings.batchSize())
                .fetch(row -> new Pending(
                        row.get(DELIVERY_ID),
                        row.get(EVENT_UUID).toString(),
                        row.get(EVENT_BODY).getBytes(StandardCharsets.UTF_8),
                        row.get(DELIVERY_ATTEMPTS_COUNT),
                        row.get(DELIVERY_ATTEMPTS),
                        row.get(DELIVERY_NEXT_ATTEMPT_AT)));
    }

    private boolean renew(long webhookId, String instance) {
        return db.update(WEBHOOKS)
                        .set(LEASED_UNTIL, SqlTypes.now().plus(settings.lease()))
                        .where(ID.eq(webhookId).and(LEASED_BY.eq(instance)))
                        .execute()
                == 1;
    }
}
