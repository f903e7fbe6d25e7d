package com.assetcollections.webhooks;

import static com.assetcollections.webhooks.WebhookTable.DELIVERIES;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ATTEMPTS_COUNT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_ID;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_NEXT_ATTEMPT_AT;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_STATUS;
import static com.assetcollections.webhooks.WebhookTable.DELIVERY_WEBHOOK_ID;
import static com.assetcollections.webhooks.WebhookTable.ENABLED;
import static com.assetcollections.webhooks.WebhookTable.ID;
import static com.assetcollections.webhooks.WebhookTable.LEASED_BY;
import static com.assetcollections.webhooks.WebhookTable.LEASED_UNTIL;
import static com.assetcollections.webhooks.WebhookTable.WEBHOOKS;

import com.assetcollections.storage.SqlTypes;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.SelectForUpdateStep;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds subscriptions with a due delivery and has a {@link SubscriptionDelivery} deliver their
 * events, up to {@code app.webhooks.receivers-at-once} subscriptions at a time. A subscription is
 * claimed with a lease ({@code leased_by}, {@code leased_until}) taken by one short statement that
 * skips rows other instances are claiming ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL), so any
 * number of instances deliver each subscription's events in order and each once; the lease of an
 * instance that died runs out and another takes over (its in-flight event may then arrive twice,
 * with the same {@code webhook-id}). A subscription is due when its head is: the delivery being
 * retried, else its oldest pending one; events behind a head in backoff wait for it.
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /**
     * The least time between two looks for due subscriptions. Under a steady write load every commit
     * raises the signal; claiming at each would serve each subscription in many tiny turns, whose
     * fixed cost (claim, read, record, release) would then outweigh the sends.
     */
    private static final long CLAIM_GAP_MILLIS = 100;
    /**
     * The most subscriptions one look claims: when several instances dispatch, each takes a share of
     * the due subscriptions instead of the first one to look taking them all (and, since a turn goes
     * on while events keep coming, keeping them).
     */
    private static final int CLAIMED_AT_ONCE = 4;

    private final DSLContext db;
    private final WebhookSettings settings;
    private final DispatchSignal signal;
    private final SubscriptionDelivery delivery;
    private final TransactionTemplate transaction;
    private final String instance = UUID.randomUUID().toString();
    private final Set<Long> active = ConcurrentHashMap.newKeySet();
    private volatile ExecutorService workers;
    private volatile Thread loop;
    private volatile boolean running;

    Dispatcher(
            DSLContext db,
            WebhookSettings settings,
            DispatchSignal signal,
            SubscriptionDelivery delivery,
            PlatformTransactionManager transactions) {
        this.db = db;
        this.settings = settings;
        this.signal = signal;
        this.delivery = delivery;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void start() {
        if (!settings.dispatch() || running) {
            return;
        }
        running = true;
        workers = Executors.newFixedThreadPool(settings.receiversAtOnce(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-delivery");
            thread.setDaemon(true);
            return thread;
        });
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread current = loop;
        if (current != null) {
            current.interrupt();
        }
        ExecutorService pool = workers;
        if (pool != null) {
            pool.shutdown();
            try {
                pool.awaitTermination(settings.requestTimeout().toSeconds() + 1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pool.shutdownNow();
        }
        releaseAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                int free = Math.min(CLAIMED_AT_ONCE, settings.receiversAtOnce() - active.size());
                if (free > 0) {
                    for (long webhookId : claim(free)) {
                        active.add(webhookId);
                        workers.execute(() -> deliver(webhookId));
                    }
                }
                signal.await(settings.pollInterval());
                Thread.sleep(CLAIM_GAP_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("the webhook dispatcher could not look for due deliveries: {}", e.toString());
                sleep();
            }
        }
    }

    private void deliver(long webhookId) {
        try {
            delivery.deliver(webhookId, instance, () -> running);
        } catch (RuntimeException e) {
            log.warn("delivering the events of webhook {} failed: {}", webhookId, e.toString());
        } finally {
            release(webhookId);
            active.remove(webhookId);
            signal.raise();
        }
    }

    /** Leases up to {@code limit} due subscriptions to this instance; returns their ids. */
    List<Long> claim(int limit) {
        Instant now = SqlTypes.now();
        var due = db.select(ID)
                .from(WEBHOOKS)
                .where(ENABLED.isTrue())
                .and(LEASED_UNTIL.isNull().or(LEASED_UNTIL.lt(now)))
                .and(headDue(now))
                .orderBy(LEASED_UNTIL.asc().nullsFirst(), ID)
                .limit(limit);
        if (!db.fetchExists(due)) {
            return List.of(); // nothing to claim: no write transaction (SQLite has one writer at a time)
        }
        SelectForUpdateStep<?> candidates = due;
        Field<Long> candidate = DSL.field(DSL.name("due", "id"), Long.class);
        return transaction.execute(status -> db.update(WEBHOOKS)
                .set(LEASED_BY, instance)
                .set(LEASED_UNTIL, now.plus(settings.lease()))
                .where(ID.in(DSL.select(candidate)
                        .from((db.dialect().family() == SQLDialect.POSTGRES
                                        ? candidates.forUpdate().skipLocked()
                                        : candidates)
                                .asTable("due"))))
                .and(LEASED_UNTIL.isNull().or(LEASED_UNTIL.lt(now)))
                .returningResult(ID)
                .fetch(ID));
    }

    /**
     * The subscription's head is due: the delivery being retried (attempted, still pending) when
     * there is one, else its oldest pending delivery.
     */
    private static Condition headDue(Instant now) {
        var retried = DSL.select(DSL.min(DELIVERY_NEXT_ATTEMPT_AT))
                .from(DELIVERIES)
                .where(DELIVERY_WEBHOOK_ID.eq(ID))
                .and(DELIVERY_STATUS.eq("pending"))
                .and(DELIVERY_ATTEMPTS_COUNT.gt(0));
        var oldest = DSL.select(DELIVERY_NEXT_ATTEMPT_AT)
                .from(DELIVERIES)
                .where(DELIVERY_WEBHOOK_ID.eq(ID))
                .and(DELIVERY_STATUS.eq("pending"))
                .orderBy(DELIVERY_ID)
                .limit(1);
        return DSL.coalesce(DSL.field(retried), DSL.field(oldest)).le(now);
    }

    private void release(long webhookId) {
        try {
            db.update(WEBHOOKS)
                    .set(LEASED_BY, (String) null)
                    .set(LEASED_UNTIL, (Instant) null)
                    .where(ID.eq(webhookId).and(LEASED_BY.eq(instance)))
                    .execute();
        } catch (RuntimeException e) {
            log.warn("could not release the lease of webhook {} (it runs out by itself): {}", webhookId, e.toString());
        }
    }

    private void releaseAll() {
        try {
            db.update(WEBHOOKS)
                    .set(LEASED_BY, (String) null)
                    .set(LEASED_UNTIL, (Instant) null)
                    .where(LEASED_BY.eq(instance))
                    .execute();
        } catch (RuntimeException e) {
            log.debug("could not release this instance's leases at shutdown: {}", e.toString());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
