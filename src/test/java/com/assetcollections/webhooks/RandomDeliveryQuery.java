package com.assetcollections.webhooks;

import static com.assetcollections.support.RandomValues.pick;

import com.assetcollections.support.RandomListQuery;
import com.assetcollections.webhooks.DeliveryHistory.Delivery;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A random request of {@code GET /api/v2/webhooks/{id}/deliveries} over one subscription's log in
 * a {@link DeliveryHistory} — every filter and operator of {@link DeliverySchema}, sort by every
 * sortable field — and, computed in Java, which deliveries it must return in which order.
 */
final class RandomDeliveryQuery extends RandomListQuery<Delivery> {

    static final List<String> SORTABLE = List.of("id", "event", "status", "created_at", "updated_at");
    static final List<String> FIELDS = WebhookDeliveriesContract.FIELDS;
    private static final List<String> STATUSES = List.of("pending", "succeeded", "failed");

    private final List<Delivery> log;

    private RandomDeliveryQuery(List<Delivery> log) {
        super(Delivery::id);
        this.log = log;
    }

    /**
     * Filters and sort (paging and fields are the caller's to add); values are taken from
     * {@code everyLog}, so that some name other subscriptions' deliveries.
     */
    static RandomDeliveryQuery generate(Random random, List<Delivery> log, List<Delivery> everyLog) {
        RandomDeliveryQuery query = new RandomDeliveryQuery(log);
        for (int i = 0, n = everyLog.isEmpty() ? 0 : random.nextInt(4); i < n; i++) {
            query.randomFilter(
                    random, pick(random, log.isEmpty() || random.nextInt(4) == 0 ? everyLog : log), everyLog);
        }
        query.randomSort(random, SORTABLE);
        return query;
    }

    /** The deliveries the log must show, in order. */
    List<Delivery> expected() {
        return matching(log);
    }

    private void randomFilter(Random random, Delivery some, List<Delivery> everyLog) {
        switch (random.nextInt(6)) {
            case 0 ->
                identityFilter(
                        random,
                        some,
                        everyLog,
                        everyLog.stream().mapToLong(Delivery::id).max().orElse(0) + 1,
                        "event_id",
                        Delivery::eventId);
            case 1 ->
                text(
                        random,
                        "event",
                        random.nextBoolean() ? some.event() : pick(random, WebhookEvent.NAMES),
                        Delivery::event);
            case 2 -> text(random, "status", pick(random, STATUSES), Delivery::status);
            default -> timeFilter(random, some, Delivery::createdAt, Delivery::updatedAt);
        }
    }

    @Override
    protected Comparator<Delivery> key(String field) {
        return switch (field) {
            case "id" -> Comparator.comparingLong(Delivery::id);
            case "event" -> Comparator.comparing(Delivery::event);
            case "status" -> Comparator.comparing(Delivery::status);
            case "created_at" -> Comparator.comparing(Delivery::createdAt);
            default -> Comparator.comparing(Delivery::updatedAt);
        };
    }
}
