package com.assetcollections.collections;

import static com.assetcollections.collections.VisibilityWorld.pick;
import static com.assetcollections.support.RandomValues.fragment;

import com.assetcollections.collections.VisibilityWorld.Coll;
import com.assetcollections.query.TextFolding;
import com.assetcollections.support.RandomListQuery;
import com.assetcollections.support.RandomValues;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A random list request over a {@link VisibilityWorld} — filters of every kind and operator,
 * sort, search, sparse fields, includes — and, computed in Java, which rows it must return for a
 * caller and in which order.
 */
final class RandomCollectionQuery extends RandomListQuery<Coll> {

    static final List<String> SORTABLE =
            List.of("id", "name", "collection_type", "uuid", "owner_id", "assets_count", "created_at", "updated_at");
    static final List<String> FIELDS =
            List.of("id", "name", "collection_type", "uuid", "description", "owner_id", "created_at", "updated_at");

    private final long callerId;

    private RandomCollectionQuery(long callerId) {
        super(Coll::id);
        this.callerId = callerId;
    }

    /** Filters, sort and search only (paging, fields and includes are the caller's to add). */
    static RandomCollectionQuery generate(
            Random random, VisibilityWorld world, long callerId, Map<String, Set<Long>> searchHits) {
        RandomCollectionQuery query = new RandomCollectionQuery(callerId);
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            query.randomFilter(random, world);
        }
        query.randomSort(random, SORTABLE);
        query.randomSearch(random, searchHits, 30);
        return query;
    }

    /** The rows the caller must get, in order (unless {@link #ranked()}). */
    List<Coll> expected(VisibilityWorld world) {
        return matching(world.visibleTo(callerId));
    }

    void randomFields(Random random) {
        randomFields(random, "collections", FIELDS);
    }

    private void randomFilter(Random random, VisibilityWorld world) {
        Coll some = pick(random, world.collections);
        long pivotUser = pick(random, world.people).id();
        switch (random.nextInt(16)) {
            case 0 -> identityFilter(random, some, world.collections, world.unusedId(), "uuid", Coll::uuid);
            case 1 -> contains(random, "name", fragment(random, pick(random, VisibilityWorld.WORDS)), Coll::name);
            case 2 -> {
                String prefix = fragment(random, some.name());
                String folded = TextFolding.fold(prefix);
                filter(
                        "filter[name][starts_with]",
                        prefix,
                        c -> TextFolding.fold(c.name()).startsWith(folded));
            }
            case 3 -> filter("filter[name][eq]", some.name(), c -> c.name().equals(some.name()));
            case 4 ->
                contains(
                        random,
                        "collection_type",
                        pick(random, List.of("pub", "PRIV", "ic", "Public", "at")),
                        Coll::type);
            case 5 ->
                filter("filter[collection_type][eq]", some.type(), c -> c.type().equals(some.type()));
            case 6 ->
                contains(
                        random,
                        "description",
                        fragment(random, pick(random, VisibilityWorld.WORDS)),
                        Coll::description);
            case 7 -> {
                boolean isNull = random.nextBoolean();
                filter("filter[description][null]", isNull ? "1" : "0", c -> (c.description() == null) == isNull);
            }
            case 8, 9 -> ownerFilter(random, pivotUser, Coll::ownerId);
            case 10, 11, 12 -> timeFilter(random, some, Coll::createdAt, Coll::updatedAt);
            case 13 -> flag(random, "public", Coll::isPublic);
            case 14 ->
                compare(random, "assets_count", some.assetIds().size(), c ->
                        (long) c.assetIds().size());
            default -> {
                switch (random.nextInt(3)) {
                    case 0 -> flag(random, "mine", c -> c.ownerId() == callerId);
                    case 1 -> flag(random, "shared_with_me", c -> c.sharedWith().contains(callerId));
                    default -> {
                        String level = random.nextBoolean() ? "view" : "edit";
                        filter(
                                "filter[share_level]",
                                random.nextBoolean() ? level : level.toUpperCase(),
                                c -> level.equals(c.shares().get(callerId)));
                    }
                }
            }
        }
    }

    @Override
    protected Comparator<Coll> key(String field) {
        return switch (field) {
            case "id" -> Comparator.comparingLong(Coll::id);
            case "name" -> Comparator.comparing(Coll::name, RandomValues.NAME_ORDER);
            case "collection_type" -> Comparator.comparing(Coll::type);
            case "uuid" -> Comparator.comparing(c -> c.uuid().toString());
            case "owner_id" -> Comparator.comparingLong(Coll::ownerId);
            case "assets_count" -> Comparator.comparingInt(c -> c.assetIds().size());
            case "created_at" -> Comparator.comparing(Coll::createdAt);
            default -> Comparator.comparing(Coll::updatedAt);
        };
    }
}
