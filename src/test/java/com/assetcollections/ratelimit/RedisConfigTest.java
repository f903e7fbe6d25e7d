package com.assetcollections.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Redis beans exist only when Redis is configured; the service starts whether it answers or not. */
class RedisConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(
                    started -> started.getBeanFactory().setConversionService(new ApplicationConversionService()))
            .withUserConfiguration(RedisConfig.class);

    @Test
    void withoutRedisSettingsThereIsNoRedisClient() {
        context.withPropertyValues("spring.data.redis.port=6379").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started).doesNotHaveBean(RedisBuckets.class);
            assertThat(started).doesNotHaveBean(RedisAvailability.class);
        });
    }

    @Test
    void aBlankHostIsNoRedisEither() {
        context.withPropertyValues("spring.data.redis.host= ")
                .run(started -> assertThat(started).doesNotHaveBean(RedisBuckets.class));
    }

    @Test
    void startsWithAConfiguredRedisThatDoesNotAnswerAndLimitsLocally() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        context.withPropertyValues(
                        "spring.data.redis.host=127.0.0.1",
                        "spring.data.redis.port=" + closedPort,
                        "spring.data.redis.connect-timeout=500ms")
                .run(started -> {
                    assertThat(started).hasNotFailed();
                    RateLimiter limiter = started.getBean(RedisBuckets.class).limiter(2, Duration.ofMinutes(1));

                    assertThat(limiter.consume("user:1").allowed()).isTrue();
                    assertThat(limiter.consume("user:1").allowed()).isTrue();
                    assertThat(limiter.consume("user:1").allowed()).isFalse();

                    RedisAvailability availability = started.getBean(RedisAvailability.class);
                    assertThat(availability.up()).isFalse();
                    assertThat(availability.requestsLimitedLocally()).isEqualTo(3);
                });
    }

    @Test
    void aUrlIsEnough() {
        context.withPropertyValues(
                        "spring.data.redis.url=redis://127.0.0.1:1", "spring.data.redis.connect-timeout=200ms")
                .run(started -> assertThat(started).hasSingleBean(RedisBuckets.class));
    }
}
