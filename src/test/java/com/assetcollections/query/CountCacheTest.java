package com.assetcollections.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.assets.AssetSchema;
import com.assetcollections.caches.CacheKey;
import com.assetcollections.caches.CacheLimit;
import com.assetcollections.storage.ChangeScope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CountCacheTest {

    private static final Source CATALOGUE =
            new Source(DSL.table("assets"), DSL.noCondition(), "all", null, List.of(ChangeScope.assets()), List.of());

    private static ResourceQuery nameFilter(String value) {
        return QueryParser.parseList(AssetSchema.SCHEMA, Map.of("filter[name]", new String[] {value}));
    }

    /** A 7,700-character filter value, a different one for each {@code n}. */
    private static String longName(int n) {
        return "%04d".formatted(n) + "x".repeat(7_696);
    }

    @Test
    void totalsOfLongFiltersTakeLittleMemory() {
        CountCache totals = new CountCache(new CacheLimit(DataSize.ofKilobytes(128), Duration.ofHours(1)));

        IntStream.range(0, 450).forEach(n -> totals.put(CountCache.key(CATALOGUE, 1, nameFilter(longName(n))), n));

        assertThat(IntStream.range(0, 450)
                        .filter(n -> totals.get(CountCache.key(CATALOGUE, 1, nameFilter(longName(n)))) != null))
                .as("450 totals of 7,700-character filters fit in 128 KB")
                .hasSize(450);
    }

    @Test
    void queriesDifferingOnlyAtTheEndOfALongFilterHaveTheirOwnTotals() {
        CountCache totals = new CountCache(new CacheLimit(DataSize.ofMegabytes(1), Duration.ofHours(1)));
        String common = "y".repeat(7_699);

        totals.put(CountCache.key(CATALOGUE, 1, nameFilter(common + "a")), 10);
        totals.put(CountCache.key(CATALOGUE, 1, nameFilter(common + "b")), 20);

        assertThat(totals.get(CountCache.key(CATALOGUE, 1, nameFilter(common + "a"))))
                .isEqualTo(10);
        assertThat(totals.get(CountCache.key(CATALOGUE, 2, nameFilter(common + "a"))))
                .as("another version")
                .isNull();
    }

    @Test
    void evictsOnceItsBytesAreSpent() {
        DataSize limit = DataSize.ofKilobytes(16);
        CountCache totals = new CountCache(new CacheLimit(limit, Duration.ofHours(1)));

        IntStream.range(0, 1_000).forEach(n -> totals.put(CacheKey.of("query " + n), n));

        long kept = IntStream.range(0, 1_000)
                .filter(n -> totals.get(CacheKey.of("query " + n)) != null)
                .count();
        assertThat(kept).isPositive().isLessThanOrEqualTo(limit.toBytes() / CacheKey.BYTES);
    }
}
