package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.DELIVERIES;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ATTEMPTS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ATTEMPTS_COUNT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_EVENT_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_NEXT_ATTEMPT_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_STATUS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_UPDATED_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_WEBHOOK_ID;
import static com.assetcollections.webhooks.WebhookTable.DISABLED_REASON;
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
import static com.assetcollections.webhooks.WebhookTable.UPDATED_AT;
import static com.assetcollections.webhooks.WebhookTable.URL;
import static com.assetcollections.webhooks.WebhookTable.WEBHOOKS;

import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.JsonValues;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Row3;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers one leased subscription's due events, in order: the head first (the delivery being
 * retried, else the oldest pending one), and no event before the one ahead of it has succeeded or
 * failed for good. A failure puts the head in backoff and ends the turn; {@code 410 Gone}
 * disables the subscription at once, and so do {@code disable-after-failed-events} events failed
 * in a row. Successes are recorded in batches; an instance that dies before recording one has
 * that event delivered again, with the same {@code webhook-id}.
 */
@Component
class SubscriptionDelivery {

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    /** How long a turn waits for more events once it has sent all it found. */
    private static final Duration LINGER = Duration.ofMillis(100);

    /** Time kept in hand when deciding whether a send still fits in the lease. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

    /** Attempts kept in a delivery's log (redeliveries add to it). */
    private static final int KEPT_ATTEMPTS = 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final WebhookSettings settings;
    private final DeliverySender sender;
    private final SecretBox secrets;
    private final TransactionTemplate transaction;

