package com.assetcollections.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataVersionsTest {

    private final DataVersions versions = new DataVersions(null);

    @Test
    void aVersionIsSettledOnlyOnceItHasBeenCurrentForASecond() throws InterruptedException {
        assertThat(versions.settled("collections", 7)).isFalse();
        assertThat(versions.settled("collections", 7)).isFalse();

        Thread.sleep(DataVersions.SETTLED.toMillis() + 100);

        assertThat(versions.settled("collections", 7)).isTrue();
        assertThat(versions.settled("assets", 7)).as("each data set on its own").isFalse();
        assertThat(versions.settled("collections", 8))
                .as("a write starts the wait again")
                .isFalse();
    }
}
