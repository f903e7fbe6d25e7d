package com.assetcollections.ratelimit;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spring Boot's own {@code spring.data.redis.*} settings, those of a single Redis server: {@code
 * url} ({@code redis://user:password@host:port/database}, {@code rediss://} for TLS) or {@code
 * host}, {@code port}, {@code username}, {@code password}, {@code database} and {@code
 * ssl.enabled}; {@code client-name} and {@code connect-timeout} either way. The rate limits read
 * them themselves (no Spring Data Redis): they need one Lettuce connection with options of
 * their own.
 */
@ConfigurationProperties("spring.data.redis")
record RedisSettings(
        String url,
        String host,
        Integer port,
        String username,
        String password,
        Integer database,
        String clientName,
        Duration connectTimeout,
        Ssl ssl) {

    record Ssl(boolean enabled) {}

    /** Where Redis is and how to log in. */
    RedisURI uri() {
        RedisURI uri = present(url) ? RedisURI.create(url) : standalone();
        if (present(clientName)) {
            uri.setClientName(clientName);
        }
        return uri;
    }

    Duration connectTimeoutOr(Duration otherwise) {
        return connectTimeout == null ? otherwise : connectTimeout;
    }

    private RedisURI standalone() {
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(present(host) ? host : "localhost")
                .withPort(port == null ? RedisURI.DEFAULT_REDIS_PORT : port)
                .withDatabase(database == null ? 0 : database)
                .withSsl(ssl != null && ssl.enabled());
        if (present(password) && present(username)) {
            uri.withAuthentication(username, password.toCharArray());
        } else if (present(password)) {
            uri.withPassword(password.toCharArray());
        }
        return uri.build();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
