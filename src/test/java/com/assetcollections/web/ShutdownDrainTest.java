package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;

class ShutdownDrainTest {

    @Test
    void aContextThatIsOnlyStoppedAndStartedAgainKeepsServing() {
        ShutdownDrain drain = new ShutdownDrain(Duration.ofSeconds(30));
        drain.start();

        drain.stop();
        drain.start();

        assertThat(drain.draining()).isFalse();
        assertThat(drain.isRunning()).isTrue();
    }

    @Test
    void aClosingContextDrainsForTheConfiguredTimeBeforeItsWebServerStops() {
        ShutdownDrain drain = new ShutdownDrain(Duration.ofMillis(300));
        drain.start();

        drain.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));
        long start = System.nanoTime();
        drain.stop();

        assertThat(drain.draining()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
