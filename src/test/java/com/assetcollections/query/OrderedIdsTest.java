package com.assetcollections.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.caches.CacheKey;
import com.assetcollections.caches.CacheLimit;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class OrderedIdsTest {

    private static final DataSize LIMIT = DataSize.ofMegabytes(1);

    private final OrderedIds lists = new OrderedIds(new CacheLimit(LIMIT, Duration.ofHours(1)));

    @Test
    void keepsNoMoreIdsThanItsBytesAllow() {
        int length = 10_000;

        IntStream.range(0, 100).forEach(n -> lists.put(CacheKey.of("list " + n), new long[length]));

        long kept = IntStream.range(0, 100)
                .filter(n -> lists.get(CacheKey.of("list " + n)) != null)
                .count();
        assertThat(kept).isPositive().isLessThanOrEqualTo(LIMIT.toBytes() / (Long.BYTES * length));
    }

    @Test
    void keepsNoListLargerThanItsWholeBound() {
        lists.put(CacheKey.of("huge"), new long[(int) (LIMIT.toBytes() / Long.BYTES) + 1]);

        assertThat(lists.get(CacheKey.of("huge"))).isNull();
    }
}
