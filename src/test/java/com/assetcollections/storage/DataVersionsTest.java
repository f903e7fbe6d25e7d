package com.assetcollections.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DataVersionsTest {

    private final DataVersions versions = new DataVersions(null, DataSize.ofMegabytes(1), Duration.ofMinutes(10));

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
