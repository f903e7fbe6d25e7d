package com.assetcollections.support;

import static com.assetcollections.support.RandomValues.datetime;
import static com.assetcollections.support.RandomValues.holds;
import static com.assetcollections.support.RandomValues.pick;

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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

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
