package com.assetcollections.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bucket4j buckets kept in Redis under {@code asset-collections:rate-limit:<key>}, shared by every
 * instance using the same Redis, over one Lettuce connection set up to fail fast rather than
 * stall requests: a command that gets no answer within {@code timeout} fails, and while the
 * connection is down commands are refused at once instead of queued (Lettuce reconnects in the
 * background every {@code reconnectDelay}). The first connection is made in the background too;
 * the constructor waits for it at most {@code connectTimeout}, so the service starts whether
 * Redis answers or not.
 */
public class RedisBuckets implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);
    private static final String KEY_PREFIX = "asset-collections:rate-limit:";

    private final RedisURI uri;
    private final Duration timeout;
    private final RedisAvailability availability;
    private final ClientResources resources;
    private final RedisClient client;
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile ProxyManager<String> buckets;

    public RedisBuckets(
            RedisURI uri,
            Duration timeout,
            Duration connectTimeout,
            Duration reconnectDelay,
            RedisAvailability availability) {
        this.uri = uri;
        // the handshake (HELLO, PING) of each connection waits this long; commands have their own timeout
        uri.setTimeout(connectTimeout);
        this.timeout = timeout;
        this.availability = availability;
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(Delay.constant(reconnectDelay))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(
                        SocketOptions.builder().connectTimeout(connectTimeout).build())
                .build());
        try {
            connectInBackground().get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn(
                    "Redis at {} does not answer yet ({}): rate limits are counted by each instance alone until it"
                            + " does",
                    address(),
                    e.getCause() == null ? e.toString() : e.getCause().toString());
        }
    }

    /** A limiter counting in Redis while it answers, in memory while it does not. */
    public RateLimiter limiter(long limitPerWindow, Duration window) {
        return new SharedOrLocalRateLimiter(
                new RedisRateLimiter(this, limitPerWindow, window),
                new InMemoryRateLimiter(limitPerWindow, window),
                availability);
    }

    /** The shared bucket of {@code key}; made with {@code configuration} if Redis has none yet. */
    Bucket bucket(String key, BucketConfiguration configuration) {
        ProxyManager<String> current = buckets;
        if (current == null) {
            connectInBackground();
            throw new RedisUnavailable("no connection to Redis at " + address() + " yet");
        }
        return current.getProxy(key, () -> configuration);
    }

    /** Starts connecting unless connected or already connecting; completes when done. */
    private CompletableFuture<?> connectInBackground() {
        if (buckets != null || !connecting.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        return client.connectAsync(ByteArrayCodec.INSTANCE, uri)
                .toCompletableFuture()
                .whenComplete((connected, failure) -> {
                    if (failure == null) {
                        connection = connected;
                        buckets = Bucket4jLettuce.casBasedBuilder(connected)
                                .requestTimeout(timeout)
                                // a key is dropped once its bucket is full again: Redis holds active callers only
                                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                        Duration.ofSeconds(10)))
                                .build()
                                .withMapper(key -> (KEY_PREFIX + key).getBytes(StandardCharsets.UTF_8));
                    }
                    connecting.set(false);
                });
    }

    private String address() {
        return uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public void close() {
        StatefulRedisConnection<byte[], byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
