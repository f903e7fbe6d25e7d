package com.assetcollections.web;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * The first part of a shutdown (SIGTERM): from the moment the application starts to close,
 * {@link #draining()} is true — readiness answers 503, and so does every request that arrives
 * ({@link DrainingFilter}) — while the port stays open for {@code app.shutdown.drain}, so that a
 * load balancer sees the instance leave and its clients get a 503 they can retry elsewhere
 * instead of a refused connection. Requests already in flight go on; Spring's graceful shutdown,
 * which runs next, waits for them (up to {@code spring.lifecycle.timeout-per-shutdown-phase}) after
 * closing the port.
 */
@Component
public class ShutdownDrain implements SmartLifecycle, ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final Duration drain;
    private volatile boolean running;
    private volatile boolean draining;

    ShutdownDrain(@Value("${app.shutdown.drain:0s}") Duration drain) {
        this.drain = drain;
    }

    /** Whether the application has begun to shut down. */
    public boolean draining() {
        return draining;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        draining = true;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Also called when a context is only paused (as the test framework does): then there is nothing to drain. */
    @Override
    public void stop() {
        if (draining && !drain.isZero() && !drain.isNegative()) {
            log.info("shutting down: answering 503 to new requests for {} before the port closes", drain);
            try {
                Thread.sleep(drain.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped before the web server's graceful shutdown, which closes the port. */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 512;
    }
}
