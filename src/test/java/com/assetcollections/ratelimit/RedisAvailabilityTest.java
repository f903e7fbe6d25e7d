package com.assetcollections.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RedisAvailabilityTest {

    private static final String LOST = "Redis does not answer";
    private static final String STILL_LOST = "Redis still does not answer";

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RedisAvailability availability =
            new RedisAvailability(Duration.ofSeconds(5), Duration.ofMinutes(1), clock::get);

    @Test
    void asksRedisForEveryRequestWhileItAnswers() {
        for (int i = 0; i < 3; i++) {
            assertThat(availability.mayAsk()).isTrue();
            availability.answered();
        }
        assertThat(availability.up()).isTrue();
        assertThat(availability.outages()).isZero();
    }

    @Test
    void afterAFailureOneRequestPerRecheckIntervalAsksAgain() {
        availability.failed(new RedisUnavailable("gone"));
        assertThat(availability.mayAsk()).isFalse();

        advance(Duration.ofSeconds(5));
        assertThat(availability.mayAsk())
                .as("the first request once the recheck is due")
                .isTrue();
        assertThat(availability.mayAsk()).as("the others meanwhile").isFalse();

        availability.failed(new RedisUnavailable("still gone"));
        advance(Duration.ofSeconds(4));
        assertThat(availability.mayAsk()).isFalse();
        advance(Duration.ofSeconds(1));
        assertThat(availability.mayAsk()).isTrue();

        availability.answered();
        assertThat(availability.up()).isTrue();
        assertThat(availability.mayAsk()).isTrue();
        assertThat(availability.mayAsk()).isTrue();
        assertThat(availability.outages()).isEqualTo(1);
    }

    @Test
    void warnsOnceWhenRedisIsLostAndRemindsAtMostOnceAMinute(CapturedOutput output) {
        availability.failed(new RedisUnavailable("connection refused"));
        for (int second = 0; second < 90; second++) {
            availability.failed(new RedisUnavailable("connection refused"));
            for (int i = 0; i < 100; i++) {
                availability.limitedLocally();
            }
            advance(Duration.ofSeconds(1));
        }

        assertThat(occurrences(output.getOut(), LOST)).isEqualTo(1);
        assertThat(output.getOut()).contains("connection refused");
        assertThat(occurrences(output.getOut(), STILL_LOST)).isEqualTo(1);
        assertThat(availability.requestsLimitedLocally()).isEqualTo(9_000);
        assertThat(availability.outages()).isEqualTo(1);
    }

    @Test
    void warnsOfEachOutage(CapturedOutput output) {
        availability.failed(new RedisUnavailable("gone"));
        availability.limitedLocally();
        availability.answered();
        availability.failed(new RedisUnavailable("gone again"));
        availability.answered();

        assertThat(availability.outages()).isEqualTo(2);
        assertThat(occurrences(output.getOut(), LOST)).isEqualTo(2);
        assertThat(availability.up()).isTrue();
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
