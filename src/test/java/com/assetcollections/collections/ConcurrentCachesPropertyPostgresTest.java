package com.assetcollections.collections;

import com.assetcollections.support.OnPostgres;
import org.springframework.transaction.TransactionDefinition;

/** REPEATABLE READ: one snapshot for the whole transaction. */
@OnPostgres
class ConcurrentCachesPropertyPostgresTest extends ConcurrentCachesPropertyContract {

    @Override
    int snapshotIsolation() {
        return TransactionDefinition.ISOLATION_REPEATABLE_READ;
    }

    @Override
    int checkers() {
        return 2;
    }
}
