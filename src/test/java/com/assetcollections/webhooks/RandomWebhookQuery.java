package com.assetcollections.webhooks;

import static com.assetcollections.support.RandomValues.pick;

import com.assetcollections.support.RandomListQuery;
import com.assetcollections.webhooks.SubscriptionWorld.Owner;
import com.assetcollections.webhooks.SubscriptionWorld.Subscription;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A random request of {@code GET /api/v2/webhooks} over a {@link SubscriptionWorld} — every
 * filter and operator of {@link WebhookSchema}, sort by every sortable field — and, computed in
 * Java, which subscriptions it must return to a caller (their own; an admin everyone's) in which
 * order.
 */
final class RandomWebhookQuery extends RandomListQuery<Subscription> {

    static final List<String> SORTABLE = List.of("id", "uuid", "url", "owner_id", "created_at", "updated_at");
    static final List<String> FIELDS = WebhooksContract.FIELDS;

    /** What the caller sees unfiltered: their own subscriptions, or everyone's. */
    private final List<Subscription> visible;

    private RandomWebhookQuery(List<Subscription> visible) {
        super(Subscription::id);
        this.visible = visible;
    }

    /** Filters and sort (paging and fields are the caller's to add). */
    static RandomWebhookQuery generate(Random random, SubscriptionWorld world, Owner caller) {
        RandomWebhookQuery query = new RandomWebhookQuery(world.visibleTo(caller));
        for (int i = 0, n = world.subscriptions.isEmpty() ? 0 : random.nextInt(4); i < n; i++) {
            query.randomFilter(random, world);
        }
        query.randomSort(random, SORTABLE);
        return query;
    }

    /** Every subscription the caller sees, on one page. */
    static RandomWebhookQuery everything(SubscriptionWorld world, Owner caller) {
        RandomWebhookQuery query = new RandomWebhookQuery(world.visibleTo(caller));
        query.params.put("per_page", "1000");
        return query;
    }

    /** The subscriptions the caller must get, in order. */
    List<Subscription> expected() {
        return matching(visible);
    }

    private void randomFilter(Random random, SubscriptionWorld world) {
        Subscription some = pick(random, world.subscriptions);
        long someone = pick(random, world.owners).id();
        switch (random.nextInt(10)) {
            case 0 -> identityFilter(random, some, world.subscriptions, world.unusedId(), "uuid", Subscription::uuid);
            case 1 ->
                text(
                        random,
                        "url",
                        random.nextBoolean() ? some.url() : pick(random, SubscriptionWorld.PATHS),
                        Subscription::url);
            case 2 -> enabled(random);
            case 3 -> isNull(random, "disabled_reason", s -> s.disabledReason() == null);
            case 4 -> isNull(random, "previous_secret_expires_at", s -> s.previousSecretExpiresAt() == null);
            case 5, 6 -> ownerFilter(random, someone, Subscription::ownerId);
            default -> timeFilter(random, some, Subscription::createdAt, Subscription::updatedAt);
        }
    }

    /** {@code enabled} as a plain, {@code eq} or {@code in} filter, in every spelling of a boolean. */
    private void enabled(Random random) {
        String spelling = pick(random, List.of("filter[enabled]", "filter[enabled][eq]", "filter[enabled][in]"));
        if (spelling.endsWith("[in]") && random.nextBoolean()) {
            filter(spelling, pick(random, List.of("1,0", "true,false")), s -> true);
            return;
        }
        boolean on = random.nextBoolean();
        String value = on ? pick(random, List.of("1", "true")) : pick(random, List.of("0", "false"));
        filter(spelling, value, s -> s.enabled() == on);
    }

    private void isNull(Random random, String field, java.util.function.Predicate<Subscription> isNull) {
        boolean wanted = random.nextBoolean();
        filter("filter[" + field + "][null]", wanted ? "1" : "0", s -> isNull.test(s) == wanted);
    }

    @Override
    protected Comparator<Subscription> key(String field) {
        return switch (field) {
            case "id" -> Comparator.comparingLong(Subscription::id);
            case "uuid" -> Comparator.comparing(s -> s.uuid().toString());
            case "url" -> Comparator.comparing(Subscription::url);
            case "owner_id" -> Comparator.comparingLong(Subscription::ownerId);
            case "created_at" -> Comparator.comparing(Subscription::createdAt);
            default -> Comparator.comparing(Subscription::updatedAt);
        };
    }
}