    SubscriptionDelivery(
            DSLContext db,
            WebhookSettings settings,
            DeliverySender sender,
            SecretBox secrets,
            PlatformTransactionManager transactions) {
        this.db = db;
        this.settings = settings;
        this.sender = sender;
        this.secrets = secrets;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What a turn needs of its subscription, read again after {@link #FRESH_FOR} (a PATCH takes effect then). */
    private record Subscription(String url, List<String> secrets, boolean hadFailures, long readAt) {
        boolean stale() {
            return System.nanoTime() - readAt > FRESH_FOR.toNanos();
        }
    }

    private record Pending(long id, String webhookId, byte[] body, int attemptsCount, String attempts, Instant due) {}

    private enum Next {
        GO_ON,
        STOP
    }

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
            List<Success> succeeded = new ArrayList<>();
            try {
                for (Pending head : batch) {
                    Instant now = Instant.now();
                    if (!running.getAsBoolean() || head.due().isAfter(now)) {
                        return;
                    }
                    // a send must end within the lease, or another instance could take over mid-send
                    if (now.plus(settings.requestTimeout())
                            .plus(LEASE_MARGIN)
                            .isAfter(leasedAt.plus(settings.lease()))) {
                        flush(webhookId, succeeded, subscription);
                        if (!renew(webhookId, instance)) {
                            return;
                        }
                        leasedAt = now;
                    }
                    DeliveryAttempt attempt =
                            sender.send(subscription.url(), subscription.secrets(), head.webhookId(), head.body());
                    if (attempt.succeeded()) {
                        succeeded.add(success(head, attempt));
                    } else {
                        flush(webhookId, succeeded, subscription);
                        if (failure(webhookId, head, attempt) == Next.STOP) {
                            return;
                        }
                        subscription = subscription(webhookId); // its count of failures has changed
                        if (subscription == null) {
                            return;
                        }
                    }
                }
            } finally {
                flush(webhookId, succeeded, subscription);
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
        return new Subscription(row.get(URL), signing, row.get(FAILED_IN_A_ROW) > 0, System.nanoTime());
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

    /** A delivery that succeeded, to be recorded with the others of its turn. */
    private record Success(long id, int attemptsCount, String attempts) {}

    private static Success success(Pending head, DeliveryAttempt attempt) {
        return new Success(head.id(), head.attemptsCount() + 1, withAttempt(head.attempts(), attempt));
    }

    /** Records the successes in one statement (one trigger run for the change marks). */
    private void flush(long webhookId, List<Success> succeeded, Subscription subscription) {
        if (succeeded.isEmpty()) {
            return;
        }
        Table<?> done = DSL.values(succeeded.stream()
                        .map(success -> DSL.row(
                                DSL.val(success.id()), DSL.val(success.attemptsCount()), DSL.val(success.attempts())))
                        .toArray(Row3[]::new))
                .as("done", "id", "attempts_count", "attempts");
        Instant now = SqlTypes.now();
        transaction.executeWithoutResult(status -> {
            db.update(DELIVERIES)
                    .set(DELIVERY_STATUS, "succeeded")
                    .set(DELIVERY_ATTEMPTS_COUNT, done.field("attempts_count", Integer.class))
                    .set(DELIVERY_ATTEMPTS, done.field("attempts", String.class))
                    .set(DELIVERY_NEXT_ATTEMPT_AT, (Instant) null)
                    .set(DELIVERY_UPDATED_AT, now)
                    .from(done)
                    .where(DELIVERY_ID.eq(done.field("id", Long.class)))
                    .execute();
            if (subscription == null || subscription.hadFailures()) {
                db.update(WEBHOOKS)
                        .set(FAILED_IN_A_ROW, 0)
                        .where(ID.eq(webhookId).and(FAILED_IN_A_ROW.gt(0)))
                        .execute();
            }
        });
        succeeded.clear();
    }

    private Next failure(long webhookId, Pending head, DeliveryAttempt attempt) {
        int attempts = head.attemptsCount() + 1;
        Instant now = SqlTypes.now();
        String log = withAttempt(head.attempts(), attempt);
        return transaction.execute(status -> {
            if (attempt.gone()) {
                updateDelivery(head, "pending", attempts, log, now, now);
                disable(webhookId, "the receiver answered 410 Gone at " + JsonValues.datetime(now), now);
                return Next.STOP;
            }
            if (attempts < settings.attempts()) {
                updateDelivery(head, "pending", attempts, log, now.plus(backoff(attempts)), now);
                return Next.STOP;
            }
            updateDelivery(head, "failed", attempts, log, null, now);
            int failedInARow = db.update(WEBHOOKS)
                    .set(FAILED_IN_A_ROW, FAILED_IN_A_ROW.plus(1))
                    .where(ID.eq(webhookId))
                    .returningResult(FAILED_IN_A_ROW)
                    .fetchOptional(FAILED_IN_A_ROW)
                    .orElse(0);
            if (failedInARow >= settings.disableAfterFailedEvents()) {
                disable(
                        webhookId,
                        failedInARow + " events in a row could not be delivered (the last: "
                                + (attempt.statusCode() == null ? attempt.error() : "HTTP " + attempt.statusCode())
                                + ")",
                        now);
                return Next.STOP;
            }
            return Next.GO_ON;
        });
    }

    private void updateDelivery(Pending head, String status, int attempts, String log, Instant next, Instant now) {
        db.update(DELIVERIES)
                .set(DELIVERY_STATUS, status)
                .set(DELIVERY_ATTEMPTS_COUNT, attempts)
                .set(DELIVERY_ATTEMPTS, log)
                .set(DELIVERY_NEXT_ATTEMPT_AT, next)
                .set(DELIVERY_UPDATED_AT, now)
                .where(DELIVERY_ID.eq(head.id()))
                .execute();
    }

    private void disable(long webhookId, String reason, Instant now) {
        db.update(WEBHOOKS)
                .set(ENABLED, false)
                .set(DISABLED_REASON, reason)
                .set(UPDATED_AT, now)
                .where(ID.eq(webhookId).and(ENABLED.isTrue()))
                .execute();
    }

    private boolean renew(long webhookId, String instance) {
        return db.update(WEBHOOKS)
                        .set(LEASED_UNTIL, SqlTypes.now().plus(settings.lease()))
                        .where(ID.eq(webhookId).and(LEASED_BY.eq(instance)))
                        .execute()
                == 1;
    }

    /** The wait after the {@code attempts}-th failed attempt: exponential, with jitter. */
    Duration backoff(int attempts) {
        double base = settings.firstRetry().toMillis() * Math.pow(settings.multiplier(), attempts - 1);
        double jitter = 1 + settings.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(base * jitter)));
    }

    private static String withAttempt(String log, DeliveryAttempt attempt) {
        if (log.equals("[]")) {
            return JSON.writeValueAsString(List.of(attempt.json(JsonValues.datetime(attempt.attemptedAt()))));
        }
        List<Object> attempts = new ArrayList<>(List.of(JSON.readValue(log, Object[].class)));
        attempts.add(attempt.json(JsonValues.datetime(attempt.attemptedAt())));
        if (attempts.size() > KEPT_ATTEMPTS) {
            attempts = attempts.subList(attempts.size() - KEPT_ATTEMPTS, attempts.size());
        }
        return JSON.writeValueAsString(attempts);
    }
}
