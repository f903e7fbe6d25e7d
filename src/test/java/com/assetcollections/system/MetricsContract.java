package com.assetcollections.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.User;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v2/metrics}: what a Prometheus scrape job sees after some traffic — requests by
 * route template, method and status with latency buckets; the connection pool; the caches; the
 * limits, retried write conflicts and webhook series — and that no label carries an id or a raw path.
 */
abstract class MetricsContract extends ApiTestBase {

    private static final Pattern SAMPLE = Pattern.compile("^([a-z_:][a-z0-9_:]*)(\\{.*})? (\\S+)$");

    private User alice;
    private String aliceToken;
    private String adminToken;

    @BeforeEach
    void users() {
        alice = fixtures.user("Alice");
        aliceToken = fixtures.token(alice);
        adminToken = fixtures.token(fixtures.user("Admin"), EnumSet.allOf(Scope.class));
    }

    @Test
    void aScrapeShowsRequestsByRouteThePoolTheCachesAndTheLimits() {
        long id = fixtures.collection(alice, "Holiday " + System.nanoTime()).create();
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v2/collections?include=assets", aliceToken).status())
                    .isEqualTo(200);
        }
        assertThat(api.get("/api/v2/collections/" + id, aliceToken).status()).isEqualTo(200);
        assertThat(api.get("/api/v2/collections/987654321", aliceToken).status())
                .isEqualTo(404);

        ApiResponse scrape = api.get("/api/v2/metrics", adminToken);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type").replace(" ", "")).startsWith("text/plain;version=0.0.4");
        List<String> samples = Arrays.stream(scrape.body().split("\n"))
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .toList();
        assertThat(value(
                        samples,
                        "http_server_requests_seconds_count",
                        "method=\"GET\"",
                        "status=\"200\"",
                        "uri=\"/api/v2/collections\""))
                .isGreaterThanOrEqualTo(3);
        assertThat(value(
                        samples,
                        "http_server_requests_seconds_count",
                        "status=\"404\"",
                        "uri=\"/api/v2/collections/{key}\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(samples, "http_server_requests_seconds_bucket", "uri=\"/api/v2/collections\"", "le=\"+Inf\""))
                .isGreaterThanOrEqualTo(3);
        for (String pool : List.of("active", "idle", "pending")) {
            assertThat(names(samples)).contains("hikaricp_connections_" + pool);
        }
        assertThat(value(samples, "hikaricp_connections_acquire_seconds_count")).isPositive();
        for (String cache : List.of("tokens", "totals", "ordered_ids", "includes")) {
            assertThat(samples)
                    .anyMatch(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"" + cache + "\""));
        }
        assertThat(value(samples, "cache_gets_total", "cache=\"tokens\"", "result=\"hit\""))
                .isPositive();
        for (String limit : List.of("requests", "concurrent", "heavy", "failed_authentications")) {
            assertThat(samples)
                    .anyMatch(line -> line.startsWith("api_rate_limit_rejections_total{limit=\"" + limit + "\"}"));
        }
        assertThat(names(samples))
                .contains(
                        "api_write_conflicts_retried_total",
                        "webhook_deliveries_pending",
                        "webhook_attempts_total",
                        "webhook_deliveries_paced_total");
        assertThat(value(samples, "webhook_delivery_lag_seconds_count")).isNotNegative();
    }

    @Test
    void theServicesOwnSeriesSayWhatTheyCount() {
        String scrape = api.get("/api/v2/metrics", adminToken).body();

        for (String name : List.of(
                "api_rate_limit_rejections_total",
                "api_write_conflicts_retried_total",
                "webhook_deliveries_pending",
                "webhook_attempts_total",
                "webhook_deliveries_paced_total",
                "webhook_delivery_lag_seconds")) {
            assertThat(scrape).containsPattern("(?m)^# HELP " + name + " \\S");
        }
    }

    @Test
    void noLabelCarriesAnIdOrARawPath() {
        long id = fixtures.collection(alice, "Secret " + System.nanoTime()).create();
        api.get("/api/v2/collections/" + id, aliceToken);
        api.get("/api/v2/no/such/place/" + id, aliceToken);
        api.get("/api/v2/collections", "ac_not_a_token");

        String scrape = api.get("/api/v2/metrics", adminToken).body();

        assertThat(scrape)
                .doesNotContain("/" + id)
                .doesNotContain("no/such/place")
                .doesNotContain("ac_not_a_token");
        Matcher labels = Pattern.compile("\\b([a-z_]+)=\"").matcher(scrape);
        while (labels.find()) {
            assertThat(labels.group(1)).doesNotContain("user").doesNotContain("token");
        }
    }

    @Test
    void onlyTheAdminScopeMayScrape() {
        ApiResponse refused = api.get("/api/v2/metrics", aliceToken);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asString()).contains("admin");
        assertThat(api.get("/api/v2/metrics", null).status()).isEqualTo(401);
    }

    private static List<String> names(List<String> samples) {
        return samples.stream()
                .map(SAMPLE::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .toList();
    }

    /** The sum of the samples of {@code name} whose labels contain every one of {@code labels}. */
    private static double value(List<String> samples, String name, String... labels) {
        double sum = 0;
        boolean found = false;
        for (String line : samples) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            String set = m.group(2) == null ? "" : m.group(2);
            if (Arrays.stream(labels).allMatch(set::contains)) {
                sum += Double.parseDouble(m.group(3));
                found = true;
            }
        }
        assertThat(found)
                .as(
                        "a sample of %s with %s among %s",
                        name,
                        List.of(labels),
                        samples.stream().filter(line -> line.startsWith(name)).toList())
                .isTrue();
        return sum;
    }
}
