package com.assetcollections.assets;

import com.assetcollections.support.PostgresDatabase;
import com.assetcollections.support.RequiresPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RequiresPostgres
class CollectionAssetsPostgresTest extends CollectionAssetsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }
}
