package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

class DeadlockRetryTest {

    @Test
    void runsATransactionThatLostADeadlockAgain() {
        AtomicInteger attempts = new AtomicInteger();

        String result = DeadlockRetry.get(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new CannotAcquireLockException("deadlock detected");
            }
            return "written";
        });

        assertThat(result).isEqualTo("written");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpAfterThreeAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> DeadlockRetry.run(() -> {
                    attempts.incrementAndGet();
                    throw new CannotAcquireLockException("deadlock detected");
                }))
                .isInstanceOf(CannotAcquireLockException.class);
        assertThat(attempts).hasValue(DeadlockRetry.ATTEMPTS);
    }

    @Test
    void neverRetriesOtherFailures() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> DeadlockRetry.run(() -> {
                    attempts.incrementAndGet();
                    throw new DataIntegrityViolationException("duplicate key");
                }))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(attempts).hasValue(1);
    }
}
