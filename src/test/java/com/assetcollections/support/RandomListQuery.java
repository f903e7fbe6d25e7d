package com.assetcollections.support;

import static com.assetcollections.support.RandomValues.datetime;
import static com.assetcollections.support.RandomValues.fragment;
import static com.assetcollections.support.RandomValues.holds;
import static com.assetcollections.support.RandomValues.join;
import static com.assetcollections.support.RandomValues.pick;
import static com.assetcollections.support.RandomValues.pivot;

import com.assetcollections.query.TextFolding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What every random list request over an in-memory model shares: its query parameters and, computed
 * in Java, which rows it matches and in which order. A resource's random query adds filters on its
 * own fields with {@link #filter}, {@link #contains}, {@link #compare}, {@link #compareTime} and
 * {@link #flag}, and says how its sortable fields order ({@link #key}).
 *
 * @param <T> a row of the model
 */
public abstract class RandomListQuery<T> {

    private static final List<String> OPERATORS = List.of("eq", "gt", "gte", "lt", "lte");

    public final Map<String, String> params = new LinkedHashMap<>();
    private final ToLongFunction<T> id;
    private Predicate<T> matches = row -> true;
    private final List<String> sortKeys = new ArrayList<>();
    private String search;
    private List<String> fields;

    /** @param id a row's id, the tie-breaker of every order */
    protected RandomListQuery(ToLongFunction<T> id) {
        this.id = id;
    }

    /** How rows order by a sortable field, ascending. */
    protected abstract Comparator<T> key(String field);

    /** Search without sort: ordered by relevance, which the model does not compute. */
    public boolean ranked() {
        return search != null && sortKeys.isEmpty();
    }

    /** Whether the request names a sort (else the list's default order applies). */
    protected boolean sorted() {
        return !sortKeys.isEmpty();
    }

    protected boolean matches(T row) {
        return matches.test(row);
    }

    /** The matching {@code rows} in the request's order (unless {@link #ranked()}). */
    protected List<T> matching(Collection<T> rows) {
        return rows.stream().filter(matches).sorted(order()).toList();
    }

    /** In 60 of 100 requests, a sort by one to three of {@code sortable}, each either way. */
    protected void randomSort(Random random, List<String> sortable) {
        if (random.nextInt(100) < 60) {
            List<String> keys = new ArrayList<>(sortable);
            Collections.shuffle(keys, random);
            List<String> tokens = new ArrayList<>();
            for (String key : keys.subList(0, 1 + random.nextInt(3))) {
                boolean descending = random.nextBoolean();
                sortKeys.add((descending ? "-" : "") + key);
                tokens.add((descending ? "-" : random.nextInt(10) == 0 ? "+" : "") + key);
            }
            params.put("sort", String.join(",", tokens));
        }
    }

    /**
     * In 70 of 100 requests a random {@code per_page} (up to one more than {@code size}), in 70 a
     * random {@code page} (up to one past the last); else the defaults.
     *
     * @param size how many rows the request matches
     */
    public void randomPaging(Random random, int size) {
        int perPage = 25;
        if (random.nextInt(100) < 70) {
            perPage = 1 + random.nextInt(Math.max(2, size + 2));
            params.put("per_page", Integer.toString(perPage));
        }
        long lastPage = Math.max(1, (size + perPage - 1) / perPage);
        if (random.nextInt(100) < 70) {
            params.put("page", Long.toString(1 + random.nextInt((int) lastPage + 1)));
        }
    }

    /** Asks for {@code fields[type]}: a random part of {@code all} (the schema's fields, in order), always with id. */
    public void randomFields(Random random, String type, List<String> all) {
        List<String> chosen =
                new ArrayList<>(all.stream().filter(f -> random.nextBoolean()).toList());
        if (!chosen.contains("id")) {
            chosen.add(random.nextInt(chosen.size() + 1), "id");
        }
        fields = all.stream().filter(chosen::contains).toList();
        params.put("fields[" + type + "]", String.join(",", chosen));
    }

    /** The keys each item must have, in schema order, after {@link #randomFields}; else null. */
    public List<String> fields() {
        return fields;
    }

    /** In {@code percent} of 100 requests, a search for one of the texts of {@code searchHits} (the ids it finds). */
    protected void randomSearch(Random random, Map<String, Set<Long>> searchHits, int percent) {
        if (!searchHits.isEmpty() && random.nextInt(100) < percent) {
            search = pick(random, List.copyOf(searchHits.keySet()));
            Set<Long> hits = searchHits.get(search);
            params.put("search", search);
            and(row -> hits.contains(id.applyAsLong(row)));
        }
    }

    /** Adds the parameter and what it means, unless the request has that parameter already. */
    protected void filter(String name, String value, Predicate<T> predicate) {
        if (params.putIfAbsent(name, value) == null) {
            and(predicate);
        }
    }

    protected void and(Predicate<T> predicate) {
        matches = matches.and(predicate);
    }

    /** {@code filter[field]} or {@code filter[field][contains]}: folded text containing the folded needle. */
    protected void contains(Random random, String field, String needle, Function<T, String> value) {
        String folded = TextFolding.fold(needle);
        String name = random.nextBoolean() ? "filter[" + field + "]" : "filter[" + field + "][contains]";
        filter(
                name,
                needle,
                row -> value.apply(row) != null
                        && TextFolding.fold(value.apply(row)).contains(folded));
    }

    /** {@code filter[field]} or {@code filter[field][in]}: any of {@code ids}. */
    protected void anyOf(Random random, String field, List<Long> ids, Function<T, Long> value) {
        String name = pick(random, List.of("filter[" + field + "]", "filter[" + field + "][in]"));
        filter(name, join(ids), row -> ids.contains(value.apply(row)));
    }

    /**
     * One of the filters on a row's identity: any of some ids, a comparison of ids, any of one or two
     * uuids of {@code uuidField} (next to {@code some}'s), or {@code some}'s uuid with {@code eq}.
     */
    protected void identityFilter(
            Random random, T some, List<T> rows, long unused, String uuidField, Function<T, UUID> uuid) {
        switch (random.nextInt(4)) {
            case 0 -> someIds(random, rows, unused);
            case 1 -> compare(random, "id", id.applyAsLong(some), row -> id.applyAsLong(row));
            case 2 -> uuidAnyOf(random, uuidField, List.of(uuid.apply(some), uuid.apply(pick(random, rows))), uuid);
            default ->
                filter(
                        "filter[" + uuidField + "][eq]",
                        uuid.apply(some).toString(),
                        row -> uuid.apply(row).equals(uuid.apply(some)));
        }
    }

    /** {@code filter[id]} (or {@code [in]}): one to five ids of {@code rows}, sometimes one from {@code unused} on, which no row has. */
    private void someIds(Random random, List<T> rows, long unused) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(5); i < n; i++) {
            ids.add(random.nextInt(6) == 0 ? unused + i : id.applyAsLong(pick(random, rows)));
        }
        anyOf(random, "id", ids, row -> id.applyAsLong(row));
    }

    /** Any of the first one or both of {@code two}, each in either case, in either spelling. */
    private void uuidAnyOf(Random random, String field, List<UUID> two, Function<T, UUID> value) {
        String text = two.subList(0, 1 + random.nextInt(2)).stream()
                .map(uuid ->
                        random.nextBoolean() ? uuid.toString() : uuid.toString().toUpperCase())
                .collect(Collectors.joining(","));
        String name = pick(random, List.of("filter[" + field + "]", "filter[" + field + "][in]"));
        filter(name, text, row -> text.toLowerCase().contains(value.apply(row).toString()));
    }

    /** {@code contains}, {@code eq} or {@code starts_with} on a text field, with a value taken from {@code source}. */
    protected void text(Random random, String field, String source, Function<T, String> value) {
        switch (random.nextInt(3)) {
            case 0 -> contains(random, field, fragment(random, source), value);
            case 1 -> filter("filter[" + field + "][eq]", source, row -> source.equals(value.apply(row)));
            default -> {
                String prefix = random.nextBoolean()
                        ? source.substring(0, 1 + random.nextInt(source.length()))
                        : fragment(random, source);
                String cased = random.nextBoolean() ? prefix.toUpperCase() : prefix;
                String folded = TextFolding.fold(cased);
                filter(
                        "filter[" + field + "][starts_with]",
                        cased,
                        row -> value.apply(row) != null
                                && TextFolding.fold(value.apply(row)).startsWith(folded));
            }
        }
    }

    /** On {@code owner_id}: any of the user and (sometimes) a user who does not exist, or a comparison with the user's id. */
    protected void ownerFilter(Random random, long userId, Function<T, Long> ownerId) {
        if (random.nextBoolean()) {
            anyOf(random, "owner_id", List.of(userId, random.nextInt(4) == 0 ? userId + 1000 : userId), ownerId);
        } else {
            compare(random, "owner_id", userId, ownerId);
        }
    }

    /** {@code filter[updated_since]}, or an operator on {@code created_at} or {@code updated_at}, near {@code some}'s. */
    protected void timeFilter(Random random, T some, Function<T, Instant> createdAt, Function<T, Instant> updatedAt) {
        switch (random.nextInt(3)) {
            case 0 -> updatedSince(random, updatedAt.apply(some), updatedAt);
            case 1 -> compareTime(random, "created_at", pivot(random, createdAt.apply(some)), createdAt);
            default -> compareTime(random, "updated_at", pivot(random, updatedAt.apply(some)), updatedAt);
        }
    }

    /** {@code filter[updated_since]} near {@code near}, in any accepted spelling: changed strictly after it. */
    private void updatedSince(Random random, Instant near, Function<T, Instant> updatedAt) {
        Instant[] meant = new Instant[1];
        String text = datetime(random, pivot(random, near), meant);
        filter("filter[updated_since]", text, row -> updatedAt.apply(row).isAfter(meant[0]));
    }

    protected void compare(Random random, String field, long pivot, Function<T, Long> value) {
        String op = pick(random, OPERATORS);
        filter(
                "filter[" + field + "][" + op + "]",
                Long.toString(pivot),
                row -> holds(op, Long.compare(value.apply(row), pivot)));
    }

    protected void compareTime(Random random, String field, Instant pivot, Function<T, Instant> value) {
        String op = pick(random, OPERATORS);
        Instant[] meant = new Instant[1];
        String text = op.equals("eq") ? pivot.toString() : datetime(random, pivot, meant);
        Instant at = op.equals("eq") ? pivot : meant[0];
        filter(
                "filter[" + field + "][" + op + "]",
                text,
                row -> holds(op, value.apply(row).compareTo(at)));
    }

    /** {@code filter[name]} on (3 of 4 requests: {@code predicate}) or off (every row), in either spelling. */
    protected void flag(Random random, String name, Predicate<T> predicate) {
        boolean on = random.nextInt(4) != 0;
        String value = on ? pick(random, List.of("1", "true")) : pick(random, List.of("0", "false"));
        filter("filter[" + name + "]", value, on ? predicate : row -> true);
    }

    protected Comparator<T> order() {
        Comparator<T> order = (a, b) -> 0;
        for (String token : sortKeys) {
            boolean descending = token.startsWith("-");
            Comparator<T> key = key(descending ? token.substring(1) : token);
            order = order.thenComparing(descending ? key.reversed() : key);
        }
        return order.thenComparingLong(id);
    }
}
