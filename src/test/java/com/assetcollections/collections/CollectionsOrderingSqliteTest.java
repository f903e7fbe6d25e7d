package com.assetcollections.collections;

import com.assetcollections.support.SqliteDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class CollectionsOrderingSqliteTest extends CollectionsOrderingContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SqliteDatabase.register(registry);
    }
}
