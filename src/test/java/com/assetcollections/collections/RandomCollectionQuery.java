package com.assetcollections.collections;

import static com.assetcollections.collections.RandomValues.datetime;
import static com.assetcollections.collections.RandomValues.fragment;
import static com.assetcollections.collections.RandomValues.holds;
import static com.assetcollections.collections.RandomValues.join;
import static com.assetcollections.collections.RandomValues.pivot;
import static com.assetcollections.collections.VisibilityWorld.pick;

import com.assetcollections.collections.VisibilityWorld.Coll;
import com.assetcollections.query.TextFolding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A random list request over a {@link VisibilityWorld} — filters of every kind and operator,
 * sort, search, sparse fields, includes — and, computed in Java, which rows it must return for a
 * caller and in which order.
 */
final class RandomCollectionQuery {

    static final List<String> SORTABLE =
            List.of("id", "name", "collection_type", "uuid", "owner_id", "assets_count", "created_at", "updated_at");
    static final List<String> FIELDS =
            List.of("id", "name", "collection_type", "uuid", "description", "owner_id", "created_at", "updated_at");

    final Map<String, String> params = new LinkedHashMap<>();
    private final long callerId;
    private Predicate<Coll> matches = c -> true;
    private final List<String> sortKeys = new ArrayList<>();
    private String search;
    List<String> fields;

    private RandomCollectionQuery(long callerId) {
        this.callerId = callerId;
    }

    /** Filters, sort and search only (paging, fields and includes are the caller's to add). */
    static RandomCollectionQuery generate(
            Random random, VisibilityWorld world, long callerId, Map<String, Set<Long>> searchHits) {
        RandomCollectionQuery query = new RandomCollectionQuery(callerId);
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            query.randomFilter(random, world);
        }
        if (random.nextInt(100) < 60) {
            List<String> keys = new ArrayList<>(SORTABLE);
            java.util.Collections.shuffle(keys, random);
            List<String> tokens = new ArrayList<>();
            for (String key : keys.subList(0, 1 + random.nextInt(3))) {
                boolean descending = random.nextBoolean();
                query.sortKeys.add((descending ? "-" : "") + key);
                tokens.add((descending ? "-" : random.nextInt(10) == 0 ? "+" : "") + key);
            }
            query.params.put("sort", String.join(",", tokens));
        }
        if (!searchHits.isEmpty() && random.nextInt(100) < 30) {
            query.search = pick(random, List.copyOf(searchHits.keySet()));
            Set<Long> hits = searchHits.get(query.search);
            query.params.put("search", query.search);
            query.and(c -> hits.contains(c.id()));
        }
        return query;
    }

    boolean ranked() {
        return search != null && sortKeys.isEmpty();
    }

    /** The rows the caller must get, in order (unless {@link #ranked()}). */
    List<Coll> expected(VisibilityWorld world) {
        return world.collections.stream()
                .filter(c -> c.visibleTo(callerId))
                .filter(matches)
                .sorted(order())
                .toList();
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

    private void filter(String name, String value, Predicate<Coll> predicate) {
        if (params.putIfAbsent(name, value) == null) {
            and(predicate);
        }
    }

    private void and(Predicate<Coll> predicate) {
        matches = matches.and(predicate);
    }

    private void contains(Random random, String field, String needle, Function<Coll, String> value) {
        String folded = TextFolding.fold(needle);
        String name = random.nextBoolean() ? "filter[" + field + "]" : "filter[" + field + "][contains]";
        filter(
                name,
                needle,
                c -> value.apply(c) != null && TextFolding.fold(value.apply(c)).contains(folded));
    }

    private void compare(Random random, String field, long pivot, Function<Coll, Long> value) {
        String op = pick(random, List.of("eq", "gt", "gte", "lt", "lte"));
        filter(
                "filter[" + field + "][" + op + "]",
                Long.toString(pivot),
                c -> holds(op, Long.compare(value.apply(c), pivot)));
    }

    private void compareTime(Random random, String field, Instant pivot, Function<Coll, Instant> value) {
        String op = pick(random, List.of("eq", "gt", "gte", "lt", "lte"));
        Instant[] meant = new Instant[1];
        String text = op.equals("eq") ? pivot.toString() : datetime(random, pivot, meant);
        Instant at = op.equals("eq") ? pivot : meant[0];
        filter(
                "filter[" + field + "][" + op + "]",
                text,
                c -> holds(op, value.apply(c).compareTo(at)));
    }

    private void flag(Random random, String name, Predicate<Coll> predicate) {
        boolean on = random.nextInt(4) != 0;
        String value = on ? pick(random, List.of("1", "true")) : pick(random, List.of("0", "false"));
        filter("filter[" + name + "]", value, on ? predicate : c -> true);
    }

    private Comparator<Coll> order() {
        Comparator<Coll> order = (a, b) -> 0;
        for (String token : sortKeys) {
            boolean descending = token.startsWith("-");
            Comparator<Coll> key = key(descending ? token.substring(1) : token);
            order = order.thenComparing(descending ? key.reversed() : key);
        }
        return order.thenComparingLong(Coll::id);
    }

    private static Comparator<Coll> key(String field) {
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
