package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;

class CorsPolicyTest {

    private static final PublicBaseUrl BASE = new PublicBaseUrl("https://api.example.com/prefix", 8080);

    @Test
    void allowsNoOtherOriginByDefault() {
        CorsConfiguration rules = rulesFor(new CorsPolicy("", BASE), "https://app.example.com");

        assertThat(rules.checkOrigin("https://app.example.com")).isNull();
    }

    @Test
    void allowsTheServicesOwnPublicOrigin() {
        CorsConfiguration rules = rulesFor(new CorsPolicy("", BASE), "https://api.example.com");

        assertThat(rules.checkOrigin("https://api.example.com")).isEqualTo("https://api.example.com");
        assertThat(rules.getAllowedHeaders()).contains("Authorization");
    }

    @Test
    void givesTheWildcardOnlyTokenlessReads() {
        CorsConfiguration rules = rulesFor(new CorsPolicy("https://app.example.com,*", BASE), "https://x.example");

        assertThat(rules.getAllowedOrigins()).containsExactly("*");
        assertThat(rules.getAllowedMethods()).containsExactly("GET", "HEAD");
        assertThat(rules.getAllowedHeaders()).doesNotContain("Authorization");
    }

    @Test
    void refusesAnEntryThatIsNoOrigin() {
        assertThatThrownBy(() -> new CorsPolicy("https://app.example.com/path", BASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("`https://app.example.com/path` is not an origin");
    }

    private static CorsConfiguration rulesFor(CorsPolicy policy, String origin) {
        MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", "/api/v2/collections");
        request.addHeader("Origin", origin);
        return policy.getCorsConfiguration(request);
    }
}
