package com.assetcollections.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.auth.Scope;
import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.IssuedToken;
import com.assetcollections.users.Tokens;
import com.assetcollections.users.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Rate limits with a small limit and a short window (a Spring context of its own). Inlined
 * {@code @TestPropertySource} properties take precedence over {@code @SpringBootTest(properties)}
 * of {@link ApiTestBase}, which the {@code X-RateLimit-Limit: 5} header confirms.
 */
@TestPropertySource(properties = {"app.rate-limit.per-minute=5", "app.rate-limit.window=2s"})
abstract class RateLimitContract extends ApiTestBase {

    private static final int LIMIT = 5;
    private static final Duration WINDOW = Duration.ofSeconds(2);

    @Autowired
    private Tokens tokens;

    @Test
    void everyApiResponseCarriesTheLimitAndWhatRemains() {
        List<ApiResponse> responses = burst(user -> {
            String token = fixtures.token(user);
            String narrow = fixtures.token(user, EnumSet.of(Scope.COLLECTIONS_READ));
            long id = fixtures.collection(user, "Alpha").create();
            return List.of(
                    () -> api.get("/api/v2/collections", token),
                    () -> api.get("/api/v2/collections/" + id, token),
                    () -> api.get("/api/v2/collections/999999999", token),
                    () -> api.get("/api/v2/collections?filter%5Bnope%5D=1", narrow),
                    () -> api.get("/api/v2/collections?include=assets", narrow));
        });
        assertThat(responses).extracting(ApiResponse::status).containsExactly(200, 200, 404, 400, 403);
        for (int i = 0; i < responses.size(); i++) {
            assertThat(responses.get(i).header("X-RateLimit-Limit"))
                    .as("request %d", i + 1)
                    .isEqualTo("5");
            assertThat(responses.get(i).header("X-RateLimit-Remaining"))
                    .as("request %d", i + 1)
                    .isEqualTo(Integer.toString(LIMIT - 1 - i));
        }
    }

    @Test
    void requestsOverTheLimitAnswer429WithRetryAfterAndReset() {
        long before = System.currentTimeMillis() / 1000;
        List<ApiResponse> responses = burst(user -> {
            String token = fixtures.token(user);
            return repeat(LIMIT + 2, () -> api.get("/api/v2/collections", token));
        });
        long after = System.currentTimeMillis() / 1000 + 1;
        assertThat(responses).extracting(ApiResponse::status).containsExactly(200, 200, 200, 200, 200, 429, 429);
        for (ApiResponse refused : responses.subList(LIMIT, LIMIT + 2)) {
            assertThat(refused.header("Content-Type")).startsWith("application/json");
            assertThat(refused.json().path("message").asString("")).isNotBlank();
            assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("5");
            assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
            assertThat(Long.parseLong(refused.header("Retry-After")))
                    .as("Retry-After, seconds")
                    .isBetween(1L, WINDOW.toSeconds());
            assertThat(Long.parseLong(refused.header("X-RateLimit-Reset")))
                    .as("X-RateLimit-Reset, unix time")
                    .isBetween(before, after + WINDOW.toSeconds());
        }
    }

    @Test
    void theLimitIsPerUserAcrossAllTheirTokens() {
        List<ApiResponse> responses = burst(user -> {
            String first = fixtures.token(user);
            String second = fixtures.token(user);
            List<Supplier<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i <= LIMIT; i++) {
                String token = i % 2 == 0 ? first : second;
                calls.add(() -> api.get("/api/v2/collections", token));
            }
            return calls;
        });
        assertThat(responses)
                .extracting(r -> r.header("X-RateLimit-Remaining"))
                .containsExactly("4", "3", "2", "1", "0", "0");
        assertThat(responses.get(LIMIT).status()).isEqualTo(429);

        ApiResponse other = api.get("/api/v2/collections", fixtures.token(fixtures.user("Bob")));
        assertThat(other.status()).as("another user is unaffected").isEqualTo(200);
        assertThat(other.header("X-RateLimit-Remaining")).isEqualTo("4");
    }

    @Test
    void requestsSucceedAgainOnceTheWindowHasPassed() throws InterruptedException {
        String[] token = new String[1];
        List<ApiResponse> responses = burst(user -> {
            token[0] = fixtures.token(user);
            return repeat(LIMIT + 1, () -> api.get("/api/v2/collections", token[0]));
        });
        ApiResponse refused = responses.get(LIMIT);
        assertThat(refused.status()).isEqualTo(429);

        Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 100);

        ApiResponse again = api.get("/api/v2/collections", token[0]);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.header("X-RateLimit-Remaining"))
                .as("a full window again")
                .isEqualTo("4");
    }

    @Test
    void rejectedTokensAndHealthChecksAreNotCounted() {
        User alice = fixtures.user("Alice");
        IssuedToken revoked = fixtures.issue(alice, EnumSet.of(Scope.COLLECTIONS_READ), null);
        tokens.revoke(revoked.id());
        for (int i = 0; i < LIMIT + 2; i++) {
            ApiResponse response = api.get("/api/v2/collections", revoked.plaintext());
            assertThat(response.status()).isEqualTo(401);
            assertThat(api.get("/health", null).status()).isEqualTo(200);
        }
        ApiResponse first = api.get("/api/v2/collections", fixtures.token(alice));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("4");
    }

    /**
     * Sends a fresh user's requests and returns the responses, provided they all fell in the
     * user's first window; a loaded machine that took longer gets another fresh user (a refill in
     * the middle would make the counts meaningless, not wrong).
     */
    private List<ApiResponse> burst(Function<User, List<Supplier<ApiResponse>>> requests) {
        for (int attempt = 1; ; attempt++) {
            List<Supplier<ApiResponse>> calls = requests.apply(fixtures.user("Burst " + attempt));
            long start = System.nanoTime();
            List<ApiResponse> responses = calls.stream().map(Supplier::get).toList();
            if (Duration.ofNanos(System.nanoTime() - start).compareTo(WINDOW) < 0) {
                return responses;
            }
            assertThat(attempt)
                    .as("a burst of %d requests fitting in %s", calls.size(), WINDOW)
                    .isLessThan(5);
        }
    }

    private static List<Supplier<ApiResponse>> repeat(int times, Supplier<ApiResponse> call) {
        List<Supplier<ApiResponse>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            calls.add(call);
        }
        return calls;
    }
}
