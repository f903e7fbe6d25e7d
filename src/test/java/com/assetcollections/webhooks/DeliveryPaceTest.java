package com.assetcollections.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DeliveryPaceTest {

    private static final long MS = 1_000_000L;

    private final AtomicBoolean saturated = new AtomicBoolean();
    private final DeliveryPace pace = new DeliveryPace(saturated::get, 50); // a send every 20 ms when saturated

    @Test
    void sendsAtOnceWhileTheApiIsNotSaturated() {
        for (int i = 0; i < 100; i++) {
            assertThat(pace.reserve(i * MS)).isZero();
        }
    }

    @Test
    void spacesTheSendsOfAllTurnsEvenlyWhileSaturated() {
        saturated.set(true);
        // five turns asking at the same moment go one after another, 20 ms apart
        assertThat(new long[] {pace.reserve(0), pace.reserve(0), pace.reserve(0), pace.reserve(0), pace.reserve(0)})
                .containsExactly(0, 20 * MS, 40 * MS, 60 * MS, 80 * MS);
        // a send asking after its turn has come waits no longer
        assertThat(pace.reserve(500 * MS)).isZero();
        assertThat(pace.reserve(505 * MS)).isEqualTo(15 * MS);
    }

    @Test
    void goesBackToFullSpeedAsSoonAsTheApiIsNotSaturated() {
        saturated.set(true);
        for (int i = 0; i < 10; i++) {
            pace.reserve(0);
        }
        saturated.set(false);
        assertThat(pace.reserve(MS)).isZero();
        saturated.set(true);
        assertThat(pace.reserve(2 * MS))
                .as("no debt from the paced turns before")
                .isZero();
    }

    @Test
    void aBusyRateOfZeroNeverPaces() {
        DeliveryPace unpaced = new DeliveryPace(() -> true, 0);
        for (int i = 0; i < 10; i++) {
            assertThat(unpaced.reserve(0)).isZero();
        }
    }

    @Test
    void aSendWaitingForAFarTurnGoesOnceTheApiIsNoLongerSaturated() throws Exception {
        saturated.set(true);
        DeliveryPace slow = new DeliveryPace(saturated::get, 1);
        for (int i = 0; i < 100; i++) {
            slow.reserve(System.nanoTime()); // the next turn is 100 s away
        }
        CompletableFuture<Boolean> send = CompletableFuture.supplyAsync(slow::awaitTurn);
        Thread.sleep(200);
        assertThat(send).isNotDone();
        saturated.set(false);
        assertThat(send.get(10, TimeUnit.SECONDS)).isTrue();
    }
}
