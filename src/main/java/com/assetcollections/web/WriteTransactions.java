package com.assetcollections.web;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a write together with the reading of its response in one transaction, and runs that
 * transaction again as a whole when it loses a deadlock ({@link DeadlockRetry}). Read inside the
 * write's transaction, with the written row still locked, the response is exactly the state this
 * request wrote (its ETag is that state's, whatever commits next), and a caller who lost access in
 * the meantime gets a 404 that rolled the write back, never a 404 for a write that happened.
 */
@Component
public class WriteTransactions {

    private final TransactionTemplate transaction;

    WriteTransactions(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The response {@code write} builds, written and read in one transaction. */
    public <T> T run(Supplier<T> write) {
        return DeadlockRetry.get(() -> transaction.execute(status -> write.get()));
    }
}
