package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final int SAMPLES = 2000;

    @Test
    void waitsGrowByTheMultiplierWithoutJitter() {
        RetrySchedule delivery = delivery(Map.of("first-retry", "100ms", "multiplier", "2", "jitter", "0"));
        assertThat(IntStream.rangeClosed(1, 5).mapToObj(delivery::after))
                .containsExactly(
                        Duration.ofMillis(100),
                        Duration.ofMillis(200),
                        Duration.ofMillis(400),
                        Duration.ofMillis(800),
                        Duration.ofMillis(1600));
    }

    @Test
    void jitterStaysWithinItsBoundsAndSpreadsAcrossThem() {
        WebhookSettings settings = TestSettings.defaults();
        RetrySchedule delivery = new RetrySchedule(settings);
        for (int attempt = 1; attempt < settings.attempts(); attempt++) {
            double base = settings.firstRetry().toMillis() * Math.pow(settings.multiplier(), attempt - 1);
            List<Long> waits = new ArrayList<>();
            for (int i = 0; i < SAMPLES; i++) {
                waits.add(delivery.after(attempt).toMillis());
            }
            long low = Math.round(base * (1 - settings.jitter()));
            long high = Math.round(base * (1 + settings.jitter()));
            assertThat(waits)
                    .as("waits after attempt %d", attempt)
                    .allSatisfy(wait -> assertThat(wait).isBetween(low, high));
            // 2,000 uniform draws leave neither tenth of the range empty (odds about 1e-92)
            assertThat(waits).anySatisfy(wait -> assertThat(wait).isLessThan(Math.round(base * 0.84)));
            assertThat(waits).anySatisfy(wait -> assertThat(wait).isGreaterThan(Math.round(base * 1.16)));
        }
    }

    @Test
    void theDefaultScheduleIsEightAttemptsOverAboutADay() {
        WebhookSettings settings = TestSettings.defaults();
        assertThat(settings.attempts()).isEqualTo(8);
        RetrySchedule delivery = new RetrySchedule(settings);
        Duration withoutJitter = Duration.ZERO;
        for (int attempt = 1; attempt < settings.attempts(); attempt++) {
            withoutJitter = withoutJitter.plus(Duration.ofMillis(
                    Math.round(settings.firstRetry().toMillis() * Math.pow(settings.multiplier(), attempt - 1))));
        }
        assertThat(withoutJitter).isEqualTo(Duration.ofSeconds(15 * 5461)); // 22 h 45 min
        for (int schedule = 0; schedule < SAMPLES; schedule++) {
            Duration total = Duration.ZERO;
            for (int attempt = 1; attempt < settings.attempts(); attempt++) {
                total = total.plus(delivery.after(attempt));
            }
            assertThat(total).isBetween(Duration.ofHours(18), Duration.ofHours(30));
        }
        assertThat(delivery.after(settings.attempts() - 1)).isLessThan(Duration.ofHours(24));
    }

    private static RetrySchedule delivery(Map<String, String> settings) {
        return new RetrySchedule(TestSettings.with(settings));
    }
}
