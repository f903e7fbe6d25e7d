package com.assetcollections.collections;

import com.assetcollections.support.OnSqlite;

@OnSqlite
class WriteMixSqliteTest extends WriteMixContract {

    /**
     * SQLite cannot deadlock here: every write transaction begins IMMEDIATE (see SqliteDatabase),
     * taking the database's one write lock before it reads, so writers queue instead.
     */
    @Override
    long deadlocksSoFar() {
        return 0;
    }
}
