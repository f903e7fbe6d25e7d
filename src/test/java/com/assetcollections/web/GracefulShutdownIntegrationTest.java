package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiClient;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.support.AppProcess;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a running service (a child JVM over SQLite) while a write is in flight: the write
 * still commits and answers 201; for {@code app.shutdown.drain} every new request answers 503 with
 * {@code Retry-After} and readiness is 503; then the port closes (a new connection is refused) and
 * the process exits once the write is done, within the grace period. The write is held in flight
 * by the test, which holds SQLite's write lock until the port has closed.
 */
class GracefulShutdownIntegrationTest {

    private static final Pattern DEMO_TOKEN = Pattern.compile("token \\(shown once\\): (ac_\\S+)");
    private static final Duration GRACE = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    @Test
    void anInFlightWriteFinishesNewRequestsAre503AndThenThePortCloses() throws Exception {
        Path file = directory.resolve("shutdown.db");
        try (AppProcess app = AppProcess.start(List.of(
                "--spring.datasource.url=jdbc:sqlite:" + file
                        + "?journal_mode=WAL&busy_timeout=15000&foreign_keys=true",
                "--app.demo-data=true",
                "--app.shutdown.drain=2s",
                "--spring.lifecycle.timeout-per-shutdown-phase=" + GRACE.toSeconds() + "s",
                "--app.webhooks.encryption-key=" + ApiTestBase.WEBHOOK_KEY,
                "--app.webhooks.dispatch=false"))) {
            String token = demoToken(app);
            ApiClient api = app.api();
            assertThat(api.get("/api/v2/collections", token).status()).isEqualTo(200);

            CompletableFuture<ApiResponse> inFlight;
            try (Connection lock = writeLock(file)) {
                inFlight = CompletableFuture.supplyAsync(
                        () -> api.post("/api/v2/collections", token, "{\"name\": \"In flight\"}"));
                Thread.sleep(500);

                app.terminate();
                Thread.sleep(300);

                ApiResponse refused = new ApiClient(app.port()).get("/api/v2/collections", token);
                assertThat(refused.status()).as(refused.body()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isEqualTo("1");
                assertThat(refused.json().path("message").asString()).isEqualTo(DrainingFilter.MESSAGE);
                assertThat(new ApiClient(app.port()).get("/health/ready", null).status())
                        .isEqualTo(503);
                assertThat(inFlight).isNotDone();

                awaitPortClosed(app.port());
                assertThat(inFlight)
                        .as("the write is still in flight when the port closes")
                        .isNotDone();
            }

            ApiResponse written = inFlight.get();
            assertThat(written.status()).as(written.body()).isEqualTo(201);
            OptionalInt exit = app.awaitExit(GRACE);
            assertThat(exit)
                    .as("exited within the grace period; its output:%n%s", app.output())
                    .hasValue(143);
            assertThat(collectionsNamed(file, "In flight")).isEqualTo(1);
        }
    }

    /** The demo token, printed once the demo data is written, after the port has opened. */
    private static String demoToken(AppProcess app) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher token = DEMO_TOKEN.matcher(app.output());
            if (token.find()) {
                return token.group(1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no demo token printed within 60 s; the output:\n" + app.output());
    }

    /** SQLite's one write lock, held until the connection closes (which rolls back). */
    private static Connection writeLock(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
        }
        return connection;
    }

    private static void awaitPortClosed(int port) throws InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpClient.newHttpClient().send(probe, HttpResponse.BodyHandlers.discarding());
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // the connection was accepted and then closed: not yet what a new client sees at the end
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the port " + port + " still accepts connections 10 s after SIGTERM");
    }

    private static int collectionsNamed(Path file, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT count(*) FROM collections WHERE name = '" + name + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
