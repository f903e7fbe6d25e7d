package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.DELIVERIES;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ATTEMPTS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ATTEMPTS_COUNT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_NEXT_ATTEMPT_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_STATUS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_UPDATED_AT;
import static com.assetcollections.webhooks.WebhookTable.DISABLED_REASON;
import static com.assetcollections.webhooks.WebhookTable.ENABLED;
import static com.assetcollections.webhooks.WebhookTable.FAILED_IN_A_ROW;
import static com.assetcollections.webhooks.WebhookTable.ID;
import static com.assetcollections.webhooks.WebhookTable.UPDATED_AT;
import static com.assetcollections.webhooks.WebhookTable.WEBHOOKS;

import com.assetcollections.storage.SqlTypes;
import com.assetcollections.web.JsonValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Row3;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records what the attempts of a turn came to: successes in a batch, a failure as a wait before
 * the next attempt ({@link RetrySchedule}) or as the event failed for good, and disables a
 * subscription on 410 Gone or after {@code disable-after-failed-events} events failed in a row.
 * Each delivery keeps a log of its attempts (the last {@value #KEPT_ATTEMPTS}).
 */
@Component
class DeliveryOutcomes {

    /** Attempts kept in a delivery's log (redeliveries add to it). */
    static final int KEPT_ATTEMPTS = 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext db;
    private final WebhookSettings settings;
    private final RetrySchedule schedule;
    private final TransactionTemplate transaction;

    DeliveryOutcomes(DSLContext db, WebhookSettings settings, PlatformTransactionManager transactions) {
        this.db = db;
        this.settings = settings;
        this.schedule = new RetrySchedule(settings);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A delivery that succeeded, to be recorded with the others of its turn. */
    record Success(long id, int attemptsCount, String attempts) {}

    static Success success(SubscriptionDelivery.Pending head, DeliveryAttempt attempt) {
        DeliveryMeters.succeeded(head.due(), attempt.attemptedAt());
        return new Success(head.id(), head.attemptsCount() + 1, withAttempt(head.attempts(), attempt));
    }

    /**
     * Records the successes in one statement (one trigger run for the change marks), and ends the
     * subscription's run of failures when it had one; empties the list.
     */
    void recordSuccesses(long webhookId, List<Success> succeeded, boolean hadFailures) {
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
            if (hadFailures) {
                db.update(WEBHOOKS)
                        .set(FAILED_IN_A_ROW, 0)
                        .where(ID.eq(webhookId).and(FAILED_IN_A_ROW.gt(0)))
                        .execute();
            }
        });
        succeeded.clear();
    }

    /**
     * Records a failed attempt: the head waits for its next attempt, or is failed for good (then
     * the subscription may be disabled), or the subscription is disabled at once on 410 Gone.
     * Returns whether the turn may go on with the next event.
     */
    boolean recordFailure(long webhookId, SubscriptionDelivery.Pending head, DeliveryAttempt attempt) {
        int attempts = head.attemptsCount() + 1;
        Instant now = SqlTypes.now();
        String log = withAttempt(head.attempts(), attempt);
        DeliveryMeters.failed(attempt.gone(), attempts < settings.attempts());
        return transaction.execute(status -> {
            if (attempt.gone()) {
                updateDelivery(head, "pending", attempts, log, now, now);
                disable(webhookId, "the receiver answered 410 Gone at " + JsonValues.datetime(now), now);
                return false;
            }
            if (attempts < settings.attempts()) {
                updateDelivery(head, "pending", attempts, log, now.plus(schedule.after(attempts)), now);
                return false;
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
                return false;
            }
            return true;
        });
    }

    private void updateDelivery(
            SubscriptionDelivery.Pending head, String status, int attempts, String log, Instant next, Instant now) {
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
