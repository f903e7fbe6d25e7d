package com.assetcollections.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StridedIdsTest {

    @Test
    void keepsEveryIdWhileTheyFit() {
        OrderedIds.Listing listing = collect(8, 8);

        assertThat(listing.stride()).isEqualTo(1);
        assertThat(listing.ids()).containsExactly(100, 101, 102, 103, 104, 105, 106, 107);
        assertThat(listing.total()).isEqualTo(8);
    }

    @Test
    void keepsTheLastRowBeforeEachBlockOnceTheyDoNotFit() {
        for (int count = 9; count < 200; count++) {
            OrderedIds.Listing listing = collect(8, count);

            int stride = listing.stride();
            assertThat(listing.ids()).as("%d ids", count).hasSizeLessThanOrEqualTo(8);
            assertThat(listing.total()).isEqualTo(count);
            long[] expected = LongStream.rangeClosed(1, count / stride)
                    .map(block -> 100 + block * stride - 1)
                    .toArray();
            assertThat(listing.ids()).as("%d ids, stride %d", count, stride).containsExactly(expected);
        }
    }

    private static OrderedIds.Listing collect(int capacity, int count) {
        StridedIds ids = new StridedIds(capacity);
        for (int i = 0; i < count; i++) {
            ids.add(100 + i);
        }
        return ids.listing(7);
    }
}
