package com.assetcollections.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.ratelimit.RateLimiter.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedOrLocalRateLimiterTest {

    private final AtomicLong clock = new AtomicLong();
    private final RedisAvailability availability =
            new RedisAvailability(Duration.ofSeconds(5), Duration.ofMinutes(1), clock::get);
    private final FlakyStore shared = new FlakyStore();
    private final RateLimiter limiter =
            new SharedOrLocalRateLimiter(shared, new InMemoryRateLimiter(3, Duration.ofMinutes(1)), availability);

    @Test
    void countsInTheSharedStoreWhileItAnswers() {
        Decision decision = limiter.consume("user:1");

        assertThat(decision.remaining()).as("the shared store's count").isEqualTo(99);
        assertThat(shared.asked).containsExactly("user:1");
        assertThat(availability.requestsLimitedLocally()).isZero();
    }

    @Test
    void countsLocallyWhileTheSharedStoreDoesNotAnswer() {
        shared.answers = false;

        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            allowed.add(limiter.consume("user:1").allowed());
        }

        assertThat(allowed).as("the local limit of 3").containsExactly(true, true, true, false);
        assertThat(shared.asked).as("asked once, then not until the recheck").hasSize(1);
        assertThat(availability.up()).isFalse();
        assertThat(availability.requestsLimitedLocally()).isEqualTo(4);
    }

    @Test
    void countsInTheSharedStoreAgainOnceItAnswersAtTheRecheck() {
        shared.answers = false;
        limiter.consume("user:1");
        shared.answers = true;
        limiter.consume("user:1");
        assertThat(shared.asked).hasSize(1);

        clock.addAndGet(Duration.ofSeconds(5).toNanos());

        assertThat(limiter.consume("user:1").remaining()).isEqualTo(99);
        assertThat(limiter.consume("user:1").remaining()).isEqualTo(99);
        assertThat(shared.asked).hasSize(3);
        assertThat(availability.up()).isTrue();
        assertThat(availability.requestsLimitedLocally()).isEqualTo(2);
    }

    /** A shared store that answers with 99 remaining, or fails like an unreachable Redis. */
    private static final class FlakyStore implements RateLimiter {
        boolean answers = true;
        final List<String> asked = new ArrayList<>();

        @Override
        public Decision consume(String key) {
            asked.add(key);
            if (!answers) {
                throw new RedisUnavailable("connection refused");
            }
            return new Decision(true, 100, 99, 0, 0);
        }
    }
}
