package com.assetcollections.collections;

import com.assetcollections.support.OnSqlite;
import org.springframework.transaction.TransactionDefinition;

/** SQLite transactions are serializable: one snapshot each, and writers take turns. */
@OnSqlite
class ConcurrentCachesPropertySqliteTest extends ConcurrentCachesPropertyContract {

    @Override
    int snapshotIsolation() {
        return TransactionDefinition.ISOLATION_DEFAULT;
    }

    @Override
    int checkers() {
        return 1;
    }
}
