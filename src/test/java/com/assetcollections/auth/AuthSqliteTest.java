package com.assetcollections.auth;

import com.assetcollections.support.SqliteDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class AuthSqliteTest extends AuthContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SqliteDatabase.register(registry);
    }
}
