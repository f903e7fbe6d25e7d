package com.assetcollections.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EmbedLimitTest {

    private static int perItem(int perPage) {
        return EmbedLimit.perItem(new Paging(1, perPage, null));
    }

    @Test
    void pagesOfUpToAHundredEmbedAHundredPerItem() {
        assertThat(perItem(1)).isEqualTo(100);
        assertThat(perItem(25)).isEqualTo(100);
        assertThat(perItem(100)).isEqualTo(100);
    }

    @Test
    void largerPagesEmbedFewerPerItem() {
        assertThat(perItem(101)).isEqualTo(99);
        assertThat(perItem(300)).isEqualTo(33);
        assertThat(perItem(1000)).isEqualTo(10);
    }

    @Test
    void noPageEmbedsMoreThanTenThousandOrNoneAtAll() {
        IntStream.rangeClosed(1, Paging.MAX_PER_PAGE).forEach(perPage -> {
            assertThat((long) perPage * perItem(perPage)).isLessThanOrEqualTo(EmbedLimit.PER_RESPONSE);
            assertThat(perItem(perPage)).isPositive();
        });
    }
}
