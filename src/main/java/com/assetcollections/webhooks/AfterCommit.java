package com.assetcollections.webhooks;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Work that must wait for the current transaction to commit (waking the dispatcher for rows it could not see before). */
final class AfterCommit {

    private AfterCommit() {}

    /** Runs {@code work} once the current transaction commits; at once when there is none. */
    static void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }
}
