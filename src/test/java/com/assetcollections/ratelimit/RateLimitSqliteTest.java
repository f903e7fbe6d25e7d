package com.assetcollections.ratelimit;

import com.assetcollections.support.SqliteDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class RateLimitSqliteTest extends RateLimitContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SqliteDatabase.register(registry);
    }
}
