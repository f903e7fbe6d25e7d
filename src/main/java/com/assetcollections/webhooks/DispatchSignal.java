package com.assetcollections.webhooks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Tells this instance's dispatcher that an event has been committed, so that it looks for due
 * deliveries at once instead of at its next poll (events of other instances wait for the poll).
 */
@Component
public class DispatchSignal {

    private final Object lock = new Object();
    private boolean raised;

    public void raise() {
        synchronized (lock) {
            raised = true;
            lock.notifyAll();
        }
    }

    /** Waits until raised or {@code timeout} passes; clears the signal. */
    void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!raised) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            raised = false;
        }
    }
}
