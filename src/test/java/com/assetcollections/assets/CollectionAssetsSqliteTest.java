package com.assetcollections.assets;

import com.assetcollections.support.SqliteDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class CollectionAssetsSqliteTest extends CollectionAssetsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SqliteDatabase.register(registry);
    }
}
