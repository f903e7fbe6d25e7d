package com.assetcollections.support;

import com.assetcollections.users.Tokens;
import com.assetcollections.users.Users;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The running application on a real port over one database, with an empty database before each
 * test. Subclasses choose the database with {@link OnSqlite} or {@link OnPostgres}; classes with
 * the same settings share one application context (one server and pool per database).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"app.demo-data=false", "app.rate-limit.per-minute=1000000"})
public abstract class ApiTestBase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected DSLContext db;

    @Autowired
    private Users users;

    @Autowired
    private Tokens tokens;

    protected Fixtures fixtures;
    protected ApiClient api;

    @BeforeEach
    void emptyDatabase() {
        fixtures = new Fixtures(db, users, tokens);
        fixtures.wipe();
        api = new ApiClient(port);
    }
}
