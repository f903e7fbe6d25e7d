package com.assetcollections.collections;

import static com.assetcollections.collections.VisibilityWorld.pick;
import static com.assetcollections.support.RandomValues.datetime;
import static com.assetcollections.support.RandomValues.fragment;
import static com.assetcollections.support.RandomValues.join;
import static com.assetcollections.support.RandomValues.pivot;

import com.assetcollections.collections.VisibilityWorld.Coll;
import com.assetcollections.query.TextFolding;
import com.assetcollections.support.RandomListQuery;
import com.assetcollections.support.RandomValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

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
    List<String> fields;

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
        List<String> chosen = new ArrayList<>(
                FIELDS.stream().filter(f -> random.nextBoolean()).toList());
        if (!chosen.contains("id")) {
            chosen.add(random.nextInt(chosen.size() + 1), "id");
        }
        fields = FIELDS.stream().filter(chosen::contains).toList();
        params.put("fields[collections]", String.join(",", chosen));
    }

    private void randomFilter(Random random, VisibilityWorld world) {
        Coll some = pick(random, world.collections);
        long pivotUser = pick(random, world.people).id();
        switch (random.nextInt(18)) {
            case 0 -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
                    ids.add(
                            random.nextInt(6) == 0
                                    ? world.unusedId() + i
                                    : pick(random, world.collections).id());
                }
                filter("filter[id]", join(ids), c -> ids.contains(c.id()));
            }
            case 1 -> compare(random, "id", some.id(), Coll::id);
            case 2 -> {
                List<Coll> chosen = List.of(some, pick(random, world.collections));
                String value = chosen.subList(0, 1 + random.nextInt(2)).stream()
                        .map(c -> random.nextBoolean()
                                ? c.uuid().toString()
                                : c.uuid().toString().toUpperCase())
                        .collect(Collectors.joining(","));
                filter(
                        "filter[uuid]",
                        value,
                        c -> value.toLowerCase().contains(c.uuid().toString()));
            }
            case 3 -> contains(random, "name", fragment(random, pick(random, VisibilityWorld.WORDS)), Coll::name);
            case 4 -> {
                String prefix = fragment(random, some.name());
                String folded = TextFolding.fold(prefix);
                filter(
                        "filter[name][starts_with]",
                        prefix,
                        c -> TextFolding.fold(c.name()).startsWith(folded));
            }
            case 5 -> filter("filter[name][eq]", some.name(), c -> c.name().equals(some.name()));
            case 6 ->
                contains(
                        random,
                        "collection_type",
                        pick(random, List.of("pub", "PRIV", "ic", "Public", "at")),
                        Coll::type);
            case 7 ->
                filter("filter[collection_type][eq]", some.type(), c -> c.type().equals(some.type()));
            case 8 ->
                contains(
                        random,
                        "description",
                        fragment(random, pick(random, VisibilityWorld.WORDS)),
                        Coll::description);
            case 9 -> {
                boolean isNull = random.nextBoolean();
                filter("filter[description][null]", isNull ? "1" : "0", c -> (c.description() == null) == isNull);
            }
            case 10 -> {
                List<Long> owners = List.of(pivotUser, random.nextInt(4) == 0 ? pivotUser + 1000 : pivotUser);
                filter("filter[owner_id]", join(owners), c -> owners.contains(c.ownerId()));
            }
            case 11 -> compare(random, "owner_id", pivotUser, Coll::ownerId);
            case 12 -> {
                Instant[] pivot = new Instant[1];
                String text = datetime(random, pivot(random, some.updatedAt()), pivot);
                filter("filter[updated_since]", text, c -> c.updatedAt().isAfter(pivot[0]));
            }
            case 13 -> compareTime(random, "created_at", pivot(random, some.createdAt()), Coll::createdAt);
            case 14 -> compareTime(random, "updated_at", pivot(random, some.updatedAt()), Coll::updatedAt);
            case 15 -> flag(random, "public", Coll::isPublic);
            case 16 ->
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
