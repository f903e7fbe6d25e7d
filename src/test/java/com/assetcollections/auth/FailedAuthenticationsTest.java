package com.assetcollections.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailedAuthenticationsTest {

    @Test
    void allowsLookupsUntilTheAllowanceIsUsedUpThenGivesTheTimeToWait() {
        FailedAuthentications failures = new FailedAuthentications(3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            assertThat(failures.secondsUntilAllowed("192.0.2.7"))
                    .as("after %d failures", i)
                    .isZero();
            failures.count("192.0.2.7");
        }
        assertThat(failures.secondsUntilAllowed("192.0.2.7"))
                .as("the rest of the one-minute window")
                .isBetween(58L, 60L);
        assertThat(failures.secondsUntilAllowed("192.0.2.8"))
                .as("another address")
                .isZero();
    }

    @Test
    void aFullWindowLaterTheAllowanceIsBack() throws InterruptedException {
        FailedAuthentications failures = new FailedAuthentications(1, Duration.ofMillis(300));
        failures.count("192.0.2.7");
        assertThat(failures.secondsUntilAllowed("192.0.2.7")).isEqualTo(1);

        Thread.sleep(400);

        assertThat(failures.secondsUntilAllowed("192.0.2.7")).isZero();
    }
}
