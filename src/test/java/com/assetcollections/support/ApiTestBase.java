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
 * the same settings share one application context (one server and pool per database). The
 * scheduled purges never run on their own here (a test that needs one calls it), so that they
 * cannot race the expired rows a test writes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "app.demo-data=false",
            "app.rate-limit.per-minute=1000000",
            "app.rate-limit.failed-auth-per-minute=1000000",
            "app.rate-limit.concurrent-per-user=1000",
            "app.rate-limit.heavy-units=1000000",
            "app.idempotency-keys.purge-interval=" + ApiTestBase.NEVER,
            "app.tombstones.purge-interval=" + ApiTestBase.NEVER,
            "app.webhooks.encryption-key=" + ApiTestBase.WEBHOOK_KEY,
            "app.webhooks.allow-private-targets=true",
            "app.webhooks.http-hosts=127.0.0.1,localhost",
            "app.webhooks.first-retry=100ms",
            "app.webhooks.multiplier=2",
            "app.webhooks.attempts=4",
            "app.webhooks.poll-interval=50ms",
            "app.webhooks.purge-interval=" + ApiTestBase.NEVER,
            // the contexts a run caches each keep a pool: idle ones shrink, so that together they
            // stay under PostgreSQL's 100 connections
            "spring.datasource.hikari.minimum-idle=1",
            "spring.datasource.hikari.idle-timeout=10000"
        })
public abstract class ApiTestBase {

    /** The interval of the scheduled purges in tests: longer than any test run. */
    public static final String NEVER = "1000d";

    /** The key that seals webhook secrets in tests (base64 of 32 bytes). */
    public static final String WEBHOOK_KEY = "dGVzdHMtb25seSB3ZWJob29rIHNlYWxpbmcga2V5ISE=";

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
