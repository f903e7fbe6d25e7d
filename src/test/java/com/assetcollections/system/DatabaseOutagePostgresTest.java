package com.assetcollections.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.AssetCollectionsApplication;
import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.PostgresDatabase;
import com.assetcollections.support.RequiresPostgres;
import com.assetcollections.support.TcpCutter;
import com.assetcollections.users.Tokens;
import com.assetcollections.users.Users;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service over a PostgreSQL database that goes away and comes back: the test puts a TCP proxy
 * between them ({@link TcpCutter}), cuts it and reconnects it. While the database is away every
 * request answers 503 with {@code Retry-After} and the JSON error body — whether the token check
 * (before MVC) or the handler needs it — health and readiness say so, liveness does not, and all
 * of it recovers by itself; a first start whose demo data is cut off starts anyway, keeps none of
 * it, and the next start writes it all.
 */
@RequiresPostgres
class DatabaseOutagePostgresTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RECOVERY = Duration.ofSeconds(30);
    private static final String UNREACHABLE = "{\"message\": \"the database is unreachable; retry shortly\"}";

    private String database;
    private TcpCutter proxy;

    @BeforeEach
    void databaseBehindAProxy() {
        database = PostgresDatabase.createAnother("ac_outage");
        proxy = new TcpCutter(PostgresDatabase.port());
    }

    @AfterEach
    void dropDatabase() {
        proxy.close();
        PostgresDatabase.drop(database);
    }

    @Test
    void everyRequestIs503WithRetryAfterWhileTheDatabaseIsAwayAndServedWhenItIsBack() {
        try (ConfigurableApplicationContext app = start(false)) {
            ApiClient api = new ApiClient(port(app));
            String warm = token(app, "warm@example.com");
            String cold = token(app, "cold@example.com");
            assertThat(api.get("/api/v2/collections", warm).status()).isEqualTo(200);

            proxy.cut();

            assertUnreachable(api.get("/api/v2/collections", warm), "a handler");
            assertUnreachable(api.get("/api/v2/collections", cold), "the token check");
            assertUnreachable(api.post("/api/v2/collections", warm, "{\"name\": \"Brands\"}"), "a write");
            ApiResponse health = api.get("/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().path("status").asString()).isEqualTo("unavailable");
            assertThat(health.json().path("message").asString()).isEqualTo("the database is unreachable");
            assertThat(health.json().path("timestamp").asString()).endsWith("Z");
            assertThat(api.get("/health/ready", null).status()).isEqualTo(503);
            assertThat(api.get("/health/live", null).status()).isEqualTo(200);

            proxy.reconnect();

            awaitStatus(() -> api.get("/health", null), 200);
            assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
            assertThat(api.get("/api/v2/collections", cold).status()).isEqualTo(200);
            assertThat(api.post("/api/v2/collections", warm, "{\"name\": \"Brands\"}")
                            .status())
                    .isEqualTo(201);
        }
    }

    @Test
    void aFirstStartWhoseDemoDataIsCutOffStartsKeepsNoneOfItAndTheNextStartWritesItAll() throws SQLException {
        proxy.cutWhenSent("COPY collections ");
        try (ConfigurableApplicationContext first = start(true)) {
            ApiClient api = new ApiClient(port(first));
            assertThat(api.get("/health/live", null).status()).isEqualTo(200);
            assertThat(counts()).isEqualTo(Map.of("users", 0L, "assets", 0L, "collections", 0L));

            proxy.reconnect();
            awaitStatus(() -> api.get("/health", null), 200);
        }
        try (ConfigurableApplicationContext second = start(true)) {
            assertThat(counts())
                    .isEqualTo(Map.of(
                            "users",
                            DemoData.PLAN.users() + 1L,
                            "assets",
                            (long) DemoData.PLAN.assets(),
                            "collections",
                            (long) DemoData.PLAN.collections()));
        }
    }

    private ConfigurableApplicationContext start(boolean demoData) {
        List<String> args = List.of(
                "--server.port=0",
                "--spring.datasource.url=" + PostgresDatabase.url(database, proxy.port()),
                "--spring.datasource.hikari.maximum-pool-size=3",
                "--spring.datasource.hikari.connection-timeout=1000",
                "--app.demo-data=" + demoData,
                "--app.webhooks.dispatch=false",
                "--app.webhooks.encryption-key=" + ApiTestBase.WEBHOOK_KEY,
                "--app.idempotency-keys.purge-interval=" + ApiTestBase.NEVER,
                "--app.tombstones.purge-interval=" + ApiTestBase.NEVER,
                "--app.webhooks.purge-interval=" + ApiTestBase.NEVER);
        return new SpringApplicationBuilder(AssetCollectionsApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static String token(ConfigurableApplicationContext app, String email) {
        long user = app.getBean(Users.class).create("User", email).id();
        return app.getBean(Tokens.class)
                .issue(user, "test", EnumSet.allOf(Scope.class), null)
                .plaintext();
    }

    private static void assertUnreachable(ApiResponse response, String where) {
        assertThat(response.status()).as(where + ": " + response.body()).isEqualTo(503);
        assertThat(response.header("Retry-After")).as(where).isEqualTo("5");
        assertThat(response.json()).as(where).isEqualTo(JSON.readTree(UNREACHABLE));
    }

    private static void awaitStatus(Supplier<ApiResponse> request, int status) {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        ApiResponse last = request.get();
        while (last.status() != status && System.nanoTime() < deadline) {
            sleep(200);
            last = request.get();
        }
        assertThat(last.status()).as(last.body()).isEqualTo(status);
    }

    /** Rows of the demo data's tables, read past the proxy. */
    private Map<String, Long> counts() throws SQLException {
        try (Connection connection = PostgresDatabase.connect(database);
                Statement statement = connection.createStatement()) {
            return Map.of(
                    "users", count(statement, "users"),
                    "assets", count(statement, "assets"),
                    "collections", count(statement, "collections"));
        }
    }

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
