package com.assetcollections.support;

import java.util.stream.LongStream;

/**
 * The seeds of the generated (property-based) tests: a fixed list so that CI is repeatable, or
 * the one seed given with {@code -Dproperty.seed=<n>} to replay a reported failure.
 */
public final class PropertySeeds {

    private PropertySeeds() {}

    public static LongStream seeds(long base, int count) {
        String replay = System.getProperty("property.seed");
        if (replay != null && !replay.isBlank()) {
            return LongStream.of(Long.parseLong(replay.trim()));
        }
        return LongStream.range(0, count).map(i -> base + i * 7919);
    }
}
