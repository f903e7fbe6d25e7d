package com.assetcollections.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.assetcollections.support.ApiResponse;
import com.assetcollections.support.ApiTestBase;
import com.assetcollections.users.IssuedToken;
import com.assetcollections.users.Tokens;
import com.assetcollections.users.User;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Tokens that do not authenticate, counted per client address (a Spring context of its own, with
 * an allowance of three per minute): past it, a token the service does not hold as valid is 429
 * without being looked up. Each test's requests come from addresses of their own, sent in
 * {@code X-Forwarded-For}, which this context trusts from the loopback peer.
 */
@TestPropertySource(
        properties = {
            "app.rate-limit.failed-auth-per-minute=3",
            "server.forward-headers-strategy=native",
            "spring.datasource.hikari.maximum-pool-size=2"
        })
abstract class FailedAuthenticationLimitContract extends ApiTestBase {

    private static final int ALLOWANCE = 3;
    private static final AtomicInteger NETWORKS = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    private Tokens tokens;

    private User alice;

    @BeforeEach
    void alice() {
        alice = fixtures.user("Alice");
    }

    @Test
    void unknownTokensFromOneAddressAnswer429OnceItsAllowanceIsUsedUp() {
        String address = nextAddress();
        for (int i = 0; i < ALLOWANCE; i++) {
            assertThat(get(address, madeUpToken()).status())
                    .as("failure %d", i + 1)
                    .isEqualTo(401);
        }
        ApiResponse refused = get(address, madeUpToken());

        assertTooManyFailures(refused);
        assertThat(get(address, madeUpToken()).status()).isEqualTo(429);
    }

    @Test
    void onceRefusedEvenAValidTokenTheServiceHasNotSeenIsNotLookedUp() {
        String address = exhaustedAddress();
        String unseen = fixtures.token(alice);

        assertTooManyFailures(get(address, unseen));
        assertThat(get(nextAddress(), unseen).status())
                .as("from another address it is looked up and works")
                .isEqualTo(200);
    }

    @Test
    void tokensTheServiceHoldsAsValidPassStraightOn() {
        String token = fixtures.token(alice);
        assertThat(get(nextAddress(), token).status()).isEqualTo(200);
        String address = exhaustedAddress();

        ApiResponse response = get(address, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("X-RateLimit-Limit")).isEqualTo("1000000");
    }

    @Test
    void aHeldTokenRevokedMeanwhileIsStill401AndCounts() {
        IssuedToken issued = fixtures.issue(alice, EnumSet.of(Scope.COLLECTIONS_READ), null);
        String address = nextAddress();
        assertThat(get(address, issued.plaintext()).status()).isEqualTo(200);
        tokens.revoke(issued.id());

        for (int i = 0; i < ALLOWANCE; i++) {
            assertThat(get(address, issued.plaintext()).status())
                    .as("attempt %d", i + 1)
                    .isEqualTo(401);
        }
        assertTooManyFailures(get(address, issued.plaintext()));
    }

    @Test
    void revokedMalformedAndUnknownTokensAllCount() {
        IssuedToken revoked = fixtures.issue(alice, EnumSet.of(Scope.COLLECTIONS_READ), null);
        tokens.revoke(revoked.id());
        String address = nextAddress();
        for (String token : List.of(revoked.plaintext(), "not-a-token", madeUpToken())) {
            assertThat(get(address, token).status()).as(token).isEqualTo(401);
        }
        assertTooManyFailures(get(address, madeUpToken()));
    }

    @Test
    void requestsWithoutATokenAreNotCounted() {
        String address = nextAddress();
        for (int i = 0; i < ALLOWANCE + 2; i++) {
            assertThat(get(address, null).status()).isEqualTo(401);
        }
        assertThat(get(address, madeUpToken()).status()).isEqualTo(401);
    }

    @Test
    void everyAddressOfOneIpv6Slash64SharesTheAllowanceAndOtherAddressesHaveTheirOwn() {
        String network = "2001:db8:" + Integer.toHexString(NETWORKS.incrementAndGet()) + ":0:";
        for (int i = 1; i <= ALLOWANCE; i++) {
            assertThat(get(network + i + ":0:0:1", madeUpToken()).status()).isEqualTo(401);
        }
        assertTooManyFailures(get(network + "ffff:ffff:ffff:ffff", madeUpToken()));

        assertThat(get(nextAddress(), madeUpToken()).status())
                .as("the next /64")
                .isEqualTo(401);
        assertThat(get("192.0.2." + (NETWORKS.incrementAndGet() % 250 + 1), madeUpToken())
                        .status())
                .as("an IPv4 address")
                .isEqualTo(401);
    }

    /** An address in a /64 of its own whose allowance is used up. */
    private String exhaustedAddress() {
        String address = nextAddress();
        for (int i = 0; i < ALLOWANCE; i++) {
            get(address, madeUpToken());
        }
        assertThat(get(address, madeUpToken()).status()).isEqualTo(429);
        return address;
    }

    private ApiResponse get(String clientAddress, String token) {
        return api.getWith("/api/v2/collections", token, "X-Forwarded-For", clientAddress);
    }

    private static void assertTooManyFailures(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(429);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertThat(retryAfter).as("Retry-After, seconds").isBetween(1L, 60L);
        assertThat(response.json().propertyNames()).containsExactly("message");
        assertThat(response.json().get("message").asString())
                .isEqualTo("too many failed authentications from this address; retry after " + retryAfter + " s");
    }

    /** Documentation addresses (RFC 3849), each in a /64 of its own. */
    private static String nextAddress() {
        return "2001:db8:" + Integer.toHexString(NETWORKS.incrementAndGet()) + "::1";
    }

    private static String madeUpToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "ac_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
