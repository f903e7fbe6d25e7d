package com.assetcollections.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicBaseUrlTest {

    @Test
    void isLocalhostOnTheConfiguredPortWhenNoneIsConfigured() {
        assertThat(new PublicBaseUrl("", 9090).of("/api/v2/assets")).isEqualTo("http://localhost:9090/api/v2/assets");
    }

    @Test
    void keepsAPathPrefixAndDropsTrailingSlashes() {
        assertThat(new PublicBaseUrl(" https://example.com/assets-api// ", 8080).of("/api/v2/assets"))
                .isEqualTo("https://example.com/assets-api/api/v2/assets");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "example.com",
                "/api",
                "ftp://example.com",
                "https://example.com/?a=1",
                "https://u:p@example.com",
                "https://example.com/#top",
                "http://"
            })
    void refusesAnythingButAnHttpUrlWithAHost(String value) {
        assertThatThrownBy(() -> new PublicBaseUrl(value, 8080))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("app.public-base-url `" + value + "`");
    }
}
