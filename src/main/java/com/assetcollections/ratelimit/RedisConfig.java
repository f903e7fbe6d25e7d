package com.assetcollections.ratelimit;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Rate limits kept in Redis, made only when {@code spring.data.redis.host} or {@code url} is set:
 * without them no Redis client exists and the limits stay in memory.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RedisConfig.RedisConfigured.class)
@EnableConfigurationProperties(RedisSettings.class)
class RedisConfig {

    @Bean
    RedisAvailability redisAvailability(
            @Value("${app.rate-limit.redis.recheck-interval:5s}") Duration recheckInterval) {
        return new RedisAvailability(recheckInterval, Duration.ofMinutes(1), System::nanoTime);
    }

    @Bean
    RedisBuckets redisBuckets(
            RedisSettings settings,
            RedisAvailability availability,
            @Value("${app.rate-limit.redis.timeout:300ms}") Duration timeout,
            @Value("${app.rate-limit.redis.recheck-interval:5s}") Duration recheckInterval) {
        return new RedisBuckets(
                settings.uri(),
                timeout,
                settings.connectTimeoutOr(Duration.ofSeconds(2)),
                recheckInterval,
                availability);
    }

    static class RedisConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            return isSet(environment, "spring.data.redis.host") || isSet(environment, "spring.data.redis.url");
        }

        private static boolean isSet(Environment environment, String property) {
            String value = environment.getProperty(property);
            return value != null && !value.isBlank();
        }
    }
}
