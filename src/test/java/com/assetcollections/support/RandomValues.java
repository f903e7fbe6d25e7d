package com.assetcollections.support;

import com.assetcollections.query.TextFolding;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Filter values for generated requests, and the Java meaning of the operators and of name
 * order, shared by the random queries over collections and over assets.
 */
public final class RandomValues {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Names order by the code points of their folded text, on both databases. */
    public static final Comparator<String> NAME_ORDER = (a, b) -> Arrays.compare(
            TextFolding.fold(a).codePoints().toArray(),
            TextFolding.fold(b).codePoints().toArray());

    private RandomValues() {}

    /** Whether {@code comparison} (of a row's value with the filter's) satisfies the operator. */
    public static boolean holds(String op, int comparison) {
        return switch (op) {
            case "eq" -> comparison == 0;
            case "gt" -> comparison > 0;
            case "gte" -> comparison >= 0;
            case "lt" -> comparison < 0;
            default -> comparison <= 0;
        };
    }

    /** {@code near} itself or up to a week away, so that comparisons hit both sides and the exact value. */
    public static Instant pivot(Random random, Instant near) {
        return random.nextBoolean() ? near : near.plus(random.nextInt(20_000) - 10_000, ChronoUnit.MINUTES);
    }

    /** The pivot written in one of the accepted forms; {@code meant[0]} receives the instant that text denotes. */
    public static String datetime(Random random, Instant pivot, Instant[] meant) {
        switch (random.nextInt(4)) {
            case 0 -> {
                LocalDate day = LocalDate.ofInstant(pivot, ZoneOffset.UTC);
                meant[0] = day.atStartOfDay().toInstant(ZoneOffset.UTC);
                return day.toString();
            }
            case 1 -> {
                meant[0] = pivot.truncatedTo(ChronoUnit.SECONDS);
                return SECONDS.format(pivot);
            }
            case 2 -> {
                meant[0] = pivot;
                return pivot.atOffset(ZoneOffset.ofHours(2)).toString();
            }
            default -> {
                meant[0] = pivot;
                return pivot.toString();
            }
        }
    }

    /** A piece of {@code word}, sometimes upper-cased. */
    public static String fragment(Random random, String word) {
        int start = random.nextInt(Math.max(1, word.length() / 2));
        String part = word.substring(start, Math.min(word.length(), start + 2 + random.nextInt(word.length())));
        return random.nextBoolean() ? part.toUpperCase() : part;
    }

    public static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    public static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
